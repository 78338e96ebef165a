"""The sending session's tables: run state, the inbox cursor and lease, enrollments, the outbox.

Written for batches: a wake-up may find thousands of customers due at once, so reads take a
list of ids and writes are Core executemany statements in the caller's one transaction (no
ORM unit of work per row). Like every repository here, nothing commits; the session owns the
transaction, which is what makes "state advanced" and "message queued" one atomic fact.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from engine.profile import ORDER_EVENT, Event, Order, Profile, order_of_event
from storage.customers_repo import CHANNELS, get_customer
from storage.database import sqlite_connection
from storage.errors import InvalidState
from storage.jsoncodec import dumps, loads
from storage.models import (
    CustomerRow,
    EnrollmentRow,
    EventRow,
    JourneyRecord,
    JourneyVersion,
    OutboxRow,
    RunStateRow,
    SessionCursorRow,
    utcnow,
)

CHUNK = 2000  # ids per IN (...) list: well under SQLite's limit on bound parameters
# A `next_due` that is due for any clock: runs to be looked at by the next wake-up.
WAKE_AT_ONCE = datetime(2000, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=4096)
def _db_moment(moment: datetime) -> str:
    m = moment.astimezone(UTC)
    return (f"{m.year:04d}-{m.month:02d}-{m.day:02d} {m.hour:02d}:{m.minute:02d}:{m.second:02d}"
            f".{m.microsecond:06d}")


def db_moment(moment: datetime | None) -> str | None:
    """A moment as SQLAlchemy's SQLite DateTime stores it (naive UTC text), for the raw
    executemany paths below; they skip SQLAlchemy's per-row type processing. Cached: a batch
    writes the same few moments (now, the due moment) thousands of times."""
    return None if moment is None else _db_moment(moment)


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched: Session.execute types its result as a plain Result,
    but for these statements it is a CursorResult, which counts them."""
    return int(cast(CursorResult[Any], result).rowcount or 0)


def _marks(n: int) -> str:
    return ",".join("?" * n)


# Declarative classes type __table__ as a FromClause; a class with a __tablename__ has a Table.
RUNS = cast(Table, RunStateRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
ENROLLMENTS = cast(Table, EnrollmentRow.__table__)


class SessionBusy(InvalidState):
    """Another sending session holds this database."""


class RunsChanged(InvalidState):
    """Runs read for a batch were changed or removed before the batch was written (a publish
    moved them, an erase removed the customer): the batch must be done again from fresh data."""


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- the lease and the inbox cursor ---------------------------------------------------------
def _cursor(session: Session) -> SessionCursorRow:
    row = session.get(SessionCursorRow, 1)
    if row is None:
        row = SessionCursorRow(id=1, last_event_id=0)
        session.add(row)
        session.flush()
    return row


def make_owner(tag: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{tag or os.urandom(4).hex()}"


def _owner_alive(owner: str) -> bool:
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return True  # another machine: only the heartbeat can tell
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def acquire_session(session: Session, owner: str, now: datetime, *, stale_after: float = 15.0) -> None:
    """Takes the database for one sending session; SessionBusy if a live one holds it.

    A holder is gone when its process no longer exists (same machine) or its heartbeat is
    older than `stale_after` seconds, which is how a SIGKILLed session is taken over at once.
    """
    row = _cursor(session)
    if row.owner and row.owner != owner:
        fresh = row.heartbeat_at is not None and (now - row.heartbeat_at).total_seconds() < stale_after
        if fresh and _owner_alive(row.owner):
            raise SessionBusy(f"a sending session is already running on this database ({row.owner})")
    row.owner, row.heartbeat_at, row.updated_at = owner, now, now
    session.flush()


def heartbeat(session: Session, owner: str, now: datetime) -> None:
    session.execute(update(SessionCursorRow).where(SessionCursorRow.id == 1, SessionCursorRow.owner == owner)
                    .values(heartbeat_at=now))


def release_session(session: Session, owner: str) -> None:
    session.execute(update(SessionCursorRow).where(SessionCursorRow.id == 1, SessionCursorRow.owner == owner)
                    .values(owner=None, heartbeat_at=None))


def last_event_id(session: Session) -> int:
    return _cursor(session).last_event_id


def set_last_event_id(session: Session, event_id: int) -> None:
    session.execute(update(SessionCursorRow).where(SessionCursorRow.id == 1)
                    .values(last_event_id=event_id, updated_at=utcnow()))


def newest_event_id(session: Session) -> int:
    return int(session.scalar(select(func.max(EventRow.id))) or 0)


# -- journeys as the session sees them --------------------------------------------------------
@dataclass(frozen=True)
class JourneyState:
    journey_id: int
    name: str
    run_status: str  # active, paused, archived
    catch_up: str
    catch_up_limit: str | None
    live_version: int | None
    live_since: datetime | None
    paused_at: datetime | None
    updated_at: datetime


def journey_states(session: Session) -> list[JourneyState]:
    rows = session.execute(
        select(JourneyRecord.id, JourneyRecord.name, JourneyRecord.run_status, JourneyRecord.catch_up,
               JourneyRecord.catch_up_limit, JourneyVersion.id, JourneyVersion.published_at,
               JourneyRecord.paused_at, JourneyRecord.updated_at)
        .outerjoin(JourneyVersion, (JourneyVersion.journey_id == JourneyRecord.id)
                   & (JourneyVersion.status == "live"))
        .order_by(JourneyRecord.id)).all()
    return [JourneyState(*row) for row in rows]


def versions_in_flight(session: Session) -> list[tuple[int, int]]:
    """(journey id, version id) of every version some customer's run is still on."""
    return [(j, v) for j, v in session.execute(select(RUNS.c.journey_id, RUNS.c.version_id).distinct())]


# -- run state ------------------------------------------------------------------------------
@dataclass
class RunRecord:
    id: int | None
    journey_id: int
    version_id: int
    customer_id: str
    state: dict[str, Any] | None
    stamp: str | None = None  # updated_at as stored: a batch written later checks it is unchanged


_RUN_COLUMNS = "id, journey_id, version_id, customer_id, state, updated_at"


def _state(text: str | None) -> dict[str, Any] | None:
    """A stored run state; one that cannot be read at all restores as None (the run is then
    parked with the reason by the session, not allowed to fail the whole batch)."""
    if text is None:
        return None
    try:
        value = loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _run_records(session: Session, sql: str, params: Sequence[Any]) -> list[RunRecord]:
    rows = session.connection().exec_driver_sql(sql, tuple(params)).fetchall()
    return [RunRecord(rid, jid, vid, cid, _state(state), stamp) for rid, jid, vid, cid, state, stamp in rows]


def due_runs(session: Session, now: datetime, version_ids: Iterable[int], *, limit: int = CHUNK,
             share: tuple[int, int] | None = None) -> list[RunRecord]:
    """Runs of the given versions due by `now`, soonest first (the `next_due` index).

    `share` (k, n) takes only the runs whose id is k modulo n: n processes advancing one big
    backlog side by side never touch the same run.
    """
    versions = list(version_ids)
    if not versions:
        return []
    params: list[Any] = [db_moment(now), *versions]
    part = ""
    if share is not None:
        part = " AND id % ? = ?"
        params += [share[1], share[0]]
    sql = (f"SELECT {_RUN_COLUMNS} FROM run_state WHERE next_due <= ? AND version_id IN ({_marks(len(versions))})"
           f"{part} ORDER BY next_due, id LIMIT ?")
    return _run_records(session, sql, [*params, limit])


def count_due(session: Session, now: datetime, version_ids: Iterable[int], *, up_to: int) -> int:
    """How many runs are due by `now`, counting no further than `up_to` (a cheap "is it a lot")."""
    versions = list(version_ids)
    if not versions:
        return 0
    sql = (f"SELECT count(*) FROM (SELECT 1 FROM run_state WHERE next_due <= ? "
           f"AND version_id IN ({_marks(len(versions))}) LIMIT ?)")
    return int(session.connection().exec_driver_sql(sql, (db_moment(now), *versions, up_to)).scalar() or 0)


def runs_of_customers(session: Session, customer_ids: Sequence[str], version_ids: Iterable[int]
                      ) -> dict[tuple[int, str], RunRecord]:
    """(version id, customer id) → run, for the customers an inbox batch concerns."""
    versions = list(version_ids)
    found: dict[tuple[int, str], RunRecord] = {}
    if not versions:
        return found
    for part in _chunks(list(customer_ids)):
        sql = (f"SELECT {_RUN_COLUMNS} FROM run_state WHERE customer_id IN ({_marks(len(part))}) "
               f"AND version_id IN ({_marks(len(versions))})")
        for record in _run_records(session, sql, [*part, *versions]):
            found[(record.version_id, record.customer_id)] = record
    return found


def next_due(session: Session, version_ids: Iterable[int]) -> datetime | None:
    versions = list(version_ids)
    if not versions:
        return None
    return session.scalar(select(func.min(RUNS.c.next_due)).where(RUNS.c.version_id.in_(versions)))


def write_runs(session: Session, updates: Sequence[dict[str, Any]], inserts: Sequence[dict[str, Any]],
               deletes: Sequence[int | tuple[int, str | None]], *, checked: bool = False) -> None:
    """One batch of run states: updates are {id, state, next_due[, stamp][, parked]}; inserts also
    carry journey_id, version_id and customer_id; deletes are ids, or (id, stamp) when checked.
    `state` is JSON text already (each run was serialised on its own, so one that cannot be
    does not fail the batch), or None in an update to keep the stored one; `parked` is the
    reason a run is set aside (and not due), which any other write clears. Raw executemany: this is the session's hottest write.

    `checked`: the batch was read in an earlier transaction, so each updated or deleted row
    must still carry the stamp it was read with; RunsChanged (and the caller rolls back) when
    one does not.
    """
    cursor = sqlite_connection(session.connection()).cursor()
    now = db_moment(utcnow())
    check = " AND updated_at IS ?" if checked else ""
    try:
        if updates:
            cursor.executemany("UPDATE run_state SET state = COALESCE(?, state), next_due = ?, updated_at = ?, "
                               f"parked_reason = ?, parked_at = ? WHERE id = ?{check}",
                               [(u["state"], db_moment(u["next_due"]), now, u.get("parked"),
                                 now if u.get("parked") else None, u["id"],
                                 *((u["stamp"],) if checked else ())) for u in updates])
            if checked and cursor.rowcount != len(updates):
                raise RunsChanged(f"{len(updates) - cursor.rowcount} run(s) changed since they were read")
        if inserts:
            cursor.executemany("INSERT INTO run_state (journey_id, version_id, customer_id, state, next_due, "
                               "updated_at, parked_reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               [(r["journey_id"], r["version_id"], r["customer_id"], r["state"],
                                 db_moment(r["next_due"]), now, r.get("parked"), now if r.get("parked") else None)
                                for r in inserts])
        if deletes:
            keys: list[Any] = [d if checked else (d,) for d in deletes]  # (id, stamp) or (id,)
            cursor.executemany(f"DELETE FROM run_state WHERE id = ?{check}", keys)
            if checked and cursor.rowcount != len(deletes):
                raise RunsChanged(f"{len(deletes) - cursor.rowcount} run(s) changed since they were read")
    finally:
        cursor.close()


@dataclass(frozen=True)
class ParkedRun:
    journey_id: int
    journey: str
    customer_id: str
    reason: str
    parked_at: datetime | None


def parked_runs(session: Session, *, limit: int = 200) -> tuple[int, list[ParkedRun]]:
    """How many runs are parked, and the newest `limit` of them with their reasons."""
    total = int(session.scalar(select(func.count()).select_from(RUNS).where(RUNS.c.parked_reason.is_not(None)))
                or 0)
    rows = session.execute(select(RUNS.c.journey_id, JourneyRecord.name, RUNS.c.customer_id, RUNS.c.parked_reason,
                                  RUNS.c.parked_at)
                           .join(JourneyRecord, JourneyRecord.id == RUNS.c.journey_id)
                           .where(RUNS.c.parked_reason.is_not(None))
                           .order_by(RUNS.c.parked_at.desc(), RUNS.c.id.desc()).limit(limit))
    return total, [ParkedRun(*row) for row in rows]


def retry_parked(session: Session, journey_id: int | None = None) -> int:
    """Wakes parked runs (of one journey, or all) at the next wake-up; returns how many."""
    query = update(RUNS).where(RUNS.c.parked_reason.is_not(None))
    if journey_id is not None:
        query = query.where(RUNS.c.journey_id == journey_id)
    result = session.execute(query.values(parked_reason=None, parked_at=None, next_due=WAKE_AT_ONCE,
                                          updated_at=utcnow()))
    return _rowcount(result)


def customers_without_run(session: Session, journey_id: int, version_id: int, *, limit: int = CHUNK) -> list[str]:
    """Customers with no run on this version (time-based triggers need one per customer)."""
    has_run = select(RUNS.c.customer_id).where(RUNS.c.journey_id == journey_id, RUNS.c.version_id == version_id)
    return list(session.scalars(select(CustomerRow.id).where(CustomerRow.id.not_in(has_run))
                                .order_by(CustomerRow.id).limit(limit)))


def move_runs(session: Session, journey_id: int, from_version: int, to_version: int, now: datetime) -> int:
    """Moves in-flight customers to another version of the journey, waking them at once so
    that paths standing at a node the new version lacks are ended promptly."""
    taken = select(RUNS.c.customer_id).where(RUNS.c.version_id == to_version)
    result = session.execute(update(RUNS).where(
        RUNS.c.journey_id == journey_id, RUNS.c.version_id == from_version,
        RUNS.c.customer_id.not_in(taken)).values(version_id=to_version, next_due=WAKE_AT_ONCE, updated_at=now,
                                                 parked_reason=None, parked_at=None))
    session.execute(update(ENROLLMENTS).where(
        ENROLLMENTS.c.journey_id == journey_id, ENROLLMENTS.c.version_id == from_version,
        ENROLLMENTS.c.status == "active").values(version_id=to_version))
    return _rowcount(result)


def end_journey_runs(session: Session, journey_id: int, reason: str, now: datetime) -> int:
    """Archiving: every customer in flight leaves, and nothing still queued is sent."""
    session.execute(update(ENROLLMENTS).where(ENROLLMENTS.c.journey_id == journey_id,
                                              ENROLLMENTS.c.status == "active")
                    .values(status="ended", ended_at=now, end_reason=reason))
    session.execute(update(OUTBOX).where(OUTBOX.c.journey_id == journey_id, OUTBOX.c.status == "queued")
                    .values(status="skipped", reason=reason, next_attempt_at=None))
    result = session.execute(delete(RUNS).where(RUNS.c.journey_id == journey_id))
    return _rowcount(result)


def in_flight_counts(session: Session, journey_id: int) -> dict[int, int]:
    """version id → customers with a run on it, for the publish dialog."""
    rows = session.execute(select(RUNS.c.version_id, func.count()).where(RUNS.c.journey_id == journey_id,
                                                                        RUNS.c.next_due.is_not(None))
                           .group_by(RUNS.c.version_id))
    return {v: n for v, n in rows}


# -- enrollments ----------------------------------------------------------------------------
def insert_enrollments(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Inserts enrollment rows and returns their ids in the same order."""
    if not rows:
        return []
    result = session.execute(insert(EnrollmentRow).returning(EnrollmentRow.id, sort_by_parameter_order=True),
                             [dict(row) for row in rows])
    return [row[0] for row in result]


def delete_enrollments(session: Session, ids: Sequence[int]) -> None:
    """Takes back enrollments written earlier in the same batch (their run could not be saved)."""
    for part in _chunks(list(ids)):
        session.execute(delete(ENROLLMENTS).where(ENROLLMENTS.c.id.in_(part)))


def end_enrollments(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """rows: {id, ended_at, end_reason}."""
    if rows:
        session.connection().exec_driver_sql(
            "UPDATE enrollments SET status = 'ended', ended_at = ?, end_reason = ? WHERE id = ?",
            [(db_moment(r["ended_at"]), r["end_reason"], r["id"]) for r in rows])


def enrollment_history(session: Session, journey_id: int, customer_ids: Sequence[str]
                       ) -> dict[str, list[tuple[datetime, datetime | None, str | None, int]]]:
    """customer → [(entered, ended, reason, id)] of the journey, oldest first: what a run made
    afresh on a new version needs for `reentry` and the cooldown."""
    found: dict[str, list[tuple[datetime, datetime | None, str | None, int]]] = {}
    for part in _chunks(list(customer_ids)):
        rows = session.execute(select(ENROLLMENTS.c.customer_id, ENROLLMENTS.c.entered_at, ENROLLMENTS.c.ended_at,
                                      ENROLLMENTS.c.end_reason, ENROLLMENTS.c.id)
                               .where(ENROLLMENTS.c.journey_id == journey_id, ENROLLMENTS.c.customer_id.in_(part))
                               .order_by(ENROLLMENTS.c.entered_at, ENROLLMENTS.c.id))
        for cid, entered, ended, reason, eid in rows:
            found.setdefault(cid, []).append((entered, ended, reason, eid))
    return found


def active_on_other_versions(session: Session, journey_id: int, version_id: int, customer_ids: Sequence[str]
                             ) -> set[str]:
    """Customers of the batch still enrolled in the journey on another version (finishing an
    old version after a publish): `after_exit` must not let them in twice."""
    found: set[str] = set()
    for part in _chunks(list(customer_ids)):
        found.update(session.scalars(
            select(ENROLLMENTS.c.customer_id).distinct()
            .where(ENROLLMENTS.c.journey_id == journey_id, ENROLLMENTS.c.version_id != version_id,
                   ENROLLMENTS.c.status == "active", ENROLLMENTS.c.customer_id.in_(part))))
    return found


# -- the outbox -----------------------------------------------------------------------------
_OUTBOX_INSERT = ("INSERT OR IGNORE INTO outbox (journey_id, version_id, customer_id, enrollment_id, node_id, visit, "
                  "channel, status, reason, attempts, due_at, next_attempt_at, payload, error, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def queue_messages(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Adds messages; one that already exists under its key is left as it is (never twice)."""
    if not rows:
        return
    created = db_moment(utcnow())
    session.connection().exec_driver_sql(_OUTBOX_INSERT, [(
        r["journey_id"], r.get("version_id"), r["customer_id"], r["enrollment_id"], r["node_id"], r.get("visit", 1),
        r["channel"], r.get("status", "queued"), r.get("reason"), r.get("attempts", 0), db_moment(r["due_at"]),
        db_moment(r.get("next_attempt_at")), dumps(r.get("payload") or {}), r.get("error"),
        db_moment(r["created_at"]) if r.get("created_at") else created) for r in rows])


@dataclass
class OutgoingRecord:
    id: int
    journey_id: int | None
    customer_id: str
    enrollment_id: int
    node_id: str
    visit: int
    channel: str
    attempts: int
    due_at: datetime
    payload: dict[str, Any]

    @property
    def key(self) -> str:
        return f"j{self.journey_id}-c{self.customer_id}-e{self.enrollment_id}-{self.node_id}-v{self.visit}"


_OUTGOING_COLUMNS = (OUTBOX.c.id, OUTBOX.c.journey_id, OUTBOX.c.customer_id, OUTBOX.c.enrollment_id,
                     OUTBOX.c.node_id, OUTBOX.c.visit, OUTBOX.c.channel, OUTBOX.c.attempts, OUTBOX.c.due_at,
                     OUTBOX.c.payload)


def _record(row: Sequence[Any]) -> OutgoingRecord:
    """A row read with _OUTGOING_COLUMNS (SQLAlchemy types a select of ten or more columns as
    open-ended, so a row's length is checked here at run time, not by the type checker)."""
    return OutgoingRecord(*row)


def outgoing_record(session: Session, message_id: int) -> OutgoingRecord | None:
    """One outbox row as delivery reads it (the monitor shows a message as it was sent)."""
    row = session.execute(select(*_OUTGOING_COLUMNS).where(OUTBOX.c.id == message_id)).first()
    return None if row is None else _record(row)


def interrupted(session: Session) -> list[tuple[OutgoingRecord, datetime | None]]:
    """Messages a killed session left `sending`, with the moment each was handed over (None:
    the channel never reached the point of no return, so it cannot have arrived)."""
    rows = session.execute(select(*_OUTGOING_COLUMNS, OUTBOX.c.handover_at).where(OUTBOX.c.status == "sending")
                           .order_by(OUTBOX.c.id))
    return [(_record(row[:-1]), row[-1]) for row in rows]


def mark_handover(session: Session, message_id: int, now: datetime) -> None:
    session.execute(update(OUTBOX).where(OUTBOX.c.id == message_id).values(handover_at=now))


def due_messages(session: Session, now: datetime, journey_ids: Iterable[int], *, limit: int = 200
                 ) -> list[OutgoingRecord]:
    journeys = list(journey_ids)
    if not journeys:
        return []
    query = (select(*_OUTGOING_COLUMNS)
             .where(OUTBOX.c.status == "queued", OUTBOX.c.next_attempt_at <= now,
                    OUTBOX.c.journey_id.in_(journeys))
             .order_by(OUTBOX.c.next_attempt_at, OUTBOX.c.id).limit(limit))
    return [_record(row) for row in session.execute(query)]


def next_attempt(session: Session, journey_ids: Iterable[int]) -> datetime | None:
    journeys = list(journey_ids)
    if not journeys:
        return None
    return session.scalar(select(func.min(OUTBOX.c.next_attempt_at)).where(
        OUTBOX.c.status == "queued", OUTBOX.c.journey_id.in_(journeys)))


def mark_sending(session: Session, message_id: int) -> bool:
    """Claims a queued message; False when it is no longer queued (archived meanwhile)."""
    result = session.execute(update(OUTBOX).where(OUTBOX.c.id == message_id, OUTBOX.c.status == "queued")
                             .values(status="sending", attempts=OUTBOX.c.attempts + 1, handover_at=None))
    return bool(_rowcount(result))


def mark_done(session: Session, message_id: int, status: str, *, now: datetime | None = None,
              provider_id: str | None = None, error: str | None = None, reason: str | None = None,
              retry_at: datetime | None = None) -> None:
    """sent, failed, skipped, uncertain, or back to queued (a temporary failure) with `retry_at`."""
    values: dict[str, Any] = {"status": status, "error": error, "reason": reason}
    if status == "sent":
        values.update(sent_at=now or utcnow(), message_id=provider_id, next_attempt_at=None)
    elif status == "queued":
        values["next_attempt_at"] = retry_at
    else:
        values["next_attempt_at"] = None
    session.execute(update(OUTBOX).where(OUTBOX.c.id == message_id).values(**values))


def outbox_counts(session: Session) -> dict[str, int]:
    return {status: n for status, n in session.execute(
        select(OUTBOX.c.status, func.count()).group_by(OUTBOX.c.status))}


def list_outbox(session: Session, status: str | None = None, *, limit: int = 100) -> list[OutboxRow]:
    query = select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit)
    if status is not None:
        query = query.where(OutboxRow.status == status)
    return list(session.scalars(query))


def resolve_uncertain(session: Session, message_id: int, resolution: str) -> None:
    """The user's verdict on an uncertain message: it did arrive (`sent`), send it again
    (`resend`), or leave it (`dismiss`, kept as failed)."""
    row = session.get(OutboxRow, message_id)
    if row is None or row.status != "uncertain":
        raise InvalidState(f"message {message_id} is not waiting for review")
    if resolution == "sent":
        row.status, row.sent_at = "sent", utcnow()
    elif resolution == "resend":
        row.status, row.next_attempt_at = "queued", WAKE_AT_ONCE
    elif resolution == "dismiss":
        row.status, row.reason = "failed", "dismissed"
    else:
        raise ValueError(f"unknown resolution {resolution!r} (sent, resend or dismiss)")
    session.flush()


# -- customers: opt-out, bounces, and their data for the engine -------------------------------
def record_opt_out(session: Session, customer_id: str, channel: str) -> None:
    """The customer unsubscribed from a channel: no journey sends on it any more (the engine
    skips with `no_consent`, and queued messages are not delivered)."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r} (expected {', '.join(CHANNELS)})")
    row = get_customer(session, customer_id)
    setattr(row, f"consent_{channel}", False)
    row.updated_at = utcnow()
    session.flush()


def mark_bounced(session: Session, customer_id: str, channel: str) -> None:
    """A permanent delivery failure: the address is not mailed again until fixed."""
    if channel in ("email", "sms"):
        session.execute(update(CustomerRow).where(CustomerRow.id == customer_id)
                        .values({f"{channel}_bounced": True, "updated_at": utcnow()}))


def deliverable(session: Session, customer_ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
    """customer → {channel: None when we may deliver now, else why not (`no_consent`, `bounced`)}."""
    t = CustomerRow.__table__
    found: dict[str, dict[str, str | None]] = {}
    for part in _chunks(list(set(customer_ids))):
        for row in session.execute(select(t.c.id, t.c.consent_email, t.c.consent_sms, t.c.consent_push,
                                          t.c.email_bounced, t.c.sms_bounced).where(t.c.id.in_(part))):
            found[row.id] = {
                "email": None if row.consent_email and not row.email_bounced
                else ("bounced" if row.consent_email else "no_consent"),
                "sms": None if row.consent_sms and not row.sms_bounced
                else ("bounced" if row.consent_sms else "no_consent"),
                "push": None if row.consent_push else "no_consent",
            }
    return found


_TEXT = ("email", "phone", "first_name", "last_name", "gender", "city", "region", "country",
         "postal_code", "timezone", "locale")


_CUSTOMER_COLUMNS = (*_TEXT, "lat", "lon", "birthdate", "signup_at", "tags", "consent_email", "consent_sms",
                     "consent_push", "email_bounced", "sms_bounced", "properties")
_EMPTY: dict[str | None, list[Any] | dict[str, Any] | None] = {"[]": [], "{}": {}, None: None}


def _json(text: str | None) -> Any:
    """Most customers' tags and properties are empty: skip the decoder for those. Text that is
    not JSON at all (a database edited by hand) reads as empty rather than failing the batch."""
    if text in _EMPTY:
        empty = _EMPTY[text]
        return type(empty)() if empty is not None else None
    try:
        return loads(text)  # type: ignore[arg-type]
    except ValueError:
        return None


def load_profiles(session: Session, customer_ids: Sequence[str]) -> dict[str, Profile]:
    """Customers with their orders and events, three queries per batch.

    Gives what `engine.profile.parse_profile(profiles_repo.customer_profile(...))` gives for
    each (a test holds the two together), without the detour through JSON text per customer
    and without the ORM: a wake-up may load thousands of customers.
    """
    from datetime import date

    conn = session.connection()
    profiles: dict[str, Profile] = {}
    ids = list(dict.fromkeys(customer_ids))
    n_text = len(_TEXT)
    for part in _chunks(ids):
        marks = _marks(len(part))
        rows = conn.exec_driver_sql(f"SELECT id, {', '.join(_CUSTOMER_COLUMNS)} FROM customers WHERE id IN ({marks})",
                                    tuple(part)).fetchall()
        for row in rows:
            customer: dict[str, Any] = {"id": row[0]}
            for i, key in enumerate(_TEXT, 1):
                if row[i] is not None:
                    customer[key] = row[i]
            lat, lon, born, signup, tags = row[n_text + 1:n_text + 6]
            consent_email, consent_sms, consent_push, email_bounced, sms_bounced, props = row[n_text + 6:]
            if lat is not None:
                customer["lat"] = lat
            if lon is not None:
                customer["lon"] = lon
            if born is not None:
                customer["birthdate"] = date.fromisoformat(born)
            if signup is not None:
                customer["signup_at"] = _moment(signup)
            customer["tags"] = list(_json(tags) or [])
            customer["consent"] = {"email": bool(consent_email), "sms": bool(consent_sms), "push": bool(consent_push)}
            customer["bounced"] = {"email": bool(email_bounced), "sms": bool(sms_bounced)}
            customer["properties"] = dict(_json(props) or {})
            profiles[row[0]] = Profile(customer, [], [])
        for cid, oid, placed, total, currency, props in conn.exec_driver_sql(
                "SELECT customer_id, id, placed_at, total, currency, properties FROM orders "
                f"WHERE customer_id IN ({marks}) ORDER BY placed_at, id", tuple(part)):
            profile = profiles.get(cid)
            if profile is not None:
                profile.orders.append(Order(oid, _moment(placed), float(total or 0.0), currency or "",  # type: ignore[arg-type]
                                            dict(_json(props) or {})))
        for cid, etype, at, props in conn.exec_driver_sql(
                f"SELECT customer_id, type, at, properties FROM events WHERE customer_id IN ({marks}) "
                "ORDER BY at, id", tuple(part)):
            profile = profiles.get(cid)
            if profile is not None:
                profile.events.append(Event(etype, _moment(at), dict(_json(props) or {})))  # type: ignore[arg-type]
    for profile in profiles.values():  # a database written before every order had its event
        if any(e.type == ORDER_EVENT for e in profile.events):
            times = {o.placed_at for o in profile.orders}
            for event in profile.events:
                if event.type == ORDER_EVENT and event.at not in times:
                    profile.orders.append(order_of_event(profile.id, event.at, event.properties))
                    times.add(event.at)
            profile.orders.sort(key=lambda o: o.placed_at)
    return profiles


def prune_sent_before(session: Session, moment: datetime) -> int:
    """Housekeeping: forget delivered payloads older than `moment` (the rows stay for caps)."""
    result = session.execute(update(OUTBOX).where(OUTBOX.c.status == "sent", OUTBOX.c.sent_at < moment)
                             .values(payload={}))
    return _rowcount(result)


__all__ = [
    "JourneyState", "ParkedRun", "RunsChanged", "parked_runs", "retry_parked", "active_on_other_versions", "count_due", "OutgoingRecord", "RunRecord", "SessionBusy", "acquire_session", "due_messages",
    "due_runs", "end_enrollments", "end_journey_runs", "enrollment_history", "heartbeat", "in_flight_counts",
    "insert_enrollments", "journey_states", "last_event_id", "load_profiles", "make_owner", "mark_bounced",
    "mark_done", "mark_sending", "outgoing_record", "move_runs", "newest_event_id", "next_attempt", "next_due", "outbox_counts",
    "queue_messages", "record_opt_out", "interrupted", "mark_handover", "release_session", "resolve_uncertain",
    "runs_of_customers", "set_last_event_id", "versions_in_flight", "write_runs",
]
