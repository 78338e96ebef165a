"""Journeys in the database: drafts, publishing, import and export.

A journey has numbered versions. At most one is a draft (the newest, the one the editor
saves into) and at most one is live (the one a sending session runs); publishing turns the
draft live and archives the live one before it, so enrollments keep pointing at the exact
graph they entered. Every function takes the caller's session and never commits, so a caller
can make several changes in one transaction (`with db.transaction() as s: ...`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from engine.fileformat import journey_from_dict, journey_to_dict
from engine.model import Edge, Journey, Node
from storage.dialect import is_postgres
from storage.errors import InvalidName, InvalidState, NameTaken, NotFound
from storage.models import EdgeRow, JourneyRecord, JourneyVersion, NodeRow, utcnow
from storage.wakeups import notify

Which = Literal["latest", "draft", "live"]


@dataclass(frozen=True)
class JourneySummary:
    """One line of the journey list: enough to show status without loading any graph."""

    id: int
    name: str
    live_version: int | None
    draft_version: int | None
    latest_version: int
    created_at: datetime
    updated_at: datetime

    run_status: str = "active"  # active, paused or archived (the journey's running state)

    @property
    def status(self) -> str:
        """`live` when customers can enter it (even with a newer draft), `paused` when live but
        held, else its newest state."""
        if self.live_version is not None:
            return "paused" if self.run_status == "paused" else "live"
        return "draft" if self.draft_version is not None else "archived"

    @property
    def has_unpublished_changes(self) -> bool:
        return self.live_version is not None and self.draft_version is not None


@dataclass(frozen=True)
class SavedVersion:
    journey_id: int
    version_id: int
    number: int
    status: str


def _copy_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def find_record(session: Session, name: str) -> JourneyRecord | None:
    return session.scalars(select(JourneyRecord).where(JourneyRecord.name == name)).one_or_none()


def get_record(session: Session, name: str) -> JourneyRecord:
    record = find_record(session, name)
    if record is None:
        raise NotFound(f"no journey named '{name}'")
    return record


def _latest(session: Session, journey_id: int) -> JourneyVersion | None:
    return session.scalars(
        select(JourneyVersion).where(JourneyVersion.journey_id == journey_id)
        .order_by(JourneyVersion.number.desc()).limit(1)).one_or_none()


def version_id(session: Session, journey_id: int, which: Which) -> int | None:
    """The id of the journey's newest version with that status, without loading its graph."""
    query = select(JourneyVersion.id).where(JourneyVersion.journey_id == journey_id)
    if which != "latest":
        query = query.where(JourneyVersion.status == which)
    return session.scalar(query.order_by(JourneyVersion.number.desc()).limit(1))


def _version(session: Session, journey_id: int, which: Which) -> JourneyVersion | None:
    query = select(JourneyVersion).where(JourneyVersion.journey_id == journey_id)
    if which != "latest":
        query = query.where(JourneyVersion.status == which)
    query = query.order_by(JourneyVersion.number.desc()).limit(1).options(
        selectinload(JourneyVersion.nodes), selectinload(JourneyVersion.edges))
    return session.scalars(query).one_or_none()


def _write_graph(version: JourneyVersion, journey: Journey) -> None:
    version.name = journey.name
    version.description = journey.description
    version.settings = _copy_json(journey.settings)
    version.segments = _copy_json(journey.segments)
    version.nodes = [
        NodeRow(node_id=n.id, type=n.type, kind=n.kind, label=n.label, x=float(n.position[0]),
                y=float(n.position[1]), config=_copy_json(n.config), ordinal=i)
        for i, n in enumerate(journey.nodes())]
    version.edges = [EdgeRow(source=e.source, port=e.port, target=e.target, ordinal=i)
                     for i, e in enumerate(journey.edges())]


def _nul_place(value: Any, place: str) -> str | None:
    """Where in a journey's file a NUL character (U+0000) is, if anywhere: "nodes[2].config.body"."""
    if isinstance(value, str):
        return place if "\x00" in value else None
    items: Any = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return f"{place}.{key!r}".lstrip(".")
        found = _nul_place(item, f"{place}[{key}]" if isinstance(key, int) else f"{place}.{key}".lstrip("."))
        if found:
            return found
    return None


def save_draft(session: Session, journey: Journey, *, journey_id: int | None = None) -> SavedVersion:
    """Stores the journey as its draft: the existing draft is overwritten, else a new one is made.

    With `journey_id` the record is found by id, so a journey renamed in the editor is saved
    under its new name; without it, by name (a new journey is created when the name is new).
    PostgreSQL stores no NUL character (U+0000) in text, so there a journey holding one is
    refused with its place, before anything is written.
    """
    if is_postgres(session):
        place = _nul_place(journey_to_dict(journey), "")
        if place is not None:
            raise InvalidState(f"journey {journey.name!r}: {place or 'its name'} holds a NUL character (U+0000), "
                               "which a PostgreSQL database cannot store; remove it and save again")
    if journey_id is not None:
        record = session.get(JourneyRecord, journey_id)
        if record is None:
            raise NotFound(f"no journey with id {journey_id}")
        if record.name != journey.name:
            _check_free(session, journey.name)
            record.name = journey.name
    else:
        record = find_record(session, journey.name)
        if record is None:
            _check_name(journey.name)
            record = JourneyRecord(name=journey.name)
            session.add(record)
            session.flush()
    now = utcnow()
    record.updated_at = now
    version = _latest(session, record.id)
    if version is None or version.status != "draft":
        number = 1 if version is None else version.number + 1
        version = JourneyVersion(journey_id=record.id, number=number, status="draft", created_at=now,
                                 name=journey.name)
        session.add(version)
    else:
        # Replacing the rows rather than diffing them: a draft is small and the order must
        # follow the journey's own order exactly. Flush the deletes before the inserts so
        # the (version, node_id) unique key never sees both.
        version.nodes = []
        version.edges = []
        session.flush()
    _write_graph(version, journey)
    session.flush()
    return SavedVersion(record.id, version.id, version.number, version.status)


def _to_journey(record: JourneyRecord, version: JourneyVersion) -> Journey:
    journey = Journey(record.name, version.description, _copy_json(version.settings),
                      _copy_json(version.segments))
    for row in version.nodes:
        journey.attach_node(Node(row.node_id, row.type, _copy_json(row.config), row.label, (row.x, row.y)))
    for link in version.edges:
        edge = Edge(link.source, link.port, link.target)
        journey.attach_edge(edge)
    return journey


def load_journey(session: Session, name: str, which: Which = "latest") -> Journey:
    """The journey as the editor or the runner needs it.

    `latest` is what the editor opens (the draft when there is one, else the live version);
    `live` is what a sending session runs; `draft` is only the unpublished draft.
    """
    record = get_record(session, name)
    version = _version(session, record.id, which)
    if version is None:
        raise NotFound(f"journey '{name}' has no {which} version")
    return _to_journey(record, version)


def load_version(session: Session, version_id: int) -> Journey:
    """A version by its id: what an enrollment entered, even after a newer one went live."""
    version = session.get(JourneyVersion, version_id, options=[
        selectinload(JourneyVersion.nodes), selectinload(JourneyVersion.edges)])
    if version is None:
        raise NotFound(f"no journey version with id {version_id}")
    return _to_journey(version.journey, version)


def live_versions(session: Session) -> list[tuple[int, int, Journey]]:
    """(journey id, version id, journey) of every live journey: what a sending session runs."""
    rows = session.scalars(
        select(JourneyVersion).where(JourneyVersion.status == "live")
        .options(selectinload(JourneyVersion.nodes), selectinload(JourneyVersion.edges),
                 selectinload(JourneyVersion.journey))
        .order_by(JourneyVersion.journey_id)).all()
    return [(v.journey_id, v.id, _to_journey(v.journey, v)) for v in rows]


def list_journeys(session: Session) -> list[JourneySummary]:
    def newest(status: str | None):
        query = select(JourneyVersion.journey_id, func.max(JourneyVersion.number).label("n"))
        if status is not None:
            query = query.where(JourneyVersion.status == status)
        return query.group_by(JourneyVersion.journey_id).subquery()

    live, draft, latest = newest("live"), newest("draft"), newest(None)
    rows = session.execute(
        select(JourneyRecord, live.c.n, draft.c.n, latest.c.n)
        .outerjoin(live, live.c.journey_id == JourneyRecord.id)
        .outerjoin(draft, draft.c.journey_id == JourneyRecord.id)
        .outerjoin(latest, latest.c.journey_id == JourneyRecord.id)
        .order_by(func.lower(JourneyRecord.name), JourneyRecord.name)).all()
    return [JourneySummary(r.id, r.name, live_n, draft_n, latest_n or 0, r.created_at, r.updated_at,
                           r.run_status or "active")
            for r, live_n, draft_n, latest_n in rows]


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise InvalidName("a journey name cannot be empty")


def _check_free(session: Session, name: str) -> None:
    _check_name(name)
    if find_record(session, name) is not None:
        raise NameTaken(f"a journey named '{name}' already exists")


def rename_journey(session: Session, name: str, new_name: str) -> None:
    """Renames the journey and its draft; live and archived versions keep the name they had."""
    record = get_record(session, name)
    if new_name == name:
        return
    _check_free(session, new_name)
    record.name = new_name
    record.updated_at = utcnow()
    draft = _version(session, record.id, "draft")
    if draft is not None:
        draft.name = new_name
    session.flush()


def delete_journey(session: Session, name: str) -> None:
    """Deletes a journey that is not live; its message history stays (frequency caps count it)."""
    record = get_record(session, name)
    if _version(session, record.id, "live") is not None:
        raise InvalidState(f"journey '{name}' is live; stop it before deleting it")
    session.delete(record)
    session.flush()


InFlight = Literal["finish_old", "move"]


def publish(session: Session, name: str, in_flight: InFlight = "finish_old") -> SavedVersion:
    """Makes the latest draft live and archives the version that was live before.

    Customers in flight on the previous version either finish on it (`finish_old`: they walk
    the old graph to its end while new entries go to the new version) or `move` to the same
    node in the new version (a path standing at a node the new version no longer has ends
    there, reason `removed`). Publishing an archived journey makes it run again.
    """
    if in_flight not in ("finish_old", "move"):
        raise ValueError(f"in_flight: expected 'finish_old' or 'move', got {in_flight!r}")
    record = get_record(session, name)
    draft = _version(session, record.id, "draft")
    if draft is None:
        raise InvalidState(f"journey '{name}' has no draft to publish")
    previous = _version(session, record.id, "live")
    now = utcnow()
    if previous is not None:
        previous.status = "archived"
    draft.status = "live"
    draft.published_at = now
    record.updated_at = now
    if record.run_status == "archived":
        record.run_status = "active"
    session.flush()
    if previous is not None and in_flight == "move":
        from storage.session_repo import move_runs

        move_runs(session, record.id, previous.id, draft.id, now)
    return SavedVersion(record.id, draft.id, draft.number, draft.status)


def stop(session: Session, name: str) -> None:
    """Archives the live version: no one new enters (what to do with those inside is the runner's)."""
    record = get_record(session, name)
    live = _version(session, record.id, "live")
    if live is None:
        raise InvalidState(f"journey '{name}' is not live")
    live.status = "archived"
    record.updated_at = utcnow()
    session.flush()


def pause(session: Session, name: str) -> None:
    """Holds a live journey: nothing is sent, but time passes; what falls due meanwhile is
    handled on `resume` by the journey's catch-up policy."""
    record = get_record(session, name)
    if _version(session, record.id, "live") is None or record.run_status == "archived":
        raise InvalidState(f"journey '{name}' is not live")
    if record.run_status != "paused":
        record.run_status, record.paused_at = "paused", utcnow()
        record.updated_at = utcnow()
    session.flush()


def resume(session: Session, name: str) -> None:
    record = get_record(session, name)
    if record.run_status != "paused":
        raise InvalidState(f"journey '{name}' is not paused")
    record.run_status, record.paused_at = "active", None
    record.updated_at = utcnow()
    session.flush()
    notify(session, "due")  # what fell due while it was paused is due now, for every worker


def archive(session: Session, name: str) -> int:
    """Stops a journey for good: the live version is archived, customers in flight leave
    (reason `archived`) and queued messages are not sent. Returns how many runs ended."""
    record = get_record(session, name)
    live = _version(session, record.id, "live")
    if live is not None:
        live.status = "archived"
    now = utcnow()
    record.run_status, record.paused_at, record.updated_at = "archived", None, now
    session.flush()
    from storage.session_repo import end_journey_runs

    return end_journey_runs(session, record.id, "archived", now)


def set_catch_up(session: Session, name: str, policy: str, limit: str | None = None) -> None:
    """What happens to messages that fell due while nothing ran (see CATCH_UP_POLICIES)."""
    from engine.timeutil import TimeFormatError, parse_duration
    from storage.models import CATCH_UP_POLICIES

    if policy not in CATCH_UP_POLICIES:
        raise ValueError(f"catch-up policy: expected one of {', '.join(CATCH_UP_POLICIES)}, got {policy!r}")
    if limit is not None:
        try:
            parse_duration(limit)
        except (TimeFormatError, ValueError) as exc:
            raise ValueError(f"catch-up limit: {exc}") from None
    record = get_record(session, name)
    record.catch_up, record.catch_up_limit = policy, limit
    record.updated_at = utcnow()
    session.flush()


def import_journey(session: Session, data: Mapping[str, Any], source: str = "") -> SavedVersion:
    """Validates a `journey-builder/1` dict and stores it as a draft (of the journey of that name),
    with the tests it carries under `"tests"` (added to the journey's own; one of the same
    name is replaced). Tests travel with journeys, so a shared file keeps its proof.

    Raises `engine.problems.JourneyError` (or `JourneyTestError` for its tests) before touching
    the database when either is invalid.
    """
    from engine.journey_tests import read_tests
    from storage import journey_tests_repo

    journey = journey_from_dict(data, source)
    tests = read_tests(data, source)
    saved = save_draft(session, journey)
    if tests:
        merged = {t.name: t for t in journey_tests_repo.list_tests(session, saved.journey_id)}
        merged.update({t.name: t for t in tests})
        journey_tests_repo.save_tests(session, saved.journey_id, merged.values())
    return saved


def export_journey(session: Session, name: str, which: Which = "latest") -> dict[str, Any]:
    """The journey's file contents, its tests included under `"tests"`."""
    from engine.journey_tests import with_tests
    from storage import journey_tests_repo

    record = get_record(session, name)
    return with_tests(journey_to_dict(load_journey(session, name, which)),
                      journey_tests_repo.list_tests(session, record.id))


def pick_variant(session: Session, name: str, node_id: str, variant: str, *, why: str = "") -> SavedVersion:
    """Ends the A/B test at `node_id` with `variant` as the winner, as a new version in the
    journey's history (its `note` says so): the node then sends the winner's texts to everyone.

    A live journey gets a new live version at once (customers in flight finish on the version
    they entered, as with `publish`); a newer draft stays the newest version and gets the winner
    too. A journey that is not live gets it in its draft. InvalidState when the node has no such
    test or variant.
    """
    from engine.ab_tests import ab_test_of, apply_winner

    record = get_record(session, name)
    live = _version(session, record.id, "live")
    draft = _version(session, record.id, "draft")
    base = live or draft or _version(session, record.id, "latest")
    if base is None:
        raise NotFound(f"journey '{name}' has no version")
    journey = _to_journey(record, base)
    if not journey.has_node(node_id) or ab_test_of(node_id, journey.node(node_id).config) is None:
        raise InvalidState(f"journey '{name}' has no A/B test at node '{node_id}'")
    try:
        winner = apply_winner(journey, node_id, variant)
    except KeyError:
        names = ", ".join(str(v.get("name")) for v in journey.node(node_id).config["ab_test"]["variants"])
        raise InvalidState(f"node '{node_id}' has no variant '{variant}' (its variants: {names})") from None
    note = f"A/B test at {node_id}: variant {variant} picked" + (f" ({why})" if why else "")
    now = utcnow()
    record.updated_at = now
    if draft is not None and live is not None:
        drafted = _to_journey(record, draft)
        if drafted.has_node(node_id) and ab_test_of(node_id, drafted.node(node_id).config) is not None:
            try:
                drafted = apply_winner(drafted, node_id, variant)
            except KeyError:
                pass  # the draft's test has other variants now: the owner's edit stands
            else:
                draft.nodes = []
                draft.edges = []
                session.flush()
                _write_graph(draft, drafted)
    if live is None:
        target = draft or base
        if target.status != "draft":
            return save_draft(session, winner, journey_id=record.id)
        target.nodes = []
        target.edges = []
        session.flush()
        _write_graph(target, winner)
        target.note = note
        session.flush()
        return SavedVersion(record.id, target.id, target.number, target.status)
    if draft is not None:
        number = draft.number
        draft.number = number + 1
        session.flush()
    else:
        latest = _latest(session, record.id)
        number = (latest.number if latest is not None else live.number) + 1
    live.status = "archived"
    session.flush()
    version = JourneyVersion(journey_id=record.id, number=number, status="live", created_at=now,
                             published_at=now, name=live.name, note=note)
    session.add(version)
    _write_graph(version, winner)
    version.name = live.name
    session.flush()
    return SavedVersion(record.id, version.id, version.number, version.status)


@dataclass(frozen=True)
class VersionEntry:
    """One version in a journey's history: when it was made and went live, and why when no
    person drew it (an A/B test's winner picked)."""

    number: int
    status: str
    created_at: datetime
    published_at: datetime | None
    note: str | None


def version_history(session: Session, name: str) -> list[VersionEntry]:
    """The journey's versions, oldest first. NotFound when there is no such journey."""
    record = get_record(session, name)
    rows = session.execute(
        select(JourneyVersion.number, JourneyVersion.status, JourneyVersion.created_at,
               JourneyVersion.published_at, JourneyVersion.note)
        .where(JourneyVersion.journey_id == record.id).order_by(JourneyVersion.number))
    return [VersionEntry(*row) for row in rows]
