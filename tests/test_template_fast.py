"""The plain-substitution path renders exactly what Jinja renders, or steps aside."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import templates
from engine.template_fast import render_plan
from engine.templates import build_variables, render

NAMES = ["customer", "shop", "entry", "discount", "unsubscribe_url", "x", "range"]
ATTRS = ["first_name", "name", "items", "a", "b", "_secret", "values"]
TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"' \n\tÄ€{}%#")), max_size=12).filter(
    lambda t: "{{" not in t and "{%" not in t and "{#" not in t and not t.endswith("{"))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["", "  ", "Kim", "<b>Tom & Jerry</b>", "Zoë", "a\"b'c"]),
    st.just(datetime(2026, 3, 1, 9, 30, tzinfo=UTC)), st.lists(st.integers(0, 3), max_size=2))
VALUES = st.recursive(SCALARS, lambda inner: st.dictionaries(st.sampled_from(ATTRS), inner, max_size=4),
                      max_leaves=8)


@st.composite
def expressions(draw: st.DrawFn) -> str:
    path = ".".join([draw(st.sampled_from(NAMES)), *draw(st.lists(st.sampled_from(ATTRS), max_size=2))])
    filt = draw(st.sampled_from(["", " | default('there')", " | d(3)", " | default(x)", " | upper"]))
    return "{{ " + path + filt + " }}"


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(TEXT, expressions()), max_size=5))
    return "".join(parts)


def _jinja_only(text: str, variables: dict, html: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(templates, "_fast_plan", lambda _text: None)
        return render(text, variables, html=html)


def _outcome(call) -> tuple[str, str]:
    try:
        return "ok", call()
    except templates.TemplateRenderError as exc:
        return "error", str(exc)


@settings(max_examples=400, deadline=None)
@given(text=texts(), variables=st.dictionaries(st.sampled_from(NAMES[:-1]), VALUES, max_size=5),
       html=st.booleans())
def test_fast_and_jinja_render_the_same(text: str, variables: dict, html: bool) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        expected = _outcome(lambda: _jinja_only(text, variables, html, monkeypatch))
    assert _outcome(lambda: render(text, variables, html=html)) == expected


def test_plain_fields_take_the_fast_path_and_objects_do_not() -> None:
    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    variables = build_variables({"customer": {"first_name": "Kim"}, "orders": []}, entry=None, now=now,
                                discount=None, shop={"name": "Beans & Co"})
    plan = templates._fast_plan("Hi {{ customer.first_name | default('there') }} from {{ shop.name }}!")
    assert plan is not None
    assert render_plan(plan, variables, html=True) == "Hi Kim from Beans &amp; Co!"
    assert render_plan(plan, variables, html=False) == "Hi Kim from Beans & Co!"
    # An object with properties (orders.count) and a moment to format go through Jinja.
    assert render_plan(templates._fast_plan("{{ orders.count }}"), variables, html=False) is None
    assert render_plan(templates._fast_plan("{{ now }}"), variables, html=False) is None
    assert render("{{ orders.count }} on {{ now | date('short') }}", variables) == "0 on 3/1/26"
    # Loops, conditions, calls and other filters are not plain substitutions.
    for text in ("{% if customer %}x{% endif %}", "{{ customer.first_name | upper }}", "{{ range(3) }}",
                 "{{ customer['first_name'] }}", "{{ customer._private }}"):
        assert templates._fast_plan(text) is None, text
