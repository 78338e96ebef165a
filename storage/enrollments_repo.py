"""Enrollments: each time a customer entered a journey, and how that ended."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from storage.dialect import arrays, execute, is_postgres
from storage.models import (
    EnrollmentRow,
)
from storage.session_tables import (
    ENROLLMENTS,
    chunks,
    db_moment,
)


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
    for part in chunks(list(ids)):
        session.execute(delete(ENROLLMENTS).where(ENROLLMENTS.c.id.in_(part)))


def end_enrollments(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """rows: {id, ended_at, end_reason}."""
    if rows and is_postgres(session):  # one statement over arrays, not one per row
        arrays(
            session,
            "UPDATE enrollments AS e SET status = 'ended', ended_at = u.ended_at, end_reason = u.end_reason "
            "FROM unnest(%b::int[], %b::timestamp[], %b::varchar[]) AS u(id, ended_at, end_reason) WHERE e.id = u.id",
            ([r["id"] for r in rows], [db_moment(r["ended_at"]) for r in rows], [r["end_reason"] for r in rows]))
    elif rows:
        execute(
            session, "UPDATE enrollments SET status = 'ended', ended_at = ?, end_reason = ? WHERE id = ?",
            [(db_moment(r["ended_at"]), r["end_reason"], r["id"]) for r in rows])


def enrollment_history(session: Session, journey_id: int, customer_ids: Sequence[str]
                       ) -> dict[str, list[tuple[datetime, datetime | None, str | None, int]]]:
    """customer → [(entered, ended, reason, id)] of the journey, oldest first: what a run made
    afresh on a new version needs for `reentry` and the cooldown."""
    found: dict[str, list[tuple[datetime, datetime | None, str | None, int]]] = {}
    for part in chunks(list(customer_ids)):
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
    for part in chunks(list(customer_ids)):
        found.update(session.scalars(
            select(ENROLLMENTS.c.customer_id).distinct()
            .where(ENROLLMENTS.c.journey_id == journey_id, ENROLLMENTS.c.version_id != version_id,
                   ENROLLMENTS.c.status == "active", ENROLLMENTS.c.customer_id.in_(part))))
    return found


def active_customers(session: Session, journey_id: int, version_id: int) -> int:
    """Customers with an enrollment still going on this version: the ones a re-publish must ask
    about. A run that only waits for its trigger (a date, a segment) has nobody inside yet."""
    return int(session.scalar(select(func.count(func.distinct(ENROLLMENTS.c.customer_id)))
                              .where(ENROLLMENTS.c.journey_id == journey_id,
                                     ENROLLMENTS.c.version_id == version_id,
                                     ENROLLMENTS.c.status == "active")) or 0)
