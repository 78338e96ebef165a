"""The sending session: the engine driven by the real clock, with its state in the database.

- `session`: one wake-up (`SendingSession.poll`): new events in, due customers advanced,
  messages queued in the outbox in the same transaction, the outbox delivered.
- `scheduler`: APScheduler glue that wakes one poller at the next due moment (a
  BlockingScheduler for `journey-builder run`; the window's is a QtScheduler, see
  `app.session_pages.GuiScheduler`).
- `workers`: worker processes that advance a share of a big backlog of due runs.
- `outbox`: delivery with the queued → sending → sent/failed state machine, and the channels.
- `lifecycle`: publish (with what happens to customers in flight), pause, resume, archive.
"""

from app.session.session import FakeClock, SendingSession, SessionConfig, SystemClock

__all__ = ["FakeClock", "SendingSession", "SessionConfig", "SystemClock"]
