"""What the outbox remembers having sent: the moments a new session's rate limits start from.

A mailbox provider counts every message of the last 24 hours, whichever process sent it, so
a restarted session must count them too. The outbox is the only record of real sends: a row
is `sent` with its `sent_at` once the server accepted it (or once the user confirmed that an
uncertain one arrived). Nothing else mails through the account: the email settings' "Send
test" only connects and logs in, and the older `message_log` table is written by no session.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import OutboxRow

__all__ = ["sent_moments"]


def sent_moments(session: Session, channels: Collection[str], since: datetime, *, limit: int) -> list[datetime]:
    """When the newest `limit` messages on `channels` sent at or after `since` went out,
    newest first (aware UTC).

    Bounded by `limit` because a rate window needs no more than its limit of past sends to
    know when the next one fits, and a busy shop's day may hold far more.
    """
    if not channels or limit < 1:
        return []
    query = (select(OutboxRow.sent_at)
             .where(OutboxRow.status == "sent", OutboxRow.channel.in_(list(channels)),
                    OutboxRow.sent_at.is_not(None), OutboxRow.sent_at >= since)
             .order_by(OutboxRow.sent_at.desc()).limit(limit))
    return [moment for moment in session.scalars(query) if moment is not None]
