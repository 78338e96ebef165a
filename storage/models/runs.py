"""What a sending session remembers: who is in which journey, and every message it handled.

The unique (enrollment, node, visit) key is what makes a restart after SIGKILL safe: a message
row is claimed before it is sent, so a second attempt finds it instead of sending twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

ENROLLMENT_STATUSES = ("active", "ended")
MESSAGE_STATUSES = ("queued", "sending", "sent", "failed", "skipped", "deferred", "uncertain")


class EnrollmentRow(Base):
    __tablename__ = "enrollments"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'ended')", name="status"),
        Index("ix_enrollments_journey_id_customer_id", "journey_id", "customer_id"),
        Index("ix_enrollments_customer_id_status", "customer_id", "status"),
        # A holdout's groups (storage/attribution_repo.py): a journey's entrants by customer,
        # with when and how each entry ended, without reading the table.
        Index("ix_enrollments_outcome", "journey_id", "customer_id", "version_id", "entered_at", "end_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # SET NULL: deleting a journey keeps its message history, which frequency caps still count.
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="SET NULL"))
    version_id: Mapped[int | None] = mapped_column(ForeignKey("journey_versions.id", ondelete="SET NULL"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="active")
    entered_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(32))
    entry: Mapped[dict[str, Any]] = mapped_column(default=dict)


class MessageLogRow(Base):
    __tablename__ = "message_log"
    __table_args__ = (
        UniqueConstraint("enrollment_id", "node_id", "visit"),
        CheckConstraint(
            "status IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'deferred', 'uncertain')",
            name="status"),
        Index("ix_message_log_status_scheduled_at", "status", "scheduled_at"),
        Index("ix_message_log_sent_at", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id", ondelete="CASCADE"))
    node_id: Mapped[str] = mapped_column(String(64))
    visit: Mapped[int] = mapped_column(default=1)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    reason: Mapped[str | None] = mapped_column(String(200))
    scheduled_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
