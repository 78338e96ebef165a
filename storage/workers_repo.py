"""The workers table: who is advancing this shop's runs right now, and whether they still live.

Every sending session and worker writes its row when it starts and a heartbeat every few
seconds (a thread of its own, so a long batch does not look like death); a clean stop removes
the row. A row whose heartbeat is older than `STALE_AFTER` is a dead worker (killed, its machine
gone): its claims lapse, and the monitor shows it as gone until it is pruned.

Nothing commits here; the caller owns the transaction.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import WorkerRow

STALE_AFTER = 15.0  # seconds without a heartbeat after which a worker counts as dead
FORGET_AFTER = timedelta(hours=1)  # a dead worker's row is dropped after this


@dataclass(frozen=True)
class WorkerInfo:
    owner: str
    host: str
    pid: int
    role: str
    started_at: datetime
    heartbeat_at: datetime
    batches: int
    runs: int
    steps: int
    sent: int
    alive: bool


def register(session: Session, owner: str, role: str, now: datetime) -> None:
    """Adds (or renews) this process's row; rows of workers dead for long are forgotten."""
    session.execute(delete(WorkerRow).where(WorkerRow.heartbeat_at < now - FORGET_AFTER))
    row = session.scalar(select(WorkerRow).where(WorkerRow.owner == owner))
    if row is None:
        session.add(WorkerRow(owner=owner, host=socket.gethostname(), pid=os.getpid(), role=role, started_at=now,
                              heartbeat_at=now, batches=0, runs=0, steps=0, sent=0))
    else:
        row.role, row.heartbeat_at = role, now
    session.flush()


def beat(session: Session, owner: str, now: datetime, *, role: str | None = None, batches: int | None = None,
         runs: int | None = None, steps: int | None = None, sent: int | None = None) -> bool:
    """The heartbeat, with the totals so far; False when the row is gone (pruned as dead)."""
    values: dict[str, object] = {"heartbeat_at": now}
    for key, value in (("role", role), ("batches", batches), ("runs", runs), ("steps", steps), ("sent", sent)):
        if value is not None:
            values[key] = value
    result = session.execute(update(WorkerRow).where(WorkerRow.owner == owner).values(**values))
    return bool(getattr(result, "rowcount", 0))


def unregister(session: Session, owner: str) -> None:
    session.execute(delete(WorkerRow).where(WorkerRow.owner == owner))


def forget_others(session: Session, owner: str) -> None:
    """Drops every row but `owner`'s: for an SQLite file, whose one session holds the lease."""
    session.execute(delete(WorkerRow).where(WorkerRow.owner != owner))


def workers(session: Session, now: datetime, *, stale_after: float = STALE_AFTER) -> list[WorkerInfo]:
    """Every worker with a row, the session first, then by start. One is alive while its
    heartbeat is fresh and, on this machine, its process exists (a killed one is seen at once)."""
    from storage.session_lease import owner_alive

    rows = session.scalars(select(WorkerRow).order_by(WorkerRow.role, WorkerRow.started_at, WorkerRow.id))
    return [WorkerInfo(r.owner, r.host, r.pid, r.role, r.started_at, r.heartbeat_at, r.batches, r.runs, r.steps,
                       r.sent, (now - r.heartbeat_at).total_seconds() < stale_after and owner_alive(r.owner))
            for r in rows]


def live_owners(session: Session, now: datetime, *, stale_after: float = STALE_AFTER) -> set[str]:
    """The owners whose heartbeat is fresh (and, on this machine, whose process exists): their
    claims stand."""
    from storage.session_lease import owner_alive

    cutoff = now - timedelta(seconds=stale_after)
    return {owner for owner in session.scalars(select(WorkerRow.owner).where(WorkerRow.heartbeat_at >= cutoff))
            if owner_alive(owner)}
