"""The rule builder: rules round-trip through the widgets, edits produce the expected rule dicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from engine.model import Journey, Node
from widgets.inspector import Inspector
from widgets.inspector.editors import EditorContext
from widgets.inspector.rule_builder import GroupWidget, JsonRow, LeafRow, RuleBuilder
from widgets.inspector.rule_values import GeoInput, ListInput, PairInput, ScalarInput

ROUND_TRIP = [
    {"all": []},
    {"any": []},
    {"field": "orders.days_since_last", "op": "<", "value": 15},
    {"field": "orders.count", "window": "P6M", "op": ">=", "value": 1},
    {"all": [
        {"field": "orders.days_since_last", "op": ">=", "value": 15},
        {"any": [{"segment": "loyal"}, {"not": {"field": "customer.city", "op": "=", "value": "Köln"}}]},
    ]},
    {"not": {"any": [{"field": "consent.email", "op": "=", "value": True},
                     {"field": "customer.tags", "op": "contains", "value": "vip"}]}},
    {"field": "customer.age", "op": "between", "value": [18, 29]},
    {"field": "customer.birthdate", "op": "between", "value": ["1990-01-01", "1999-12-31"]},
    {"field": "customer.location", "op": "within_km", "value": {"lat": 53.55, "lon": 9.99, "km": 30}},
    {"field": "events.count", "event": "product_viewed", "window": "P7D", "op": ">=", "value": 3},
    {"field": "events.count", "event": "email_opened", "since": "entry", "op": "=", "value": 0},
    {"field": "engagement.level", "op": "in", "value": ["super_active", "moderate"]},
    {"field": "lifecycle.stage", "op": "not_in", "value": ["lapsing"]},
    {"field": "customer.properties.size", "op": "=", "value": "42"},
    {"field": "customer.properties.vip", "op": "=", "value": True},
    {"field": "entry.cart_value", "op": ">", "value": 50.5},
    {"field": "customer.birthdate", "op": "not_exists"},
    {"field": "orders.last_at", "op": "<", "value": "2026-01-01T00:00:00Z"},
    {"not": {"not": {"segment": "loyal"}}},
    {"all": [{"field": "orders.total", "op": ">", "value": 100}]},
    {"any": [{"all": [{"segment": "a"}, {"segment": "b"}]}, {"not": {"all": [{"segment": "c"}]}}]},
    {"bogus": 1},
    {"all": [{"field": "orders.count", "op": "in", "value": 3}, {"weird": True}]},
]


@pytest.fixture
def builder(qtbot) -> RuleBuilder:
    widget = RuleBuilder(EditorContext(segment_names=lambda: ["loyal", "a", "b", "c"]))
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    return widget


@pytest.mark.parametrize("rule", ROUND_TRIP)
def test_rules_round_trip_through_the_widgets(builder: RuleBuilder, rule: dict) -> None:
    builder.set_rule(rule)
    assert builder.rule() == rule
    rebuilt, _ = builder._collect()  # what the widget tree writes back, not a stored copy
    assert rebuilt == rule


def leaves(builder: RuleBuilder) -> list[LeafRow]:
    return builder.findChildren(LeafRow)


def test_nested_any_not_builds_groups_and_toggles(builder: RuleBuilder) -> None:
    builder.set_rule(ROUND_TRIP[4])
    groups = builder.findChildren(GroupWidget)
    assert [g.mode for g in groups] == ["all", "any"]  # the builder's root and the nested group
    rows = leaves(builder)
    assert [r.negated for r in rows] == [False, False, True]
    assert rows[1].segment.value() == "loyal" and not rows[1].segment.isHidden()
    assert rows[2].field.value() == "customer.city"


def test_value_widgets_match_field_types(builder: RuleBuilder) -> None:
    expected = {
        "customer.age": (PairInput, "between"),
        "customer.location": (GeoInput, "within_km"),
        "engagement.level": (ListInput, "in"),
    }
    for rule in ROUND_TRIP:
        field = rule.get("field")
        if field in expected:
            builder.set_rule(rule)
            row = leaves(builder)[0]
            kind, op = expected[field]
            assert isinstance(row.value_input, kind) and row.op.currentData() == op
    builder.set_rule({"field": "consent.email", "op": "=", "value": True})
    row = leaves(builder)[0]
    assert isinstance(row.value_input, ScalarInput) and row.value_input.widget.isChecked()
    assert [row.op.itemData(i) for i in range(row.op.count())] == ["=", "!=", "exists", "not_exists"]
    builder.set_rule({"field": "lifecycle.stage", "op": "=", "value": "loyal"})
    combo = leaves(builder)[0].value_input.widget
    assert [combo.itemText(i) for i in range(combo.count())] == ["prospect", "new", "loyal", "lapsing"]
    builder.set_rule({"field": "customer.location", "op": "within_km", "value": {"lat": 1, "lon": 2, "km": 3}})
    row = leaves(builder)[0]
    assert [row.op.itemData(i) for i in range(row.op.count())] == ["within_km", "exists", "not_exists"]


def test_aggregate_fields_offer_window_and_since(builder: RuleBuilder) -> None:
    builder.set_rule({"field": "orders.count", "op": ">=", "value": 1})
    row = leaves(builder)[0]
    assert not row.scope.isHidden() and row.event.isHidden()
    row.window_check.click()
    assert builder.rule() == {"field": "orders.count", "op": ">=", "value": 1, "window": "P30D"}
    row.since_check.click()
    assert builder.rule()["since"] == "entry"
    builder.set_rule({"field": "customer.city", "op": "=", "value": "Berlin"})
    assert leaves(builder)[0].scope.isHidden()


def test_changing_op_to_exists_hides_the_value(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"field": "customer.city", "op": "=", "value": "Berlin"})
    row = leaves(builder)[0]
    assert row.value_input is not None and not row.value_input.isHidden()
    emitted = []
    builder.changed.connect(emitted.append)
    row.op.setFocus()
    row.op.setCurrentIndex(row.op.findData("exists"))
    assert row.value_input is None
    assert emitted[-1] == {"field": "customer.city", "op": "exists"}
    row.op.setCurrentIndex(row.op.findData("in"))
    assert isinstance(row.value_input, ListInput)
    qtbot.keyClicks(row.value_input.edit, "Berlin, Hamburg")
    assert emitted[-1] == {"field": "customer.city", "op": "in", "value": ["Berlin", "Hamburg"]}


def test_between_and_within_km_edits(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"field": "customer.age", "op": ">=", "value": 18})
    row = leaves(builder)[0]
    row.op.setCurrentIndex(row.op.findData("between"))
    assert builder.rule() == {"field": "customer.age", "op": "between", "value": [0, 10]}
    high = row.value_input.high.widget
    high.selectAll()
    qtbot.keyClicks(high, "65")
    assert builder.rule()["value"] == [0, 65]
    row.field.combo.setCurrentIndex(row.field.combo.findData("customer.location"))
    assert builder.rule() == {"field": "customer.location", "op": "within_km",
                              "value": {"lat": 52.52, "lon": 13.405, "km": 25, "place": "Berlin, DE"}}
    km = row.value_input.spins["km"]
    km.selectAll()
    qtbot.keyClicks(km, "5")
    assert builder.rule()["value"]["km"] == 5


def test_events_count_needs_its_event(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"field": "orders.count", "op": ">=", "value": 2})
    row = leaves(builder)[0]
    row.field.combo.setCurrentIndex(row.field.combo.findData("events.count"))
    assert builder.rule() == {"field": "events.count", "op": ">=", "value": 2, "event": "order_placed"}
    assert not row.event.isHidden()
    row.event.combo.lineEdit().selectAll()
    qtbot.keyClicks(row.event.combo.lineEdit(), "email_opened")
    assert builder.rule()["event"] == "email_opened"


def test_custom_property_field(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"field": "customer.city", "op": "=", "value": "Berlin"})
    row = leaves(builder)[0]
    row.field.combo.setCurrentIndex(row.field.combo.findData("customer.properties."))
    assert not row.field.custom.isHidden()
    qtbot.keyClicks(row.field.custom, "shoe_size")
    qtbot.keyClicks(row.value_input.widget, "42")
    assert builder.rule() == {"field": "customer.properties.shoe_size", "op": "=", "value": 42}


def test_add_and_remove_rows_and_groups(qtbot, builder: RuleBuilder) -> None:
    root = builder.root
    qtbot.mouseClick(root.add_leaf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(root.add_group_button, Qt.MouseButton.LeftButton)
    assert builder.rule() == {"all": [{"field": "orders.count", "op": ">=", "value": 1},
                                      {"any": [{"field": "orders.count", "op": ">=", "value": 1}]}]}
    group = builder.findChildren(GroupWidget)[1]
    qtbot.mouseClick(group.not_button, Qt.MouseButton.LeftButton)
    group.mode_combo.setCurrentIndex(0)
    assert builder.rule()["all"][1] == {"not": {"all": [{"field": "orders.count", "op": ">=", "value": 1}]}}
    qtbot.mouseClick(root.mode_combo, Qt.MouseButton.LeftButton)
    root.mode_combo.setCurrentIndex(1)
    assert "any" in builder.rule()
    qtbot.mouseClick(group.remove, Qt.MouseButton.LeftButton)
    first = root.children_rows[0]
    qtbot.mouseClick(first.remove, Qt.MouseButton.LeftButton)
    assert builder.rule() == {"any": []}


def test_a_bare_rule_gets_a_group_when_a_second_row_is_added(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"segment": "loyal"})
    assert builder.root.mode_combo.isHidden()  # a lone rule reads as just its row
    qtbot.mouseClick(builder.root.add_leaf_button, Qt.MouseButton.LeftButton)
    assert builder.rule() == {"all": [{"segment": "loyal"}, {"field": "orders.count", "op": ">=", "value": 1}]}
    assert not builder.root.mode_combo.isHidden()


def test_problems_are_shown_on_their_row(builder: RuleBuilder) -> None:
    builder.set_rule({"all": [{"field": "orders.count", "op": ">=", "value": 1},
                              {"field": "orders.count", "op": "in", "value": 3},
                              {"segment": "nobody"}]})
    rows = leaves(builder)
    assert rows[0].error.isHidden()
    assert not rows[1].error.isHidden() and "'in' needs a list" in rows[1].error.text()
    assert "unknown segment 'nobody'" in rows[2].error.text()
    builder.set_rule({"field": "customer.city", "op": "=", "value": "x", "window": "P1D"})
    assert "does not take a window" in builder.summary.text() + leaves(builder)[0].error.text()


def test_json_row_keeps_unknown_shapes(qtbot, builder: RuleBuilder) -> None:
    builder.set_rule({"all": [{"weird": True}]})
    row = builder.findChildren(JsonRow)[0]
    row.edit.selectAll()
    qtbot.keyClicks(row.edit, '{"segment": "a"}')
    assert builder.rule() == {"all": [{"segment": "a"}]}


def test_condition_node_rule_edit_pushes_one_command_per_field(qtbot) -> None:
    stack = QUndoStack()
    panel = Inspector(stack)
    qtbot.addWidget(panel)
    j = Journey("J")
    j.add_node(Node("cond", "condition", {"kind": "rule", "rule": {"field": "orders.count", "op": ">=", "value": 1}}))
    panel.set_journey(j)
    panel.show_node("cond")
    rule_editor = panel.node_form.editors["rule"][1]
    row = rule_editor.builder.findChildren(LeafRow)[0]
    spin = row.value_input.widget
    spin.selectAll()
    qtbot.keyClicks(spin, "4")
    assert j.node("cond").config["rule"] == {"field": "orders.count", "op": ">=", "value": 4}
    row.window_check.click()
    assert j.node("cond").config["rule"]["window"] == "P30D"
    assert stack.count() == 1
    stack.undo()
    row = rule_editor.builder.findChildren(LeafRow)[0]
    assert j.node("cond").config["rule"] == {"field": "orders.count", "op": ">=", "value": 1}
    assert row.value_input.value() == 1 and not row.window_check.isChecked()
    assert stack.count() == 1


def test_optional_filter_with_no_conditions_is_left_out(qtbot) -> None:
    stack = QUndoStack()
    panel = Inspector(stack)
    qtbot.addWidget(panel)
    j = Journey("J")
    j.add_node(Node("t", "trigger", {"kind": "event", "event": "signup"}))
    panel.set_journey(j)
    panel.show_node("t")
    builder = panel.node_form.editors["filter"][1].builder
    qtbot.mouseClick(builder.root.add_leaf_button, Qt.MouseButton.LeftButton)
    assert j.node("t").config["filter"] == {"all": [{"field": "orders.count", "op": ">=", "value": 1}]}
    qtbot.mouseClick(builder.findChildren(LeafRow)[0].remove, Qt.MouseButton.LeftButton)
    assert "filter" not in j.node("t").config
