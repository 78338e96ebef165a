"""Workers on PostgreSQL wake each other with LISTEN/NOTIFY instead of waiting for their next poll.

A notification is sent inside the transaction that makes work (`notify`): PostgreSQL delivers
it when that transaction commits, never for one rolled back. `inbox`: an event was stored (the
lease holder reads it); `due`: runs fell due at once (a full batch left more, a publish moved
runs, a journey resumed, parked runs were retried), so every idle worker should look; `lease`:
the session stopped and its lease is free for a worker to take at once. On SQLite all are no-ops:
one machine, one session, which polls its file every second.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from storage.dialect import is_postgres

log = logging.getLogger(__name__)
CHANNEL = "journey_builder"
WAKE_KINDS = ("inbox", "due", "lease")


def notify(session: Session, kind: str) -> None:
    """Tells the workers, once this transaction commits, that there is work of `kind`."""
    if kind not in WAKE_KINDS:
        raise ValueError(f"unknown wake-up {kind!r}")
    if is_postgres(session):
        session.execute(text("SELECT pg_notify(:channel, :kind)"), {"channel": CHANNEL, "kind": kind})


class WakeListener:
    """A thread with its own connection LISTENing on the channel; `on_wake(kind)` is called for
    each notification (from that thread). Reconnects after a lost connection."""

    def __init__(self, engine: Engine, on_wake: Callable[[str], None],
                 alive: Callable[[], bool] = lambda: True) -> None:
        self.url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.on_wake = on_wake
        self.alive = alive  # False once whoever listens is gone: the thread ends
        self._stop = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journey-builder-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        failures = 0
        while not self._stop.is_set() and self.alive():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    failures = 0
                    while not self._stop.is_set() and self.alive():
                        for note in conn.notifies(timeout=0.5):
                            self.on_wake(note.payload)
            except psycopg.Error as exc:
                self.listening.clear()
                failures += 1
                # Said once per outage; the workers poll every second meanwhile.
                log.log(logging.WARNING if failures == 1 else logging.DEBUG,
                        "listening for wake-ups failed (%s); trying again", exc)
                self._stop.wait(2.0)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(5)
