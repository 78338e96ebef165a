"""Journeys and their versions; a version's graph is kept as ordered node and edge rows.

Rows rather than one JSON blob so the runner can look a node up by id and enrollments can
point at a version; `ordinal` keeps the file's order so export gives back the same file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, utcnow

VERSION_STATUSES = ("draft", "live", "archived")
# The journey's running state, beside its versions' statuses: a live journey may be paused
# (nothing is sent, time still passes) or archived (stopped; in-flight customers leave).
RUN_STATUSES = ("active", "paused", "archived")
# What happens to messages that fell due while the app was closed, the machine asleep or the
# journey paused: sent at once, skipped when later than `catch_up_limit` (reason `late`), or
# held to the same local time of day at the next opportunity.
CATCH_UP_POLICIES = ("send_now", "skip_late", "next_window")


class JourneyRecord(Base):
    __tablename__ = "journeys"
    __table_args__ = (
        CheckConstraint("run_status IN ('active', 'paused', 'archived')", name="run_status"),
        CheckConstraint("catch_up IN ('send_now', 'skip_late', 'next_window')", name="catch_up"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    run_status: Mapped[str] = mapped_column(String(16), default="active", server_default="active")
    paused_at: Mapped[datetime | None]
    catch_up: Mapped[str] = mapped_column(String(16), default="send_now", server_default="send_now")
    catch_up_limit: Mapped[str | None] = mapped_column(String(32))  # ISO 8601 duration

    versions: Mapped[list[JourneyVersion]] = relationship(
        back_populates="journey", cascade="all, delete-orphan", passive_deletes=True,
        order_by="JourneyVersion.number")


class JourneyVersion(Base):
    __tablename__ = "journey_versions"
    __table_args__ = (
        UniqueConstraint("journey_id", "number"),
        CheckConstraint("status IN ('draft', 'live', 'archived')", name="status"),
        Index("ix_journey_versions_journey_id_status", "journey_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(16), default="draft")
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    segments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    # Why the version exists when no person drew it (an A/B test's winner picked), for the history.
    note: Mapped[str | None] = mapped_column(Text)

    journey: Mapped[JourneyRecord] = relationship(back_populates="versions")
    nodes: Mapped[list[NodeRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="NodeRow.ordinal")
    edges: Mapped[list[EdgeRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EdgeRow.ordinal")


class NodeRow(Base):
    __tablename__ = "journey_nodes"
    __table_args__ = (UniqueConstraint("version_id", "node_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("journey_versions.id", ondelete="CASCADE"))
    node_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(Text)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    config: Mapped[dict[str, Any]]
    ordinal: Mapped[int]


class EdgeRow(Base):
    __tablename__ = "journey_edges"
    __table_args__ = (UniqueConstraint("version_id", "source", "port", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("journey_versions.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(64))
    port: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(64))
    ordinal: Mapped[int]
