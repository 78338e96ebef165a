"""Fuzzing the engine's doors: journey files mutated at random and templates built from Jinja's
riskiest pieces. Whatever comes in, the answer is a result or one clear error — never a
traceback, never a hang past the render budget, never memory running away."""

from __future__ import annotations

import copy
import json
import math
import resource
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from engine import template_limits
from engine.compiled import CompiledJourney
from engine.fileformat import read_journey
from engine.problems import JourneyError
from engine.profile import parse_profile
from engine.runner import RunOptions, simulate_customer
from engine.templates import TemplateRenderError, check_template, render
from engine.validation import errors_of, validate

ROOT = Path(__file__).resolve().parents[1]
GALLERY = sorted((ROOT / "resources" / "journeys").glob("*.json"))
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PROFILE = parse_profile({
    "customer": {"id": "c1", "email": "anna@example.org", "phone": "+4915112345678", "first_name": "Anna",
                 "timezone": "Europe/Berlin", "locale": "de", "signup_at": "2026-03-02T09:00:00Z",
                 "birthdate": "1990-03-10", "consent": {"email": True, "sms": True, "push": True}},
    "orders": [{"id": "o1", "placed_at": "2026-01-10T10:00:00Z", "total": 80.0}],
    "events": [{"type": t, "at": "2026-03-02T09:00:00Z", "properties": {"cart_value": 74.5}}
               for t in ("signup", "cart_abandoned", "order_placed", "checkout_started", "page_view")],
})

# -- journey files ---------------------------------------------------------------------------
odd_strings = st.sampled_from([
    "", " ", "P0D", "PT0S", "-P1D", "P99999999D", "P10000Y", "P" + "9" * 5000 + "D", "9999-12-31T00:00:00Z",
    "25:00", "09:00", "{{ 1/0 }}", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{{ 'x'|center(10**9) }}", "{{ lipsum(n=200000) }}", "{{ ''.__class__ }}", "\x00", "é" * 300, "mon",
    "customer.birthdate", "entry.at", "orders.count", "nope", "email", "duration", "out", "yes", "no",
])
json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(-(2 ** 70), 2 ** 70), st.floats(allow_nan=True, allow_infinity=True),
    odd_strings, st.text(max_size=30))
json_values = st.recursive(json_leaves, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8) | odd_strings, inner, max_size=4), max_leaves=12)


def _paths(value: Any, here: tuple = ()) -> list[tuple]:
    found = [here]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*here, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*here, index))
    return found


@st.composite
def mutated_journeys(draw: st.DrawFn) -> dict[str, Any]:
    data = json.loads(draw(st.sampled_from(GALLERY)).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict) and len(path) > 1:
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = draw(json_values)
    return data


@FUZZ
@given(data=mutated_journeys())
def test_a_mutated_journey_loads_validates_and_runs_or_says_why(data):
    journey, problems = read_journey(copy.deepcopy(data))
    if journey is None or errors_of(problems):
        assert all(p.message and p.where for p in problems)
        return
    found = validate(journey)
    assert all(isinstance(p.message, str) and p.message for p in found)
    if errors_of(found):
        return
    template_limits.BREAKER.reset()
    previous = template_limits.RENDER_BUDGET
    template_limits.RENDER_BUDGET = 0.05
    try:
        steps = simulate_customer(CompiledJourney(journey), copy.deepcopy(PROFILE), START,
                                  datetime(2026, 4, 2, tzinfo=UTC), RunOptions())
    finally:
        template_limits.RENDER_BUDGET = previous
    assert all(s.to_json()["at"].endswith("Z") for s in steps)
    assert sum(1 for s in steps if s.event == "sent") <= 20 * 32  # the safety cap holds over a month


@FUZZ
@given(data=mutated_journeys())
def test_validate_on_the_command_line_never_shows_a_traceback(tmp_path_factory, capsys, data):
    path = tmp_path_factory.mktemp("fuzz") / "journey.json"
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    status = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (status, err)
    assert "Traceback" not in out + err
    if status == 2:
        assert err.startswith("journey-builder: ") and err.count("\n") == 1


# -- templates -------------------------------------------------------------------------------
numbers = st.sampled_from(["0", "1", "7", "100000", "1000000000", "10**9", "2**80", "-5", "(10**1000)**1000"])
texts = st.sampled_from(["'x'", "'ab'", "('x' * 100000)", "customer.first_name", "orders", "customer.tags",
                         "range(100000)", "[1, 2]", "ns.x", "lipsum(n=" + "200000)", "'%1000000000s'",
                         "'{:>1000000000}'"])


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(texts | numbers)
    left, right = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    shape = draw(st.sampled_from([
        "({a} * {b})", "({a} ** {b})", "({a} ~ {b})", "({a} + {b})", "({a} % {b})", "[{a}, {a}, {b}]",
        "{a}|center({b})", "{a}|join({b})", "{a}|replace('x', {b})", "{a}|indent({b})", "{a}|batch({b}, 0)|list",
        "{a}|sum(start=[])", "{a}.ljust({b})", "{a}.join({b})", "dict(a={a}, b={a})", "{a}|length",
        "{a}|format({b})", "{a}|wordwrap(1, wrapstring={b})", "{a}|list", "{a}|string",
    ]))
    return shape.format(a=left, b=right)


@st.composite
def templates(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["text", "output", "for", "if", "set", "macro"] if depth < 2 else ["text", "output"]))
        expr = draw(expressions())
        if kind == "text":
            parts.append(draw(st.sampled_from(["Hi ", "\n", "{{ '}}' }}", "%s", "€"])))
        elif kind == "output":
            parts.append("{{ " + expr + " }}")
        elif kind == "for":
            parts.append("{% for i in " + expr + " %}" + draw(templates(depth + 1)) + "{% endfor %}")
        elif kind == "if":
            parts.append("{% if " + expr + " %}" + draw(templates(depth + 1)) + "{% endif %}")
        elif kind == "set":
            parts.append("{% set ns.x = " + expr + " %}")
        else:
            parts.append("{% macro f(n) %}" + draw(templates(depth + 1)) + "{{ f(n) }}{% endmacro %}{{ f(1) }}")
    return "{% set ns = namespace(x=[1]) %}" + "".join(parts)


@FUZZ
@given(text=templates())
def test_any_template_renders_or_fails_its_message_with_a_reason(text):
    template_limits.BREAKER.reset()
    previous = template_limits.RENDER_BUDGET
    template_limits.RENDER_BUDGET = 0.05
    variables = {"customer": {"first_name": "Anna", "tags": ["a", "b"]}, "orders": [{"total": 5.0}]}
    try:
        assert check_template(text) is None or isinstance(check_template(text), str)
        for html in (False, True):
            try:
                out = render(text, variables, html=html)
            except TemplateRenderError as exc:
                assert str(exc) and "Traceback" not in str(exc)
            else:
                assert isinstance(out, str) and len(out) <= template_limits.MAX_OUTPUT
    finally:
        template_limits.RENDER_BUDGET = previous
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 < 3000  # MB: nothing ran away


@pytest.mark.parametrize("value", [math.nan, math.inf, 2 ** 80, "x" * 100_000])
def test_odd_values_in_a_journey_file_are_problems_not_crashes(value, tmp_path, capsys):
    data = json.loads(GALLERY[0].read_text(encoding="utf-8"))
    data["settings"]["frequency_cap"] = {"max": value, "per": "P1D"}
    path = tmp_path / "j.json"
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    assert main(["validate", str(path)]) in (1, 2)
    assert "Traceback" not in "".join(capsys.readouterr())
    with pytest.raises(JourneyError):
        from engine.fileformat import journey_from_dict

        journey_from_dict(data)
