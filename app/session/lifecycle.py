"""A journey's life: draft → live → paused ⇄ live → archived, as one call per user action.

Each function is one transaction on the shop database, used by the command line now and by
the window later. Publishing a journey that is already live asks what happens to customers
in flight (`in_flight`); `preview_publish` gives the window what it needs to ask: the
difference between the versions and how many customers stand where.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.diff import JourneyDiff, diff_journeys
from storage import journeys_repo, session_repo
from storage.database import Database
from storage.errors import NotFound


@dataclass(frozen=True)
class PublishPreview:
    diff: JourneyDiff | None  # None when nothing is live yet
    in_flight: int  # customers with an enrollment still going on the live version
    at_removed_nodes: int  # of those, how many stand at a node the draft removes


def preview_publish(db: Database, name: str) -> PublishPreview:
    with db.read() as session:
        draft = journeys_repo.load_journey(session, name, "draft")
        try:
            live = journeys_repo.load_journey(session, name, "live")
        except NotFound:
            return PublishPreview(None, 0, 0)
        record = journeys_repo.get_record(session, name)
        live_id = journeys_repo.version_id(session, record.id, "live")
        inside = session_repo.active_customers(session, record.id, live_id) if live_id is not None else 0
        diff = diff_journeys(live, draft)
        removed = set(diff.nodes_removed)
        at_removed = 0
        if removed:
            from sqlalchemy import select

            from storage.models import RunStateRow

            for (state,) in session.execute(select(RunStateRow.state).where(RunStateRow.journey_id == record.id)):
                if any(t["node"] in removed for t in (state or {}).get("tokens", [])):
                    at_removed += 1
    return PublishPreview(diff, inside, at_removed)


def publish(db: Database, name: str, in_flight: journeys_repo.InFlight = "finish_old") -> journeys_repo.SavedVersion:
    with db.transaction() as session:
        return journeys_repo.publish(session, name, in_flight)


def pause(db: Database, name: str) -> None:
    with db.transaction() as session:
        journeys_repo.pause(session, name)


def resume(db: Database, name: str) -> None:
    with db.transaction() as session:
        journeys_repo.resume(session, name)


def archive(db: Database, name: str) -> int:
    with db.transaction() as session:
        return journeys_repo.archive(session, name)


def set_catch_up(db: Database, name: str, policy: str, limit: str | None = None) -> None:
    with db.transaction() as session:
        journeys_repo.set_catch_up(session, name, policy, limit)
