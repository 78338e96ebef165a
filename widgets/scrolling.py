"""Panels that scroll up and down, and are never cut at the side.

A plain `QScrollArea` with a resizable widget gives the widget at least its minimum width; in a
narrow dock that is wider than the view, so the right-hand side of the form is simply cut off
(with the horizontal bar switched off) or needs sideways scrolling, which nobody finds. This
area instead asks its dock for the content's minimum width, so the dock cannot be made narrower
than what it shows, and scrolls only vertically. The content's rows wrap (`FlowLayout`, word
wrapped labels) to keep that minimum small.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QStyle, QTabWidget, QWidget

MIN_VISIBLE_HEIGHT = 60  # a dock squeezed smaller than this shows a scroll bar and a line or two


class VerticalScrollArea(QScrollArea):
    """`VerticalScrollArea(content)`: resizable content, frameless, vertical scrolling only."""

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if content is not None:
            self.setWidget(content)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt override)
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A content whose minimum width changed (a form swapped in, a language) re-asks the dock."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def _chrome_width(self) -> int:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return bar + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        return QSize(content.minimumSizeHint().width() + self._chrome_width(), MIN_VISIBLE_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(hint.width() + self._chrome_width(), hint.height() + 2 * self.frameWidth())


class ElasticSplitter(QSplitter):
    """A splitter that asks only for its minimum height and takes whatever the panel has left.

    Inside a scroll area the content is made as tall as it would like to be; a splitter of two
    lists would like to be tall, which pushed the buttons under it out of view on a small screen
    (the what-if row of the simulator, the export row of the population run)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height())


class ElasticTabWidget(QTabWidget):
    """A tab widget that, like `ElasticSplitter`, asks only for its minimum height."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height())
