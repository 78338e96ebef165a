"""The sending session for real: the real clock, a real SMTP server on 127.0.0.1, the
`journey-builder run` process, and SIGKILL at random moments without a message sent twice.

How fast a signup becomes an email is measured by bench/signup_latency.py, not asserted here:
wall-clock limits fail on a busy machine without anything being wrong."""

from __future__ import annotations

import collections
import os
import random
import signal
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from session_helpers import make_db, store_journey, welcome
from sqlalchemy import func, select

from app.cli import main
from storage.history_repo import add_event
from storage.models import OutboxRow, RunStateRow, SessionCursorRow

ROOT = Path(__file__).resolve().parents[1]


class Collecting:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


class Loopback(Controller):
    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def start_run(db_path: Path, port: int, *extra: str) -> tuple[subprocess.Popen, threading.Event, list[str]]:
    """`journey-builder run` in its own process; the event is set once it says it runs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if "--http-port" not in extra:  # any free port: tests may run beside each other and beside the app
        extra = ("--http-port", "0", *extra)
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "--smtp", f"127.0.0.1:{port}",
                             "--db", str(db_path), *extra], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ready = threading.Event()
    lines: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            if line.startswith("sending session on"):
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    return proc, ready, lines


def wait_for_polls(db_path: Path, polls: int, deadline: float) -> bool:
    """True once the running session has begun `polls` more wake-ups than when this was called.

    Each wake-up writes the lease's heartbeat first and wake-ups run one after another, so once
    a second new heartbeat is seen the wake-up that wrote the first has done all its work.
    """
    db = make_db(db_path, customers=0)
    try:
        seen: list[object] = []
        while time.monotonic() < deadline:
            with db.read() as session:
                beat = session.scalar(select(SessionCursorRow.heartbeat_at))
            if not seen or beat != seen[-1]:
                seen.append(beat)
            if len(seen) > polls:
                return True
            time.sleep(0.05)
        return False
    finally:
        db.close()


def test_a_live_welcome_journey_sends_the_email_after_the_signup(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=1)
    store_journey(db, welcome(delay=None))
    db.close()
    handler = Collecting()
    server = Loopback(handler, hostname="127.0.0.1", port=0)
    server.start()
    proc, ready, lines = start_run(tmp_path / "shop.sqlite", server.port)
    try:
        assert ready.wait(30), lines
        assert main(["event", "signup", "--customer", "c1", "--db", str(tmp_path / "shop.sqlite")]) == 0
        deadline = time.monotonic() + 30
        while not handler.messages and time.monotonic() < deadline:
            time.sleep(0.02)
        assert handler.messages, lines
        message = handler.messages[0]
        assert message["Subject"] == "Welcome Anna1" and message["To"] == "c1@example.org"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        assert lines[-1] == "sending session stopped"
        # A second run finds the lease free and sends nothing again.
        proc, ready, lines = start_run(tmp_path / "shop.sqlite", server.port)
        assert ready.wait(30), lines
        # Two complete wake-ups of the new run (inbox, due runs, delivery) before looking.
        assert wait_for_polls(tmp_path / "shop.sqlite", 2, time.monotonic() + 30), lines
        proc.send_signal(signal.SIGINT)
        assert proc.wait(15) == 0
        assert len(handler.messages) == 1
    finally:
        if proc.poll() is None:
            proc.kill()
        server.stop()


@pytest.mark.slow
def test_sigkill_at_random_moments_never_sends_twice(tmp_path):
    customers = 1500  # two emails each: 3,000 messages
    db_path = tmp_path / "shop.sqlite"
    db = make_db(db_path, customers=customers)
    store_journey(db, welcome(delay="PT2S"))
    from engine.timeutil import now_utc

    with db.transaction() as session:
        for i in range(1, customers + 1):
            add_event(session, f"c{i}", "signup", now_utc())
    db.close()
    keys_file, port_file = tmp_path / "keys.txt", tmp_path / "port.txt"
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "smtp_sink_server.py"), str(keys_file),
                               str(port_file)], cwd=ROOT)
    rng = random.Random(20261122)
    started = time.monotonic()
    proc = None
    try:
        while not port_file.exists():
            assert server.poll() is None and time.monotonic() - started < 20
            time.sleep(0.05)
        port = int(port_file.read_text())
        kills = 0
        for _ in range(20):
            # A worker process takes half of every backlog (kills hit shared batches, and
            # orphan the worker, which must end with its session).
            proc, ready, lines = start_run(db_path, port, "--quiet", "--workers", "1", "--share-from", "100")
            # Early kills hit start-up and the inbox batch; later ones hit sending.
            assert ready.wait(30), lines
            time.sleep(rng.uniform(0.0, 0.9))
            proc.kill()
            proc.wait(10)
            kills += 1
        proc, ready, lines = start_run(db_path, port, "--quiet")
        assert ready.wait(30), lines
        db = make_db(db_path, customers=0)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            with db.read() as session:
                waiting = session.scalar(select(func.count()).select_from(OutboxRow)
                                         .where(OutboxRow.status.in_(("queued", "sending"))))
                pending = session.scalar(select(func.count()).select_from(RunStateRow)
                                         .where(RunStateRow.next_due.is_not(None)))
                total = session.scalar(select(func.count()).select_from(OutboxRow))
            if not waiting and not pending and total == 2 * customers:
                break
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        with db.read() as session:
            rows = [(f"j{r.journey_id}-c{r.customer_id}-e{r.enrollment_id}-{r.node_id}-v{r.visit}", r.status)
                    for r in session.scalars(select(OutboxRow))]
        db.close()
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        server.send_signal(signal.SIGTERM)
        server.wait(10)
    delivered = collections.Counter(line.split("\t")[0] for line in keys_file.read_text().splitlines())
    statuses = collections.Counter(status for _, status in rows)
    uncertain = [key for key, status in rows if status == "uncertain"]
    print(f"\n{kills} SIGKILLs in {time.monotonic() - started:.1f} s; messages due {2 * customers}, "
          f"rows {len(rows)}: {dict(statuses)}; delivered {len(delivered)} distinct, "
          f"{sum(delivered.values())} in all; uncertain delivered {sum(1 for k in uncertain if k in delivered)}, "
          f"not delivered {sum(1 for k in uncertain if k not in delivered)}")
    assert [key for key, n in delivered.items() if n > 1] == []  # nothing delivered twice
    assert len(rows) == 2 * customers  # every due message exists, once
    assert set(statuses) <= {"sent", "uncertain"}
    assert all(key in delivered for key, status in rows if status == "sent")
    assert set(delivered) <= {key for key, _ in rows}


class Picky:
    """Refuses bounce@ for good (550) and slow@ once for now (451), like real servers do."""

    def __init__(self) -> None:
        self.delivered: list[str] = []
        self.refused_once = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: N802
        if address.startswith("bounce@"):
            return "550 5.1.1 no such user"
        if address.startswith("slow@") and not self.refused_once:
            self.refused_once = True
            return "451 4.7.1 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        self.delivered.extend(envelope.rcpt_tos)
        return "250 OK"


def test_real_smtp_replies_drive_retry_and_bounce(tmp_path):
    from datetime import timedelta

    from session_helpers import T, set_published_at

    from app.session import FakeClock, SendingSession
    from app.session.outbox import build_channels
    from storage.customers_repo import get_customer, upsert_customer

    db = make_db(tmp_path / "shop.sqlite", customers=0)
    with db.transaction() as session:
        for cid in ("bounce", "slow", "fine"):
            upsert_customer(session, {"id": cid, "email": f"{cid}@example.org", "first_name": cid,
                                      "consent": {"email": True}})
    store_journey(db, welcome(delay=None))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    handler = Picky()
    server = Loopback(handler, hostname="127.0.0.1", port=0)
    server.start()
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s = SendingSession(db, build_channels({"sender_email": "shop@example.org"}, smtp=("127.0.0.1", server.port)),
                       clock=clock)
    try:
        with db.transaction() as session:
            for cid in ("bounce", "slow", "fine"):
                add_event(session, cid, "signup", clock.now())
        s.poll()
        with db.read() as session:
            status = {r.customer_id: (r.status, r.reason) for r in session.scalars(select(OutboxRow))}
            assert status == {"bounce": ("failed", "bounced"), "slow": ("queued", None), "fine": ("sent", None)}
            assert get_customer(session, "bounce").email_bounced
        clock.advance(timedelta(seconds=30))
        s.poll()
        assert sorted(handler.delivered) == ["fine@example.org", "slow@example.org"]
    finally:
        s.close()
        server.stop()
        db.close()


def test_without_smtp_mail_goes_to_the_local_catcher(tmp_path):
    from session_helpers import T, set_published_at

    from app.session import FakeClock, SendingSession
    from app.session.outbox import build_channels
    from engine.channels.catcher import read_outbox

    db = make_db(tmp_path / "shop.sqlite", customers=1)
    store_journey(db, welcome(delay=None))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    channels = build_channels({}, catcher_folder=tmp_path / "caught")
    assert "local catcher" in channels.description
    s = SendingSession(db, channels, clock=FakeClock(T("2026-03-02T10:00:00Z")))
    with db.transaction() as session:
        add_event(session, "c1", "signup", T("2026-03-02T10:00:00Z"))
    s.poll()
    s.close()
    caught = read_outbox(tmp_path / "caught")
    assert [m.get("subject") for m in caught] == ["Welcome Anna1"]
    db.close()
