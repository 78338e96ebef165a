"""Segment counts in SQL agree with the engine's own verdict, customer by customer.

The brute force is the slow, obviously right way: every customer read back as a §7 profile,
put in a `CustomerContext` and tested with `engine.rules.compile_rule`. The shop has demo
customers plus hand-made awkward ones (other time zones, order_placed events without an order,
typed custom properties, empty strings, no birthdate, coordinates only in properties).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

import pytest

from engine.context import CustomerContext
from engine.demo import builtin_segments as demo_segments
from engine.profile import parse_profile
from engine.rules import compile_rule, compile_segments
from engine.segments import builtin_segments
from storage.customers_repo import upsert_customer
from storage.database import open_database
from storage.demo_seed import seed_demo_shop
from storage.history_repo import add_event, upsert_order
from storage.profiles_repo import customer_profile
from storage.segment_count import (
    SegmentCountError,
    count_segment,
    ensure_builtin_segments,
    levels_from_settings,
    member_ids,
    sample_members,
)
from storage.segments_repo import list_segments, segment_rules
from storage.shop_repo import get_settings

NOW = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # the night Europe changes to summer time


def _awkward(session) -> None:
    upsert_customer(session, {"id": "x-ny", "email": "ny@example.org", "timezone": "America/New_York",
                              "birthdate": "2000-03-29", "city": "", "gender": "female",
                              "signup_at": "2026-03-28T01:30:00.5Z", "properties": {
                                  "vip": True, "score": 7, "ratio": 0.5, "code": "007", "when": "2026-01-01",
                                  "empty": "", "list": ["a", 1], "lat": 52.5, "lon": 13.4}})
    upsert_customer(session, {"id": "x-tokyo", "email": "tk@example.org", "timezone": "Asia/Tokyo",
                              "birthdate": "1960-03-29", "city": "Köln", "tags": ["club", "7"],
                              "consent": {"email": True}, "properties": {"vip": "true", "score": "7"}})
    upsert_customer(session, {"id": "x-none", "phone": "+100", "properties": {}})
    add_event(session, "x-none", "order_placed", "2026-03-01T10:00:00Z", {"total": "12.5", "order_id": "e1"})
    add_event(session, "x-none", "order_placed", "2026-03-01T10:00:00Z", {"total": 99})  # same moment: one order
    add_event(session, "x-none", "order_placed", "2025-06-01T10:00:00Z", {})
    add_event(session, "x-ny", "email_sent", "2026-03-20T10:00:00Z")
    for day in (1, 5, 9):
        add_event(session, "x-ny", "email_sent", f"2026-02-0{day}T10:00:00Z")
        add_event(session, "x-ny", "email_opened", f"2026-02-0{day}T12:00:00Z")
    upsert_order(session, "x-tokyo", {"id": "t-1", "placed_at": "2025-12-29T01:30:00Z", "total": 150})
    upsert_order(session, "x-tokyo", {"id": "t-2", "placed_at": "2026-03-28T01:30:00Z", "total": 0.1})
    upsert_order(session, "x-tokyo", {"id": "t-3", "placed_at": "2026-03-28T01:30:00Z", "total": 0.2})
    upsert_order(session, "x-tokyo", {"id": "t-4", "placed_at": "2026-04-01T00:00:00Z", "total": 5})  # future
    upsert_order(session, "x-ny", {"id": "n-1", "placed_at": "2025-09-29T05:30:00Z", "total": 150})
    add_event(session, "x-ny", "order_placed", "2025-09-29T05:30:00Z", {"total": 1})  # the same order


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("seg") / "shop.sqlite")
    seed_demo_shop(db, n=250, seed=3, now=NOW, future_days=0)
    with db.transaction() as session:
        _awkward(session)
        ensure_builtin_segments(session)
    with db.read() as session:
        settings = get_settings(session)
        levels = levels_from_settings(settings.engagement, settings.lifecycle)
        tz = settings.timezone
        segments = segment_rules(session)
        ids = [row[0] for row in session.execute(__import__("sqlalchemy").text("SELECT id FROM customers"))]
        profiles = [parse_profile(customer_profile(session, cid)) for cid in ids]
    compiled = compile_segments(segments)
    contexts = [CustomerContext(p, now=NOW, tz_name=tz, segments=compiled, levels=levels) for p in profiles]
    yield db, contexts, segments
    db.close()


def brute(contexts, rule) -> list[str]:
    test = compile_rule(rule)
    return sorted(ctx.profile.id for ctx in contexts if test(ctx))


# -- generated rules ---------------------------------------------------------------------------
LEAVES: list[tuple[str, list[Any]]] = [
    ("customer.age", [0, 18, 25, 26, 35, 50, 66, "30", 40.5, True]),
    ("customer.gender", ["female", "male", "Female", 1]),
    ("customer.city", ["Hamburg", "Köln", "Berlin", "", "ber"]),
    ("customer.country", ["DE", "ES", "RU"]),
    ("customer.email", ["ny@example.org", "@"]),
    ("customer.timezone", ["Europe/Berlin", "Asia/Tokyo"]),
    ("customer.birthdate", ["2000-03-29", "1960-03-29", "1990-01-01", "not a date", 5]),
    ("customer.signup_at", ["2026-03-28T01:30:00Z", "2025-01-01T00:00:00Z", "2026-03-28"]),
    ("customer.days_since_signup", [0, 1, 30, 365, 1000]),
    ("customer.tags", ["club", "7", "newsletter", 7]),
    ("customer.location", [{"lat": 53.5511, "lon": 9.9937, "km": 50}, {"lat": 52.52, "lon": 13.405, "km": 30}]),
    ("customer.properties.vip", [True, "true", 1]),
    ("customer.properties.score", [7, "7", 3]),
    ("customer.properties.area", ["urban", "rural", "residential"]),
    ("customer.properties.coupon_user", [True, False]),
    ("customer.properties.code", ["007", 7]),
    ("customer.properties.empty", ["", "x"]),
    ("customer.properties.list", [["a", 1], "a"]),
    ("consent.email", [True, False, 1, "true"]),
    ("consent.sms", [True, False]),
    ("orders.count", [0, 1, 2, 3, 5]),
    ("orders.total", [0, 0.3, 100, 150, 150.1, 500]),
    ("orders.avg_value", [0.15, 50, 100, 150]),
    ("orders.last_at", ["2026-03-28T01:30:00Z", "2026-01-01T00:00:00Z"]),
    ("orders.last_value", [0.2, 150, 5]),
    ("orders.days_since_last", [0, 1, 15, 90, 180, 365]),
    ("engagement.level", ["super_active", "moderate", "dormant", "unknown"]),
    ("lifecycle.stage", ["prospect", "new", "loyal", "lapsing"]),
    ("entry.at", ["2026-01-01T00:00:00Z"]),
]
EVENTS = ["order_placed", "email_opened", "site_visit", "cart_abandoned", "product_viewed", "nothing"]
WINDOWS = ["P1D", "P30D", "P90D", "P3M", "P180D", "P1Y", "PT12H"]
OPS = ["=", "!=", ">", ">=", "<", "<=", "in", "not_in", "contains", "between", "exists", "not_exists",
       "within_km"]


def random_leaf(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.15:
        leaf: dict[str, Any] = {"field": "events.count", "event": rng.choice(EVENTS)}
        values: list[Any] = [0, 1, 2, 4, 10]
    else:
        name, values = rng.choice(LEAVES)
        leaf = {"field": name}
    op = rng.choice(OPS)
    leaf["op"] = op
    if leaf["field"].startswith(("orders.", "events.")):
        r = rng.random()
        if r < 0.4:
            leaf["window"] = rng.choice(WINDOWS)
        elif r < 0.45:
            leaf["since"] = "entry"
    if op in ("exists", "not_exists"):
        return leaf
    if op in ("in", "not_in"):
        leaf["value"] = rng.sample(values, k=min(len(values), rng.randint(1, 3)))
    elif op == "between":
        a, b = rng.choice(values), rng.choice(values)
        leaf["value"] = [a, b]
    elif op == "within_km":
        leaf["value"] = {"lat": 53.55, "lon": 9.99, "km": rng.choice([5, 50, 500])}
    else:
        leaf["value"] = rng.choice(values)
    return leaf


def random_rule(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    r = rng.random()
    if depth < 2 and r < 0.3:
        key = rng.choice(["all", "any"])
        return {key: [random_rule(rng, depth + 1) for _ in range(rng.randint(0, 3))]}
    if depth < 3 and r < 0.4:
        return {"not": random_rule(rng, depth + 1)}
    if r < 0.45:
        return {"segment": rng.choice(["loyal", "regulars", "near_the_shop", "super_active", "seniors"])}
    return random_leaf(rng)


@pytest.mark.parametrize("seed", range(12))
def test_generated_rules_count_as_the_engine_says(shop, seed):
    db, contexts, segments = shop
    rng = random.Random(seed)
    for _ in range(40):
        rule = random_rule(rng)
        expected = brute(contexts, rule)
        assert member_ids(db, rule, NOW) == expected, rule
        assert count_segment(db, rule, NOW) == len(expected), rule


def test_every_builtin_segment_counts_as_the_engine_says(shop):
    db, contexts, segments = shop
    names = set(builtin_segments()) | set(demo_segments())
    nonempty = 0
    for name in sorted(names):
        expected = brute(contexts, {"segment": name})
        assert member_ids(db, {"segment": name}, NOW) == expected, name
        nonempty += bool(expected)
    assert nonempty >= 12  # the demo shop fills most of them


def test_sample_members_are_members(shop):
    db, contexts, _ = shop
    rule = {"field": "lifecycle.stage", "op": "=", "value": "loyal"}
    sample = sample_members(db, rule, NOW, limit=5)
    expected = brute(contexts, rule)
    assert [m["id"] for m in sample] == expected[:5]
    assert all(set(m) == {"id", "name", "email", "city"} for m in sample)


def test_a_rule_with_problems_is_refused(shop):
    db, _, _ = shop
    with pytest.raises(SegmentCountError, match="unknown field"):
        count_segment(db, {"field": "customer.shoe_size", "op": "=", "value": 1}, NOW)
    with pytest.raises(SegmentCountError, match="unknown segment"):
        count_segment(db, {"segment": "nope"}, NOW)


def test_builtins_are_seeded_once_and_tuned_ones_kept(tmp_path):
    db = open_database(tmp_path / "new.sqlite")
    with db.transaction() as session:
        get_settings(session).address = "Große Elbstraße 145, 22767 Hamburg"
        added = ensure_builtin_segments(session)
    assert {"super_active", "moderate_openers", "dormant", "prospects", "new_customers", "loyal", "lapsing",
            "age_18_29", "women", "near_the_shop", "big_baskets", "frequent_visitors"} <= set(added)
    with db.transaction() as session:
        rows = {r.name: r for r in list_segments(session)}
        assert rows["near_the_shop"].rule["value"]["lat"] == pytest.approx(53.55, abs=0.01)
        assert all(r.builtin for r in rows.values())
        rows["loyal"].rule = {"field": "orders.count", "op": ">=", "value": 5}
    with db.transaction() as session:
        assert ensure_builtin_segments(session) == []
        assert segment_rules(session)["loyal"] == {"field": "orders.count", "op": ">=", "value": 5}
    db.close()


def test_levels_come_from_the_shop_settings():
    levels = levels_from_settings({"window": "P60D", "min_sent": 2, "super_active_ratio": 0.5},
                                  {"lapsing_after": "P90D", "loyal_orders": 4, "loyal_window": "P1Y"})
    assert (levels.engagement_days, levels.engagement_min_sent, levels.super_active_ratio) == (60, 2, 0.5)
    assert (levels.lapsing_days, levels.loyal_orders, levels.loyal_days) == (90, 4, 365)


@pytest.mark.parametrize(("rule", "members"), [
    ({"field": "customer.age", "op": "=", "value": 25}, {"x-ny"}),  # 21:30 on the 28th in New York
    ({"field": "customer.age", "op": "=", "value": 66}, {"x-tokyo"}),  # 10:30 on the 29th in Tokyo
    ({"field": "customer.days_since_signup", "op": "=", "value": 0}, {"x-ny"}),  # half a second short of 1
    ({"field": "orders.count", "op": "=", "value": 2}, {"x-none"}),  # events without an order are orders
    ({"field": "orders.total", "op": "=", "value": 12.5}, {"x-none"}),
    ({"field": "orders.last_value", "op": "=", "value": 0.2}, {"x-tokyo"}),  # same moment: the higher id
    ({"field": "orders.total", "op": "=", "value": 0.3}, {"x-tokyo"}),  # 0.1 + 0.2, rounded as the engine does
    ({"field": "customer.properties.vip", "op": "=", "value": True}, {"x-ny"}),  # "true" is not true
    ({"field": "customer.properties.code", "op": "=", "value": "007"}, {"x-ny"}),
    ({"field": "customer.properties.empty", "op": "not_exists"}, {"x-ny", "x-tokyo", "x-none"}),
    ({"field": "customer.tags", "op": "contains", "value": "7"}, {"x-tokyo"}),
    ({"field": "engagement.level", "op": "=", "value": "moderate"}, {"x-ny"}),
])
def test_awkward_customers(shop, rule, members):
    db, contexts, _ = shop
    rule_window = dict(rule)
    if rule.get("value") == 0.3:
        rule_window["window"] = "P3M"
    found = {cid for cid in member_ids(db, rule_window, NOW) if cid.startswith("x-")}
    assert found == members
    assert found == {cid for cid in brute(contexts, rule_window) if cid.startswith("x-")}


def test_on_postgresql_the_engine_counts_the_same_members(shop, postgres_url):
    """On PostgreSQL a rule is judged by the engine over the loaded customers (no SQLite
    functions there): the same shop gives the same members as the SQL translation."""
    db, contexts, _ = shop
    pg = open_database(postgres_url)
    try:
        seed_demo_shop(pg, n=250, seed=3, now=NOW, future_days=0)
        with pg.transaction() as session:
            _awkward(session)
            ensure_builtin_segments(session)
        rng = random.Random(99)
        rules = [random_rule(rng) for _ in range(30)]
        rules += [{"segment": name} for name in sorted(set(builtin_segments()) | set(demo_segments()))]
        for rule in rules:
            expected = brute(contexts, rule)
            assert member_ids(pg, rule, NOW) == expected, rule
            assert count_segment(pg, rule, NOW) == len(expected), rule
        rule = {"field": "lifecycle.stage", "op": "=", "value": "loyal"}
        assert sample_members(pg, rule, NOW, limit=5) == sample_members(db, rule, NOW, limit=5)
    finally:
        pg.close()
