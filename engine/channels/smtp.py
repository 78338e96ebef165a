"""Email through an SMTP server (the shop's mailbox provider, a relay, or the local catcher).

Why it is built this way:
- One connection is reused for many messages: a TLS handshake and a login cost far more than
  sending a message (see docs/performance.md, "SMTP"), and providers throttle accounts that
  open a connection per message. The connection is dropped and reopened after
  `max_messages_per_connection` messages (servers cap that too) and whenever it was closed or
  timed out while idle.
- After ANY error on a reused session the session is cleaned before the next message: an
  SMTP reply (the server is still in step) is followed by RSET, anything else (timeout,
  broken pipe, garbage) by a new connection. Without it one refused recipient leaves the
  server mid-transaction and every following message fails with "503 bad sequence".
- Replies are mapped to what the session should do: 4xx and network trouble are `temporary`
  (try again later), 5xx about the message or recipient is `permanent`. Problems with the
  account or the connection itself (refused login, no STARTTLS, certificate, unreachable
  host) are `temporary` too even when the server said 5xx: the message is fine, the settings
  are not, and once the shop owner fixes them the same message should go out.
- Details are plain sentences for the shop owner; the password never appears in one, nor in a
  log line or a repr (smtplib's own debug output, which would print the AUTH exchange, is
  never switched on).
"""

from __future__ import annotations

import logging
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Literal

import idna

from engine.channels.base import OutgoingMessage, SendResult, plain_address, short, wrong_channel
from engine.channels.mime import build_email, sender_domain
from engine.channels.ratelimit import RateLimiter

log = logging.getLogger(__name__)

Security = Literal["none", "starttls", "ssl"]
DAILY_LIMIT_REACHED = "daily limit reached"
_DOT_AT_LINE_START = re.compile(rb"(?m)^\.")


@dataclass
class SmtpConfig:
    """How to reach the mail server. `password` is kept out of repr so it cannot leak into logs.

    `ssl_context` is for tests and for shops with a private CA; None means the system's trusted
    certificates with host name checking, the only safe default for a real provider.
    """

    host: str
    port: int = 587
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = ""
    sender_name: str = ""
    rate_per_minute: int | None = None
    rate_per_day: int | None = None
    max_messages_per_connection: int = 100
    timeout: float = 30
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)
    local_hostname: str | None = None
    # Signs the exact bytes that go out (engine.channels.dkim.DkimSigner), when the shop has a key.
    dkim: Callable[[bytes], bytes] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.security not in ("none", "starttls", "ssl"):
            raise ValueError(f"security: expected 'none', 'starttls' or 'ssl', got {self.security!r}")
        if self.max_messages_per_connection < 1:
            raise ValueError("max_messages_per_connection: must be at least 1")

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def ascii_or_utf8(address: str, utf8: bool) -> str | None:
    """The form of an address (or `Name <address>`) a server can take: as it is when it is ASCII
    or the server offers SMTPUTF8 (RFC 6531); else with its domain in IDNA (`jurgen@münchen.de`
    → `jurgen@xn--mnchen-3ya.de`); None when the part before the @ is not ASCII either."""
    name, addr = parseaddr(address)
    addr = addr or address
    if addr.isascii() or utf8:
        return address
    local, _, domain = addr.rpartition("@")
    if not local.isascii():
        return None
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return None
    bare = f"{local}@{ascii_domain}"
    return f"{name} <{bare}>" if name else bare


class _ConnectProblem(Exception):
    """Connecting, TLS or login failed: the detail is already a sentence for the shop owner."""


def _reply_text(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return short(f"{code} {text}")


def _status(code: int) -> Literal["temporary", "permanent"]:
    return "permanent" if 500 <= code < 600 else "temporary"


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer (timed out)"
    if isinstance(exc, socket.gaierror):
        return "the server name could not be found"
    if isinstance(exc, ConnectionResetError):
        return "the connection was reset"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return short(exc) or exc.__class__.__name__


class SmtpChannel:
    """Sends email over one reused SMTP connection, within the configured rates.

    `clock` and `sleep` drive the rate limiter (injected in tests). Thread-safe: sends are
    serialised, since one SMTP session can carry only one transaction at a time.
    """

    def __init__(self, config: SmtpConfig, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self._sleep = sleep
        self.limiter = RateLimiter(config.rate_per_minute, config.rate_per_day, clock)
        self._conn: smtplib.SMTP | None = None
        self._on_conn = 0
        self._dirty = False
        self._lock = threading.RLock()
        self._phase = "mail"
        self.connections_opened = 0

    # -- connection --------------------------------------------------------------------------

    def _context(self) -> ssl.SSLContext:
        return self.config.ssl_context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        cfg = self.config
        conn: smtplib.SMTP | None = None
        try:
            if cfg.security == "ssl":
                conn = smtplib.SMTP_SSL(cfg.host, cfg.port, local_hostname=cfg.local_hostname,
                                        timeout=cfg.timeout, context=self._context())
            else:
                conn = smtplib.SMTP(cfg.host, cfg.port, local_hostname=cfg.local_hostname, timeout=cfg.timeout)
            conn.ehlo()
            if cfg.security == "starttls":
                if not conn.has_extn("starttls"):
                    raise _ConnectProblem(f"{cfg.where} does not offer STARTTLS; choose SSL or no encryption "
                                          "in the email settings if the provider says so")
                conn.starttls(context=self._context())
                conn.ehlo()
            if cfg.username:
                if not conn.has_extn("auth"):
                    raise _ConnectProblem(f"{cfg.where} does not accept a login (no AUTH offered"
                                          f"{'' if cfg.security != 'none' else ' without encryption'})")
                conn.login(cfg.username, cfg.password or "")
        except _ConnectProblem:
            self._abandon(conn)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            self._abandon(conn)
            raise _ConnectProblem(f"the SMTP server refused the login for {cfg.username!r} "
                                  f"({_reply_text(exc.smtp_code, exc.smtp_error)})") from None
        except ssl.SSLCertVerificationError as exc:
            self._abandon(conn)
            raise _ConnectProblem(f"the certificate of {cfg.where} is not trusted "
                                  f"({short(exc.verify_message or exc)})") from None
        except ssl.SSLError as exc:
            self._abandon(conn)
            raise _ConnectProblem(f"the encrypted connection to {cfg.where} failed ({short(exc.reason or exc)}); "
                                  "check the port and the encryption setting (SSL is usually port 465, "
                                  "STARTTLS 587)") from None
        except smtplib.SMTPResponseException as exc:
            self._abandon(conn)
            raise _ConnectProblem(f"{cfg.where} refused the connection "
                                  f"({_reply_text(exc.smtp_code, exc.smtp_error)})") from None
        except (smtplib.SMTPException, OSError) as exc:
            self._abandon(conn)
            raise _ConnectProblem(f"could not connect to {cfg.where}: {_os_reason(exc)}") from None
        self.connections_opened += 1
        try:  # the end-of-data dot goes in a write of its own: no waiting for the body's ACK
            if conn.sock is not None:
                conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except (OSError, AttributeError):
            pass
        log.debug("connected to %s (%s)", cfg.where, cfg.security)
        return conn

    @staticmethod
    def _abandon(conn: smtplib.SMTP | None) -> None:
        if conn is None:
            return
        try:
            conn.close()
        except OSError:
            pass

    def _drop(self) -> None:
        conn, self._conn, self._on_conn, self._dirty = self._conn, None, 0, False
        self._abandon(conn)

    def _ready(self) -> tuple[smtplib.SMTP, bool]:
        """A connection able to start a transaction, and whether it is a reused one."""
        if self._conn is not None and self._on_conn >= self.config.max_messages_per_connection:
            self._quit()
        if self._conn is not None and self._dirty:
            try:
                code, _ = self._conn.rset()
                if code != 250:
                    raise smtplib.SMTPException(f"RSET answered {code}")
                self._dirty = False
            except (smtplib.SMTPException, OSError):
                log.debug("RSET failed on %s; reconnecting", self.config.where)
                self._drop()
        if self._conn is None:
            self._conn = self._connect()
            self._on_conn = 0
            self._dirty = False
            return self._conn, False
        return self._conn, True

    def _quit(self) -> None:
        conn, self._conn, self._on_conn, self._dirty = self._conn, None, 0, False
        if conn is None:
            return
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            self._abandon(conn)

    def close(self) -> None:
        """Says goodbye to the server (QUIT) and forgets the connection; sending again reconnects."""
        with self._lock:
            self._quit()

    def verify(self) -> SendResult:
        """Connects, starts TLS and logs in, sending nothing: the settings dialog's "Test" button."""
        with self._lock:
            self._drop()
            try:
                self._ready()
            except _ConnectProblem as exc:
                return SendResult("temporary", str(exc))
            return SendResult("sent", f"connected to {self.config.where} and logged in"
                              if self.config.username else f"connected to {self.config.where}")

    # -- sending -----------------------------------------------------------------------------

    @property
    def sender_address(self) -> str:
        return parseaddr(self.config.sender)[1] or self.config.sender

    def send(self, msg: OutgoingMessage) -> SendResult:
        refused = wrong_channel(msg, "email")
        if refused is not None:
            return refused
        if not plain_address(msg.to):
            return SendResult("permanent", f"not one email address, so nothing was sent: {short(repr(msg.to), 120)}")
        sender = msg.sender or self.config.sender
        if not sender:
            return SendResult("temporary", "no sender address is set in the shop's email settings")
        try:  # built once here to refuse a bad message before the server hears of it
            build_email(msg, sender, sender_domain(sender), sender_name=self.config.sender_name)
        except ValueError as exc:
            return SendResult("permanent", f"the message cannot be built: {short(exc)}")

        with self._lock:
            day_wait = self.limiter.day_wait()
            if day_wait > 0:
                return SendResult("temporary", DAILY_LIMIT_REACHED, retry_after=day_wait)
            self.limiter.acquire(self._sleep)
            for _attempt in (1, 2):
                try:
                    conn, reused = self._ready()
                except _ConnectProblem as exc:
                    return SendResult("temporary", str(exc))
                utf8 = conn.has_extn("smtputf8")
                to, sender_as = ascii_or_utf8(msg.to, utf8), ascii_or_utf8(sender, utf8)
                if to is None or sender_as is None:
                    refused_address = msg.to if to is None else sender
                    return SendResult("permanent", f"{self.config.where} cannot take the address {refused_address}: "
                                      "it has non-ASCII characters before the @ and the server does not offer "
                                      "SMTPUTF8")
                email = build_email(replace(msg, to=to), sender_as, sender_domain(sender_as),
                                    sender_name=self.config.sender_name)
                envelope_from = parseaddr(sender_as)[1] or sender_as
                result = self._transaction(conn, email, envelope_from, to, reused, msg.handover)
                if result is not None:
                    return result
                # The reused connection was dead at MAIL (closed by the server while idle):
                # once more on a fresh one; nothing was accepted, so nothing can arrive twice.
                log.debug("reused connection to %s was closed; reconnecting", self.config.where)
        return SendResult("temporary", f"the connection to {self.config.where} was lost twice in a row")

    def _transaction(self, conn: smtplib.SMTP, email: EmailMessage, envelope_from: str, recipient: str,
                     reused: bool, handover: Callable[[], None] = lambda: None) -> SendResult | None:
        """One MAIL/RCPT/DATA exchange, step by step so a failure is known by its phase.

        Returns None only when a reused connection turns out dead at MAIL, before the server
        accepted anything: then (and only then) sending again at once cannot duplicate the mail.
        A connection lost later (after DATA, a reply that never came) may have delivered it, so
        that is reported as temporary and left to the session's retry, which reuses the
        Message-ID so the receiving side can tell.
        """
        cfg = self.config
        self._phase = "mail"
        try:
            international = not (envelope_from + recipient).isascii()  # and the server offers SMTPUTF8
            options: list[str] = []
            if international:
                options += ["SMTPUTF8", "BODY=8BITMIME"]
            # The stubs give the message the base Policy; a non-ASCII message is built with the SMTP
            # EmailPolicy, whose clone takes utf8.
            payload = email.as_bytes(policy=email.policy.clone(utf8=True)  # type: ignore[call-arg]
                                     if international else email.policy)
            if cfg.dkim is not None:
                payload = cfg.dkim(payload)
            if conn.has_extn("size"):
                options.append(f"size={len(payload)}")
            if conn.has_extn("pipelining"):
                self._pipelined(conn, envelope_from, recipient, options, payload, handover)
            else:
                code, reply = conn.mail(envelope_from, options)
                if code != 250:
                    raise smtplib.SMTPSenderRefused(code, reply, envelope_from)
                self._phase = "rcpt"
                code, reply = conn.rcpt(recipient)
                if code not in (250, 251):
                    raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
                self._phase = "data"
                code, reply = conn.docmd("data")
                if code != 354:
                    raise smtplib.SMTPDataError(code, reply)
                self._finish_data(conn, payload, handover)
        except smtplib.SMTPRecipientsRefused as exc:
            self._after_reply()
            code, text = next(iter(exc.recipients.values()), (550, b"refused"))
            return SendResult(_status(code), f"the server refused the recipient {recipient} "
                              f"({_reply_text(code, text)})")
        except smtplib.SMTPSenderRefused as exc:
            self._after_reply()
            return SendResult(_status(exc.smtp_code), f"the server refused the sender {envelope_from} "
                              f"({_reply_text(exc.smtp_code, exc.smtp_error)})")
        except smtplib.SMTPDataError as exc:
            self._after_reply()
            return SendResult(_status(exc.smtp_code), f"the server did not accept the message "
                              f"({_reply_text(exc.smtp_code, exc.smtp_error)})")
        except smtplib.SMTPResponseException as exc:
            self._after_reply()
            return SendResult(_status(exc.smtp_code), f"the server answered {_reply_text(exc.smtp_code, exc.smtp_error)}")
        except (smtplib.SMTPException, OSError) as exc:
            # Disconnects, timeouts, resets: the session's state is unknown, so the connection goes.
            self._drop()
            phase = self._phase
            if reused and phase == "mail":
                return None
            reason = "no answer (timed out)" if "timed out" in str(exc) else _os_reason(exc)
            if isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" not in str(exc):
                reason = "the server closed the connection"
            if phase == "end of data":
                # The whole message went out and the answer never came: the server may well have
                # it. Sending it again now would be a guess; the session's policy decides.
                return SendResult("uncertain", f"{cfg.where} may have accepted the message: {reason} "
                                  "before it answered the end of the message")
            return SendResult("temporary", f"sending to {cfg.where} failed during {phase.upper()}: {reason}")
        self._on_conn += 1
        self.limiter.record()
        message_id = str(email["Message-ID"])
        log.debug("sent %s via %s", message_id, cfg.where)
        return SendResult("sent", "accepted by " + cfg.where, provider_id=message_id)

    def _pipelined(self, conn: smtplib.SMTP, envelope_from: str, recipient: str, options: list[str],
                   payload: bytes, handover: Callable[[], None]) -> None:
        """MAIL, RCPT and DATA in one write (RFC 2920), then the message: two round trips, not four.

        Only with servers that advertise PIPELINING (Postfix, Exim, Gmail, Exchange do). Every
        reply is still read and checked in order; a refused MAIL or RCPT makes the server refuse
        DATA too, and the caller's RSET cleans up as after any error. `_phase` follows the replies,
        so a connection lost after the server accepted MAIL is never retried at once.
        """
        suffix = (" " + " ".join(options)) if options else ""
        commands = (f"MAIL FROM:{smtplib.quoteaddr(envelope_from)}{suffix}\r\n"
                    f"RCPT TO:{smtplib.quoteaddr(recipient)}\r\nDATA\r\n")
        # smtplib would encode a str as ASCII; with SMTPUTF8 the addresses travel as UTF-8.
        conn.send(commands.encode("utf-8" if "SMTPUTF8" in options else "ascii"))
        mail_reply = conn.getreply()
        self._phase = "rcpt"
        rcpt_reply = conn.getreply()
        data_reply = conn.getreply()
        self._phase = "data"
        if data_reply[0] == 354 and (mail_reply[0] != 250 or rcpt_reply[0] not in (250, 251)):
            self._drop()  # a server that takes DATA with no recipient waits for a body: start afresh
        if mail_reply[0] != 250:
            raise smtplib.SMTPSenderRefused(mail_reply[0], mail_reply[1], envelope_from)
        if rcpt_reply[0] not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: rcpt_reply})
        if data_reply[0] != 354:
            raise smtplib.SMTPDataError(*data_reply)
        self._finish_data(conn, payload, handover)

    def _finish_data(self, conn: smtplib.SMTP, payload: bytes, handover: Callable[[], None]) -> None:
        """The message and the end-of-data dot, after the server said 354.

        The body goes first and the dot on its own: until the dot the server keeps nothing, so
        `handover` (the session recording "it may arrive from now on") comes right before it.
        """
        body = _DOT_AT_LINE_START.sub(b"..", payload)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        conn.send(body)
        try:
            handover()
        except BaseException:
            self._drop()  # mid-DATA: the server must never see a dot after this
            raise
        self._phase = "end of data"
        conn.send(b".\r\n")
        code, reply = conn.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)

    def _after_reply(self) -> None:
        """The server answered with an error: the transaction counts against the rate (the provider
        saw it) and the session must be reset before the next message."""
        self._dirty = True
        self._on_conn += 1
        self.limiter.record()

    def __enter__(self) -> SmtpChannel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
