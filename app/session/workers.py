"""Worker processes that advance a share of a big backlog of due runs beside the session.

When a hundred thousand customers fall due at one moment (a campaign's send time, the app
reopened after a weekend) one Python process is CPU bound and a second core sits idle. A
worker is a process with its own connection to the shop database and its own
`SendingSession` (never started: it holds no lease and sends nothing); for a big backlog the
session hands each worker the runs whose id is k modulo n and advances share 0 itself. The
shares never touch the same run, batches hold the write lock only while writing, and a
batch's write fails as a whole when its rows changed since they were read, so the
guarantees of one process hold (see `SendingSession._due`).

Processes are spawned (not forked: the app has Qt and threads) when the session starts, so
a backlog does not wait for Python to start. A worker whose session process died stops
at once, as if killed with it (an unfinished batch is rolled back).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.session.session import PollReport, SendingSession, SessionConfig

_SESSION: SendingSession | None = None


def _start(path: str, config: SessionConfig, parent: int, stop: Any) -> None:
    global _SESSION
    # Ctrl+C in a terminal reaches the whole process group; the session stops its workers
    # itself (the stop flag below), and a KeyboardInterrupt here only printed a traceback.
    # The process was started with SIGINT blocked (see DueWorkers), so none arrived before this.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from app.session.outbox import ChannelSet
    from app.session.session import SendingSession
    from storage.database import open_database

    # The session has prepared the database already; migrating would take the write lock,
    # which the session may hold batch after batch for minutes while the worker starts.
    session = _SESSION = SendingSession(open_database(Path(path), migrate=False), ChannelSet(),
                                        config=replace(config, workers=0, deliver=False))

    def watch() -> None:
        while os.getppid() == parent:
            if stop.value:  # the session is stopping: end this share after the batch in hand
                session.request_stop()
            threading.Event().wait(0.2)
        # The session was killed: end like it, mid-batch or not. SQLite rolls back an open
        # transaction of a dead process; the next session reads that batch again.
        os._exit(0)

    threading.Thread(target=watch, name="watch-session", daemon=True).start()


def _ready() -> int:
    return os.getpid()


def _advance(now: datetime, part: int, parts: int) -> PollReport:
    assert _SESSION is not None, "the worker was not started"
    report = _SESSION.advance_share(now, part, parts)
    report.step_log.clear()
    return report


class DueWorkers:
    def __init__(self, db_path: Path, config: SessionConfig, size: int) -> None:
        self.size = size
        context = multiprocessing.get_context("spawn")
        # A flag without a lock: a worker that dies waiting on a multiprocessing Event would
        # leave `set()` waiting for it for ever.
        self._stop = context.RawValue("b", 0)
        self._pool = ProcessPoolExecutor(size, mp_context=context, initializer=_start,
                                         initargs=(str(db_path), config, os.getpid(), self._stop))
        # Start the processes now (a pool spawns on demand), not when the first backlog waits,
        # with SIGINT blocked: a new process inherits the mask, so a Ctrl+C while it imports
        # waits (and is then ignored) instead of interrupting it with a traceback. Here a
        # Ctrl+C in that moment is only delayed until the mask is restored.
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._warm = [self._pool.submit(_ready) for _ in range(size)]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    def advance(self, now: datetime, parts: int) -> list[Future[PollReport]]:
        """Shares 1..parts-1 of the runs due by `now`, one per worker; share 0 is the caller's."""
        return [self._pool.submit(_advance, now, part, parts) for part in range(1, parts)]

    def stop(self) -> None:
        """Asks the workers to end their shares after the batch in hand (the session stops)."""
        self._stop.value = 1

    def close(self) -> None:
        self.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)
