"""The palette: every node kind of the registry, grouped by type, to drag onto the canvas.

Each entry shows the kind's icon, display name and a one-line help below it (also the tooltip),
because a shop owner picks "Wait for an event" by what it says, not by a type name. The list is
built from the registry, so a new kind appears here without touching this file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from engine.registry import NODE_TYPES, REGISTRY
from widgets import icons
from widgets.canvas.items import type_colour
from widgets.data_texts import kind_help, kind_name
from widgets.mime import kind_mime

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def group_titles() -> dict[str, str]:
    return {"trigger": QCoreApplication.translate("Palette", "Triggers"),
            "delay": QCoreApplication.translate("Palette", "Delays"),
            "condition": QCoreApplication.translate("Palette", "Conditions"),
            "message": QCoreApplication.translate("Palette", "Messages"),
            "action": QCoreApplication.translate("Palette", "Actions")}


class _KindTree(QTreeWidget):
    """A tree whose drag carries NODE_KIND_MIME (the scene does not understand Qt's item MIME)."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        from widgets.mime import NODE_KIND_MIME

        return [NODE_KIND_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 (Qt override)
        for item in items:
            data = item.data(0, KIND_ROLE)
            if data:
                return kind_mime(data[0], data[1])
        return QMimeData()


class Palette(QWidget):
    """`kindActivated(type, kind)` on double-click or Enter: the window adds it at the view centre."""

    kindActivated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search steps…"))
        self.search.setClearButtonEnabled(True)
        self.tree = _KindTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(6)
        self.tree.setIconSize(QSize(22, 22))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._populate()
        self.search.textChanged.connect(self.filter)
        self.tree.itemActivated.connect(self._activated)

    def _populate(self) -> None:
        titles = group_titles()
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        for node_type in NODE_TYPES:
            kinds = REGISTRY.kinds_of(node_type)
            if not kinds:
                continue
            group = QTreeWidgetItem(self.tree, [titles[node_type]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, type_colour(node_type))
            for desc in kinds:
                name = kind_name(desc)
                help_line = kind_help(desc)
                item = QTreeWidgetItem(group, [f"{name}\n{help_line}"])
                item.setData(0, KIND_ROLE, (desc.type, desc.kind))
                item.setData(0, SEARCH_ROLE, f"{name} {help_line} {desc.kind} {node_type}".lower())
                item.setToolTip(0, help_line)
                item.setIcon(0, icons.icon(desc.icon, _tint(type_colour(node_type), text_colour)))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            group.setExpanded(True)

    def filter(self, text: str) -> None:
        """Hides kinds whose name, help or kind does not contain every word typed."""
        words = text.lower().split()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown = 0
            for i in range(group.childCount()):
                child = group.child(i)
                hit = all(w in child.data(0, SEARCH_ROLE) for w in words)
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def kind_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            items.extend(group.child(i) for i in range(group.childCount()))
        return items

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, KIND_ROLE)
        if data:
            self.kindActivated.emit(data[0], data[1])


def _tint(accent: QColor, text: QColor) -> QColor:
    """The type colour, pulled towards the text colour so it stays readable on dark themes."""
    t = 0.25 if text.lightness() > 128 else 0.0
    return QColor.fromRgbF(accent.redF() + (text.redF() - accent.redF()) * t,
                           accent.greenF() + (text.greenF() - accent.greenF()) * t,
                           accent.blueF() + (text.blueF() - accent.blueF()) * t)
