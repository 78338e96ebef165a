"""The outbox's state machine: retries with backoff, bounces, uncertain after a crash, opt-outs,
the exactly-once key, and one session per database."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from storage import session_lease, session_repo
from storage.customers_repo import get_customer
from storage.history_repo import add_event
from storage.models import OutboxRow

NOW = T("2026-03-02T10:00:00Z")


@pytest.fixture
def db(db_target):
    database = make_db(db_target)
    store_journey(database, welcome(delay="PT1H"))
    set_published_at(database, T("2026-03-01T00:00:00Z"))
    yield database
    database.close()


def rows(db):
    with db.read() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def start(db, clock, script=None, deliver=True):
    channel = RecordingChannel(script)
    s = SendingSession(db, ChannelSet({"email": channel}), clock=clock)
    s.config.deliver = deliver
    s.start()
    return s, channel


def signup(db, customer, at=NOW):
    with db.transaction() as session:
        add_event(session, customer, "signup", at)


def killed(db, s):
    """As if the session's process had been SIGKILLed: no clean release, its pid gone."""
    s.started = False
    with db.transaction() as session:
        session_lease._cursor(session).owner = f"{socket.gethostname()}:999999999:x"


def test_a_temporary_failure_is_retried_with_backoff(db):
    clock = FakeClock(NOW)
    s, channel = start(db, clock, ["temporary", "temporary", "sent"])
    signup(db, "c1")
    s.poll()
    (row,) = rows(db)
    assert (row.status, row.attempts, row.next_attempt_at) == ("queued", 1, NOW + timedelta(seconds=30))
    clock.advance(20)
    s.poll()
    assert rows(db)[0].attempts == 1
    clock.advance(10)
    s.poll()
    row = rows(db)[0]
    assert (row.status, row.attempts, row.next_attempt_at) == ("queued", 2, clock.now() + timedelta(seconds=60))
    clock.advance(60)
    report = s.poll()
    assert report.delivery.sent == 1 and rows(db)[0].status == "sent" and len(channel.sent) == 1
    assert rows(db)[0].message_id.startswith("<j1-cc1-e1-mail-1-v1")
    s.close()


def test_a_permanent_failure_marks_the_address_bounced(db):
    clock = FakeClock(NOW)
    s, channel = start(db, clock, ["permanent"])
    signup(db, "c1")
    s.poll()
    row = rows(db)[0]
    assert (row.status, row.reason) == ("failed", "bounced")
    with db.read() as session:
        assert get_customer(session, "c1").email_bounced
    clock.advance(timedelta(hours=1))
    s.poll()
    assert [(r.node_id, r.status, r.reason) for r in rows(db)] == [
        ("mail-1", "failed", "bounced"), ("mail-2", "skipped", "bounced")]
    assert channel.sent == []
    s.close()


def _left_sending(db, s, *, handed_over: bool):
    """What a session SIGKILLed mid-send leaves behind: the message claimed (and maybe handed
    over to the server), its answer never recorded."""
    (row,) = rows(db)
    with db.transaction() as session:
        assert session_repo.mark_sending(session, row.id)
        if handed_over:
            session_repo.mark_handover(session, row.id, NOW)
    killed(db, s)
    return row


def _queued_one(db, clock):
    s, _ = start(db, clock, deliver=False)
    signup(db, "c1")
    s.poll()
    return s


def test_a_message_killed_before_its_handover_is_simply_sent_again(db):
    clock = FakeClock(NOW)
    row = _left_sending(db, _queued_one(db, clock), handed_over=False)
    s2, channel = start(db, clock)
    assert (s2.recovery.requeued, s2.recovery.held, s2.uncertain_at_start) == (1, 0, 0)
    assert rows(db)[0].status == "queued" and "stopped before handing it over" in rows(db)[0].error
    s2.poll()
    assert len(channel.sent) == 1 and rows(db)[0].status == "sent"
    assert rows(db)[0].id == row.id
    s2.close()


def test_a_message_killed_after_its_handover_is_held_for_review_never_sent_again_alone(db):
    clock = FakeClock(NOW)
    row = _left_sending(db, _queued_one(db, clock), handed_over=True)
    s2, channel = start(db, clock)
    assert s2.uncertain_at_start == 1 and s2.recovery.held == 1
    s2.poll()
    clock.advance(timedelta(minutes=50))
    s2.poll()
    assert channel.sent == [] and rows(db)[0].status == "uncertain"
    assert "held for review" in rows(db)[0].error
    with db.transaction() as session:  # the user reviews it: "send it again"
        session_repo.resolve_uncertain(session, row.id, "resend")
    s2.poll()
    assert len(channel.sent) == 1 and rows(db)[0].status == "sent"
    with db.transaction() as session, pytest.raises(session_repo.InvalidState):
        session_repo.resolve_uncertain(session, row.id, "sent")
    s2.close()


def test_the_resend_policy_sends_an_uncertain_message_again_after_its_wait(db):
    from storage.shop_repo import update_settings

    with db.transaction() as session:
        update_settings(session, delivery={"uncertain": "resend", "resend_after_minutes": 20})
    clock = FakeClock(NOW)
    _left_sending(db, _queued_one(db, clock), handed_over=True)
    s2, channel = start(db, clock)
    assert s2.recovery.resend_later == 1
    clock.advance(timedelta(minutes=19))
    s2.poll()
    assert channel.sent == [] and rows(db)[0].status == "queued"
    clock.advance(timedelta(minutes=1))
    s2.poll()
    assert len(channel.sent) == 1 and rows(db)[0].status == "sent"
    s2.close()


@pytest.mark.parametrize(("at_destination", "sent_again"), [(True, 0), (False, 1)])
def test_a_destination_that_remembers_keys_settles_an_uncertain_message(db, at_destination, sent_again):
    clock = FakeClock(NOW)
    row = _left_sending(db, _queued_one(db, clock), handed_over=True)
    asked = []
    channel = RecordingChannel()
    s2 = SendingSession(db, ChannelSet({"email": channel},
                                       confirm={"email": lambda key: asked.append(key) or at_destination}),
                        clock=clock)
    s2.start()
    s2.poll()
    assert asked == [f"j1-cc1-e{row.enrollment_id}-mail-1-v1"]
    assert len(channel.sent) == sent_again and rows(db)[0].status == "sent"
    assert s2.uncertain_at_start == 0
    s2.close()


def test_an_answer_lost_after_the_whole_message_went_out_is_not_retried_blindly(db):
    clock = FakeClock(NOW)
    s, channel = start(db, clock, ["uncertain"])
    signup(db, "c1")
    report = s.poll()
    assert report.delivery.uncertain == 1 and len(channel.sent) == 1
    clock.advance(timedelta(minutes=50))
    s.poll()
    assert len(channel.sent) == 1  # not sent again (the journey's second email is not due yet)
    assert [r.status for r in rows(db)][0] == "uncertain"
    assert rows(db)[0].handover_at is not None
    s.close()


def test_an_opt_out_stops_queued_and_future_messages(db):
    clock = FakeClock(NOW)
    s, channel = start(db, clock, deliver=False)
    signup(db, "c1")
    s.poll()
    with db.transaction() as session:
        session_repo.record_opt_out(session, "c1", "email")
        with pytest.raises(ValueError):
            session_repo.record_opt_out(session, "c1", "pigeon")
    s.config.deliver = True
    s.poll()
    clock.advance(timedelta(hours=1))
    s.poll()
    assert [(r.node_id, r.status, r.reason) for r in rows(db)] == [
        ("mail-1", "skipped", "no_consent"), ("mail-2", "skipped", "no_consent")]
    s.close()


def test_the_message_key_lets_a_message_exist_once(db):
    clock = FakeClock(NOW)
    s, _ = start(db, clock, deliver=False)
    signup(db, "c1")
    s.poll()
    (row,) = rows(db)
    with db.transaction() as session:
        session_repo.queue_messages(session, [{
            "journey_id": row.journey_id, "version_id": row.version_id, "customer_id": "c1",
            "enrollment_id": row.enrollment_id, "node_id": "mail-1", "visit": 1, "channel": "email",
            "status": "queued", "due_at": NOW, "next_attempt_at": NOW, "payload": {}}])
    assert len(rows(db)) == 1
    s.close()


def test_one_session_per_database_and_a_dead_one_is_taken_over(db):
    clock = FakeClock(NOW)
    s, _ = start(db, clock)
    other = SendingSession(db, ChannelSet(), clock=clock)
    with pytest.raises(session_repo.SessionBusy):
        other.start()
    s.close()
    other.start()
    killed(db, other)
    third = SendingSession(db, ChannelSet(), clock=clock)
    third.start()
    third.close()


def _welcome_transactional():
    data = welcome(name="Receipts", delay=None, trigger="order_placed")
    data["nodes"][1]["config"]["purpose"] = "transactional"
    return data


def test_the_suppression_list_is_checked_right_before_every_send(db):
    from storage.suppressions_repo import suppress

    store_journey(db, _welcome_transactional())
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    clock = FakeClock(NOW)
    s, channel = start(db, clock, deliver=False)
    with db.transaction() as session:
        for cid in ("c1", "c2", "c3"):
            add_event(session, cid, "signup", NOW)
            add_event(session, cid, "order_placed", NOW)
    s.poll()
    with db.transaction() as session:  # after the messages were queued, before they go out
        suppress(session, channel="email", reason="manual", address="C1@example.org", source="the owner")
        suppress(session, channel="email", reason="hard_bounce", customer_id="c2", source="bounce: 5.1.1")
        suppress(session, channel="email", reason="unsubscribed", customer_id="c3", source="one-click")
    s.config.deliver = True
    s.poll()
    s.close()
    outcome = {(r.customer_id, r.node_id if r.journey_id == 1 else "receipt"): (r.status, r.reason) for r in rows(db)}
    assert outcome == {
        ("c1", "mail-1"): ("skipped", "suppressed"), ("c1", "receipt"): ("sent", None),  # transactional goes
        ("c2", "mail-1"): ("skipped", "bounced"), ("c2", "receipt"): ("skipped", "bounced"),  # never to a bounce
        ("c3", "mail-1"): ("skipped", "no_consent"), ("c3", "receipt"): ("sent", None),
    }
    assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c3@example.org"]
    receipts = [m for m in channel.sent]
    assert all(m.unsubscribe_url is None for m in receipts)  # no unsubscribe link on a receipt


def test_a_transactional_message_needs_no_consent_and_no_cap(db_target):
    database = make_db(db_target, customers=1, consent={"email": False})
    store_journey(database, _welcome_transactional())
    set_published_at(database, T("2026-03-01T00:00:00Z"))
    with database.transaction() as session:
        from storage.shop_repo import update_settings

        update_settings(session, delivery={"caps": {"email": [{"max": 1, "per": "P7D"}]}})
        for minute in range(3):
            add_event(session, "c1", "order_placed", NOW + timedelta(minutes=minute))
    s = SendingSession(database, ChannelSet({"email": RecordingChannel()}), clock=FakeClock(NOW + timedelta(hours=1)))
    s.config.deliver = True
    s.start()
    s.poll()
    s.close()
    assert [r.status for r in rows(database)] == ["sent", "sent", "sent"]
    assert {r.purpose for r in rows(database)} == {"transactional"}  # what the caps' ledger leaves out
    database.close()
