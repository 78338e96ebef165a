"""The inspector panel: forms built from the registry, one undo step per field, following undo."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from engine.model import Edge, Journey, Node
from engine.profile import Event, Profile
from engine.registry import REGISTRY
from widgets.commands import ChangeNode
from widgets.inspector import Inspector
from widgets.inspector.editors import DurationEditor, WeekdaysEditor
from widgets.inspector.message_editor import TemplateEditor

# One node of every registered kind, each with values other than its defaults.
SAMPLE_CONFIGS: dict[tuple[str, str], dict] = {
    ("trigger", "event"): {"event": "signup", "filter": {"field": "customer.country", "op": "=", "value": "DE"}},
    ("trigger", "inactivity"): {"after": "P6M"},
    ("trigger", "date"): {"field": "customer.properties.anniversary", "offset": "-P3D"},
    ("trigger", "segment"): {"segment": "loyal"},
    ("delay", "duration"): {"duration": "PT4H"},
    ("delay", "until"): {"field": "entry.delivery_date", "offset": "P1DT12H"},
    ("delay", "time_window"): {"at": "09:30", "weekdays": ["tue", "thu"]},
    ("condition", "rule"): {"rule": {"any": [{"segment": "loyal"},
                                             {"not": {"field": "customer.city", "op": "=", "value": "Köln"}}]}},
    ("condition", "split"): {"branches": [{"port": "young", "rule": {"field": "customer.age", "op": "<", "value": 30}},
                                          {"port": "vip", "rule": {"segment": "loyal"}}], "else": "rest"},
    ("condition", "random"): {"branches": [{"port": "a", "weight": 1}, {"port": "b", "weight": 3}]},
    ("condition", "wait_event"): {"event": "order_placed", "timeout": "P2W"},
    ("message", "email"): {"subject": "Hi {{ customer.first_name }}", "body": "Hello!",
                           "discount": {"percent": 5, "valid_for": "P14D", "prefix": "CART"}},
    ("message", "sms"): {"text": "Your cart misses you"},
    ("message", "push"): {"title": "Hey", "body": "Come back", "url": "https://example.org"},
    ("action", "end"): {},
    ("action", "update_customer"): {"tag": "vip", "property": "tier", "value": "gold"},
}


def test_sample_configs_cover_every_registered_kind() -> None:
    assert {(k.type, k.kind) for k in REGISTRY} == set(SAMPLE_CONFIGS)


def make_journey() -> Journey:
    j = Journey("Test journey", "A description", settings={"reentry": "never"},
                segments={"loyal": {"field": "orders.count", "op": ">=", "value": 3}})
    for (node_type, kind), extra in SAMPLE_CONFIGS.items():
        desc = REGISTRY.get(node_type, kind)
        config = desc.default_config()
        config.update(copy.deepcopy(extra))
        j.add_node(Node(f"{node_type}-{kind}", node_type, config, None, (0, 0)))
    j.add_edge(Edge("trigger-event", "out", "delay-duration"))
    return j


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
    inspector.set_journey(make_journey())
    return inspector


def editor(panel: Inspector, name: str):
    assert panel.node_form is not None
    return panel.node_form.editors[name][1]


@pytest.mark.parametrize(("node_type", "kind"), list(SAMPLE_CONFIGS))
def test_every_kind_builds_its_form_and_shows_current_values(panel: Inspector, stack: QUndoStack,
                                                             node_type: str, kind: str) -> None:
    node_id = f"{node_type}-{kind}"
    panel.show_node(node_id)
    node = panel.journey.node(node_id)
    desc = REGISTRY.get(node_type, kind)
    assert panel.node_form is not None and panel.node_form.desc is desc
    assert list(panel.node_form.editors) == [f.name for f in desc.fields]
    for f in desc.fields:
        shown = editor(panel, f.name).value()
        assert shown == node.config.get(f.name), f.name
    assert stack.count() == 0  # showing values pushes nothing


def test_duration_spin_and_unit_push_one_change_with_iso(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("delay-duration")
    dur = editor(panel, "duration")
    assert isinstance(dur, DurationEditor)
    assert (dur.spin.value(), dur.unit.currentData()) == (4, "hours")
    dur.spin.setFocus()
    qtbot.keyClick(dur.spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dur.spin, "3")
    dur.unit.setFocus()
    qtbot.keyClick(dur.unit, Qt.Key.Key_Down)  # hours -> days
    qtbot.keyClick(dur.unit, Qt.Key.Key_Down)  # days -> weeks
    assert panel.journey.node("delay-duration").config["duration"] == "P3W"
    assert stack.count() == 1
    stack.undo()
    assert panel.journey.node("delay-duration").config["duration"] == "PT4H"
    assert (dur.spin.value(), dur.unit.currentData()) == (4, "hours")


@pytest.mark.parametrize(("iso", "amount", "unit"), [("PT30M", 30, "minutes"), ("PT4H", 4, "hours"),
                                                     ("P1D", 1, "days"), ("P2W", 2, "weeks"),
                                                     ("P3M", 3, "months"), ("P1Y", 1, "years"),
                                                     ("P1Y6M", 18, "months"), ("PT1H30M", 90, "minutes")])
def test_duration_editor_reads_iso(qtbot, iso: str, amount: int, unit: str) -> None:
    dur = DurationEditor()
    qtbot.addWidget(dur)
    dur.set_value(iso)
    assert (dur.spin.value(), dur.unit.currentData()) == (amount, unit)
    assert dur.value() == iso


def test_signed_duration_before_after(qtbot, panel: Inspector) -> None:
    panel.show_node("trigger-date")
    off = editor(panel, "offset")
    assert (off.spin.value(), off.unit.currentData(), off.direction.currentData()) == (3, "days", "before")
    off.direction.setCurrentIndex(off.direction.findData("after"))
    assert panel.journey.node("trigger-date").config["offset"] == "P3D"


def test_duration_without_single_unit_is_kept_and_editable_as_iso(qtbot, panel: Inspector) -> None:
    panel.show_node("delay-until")
    off = editor(panel, "offset")
    assert off.unit.currentData() == "iso" and off.iso.text() == "P1DT12H"
    off.iso.selectAll()
    qtbot.keyClicks(off.iso, "P2DT6H")
    assert panel.journey.node("delay-until").config["offset"] == "P2DT6H"


def test_typing_a_subject_is_one_undo_step(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-email")
    subject = editor(panel, "subject")
    assert isinstance(subject, TemplateEditor)
    subject.edit.selectAll()
    qtbot.keyClicks(subject.edit, "Anna, your cart")
    assert panel.journey.node("message-email").config["subject"] == "Anna, your cart"
    assert stack.count() == 1
    stack.undo()
    assert panel.journey.node("message-email").config["subject"] == "Hi {{ customer.first_name }}"
    assert subject.text() == "Hi {{ customer.first_name }}"
    assert stack.count() == 1 and stack.index() == 0  # the refresh pushed nothing
    stack.redo()
    assert subject.text() == "Anna, your cart"


def test_two_fields_are_two_undo_steps(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-email")
    qtbot.keyClick(editor(panel, "subject").edit, Qt.Key.Key_End)
    qtbot.keyClicks(editor(panel, "subject").edit, "!")
    body = editor(panel, "body").edit
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Bye")
    qtbot.keyClicks(editor(panel, "subject").edit, "?")
    assert stack.count() == 3
    assert panel.journey.node("message-email").config["body"] == "Hello! Bye"


def test_template_syntax_error_is_shown_inline(qtbot, panel: Inspector) -> None:
    panel.show_node("message-email")
    subject = editor(panel, "subject")
    assert subject.error.isHidden()
    qtbot.keyClick(subject.edit, Qt.Key.Key_End)
    qtbot.keyClicks(subject.edit, " {{ oops")
    assert subject.error.isVisible()
    assert "syntax error" in subject.error.text()


def test_insert_variable_menu_inserts_at_cursor(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-sms")
    text = editor(panel, "text")
    text.edit.moveCursor(text.edit.textCursor().MoveOperation.End)
    code = next(a for a in text.variable_actions if a.data() == "{{ discount.code }}")
    code.trigger()
    assert panel.journey.node("message-sms").config["text"] == "Your cart misses you{{ discount.code }}"
    assert stack.count() == 1


def test_sms_counter_follows_typing(qtbot, panel: Inspector) -> None:
    panel.show_node("message-sms")
    text = editor(panel, "text")
    assert text.counter.text() == "20 characters · GSM-7 · 1 segment(s)"
    text.edit.selectAll()
    qtbot.keyClicks(text.edit, "a" * 161)
    assert text.counter.text() == "161 characters · GSM-7 · 2 segment(s)"
    text.edit.insertPlainText("€")  # QTest cannot type characters outside Latin-1
    assert "UCS-2" not in text.counter.text() and text.counter.text().startswith("163 characters")


def test_live_preview_renders_subject_for_sample_customer(qtbot, panel: Inspector) -> None:
    panel.show_node("message-email")
    preview = panel.node_form.preview
    qtbot.waitUntil(lambda: preview.subject_text() == "Subject: Hi Anna")
    subject = editor(panel, "subject")
    qtbot.keyClick(subject.edit, Qt.Key.Key_End)
    qtbot.keyClicks(subject.edit, ", 20 % off with {{ discount.code }}")
    qtbot.waitUntil(lambda: "Hi Anna, 20 % off with CART-" in preview.subject_text())
    other = Profile({"id": "c-9", "first_name": "Björn", "timezone": "Europe/Stockholm", "locale": "sv"},
                    [], [Event("cart_abandoned", datetime(2026, 1, 2, tzinfo=UTC), {"cart_value": 10})])
    panel.set_sample_customer(other)
    qtbot.waitUntil(lambda: preview.subject_text().startswith("Subject: Hi Björn"))
    panel.set_sample_customer(None)
    qtbot.waitUntil(lambda: preview.subject_text().startswith("Subject: Hi Anna"))


def test_push_and_sms_previews(qtbot, panel: Inspector) -> None:
    panel.show_node("message-push")
    preview = panel.node_form.preview
    qtbot.waitUntil(lambda: preview.card_title.text() == "Hey")
    assert preview.card_body.text() == "Come back" and preview.card_url.text() == "https://example.org"
    panel.show_node("message-sms")
    sms = editor(panel, "text").edit
    sms.moveCursor(sms.textCursor().MoveOperation.End)
    qtbot.keyClicks(sms, ", {{ customer.first_name }}")
    qtbot.waitUntil(lambda: "Your cart misses you, Anna" in panel.node_form.preview.bubble.text())


def test_discount_editor_round_trip_and_toggle(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-email")
    disc = editor(panel, "discount")
    assert disc.value() == {"percent": 5, "valid_for": "P14D", "prefix": "CART"}
    click_box(qtbot, disc.enabled)
    assert "discount" not in panel.journey.node("message-email").config
    click_box(qtbot, disc.enabled)
    disc.prefix.selectAll()
    qtbot.keyClicks(disc.prefix, "vip")
    assert panel.journey.node("message-email").config["discount"]["prefix"] == "VIP"


def test_weekdays_none_checked_omits_the_key(qtbot, panel: Inspector) -> None:
    panel.show_node("delay-time_window")
    days = editor(panel, "weekdays")
    assert isinstance(days, WeekdaysEditor)
    qtbot.mouseClick(days.buttons["tue"], Qt.MouseButton.LeftButton)
    assert panel.journey.node("delay-time_window").config["weekdays"] == ["thu"]
    qtbot.mouseClick(days.buttons["thu"], Qt.MouseButton.LeftButton)
    assert "weekdays" not in panel.journey.node("delay-time_window").config
    qtbot.mouseClick(days.buttons["mon"], Qt.MouseButton.LeftButton)
    assert panel.journey.node("delay-time_window").config["weekdays"] == ["mon"]


def test_time_of_day_editor(qtbot, panel: Inspector) -> None:
    panel.show_node("delay-time_window")
    at = editor(panel, "at")
    assert at.edit.displayFormat() == "HH:mm"
    at.edit.setFocus()
    qtbot.keyClick(at.edit, Qt.Key.Key_Up)  # steps the hour section
    assert panel.journey.node("delay-time_window").config["at"] == "10:30"


def test_event_and_segment_pickers(qtbot, panel: Inspector) -> None:
    panel.show_node("trigger-segment")
    seg = editor(panel, "segment")
    assert [seg.combo.itemText(i) for i in range(seg.combo.count())] == ["loyal"]
    panel.set_segments(["VIP", "lapsing"])
    assert [seg.combo.itemText(i) for i in range(seg.combo.count())] == ["lapsing", "loyal", "VIP"]
    assert seg.value() == "loyal"
    panel.show_node("trigger-event")
    ev = editor(panel, "event")
    # known events in words, their names kept as the value
    assert ev.combo.findText("Abandoned a cart") >= 0 and ev.combo.findData("newsletter_subscribed") >= 0
    assert ev.combo.findText("cart_abandoned") < 0
    ev.combo.setCurrentIndex(ev.combo.findData("order_placed"))
    assert panel.journey.node("trigger-event").config["event"] == "order_placed"
    assert ev.combo.currentText() == "Placed an order"
    ev.combo.lineEdit().selectAll()
    qtbot.keyClicks(ev.combo.lineEdit(), "wishlist_added")
    assert panel.journey.node("trigger-event").config["event"] == "wishlist_added"


def test_date_field_picker_offers_catalogue_and_custom(qtbot, panel: Inspector) -> None:
    panel.show_node("trigger-date")
    field = editor(panel, "field")
    assert field.custom.isVisible() and field.custom.text() == "anniversary"
    field.combo.setCurrentIndex(field.combo.findData("customer.birthdate"))
    assert panel.journey.node("trigger-date").config["field"] == "customer.birthdate"
    assert not field.custom.isVisible()


def test_weight_branches_show_percentages(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("condition-random")
    branches = editor(panel, "branches")
    assert [lbl.text() for lbl in branches.percent_labels] == ["25 %", "75 %"]
    qtbot.mouseClick(branches.add_button, Qt.MouseButton.LeftButton)
    assert panel.journey.node("condition-random").config["branches"][-1] == {"port": "c", "weight": 50}
    assert panel.journey.node("condition-random").ports() == ("a", "b", "c")
    assert branches.percent_labels[2].text() == "92.6 %"


def test_rule_branches_add_and_rename(qtbot, panel: Inspector) -> None:
    panel.show_node("condition-split")
    branches = editor(panel, "branches")
    assert len(branches.builders) == 2
    qtbot.mouseClick(branches.add_button, Qt.MouseButton.LeftButton)
    node = panel.journey.node("condition-split")
    assert node.config["branches"][-1] == {"port": "a", "rule": {"all": []}}
    port_edit = branches.findChildren(type(panel.node_form.label), "branch_port")[2]
    port_edit.selectAll()
    qtbot.keyClicks(port_edit, "vip")
    assert branches.problem.isVisible() and "vip" in branches.problem.text()
    assert panel.journey.node("condition-split").ports() == ("young", "vip", "rest")


def test_label_editing(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("delay-duration")
    qtbot.keyClicks(panel.node_form.label, "Wait a bit")
    assert panel.journey.node("delay-duration").label == "Wait a bit"
    assert stack.count() == 1
    panel.node_form.label.selectAll()
    qtbot.keyClick(panel.node_form.label, Qt.Key.Key_Delete)
    assert panel.journey.node("delay-duration").label is None
    assert stack.count() == 1


def test_edit_elsewhere_refreshes_without_new_commands(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("delay-duration")
    journey = panel.journey
    config = dict(journey.node("delay-duration").config, duration="P5D")
    stack.push(ChangeNode(journey, "delay-duration", config=config, label="Elsewhere"))
    dur = editor(panel, "duration")
    assert (dur.spin.value(), dur.unit.currentData()) == (5, "days")
    assert panel.node_form.label.text() == "Elsewhere"
    stack.undo()
    assert (dur.spin.value(), dur.unit.currentData()) == (4, "hours")
    assert stack.count() == 1


def test_undo_ends_the_typing_session(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-email")
    subject = editor(panel, "subject").edit
    qtbot.keyClick(subject, Qt.Key.Key_End)
    qtbot.keyClicks(subject, "1")
    qtbot.keyClicks(editor(panel, "body").edit, "2")
    stack.undo()
    qtbot.keyClicks(subject, "3")
    assert stack.count() == 2  # the new subject edit did not merge into the earlier one
    stack.undo()
    assert panel.journey.node("message-email").config["subject"] == "Hi {{ customer.first_name }}1"


def test_showing_the_shown_node_again_keeps_the_form(qtbot, panel: Inspector, stack: QUndoStack) -> None:
    panel.show_node("message-email")
    form = panel.node_form
    qtbot.keyClicks(editor(panel, "subject").edit, "x")
    panel.show_node("message-email")
    qtbot.keyClicks(editor(panel, "subject").edit, "y")
    assert panel.node_form is form
    assert stack.count() == 1


def test_removing_the_shown_node_shows_the_settings(qtbot, panel: Inspector) -> None:
    panel.show_node("message-sms")
    panel.journey.remove_node("message-sms")
    assert panel.node_id is None and panel.pages.currentWidget() is panel.settings_form


def test_unknown_node_and_no_journey(qtbot, stack: QUndoStack) -> None:
    inspector = Inspector(stack)
    qtbot.addWidget(inspector)
    inspector.show_node("x")
    assert inspector.pages.currentWidget() is inspector.placeholder
    j = Journey("J")
    j.add_node(Node("odd", "delay", {"kind": "teleport"}))
    inspector.set_journey(j)
    inspector.show_node("odd")
    assert isinstance(inspector.pages.currentWidget(), QLabel)
    assert "unknown kind" in inspector.pages.currentWidget().text()


def test_subscriptions_are_cancelled_when_the_journey_changes(qtbot, panel: Inspector) -> None:
    old = panel.journey
    assert old.signals.listener_count() == 5
    panel.set_journey(make_journey())
    assert old.signals.listener_count() == 0
    panel.set_journey(None)
    assert panel.pages.currentWidget() is panel.placeholder
