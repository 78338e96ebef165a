"""The shop's named segments: rules that journeys and the segment trigger refer to by name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import InvalidName, InvalidState, NotFound
from storage.models import SegmentRow


def list_segments(session: Session) -> list[SegmentRow]:
    return list(session.scalars(select(SegmentRow).order_by(SegmentRow.builtin.desc(), SegmentRow.name)))


def get_segment(session: Session, name: str) -> SegmentRow:
    row = session.scalars(select(SegmentRow).where(SegmentRow.name == name)).one_or_none()
    if row is None:
        raise NotFound(f"no segment named '{name}'")
    return row


def segment_rules(session: Session) -> dict[str, Any]:
    """name → rule, the shape a journey's own `segments` have, for the engine to merge."""
    return {row.name: dict(row.rule) for row in list_segments(session)}


def save_segment(session: Session, name: str, rule: Mapping[str, Any], description: str = "",
                 *, builtin: bool = False) -> SegmentRow:
    """Creates or replaces a segment; a built-in one keeps its flag (the shop may tune its rule)."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidName("a segment name cannot be empty")
    if not isinstance(rule, Mapping):
        raise ValueError(f"segment '{name}': the rule must be an object")
    row = session.scalars(select(SegmentRow).where(SegmentRow.name == name)).one_or_none()
    if row is None:
        row = SegmentRow(name=name, builtin=builtin)
        session.add(row)
    row.rule = dict(rule)
    row.description = description
    session.flush()
    return row


def delete_segment(session: Session, name: str) -> None:
    row = get_segment(session, name)
    if row.builtin:
        raise InvalidState(f"segment '{name}' is built in and cannot be deleted")
    session.delete(row)
    session.flush()
