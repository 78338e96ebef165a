"""Shared pieces of the channel tests: a scriptable SMTP server on loopback and TLS certificates.

Named test_channels_* to stay among the channel tests; it holds no tests itself. The servers are
real (aiosmtpd on 127.0.0.1, port 0), so the channels are tested over real sockets, TLS included.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword

from engine.channels.catcher import LoopbackController


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1: (cert.pem, key.pem).

    Uses the `cryptography` package, which the test extra installs.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def client_context(cert: Path) -> ssl.SSLContext:
    """Trusts exactly the test certificate, with host name checking on (as for a real provider)."""
    return ssl.create_default_context(cafile=str(cert))


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps what arrives and answers as a test scripts it.

    `rcpt_replies[address]` and `data_replies[subject]` are lists of replies used up one per
    attempt ("450 …", "550 …"); `data_delay[subject]` makes the DATA answer late (timeouts).
    """

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)
    data_replies: dict[str, list[str]] = field(default_factory=dict)
    data_delay: dict[str, float] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        self.commands.append("RCPT")
        replies = self.rcpt_replies.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_RSET(self, server: Any, session: Any, envelope: Any) -> str:
        self.commands.append("RSET")
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        message = message_from_bytes(raw, policy=policy.default)
        subject = str(message["Subject"])
        self.commands.append("DATA")
        if subject in self.data_delay:
            await asyncio.sleep(self.data_delay.pop(subject))
        replies = self.data_replies.get(subject)
        if replies:
            return replies.pop(0)
        with self.lock:
            self.messages.append(message)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK queued"

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]


class PipeliningRecorder(Recorder):
    """Advertises PIPELINING, as Postfix, Exim, Gmail and Exchange do (aiosmtpd reads commands in
    order from its buffer, so a pipelined group is handled correctly), and counts EHLOs."""

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname  # the new-style hook must do what aiosmtpd does without it
        self.commands.append("EHLO")
        return [*responses[:-1], "250-PIPELINING", responses[-1]]


def password_authenticator(user: str, password: str) -> Any:
    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
        return AuthResult(success=ok, handled=False)
    return authenticate


@contextmanager
def smtp_server(handler: Recorder | None = None, **kwargs: Any) -> Iterator[tuple[LoopbackController, Recorder]]:
    """A running server on 127.0.0.1:<free port>; `controller.connections` counts SMTP sessions
    after the start-up probe (reset to 0 here)."""
    handler = handler or Recorder()
    controller = LoopbackController(handler, **kwargs)
    controller.start()
    controller.connections = 0
    try:
        yield controller, handler
    finally:
        controller.stop()
