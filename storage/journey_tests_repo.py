"""Journey tests in the shop database, by journey (name or id), in the order the user keeps them.

Saving replaces the journey's whole set in one transaction (the tests panel edits a list and
hands it back), so a crash never leaves half a renamed or reordered set behind.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engine.journey_tests import JourneyTest, JourneyTestError
from storage.errors import InvalidName, StorageError
from storage.journeys_repo import get_record
from storage.models import JourneyTestRow, utcnow


class BadTest(StorageError):
    """A stored test the engine no longer accepts (hand-edited or from a newer version)."""


def _rows(session: Session, journey_id: int) -> list[JourneyTestRow]:
    return list(session.scalars(select(JourneyTestRow).where(JourneyTestRow.journey_id == journey_id)
                                .order_by(JourneyTestRow.ordinal, JourneyTestRow.id)))


def list_tests(session: Session, journey_id: int) -> list[JourneyTest]:
    """The journey's tests in order; a stored test that no longer reads is a BadTest naming it."""
    tests = []
    for row in _rows(session, journey_id):
        try:
            tests.append(JourneyTest.from_json(row.definition, "test"))
        except JourneyTestError as exc:
            raise BadTest(f"journey test '{row.name}' cannot be read: {exc}") from None
    return tests


def list_tests_by_name(session: Session, journey_name: str) -> list[JourneyTest]:
    """NotFound when there is no such journey."""
    return list_tests(session, get_record(session, journey_name).id)


def save_tests(session: Session, journey_id: int, tests: Iterable[JourneyTest]) -> None:
    """Replaces the journey's tests with `tests`, in that order (names must be unique)."""
    tests = list(tests)
    names = [t.name.strip() for t in tests]
    for name in names:
        if not name or len(name) > 200:
            raise InvalidName("a journey test needs a name of 1 to 200 characters")
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate is not None:
        raise InvalidName(f"two journey tests are named '{duplicate}'")
    existing = {row.name: row for row in _rows(session, journey_id)}
    keep = set(names)
    gone = [row.id for name, row in existing.items() if name not in keep]
    if gone:
        session.execute(delete(JourneyTestRow).where(JourneyTestRow.id.in_(gone)))
    now = utcnow()
    for ordinal, test in enumerate(tests):
        definition = test.to_json()
        row = existing.get(test.name.strip())
        if row is None:
            session.add(JourneyTestRow(journey_id=journey_id, name=test.name.strip(), ordinal=ordinal,
                                       definition=definition, created_at=now, updated_at=now))
        elif row.definition != definition or row.ordinal != ordinal:
            row.definition, row.ordinal, row.updated_at = definition, ordinal, now
    session.flush()


def save_tests_by_name(session: Session, journey_name: str, tests: Iterable[JourneyTest]) -> None:
    save_tests(session, get_record(session, journey_name).id, tests)
