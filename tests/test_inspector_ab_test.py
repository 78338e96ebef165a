"""The A/B test editor of a message node: on and off, a variant's subject, the auto-pick, undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from test_inspector import click_box, editor, make_journey

from widgets.inspector import Inspector


@pytest.fixture
def panel(qtbot):
    stack = QUndoStack()
    inspector = Inspector(stack)
    qtbot.addWidget(inspector)
    inspector.resize(440, 900)
    inspector.show()
    inspector.set_journey(make_journey())
    inspector.show_node("message-email")
    return inspector, stack


def test_ticking_the_box_starts_a_test_of_two_variants_and_unticking_removes_it(qtbot, panel):
    inspector, stack = panel
    ab = editor(inspector, "ab_test")
    assert ab.value() is None and not ab.body.isVisible()
    click_box(qtbot, ab.enabled)
    assert inspector.journey.node("message-email").config["ab_test"] == {"variants": [{"name": "a"}, {"name": "b"}]}
    subject = ab.findChild(QLineEdit, "ab_subject_1")
    qtbot.keyClicks(subject, "Still thinking?")
    assert inspector.journey.node("message-email").config["ab_test"]["variants"][1] == {
        "name": "b", "subject": "Still thinking?"}
    click_box(qtbot, ab.auto)
    config = inspector.journey.node("message-email").config["ab_test"]
    assert config["pick_at"] == 0.95 and "min_recipients" not in config
    ab.metric_box.setCurrentIndex(ab.metric_box.findData("clicks"))
    assert inspector.journey.node("message-email").config["ab_test"]["metric"] == "clicks"
    click_box(qtbot, ab.enabled)
    assert "ab_test" not in inspector.journey.node("message-email").config
    while stack.canUndo():
        stack.undo()
    assert "ab_test" not in inspector.journey.node("message-email").config


def test_a_third_variant_and_removing_it(qtbot, panel):
    inspector, _ = panel
    ab = editor(inspector, "ab_test")
    click_box(qtbot, ab.enabled)
    ab.add_button.click()
    assert [v["name"] for v in inspector.journey.node("message-email").config["ab_test"]["variants"]] == ["a", "b", "c"]
    ab._remove(2)
    assert len(inspector.journey.node("message-email").config["ab_test"]["variants"]) == 2
