"""The bounce mailbox: reads bounces and complaints over IMAP and applies them to the shop.

Most bounces never reach the sending session as an SMTP error: the provider accepts the
message and only later mails a report to the sender's address. Unread, those addresses keep
getting mail, and a sender that keeps mailing dead addresses loses its reputation with
Gmail and Microsoft. So the session (and `journey-builder bounces`) logs in to the mailbox the
shop names in its email settings, reads the new messages, and applies every report
(`engine.bounces` reads it, `storage.bounces_repo` applies it).

- Which messages: the first time the unread ones, later every message with a UID above the
  last one looked at (read by a person or not), per mailbox and UIDVALIDITY. Reports are
  flagged \\Seen (and moved to `move_to` when set); anything else (a customer's reply in a
  shared inbox) is left exactly as it was, and not read again.
- Twice is harmless: a report is applied once by its Message-ID, whatever the flags say.
- Failure is harmless: an unreachable server or a refused login is one log line, and the next
  check tries again; sending never waits for the mailbox (`BounceWatcher` checks in a thread
  of its own, at most every `CHECK_INTERVAL` seconds).

Settings live in the shop's email settings under "bounces": host, port, security
(ssl | starttls | none), username, `password_secret` (the keyring entry, as for SMTP), folder
(default INBOX) and optionally move_to.
"""

from __future__ import annotations

import imaplib
import logging
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from engine.bounces import read_report
from storage import bounces_repo, shop_repo
from storage.database import Database

log = logging.getLogger(__name__)

PASSWORD_SECRET = "bounce_mailbox_password"
CHECK_INTERVAL = 300.0  # seconds between two looks at the mailbox: reports are not urgent
DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
Security = Literal["ssl", "starttls", "none"]
_UID = re.compile(rb"UID (\d+)")


class BounceMailboxError(Exception):
    """The mailbox cannot be read now; the message is a sentence for the shop owner."""


@dataclass(frozen=True)
class MailboxSettings:
    host: str
    port: int = 993
    security: Security = "ssl"
    username: str = ""
    password: str | None = field(default=None, repr=False)
    folder: str = "INBOX"
    move_to: str | None = None
    timeout: float = 30.0
    # For tests and private CAs; None: the system's trusted certificates, host names checked.
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.security not in DEFAULT_PORTS:
            raise ValueError(f"security: expected 'ssl', 'starttls' or 'none', got {self.security!r}")

    @property
    def name(self) -> str:
        """The mailbox's identity for the cursor: another server, user or folder starts afresh."""
        return f"{self.username}@{self.host}:{self.port}/{self.folder}"


def configured(shop: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The shop's bounce mailbox settings (`shop["smtp"]["bounces"]`), or None when there is none."""
    smtp = shop.get("smtp") if isinstance(shop, Mapping) else None
    bounces = smtp.get("bounces") if isinstance(smtp, Mapping) else None
    return bounces if isinstance(bounces, Mapping) and bounces.get("host") else None


def mailbox_settings(values: Mapping[str, Any], *, ssl_context: ssl.SSLContext | None = None) -> MailboxSettings:
    """Settings from the stored dict, with the password from the keyring."""
    from app.secrets import get_secret

    password = values.get("password") or None
    if password is None and values.get("password_secret"):
        password = get_secret(str(values["password_secret"]))
    security = str(values.get("security") or "ssl")
    return MailboxSettings(host=str(values["host"]), port=int(values.get("port") or DEFAULT_PORTS.get(security, 993)),
                           security=security,  # type: ignore[arg-type]  # checked in __post_init__
                           username=str(values.get("username") or ""), password=password,
                           folder=str(values.get("folder") or "INBOX"), move_to=values.get("move_to") or None,
                           ssl_context=ssl_context)


def _quote(name: str) -> str:
    """A mailbox name as an IMAP quoted string (imaplib sends arguments as they are)."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words(exc: BaseException) -> str:
    if isinstance(exc, imaplib.IMAP4.error) and exc.args:
        first = exc.args[0]
        return first.decode("utf-8", "replace") if isinstance(first, bytes) else str(first)
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer (timed out)"
    if isinstance(exc, socket.gaierror):
        return "the server name could not be found"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the certificate is not trusted ({exc.verify_message})"
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or exc.__class__.__name__


def connect(settings: MailboxSettings) -> imaplib.IMAP4:
    """A logged-in connection, or BounceMailboxError saying what went wrong."""
    where = f"{settings.host}:{settings.port}"
    context = settings.ssl_context or ssl.create_default_context()
    conn: imaplib.IMAP4 | None = None
    try:
        if settings.security == "ssl":
            conn = imaplib.IMAP4_SSL(settings.host, settings.port, ssl_context=context, timeout=settings.timeout)
        else:
            conn = imaplib.IMAP4(settings.host, settings.port, timeout=settings.timeout)
            if settings.security == "starttls":
                if "STARTTLS" not in conn.capabilities:
                    raise BounceMailboxError(f"{where} does not offer STARTTLS; choose SSL (usually port 993)")
                conn.starttls(ssl_context=context)
    except BounceMailboxError:
        _close(conn)
        raise
    except (OSError, imaplib.IMAP4.error) as exc:
        _close(conn)
        raise BounceMailboxError(f"could not connect to the bounce mailbox at {where}: {_words(exc)}") from None
    try:
        conn.login(settings.username, settings.password or "")
    except (OSError, imaplib.IMAP4.error) as exc:
        _close(conn)
        raise BounceMailboxError(f"the bounce mailbox at {where} refused the login for {settings.username!r} "
                                 f"({_words(exc)})") from None
    try:  # servers announce more (MOVE) once logged in; imaplib keeps what the greeting said
        status, data = conn.capability()
        if status == "OK" and data and isinstance(data[-1], bytes):
            conn.capabilities = tuple(data[-1].decode("ascii", "replace").upper().split())
    except (OSError, imaplib.IMAP4.error):
        pass
    return conn


def _close(conn: imaplib.IMAP4 | None) -> None:
    if conn is None:
        return
    try:
        conn.logout()
    except (OSError, imaplib.IMAP4.error):
        pass


def _number(pattern: re.Pattern[bytes], data: object) -> int | None:
    for item in data if isinstance(data, list) else [data]:
        found = pattern.search(item if isinstance(item, bytes) else str(item).encode())
        if found:
            return int(found.group(1))
    return None


def _code(conn: imaplib.IMAP4, name: str) -> int | None:
    """A number the server gave in a response code at SELECT (`[UIDVALIDITY 3857529045]`)."""
    _, data = conn.response(name)
    for item in data or []:
        if isinstance(item, bytes) and item.strip().isdigit():
            return int(item)
    return None


def _fetch(conn: imaplib.IMAP4, uid: int) -> bytes | None:
    status, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")  # PEEK: reading does not mark it read
    if status != "OK":
        return None
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and _number(_UID, item[0]) in (uid, None):
            return item[1]
    return None


def _done_with(conn: imaplib.IMAP4, uid: int, settings: MailboxSettings) -> None:
    """Flags a processed report \\Seen, and moves it when the settings say where."""
    conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Seen)")
    if settings.move_to:
        if "MOVE" in conn.capabilities:
            conn.uid("MOVE", str(uid), _quote(settings.move_to))
        else:  # no MOVE (RFC 6851): copy, and leave the original deleted for the next expunge
            status, _ = conn.uid("COPY", str(uid), _quote(settings.move_to))
            if status == "OK":
                conn.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)")


def check_mailbox(db: Database, settings: MailboxSettings, now: datetime | None = None) -> bounces_repo.Outcome:
    """Reads the new messages of the bounce mailbox once and applies the reports among them."""
    outcome = bounces_repo.Outcome()
    conn = connect(settings)
    try:
        try:
            status, data = conn.select(_quote(settings.folder))
            if status != "OK":
                raise BounceMailboxError(f"the bounce mailbox has no folder {settings.folder!r}")
            validity = _code(conn, "UIDVALIDITY") or 0
            uid_next = _code(conn, "UIDNEXT")
            with db.read() as session:
                known = bounces_repo.cursor(session, settings.name)
            last = known[1] if known is not None and known[0] == validity else None
            status, data = conn.uid("SEARCH", None, "UNSEEN" if last is None else f"UID {last + 1}:*")
            uids = sorted(int(u) for u in (data[0] or b"").split()) if status == "OK" and data else []
            if last is not None:
                uids = [u for u in uids if u > last]  # "N:*" always includes the newest message
            for uid in uids:
                raw = _fetch(conn, uid)
                report = read_report(raw) if raw is not None else None
                stamp = now or datetime.now(UTC)
                with db.transaction() as session:
                    if report is not None:
                        outcome.add(bounces_repo.apply_report(session, report, stamp))
                    bounces_repo.set_cursor(session, settings.name, validity, uid, stamp)
                if report is not None and report.kind != "none":
                    _done_with(conn, uid, settings)
            if not uids and uid_next is not None and last is None:
                # Nothing unread at the first look: start after what is there.
                with db.transaction() as session:
                    bounces_repo.set_cursor(session, settings.name, validity, uid_next - 1, now or datetime.now(UTC))
        except (OSError, imaplib.IMAP4.error) as exc:
            raise BounceMailboxError(f"reading the bounce mailbox {settings.folder!r} at {settings.host} "
                                     f"failed: {_words(exc)}") from None
    finally:
        _close(conn)
    return outcome


class BounceWatcher:
    """Checks the shop's bounce mailbox now and then, beside a sending session, never in its way.

    `poll()` is called on every wake-up of the session and costs a clock reading, plus one read
    of the settings row when a check is due. The check itself runs in a thread of its own.
    """

    def __init__(self, db: Database, *, interval: float = CHECK_INTERVAL,
                 clock: Callable[[], datetime] | None = None, ssl_context: ssl.SSLContext | None = None) -> None:
        self.db = db
        self.interval = interval
        self.clock = clock or (lambda: datetime.now(UTC))
        self.ssl_context = ssl_context
        self._next = 0.0
        self._thread: threading.Thread | None = None
        self.checks = 0  # finished, with success or not
        self.last_outcome: bounces_repo.Outcome | None = None
        self.last_error: str | None = None

    def poll(self) -> bool:
        """Starts a check in the background when one is due; True when it did."""
        if self._thread is not None and self._thread.is_alive():
            return False
        moment = time.monotonic()
        if moment < self._next:
            return False
        self._next = moment + self.interval
        try:
            with self.db.read() as session:
                values = configured(shop_repo.settings_dict(session))
        except Exception as exc:  # noqa: BLE001 - never the reason a session stops
            log.warning("bounce mailbox: could not read the settings (%s); trying again later", exc)
            return False
        if values is None:
            return False
        self._thread = threading.Thread(target=self._check, args=(dict(values),), name="journey-builder-bounces",
                                        daemon=True)
        self._thread.start()
        return True

    def _check(self, values: dict[str, Any]) -> None:
        try:
            settings = mailbox_settings(values, ssl_context=self.ssl_context)
            outcome = check_mailbox(self.db, settings, self.clock())
        except BounceMailboxError as exc:
            self.last_error = str(exc)
            log.warning("%s; trying again in %d minute(s)", exc, max(1, round(self.interval / 60)))
        except Exception as exc:  # noqa: BLE001 - a bug here must not take the session down
            self.last_error = f"{exc.__class__.__name__}: {exc}"
            log.warning("checking the bounce mailbox failed (%s); trying again later", self.last_error)
            log.debug("bounce mailbox check failed", exc_info=True)
        else:
            self.last_error = None
            self.last_outcome = outcome
            if outcome.reports or outcome.repeated:
                log.info("bounce mailbox: %s", outcome.describe())
        finally:
            self.checks += 1

    def wait(self, timeout: float | None = None) -> bool:
        """Waits for a check in progress; True when none is running any more."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Gives a check in progress a moment to finish; its thread dies with the process otherwise."""
        self._next = float("inf")
        self.wait(timeout)


__all__ = ["CHECK_INTERVAL", "PASSWORD_SECRET", "BounceMailboxError", "BounceWatcher", "MailboxSettings",
           "check_mailbox", "configured", "connect", "mailbox_settings"]
