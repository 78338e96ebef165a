"""One customer's coming messages from every journey on one calendar, so collisions show early.

A month or week grid (custom painted: a day cell holds message chips coloured by journey) and a
list of the same messages underneath. A day on which two or more *different* journeys send is
tinted amber and named in the summary line and the list, because that is the day the welcome
mail and the cart reminder land together and the customer unsubscribes.

The widget never computes messages: the app glue answers `customerRequested(text)` with
`set_customer(title, tz)` and `set_messages(messages, start, days, journeys)`, where messages are
`engine.calendar.UpcomingMessage` tuples. Days are the customer's local days (`tz`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.calendar import UpcomingMessage, collision_days
from engine.timeutil import zone
from widgets.flow_layout import FlowLayout
from widgets.labels import LineLabel
from widgets.scrolling import ElasticSplitter

JOURNEY_COLOURS = ("#3b7dd8", "#e08a1e", "#2e9e6a", "#c2504b", "#8e6bbf", "#d45d9a", "#4aa3a8",
                   "#b5762f", "#6d8f2e", "#5a6b8c")
COLLISION = QColor("#f0a020")
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
MODES = ("month", "week")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class _Grid(QWidget):
    """The painted days: 6 × 7 cells for a month, 1 × 7 tall cells for a week."""

    dayClicked = Signal(object)

    def __init__(self, owner: CustomerCalendar) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setObjectName("calendar_grid")
        self.setMinimumSize(322, 220)  # 46 px a day: the day number and a few chips still fit
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(760, 420)

    def _geometry(self) -> tuple[float, float, float, int]:
        """(header height, cell width, cell height, rows)."""
        rows = len(self.owner.visible_days()) // 7
        header = QFontMetricsF(self.font()).height() + 6
        return header, self.width() / 7, (self.height() - header) / max(rows, 1), rows

    def day_at(self, pos: QPointF) -> date | None:
        header, cw, ch, rows = self._geometry()
        if pos.y() < header:
            return None
        col, row = int(pos.x() // cw), int((pos.y() - header) // ch)
        days = self.owner.visible_days()
        index = row * 7 + col
        return days[index] if 0 <= col < 7 and 0 <= row < rows and index < len(days) else None

    def cell_rect(self, day: date) -> QRectF | None:
        days = self.owner.visible_days()
        if day not in days:
            return None
        header, cw, ch, _ = self._geometry()
        i = days.index(day)
        return QRectF((i % 7) * cw, header + (i // 7) * ch, cw, ch)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        day = self.day_at(event.position())
        if day is not None:
            self.dayClicked.emit(day)
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        owner = self.owner
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        dim = QColor(text)
        dim.setAlpha(110)
        line = QColor(text)
        line.setAlpha(45)
        base, alt = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.AlternateBase)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1.0, 7.0))
        fm, sm = QFontMetricsF(self.font()), QFontMetricsF(small)
        header, cw, ch, _rows = self._geometry()

        painter.setPen(text)
        for col, name in enumerate(owner.weekday_names()):
            painter.drawText(QRectF(col * cw, 0, cw, header), Qt.AlignmentFlag.AlignCenter, name)

        collisions = owner.collisions()
        today, month = owner.today(), owner.anchor().month
        for day in owner.visible_days():
            rect = self.cell_rect(day)
            assert rect is not None
            in_window = owner.in_window(day)
            painter.fillRect(rect, base if in_window else alt)
            if day in collisions:
                tint = QColor(COLLISION)
                tint.setAlpha(48)
                painter.fillRect(rect, tint)
            painter.setPen(QPen(line, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if day == owner.selected_day():
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
            if day in collisions:
                painter.setPen(QPen(COLLISION, 2))
                painter.drawRect(rect.adjusted(2, 2, -2, -2))

            # the day number, bold for today, dimmed outside the month (month view)
            font = QFont(self.font())
            font.setBold(day == today)
            painter.setFont(font)
            outside = owner.mode() == "month" and day.month != month
            painter.setPen(dim if outside or not in_window else text)
            number = str(day.day) if owner.mode() == "month" else day.strftime("%d %b")
            painter.drawText(QRectF(rect.left() + 5, rect.top() + 2, rect.width() - 10, fm.height()),
                             Qt.AlignmentFlag.AlignLeft, number)
            if day in collisions:
                painter.setFont(small)
                painter.setPen(QColor("#a05a00") if pal.color(QPalette.ColorRole.Base).lightness() > 128
                               else COLLISION)
                painter.drawText(QRectF(rect.left() + 5, rect.top() + 2, rect.width() - 10, fm.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 QCoreApplication.translate("CustomerCalendar", "⚠ {n} journeys").format(n=len(collisions[day])))

            # the chips
            painter.setFont(small)
            chips = owner.messages_on(day)
            chip_h = sm.height() + 4
            top = rect.top() + fm.height() + 5
            room = int((rect.bottom() - top - 2) // (chip_h + 2))
            shown = chips if len(chips) <= room else chips[:max(room - 1, 0)]
            for message in shown:
                chip = QRectF(rect.left() + 3, top, rect.width() - 6, chip_h)
                colour = owner.journey_colour(message.journey)
                fill = QColor(colour)
                fill.setAlpha(60)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(chip, 3, 3)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(chip.left(), chip.top(), 4, chip.height()), 2, 2)
                painter.setPen(text)
                label = f"{owner.local_time(message)} {message.subject}"
                painter.drawText(chip.adjusted(7, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 sm.elidedText(label, Qt.TextElideMode.ElideRight, chip.width() - 10))
                top += chip_h + 2
            if len(shown) < len(chips):
                painter.setPen(dim)
                painter.drawText(QRectF(rect.left() + 6, top, rect.width() - 12, chip_h),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 QCoreApplication.translate("CustomerCalendar", "+{n} more").format(n=len(chips) - len(shown)))
            painter.setFont(self.font())
        painter.end()


class CustomerCalendar(QWidget):
    """The calendar page: customer search, a month/week grid, a collision summary and a list."""

    customerRequested = Signal(str)  # the text typed: an id, an e-mail or part of a name
    refreshRequested = Signal()
    daySelected = Signal(object)  # a date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerCalendar")
        self._messages: list[UpcomingMessage] = []
        self._by_day: dict[date, list[UpcomingMessage]] = {}
        self._collisions: dict[date, list[str]] = {}
        self._colours: dict[str, QColor] = {}
        self._tz = zone("UTC")
        self._window: tuple[date, date] | None = None
        self._today = date.today()
        self._anchor = self._today
        self._selected: date | None = None
        self._mode = "month"
        self._build()
        self._refresh_view()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("calendar_search")
        self.search.setPlaceholderText(self.tr("Customer id, e-mail or name"))
        self.search.returnPressed.connect(self._request)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("calendar_show")
        self.show_button.clicked.connect(self._request)
        self.title = LineLabel(self)
        self.title.setObjectName("calendar_title")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        top = FlowLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_button)

        self.prev_button = QPushButton("◀", self)
        self.prev_button.setObjectName("calendar_prev")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setObjectName("calendar_today")
        self.today_button.clicked.connect(lambda: self.go_to(self._window[0] if self._window else self._today))
        self.next_button = QPushButton("▶", self)
        self.next_button.setObjectName("calendar_next")
        self.next_button.setToolTip(self.tr("Next"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period = QLabel(self)
        self.period.setObjectName("calendar_period")
        self.mode_box = QComboBox(self)
        self.mode_box.setObjectName("calendar_mode")
        self.mode_box.addItem(self.tr("Month"), "month")
        self.mode_box.addItem(self.tr("Week"), "week")
        self.mode_box.currentIndexChanged.connect(lambda _i: self.set_mode(str(self.mode_box.currentData())))
        nav = FlowLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            w.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            nav.addWidget(w)
        nav.addWidget(self.period, 1)
        nav.addWidget(self.mode_box)

        self.legend = LineLabel(self)
        self.legend.setObjectName("calendar_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.collision_label = LineLabel(self)
        self.collision_label.setObjectName("calendar_collisions")
        self.collision_label.setWordWrap(True)
        self.grid = _Grid(self)
        self.grid.dayClicked.connect(self.select_day)

        self.list = QTreeWidget(self)
        self.list.setObjectName("calendar_list")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Journey"), self.tr("Channel"), self.tr("Message")])
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemClicked.connect(lambda item, _c: self.select_day(item.data(0, DAY_ROLE), from_list=True))

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(nav)
        upper_layout.addWidget(self.grid, 1)
        self.splitter = ElasticSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("calendar_split")  # the main window remembers named splitters
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.list.setMinimumHeight(150)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.collision_label)
        layout.addWidget(self.splitter, 1)

    # -- public API ----------------------------------------------------------------------------
    def set_customer(self, title: str, tz: str | None = None) -> None:
        """Who the calendar is about, and the time zone their days are counted in."""
        self.title.setText(title)
        self._tz = zone(tz)

    def set_messages(self, messages: Sequence[UpcomingMessage], start: datetime, days: int,
                     journeys: Sequence[str] | None = None) -> None:
        """The messages of the window [start, start + days).

        Colours go to the journeys that send something, in the order of `journeys` (the app's
        journey list) so they stay put while the user looks at one customer after another, and
        the first, most distinct colours are not spent on journeys that stay silent.
        """
        self._messages = sorted(messages, key=lambda m: m.moment)
        sending = {m.journey for m in self._messages}
        names = [n for n in journeys or [] if n in sending] + [m.journey for m in self._messages]
        self._colours = {}
        for name in names:
            if name not in self._colours:
                self._colours[name] = QColor(JOURNEY_COLOURS[len(self._colours) % len(JOURNEY_COLOURS)])
        first = start.astimezone(self._tz).date()
        last = (start + timedelta(days=max(days, 1)) - timedelta(seconds=1)).astimezone(self._tz).date()
        self._window = (first, last)
        self._today = first
        self._by_day = {}
        for message in self._messages:
            self._by_day.setdefault(self.local_day(message), []).append(message)
        self._collisions = collision_days(self._messages, self._tz)
        self._selected = None
        self._anchor = first
        self._fill_list()
        self._fill_summary()
        self._refresh_view()

    def show_message(self, text: str) -> None:
        """A line in place of the customer title (nothing found, an error from the glue)."""
        self.title.setText(text)

    def messages(self) -> list[UpcomingMessage]:
        return list(self._messages)

    def collisions(self) -> dict[date, list[str]]:
        """Day -> the journeys sending on it, for days with two or more."""
        return dict(self._collisions)

    def messages_on(self, day: date) -> list[UpcomingMessage]:
        return list(self._by_day.get(day, []))

    def journey_colour(self, name: str) -> QColor:
        return QColor(self._colours.get(name, QColor(JOURNEY_COLOURS[0])))

    def local_day(self, message: UpcomingMessage) -> date:
        return message.moment.astimezone(self._tz).date()

    def local_time(self, message: UpcomingMessage) -> str:
        return message.moment.astimezone(self._tz).strftime("%H:%M")

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"mode: month or week, not {mode!r}")
        self._mode = mode
        self.mode_box.blockSignals(True)
        self.mode_box.setCurrentIndex(MODES.index(mode))
        self.mode_box.blockSignals(False)
        self._refresh_view()

    def anchor(self) -> date:
        return self._anchor

    def today(self) -> date:
        return self._today

    def selected_day(self) -> date | None:
        return self._selected

    def go_to(self, day: date) -> None:
        self._anchor = day
        self._refresh_view()

    def step(self, direction: int) -> None:
        """One month or one week forward (1) or back (-1)."""
        if self._mode == "week":
            self.go_to(self._anchor + timedelta(days=7 * direction))
            return
        month = self._anchor.month - 1 + direction
        self.go_to(date(self._anchor.year + month // 12, month % 12 + 1, 1))

    def visible_days(self) -> list[date]:
        if self._mode == "week":
            first = _monday(self._anchor)
            return [first + timedelta(days=i) for i in range(7)]
        first = _monday(self._anchor.replace(day=1))
        return [first + timedelta(days=i) for i in range(42)]

    def in_window(self, day: date) -> bool:
        return self._window is not None and self._window[0] <= day <= self._window[1]

    def weekday_names(self) -> list[str]:
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]

    def select_day(self, day: date | None, from_list: bool = False) -> None:
        """Marks a day on the grid and selects its messages in the list."""
        if day is None:
            return
        self._selected = day
        if day not in self.visible_days():
            self.go_to(day)
        if not from_list:
            self.list.clearSelection()
            first = None
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, DAY_ROLE) == day:
                    item.setSelected(True)
                    first = first or item
            if first is not None:
                self.list.scrollToItem(first)
        self.grid.update()
        self.daySelected.emit(day)

    # -- filling -------------------------------------------------------------------------------
    def _request(self) -> None:
        text = self.search.text().strip()
        if text:
            self.customerRequested.emit(text)

    def _fill_list(self) -> None:
        self.list.clear()
        items = []
        bold = QFont(self.list.font())
        bold.setBold(True)
        tint = QColor(COLLISION)
        tint.setAlpha(60)
        for message in self._messages:
            day = self.local_day(message)
            when = message.moment.astimezone(self._tz).strftime("%a %d %b %H:%M")
            item = QTreeWidgetItem([when, message.journey, message.channel, message.subject])
            item.setData(0, DAY_ROLE, day)
            item.setForeground(1, QBrush(self.journey_colour(message.journey).darker(115)))
            if day in self._collisions:
                item.setToolTip(0, self.tr("Same day: {names}").format(names=", ".join(self._collisions[day])))
                for col in range(4):
                    item.setBackground(col, QBrush(tint))
                item.setFont(0, bold)
            items.append(item)
        self.list.addTopLevelItems(items)

    def _fill_summary(self) -> None:
        spans = [f'<span style="color:{self._colours[n].name()}">■</span>&nbsp;{escape(n)}'
                 for n in self._colours if any(m.journey == n for m in self._messages)]
        self.legend.setText("&nbsp;&nbsp; ".join(spans) if spans else escape(self.tr("No messages in this period.")))
        if not self._collisions:
            self.collision_label.setText(self.tr("{n} messages, no day with messages from two journeys.").format(
                n=len(self._messages)))
            return
        days = [f"{d.strftime('%a %d %b')} ({', '.join(names)})" for d, names in self._collisions.items()]
        self.collision_label.setText(self.tr("⚠ {n} days with messages from two or more journeys: {days}").format(
            n=len(days), days="; ".join(days)))

    def _refresh_view(self) -> None:
        days = self.visible_days()
        if self._mode == "month":
            self.period.setText(self._anchor.strftime("%B %Y"))
        else:
            self.period.setText(f"{days[0].strftime('%d %b')} – {days[-1].strftime('%d %b %Y')}")
        self.grid.setMinimumHeight(260 if self._mode == "month" else 200)
        self.grid.update()
