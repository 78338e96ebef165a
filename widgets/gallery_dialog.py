"""File ▸ New: start from one of the gallery's templates or from a blank journey.

Starting from a worked example is how a shop owner learns what a journey can do, so the
dialog shows each template's graph (a read-only canvas when the canvas is available, else a
count of its steps) next to what it does, and asks for the new journey's name up front.
The dialog only returns a choice; the app creates and stores the journey.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.model import Journey
from widgets.canvas import JourneyView


@dataclass(frozen=True)
class GalleryItem:
    """One choice: `journey` is None for the blank journey."""

    name: str
    description: str
    journey: Journey | None = None


class GalleryDialog(QDialog):
    """Pick a template; `chosen()` and `journey_name()` say what to create after `exec()`."""

    def __init__(self, items: list[GalleryItem], parent: QWidget | None = None,
                 unique_name: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryDialog")
        self.setWindowTitle(self.tr("New journey"))
        self._unique = unique_name or (lambda name: name)
        blank = GalleryItem(self.tr("Blank journey"),
                            self.tr("An empty canvas: add a trigger from the palette and build from there."))
        self._items = [blank, *items]
        self._name_edited = False

        self.list = QListWidget(self)
        self.list.setObjectName("gallery_list")
        self.list.setIconSize(QSize(16, 16))
        self.list.setSpacing(1)
        for item in self._items:
            row = QListWidgetItem(item.name, self.list)
            row.setToolTip(item.name)
            row.setSizeHint(QSize(220, self.fontMetrics().height() + 14))

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QLabel(self)
        self.description.setObjectName("gallery_description")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summary = QLabel(self)
        self.summary.setObjectName("gallery_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        self.preview_stack = QStackedWidget(self)
        self.preview_stack.addWidget(self.summary)
        # Its own stack, so nothing done in the preview can reach the editor's undo history.
        self._preview_stack_undo = QUndoStack(self)
        self.preview = JourneyView(self._preview_stack_undo, self)
        self.preview.setObjectName("gallery_preview")
        self.preview.setInteractive(False)
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.setMinimumSize(420, 260)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("gallery_name")
        self.name_edit.textEdited.connect(self._on_name_edited)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.preview_stack, 3)
        right_layout.addWidget(self.description, 1)
        right_layout.addLayout(form)

        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 560])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Start from a template made for a common shop situation, or from scratch."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.name_edit.textChanged.connect(lambda text: self.create_button.setEnabled(bool(text.strip())))
        self.resize(880, 560)
        self.list.setCurrentRow(1 if len(self._items) > 1 else 0)

    def items(self) -> list[GalleryItem]:
        """Every choice in list order, the blank journey first."""
        return list(self._items)

    def select(self, name: str) -> None:
        for row, item in enumerate(self._items):
            if item.name == name:
                self.list.setCurrentRow(row)
                return

    def chosen(self) -> GalleryItem:
        return self._items[max(0, self.list.currentRow())]

    def journey_name(self) -> str:
        return self.name_edit.text().strip()

    def new_journey(self) -> Journey:
        """A fresh copy of the chosen template (or an empty journey) under the typed name."""
        item = self.chosen()
        journey = item.journey.copy() if item.journey is not None else Journey(self.tr("Untitled journey"))
        journey.name = self.journey_name() or journey.name
        return journey

    def _on_name_edited(self, _text: str) -> None:
        self._name_edited = True

    def _show(self, row: int) -> None:
        if row < 0:
            return
        item = self._items[row]
        self.title.setText(item.name)
        self.description.setText(item.description)
        if not self._name_edited:
            base = item.name if item.journey is not None else self.tr("Untitled journey")
            self.name_edit.setText(self._unique(base))
        if item.journey is not None:
            self.preview.set_journey(item.journey.copy())
            self.preview_stack.setCurrentWidget(self.preview)
            QTimer.singleShot(0, self._fit_preview)
        else:
            self.summary.setText(self.tr("Empty canvas"))
            self.preview_stack.setCurrentWidget(self.summary)

    def _fit_preview(self) -> None:
        if self.preview.isVisible():
            self.preview.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_preview)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_preview)

