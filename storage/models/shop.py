"""The shop's own settings: one row, created on first access."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

# The numbers of spec §6; the shop may change them, so they live in its settings row.
DEFAULT_ENGAGEMENT: dict[str, Any] = {"window": "P90D", "min_sent": 3, "super_active_ratio": 0.8}
DEFAULT_LIFECYCLE: dict[str, Any] = {"lapsing_after": "P180D", "loyal_orders": 3, "loyal_window": "P365D"}


def new_discount_secret() -> str:
    """Discount codes are signed with this; it never leaves the shop's database."""
    return secrets.token_hex(32)


def new_api_token() -> str:
    """What the shop's site sends with POST /events (Authorization: Bearer …)."""
    return secrets.token_urlsafe(32)


class ShopSettings(Base):
    __tablename__ = "shop_settings"
    # One shop per database: the check makes a second row impossible rather than ignored.
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(1000), default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    locale: Mapped[str] = mapped_column(String(35), default="en")
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    sender_email: Mapped[str] = mapped_column(String(320), default="")
    engagement: Mapped[dict[str, Any]] = mapped_column(default=lambda: dict(DEFAULT_ENGAGEMENT))
    lifecycle: Mapped[dict[str, Any]] = mapped_column(default=lambda: dict(DEFAULT_LIFECYCLE))
    # The email account the sending session uses (host, port, security, username, sender,
    # rates, `password_secret`: the keyring entry's name); never the password itself.
    smtp: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    # How the session delivers and where its endpoint is: {"uncertain": "hold" | "resend",
    # "resend_after_minutes": 30, "public_url": "https://…", "http_port": 8765}.
    delivery: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    # The shop's public site, linked from designed emails (their header, fallback for links).
    website: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # Designed emails' look: {"primary": "#2f6f4f", "background", "content", "text" (colours),
    # "logo_url", "logo_width", "social": {"instagram": "https://…", …}} (engine.email_render).
    email_design: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    # The variant a customer gets when their language has none (engine.variants), and the
    # languages the shop writes messages in beyond en/de/ru/es.
    fallback_language: Mapped[str] = mapped_column(String(35), default="en", server_default="en")
    languages: Mapped[list[Any] | None] = mapped_column(default=None)
    # The live-shop connectors (app/connectors): {"woocommerce": {"url": …, "consumer_key": …,
    # "secret_name": the keyring entry of the consumer secret, "enabled": true, …}, "shopify": {…}}.
    connectors: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    discount_secret: Mapped[str] = mapped_column(String(128), default=new_discount_secret)
    api_token: Mapped[str | None] = mapped_column(String(128), default=new_api_token)
    # How long after a message an order still counts for it (docs/attribution.md): P1D or P5D.
    attribution_window: Mapped[str] = mapped_column(String(16), default="P1D", server_default="P1D")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
