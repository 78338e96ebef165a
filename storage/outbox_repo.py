"""The outbox: every message a run decided to send, and its delivery from queued to sent.

A message is queued in the same transaction as the run state that sent it; delivery claims it
(sending), records the moment of handover and ends it (sent, failed, skipped, uncertain).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.dialect import arrays, execute, is_postgres
from storage.errors import InvalidState
from storage.jsoncodec import dumps
from storage.models import (
    OutboxRow,
    utcnow,
)
from storage.session_tables import (
    OUTBOX,
    WAKE_AT_ONCE,
    chunks,
    db_moment,
    placeholders,
    rowcount,
)

# -- the outbox -----------------------------------------------------------------------------
# The same statements serve SQLite and PostgreSQL.
_COLUMNS = ("journey_id", "version_id", "customer_id", "enrollment_id", "node_id", "visit", "channel",
            "purpose", "status", "reason", "attempts", "due_at", "next_attempt_at",
            "payload", "error", "created_at", "variant")
# PostgreSQL's array type of each column, for the one-statement insert of a batch (unnest).
_ARRAY_TYPES = {"journey_id": "int", "version_id": "int", "customer_id": "varchar", "enrollment_id": "int",
                "node_id": "varchar", "visit": "int", "channel": "varchar", "purpose": "varchar", "status": "varchar",
                "reason": "varchar", "attempts": "int", "due_at": "timestamp", "next_attempt_at": "timestamp",
                "payload": "json", "error": "text", "created_at": "timestamp",
                "variant": "varchar"}
# A message that exists already under its key (journey, customer, enrollment, node, visit) is
# left as it is: the unique key, not any one process, is what makes a message exist once.
_OUTBOX_INSERT = (f"INSERT INTO outbox ({', '.join(_COLUMNS)}) VALUES ({placeholders(len(_COLUMNS))}) "
                  "ON CONFLICT DO NOTHING")
_OUTBOX_ARRAYS = (f"INSERT INTO outbox ({', '.join(_COLUMNS)}) SELECT * FROM unnest("
                  f"{', '.join(f'%b::{_ARRAY_TYPES[c]}[]' for c in _COLUMNS)}) ON CONFLICT DO NOTHING")


def message_purpose(row: dict[str, Any]) -> str:
    """A queued message's purpose: the row's own, else its payload's (how the app marks one)."""
    if row.get("purpose"):
        return str(row["purpose"])
    return "transactional" if (row.get("payload") or {}).get("purpose") == "transactional" else "marketing"


def _values(r: dict[str, Any], created: str | None) -> tuple[Any, ...]:
    return (r["journey_id"], r.get("version_id"), r["customer_id"], r["enrollment_id"], r["node_id"],
            r.get("visit", 1), r["channel"], message_purpose(r), r.get("status", "queued"), r.get("reason"),
            r.get("attempts", 0), db_moment(r["due_at"]), db_moment(r.get("next_attempt_at")),
            dumps(r.get("payload") or {}), r.get("error"), db_moment(r["created_at"]) if r.get("created_at") else created,
            r.get("variant"))


def queue_messages(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Adds messages; one that already exists under its key is left as it is (never twice)."""
    if not rows:
        return
    created = db_moment(utcnow())
    if is_postgres(session):
        _queue_arrays(session, rows, created)
        return
    execute(session, _OUTBOX_INSERT, [_values(r, created) for r in rows])


def _queue_arrays(session: Session, rows: Sequence[dict[str, Any]], created: str | None) -> None:
    """PostgreSQL: the batch's messages in one statement over arrays (unnest), not one per row."""
    columns: list[list[Any]] = [[] for _ in _COLUMNS]
    for r in rows:
        for column, value in zip(columns, _values(r, created), strict=True):
            column.append(value)
    arrays(session, _OUTBOX_ARRAYS, tuple(columns))


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


def interrupted(session: Session, *, live: Iterable[str] = ()) -> list[tuple[OutgoingRecord, datetime | None]]:
    """Messages a killed session left `sending`, with the moment each was handed over (None:
    the channel never reached the point of no return, so it cannot have arrived). A message
    claimed by one of the `live` workers is theirs to finish, not a leftover."""
    query = select(*_OUTGOING_COLUMNS, OUTBOX.c.handover_at).where(OUTBOX.c.status == "sending")
    owners = list(live)
    if owners:
        query = query.where((OUTBOX.c.claimed_by.is_(None)) | (OUTBOX.c.claimed_by.not_in(owners)))
    rows = session.execute(query.order_by(OUTBOX.c.id))
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


def mark_sending(session: Session, message_id: int, owner: str | None = None) -> bool:
    """Claims a queued message for the worker `owner`; False when it is no longer queued
    (archived meanwhile, or claimed by another worker first: the update is one atomic step)."""
    result = session.execute(update(OUTBOX).where(OUTBOX.c.id == message_id, OUTBOX.c.status == "queued")
                             .values(status="sending", attempts=OUTBOX.c.attempts + 1, handover_at=None,
                                     claimed_by=owner))
    return bool(rowcount(result))


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


def marketing_sends(session: Session, customer_ids: Sequence[str], channels: Sequence[str], since: datetime
                    ) -> dict[str, dict[str, list[datetime]]]:
    """customer → channel → the moments (oldest first) marketing messages were sent to them,
    or are queued, since `since`: what the shop's caps across journeys count."""
    found: dict[str, dict[str, list[datetime]]] = {}
    if not customer_ids or not channels:
        return found
    for part in chunks(list(customer_ids)):
        # On SQLite answered from the covering index ix_outbox_customer_ledger alone: no payload is read.
        rows = execute(
            session,
            f"SELECT customer_id, channel, due_at FROM outbox WHERE customer_id IN ({placeholders(len(part))}) "
            f"AND purpose = 'marketing' AND channel IN ({placeholders(len(channels))}) AND due_at >= ? "
            "AND status NOT IN ('failed', 'skipped')", (*part, *channels, db_moment(since)))
        for cid, channel, due in rows:
            found.setdefault(cid, {}).setdefault(channel, []).append(_ledger_moment(due))
    for ledger in found.values():
        for moments in ledger.values():
            moments.sort()
    return found


@lru_cache(maxsize=65536)
def _ledger_moment(value: str | datetime) -> datetime:
    """A stored moment, cached: in a send-out many messages share one."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def prune_sent_before(session: Session, moment: datetime) -> int:
    """Housekeeping: forget delivered payloads older than `moment` (the rows stay for caps)."""
    result = session.execute(update(OUTBOX).where(OUTBOX.c.status == "sent", OUTBOX.c.sent_at < moment)
                             .values(payload={}))
    return rowcount(result)
