"""The demo shop in a database: Nordlicht Outfitters' settings, segments, customers and history.

`seed_demo_shop(db)` fills an empty shop database in one transaction with what `engine.demo`
generates (3,000 customers make about 8,000 orders and 100,000 events), using bulk inserts
rather than one upsert per row. It refuses a database that already has customers: demo people
must never mix with a real shop's.

Events keep `received_at` equal to their own moment, so history reads as what the shop learned
back then. The shop holds only the past (`future_days=0`, the default): a sending session on
the real clock may run on it, and must not find next week's purchases already stored. What
the customers do next belongs to population runs, which generate it. Every order is stored
with its `order_placed` event, as every other writer stores them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from engine import demo
from engine.profile import ORDER_EVENT, Profile, order_event_properties
from engine.timeutil import now_utc
from storage.customers_repo import CHANNELS, TEXT_FIELDS, count_customers
from storage.database import Database
from storage.errors import InvalidState
from storage.models import CustomerRow, EventRow, OrderRow
from storage.segments_repo import save_segment
from storage.shop_repo import EDITABLE, update_settings

_BATCH = 5000
_CUSTOMER_KEYS = {"id", "birthdate", "signup_at", "lat", "lon", "tags", "consent", "properties", *TEXT_FIELDS}


@dataclass(frozen=True)
class SeedSummary:
    shop: str
    customers: int
    orders: int
    events: int
    segments: int


def seed_demo_shop(db: Database, n: int = 3000, seed: int = 1, now: datetime | None = None, *,
                   future_days: int = 0, recipe: dict[str, Any] | None = None) -> SeedSummary:
    """Writes the demo shop into `db` (one transaction) and says how much it wrote."""
    now = now or now_utc()
    recipe = recipe if recipe is not None else demo.load_recipe()
    with db.transaction() as session:
        existing = count_customers(session)
        if existing:
            raise InvalidState(f"the database already has {existing} customers; the demo shop is only "
                               "written into an empty one")
        shop = demo.shop_settings(recipe)
        update_settings(session, **{k: v for k, v in shop.items() if k in EDITABLE})
        segments = demo.builtin_segments(recipe)
        for name, spec in segments.items():
            save_segment(session, name, spec["rule"], spec.get("description", ""), builtin=True)
        counts = _insert_profiles(session, demo.generate_profiles(n, seed, now, recipe=recipe,
                                                                  future_days=future_days))
    return SeedSummary(shop.get("name", ""), *counts, len(segments))


def _insert_profiles(session: Session, profiles: Iterable[Profile]) -> tuple[int, int, int]:
    customers: list[dict[str, Any]] = []
    orders: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    totals = [0, 0, 0]

    def flush(force: bool = False) -> None:
        # customers first: orders and events refer to them
        for rows, model, index in ((customers, CustomerRow, 0), (orders, OrderRow, 1), (events, EventRow, 2)):
            if rows and (force or len(rows) >= _BATCH or index == 0):
                session.execute(insert(model), rows)
                totals[index] += len(rows)
                rows.clear()

    for profile in profiles:
        customers.append(_customer_row(profile.customer))
        cid = profile.id
        order_times = {e.at for e in profile.events if e.type == ORDER_EVENT}
        for o in profile.orders:
            orders.append({"id": o.id, "customer_id": cid, "placed_at": o.placed_at, "total": o.total,
                           "currency": o.currency, "properties": o.properties})
            if o.placed_at not in order_times:
                events.append({"customer_id": cid, "type": ORDER_EVENT, "at": o.placed_at, "received_at": o.placed_at,
                               "properties": order_event_properties(o.id, o.total, o.currency, o.properties)})
        for e in profile.events:
            events.append({"customer_id": cid, "type": e.type, "at": e.at, "properties": e.properties,
                           "received_at": e.at})
        if len(customers) >= _BATCH or len(events) >= 4 * _BATCH:
            flush()
    flush(force=True)
    session.flush()
    return totals[0], totals[1], totals[2]


def _customer_row(c: dict[str, Any]) -> dict[str, Any]:
    """The columns `customers_repo.upsert_customer` would write for this §7 customer."""
    row: dict[str, Any] = {key: c.get(key) for key in TEXT_FIELDS}
    row.update(id=c["id"], birthdate=c.get("birthdate"), signup_at=c.get("signup_at"), lat=c.get("lat"),
               lon=c.get("lon"), tags=list(c.get("tags") or []), email_bounced=False, sms_bounced=False)
    consent = c.get("consent") or {}
    for channel in CHANNELS:
        row[f"consent_{channel}"] = consent.get(channel) is True
    extra = {k: v for k, v in c.items() if k not in _CUSTOMER_KEYS}
    row["properties"] = {**extra, **dict(c.get("properties") or {})}
    return row


__all__ = ["SeedSummary", "seed_demo_shop"]
