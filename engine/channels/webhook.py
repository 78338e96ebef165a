"""SMS and push through an HTTP webhook: the shop's own gateway or a provider's endpoint.

Every SMS and push provider has its own API; instead of a client for each, the app POSTs one
small JSON document to a URL the shop owner configures (their provider's webhook, a Zapier/
Make hook, a script of their own):

    {"channel": "sms", "to": "+4915…", "message_key": "…", "text": "…"}
    {"channel": "push", "to": "<device token>", "message_key": "…", "title": "…", "body": "…", "url": "…"}

with `Authorization: Bearer <token>` when a token is set and `Idempotency-Key: <message_key>`
so a gateway can drop a repeat of a request whose answer got lost. The standard library's
urllib does the HTTP: no extra dependency for a few requests a minute.

Answers: 2xx → sent (the provider's id from a JSON answer's `id`, `message_id`, `sid` or
`provider_id`); 408, 429, 5xx, timeouts and connection errors are retried here with
exponential backoff and then reported as temporary; other 4xx → permanent (the request itself
is wrong: retrying it cannot help). The token never appears in a detail or log line.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from engine.channels.base import OutgoingMessage, SendResult, short, wrong_channel

log = logging.getLogger(__name__)

RETRYABLE_4XX = frozenset({408, 425, 429})
ID_KEYS = ("id", "message_id", "messageId", "sid", "provider_id")
MAX_RETRY_AFTER = 60.0


def _public_url(url: str) -> str:
    """The URL without user:password or query (which may carry a key) for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


def payload_of(msg: OutgoingMessage) -> dict[str, Any]:
    """The JSON document for `msg` (see the module docstring)."""
    data: dict[str, Any] = {"channel": msg.channel, "to": msg.to, "message_key": msg.message_key}
    if msg.channel == "push":
        data.update(title=msg.title or msg.subject or "",
                    body=msg.body if msg.body is not None else (msg.text or ""), url=msg.url)
    else:
        data["text"] = msg.text if msg.text is not None else (msg.body or "")
    return data


class WebhookChannel:
    """Delivers SMS and push messages by POSTing JSON to `url`.

    `retries` is the number of further attempts after the first for retryable failures;
    attempt n waits `backoff * 2**(n-1)` seconds (or the server's Retry-After, up to a minute).
    """

    def __init__(self, url: str, token: str | None = None, timeout: float = 10, retries: int = 3,
                 backoff: float = 0.5, *, channels: tuple[str, ...] = ("sms", "push"),
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"the webhook address must start with http:// or https://, got {_public_url(url)!r}")
        parts = urlsplit(url)
        # urllib cannot send user:password from the URL; it becomes a Basic header instead.
        self._basic: str | None = None
        if parts.username is not None:
            raw = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
            self._basic = base64.b64encode(raw).decode("ascii")
            netloc = parts.hostname or ""
            if parts.port:
                netloc += f":{parts.port}"
            url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        self.url = url
        self._token = token
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.channels = channels
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"WebhookChannel({_public_url(self.url)!r}, token={'set' if self._token else None})"

    def _request(self, msg: OutgoingMessage) -> urllib.request.Request:
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json",
                   "User-Agent": "journey-builder", "Idempotency-Key": msg.message_key}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        elif self._basic:
            headers["Authorization"] = f"Basic {self._basic}"
        body = json.dumps(payload_of(msg), ensure_ascii=False).encode("utf-8")
        return urllib.request.Request(self.url, data=body, headers=headers, method="POST")

    def send(self, msg: OutgoingMessage) -> SendResult:
        refused = wrong_channel(msg, self.channels)
        if refused is not None:
            return refused
        if not msg.to:
            return SendResult("permanent", f"no {msg.channel} address for this customer")
        where = _public_url(self.url)
        last = SendResult("temporary", f"{where} did not answer")
        msg.handover()  # the receiver drops a repeat of the Idempotency-Key, so this is no gamble
        for attempt in range(self.retries + 1):
            if attempt:
                pause = last.retry_after if last.retry_after is not None else self.backoff * 2 ** (attempt - 1)
                self._sleep(pause)
            result, retryable = self._attempt(msg, where)
            if not retryable:
                return result
            last = result
            log.debug("webhook attempt %d for %s: %s", attempt + 1, msg.message_key, result.detail)
        tries = f" (after {self.retries + 1} attempts)" if self.retries else ""
        return SendResult("temporary", last.detail + tries,
                          retry_after=last.retry_after)

    def _attempt(self, msg: OutgoingMessage, where: str) -> tuple[SendResult, bool]:
        """One POST; the flag says whether trying again soon could help."""
        try:
            with urllib.request.urlopen(self._request(msg), timeout=self.timeout) as response:  # noqa: S310
                raw = response.read(65536)
                return SendResult("sent", f"accepted by {where} ({response.status})",
                                  provider_id=self._provider_id(raw)), False
        except urllib.error.HTTPError as exc:
            code = exc.code
            reason = self._error_text(exc)
            detail = f"{where} answered {code}{': ' + reason if reason else ''}"
            if code in RETRYABLE_4XX or code >= 500:
                return SendResult("temporary", detail, retry_after=self._retry_after(exc)), True
            if code in (401, 403):
                # The token is wrong, not the message: once the settings are fixed it should go out.
                return SendResult("temporary", detail + " (check the webhook token in the settings)"), False
            return SendResult("permanent", detail), False
        except urllib.error.URLError as exc:
            return SendResult("temporary", self._network_text(exc.reason, where)), True
        except OSError as exc:  # timeouts while reading the answer, resets
            return SendResult("temporary", self._network_text(exc, where)), True

    def _network_text(self, reason: object, where: str) -> str:
        if isinstance(reason, TimeoutError | socket.timeout):
            return f"{where} did not answer within {self.timeout:g} s"
        if isinstance(reason, ConnectionRefusedError):
            return f"could not connect to {where}: connection refused"
        if isinstance(reason, socket.gaierror):
            return f"could not connect to {where}: the server name could not be found"
        if isinstance(reason, OSError) and reason.strerror:
            return f"the connection to {where} failed: {reason.strerror.lower()}"
        return f"could not reach {where}: {short(reason)}"

    @staticmethod
    def _provider_id(raw: bytes) -> str | None:
        try:
            data = json.loads(raw.decode("utf-8")) if raw.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        if isinstance(data, dict):
            for key in ID_KEYS:
                value = data.get(key)
                if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
                    return str(value)
        return None

    @staticmethod
    def _error_text(exc: urllib.error.HTTPError) -> str:
        try:
            raw = exc.read(2048)
        except OSError:
            return short(exc.reason or "")
        try:
            data = json.loads(raw.decode("utf-8"))
            if isinstance(data, dict):
                for key in ("error", "message", "detail"):
                    if isinstance(data.get(key), str):
                        return short(data[key])
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass
        return short(raw.decode("utf-8", "replace")) if raw.strip() else short(exc.reason or "")

    @staticmethod
    def _retry_after(exc: urllib.error.HTTPError) -> float | None:
        value = exc.headers.get("Retry-After") if exc.headers else None
        try:
            return min(MAX_RETRY_AFTER, max(0.0, float(value))) if value else None
        except ValueError:
            return None

    def close(self) -> None:
        """Nothing to release: each request opens and closes its own connection."""
