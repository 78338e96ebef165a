"""Card summaries: one readable line for every registry kind, and never an exception."""

from __future__ import annotations

import pytest

from engine.model import Node
from engine.registry import REGISTRY
from widgets.summaries import duration_text, summarize

CASES = [
    ("delay", {"kind": "duration", "duration": "PT4H"}, "Wait 4 hours"),
    ("delay", {"kind": "duration", "duration": "P1D"}, "Wait 1 day"),
    ("delay", {"kind": "until", "field": "entry.due_date", "offset": "-P3D"}, "Until due_date − 3 days"),
    ("delay", {"kind": "until", "field": "orders.last_at", "offset": "P6M"}, "Until Last order at + 6 months"),
    ("delay", {"kind": "time_window", "at": "09:00", "weekdays": ["mon", "fri"]}, "Next 09:00 (Mon, Fri)"),
    ("delay", {"kind": "time_window", "at": "18:00"}, "Next 18:00"),
    ("condition", {"kind": "rule", "rule": {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}},
     "Number of orders in last 180 days ≥ 1"),
    ("condition", {"kind": "rule", "rule": {"all": [{"segment": "vip"}, {"field": "customer.city", "op": "=",
                                                                         "value": "Köln"}]}},
     "in segment vip and City = Köln"),
    # the example: a card says what the rule means, not the field's path
    ("condition", {"kind": "rule", "rule": {"field": "orders.days_since_last", "op": "<", "value": 15}},
     "Days since last order < 15"),
    ("condition", {"kind": "rule", "rule": {"field": "customer.properties.shoe_size", "op": "=", "value": 42}},
     "shoe_size = 42"),
    ("message", {"kind": "email", "subject": "Your cart is waiting", "body": ""}, "Email: Your cart is waiting"),
    ("message", {"kind": "push", "title": "Hello", "body": ""}, "Push: Hello"),
    ("trigger", {"kind": "event", "event": "cart_abandoned"}, "When “Abandoned a cart”"),  # events in words
    ("trigger", {"kind": "event", "event": "quiz_done"}, "When quiz_done"),  # the shop's own, as named
    ("trigger", {"kind": "inactivity", "after": "P3M"}, "3 months after the last order"),
    ("trigger", {"kind": "date", "field": "customer.birthdate", "offset": "-P7D"}, "7 days before Birthdate"),
    ("trigger", {"kind": "segment", "segment": "vip"}, "Joins segment vip"),
    ("condition", {"kind": "split", "branches": [{"port": "vip", "rule": {}}, {"port": "buyer", "rule": {}}],
                   "else": "else"}, "Split: vip / buyer / else"),
    ("condition", {"kind": "random", "branches": [{"port": "a", "weight": 80}, {"port": "b", "weight": 20}]},
     "Random: a 80 % / b 20 %"),
    ("condition", {"kind": "wait_event", "event": "order_placed", "timeout": "P3D"},
     "Wait for “Placed an order” (at most 3 days)"),
    ("action", {"kind": "end"}, "The journey ends here"),
    ("action", {"kind": "update_customer", "tag": "vip", "property": "tier", "value": "gold"},
     "Tag “vip” · Set tier to gold"),
]


@pytest.mark.parametrize(("node_type", "config", "expected"), CASES)
def test_summary(qapp, node_type, config, expected):
    assert summarize(Node("n", node_type, config)) == expected


def test_templates_are_shown_without_their_syntax(qapp):
    node = Node("n", "message", {"kind": "email", "subject": "{{ discount.percent | percent }} off{% if x %}!{% endif %}"})
    assert summarize(node) == "Email: {discount.percent} off!"


def test_sms_is_cut_to_forty_characters(qapp):
    text = summarize(Node("n", "message", {"kind": "sms", "text": "x" * 100}))
    assert text.startswith("SMS: ") and len(text) == len("SMS: ") + 40 and text.endswith("…")


@pytest.mark.parametrize("value, expected", [("P1D", "1 day"), ("PT4H", "4 hours"), ("P1DT12H", "1 day 12 hours"),
                                             ("P3M", "3 months"), ("P1Y", "1 year"), ("-P2W", "2 weeks")])
def test_durations(qapp, value, expected):
    assert duration_text(value) == expected


def test_every_registry_kind_has_a_summary_with_defaults_and_with_garbage(qapp):
    for desc in REGISTRY:
        text = summarize(Node("n", desc.type, desc.default_config()))
        assert text and not text.startswith(f"{desc.type}/"), desc.kind
        broken = {"kind": desc.kind, **{f.name: 42 for f in desc.fields}}
        assert summarize(Node("n", desc.type, broken))
