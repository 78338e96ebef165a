"""How far each live-shop connector has read, per resource (customers, orders, checkouts).

A cursor is the platform's own: the newest modification time seen (WooCommerce's
`modified_after`, Shopify's `updated_at:>` search) or a page cursor; a poll asks only for what
changed after it, and a restart carries on from it. The last error is kept for `connector show`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class ConnectorCursorRow(Base):
    __tablename__ = "connector_cursors"

    connector: Mapped[str] = mapped_column(String(40), primary_key=True)
    resource: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(400), default=None)
    polled_at: Mapped[datetime | None] = mapped_column(default=None)
    error: Mapped[str | None] = mapped_column(String(500), default=None)
