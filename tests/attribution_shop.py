"""A small shop with a known outbox, orders and unsubscribes, and what it earned, worked out by
hand from docs/attribution.md (tests/test_attribution.py checks the SQL, the engine's rules and
the command line against it).

Journey "Cart" sends mail-1, mail-2 (email) and sms-1 (sms); journey "Other" sends news. The
window is one day. D is 2026-03-02.

    c1  mail-1 D 10:00            order o1 D 20:00 100.00  → mail-1 (10 hours)
                                  order o2 D+2 09:00 50.00 → none (last message 47 hours old)
    c2  mail-1 D 10:00            order o4 D+1 10:00 30.00 → mail-1 (exactly one day; mail-2 at the
        mail-2 D+1 10:00                                     same second is not *before* it)
                                  order o3 D+1 12:00 80.00 → mail-2
    c3  mail-1 D 10:00            order o5 D 16:00 200.00  → Other/news (the last message wins)
        Other/news D 15:00
    c4  sms-1 D 09:00             order o6 D 10:00 40.00   → sms-1 (the failed email does not count)
        mail-1 D 09:30 FAILED     unsubscribes from sms D 12:00 → sms-1
    c5  mail-2 D 08:00            order o7 D 07:00 25.00   → none (before any message)
                                  unsubscribes from email D+3 → mail-2 (no window for these)

    Cart     recipients  conversions  revenue  per recipient  unsubscribes
    mail-1   3 (c1-c3)   2 (o1, o4)   130.00   43.33          0
    mail-2   2 (c2, c5)  1 (o3)        80.00   40.00          1
    sms-1    1 (c4)      1 (o6)        40.00   40.00          1
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from storage import Database, journeys_repo
from storage.customers_repo import upsert_customer
from storage.database import open_database
from storage.enrollments_repo import insert_enrollments
from storage.history_repo import record_order
from storage.outbox_repo import mark_done, queue_messages
from storage.suppressions_repo import suppress

D = datetime(2026, 3, 2, tzinfo=UTC)

CART = {
    "format": "journey-builder/1", "name": "Cart",
    "settings": {"exit_on": [{"event": "order_placed"}]},
    "nodes": [
        {"id": "start", "type": "trigger", "config": {"kind": "event", "event": "cart_abandoned"}},
        {"id": "mail-1", "type": "message", "label": "First reminder",
         "config": {"kind": "email", "subject": "Your cart", "body": "Still there."}},
        {"id": "mail-2", "type": "message", "label": "Second reminder",
         "config": {"kind": "email", "subject": "Your cart again", "body": "Still there."}},
        {"id": "sms-1", "type": "message", "config": {"kind": "sms", "text": "Your cart"}},
    ],
    "edges": [{"source": "start", "target": "mail-1", "port": "out"},
              {"source": "mail-1", "target": "mail-2", "port": "out"},
              {"source": "start", "target": "sms-1", "port": "out"}],
}
OTHER = {
    "format": "journey-builder/1", "name": "Other",
    "nodes": [{"id": "start", "type": "trigger", "config": {"kind": "event", "event": "signup"}},
              {"id": "news", "type": "message", "config": {"kind": "email", "subject": "News", "body": "News"}}],
    "edges": [{"source": "start", "target": "news", "port": "out"}],
}

# (customer, journey, node, channel, moment, status)
MESSAGES = [
    ("c1", "Cart", "mail-1", "email", D + timedelta(hours=10), "sent"),
    ("c2", "Cart", "mail-1", "email", D + timedelta(hours=10), "sent"),
    ("c2", "Cart", "mail-2", "email", D + timedelta(days=1, hours=10), "sent"),
    ("c3", "Cart", "mail-1", "email", D + timedelta(hours=10), "sent"),
    ("c3", "Other", "news", "email", D + timedelta(hours=15), "sent"),
    ("c4", "Cart", "sms-1", "sms", D + timedelta(hours=9), "sent"),
    ("c4", "Cart", "mail-1", "email", D + timedelta(hours=9, minutes=30), "failed"),
    ("c5", "Cart", "mail-2", "email", D + timedelta(hours=8), "sent"),
]
ORDERS = [
    ("c1", "o1", D + timedelta(hours=20), 100.0),
    ("c1", "o2", D + timedelta(days=2, hours=9), 50.0),
    ("c2", "o3", D + timedelta(days=1, hours=12), 80.0),
    ("c2", "o4", D + timedelta(days=1, hours=10), 30.0),
    ("c3", "o5", D + timedelta(hours=16), 200.0),
    ("c4", "o6", D + timedelta(hours=10), 40.0),
    ("c5", "o7", D + timedelta(hours=7), 25.0),
]
UNSUBSCRIBES = [("c4", "sms", D + timedelta(hours=12)), ("c5", "email", D + timedelta(days=3))]

# node → (recipients, conversions, revenue, unsubscribes)
EXPECTED = {"mail-1": (3, 2, 130.0, 0), "mail-2": (2, 1, 80.0, 1), "sms-1": (1, 1, 40.0, 1)}


def add_sent(session: Any, journey_id: int, version_id: int | None, customer: str, node: str, channel: str,
             at: datetime, status: str = "sent", variant: str | None = None, entered: datetime | None = None,
             end_reason: str | None = None) -> int:
    """A message as a sending session leaves it: its enrollment, queued, then delivered at `at`."""
    (enrollment,) = insert_enrollments(session, [{
        "journey_id": journey_id, "version_id": version_id, "customer_id": customer,
        "status": "ended" if end_reason else "active", "entered_at": entered or at,
        "ended_at": (entered or at) if end_reason else None, "end_reason": end_reason, "entry": {}}])
    queue_messages(session, [{"journey_id": journey_id, "version_id": version_id, "customer_id": customer,
                              "enrollment_id": enrollment, "node_id": node, "channel": channel, "due_at": at,
                              "next_attempt_at": at, "payload": {"to": "x"}, "variant": variant}])
    message_id = session.connection().exec_driver_sql("SELECT max(id) FROM outbox").scalar()
    mark_done(session, int(message_id), status, now=at)
    return enrollment


def customer(session: Any, cid: str) -> None:
    upsert_customer(session, {"id": cid, "email": f"{cid}@example.org", "phone": "+4915112345678",
                              "consent": {"email": True, "sms": True}})


def build_shop(path: Path) -> Database:
    db = open_database(path)
    with db.transaction() as session:
        ids = {}
        for data in (CART, OTHER):
            journeys_repo.import_journey(session, data)
            saved = journeys_repo.publish(session, data["name"])
            ids[data["name"]] = (saved.journey_id, saved.version_id)
        for cid in ("c1", "c2", "c3", "c4", "c5"):
            customer(session, cid)
        for cid, journey, node, channel, at, status in MESSAGES:
            jid, vid = ids[journey]
            add_sent(session, jid, vid, cid, node, channel, at, status)
        for cid, oid, at, total in ORDERS:
            record_order(session, cid, {"id": oid, "placed_at": at, "total": total, "currency": "EUR"})
        for cid, channel, at in UNSUBSCRIBES:
            suppress(session, channel=channel, reason="unsubscribed", customer_id=cid, source="one-click", now=at)
    return db
