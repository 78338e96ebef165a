"""Talking to a shop's API: one request at a time, patient with a busy shop, clear when refused.

Both platforms answer a client that asks too fast with 429 (WooCommerce's hosts, Shopify's
REST) or a THROTTLED error (Shopify's GraphQL cost limit), and any web server can have a bad
minute (502, 503, 504). Those are retried after the wait the shop asks for (`Retry-After`), or
else after a growing pause, a few times; what cannot get better by waiting — a refused key
(401, 403), a wrong address (404) — stops at once with a sentence the shop owner can act on.
The pause is injected (`sleep`), so tests cross a minute of back-off without waiting it.
"""

from __future__ import annotations

import json
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

USER_AGENT = "journey-builder (+https://github.com/journey-builder)"
RETRIED = frozenset({429, 500, 502, 503, 504})


class ConnectorError(Exception):
    """The shop could not be read now; the message says why and, where it can, what to do."""


@dataclass
class Response:
    status: int
    headers: Message
    body: Any  # parsed JSON

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


@dataclass
class Client:
    """A JSON client for one shop. `auth` are extra headers (the key or token) sent with every
    request; `attempts` bounds the retries of one request; `sleep` is how to wait."""

    name: str  # "WooCommerce at https://shop.example", for messages
    headers: Mapping[str, str] = field(default_factory=dict)
    attempts: int = 5
    timeout: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    max_wait: float = 120.0
    waited: list[float] = field(default_factory=list)  # every pause taken, for the log and tests
    context: ssl.SSLContext | None = None

    def get(self, url: str) -> Response:
        return self.request("GET", url)

    def post(self, url: str, payload: Any) -> Response:
        return self.request("POST", url, payload)

    def request(self, method: str, url: str, payload: Any = None) -> Response:
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **self.headers}
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in range(1, self.attempts + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout, context=self.context) as answer:
                    return Response(answer.status, answer.headers, _json(answer.read(), self.name))
            except urllib.error.HTTPError as exc:
                body = _json(exc.read(), self.name, strict=False)
                if exc.code in RETRIED and attempt < self.attempts:
                    self.pause(_retry_after(exc.headers, attempt))
                    continue
                raise ConnectorError(self.refusal(exc.code, body)) from None
            except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                if attempt < self.attempts:
                    self.pause(_backoff(attempt))
                    continue
                raise ConnectorError(f"{self.name} cannot be reached ({reason}); the next poll tries again") from None
        raise ConnectorError(f"{self.name} did not answer")  # pragma: no cover - the loop returns or raises

    def pause(self, seconds: float) -> None:
        seconds = min(max(seconds, 0.0), self.max_wait)
        self.waited.append(seconds)
        self.sleep(seconds)

    def refusal(self, status: int, body: Any) -> str:
        said = _said(body)
        if status == 401:
            return f"{self.name} refused the key or token (401 Unauthorized{': ' + said if said else ''}); check it"
        if status == 403:
            return (f"{self.name} does not let this key read customers and orders (403 Forbidden"
                    f"{': ' + said if said else ''}); give it read access")
        if status == 404:
            return f"{self.name} has no such address (404 Not Found{': ' + said if said else ''}); check the shop's address"
        if status == 429:
            return f"{self.name} keeps asking us to slow down (429 Too Many Requests); the next poll tries again"
        if status >= 500:
            return f"{self.name} had a server error ({status}{': ' + said if said else ''}); the next poll tries again"
        return f"{self.name} answered {status}{': ' + said if said else ''}"


def _json(raw: bytes, name: str, *, strict: bool = True) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        if not strict:
            return raw[:200].decode("utf-8", "replace")
        raise ConnectorError(f"{name} answered with something that is not JSON (is the address right?)") from None


def _said(body: Any) -> str:
    """The shop's own words: WooCommerce's {"message": …}, Shopify's {"errors": …}."""
    if isinstance(body, Mapping):
        for key in ("message", "errors", "error"):
            value = body.get(key)
            if isinstance(value, str):
                return value
            if isinstance(value, list) and value and isinstance(value[0], Mapping):
                return str(value[0].get("message", ""))
    if isinstance(body, str):
        return body.strip()[:200]
    return ""


def _retry_after(headers: Message, attempt: int) -> float:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return float(value) if value is not None else _backoff(attempt)
    except ValueError:
        return _backoff(attempt)


def _backoff(attempt: int) -> float:
    return float(2 ** attempt)  # 2, 4, 8, 16 s


def next_link(header: str | None) -> str | None:
    """The `rel="next"` address of an RFC 8288 Link header (WooCommerce's paging)."""
    if not header:
        return None
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if pieces and pieces[0].startswith("<") and any(p.replace(" ", "") in ('rel="next"', "rel=next")
                                                          for p in pieces[1:]):
            return pieces[0][1:-1]
    return None


__all__ = ["Client", "ConnectorError", "Response", "next_link"]
