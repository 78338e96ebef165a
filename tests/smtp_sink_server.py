"""A loopback SMTP server for the session tests, run in its own process (so killing a session
never kills it): every accepted mail's X-Journey-Message header is appended to a file
*before* the server answers 250, the way a real server has the mail before it says so.

    python tests/smtp_sink_server.py KEYS_FILE PORT_FILE
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Collect:
    def __init__(self, path: str) -> None:
        self.out = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        message = message_from_bytes(envelope.content)
        key = message.get("X-Journey-Message") or message.get("Message-ID") or "?"
        with self.lock:
            self.out.write(f"{key}\t{','.join(envelope.rcpt_tos)}\n")
            self.out.flush()
        return "250 OK"


class Loopback(Controller):
    """Binds port 0 and reads the real port back before the ready check."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def main() -> None:
    keys_file, port_file = sys.argv[1], sys.argv[2]
    controller = Loopback(Collect(keys_file), hostname="127.0.0.1", port=0)
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
