"""Advancing a batch of runs and writing what happened, for `SendingSession`.

A batch is a few thousand runs: each is advanced with `run_until(now)` (`_advance`), then
everything the batch did is written with one executemany per table (`_write`): the new
enrollments first (outbox rows and snapshots refer to their ids), ended enrollments, queued
or skipped messages, and the run states. Kept apart from the session's wake-up logic, which
decides which runs make a batch and in which transaction it is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.session.outbox import DeliveryReport
from engine.compiled import CompiledJourney
from engine.profile import Profile
from engine.runner import CustomerRun, Enrollment, RunOptions
from engine.runstate import snapshot
from engine.steps import Step
from storage import session_repo

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
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    next_wake: datetime | None = None
    step_log: list[tuple[int, str, Step]] = field(default_factory=list, repr=False)  # for `on_step`
    worker_shares: int = 0  # shares of the due runs that worker processes advanced

    def add(self, other: PollReport) -> None:
        """Counts a batch (or a worker's share) in."""
        self.events += other.events
        self.runs += other.runs
        self.steps += other.steps
        self.queued += other.queued


@dataclass
class Work:
    """One run being advanced in a batch, and where its row goes."""

    record: session_repo.RunRecord
    run: CustomerRun
    version: VersionInfo
    failed: bool = False


class BatchWriting:
    """The batch half of `SendingSession` (which provides these attributes)."""

    journeys: dict[int, session_repo.JourneyState]
    versions: dict[int, VersionInfo]
    options: RunOptions
    on_step: Callable[[int, str, Step], None] | None
    _late_policy: Callable[[int, datetime], Callable[[CustomerRun], Any] | None]

    # -- advancing a batch and writing it ----------------------------------------------------
    def _advance_and_write(self, session: Any, work: Iterable[Work], now: datetime, report: PollReport,
                           *, keep_empty: bool = False) -> None:
        """Advances and writes a batch inside the caller's (write) transaction."""
        work = list(work)
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
        for item in work:
            state = self.journeys.get(item.version.journey_id)
            run = item.run
            run.entries_closed = not item.version.live
            run.active_elsewhere = (item.version.version_id, item.record.customer_id) in elsewhere
            if state is not None and state.run_status == "active":
                run.late_policy = self._late_policy(item.version.journey_id, now)
                try:
                    run.run_until(now)
                except Exception:  # noqa: BLE001 - one customer's failure must not stop the others
                    log.exception("journey %s, customer %s: the engine failed; trying again in an hour",
                                  item.version.journey_id, item.record.customer_id)
                    item.failed = True

    def _write(self, session: Any, work: list[Work], now: datetime, report: PollReport, *,
               keep_empty: bool = False, checked: bool = False) -> None:
        """Writes what `_advance` did: enrollments, ended ones, queued messages and run states.
        `checked`: the runs were read in an earlier transaction (see `write_runs`)."""
        # New enrollments first: outbox rows and snapshots refer to their ids.
        new: list[tuple[Enrollment, Work]] = [(e, item) for item in work if not item.failed
                                               for e in item.run.enrollments if e.key is None]
        ids = session_repo.insert_enrollments(session, [{
            "journey_id": item.version.journey_id, "version_id": item.version.version_id,
            "customer_id": item.record.customer_id, "status": "active" if e.active else "ended",
            "entered_at": e.entered_at, "ended_at": e.ended_at, "end_reason": e.end_reason,
            "entry": e.entry_props} for e, item in new])
        for (enrollment, _), key in zip(new, ids, strict=True):
            enrollment.key = key
        new_keys = set(ids)
        ended: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        deletes: list[int] = []
        for item in work:
            run, record, version = item.run, item.record, item.version
            by_local = {e.id: e for e in run.enrollments}
            for step in [] if item.failed else run.steps:
                report.steps += 1
                if self.on_step is not None:
                    report.step_log.append((version.journey_id, record.customer_id, step))
                enrollment = by_local.get(step.enrollment)
                if enrollment is None or enrollment.key is None:
                    continue
                if step.type == "exit" and enrollment.key not in new_keys:
                    ended.append({"id": enrollment.key, "ended_at": step.at, "end_reason": step.reason})
                elif step.type == "message" and step.event in ("sent", "skipped"):
                    outbox.append(self._message_row(version, run.profile, enrollment.key, step, now))
            run.steps.clear()
            report.runs += 1
            if item.failed:  # keep the state it had; try again later rather than in a tight loop
                if record.id is not None:
                    updates.append({"id": record.id, "state": record.state, "stamp": record.stamp,
                                    "next_due": now + timedelta(hours=1)})
                continue
            due = run.next_due()
            idle = due is None and not any(e.active for e in run.enrollments)
            if idle and (not version.live or (not run.enrollments and not keep_empty)):
                if record.id is not None:
                    deletes.append((record.id, record.stamp) if checked else record.id)
                continue
            state = snapshot(run)
            if record.id is None:
                inserts.append({"journey_id": version.journey_id, "version_id": version.version_id,
                                "customer_id": record.customer_id, "state": state, "next_due": due})
            else:
                updates.append({"id": record.id, "state": state, "next_due": due, "stamp": record.stamp})
        session_repo.end_enrollments(session, ended)
        session_repo.queue_messages(session, outbox)
        session_repo.write_runs(session, updates, inserts, deletes, checked=checked)
        report.queued += sum(1 for row in outbox if row["status"] == "queued")

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
        if step.discount_code:
            payload["discount_code"] = step.discount_code
        unsubscribe = self.options.unsubscribe_url
        if unsubscribe is not None and step.event == "sent":
            payload["unsubscribe_url"] = unsubscribe(profile.id, channel)
        sent = step.event == "sent"
        return {"journey_id": version.journey_id, "version_id": version.version_id, "customer_id": profile.id,
                "enrollment_id": enrollment_key, "node_id": step.node, "visit": step.visit or 1,
                "channel": channel, "status": "queued" if sent else "skipped",
                "reason": None if sent else step.reason, "attempts": 0, "due_at": step.at,
                "next_attempt_at": now if sent else None, "payload": payload if sent else {},
                "created_at": now}
