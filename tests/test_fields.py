"""The field catalogue of spec §4 and the date fields of `date` triggers and `until` delays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from engine.context import CustomerContext, Levels
from engine.fields import DATE_FIELDS, FIELDS, MISSING, date_field_moment, field_spec, is_date_field
from engine.profile import parse_profile
from engine.timeutil import parse_moment

SPEC_FIELDS = [
    *(f"customer.{n}" for n in ("id", "email", "phone", "first_name", "last_name", "gender", "city", "region",
                                "country", "postal_code", "timezone", "locale", "tags")),
    "customer.age", "customer.signup_at", "customer.days_since_signup",
    "consent.email", "consent.sms", "consent.push",
    "orders.count", "orders.total", "orders.avg_value", "orders.last_at", "orders.last_value",
    "orders.days_since_last", "events.count", "entry.at", "engagement.level", "lifecycle.stage",
]


def ctx_for(data: dict, now: str = "2026-06-01T12:00:00Z", **kw) -> CustomerContext:
    return CustomerContext(parse_profile(data), now=parse_moment(now), **kw)


@pytest.mark.parametrize("name", SPEC_FIELDS)
def test_every_spec_field_is_known(name: str) -> None:
    spec = field_spec(name)
    assert spec is not None and spec.name == name
    assert name in FIELDS


@pytest.mark.parametrize("name", ["orders.count", "orders.total", "orders.avg_value", "orders.last_at",
                                  "orders.last_value", "orders.days_since_last", "events.count"])
def test_aggregate_fields_take_window_and_since(name: str) -> None:
    assert FIELDS[name].aggregate


@pytest.mark.parametrize("name", ["customer.city", "customer.age", "entry.at", "consent.email",
                                  "engagement.level", "lifecycle.stage"])
def test_plain_fields_do_not(name: str) -> None:
    assert not FIELDS[name].aggregate


def test_enum_choices() -> None:
    assert set(FIELDS["engagement.level"].choices) == {"super_active", "moderate", "dormant", "unknown"}
    assert set(FIELDS["lifecycle.stage"].choices) == {"prospect", "new", "loyal", "lapsing"}


@pytest.mark.parametrize("name", ["customer.properties.area", "customer.properties.a.b", "entry.cart_value",
                                  "entry.x"])
def test_open_ended_fields(name: str) -> None:
    spec = field_spec(name)
    assert spec is not None and spec.name == name


@pytest.mark.parametrize("name", ["customer.properties.", "entry.", "customer.shoe_size", "orders", "orders.sum",
                                  "", None, 5, "Customer.city", "events.total"])
def test_unknown_fields(name: object) -> None:
    assert field_spec(name) is None


def test_date_fields_of_the_spec() -> None:
    assert set(DATE_FIELDS) == {"customer.signup_at", "customer.birthdate", "orders.last_at", "entry.at"}
    for name in ("customer.properties.anniversary", "entry.delivery_at"):
        assert is_date_field(name)
    for name in ("customer.city", "orders.count", "customer.age", "nope"):
        assert not is_date_field(name)


# -- getters -------------------------------------------------------------------------------
def test_getters_return_missing_for_absent_data() -> None:
    ctx = ctx_for({"customer": {"id": "c"}})
    for name in ("customer.email", "customer.age", "customer.signup_at", "customer.days_since_signup",
                 "orders.avg_value", "orders.last_at", "orders.last_value", "orders.days_since_last",
                 "entry.at", "customer.properties.x", "entry.x"):
        assert field_spec(name).getter(ctx, {}) is MISSING, name
    assert field_spec("orders.count").getter(ctx, {}) == 0
    assert field_spec("orders.total").getter(ctx, {}) == 0
    assert field_spec("events.count").getter(ctx, {"event": "x"}) == 0
    assert field_spec("engagement.level").getter(ctx, {}) == "unknown"
    assert field_spec("lifecycle.stage").getter(ctx, {}) == "prospect"


def test_missing_is_falsy_and_prints_as_missing() -> None:
    assert not MISSING
    assert repr(MISSING) == "missing"


def test_totals_do_not_drift() -> None:
    orders = [{"id": str(i), "placed_at": f"2026-05-{i + 1:02d}T00:00:00Z", "total": 0.1} for i in range(10)]
    ctx = ctx_for({"customer": {"id": "c"}, "orders": orders})
    assert field_spec("orders.total").getter(ctx, {}) == 1.0
    assert field_spec("orders.avg_value").getter(ctx, {}) == 0.1


def test_levels_from_shop_settings() -> None:
    events = [{"type": "email_sent", "at": "2026-05-30T00:00:00Z"}] * 2
    ctx = ctx_for({"customer": {"id": "c"}, "events": events},
                  levels=Levels.from_settings({"engagement_min_sent": 2, "unrelated": 1}))
    assert field_spec("engagement.level").getter(ctx, {}) == "dormant"
    assert Levels.from_settings(None) == Levels()


def test_order_placed_event_without_order_becomes_an_order() -> None:
    events = [{"type": "order_placed", "at": "2026-05-30T00:00:00Z", "properties": {"total": 42}}]
    ctx = ctx_for({"customer": {"id": "c"}, "events": events})
    assert field_spec("orders.count").getter(ctx, {}) == 1
    assert field_spec("orders.last_value").getter(ctx, {}) == 42
    assert field_spec("events.count").getter(ctx, {"event": "order_placed"}) == 1


def test_order_and_matching_order_placed_event_count_once() -> None:
    data = {"customer": {"id": "c"},
            "orders": [{"id": "o", "placed_at": "2026-05-30T00:00:00Z", "total": 10}],
            "events": [{"type": "order_placed", "at": "2026-05-30T00:00:00Z"}]}
    ctx = ctx_for(data)
    assert field_spec("orders.count").getter(ctx, {}) == 1
    assert field_spec("events.count").getter(ctx, {"event": "order_placed"}) == 1


# -- date_field_moment ---------------------------------------------------------------------
CUSTOMER = {"id": "c", "birthdate": "1990-06-02", "timezone": "Europe/Berlin",
            "signup_at": "2025-01-10T09:00:00Z",
            "properties": {"anniversary": "2026-07-01T10:00:00+02:00", "day": "2026-08-01", "bad": "soon",
                           "number": 5}}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_birthdate_means_the_next_birthday_at_local_midnight() -> None:
    # midnight of 2 June in Berlin (CEST) is 22:00Z on 1 June
    ctx = ctx_for({"customer": CUSTOMER}, now="2026-06-01T12:00:00Z")
    assert date_field_moment(ctx, "customer.birthdate") == utc(2026, 6, 1, 22, 0)
    after = ctx_for({"customer": CUSTOMER}, now="2026-06-03T12:00:00Z")
    assert date_field_moment(after, "customer.birthdate") == utc(2027, 6, 1, 22, 0)


def test_leap_day_birthday_falls_on_28_february() -> None:
    ctx = ctx_for({"customer": {"id": "c", "birthdate": "2000-02-29"}}, now="2026-01-10T00:00:00Z")
    assert date_field_moment(ctx, "customer.birthdate") == utc(2026, 2, 28, 0, 0)


def test_moments_of_date_fields() -> None:
    data = {"customer": CUSTOMER, "orders": [{"id": "o", "placed_at": "2026-05-01T08:00:00Z", "total": 1}]}
    ctx = ctx_for(data)
    ctx.entry_at = utc(2026, 5, 31, 10, 0)
    ctx.entry_props = {"delivery_at": "2026-06-05T09:00:00+02:00", "nothing": ""}
    assert date_field_moment(ctx, "customer.signup_at") == utc(2025, 1, 10, 9, 0)
    assert date_field_moment(ctx, "orders.last_at") == utc(2026, 5, 1, 8, 0)
    assert date_field_moment(ctx, "entry.at") == utc(2026, 5, 31, 10, 0)
    assert date_field_moment(ctx, "entry.delivery_at") == utc(2026, 6, 5, 7, 0)
    assert date_field_moment(ctx, "customer.properties.anniversary") == utc(2026, 7, 1, 8, 0)
    assert date_field_moment(ctx, "customer.properties.bad") is None
    assert date_field_moment(ctx, "customer.properties.number") is None
    assert date_field_moment(ctx, "entry.nothing") is None
    assert date_field_moment(ctx, "not.a.field") is None


def test_a_date_only_property_is_local_midnight() -> None:
    """Like a birthdate, a date without a time is midnight in the customer's time zone (spec §1)."""
    ctx = ctx_for({"customer": CUSTOMER})
    assert date_field_moment(ctx, "customer.properties.day") == utc(2026, 7, 31, 22, 0)


def test_date_fields_without_data_have_no_moment() -> None:
    ctx = ctx_for({"customer": {"id": "c"}})
    for name in DATE_FIELDS:
        assert date_field_moment(ctx, name) is None, name
