"""The whole window on a real (small) shop database: library, canvas, problems, autosave, files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from app.controller import ShopController, template_journey
from app.main_window import MainWindow
from engine.fileformat import journey_to_dict
from resources.journeys import gallery
from widgets.commands import ChangeNode, MoveNodes
from widgets.gallery_dialog import GalleryDialog

pytest_plugins = ["app_testing"]

ADVANCED_CART = "Abandoned cart (advanced)"


def _fresh(shop_db: Path) -> ShopController:
    return ShopController(shop_db)


def test_first_start_shop_lists_the_ten_templates(window: MainWindow) -> None:
    assert sorted(window.library.names()) == sorted(e.name for e in gallery())
    assert {window.library.status_of(n) for n in window.library.names()} == {"draft"}
    assert window.windowTitle() == "Journey Builder"
    assert window.central.currentWidget() is window.empty_state
    assert not window.named_actions["save"].isEnabled()
    assert window.named_actions["new"].isEnabled() and window.named_actions["import_json"].isEnabled()


def test_opening_a_journey_shows_it(window: MainWindow) -> None:
    assert window.open_journey(ADVANCED_CART)
    journey = window.journey
    assert journey.name == ADVANCED_CART
    assert window.windowTitle() == f"{ADVANCED_CART} — Journey Builder"
    assert window.library.selected_name() == ADVANCED_CART
    assert window.named_actions["save"].isEnabled() and window.named_actions["export_json"].isEnabled()
    assert window.central.currentWidget() is window.view
    assert window.view.journey() is journey
    assert set(window.view.scene().node_items) == {n.id for n in journey.nodes()}
    # the template's one warning is listed straight away, without waiting for an edit
    assert window.problems.counts() == (0, 1)
    assert "Can run" in window.problem_state_label.text()


def test_library_click_opens(window: MainWindow, qtbot) -> None:
    row = window.library.visible_names().index("Loyalty")
    rect = window.library.list.visualRect(window.library.proxy.index(row, 0))
    qtbot.mouseClick(window.library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.journey.name == "Loyalty"


def _move_first_node(window: MainWindow) -> str:
    journey = window.journey
    node = next(journey.nodes())
    old = tuple(node.position)
    window.undo_stack.push(MoveNodes(journey, {node.id: (old, (old[0] + 100, old[1] + 40))}))
    return node.id


def test_an_edit_is_autosaved_and_reopens_equal(window: MainWindow, shop_db: Path, qtbot) -> None:
    window.open_journey(ADVANCED_CART)
    _move_first_node(window)
    assert window.windowTitle().startswith(f"{ADVANCED_CART} •")
    assert window.document.dirty
    qtbot.waitUntil(lambda: not window.document.dirty, timeout=3000)
    assert "•" not in window.windowTitle()
    other = _fresh(shop_db)
    try:
        assert other.open(ADVANCED_CART).same_as(window.journey)
    finally:
        other.close()


def test_switching_and_closing_save_and_clear_undo(window: MainWindow, shop_db: Path, monkeypatch) -> None:
    import app.autosave

    monkeypatch.setattr(app.autosave, "AUTOSAVE_MS", 60_000)  # only the switch may save here
    window.open_journey(ADVANCED_CART)
    moved = _move_first_node(window)
    expected = window.journey.node(moved).position
    assert window.undo_stack.count() == 1
    window.open_journey("Loyalty")
    assert window.undo_stack.count() == 0, "undo never reaches into a journey that is not on screen"
    _move_first_node(window)
    loyalty = window.journey.copy()
    window.close()
    other = _fresh(shop_db)
    try:
        assert other.open(ADVANCED_CART).node(moved).position == expected
        assert other.open("Loyalty").same_as(loyalty)
    finally:
        other.close()


def test_save_action_writes_at_once(window: MainWindow, shop_db: Path, monkeypatch) -> None:
    import app.autosave

    monkeypatch.setattr(app.autosave, "AUTOSAVE_MS", 60_000)
    window.open_journey("Loyalty")
    _move_first_node(window)
    window.named_actions["save"].trigger()
    assert not window.document.dirty
    other = _fresh(shop_db)
    try:
        assert other.open("Loyalty").same_as(window.journey)
    finally:
        other.close()


def test_undo_and_redo_go_through_the_window_stack(window: MainWindow) -> None:
    window.open_journey("Loyalty")
    node_id = _move_first_node(window)
    moved = window.journey.node(node_id).position
    window.named_actions["undo"].trigger()
    assert window.journey.node(node_id).position != moved
    window.named_actions["redo"].trigger()
    assert window.journey.node(node_id).position == moved


def test_problems_follow_an_edit_and_a_click_selects_the_node(window: MainWindow, qtbot) -> None:
    window.open_journey(ADVANCED_CART)
    journey = window.journey
    window.undo_stack.push(ChangeNode(journey, "mail-1-regular", config={"kind": "email"}))
    qtbot.waitUntil(lambda: window.problems.counts()[0] == 2, timeout=2000)
    assert window.problem_state_label.text() == "2 errors"
    tree = window.problems.tree
    row = next(i for i in range(tree.topLevelItemCount()) if "subject" in tree.topLevelItem(i).text(0))
    assert "Reminder (regular)" in tree.topLevelItem(row).text(1)
    window.problems_dock.show()
    rect = tree.visualItemRect(tree.topLevelItem(row))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.selected_node_ids() == ["mail-1-regular"]
    window.named_actions["undo"].trigger()
    qtbot.waitUntil(lambda: window.problems.counts() == (0, 1), timeout=2000)


def test_edit_menu_acts_on_the_canvas(window: MainWindow) -> None:
    window.open_journey("Loyalty")
    count = len(list(window.journey.nodes()))
    window.named_actions["select_all"].trigger()
    assert len(window.view.selected_node_ids()) == count
    window.named_actions["delete"].trigger()
    assert not list(window.journey.nodes())
    window.named_actions["undo"].trigger()
    assert len(list(window.journey.nodes())) == count
    zoom = window.view.zoom()
    window.named_actions["zoom_in"].trigger()
    assert window.view.zoom() > zoom
    window.named_actions["fit"].trigger()
    window.named_actions["auto_layout"].trigger()


def test_palette_double_click_adds_a_step(window: MainWindow) -> None:
    window.open_journey("Loyalty")
    before = {n.id for n in window.journey.nodes()}
    window.add_node_of_kind("message", "email")
    added = {n.id for n in window.journey.nodes()} - before
    assert len(added) == 1
    assert window.journey.node(added.pop()).type == "message"
    assert window.document.dirty


def test_rename_through_the_library(window: MainWindow, shop_db: Path, qtbot, monkeypatch) -> None:
    window.open_journey("Loyalty")
    window.library.select("Loyalty")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Loyalty club", True)))
    qtbot.mouseClick(window.library.rename_button, Qt.MouseButton.LeftButton)
    assert "Loyalty club" in window.library.names() and "Loyalty" not in window.library.names()
    assert window.journey.name == "Loyalty club"
    assert window.windowTitle() == "Loyalty club — Journey Builder"
    assert window.recent_journeys()[0] == "Loyalty club"
    assert not window.document.dirty


def test_rename_to_a_taken_name_is_refused_clearly(window: MainWindow, qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    window.library.select("Loyalty")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Welcome series", True)))
    qtbot.mouseClick(window.library.rename_button, Qt.MouseButton.LeftButton)
    assert shown and "already exists" in shown[0]
    assert "Loyalty" in window.library.names()


def test_duplicate_through_the_library_opens_the_copy(window: MainWindow, qtbot) -> None:
    window.library.select("Loyalty")
    qtbot.mouseClick(window.library.duplicate_button, Qt.MouseButton.LeftButton)
    assert "Loyalty (copy)" in window.library.names()
    assert window.journey.name == "Loyalty (copy)"


def test_delete_asks_first(window: MainWindow, qtbot, monkeypatch) -> None:
    window.open_journey("Loyalty")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.library.select("Loyalty")
    qtbot.mouseClick(window.library.delete_button, Qt.MouseButton.LeftButton)
    assert "Loyalty" in window.library.names() and window.journey is not None
    qtbot.mouseClick(window.library.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete “Loyalty”? This cannot be undone."] * 2
    assert "Loyalty" not in window.library.names()
    assert window.journey is None and window.central.currentWidget() is window.empty_state
    assert window.windowTitle() == "Journey Builder"
    assert "Loyalty" not in window.recent_journeys()


def test_export_and_import_through_the_menu(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "exported"
    window.open_journey(ADVANCED_CART)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.named_actions["export_json"].trigger()
    written = target.with_suffix(".json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data == journey_to_dict(window.journey)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(written), "")))
    monkeypatch.setattr(MainWindow, "ask_import_collision", lambda self, name: "both")
    window.named_actions["import_json"].trigger()
    copy_name = f"{ADVANCED_CART} (2)"
    assert copy_name in window.library.names()
    assert window.journey.name == copy_name
    original = window.controller.open(ADVANCED_CART)
    original.name = copy_name
    assert window.journey.same_as(original)

    data["description"] = "From the file"
    written.write_text(json.dumps(data), encoding="utf-8")
    window.open_journey(ADVANCED_CART)
    monkeypatch.setattr(MainWindow, "ask_import_collision", lambda self, name: "replace")
    window.named_actions["import_json"].trigger()
    assert window.journey.name == ADVANCED_CART and window.journey.description == "From the file"
    assert len(window.library.names()) == 11


def test_a_bad_import_is_explained(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "journey-builder/1", "name": "x", "nodes": 3}', encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    window.named_actions["import_json"].trigger()
    assert len(shown) == 1 and "bad.json" in shown[0]
    assert len(window.library.names()) == 10


def test_new_from_the_gallery(window: MainWindow, monkeypatch) -> None:
    def accept(dialog: GalleryDialog) -> int:
        dialog.select("Welcome series")
        assert dialog.journey_name() == "Welcome series (2)", "the suggested name is free"
        return GalleryDialog.DialogCode.Accepted

    monkeypatch.setattr(GalleryDialog, "exec", accept)
    window.named_actions["new"].trigger()
    assert window.journey.name == "Welcome series (2)"
    welcome = template_journey(next(e for e in gallery() if e.name == "Welcome series"))
    welcome.name = "Welcome series (2)"
    assert window.journey.same_as(welcome)


def test_new_blank_journey(window: MainWindow, monkeypatch) -> None:
    def accept(dialog: GalleryDialog) -> int:
        dialog.list.setCurrentRow(0)
        dialog.name_edit.setText("My journey")
        return GalleryDialog.DialogCode.Accepted

    monkeypatch.setattr(GalleryDialog, "exec", accept)
    window.named_actions["new"].trigger()
    assert window.journey.name == "My journey" and not list(window.journey.nodes())
    assert window.problems.counts()[0] >= 1, "a blank journey has no trigger yet"


def test_gallery_dialog_lists_blank_and_templates(window: MainWindow, qtbot) -> None:
    dialog = GalleryDialog(window.gallery_items(), window, unique_name=window.controller.unique_name)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [item.name for item in dialog.items()]
    assert names[0] == "Blank journey" and names[1:] == [e.name for e in gallery()]
    dialog.select(ADVANCED_CART)
    assert dialog.chosen().name == ADVANCED_CART
    assert dialog.journey_name() == f"{ADVANCED_CART} (2)"
    assert "seeds/" not in dialog.description.text() and "→" in dialog.description.text()
    if dialog.preview is not None:
        assert len(dialog.preview.scene().node_items) == len(list(dialog.chosen().journey.nodes()))
    dialog.name_edit.clear()
    assert not dialog.create_button.isEnabled()


def test_recent_menu_lists_opened_journeys(window: MainWindow) -> None:
    window.open_journey("Loyalty")
    window.open_journey(ADVANCED_CART)
    menu = window.findChild(QMenu, "menu_recent")
    assert menu.isEnabled()
    actions = menu.actions()
    assert [a.data() for a in actions][:2] == [ADVANCED_CART, "Loyalty"]
    actions[1].trigger()
    assert window.journey.name == "Loyalty"


def test_open_action_focuses_the_library_search(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.named_actions["open"].trigger()
    qtbot.waitUntil(lambda: window.library.search.hasFocus(), timeout=1000)


def test_a_rename_in_the_editor_is_saved_and_followed(window: MainWindow, qtbot) -> None:
    from widgets.commands import ChangeJourney

    window.open_journey("Loyalty")
    window.undo_stack.push(ChangeJourney(window.journey, name="Loyalty club"))
    qtbot.waitUntil(lambda: "Loyalty club" in window.library.names(), timeout=3000)
    assert "Loyalty" not in window.library.names()
    assert window.windowTitle() == "Loyalty club — Journey Builder"
    assert window.recent_journeys()[0] == "Loyalty club"


def test_a_refused_autosave_is_shown_quietly_and_kept(window: MainWindow, qtbot, monkeypatch) -> None:
    from widgets.commands import ChangeJourney

    popups: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: popups.append(text)))
    window.open_journey("Loyalty")
    window.undo_stack.push(ChangeJourney(window.journey, name="Welcome series"))
    qtbot.waitUntil(lambda: window.save_state_label.text() == "Not saved", timeout=3000)
    assert "already exists" in window.save_state_label.toolTip()
    assert not popups and window.document.dirty
    window.named_actions["save"].trigger()
    assert len(popups) == 1 and "already exists" in popups[0]
    window.undo_stack.push(ChangeJourney(window.journey, name="Welcome series 2"))
    qtbot.waitUntil(lambda: not window.document.dirty, timeout=3000)
    assert "Welcome series 2" in window.library.names()


def test_status_bar_names_the_shop(window: MainWindow) -> None:
    assert window.shop_label.text() == window.controller.shop_name() != ""
    assert str(window.controller.path) in window.shop_label.toolTip()
