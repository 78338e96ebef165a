"""A customer's right to see and to erase their data (GDPR articles 15 and 17).

`export_customer` gathers everything the shop keeps about one person — profile, consents,
orders, events, the journeys they were in and every message handled for them — as one JSON
document they can be handed. `erase_customer` deletes all of it in one transaction: the
foreign keys cascade from the customer to orders, events and enrollments, and from
enrollments to the message log, so nothing of theirs is left behind to be sent later.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from engine.timeutil import now_utc
from storage.customers_repo import get_customer
from storage.database import Database
from storage.models import EnrollmentRow, EventRow, JourneyRecord, MessageLogRow, OrderRow
from storage.profiles_repo import customer_profile, moment_text

FORMAT = "journey-builder/customer-export-1"
# What a sending session keeps per customer (its outbox and run snapshots), where the schema has them.
SESSION_TABLES = ("outbox", "run_state")


def _moment(value: datetime | None) -> str | None:
    return moment_text(value) if value is not None else None


def enrollments_of(session: Session, customer_id: str) -> list[dict[str, Any]]:
    """The journeys a customer was or is in, newest first, with where they are now."""
    rows = session.execute(
        select(EnrollmentRow, JourneyRecord.name).outerjoin(JourneyRecord, JourneyRecord.id == EnrollmentRow.journey_id)
        .where(EnrollmentRow.customer_id == customer_id).order_by(EnrollmentRow.entered_at.desc(), EnrollmentRow.id))
    out = []
    for row, journey in rows:
        state = row.entry if isinstance(row.entry, dict) else {}
        out.append({"id": row.id, "journey": journey, "version_id": row.version_id, "status": row.status,
                    "entered_at": _moment(row.entered_at), "ended_at": _moment(row.ended_at),
                    "end_reason": row.end_reason, "entry": dict(state)})
    return out


def messages_of(session: Session, customer_id: str) -> list[dict[str, Any]]:
    """Every message handled for a customer (sent, skipped, deferred, failed), newest first."""
    rows = session.execute(
        select(MessageLogRow, JourneyRecord.name)
        .join(EnrollmentRow, EnrollmentRow.id == MessageLogRow.enrollment_id)
        .outerjoin(JourneyRecord, JourneyRecord.id == EnrollmentRow.journey_id)
        .where(EnrollmentRow.customer_id == customer_id)
        .order_by(func.coalesce(MessageLogRow.sent_at, MessageLogRow.scheduled_at, MessageLogRow.created_at).desc()))
    return [{"id": m.id, "journey": journey, "node": m.node_id, "channel": m.channel, "status": m.status,
             "reason": m.reason, "scheduled_at": _moment(m.scheduled_at), "sent_at": _moment(m.sent_at),
             "created_at": _moment(m.created_at), "payload": dict(m.payload or {}), "error": m.error}
            for m, journey in rows]


def export_customer(db: Database, customer_id: str) -> dict[str, Any]:
    """Everything about one customer as a JSON-able dict; NotFound for an unknown id."""
    with db.read() as session:
        profile = customer_profile(session, str(customer_id))
        row = get_customer(session, str(customer_id))
        return {
            "format": FORMAT,
            "exported_at": moment_text(now_utc()),
            "customer": {**profile["customer"], "created_at": _moment(row.created_at),
                         "updated_at": _moment(row.updated_at)},
            "orders": profile["orders"],
            "events": profile["events"],
            "enrollments": enrollments_of(session, row.id),
            "messages": messages_of(session, row.id),
            **{table: _rows_of(session, table, row.id) for table in _present(session, SESSION_TABLES)},
        }


def erase_customer(db: Database, customer_id: str) -> dict[str, int]:
    """Deletes the customer and everything of theirs; returns how many rows of each went."""
    cid = str(customer_id)
    with db.transaction() as session:
        get_customer(session, cid)
        counts = {
            "orders": _count(session, select(func.count()).select_from(OrderRow).where(OrderRow.customer_id == cid)),
            "events": _count(session, select(func.count()).select_from(EventRow).where(EventRow.customer_id == cid)),
            "enrollments": _count(session, select(func.count()).select_from(EnrollmentRow)
                                  .where(EnrollmentRow.customer_id == cid)),
            "messages": _count(session, select(func.count()).select_from(MessageLogRow).join(
                EnrollmentRow, EnrollmentRow.id == MessageLogRow.enrollment_id).where(EnrollmentRow.customer_id == cid)),
        }
        for table in _present(session, SESSION_TABLES):
            counts[table] = _count(session, text(f"SELECT count(*) FROM {table} WHERE customer_id = :c").bindparams(c=cid))
        session.delete(get_customer(session, cid))
        session.flush()
    return counts


def _present(session: Session, tables: tuple[str, ...]) -> list[str]:
    names = set(inspect(session.connection()).get_table_names())
    return [t for t in tables if t in names]


def _rows_of(session: Session, table: str, customer_id: str) -> list[dict[str, Any]]:
    """Rows of a table we do not model here, as stored (JSON text decoded where it is JSON)."""
    out = []
    for row in session.execute(text(f"SELECT * FROM {table} WHERE customer_id = :c"), {"c": customer_id}).mappings():
        item = {}
        for key, value in row.items():
            if isinstance(value, datetime):  # PostgreSQL's driver reads moments as datetimes
                value = moment_text(value.replace(tzinfo=UTC))
            elif isinstance(value, str) and value[:1] in "[{":
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
            item[key] = value
        out.append(item)
    return out


def _count(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


__all__ = ["FORMAT", "enrollments_of", "erase_customer", "export_customer", "messages_of"]
