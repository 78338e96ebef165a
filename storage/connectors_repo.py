"""Where each live-shop connector stopped reading (storage/models/connectors.py says why)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ConnectorCursorRow, utcnow


def cursor(session: Session, connector: str, resource: str) -> str | None:
    row = session.get(ConnectorCursorRow, (connector, resource))
    return row.cursor if row is not None else None


def set_cursor(session: Session, connector: str, resource: str, value: str | None, *,
               error: str | None = None, at: datetime | None = None) -> None:
    """Remembers how far a resource was read (None keeps the cursor as it was) and the last error."""
    row = session.get(ConnectorCursorRow, (connector, resource))
    if row is None:
        row = ConnectorCursorRow(connector=connector, resource=resource)
        session.add(row)
    if value is not None:
        row.cursor = value
    row.polled_at = at or utcnow()
    row.error = error[:500] if error else None
    session.flush()


def cursors(session: Session, connector: str | None = None) -> list[ConnectorCursorRow]:
    query = select(ConnectorCursorRow).order_by(ConnectorCursorRow.connector, ConnectorCursorRow.resource)
    if connector is not None:
        query = query.where(ConnectorCursorRow.connector == connector)
    return list(session.scalars(query))


def forget(session: Session, connector: str) -> None:
    for row in cursors(session, connector):
        session.delete(row)
    session.flush()


__all__ = ["cursor", "cursors", "forget", "set_cursor"]
