"""The email designer: an email built from blocks, edited as a shop owner thinks of it.

Left, the blocks in order (drag to reorder) and a button per kind of block to add; in the
middle, the selected block's fields (rich text with variable chips, addresses, choices); right,
the email as the preview customer gets it, rendered by the engine and shown by a real browser
engine at a desktop's or a phone's width, light or dark; and a Code tab with the template the
blocks make, for an expert who wants to take over by hand.

The designer never changes the journey itself: every edit hands the new block list to
`on_change(blocks, merge)`, which the inspector turns into one ChangeNode on the undo stack
(`merge=True` while the same field is typed into, so a sentence is one undo step). Undo and
redo come back through `set_blocks`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine import rich_text
from engine.email_blocks import BLOCK_TYPES, check_blocks, default_blocks, footer_text, unsubscribe_label
from engine.email_render import Brand, compile_blocks, render_blocks
from engine.templates import TemplateRenderError
from widgets.email_designer.rich_edit import QTranslate, RichEdit, chip_label
from widgets.email_preview import EmailPreview
from widgets.inspector.rule_builder import ERROR_STYLE
from widgets.translate import QT_TRANSLATE_NOOP

BLOCK_NAMES = {
    "header": QT_TRANSLATE_NOOP("EmailDesigner", "Header with logo"),
    "heading": QT_TRANSLATE_NOOP("EmailDesigner", "Heading"),
    "text": QT_TRANSLATE_NOOP("EmailDesigner", "Text"),
    "image": QT_TRANSLATE_NOOP("EmailDesigner", "Image"),
    "button": QT_TRANSLATE_NOOP("EmailDesigner", "Button"),
    "divider": QT_TRANSLATE_NOOP("EmailDesigner", "Divider"),
    "products": QT_TRANSLATE_NOOP("EmailDesigner", "Product list"),
    "discount": QT_TRANSLATE_NOOP("EmailDesigner", "Discount code"),
    "social": QT_TRANSLATE_NOOP("EmailDesigner", "Social links"),
    "footer": QT_TRANSLATE_NOOP("EmailDesigner", "Footer"),
    "code": QT_TRANSLATE_NOOP("EmailDesigner", "Code (template)"),
}
FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("EmailDesigner", "Line under the logo"),
    "text": QT_TRANSLATE_NOOP("EmailDesigner", "Text"),
    "level": QT_TRANSLATE_NOOP("EmailDesigner", "Size"),
    "align": QT_TRANSLATE_NOOP("EmailDesigner", "Alignment"),
    "src": QT_TRANSLATE_NOOP("EmailDesigner", "Image address"),
    "alt": QT_TRANSLATE_NOOP("EmailDesigner", "Description (shown when images are off)"),
    "href": QT_TRANSLATE_NOOP("EmailDesigner", "Link"),
    "width": QT_TRANSLATE_NOOP("EmailDesigner", "Width (pixels)"),
    "label": QT_TRANSLATE_NOOP("EmailDesigner", "Label"),
    "url": QT_TRANSLATE_NOOP("EmailDesigner", "Link"),
    "source": QT_TRANSLATE_NOOP("EmailDesigner", "Products from"),
    "empty_text": QT_TRANSLATE_NOOP("EmailDesigner", "When there are none"),
    "limit": QT_TRANSLATE_NOOP("EmailDesigner", "At most"),
    "expires_text": QT_TRANSLATE_NOOP("EmailDesigner", "Line under the code"),
    "unsubscribe_label": QT_TRANSLATE_NOOP("EmailDesigner", "Unsubscribe link text"),
    "template": QT_TRANSLATE_NOOP("EmailDesigner", "Template (plain text with {{ variables }} and {% if %} tags)"),
}
PRODUCT_SOURCES = {
    "entry.items": QT_TRANSLATE_NOOP("EmailDesigner", "The cart or order of the event that started the journey"),
    "entry.products": QT_TRANSLATE_NOOP("EmailDesigner", "The event's products (older imports)"),
    "entry.items or entry.products": QT_TRANSLATE_NOOP("EmailDesigner",
                                                       "The event's items, else its products (any shop's carts)"),
    "orders.last.items": QT_TRANSLATE_NOOP("EmailDesigner", "The customer's last order"),
}
ADD_ORDER = ("heading", "text", "image", "button", "products", "discount", "divider", "social", "header", "footer",
             "code")


def tr(text: str) -> str:
    return QCoreApplication.translate("EmailDesigner", text)


def new_block(kind: str, language: str = "en") -> dict[str, Any]:
    """A block as the Add buttons make it: filled in enough to show something at once."""
    starts: dict[str, dict[str, Any]] = {
        "heading": {"text": QCoreApplication.translate("EmailDesigner", "A heading")},
        "text": {"text": QCoreApplication.translate("EmailDesigner", "Write your text here.")},
        "image": {"src": "https://", "alt": ""},
        "button": {"label": QCoreApplication.translate("EmailDesigner", "Visit the shop"), "url": "{{ shop.website }}"},
        "products": {"source": "entry.items"},
        "discount": {"text": QCoreApplication.translate("EmailDesigner", "Your personal code:"), "expires_text": QCoreApplication.translate("EmailDesigner", "Valid until") + " {{ discount.expires_at | date }}"},
        "footer": {"text": footer_text(language), "unsubscribe_label": unsubscribe_label(language)},
        "code": {"template": "{% if customer.first_name %}Hi {{ customer.first_name }}{% endif %}"},
    }
    return {"type": kind, **starts.get(kind, {})}


def block_summary(block: dict[str, Any]) -> str:
    """The list's second line: the block's words, without markup, a variable named as its chip."""
    kind = block.get("type")
    for name in ("text", "label", "title", "alt", "source", "src"):
        value = block.get(name)
        if isinstance(value, str) and value.strip():
            words = (rich_text.plain_words(value, lambda e: "[" + chip_label(e, QTranslate.label) + "]")
                     if name in ("text", "label", "title") else value)
            words = " ".join(words.split())
            return words if len(words) <= 60 else words[:59] + "…"
    return "" if kind != "footer" else QCoreApplication.translate("EmailDesigner", "Shop address and unsubscribe link")


class BlockList(QListWidget):
    """The blocks in order; dragging a row reorders them (`moved(from, to)`).

    The move is read from the model's `rowsMoved`, which is what Qt's internal drag and drop
    does to the list, rather than guessed from the current row after a drop. During a drop the
    signal waits until Qt has finished with its rows, since the designer then refills the list."""

    moved = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("block_list")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        self._dropped: list[tuple[int, int]] | None = None
        self.model().rowsMoved.connect(self._row_moved)

    def _row_moved(self, _parent: Any, start: int, end: int, _destination: Any, row: int) -> None:
        if start != end:
            return  # one block at a time (single selection)
        move = (start, row if row < start else row - 1)
        if move[0] == move[1]:
            return
        if self._dropped is not None:
            self._dropped.append(move)
        else:
            self.moved.emit(*move)

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._dropped = []
        try:
            super().dropEvent(event)
            moves = self._dropped
        finally:
            self._dropped = None
        for source, target in moves:
            self.moved.emit(source, target)


class EmailDesigner(QWidget):
    """See the module docstring. `variables()` are the preview customer's template values."""

    def __init__(self, on_change: Callable[[list[dict[str, Any]], bool], None],
                 variables: Callable[[], dict[str, Any] | None], brand: Callable[[], Brand],
                 language: str = "en", on_code: Callable[[str], None] | None = None,
                 config: Callable[[], dict[str, Any]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("email_designer")
        self.on_change, self.variables, self.brand, self.language = on_change, variables, brand, language
        self.on_code = on_code
        self.config = config or (lambda: {})
        self.blocks: list[dict[str, Any]] = []
        self._last_edit: tuple[int, str] | None = None
        self._showing = 0

        self.list = BlockList()
        self.list.currentRowChanged.connect(self._selected)
        self.list.moved.connect(self.move_block)
        add = QGridLayout()
        add.setSpacing(3)
        self.add_buttons: dict[str, QPushButton] = {}
        for index, kind in enumerate(ADD_ORDER):
            button = QPushButton("+ " + tr(BLOCK_NAMES[kind]))
            button.setObjectName(f"add_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.add_block(k))
            add.addWidget(button, index // 2, index % 2)
            self.add_buttons[kind] = button
        self.up = QPushButton(self.tr("Up"))
        self.down = QPushButton(self.tr("Down"))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("remove_block")
        self.up.clicked.connect(lambda: self.move_block(self.list.currentRow(), self.list.currentRow() - 1))
        self.down.clicked.connect(lambda: self.move_block(self.list.currentRow(), self.list.currentRow() + 1))
        self.remove.clicked.connect(lambda: self.remove_block(self.list.currentRow()))
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            moves.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Blocks (drag to reorder)"))
        title.setObjectName("blocks_title")
        left_layout.addWidget(title)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(moves)
        left_layout.addWidget(QLabel(self.tr("Add a block")))
        left_layout.addLayout(add)

        self.editor_host = QWidget()
        self.editor_layout = QVBoxLayout(self.editor_host)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.form: BlockForm | None = None
        self.problems = QLabel()
        self.problems.setObjectName("designer_problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.editor_host)
        middle_layout.addWidget(self.problems)
        middle_layout.addStretch(1)

        self.preview = EmailPreview(minimum_height=420)
        self.code = QPlainTextEdit()
        self.code.setObjectName("designer_code")
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.take_over = QPushButton(self.tr("Edit this template by hand (leaves the designer)"))
        self.take_over.setObjectName("edit_as_html")
        self.take_over.clicked.connect(self._take_over)
        code_page = QWidget()
        code_layout = QVBoxLayout(code_page)
        code_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("The HTML template these blocks make (MJML, then the sandboxed template language). "
                         "Taking it over turns the body into an HTML template you edit as text."))
        hint.setWordWrap(True)
        code_layout.addWidget(hint)
        code_layout.addWidget(self.code, 1)
        code_layout.addWidget(self.take_over)
        self.text_part = QPlainTextEdit()
        self.text_part.setObjectName("designer_text_part")
        self.text_part.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.text_part, self.tr("Plain text"))
        self.tabs.addTab(code_page, self.tr("Code"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.tabs)
        splitter.setSizes([260, 360, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # -- showing ---------------------------------------------------------------------------
    def set_blocks(self, blocks: list[dict[str, Any]] | None, language: str | None = None) -> None:
        """Shows a block list (from the journey: not an edit). An edit in progress keeps its form."""
        if language is not None:
            self.language = language
        blocks = copy.deepcopy(blocks) if isinstance(blocks, list) else []
        if blocks == self.blocks and self.list.count() == len(blocks):
            self.refresh_preview()
            return
        row = self.list.currentRow()
        same_shape = [b.get("type") for b in blocks] == [b.get("type") for b in self.blocks]
        self.blocks = blocks
        self._showing += 1
        try:
            self._fill_list()
            row = min(max(row, 0), len(blocks) - 1)
            self.list.setCurrentRow(row)
            if same_shape and self.form is not None and self.form.index == row and 0 <= row < len(blocks):
                self.form.show_block(blocks[row])
            else:
                self._show_form(row)
        finally:
            self._showing -= 1
        self.refresh_preview()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for block in self.blocks:
            kind = str(block.get("type"))
            name = tr(BLOCK_NAMES.get(kind, kind))
            summary = block_summary(block)
            item = QListWidgetItem(f"{name}\n{summary}" if summary else name)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(summary)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _selected(self, row: int) -> None:
        if not self._showing:
            self._show_form(row)

    def _show_form(self, row: int) -> None:
        if self.form is not None:
            self.editor_layout.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        if 0 <= row < len(self.blocks):
            self.form = BlockForm(row, self.blocks[row], self._field_edited)
            self.editor_layout.addWidget(self.form)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < len(self.blocks) - 1)
        keeps = self._keeps_footer(row)
        self.remove.setEnabled(0 <= row < len(self.blocks) and not keeps)
        self.remove.setToolTip(self.tr("A marketing email keeps its footer: it carries the unsubscribe link.")
                               if keeps else "")

    def _keeps_footer(self, row: int) -> bool:
        """Whether `row` is the footer a marketing email cannot lose (its only unsubscribe link)."""
        if not 0 <= row < len(self.blocks) or self.blocks[row].get("type") != "footer":
            return False
        if str(self.config().get("purpose") or "marketing") != "marketing":
            return False
        return sum(1 for block in self.blocks if block.get("type") == "footer") == 1

    def refresh_preview(self) -> None:
        config = self.config()
        problems = check_blocks(self.blocks, purpose=str(config.get("purpose") or "marketing"),
                                has_discount=bool(config.get("discount")))
        lines = [self.tr("Block {where}").format(where=p.lstrip()) for p in problems]
        markup = text = ""
        if not [p for p in problems if "footer" not in p or "unknown" in p]:
            try:
                markup, text = render_blocks(self.blocks, self.variables() or {}, self.brand(), self.language)
                self.code.setPlainText(compile_blocks(self.blocks, self.brand(), self.language).html)
            except (TemplateRenderError, ValueError) as exc:
                lines.append(str(exc))
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.text_part.setPlainText(text)
        self.preview.show_html(markup)

    # -- edits -----------------------------------------------------------------------------
    def _push(self, merge: bool) -> None:
        self.on_change(copy.deepcopy(self.blocks), merge)
        self.refresh_preview()

    def _field_edited(self, index: int, name: str, value: Any) -> None:
        if not 0 <= index < len(self.blocks):
            return
        block = self.blocks[index]
        if value in (None, "") and name not in ("text", "label"):
            block.pop(name, None)
        else:
            block[name] = value
        merge = self._last_edit == (index, name)
        self._last_edit = (index, name)
        item = self.list.item(index)
        if item is not None:
            summary = block_summary(block)
            kind = str(block.get("type"))
            item.setText(f"{tr(BLOCK_NAMES.get(kind, kind))}\n{summary}" if summary else tr(BLOCK_NAMES.get(kind, kind)))
        self._push(merge)

    def add_block(self, kind: str) -> None:
        row = self.list.currentRow()
        footer_at = next((i for i, b in enumerate(self.blocks) if b.get("type") == "footer"), len(self.blocks))
        at = min(row + 1 if row >= 0 else footer_at, footer_at) if kind != "footer" else len(self.blocks)
        self.blocks.insert(at, new_block(kind, self.language))
        self._last_edit = None
        self._showing += 1
        try:
            self._fill_list()
            self.list.setCurrentRow(at)
            self._show_form(at)
        finally:
            self._showing -= 1
        self._push(False)

    def remove_block(self, row: int) -> None:
        if not 0 <= row < len(self.blocks) or self._keeps_footer(row):
            return
        del self.blocks[row]
        self._last_edit = None
        self._showing += 1
        try:
            self._fill_list()
            row = min(row, len(self.blocks) - 1)
            self.list.setCurrentRow(row)
            self._show_form(row)
        finally:
            self._showing -= 1
        self._push(False)

    def move_block(self, source: int, target: int) -> None:
        if not (0 <= source < len(self.blocks) and 0 <= target < len(self.blocks)) or source == target:
            return
        block = self.blocks.pop(source)
        self.blocks.insert(target, block)
        self._last_edit = None
        self._showing += 1
        try:
            self._fill_list()
            self.list.setCurrentRow(target)
            self._show_form(target)
        finally:
            self._showing -= 1
        self._push(False)

    def _take_over(self) -> None:
        if self.on_code is not None and self.code.toPlainText():
            self.on_code(self.code.toPlainText())

    def starting_blocks(self) -> list[dict[str, Any]]:
        return default_blocks(self.language)


class BlockForm(QWidget):
    """The fields of one block; each user edit calls `edited(index, field, value)`."""

    def __init__(self, index: int, block: dict[str, Any], edited: Callable[[int, str, Any], None]) -> None:
        super().__init__()
        self.setObjectName("block_form")
        self.index, self.edited = index, edited
        self.kind = str(block.get("type"))
        self.widgets: dict[str, QWidget] = {}
        self._loading = 0
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr(BLOCK_NAMES.get(self.kind, self.kind)))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        form.addRow(title)
        notes = {"header": self.tr("The shop's logo (Shop settings ▸ Email design), linked to its website."),
                 "social": self.tr("Links to the shop's profiles from Shop settings ▸ Email design."),
                 "footer": self.tr("The shop's name and address, and the unsubscribe link: always there in "
                              "marketing email."),
                 "divider": self.tr("A thin line between blocks."),
                 "products": self.tr("Each item's picture, name, quantity and price, linked to its page.")}
        if self.kind in notes:
            note = QLabel(notes[self.kind])
            note.setWordWrap(True)
            note.setEnabled(False)
            form.addRow(note)
        for name, kind in BLOCK_TYPES.get(self.kind, {}).items():
            widget = self._widget(name, kind)
            self.widgets[name] = widget
            form.addRow(tr(FIELD_NAMES.get(name, name)), widget)
        self.show_block(block)

    def _widget(self, name: str, kind: str) -> QWidget:
        if kind in ("rich", "line"):
            edit = RichEdit(single_line=kind == "line")
            edit.setObjectName(f"block_{name}")
            edit.edited.connect(lambda n=name, e=edit: self._emit(n, e.markup()))
            return edit
        if kind == "source":
            combo = QComboBox()
            combo.setEditable(True)
            for source, label in PRODUCT_SOURCES.items():
                combo.addItem(f"{tr(label)} ({source})", source)
            combo.setObjectName(f"block_{name}")
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._emit(n, c.currentData()))
            return combo
        if kind == "int":
            spin = QSpinBox()
            spin.setRange(0, 600)
            spin.setSpecialValueText(self.tr("automatic"))
            spin.setObjectName(f"block_{name}")
            spin.valueChanged.connect(lambda v, n=name: self._emit(n, v or None))
            return spin
        if kind.startswith("choice:"):
            combo = QComboBox()
            names = {"left": self.tr("Left"), "center": self.tr("Centred"), "1": self.tr("Large"), "2": self.tr("Medium")}
            for choice in kind.split(":", 1)[1].split("|"):
                combo.addItem(names.get(choice, choice), int(choice) if choice.isdigit() else choice)
            combo.setObjectName(f"block_{name}")
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._emit(n, c.currentData()))
            return combo
        if kind == "template":
            code = QPlainTextEdit()
            code.setObjectName(f"block_{name}")
            code.setMinimumHeight(140)
            code.textChanged.connect(lambda n=name, c=code: self._emit(n, c.toPlainText()))
            return code
        line = QLineEdit()
        line.setObjectName(f"block_{name}")
        if kind == "url":
            line.setPlaceholderText("https://…  " + self.tr("or a variable such as {{ entry.cart_url }}"))
        line.textEdited.connect(lambda text, n=name: self._emit(n, text.strip()))
        return line

    def show_block(self, block: dict[str, Any]) -> None:
        self._loading += 1
        try:
            for name, widget in self.widgets.items():
                value = block.get(name)
                if isinstance(widget, RichEdit):
                    widget.set_markup(value if isinstance(value, str) else "")
                elif isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    if index < 0 and value is not None and widget.isEditable():
                        widget.setEditText(str(value))
                    else:
                        widget.setCurrentIndex(max(index, 0))
                elif isinstance(widget, QSpinBox):
                    widget.setValue(value if isinstance(value, int) else 0)
                elif isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != (value or ""):
                        widget.setPlainText(value if isinstance(value, str) else "")
                elif isinstance(widget, QLineEdit):
                    if widget.text() != (value or ""):
                        widget.setText(value if isinstance(value, str) else "")
        finally:
            self._loading -= 1

    def _emit(self, name: str, value: Any) -> None:
        if not self._loading:
            self.edited(self.index, name, value)


def blocks_json(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False, indent=2)
