"""SIGKILL at random moments against a server that misbehaves (451, 554, dropped connections,
answers lost after the whole message was stored, slow replies): nothing is delivered twice,
and every message ends delivered once, refused with a reason, or explicitly resolved."""

from __future__ import annotations

import collections
import random
import signal
import subprocess
import sys
import time

import pytest
from session_helpers import make_db, store_journey, welcome
from smtp_sink_server import Collect
from sqlalchemy import func, select
from test_session_smtp import ROOT, start_run

from engine.timeutil import now_utc
from storage import session_repo, workers_repo
from storage.history_repo import add_event
from storage.models import OutboxRow, RunStateRow

CUSTOMERS = 400  # two emails each


def _wait_settled(db, deadline: float) -> bool:
    while time.monotonic() < deadline:
        with db.read() as session:
            waiting = session.scalar(select(func.count()).select_from(OutboxRow)
                                     .where(OutboxRow.status.in_(("queued", "sending"))))
            pending = session.scalar(select(func.count()).select_from(RunStateRow)
                                     .where(RunStateRow.next_due.is_not(None)))
            total = session.scalar(select(func.count()).select_from(OutboxRow))
        if not waiting and not pending and total == 2 * CUSTOMERS:
            return True
        time.sleep(0.2)
    return False


def _rows(db):
    with db.read() as session:
        return [(r.id, f"j{r.journey_id}-c{r.customer_id}-e{r.enrollment_id}-{r.node_id}-v{r.visit}", r.status,
                 r.reason, r.error) for r in session.scalars(select(OutboxRow))]


@pytest.mark.slow
def test_sigkill_against_a_faulty_server_delivers_nothing_twice_and_resolves_everything(tmp_path):
    db_path = tmp_path / "shop.sqlite"
    db = make_db(db_path, customers=CUSTOMERS)
    store_journey(db, welcome(delay="PT2S"))
    with db.transaction() as session:
        for i in range(1, CUSTOMERS + 1):
            add_event(session, f"c{i}", "signup", now_utc())
    db.close()
    keys_file, port_file = tmp_path / "keys.txt", tmp_path / "port.txt"
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "smtp_sink_server.py"), str(keys_file),
                               str(port_file), "--faults"], cwd=ROOT)
    rng = random.Random(20261203)
    proc = None
    try:
        started = time.monotonic()
        while not port_file.exists():
            assert server.poll() is None and time.monotonic() - started < 20
            time.sleep(0.05)
        port = int(port_file.read_text())
        run_args = ("--quiet", "--retry-backoff", "0.5")
        for _ in range(15):
            proc, ready, lines = start_run(db_path, port, *run_args, "--workers", "1", "--share-from", "100")
            assert ready.wait(30), lines
            time.sleep(rng.uniform(0.0, 1.2))
            proc.kill()
            proc.wait(10)
        proc, ready, lines = start_run(db_path, port, *run_args)
        assert ready.wait(30), lines
        db = make_db(db_path, customers=0)
        assert _wait_settled(db, time.monotonic() + 90), _rows(db)[:5]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        before, after, uncertain = _review_and_finish(db, keys_file, lambda: start_run(db_path, port, *run_args))
        db.close()
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        server.send_signal(signal.SIGTERM)
        server.wait(10)
    _check(keys_file, before, after, uncertain)


def _review_and_finish(db, keys_file, start):
    """The shop owner reviews each uncertain message (the monitor's two buttons): one the mailbox
    provider shows as received is marked sent, the others are sent again. `start()` runs a
    session for the re-sends; returns (rows before review, rows after, the uncertain ones)."""
    before = _rows(db)
    delivered = collections.Counter(line.split("\t")[0] for line in keys_file.read_text().splitlines())
    uncertain = [(rid, key) for rid, key, status, _, _ in before if status == "uncertain"]
    with db.transaction() as session:
        for rid, key in uncertain:
            session_repo.resolve_uncertain(session, rid, "sent" if key in delivered else "resend")
    proc, ready, lines = start()
    try:
        assert ready.wait(30), lines
        assert _wait_settled(db, time.monotonic() + 60)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    return before, _rows(db), uncertain


def _check(keys_file, before, after, uncertain):
    delivered = collections.Counter(line.split("\t")[0] for line in keys_file.read_text().splitlines())
    statuses = collections.Counter(status for _, _, status, _, _ in before)
    print(f"\nmessages {len(before)}: {dict(statuses)} before review; delivered {len(delivered)} distinct, "
          f"{sum(delivered.values())} in all; uncertain {len(uncertain)} (at the server: "
          f"{sum(1 for _, k in uncertain if k in delivered)}), resolved by review {len(uncertain)}")
    assert [key for key, n in delivered.items() if n > 1] == []  # nothing delivered twice
    assert len(after) == 2 * CUSTOMERS and len({key for _, key, _, _, _ in after}) == len(after)
    for _, key, status, reason, error in after:
        if status == "sent":
            assert delivered[key] == 1, key
        else:  # refused for good by the server, or not sent because of that refusal
            assert (status, reason) in (("failed", "bounced"), ("skipped", "bounced")), (key, status, reason, error)
            assert key not in delivered
            assert Collect.fault(key.split("-")[1][1:] + "@example.org") == "554"
    assert set(delivered) <= {key for _, key, status, _, _ in after if status == "sent"}
    assert statuses["sent"] > CUSTOMERS  # the faults and kills left most mail delivered on its own


@pytest.mark.slow
def test_sigkill_of_workers_on_postgresql_delivers_nothing_twice_and_resolves_everything(postgres_url, tmp_path):
    """Three `run` processes on one PostgreSQL database, each killed at random moments (mid-batch
    of due runs, mid-delivery, holding the session lease) and replaced: nothing is delivered twice,
    no run is lost, every message ends delivered once, refused with a reason, or resolved."""
    db = make_db(postgres_url, customers=CUSTOMERS)
    store_journey(db, welcome(delay="PT2S"))
    with db.transaction() as session:
        for i in range(1, CUSTOMERS + 1):
            add_event(session, f"c{i}", "signup", now_utc())
    keys_file, port_file = tmp_path / "keys.txt", tmp_path / "port.txt"
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "smtp_sink_server.py"), str(keys_file),
                               str(port_file), "--faults"], cwd=ROOT)
    rng = random.Random(20261204)
    procs: list = []
    try:
        started = time.monotonic()
        while not port_file.exists():
            assert server.poll() is None and time.monotonic() - started < 20
            time.sleep(0.05)
        port = int(port_file.read_text())
        run_args = ("--quiet", "--retry-backoff", "0.5", "--batch", "20")

        def start():
            return start_run(postgres_url, port, *run_args)

        for _ in range(3):
            procs.append(start())
            assert procs[-1][1].wait(30), procs[-1][2]
        kills = 0
        for _ in range(15):
            time.sleep(rng.uniform(0.0, 1.0))
            victim = rng.randrange(3)
            procs[victim][0].kill()
            procs[victim][0].wait(10)
            kills += 1
            procs[victim] = start()
            assert procs[victim][1].wait(30), procs[victim][2]
        assert _wait_settled(db, time.monotonic() + 120), _rows(db)[:5]
        with db.read() as session:  # the monitor's list: the killed ones are not counted as working
            alive = [w for w in workers_repo.workers(session, now_utc()) if w.alive]
        assert len(alive) == 3 and sum(w.role == "session" for w in alive) == 1, alive
        for proc, _, _ in procs:
            proc.send_signal(signal.SIGTERM)
        for proc, _, lines in procs:
            assert proc.wait(15) == 0, lines
        before, after, uncertain = _review_and_finish(db, keys_file, start)
    finally:
        for proc, _, _ in procs:
            if proc.poll() is None:
                proc.kill()
        server.send_signal(signal.SIGTERM)
        server.wait(10)
        db.close()
    print(f"\n{kills} workers killed")
    _check(keys_file, before, after, uncertain)
