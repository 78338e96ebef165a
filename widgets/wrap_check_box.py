"""A check box whose text wraps onto more lines instead of setting the panel's minimum width.

"Остановить проход клиента, когда это выполняется" on one line is wider than the inspector
on a 1280-pixel screen; a plain `QCheckBox` cannot wrap, so it made the whole dock that wide
(and cut the form on the right). This one is still a `QCheckBox` (same signals, `text()`,
object names), drawn as the style's indicator beside word-wrapped text.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

WRAP = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
MIN_TEXT_WIDTH = 120  # below this even short words stack one per line


class WrapCheckBox(QCheckBox):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indicator_width(self) -> int:
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self))

    def _text_rect(self, width: int) -> QRect:
        return QFontMetrics(self.font()).boundingRect(QRect(0, 0, max(1, width), 100_000),
                                                      int(WRAP | Qt.AlignmentFlag.AlignLeft), self.text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = QFontMetrics(self.font())
        widest_word = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        width = self._indicator_width() + min(max(widest_word, MIN_TEXT_WIDTH), super().sizeHint().width())
        return QSize(width, super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        text = self._text_rect(width - self._indicator_width()).height()
        return max(super().sizeHint().height(), text + 2)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt override)
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        line = super().sizeHint().height()
        option.text = ""
        option.rect = QRect(0, 0, self._indicator_width(), line)  # the box level with the first line
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        left = self._indicator_width()
        first_line = QFontMetrics(self.font()).height()
        text_rect = QRect(left, max(0, (line - first_line) // 2), self.width() - left, self.height())
        painter.drawItemText(text_rect, int(WRAP | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             self.palette(), self.isEnabled(), self.text(), self.foregroundRole())
        if self.hasFocus():
            focus = QStyleOptionButton(option)
            focus.rect = text_rect.intersected(self.rect())
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
