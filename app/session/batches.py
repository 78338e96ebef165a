"""Advancing a batch of runs and writing what happened, for `SendingSession`.

A batch is a few thousand runs: each is advanced with `run_until(now)` (`_advance`), then
everything the batch did is written with one executemany per table (`_write`): the new
enrollments first (outbox rows and snapshots refer to their ids), ended enrollments, queued
or skipped messages, and the run states. Kept apart from the session's wake-up logic, which
decides which runs make a batch and in which transaction it is written.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.session.outbox import DeliveryReport
from engine.compiled import CompiledJourney
from engine.compose import sent_format
from engine.profile import Profile
from engine.runner import CustomerRun, Enrollment, RunOptions
from engine.runstate import snapshot
from engine.steps import Step
from storage import session_repo
from storage.jsoncodec import dumps

log = logging.getLogger("app.session.session")


@dataclass
class VersionInfo:
    """A journey version the session runs: its compiled graph and how it is run."""

    journey_id: int
    version_id: int
    compiled: CompiledJourney
    live: bool
    start: datetime
    trigger_event: str | None  # the trigger's event, for event triggers


@dataclass
class PollReport:
    events: int = 0
    runs: int = 0
    steps: int = 0
    queued: int = 0
    failed: int = 0  # messages that failed at their step (a template error): never queued
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    next_wake: datetime | None = None
    step_log: list[tuple[int, str, Step]] = field(default_factory=list, repr=False)  # for `on_step`
    worker_shares: int = 0  # shares of the due runs that worker processes advanced
    parked: list[tuple[int, str, str]] = field(default_factory=list)  # (journey, customer, reason)
    stopped: bool = False  # a stop was asked for: the batch in hand was dropped, to be done again
    ab_picks: list[Any] = field(default_factory=list)  # A/B tests that picked their winner (app.session.ab_picker)

    def add(self, other: PollReport) -> None:
        """Counts a batch (or a worker's share) in."""
        self.events += other.events
        self.runs += other.runs
        self.steps += other.steps
        self.queued += other.queued
        self.failed += other.failed
        self.parked += other.parked


class SessionStopping(Exception):  # noqa: N818 - a signal, not an error
    """Raised between two customers of a batch once a stop was asked for: the batch's
    transaction rolls back and the next session does it again, identically."""


@dataclass
class Work:
    """One run being advanced in a batch, and where its row goes.

    `rebuild` makes the run again as it was before this batch advanced it (restored or new,
    with the batch's events delivered): a run that fails is parked in that state, so the
    events that arrived with it are not lost with the attempt.
    """

    record: session_repo.RunRecord
    run: CustomerRun | None
    version: VersionInfo
    rebuild: Callable[[], CustomerRun] | None = None
    error: str | None = None
    state: str | None = field(default=None, repr=False)  # the JSON written for the run

    @property
    def failed(self) -> bool:
        return self.error is not None


def failure(exc: BaseException) -> str:
    """Why a customer's run failed, in one line for the monitor and the `run` output."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


class BatchWriting:
    """The batch half of `SendingSession` (which provides these attributes)."""

    journeys: dict[int, session_repo.JourneyState]
    versions: dict[int, VersionInfo]
    _stop: threading.Event
    options: RunOptions
    on_step: Callable[[int, str, Step], None] | None
    _late_policy: Callable[[int, datetime], Callable[[CustomerRun], Any] | None]

    # -- advancing a batch and writing it ----------------------------------------------------
    def _advance_and_write(self, session: Any, work: Iterable[Work], now: datetime, report: PollReport,
                           *, keep_empty: bool = False) -> None:
        """Advances and writes a batch inside the caller's (write) transaction."""
        work = list(work)
        self._share_ledgers(session, work, now)
        self._advance(work, now, self._active_elsewhere(session, work))
        batch = PollReport()
        self._write(session, work, now, batch, keep_empty=keep_empty)
        report.add(batch)
        self._report_steps(batch)

    def _report_steps(self, batch: PollReport) -> None:
        """Tells `on_step` of a batch's steps once it is written (a batch read again is not told twice)."""
        if self.on_step is not None:
            for journey_id, customer_id, step in batch.step_log:
                self.on_step(journey_id, customer_id, step)

    def _advance(self, work: list[Work], now: datetime, elsewhere: set[tuple[int, str]]) -> None:
        stop = self._stop
        for item in work:
            if stop.is_set():
                raise SessionStopping
            run = item.run
            if run is None or item.failed:
                continue
            state = self.journeys.get(item.version.journey_id)
            run.entries_closed = not item.version.live
            run.active_elsewhere = (item.version.version_id, item.record.customer_id) in elsewhere
            if state is not None and state.run_status == "active":
                run.late_policy = self._late_policy(item.version.journey_id, now)
                try:
                    run.run_until(now)
                except Exception as exc:  # noqa: BLE001 - one customer's failure must not stop the others
                    item.error = failure(exc)
                    log.debug("journey %s, customer %s: the engine failed", item.version.journey_id,
                              item.record.customer_id, exc_info=True)

    def _write(self, session: Any, work: list[Work], now: datetime, report: PollReport, *,
               keep_empty: bool = False, checked: bool = False) -> None:
        """Writes what `_advance` did: enrollments, ended ones, queued messages and run states.
        `checked`: the runs were read in an earlier transaction (see `write_runs`).

        A run that failed, or whose state cannot be written, is parked with its reason in the
        state it had before the batch; nothing it did in the batch is written.
        """
        # New enrollments first: outbox rows and snapshots refer to their ids.
        new: list[tuple[Enrollment, Work]] = [(e, item) for item in work if item.run is not None and not item.failed
                                               for e in item.run.enrollments if e.key is None]
        ids = session_repo.insert_enrollments(session, [{
            "journey_id": item.version.journey_id, "version_id": item.version.version_id,
            "customer_id": item.record.customer_id, "status": "active" if e.active else "ended",
            "entered_at": e.entered_at, "ended_at": e.ended_at, "end_reason": e.end_reason,
            "entry": e.entry_props} for e, item in new])
        for (enrollment, _), key in zip(new, ids, strict=True):
            enrollment.key = key
        new_keys = set(ids)
        updates: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        deletes: list[Any] = []
        unwritable: list[int] = []
        for item in work:
            record, version = item.record, item.version
            report.runs += 1
            if not item.failed:
                assert item.run is not None
                due = item.run.next_due()
                idle = due is None and not any(e.active for e in item.run.enrollments)
                if idle and (not version.live or (not item.run.enrollments and not keep_empty)):
                    if record.id is not None:
                        deletes.append((record.id, record.stamp) if checked else record.id)
                    continue
                try:
                    item.state = dumps(snapshot(item.run))
                except Exception as exc:  # noqa: BLE001 - e.g. a value JSON cannot hold
                    item.error = failure(exc)
                    unwritable += [e.key for e in item.run.enrollments if e.key in new_keys]
                else:
                    row = {"state": item.state, "next_due": due}
                    if record.id is None:
                        inserts.append({"journey_id": version.journey_id, "version_id": version.version_id,
                                        "customer_id": record.customer_id, **row})
                    else:
                        updates.append({"id": record.id, "stamp": record.stamp, **row})
                    continue
            parked = self._parked_state(item)
            report.parked.append((version.journey_id, record.customer_id, item.error or ""))
            log.warning("journey %s, customer %s: parked (%s)", version.journey_id, record.customer_id, item.error)
            if record.id is not None:
                updates.append({"id": record.id, "stamp": record.stamp, "state": parked, "next_due": None,
                                "parked": item.error})
            elif parked is not None:
                inserts.append({"journey_id": version.journey_id, "version_id": version.version_id,
                                "customer_id": record.customer_id, "state": parked, "next_due": None,
                                "parked": item.error})
        session_repo.delete_enrollments(session, unwritable)
        ended: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        updates_of_customers: list[tuple[str, dict[str, Any]]] = []  # "update customer" steps, in order
        for item in work:
            run = item.run
            if run is None:
                continue
            if item.failed:
                run.steps.clear()
                continue
            record, version = item.record, item.version
            by_local = {e.id: e for e in run.enrollments}
            for step in run.steps:
                report.steps += 1
                if self.on_step is not None:
                    report.step_log.append((version.journey_id, record.customer_id, step))
                local = by_local.get(step.enrollment)
                if local is None or local.key is None:
                    continue
                if step.type == "exit" and local.key not in new_keys:
                    ended.append({"id": local.key, "ended_at": step.at, "end_reason": step.reason})
                elif step.type == "message" and step.event in ("sent", "skipped", "failed"):
                    outbox.append(self._message_row(version, run.profile, local.key, step, now))
                elif step.type == "action" and step.event == "updated":
                    updates_of_customers.append((record.customer_id, dict(step.content or {})))
            run.steps.clear()
        for customer_id, change in updates_of_customers:
            session_repo.update_customer_from_journey(session, customer_id, change)
        session_repo.end_enrollments(session, ended)
        session_repo.queue_messages(session, outbox)
        session_repo.write_runs(session, updates, inserts, deletes, checked=checked)
        report.queued += sum(1 for row in outbox if row["status"] == "queued")
        report.failed += sum(1 for row in outbox if row["status"] == "failed")

    def _parked_state(self, item: Work) -> str | None:
        """The state a failed run is parked in: as it was before this batch, with the batch's
        events delivered (so retrying it sees them), else as it was read."""
        if item.rebuild is not None:
            try:
                return dumps(snapshot(item.rebuild()))
            except Exception:  # noqa: BLE001 - the events or the stored state are what fails
                log.debug("cannot rebuild the run of %s", item.record.customer_id, exc_info=True)
        if item.record.state is not None:
            return dumps(item.record.state)
        return None

    def _share_ledgers(self, session: Any, work: list[Work], now: datetime) -> None:
        """Gives the runs of one customer one ledger of the marketing messages they got, from
        the outbox and from each other as the batch goes: the shop's caps count every journey.
        A customer's runs go in order of journey priority, so at one moment the more important
        journey takes what the caps still allow (as a simulation of several journeys does)."""
        caps = self.options.shop_caps
        if not caps:
            return
        longest = max(per.approx_seconds() for rules in caps.values() for _, per in rules)
        since = now - timedelta(seconds=longest + 86400)  # a calendar day more, for DST and months
        running = [item for item in work if item.run is not None]
        customers = list(dict.fromkeys(item.record.customer_id for item in running))
        sent = session_repo.marketing_sends(session, customers, list(caps), since)
        for item in running:
            if item.run is not None:
                item.run.ledger = sent.setdefault(item.record.customer_id, {})
        if len(customers) < len(running):  # some customer has runs in several journeys
            work.sort(key=lambda item: (item.record.customer_id, -item.version.compiled.priority,
                                        item.version.compiled.journey.name))

    def _active_elsewhere(self, session: Any, work: list[Work]) -> set[tuple[int, str]]:
        """(version, customer) pairs of the batch whose customer is still on another version of
        the journey. Only asked where there is such a version, which is right after a publish."""
        versions_of: dict[int, int] = {}
        for version in self.versions.values():
            versions_of[version.journey_id] = versions_of.get(version.journey_id, 0) + 1
        by_version: dict[int, list[str]] = {}
        for item in work:
            version = item.version
            if version.live and versions_of.get(version.journey_id, 0) > 1:
                by_version.setdefault(version.version_id, []).append(item.record.customer_id)
        found: set[tuple[int, str]] = set()
        for vid, customers in by_version.items():
            journey_id = self.versions[vid].journey_id
            found.update((vid, cid) for cid in session_repo.active_on_other_versions(session, journey_id, vid,
                                                                                     customers))
        return found

    def _message_row(self, version: VersionInfo, profile: Profile, enrollment_key: int, step: Step,
                     now: datetime) -> dict[str, Any]:
        customer = profile.customer
        channel = step.channel or ""
        to = {"email": customer.get("email"), "sms": customer.get("phone")}.get(channel, profile.id)
        payload: dict[str, Any] = {"to": to, **(step.content or {})}
        if channel == "email" and step.event == "sent":
            payload["format"] = sent_format(version.compiled.plans[step.node].node.config, step)
        if step.discount_code:
            payload["discount_code"] = step.discount_code
        config = version.compiled.plans[step.node].node.config if step.node else {}
        transactional = config.get("purpose") == "transactional"
        if transactional and step.event == "sent":
            payload["purpose"] = "transactional"  # delivered without consent, never capped
        if step.unsubscribe_url and step.event == "sent" and not transactional:
            payload["unsubscribe_url"] = step.unsubscribe_url
        sent = step.event == "sent"
        return {"journey_id": version.journey_id, "version_id": version.version_id, "customer_id": profile.id,
                "enrollment_id": enrollment_key, "node_id": step.node, "visit": step.visit or 1,
                "channel": channel, "purpose": "transactional" if transactional else "marketing",
                "status": "queued" if sent else step.event,
                "reason": None if sent else step.reason, "attempts": 0, "due_at": step.at,
                "next_attempt_at": now if sent else None, "payload": payload if sent else {},
                "error": "; ".join(step.explanation) if step.event == "failed" else None,
                "created_at": now, "variant": step.variant}
