"""The inspector's editors for a designed email's blocks and a message's language variants.

`BlocksEditor` sums up the blocks and opens the designer in a window of its own (the inspector
is too narrow for three panes); `VariantsEditor` lists the languages a message is written in
and says which one the inspector's fields are editing. Both follow the editors' contract
(`changed` for user edits only), so every designer edit becomes one ChangeNode on the undo
stack through the inspector, like any other field.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.email_render import Brand
from widgets.email_designer.designer import BLOCK_NAMES, EmailDesigner
from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import EditorContext, ValueEditor

LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "ru": "Русский", "es": "Español", "fr": "Français",
                  "it": "Italiano", "nl": "Nederlands", "pl": "Polski", "pt": "Português", "sv": "Svenska",
                  "da": "Dansk", "fi": "Suomi", "cs": "Čeština", "tr": "Türkçe", "uk": "Українська"}
BASE_LANGUAGES = ("en", "de", "ru", "es")


def tr(text: str) -> str:
    return QCoreApplication.translate("EmailDesigner", text)


def language_name(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code.split('_')[0], code)} ({code})"


class DesignerWindow(QDialog):
    """The designer in its own window; undo and redo reach the journey's stack from here too."""

    def __init__(self, designer: EmailDesigner, title: str, undo: Callable[[], None], redo: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designer_window")
        self.setWindowTitle(title)
        self.designer = designer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(designer)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, undo)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, redo)
        self.resize(1280, 820)


class BlocksEditor(ValueEditor):
    """"5 blocks: Header, Text, …" and the button that opens the designer."""

    code_taken = Signal(str)

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._blocks: list[dict[str, Any]] = []
        self.window_: DesignerWindow | None = None
        self.summary = QLabel()
        self.summary.setObjectName("blocks_summary")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the email designer…"))
        self.open_button.setObjectName("open_designer")
        self.open_button.clicked.connect(self.open_designer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.open_button)
        self.destroyed.connect(self._close_window)

    def _show(self, value: Any) -> None:
        self._blocks = copy.deepcopy(value) if isinstance(value, list) else []
        names = [tr(BLOCK_NAMES.get(str(b.get("type")), str(b.get("type")))) for b in self._blocks
                 if isinstance(b, dict)]
        self.summary.setText(self.tr("{n} blocks: {names}").format(n=len(names), names=", ".join(names)) if names
                             else self.tr("No blocks yet"))
        if self.window_ is not None:
            self.window_.designer.set_blocks(self._blocks, self._language())

    def value(self) -> Any:
        return copy.deepcopy(self._blocks) if self._blocks else None

    def _language(self) -> str:
        language = self.ctx.extras.get("language")
        return str(language()) if callable(language) else "en"

    def open_designer(self) -> DesignerWindow:
        if self.window_ is None:
            brand: Callable[[], Brand] = self.ctx.extras.get("brand") or Brand
            config: Callable[[], dict[str, Any]] = self.ctx.extras.get("config") or dict
            designer = EmailDesigner(self._designer_edit, self.ctx.variables, brand, self._language(),
                                     on_code=self._take_over, config=config)
            undo = self.ctx.extras.get("undo") or (lambda: None)
            redo = self.ctx.extras.get("redo") or (lambda: None)
            title = self.ctx.extras.get("title")
            self.window_ = DesignerWindow(designer, str(title()) if callable(title) else self.tr("Email designer"),
                                          undo, redo, self.window())
            designer.set_blocks(self._blocks, self._language())
        self.window_.show()
        self.window_.raise_()
        return self.window_

    def _designer_edit(self, blocks: list[dict[str, Any]], merge: bool) -> None:
        if not merge:
            self.ctx.new_step()
        self._blocks = copy.deepcopy(blocks)
        self._show_summary_only()
        self._emit()

    def _show_summary_only(self) -> None:
        window, self.window_ = self.window_, None
        try:
            self._show(self._blocks)
        finally:
            self.window_ = window

    def _take_over(self, template: str) -> None:
        self.code_taken.emit(template)
        self._close_window()

    def _close_window(self, *_: Any) -> None:
        if self.window_ is not None:
            self.window_.close()
            self.window_.deleteLater()
            self.window_ = None


class VariantsEditor(ValueEditor):
    """Which language the message's fields show, and the languages it has."""

    language_changed = Signal(object)  # the code, or None for the node's own content

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._variants: dict[str, Any] = {}
        self.combo = QComboBox()
        self.combo.setObjectName("variant_language")
        self.combo.currentIndexChanged.connect(self._picked)
        self.add = QToolButton()
        self.add.setObjectName("add_language")
        self.add.setText(self.tr("Add language") + " ▾")
        self.add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.add.setMenu(QMenu(self))
        self.add.menu().aboutToShow.connect(self._fill_menu)
        self.remove = QToolButton()
        self.remove.setObjectName("remove_language")
        self.remove.setText(self.tr("Remove"))
        self.remove.clicked.connect(self.remove_current)
        self.note = QLabel(self.tr("Customers get the variant of their language, else the shop's fallback language, "
                              "else the message's own text."))
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        row = FlowLayout()  # wraps in a narrow dock (German and Russian buttons are long)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def current(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data else None

    def _show(self, value: Any) -> None:
        self._variants = copy.deepcopy(value) if isinstance(value, dict) else {}
        current = self.current()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("The message's own text"), None)
        for code in sorted(self._variants):
            self.combo.addItem(language_name(code), code)
        index = self.combo.findData(current) if current else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.remove.setEnabled(self.current() is not None)
        if current is not None and index < 0:
            self.language_changed.emit(None)

    def value(self) -> Any:
        return copy.deepcopy(self._variants) if self._variants else None

    def _picked(self, _index: int) -> None:
        self.remove.setEnabled(self.current() is not None)
        self.language_changed.emit(self.current())

    def _fill_menu(self) -> None:
        menu = self.add.menu()
        menu.clear()
        extra = self.ctx.extras.get("languages")
        codes = list(BASE_LANGUAGES) + [c for c in (extra() if callable(extra) else []) if c not in BASE_LANGUAGES]
        for code in codes:
            action = menu.addAction(language_name(code))
            action.setEnabled(code not in self._variants)
            action.triggered.connect(lambda _=False, c=code: self.add_language(c))

    def add_language(self, code: str) -> None:
        """A new variant starts as a copy of the message's own content, to translate."""
        if code in self._variants:
            return
        base = self.ctx.extras.get("base_content")
        self._variants[code] = copy.deepcopy(base()) if callable(base) else {}
        self.ctx.new_step()
        self._emit()
        self._show(self._variants)
        self.combo.setCurrentIndex(self.combo.findData(code))

    def remove_current(self) -> None:
        code = self.current()
        if code is None:
            return
        self._variants.pop(code, None)
        self.ctx.new_step()
        self._emit()
        self._show(self._variants)
        self.combo.setCurrentIndex(0)
