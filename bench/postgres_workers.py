"""Workers on PostgreSQL against the SQLite path: one big backlog, 1, 2 and 4 `run` processes.

    .venv/bin/python bench/postgres_workers.py [--customers 1000000] [--workers 1,2,4] [--repeat 3]
                                               [--sqlite 1,2] [--kill 2] [--batch 2000]

N customers (default one million) signed up and wait at the P1D delay of a welcome journey
(signup → wait P1D → consent? → email), their runs in `run_state`. The journey is paused while
the worker processes start; the benchmark then resumes it, and from that moment the whole
backlog is due. Measured per configuration, from the database afterwards:

- steps per second: engine steps (the delay ending, the condition, the email) of all processes
  together, over the time from the resume to the last run written;
- lateness: for each customer, the moment their run was written minus the moment it fell due
  (the resume): p50, p99 and max. A whole backlog due at once is the hardest case (a campaign's
  send time, the app reopened after a weekend): p99 is how long the last customers wait.

Configurations: PostgreSQL with K `journey-builder run` processes (workers claiming batches with
FOR UPDATE SKIP LOCKED), and the SQLite path: `run --workers 0` (one process) and `run
--workers 1` (the session and its worker process sharing the backlog by id modulo 2). Every
round starts from the same seeded database (a PostgreSQL template, a copy of the SQLite file),
and each configuration is run `--repeat` times, interleaved, so a noisy minute on a shared
machine hits all of them alike; the report gives each round and the median.

Then the crash check: `--kill` K workers on PostgreSQL, one of them SIGKILLed in the middle of
the backlog (mid-batch: its claimed rows roll back); afterwards every customer has exactly one
email queued, one enrollment, and no run is left due.

Messages are queued, not sent (`run --queue-only`): delivery is the lease holder's alone and
bound by the mail provider's rate, not by the workers (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
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
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import pg_server  # noqa: E402 - tests/ is on the path: the same throwaway server the tests use
from machine_info import cpu_model  # noqa: E402
from sqlalchemy import func, insert, select, update  # noqa: E402

from app.session.outbox import ChannelSet  # noqa: E402
from app.session.session import FakeClock, SendingSession, SessionConfig  # noqa: E402
from storage import journeys_repo  # noqa: E402
from storage.database import Database, open_database  # noqa: E402
from storage.models import (  # noqa: E402
    CustomerRow,
    EnrollmentRow,
    EventRow,
    JourneyVersion,
    OutboxRow,
    RunStateRow,  # noqa: E402
)

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
CHUNK = 50_000


def log(text: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {text}", flush=True)


# -- seeding ---------------------------------------------------------------------------------------
def seed(db: Database, n: int, signup: datetime) -> float:
    """N customers with a signup a day before `signup + 1 day`, the journey live, and the inbox
    read by a session (so every run waits at the delay); the journey is left paused."""
    now = datetime.now(UTC)
    started = time.perf_counter()
    with db.transaction() as session:
        for lo in range(0, n, CHUNK):
            ids = range(lo, min(n, lo + CHUNK))
            session.execute(insert(CustomerRow.__table__), [{
                "id": f"c{i:07d}", "email": f"c{i}@example.org", "first_name": f"Kim{i}",
                "timezone": "Europe/Berlin", "tags": [], "properties": {}, "consent_email": True,
                "consent_sms": False, "consent_push": False, "email_bounced": False, "sms_bounced": False,
                "created_at": now, "updated_at": now} for i in ids])
            session.execute(insert(EventRow.__table__), [{
                "customer_id": f"c{i:07d}", "type": "signup", "at": signup, "properties": {},
                "received_at": now} for i in ids])
        journeys_repo.import_journey(session, JOURNEY)
        journeys_repo.publish(session, JOURNEY["name"])
        session.execute(update(JourneyVersion).values(published_at=signup - timedelta(hours=1)))
    session_ = SendingSession(db, ChannelSet(), clock=FakeClock(signup), config=SessionConfig(deliver=False))
    report = session_.poll()
    session_.close()
    assert report.events == n, report
    with db.transaction() as session:
        journeys_repo.pause(session, JOURNEY["name"])
    return time.perf_counter() - started


# -- one round ---------------------------------------------------------------------------------------
def start_runs(target: str, processes: int, extra: tuple[str, ...], folder: Path) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = []
    readies = []
    for i in range(processes):
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "--db", target, "--queue-only", "--quiet",
                                 "--http-port", "0", "--catcher", str(folder / f"caught{i}"), *extra],
                                cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        ready = threading.Event()
        lines: list[str] = []

        def read(p: subprocess.Popen[str] = proc, r: threading.Event = ready, out: list[str] = lines) -> None:
            assert p.stdout is not None
            for line in p.stdout:
                out.append(line.rstrip())
                if line.startswith("sending session on"):
                    r.set()

        threading.Thread(target=read, daemon=True).start()
        procs.append(proc)
        readies.append((ready, lines))
    for ready, lines in readies:
        if not ready.wait(120):
            raise SystemExit(f"a `run` did not start: {lines}")
    time.sleep(1.5)  # past their first wake-up: all of them poll the paused shop
    return procs


def stop_runs(procs: list[subprocess.Popen[str]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def due_left(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(RunStateRow)
                            .where(RunStateRow.next_due.is_not(None))) or 0)


def round_(db: Database, target: str, processes: int, extra: tuple[str, ...], n: int, folder: Path,
           kill_after: float | None = None) -> dict[str, Any]:
    procs = start_runs(target, processes, extra, folder)
    killed = False
    try:
        resumed = datetime.now(UTC)
        with db.transaction() as s:
            journeys_repo.resume(s, JOURNEY["name"])
        t0 = time.monotonic()
        while due_left(db):
            if kill_after is not None and not killed and time.monotonic() - t0 > kill_after:
                victim = procs[-1]  # a worker, not the lease holder (the first to start): mid-batch
                victim.send_signal(signal.SIGKILL)
                victim.wait(10)
                killed = True
                log(f"  SIGKILLed worker pid {victim.pid} after {kill_after:.1f} s")
            if time.monotonic() - t0 > 3600:
                raise SystemExit("the backlog was not done within an hour")
            time.sleep(0.25)
    finally:
        stop_runs(procs)
    with db.read() as s:
        written = [row[0] for row in s.execute(select(RunStateRow.updated_at))]
        outbox = s.scalar(select(func.count()).select_from(OutboxRow)) or 0
        customers = s.scalar(select(func.count(func.distinct(OutboxRow.customer_id)))) or 0
        enrollments = s.scalar(select(func.count()).select_from(EnrollmentRow)) or 0
    late = sorted((w - resumed).total_seconds() for w in written)
    wall = late[-1]
    steps = 3 * n  # the delay ending, the condition, the email: checked below by the outbox
    assert outbox == n and customers == n and enrollments == n, (outbox, customers, enrollments)
    return {"processes": processes, "wall_s": wall, "steps": steps, "steps_per_s": steps / wall,
            "p50_s": late[len(late) // 2], "p99_s": late[int(len(late) * 0.99) - 1], "max_s": wall,
            "killed": killed, "outbox": outbox, "enrollments": enrollments}


def steps_per_customer(folder: Path) -> int:
    """Checks the 3 steps a customer takes at the wake-up, on a small shop in one process."""
    db = open_database(folder / "steps.sqlite")
    signup = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    seed(db, 10, signup)
    with db.transaction() as s:
        journeys_repo.resume(s, JOURNEY["name"])
    clock = FakeClock(signup + timedelta(days=1, seconds=1))
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False))
    report = session.poll()
    session.close()
    db.close()
    return report.steps // 10


# -- the whole benchmark ---------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--workers", default="1,2,4", help="PostgreSQL worker processes per configuration")
    parser.add_argument("--sqlite", default="1,2", help="SQLite processes (1: --workers 0, 2: --workers 1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--kill", type=int, default=2, help="workers in the SIGKILL round (0: no such round)")
    parser.add_argument("--keep", metavar="DIR", help="keep the databases in DIR (default: a temporary folder)")
    args = parser.parse_args()
    n = args.customers
    pg_counts = [int(x) for x in args.workers.split(",") if x]
    sqlite_counts = [int(x) for x in args.sqlite.split(",") if x]
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jb-pgbench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; {n:,} customers; batch {args.batch}; "
          f"repeat {args.repeat}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    per = steps_per_customer(folder)
    assert per == 3, per
    signup = datetime.now(UTC) - timedelta(days=1, minutes=5)  # their P1D ends 5 minutes ago: all due

    server_dir = folder / "postgres"
    url = pg_server.start(server_dir, durable=True)
    results: dict[str, list[dict[str, Any]]] = {}
    try:
        pg_server.wait_ready(url)
        seed_url = pg_server.create_database(url, "jb_seed")
        seed_db = open_database(seed_url)
        log(f"seeding PostgreSQL with {n:,} waiting customers …")
        log(f"  done in {seed(seed_db, n, signup):.0f} s")
        seed_db.close()
        sqlite_seed = folder / "seed.sqlite"
        if sqlite_counts:
            log(f"seeding SQLite with {n:,} waiting customers …")
            lite = open_database(sqlite_seed)
            log(f"  done in {seed(lite, n, signup):.0f} s")
            lite.close()
            with sqlite3.connect(sqlite_seed) as raw:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        configs: list[tuple[str, int]] = [("postgresql", k) for k in pg_counts] + \
            [("sqlite", k) for k in sqlite_counts]
        for rep in range(args.repeat):
            for kind, k in configs:
                label = f"{kind} x{k}"
                log(f"round {rep + 1}/{args.repeat}: {label}")
                if kind == "postgresql":
                    target = _pg_copy(url, "jb_seed", "jb_round")
                    extra: tuple[str, ...] = ("--batch", str(args.batch))
                else:
                    work = folder / "round.sqlite"
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{work}{suffix}").unlink(missing_ok=True)
                    shutil.copyfile(sqlite_seed, work)
                    target = str(work)
                    extra = ("--batch", str(args.batch), "--workers", str(k - 1), "--share-from", "1")
                db = open_database(target)
                try:
                    result = round_(db, target, 1 if kind == "sqlite" else k, extra, n, folder)
                finally:
                    db.close()
                results.setdefault(label, []).append(result)
                log(f"  {result['steps_per_s']:,.0f} steps/s, wall {result['wall_s']:.1f} s, "
                    f"p50 {result['p50_s']:.1f} s, p99 {result['p99_s']:.1f} s")

        if args.kill:
            log(f"crash round: postgresql x{args.kill}, one worker SIGKILLed mid-backlog")
            target = _pg_copy(url, "jb_seed", "jb_round")
            db = open_database(target)
            try:
                solo = statistics.median(r["wall_s"] for r in results.get(f"postgresql x{args.kill}", [])) \
                    if results.get(f"postgresql x{args.kill}") else 20.0
                crash = round_(db, target, args.kill, ("--batch", str(args.batch)), n, folder,
                               kill_after=max(2.0, solo / 3))
            finally:
                db.close()
            log(f"  killed={crash['killed']}: outbox {crash['outbox']:,} messages for {n:,} customers, "
                f"{crash['enrollments']:,} enrollments, no run left due: nothing lost, nothing twice")
    finally:
        pg_server.stop(server_dir)

    print("\n| configuration | steps/s (median) | rounds | wall (median) | p50 lateness | p99 lateness |")
    print("|---|---|---|---|---|---|")
    for label, rounds in results.items():
        med = statistics.median(r["steps_per_s"] for r in rounds)
        each = ", ".join(f"{r['steps_per_s']:,.0f}" for r in rounds)
        print(f"| {label} | {med:,.0f} | {each} | "
              f"{statistics.median(r['wall_s'] for r in rounds):.1f} s | "
              f"{statistics.median(r['p50_s'] for r in rounds):.1f} s | "
              f"{statistics.median(r['p99_s'] for r in rounds):.1f} s |")
    one = results.get("postgresql x1")
    two = results.get("postgresql x2")
    if one and two:
        ratios = [b["steps_per_s"] / a["steps_per_s"] for a, b in zip(one, two, strict=True)]
        print(f"\nPostgreSQL 2 workers / 1 worker, per repetition (side by side): "
              f"{', '.join(f'{r:.2f}x' for r in ratios)}; median {statistics.median(ratios):.2f}x")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


def _pg_copy(url: str, template: str, name: str) -> str:
    """A fresh database from the seeded one (PostgreSQL copies the template's files)."""
    import psycopg

    with psycopg.connect(pg_server.libpq_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return pg_server.with_database(url, name)


if __name__ == "__main__":
    main()
