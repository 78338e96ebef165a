"""Durable sending session benchmark: the state table and the outbox against one job per step.

    .venv/bin/python bench/session_durable.py [--customers 100000] [--naive 10000] [--window 30]
                                              [--history realistic|minimal] [--wait-idle 0.8]

1. Throughput. N customers (default 100,000) signed up a day ago and wait at a P1D delay of a
   welcome journey (signup → wait P1D → rule → email). With `--history realistic` (the
   default) each also has a year of history like the demo shop's customers: 80 events (page
   and product views, emails sent and opened, carts…) and 5 orders; `minimal` is the old
   shape (the signup event alone). They all fall due at the same moment;
   one `SendingSession.poll()` under a fake clock advances them through the engine's
   `run_state` table and queues their emails in the outbox (SMTP excluded). Reported: engine
   steps (Step records: condition evaluated, email sent, exited) per second. The inbox phase
   that put them there (signup events → runs → waiting) is reported too.
2. The naive design on M of them (default 10,000): one APScheduler job per customer step in a
   SQLAlchemyJobStore (the job carries the customer's run; each job loads the customer, takes
   one step, writes the outbox row in its own transaction and adds the job for the customer's
   next step). Same journey, same steps, same moment. Also a kinder variant that takes all of a
   customer's due steps in one job. Each runs twice: as first measured (the job store's SQLite
   file in its default rollback journal, APScheduler's default 10 threads on its one write
   lock) and as a careful user would set it up (WAL, one thread). Reported: steps per second
   and the ratios of the rates.
3. Lateness. N customers wait with due moments spread over the next `--window` seconds of the
   real clock; the real scheduler (`PollScheduler`, poll interval 1 s) runs the session.
   Reported: p50/p99/max of (moment a step ran − its due moment).
4. Restart. With the N customers waiting, the time from opening the database to the end of the
   first wake-up of a new session (in-process), and from launching `journey-builder run` to its
   "running" line (a new process, imports included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import add_idle_option, before_run, header, measured  # noqa: E402 - bench/ is on the path
from sqlalchemy import insert, update  # noqa: E402

from app.session.outbox import ChannelSet  # noqa: E402
from app.session.session import (  # noqa: E402
    FakeClock,
    SendingSession,
    SessionConfig,
    SystemClock,
    default_workers,
)
from storage import journeys_repo  # noqa: E402
from storage.database import Database, open_database  # noqa: E402
from storage.models import CustomerRow, EventRow, JourneyVersion  # noqa: E402

JOURNEY = {
    "format": "journey-builder/1", "name": "Welcome (bench)", "settings": {"reentry": "never"},
    "nodes": [
        {"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
        {"id": "wait", "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": "P1D"}},
        {"id": "consent", "type": "condition", "position": [0, 0],
         "config": {"kind": "rule", "rule": {"field": "consent.email", "op": "=", "value": True}}},
        {"id": "mail", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Welcome, {{ customer.first_name }}",
                    "body": "Hi {{ customer.first_name }}, thanks for joining {{ shop.name | default('us') }}."}},
    ],
    "edges": [{"source": "start", "port": "out", "target": "wait"},
              {"source": "wait", "port": "out", "target": "consent"},
              {"source": "consent", "port": "yes", "target": "mail"}],
}


# A year of a demo-shop customer's life, by event type: 80 events besides the signup.
HISTORY_MIX = (("page_view", 34), ("product_viewed", 18), ("email_sent", 10), ("email_opened", 6),
               ("email_clicked", 2), ("added_to_cart", 4), ("cart_abandoned", 2), ("site_visit", 4))
ORDERS_EACH = 5


def add_history(session: Any, n: int, before: datetime) -> None:
    """Gives every customer a year of history before `before`, written as the importers write it
    (order rows and their order_placed events), with raw executemany: 8.5 million rows for
    100,000 customers would take minutes through the ORM."""
    from storage.jsoncodec import dumps
    from storage.session_tables import db_moment

    kinds = [kind for kind, count in HISTORY_MIX for _ in range(count)]
    received = db_moment(before)
    conn = session.connection()
    for first in range(0, n, 5_000):
        events: list[tuple[Any, ...]] = []
        orders: list[tuple[Any, ...]] = []
        for i in range(first, min(n, first + 5_000)):
            cid = f"c{i:06d}"
            for k, kind in enumerate(kinds):
                at = before - timedelta(days=365) + timedelta(minutes=(i * 7919 + k * 6571) % 525_000)
                events.append((cid, kind, db_moment(at), dumps({"url": f"/p/{k}"}), received))
            for k in range(ORDERS_EACH):
                at = before - timedelta(days=20 + 70 * k, minutes=i % 1440)
                total = 20.0 + (i * 31 + k * 17) % 180
                orders.append((f"o{i:06d}-{k}", cid, db_moment(at), total, "EUR", "{}"))
                events.append((cid, "order_placed", db_moment(at),
                               dumps({"order_id": f"o{i:06d}-{k}", "total": total, "currency": "EUR"}), received))
        conn.exec_driver_sql("INSERT INTO orders (id, customer_id, placed_at, total, currency, properties) "
                             "VALUES (?, ?, ?, ?, ?, ?)", orders)
        conn.exec_driver_sql("INSERT INTO events (customer_id, type, at, properties, received_at) "
                             "VALUES (?, ?, ?, ?, ?)", events)
    # The session's inbox starts after this history: it is the past, not news.
    from storage.session_lease import last_event_id, newest_event_id, set_last_event_id

    last_event_id(session)
    set_last_event_id(session, newest_event_id(session))


def make_shop(path: Path, n: int, signups: list[datetime], live_since: datetime, history: bool = False) -> Database:
    db = open_database(path)
    now = datetime.now(UTC)
    with db.transaction() as session:
        session.execute(insert(CustomerRow.__table__), [{
            "id": f"c{i:06d}", "email": f"c{i}@example.org", "first_name": f"Kim{i}", "timezone": "Europe/Berlin",
            "tags": [], "properties": {}, "consent_email": True, "consent_sms": False, "consent_push": False,
            "email_bounced": False, "sms_bounced": False, "created_at": now, "updated_at": now} for i in range(n)])
        if history:
            add_history(session, n, min(signups))
        session.execute(insert(EventRow.__table__), [{
            "customer_id": f"c{i:06d}", "type": "signup", "at": signups[i], "properties": {},
            "received_at": now} for i in range(n)])
        journeys_repo.import_journey(session, JOURNEY)
        journeys_repo.publish(session, JOURNEY["name"])
        session.execute(update(JourneyVersion).values(published_at=live_since))
    return db


def durable(folder: Path, n: int, workers: int, history: bool, idle: float) -> dict[str, Any]:
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    db = make_shop(folder / f"durable-{workers}.sqlite", n, [t0] * n, t0 - timedelta(days=1), history)
    clock = FakeClock(t0)
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False, workers=workers))
    started = time.perf_counter()
    inbox = session.poll()
    inbox_s = time.perf_counter() - started
    clock.set(t0 + timedelta(days=1))
    note = before_run(idle)
    with measured() as took:
        due = session.poll()
    due_s, due_cpu = took.wall, took.cpu
    session.close()
    from storage import session_repo

    with db.read() as s:
        counts = session_repo.outbox_counts(s)
    assert counts.get("queued") == n, counts
    # The outbox's own state machine (claim → send → record, two commits a message) with a
    # channel that accepts at once: what delivery costs besides the SMTP conversation.
    from app.session.outbox import ChannelSet as Channels
    from app.session.outbox import Deliverer
    from engine.channels.base import SendResult

    class Null:
        def send(self, msg: Any) -> SendResult:
            return SendResult("sent", "", provider_id=msg.message_key)

        def close(self) -> None:
            pass

    deliverer = Deliverer(db, Channels({"email": Null()}))
    journey_id = next(iter(session.journeys))
    sample = min(n, 10_000)
    started = time.perf_counter()
    sent = 0
    while sent < sample:
        sent += deliverer.deliver(clock.now(), {journey_id: ("send_now", None)}, lambda: False,
                                  limit=min(500, sample - sent)).sent
    deliver_s = time.perf_counter() - started
    db.close()
    return {"workers": workers, "customers": n, "note": note, "inbox_events": inbox.events, "inbox_steps": inbox.steps, "inbox_s": inbox_s,
            "due_steps": due.steps, "due_s": due_s, "due_cpu_s": due_cpu, "queued": counts.get("queued"),
            "steps_per_s": due.steps / due_s, "inbox_steps_per_s": inbox.steps / inbox_s,
            "delivered": sent, "deliver_s": deliver_s}


# -- the naive design ---------------------------------------------------------------------------
_NAIVE: dict[str, Any] = {}


def _naive_count(steps: int, finished: bool) -> None:
    with _NAIVE["lock"]:
        _NAIVE["steps"] += steps
        _NAIVE["jobs"] += 1
        if finished:
            _NAIVE["done"] += 1
            if _NAIVE["done"] == _NAIVE["expected"]:
                _NAIVE["finished"].set()


def naive_step(customer_id: str, state: dict[str, Any], version_id: int, journey_id: int) -> None:
    """One job: load the customer, restore the run the job carries, take steps, write, commit.

    `per_step` (the design the issue names: one job per customer step) takes one piece of work
    and schedules the customer's next step as a new job carrying the new state; otherwise the
    job runs the customer up to now (one job per wake-up, a kinder variant).
    """
    from engine.profile import parse_profile
    from engine.runstate import restore, snapshot
    from storage.models import OutboxRow
    from storage.profiles_repo import customer_profile

    db: Database = _NAIVE["db"]
    compiled, options, now = _NAIVE["compiled"], _NAIVE["options"], _NAIVE["now"]
    with db.transaction() as session:
        profile = parse_profile(customer_profile(session, customer_id))
        run = restore(compiled, profile, state, options)
        if _NAIVE["per_step"]:
            run.process_next(now)
        else:
            run.run_until(now)
        for step in run.steps:
            if step.type == "message" and step.event == "sent":
                session.add(OutboxRow(journey_id=journey_id, version_id=version_id, customer_id=customer_id,
                                      enrollment_id=_NAIVE["enrollments"][customer_id], node_id=step.node,
                                      visit=step.visit, channel="email", status="queued", due_at=step.at,
                                      next_attempt_at=now, payload=dict(step.content or {})))
        new_state = snapshot(run)
        due = run.next_due()
    if _NAIVE["per_step"] and due is not None and due <= now:
        _NAIVE["scheduler"].add_job(naive_step, "date", run_date=datetime.now(UTC),
                                    args=[customer_id, new_state, version_id, journey_id],
                                    id=f"step-{customer_id}-{_NAIVE['jobs']}", misfire_grace_time=None)
        _naive_count(len(run.steps), False)
    else:
        _naive_count(len(run.steps), True)


def naive(folder: Path, m: int, *, per_step: bool, careful: bool, idle: float) -> dict[str, Any]:
    """M customers waiting as M jobs in a SQLAlchemyJobStore, all due at one moment; `careful`:
    the job store's file in WAL mode and one thread, as a user who read the docs would run it."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from sqlalchemy import select

    from engine.compiled import CompiledJourney
    from engine.shop_options import run_options
    from storage.models import EnrollmentRow, RunStateRow, SessionCursorRow
    from storage.session_repo import RUNS

    # The same waiting customers as the durable design: made by the session's inbox, then
    # handed to the job store (one job each, carrying the run) instead of the state table.
    name = ("per-step" if per_step else "per-wakeup") + ("-careful" if careful else "")
    real_now = datetime.now(UTC)
    t0 = real_now - timedelta(days=1)
    db = make_shop(folder / f"naive-{name}.sqlite", m, [t0] * m, t0 - timedelta(hours=1))
    session = SendingSession(db, ChannelSet(), clock=FakeClock(t0), config=SessionConfig(deliver=False))
    session.poll()
    session.close()
    with db.transaction() as s:
        rows = s.execute(select(RUNS.c.customer_id, RUNS.c.state, RUNS.c.version_id, RUNS.c.journey_id)).all()
        s.execute(RunStateRow.__table__.delete())
        s.execute(update(SessionCursorRow).values(owner=None))
        enrollments = dict(s.execute(select(EnrollmentRow.customer_id, EnrollmentRow.id)).all())
        version = s.get(JourneyVersion, rows[0].version_id)
        journey = journeys_repo.load_version(s, version.id)
    jobs_file = folder / f"jobs-{name}.sqlite"
    executors = {}
    if careful:
        import sqlite3

        from apscheduler.executors.pool import ThreadPoolExecutor

        with sqlite3.connect(jobs_file) as conn:  # WAL is a property of the file: set once, kept
            conn.execute("PRAGMA journal_mode=WAL")
        executors = {"default": ThreadPoolExecutor(1)}
    store = SQLAlchemyJobStore(url=f"sqlite:///{jobs_file}")
    scheduler = BackgroundScheduler(jobstores={"default": store}, executors=executors, timezone=UTC)
    _NAIVE.update(db=db, compiled=CompiledJourney(journey), options=run_options(), steps=0, done=0,
                  jobs=0, expected=len(rows), lock=threading.Lock(), finished=threading.Event(),
                  enrollments=enrollments, per_step=per_step, scheduler=scheduler)
    scheduler.start(paused=True)
    # Every job falls due at one moment; the scheduler is paused while they are added (a moment
    # in the past is due at once, and misfire_grace_time=None runs it however late).
    due_at = datetime.now(UTC)
    _NAIVE["now"] = t0 + timedelta(days=1)
    started = time.perf_counter()
    for row in rows:
        scheduler.add_job(naive_step, "date", run_date=due_at, args=[row.customer_id, row.state, row.version_id,
                                                                   row.journey_id],
                          id=f"step-{row.customer_id}", misfire_grace_time=None)
    add_s = time.perf_counter() - started
    note = before_run(idle)
    with measured() as took:
        scheduler.resume()
        finished = _NAIVE["finished"].wait(3600)
    elapsed = took.wall
    scheduler.shutdown(wait=True)
    db.close()
    assert finished, "the naive run did not finish"
    return {"customers": m, "jobs_added_s": add_s, "steps": _NAIVE["steps"], "jobs": _NAIVE["jobs"],
            "elapsed_s": elapsed, "cpu_s": took.cpu, "note": note, "steps_per_s": _NAIVE["steps"] / elapsed}


# -- lateness and restart --------------------------------------------------------------------
def lateness(folder: Path, n: int, window: float, lead: float) -> dict[str, Any]:
    from apscheduler.schedulers.background import BackgroundScheduler

    from app.session.scheduler import PollScheduler

    start_of_window = datetime.now(UTC) + timedelta(seconds=lead)
    offsets = [window * i / n for i in range(n)]
    signups = [start_of_window - timedelta(days=1) + timedelta(seconds=o) for o in offsets]
    path = folder / "lateness.sqlite"
    db = make_shop(path, n, signups, signups[0] - timedelta(hours=1))
    setup = SendingSession(db, ChannelSet(), clock=SystemClock(), config=SessionConfig(deliver=False))
    setup.poll()  # the inbox: every customer now waits at the delay
    setup.close()
    db.close()
    waiting_at = datetime.now(UTC)

    # Restart with N waiting: open, take the lease, first wake-up.
    t = time.perf_counter()
    db = open_database(path)
    probe = SendingSession(db, ChannelSet(), config=SessionConfig(deliver=False))
    probe.poll()
    restart_s = time.perf_counter() - t
    probe.close()
    db.close()
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "--db", str(path), "--smtp", "127.0.0.1:9",
                             "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    proc.stdout.readline()
    process_s = time.perf_counter() - t
    proc.terminate()
    proc.wait(30)
    late: list[float] = []
    lock = threading.Lock()
    db = open_database(path)
    session = SendingSession(db, ChannelSet(), config=SessionConfig(deliver=False))

    def on_step(_journey: int, _customer: str, step: Any) -> None:
        if step.type == "condition":
            with lock:
                late.append((datetime.now(UTC) - step.at).total_seconds())

    session.on_step = on_step
    scheduler = BackgroundScheduler(timezone=UTC)
    poller = PollScheduler(session, scheduler)
    session.start()
    scheduler.start()
    poller.start()
    end = start_of_window + timedelta(seconds=window + 10)
    while datetime.now(UTC) < end and len(late) < n:
        time.sleep(0.2)
    session.request_stop()
    scheduler.shutdown(wait=True)
    session.close()
    db.close()
    late.sort()
    q = statistics.quantiles(late, n=100) if len(late) > 1 else [0.0] * 99
    return {"customers": n, "window_s": window, "steps_timed": len(late), "setup_done_before_window_s":
            (start_of_window - waiting_at).total_seconds(), "p50_s": q[49], "p99_s": q[98], "max_s": late[-1],
            "restart_in_process_s": restart_s, "restart_process_s": process_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=10_000)
    parser.add_argument("--window", type=float, default=30.0, help="seconds over which due moments spread")
    parser.add_argument("--workers", type=int, nargs="+", default=[default_workers()],
                        help="worker processes beside the session, one run each (default: what "
                             "`journey-builder run` uses; `--workers 0 1` measures one process and two)")
    parser.add_argument("--history", choices=["realistic", "minimal"], default="realistic",
                        help="customers with a demo shop's year of history (default) or the signup alone")
    parser.add_argument("--skip", nargs="*", default=[], choices=["durable", "naive", "lateness"])
    add_idle_option(parser)
    args = parser.parse_args()
    header()
    history = args.history == "realistic"
    with tempfile.TemporaryDirectory(prefix="jb-bench-") as tmp:
        folder = Path(tmp)
        d = None
        if "durable" not in args.skip:
            for workers in args.workers:
                d = durable(folder, args.customers, workers, history, args.wait_idle)
                print(f"durable ({args.history} history; session + {d['workers']} worker process(es)): "
                      f"{d['customers']:,} customers due at one moment: {d['due_steps']:,} steps in "
                      f"{d['due_s']:.2f} s wall, session's CPU {d['due_cpu_s']:.2f} s"
                      f" = {d['steps_per_s']:,.0f} steps/s; {d['queued']:,} emails queued in the outbox [{d['note']}]")
            assert d is not None
            print(f"outbox delivery with a null channel: {d['delivered']:,} messages in {d['deliver_s']:.2f} s = "
                  f"{d['delivered'] / d['deliver_s']:,.0f} messages/s (claim and record: two commits each)")
            print(f"durable inbox: {d['inbox_events']:,} signup events → {d['inbox_steps']:,} steps in "
                  f"{d['inbox_s']:.2f} s = {d['inbox_steps_per_s']:,.0f} steps/s")
        if "naive" not in args.skip:
            for per_step in (True, False):
                label = ("one APScheduler job per customer step" if per_step
                         else "one APScheduler job per customer wake-up")
                for careful in (False, True):
                    result = naive(folder, args.naive, per_step=per_step, careful=careful, idle=args.wait_idle)
                    how = "WAL, 1 thread" if careful else "rollback journal, 10 threads"
                    ratio = f"; ratio durable / this: {d['steps_per_s'] / result['steps_per_s']:.0f}×" if d else ""
                    print(f"naive ({label}, SQLAlchemyJobStore, {how}): {result['customers']:,} customers: "
                          f"{result['steps']:,} steps in {result['jobs']:,} jobs, {result['elapsed_s']:.2f} s wall, "
                          f"CPU {result['cpu_s']:.2f} s = {result['steps_per_s']:,.0f} steps/s{ratio} "
                          f"[{result['note']}]")
        if "lateness" not in args.skip:
            lead = 15 + args.customers / 4000
            la = lateness(folder, args.customers, args.window, lead)
            print(f"lateness: {la['customers']:,} waiting, due over {la['window_s']:.0f} s, poll interval 1 s: "
                  f"p50 {la['p50_s']:.3f} s, p99 {la['p99_s']:.3f} s, max {la['max_s']:.3f} s "
                  f"({la['steps_timed']:,} steps timed; set-up finished {la['setup_done_before_window_s']:.1f} s "
                  "before the first was due)")
            print(f"restart with {la['customers']:,} waiting: first wake-up done {la['restart_in_process_s']:.2f} s "
                  f"after opening the database; `journey-builder run` ready {la['restart_process_s']:.2f} s "
                  "after launch (new process)")


if __name__ == "__main__":
    main()
