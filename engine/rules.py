"""The rule language of spec §3: checking a rule, compiling it, and explaining a verdict.

A rule compiles once into nested closures; evaluation then does no parsing and no lookups by
name, which matters when a population run evaluates it millions of times. A `trace` list, when
given, receives one line per leaf (`orders.days_since_last = 4 < 15 → true`) for the simulator
to show why a condition went the way it did.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Protocol, TypeGuard

from engine.context import CustomerContext
from engine.fields import MISSING, field_spec
from engine.geo import distance_km
from engine.timeutil import TimeFormatError, parse_date, parse_duration, parse_moment

OPS = ("=", "!=", ">", ">=", "<", "<=", "in", "not_in", "contains", "between", "exists",
       "not_exists", "within_km")
TRUE_WHEN_MISSING = frozenset({"not_exists", "!=", "not_in"})
LEAF_KEYS = frozenset({"field", "op", "value", "window", "since", "event"})


class Compiled(Protocol):
    """A compiled rule. `trace` is optional so a segment can be asked with the context alone."""

    def __call__(self, ctx: CustomerContext, trace: list | None = None, /) -> bool: ...


class RuleError(ValueError):
    pass


# -- comparison with the types kept apart --------------------------------------------------
def _is_num(v: Any) -> TypeGuard[float]:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _coerce(actual: Any, expected: Any) -> Any:
    """Reads a rule's string value as a moment or a date when the field holds one."""
    if isinstance(expected, str):
        if isinstance(actual, datetime):
            try:
                return parse_moment(expected)
            except TimeFormatError:
                return None
        if isinstance(actual, date):
            try:
                return parse_date(expected)
            except TimeFormatError:
                return None
    return expected


def _comparable(a: Any, b: Any) -> bool:
    if _is_num(a) and _is_num(b):
        return True
    if isinstance(a, datetime) or isinstance(b, datetime):
        return isinstance(a, datetime) and isinstance(b, datetime)
    if isinstance(a, date) and isinstance(b, date):
        return True
    return type(a) is type(b) and isinstance(a, str | bool)


def _eq(a: Any, b: Any) -> bool:
    b = _coerce(a, b)
    if _is_num(a) and _is_num(b):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_eq(x, y) for x, y in zip(a, b, strict=True))
    return _comparable(a, b) and a == b


def _order(a: Any, b: Any, test: Callable[[Any, Any], bool]) -> bool:
    b = _coerce(a, b)
    return _comparable(a, b) and not isinstance(a, bool) and test(a, b)


def _op_in(a: Any, b: Any) -> bool:
    return isinstance(b, list) and any(_eq(a, x) for x in b)


def _op_contains(a: Any, b: Any) -> bool:
    if isinstance(a, list):
        return any(_eq(x, b) for x in a)
    return isinstance(a, str) and isinstance(b, str) and b in a


def _op_between(a: Any, b: Any) -> bool:
    if not (isinstance(b, list) and len(b) == 2):
        return False
    lo, hi = _coerce(a, b[0]), _coerce(a, b[1])
    return (_comparable(a, lo) and _comparable(a, hi) and not isinstance(a, bool)
            and lo <= a <= hi)


def _op_within_km(a: Any, b: Any) -> bool:
    if not (isinstance(a, tuple) and isinstance(b, Mapping)):
        return False
    try:
        return distance_km(a, (float(b["lat"]), float(b["lon"]))) <= float(b["km"])
    except (KeyError, TypeError, ValueError):
        return False


_BINARY: dict[str, Callable[[Any, Any], bool]] = {
    "=": _eq,
    "!=": lambda a, b: not _eq(a, b),
    ">": lambda a, b: _order(a, b, lambda x, y: x > y),
    ">=": lambda a, b: _order(a, b, lambda x, y: x >= y),
    "<": lambda a, b: _order(a, b, lambda x, y: x < y),
    "<=": lambda a, b: _order(a, b, lambda x, y: x <= y),
    "in": _op_in,
    "not_in": lambda a, b: not _op_in(a, b),
    "contains": _op_contains,
    "between": _op_between,
    "exists": lambda a, b: True,
    "not_exists": lambda a, b: False,
    "within_km": _op_within_km,
}


def apply_op(op: str, actual: Any, expected: Any) -> bool:
    """One op over one value, with spec §3's missing-value rule."""
    if actual is MISSING:
        return op in TRUE_WHEN_MISSING
    return _BINARY[op](actual, expected)


def _show(value: Any) -> str:
    if value is MISSING:
        return "missing"
    if isinstance(value, datetime):
        from engine.timeutil import format_moment

        return format_moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return str(value)


class Reason(str):
    """One line of why a rule held or not. As a string it is the engine's English line (the CLI
    prints it, journey tests match it); its parts let the window say it in the user's language
    and in words ("Anna has ordered 0 times since entering; the rule needs at least 1")."""

    field: str | None
    op: str | None
    actual: Any
    expected: Any
    params: dict[str, Any]
    result: bool
    segment: str | None

    @classmethod
    def make(cls, text: str, *, result: bool, field: str | None = None, op: str | None = None, actual: Any = None,
             expected: Any = None, params: Mapping[str, Any] | None = None, segment: str | None = None) -> Reason:
        line = cls(text)
        line.field, line.op, line.actual, line.expected = field, op, actual, expected
        line.params, line.result, line.segment = dict(params or {}), result, segment
        return line


# -- compiling -----------------------------------------------------------------------------
def compile_rule(rule: Any) -> Compiled:
    """A callable `(ctx, trace=None) -> bool`; the rule must have passed `check_rule`."""
    if not isinstance(rule, Mapping):
        raise RuleError(f"not a rule: {rule!r}")
    if "all" in rule:
        parts = [compile_rule(r) for r in rule["all"]]
        return lambda ctx, trace=None: all(p(ctx, trace) for p in parts)
    if "any" in rule:
        parts = [compile_rule(r) for r in rule["any"]]
        return lambda ctx, trace=None: any(p(ctx, trace) for p in parts)
    if "not" in rule:
        inner = compile_rule(rule["not"])
        return lambda ctx, trace=None: not inner(ctx, trace)
    if "segment" in rule:
        name = rule["segment"]

        def segment(ctx: CustomerContext, trace: list | None = None) -> bool:
            result = ctx.in_segment(name)
            if trace is not None:
                trace.append(Reason.make(f"in segment '{name}' → {'yes' if result else 'no'}", result=result,
                                         segment=name))
            return result

        return segment
    return _compile_leaf(rule)


def _compile_leaf(leaf: Mapping[str, Any]) -> Compiled:
    spec = field_spec(leaf.get("field"))
    if spec is None:
        raise RuleError(f"unknown field {leaf.get('field')!r}")
    op = leaf.get("op")
    if op not in _BINARY:
        raise RuleError(f"unknown op {op!r}")
    getter, expected, name = spec.getter, leaf.get("value"), spec.name
    test = _BINARY[op]
    when_missing = op in TRUE_WHEN_MISSING
    params = {k: leaf[k] for k in ("window", "since", "event") if k in leaf}

    def evaluate(ctx: CustomerContext, trace: list | None = None) -> bool:
        actual = getter(ctx, params)
        result = when_missing if actual is MISSING else test(actual, expected)
        if trace is not None:
            shown = "" if op in ("exists", "not_exists") else f" {_show(expected)}"
            scope = "".join(f" [{k} {v}]" for k, v in params.items())
            trace.append(Reason.make(f"{name}{scope} = {_show(actual)} {op}{shown} → {'true' if result else 'false'}",
                                     result=result, field=name, op=op, actual=actual, expected=expected,
                                     params=params))
        return result

    return evaluate


# -- checking ------------------------------------------------------------------------------
def check_rule(rule: Any, known_segments: set[str] | None = None, path: str = "rule") -> list[str]:
    """Every problem of a rule, each naming where in the tree it is."""
    problems: list[str] = []
    _check(rule, known_segments, path, problems)
    return problems


def _check(rule: Any, segments: set[str] | None, path: str, out: list[str]) -> None:
    if not isinstance(rule, Mapping):
        out.append(f"{path}: a rule must be an object")
        return
    for combinator in ("all", "any"):
        if combinator in rule:
            if len(rule) != 1:
                out.append(f"{path}: '{combinator}' cannot be mixed with other keys")
            if not isinstance(rule[combinator], list):
                out.append(f"{path}.{combinator}: must be a list of rules")
                return
            for i, sub in enumerate(rule[combinator]):
                _check(sub, segments, f"{path}.{combinator}[{i}]", out)
            return
    if "not" in rule:
        if len(rule) != 1:
            out.append(f"{path}: 'not' cannot be mixed with other keys")
        _check(rule["not"], segments, f"{path}.not", out)
        return
    if "segment" in rule:
        name = rule["segment"]
        if len(rule) != 1:
            out.append(f"{path}: 'segment' cannot be mixed with other keys")
        if not isinstance(name, str) or not name:
            out.append(f"{path}.segment: must be a segment name")
        elif segments is not None and name not in segments:
            out.append(f"{path}.segment: unknown segment '{name}'")
        return
    if "field" not in rule:
        out.append(f"{path}: not a rule (expected all, any, not, segment or field)")
        return
    extra = set(rule) - LEAF_KEYS
    if extra:
        out.append(f"{path}: unknown key(s) {', '.join(sorted(extra))}")
    field_name = rule.get("field")
    spec = field_spec(field_name)
    if spec is None:
        out.append(f"{path}.field: unknown field {json.dumps(field_name, ensure_ascii=False)}")
    op = rule.get("op")
    if op not in OPS:
        out.append(f"{path}.op: unknown op {json.dumps(op, ensure_ascii=False)} (expected one of {' '.join(OPS)})")
        return
    value = rule.get("value")
    if op not in ("exists", "not_exists") and "value" not in rule:
        out.append(f"{path}.value: missing")
    elif op in ("in", "not_in") and not isinstance(value, list):
        out.append(f"{path}.value: '{op}' needs a list")
    elif op == "between" and not (isinstance(value, list) and len(value) == 2):
        out.append(f"{path}.value: 'between' needs [low, high]")
    elif op == "within_km":
        ok = isinstance(value, Mapping) and all(
            _is_num(v := value.get(k)) and math.isfinite(v) for k in ("lat", "lon", "km"))
        if not ok:
            out.append(f"{path}.value: 'within_km' needs {{\"lat\": …, \"lon\": …, \"km\": …}}")
    if "window" in rule:
        try:
            duration = parse_duration(rule["window"])
            if duration.negative:
                out.append(f"{path}.window: must not be negative")
        except TimeFormatError as exc:
            out.append(f"{path}.window: {exc}")
    if "since" in rule and rule["since"] != "entry":
        out.append(f"{path}.since: only \"entry\" is allowed")
    if spec is not None and ("window" in rule or "since" in rule) and not spec.aggregate:
        out.append(f"{path}: '{spec.name}' does not take a window or since")
    if spec is not None and spec.name == "events.count" and not isinstance(rule.get("event"), str):
        out.append(f"{path}.event: events.count needs the event type")


def segment_dependencies(rule: Any) -> set[str]:
    found: set[str] = set()

    def walk(r: Any) -> None:
        if isinstance(r, Mapping):
            if isinstance(r.get("segment"), str):
                found.add(r["segment"])
            for key in ("all", "any"):
                if isinstance(r.get(key), list):
                    for sub in r[key]:
                        walk(sub)
            if "not" in r:
                walk(r["not"])

    walk(rule)
    return found


def compile_segments(definitions: Mapping[str, Any]) -> dict[str, Compiled]:
    """Named rules, compiled; each may refer to the others (cycles are a validation error)."""
    return {name: compile_rule(rule) for name, rule in definitions.items()}
