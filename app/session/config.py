"""What a sending session is set up with: its clock and its settings.

The clock is injected so tests and benchmarks cross days in microseconds (`FakeClock`);
a session in the app or `journey-builder run` reads the real one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock tests move by hand, so a P3D delay takes no time to cross."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta | float) -> datetime:
        self.moment += delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment


@dataclass
class SessionConfig:
    poll_interval: float = 1.0  # seconds between wake-ups at most (new events are seen this fast)
    batch: int = 2000  # customers per transaction
    scan_interval: float = 10.0  # seconds between looks for customers a time trigger has no run for
    default_catch_up_limit: str = "PT1H"
    # The session's own endpoint (unsubscribe links, events from the shop's site), on http_host:
    # http_port; None: none (a test, a benchmark). `run` and the app serve it, on the shop's
    # port (8765 unless set). `public_url` overrides the shop's public address for the links.
    http_port: int | None = None
    http_host: str = "127.0.0.1"
    public_url: str | None = None
    deliver: bool = True  # False: queue only (benchmarks measure the engine without SMTP)
    # Worker processes that take a share of a big backlog of due runs (0: none). Each costs a
    # Python process from the session's start; `journey-builder run` and the app use one on a
    # machine with two cores or more (see `default_workers`).
    workers: int = 0
    share_from: int = 4000  # due runs from which a backlog is shared with the workers
    retry_backoff: float = 30.0  # seconds before a message's first retry after a temporary failure
    # On PostgreSQL: started while another session holds the database, work beside it as a
    # worker (due runs; the lease when its holder dies) instead of refusing. `run` sets it.
    join: bool = False


def default_workers() -> int:
    """One worker process beside the session where a second core can run it."""
    return 1 if (os.cpu_count() or 1) >= 2 else 0
