"""What a sending session keeps between wake-ups: run state, its inbox cursor and the outbox.

- `run_state`: one row per (journey version, customer) with the engine's snapshot of that
  customer's run (`engine.runstate`) and `next_due`, the moment it needs waking. The poller
  asks the `next_due` index for what is due instead of keeping a timer per customer.
- `session_cursor`: the id of the last event handled (events are the session's inbox) and who
  holds the session, so two sessions never send from one database at once.
- `outbox`: every message the engine decided to send, keyed by (journey, customer,
  enrollment, node, visit). The row is written in the same transaction as the run state that
  produced it, so a message exists exactly once; delivery then moves it
  queued → sending → sent/failed, and a crash between sending and sent leaves it `uncertain`
  for the user to review instead of sending it again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

OUTBOX_STATUSES = ("queued", "sending", "sent", "failed", "uncertain", "skipped")


class RunStateRow(Base):
    __tablename__ = "run_state"
    __table_args__ = (
        UniqueConstraint("journey_id", "version_id", "customer_id"),
        Index("ix_run_state_next_due", "next_due"),
        Index("ix_run_state_customer_id", "customer_id"),
        Index("ix_run_state_parked_at", "parked_at", sqlite_where=text("parked_reason IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("journey_versions.id", ondelete="CASCADE"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    state: Mapped[dict[str, Any]]
    next_due: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when advancing the run failed: it is not due again until new data or the user wakes it.
    parked_reason: Mapped[str | None] = mapped_column(Text)
    parked_at: Mapped[datetime | None]


class SessionCursorRow(Base):
    __tablename__ = "session_cursor"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    last_event_id: Mapped[int] = mapped_column(default=0)
    owner: Mapped[str | None] = mapped_column(String(200))  # "host:pid:token" of the running session
    heartbeat_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("journey_id", "customer_id", "enrollment_id", "node_id", "visit"),
        CheckConstraint("status IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped')",
                        name="status"),
        CheckConstraint("purpose IN ('marketing', 'transactional')", name="purpose"),
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        # Serves every lookup by customer and, covering, the shop caps' ledger of marketing sends.
        Index("ix_outbox_customer_ledger", "customer_id", "purpose", "channel", "due_at", "status"),
        # The attribution report's "last message a customer received before this order"
        # (storage/attribution_repo.py): only delivered messages, newest first per customer.
        Index("ix_outbox_received", "customer_id", "status", "sent_at", sqlite_where=text("status = 'sent'"),
              postgresql_where=text("status = 'sent'")),
        # Its recipients per node, read in order from the index alone.
        Index("ix_outbox_delivered", "journey_id", "status", "version_id", "node_id", "variant", "customer_id",
              "sent_at", sqlite_where=text("status = 'sent'"), postgresql_where=text("status = 'sent'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="SET NULL"))
    version_id: Mapped[int | None]
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id", ondelete="CASCADE"))
    node_id: Mapped[str] = mapped_column(String(64))
    visit: Mapped[int] = mapped_column(default=1)
    channel: Mapped[str] = mapped_column(String(16))
    # A column, not a payload key: the caps' ledger reads it from the index for every send.
    purpose: Mapped[str] = mapped_column(String(16), default="marketing", server_default="marketing")
    status: Mapped[str] = mapped_column(String(16), default="queued")
    reason: Mapped[str | None] = mapped_column(String(64))  # why skipped or failed, in a word
    attempts: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime]  # the moment the engine sent it (the step's `at`)
    next_attempt_at: Mapped[datetime | None]
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    message_id: Mapped[str | None] = mapped_column(String(400))
    # When the channel passed the point of no return (SMTP: just before the end of DATA).
    handover_at: Mapped[datetime | None]
    # The A/B test variant the message is (engine/ab_tests.py); None for a node without a test.
    variant: Mapped[str | None] = mapped_column(String(64))
    # The worker (`WorkerRow.owner`) that moved it to `sending`: only once that worker is gone
    # may another settle it.
    claimed_by: Mapped[str | None] = mapped_column(String(200))


WORKER_ROLES = ("session", "worker")


class WorkerRow(Base):
    """A running sending session (it holds the `session_cursor` lease: inbox, new runs, delivery)
    or worker (it advances due runs beside it, on PostgreSQL from any machine), with its
    heartbeat and what it did, for the monitor and for telling a dead worker from a slow one."""

    __tablename__ = "workers"
    __table_args__ = (
        UniqueConstraint("owner"),
        CheckConstraint("role IN ('session', 'worker')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))  # "host:pid:token", as the session lease names it
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int]
    role: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    batches: Mapped[int] = mapped_column(default=0)
    runs: Mapped[int] = mapped_column(default=0)
    steps: Mapped[int] = mapped_column(default=0)
    sent: Mapped[int] = mapped_column(default=0)
