"""The journeys library widget: plain data in, requests out (it never touches the database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from widgets.library import JourneyLibrary, LibraryEntry

ENTRIES = [
    LibraryEntry("Abandoned cart", "live", datetime.now(UTC) - timedelta(hours=3), unpublished_changes=True),
    LibraryEntry("Loyalty", "draft", datetime.now(UTC)),
    LibraryEntry("Old promo", "archived", datetime.now(UTC) - timedelta(days=40)),
]


@pytest.fixture
def library(qtbot) -> JourneyLibrary:
    widget = JourneyLibrary()
    qtbot.addWidget(widget)
    widget.resize(280, 500)
    widget.show()
    widget.set_entries(ENTRIES)
    return widget


def _click(qtbot, library: JourneyLibrary, name: str) -> None:
    row = library.visible_names().index(name)
    rect = library.list.visualRect(library.proxy.index(row, 0))
    qtbot.mouseClick(library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_names_with_status(library: JourneyLibrary) -> None:
    assert library.names() == ["Abandoned cart", "Loyalty", "Old promo"]
    assert [library.status_of(n) for n in library.names()] == ["live", "draft", "archived"]
    detail = library.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 3)
    assert "unpublished" in detail and "3 h ago" in detail


def test_search_filters_without_case(library: JourneyLibrary, qtbot) -> None:
    qtbot.keyClicks(library.search, "CART")
    assert library.visible_names() == ["Abandoned cart"]
    library.search.clear()
    assert len(library.visible_names()) == 3


def test_click_opens_and_buttons_follow_selection(library: JourneyLibrary, qtbot) -> None:
    assert not library.rename_button.isEnabled() and library.new_button.isEnabled()
    with qtbot.waitSignal(library.openRequested) as blocker:
        _click(qtbot, library, "Loyalty")
    assert blocker.args == ["Loyalty"]
    assert library.selected_name() == "Loyalty"
    assert library.rename_button.isEnabled() and library.delete_button.isEnabled()


def test_buttons_emit_requests(library: JourneyLibrary, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    library.select("Loyalty")
    with qtbot.waitSignal(library.duplicateRequested) as dup:
        qtbot.mouseClick(library.duplicate_button, Qt.MouseButton.LeftButton)
    assert dup.args == ["Loyalty"]
    with qtbot.waitSignal(library.deleteRequested) as delete:
        qtbot.mouseClick(library.delete_button, Qt.MouseButton.LeftButton)
    assert delete.args == ["Loyalty"]
    with qtbot.waitSignal(library.newRequested):
        qtbot.mouseClick(library.new_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  Loyalty club ", True)))
    with qtbot.waitSignal(library.renameRequested) as rename:
        qtbot.mouseClick(library.rename_button, Qt.MouseButton.LeftButton)
    assert rename.args == ["Loyalty", "Loyalty club"]


def test_rename_cancelled_or_unchanged_emits_nothing(library: JourneyLibrary, qtbot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    library.select("Loyalty")
    for answer in (("Other", False), ("Loyalty", True), ("   ", True)):
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, answer=answer, **k: answer))
        with qtbot.assertNotEmitted(library.renameRequested):
            library.request_rename()


def test_keys_f2_and_delete(library: JourneyLibrary, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    library.select("Old promo")
    library.list.setFocus()
    with qtbot.waitSignal(library.deleteRequested) as delete:
        qtbot.keyClick(library.list, Qt.Key.Key_Delete)
    assert delete.args == ["Old promo"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Older promo", True)))
    with qtbot.waitSignal(library.renameRequested) as rename:
        qtbot.keyClick(library.list, Qt.Key.Key_F2)
    assert rename.args == ["Old promo", "Older promo"]


def test_context_menu_offers_the_actions(library: JourneyLibrary, qtbot) -> None:
    row = library.visible_names().index("Loyalty")
    pos = library.list.visualRect(library.proxy.index(row, 0)).center()
    library._show_context_menu(pos)
    texts = [a.text() for a in library.context_actions() if not a.isSeparator()]
    assert texts == ["Open", "Rename…", "Duplicate", "Delete…", "New journey…"]
    duplicate = next(a for a in library.context_actions() if a.text() == "Duplicate")
    with qtbot.waitSignal(library.duplicateRequested) as dup:
        duplicate.trigger()
    assert dup.args == ["Loyalty"]
    library._context_menu.close()


def test_refresh_keeps_selection_and_marks_the_open_journey(library: JourneyLibrary) -> None:
    library.set_current("Loyalty")
    library.set_entries([*ENTRIES, LibraryEntry("New one")])
    assert library.selected_name() == "Loyalty"
    current = [library.model.item(r).data(Qt.ItemDataRole.UserRole + 4) for r in range(4)]
    assert current == [False, True, False, False]
    library.set_current(None)
    assert library.selected_name() is None


def test_painting_does_not_fail_in_either_state(library: JourneyLibrary) -> None:
    library.select("Abandoned cart")
    assert not library.grab().isNull()
