"""Node kinds are described once and carry their behaviour: every kind, value type and summary
part is covered by every layer that reads it, and a renamed kind still loads (issue 12)."""

from __future__ import annotations

import ast
import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

import pytest

from engine import kinds, validation
from engine.compiled import CompiledJourney
from engine.compose import REQUIRED
from engine.fileformat import dumps_journey, journey_from_dict, read_journey
from engine.model import Journey, Node
from engine.problems import JourneyError
from engine.profile import parse_profile
from engine.registry import REGISTRY, ConfigField, NodeKind, Registry, ValueType
from engine.runner import RunOptions, simulate_customer

ROOT = Path(__file__).resolve().parents[1]
START, UNTIL = datetime(2026, 3, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)


def _file(nodes, edges, segments=None) -> dict:
    data = {"format": "journey-builder/1", "name": "Kinds", "settings": {},
            "nodes": [{"id": i, "type": t, "position": [0, 0], "config": c} for i, t, c in nodes],
            "edges": [{"source": s, "port": p, "target": d} for s, p, d in edges]}
    if segments:
        data["segments"] = segments
    return data


def _profile():
    return parse_profile({
        "customer": {"id": "c1", "email": "anna@example.org", "phone": "+491511234567", "first_name": "Anna",
                     "timezone": "Europe/Berlin", "birthdate": "1990-05-20",
                     "consent": {"email": True, "sms": True, "push": True}},
        "orders": [{"id": "o1", "placed_at": "2026-02-10T10:00:00Z", "total": 20},
                   {"id": "o2", "placed_at": "2026-09-01T10:00:00Z", "total": 30}],
        "events": [{"type": "signup", "at": "2026-03-02T10:00:00Z"},
                   {"type": "cart_abandoned", "at": "2026-03-03T10:00:00Z"}],
    })


# -- value types ---------------------------------------------------------------------------
def test_every_value_type_has_a_checker_and_an_editor(qapp):
    from widgets.inspector.editors import EDITORS, EditorContext, ValueEditor, make_editor

    assert set(validation._CHECKERS) == set(ValueType)
    assert set(EDITORS) == set(ValueType)
    for value_type in ValueType:
        assert isinstance(make_editor(value_type, EditorContext(), name="body"), ValueEditor), value_type


def test_every_field_has_a_known_value_type_and_a_misspelt_one_is_refused():
    for kind in REGISTRY:
        for f in kind.fields:
            assert isinstance(f.value_type, ValueType), (kind.kind, f.name)
    assert ConfigField("when", "duration").value_type is ValueType.DURATION
    assert ValueType.DURATION == "duration" and json.dumps(ValueType.DURATION) == '"duration"'
    with pytest.raises(ValueError, match="durration"):
        ConfigField("when", "durration")


# -- hooks ---------------------------------------------------------------------------------
def test_every_kind_has_its_hooks():
    for kind in REGISTRY:
        assert callable(kind.act) and callable(kind.summary), kind.kind
        assert kind.plan is None or callable(kind.plan), kind.kind
        if kind.type == "delay":  # every delay waits: the loop check must know when it surely takes time
            assert callable(kind.takes_time), kind.kind
        templates = tuple(f.name for f in kind.fields if f.value_type is ValueType.TEMPLATE)
        assert kind.template_fields == templates, kind.kind
        if kind.type == "message":
            assert kind.channel == kind.kind and kind.template_fields
            assert set(REQUIRED[kind.channel]) <= set(kind.template_fields)
        else:
            assert kind.channel is None and not kind.template_fields


def _smoke_journey(kind: NodeKind) -> dict:
    """The kind with its defaults in a journey that reaches it."""
    config = kind.default_config()
    segments = None
    if (kind.type, kind.kind) == ("trigger", "segment"):
        config["segment"] = "carts"
        segments = {"carts": {"field": "events.count", "event": "cart_abandoned", "op": ">=", "value": 1}}
    mail = ("mail", "message", {"kind": "email", "subject": "Hi", "body": "Hello"})
    if kind.type == "trigger":
        return _file([("n", "trigger", config), mail], [("n", "out", "mail")], segments)
    start = ("start", "trigger", {"kind": "event", "event": "signup"})
    return _file([start, ("n", kind.type, config)], [("start", "out", "n")], segments)


@pytest.mark.parametrize("kind", list(REGISTRY), ids=lambda k: f"{k.type}/{k.kind}")
def test_every_kind_plans_and_acts_with_its_defaults(kind):
    compiled = CompiledJourney(journey_from_dict(_smoke_journey(kind)))
    plan = compiled.plans["n"]
    assert plan.act is kind.act and plan.template_fields == kind.template_fields
    steps = simulate_customer(compiled, _profile(), START, UNTIL, RunOptions())
    assert any(s.node == "n" and s.type == kind.type for s in steps), [s.describe() for s in steps]


def test_a_journey_with_an_unknown_kind_does_not_compile():
    journey = Journey()
    journey.attach_node(Node("start", "trigger", {"kind": "event", "event": "signup"}))
    journey.attach_node(Node("nap", "delay", {"kind": "nap"}))
    with pytest.raises(ValueError, match="node 'nap': unknown delay kind 'nap'"):
        CompiledJourney(journey)


def test_every_summary_part_has_a_formatter_and_every_text_is_listed_for_translation(qapp):
    from widgets.summaries import PART_FORMATTERS, SUMMARY_TEXTS

    assert set(get_args(kinds.Part)) == set(PART_FORMATTERS)
    tree = ast.parse((ROOT / "engine" / "kinds.py").read_text(encoding="utf-8"))
    words = [call for call in ast.walk(tree)
             if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Words"]
    assert len(words) > 15
    for call in words:
        text = call.args[0]
        assert isinstance(text, ast.Constant) and isinstance(text.value, str), ast.unparse(call)
        assert text.value in SUMMARY_TEXTS, text.value


def test_every_kind_is_in_the_palette(qtbot):
    from widgets.palette import KIND_ROLE, Palette

    palette = Palette()
    qtbot.addWidget(palette)
    assert {tuple(item.data(0, KIND_ROLE)) for item in palette.kind_items()} == {(k.type, k.kind) for k in REGISTRY}


# -- registering ---------------------------------------------------------------------------
def _like(node_type: str, name: str, **changes) -> NodeKind:
    return dataclasses.replace(REGISTRY.get(node_type, name), **changes)


def test_a_kind_is_registered_once():
    registry = Registry()
    registry.register(_like("delay", "duration"))
    with pytest.raises(ValueError, match="delay/duration is already registered"):
        registry.register(_like("delay", "duration"))


def test_a_message_kind_needs_a_channel_and_templates():
    email = REGISTRY.get("message", "email")
    with pytest.raises(ValueError, match="needs a channel and at least one template field"):
        Registry().register(dataclasses.replace(email, kind="fax", fields=(), channel="fax"))


def test_conflicting_old_names_are_refused():
    registry = Registry()
    registry.register(_like("delay", "until"))
    registry.register(_like("delay", "duration", replaces=(("delay", "pause"),)))
    with pytest.raises(ValueError, match="delay/duration replaces it already"):
        registry.register(_like("delay", "time_window", replaces=(("delay", "pause"),)))
    with pytest.raises(ValueError, match="that kind is registered"):
        registry.register(_like("delay", "time_window", replaces=(("delay", "until"),)))
    with pytest.raises(ValueError, match="that kind is registered"):
        registry.register(_like("delay", "time_window", replaces=(("delay", "time_window"),)))
    with pytest.raises(ValueError, match="is an old name of delay/duration"):
        registry.register(_like("delay", "duration", kind="pause"))
    with pytest.raises(ValueError, match="replaces it already"):
        registry.register(_like("delay", "time_window", replaces=(("delay", "nap"), ("delay", "nap"))))
    with pytest.raises(ValueError, match="not a \\(type, kind\\) pair"):
        registry.register(_like("delay", "time_window", replaces=(("pause",),)))
    with pytest.raises(ValueError, match="not a \\(type, kind\\) pair"):
        registry.register(_like("delay", "time_window", replaces=(("wait", "pause"),)))
    # Nothing half-registered by the refusals.
    assert registry.get("delay", "time_window") is None and registry.successor("delay", "nap") is None


# -- loading -------------------------------------------------------------------------------
PAUSE_FILE = _file([("start", "trigger", {"kind": "event", "event": "signup"}),
                    ("wait", "delay", {"kind": "pause", "duration": "P2D"}),
                    ("mail", "message", {"kind": "email", "subject": "Hi", "body": "Hello"})],
                   [("start", "out", "wait"), ("wait", "out", "mail")])


def _renamed_registry() -> Registry:
    """The shipped kinds, with delay/duration once called delay/pause."""
    registry = Registry()
    for kind in REGISTRY:
        if (kind.type, kind.kind) == ("delay", "duration"):
            kind = dataclasses.replace(kind, replaces=(("delay", "pause"),))
        registry.register(kind)
    return registry


def test_unknown_kinds_are_refused_with_a_clear_load_error():
    journey, problems = read_journey(PAUSE_FILE)
    assert [(p.where, p.message) for p in problems] == [
        ("wait", 'config.kind: unknown delay kind "pause" (expected one of duration, until, time_window)'),
        ("start.out->wait", "target: no node 'wait' (dangling edge)"),
        ("wait.out->mail", "source: no node 'wait' (dangling edge)"),
    ]
    with pytest.raises(JourneyError, match='unknown delay kind "pause"'):
        journey_from_dict(PAUSE_FILE)


def test_an_old_kind_name_loads_as_its_successor_and_is_saved_under_the_new_one():
    registry = _renamed_registry()
    journey, problems = read_journey(PAUSE_FILE, registry)
    assert problems == []
    node = journey.node("wait")
    assert (node.type, node.kind, node.config) == ("delay", "duration", {"kind": "duration", "duration": "P2D"})
    saved = json.loads(dumps_journey(journey_from_dict(PAUSE_FILE, registry=registry)))
    assert [n["config"]["kind"] for n in saved["nodes"]] == ["event", "duration", "email"]
    assert PAUSE_FILE["nodes"][1]["config"]["kind"] == "pause"  # the data read is left as it was
    steps = simulate_customer(CompiledJourney(journey), _profile(), START, UNTIL, RunOptions())
    assert [(s.node, s.event) for s in steps][:3] == [("start", "entered"), ("wait", "waiting"), ("mail", "sent")]
