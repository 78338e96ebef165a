"""A loopback SMTP server for the session tests, run in its own process (so killing a session
never kills it): every accepted mail's X-Journey-Message header is appended to a file
*before* the server answers 250, the way a real server has the mail before it says so.

    python tests/smtp_sink_server.py KEYS_FILE PORT_FILE [--faults]

With --faults it misbehaves like real servers do, deterministically per message key (so a
retry of the same message meets the same server): some recipients get 451 once, some 554 for
good, some connections drop after RCPT (nothing stored), some after the whole message was
stored but before the answer (the lost reply), and some replies are slow.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import zlib
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Collect:
    def __init__(self, path: str, faults: bool = False) -> None:
        self.out = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
        self.lock = threading.Lock()
        self.faults = faults
        self.seen: set[str] = set()

    @staticmethod
    def fault(rcpt: str) -> str:
        """The fault a recipient meets: '451', '554', 'drop-rcpt', 'lost-reply', 'slow' or ''."""
        bucket = zlib.crc32(rcpt.encode()) % 100
        return ("451" if bucket < 6 else "554" if bucket < 9 else "drop-rcpt" if bucket < 14
                else "lost-reply" if bucket < 19 else "slow" if bucket < 40 else "")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: N802
        fault = self.fault(address) if self.faults else ""
        once = f"{fault}:{address}:{len(envelope.rcpt_tos)}"
        if fault == "554":
            return "554 5.7.1 rejected for good"
        if fault in ("451", "drop-rcpt") and once not in self.seen:
            self.seen.add(once)
            if fault == "drop-rcpt":
                server.transport.abort()
                return "250 OK"
            return "451 4.7.1 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        message = message_from_bytes(envelope.content)
        key = message.get("X-Journey-Message") or message.get("Message-ID") or "?"
        fault = self.fault(envelope.rcpt_tos[0]) if self.faults and envelope.rcpt_tos else ""
        if fault == "slow":
            await asyncio.sleep(0.2)
        with self.lock:
            self.out.write(f"{key}\t{','.join(envelope.rcpt_tos)}\n")
            self.out.flush()
        if fault == "lost-reply" and key not in self.seen:
            self.seen.add(key)  # stored, and the answer never leaves
            server.transport.abort()
        return "250 OK"


class Loopback(Controller):
    """Binds port 0 and reads the real port back before the ready check."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def main() -> None:
    keys_file, port_file = sys.argv[1], sys.argv[2]
    controller = Loopback(Collect(keys_file, faults="--faults" in sys.argv[3:]), hostname="127.0.0.1", port=0)
    controller.start()
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(controller.port))
    os.replace(tmp, port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
