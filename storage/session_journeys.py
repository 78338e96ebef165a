"""The journeys as the sending session sees them: which run, on which live versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import (
    JourneyRecord,
    JourneyVersion,
)
from storage.session_tables import (
    RUNS,
)


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
