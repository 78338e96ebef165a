"""Finding controls a user cannot fully see: squeezed below their size, or outside the panel.

The tests (one per dock and dialog, in every language, at 1280×720) and the screenshot script
(`python -m app.screenshots`) both ask `cut_widgets(root)`. A control counts as cut when

- its layout gave it less room than it needs to show its text (narrower or lower than its
  minimum size hint; for a word-wrapped label, lower than its text needs at its width), or
- part of it lies outside what its panel shows, and no scroll bar can bring it into view.
  Scrolling up and down is fine; scrolling sideways to find a button is not, so content wider
  than the panel's view counts as cut even when a horizontal scroll bar would reach it.

Tab bars are checked tab by tab: a tab whose title is elided is cut too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSlider,
    QTabBar,
    QWidget,
)

CHECKED = (QAbstractButton, QLabel, QComboBox, QAbstractSpinBox, QLineEdit, QSlider, QTabBar, QGroupBox)
SLACK = 1  # pixels of rounding forgiven


@dataclass(frozen=True)
class Cut:
    """One control that is not fully visible, and why."""

    widget: QWidget
    reason: str

    def describe(self) -> str:
        text = _text_of(self.widget)
        name = self.widget.objectName()
        label = " ".join(part for part in (name, repr(text) if text else "") if part)
        return f"{type(self.widget).__name__} {label or '(unnamed)'}: {self.reason}"


def cut_widgets(root: QWidget) -> list[Cut]:
    """Every visible control under `root` (a dock, a dialog, a window) that is cut."""
    found: list[Cut] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible() or not widget.isVisibleTo(root):
            continue
        if _inside_item_view(widget, root) or isinstance(widget.parentWidget(), QTabBar):
            continue  # (a tab bar's scroll arrows are its own, drawn narrow on purpose)
        reason = _squeezed(widget) or _outside(widget, root)
        if reason:
            found.append(Cut(widget, reason))
        if isinstance(widget, QTabBar):
            found.extend(elided_tabs(widget))
    return found


def elided_tabs(bar: QTabBar) -> list[Cut]:
    """Tabs narrower than their title (a QMainWindow's dock tabs, checked on their own)."""
    return [Cut(bar, f"tab {bar.tabText(i)!r} is elided") for i in range(bar.count())
            if bar.isTabVisible(i) and bar.tabRect(i).width() + SLACK < bar.tabSizeHint(i).width()
            and bar.elideMode() != Qt.TextElideMode.ElideNone]


def dock_tab_bars(window: QWidget) -> list[QTabBar]:
    """The tab bars a QMainWindow puts under tabbed docks (its direct children)."""
    return [bar for bar in window.findChildren(QTabBar) if bar.parentWidget() is window and bar.isVisible()]


def describe(cuts: list[Cut]) -> str:
    return "\n".join(cut.describe() for cut in cuts)


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QGroupBox):
        return widget.title()
    text = getattr(widget, "text", None)
    if callable(text) and not isinstance(widget, QAbstractSpinBox):
        value = text()
        return value if isinstance(value, str) else ""
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _inside_item_view(widget: QWidget, root: QWidget) -> bool:
    """Editors and headers of tables and lists scroll with their view, which shows them itself."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not _is_plain_scroll_area(parent):
            return True
        parent = parent.parentWidget()
    return False


def _is_plain_scroll_area(area: QAbstractScrollArea) -> bool:
    from PySide6.QtWidgets import QScrollArea

    return isinstance(area, QScrollArea)


def _squeezed(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        if not widget.text() and widget.pixmap().isNull():
            return ""
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                return f"its wrapped text needs {needed} px of height, it has {widget.height()}"
            return ""
        hint = widget.sizeHint()
    elif isinstance(widget, QLineEdit | QTabBar):
        return ""  # a line edit scrolls its own text; tabs are checked one by one
    else:
        hint = widget.minimumSizeHint()
        if widget.hasHeightForWidth() and widget.heightForWidth(widget.width()) > widget.height() + SLACK:
            return f"its wrapped text needs {widget.heightForWidth(widget.width())} px of height, it has {widget.height()}"
    if widget.width() + SLACK < hint.width():
        return f"{widget.width()} px wide, needs {hint.width()}"
    if widget.height() + SLACK < hint.height():
        return f"{widget.height()} px high, needs {hint.height()}"
    return ""


def _outside(widget: QWidget, root: QWidget) -> str:
    """Clips the widget's rectangle by every ancestor up to `root`. A scroll area that scrolls
    up and down clips only sideways: the widget counts as scrolled into view, as far as the
    view's height allows."""
    full = QRect(0, 0, widget.width(), widget.height())
    seen = QRect(full)
    needed_height = full.height()
    child: QWidget = widget
    while child is not root:
        parent = child.parentWidget()
        if parent is None:
            break
        seen = seen.translated(child.pos())
        area = parent.parentWidget()
        if (isinstance(area, QAbstractScrollArea) and area.viewport() is parent
                and area.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
            height = min(seen.height(), parent.height())
            needed_height = min(needed_height, parent.height())
            seen = QRect(seen.x(), 0, seen.width(), height)
        seen = seen.intersected(parent.rect())
        if seen.isEmpty():
            return "out of sight"
        child = parent
    if seen.width() + SLACK < full.width() or seen.height() + SLACK < needed_height:
        return f"only {seen.width()}×{seen.height()} of {full.width()}×{full.height()} px can be seen"
    return ""


def seen_now(widget: QWidget, root: QWidget) -> QRect:
    """The part of `widget` (in its own coordinates) on screen inside `root` as things are
    scrolled now: what a person sees without touching a scroll bar."""
    seen = QRect(0, 0, widget.width(), widget.height())
    offset = QRect(seen)
    child: QWidget = widget
    while child is not root:
        parent = child.parentWidget()
        if parent is None or not child.isVisible():
            return QRect()
        seen = seen.translated(child.pos()).intersected(parent.rect())
        offset = offset.translated(child.pos())
        child = parent
    return seen.translated(-offset.x(), -offset.y())
