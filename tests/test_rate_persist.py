"""Sending rates survive a restart: what earlier sessions sent counts against the provider's limits.

The end-to-end tests go the way `journey-builder run` and the app go: shop settings in the
database → `build_channels` → `SendingSession` (whose `Deliverer` seeds the limiter) → a real
SMTP server on loopback. The session's clock is fake; `sent_at` is written with it, so the
ages the limiter is seeded with are the fake clock's.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from session_helpers import T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select, update
from test_channels_support import smtp_server

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet, Deliverer, build_channels
from engine.channels.ratelimit import DAY, MINUTE, RateLimiter, SlidingWindow
from engine.channels.smtp import DAILY_LIMIT_REACHED, SmtpChannel
from storage import shop_repo
from storage.history_repo import add_event
from storage.models import OutboxRow
from storage.sent_counts import sent_moments

NOW = T("2026-03-02T10:00:00Z")


@pytest.fixture
def db(tmp_path):
    database = make_db(tmp_path / "shop.sqlite", customers=5)
    store_journey(database, welcome(delay=None))
    set_published_at(database, T("2026-03-01T00:00:00Z"))
    yield database
    database.close()


def configure_account(db, port: int, **rates: int) -> None:
    """The shop's SMTP account as the "Email sending…" dialog stores it, with its rates."""
    with db.transaction() as session:
        shop_repo.update_settings(session, smtp={"host": "127.0.0.1", "port": port, "security": "none",
                                                 "sender": "shop@example.org", **rates})


def new_session(db, clock: FakeClock) -> SendingSession:
    """A session started the way the CLI and the app start one: channels from the stored settings."""
    with db.read() as session:
        shop = shop_repo.settings_dict(session)
    s = SendingSession(db, build_channels(shop), clock=clock)
    s.start()
    return s


def signup(db, *customers: str, at) -> None:
    with db.transaction() as session:
        for customer in customers:
            add_event(session, customer, "signup", at)


def email_channel(s: SendingSession) -> SmtpChannel:
    channel = s.channels.get("email")
    assert isinstance(channel, SmtpChannel)
    return channel


def outbox(db) -> dict[str, OutboxRow]:
    with db.read() as session:
        return {row.customer_id: row for row in session.scalars(select(OutboxRow))}


def send_the_daily_quota(db, clock: FakeClock) -> None:
    """A first session sends three emails at NOW, the whole quota of three a day, and stops."""
    first = new_session(db, clock)
    signup(db, "c1", "c2", "c3", at=NOW)
    report = first.poll()
    first.close()
    assert report.delivery.sent == 3


def test_a_restart_two_hours_later_holds_back_email_over_the_daily_limit(db):
    with smtp_server() as (controller, received):
        configure_account(db, controller.port, rate_per_day=3)
        clock = FakeClock(NOW)
        send_the_daily_quota(db, clock)
        clock.advance(timedelta(hours=2))
        second = new_session(db, clock)
        try:
            signup(db, "c4", at=clock.now())
            report = second.poll()
            held = outbox(db)["c4"]
            assert (report.delivery.sent, report.delivery.retried) == (0, 1)
            assert (held.status, held.error) == ("queued", DAILY_LIMIT_REACHED)
            # Held back is not a failed attempt: a queue waiting days for quota is never given up.
            assert held.attempts == 0
            # The wait hint: the first of the three frees its slot a day after it went out.
            assert held.next_attempt_at is not None
            assert abs((held.next_attempt_at - (NOW + timedelta(days=1))).total_seconds()) < 5
            # Later wake-ups do not count the same past sends twice.
            second.poll()
            assert email_channel(second).limiter.day is not None
            assert email_channel(second).limiter.day.used == 3
        finally:
            second.close()
        assert len(received.messages) == 3


def test_sends_more_than_a_day_old_do_not_count_after_a_restart(db):
    with smtp_server() as (controller, received):
        configure_account(db, controller.port, rate_per_day=3)
        clock = FakeClock(NOW)
        send_the_daily_quota(db, clock)
        clock.advance(timedelta(hours=25))
        second = new_session(db, clock)
        try:
            signup(db, "c4", at=clock.now())
            report = second.poll()
        finally:
            second.close()
        assert report.delivery.sent == 1 and outbox(db)["c4"].status == "sent"
        assert len(received.messages) == 4


def test_the_per_minute_limit_survives_a_restart_too(db):
    with smtp_server() as (controller, _):
        configure_account(db, controller.port, rate_per_minute=2)
        clock = FakeClock(NOW)
        first = new_session(db, clock)
        signup(db, "c1", "c2", at=NOW)
        assert first.poll().delivery.sent == 2
        first.close()
        clock.advance(10)
        second = new_session(db, clock)
        try:
            second.poll()
            limiter = email_channel(second).limiter
            assert limiter.minute is not None and limiter.minute.used == 2
            assert limiter.minute_wait() == pytest.approx(50, abs=5)
        finally:
            second.close()


def test_only_sent_emails_count(db):
    """Other channels, failures, queued and uncertain messages, and older sends are not read."""
    clock = FakeClock(NOW)
    s = SendingSession(db, ChannelSet(), clock=clock)
    s.config.deliver = False
    s.start()
    signup(db, "c1", "c2", "c3", "c4", "c5", at=NOW)
    s.poll()
    s.close()
    later = NOW + timedelta(hours=3)
    plan = {"c1": ("sent", "email", NOW + timedelta(hours=1)), "c2": ("sent", "email", NOW + timedelta(hours=2)),
            "c3": ("sent", "sms", NOW + timedelta(hours=2)), "c4": ("failed", "email", None),
            "c5": ("sent", "email", later - timedelta(days=1, seconds=1))}
    with db.transaction() as session:
        for customer, (status, channel, sent_at) in plan.items():
            session.execute(update(OutboxRow).where(OutboxRow.customer_id == customer)
                            .values(status=status, channel=channel, sent_at=sent_at))
    with db.read() as session:
        since = later - timedelta(days=1)
        assert sent_moments(session, ["email"], since, limit=10) == [NOW + timedelta(hours=2), NOW + timedelta(hours=1)]
        assert sent_moments(session, ["email"], since, limit=1) == [NOW + timedelta(hours=2)]
        assert sent_moments(session, ["email", "sms"], since, limit=10) == [NOW + timedelta(hours=2)] * 2 + [
            NOW + timedelta(hours=1)]
        assert sent_moments(session, [], since, limit=10) == []


def test_channels_without_limits_read_nothing(db):
    limiter = RateLimiter()
    assert limiter.lookback is None

    class Limited:
        def __init__(self) -> None:
            self.limiter = limiter

        def send(self, msg):  # pragma: no cover - nothing is due
            raise AssertionError

        def close(self) -> None:
            pass

    deliverer = Deliverer(db, ChannelSet({"email": Limited()}))
    assert deliverer.seed_rates(NOW) == 0


# -- the window itself ----------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def test_a_seeded_window_counts_past_sends_by_their_age():
    clock = Clock()
    window = SlidingWindow(3, DAY, clock)
    window.seed([DAY, DAY + 10, 7200, 3600])  # the first two have already left the window
    assert window.used == 2 and window.wait_time() == 0.0
    window.record()
    assert window.wait_time() == pytest.approx(DAY - 7200)
    clock.now += DAY - 7200
    assert window.used == 2 and window.wait_time() == 0.0


def test_a_send_from_the_future_counts_as_just_now():
    """A wall clock set back since: better to wait a day too long than to overrun the provider."""
    clock = Clock()
    window = SlidingWindow(1, MINUTE, clock)
    window.seed([-30])
    assert window.wait_time() == pytest.approx(MINUTE)


def test_a_lowered_limit_waits_for_the_newest_sends_it_allows():
    """Five sent, the limit now three: a slot frees when the third newest leaves the window."""
    clock = Clock()
    limiter = RateLimiter(per_minute=2, per_day=3, clock=clock)
    assert limiter.lookback == (DAY, 3)
    limiter.seed([5000, 4000, 3000, 2000, 1000])
    assert limiter.day is not None and limiter.day.used == 3
    assert limiter.day_wait() == pytest.approx(DAY - 3000)
    assert limiter.minute_wait() == 0.0


def test_sent_at_is_when_each_message_went_out(db):
    """A delivery paced by a rate lasts minutes; each message records its own moment (what the
    limits count after a restart), not the wake-up's."""
    from session_helpers import RecordingChannel

    clock = FakeClock(NOW)

    class Slow(RecordingChannel):
        def send(self, msg):
            clock.advance(timedelta(seconds=30))
            return super().send(msg)

    s = SendingSession(db, ChannelSet({"email": Slow()}), clock=clock)
    s.start()
    try:
        signup(db, "c1", "c2", "c3", at=NOW)
        assert s.poll().delivery.sent == 3
    finally:
        s.close()
    moments = sorted(row.sent_at for row in outbox(db).values())
    assert [(m - NOW).total_seconds() for m in moments] == [30, 60, 90]
