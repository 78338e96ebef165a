"""Rich text with variables as chips: what a shop owner types into a designed email.

The stored form is `engine.rich_text` markup; here it is a QTextDocument in which bold, italic
and links are character formats and each variable is one inline image (a rounded "chip" with
the variable's name), so it moves, copies and deletes as one character and its template
syntax is never in sight. `markup()` writes the document back; the round trip is exact for
everything the markup can say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine import rich_text
from widgets.inspector.message_editor import VARIABLES

CHIP_PREFIX = "jbvar:"
_LINE_SEPARATOR = "\u2028"
_OBJECT = "\ufffc"

# The variables a chip may hold: the "Insert variable" menu's simple ones (no loops).
CHIP_VARIABLES: tuple[tuple[str, str, str], ...] = tuple(
    (group, label, snippet[2:-2].strip()) for group, label, snippet in VARIABLES
    if snippet.startswith("{{") and snippet.endswith("}}") and snippet.count("{{") == 1
    and rich_text.check_variable(snippet[2:-2].strip()) is None)


def chip_label(expression: str, translate: Any = None) -> str:
    """What a chip says: the menu's name for a known variable (or for the same variable with
    other filters, such as another default), else the dotted name."""
    base = expression.split("|")[0].strip()
    for exact in (True, False):
        for _group, label, known in CHIP_VARIABLES:
            if known == expression if exact else known.split("|")[0].strip() == base:
                return translate(label) if translate else label
    return base


class RichEdit(QWidget):
    """A toolbar (bold, italic, link, variable) over the text; `edited` fires for user edits."""

    edited = Signal()

    def __init__(self, single_line: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.single_line = single_line
        self.edit = _ChipTextEdit(self)
        self.edit.setObjectName("rich_text")
        self.edit.setAcceptRichText(False)
        self.edit.setTabChangesFocus(True)
        if single_line:
            self.edit.setFixedHeight(QFontMetrics(self.edit.font()).height() * 2 + 6)
            self.edit.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
            self.edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        else:
            self.edit.setMinimumHeight(110)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._loading = 0
        self.edit.textChanged.connect(self._changed)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.bold = self._tool("B", self.tr("Bold"), self.toggle_bold)
        font = self.bold.font()
        font.setBold(True)
        self.bold.setFont(font)
        self.italic = self._tool("I", self.tr("Italic"), self.toggle_italic)
        font = self.italic.font()
        font.setItalic(True)
        self.italic.setFont(font)
        self.link = self._tool(self.tr("Link"), self.tr("Link the selected words to an address"), self.ask_link)
        self.variable = QToolButton()
        self.variable.setObjectName("insert_chip")
        self.variable.setText(self.tr("Insert variable") + " ▾")
        self.variable.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.variable.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.variable.setMenu(self._menu())
        for button in (self.bold, self.italic, self.link):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.variable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.edit)

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        groups: dict[str, QMenu] = {}
        self.chip_actions = []
        for group, label, expression in CHIP_VARIABLES:
            if group not in groups:
                groups[group] = menu.addMenu(self.tr(group))
            action = groups[group].addAction(QTranslate.label(label))
            action.setData(expression)
            action.triggered.connect(lambda _=False, e=expression: self.insert_variable(e))
            self.chip_actions.append(action)
        return menu

    # -- the document ------------------------------------------------------------------------
    def set_markup(self, markup: str) -> None:
        """Shows stored markup (not a user edit); markup that does not parse is shown as words."""
        if markup == self.markup():
            return
        self._loading += 1
        try:
            document = self.edit.document()
            document.clear()
            cursor = QTextCursor(document)
            try:
                paragraphs = rich_text.parse(markup or "")
            except rich_text.RichTextError:
                cursor.insertText(markup or "")
                return
            for index, paragraph in enumerate(paragraphs):
                if index:
                    cursor.insertBlock()
                for run in paragraph.runs:
                    fmt = QTextCharFormat()
                    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
                    fmt.setFontItalic(run.italic)
                    if run.link is not None:
                        fmt.setAnchor(True)
                        fmt.setAnchorHref(run.link)
                        fmt.setFontUnderline(True)
                        fmt.setForeground(QColor("#1a5fb4"))
                    if run.kind == "var":
                        self._insert_chip(cursor, run.value, fmt)
                    elif run.kind == "br":
                        cursor.insertText(_LINE_SEPARATOR, fmt)
                    else:
                        cursor.insertText(run.value, fmt)
        finally:
            self._loading -= 1

    def markup(self) -> str:
        """The document as `engine.rich_text` markup."""
        paragraphs: list[str] = []
        block = self.edit.document().begin()
        while block.isValid():
            out: list[str] = []
            bold = italic = False
            link: str | None = None
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                iterator += 1
                if not fragment.isValid():
                    continue
                fmt = fragment.charFormat()
                chip = fmt.isImageFormat() and fmt.toImageFormat().name().startswith(CHIP_PREFIX)
                new_link = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
                new_bold = fmt.fontWeight() >= QFont.Weight.DemiBold
                new_italic = fmt.fontItalic()
                if new_link != link:
                    if link is not None:
                        out.append(f"]({link})")
                    if new_link is not None:
                        out.append("[")
                    link = new_link
                if new_bold != bold:
                    out.append("**")
                    bold = new_bold
                if new_italic != italic:
                    out.append("*")
                    italic = new_italic
                if chip:
                    name = fmt.toImageFormat().name()[len(CHIP_PREFIX):]
                    out.append("{{ " + name + " }}" * fragment.text().count(_OBJECT))
                else:
                    text = fragment.text().replace(_OBJECT, "")
                    out.append(rich_text.escape_markup(text).replace(_LINE_SEPARATOR, "\n"))
            if italic:
                out.append("*")
            if bold:
                out.append("**")
            if link is not None:
                out.append(f"]({link})")
            paragraphs.append("".join(out))
            block = block.next()
        while paragraphs and not paragraphs[-1].strip():
            paragraphs.pop()
        return "\n\n".join(paragraphs)

    def _insert_chip(self, cursor: QTextCursor, expression: str, base: QTextCharFormat | None = None) -> None:
        name = CHIP_PREFIX + expression
        document = self.edit.document()
        pixmap = _chip_pixmap(chip_label(expression, QTranslate.label), self.edit.font(), self.devicePixelRatioF())
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), pixmap)
        fmt = QTextImageFormat()
        if base is not None:
            fmt.merge(base)
        fmt.setName(name)
        fmt.setWidth(pixmap.width() / pixmap.devicePixelRatio())
        fmt.setHeight(pixmap.height() / pixmap.devicePixelRatio())
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        fmt.setToolTip(expression)
        cursor.insertImage(fmt)

    # -- user actions ------------------------------------------------------------------------
    def insert_variable(self, expression: str) -> None:
        cursor = self.edit.textCursor()
        self._insert_chip(cursor, expression, cursor.charFormat())
        self.edit.setFocus()

    def toggle_bold(self) -> None:
        cursor = self.edit.textCursor()
        fmt = QTextCharFormat()
        bold = cursor.charFormat().fontWeight() >= QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        cursor.mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        cursor = self.edit.textCursor()
        fmt = QTextCharFormat()
        fmt.setFontItalic(not cursor.charFormat().fontItalic())
        cursor.mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)

    def set_link(self, address: str) -> bool:
        """Links the selection to `address` (an empty address removes the link)."""
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():
            return False
        fmt = QTextCharFormat()
        if address:
            if rich_text.check_url(address) is not None:
                return False
            fmt.setAnchor(True)
            fmt.setAnchorHref(address)
            fmt.setFontUnderline(True)
            fmt.setForeground(QColor("#1a5fb4"))
        else:
            fmt.setAnchor(False)
            fmt.setAnchorHref("")
            fmt.setFontUnderline(False)
            fmt.setForeground(self.edit.palette().text())
        cursor.mergeCharFormat(fmt)
        return True

    def ask_link(self) -> None:
        if not self.edit.textCursor().hasSelection():
            return
        address, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (https://…), empty to unlink:"),
                                           text=self.edit.textCursor().charFormat().anchorHref())
        if ok:
            self.set_link(address.strip())

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()


class QTranslate:
    """Menu labels go through the TemplateEditor context, where the "Insert variable" menu's are."""

    @staticmethod
    def label(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("TemplateEditor", text)


class _ChipTextEdit(QTextEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        owner = self.parent()
        if (isinstance(owner, RichEdit) and owner.single_line
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            event.ignore()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText(_LINE_SEPARATOR)
            return
        super().keyPressEvent(event)


def _chip_pixmap(label: str, font: QFont, ratio: float) -> QPixmap:
    chip_font = QFont(font)
    chip_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    metrics = QFontMetrics(chip_font)
    width = metrics.horizontalAdvance(label) + 14
    height = metrics.height() + 4
    pixmap = QPixmap(QSize(int(width * ratio), int(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#7aa6d6"))
    painter.setBrush(QColor("#dcebfb"))
    painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), height / 2, height / 2)
    painter.setPen(QColor("#0b3d6e"))
    painter.setFont(chip_font)
    painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return pixmap
