"""The suppression list: who must not be mailed (marketing), and why, checked before every send."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

SUPPRESSION_REASONS = ("unsubscribed", "hard_bounce", "complaint", "manual")


class SuppressionRow(Base):
    __tablename__ = "suppressions"
    __table_args__ = (
        CheckConstraint("reason IN ('unsubscribed', 'hard_bounce', 'complaint', 'manual')", name="reason"),
        Index("ix_suppressions_customer_id", "customer_id"),
        Index("ix_suppressions_address", "address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: an erased customer's suppressed address stays suppressed.
    customer_id: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(320))  # an email address or phone number
    reason: Mapped[str] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(String(200))  # "one-click", "confirmation page", "bounce: …"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
