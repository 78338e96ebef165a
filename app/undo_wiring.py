"""Undo and Redo that say what they undo ("Undo: change subject of “Reminder”") and, once
done, select the step they changed, so the user sees what came back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from widgets.commands import changed_nodes

if TYPE_CHECKING:
    from app.main_window import MainWindow


class UndoNames(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        stack = window.undo_stack
        self.undo, self.redo = window.named_actions["undo"], window.named_actions["redo"]
        for signal in (stack.undoTextChanged, stack.redoTextChanged, stack.canUndoChanged, stack.canRedoChanged,
                       stack.indexChanged, stack.cleanChanged):
            signal.connect(self.update_texts)
        # Connected after the stack's own slot, so these run once the command is undone or redone.
        self.undo.triggered.connect(lambda: self.select(stack.index()))
        self.redo.triggered.connect(lambda: self.select(stack.index() - 1))
        self.update_texts()

    def update_texts(self, *_: object) -> None:
        stack = self.window.undo_stack
        if not (isValid(stack) and isValid(self.undo) and isValid(self.redo)):
            return  # the window is being taken apart: the stack's last signals find nothing to name
        self.undo.setText(self.tr("&Undo: {what}").format(what=stack.undoText()) if stack.canUndo() and stack.undoText()
                          else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo: {what}").format(what=stack.redoText()) if stack.canRedo() and stack.redoText()
                          else self.tr("&Redo"))

    def select(self, index: int) -> None:
        stack, window = self.window.undo_stack, self.window
        if not 0 <= index < stack.count() or window.journey is None:
            return
        ids = [n for n in changed_nodes(stack.command(index)) if window.journey.has_node(n)]
        if ids:
            window.view.select_node(ids[0])
            for node_id in ids[1:]:
                item = window.view.scene().node_items.get(node_id)
                if item is not None:
                    item.setSelected(True)


def install(window: MainWindow) -> UndoNames:
    return UndoNames(window)
