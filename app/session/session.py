"""One sending session: the simulation's engine, driven by a clock, with its state in SQLite.

Nothing lives only in memory between wake-ups. A wake-up (`poll`) does, in order:

1. the inbox: events stored since the cursor (by `journey-builder event`, the HTTP API, an
   import) are delivered to the runs of the customers they concern (a trigger event makes a
   run), and those runs are advanced to now;
2. the due runs: the `run_state` rows whose `next_due` has come, in batches, are restored
   (`engine.runstate`), advanced with `run_until(now)` and saved;
3. the outbox: due messages are delivered (`app.session.outbox`).

Each batch of 1 and 2 is one write transaction holding the advanced states, the new
enrollments, the cursor and the queued messages together, so a kill at any point either
loses the whole batch (it is done again, identically) or none of it. The clock is injected:
tests and benchmarks use `FakeClock` to cross days in microseconds.

On PostgreSQL (docs/scaling.md) any number of `run` processes share one shop: the one holding
the session lease does 1, 3 and the runs of time-based triggers, and every one of them claims
batches of due runs (2) with SELECT … FOR UPDATE SKIP LOCKED, the batch's transaction being its
lease on those rows. They register in the workers table with a heartbeat, wake each other with
LISTEN/NOTIFY, and a worker takes the session lease over when its holder dies.

Paused journeys get their events (stored in the run, unprocessed) but are not advanced and
nothing of theirs is delivered; on resume, what fell due meanwhile is processed with the
journey's catch-up policy (`send_now`, `skip_late` past a limit, or `next_window`: the same
local time of day at the next opportunity). The same policy covers the app having been
closed or the machine asleep, since then too `now` has run ahead of the runs.
"""

from __future__ import annotations

import functools
import gc
import logging
import threading
import time as _time
import weakref
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError

from app.connectors import ShopWatcher
from app.session.ab_picker import AbPicker
from app.session.batches import BatchWriting, PollReport, SessionStopping, VersionInfo, Work, failure
from app.session.bounces import BounceWatcher
from app.session.config import Clock, FakeClock, SessionConfig, SystemClock, default_workers
from app.session.outbox import ChannelSet, Deliverer, Recovery
from engine.compiled import CompiledJourney
from engine.history_needs import event_types_read, union
from engine.profile import Event, Profile
from engine.runner import CustomerRun, Enrollment
from engine.runstate import restore
from engine.steps import Step
from engine.timeutil import local_wall_to_utc, parse_duration, subtract_duration
from storage import history_repo, journeys_repo, segments_repo, session_repo, shop_repo, workers_repo
from storage.database import Database
from storage.run_options import shop_run_options
from storage.wakeups import WakeListener, notify

if TYPE_CHECKING:
    from app.session.workers import DueWorkers

log = logging.getLogger(__name__)
__all__ = ["Clock", "FakeClock", "PollReport", "SendingSession", "SessionConfig", "SessionRefused", "SystemClock",
           "default_workers"]


# A wake-up touches thousands of rows spread over tables of hundreds of thousands: a page
# cache of SQLite's default 2 MB thrashes. Per connection, set on every batch (it is cheap).
BATCH_PRAGMAS = ("PRAGMA cache_size = -65536",)


def _tune(session: Any) -> None:
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    for pragma in BATCH_PRAGMAS:
        conn.exec_driver_sql(pragma)


@contextmanager
def _batch_memory() -> Iterator[None]:
    """No cyclic garbage collection while runs are advanced.

    A batch allocates a few hundred thousand small objects (profiles, runs, steps) that die
    together at its end; the collector would scan them again and again on the way (measured:
    it doubled the cost of a batch). Re-enabling it between batches was no better: the first
    allocation after a batch found the collector's counters full and scanned the batch just
    finished (10 µs a customer). Runs make no reference cycles (a test holds that), so
    reference counting frees everything; the collector runs again after the wake-up's engine
    work, before delivery, which may take minutes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _heartbeats(ref: weakref.ReferenceType[SendingSession], stop: threading.Event) -> None:
    """Every few seconds, the heartbeat and totals (a batch may take longer than a dead
    worker's grace): what tells the others, on any machine, that this one lives."""
    interval = min(2.0, workers_repo.STALE_AFTER / 5)
    failures = 0
    while not stop.wait(interval):
        session = ref()
        if session is None or not session.started:
            return
        failures = 0 if session._beat(quiet=failures > 0) else failures + 1
        del session


def _weak_call(method: Callable[[str], None]) -> Callable[[str], None]:
    ref = weakref.WeakMethod(method)

    def call(kind: str) -> None:
        target = ref()
        if target is not None:
            target(kind)

    return call


class SessionRefused(Exception):  # noqa: N818 - a refusal the user reads, not a bug
    """The session will not start; the message says why and what to do."""


def _local_only(url: str) -> bool:
    """Whether a link's host is this machine or a private network: customers cannot open it."""
    import ipaddress
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    if host in ("localhost", "") or host.endswith(".local"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


class SendingSession(BatchWriting):
    def __init__(self, db: Database, channels: ChannelSet | None = None, *, clock: Clock | None = None,
                 config: SessionConfig | None = None, owner: str | None = None) -> None:
        self.db = db
        self.channels = channels or ChannelSet()
        self.clock = clock or SystemClock()
        self.config = config or SessionConfig()
        self.owner = owner or session_repo.make_owner()
        self.deliverer = Deliverer(db, self.channels, clock=self.clock.now, backoff=self.config.retry_backoff)
        self.versions: dict[int, VersionInfo] = {}
        # The past events the versions' rules can read (engine.history_needs); None: every type.
        self._event_types: frozenset[str] | None = None
        self.journeys: dict[int, session_repo.JourneyState] = {}
        self._journeys_key: tuple = ()
        self._last_scan = 0.0
        self._stop = threading.Event()
        self._busy = threading.Lock()
        self.started = False
        self.uncertain_at_start = 0
        self.recovery = Recovery()
        self.on_step: Callable[[int, str, Step], None] | None = None  # (journey id, customer, step)
        self.workers: DueWorkers | None = None
        self.http: Any = None  # the endpoint (app.http_api.HttpApi) while the session runs
        self.public_url: str | None = self.config.public_url
        self.bounces = BounceWatcher(db, clock=self.clock.now)  # the shop's bounce mailbox, if it has one
        self.ab_picker = AbPicker(db)  # A/B tests that pick their own winner
        self.deliverer.owner = self.owner
        # Whether this process holds the session lease (inbox, new runs, delivery). On SQLite a
        # started session always does; on PostgreSQL a `run` that finds it held works beside it.
        self.leader = False
        # What this process did since it started, for the workers table (the monitor shows it).
        self.batches = self.runs_done = self.steps_done = self.sent_done = 0
        self.wake: Callable[[], None] | None = None  # set by the scheduler: poll again now
        self._listener: WakeListener | None = None
        self._beating: threading.Thread | None = None
        self.shops = ShopWatcher(db)  # the live shop's connectors (WooCommerce, Shopify), if set up

    # -- start and stop ----------------------------------------------------------------------
    def start(self) -> int:
        """Takes the database (SessionBusy if another session runs) and settles the messages a
        killed session left `sending` (`self.recovery` says how); returns how many are held
        for review because they may have arrived."""
        now = self.clock.now()
        with self.db.transaction() as session:
            try:
                session_repo.acquire_session(session, self.owner, now)
                self.leader = True
            except session_repo.SessionBusy:
                if not (self.db.is_postgres and self.config.join):
                    raise
                self.leader = False
            if not self.db.is_postgres:  # one session per file: rows of earlier ones are of dead ones
                workers_repo.forget_others(session, self.owner)
            workers_repo.register(session, self.owner, self.role, now)
        try:
            self._serve()
        except SessionRefused:
            with self.db.transaction() as session:
                session_repo.release_session(session, self.owner)
                workers_repo.unregister(session, self.owner)
            raise
        if self.leader:
            self.recovery = self._recover(now)
        self.uncertain_at_start = self.recovery.held
        self.started = True
        if self.db.is_postgres:
            # Both threads hold the session weakly: one never closed (a test's) does not live on.
            me = weakref.ref(self)
            self._listener = WakeListener(self.db.engine, _weak_call(self._woken),
                                          alive=lambda: (s := me()) is not None and s.started)
            self._listener.start()
            self._beating = threading.Thread(target=_heartbeats, args=(weakref.ref(self), self._stop),
                                             name="journey-builder-heartbeat", daemon=True)
            self._beating.start()
        if self.config.workers > 0 and self.workers is None and self.db.path is not None:
            from app.session.workers import DueWorkers

            self.workers = DueWorkers(self.db.path, self.config, self.config.workers)
        return self.uncertain_at_start

    def _count(self, report: PollReport) -> None:
        self.runs_done += report.runs
        self.steps_done += report.steps
        self.sent_done += report.delivery.sent

    @property
    def role(self) -> str:
        return "session" if self.leader else "worker"

    def _recover(self, now: datetime) -> Recovery:
        """Settles the messages a dead session left `sending`; on PostgreSQL those of live
        workers (a slow one, not a dead one) are left to them."""
        live: set[str] = set()
        if self.db.is_postgres:
            with self.db.read() as session:
                live = workers_repo.live_owners(session, now) - {self.owner}
        return self.deliverer.recover(now, live)

    def _woken(self, kind: str) -> None:
        """A notification from another worker (PostgreSQL): poll now rather than at the next tick."""
        if kind == "inbox" and not self.leader:
            return
        wake = self.wake
        if wake is not None and not self.stopping:
            wake()

    def _beat(self, *, quiet: bool = False) -> bool:
        try:
            with self.db.transaction() as session:
                now = self.clock.now()
                workers_repo.beat(session, self.owner, now, role=self.role, batches=self.batches,
                                  runs=self.runs_done, steps=self.steps_done, sent=self.sent_done)
                if self.leader:
                    session_repo.heartbeat(session, self.owner, now)
        except Exception as exc:  # noqa: BLE001 - a missed heartbeat is retried; the session goes on
            log.log(logging.DEBUG if quiet else logging.WARNING, "the heartbeat could not be written (%s)",
                    str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return False
        return True

    def _serve(self) -> None:
        """Starts the endpoint unsubscribe links and the shop's site talk to, and refuses to go
        on when marketing email would go out with links nobody can use."""
        if self.config.http_port is None:
            self.public_url = self.config.public_url
            return
        from app.http_api import start_http_api

        with self.db.transaction() as session:
            token = shop_repo.api_token(session)
            settings = shop_repo.settings_dict(session)
        host, port = self.config.http_host, self.config.http_port
        try:
            self.http, bound = start_http_api(self.db, host, port, token=token)
        except OSError as exc:
            raise SessionRefused(
                f"the unsubscribe and events endpoint cannot start on {host}:{port} ({exc.strerror or exc}); "
                "every marketing email needs a working unsubscribe link, so nothing is sent. Choose another port "
                "(journey-builder run --http-port N, or Shop settings ▸ Sending)") from None
        self.public_url = self.config.public_url or shop_repo.public_url(settings, bound)
        if self.channels.reaches_customers and _local_only(self.public_url):
            self.http.stop()
            self.http = None
            raise SessionRefused(
                f"unsubscribe links would point to {self.public_url}, which your customers cannot reach; set the "
                "shop's public address (a tunnel or reverse proxy to this machine's port "
                f"{bound}) in Shop settings ▸ Sending before sending marketing email through your mail account")
        log.info("unsubscribe and events endpoint on http://%s:%d, links under %s", host, bound, self.public_url)

    def request_stop(self) -> None:
        """Asks a running poll to finish its current batch or message and return."""
        self._stop.set()
        if self._listener is not None:
            self._listener._stop.set()
        if self.workers is not None:
            self.workers.stop()

    def wait_stopped(self, timeout: float | None = None) -> bool:
        return self._stop.wait(timeout)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        """Waits for a poll in progress, releases the database and closes the channels."""
        self._stop.set()
        self.bounces.close()
        self.shops.close()
        with self._busy:
            if self._listener is not None:
                self._listener.stop()
                self._listener = None
            if self._beating is not None:
                self._beating.join(10)
                self._beating = None
            if self.started:
                try:
                    with self.db.transaction() as session:
                        session_repo.release_session(session, self.owner)
                        workers_repo.unregister(session, self.owner)
                        if self.leader:
                            notify(session, "lease")  # a worker takes the lease at once
                except Exception:  # noqa: BLE001 - a stale lease is taken over anyway
                    log.exception("could not release the session lease")
                self.started = False
                self.leader = False
            if self.workers is not None:
                self.workers.close()
                self.workers = None
            if self.http is not None:
                self.http.stop()
                self.http = None
            self.channels.close()

    # -- one wake-up -------------------------------------------------------------------------
    def poll(self) -> PollReport:
        """Does everything due now; `report.next_wake` is when to wake next."""
        if not self.started:
            self.start()
        report = PollReport()
        with self._busy:
            now = self.clock.now()
            was_leader = self.leader
            with self.db.transaction() as session:
                if self.db.is_postgres:
                    self.leader = session_repo.keep_or_take(session, self.owner, now)
                else:
                    session_repo.heartbeat(session, self.owner, now)
                if not workers_repo.beat(session, self.owner, now, role=self.role, batches=self.batches,
                                         runs=self.runs_done, steps=self.steps_done, sent=self.sent_done):
                    workers_repo.register(session, self.owner, self.role, now)
            if self.leader and not was_leader:
                log.info("this worker took over the session (%s)", self.owner)
            if self.leader and self.db.is_postgres:
                # A worker that died holding messages `sending` left them to the lease holder.
                self.recovery = self._recover(now)
            self._refresh(now)
            try:
                with _batch_memory():
                    if self.leader:
                        self._inbox(now, report)
                    self._due(now, report)
                    if self.leader:
                        self._scan_time_triggers(now, report)
            except SessionStopping:
                report.stopped = True
                self._count(report)
                return report
            if self.config.deliver and self.leader and not self.stopping:
                active = {jid: (j.catch_up, j.catch_up_limit) for jid, j in self.journeys.items()
                          if j.run_status == "active"}
                report.delivery = self.deliverer.deliver(now, active, lambda: self.stopping)
            if self.leader and not self.stopping:
                self.bounces.poll()  # a check, when due, runs in a thread of its own
                self.shops.poll()  # so does a poll of the live shop; its orders and carts reach the inbox
                report.ab_picks = self.ab_picker.poll(self.versions)  # the leader alone decides A/B tests
            report.next_wake = self._next_wake(now)
            self._count(report)
        return report

    def _next_wake(self, now: datetime) -> datetime:
        latest = now + timedelta(seconds=self.config.poll_interval)
        with self.db.read() as session:
            due = session_repo.next_due(session, self._active_versions())
            attempt = session_repo.next_attempt(session, [j for j, s in self.journeys.items()
                                                          if s.run_status == "active"])
        moments = [m for m in (due, attempt, latest) if m is not None]
        return max(min(moments), now)

    # -- journeys ----------------------------------------------------------------------------
    def _refresh(self, now: datetime) -> None:
        """Reloads the journeys when any changed (publish, pause, a new version)."""
        with self.db.read() as session:
            states = session_repo.journey_states(session)
            key = tuple((s.journey_id, s.run_status, s.live_version, s.catch_up, s.catch_up_limit,
                         s.updated_at) for s in states)
            if key == self._journeys_key and self.versions:
                return
            in_flight = session_repo.versions_in_flight(session)
            # The options every simulation of this shop uses too (storage.run_options): the same
            # secret, zone, levels and shop values, so a session takes the steps a simulation shows.
            options = shop_run_options(session, render=True, explain=False,
                                       unsubscribe_base=self.public_url)
            shop_segments = segments_repo.segment_rules(session)
            self.journeys = {s.journey_id: s for s in states}
            wanted: dict[int, tuple[int, bool, datetime | None]] = {}
            for s in states:
                if s.run_status != "archived" and s.live_version is not None:
                    wanted[s.live_version] = (s.journey_id, True, s.live_since)
            for jid, vid in in_flight:
                state = self.journeys.get(jid)
                if vid not in wanted and state is not None and state.run_status != "archived":
                    wanted[vid] = (jid, False, None)
            versions: dict[int, VersionInfo] = {}
            for vid, (jid, live, since) in wanted.items():
                known = self.versions.get(vid)
                if known is not None:
                    known.live = live
                    versions[vid] = known
                    continue
                journey = journeys_repo.load_version(session, vid)
                compiled = CompiledJourney(journey, shop_segments=shop_segments)
                trigger = compiled.trigger
                versions[vid] = VersionInfo(
                    jid, vid, compiled, live, since or now,
                    trigger.node.config.get("event") if trigger.kind == "event" else None)
            self.versions = versions
            self._event_types = union(event_types_read(v.compiled) for v in versions.values())
            self.options = options
            self._journeys_key = key
            self._last_scan = 0.0

    def _active_versions(self) -> list[int]:
        return [vid for vid, v in self.versions.items()
                if self.journeys.get(v.journey_id) is not None
                and self.journeys[v.journey_id].run_status == "active"]

    def _late_policy(self, journey_id: int, now: datetime) -> Callable[[CustomerRun], Any] | None:
        state = self.journeys.get(journey_id)
        if state is None or state.catch_up == "send_now":
            return None
        # Later than this moment is late (the limit may have a calendar part, like P1D).
        cutoff = subtract_duration(now, parse_duration(state.catch_up_limit or self.config.default_catch_up_limit),
                                   "UTC")
        if state.catch_up == "skip_late":
            return lambda run: ("skip", None) if run.now < cutoff else None

        def next_window(run: CustomerRun) -> tuple[str, datetime | None] | None:
            if run.now >= cutoff:
                return None
            wall = run.now.astimezone(run.tz).time().replace(tzinfo=None)
            day = now.astimezone(run.tz).date()
            moment = local_wall_to_utc(day, wall, run.tz)
            if moment <= now:
                moment = local_wall_to_utc(day + timedelta(days=1), wall, run.tz)
            return ("defer", moment)

        return next_window

    # -- 1. the inbox ------------------------------------------------------------------------
    def _inbox(self, now: datetime, report: PollReport) -> None:
        while not self.stopping:
            with self.db.transaction() as session:
                _tune(session)
                cursor = session_repo.claim_inbox(session, self.owner)
                if cursor is None:  # the lease went to another worker (this one was taken for dead)
                    self.leader = False
                    return
                rows = history_repo.events_after(session, cursor, limit=self.config.batch)
                if not rows:
                    return
                events: dict[str, list[Event]] = {}
                for row in rows:
                    events.setdefault(row.customer_id, []).append(Event(row.type, row.at, row.properties))
                self._deliver_events(session, events, now, report)
                session_repo.set_last_event_id(session, rows[-1].id)
                report.events += len(rows)

    def _deliver_events(self, session: Any, events: Mapping[str, list[Event]], now: datetime,
                        report: PollReport) -> None:
        customers = list(events)
        # Locked on PostgreSQL: a worker advancing one of these runs commits before they are read.
        existing = session_repo.runs_of_customers(session, customers, self.versions.keys(), lock=True)
        wanted: list[tuple[VersionInfo, str]] = []
        for version in self.versions.values():
            relevant = version.compiled.relevant_events
            for cid in customers:
                types = {e.type for e in events[cid]}
                if relevant is not None and not (types & relevant):
                    continue
                if (version.version_id, cid) in existing:
                    wanted.append((version, cid))
                elif version.live and (version.trigger_event is None or version.trigger_event in types):
                    wanted.append((version, cid))
        if not wanted:
            return
        profiles = session_repo.load_profiles(session, list({cid for _, cid in wanted}), self._event_types)
        work: list[Work] = []
        fresh: list[tuple[VersionInfo, str]] = []
        for version, cid in wanted:
            record = existing.get((version.version_id, cid))
            if record is None:
                fresh.append((version, cid))
        history = self._history(session, fresh)
        for version, cid in wanted:
            profile = profiles.get(cid)
            if profile is None:
                continue
            record = existing.get((version.version_id, cid))
            if record is None:
                record = session_repo.RunRecord(None, version.journey_id, version.version_id, cid, None)
            rebuild = functools.partial(self._run_with_events, version, profile, record,
                                        history.get((version.journey_id, cid), []), events[cid])
            work.append(self._work(record, version, rebuild, rebuild))
        self._advance_and_write(session, work, now, report)

    def _run_with_events(self, version: VersionInfo, profile: Profile, record: session_repo.RunRecord,
                         history: list, events: list[Event]) -> CustomerRun:
        """The customer's run on the version (restored, or new) with the batch's events delivered."""
        if record.id is None:
            run = self._new_run(version, profile, history)
        else:
            run = self._restore(version, profile, record)
        for event in events:
            run.deliver_event(event)
        return run

    @staticmethod
    def _work(record: session_repo.RunRecord, version: VersionInfo, make: Callable[[], CustomerRun],
              rebuild: Callable[[], CustomerRun] | None) -> Work:
        """A run for the batch; one that cannot even be made (a stored state that does not
        restore, an event it cannot take) is parked, not allowed to fail the batch."""
        try:
            return Work(record, make(), version, rebuild)
        except Exception as exc:  # noqa: BLE001 - one customer's failure must not stop the others
            log.debug("journey %s, customer %s: the run cannot be made", version.journey_id, record.customer_id,
                      exc_info=True)
            return Work(record, None, version, None, failure(exc))

    def _history(self, session: Any, fresh: list[tuple[VersionInfo, str]]) -> dict[tuple[int, str], list]:
        by_journey: dict[int, list[str]] = {}
        for version, cid in fresh:
            by_journey.setdefault(version.journey_id, []).append(cid)
        found: dict[tuple[int, str], list] = {}
        for jid, cids in by_journey.items():
            for cid, rows in session_repo.enrollment_history(session, jid, cids).items():
                found[(jid, cid)] = rows
        return found

    def _new_run(self, version: VersionInfo, profile: Profile, history: list) -> CustomerRun:
        """A customer's first run on a version; earlier enrollments in the journey (on other
        versions) count for `reentry` and the cooldown."""
        run = CustomerRun(version.compiled, profile, version.start, self.options, queue_events=False)
        reentry = version.compiled.reentry
        for entered, ended, reason, key in history:
            if ended is None and reentry != "never":
                continue  # still finishing on an old version: does not block a new entry
            enrollment = Enrollment(len(run.enrollments) + 1, entered, {}, ended_at=ended or entered,
                                    end_reason=reason or "completed", key=key)
            run.enrollments.append(enrollment)
        return run

    def _restore(self, version: VersionInfo, profile: Profile, record: session_repo.RunRecord) -> CustomerRun:
        if record.state is None:
            raise ValueError("the stored state of this run cannot be read")
        return restore(version.compiled, profile, record.state, self.options)

    # -- 2. due runs -------------------------------------------------------------------------
    def _due(self, now: datetime, report: PollReport) -> None:
        """Due runs in batches; a big backlog is shared with the worker processes, if any.

        A shared batch is read in one transaction and written in another, with the write lock
        held only for the writing: so two processes advance their shares side by side. Rows changed
        in between (a publish that moved runs, a customer erased) make the write fail as a whole
        and the batch is read again; after a few such misses it is done under the write lock
        from start to end, as a wake-up's inbox batches always are.
        """
        active = self._active_versions()
        if not active:
            return
        if self.db.is_postgres:
            self._due_claimed(now, report, active)
            return
        workers = self.workers
        if workers is None or self.on_step is not None:
            self._due_share(now, report, active, None)
            return
        with self.db.read() as session:
            backlog = session_repo.count_due(session, now, active, up_to=self.config.share_from)
        if backlog < self.config.share_from:
            self._due_share(now, report, active, None)
            return
        parts = workers.size + 1
        try:
            futures = workers.advance(now, parts)
        except BrokenProcessPool as exc:
            log.warning("the worker process is gone (%s); carrying on in one process", exc)
            workers.close()
            self.workers = None
            self._due_share(now, report, active, None)
            return
        self._due_share(now, report, active, (0, parts))
        failed = False
        for future in futures:
            try:
                report.add(future.result())
                report.worker_shares += 1
            except Exception as exc:  # noqa: BLE001 - a worker's failure must not stop the session
                failed = True
                log.warning("a worker process failed (%s); what it left is advanced here", exc)
                if isinstance(exc, BrokenProcessPool):  # it died: carry on in one process
                    workers.close()
                    self.workers = None
        if failed and not self.stopping:
            self._due_share(now, report, active, None)

    def _due_claimed(self, now: datetime, report: PollReport, active: list[int]) -> None:
        """PostgreSQL: batches claimed with FOR UPDATE SKIP LOCKED, each advanced and written in
        the transaction that holds its rows, so workers on any machines never take the same run
        and a worker that dies mid-batch loses nothing (the server rolls the batch back and the
        runs are due again). A full batch tells idle workers there is more (NOTIFY)."""
        while not self.stopping:
            batch = PollReport()
            with self.db.transaction() as session:
                work = self._due_work(session, now, active, None, claim=True)
                if not work:
                    return
                self._share_ledgers(session, work, now)
                self._advance(work, now, self._active_elsewhere(session, work))
                self._write(session, work, now, batch)
                if len(work) >= self.config.batch:
                    notify(session, "due")
            self.batches += 1
            report.add(batch)
            self._report_steps(batch)

    def advance_share(self, now: datetime, part: int, parts: int) -> PollReport:
        """A worker process's share of a big backlog: the runs whose id is `part` modulo `parts`."""
        report = PollReport()
        self._refresh(now)
        try:
            with _batch_memory():
                self._due_share(now, report, self._active_versions(), (part, parts))
        except SessionStopping:
            report.stopped = True
        return report

    def _due_share(self, now: datetime, report: PollReport, active: list[int], share: tuple[int, int] | None
                   ) -> None:
        misses = 0
        while not self.stopping:
            # Alone, a batch may as well hold the lock throughout (one transaction, nothing
            # to read again); sharing, it holds it only to write. After a few misses, too.
            if share is None or misses >= 3:
                if not self._due_batch_locked(now, report, active, share):
                    return
                misses = 0
                continue
            with self.db.read() as session:
                _tune(session)
                work = self._due_work(session, now, active, share)
                if not work:
                    return
                self._share_ledgers(session, work, now)
                elsewhere = self._active_elsewhere(session, work)
            self._advance(work, now, elsewhere)
            batch = PollReport()
            try:
                with self.db.transaction() as session:
                    _tune(session)
                    self._write(session, work, now, batch, checked=True)
            except (session_repo.RunsChanged, IntegrityError) as exc:
                misses += 1
                log.info("a batch of due runs is read again: %s", exc)
                continue
            report.add(batch)
            self._report_steps(batch)

    def _due_batch_locked(self, now: datetime, report: PollReport, active: list[int],
                          share: tuple[int, int] | None) -> bool:
        """One batch read, advanced and written under the write lock; False when none is due."""
        batch = PollReport()
        with self.db.transaction() as session:
            _tune(session)
            work = self._due_work(session, now, active, share)
            if not work:
                return False
            self._share_ledgers(session, work, now)
            self._advance(work, now, self._active_elsewhere(session, work))
            self._write(session, work, now, batch)
        self.batches += 1
        report.add(batch)
        self._report_steps(batch)
        return True

    def _due_work(self, session: Any, now: datetime, active: list[int], share: tuple[int, int] | None, *,
                  claim: bool = False) -> list[Work]:
        records = session_repo.due_runs(session, now, active, limit=self.config.batch, share=share, claim=claim)
        profiles = session_repo.load_profiles(session, [r.customer_id for r in records], self._event_types)
        work = []
        for record in records:
            version = self.versions[record.version_id]
            profile = profiles.get(record.customer_id)
            if profile is not None:
                work.append(self._work(record, version,
                                       functools.partial(self._restore, version, profile, record), None))
        return work

    # -- runs for time-based triggers -----------------------------------------------------------
    def _scan_time_triggers(self, now: datetime, report: PollReport) -> None:
        """Date, inactivity and segment triggers watch every customer, so every customer needs
        a run on the live version (an event trigger makes runs when its event arrives)."""
        mono = _time.monotonic()
        if mono - self._last_scan < self.config.scan_interval:
            return
        self._last_scan = mono
        for version in list(self.versions.values()):
            if not version.live or version.trigger_event is not None:
                continue
            state = self.journeys.get(version.journey_id)
            if state is None or state.run_status == "archived":
                continue
            while not self.stopping:
                with self.db.transaction() as session:
                    missing = session_repo.customers_without_run(session, version.journey_id, version.version_id,
                                                                 limit=self.config.batch)
                    if not missing:
                        break
                    profiles = session_repo.load_profiles(session, missing, self._event_types)
                    history = self._history(session, [(version, cid) for cid in missing])
                    work = []
                    for cid in missing:
                        if cid not in profiles:
                            continue
                        make = functools.partial(self._new_run, version, profiles[cid],
                                                 history.get((version.journey_id, cid), []))
                        work.append(self._work(session_repo.RunRecord(None, version.journey_id, version.version_id,
                                                                      cid, None), version, make, make))
                    self._advance_and_write(session, work, now, report, keep_empty=True)
