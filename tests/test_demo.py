"""The demo shop generator (engine.demo): reproducible, valid §7 profiles, and a population whose
§6 levels, ages, consents and future activity look like a real small shop's."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from engine.context import CustomerContext
from engine.demo import (
    DemoRecipeError,
    builtin_segments,
    generate_profile_dicts,
    generate_profiles,
    load_recipe,
    shop_settings,
)
from engine.geo import city_coordinates, distance_km
from engine.profile import parse_profile
from engine.rules import check_rule, compile_rule
from engine.timeutil import whole_years

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
FUTURE_END = NOW + timedelta(days=30)
RECIPE = load_recipe()


@pytest.fixture(scope="module")
def population() -> list:
    return list(generate_profiles(5000, 42, NOW))


@pytest.fixture(scope="module")
def contexts(population: list) -> list[CustomerContext]:
    return [CustomerContext(p, now=NOW) for p in population]


# -- reproducibility ----------------------------------------------------------------------------
def test_same_seed_gives_identical_output() -> None:
    a = list(generate_profile_dicts(300, 7, NOW))
    b = list(generate_profile_dicts(300, 7, NOW))
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert list(generate_profiles(100, 7, NOW)) == list(generate_profiles(100, 7, NOW))


def test_different_seeds_differ() -> None:
    a = list(generate_profile_dicts(100, 1, NOW))
    b = list(generate_profile_dicts(100, 2, NOW))
    assert a != b
    assert sum(x["customer"]["email"] != y["customer"]["email"] for x, y in zip(a, b, strict=True)) > 90


def test_the_first_customers_do_not_depend_on_how_many_are_made() -> None:
    assert list(generate_profile_dicts(40, 3, NOW)) == list(generate_profile_dicts(120, 3, NOW))[:40]


def test_now_must_be_aware_and_n_a_count() -> None:
    with pytest.raises(ValueError):
        list(generate_profiles(1, 1, datetime(2026, 1, 1)))
    with pytest.raises(ValueError):
        list(generate_profiles(-1, 1, NOW))
    assert list(generate_profiles(0, 1, NOW)) == []


# -- the profile shape --------------------------------------------------------------------------
def test_every_dict_passes_parse_profile_and_equals_the_profile() -> None:
    dicts = list(generate_profile_dicts(500, 11, NOW))
    profiles = list(generate_profiles(500, 11, NOW))
    for d, p in zip(dicts, profiles, strict=True):
        json.dumps(d)  # JSON-able as it is
        parsed = parse_profile(json.loads(json.dumps(d)))
        assert parsed == p
        assert isinstance(p.customer["signup_at"], datetime) and p.customer["signup_at"].tzinfo is not None
        assert "birthdate" not in p.customer or type(p.customer["birthdate"]) is date
        assert [o.placed_at for o in p.orders] == sorted(o.placed_at for o in p.orders)
        assert [e.at for e in p.events] == sorted(e.at for e in p.events)


def test_customer_fields_match_the_market(population: list) -> None:
    zones = {"DE": {"Europe/Berlin"}, "AT": {"Europe/Vienna"}, "ES": {"Europe/Madrid"},
             "RU": {"Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Novosibirsk"},
             "US": {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"},
             "GB": {"Europe/London"}}
    locales = {"DE": "de", "AT": "de", "ES": "es", "RU": "ru", "US": "en", "GB": "en"}
    currencies = {"DE": "EUR", "AT": "EUR", "ES": "EUR", "RU": "RUB", "US": "USD", "GB": "GBP"}
    cities = {c["name"]: c for m in RECIPE["markets"].values() for c in m["cities"]}
    emails = set()
    for p in population:
        c = p.customer
        assert c["timezone"] in zones[c["country"]]
        assert c["locale"] == locales[c["country"]]
        assert all(o.currency == currencies[c["country"]] for o in p.orders)
        assert c["email"].isascii() and c["email"].count("@") == 1
        assert c["email"].split("@")[1].endswith((".example", "example.com", "example.org", "example.net"))
        emails.add(c["email"])
        if c.get("phone"):
            assert c["phone"].startswith("+") and c["phone"][1:].isdigit()
        if c["consent"]["sms"]:
            assert c.get("phone")
        city = cities[c["city"]]
        assert distance_km((c["lat"], c["lon"]), (city["lat"], city["lon"])) < 60
        assert c["properties"]["area"] in ("urban", "residential", "rural")
        assert isinstance(c["properties"]["coupon_user"], bool)
        assert c["gender"] in ("female", "male") if "gender" in c else True
    assert len(emails) == len(population)
    if any(p.customer["country"] == "RU" for p in population):
        ru = next(p.customer for p in population if p.customer["country"] == "RU")
        assert any("а" <= ch <= "я" for ch in ru["last_name"].lower())


def test_recipe_cities_agree_with_the_engine_geo_table() -> None:
    for market in RECIPE["markets"].values():
        for city in market["cities"]:
            known = city_coordinates(city["name"])
            if known is not None:
                assert distance_km(known, (city["lat"], city["lon"])) < 2, city["name"]


def test_ages_are_18_to_80_and_mostly_25_to_50(contexts: list[CustomerContext]) -> None:
    ages = [whole_years(c.customer["birthdate"], NOW.astimezone(c.tz).date())
            for c in contexts if "birthdate" in c.customer]
    assert len(ages) > 0.8 * len(contexts)
    assert min(ages) >= 18 and max(ages) <= 80
    assert sum(25 <= a <= 50 for a in ages) / len(ages) > 0.55
    assert sum(a >= 60 for a in ages) > 0


def test_consent_rates(population: list) -> None:
    n = len(population)
    for channel, share in RECIPE["consent"].items():
        got = sum(p.consent(channel) for p in population) / n
        assert abs(got - share) < 0.03, (channel, got)


# -- the population --------------------------------------------------------------------------
def test_persona_proportions_are_the_lifecycle_stages_at_now(contexts: list[CustomerContext]) -> None:
    stages = Counter(c.lifecycle_stage() for c in contexts)
    assert set(stages) == {"prospect", "new", "loyal", "lapsing"}
    for persona, spec in RECIPE["personas"].items():
        assert abs(stages[persona] / len(contexts) - spec["share"]) < 0.03, (persona, stages)


def test_engagement_levels_spread(contexts: list[CustomerContext]) -> None:
    levels = Counter(c.engagement_level() for c in contexts)
    assert set(levels) == {"super_active", "moderate", "dormant", "unknown"}
    assert min(levels.values()) / len(contexts) > 0.08, levels


def test_engagement_follows_persona(contexts: list[CustomerContext]) -> None:
    by_stage: dict[str, Counter] = {}
    for c in contexts:
        by_stage.setdefault(c.lifecycle_stage(), Counter())[c.engagement_level()] += 1
    share = {s: by_stage[s]["super_active"] / sum(by_stage[s].values()) for s in by_stage}
    assert share["loyal"] > share["new"] > share["lapsing"]


def test_some_activity_lies_in_the_next_30_days(population: list) -> None:
    future = [e for p in population for e in p.all_events() if e.at > NOW]
    kinds = Counter(e.type for e in future)
    for kind in ("cart_abandoned", "order_placed", "signup", "product_viewed"):
        assert kinds[kind] > 0, kinds
    assert max(e.at for e in future) <= FUTURE_END
    future_signups = [p for p in population if p.customer["signup_at"] > NOW]
    assert future_signups and all(CustomerContext(p, now=NOW).lifecycle_stage() == "prospect"
                                  for p in future_signups)
    recovered = 0
    for p in population:
        carts = {e.properties["cart_id"]: e.at for e in p.events if e.type == "cart_abandoned" and e.at > NOW}
        for o in p.orders:
            if o.properties.get("cart_id") in carts:
                assert timedelta(0) < o.placed_at - carts[o.properties["cart_id"]] <= timedelta(hours=31)
                recovered += 1
    assert recovered > 0


def test_no_future_when_asked() -> None:
    for p in generate_profiles(300, 5, NOW, future_days=0):
        assert all(e.at <= NOW for e in p.all_events())
        assert p.customer["signup_at"] <= NOW


def test_history_is_after_signup(population: list) -> None:
    for p in population[:1000]:
        signup = p.customer["signup_at"]
        assert all(e.at >= signup for e in p.all_events()), p.id
        assert sum(e.type == "signup" for e in p.events) == 1


def test_order_values_per_currency(population: list) -> None:
    totals: dict[str, list[float]] = {}
    for p in population:
        for o in p.orders:
            totals.setdefault(o.currency, []).append(o.total)
            assert o.total > 0 and o.properties["items"]
    eur = statistics.median(totals["EUR"])
    assert 40 <= eur <= 250
    assert statistics.median(totals["RUB"]) > 50 * eur
    assert all(t == int(t) for t in totals["RUB"])
    assert 0.1 < sum(t > 150 for t in totals["EUR"]) / len(totals["EUR"]) < 0.7


def test_builtin_segments_are_valid_and_match_someone(contexts: list[CustomerContext]) -> None:
    segments = builtin_segments()
    assert len(segments) >= 10
    for name, spec in segments.items():
        assert check_rule(spec["rule"], set(segments)) == [], name
        rule = compile_rule(spec["rule"])
        hits = sum(rule(c, None) for c in contexts[:2000])
        assert hits > 0, name


def test_shop_settings() -> None:
    shop = shop_settings()
    assert shop["name"] and shop["currency"] == "EUR" and shop["timezone"] == "Europe/Berlin"


def test_a_broken_recipe_is_named() -> None:
    recipe = json.loads(json.dumps(RECIPE))
    del recipe["personas"]["loyal"]
    with pytest.raises(DemoRecipeError):
        list(generate_profiles(1, 1, NOW, recipe=recipe))
