"""Two small charts drawn with QPainter: stacked bars per day and a horizontal funnel.

PySide6-Essentials has no QtCharts, and these two need little: bars, a y-axis with round ticks,
a few date labels and a legend. Both take plain lists so a test can check exactly what they
were given (`series()`, `steps()`) and what a hover shows (`tooltip_at`). Colours are fixed per
channel (they mean the same thing everywhere in the app); text follows the palette so the charts
read in the light and the dark theme.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

CHANNEL_COLOURS: dict[str, str] = {"email": "#3b7dd8", "sms": "#2e9e6a", "push": "#e08a1e"}
FALLBACK_COLOURS = ("#8e6bbf", "#c2504b", "#4aa3a8", "#8c8c3a")
FUNNEL_COLOUR = "#5b8def"
GOAL_COLOUR = "#2e9e6a"


def axis_ticks(value: float, most: int = 5) -> tuple[int, int]:
    """(step, count): a round step (1, 2 or 5 × 10^k, whole numbers) and at most `most` steps that
    reach `value`, so the y-axis reads 0, 5, 10, … and ends just above the tallest bar."""
    if value <= 0:
        return 1, 1
    exp = 1
    while True:
        for base in (1, 2, 5):
            step = base * exp
            count = math.ceil(value / step)
            if count <= most:
                return step, max(count, 1)
        exp *= 10


def _short(n: float) -> str:
    if n >= 10_000:
        return f"{n / 1000:,.0f}k"
    if n >= 1000:
        return f"{n / 1000:,.1f}k".replace(".0k", "k")
    return f"{n:,.0f}"


class StackedBarChart(QWidget):
    """One stacked bar per day (messages per channel); hovering a bar shows that day's counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StackedBarChart")
        self.setMinimumSize(240, 64)  # fits the bottom panel of a 1280×720 screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._days: list[str] = []
        self._series: dict[str, list[int]] = {}
        self._empty_text = ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 220)

    def set_data(self, days: Sequence[str], series: Mapping[str, Sequence[int]]) -> None:
        """`series` maps a channel to one count per day; channels that never send are left out."""
        self._days = list(days)
        self._series = {name: [int(v) for v in values] for name, values in series.items() if any(values)}
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def days(self) -> list[str]:
        return list(self._days)

    def series(self) -> dict[str, list[int]]:
        return {k: list(v) for k, v in self._series.items()}

    def totals(self) -> list[int]:
        return [sum(v[i] for v in self._series.values() if i < len(v)) for i in range(len(self._days))]

    @staticmethod
    def colour(name: str, index: int = 0) -> QColor:
        return QColor(CHANNEL_COLOURS.get(name, FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)]))

    # -- geometry ------------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        metrics = QFontMetricsF(self.font())
        left = metrics.horizontalAdvance("00.0k") + 12
        top = metrics.height() + 10  # the legend
        bottom = metrics.height() + 8  # date labels
        return QRectF(left, top, max(self.width() - left - 10, 10), max(self.height() - top - bottom, 10))

    def index_at(self, x: float) -> int | None:
        """The day under an x position (widget pixels), or None outside the bars."""
        plot = self._plot_rect()
        if not self._days or not plot.left() <= x < plot.right():
            return None
        return min(int((x - plot.left()) / plot.width() * len(self._days)), len(self._days) - 1)

    def tooltip_at(self, x: float) -> str:
        i = self.index_at(x)
        if i is None:
            return ""
        parts = [f"{name} {values[i]:,}" for name, values in self._series.items() if values[i]]
        total = self.totals()[i]
        return f"{self._days[i]}: {total:,}" + (f" ({', '.join(parts)})" if parts else "")

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            text = self.tooltip_at(QHelpEvent(event).pos().x()) if isinstance(event, QHelpEvent) else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = QFontMetricsF(self.font())
        plot = self._plot_rect()
        totals = self.totals()
        if not self._days or not totals or max(totals) == 0:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            painter.end()
            return
        step, ticks = axis_ticks(max(totals))
        top = step * ticks

        # y axis: round ticks
        for k in range(ticks + 1):
            value = step * k
            y = plot.bottom() - plot.height() * k / ticks
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _short(value))

        # bars, channel by channel from the bottom
        n = len(self._days)
        slot = plot.width() / n
        gap = 1.0 if slot >= 4 else 0.0
        base = [0] * n
        for index, (name, values) in enumerate(self._series.items()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour(name, index))
            for i, v in enumerate(values[:n]):
                if not v:
                    continue
                y0 = plot.bottom() - plot.height() * base[i] / top
                h = plot.height() * v / top
                painter.drawRect(QRectF(plot.left() + i * slot + gap / 2, y0 - h, max(slot - gap, 0.8), h))
                base[i] += v

        # x labels: first day, last day and a few in between that fit
        painter.setPen(text)
        label_w = metrics.horizontalAdvance("0000-00-00") + 12
        every = max(1, math.ceil(label_w / slot))
        y = plot.bottom() + 4
        for i in range(0, n, every):
            x = plot.left() + i * slot
            if x + label_w > plot.right() + 4 and i != 0:
                break
            painter.drawText(QRectF(x, y, label_w, metrics.height()), Qt.AlignmentFlag.AlignLeft, self._days[i][5:]
                             if n > 1 else self._days[i])

        # legend
        x = plot.left()
        for index, name in enumerate(self._series):
            painter.fillRect(QRectF(x, 4, 10, 10), self.colour(name, index))
            label = f"{name} {sum(self._series[name]):,}"
            painter.drawText(QPointF(x + 14, 4 + metrics.ascent() - 1), label)
            x += 14 + metrics.horizontalAdvance(label) + 16
        painter.end()


class FunnelChart(QWidget):
    """Horizontal bars from the widest step down, each with its count and share of the first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FunnelChart")
        self.setMinimumSize(240, 64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._steps: list[tuple[str, int, bool]] = []
        self._empty_text = ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 220)

    def set_steps(self, steps: Sequence[tuple[str, int]], goal_last: bool = True) -> None:
        """(label, count) from the top of the funnel down; the last one is drawn as the goal."""
        self._steps = [(label, int(count), goal_last and i == len(steps) - 1) for i, (label, count)
                       in enumerate(steps)]
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def steps(self) -> list[tuple[str, int]]:
        return [(label, count) for label, count, _ in self._steps]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetricsF(self.font())
        if not self._steps or self._steps[0][1] == 0:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            painter.end()
            return
        first = self._steps[0][1]
        label_w = min(max(metrics.horizontalAdvance(s[0]) for s in self._steps) + 12, self.width() * 0.42)
        row_h = max(min((self.height() - 8) / len(self._steps), 34.0), metrics.height() + 6)
        bar_area = max(self.width() - label_w - 12, 20)
        for i, (label, count, goal) in enumerate(self._steps):
            y = 4 + i * row_h
            painter.setPen(text)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(4, y, label_w - 8, row_h - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            w = bar_area * count / first
            colour = QColor(GOAL_COLOUR if goal else FUNNEL_COLOUR)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            bar = QRectF(label_w, y + 2, max(w, 1.5), row_h - 8)
            painter.drawRoundedRect(bar, 3, 3)
            caption = f"{count:,} · {100 * count / first:.1f} %"
            cw = metrics.horizontalAdvance(caption) + 10
            inside = w >= cw
            painter.setPen(QColor("#ffffff") if inside else text)
            where = QRectF(label_w + 5, y, w - 10, row_h - 4) if inside else QRectF(label_w + w + 6, y, cw, row_h - 4)
            painter.drawText(where, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, caption)
        painter.end()
