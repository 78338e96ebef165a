"""The shop's DKIM key, from its email settings to a signer for the SMTP channel.

Settings (`shop["smtp"]["dkim"]`): `selector`, `domain` (default: the sender address's
domain) and the private key, either in the keyring under `key_secret` (what the email
dialog stores, like the SMTP password) or in a PEM file at `key_file` (for a key the mail
server's admin manages). A key that is missing or cannot sign is one warning in the log and
mail goes out unsigned: signing is an improvement, and the settings dialog checks the key
when it is saved.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.channels.dkim import DkimKeyError, DkimSigner
from engine.dnscheck import sender_domain_of

log = logging.getLogger(__name__)

KEY_SECRET = "dkim_private_key"


def dkim_key(settings: Mapping[str, Any]) -> bytes:
    """The PEM private key the DKIM settings name; DkimKeyError says why there is none."""
    if settings.get("key_file"):
        try:
            return Path(str(settings["key_file"])).expanduser().read_bytes()
        except OSError as exc:
            raise DkimKeyError(f"DKIM key file {settings['key_file']} cannot be read "
                               f"({exc.strerror or exc})") from None
    if settings.get("key_secret"):
        from app.secrets import get_secret

        key = get_secret(str(settings["key_secret"]))
        if key:
            return key.encode()
    raise DkimKeyError("DKIM signing is set up but no private key is stored")


def dkim_signer(smtp: Mapping[str, Any], sender: str = "") -> DkimSigner | None:
    """A signer for the configured key, or None (no DKIM settings, or a key that cannot sign)."""
    settings = smtp.get("dkim") if isinstance(smtp, Mapping) else None
    if not isinstance(settings, Mapping) or not settings.get("selector"):
        return None
    domain = str(settings.get("domain") or sender_domain_of(sender or str(smtp.get("sender") or "")) or "")
    try:
        return DkimSigner(domain, str(settings["selector"]), dkim_key(settings))
    except DkimKeyError as exc:
        log.warning("%s; mail goes out unsigned", exc)
        return None


__all__ = ["KEY_SECRET", "dkim_key", "dkim_signer"]
