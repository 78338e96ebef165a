""""Send a test to me": the message the inspector previews, sent once to the shop owner.

It goes out the way the sending session would send it (`build_channels` from the shop's
settings: the shop's mail account, else the local catcher; SMS and push to their webhook, else
the local sink), marked as a test in its subject or title, and to the owner's own address,
which is remembered per channel in the app's settings. Nothing is written to the outbox or to
any customer's history: a test is no message to a customer.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.session.outbox import build_channels
from engine.channels.base import OutgoingMessage
from storage import shop_repo
from storage.database import Database

ADDRESS_KEY = "test_send/{channel}"


class ShopTestSender:
    """The inspector's test sender for one shop (`Inspector.set_test_sender`)."""

    def __init__(self, db: Database, *, catcher_folder: Path | None = None) -> None:
        self.db = db
        self.catcher_folder = catcher_folder

    def address(self, channel: str) -> str:
        """Where the last test of this channel went, else the shop's own sender address."""
        from app.main_window import open_settings

        stored = open_settings().value(ADDRESS_KEY.format(channel=channel))
        if isinstance(stored, str) and stored:
            return stored
        if channel == "email":
            with self.db.read() as s:
                shop = shop_repo.settings_dict(s)
            smtp = shop.get("smtp") or {}
            return str(smtp.get("sender") or shop.get("sender_email") or "")
        return ""

    def send(self, channel: str, to: str, content: Mapping[str, str], body_format: str = "text") -> str:
        """Sends it; the answer says where it went. ValueError when it could not go."""
        from app.main_window import open_settings

        to = to.strip()
        if not to:
            raise ValueError(QCoreApplication.translate("TestSend", "Give an address to send the test to."))
        with self.db.read() as s:
            shop = shop_repo.settings_dict(s)
        channels = build_channels(shop, catcher_folder=self.catcher_folder)
        try:
            out = channels.get(channel)
            if out is None:
                raise ValueError(QCoreApplication.translate("TestSend", "There is no way to send {channel} messages.").format(channel=channel))
            msg = OutgoingMessage(message_key=f"test-{uuid.uuid4().hex}", channel=channel, to=to,
                                  headers={"X-Journey-Test": "1"})
            prefix = QCoreApplication.translate("TestSend", "[Test]") + " "
            if channel == "email":
                msg.subject = prefix + content.get("subject", "")
                body = content.get("body", "")
                if body_format == "html":
                    msg.html = body
                else:
                    msg.text = body
            elif channel == "sms":
                msg.text = prefix + content.get("text", "")
            else:
                msg.title, msg.body, msg.url = prefix + content.get("title", ""), content.get("body", ""), \
                    content.get("url") or None
            result = out.send(msg)
            where = channels.description if channel == "email" else (
                QCoreApplication.translate("TestSend", "the webhook") if channel in channels.resend_safe else QCoreApplication.translate("TestSend", "the local outbox"))
        finally:
            channels.close()
        if result.status != "sent":
            raise ValueError(QCoreApplication.translate("TestSend", "The test was not sent: {reason}").format(reason=result.detail or result.status))
        settings = open_settings()
        settings.setValue(ADDRESS_KEY.format(channel=channel), to)
        settings.sync()
        return QCoreApplication.translate("TestSend", "Test sent to {to} ({where}).").format(to=to, where=where)
