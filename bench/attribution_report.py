"""What the journey report costs on a year of a shop: 100,000 customers, 1,000,000 messages,
300,000 orders (target: the report in at most 2 s).

    .venv/bin/python bench/attribution_report.py [--customers 100000] [--messages 1000000]
                                                 [--orders 300000] [--rounds 3] [--db PATH]

The shop is written straight into a migrated database (bulk inserts, not timed): one live
journey "Cart" with three message nodes (mail-1, mail-2 with an A/B test of two variants,
sms-1) and a 10 % holdout; every enrolled customer who is not held out gets the three
messages (at entry, a day and three days later), all of them delivered, over a year; orders
fall at random moments of that year; 2,000 customers unsubscribe. Every message belongs to
the reported journey, so the report reads all of them (the worst case for one journey).

Timed, `--rounds` times: `storage.report_repo.journey_report` (the per-node figures, the holdout
groups and the A/B test, as `journey-builder report` and the report panel read them), whole
and by part; then the command itself (`journey-builder report Cart --format json`, a new
process, start-up included). Reported: min and median wall time, and CPU time.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine_info import cpu_model  # noqa: E402

from engine.attribution import elapsed_window  # noqa: E402
from storage import attribution_repo, journeys_repo  # noqa: E402
from storage.database import open_database  # noqa: E402
from storage.report_repo import journey_report  # noqa: E402
from storage.session_tables import db_moment  # noqa: E402

START = datetime(2025, 12, 1, tzinfo=UTC)
YEAR = 365 * 86400
JOURNEY = {
    "format": "journey-builder/1", "name": "Cart",
    "settings": {"holdout": {"percent": 10}},
    "nodes": [
        {"id": "start", "type": "trigger", "config": {"kind": "event", "event": "cart_abandoned"}},
        {"id": "mail-1", "type": "message", "config": {"kind": "email", "subject": "Cart", "body": "x"}},
        {"id": "wait-1", "type": "delay", "config": {"kind": "duration", "duration": "P1D"}},
        {"id": "mail-2", "type": "message", "config": {
            "kind": "email", "subject": "Cart again", "body": "x",
            "ab_test": {"variants": [{"name": "a"}, {"name": "b", "subject": "Psst"}]}}},
        {"id": "wait-2", "type": "delay", "config": {"kind": "duration", "duration": "P2D"}},
        {"id": "sms-1", "type": "message", "config": {"kind": "sms", "text": "Cart"}},
    ],
    "edges": [{"source": "start", "target": "mail-1", "port": "out"},
              {"source": "mail-1", "target": "wait-1", "port": "out"},
              {"source": "wait-1", "target": "mail-2", "port": "out"},
              {"source": "mail-2", "target": "wait-2", "port": "out"},
              {"source": "wait-2", "target": "sms-1", "port": "out"}],
}
STEPS = (("mail-1", "email", 0), ("mail-2", "email", 86400), ("sms-1", "sms", 3 * 86400))


def build(path: Path, customers: int, messages: int, orders: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    db = open_database(path)
    with db.transaction() as session:
        journeys_repo.import_journey(session, JOURNEY)
        saved = journeys_repo.publish(session, "Cart")
    jid, vid = saved.journey_id, saved.version_id
    db.close()
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    now = db_moment(START)
    con.executemany("INSERT INTO customers (id, email, phone, tags, properties, consent_email, consent_sms, "
                    "consent_push, email_bounced, sms_bounced, created_at, updated_at) "
                    "VALUES (?, ?, '+4915100000000', '[]', '{}', 1, 1, 0, 0, 0, ?, ?)",
                    ((f"c{i:06d}", f"c{i}@example.org", now, now) for i in range(customers)))
    enrollments, outbox, held = [], [], 0
    sent = 0
    eid = 0
    while sent < messages:
        eid += 1
        cid = f"c{rng.randrange(customers):06d}"
        entered = START + timedelta(seconds=rng.randrange(YEAR))
        if int(cid[1:]) % 10 == 0:  # as a keyed hash would: a customer is always in the same group
            held += 1
            enrollments.append((eid, jid, vid, cid, "ended", db_moment(entered), db_moment(entered), "holdout"))
            continue
        enrollments.append((eid, jid, vid, cid, "ended", db_moment(entered), db_moment(entered), "completed"))
        for node, channel, offset in STEPS:
            if sent >= messages:
                break
            at = db_moment(entered + timedelta(seconds=offset))
            variant = rng.choice("ab") if node == "mail-2" else None
            outbox.append((jid, vid, cid, eid, node, 1, channel, "sent", 1, at, at, "{}", at, at, variant))
            sent += 1
    con.executemany("INSERT INTO enrollments (id, journey_id, version_id, customer_id, status, entered_at, ended_at, "
                    "end_reason, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')", enrollments)
    con.executemany("INSERT INTO outbox (journey_id, version_id, customer_id, enrollment_id, node_id, visit, channel, "
                    "status, attempts, due_at, sent_at, payload, created_at, handover_at, variant) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outbox)
    con.executemany("INSERT INTO orders (id, customer_id, placed_at, total, currency, properties) "
                    "VALUES (?, ?, ?, ?, 'EUR', '{}')",
                    ((f"o{i}", f"c{rng.randrange(customers):06d}",
                      db_moment(START + timedelta(seconds=rng.randrange(YEAR))), round(rng.uniform(10, 200), 2))
                     for i in range(orders)))
    con.executemany("INSERT INTO suppressions (customer_id, channel, address, reason, source, created_at) "
                    "VALUES (?, 'email', NULL, 'unsubscribed', 'one-click', ?)",
                    ((f"c{rng.randrange(customers):06d}", db_moment(START + timedelta(seconds=rng.randrange(YEAR))))
                     for _ in range(2000)))
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return {"enrollments": len(enrollments), "held_out": held, "messages": sent, "orders": orders}


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", help="keep the shop in this file (built when missing)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="attribution-bench-")
    # The built shop is half a gigabyte: gone when the bench ends, however it ends (--db keeps one).
    atexit.register(shutil.rmtree, folder, True)
    path = Path(args.db) if args.db else Path(folder) / "shop.sqlite"
    if not path.exists():
        began = time.perf_counter()
        counts = build(path, args.customers, args.messages, args.orders)
        print(f"built {path}: {args.customers:,} customers, {counts['messages']:,} messages, "
              f"{counts['orders']:,} orders, {counts['enrollments']:,} enrollments ({counts['held_out']:,} held out) "
              f"in {time.perf_counter() - began:.1f} s (not timed below)")
    print(f"machine: {cpu_model()}, Python {sys.version.split()[0]}")
    db = open_database(path)
    parts: dict[str, list[float]] = {"report": [], "report cpu": [], "node figures": [], "holdout": [],
                                     "a/b test (the session's look)": []}
    report = None
    with db.read() as session:
        jid = journeys_repo.get_record(session, "Cart").id
        holdout, versions = attribution_repo.journey_holdout(session, jid)
    assert holdout is not None
    window = elapsed_window("P1D")
    for _ in range(args.rounds):
        with db.read() as session:
            report, wall, cpu = _timed(partial(journey_report, session, "Cart"))
            parts["report"].append(wall)
            parts["report cpu"].append(cpu)
            _, wall, _ = _timed(partial(attribution_repo.node_figures, session, jid, window))
            parts["node figures"].append(wall)
            _, wall, _ = _timed(partial(attribution_repo.holdout_groups, session, jid, versions, holdout.window))
            parts["holdout"].append(wall)
            _, wall, _ = _timed(partial(attribution_repo.node_figures, session, jid, window, node="mail-2"))
            parts["a/b test (the session's look)"].append(wall)
    db.close()
    assert report is not None
    total = report.totals()
    print(f"report: {total.messages:,} messages, {total.conversions:,} orders credited, revenue "
          f"{total.revenue:,.2f}; holdout {report.holdout.held_out.customers:,} held out against "
          f"{report.holdout.rest.customers:,} ({report.holdout.verdict})")
    for name, values in parts.items():
        print(f"{name:>30}: min {min(values):.3f} s, median {statistics.median(values):.3f} s")
    cli = []
    for _ in range(args.rounds):
        began = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())",
                              "report", "Cart", "--db", str(path), "--format", "json"],
                             cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        cli.append(time.perf_counter() - began)
        assert out.returncode == 0, out.stderr
        json.loads(out.stdout)
    print(f"{'command':>30}: min {min(cli):.3f} s, median {statistics.median(cli):.3f} s "
          "(journey-builder report Cart --format json, a new process)")
    met = min(parts["report"]) <= 2.0
    print(f"target ≤ 2 s for the report: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
