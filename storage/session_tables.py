"""What the sending session's repositories share: table handles, batch helpers, their errors.

The session's reads take lists of ids and its writes are raw executemany statements in the
caller's one transaction (a wake-up may find thousands of customers due at once); these are the
pieces every one of storage/session_lease.py, runs_repo.py, enrollments_repo.py, outbox_repo.py
and session_customers.py needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table

from storage import dialect
from storage.errors import InvalidState
from storage.models import (
    EnrollmentRow,
    OutboxRow,
    RunStateRow,
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
    executemany paths of the session repositories; they skip SQLAlchemy's per-row type processing. Cached: a batch
    writes the same few moments (now, the due moment) thousands of times."""
    return None if moment is None else _db_moment(moment)


def read_moment(value: str | datetime | None) -> datetime | None:
    return dialect.read_moment(value)


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched: Session.execute types its result as a plain Result,
    but for these statements it is a CursorResult, which counts them."""
    return int(cast(CursorResult[Any], result).rowcount or 0)


def placeholders(n: int) -> str:
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


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
