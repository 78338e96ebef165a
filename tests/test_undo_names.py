"""Undo entries name what changed and select it.

Before, Edit ▸ Undo read "Undo Edit mail-1" (a node id), and undoing left the selection where
it was, so the user could not see what came back.
"""

from __future__ import annotations

from app.main_window import MainWindow

pytest_plugins = ["app_testing"]


def test_undo_says_what_and_selects_it(qtbot, window: MainWindow) -> None:
    assert window.open_journey("Welcome series")
    journey = window.journey
    label = journey.node("mail-2").label or "mail-2"
    window.view.select_node("mail-2")
    form = window.inspector.node_form
    _field, subject = form.editors["subject"]
    subject.edit.setFocus()
    subject.edit.end(False)
    qtbot.keyClicks(subject.edit, " Yes")
    undo = window.named_actions["undo"]
    assert undo.text() == f"&Undo: change subject of “{label}”"
    # another step gets selected meanwhile; undo brings the changed one back into view
    window.view.select_node("mail-1")
    undo.trigger()
    assert window.view.selected_node_ids() == ["mail-2"]
    assert window.named_actions["redo"].text() == f"&Redo: change subject of “{label}”"
    window.view.select_node("mail-1")
    window.named_actions["redo"].trigger()
    assert window.view.selected_node_ids() == ["mail-2"]
    assert journey.node("mail-2").config["subject"].endswith(" Yes")


def test_renaming_and_moving_are_named(qtbot, window: MainWindow) -> None:
    from widgets.commands import ChangeNode, MoveNodes

    assert window.open_journey("Welcome series")
    journey = window.journey
    old = journey.node("mail-1").label or "mail-1"
    window.undo_stack.push(ChangeNode(journey, "mail-1", label="Hello!"))
    assert window.named_actions["undo"].text() == f"&Undo: rename “{old}” to “Hello!”"
    x, y = journey.node("mail-3").position
    window.undo_stack.push(MoveNodes(journey, {"mail-3": ((x, y), (x + 40, y))}))
    window.view.select_node("mail-1")
    window.named_actions["undo"].trigger()
    assert window.view.selected_node_ids() == ["mail-3"]
