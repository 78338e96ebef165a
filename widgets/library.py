"""The journeys library: the shop's journeys with their status, a search box and list actions.

It takes plain `LibraryEntry` values and only emits requests (open, new, duplicate, rename,
delete): the app layer owns the database and decides, so this widget can be tested and reused
without one. Rename asks for the new name here because that is a question about the list; delete
is confirmed by the app, which knows whether the journey is live.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 4

# Fixed hues read in both themes; the pill background is the same hue at low alpha.
STATUS_COLOURS = {"live": "#2e9d5b", "draft": "#c98a1b", "archived": "#8a8a8a"}


@dataclass(frozen=True)
class LibraryEntry:
    """One journey as the list shows it; built by the app from the database's summary."""

    name: str
    status: str = "draft"  # "draft", "live" or "archived"
    updated_at: datetime | None = None
    unpublished_changes: bool = False


class _EntryDelegate(QStyledItemDelegate):
    """Two lines per journey (name; status and age) with a coloured status pill, so the status
    reads at a glance without a second column that a narrow dock would squeeze."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_texts: dict[str, str] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, int(height * 2.6) + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_colour = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text_colour)
        dim.setAlphaF(0.7)

        status = str(index.data(STATUS_ROLE) or "draft")
        rect = opt.rect.adjusted(12, 5, -10, -5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        name_font = QFont(opt.font)
        if index.data(CURRENT_ROLE):
            name_font.setBold(True)
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.86))

        # Status pill, right-aligned on the first line.
        pill_text = self.status_texts.get(status, status.title())
        painter.setFont(small)
        metrics = painter.fontMetrics()
        pill_w = metrics.horizontalAdvance(pill_text) + 14
        pill_h = metrics.height() + 2
        half = rect.height() // 2
        pill = QRect(rect.right() - pill_w, rect.top() + (half - pill_h) // 2 + 1, pill_w, pill_h)
        hue = QColor(STATUS_COLOURS.get(status, STATUS_COLOURS["archived"]))
        fill = QColor(hue)
        fill.setAlphaF(0.9 if selected else 0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
        painter.setPen(QColor("#ffffff") if selected else hue.darker(115) if opt.palette.color(
            QPalette.ColorRole.Base).lightness() > 128 else hue.lighter(135))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, pill_text)

        # Name, elided before the pill.
        painter.setFont(name_font)
        painter.setPen(text_colour)
        name_rect = QRect(rect.left(), rect.top(), pill.left() - rect.left() - 8, half)
        name = painter.fontMetrics().elidedText(str(index.data(NAME_ROLE) or ""), Qt.TextElideMode.ElideRight,
                                                name_rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)

        # Detail line.
        painter.setFont(small)
        painter.setPen(dim)
        detail_rect = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        detail = painter.fontMetrics().elidedText(str(index.data(DETAIL_ROLE) or ""), Qt.TextElideMode.ElideRight,
                                                  detail_rect.width())
        painter.drawText(detail_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), detail)
        painter.restore()


class JourneyLibrary(QWidget):
    """The list of journeys. Requests go out as signals carrying journey names."""

    openRequested = Signal(str)
    newRequested = Signal()
    duplicateRequested = Signal(str)
    renameRequested = Signal(str, str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JourneyLibrary")
        self._current: str | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("library_search")
        self.search.setPlaceholderText(self.tr("Search journeys"))
        self.search.setClearButtonEnabled(True)

        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(NAME_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.list = QListView(self)
        self.list.setObjectName("library_list")
        self.list.setModel(self.proxy)
        self.delegate = _EntryDelegate(self.list)
        self.delegate.status_texts = {"live": self.tr("Live"), "draft": self.tr("Draft"),
                                      "archived": self.tr("Stopped")}
        self.list.setItemDelegate(self.delegate)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_context_menu)
        self.list.clicked.connect(self._open_index)
        self.list.activated.connect(self._open_index)
        self.list.installEventFilter(self)
        self.list.setAccessibleName(self.tr("Journeys"))

        self.new_button = self._button("library_new", self.tr("New…"), self.tr("Create a journey from a template"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.duplicate_button = self._button("library_duplicate", self.tr("Duplicate"),
                                             self.tr("Copy the selected journey as a new draft"))
        self.rename_button = self._button("library_rename", self.tr("Rename…"),
                                          self.tr("Rename the selected journey (F2)"))
        self.delete_button = self._button("library_delete", self.tr("Delete"),
                                          self.tr("Delete the selected journey (Del)"))
        self._paint_icons()
        self.new_button.clicked.connect(self.newRequested)
        self.duplicate_button.clicked.connect(self.request_duplicate)
        self.rename_button.clicked.connect(self.request_rename)
        self.delete_button.clicked.connect(self.request_delete)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for button in (self.new_button, self.duplicate_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        """Icon buttons keep the dock narrow (the canvas needs the width); the text stays as the
        accessible name and the tooltip says what the button does."""
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        return button

    def _paint_icons(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        for button, shape in ((self.new_button, "new"), (self.duplicate_button, "duplicate"),
                              (self.rename_button, "rename"), (self.delete_button, "delete")):
            button.setIcon(_icon(shape, colour))

    def changeEvent(self, event: QEvent) -> None:
        """Icons are drawn in the text colour, so a theme switch redraws them."""
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)

    # Data ----------------------------------------------------------------------------------

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Replaces the list, keeping the selection on the same name when it is still there."""
        selected = self.selected_name()
        self.model.clear()
        for entry in entries:
            item = QStandardItem(entry.name)
            item.setData(entry.name, NAME_ROLE)
            item.setData(entry.status, STATUS_ROLE)
            item.setData(self._detail(entry), DETAIL_ROLE)
            item.setData(entry.name == self._current, CURRENT_ROLE)
            item.setToolTip(f"{entry.name}\n{self._detail(entry)}")
            self.model.appendRow(item)
        self.select(selected or self._current)
        self._update_buttons()

    def _detail(self, entry: LibraryEntry) -> str:
        parts = []
        if entry.status == "live" and entry.unpublished_changes:
            parts.append(self.tr("Live, with unpublished changes"))
        if entry.updated_at is not None:
            parts.append(self.tr("Edited {when}").format(when=_age(entry.updated_at, self.tr)))
        return " · ".join(parts)

    def names(self) -> list[str]:
        """Every journey in the list, filtered out or not, in list order."""
        return [str(self.model.item(row).data(NAME_ROLE)) for row in range(self.model.rowCount())]

    def visible_names(self) -> list[str]:
        return [str(self.proxy.index(row, 0).data(NAME_ROLE)) for row in range(self.proxy.rowCount())]

    def status_of(self, name: str) -> str | None:
        item = self._item(name)
        return str(item.data(STATUS_ROLE)) if item is not None else None

    def _item(self, name: str) -> QStandardItem | None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(NAME_ROLE) == name:
                return item
        return None

    def set_current(self, name: str | None) -> None:
        """Marks the journey open in the editor (bold) and selects it."""
        self._current = name
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setData(item.data(NAME_ROLE) == name, CURRENT_ROLE)
        self.select(name)

    def select(self, name: str | None) -> None:
        item = self._item(name) if name else None
        if item is None:
            self.list.clearSelection()
            self._update_buttons()
            return
        index = self.proxy.mapFromSource(item.index())
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        self._update_buttons()

    def selected_name(self) -> str | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        return str(index.data(NAME_ROLE))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Requests ------------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(str(index.data(NAME_ROLE)))

    def request_duplicate(self, name: str | None = None) -> None:
        name = name or self.selected_name()
        if name:
            self.duplicateRequested.emit(name)

    def request_rename(self, name: str | None = None) -> None:
        """Asks for the new name; nothing is emitted when cancelled, blank or unchanged."""
        name = name or self.selected_name()
        if not name:
            return
        new_name, ok = QInputDialog.getText(self, self.tr("Rename journey"), self.tr("New name:"),
                                            QLineEdit.EchoMode.Normal, name)
        new_name = new_name.strip()
        if ok and new_name and new_name != name:
            self.renameRequested.emit(name, new_name)

    def request_delete(self, name: str | None = None) -> None:
        name = name or self.selected_name()
        if name:
            self.deleteRequested.emit(name)

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_name() is not None
        for button in (self.duplicate_button, self.rename_button, self.delete_button):
            button.setEnabled(has)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        menu = QMenu(self)
        menu.setObjectName("library_context_menu")
        if index.isValid():
            self.list.setCurrentIndex(index)
            name = str(index.data(NAME_ROLE))
            menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(name))
            menu.addSeparator()
            menu.addAction(self.tr("Rename…"), lambda: self.request_rename(name))
            menu.addAction(self.tr("Duplicate"), lambda: self.request_duplicate(name))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), lambda: self.request_delete(name))
            menu.addSeparator()
        menu.addAction(self.tr("New journey…"), self.newRequested.emit)
        self._context_menu = menu  # kept so a test can find and trigger its actions
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def context_actions(self) -> list[QAction]:
        menu = getattr(self, "_context_menu", None)
        return list(menu.actions()) if menu is not None else []

    def eventFilter(self, watched: QAbstractItemModel | QWidget, event: QEvent) -> bool:
        """F2 renames and Delete deletes, as in a file manager."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F2:
                self.request_rename()
                return True
            if event.matches(QKeySequence.StandardKey.Delete):  # type: ignore[attr-defined]
                self.request_delete()
                return True
        return super().eventFilter(watched, event)


def _icon(shape: str, colour: QColor, size: int = 32) -> QIcon:
    """Small line icons for the list actions, drawn rather than shipped so they follow the theme."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, size / 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    u = size / 16
    if shape == "new":
        painter.drawLine(QPointF(8 * u, 3 * u), QPointF(8 * u, 13 * u))
        painter.drawLine(QPointF(3 * u, 8 * u), QPointF(13 * u, 8 * u))
    elif shape == "duplicate":
        painter.drawRoundedRect(QRectF(2.5 * u, 2.5 * u, 8 * u, 8 * u), 1.5 * u, 1.5 * u)
        painter.drawRoundedRect(QRectF(5.5 * u, 5.5 * u, 8 * u, 8 * u), 1.5 * u, 1.5 * u)
    elif shape == "rename":
        path = QPainterPath(QPointF(3 * u, 13 * u))
        path.lineTo(3.5 * u, 10 * u)
        path.lineTo(11 * u, 2.5 * u)
        path.lineTo(13.5 * u, 5 * u)
        path.lineTo(6 * u, 12.5 * u)
        path.closeSubpath()
        painter.drawPath(path)
    elif shape == "delete":
        painter.drawLine(QPointF(2.5 * u, 4 * u), QPointF(13.5 * u, 4 * u))
        painter.drawLine(QPointF(6 * u, 4 * u), QPointF(6.5 * u, 2 * u))
        painter.drawLine(QPointF(6.5 * u, 2 * u), QPointF(9.5 * u, 2 * u))
        painter.drawLine(QPointF(9.5 * u, 2 * u), QPointF(10 * u, 4 * u))
        body = QPainterPath(QPointF(4 * u, 4 * u))
        body.lineTo(5 * u, 14 * u)
        body.lineTo(11 * u, 14 * u)
        body.lineTo(12 * u, 4 * u)
        painter.drawPath(body)
    painter.end()
    return QIcon(pixmap)


def _age(moment: datetime, tr) -> str:
    """“just now”, “5 min ago”, “3 h ago”, “2 days ago”, else the date: enough to find recent work."""
    from datetime import UTC

    now = datetime.now(UTC)
    when = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("JourneyLibrary", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("JourneyLibrary", "{n} min ago").format(n=seconds // 60)
    if seconds < 86400:
        return QCoreApplication.translate("JourneyLibrary", "{n} h ago").format(n=seconds // 3600)
    if seconds < 7 * 86400:
        days = seconds // 86400
        return QCoreApplication.translate("JourneyLibrary", "yesterday") if days == 1 else QCoreApplication.translate("JourneyLibrary", "{n} days ago").format(n=days)
    return when.astimezone().strftime("%d %b %Y")
