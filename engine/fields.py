"""The field catalogue of spec §4: every field a rule can test, with its type and how to read it.

The rule builder in the inspector offers these fields and picks a value widget by `value_type`;
the evaluator reads them through `getter`. A getter returns MISSING when the customer has no
such value (no birthdate, no order yet), which the ops treat as spec §3 says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from engine.context import CustomerContext
from engine.timeutil import TimeFormatError, parse_moment, whole_days, whole_years


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "missing"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()

Getter = Callable[[CustomerContext, Mapping[str, Any]], Any]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    value_type: str  # string, number, bool, datetime, date, list, enum
    label: str
    getter: Getter
    aggregate: bool = False  # honours `window` and `since`
    choices: tuple[str, ...] = ()
    is_date: bool = False  # usable by `date` triggers and `until` delays


def _present(value: Any) -> Any:
    if value is None or value == "":
        return MISSING
    return value


def _profile_attr(name: str) -> Getter:
    return lambda ctx, leaf: _present(ctx.customer.get(name))


def _consent(channel: str) -> Getter:
    def get(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
        consent = ctx.customer.get("consent") or {}
        # Spec §4: consent is true / false; no recorded consent is no consent (as for sending).
        return isinstance(consent, Mapping) and consent.get(channel) is True

    return get


def _age(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    born = ctx.customer.get("birthdate")
    if not isinstance(born, date):
        return MISSING
    return whole_years(born, ctx.now.astimezone(ctx.tz).date())


def _days_since_signup(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    signup = ctx.customer.get("signup_at")
    return whole_days(signup, ctx.now) if isinstance(signup, datetime) else MISSING


def _orders_count(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    lo, hi = ctx.order_range(leaf.get("window"), leaf.get("since"))
    return hi - lo


def _orders_total(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    lo, hi = ctx.order_range(leaf.get("window"), leaf.get("since"))
    return round(ctx.order_sum(lo, hi), 10)


def _orders_avg(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    lo, hi = ctx.order_range(leaf.get("window"), leaf.get("since"))
    return MISSING if hi == lo else round(ctx.order_sum(lo, hi) / (hi - lo), 10)


def _last_order_in_range(ctx: CustomerContext, leaf: Mapping[str, Any]):
    lo, hi = ctx.order_range(leaf.get("window"), leaf.get("since"))
    return ctx.orders[hi - 1] if hi > lo else None


def _orders_last_at(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    last = _last_order_in_range(ctx, leaf)
    return last.placed_at if last else MISSING


def _orders_last_value(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    last = _last_order_in_range(ctx, leaf)
    return last.total if last else MISSING


def _orders_days_since_last(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    last = _last_order_in_range(ctx, leaf)
    return whole_days(last.placed_at, ctx.now) if last else MISSING


def _events_count(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    event = leaf.get("event")
    if not isinstance(event, str):
        return MISSING
    return ctx.event_count(event, leaf.get("window"), leaf.get("since"))


def _entry_at(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    return ctx.entry_at if ctx.entry_at is not None else MISSING


def _location(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
    loc = ctx.location()
    return loc if loc is not None else MISSING


PROFILE_STRINGS = ("id", "email", "phone", "first_name", "last_name", "gender", "city", "region",
                   "country", "postal_code", "timezone", "locale")

_SPECS: list[FieldSpec] = [
    *(FieldSpec(f"customer.{n}", "string", n.replace("_", " ").capitalize(), _profile_attr(n))
      for n in PROFILE_STRINGS),
    FieldSpec("customer.tags", "list", "Tags", _profile_attr("tags")),
    FieldSpec("customer.age", "number", "Age", _age),
    FieldSpec("customer.birthdate", "date", "Birthdate", _profile_attr("birthdate"), is_date=True),
    FieldSpec("customer.signup_at", "datetime", "Signed up at", _profile_attr("signup_at"), is_date=True),
    FieldSpec("customer.days_since_signup", "number", "Days since signup", _days_since_signup),
    FieldSpec("customer.location", "location", "Location", _location),
    *(FieldSpec(f"consent.{c}", "bool", f"Consents to {c}", _consent(c)) for c in ("email", "sms", "push")),
    FieldSpec("orders.count", "number", "Number of orders", _orders_count, aggregate=True),
    FieldSpec("orders.total", "number", "Total spent", _orders_total, aggregate=True),
    FieldSpec("orders.avg_value", "number", "Average order value", _orders_avg, aggregate=True),
    FieldSpec("orders.last_at", "datetime", "Last order at", _orders_last_at, aggregate=True, is_date=True),
    FieldSpec("orders.last_value", "number", "Last order value", _orders_last_value, aggregate=True),
    FieldSpec("orders.days_since_last", "number", "Days since last order", _orders_days_since_last,
              aggregate=True),
    FieldSpec("events.count", "number", "Number of events", _events_count, aggregate=True),
    FieldSpec("entry.at", "datetime", "Entered the journey at", _entry_at, is_date=True),
    FieldSpec("engagement.level", "enum", "Engagement", lambda ctx, leaf: ctx.engagement_level(),
              choices=("super_active", "moderate", "dormant", "unknown")),
    FieldSpec("lifecycle.stage", "enum", "Lifecycle stage", lambda ctx, leaf: ctx.lifecycle_stage(),
              choices=("prospect", "new", "loyal", "lapsing")),
]
FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in _SPECS}
DATE_FIELDS = tuple(name for name, spec in FIELDS.items() if spec.is_date)


def _custom_property(name: str) -> FieldSpec:
    def get(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
        props = ctx.customer.get("properties") or {}
        return _present(props.get(name)) if isinstance(props, Mapping) else MISSING

    return FieldSpec(f"customer.properties.{name}", "any", name, get, is_date=True)


def _entry_property(name: str) -> FieldSpec:
    def get(ctx: CustomerContext, leaf: Mapping[str, Any]) -> Any:
        return _present(ctx.entry_props.get(name)) if ctx.entry_at is not None else MISSING

    return FieldSpec(f"entry.{name}", "any", name, get, is_date=True)


def field_spec(name: Any) -> FieldSpec | None:
    """The spec of a field name, including `customer.properties.X` and `entry.X`."""
    if not isinstance(name, str):
        return None
    spec = FIELDS.get(name)
    if spec is not None:
        return spec
    prefix = "customer.properties."
    if name.startswith(prefix) and len(name) > len(prefix):
        return _custom_property(name[len(prefix):])
    if name.startswith("entry.") and len(name) > len("entry."):
        return _entry_property(name[len("entry."):])
    return None


def is_date_field(name: Any) -> bool:
    spec = field_spec(name)
    return bool(spec and spec.is_date)


def date_field_moment(ctx: CustomerContext, name: str) -> datetime | None:
    """The instant a date field names, for `date` triggers and `until` delays.

    A date without a time (a birthdate) is midnight in the customer's time zone; a birthdate
    means its next anniversary, so a birthday journey fires every year.
    """
    from engine.profile import birthday_on_or_after
    from engine.timeutil import local_wall_to_utc

    spec = field_spec(name)
    if spec is None:
        return None
    value = spec.getter(ctx, {})
    if value is MISSING:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:  # a date alone is local midnight (below); parse_moment would read it as UTC midnight
            value = date.fromisoformat(value)
        except ValueError:
            try:
                return parse_moment(value)
            except TimeFormatError:
                return None
    if isinstance(value, date):
        if name == "customer.birthdate":
            value = birthday_on_or_after(value, ctx.now.astimezone(ctx.tz).date())
        from datetime import time as _time

        return local_wall_to_utc(value, _time(0, 0), ctx.tz)
    return None
