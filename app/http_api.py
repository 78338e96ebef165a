"""A small local HTTP endpoint: the shop's site reports events, customers unsubscribe.

    POST /events        {"type", "customer", "at"?, "properties"?}  → 202 {"id": …}
    GET  /unsubscribe?c=ID&ch=email&sig=…                            → "You're unsubscribed" page
    POST /unsubscribe?c=ID&ch=email&sig=…   (RFC 8058 one-click, List-Unsubscribe-Post)
    GET  /health                                                     → {"ok": true}

Why it is built this way:
- An event is stored (committed) before it is acknowledged: a 202 means a sending session will
  see it even if this process is killed the next moment; any failure to store answers 5xx so
  the shop's site retries. An `order_placed` event also stores the order, as an import does.
- /events needs the API token (`Authorization: Bearer …` or `X-Journey-Token: …`), compared
  in constant time; /unsubscribe needs none, because the link itself is signed (see
  `engine.channels.unsubscribe`) and the person clicking it has no token.
- Bound to 127.0.0.1 by default: the shop's machine is usually a laptop. A shop that wants
  customers' clicks to arrive puts a tunnel or reverse proxy in front, or binds another host.
- Standard library only (http.server, one thread per request); the storage layer is imported
  lazily, so importing this module stays cheap for the command line.
- Nothing a client sends may hurt the shop (issue 20): every connection has a socket timeout, so
  a client that stalls is dropped; bodies, URLs, JSON nesting and numbers are bounded (see
  docs/input-limits.md) and refused with a 4xx naming the field; values go through
  engine.values like every other door; 503 means only that the database is busy or unavailable
  just now (a retry can succeed), never input that can never succeed; and logging cannot fail
  or print a traceback, whatever state the request is in.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import os
import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from engine.channels import unsubscribe
from engine.profile import MAX_ID, MAX_TYPE
from engine.values import MAX_TEXT, ValueProblem, amount, check_json_value, parse_json, single_line

log = logging.getLogger(__name__)

MAX_BODY = 256 * 1024  # an event with a few hundred line items is a few tens of kilobytes
REQUEST_TIMEOUT = 10.0  # seconds a connection may sit idle or stalled before it is dropped
MAX_DRAIN = 1024 * 1024  # bytes read and thrown away after an error, so the answer is not lost to a reset
ORDER_EVENT = "order_placed"
CHANNEL_WORDS = {"email": "emails", "sms": "text messages", "push": "push notifications"}


class BadRequest(ValueError):
    """A body the API cannot use; `field` names the offending key for the caller's log, and
    `status` is the 4xx that fits (400 unless the size or the encoding is what is wrong)."""

    def __init__(self, message: str, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.field = field
        self.status = status


def parse_body(raw: bytes) -> Any:
    """The JSON of a body: UTF-8, no NaN or Infinity, numbers of at most 100 characters that fit
    64 bits, nesting of at most 32, strings of at most 65,536 characters (engine.values)."""
    if not raw.strip():
        raise BadRequest("the body is empty; send a JSON object with type and customer")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the body is not valid JSON (not UTF-8 at byte {exc.start})") from None
    try:
        return parse_json(text, "", max_text=MAX_TEXT)
    except ValueProblem as exc:
        if isinstance(exc.__cause__, json.JSONDecodeError):
            raise BadRequest(f"the body is {exc.reason}") from None
        raise BadRequest(str(exc), exc.where.split(".")[0].split("[")[0] or None) from None


def parse_event(body: Any) -> dict[str, Any]:
    """Checks an /events body; returns customer, type, at (aware datetime or None), properties."""
    from engine.timeutil import TimeFormatError, parse_moment

    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object like {\"type\": \"cart_abandoned\", \"customer\": \"c-17\"}")
    unknown = sorted(set(body) - {"type", "customer", "at", "properties"})
    if unknown:
        raise BadRequest(f"unknown field(s): {', '.join(unknown)} (expected type, customer, at, properties)",
                         unknown[0])
    event_type = body.get("type")
    if not isinstance(event_type, str) or not event_type.strip():
        raise BadRequest("type: missing or not a string (like \"cart_abandoned\")", "type")
    customer = body.get("customer")
    if isinstance(customer, bool) or not isinstance(customer, str | int) or str(customer).strip() == "":
        raise BadRequest("customer: missing or not a customer id (a string)", "customer")
    try:
        event_type = single_line(event_type, "type", max_length=MAX_TYPE)
        customer = single_line(customer, "customer", max_length=MAX_ID)
    except ValueProblem as exc:
        raise BadRequest(str(exc), exc.where) from None
    at = None
    if body.get("at") is not None:
        try:
            at = parse_moment(body["at"])
        except TimeFormatError as exc:
            raise BadRequest(f"at: {exc}", "at") from None
    properties = body.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        raise BadRequest("properties: must be an object", "properties")
    try:
        check_json_value(properties, "properties")
        if event_type == ORDER_EVENT:
            if properties.get("total") is not None:
                amount(properties["total"], "properties.total")
            for key in ("order_id", "id", "currency"):
                if properties.get(key) is not None:
                    single_line(properties[key], f"properties.{key}", max_length=MAX_ID)
    except ValueProblem as exc:
        raise BadRequest(str(exc), "properties") from None
    return {"type": event_type, "customer": customer, "at": at, "properties": properties}


class HttpApi(ThreadingHTTPServer):
    """The server: holds the database, the token and the unsubscribe key; `stop()` ends it."""

    daemon_threads = True
    # socketserver's default backlog of 5 resets connections when a shop's webhooks arrive in a
    # burst; the kernel caps this at somaxconn anyway.
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], db: Any, token: str, unsubscribe_secret: str | None,
                 *, owns_db: bool, request_timeout: float = REQUEST_TIMEOUT) -> None:
        super().__init__(address, _Handler)
        self.request_timeout = request_timeout
        self.db = db
        self._token = token.encode("utf-8")
        self._secret = unsubscribe_secret
        self._owns_db = owns_db
        self._secret_lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode("utf-8"), self._token)  # type: ignore[union-attr]

    def unsubscribe_secret(self) -> str:
        """The dedicated key if one was given, else the shop's secret (read once from the database)."""
        with self._secret_lock:
            if self._secret is None:
                from storage.shop_repo import get_settings

                with self.db.transaction() as session:
                    self._secret = get_settings(session).discount_secret
            return self._secret

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line instead of socketserver's traceback on standard error: whatever broke,
        the connection is closed and the server goes on."""
        import sys

        exc = sys.exc_info()[1]
        log.warning("HTTP API: a request ended with %s: %s", type(exc).__name__, _first_line(exc))

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)
        if self._owns_db:
            self.db.close()


def _opt_out(session: Any, customer_id: str, channel: str, source: str) -> bool:
    """Puts the customer on the suppression list for `channel` (which also withdraws their
    consent), with how they asked; False when there is no such customer."""
    from storage.models import CustomerRow
    from storage.suppressions_repo import suppress

    if session.get(CustomerRow, customer_id) is None:
        return False  # deleted meanwhile (GDPR): nothing left to send to, and nothing to say
    suppress(session, channel=channel, reason="unsubscribed", customer_id=customer_id, source=source)
    return True


def _page(title: str, text: str) -> bytes:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{html.escape(title, quote=False)}</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;"
            "color:#222}h1{font-size:1.5rem}</style></head>"
            f"<body><h1>{html.escape(title, quote=False)}</h1><p>{html.escape(text, quote=False)}</p></body></html>").encode()


def _first_line(exc: BaseException | None) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else ""


def _storage_unavailable(exc: BaseException) -> bool:
    """Whether a failure is the database being busy or out of reach just now (locked, disk
    full, file gone), which a retry may cure: only that earns a 503."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from storage.errors import DatabaseProblem

    return isinstance(exc, OperationalError | sqlite3.OperationalError | DatabaseProblem | OSError)


class _Handler(BaseHTTPRequestHandler):
    server: HttpApi
    server_version = "JourneyBuilder"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # StreamRequestHandler puts `timeout` on the socket: a client that connects and sends
        # nothing, or stops halfway through a body, is dropped instead of holding a thread.
        self.timeout = self.server.request_timeout
        super().setup()

    # -- logging: never raises, never the query string or a header -------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """To logging, path only: a query may carry a signature, headers carry the token. Safe
        before the request line was parsed (a 414 has no `path`)."""
        try:
            path = urlsplit(getattr(self, "path", "") or "").path
            status = args[1] if len(args) > 1 else ""
            log.debug("%s %s %s", getattr(self, "command", "") or "-", path[:200], str(status)[:20])
        except Exception:  # noqa: BLE001 - a log line is never worth a failed request
            return

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002
        try:
            text = format % args
        except Exception:  # noqa: BLE001
            text = format
        log.info("HTTP API: %s", " ".join(text.split())[:200])

    # -- responses ---------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: dict[str, Any], extra: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode("utf-8"), "application/json", extra)

    def _error(self, status: int, message: str, field: str | None = None) -> None:
        data: dict[str, Any] = {"error": message}
        if field:
            data["field"] = field
        extra = {"WWW-Authenticate": 'Bearer realm="journey-builder"'} if status == 401 else None
        if status == 503:
            extra = {"Retry-After": "5"}
        self._json(status, data, extra)

    def _html(self, status: int, title: str, text: str) -> None:
        self._send(status, _page(title, text), "text/html; charset=utf-8")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (414 URL too long, 431 headers, 400 bad request line) as JSON
        like ours, then the rest of the request read and dropped, so the client gets the answer
        rather than a connection reset."""
        self.log_error("code %d, message %s", code, message)
        self.close_connection = True
        if code == 414:
            text = f"the address is longer than {65536:,} characters"
        else:
            text = message or self.responses.get(code, ("error",))[0]
        self._json(code, {"error": text})
        self._drain()

    def _drain(self) -> None:
        """Closes our side and reads what the client still sends (at most MAX_DRAIN bytes)."""
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(min(self.server.request_timeout, 2.0))
            left = MAX_DRAIN
            while left > 0:
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            return

    # -- routing -----------------------------------------------------------------------------

    def do_GET(self) -> None:
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if path == "/health":
            self._json(200, {"ok": True})
        elif path == "/unsubscribe":
            self._unsubscribe(confirm=False, source="")
        else:
            self._error(404, f"no such address: {path[:200]}")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if path == "/events":
            self._post_event()
        elif path == "/unsubscribe":
            try:
                body = self._read_body()  # the signed query says who; the body only how
            except BadRequest as exc:
                self._error(exc.status, str(exc), exc.field)
                return
            one_click = b"List-Unsubscribe=One-Click" in body
            self._unsubscribe(confirm=True, source="one-click (mail app)" if one_click else "confirmation page")
        else:
            self.close_connection = True  # the body, if any, is not read
            self._error(404, f"no such address: {path[:200]}")

    def _read_body(self) -> bytes:
        """The body by its Content-Length; anything that stops it being read whole closes the
        connection, since unread bytes would be taken for the next request."""
        length_text = self.headers.get("Content-Length")
        if self.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
            self.close_connection = True
            raise BadRequest("send the body uncompressed (no Content-Encoding)", status=415)
        if length_text is None:
            if self.headers.get("Transfer-Encoding"):
                self.close_connection = True
                raise BadRequest("send the body with a Content-Length (chunked bodies are not supported)",
                                 status=411)
            return b""
        if not length_text.strip().isdigit() or len(length_text.strip()) > 18:
            self.close_connection = True
            raise BadRequest("Content-Length is not a number")
        length = int(length_text)
        if length > MAX_BODY:
            self.close_connection = True
            raise BadRequest(f"the body is larger than {MAX_BODY:,} bytes", status=413)
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True
            raise BadRequest(f"the body ended after {len(body)} of {length} bytes")
        return body

    def _authorised(self) -> bool:
        given = self.headers.get("X-Journey-Token")
        auth = self.headers.get("Authorization") or ""
        if auth[:7].lower() == "bearer ":
            given = auth[7:].strip()
        return self.server.token_ok(given)

    # -- /events -----------------------------------------------------------------------------

    def _post_event(self) -> None:
        if not self._authorised():
            self.close_connection = True  # the body is not read
            self._error(401, "missing or wrong API token: send 'Authorization: Bearer <token>' or "
                             "'X-Journey-Token: <token>'")
            return
        try:
            event = parse_event(parse_body(self._read_body()))
        except BadRequest as exc:
            self._error(exc.status, str(exc), exc.field)
            return
        self._store_event(event)

    def _store_event(self, event: dict[str, Any]) -> None:
        from engine.profile import ProfileError
        from storage.errors import NotFound
        from storage.history_repo import record_event

        at = event["at"] or datetime.now(UTC)  # to the microsecond, as `journey-builder event` stamps
        try:
            with self.server.db.transaction() as session:
                event_id = record_event(session, event["customer"], event["type"], at, event["properties"]).id
        except NotFound:
            self._error(404, f"no customer with id '{event['customer']}'", "customer")
            return
        except ProfileError as exc:
            message = str(exc)
            self._error(400, message, "properties" if "order" in message or "propert" in message else None)
            return
        except Exception as exc:  # noqa: BLE001 - the caller gets a status, never a traceback
            if _storage_unavailable(exc):
                log.warning("could not store an event: %s", _first_line(exc))
                self._error(503, "the database is busy or unavailable just now; try again", None)
            else:
                log.warning("could not store an event (%s: %s)", type(exc).__name__, _first_line(exc))
                self._error(500, "the event could not be stored (an internal error; see the shop's log)", None)
            return
        self._json(202, {"id": event_id, "status": "stored"})

    # -- /unsubscribe ------------------------------------------------------------------------

    def _unsubscribe(self, *, confirm: bool, source: str) -> None:
        """GET shows what the link would do and a button, and changes nothing: mail scanners
        open every link of a message, and must not unsubscribe anybody by doing so. POST (the
        button, or a mail app's one-click of RFC 8058) unsubscribes and records when and how."""
        query = parse_qs(urlsplit(self.path).query)
        customer = (query.get("c") or [""])[0]
        channel = (query.get("ch") or ["email"])[0]
        sig = (query.get("sig") or [""])[0]
        if not customer or not sig or channel not in unsubscribe.CHANNELS:
            self._html(400, "This unsubscribe link is incomplete",
                       "Part of the link is missing. Please open the complete link from the message.")
            return
        try:
            secret = self.server.unsubscribe_secret()
            valid = unsubscribe.verify(secret, customer, channel, sig)
        except Exception as exc:  # noqa: BLE001
            log.warning("could not check an unsubscribe link: %s", type(exc).__name__)
            status = 503 if _storage_unavailable(exc) else 500
            self._html(status, "Please try again", "We could not process the request just now.")
            return
        if not valid:
            self._html(403, "This unsubscribe link is not valid",
                       "The link was changed or is not from this shop. Please use the link from the message.")
            return
        if not confirm:
            self._send(200, _confirmation_page(CHANNEL_WORDS[channel]), "text/html; charset=utf-8")
            return
        try:
            with self.server.db.transaction() as session:
                _opt_out(session, customer, channel, source)
        except Exception as exc:  # noqa: BLE001 - the person gets a page, the log gets the reason
            log.warning("could not record an opt-out: %s", _first_line(exc))
            status = 503 if _storage_unavailable(exc) else 500
            self._html(status, "Please try again", "We could not record your choice just now; please try again.")
            return
        log.info("customer %s unsubscribed from %s (%s)", customer, channel, source)
        self._html(200, "You're unsubscribed",
                   f"You will not receive {CHANNEL_WORDS[channel]} from this shop any more.")


def _confirmation_page(what: str) -> bytes:
    """The page a link in a message opens: one button that posts to the same address."""
    title = "Unsubscribe?"
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{title}</title><style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;"
            "padding:0 1rem;color:#222}h1{font-size:1.5rem}button{font-size:1rem;padding:.6rem 1.2rem}</style>"
            f"</head><body><h1>{title}</h1><p>Press the button to stop receiving {html.escape(what)} from this "
            "shop.</p><form method=\"post\"><button type=\"submit\">Unsubscribe</button></form></body></html>"
            ).encode()


def start_http_api(db_path: str | os.PathLike[str] | Any, host: str = "127.0.0.1", port: int = 0, *,
                   token: str, unsubscribe_secret: str | None = None,
                   request_timeout: float = REQUEST_TIMEOUT) -> tuple[HttpApi, int]:
    """Starts the API in a daemon thread; returns the server (call `.stop()`) and its port.

    `db_path` is a database file (opened here, closed by `stop`) or an open `storage.Database`
    to share. `unsubscribe_secret` defaults to the shop's secret from its settings.
    `request_timeout` is how long a silent or stalled connection is kept (tests make it short).
    """
    if not token:
        raise ValueError("the HTTP API needs a token; without one anybody on the network could add events")
    if hasattr(db_path, "transaction"):
        db, owns = db_path, False
    else:
        from storage.database import open_database

        db, owns = open_database(db_path if isinstance(db_path, str) else Path(db_path)), True
    try:
        server = HttpApi((host, port), db, token, unsubscribe_secret, owns_db=owns,
                        request_timeout=request_timeout)
    except OSError:
        if owns:
            db.close()
        raise
    server.thread = threading.Thread(target=server.serve_forever, name="journey-builder-http-api", daemon=True)
    server.thread.start()
    bound_port = server.server_address[1]
    log.info("HTTP API listening on http://%s:%d", host, bound_port)
    return server, int(bound_port)
