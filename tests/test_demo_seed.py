"""The demo shop written into a shop database (storage.demo_seed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine.demo import builtin_segments, generate_profile_dicts
from engine.profile import parse_profile
from storage.customers_repo import count_customers, upsert_customer
from storage.database import open_database
from storage.demo_seed import seed_demo_shop
from storage.errors import InvalidState
from storage.history_repo import order_events_without_order, orders_without_event
from storage.models import EventRow, OrderRow
from storage.profiles_repo import customer_profile
from storage.segments_repo import list_segments
from storage.shop_repo import settings_dict

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


def test_seed_writes_the_shop_its_segments_and_the_generated_profiles(tmp_path: Path) -> None:
    with open_database(tmp_path / "demo.sqlite") as db:
        summary = seed_demo_shop(db, n=200, seed=9, now=NOW)
        assert summary.customers == 200 and summary.orders > 0 and summary.events > summary.customers
        expected = list(generate_profile_dicts(200, 9, NOW, future_days=0))
        with db.read() as session:
            assert count_customers(session) == 200
            assert session.scalar(select(func.count()).select_from(OrderRow)) == summary.orders
            assert session.scalar(select(func.count()).select_from(EventRow)) == summary.events
            assert settings_dict(session)["name"] == "Nordlicht Outfitters"
            rows = list_segments(session)
            assert {r.name for r in rows} == set(builtin_segments())
            assert all(r.builtin for r in rows)
            for want in expected[:25]:
                got = customer_profile(session, want["customer"]["id"])
                for key, value in want["customer"].items():
                    assert got["customer"][key] == value, key
                a, b = parse_profile(got), parse_profile(want)
                assert a.orders == b.orders
                # Stored, every order is also its order_placed event (as every writer stores it).
                assert [e for e in a.events if e.type != "order_placed"] == b.events
                assert sorted(e.at for e in a.events if e.type == "order_placed") == [o.placed_at for o in b.orders]
            assert orders_without_event(session) == 0 and order_events_without_order(session) == 0
            assert session.scalar(select(func.max(EventRow.at))) <= NOW  # the past only


def test_seed_refuses_a_shop_that_has_customers(tmp_path: Path) -> None:
    with open_database(tmp_path / "shop.sqlite") as db:
        with db.transaction() as session:
            upsert_customer(session, {"id": "real-1", "email": "real@example.org"})
        with pytest.raises(InvalidState):
            seed_demo_shop(db, n=10, seed=1, now=NOW)
        with db.read() as session:
            assert count_customers(session) == 1
            assert list_segments(session) == []


def test_seed_without_future(tmp_path: Path) -> None:
    with open_database(tmp_path / "demo.sqlite") as db:
        seed_demo_shop(db, n=100, seed=2, now=NOW, future_days=0)
        with db.read() as session:
            assert session.scalar(select(func.max(EventRow.at))) <= NOW
            assert session.scalar(select(func.max(OrderRow.placed_at))) <= NOW
