"""Sending channels: how a rendered message leaves the shop owner's machine.

Pure Python (no Qt, no SQLAlchemy), so a headless session, the window and the tests use the
same code. `base` holds the small API a sending session codes against; each other module is
one way out: SMTP (`smtp`), an HTTP webhook for SMS and push (`webhook`), and the built-in
local catcher that needs no account at all (`catcher`).
"""

from engine.channels.base import Channel, OutgoingMessage, SendResult

__all__ = ["Channel", "OutgoingMessage", "SendResult"]
