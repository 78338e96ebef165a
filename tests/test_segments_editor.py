"""The segments editor: the inspector's rule builder, a live count from a worker, save and delete."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.shop_pages import SegmentsBridge
from storage.database import open_database
from storage.importers import import_file
from storage.segment_count import ensure_builtin_segments
from storage.segments_repo import segment_rules
from widgets.inspector.rule_builder import RuleBuilder
from widgets.segments_editor import SegmentsEditor

DATA = Path(__file__).parent / "data"
NOW = datetime(2026, 11, 2, 12, tzinfo=UTC)


@pytest.fixture
def shop(tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    assert import_file(db, "customers", DATA / "shopify_customers.csv").ok
    assert import_file(db, "orders", DATA / "shopify_orders.csv").ok
    with db.transaction() as s:
        ensure_builtin_segments(s)
    yield db
    db.close()


def _editor(qtbot, shop) -> SegmentsEditor:
    editor = SegmentsEditor(SegmentsBridge(shop, now=lambda: NOW))
    # Closing a shown editor with unsaved work asks; a test's leftovers are dropped unasked.
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "dirty", False))
    return editor


def _select(editor: SegmentsEditor, name: str) -> None:
    names = [r["name"] for r in editor.rows]
    editor.list.setCurrentRow(names.index(name))


def _counted(qtbot, editor: SegmentsEditor, text: str) -> None:
    qtbot.waitUntil(lambda: editor.count_label.text() == text, timeout=5000)


def test_builtins_listed_and_counted_with_a_sample(qtbot, shop):
    editor = _editor(qtbot, shop)
    assert isinstance(editor.builder, RuleBuilder)
    _select(editor, "buyers")
    # three orders in the file; Lucía's was refunded, which is no purchase (docs/importing.md)
    _counted(qtbot, editor, "2 customers")
    assert editor.sample.count() == 2 and "Anna Schmidt" in editor.sample.item(0).text()
    assert editor.name.isReadOnly() and not editor.delete_button.isEnabled()


def test_editing_the_rule_recounts_after_a_pause(qtbot, shop):
    editor = _editor(qtbot, shop)
    _select(editor, "buyers")
    _counted(qtbot, editor, "2 customers")
    leaf_row = editor.builder.root.children_rows[0]
    leaf_row.value_input.set_value(2)  # as typed: "at least 2 orders"
    leaf_row._value_edited()
    assert editor.dirty and editor.save_button.isEnabled()
    _counted(qtbot, editor, "0 customers")
    assert editor.builder.rule() == {"field": "orders.count", "op": ">=", "value": 2}


def test_new_segment_saved_renamed_and_deleted(qtbot, shop, monkeypatch):
    editor = _editor(qtbot, shop)
    editor.new_segment()
    editor.name.setText("spanish")
    editor.builder.set_rule({"field": "customer.country", "op": "=", "value": "ES"})
    editor._rule_changed(editor.builder.rule())
    _counted(qtbot, editor, "1 customer")
    assert editor.save()
    with shop.read() as s:
        assert segment_rules(s)["spanish"] == {"field": "customer.country", "op": "=", "value": "ES"}
    assert editor.current["name"] == "spanish" and editor.delete_button.isEnabled()
    editor.name.setText("spain")
    editor._edited()
    assert editor.save()
    with shop.read() as s:
        rules = segment_rules(s)
    assert "spain" in rules and "spanish" not in rules
    monkeypatch.setattr("widgets.segments_editor.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes)
    editor.delete_segment()
    with shop.read() as s:
        assert "spain" not in segment_rules(s)


def test_a_bad_rule_is_not_counted_and_not_saved(qtbot, shop, monkeypatch):
    editor = _editor(qtbot, shop)
    editor.new_segment()
    editor.builder.set_rule({"segment": "no_such_segment"})
    editor.recount()
    assert editor.count_label.text() == "Fix the rule to see who is in it"
    warnings = []
    monkeypatch.setattr("widgets.segments_editor.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    assert not editor.save() and "unknown segment" in warnings[0]


def test_a_name_taken_is_refused(qtbot, shop, monkeypatch):
    editor = _editor(qtbot, shop)
    editor.new_segment()
    editor.name.setText("loyal")
    warnings = []
    monkeypatch.setattr("widgets.segments_editor.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    assert not editor.save() and "already a segment named 'loyal'" in warnings[0]


def _click_row(qtbot, editor: SegmentsEditor, row: int) -> None:
    from PySide6.QtCore import Qt

    rect = editor.list.visualItemRect(editor.list.item(row))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _answers(monkeypatch, *answers):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    queue = list(answers)

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr("widgets.segments_editor.QMessageBox.question", question)
    return asked, QMessageBox.StandardButton


def test_a_new_segment_survives_tabbing_out_and_asks_before_another_is_shown(qtbot, shop, monkeypatch):
    """The old editor dropped a new, unsaved segment without a word when the list took the focus
    (Tab out of the last field) or another segment was clicked."""
    from PySide6.QtCore import Qt

    editor = _editor(qtbot, shop)
    editor.resize(1280, 720)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.name, "spanish")
    assert "spanish (not saved)" in [editor.list.item(i).text() for i in range(editor.list.count())]
    seen = []
    for _ in range(60):  # Tab out of the last field, through the rule builder, until the list has the focus
        if editor.focusWidget() is editor.list:
            break
        seen.append(editor.focusWidget())
        qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.list, seen
    assert editor.current["new"] and editor.name.text() == "spanish"
    asked, button = _answers(monkeypatch, QMessageBox_Cancel(), QMessageBox_Discard())
    _click_row(qtbot, editor, 0)  # another segment: asked, and Cancel stays on the new one
    assert len(asked) == 1 and "spanish" in asked[0]
    assert editor.current["new"] and editor.name.text() == "spanish"
    assert editor.list.currentItem().text() == "spanish (not saved)"
    _click_row(qtbot, editor, 0)  # Discard: the first segment is shown, the draft is gone
    assert editor.current["name"] == editor.rows[0]["name"] and not editor.dirty
    assert all("not saved" not in editor.list.item(i).text() for i in range(editor.list.count()))
    with shop.read() as s:
        assert "spanish" not in segment_rules(s)


def test_leaving_a_new_segment_can_save_it(qtbot, shop, monkeypatch):
    from PySide6.QtCore import Qt

    editor = _editor(qtbot, shop)
    editor.show()
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "spanish")
    asked, button = _answers(monkeypatch, QMessageBox_Save())
    _click_row(qtbot, editor, 1)
    assert len(asked) == 1
    with shop.read() as s:
        assert "spanish" in segment_rules(s)
    assert editor.current["name"] == editor.rows[1]["name"]
    editor.name.setText("renamed")
    editor._edited()
    _answers(monkeypatch, QMessageBox_Cancel())
    editor.close()  # unsaved changes: closing asks, and Cancel keeps the window open
    assert editor.isVisible()
    _answers(monkeypatch, QMessageBox_Discard())
    editor.close()
    assert not editor.isVisible()


def QMessageBox_Cancel():  # noqa: N802 - reads like the button it stands for
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Cancel


def QMessageBox_Discard():  # noqa: N802
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Discard


def QMessageBox_Save():  # noqa: N802
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Save
