"""The shop's settings row: read (created with defaults on first access) and update."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from engine.timeutil import TimeFormatError, zone
from storage.models import ShopSettings

# What a caller may change; the discount secret and the row id are the database's own.
EDITABLE = ("name", "address", "currency", "timezone", "locale", "sender_name", "sender_email",
            "engagement", "lifecycle", "smtp")


def get_settings(session: Session) -> ShopSettings:
    """The settings row; the first call on a new database creates it, with a fresh secret."""
    settings = session.get(ShopSettings, 1)
    if settings is None:
        settings = ShopSettings(id=1)
        session.add(settings)
        session.flush()
    return settings


def update_settings(session: Session, **changes: Any) -> ShopSettings:
    """Changes the given fields; unknown names and bad values are refused before any is set."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ValueError(f"unknown shop setting(s): {', '.join(unknown)}")
    if "timezone" in changes:
        if not isinstance(changes["timezone"], str) or not changes["timezone"]:
            raise ValueError("timezone: expected an IANA name like 'Europe/Berlin'")
        try:
            zone(changes["timezone"])
        except TimeFormatError as exc:
            raise ValueError(f"timezone: {exc}") from None
    if "currency" in changes:
        currency = changes["currency"]
        if not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha():
            raise ValueError(f"currency: expected a 3-letter code like 'EUR', got {currency!r}")
        changes["currency"] = currency.upper()
    for key in ("engagement", "lifecycle"):
        if key in changes and not isinstance(changes[key], Mapping):
            raise ValueError(f"{key}: must be an object")
    if "smtp" in changes:
        smtp = changes["smtp"]
        if smtp is not None and not isinstance(smtp, Mapping):
            raise ValueError("smtp: must be an object or null")
        if smtp is not None and "password" in smtp:
            raise ValueError("smtp: the password is kept in the keyring (password_secret), not in the database")
    settings = get_settings(session)
    for key, value in changes.items():
        setattr(settings, key, dict(value) if isinstance(value, Mapping) else value)
    session.flush()
    return settings


def settings_dict(session: Session) -> dict[str, Any]:
    """The settings as plain data (for the engine's context and for display); no secret."""
    s = get_settings(session)
    values = {key: (dict(getattr(s, key)) if key in ("engagement", "lifecycle") else getattr(s, key))
              for key in EDITABLE}
    values["smtp"] = dict(s.smtp) if s.smtp else None
    return values
