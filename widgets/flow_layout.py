"""A row of widgets that wraps onto more lines when the panel is too narrow for it.

A `QHBoxLayout` row of buttons asks for the width of all of them side by side, and a dock
narrower than that cuts the last ones off (in Russian or German well before a 1280-pixel screen
runs out). This layout lays its items out like a `QHBoxLayout` while they fit, and starts a new
line when they do not; its minimum width is that of its widest item, so a panel made of such
rows can be as narrow as its widest single control. Items added with a stretch share the room
left on their line, as in a box layout. It answers `heightForWidth`, which is how the scroll
areas and docks around it learn how tall the wrapped rows are.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget

STRETCH_CLAIM = 160


class FlowLayout(QLayout):
    """`addWidget(widget, stretch=0)`; `addStretch()` is accepted and ignored (a line's leftover
    room stays at its end unless an item stretches), so rows port over from QHBoxLayout as they are."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._spacing = spacing
        self._packed = False
        self._claims: dict[int, int] = {}
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- filling -----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)
        self._stretch.append(0)

    def addWidget(self, widget: QWidget, stretch: int = 0, *, claim: int | None = None) -> None:  # noqa: N802
        """Qt makes the item (and owns it, as it does every layout item); `addItem` records it.
        `claim`: the width a stretching item needs on a line before it grows (default: its size
        hint, at most STRETCH_CLAIM)."""
        super().addWidget(widget)
        self._stretch[-1] = stretch
        if claim is not None:
            self._claims[id(self._items[-1])] = claim
        self.invalidate()

    def addStretch(self, stretch: int = 0) -> None:  # noqa: N802 (QBoxLayout's name)
        """As in a QHBoxLayout row that ends in a stretch: items keep their size and the room
        left over stays at the end of the line, unless an item was added with a stretch."""
        self._packed = True
        self.invalidate()

    def setStretch(self, index: int, stretch: int) -> None:  # noqa: N802 (QBoxLayout's name)
        if 0 <= index < len(self._stretch):
            self._stretch[index] = stretch
            self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    # -- sizes -------------------------------------------------------------------------------
    def spacing(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        value = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        return value if value >= 0 else 6

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 (Qt override)
        self._spacing = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt override)
        if any(self._stretch) or self._packed or any(item.expandingDirections() & Qt.Orientation.Horizontal
                                                     for item in self._visible()):
            return Qt.Orientation.Horizontal
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        size = QSize(0, 0)
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Everything on one line, as the QHBoxLayout it replaces would ask."""
        items = self._visible()
        width = sum(item.sizeHint().width() for item in items) + self.spacing() * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item in items), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    # -- the work ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Lays the items out in `rect` (when `apply`) and returns the height that takes."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        width = max(1, area.width())
        gap = self.spacing()
        lines: list[list[tuple[QLayoutItem, int, int]]] = [[]]
        used = 0
        for item, stretch in zip(self._items, self._stretch, strict=True):
            if item.isEmpty():
                continue
            # A stretching item claims less than it would like (it grows into what the line has
            # left), so a row keeps its pieces together a little longer as the panel narrows.
            preferred = item.sizeHint().width()
            if stretch:
                preferred = self._claims.get(id(item), min(preferred, STRETCH_CLAIM))
            wanted = max(item.minimumSize().width(), min(preferred, width))
            if lines[-1] and used + gap + wanted > width:
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + wanted
            lines[-1].append((item, wanted, stretch))
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _, _ in line)
            widths = self._share(line, width, gap, self._packed)
            x = area.x()
            for (item, _, _), item_width in zip(line, widths, strict=True):
                if apply:
                    item_height = height if _grows_vertically(item) else min(height, item.sizeHint().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(item_width, item_height)))
                x += item_width + gap
            y += height + gap
        content = y - gap - area.y() if y > area.y() else 0
        return content + margins.top() + margins.bottom()

    @staticmethod
    def _share(line: list[tuple[QLayoutItem, int, int]], width: int, gap: int, packed: bool) -> list[int]:
        """The line's leftover room goes to its stretching items (by stretch, or, in a row
        without a trailing stretch, to expanding ones), never past an item's maximum width."""
        widths = [wanted for _, wanted, _ in line]
        spare = width - sum(widths) - gap * (len(line) - 1)
        weights = [stretch for _, _, stretch in line]
        if not any(weights) and not packed:
            weights = [1 if item.expandingDirections() & Qt.Orientation.Horizontal else 0 for item, _, _ in line]
        total = sum(weights)
        if spare > 0 and total:
            for i, (item, _, _) in enumerate(line):
                if weights[i]:
                    widths[i] = min(item.maximumSize().width(), widths[i] + spare * weights[i] // total)
        return widths


def _grows_vertically(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().verticalPolicy() not in (QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
