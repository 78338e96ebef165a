"""Signed unsubscribe links: anyone holding the link may opt that customer out, nobody else.

The link names the customer and the channel and carries an HMAC, so it cannot be changed into
someone else's link, and the app needs no table of issued links: any link it ever made still
works (which the law requires of an unsubscribe link), and verification is a computation.

The key is derived from the shop's secret (the one discount codes are signed with) under a
label of its own, so an unsubscribe signature can never double as a discount code signature.
Pure Python: the engine builds links while rendering; `app.http_api` checks them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache
from urllib.parse import quote_plus, urlsplit, urlunsplit

CHANNELS = ("email", "sms", "push")
_LABEL = b"journey-builder/unsubscribe/v1"


@lru_cache(maxsize=8)
def _key(secret: str | bytes) -> bytes:
    raw = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not raw:
        raise ValueError("an unsubscribe link needs the shop's secret; it is empty")
    return hmac.new(raw, _LABEL, hashlib.sha256).digest()


def signature(secret: str | bytes, customer_id: str, channel: str) -> str:
    """128 bits of HMAC-SHA256 over (customer, channel), URL-safe base64 without padding."""
    message = f"{customer_id}\x00{channel}".encode()
    digest = hmac.new(_key(secret), message, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify(secret: str | bytes, customer_id: str, channel: str, sig: str) -> bool:
    """Whether `sig` is this shop's signature for (customer, channel); constant time."""
    if not sig or channel not in CHANNELS:
        return False
    return hmac.compare_digest(signature(secret, customer_id, channel), sig)


def unsubscribe_url(base_url: str, secret: str | bytes, customer_id: str, channel: str = "email") -> str:
    """`<base_url>/unsubscribe?c=ID&ch=CHANNEL&sig=…` (a base URL already ending in /unsubscribe is kept)."""
    if channel not in CHANNELS:
        raise ValueError(f"channel: expected one of {', '.join(CHANNELS)}, got {channel!r}")
    customer = str(customer_id)
    return (f"{_endpoint(base_url)}?c={quote_plus(customer)}&ch={channel}"
            f"&sig={signature(secret, customer, channel)}")


@lru_cache(maxsize=8)
def _endpoint(base_url: str) -> str:
    """`<base>/unsubscribe`, worked out once: a session makes a link for every message."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the unsubscribe base address must be an http(s) URL, got {base_url!r}")
    path = parts.path.rstrip("/")
    if not path.endswith("/unsubscribe"):
        path += "/unsubscribe"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
