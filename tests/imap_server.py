"""A real IMAP server for the tests: pymap (pure Python, MIT) with its in-memory backend, in a
child process on a loopback port, with one user.

A child process rather than a thread: the server is a whole asyncio program with threads of its
own, and a test can kill it to see what the client does when the server is gone. The tests fill
the mailbox over IMAP itself (APPEND), so what the bounce reader meets is what a provider's
server holds.
"""

from __future__ import annotations

import imaplib
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "bounces@shop.example"
PASSWORD = "imap-pa55-word"
_UID = re.compile(rb"UID (\d+)")
_FLAGS = re.compile(rb"FLAGS \(([^)]*)\)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ImapServer:
    host: str
    port: int
    process: subprocess.Popen
    user: str = USER
    password: str = PASSWORD

    def client(self) -> imaplib.IMAP4:
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.user, self.password)
        return conn

    def append(self, raw: bytes, folder: str = "INBOX", flags: str = "") -> None:
        conn = self.client()
        try:
            status, data = conn.append(folder, f"({flags})" if flags else None, None, raw)
            assert status == "OK", data
        finally:
            conn.logout()

    def create(self, folder: str) -> None:
        conn = self.client()
        try:
            conn.create(folder)
        finally:
            conn.logout()

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID → flags of every message in `folder`."""
        conn = self.client()
        try:
            status, _ = conn.select(folder, readonly=True)
            assert status == "OK"
            status, data = conn.uid("FETCH", "1:*", "(FLAGS)")
            found = {}
            for item in data:
                uid, flags = _UID.search(item or b""), _FLAGS.search(item or b"")
                if uid and flags:
                    found[int(uid.group(1))] = set(flags.group(1).decode().split())
            return found
        finally:
            conn.logout()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def _start(port: int, user: str, password: str, cert: Path | None, key: Path | None) -> subprocess.Popen:
    tls = ["--cert", str(cert), "--key", str(key)] if cert and key else ["--no-tls"]
    command = [sys.executable, "-c", "from pymap.main import main; main()", "--host", "127.0.0.1",
               "--port", str(port), *tls, "dict", "--demo-user", user, "--demo-password", password]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _ready(process: subprocess.Popen, port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.settimeout(2)
                if s.recv(64).startswith(b"* OK"):
                    return True
        except OSError:
            time.sleep(0.05)
    return False


@contextmanager
def imap_server(*, user: str = USER, password: str = PASSWORD, cert: Path | None = None,
                key: Path | None = None) -> Iterator[ImapServer]:
    """Starts pymap (with STARTTLS when given a certificate) and stops it at the end."""
    errors = []
    for _attempt in range(3):  # the free port may be taken by someone else in between
        port = free_port()
        process = _start(port, user, password, cert, key)
        if _ready(process, port, time.monotonic() + 30):
            server = ImapServer("127.0.0.1", port, process, user, password)
            try:
                yield server
            finally:
                server.stop()
            return
        process.kill()
        _, err = process.communicate(timeout=10)
        errors.append(err.decode("utf-8", "replace")[-2000:])
    raise RuntimeError("the test IMAP server (pymap) did not start:\n" + "\n".join(errors))
