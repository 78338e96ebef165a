"""What the bounce mailbox told us: one row per recipient of each report, and where reading stopped.

- `bounces`: every hard, soft and delayed bounce and every complaint read from the shop's
  bounce mailbox, by the report's Message-ID and the address. The pair is unique, so a report
  read twice (marked unread again, moved back, a second mailbox) changes nothing. Soft rows
  are what the "five soft bounces in 30 days" rule counts (`storage.bounces_repo`).
- `bounce_mailboxes`: per mailbox (user@host:port/folder), the highest IMAP UID looked at
  under its UIDVALIDITY, so mail that is no report (a customer's reply in a shared inbox) is
  read once, not at every check, and is left unread for the person it is for.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

BOUNCE_KINDS = ("hard", "soft", "delayed", "complaint")


class BounceRow(Base):
    __tablename__ = "bounces"
    __table_args__ = (
        UniqueConstraint("report_id", "address"),
        CheckConstraint("kind IN ('hard', 'soft', 'delayed', 'complaint')", name="kind"),
        Index("ix_bounces_address_kind_received_at", "address", "kind", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(String(300))  # the report's Message-ID
    address: Mapped[str] = mapped_column(String(320))  # lower case
    # No foreign key, as for suppressions: an erased customer's bounce history may stay.
    customer_id: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str | None] = mapped_column(String(16))  # RFC 3463, "5.1.1"
    detail: Mapped[str | None] = mapped_column(String(200))  # the receiving server's words
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class BounceMailboxRow(Base):
    __tablename__ = "bounce_mailboxes"

    mailbox: Mapped[str] = mapped_column(String(400), primary_key=True)
    uid_validity: Mapped[int]
    last_uid: Mapped[int] = mapped_column(default=0)
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
