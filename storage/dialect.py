"""The few places where SQLite and PostgreSQL differ, for the raw SQL of the hottest paths.

The session's repositories write thousands of rows per batch with executemany straight on the
driver's cursor (SQLAlchemy's per-row processing costs more than the write). Their SQL is
written once, with `?` placeholders; `driver_sql` hands PostgreSQL's driver (psycopg, `%s`) the
same statement. What reads back differs too: SQLite gives moments and JSON as text, psycopg
as datetimes and parsed values, and the readers here take either.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from storage.jsoncodec import loads


def dialect_name(session: Session | Connection) -> str:
    bind = session.get_bind() if isinstance(session, Session) else session
    return bind.dialect.name


def is_postgres(session: Session | Connection) -> bool:
    return dialect_name(session) == "postgresql"


@lru_cache(maxsize=512)
def _for_psycopg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def driver_sql(session: Session | Connection, sql: str) -> str:
    """`sql` written with `?` placeholders, as the session's driver takes it."""
    return _for_psycopg(sql) if is_postgres(session) else sql


def execute(session: Session, sql: str, params: Any = ()) -> Any:
    """A raw statement (`?` placeholders) in the session's transaction; a list of tuples is executemany."""
    return session.connection().exec_driver_sql(driver_sql(session, sql), params)


def raw_cursor(session: Session) -> Any:
    """The driver's own cursor on the session's connection (sqlite3 or psycopg), for executemany
    without SQLAlchemy in between; its statements take `driver_sql`."""
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


# Held by every transaction that adds events, until it commits (PostgreSQL).
_EVENTS_LOCK = 0x4A42_0002


def events_in_commit_order(session: Session) -> None:
    """Makes this transaction's new events commit in the order of their ids.

    The session reads its inbox as "events after id N". SQLite has one writer at a time, so ids
    commit in order; PostgreSQL hands out ids as rows are inserted, and a transaction that took
    id 10 could commit after one that took 11, once the cursor had passed 10: that event would
    never be read. So writers of events take turns (an advisory lock held to commit), which
    costs a busy shop's event writers a queue, never an event.
    """
    if is_postgres(session):
        session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({_EVENTS_LOCK})")


def arrays(session: Session, sql: str, params: tuple[Any, ...]) -> None:
    """PostgreSQL: one statement whose parameters are whole columns (Python lists, as arrays:
    `unnest(%b::int[], …)`), sent in binary (`%b`) so no element is quoted and escaped one by one."""
    cursor = raw_cursor(session)
    try:
        cursor.execute(sql, params)
    finally:
        cursor.close()


def read_moment(value: str | datetime | None) -> datetime | None:
    """A stored moment (SQLite's naive UTC text, PostgreSQL's naive datetime) as aware UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def read_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def read_json(value: Any) -> Any:
    """A stored JSON value: SQLite's text, or what psycopg parsed already."""
    if value is None:
        return None
    if isinstance(value, str | bytes):
        return loads(value)
    return value
