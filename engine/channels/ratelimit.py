"""Sending rates: so many messages a minute and so many a day, as mailbox providers demand.

A provider that allows 20 messages a minute and 500 a day blocks the account for hours (or
for good) when a session fires 2,000 reminders at once. The limiter keeps sliding windows of
the moments messages went out: per minute the session simply waits (seconds at most); per day
waiting would hold a thread for hours, so the caller is told how long until the window frees
a slot and reports the message as temporary with that hint, and the session resumes by
itself when the time comes.

Sliding windows rather than a token bucket: a provider counts "the last 24 hours" or "this
minute", and a bucket refilled continuously would allow bursts the provider does not.
The clock is injected (monotonic seconds) so tests run instantly.

The windows live in memory, but the provider's count does not restart with the app: a session
that starts seeds them (`RateLimiter.seed`) with the sends the database remembers, given as
"seconds ago" because a monotonic clock means nothing across processes while an age does.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable

MINUTE = 60.0
DAY = 86_400.0


class SlidingWindow:
    """At most `limit` events in any `period` seconds."""

    def __init__(self, limit: int, period: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1:
            raise ValueError(f"a rate limit must allow at least one message, got {limit}")
        self.limit = limit
        self.period = period
        self._clock = clock
        self._moments: deque[float] = deque()

    def _expire(self, now: float) -> None:
        while self._moments and self._moments[0] <= now - self.period:
            self._moments.popleft()

    def wait_time(self) -> float:
        """Seconds until one more event fits (0.0 when it fits now)."""
        now = self._clock()
        self._expire(now)
        if len(self._moments) < self.limit:
            return 0.0
        return max(0.0, self._moments[0] + self.period - now)

    def record(self) -> None:
        now = self._clock()
        self._expire(now)
        self._moments.append(now)

    def seed(self, ages: Iterable[float]) -> None:
        """Counts events that happened `ages` seconds ago (before this window existed).

        Ages of a period or more have already left the window; negative ones (a wall clock
        set back since) count as just now, the side that cannot overrun the provider. Only
        the newest `limit` moments are kept: when more are in the window (the limit was
        lowered), the next slot frees exactly when the oldest of those expires, which is
        what `wait_time` reads.
        """
        now = self._clock()
        seeded = [now - max(0.0, age) for age in ages if age < self.period]
        self._moments = deque(sorted([*self._moments, *seeded])[-self.limit:])
        self._expire(now)

    @property
    def used(self) -> int:
        self._expire(self._clock())
        return len(self._moments)


class RateLimiter:
    """Per-minute and per-day limits together; either may be None (no limit).

    Thread-safe: a session may send from a worker thread while the window reads the counters.
    """

    def __init__(self, per_minute: int | None = None, per_day: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self.minute = SlidingWindow(per_minute, MINUTE, clock) if per_minute else None
        self.day = SlidingWindow(per_day, DAY, clock) if per_day else None

    @property
    def lookback(self) -> tuple[float, int] | None:
        """How far back (seconds) and how many of the newest past sends can matter to `seed`;
        None without limits, so a caller knows nothing needs reading."""
        windows = [w for w in (self.minute, self.day) if w is not None]
        if not windows:
            return None
        return max(w.period for w in windows), max(w.limit for w in windows)

    def seed(self, ages: Iterable[float]) -> None:
        """Counts sends made `ages` seconds ago (by an earlier session) against both limits."""
        ages = list(ages)
        with self._lock:
            for window in (self.minute, self.day):
                if window is not None:
                    window.seed(ages)

    def day_wait(self) -> float:
        """Seconds until the daily limit allows another message; 0.0 if it does now."""
        with self._lock:
            return self.day.wait_time() if self.day else 0.0

    def minute_wait(self) -> float:
        with self._lock:
            return self.minute.wait_time() if self.minute else 0.0

    def acquire(self, sleep: Callable[[float], None] = time.sleep) -> float:
        """Blocks until the per-minute limit allows a message; returns the seconds waited.

        Does not record: call `record` once the message was actually handed to the server, so a
        failed connection does not use up the provider's quota.
        """
        waited = 0.0
        while (pause := self.minute_wait()) > 0:
            sleep(pause)
            waited += pause
        return waited

    def record(self) -> None:
        with self._lock:
            for window in (self.minute, self.day):
                if window is not None:
                    window.record()
