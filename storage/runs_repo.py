"""The sending session's run states (`run_state`): one row per customer and journey version.

Read by due moment in batches and written back with raw executemany in the caller's transaction,
so "state advanced" and "message queued" are one atomic fact.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.dialect import arrays, driver_sql, execute, is_postgres, raw_cursor
from storage.jsoncodec import loads
from storage.models import (
    CustomerRow,
    JourneyRecord,
    utcnow,
)
from storage.session_tables import (
    CHUNK,
    ENROLLMENTS,
    OUTBOX,
    RUNS,
    WAKE_AT_ONCE,
    RunsChanged,
    chunks,
    db_moment,
    placeholders,
    rowcount,
)
from storage.wakeups import notify


# -- run state ------------------------------------------------------------------------------
@dataclass
class RunRecord:
    id: int | None
    journey_id: int
    version_id: int
    customer_id: str
    state: dict[str, Any] | None
    stamp: Any = None  # updated_at as stored: a batch written later checks it is unchanged


_RUN_COLUMNS = "id, journey_id, version_id, customer_id, state, updated_at"


def _state(text: Any) -> dict[str, Any] | None:
    """A stored run state; one that cannot be read at all restores as None (the run is then
    parked with the reason by the session, not allowed to fail the whole batch). PostgreSQL's
    driver hands it parsed already."""
    if text is None:
        return None
    if isinstance(text, dict):
        return text
    try:
        value = loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _run_records(session: Session, sql: str, params: Sequence[Any]) -> list[RunRecord]:
    rows = execute(session, sql, tuple(params)).fetchall()
    return [RunRecord(rid, jid, vid, cid, _state(state), stamp) for rid, jid, vid, cid, state, stamp in rows]


def due_runs(session: Session, now: datetime, version_ids: Iterable[int], *, limit: int = CHUNK,
             share: tuple[int, int] | None = None, claim: bool = False) -> list[RunRecord]:
    """Runs of the given versions due by `now`, soonest first (the `next_due` index).

    `share` (k, n) takes only the runs whose id is k modulo n: n processes advancing one big
    backlog side by side on one SQLite file never touch the same run.

    `claim` (PostgreSQL): the rows are locked for the caller's transaction, skipping rows
    another worker holds, so any number of workers on any number of machines take disjoint
    batches. The lock is the lease: it ends with the transaction, and with the connection when
    a worker dies (the server rolls its batch back, and the runs are due again for the others).
    """
    versions = list(version_ids)
    if not versions:
        return []
    params: list[Any] = [db_moment(now), *versions]
    part = ""
    if share is not None:
        part = " AND id % ? = ?"
        params += [share[1], share[0]]
    # SQLite's `next_due` index holds the row id after the moment, so "soonest, then by id" is
    # read straight off it. PostgreSQL's does not: ordering by id too sorted every due row (with
    # its state) for each batch, which is a backlog's whole size per batch, quadratic in it. There
    # the order among runs due at one moment is left to the index, and a claim reads one batch.
    order = "next_due" if is_postgres(session) else "next_due, id"
    sql = (f"SELECT {_RUN_COLUMNS} FROM run_state WHERE next_due <= ? AND version_id IN ({placeholders(len(versions))})"
           f"{part} ORDER BY {order} LIMIT ?")
    if claim and is_postgres(session):
        sql += " FOR UPDATE SKIP LOCKED"
    return _run_records(session, sql, [*params, limit])


def count_due(session: Session, now: datetime, version_ids: Iterable[int], *, up_to: int) -> int:
    """How many runs are due by `now`, counting no further than `up_to` (a cheap "is it a lot")."""
    versions = list(version_ids)
    if not versions:
        return 0
    sql = (f"SELECT count(*) FROM (SELECT 1 FROM run_state WHERE next_due <= ? "
           f"AND version_id IN ({placeholders(len(versions))}) LIMIT ?) AS due")
    return int(execute(session, sql, (db_moment(now), *versions, up_to)).scalar() or 0)


def runs_of_customers(session: Session, customer_ids: Sequence[str], version_ids: Iterable[int], *,
                      lock: bool = False) -> dict[tuple[int, str], RunRecord]:
    """(version id, customer id) → run, for the customers an inbox batch concerns.

    `lock` (PostgreSQL): the rows are locked for the caller's transaction, waiting for a worker
    advancing one of them to commit first, so the inbox never writes over a worker's batch.
    """
    suffix = " ORDER BY id FOR UPDATE" if lock and is_postgres(session) else ""
    versions = list(version_ids)
    found: dict[tuple[int, str], RunRecord] = {}
    if not versions:
        return found
    for part in chunks(list(customer_ids)):
        sql = (f"SELECT {_RUN_COLUMNS} FROM run_state WHERE customer_id IN ({placeholders(len(part))}) "
               f"AND version_id IN ({placeholders(len(versions))}){suffix}")
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
    if is_postgres(session) and not checked:
        _write_runs_arrays(session, updates, inserts, deletes)
        return
    cursor = raw_cursor(session)
    sql = functools.partial(driver_sql, session)
    now = db_moment(utcnow())
    check = (" AND updated_at IS NOT DISTINCT FROM ?" if is_postgres(session) else " AND updated_at IS ?") \
        if checked else ""
    try:
        if updates:
            cursor.executemany(sql("UPDATE run_state SET state = COALESCE(?, state), next_due = ?, updated_at = ?, "
                                   f"parked_reason = ?, parked_at = ? WHERE id = ?{check}"),
                               [(u["state"], db_moment(u["next_due"]), now, u.get("parked"),
                                 now if u.get("parked") else None, u["id"],
                                 *((u["stamp"],) if checked else ())) for u in updates])
            if checked and cursor.rowcount != len(updates):
                raise RunsChanged(f"{len(updates) - cursor.rowcount} run(s) changed since they were read")
        if inserts:
            cursor.executemany(sql("INSERT INTO run_state (journey_id, version_id, customer_id, state, next_due, "
                                   "updated_at, parked_reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                               [(r["journey_id"], r["version_id"], r["customer_id"], r["state"],
                                 db_moment(r["next_due"]), now, r.get("parked"), now if r.get("parked") else None)
                                for r in inserts])
        if deletes:
            keys: list[Any] = [d if checked else (d,) for d in deletes]  # (id, stamp) or (id,)
            cursor.executemany(sql(f"DELETE FROM run_state WHERE id = ?{check}"), keys)
            if checked and cursor.rowcount != len(deletes):
                raise RunsChanged(f"{len(deletes) - cursor.rowcount} run(s) changed since they were read")
    finally:
        cursor.close()


def _write_runs_arrays(session: Session, updates: Sequence[dict[str, Any]], inserts: Sequence[dict[str, Any]],
                       deletes: Sequence[Any]) -> None:
    """PostgreSQL: each kind of write is one statement over arrays (unnest), not one per row:
    the server plans it once and the batch crosses the network as a few parameters."""
    now = db_moment(utcnow())
    if updates:
        arrays(
            session,
            "UPDATE run_state AS r SET state = COALESCE(u.state, r.state), next_due = u.next_due, updated_at = %s::timestamp, "
            "parked_reason = u.parked, parked_at = u.parked_at FROM unnest(%b::int[], %b::json[], %b::timestamp[], "
            "%b::text[], %b::timestamp[]) AS u(id, state, next_due, parked, parked_at) WHERE r.id = u.id",
            (now, [u["id"] for u in updates], [u["state"] for u in updates],
             [db_moment(u["next_due"]) for u in updates], [u.get("parked") for u in updates],
             [now if u.get("parked") else None for u in updates]))
    if inserts:
        arrays(
            session,
            "INSERT INTO run_state (journey_id, version_id, customer_id, state, next_due, updated_at, parked_reason, "
            "parked_at) SELECT j, v, c, s, d, %s::timestamp, p, pa FROM unnest(%b::int[], %b::int[], %b::varchar[], %b::json[], "
            "%b::timestamp[], %b::text[], %b::timestamp[]) AS u(j, v, c, s, d, p, pa)",
            (now, [r["journey_id"] for r in inserts], [r["version_id"] for r in inserts],
             [r["customer_id"] for r in inserts], [r["state"] for r in inserts],
             [db_moment(r["next_due"]) for r in inserts], [r.get("parked") for r in inserts],
             [now if r.get("parked") else None for r in inserts]))
    if deletes:
        arrays(session, "DELETE FROM run_state WHERE id = ANY(%b::int[])", (list(deletes),))


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
    notify(session, "due")
    return rowcount(result)


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
    notify(session, "due")
    return rowcount(result)


def end_journey_runs(session: Session, journey_id: int, reason: str, now: datetime) -> int:
    """Archiving: every customer in flight leaves, and nothing still queued is sent."""
    session.execute(update(ENROLLMENTS).where(ENROLLMENTS.c.journey_id == journey_id,
                                              ENROLLMENTS.c.status == "active")
                    .values(status="ended", ended_at=now, end_reason=reason))
    session.execute(update(OUTBOX).where(OUTBOX.c.journey_id == journey_id, OUTBOX.c.status == "queued")
                    .values(status="skipped", reason=reason, next_attempt_at=None))
    result = session.execute(delete(RUNS).where(RUNS.c.journey_id == journey_id))
    return rowcount(result)


def in_flight_counts(session: Session, journey_id: int) -> dict[int, int]:
    """version id → customers with a run on it, for the publish dialog."""
    rows = session.execute(select(RUNS.c.version_id, func.count()).where(RUNS.c.journey_id == journey_id,
                                                                        RUNS.c.next_due.is_not(None))
                           .group_by(RUNS.c.version_id))
    return {v: n for v, n in rows}
