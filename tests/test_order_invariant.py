"""Every order is an `order_placed` event and every such event an order, however it was stored:
the `event` command, the HTTP endpoint, imports of orders, events and profiles, the demo shop,
and databases written before the rule (migration 0006)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import func, select

from app.cli import main
from storage.customers_repo import upsert_customer
from storage.database import Database, _alembic_config, open_database
from storage.demo_seed import seed_demo_shop
from storage.history_repo import order_events_without_order, orders_without_event, record_event, record_order
from storage.importers import import_file
from storage.models import EventRow, OrderRow

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(db_target: str):
    database = open_database(db_target)
    with database.transaction() as s:
        for cid in ("c1", "c2"):
            upsert_customer(s, {"id": cid, "email": f"{cid}@example.org"})
    yield database
    database.close()


def _holds(db: Database) -> tuple[int, int, int, int]:
    with db.read() as s:
        return (orders_without_event(s), order_events_without_order(s),
                s.scalar(select(func.count()).select_from(OrderRow)), s.scalar(select(func.count()).select_from(EventRow)))


def test_the_event_command_stores_an_order_placed_event_with_its_order(db):
    path = db.url
    assert main(["event", "order_placed", "--customer", "c1", "--prop", "total=59.9", "--prop", "order_id=W-1",
                 "--db", path]) == 0
    assert main(["event", "order_placed", "--customer", "c2", "--db", path]) == 0  # no id: one is derived
    assert main(["event", "page_view", "--customer", "c2", "--db", path]) == 0
    assert _holds(db) == (0, 0, 2, 3)
    with db.read() as s:
        order = s.get(OrderRow, "W-1")
        assert order.total == 59.9 and order.customer_id == "c1"


def test_record_order_and_record_event_agree_that_one_moment_is_one_purchase(db):
    with db.transaction() as s:
        record_order(s, "c1", {"id": "o-1", "placed_at": NOW, "total": 10.0, "currency": "EUR"})
        record_event(s, "c1", "order_placed", NOW, {"total": 10.0})  # the same purchase, told twice
        record_order(s, "c1", {"id": "o-1", "placed_at": NOW, "total": 12.0, "currency": "EUR"})  # updated
    assert _holds(db) == (0, 0, 1, 2)  # one order; the event told is kept as it was told


def test_imports_of_orders_events_and_profiles_keep_it(db, tmp_path):
    orders = tmp_path / "orders.csv"
    orders.write_text("id,customer_id,placed_at,total\no-1,c1,2026-03-01T10:00:00Z,20\n", encoding="utf-8")
    events = tmp_path / "events.csv"
    events.write_text("customer_id,type,at,total\nc2,order_placed,2026-03-01T11:00:00Z,35\n"
                      "c2,page_view,2026-03-01T11:05:00Z,\n", encoding="utf-8")
    profiles = tmp_path / "profiles.json"
    profiles.write_text(json.dumps([{"customer": {"id": "c3", "email": "c3@example.org"},
                                     "orders": [{"id": "o-9", "placed_at": "2026-02-01T09:00:00Z", "total": 5}],
                                     "events": [{"type": "order_placed", "at": "2026-02-02T09:00:00Z",
                                                 "properties": {"order_id": "o-10", "total": 7}}]}]),
                        encoding="utf-8")
    for kind, path in (("orders", orders), ("events", events), ("customers", profiles)):
        assert import_file(db, kind, path).ok
    assert _holds(db) == (0, 0, 4, 5)


def test_the_demo_shop_keeps_it_and_holds_only_the_past(tmp_path):
    with open_database(tmp_path / "demo.sqlite") as database:
        seed_demo_shop(database, n=60, seed=3, now=NOW)
        missing_events, missing_orders, orders, _ = _holds(database)
        assert (missing_events, missing_orders) == (0, 0) and orders > 0
        with database.read() as s:
            assert s.scalar(select(func.max(EventRow.at))) <= NOW


def test_a_database_from_before_the_rule_is_mended_when_opened(tmp_path):
    path = tmp_path / "old.sqlite"
    with open_database(path, migrate=False) as database:
        config = _alembic_config()
        with database.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0005_isolation")
            conn.commit()
    raw = sqlite3.connect(path)
    raw.executescript("""
        INSERT INTO customers (id, email, consent_email, consent_sms, consent_push, email_bounced, sms_bounced,
                               tags, properties, created_at, updated_at)
        VALUES ('c1', 'c1@example.org', 1, 0, 0, 0, 0, '[]', '{}', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO orders (id, customer_id, placed_at, total, currency, properties)
        VALUES ('o-1', 'c1', '2026-02-01 10:00:00.000000', 20.0, 'EUR', '{"channel": "web"}');
        INSERT INTO events (customer_id, type, at, properties, received_at)
        VALUES ('c1', 'order_placed', '2026-02-03 12:30:00.250000', '{"total": 8.5, "currency": "eur"}',
                '2026-02-03 12:30:00');
        INSERT INTO session_cursor (id, last_event_id, updated_at) VALUES (1, 1, '2026-02-03 12:31:00');
    """)
    raw.commit()
    raw.close()
    with open_database(path) as database:
        assert _holds(database) == (0, 0, 2, 2)
        with database.read() as s:
            derived = s.get(OrderRow, "c1/2026-02-03T12:30:00.250000Z")
            assert derived is not None and derived.total == 8.5 and derived.currency == "EUR"
            event = s.scalar(select(EventRow).where(EventRow.at == datetime(2026, 2, 1, 10, 0, tzinfo=UTC)))
            assert event.type == "order_placed" and event.properties == {"order_id": "o-1", "total": 20.0,
                                                                         "currency": "EUR", "channel": "web"}
            # The inbox had read everything: the added history is not news for a session.
            assert s.execute(select(func.max(EventRow.id))).scalar() == \
                s.execute(select(EventRow.id).order_by(EventRow.id.desc()).limit(1)).scalar()
        from storage import session_repo

        with database.read() as s:
            assert session_repo.last_event_id(s) == s.scalar(select(func.max(EventRow.id)))


def test_a_refunded_order_is_kept_without_its_event_and_a_paid_one_gets_it_back(db):
    with db.transaction() as s:
        record_order(s, "c1", {"id": "o-1", "placed_at": NOW, "total": 10.0, "currency": "EUR"})
        record_order(s, "c1", {"id": "o-1", "placed_at": NOW, "total": 10.0, "currency": "EUR", "status": "refunded"})
    assert _holds(db) == (0, 0, 1, 0)  # kept, but no purchase: no order_placed event
    with db.read() as s:
        assert s.get(OrderRow, "o-1").status == "refunded"
    with db.transaction() as s:
        record_order(s, "c1", {"id": "o-1", "placed_at": NOW, "total": 10.0, "currency": "EUR"})
    assert _holds(db) == (0, 0, 1, 1)
