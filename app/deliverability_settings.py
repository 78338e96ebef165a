"""The email dialog's deliverability secrets: the bounce mailbox's password and the DKIM key go
to the keyring, like the SMTP password, and only their names to the shop database."""

from __future__ import annotations

from typing import Any

from app.secrets import get_secret, set_secret
from app.session.bounces import PASSWORD_SECRET as BOUNCE_SECRET
from app.session.signing import KEY_SECRET, dkim_key
from engine.channels.dkim import DkimSigner
from engine.dnscheck import sender_domain_of


def add_secret_flags(smtp: dict[str, Any]) -> dict[str, Any]:
    """Tells the dialog which secrets are stored (it never sees them)."""
    bounces, dkim = smtp.get("bounces") or {}, smtp.get("dkim") or {}
    smtp["has_bounce_password"] = bool(bounces.get("password_secret") and get_secret(str(bounces["password_secret"])))
    smtp["has_dkim_key"] = bool(dkim.get("key_secret") and get_secret(str(dkim["key_secret"])))
    return smtp


def store_secrets(values: dict[str, Any]) -> dict[str, Any]:
    """The dialog's values without the typed secrets, which are in the keyring now, with the
    names of the secrets in their place. A DKIM key that cannot sign is refused (ValueError)
    before anything is stored."""
    values = dict(values)
    password = values.pop("bounce_password", "") or ""
    key = values.pop("dkim_key", "") or ""
    values.pop("has_bounce_password", None)
    values.pop("has_dkim_key", None)
    dkim = dict(values["dkim"]) if values.get("dkim") else None
    if dkim is not None:
        if key:
            dkim["key_secret"] = KEY_SECRET
            stored = key.encode()
        elif not dkim.get("key_file") and get_secret(KEY_SECRET):
            dkim["key_secret"] = KEY_SECRET
            stored = None
        else:
            stored = None
        domain = dkim.get("domain") or sender_domain_of(str(values.get("sender") or "")) or ""
        DkimSigner(domain, str(dkim["selector"]), stored if stored is not None else dkim_key(dkim))
        if key:
            set_secret(KEY_SECRET, key)
        values["dkim"] = dkim
    bounces = dict(values["bounces"]) if values.get("bounces") else None
    if bounces is not None:
        if password:
            set_secret(BOUNCE_SECRET, password)
        bounces["password_secret"] = BOUNCE_SECRET
        values["bounces"] = bounces
    return values


__all__ = ["add_secret_flags", "store_secrets"]
