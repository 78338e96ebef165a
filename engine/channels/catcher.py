"""The default way out, which needs no account: a local catcher for every channel.

A shop owner trying the app has no SMTP account configured yet, and must not send real mail
to real customers by accident. So by default email goes to `LocalCatcher`, a real SMTP server
on 127.0.0.1 (the same `SmtpChannel` code path as a real provider, so what works here works
there), which stores each mail as an .eml file; SMS and push go to `LocalSink`, which appends
them to JSON-lines files. `read_outbox` lists everything caught for the app's Outbox view.

Layout of the folder:
    mail/<time>-<n>.eml   one file per received mail, exactly as received
    mail/index.jsonl      one JSON line per mail: file, received_at, from, to, subject, message_id,
                          key (the session's message key, from X-Journey-Message)
    sms.jsonl, push.jsonl one JSON line per message

A mail is written to disk before the server answers 250, so an acknowledged mail is never lost;
and since each record keeps the session's message key, a session that lost the answer (killed
mid-send) can ask `has_message` instead of guessing.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import threading
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SmtpServer
from aiosmtpd.smtp import Envelope, Session

from engine.channels.base import OutgoingMessage, SendResult, short, wrong_channel

log = logging.getLogger(__name__)

MAIL_DIR = "mail"
INDEX = "index.jsonl"
SINK_FILES = {"sms": "sms.jsonl", "push": "push.jsonl"}


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _append_line(path: Path, record: dict[str, Any]) -> None:
    """One JSON line, written with a single write() call so concurrent appenders never interleave."""
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with path.open("a", encoding="utf-8") as f:
        f.write(line)


class LoopbackController(Controller):
    """aiosmtpd's Controller that can bind port 0 (a free port picked by the system).

    The stock Controller checks that the server is up by connecting to `self.port`, which is
    0 until the server is bound; here the bound port is read back first. `connections` counts
    the SMTP sessions the server created (the start-up check included), which tests use to
    prove a channel reuses its connection.
    """

    def __init__(self, handler: Any, hostname: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> None:
        super().__init__(handler, hostname=hostname, port=port, **kwargs)
        self.connections = 0
        self._count_lock = threading.Lock()

    def factory(self) -> SmtpServer:
        with self._count_lock:
            self.connections += 1
        return super().factory()

    def _trigger_server(self) -> None:
        # aiosmtpd types the server as AbstractServer; the loop makes an asyncio.Server, which has sockets.
        if self.port == 0 and isinstance(self.server, asyncio.Server) and self.server.sockets:
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class _CatchingHandler:
    """Stores each mail before acknowledging it; a disk problem answers 451 (the sender retries)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._seq = itertools.count(1)
        self._lock = threading.Lock()

    async def handle_DATA(self, server: SmtpServer, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode("utf-8")
        try:
            self.store(content, envelope.mail_from or "", list(envelope.rcpt_tos))
        except OSError as exc:
            log.warning("the local catcher could not store a mail: %s", exc)
            return f"451 4.3.0 could not store the message: {short(exc.strerror or exc, 80)}"
        return "250 2.0.0 OK: caught locally, not delivered"

    def store(self, content: bytes, mail_from: str, rcpt_tos: list[str]) -> Path:
        mail_dir = self.folder / MAIL_DIR
        mail_dir.mkdir(parents=True, exist_ok=True)
        headers = message_from_bytes(content, policy=policy.default)
        with self._lock:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            name = f"{stamp}-{os.getpid()}-{next(self._seq):06d}.eml"
            target = mail_dir / name
            partial = mail_dir / f".{name}.part"
            partial.write_bytes(content)
            os.replace(partial, target)
            _append_line(mail_dir / INDEX, {
                "file": name, "received_at": _now_text(), "mail_from": mail_from, "rcpt_tos": rcpt_tos,
                "subject": str(headers.get("Subject", "")), "message_id": str(headers.get("Message-ID", "")),
                "from": str(headers.get("From", "")), "to": str(headers.get("To", "")),
                "key": str(headers.get("X-Journey-Message", "")),
            })
        return target


class LocalCatcher:
    """A real SMTP server on 127.0.0.1 that keeps every mail in `folder`/mail.

    `start()` returns (host, port) to point an `SmtpConfig(security="none")` at; port 0 (the
    default) lets the system pick a free one, so two sessions or tests never collide.
    """

    def __init__(self, folder: Path | str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.folder = Path(folder)
        self.host = host
        self.port = port
        self._controller: LoopbackController | None = None

    def start(self) -> tuple[str, int]:
        if self._controller is not None:
            return self.host, self._controller.port
        (self.folder / MAIL_DIR).mkdir(parents=True, exist_ok=True)
        controller = LoopbackController(_CatchingHandler(self.folder), hostname=self.host, port=self.port,
                                        server_hostname="journey-builder-catcher")
        controller.start()
        self._controller = controller
        log.info("local mail catcher listening on %s:%d, storing in %s", self.host, controller.port, self.folder)
        return self.host, controller.port

    @property
    def address(self) -> tuple[str, int] | None:
        return (self.host, self._controller.port) if self._controller else None

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def has_message(self, key: str) -> bool:
        """Whether a mail with this message key was caught (stored before the 250 was sent)."""
        return any(record.get("key") == key for record in _read_lines(self.folder / MAIL_DIR / INDEX))

    def __enter__(self) -> LocalCatcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class LocalSink:
    """A `Channel` for SMS and push that writes each message to `folder`/sms.jsonl or push.jsonl."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def send(self, msg: OutgoingMessage) -> SendResult:
        refused = wrong_channel(msg, tuple(SINK_FILES))
        if refused is not None:
            return refused
        if not msg.to:
            return SendResult("permanent", f"no {msg.channel} address for this customer")
        record: dict[str, Any] = {"channel": msg.channel, "to": msg.to, "message_key": msg.message_key,
                                  "at": _now_text()}
        if msg.channel == "sms":
            record["text"] = msg.text if msg.text is not None else (msg.body or "")
        else:
            record.update(title=msg.title or "", body=msg.body if msg.body is not None else (msg.text or ""),
                          url=msg.url)
        try:
            with self._lock:
                self.folder.mkdir(parents=True, exist_ok=True)
                msg.handover()
                _append_line(self.folder / SINK_FILES[msg.channel], record)
        except OSError as exc:
            return SendResult("temporary", f"could not write to the local outbox: {short(exc.strerror or exc)}")
        return SendResult("sent", "caught locally, not delivered", provider_id=f"local:{msg.message_key}")

    def has_message(self, key: str) -> bool:
        """Whether a message with this key was written (an SMS or a push)."""
        return any(record.get("message_key") == key
                   for name in SINK_FILES.values() for record in _read_lines(self.folder / name))

    def close(self) -> None:
        """Nothing to release: every message is written and closed at once."""


def _read_lines(path: Path) -> list[dict[str, Any]]:
    """JSON lines, skipping a torn last line (a process killed mid-write) instead of failing."""
    if not path.is_file():
        return []
    records = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            records.append(value)
    return records


def _mail_parts(path: Path) -> dict[str, Any]:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    parts: dict[str, Any] = {"text": None, "html": None, "headers": {k: str(v) for k, v in message.items()}}
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        if part is not None:
            parts["text" if kind == "plain" else "html"] = part.get_content()
    return parts


def read_outbox(folder: Path | str, *, limit: int | None = None, bodies: bool = True) -> list[dict[str, Any]]:
    """Everything caught in `folder`, oldest first (the last `limit` when given).

    Each entry has `channel`, `to`, `at`; mail adds `subject`, `from`, `message_id`, `file`
    (path of the .eml) and, with `bodies`, `text`, `html` and `headers` for showing it rendered;
    SMS adds `text`; push adds `title`, `body`, `url`.
    """
    folder = Path(folder)
    entries: list[dict[str, Any]] = []
    mail_dir = folder / MAIL_DIR
    for record in _read_lines(mail_dir / INDEX):
        rcpts = record.get("rcpt_tos") or []
        entries.append({"channel": "email", "to": record.get("to") or ", ".join(rcpts), "at": record.get("received_at"),
                        "subject": record.get("subject", ""), "from": record.get("from", ""),
                        "message_id": record.get("message_id", ""), "rcpt_tos": rcpts,
                        "file": str(mail_dir / str(record.get("file", "")))})
    for channel, name in SINK_FILES.items():
        for record in _read_lines(folder / name):
            entries.append({**record, "channel": channel})
    entries.sort(key=lambda e: str(e.get("at") or ""))
    if limit is not None:
        entries = entries[-limit:] if limit > 0 else []
    if bodies:
        for entry in entries:
            if entry["channel"] == "email":
                path = Path(entry["file"])
                try:
                    entry.update(_mail_parts(path))
                except (OSError, ValueError):
                    entry.update(text=None, html=None, headers={})
    return entries
