"""The one sending session per database: its lease (owner and heartbeat) and its inbox cursor.

The lease holder reads the inbox (events in order), makes the runs of time-based triggers and
delivers the outbox; on PostgreSQL any number of workers advance due runs beside it, and one of
them takes the lease when its holder dies (`keep_or_take`). There the cursor row is locked
(SELECT … FOR UPDATE) by whoever reads or changes it, so two processes never both take the
lease, and an inbox batch is written only by the holder (`claim_inbox`).

Nothing commits here; the session owns the transaction.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.dialect import execute, is_postgres
from storage.models import (
    EventRow,
    SessionCursorRow,
    utcnow,
)
from storage.session_tables import (
    SessionBusy,
)


# -- the lease and the inbox cursor ---------------------------------------------------------
def _cursor(session: Session, *, lock: bool = False) -> SessionCursorRow:
    if lock and is_postgres(session):
        # Made if need be without a race (two workers starting at once), then locked and read afresh.
        execute(session, "INSERT INTO session_cursor (id, last_event_id, updated_at) VALUES (1, 0, ?) "
                "ON CONFLICT DO NOTHING", (utcnow().replace(tzinfo=None),))
        locked = session.scalar(select(SessionCursorRow).where(SessionCursorRow.id == 1).with_for_update()
                                .execution_options(populate_existing=True))
        assert locked is not None
        return locked
    row = session.get(SessionCursorRow, 1)
    if row is None:
        row = SessionCursorRow(id=1, last_event_id=0)
        session.add(row)
        session.flush()
    return row


def make_owner(tag: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{tag or os.urandom(4).hex()}"


def owner_alive(owner: str) -> bool:
    """False only when the owner's process is known to be gone (it ran on this machine)."""
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
    row = _cursor(session, lock=True)
    if row.owner and row.owner != owner:
        fresh = row.heartbeat_at is not None and (now - row.heartbeat_at).total_seconds() < stale_after
        if fresh and owner_alive(row.owner):
            raise SessionBusy(f"a sending session is already running on this database ({row.owner})")
    row.owner, row.heartbeat_at, row.updated_at = owner, now, now
    session.flush()


def keep_or_take(session: Session, owner: str, now: datetime, *, stale_after: float = 15.0) -> bool:
    """A worker's look at the lease at each wake-up: the holder's heartbeat, or the lease taken
    over from a holder that is gone; False while another live session holds it.

    Looked at without a lock first: the holder keeps the cursor row locked while it writes an
    inbox batch, and a worker that sees a live holder need not wait for that."""
    row = session.scalar(select(SessionCursorRow).where(SessionCursorRow.id == 1)
                         .execution_options(populate_existing=True))
    if row is not None and row.owner == owner:
        kept = session.execute(update(SessionCursorRow).where(SessionCursorRow.id == 1,
                                                              SessionCursorRow.owner == owner)
                               .values(heartbeat_at=now))
        if getattr(kept, "rowcount", 0):
            return True
    elif row is not None and row.owner and row.heartbeat_at is not None \
            and (now - row.heartbeat_at).total_seconds() < stale_after and owner_alive(row.owner):
        return False
    try:
        acquire_session(session, owner, now, stale_after=stale_after)
    except SessionBusy:
        return False
    return True


def lease_holder(session: Session) -> str | None:
    row = session.get(SessionCursorRow, 1)
    return row.owner if row is not None else None


def claim_inbox(session: Session, owner: str) -> int | None:
    """The inbox cursor for a batch the lease holder writes; on PostgreSQL the cursor row stays
    locked until the batch commits, and None says the lease went to another worker meanwhile."""
    if not is_postgres(session):
        return last_event_id(session)
    row = _cursor(session, lock=True)
    return row.last_event_id if row.owner == owner else None


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
