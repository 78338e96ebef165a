"""Customers, orders, events and the §7 profile shape; shop settings; segments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine.profile import ProfileError, parse_profile
from storage import customers_repo, history_repo, profiles_repo, segments_repo, shop_repo
from storage.database import Database, open_database
from storage.errors import InvalidState, NotFound
from storage.models import EventRow, OrderRow

PROFILE = {
    "customer": {"id": "c-17", "email": "anna@example.org", "phone": "+4915112345678",
                 "first_name": "Anna", "birthdate": "1991-04-02", "city": "Berlin",
                 "timezone": "Europe/Berlin", "locale": "de", "signup_at": "2025-01-10T09:00:00Z",
                 "consent": {"email": True, "sms": True, "push": False},
                 "properties": {"area": "urban"}},
    "orders": [{"id": "o-1", "placed_at": "2026-05-01T12:00:00Z", "total": 180.0, "currency": "EUR"}],
    "events": [{"type": "cart_abandoned", "at": "2026-11-02T18:00:00Z", "properties": {"cart_value": 74.5}}],
}


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    with open_database(db_target) as database:
        yield database


def test_profile_import_and_fetch_in_the_spec_shape(db: Database) -> None:
    with db.transaction() as s:
        assert profiles_repo.import_profile(s, PROFILE) == "c-17"
    with db.read() as s:
        profile = profiles_repo.customer_profile(s, "c-17")
    customer = profile["customer"]
    for key, value in PROFILE["customer"].items():
        assert customer[key] == value, key
    assert customer["tags"] == [] and customer["bounced"] == {"email": False, "sms": False}
    assert profile["orders"] == PROFILE["orders"]
    # Every order is stored with the order_placed event it also is.
    order = PROFILE["orders"][0]
    assert profile["events"] == [{"type": "order_placed", "at": order["placed_at"],
                                  "properties": {"order_id": order["id"], "total": order["total"],
                                                 "currency": order["currency"]}}, *PROFILE["events"]]
    # The engine reads what the database gives it, the same way it reads a profile file.
    parsed = parse_profile(profile)
    assert parsed.customer["birthdate"] == date(1991, 4, 2)
    assert [e.type for e in parsed.all_events()] == ["order_placed", "cart_abandoned"]


def test_importing_the_same_profile_twice_changes_nothing(db: Database) -> None:
    for _ in range(2):
        with db.transaction() as s:
            profiles_repo.import_profile(s, PROFILE)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) == 2  # cart_abandoned, and the order's
        assert s.scalar(select(func.count()).select_from(OrderRow)) == 1


def test_bad_profile_names_the_field_and_stores_nothing(db: Database) -> None:
    bad = {**PROFILE, "events": [{"type": "x", "at": "yesterday"}]}
    with pytest.raises(ProfileError, match=r"events\[0\]\.at"), db.transaction() as s:
        profiles_repo.import_profile(s, bad)
    with db.read() as s:
        assert customers_repo.count_customers(s) == 0


def test_upsert_changes_only_the_given_fields_and_merges_properties(db: Database) -> None:
    with db.transaction() as s:
        customers_repo.upsert_customer(s, PROFILE["customer"])
        customers_repo.upsert_customer(s, {"id": "c-17", "email": "anna@new.example", "vip": True,
                                           "lat": 52.52, "lon": "13.40", "tags": ["a", "b"],
                                           "consent": {"push": True}, "bounced": {"email": True}})
    with db.read() as s:
        c = profiles_repo.customer_profile(s, "c-17")["customer"]
    assert c["email"] == "anna@new.example" and c["city"] == "Berlin"
    assert c["properties"] == {"area": "urban", "vip": True}
    assert (c["lat"], c["lon"], c["tags"]) == (52.52, 13.40, ["a", "b"])
    assert c["consent"] == {"email": True, "sms": True, "push": True}
    assert c["bounced"] == {"email": True, "sms": False}


@pytest.mark.parametrize("customer, field", [
    ({"id": ""}, "customer.id"),
    ({"id": "x", "lat": "north"}, "customer.lat"),
    ({"id": "x", "lat": 91}, "customer.lat"),
    ({"id": "x", "consent": {"email": "yes"}}, "customer.consent.email"),
    ({"id": "x", "consent": {"fax": True}}, "customer.consent.fax"),
    ({"id": "x", "timezone": "Mars/Olympus"}, "customer.timezone"),
    ({"id": "x", "signup_at": "2025-01-10T09:00:00"}, "customer.signup_at"),
])
def test_bad_customer_values_name_the_field(db: Database, customer: dict, field: str) -> None:
    with pytest.raises(ProfileError, match=field.replace(".", r"\.")), db.transaction() as s:
        customers_repo.upsert_customer(s, customer)


def test_orders_and_events_need_a_known_customer(db: Database) -> None:
    with pytest.raises(NotFound), db.transaction() as s:
        history_repo.add_event(s, "ghost", "x", "2026-01-01T00:00:00Z")
    with pytest.raises(NotFound), db.transaction() as s:
        history_repo.upsert_order(s, "ghost", {"id": "o", "placed_at": "2026-01-01T00:00:00Z"})
    with pytest.raises(NotFound), db.read() as s:
        profiles_repo.customer_profile(s, "ghost")


def test_order_properties_sit_beside_the_fixed_keys(db: Database) -> None:
    with db.transaction() as s:
        customers_repo.upsert_customer(s, {"id": "c1"})
        history_repo.upsert_order(s, "c1", {"id": "o1", "placed_at": "2026-01-01T10:00:00+01:00",
                                            "total": 12, "currency": "eur", "coupon": "X"})
    with db.read() as s:
        (order,) = profiles_repo.customer_profile(s, "c1")["orders"]
    assert order == {"coupon": "X", "id": "o1", "placed_at": "2026-01-01T09:00:00Z", "total": 12.0, "currency": "EUR"}


def test_events_after_is_a_gapless_inbox_and_deleting_a_customer_cascades(db: Database) -> None:
    with db.transaction() as s:
        for cid in ("c1", "c2"):
            customers_repo.upsert_customer(s, {"id": cid})
        e1 = history_repo.add_event(s, "c1", "viewed", datetime(2026, 1, 1, tzinfo=UTC), {"sku": "A"})
        history_repo.add_event(s, "c2", "viewed", "2026-01-02T00:00:00Z")
    with db.read() as s:
        assert [e.customer_id for e in history_repo.events_after(s, 0)] == ["c1", "c2"]
        assert [e.customer_id for e in history_repo.events_after(s, e1.id)] == ["c2"]
    with db.transaction() as s:
        customers_repo.delete_customer(s, "c2")
        e3 = history_repo.add_event(s, "c1", "viewed", "2026-01-03T00:00:00Z")
    assert e3.id > e1.id + 1  # AUTOINCREMENT: the deleted event's id is not handed out again
    with db.read() as s:
        assert [c.id for c in customers_repo.list_customers(s)] == ["c1"]
        assert [c.id for c in customers_repo.list_customers(s, search="C1")] == ["c1"]


def test_shop_settings_are_created_once_with_a_random_secret(tmp_path: Path) -> None:
    secrets = []
    for name in ("a.sqlite", "b.sqlite"):
        with open_database(tmp_path / name) as db:
            with db.transaction() as s:
                settings = shop_repo.get_settings(s)
                assert (settings.currency, settings.timezone, settings.locale) == ("EUR", "UTC", "en")
                assert settings.engagement["min_sent"] == 3 and settings.lifecycle["loyal_orders"] == 3
                secrets.append(settings.discount_secret)
            with db.transaction() as s:
                assert shop_repo.get_settings(s).discount_secret == secrets[-1]
    assert len(secrets[0]) == 64 and secrets[0] != secrets[1]


def test_shop_settings_update_checks_values(db: Database) -> None:
    with db.transaction() as s:
        shop_repo.update_settings(s, name="Tea & Co", timezone="Europe/Berlin", currency="chf",
                                  sender_email="hello@tea.example")
    with db.read() as s:
        data = shop_repo.settings_dict(s)
    assert (data["name"], data["timezone"], data["currency"]) == ("Tea & Co", "Europe/Berlin", "CHF")
    assert "discount_secret" not in data
    for bad in ({"timezone": "Nowhere/Land"}, {"currency": "euro"}, {"discount_secret": "x"},
                {"engagement": 3}):
        with pytest.raises(ValueError), db.transaction() as s:
            shop_repo.update_settings(s, **bad)


def test_segments(db: Database) -> None:
    rule = {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}
    with db.transaction() as s:
        segments_repo.save_segment(s, "women", {"field": "customer.gender", "op": "=", "value": "f"},
                                   builtin=True)
        segments_repo.save_segment(s, "regulars", rule, "bought in the last half year")
        segments_repo.save_segment(s, "regulars", {**rule, "value": 2})
    with db.read() as s:
        assert [r.name for r in segments_repo.list_segments(s)] == ["women", "regulars"]
        assert segments_repo.segment_rules(s)["regulars"]["value"] == 2
    with db.transaction() as s:
        with pytest.raises(InvalidState):
            segments_repo.delete_segment(s, "women")
        segments_repo.delete_segment(s, "regulars")
        with pytest.raises(NotFound):
            segments_repo.get_segment(s, "regulars")
