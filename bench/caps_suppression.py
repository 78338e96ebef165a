"""What the shop's caps across journeys and the suppression list cost the sending session.

    .venv/bin/python bench/caps_suppression.py [--customers 40000] [--rounds 3]

Side by side, alternating, on the same machine and data:
1. The durable path (bench/session_durable.py's journey and set-up: N customers due at one
   moment, one poll advances them and queues their emails; SMTP excluded) without caps, and
   with the shop's caps on (1 email a day, 3 a week): every customer already got two marketing
   emails this week, so each send reads the customer's ledger (one outbox query per batch)
   and checks both caps.
2. Delivery with a null channel (the outbox's claim/hand-over/record commits, no SMTP) of the
   queued emails, with an empty suppression list, and with 20,000 entries (by customer and by
   address) that none of these customers is on, so every message is looked up and goes.
Reported per round: steps (or messages) per second, wall and CPU time and the load average (after
waiting for an idle machine, `--wait-idle`); then the overhead of each check as a share of the
throughput without it, min and median over the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine_info import add_idle_option, before_run, header, measured  # noqa: E402 - bench/ on the path
from session_durable import make_shop  # noqa: E402

from app.session.outbox import ChannelSet, Deliverer  # noqa: E402
from app.session.session import FakeClock, SendingSession, SessionConfig  # noqa: E402
from engine.channels.base import SendResult  # noqa: E402
from storage import shop_repo  # noqa: E402
from storage.models import SuppressionRow  # noqa: E402

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CAPS = {"email": [{"max": 1, "per": "P1D"}, {"max": 3, "per": "P7D"}]}


class Null:
    def send(self, msg: Any) -> SendResult:
        msg.handover()
        return SendResult("sent", "", provider_id=msg.message_key)

    def close(self) -> None:
        pass


def _payload(i: int) -> dict[str, Any]:
    """What a sent email's row holds in a real shop: the rendered message, a few kilobytes."""
    return {"to": f"c{i:06d}@example.org", "subject": "Still thinking it over?", "format": "text",
            "body": "Hello, the things in your cart are still waiting for you. " * 40,
            "unsubscribe_url": f"https://shop.example/unsubscribe/c{i:06d}/" + "k" * 43}


def _history(db: Any, n: int) -> None:
    """Two marketing emails to every customer in the last days (another journey's), so the
    ledger has something to count and the caps let the third one through."""
    from storage.models import EnrollmentRow, OutboxRow

    with db.transaction() as session:
        conn = session.connection()
        conn.execute(EnrollmentRow.__table__.insert(), [
            {"journey_id": None, "version_id": None, "customer_id": f"c{i:06d}", "status": "ended",
             "entered_at": T0 - timedelta(days=5), "ended_at": T0 - timedelta(days=4), "entry": {}}
            for i in range(n)])
        ids = [row[0] for row in conn.exec_driver_sql("SELECT id, customer_id FROM enrollments ORDER BY id")]
        conn.execute(OutboxRow.__table__.insert(), [
            {"journey_id": None, "customer_id": f"c{i:06d}", "enrollment_id": ids[i], "node_id": f"old-{k}",
             "visit": 1, "channel": "email", "status": "sent", "attempts": 1, "payload": _payload(i),
             "due_at": T0 + timedelta(days=1) - timedelta(days=2 + k), "created_at": T0,
             "sent_at": T0 + timedelta(days=1) - timedelta(days=2 + k)}
            for i in range(n) for k in range(2)])


def durable(folder: Path, n: int, caps: bool, idle: float) -> dict[str, Any]:
    db = make_shop(folder / f"durable-{caps}-{time.monotonic_ns()}.sqlite", n, [T0] * n, T0 - timedelta(days=1))
    _history(db, n)
    if caps:
        with db.transaction() as session:
            shop_repo.update_settings(session, delivery={"caps": CAPS})
    clock = FakeClock(T0)
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False, workers=0))
    session.poll()
    clock.set(T0 + timedelta(days=1))
    note = before_run(idle)
    with measured() as took:
        report = session.poll()
    session.close()
    assert report.queued == n, report
    db.close()
    return {"steps_per_s": report.steps / took.wall, "wall_s": took.wall, "cpu_s": took.cpu, "note": note}


def delivery(folder: Path, n: int, suppressions: int, idle: float) -> dict[str, Any]:
    db = make_shop(folder / f"delivery-{suppressions}-{time.monotonic_ns()}.sqlite", n, [T0] * n,
                   T0 - timedelta(days=1))
    clock = FakeClock(T0)
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False, workers=0))
    session.poll()
    clock.set(T0 + timedelta(days=1))
    session.poll()
    journey_id = next(iter(session.journeys))
    session.close()
    if suppressions:
        with db.transaction() as s:
            s.connection().execute(SuppressionRow.__table__.insert(), [
                {"customer_id": f"gone{i}", "channel": "email", "address": f"gone{i}@example.org",
                 "reason": "unsubscribed", "source": "bench", "created_at": T0} for i in range(suppressions)])
    deliverer = Deliverer(db, ChannelSet({"email": Null()}), clock=clock.now)
    note = before_run(idle)
    sent = 0
    with measured() as took:
        while sent < n:
            done = deliverer.deliver(clock.now(), {journey_id: ("send_now", None)}, lambda: False).sent
            assert done, "nothing was delivered"
            sent += done
    db.close()
    return {"messages_per_s": sent / took.wall, "wall_s": took.wall, "cpu_s": took.cpu, "note": note}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=40_000)
    parser.add_argument("--deliveries", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    add_idle_option(parser)
    args = parser.parse_args()
    header()
    plain: list[dict[str, Any]] = []
    capped: list[dict[str, Any]] = []
    open_list: list[dict[str, Any]] = []
    listed: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="jb-bench-caps-") as tmp:
        folder = Path(tmp)
        for round_ in range(1, args.rounds + 1):
            for caps, into in ((False, plain), (True, capped)):
                result = durable(folder, args.customers, caps, args.wait_idle)
                into.append(result)
                print(f"round {round_}: durable path, caps {'on ' if caps else 'off'}: "
                      f"{result['steps_per_s']:,.0f} steps/s (wall {result['wall_s']:.2f} s, CPU {result['cpu_s']:.2f} s)"
                      f" [{result['note']}]", flush=True)
            for count, into in ((0, open_list), (20_000, listed)):
                result = delivery(folder, args.deliveries, count, args.wait_idle)
                into.append(result)
                print(f"round {round_}: delivery, {count:,} suppressions: {result['messages_per_s']:,.0f} messages/s "
                      f"(wall {result['wall_s']:.2f} s, CPU {result['cpu_s']:.2f} s) [{result['note']}]", flush=True)
            for leftover in folder.iterdir():
                leftover.unlink()

    def summary(label: str, base: list[dict[str, Any]], other: list[dict[str, Any]], key: str) -> None:
        a = [r[key] for r in base]
        b = [r[key] for r in other]
        overhead = 1 - statistics.median(b) / statistics.median(a)
        cpu_a = statistics.median(r["cpu_s"] for r in base)
        cpu_b = statistics.median(r["cpu_s"] for r in other)
        print(f"{label}: without {min(a):,.0f}/{statistics.median(a):,.0f}, with {min(b):,.0f}/"
              f"{statistics.median(b):,.0f} (min/median); overhead of the check {overhead:.1%} of the median; "
              f"median CPU {cpu_a:.2f} s without, {cpu_b:.2f} s with")

    summary("durable path, steps/s, the shop's caps", plain, capped, "steps_per_s")
    summary("delivery, messages/s, the suppression list", open_list, listed, "messages_per_s")


if __name__ == "__main__":
    main()
