"""APScheduler glue: one poller, woken at the next due moment and at least every poll interval.

Not one job per customer step: a hundred thousand waiting customers are rows with a
`next_due` index, and the scheduler holds exactly one pending job, the next wake-up. Each
wake-up schedules its successor (under a fresh id, so the finished date job's removal can
never race with it) for min(next due run, next outbox retry, now + poll interval), which is
also how an event stored by another process is picked up within a second. On PostgreSQL a
notification from another worker (`SendingSession.wake`) brings the pending wake-up forward to now.

Any APScheduler 3 scheduler works: `run_blocking` uses a BlockingScheduler for
`journey-builder run`; the window passes its QtScheduler (`app.session_pages.GuiScheduler`).
"""

from __future__ import annotations

import itertools
import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from app.session.session import PollReport, SendingSession

log = logging.getLogger(__name__)
JOB_PREFIX = "journey-builder-poll"


class PollScheduler:
    """Keeps exactly one poll job scheduled on `scheduler` for `session`."""

    def __init__(self, session: SendingSession, scheduler: BaseScheduler,
                 on_report: Callable[[PollReport], None] | None = None) -> None:
        self.session = session
        self.scheduler = scheduler
        self.on_report = on_report
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pending: str | None = None  # the one scheduled wake-up's job id
        self._woken = False  # a wake-up was asked for while a poll ran: the next one is at once
        self.polls = 0
        session.wake = self.wake

    def start(self) -> None:
        """Schedules the first wake-up at once (start the scheduler yourself, or before)."""
        self._schedule(datetime.now(UTC))

    def _schedule(self, when: datetime) -> None:
        if self.session.stopping:
            return
        job_id = f"{JOB_PREFIX}-{next(self._ids)}"
        with self._lock:
            if self._woken:
                when, self._woken = datetime.now(UTC), False
            self._pending = job_id
        self.scheduler.add_job(self._tick, "date", run_date=when, id=job_id, misfire_grace_time=None,
                               coalesce=True, max_instances=1)

    def wake(self) -> None:
        """Polls as soon as possible: the pending wake-up is brought forward, or, while a poll
        runs, the next one is scheduled at once. Never a second chain of wake-ups."""
        with self._lock:
            pending = self._pending
            if pending is None:
                self._woken = True
                return
        try:
            self.scheduler.modify_job(pending, next_run_time=datetime.now(UTC))
        except JobLookupError:  # it is running now (or just ran): the next one comes at once
            with self._lock:
                self._woken = True
        except Exception:  # noqa: BLE001 - the scheduler is shutting down
            pass

    def _tick(self) -> None:
        with self._lock:
            self._pending = None
        interval = timedelta(seconds=self.session.config.poll_interval)
        wake = datetime.now(UTC) + interval
        try:
            if self.session.stopping:
                return
            report = self.session.poll()
            self.polls += 1
            if report.next_wake is not None:
                # The session's clock may be a test's; the scheduler runs on the real one.
                wake = datetime.now(UTC) + max(timedelta(0), min(interval, report.next_wake - self.session.clock.now()))
            if self.on_report is not None:
                self.on_report(report)
        except Exception:  # noqa: BLE001 - a failed wake-up is logged and retried, never fatal
            log.exception("the sending session's wake-up failed; trying again")
        finally:
            if not self.session.stopping:
                try:
                    self._schedule(wake)
                except Exception:  # noqa: BLE001 - the scheduler is shutting down
                    pass


def run_blocking(session: SendingSession, *, on_report: Callable[[PollReport], None] | None = None,
                 on_ready: Callable[[int], None] | None = None, install_signals: bool = True) -> None:
    """Runs the session until SIGINT/SIGTERM (or `session.request_stop()`), then stops cleanly:
    the poll in progress finishes its batch or message, the lease is released, channels close.

    `on_ready(uncertain)` is called once the session holds the database and signals are
    handled (with how many messages a killed session left uncertain).
    """
    scheduler = BlockingScheduler(executors={"default": ThreadPoolExecutor(1)}, timezone=UTC,
                                  job_defaults={"misfire_grace_time": None})
    poller = PollScheduler(session, scheduler, on_report)
    previous: dict[int, Any] = {}
    finished = threading.Event()

    def on_signal(_signum: int, _frame: Any) -> None:
        session.request_stop()  # the watcher below stops the scheduler

    def watch() -> None:
        """Stops the scheduler once a stop was asked for, and only once it really runs (a
        signal during start-up must not leave `scheduler.start()` blocking forever)."""
        session.wait_stopped()
        while not scheduler.running:
            if finished.wait(0.05):
                return
        try:
            scheduler.shutdown(wait=False)
        except Exception:  # noqa: BLE001 - already stopped
            pass

    if install_signals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    try:
        uncertain = session.uncertain_at_start if session.started else session.start()
        if on_ready is not None:
            on_ready(uncertain)
        threading.Thread(target=watch, name="journey-builder-stop", daemon=True).start()
        if not session.stopping:
            poller.start()
            try:
                scheduler.start()  # blocks until the watcher shuts it down
            except JobLookupError:
                # shutdown() from the watcher empties the job store while the main loop may be
                # about to remove the date job it just ran: APScheduler's own race, harmless here.
                if not session.stopping:
                    raise
    finally:
        finished.set()
        session.request_stop()
        session.close()  # waits for a poll in progress
        for sig, handler in previous.items():
            signal.signal(sig, handler)
