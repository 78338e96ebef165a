"""A big backlog shared with a worker process ends exactly as one process ends it, and a batch
whose runs changed between reading and writing is read again rather than written stale."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from session_helpers import T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import func, select, text, update

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import PollReport, SessionConfig
from storage import session_repo, workers_repo
from storage.history_repo import add_event
from storage.jsoncodec import dumps
from storage.models import OutboxRow, RunStateRow, SessionCursorRow

LIVE = T("2026-03-01T00:00:00Z")
SIGNUP = T("2026-03-02T09:00:00Z")
CUSTOMERS = 240


def shop(path):
    db = make_db(path, customers=CUSTOMERS)
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, LIVE)
    with db.transaction() as s:
        for i in range(1, CUSTOMERS + 1):
            add_event(s, f"c{i}", "signup", SIGNUP)
    return db


def outbox(db) -> list[tuple[str, str, str, str]]:
    with db.read() as s:
        return sorted((r.customer_id, r.node_id, r.status, r.payload.get("subject", ""))
                      for r in s.scalars(select(OutboxRow)))


def run_two_days(db, **config) -> PollReport:
    clock = FakeClock(SIGNUP)
    session = SendingSession(db, ChannelSet(), clock=clock,
                             config=SessionConfig(deliver=False, batch=50, **config))
    try:
        session.poll()  # signups: the first email, then every run waits a day
        clock.advance(timedelta(days=1, minutes=1))
        return session.poll()  # the whole backlog falls due at once
    finally:
        session.close()


def test_a_backlog_shared_with_a_worker_ends_as_one_process_ends_it(tmp_path) -> None:
    alone_db, shared_db = shop(tmp_path / "alone.sqlite"), shop(tmp_path / "shared.sqlite")
    try:
        alone = run_two_days(alone_db)
        shared = run_two_days(shared_db, workers=1, share_from=10)
        assert (alone.worker_shares, shared.worker_shares) == (0, 1)
        assert (shared.runs, shared.steps, shared.queued) == (alone.runs, alone.steps, alone.queued)
        assert shared.queued == CUSTOMERS  # "Day two" for each
        assert outbox(shared_db) == outbox(alone_db)
        assert len(outbox(shared_db)) == 2 * CUSTOMERS
        assert waiting(shared_db) == 0
    finally:
        alone_db.close()
        shared_db.close()


def test_runs_changed_after_reading_make_the_batch_read_again(tmp_path, monkeypatch) -> None:
    db = shop(tmp_path / "shop.sqlite")
    clock = FakeClock(SIGNUP)
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False, batch=100))
    session.poll()
    clock.advance(timedelta(days=1, minutes=1))
    advance = session._advance
    touched: list[int] = []

    def advance_then_touch(work, now, elsewhere):
        advance(work, now, elsewhere)
        if not touched:  # another writer (a publish, an erase) changes a row of this batch meanwhile
            touched.append(work[0].record.id)
            with db.transaction() as s:
                s.execute(update(RunStateRow).where(RunStateRow.id == touched[0])
                          .values(updated_at=T("2026-03-03T00:00:00Z")))

    monkeypatch.setattr(session, "_advance", advance_then_touch)
    report = PollReport()
    session._refresh(clock.now())
    session._due_share(clock.now(), report, session._active_versions(), (0, 1))
    session.close()
    assert touched and report.queued == CUSTOMERS  # the first batch was counted once, not twice
    rows = outbox(db)
    assert len(rows) == 2 * CUSTOMERS and len(set(rows)) == len(rows)


def test_a_stale_write_is_refused_as_a_whole(tmp_path) -> None:
    db = shop(tmp_path / "shop.sqlite")
    SendingSession(db, ChannelSet(), clock=FakeClock(SIGNUP), config=SessionConfig(deliver=False)).poll()
    with db.read() as s:
        records = session_repo.due_runs(s, SIGNUP + timedelta(days=2), [1], limit=5)
    with db.transaction() as s:  # the customer of the last one was erased meanwhile
        s.execute(RunStateRow.__table__.delete().where(RunStateRow.id == records[-1].id))
    with pytest.raises(session_repo.RunsChanged), db.transaction() as s:
        session_repo.write_runs(s, [{"id": r.id, "state": dumps(r.state), "next_due": None, "stamp": r.stamp}
                                    for r in records], [], [], checked=True)
    with db.read() as s:  # nothing of the refused batch was written
        assert s.scalar(select(func.count()).select_from(RunStateRow)
                        .where(RunStateRow.next_due.is_(None))) == 0
    db.close()


def sharing_session(db, clock: FakeClock) -> SendingSession:
    """A session that shares any backlog of ten or more runs with one worker process."""
    return SendingSession(db, ChannelSet(), clock=clock,
                          config=SessionConfig(deliver=False, batch=50, workers=1, share_from=10))


def waiting(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(RunStateRow).where(RunStateRow.next_due.is_not(None)))


def _worker_stopping() -> bool:
    """Run in a worker process: whether its session has been asked to stop."""
    from app.session import workers

    return workers._SESSION is not None and workers._SESSION.stopping


def test_stopping_the_session_stops_the_workers_share_too(tmp_path) -> None:
    db = shop(tmp_path / "shop.sqlite")
    clock = FakeClock(SIGNUP)
    session = sharing_session(db, clock)
    try:
        session.poll()
        clock.advance(timedelta(days=1, minutes=1))
        session.request_stop()
        assert session.workers is not None
        deadline = time.monotonic() + 20  # the worker's watcher sees the stop
        while not session.workers._pool.submit(_worker_stopping).result(20) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert session.workers._pool.submit(_worker_stopping).result(20)
        report = PollReport()
        session._due(clock.now(), report)
        assert report.worker_shares == 1 and report.steps == 0  # neither share took a batch
    finally:
        session.close()
    assert waiting(db) == CUSTOMERS  # nothing was lost: every run still waits to be advanced
    db.close()


def test_a_worker_that_dies_leaves_its_share_to_the_session(tmp_path) -> None:
    db = shop(tmp_path / "shop.sqlite")
    clock = FakeClock(SIGNUP)
    session = sharing_session(db, clock)
    try:
        session.poll()
        assert session.workers is not None
        pids = [future.result(30) for future in session.workers._warm]
        for pid in pids:
            os.kill(pid, signal.SIGKILL)  # the worker dies (out of memory, killed by the user)
        clock.advance(timedelta(days=1, minutes=1))
        report = session.poll()
        assert report.worker_shares == 0 and report.queued == CUSTOMERS  # all done in one process
        assert session.workers is None  # and the session carries on without a worker
    finally:
        session.close()
    assert len(outbox(db)) == 2 * CUSTOMERS
    db.close()


def test_a_worker_starts_while_the_session_holds_the_write_lock(tmp_path) -> None:
    """The session may hold the write lock batch after batch (a big inbox) while its worker
    starts; the worker must not need it to open the database."""
    import sqlite3

    db = shop(tmp_path / "shop.sqlite")
    session = sharing_session(db, FakeClock(SIGNUP))
    session.start()
    holder = sqlite3.connect(db.path, timeout=1)
    try:
        holder.execute("BEGIN IMMEDIATE")  # longer than the worker's busy timeout would wait
        assert session.workers is not None
        pids = [future.result(60) for future in session.workers._warm]
        assert pids and holder.in_transaction  # the workers came up while the lock was held
    finally:
        holder.rollback()
        holder.close()
        session.close()
        db.close()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="no /proc to find the worker process in")
def test_ctrl_c_stops_run_and_its_worker_without_a_traceback(tmp_path) -> None:
    """Ctrl+C in a terminal sends SIGINT to the whole process group, worker included."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    db = shop(tmp_path / "shop.sqlite")
    db.close()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "--db", str(tmp_path / "shop.sqlite"),
                             "--catcher", str(tmp_path / "caught"), "--workers", "1", "--http-port", "0"],
                            cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("sending session on"), first
        deadline = time.monotonic() + 20
        while len(_children(proc.pid)) < 1 and time.monotonic() < deadline:  # the worker is up
            time.sleep(0.05)
        assert _children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, out
    assert "Traceback" not in out and "KeyboardInterrupt" not in out, out
    assert out.rstrip().endswith("sending session stopped")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


# -- PostgreSQL: workers beside the session, claiming batches with SKIP LOCKED ---------------------
def pg_session(db, clock: FakeClock, **config) -> SendingSession:
    return SendingSession(db, ChannelSet(), clock=clock,
                          config=SessionConfig(deliver=False, batch=20, join=True, **config))


def test_on_postgresql_workers_share_a_backlog_and_end_as_one_process_ends_it(tmp_path, postgres_url) -> None:
    alone_db, shared_db = shop(tmp_path / "alone.sqlite"), shop(postgres_url)
    try:
        alone = run_two_days(alone_db)
        clock = FakeClock(SIGNUP)
        first, second, third = (pg_session(shared_db, clock) for _ in range(3))
        try:
            first.poll()  # the session: signups, the first email; every run then waits a day
            second.start()
            third.start()
            assert (first.leader, second.leader, third.leader) == (True, False, False)
            clock.advance(timedelta(days=1, minutes=1))
            # Two workers claim batches side by side while the session does too.
            barrier = threading.Barrier(3)
            reports: dict[int, PollReport] = {}

            def poll(i: int, s: SendingSession) -> None:
                barrier.wait()
                reports[i] = s.poll()

            threads = [threading.Thread(target=poll, args=(i, s)) for i, s in enumerate((first, second, third))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
            batches = [s.batches for s in (first, second, third)]
            with shared_db.read() as s:
                rows = {w.owner: w for w in workers_repo.workers(s, clock.now())}
        finally:
            for s in (first, second, third):
                s.close()
        total = PollReport()
        for r in reports.values():
            total.add(r)
        assert (total.runs, total.steps, total.queued) == (alone.runs, alone.steps, alone.queued)
        assert outbox(shared_db) == outbox(alone_db)
        assert waiting(shared_db) == 0
        assert sum(batches) >= CUSTOMERS // 20 and sum(b > 0 for b in batches) >= 2, batches
        assert [w.role for w in rows.values()].count("session") == 1 and len(rows) == 3
    finally:
        alone_db.close()
        shared_db.close()


def test_on_postgresql_a_worker_takes_the_session_over_when_its_holder_dies(postgres_url) -> None:
    db = shop(postgres_url)
    clock = FakeClock(SIGNUP)
    holder, worker = pg_session(db, clock), pg_session(db, clock)
    try:
        holder.poll()
        worker.start()
        assert not worker.leader
        with db.transaction() as s:  # a signup arrives: only the lease holder reads the inbox
            add_event(s, "c1", "signup", SIGNUP)
        assert worker.poll().events == 0 and not worker.leader
        # The holder dies without a word (its heartbeat stops, on another machine): after the
        # grace the worker takes the lease and reads the inbox from where the holder left it.
        holder._stop.set()
        holder.started = False
        clock.advance(timedelta(seconds=workers_repo.STALE_AFTER + 1))
        with db.transaction() as s:
            s.execute(update(SessionCursorRow).values(owner="elsewhere:1:dead"))
        report = worker.poll()
        assert worker.leader and report.events == 1
    finally:
        worker.close()
        db.close()


def test_on_postgresql_run_refuses_the_sqlite_worker_pool(postgres_url, capsys) -> None:
    from app.cli import main

    db = shop(postgres_url)
    db.close()
    assert main(["run", "--db", postgres_url, "--workers", "2"]) == 2
    assert "start more `journey-builder run` processes" in capsys.readouterr().err


def test_on_postgresql_a_resume_and_a_stopped_session_wake_the_workers_at_once(postgres_url) -> None:
    """LISTEN/NOTIFY: a resumed journey's backlog is due for every worker, and a session that
    stops cleanly frees its lease for a worker to take, without waiting for their next poll."""
    from storage import journeys_repo

    db = shop(postgres_url)
    clock = FakeClock(SIGNUP)
    holder, worker = pg_session(db, clock), pg_session(db, clock)
    woken = threading.Event()
    try:
        holder.poll()
        worker.start()
        worker.wake = woken.set
        assert worker._listener is not None and worker._listener.listening.wait(60)
        with db.transaction() as s:
            journeys_repo.pause(s, "Welcome")
        with db.transaction() as s:
            journeys_repo.resume(s, "Welcome")
        assert woken.wait(60), "a resume did not wake the worker"
        woken.clear()
        worker.poll()
        assert not worker.leader
        holder.close()
        assert woken.wait(60), "the session's stop did not wake the worker"
        worker.poll()
        assert worker.leader
        with db.read() as s:
            assert session_repo.lease_holder(s) == worker.owner
    finally:
        holder.close()
        worker.close()
        db.close()


def test_on_postgresql_a_worker_does_not_wait_for_the_holders_inbox_batch(postgres_url) -> None:
    """The holder keeps the cursor row locked while it writes an inbox batch; a worker's look at
    the lease reads it without a lock (a lock would wait here until the timeout, and fail)."""
    db = shop(postgres_url)
    clock = FakeClock(SIGNUP)
    holder = pg_session(db, clock)
    try:
        holder.poll()
        with db.transaction() as writing:
            assert session_repo.claim_inbox(writing, holder.owner) is not None  # the row is locked now
            with db.transaction() as looking:
                looking.execute(text("SET LOCAL lock_timeout = '5s'"))
                assert not session_repo.keep_or_take(looking, "elsewhere:1:worker", clock.now())
    finally:
        holder.close()
        db.close()


def test_on_sqlite_a_new_session_forgets_the_rows_of_dead_ones(tmp_path) -> None:
    """One session per SQLite file: a row left by one killed earlier is not shown as a worker."""
    from storage.models import WorkerRow

    db = shop(tmp_path / "shop.sqlite")
    clock = FakeClock(SIGNUP)
    with db.transaction() as s:
        s.add(WorkerRow(owner="elsewhere:1:dead", host="elsewhere", pid=1, role="session", started_at=clock.now(),
                        heartbeat_at=clock.now(), batches=3, runs=10, steps=30, sent=0))
    session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False))
    try:
        session.poll()
        with db.read() as s:
            assert [w.owner for w in workers_repo.workers(s, clock.now())] == [session.owner]
    finally:
        session.close()
        db.close()
