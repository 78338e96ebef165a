"""What a session makes of the shop's past: history enters nobody, imported purchases do.

A first session start reads every stored event; a nightly `import orders` brings purchases
the session has not seen. Events from before a journey went live are history (publishing a
welcome series must not greet every customer the shop ever had), and goals reached before a
customer entered are not that enrollment's conversion. Orders imported after it went live are
purchases like the ones a webhook posts: they start an after-purchase journey.
"""

from __future__ import annotations

from datetime import timedelta

from session_helpers import T, journey_data, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

from app.cli import main
from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import SessionConfig
from storage.history_repo import add_event
from storage.models import EnrollmentRow, OutboxRow

LIVE = T("2026-03-01T00:00:00Z")


def poll(db, at) -> None:
    session = SendingSession(db, ChannelSet(), clock=FakeClock(at), config=SessionConfig(deliver=False))
    try:
        session.poll()
    finally:
        session.close()


def emailed(db) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(OutboxRow.customer_id).where(OutboxRow.status == "queued")))


def test_signups_from_before_the_journey_went_live_enter_nobody(tmp_path) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=3)
    with db.transaction() as s:
        add_event(s, "c1", "signup", LIVE - timedelta(days=30))  # the shop's history
        add_event(s, "c2", "signup", LIVE + timedelta(hours=2))  # while live, session closed
    store_journey(db, welcome(delay=None))
    set_published_at(db, LIVE)
    poll(db, LIVE + timedelta(days=1))  # the first session start reads both
    assert emailed(db) == ["c2"]
    db.close()


def test_imported_orders_start_an_after_purchase_journey_once(tmp_path) -> None:
    path = tmp_path / "shop.sqlite"
    db = make_db(path, customers=3)
    store_journey(db, welcome(name="Thanks", delay=None, trigger="order_placed",
                              settings={"reentry": "always"}))
    set_published_at(db, LIVE)
    poll(db, LIVE + timedelta(hours=1))
    orders = tmp_path / "orders.csv"
    orders.write_text("order_id,customer_id,placed_at,total,currency\n"
                      "A-1,c1,2026-02-10T10:00:00Z,20.00,EUR\n"  # last month: history
                      "A-2,c2,2026-03-01T10:00:00Z,35.50,EUR\n", encoding="utf-8")
    assert main(["import", "orders", str(orders), "--db", str(path)]) == 0
    poll(db, LIVE + timedelta(hours=12))
    assert emailed(db) == ["c2"]
    with db.read() as s:
        entry = s.scalars(select(EnrollmentRow.entry).where(EnrollmentRow.customer_id == "c2")).one()
    assert entry["order_id"] == "A-2" and entry["total"] == 35.5
    # The same file again (a nightly export that overlaps) is no new purchase.
    assert main(["import", "orders", str(orders), "--db", str(path)]) == 0
    poll(db, LIVE + timedelta(hours=13))
    assert emailed(db) == ["c2"]
    db.close()


def test_a_goal_reached_before_entering_does_not_end_the_enrollment(tmp_path) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=1)
    journey = journey_data(
        "Cart", [("start", "trigger", {"kind": "event", "event": "cart_abandoned"}),
                 ("wait", "delay", {"kind": "duration", "duration": "PT4H"}),
                 ("mail", "message", {"kind": "email", "subject": "Your cart", "body": "Still there?"})],
        [("start", "out", "wait"), ("wait", "out", "mail")], settings={"exit_on": [{"event": "order_placed"}]})
    store_journey(db, journey)
    set_published_at(db, LIVE)
    with db.transaction() as s:
        add_event(s, "c1", "cart_abandoned", LIVE + timedelta(hours=5))
    poll(db, LIVE + timedelta(hours=5))
    with db.transaction() as s:  # an earlier purchase, reported late
        add_event(s, "c1", "order_placed", LIVE + timedelta(hours=1), {"order_id": "old", "total": 5})
    poll(db, LIVE + timedelta(hours=10))
    assert emailed(db) == ["c1"]
    db.close()
