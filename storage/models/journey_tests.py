"""Journey tests saved with their journey: one row per named test customer.

The definition (profile, start, until, expected path) is one JSON document in the shape of a
journey file's `"tests"` entries (engine.journey_tests), so export and import are a copy, and
the engine can grow optional fields without a migration. Tests belong to the journey, not to a
version: they are what every new draft must still do.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class JourneyTestRow(Base):
    __tablename__ = "journey_tests"
    __table_args__ = (UniqueConstraint("journey_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    ordinal: Mapped[int]
    definition: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
