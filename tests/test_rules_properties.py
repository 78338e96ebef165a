"""Laws of the rule language (spec §3), checked over generated rules and values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.context import CustomerContext
from engine.fields import MISSING
from engine.profile import parse_profile
from engine.rules import OPS, TRUE_WHEN_MISSING, apply_op, check_rule, compile_rule

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

# One customer whose property `p{i}` is true for the flags given: leaves are `customer.properties.p{i} = true`.
FLAGS = 6


def ctx_with(flags: list[bool], properties: dict[str, Any] | None = None) -> CustomerContext:
    props = {f"p{i}": v for i, v in enumerate(flags)}
    props.update(properties or {})
    return CustomerContext(parse_profile({"customer": {"id": "c", "properties": props}}), now=NOW)


def leaf(i: int) -> dict:
    return {"field": f"customer.properties.p{i}", "op": "=", "value": True}


trees = st.recursive(
    st.integers(0, FLAGS - 1).map(lambda i: ("leaf", i)),
    lambda children: st.one_of(
        st.lists(children, max_size=4).map(lambda xs: ("all", xs)),
        st.lists(children, max_size=4).map(lambda xs: ("any", xs)),
        children.map(lambda x: ("not", x)),
    ),
    max_leaves=12,
)


def to_rule(tree: tuple) -> dict:
    tag, arg = tree
    if tag == "leaf":
        return leaf(arg)
    if tag == "not":
        return {"not": to_rule(arg)}
    return {tag: [to_rule(x) for x in arg]}


def reference(tree: tuple, flags: list[bool]) -> bool:
    tag, arg = tree
    if tag == "leaf":
        return flags[arg]
    if tag == "not":
        return not reference(arg, flags)
    values = [reference(x, flags) for x in arg]
    return all(values) if tag == "all" else any(values)


flag_lists = st.lists(st.booleans(), min_size=FLAGS, max_size=FLAGS)


def run(rule: dict, ctx: CustomerContext) -> bool:
    return compile_rule(rule)(ctx, None)


@given(flag_lists)
def test_empty_all_is_true_and_empty_any_is_false(flags: list[bool]) -> None:
    ctx = ctx_with(flags)
    assert run({"all": []}, ctx) is True
    assert run({"any": []}, ctx) is False
    assert run({"not": {"all": []}}, ctx) is False
    assert run({"not": {"any": []}}, ctx) is True


@given(trees, flag_lists)
@settings(max_examples=300)
def test_rule_trees_agree_with_python(tree: tuple, flags: list[bool]) -> None:
    rule = to_rule(tree)
    assert check_rule(rule) == []
    assert run(rule, ctx_with(flags)) is reference(tree, flags)


@given(trees, flag_lists)
def test_not_inverts(tree: tuple, flags: list[bool]) -> None:
    rule, ctx = to_rule(tree), ctx_with(flags)
    assert run({"not": rule}, ctx) is (not run(rule, ctx))
    assert run({"not": {"not": rule}}, ctx) is run(rule, ctx)


@given(st.lists(trees, max_size=4), flag_lists)
def test_de_morgan(subtrees: list[tuple], flags: list[bool]) -> None:
    rules, ctx = [to_rule(t) for t in subtrees], ctx_with(flags)
    assert run({"not": {"all": rules}}, ctx) is run({"any": [{"not": r} for r in rules]}, ctx)
    assert run({"not": {"any": rules}}, ctx) is run({"all": [{"not": r} for r in rules]}, ctx)


@given(trees, flag_lists)
def test_trace_has_a_verdict_per_evaluated_leaf(tree: tuple, flags: list[bool]) -> None:
    trace: list[str] = []
    result = compile_rule(to_rule(tree))(ctx_with(flags), trace)
    assert result is reference(tree, flags)
    for line in trace:
        assert line.startswith("customer.properties.p")
        assert line.endswith(("→ true", "→ false"))


# -- values --------------------------------------------------------------------------------
scalars = st.one_of(
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=6),
    st.booleans(),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.fixed_dictionaries({"lat": st.floats(-90, 90), "lon": st.floats(-180, 180), "km": st.floats(0, 20000)}),
)
present = st.one_of(
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(min_size=1, max_size=6),
    st.booleans(),
    st.lists(scalars, min_size=1, max_size=4),
)


@given(st.sampled_from(OPS), values)
def test_missing_value_is_false_for_every_op_but_three(op: str, value: Any) -> None:
    expected = op in ("not_exists", "!=", "not_in")
    assert apply_op(op, MISSING, value) is expected
    # the same through a compiled rule on a field the customer does not have
    rule = {"field": "customer.properties.absent", "op": op, "value": value}
    assert run(rule, ctx_with([False] * FLAGS)) is expected


def test_true_when_missing_is_exactly_the_three_ops_of_the_spec() -> None:
    assert TRUE_WHEN_MISSING == {"not_exists", "!=", "not_in"}


@given(st.sampled_from(OPS), values)
def test_missing_values_through_fields_with_no_data(op: str, value: Any) -> None:
    ctx = ctx_with([False] * FLAGS)
    expected = op in ("not_exists", "!=", "not_in")
    for field in ("customer.age", "orders.days_since_last", "orders.last_value", "orders.last_at", "entry.x"):
        assert run({"field": field, "op": op, "value": value}, ctx) is expected, field


@given(present, values)
def test_not_equal_is_the_negation_of_equal(actual: Any, value: Any) -> None:
    assert apply_op("!=", actual, value) is (not apply_op("=", actual, value))
    ctx = ctx_with([False] * FLAGS, {"v": actual})
    eq = run({"field": "customer.properties.v", "op": "=", "value": value}, ctx)
    ne = run({"field": "customer.properties.v", "op": "!=", "value": value}, ctx)
    assert ne is (not eq)


@given(present, st.lists(scalars, max_size=5))
def test_in_and_not_in_are_complementary(actual: Any, choices: list) -> None:
    assert apply_op("not_in", actual, choices) is (not apply_op("in", actual, choices))
    ctx = ctx_with([False] * FLAGS, {"v": actual})
    a = run({"field": "customer.properties.v", "op": "in", "value": choices}, ctx)
    b = run({"field": "customer.properties.v", "op": "not_in", "value": choices}, ctx)
    assert a is not b


@given(present, st.lists(scalars, max_size=5))
def test_in_means_equal_to_one_of(actual: Any, choices: list) -> None:
    assert apply_op("in", actual, choices) is any(apply_op("=", actual, c) for c in choices)


@given(present)
def test_present_values_exist(actual: Any) -> None:
    assert apply_op("exists", actual, None) is True
    assert apply_op("not_exists", actual, None) is False


@given(st.integers(-10**6, 10**6))
def test_number_never_equals_its_string(n: int) -> None:
    assert apply_op("=", n, str(n)) is False
    assert apply_op("=", str(n), n) is False
    assert apply_op("in", n, [str(n)]) is False


@given(st.text(min_size=1, max_size=8).filter(lambda s: s.lower() != s.upper()))
def test_string_equality_is_case_sensitive(s: str) -> None:
    other = s.swapcase()
    assert apply_op("=", s, s) is True
    assert apply_op("=", s, other) is (s == other)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_between_is_inclusive(x: int, a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    assert apply_op("between", x, [lo, hi]) is (lo <= x <= hi)
    assert apply_op("between", lo, [lo, hi]) is True
    assert apply_op("between", hi, [lo, hi]) is True


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_order_ops_agree_with_python_on_numbers(x: int, y: int) -> None:
    assert apply_op(">", x, y) is (x > y)
    assert apply_op(">=", x, y) is (x >= y)
    assert apply_op("<", x, y) is (x < y)
    assert apply_op("<=", x, y) is (x <= y)
    assert apply_op("=", x, float(y)) is (x == y)
