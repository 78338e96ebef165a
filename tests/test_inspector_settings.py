"""The journey settings form: every section round-trips and each edit is one ChangeJourney."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QToolButton

from engine.fileformat import load_journey
from engine.model import Journey
from widgets.inspector import Inspector
from widgets.inspector.rule_builder import LeafRow, RuleEditor

FULL_SETTINGS = {
    "reentry": "after_exit",
    "reentry_cooldown": "P7D",
    "exit_on": [{"event": "order_placed"},
                {"event": "payment_received", "filter": {"field": "entry.amount", "op": ">", "value": 10}}],
    "exit_if": {"field": "consent.email", "op": "=", "value": False},
    "quiet_hours": {"start": "21:00", "end": "08:00"},
    "frequency_cap": {"max": 3, "per": "P7D"},
}


def click_box(qtbot, box) -> None:
    """Clicks a checkbox on its indicator (a stretched box's centre may be past its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(qtbot, stack: QUndoStack) -> Inspector:
    inspector = Inspector(stack)
    qtbot.addWidget(inspector)
    inspector.resize(440, 900)
    inspector.show()
    inspector.set_journey(Journey("Cart", "Brings carts back", settings=copy.deepcopy(FULL_SETTINGS)))
    return inspector


def test_none_shows_the_settings_form_with_every_section(panel: Inspector) -> None:
    form = panel.settings_form
    assert panel.pages.currentWidget() is form
    assert form.name.text() == "Cart" and form.description.text() == "Brings carts back"
    for key, value in FULL_SETTINGS.items():
        assert form.section_value(key) == value, key


@pytest.mark.parametrize("path", ["resources/journeys/04-abandoned-cart-advanced.json",
                                  "resources/journeys/10-engagement-newsletter.json",
                                  "resources/journeys/01-welcome-series.json"])
def test_bundled_journeys_round_trip(qtbot, stack: QUndoStack, path: str) -> None:
    panel = Inspector(stack)
    qtbot.addWidget(panel)
    journey = load_journey(path)
    panel.set_journey(journey)
    form = panel.settings_form
    for key in ("reentry_cooldown", "exit_on", "exit_if", "quiet_hours", "frequency_cap"):
        assert form.section_value(key) == journey.settings.get(key), key
    assert form.section_value("reentry") == journey.settings.get("reentry", "after_exit")
    assert stack.count() == 0


def test_quiet_hours_checkbox_and_times(qtbot, stack: QUndoStack) -> None:
    panel = Inspector(stack)
    qtbot.addWidget(panel)
    panel.resize(440, 1000)
    panel.show()
    journey = Journey("J")
    panel.set_journey(journey)
    form = panel.settings_form
    click_box(qtbot, form.quiet_check)
    assert journey.settings == {"quiet_hours": {"start": "21:00", "end": "08:00"}}
    form.quiet_end.edit.setFocus()
    qtbot.keyClick(form.quiet_end.edit, Qt.Key.Key_Up)
    assert journey.settings["quiet_hours"] == {"start": "21:00", "end": "09:00"}
    assert stack.count() == 1  # one section, one undo step
    click_box(qtbot, form.cap_check)
    assert journey.settings["frequency_cap"] == {"max": 3, "per": "P7D"}
    assert stack.count() == 2
    stack.undo()
    assert "frequency_cap" not in journey.settings and not form.cap_check.isChecked()
    stack.undo()
    assert journey.settings == {} and not form.quiet_check.isChecked()
    assert stack.count() == 2


def test_reentry_and_cooldown(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    form = panel.settings_form
    journey = panel.journey
    form.cooldown.spin.selectAll()
    qtbot.keyClicks(form.cooldown.spin, "14")
    assert journey.settings["reentry_cooldown"] == "P14D"
    form.reentry.setCurrentIndex(form.reentry.findData("always"))
    assert journey.settings["reentry"] == "always"
    assert not form.cooldown.isEnabled()
    assert stack.count() == 2
    click_box(qtbot, form.cooldown_check)  # disabled: nothing happens
    assert stack.count() == 2


def test_frequency_cap_edits(qtbot, panel: Inspector) -> None:
    form = panel.settings_form
    form.cap_max.selectAll()
    qtbot.keyClicks(form.cap_max, "5")
    form.cap_per.unit.setCurrentIndex(form.cap_per.unit.findData("weeks"))
    assert panel.journey.settings["frequency_cap"] == {"max": 5, "per": "P7W"}


def test_exit_on_add_remove_and_filter(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    form = panel.settings_form
    journey = panel.journey
    qtbot.mouseClick(form.exit_on.add_button, Qt.MouseButton.LeftButton)
    assert journey.settings["exit_on"][-1] == {"event": "signup"}
    rows = form.exit_on.findChildren(QFrame, "exit_event")
    assert len(rows) == 3
    qtbot.mouseClick(rows[0].findChild(QToolButton, "remove"), Qt.MouseButton.LeftButton)
    assert [e["event"] for e in journey.settings["exit_on"]] == ["payment_received", "signup"]
    assert stack.count() == 2
    second = form.exit_on.findChildren(QFrame, "exit_event")[1]
    only_if = next(b for b in second.findChildren(QToolButton) if b.isCheckable())
    qtbot.mouseClick(only_if, Qt.MouseButton.LeftButton)
    builder = second.findChild(RuleEditor).builder
    qtbot.mouseClick(builder.root.add_leaf_button, Qt.MouseButton.LeftButton)
    assert journey.settings["exit_on"][1] == {
        "event": "signup", "filter": {"all": [{"field": "orders.count", "op": ">=", "value": 1}]}}
    stack.undo()
    stack.undo()
    stack.undo()
    assert journey.settings["exit_on"] == FULL_SETTINGS["exit_on"]
    assert len(form.exit_on.findChildren(QFrame, "exit_event")) == 2


def test_exit_if_toggle(qtbot, panel: Inspector) -> None:
    form = panel.settings_form
    click_box(qtbot, form.exit_if_check)
    assert "exit_if" not in panel.journey.settings
    click_box(qtbot, form.exit_if_check)
    assert panel.journey.settings["exit_if"] == FULL_SETTINGS["exit_if"]
    row = form.exit_if.builder.findChildren(LeafRow)[0]
    row.op.setCurrentIndex(row.op.findData("!="))
    assert panel.journey.settings["exit_if"] == {"field": "consent.email", "op": "!=", "value": False}


def test_name_typing_is_one_step_and_undo_refreshes(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    form = panel.settings_form
    qtbot.keyClick(form.name, Qt.Key.Key_End)
    qtbot.keyClicks(form.name, " reminder")
    assert panel.journey.name == "Cart reminder"
    assert stack.count() == 1
    stack.undo()
    assert panel.journey.name == "Cart" and form.name.text() == "Cart"
    assert stack.count() == 1


def test_unknown_settings_keys_survive_an_edit(qtbot, stack: QUndoStack) -> None:
    panel = Inspector(stack)
    qtbot.addWidget(panel)
    panel.resize(440, 1000)
    panel.show()
    journey = Journey("J", settings={"x_custom": {"a": 1}})
    panel.set_journey(journey)
    click_box(qtbot, panel.settings_form.quiet_check)
    assert journey.settings == {"x_custom": {"a": 1}, "quiet_hours": {"start": "21:00", "end": "08:00"}}


def test_holdout_setting_on_off_and_window(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    form = panel.settings_form
    assert form.section_value("holdout") is None and not form.holdout_percent.isEnabled()
    click_box(qtbot, form.holdout_check)
    assert panel.journey.settings["holdout"] == {"percent": 10}
    form.holdout_percent.selectAll()
    qtbot.keyClicks(form.holdout_percent, "20")
    assert panel.journey.settings["holdout"] == {"percent": 20}
    form.holdout_window.unit.setCurrentIndex(form.holdout_window.unit.findData("weeks"))
    assert panel.journey.settings["holdout"]["window"].endswith("W")
    click_box(qtbot, form.holdout_check)
    assert "holdout" not in panel.journey.settings
    stack.undo()  # edits of one section merge into one step, as for the other sections
    assert "holdout" not in panel.journey.settings and not form.holdout_check.isChecked()
    stack.redo()
    assert "holdout" not in panel.journey.settings
