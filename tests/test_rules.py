"""The rule language, op by op and field by field, against spec §3, §4 and §6."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from engine.context import CustomerContext
from engine.profile import parse_profile
from engine.rules import check_rule, compile_rule, compile_segments
from engine.timeutil import parse_moment

NOW = "2026-06-01T12:00:00Z"


def t(text: str) -> datetime:
    return parse_moment(text)


def make_ctx(customer: dict[str, Any] | None = None, orders: list | None = None,
             events: list | None = None, now: str = NOW, segments: dict | None = None,
             entry_at: str | None = None, entry_props: dict | None = None) -> CustomerContext:
    data = {"customer": {"id": "c-1", **(customer or {})}, "orders": orders or [], "events": events or []}
    ctx = CustomerContext(parse_profile(data), now=t(now),
                          segments=compile_segments(segments) if segments else None)
    if entry_at is not None:
        ctx.entry_at = t(entry_at)
        ctx.entry_props = entry_props or {}
    return ctx


def holds(rule: dict, ctx: CustomerContext, trace: list | None = None) -> bool:
    assert check_rule(rule, set(ctx.segments)) == [], check_rule(rule, set(ctx.segments))
    result = compile_rule(rule)(ctx, trace)
    assert isinstance(result, bool)
    return result


def leaf(field: str, op: str, value: Any = None, **extra: Any) -> dict:
    rule = {"field": field, "op": op, **extra}
    if op not in ("exists", "not_exists"):
        rule["value"] = value
    return rule


def order(at: str, total: float = 10.0, oid: str | None = None) -> dict:
    return {"id": oid or f"o-{at}", "placed_at": at, "total": total, "currency": "EUR"}


ANNA = {"email": "anna@example.org", "phone": "+4915112345678", "first_name": "Anna",
        "last_name": "Schmidt", "gender": "f", "city": "Berlin", "region": "BE", "country": "DE",
        "postal_code": "10115", "timezone": "Europe/Berlin", "locale": "de", "tags": ["vip", "newsletter"],
        "birthdate": "1991-04-02", "signup_at": "2025-01-10T09:00:00Z",
        "consent": {"email": True, "sms": False, "push": True},
        "properties": {"area": "urban", "score": 7, "code": "7", "ratio": 0.5, "flag": True}}


# -- every op ------------------------------------------------------------------------------
@pytest.mark.parametrize(("op", "value", "expected"), [
    ("=", 7, True), ("=", 8, False), ("=", 7.0, True),
    ("!=", 7, False), ("!=", 8, True),
    (">", 6, True), (">", 7, False),
    (">=", 7, True), (">=", 8, False),
    ("<", 8, True), ("<", 7, False),
    ("<=", 7, True), ("<=", 6, False),
    ("in", [1, 7, 9], True), ("in", [1, 9], False), ("in", [], False),
    ("not_in", [1, 9], True), ("not_in", [7], False), ("not_in", [], True),
    ("between", [7, 10], True), ("between", [1, 7], True), ("between", [7, 7], True),
    ("between", [8, 10], False), ("between", [1, 6], False),
    ("exists", None, True), ("not_exists", None, False),
])
def test_numeric_ops(op: str, value: Any, expected: bool) -> None:
    ctx = make_ctx(ANNA)
    assert holds(leaf("customer.properties.score", op, value), ctx) is expected


@pytest.mark.parametrize(("op", "value", "expected"), [
    ("=", "Berlin", True), ("=", "berlin", False), ("=", "BERLIN", False), ("=", "Köln", False),
    ("!=", "berlin", True), ("!=", "Berlin", False),
    ("in", ["Köln", "Berlin"], True), ("in", ["berlin"], False),
    ("not_in", ["berlin", "Köln"], True), ("not_in", ["Berlin"], False),
    ("contains", "erl", True), ("contains", "ERL", False), ("contains", "Munich", False),
    (">", "Aachen", True), ("<", "Aachen", False), ("between", ["A", "C"], True),
])
def test_string_ops_are_case_sensitive(op: str, value: Any, expected: bool) -> None:
    assert holds(leaf("customer.city", op, value), make_ctx(ANNA)) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("vip", True), ("VIP", False), ("news", False), ("newsletter", True), ("gold", False),
])
def test_contains_on_a_list_tests_membership(value: str, expected: bool) -> None:
    assert holds(leaf("customer.tags", "contains", value), make_ctx(ANNA)) is expected


def test_list_equality() -> None:
    ctx = make_ctx(ANNA)
    assert holds(leaf("customer.tags", "=", ["vip", "newsletter"]), ctx)
    assert not holds(leaf("customer.tags", "=", ["vip"]), ctx)


def test_number_and_numeric_string_are_never_equal() -> None:
    ctx = make_ctx(ANNA)
    # score holds the number 7, code holds the string "7"
    assert not holds(leaf("customer.properties.score", "=", "7"), ctx)
    assert not holds(leaf("customer.properties.code", "=", 7), ctx)
    assert holds(leaf("customer.properties.code", "=", "7"), ctx)
    assert holds(leaf("customer.properties.score", "!=", "7"), ctx)
    assert not holds(leaf("customer.properties.score", "in", ["7"]), ctx)
    assert not holds(leaf("customer.properties.code", ">", 6), ctx)
    assert not holds(leaf("customer.properties.code", "between", [1, 10]), ctx)


def test_booleans_are_not_numbers() -> None:
    ctx = make_ctx(ANNA)
    assert holds(leaf("customer.properties.flag", "=", True), ctx)
    assert not holds(leaf("customer.properties.flag", "=", 1), ctx)
    assert not holds(leaf("customer.properties.score", "=", True), ctx)


def test_between_includes_both_ends_for_float_fields() -> None:
    ctx = make_ctx(orders=[order("2026-05-01T00:00:00Z", 50.0), order("2026-05-02T00:00:00Z", 100.0)])
    assert holds(leaf("orders.total", "between", [150, 200]), ctx)
    assert holds(leaf("orders.total", "between", [100, 150]), ctx)
    assert not holds(leaf("orders.total", "between", [150.01, 200]), ctx)
    assert not holds(leaf("orders.total", "between", [100, 149.99]), ctx)


def test_within_km_uses_the_customers_city() -> None:
    ctx = make_ctx(ANNA)  # Berlin; Potsdam is about 27 km away
    potsdam = {"lat": 52.3906, "lon": 13.0645}
    assert holds(leaf("customer.location", "within_km", {**potsdam, "km": 30}), ctx)
    assert not holds(leaf("customer.location", "within_km", {**potsdam, "km": 20}), ctx)
    munich = {"lat": 48.1351, "lon": 11.5820, "km": 100}
    assert not holds(leaf("customer.location", "within_km", munich), ctx)


def test_within_km_prefers_given_coordinates() -> None:
    ctx = make_ctx({"city": "Berlin", "properties": {"lat": 48.14, "lon": 11.58}})
    assert holds(leaf("customer.location", "within_km", {"lat": 48.1351, "lon": 11.5820, "km": 5}), ctx)


def test_within_km_unknown_location_is_missing() -> None:
    ctx = make_ctx({"city": "Nowhereville"})
    rule = leaf("customer.location", "within_km", {"lat": 0, "lon": 0, "km": 20000})
    assert not holds(rule, ctx)
    assert holds(leaf("customer.location", "not_exists"), ctx)


# -- missing values ------------------------------------------------------------------------
MISSING_CASES = [
    ("=", 1, False), ("!=", 1, True), (">", 1, False), (">=", 1, False), ("<", 1, False),
    ("<=", 1, False), ("in", [1], False), ("not_in", [1], True), ("contains", "a", False),
    ("between", [0, 100], False), ("exists", None, False), ("not_exists", None, True),
    ("within_km", {"lat": 0, "lon": 0, "km": 1}, False),
]


@pytest.mark.parametrize(("op", "value", "expected"), MISSING_CASES)
@pytest.mark.parametrize("field", ["customer.age", "orders.days_since_last", "orders.last_value",
                                   "orders.avg_value", "customer.properties.nothing", "customer.city",
                                   "entry.cart_value"])
def test_a_missing_value_makes_every_op_false_but_three(field: str, op: str, value: Any,
                                                        expected: bool) -> None:
    ctx = make_ctx({"email": "x@example.org"})  # no birthdate, no order, no city, not entered
    assert holds(leaf(field, op, value), ctx) is expected


def test_empty_string_counts_as_missing() -> None:
    ctx = make_ctx({"city": ""})
    assert holds(leaf("customer.city", "not_exists"), ctx)
    assert not holds(leaf("customer.city", "=", ""), ctx)


# -- customer fields -----------------------------------------------------------------------
@pytest.mark.parametrize(("field", "value"), [
    ("customer.id", "c-1"), ("customer.email", "anna@example.org"), ("customer.phone", "+4915112345678"),
    ("customer.first_name", "Anna"), ("customer.last_name", "Schmidt"), ("customer.gender", "f"),
    ("customer.city", "Berlin"), ("customer.region", "BE"), ("customer.country", "DE"),
    ("customer.postal_code", "10115"), ("customer.timezone", "Europe/Berlin"), ("customer.locale", "de"),
    ("customer.tags", ["vip", "newsletter"]), ("customer.properties.area", "urban"),
    ("customer.properties.score", 7), ("customer.properties.ratio", 0.5),
])
def test_profile_attributes(field: str, value: Any) -> None:
    ctx = make_ctx(ANNA)
    assert holds(leaf(field, "=", value), ctx)
    assert holds(leaf(field, "exists"), ctx)
    assert not holds(leaf(field, "not_exists"), ctx)
    other = "zzz" if isinstance(value, str) else 12345
    assert not holds(leaf(field, "=", other), ctx)
    if field != "customer.id":  # every customer has an id
        assert not holds(leaf(field, "exists"), make_ctx())


def test_age_changes_at_local_midnight_of_the_birthday() -> None:
    # Born 1991-04-02 in Berlin (UTC+2 in April): the birthday starts at 2026-04-01T22:00:00Z.
    before = make_ctx(ANNA, now="2026-04-01T21:59:59Z")
    after = make_ctx(ANNA, now="2026-04-01T22:00:00Z")
    assert holds(leaf("customer.age", "=", 34), before)
    assert holds(leaf("customer.age", "=", 35), after)


def test_age_follows_the_customers_time_zone_not_utc() -> None:
    tokyo = {"birthdate": "1990-06-02", "timezone": "Asia/Tokyo"}
    # 15:00Z on 1 June is midnight of 2 June in Tokyo (UTC+9)
    assert holds(leaf("customer.age", "=", 35), make_ctx(tokyo, now="2026-06-01T14:59:59Z"))
    assert holds(leaf("customer.age", "=", 36), make_ctx(tokyo, now="2026-06-01T15:00:00Z"))
    la = {"birthdate": "1990-06-02", "timezone": "America/Los_Angeles"}
    # 06:59Z on 2 June is still 1 June in Los Angeles (UTC-7)
    assert holds(leaf("customer.age", "=", 35), make_ctx(la, now="2026-06-02T06:59:59Z"))
    assert holds(leaf("customer.age", "=", 36), make_ctx(la, now="2026-06-02T07:00:00Z"))


def test_age_is_whole_years() -> None:
    ctx = make_ctx({"birthdate": "2000-12-31"}, now="2026-12-30T12:00:00Z")
    assert holds(leaf("customer.age", "=", 25), ctx)
    assert holds(leaf("customer.age", "between", [18, 25]), ctx)
    assert not holds(leaf("customer.age", ">", 25), ctx)


def test_days_since_signup_and_signup_at() -> None:
    customer = {"signup_at": "2026-05-01T12:00:00Z"}
    assert holds(leaf("customer.days_since_signup", "=", 31), make_ctx(customer, now="2026-06-01T12:00:00Z"))
    assert holds(leaf("customer.days_since_signup", "=", 30), make_ctx(customer, now="2026-06-01T11:59:59Z"))
    ctx = make_ctx(customer)
    assert holds(leaf("customer.signup_at", "=", "2026-05-01T14:00:00+02:00"), ctx)
    assert holds(leaf("customer.signup_at", "<", "2026-05-02T00:00:00Z"), ctx)
    assert not holds(leaf("customer.days_since_signup", "exists"), make_ctx())


@pytest.mark.parametrize(("channel", "expected"), [("email", True), ("sms", False), ("push", True)])
def test_consent(channel: str, expected: bool) -> None:
    ctx = make_ctx(ANNA)
    assert holds(leaf(f"consent.{channel}", "=", expected), ctx)
    assert not holds(leaf(f"consent.{channel}", "=", not expected), ctx)


def test_consent_not_given_is_false() -> None:
    """Spec §4: consent fields are true / false; a customer with no recorded consent has none."""
    ctx = make_ctx({"consent": {"email": True}})
    assert holds(leaf("consent.sms", "=", False), ctx)
    assert holds(leaf("consent.push", "=", False), make_ctx())


# -- orders --------------------------------------------------------------------------------
ORDERS = [
    order("2025-06-01T12:00:00Z", 100.0, "o1"),   # 365 days before NOW
    order("2026-03-01T12:00:00Z", 30.0, "o2"),
    order("2026-05-20T12:00:00Z", 20.0, "o3"),
    order("2026-05-30T08:00:00Z", 50.0, "o4"),
    order("2026-06-10T12:00:00Z", 999.0, "o5"),   # after NOW: invisible
]


def test_orders_over_all_time_ignore_the_future() -> None:
    ctx = make_ctx(orders=ORDERS)
    assert holds(leaf("orders.count", "=", 4), ctx)
    assert holds(leaf("orders.total", "=", 200), ctx)
    assert holds(leaf("orders.avg_value", "=", 50), ctx)
    assert holds(leaf("orders.last_value", "=", 50), ctx)
    assert holds(leaf("orders.last_at", "=", "2026-05-30T08:00:00Z"), ctx)


def test_orders_within_a_window_count_only_newer_records() -> None:
    ctx = make_ctx(orders=ORDERS)
    assert holds(leaf("orders.count", "=", 2, window="P30D"), ctx)
    assert holds(leaf("orders.total", "=", 70, window="P30D"), ctx)
    assert holds(leaf("orders.avg_value", "=", 35, window="P30D"), ctx)
    # the first order is exactly 365 days old: not newer than now - P365D
    assert holds(leaf("orders.count", "=", 3, window="P365D"), ctx)
    assert holds(leaf("orders.count", "=", 4, window="P366D"), ctx)
    assert holds(leaf("orders.count", "=", 1, window="P3D"), ctx)
    assert holds(leaf("orders.count", "=", 0, window="PT1H"), ctx)
    assert not holds(leaf("orders.avg_value", "exists", window="PT1H"), ctx)


def test_orders_since_entry_count_from_the_moment_of_entry_inclusive() -> None:
    ctx = make_ctx(orders=ORDERS, entry_at="2026-05-20T12:00:00Z")
    assert holds(leaf("orders.count", "=", 2, since="entry"), ctx)
    assert holds(leaf("orders.total", "=", 70, since="entry"), ctx)
    assert holds(leaf("orders.last_value", "=", 50, since="entry"), ctx)
    later = make_ctx(orders=ORDERS, entry_at="2026-05-31T00:00:00Z")
    assert holds(leaf("orders.count", "=", 0, since="entry"), later)
    assert holds(leaf("orders.last_at", "not_exists", since="entry"), later)
    assert holds(leaf("orders.count", "=", 4), later)


def test_since_entry_with_window_takes_the_later_bound() -> None:
    ctx = make_ctx(orders=ORDERS, entry_at="2026-01-01T00:00:00Z")
    assert holds(leaf("orders.count", "=", 2, since="entry", window="P30D"), ctx)
    assert holds(leaf("orders.count", "=", 3, since="entry", window="P300D"), ctx)


def test_days_since_last_order_is_rounded_down() -> None:
    orders = [order("2026-05-29T12:00:00Z")]
    assert holds(leaf("orders.days_since_last", "=", 2), make_ctx(orders=orders, now="2026-05-31T12:00:00Z"))
    assert holds(leaf("orders.days_since_last", "=", 2), make_ctx(orders=orders, now="2026-06-01T11:59:59Z"))
    assert holds(leaf("orders.days_since_last", "=", 3), make_ctx(orders=orders, now="2026-06-01T12:00:00Z"))
    assert holds(leaf("orders.days_since_last", "=", 0), make_ctx(orders=orders, now="2026-05-30T11:59:59Z"))


def test_order_placed_at_now_is_visible_one_second_later_not_earlier() -> None:
    orders = [order("2026-06-01T12:00:00Z", 40)]
    assert holds(leaf("orders.count", "=", 0), make_ctx(orders=orders, now="2026-06-01T11:59:59Z"))
    assert holds(leaf("orders.last_value", "not_exists"), make_ctx(orders=orders, now="2026-06-01T11:59:59Z"))
    assert holds(leaf("orders.count", "=", 1), make_ctx(orders=orders, now="2026-06-01T12:00:01Z"))


def test_no_orders() -> None:
    ctx = make_ctx()
    assert holds(leaf("orders.count", "=", 0), ctx)
    assert holds(leaf("orders.total", "=", 0), ctx)
    for field in ("orders.avg_value", "orders.last_at", "orders.last_value", "orders.days_since_last"):
        assert holds(leaf(field, "not_exists"), ctx)
        assert not holds(leaf(field, ">=", 0) if field != "orders.last_at"
                         else leaf(field, ">", "2000-01-01T00:00:00Z"), ctx)


# -- events --------------------------------------------------------------------------------
EVENTS = [
    {"type": "page_view", "at": "2026-04-01T12:00:00Z"},
    {"type": "page_view", "at": "2026-05-26T12:00:00Z"},
    {"type": "page_view", "at": "2026-05-31T12:00:00Z"},
    {"type": "page_view", "at": "2026-06-02T12:00:00Z"},  # future
    {"type": "cart_abandoned", "at": "2026-05-31T13:00:00Z"},
]


def test_events_count_by_type_window_and_entry() -> None:
    ctx = make_ctx(events=EVENTS, entry_at="2026-05-31T12:00:00Z")
    assert holds(leaf("events.count", "=", 3, event="page_view"), ctx)
    assert holds(leaf("events.count", "=", 2, event="page_view", window="P7D"), ctx)
    assert holds(leaf("events.count", "=", 1, event="page_view", since="entry"), ctx)
    assert holds(leaf("events.count", "=", 1, event="cart_abandoned"), ctx)
    assert holds(leaf("events.count", "=", 0, event="signup"), ctx)
    # the window bound is exclusive: an event exactly P6D old does not count
    assert holds(leaf("events.count", "=", 1, event="page_view", window="P6D"), ctx)
    assert holds(leaf("events.count", "=", 2, event="page_view", window="P6DT1S"), ctx)


def test_orders_are_order_placed_events() -> None:
    ctx = make_ctx(orders=ORDERS)
    assert holds(leaf("events.count", "=", 4, event="order_placed"), ctx)
    assert holds(leaf("events.count", "=", 2, event="order_placed", window="P30D"), ctx)


# -- entry ---------------------------------------------------------------------------------
def test_entry_fields() -> None:
    ctx = make_ctx(entry_at="2026-05-31T18:00:00Z", entry_props={"cart_value": 74.5, "channel": "web"})
    assert holds(leaf("entry.at", "=", "2026-05-31T20:00:00+02:00"), ctx)
    assert holds(leaf("entry.at", "<", "2026-06-01T00:00:00Z"), ctx)
    assert holds(leaf("entry.cart_value", ">", 50), ctx)
    assert holds(leaf("entry.cart_value", "between", [74.5, 80]), ctx)
    assert holds(leaf("entry.channel", "=", "web"), ctx)
    assert holds(leaf("entry.coupon", "not_exists"), ctx)
    outside = make_ctx()
    assert holds(leaf("entry.at", "not_exists"), outside)
    assert not holds(leaf("entry.cart_value", ">", 0), outside)


# -- derived levels (spec §6) --------------------------------------------------------------
def _mail_events(sent: int, opened: int, *, at: str = "2026-05-15T10:00:00Z") -> list[dict]:
    return ([{"type": "email_sent", "at": at}] * sent) + ([{"type": "email_opened", "at": at}] * opened)


@pytest.mark.parametrize(("sent", "opened", "level"), [
    (0, 0, "unknown"), (2, 2, "unknown"), (3, 0, "dormant"), (3, 3, "super_active"),
    (5, 4, "super_active"), (5, 3, "moderate"), (10, 8, "super_active"), (10, 7, "moderate"),
    (10, 1, "moderate"),
])
def test_engagement_level(sent: int, opened: int, level: str) -> None:
    ctx = make_ctx(events=_mail_events(sent, opened))
    assert holds(leaf("engagement.level", "=", level), ctx)
    others = {"unknown", "dormant", "super_active", "moderate"} - {level}
    assert holds(leaf("engagement.level", "not_in", sorted(others)), ctx)


def test_engagement_only_looks_at_the_last_90_days() -> None:
    old = _mail_events(5, 5, at="2026-02-01T10:00:00Z")  # 120 days before NOW
    recent = _mail_events(3, 0, at="2026-05-15T10:00:00Z")
    assert holds(leaf("engagement.level", "=", "unknown"), make_ctx(events=old))
    assert holds(leaf("engagement.level", "=", "dormant"), make_ctx(events=old + recent))
    assert holds(leaf("engagement.level", "=", "unknown"),
                 make_ctx(events=_mail_events(3, 3, at="2026-03-03T12:00:00Z")))  # exactly 90 days
    assert holds(leaf("engagement.level", "=", "super_active"),
                 make_ctx(events=_mail_events(3, 3, at="2026-03-03T12:00:01Z")))


def test_engagement_ignores_future_events() -> None:
    events = _mail_events(3, 3, at="2026-06-05T10:00:00Z")
    assert holds(leaf("engagement.level", "=", "unknown"), make_ctx(events=events))


def test_lifecycle_prospect_without_orders() -> None:
    assert holds(leaf("lifecycle.stage", "=", "prospect"), make_ctx())
    assert holds(leaf("lifecycle.stage", "=", "prospect"),
                 make_ctx(orders=[order("2026-07-01T00:00:00Z")]))  # only a future order


def test_lifecycle_lapsing_boundary_at_180_days() -> None:
    orders = [order("2025-12-03T12:00:00Z")]  # exactly 180 days before NOW
    assert holds(leaf("lifecycle.stage", "=", "new"), make_ctx(orders=orders))
    assert holds(leaf("lifecycle.stage", "=", "lapsing"), make_ctx(orders=orders, now="2026-06-01T12:00:01Z"))
    assert holds(leaf("lifecycle.stage", "=", "lapsing"),
                 make_ctx(orders=[order("2025-01-01T00:00:00Z")] * 1))


def test_lifecycle_loyal_needs_three_orders_in_365_days() -> None:
    two = [order("2026-01-01T00:00:00Z", oid="a"), order("2026-05-01T00:00:00Z", oid="b")]
    assert holds(leaf("lifecycle.stage", "=", "new"), make_ctx(orders=two))
    three = [*two, order("2026-05-30T00:00:00Z", oid="c")]
    assert holds(leaf("lifecycle.stage", "=", "loyal"), make_ctx(orders=three))
    # one of the three is older than 365 days: not loyal
    old_three = [order("2025-05-01T00:00:00Z", oid="z"), *two]
    assert holds(leaf("lifecycle.stage", "=", "new"), make_ctx(orders=old_three))


def test_lifecycle_lapsing_wins_over_loyal() -> None:
    orders = [order(f"2025-10-0{d}T00:00:00Z", oid=f"o{d}") for d in (1, 2, 3, 4)]
    assert holds(leaf("lifecycle.stage", "=", "lapsing"), make_ctx(orders=orders))


# -- combinators and segments --------------------------------------------------------------
def test_spec_example_rule() -> None:
    rule = {"all": [
        {"field": "orders.days_since_last", "op": ">=", "value": 15},
        {"any": [{"segment": "loyal"}, {"not": {"field": "customer.city", "op": "=", "value": "Köln"}}]},
    ]}
    segments = {"loyal": {"field": "orders.count", "op": ">=", "value": 3}}
    old = [order("2026-05-01T00:00:00Z")]
    assert holds(rule, make_ctx({"city": "Berlin"}, orders=old, segments=segments))
    assert not holds(rule, make_ctx({"city": "Köln"}, orders=old, segments=segments))
    many = [order(f"2026-05-0{d}T00:00:00Z", oid=str(d)) for d in (1, 2, 3)]
    assert holds(rule, make_ctx({"city": "Köln"}, orders=many, segments=segments))
    recent = [order("2026-05-31T00:00:00Z")]
    assert not holds(rule, make_ctx({"city": "Berlin"}, orders=recent, segments=segments))


def test_segment_rules_and_nested_segments() -> None:
    segments = {
        "buyers": {"field": "orders.count", "op": ">=", "value": 1},
        "berlin_buyers": {"all": [{"segment": "buyers"}, {"field": "customer.city", "op": "=", "value": "Berlin"}]},
    }
    buyer = make_ctx({"city": "Berlin"}, orders=[order("2026-05-01T00:00:00Z")], segments=segments)
    nobody = make_ctx({"city": "Berlin"}, segments=segments)
    assert holds({"segment": "berlin_buyers"}, buyer)
    assert not holds({"segment": "berlin_buyers"}, nobody)
    assert holds({"not": {"segment": "buyers"}}, nobody)


def test_unknown_segment_at_runtime_is_false() -> None:
    assert compile_rule({"segment": "ghost"})(make_ctx(), None) is False


def test_combinators() -> None:
    ctx = make_ctx(ANNA)
    yes = leaf("customer.city", "=", "Berlin")
    no = leaf("customer.city", "=", "Köln")
    assert holds({"all": []}, ctx)
    assert not holds({"any": []}, ctx)
    assert holds({"all": [yes, yes]}, ctx)
    assert not holds({"all": [yes, no]}, ctx)
    assert holds({"any": [no, yes]}, ctx)
    assert not holds({"any": [no, no]}, ctx)
    assert holds({"not": no}, ctx)
    assert not holds({"not": yes}, ctx)
    assert holds({"not": {"any": []}}, ctx)


# -- explanation trace ---------------------------------------------------------------------
def test_trace_names_field_actual_value_and_verdict() -> None:
    ctx = make_ctx(orders=[order("2026-05-28T12:00:00Z", 42.0)])
    trace: list[str] = []
    assert not holds(leaf("orders.days_since_last", ">=", 15), ctx, trace)
    assert len(trace) == 1
    line = trace[0]
    assert "orders.days_since_last" in line
    assert " 4 " in line or line.split("=")[1].strip().startswith("4")
    assert ">=" in line and "15" in line
    assert line.endswith("false")


def test_trace_shows_missing_and_true() -> None:
    trace: list[str] = []
    assert holds(leaf("customer.age", "not_exists"), make_ctx(), trace)
    assert "customer.age" in trace[0] and "missing" in trace[0] and trace[0].endswith("true")


def test_trace_has_one_line_per_evaluated_leaf_and_segment() -> None:
    segments = {"vip": leaf("customer.tags", "contains", "vip")}
    ctx = make_ctx(ANNA, segments=segments)
    trace: list[str] = []
    rule = {"all": [leaf("customer.city", "=", "Berlin"), {"segment": "vip"},
                    leaf("events.count", "=", 0, event="signup", window="P7D")]}
    assert holds(rule, ctx, trace)
    assert any("customer.city" in line and "Berlin" in line and line.endswith("true") for line in trace)
    assert any("vip" in line and "segment" in line for line in trace)
    assert any("events.count" in line and "P7D" in line and line.endswith("true") for line in trace)


def test_trace_of_a_date_field_shows_the_moment_in_utc() -> None:
    trace: list[str] = []
    ctx = make_ctx(orders=[order("2026-05-28T14:00:00+02:00")])
    holds(leaf("orders.last_at", "<", "2026-01-01T00:00:00Z"), ctx, trace)
    assert "2026-05-28T12:00:00Z" in trace[0] and trace[0].endswith("false")


# -- check_rule ----------------------------------------------------------------------------
def _one(problems: list[str], *needles: str) -> str:
    assert problems, "expected a problem"
    joined = " | ".join(problems)
    for needle in needles:
        assert needle in joined, (needle, problems)
    return joined


def test_check_rule_accepts_the_spec_example_and_every_field() -> None:
    rule = {"all": [
        {"field": "orders.days_since_last", "op": ">=", "value": 15},
        {"any": [{"segment": "loyal"}, {"not": {"field": "customer.city", "op": "=", "value": "Köln"}}]},
    ]}
    assert check_rule(rule, {"loyal"}) == []
    for field in ("customer.age", "customer.days_since_signup", "customer.properties.x", "consent.sms",
                  "orders.count", "orders.total", "orders.avg_value", "orders.last_at", "orders.last_value",
                  "entry.at", "entry.cart_value", "engagement.level", "lifecycle.stage", "customer.tags"):
        assert check_rule({"field": field, "op": "exists"}) == [], field


def test_check_rule_unknown_field_names_the_path() -> None:
    rule = {"all": [leaf("customer.city", "=", "x"), {"any": [leaf("customer.shoe_size", "=", 42)]}]}
    _one(check_rule(rule), "rule.all[1].any[0].field", "customer.shoe_size")


@pytest.mark.parametrize("bad", ["==", "equals", "", None, "IN"])
def test_check_rule_unknown_op_names_the_path(bad: Any) -> None:
    _one(check_rule({"not": {"field": "customer.city", "op": bad, "value": "x"}}, path="node.rule"),
         "node.rule.not.op")


def test_check_rule_missing_value_names_the_path() -> None:
    _one(check_rule({"all": [{"field": "orders.count", "op": ">="}]}), "rule.all[0].value", "missing")
    assert check_rule({"field": "orders.count", "op": "exists"}) == []


@pytest.mark.parametrize(("op", "value"), [
    ("in", "Berlin"), ("not_in", 3), ("between", [1]), ("between", [1, 2, 3]), ("between", 5),
    ("within_km", {"lat": 1, "lon": 2}), ("within_km", [1, 2, 3]), ("within_km", {"lat": "a", "lon": 1, "km": 1}),
])
def test_check_rule_bad_value_shape(op: str, value: Any) -> None:
    _one(check_rule({"any": [{"field": "customer.city", "op": op, "value": value}]}), "rule.any[0].value")


@pytest.mark.parametrize("window", ["7 days", "P", "-P7D", "PT", 7, "P1H"])
def test_check_rule_bad_window_names_the_path(window: Any) -> None:
    _one(check_rule({"all": [leaf("orders.count", ">", 1, window=window)]}), "rule.all[0].window")


def test_check_rule_wrong_since_names_the_path() -> None:
    _one(check_rule({"any": [leaf("orders.count", ">", 1, since="signup")]}), "rule.any[0].since")


def test_check_rule_window_on_a_plain_field() -> None:
    _one(check_rule(leaf("customer.city", "=", "x", window="P7D")), "rule", "customer.city")


def test_check_rule_events_count_needs_event() -> None:
    _one(check_rule({"all": [leaf("events.count", ">", 1)]}), "rule.all[0].event")
    assert check_rule(leaf("events.count", ">", 1, event="page_view")) == []


def test_check_rule_unknown_segment_names_the_path() -> None:
    rule = {"any": [{"segment": "loyal"}, {"not": {"segment": "ghosts"}}]}
    joined = _one(check_rule(rule, {"loyal"}), "rule.any[1].not.segment", "ghosts")
    assert "loyal" not in joined.replace("rule.any", "")


def test_check_rule_structure_problems() -> None:
    _one(check_rule("city = Berlin"), "rule")
    _one(check_rule({"all": {"field": "x"}}), "rule.all")
    _one(check_rule({"all": [], "any": []}), "rule")
    _one(check_rule({"foo": 1}), "rule")
    _one(check_rule({"field": "customer.city", "op": "=", "value": "x", "colour": "red"}), "colour")
    _one(check_rule({"segment": ""}), "rule.segment")


def test_check_rule_reports_every_problem() -> None:
    rule = {"all": [leaf("customer.nope", "=", 1), leaf("orders.count", "~", 1), {"segment": "ghost"}]}
    problems = check_rule(rule, set())
    assert len(problems) == 3
    assert [p.split(":")[0] for p in problems] == ["rule.all[0].field", "rule.all[1].op", "rule.all[2].segment"]
