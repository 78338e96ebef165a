"""Publish / pause / resume / archive, the `event` command, delays under a fake clock, the
catch-up policies and what happens to customers in flight when a journey is published again."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

from app.cli import main
from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from storage import journeys_repo, session_repo
from storage.history_repo import add_event, events_of, orders_of
from storage.models import EnrollmentRow, OutboxRow

LIVE_SINCE = T("2026-03-01T00:00:00Z")


@pytest.fixture
def db(db_target):
    database = make_db(db_target)
    yield database
    database.close()


def session_for(db, clock, channel=None):
    channel = channel or RecordingChannel()
    s = SendingSession(db, ChannelSet({"email": channel}), clock=clock)
    s.start()
    return s, channel


def signup(db, customer, at):
    with db.transaction() as session:
        add_event(session, customer, "signup", at)


def outbox(db):
    with db.read() as session:
        return [(r.customer_id, r.node_id, r.status, r.reason) for r in
                session.scalars(select(OutboxRow).order_by(OutboxRow.id))]


def status_of(db, name):
    with db.read() as session:
        return next(s.status for s in journeys_repo.list_journeys(session) if s.name == name)


# -- the command line ------------------------------------------------------------------------
def test_publish_pause_resume_archive_through_the_cli(db, capsys):
    store_journey(db, welcome(), publish=False)
    path = db.url
    assert status_of(db, "Welcome") == "draft"
    assert main(["publish", "Welcome", "--db", path]) == 0
    assert capsys.readouterr().out.strip() == "Welcome: version 1 is live"
    assert status_of(db, "Welcome") == "live"
    assert main(["pause", "Welcome", "--db", path]) == 0
    assert status_of(db, "Welcome") == "paused"
    assert main(["resume", "Welcome", "--db", path]) == 0
    assert status_of(db, "Welcome") == "live"
    assert main(["catch-up", "Welcome", "skip_late", "--limit", "PT2H", "--db", path]) == 0
    assert main(["archive", "Welcome", "--db", path]) == 0
    assert status_of(db, "Welcome") == "archived"
    capsys.readouterr()
    assert main(["publish", "Welcome", "--db", path]) == 2
    assert "no draft to publish" in capsys.readouterr().err
    assert main(["pause", "Nope", "--db", path]) == 2
    assert "no journey named 'Nope'" in capsys.readouterr().err
    assert main(["catch-up", "Welcome", "skip_late", "--limit", "soon", "--db", path]) == 2


def test_republish_and_archive_through_the_repository(db):
    saved = store_journey(db, welcome())
    assert saved.status == "live" and saved.number == 1
    with db.transaction() as session:
        journeys_repo.save_draft(session, journeys_repo.load_journey(session, "Welcome"))
        summary = journeys_repo.list_journeys(session)[0]
        assert summary.has_unpublished_changes and summary.status == "live"
        again = journeys_repo.publish(session, "Welcome", "move")
        assert again.number == 2
        with pytest.raises(ValueError):
            journeys_repo.publish(session, "Welcome", "teleport")  # type: ignore[arg-type]
        journeys_repo.pause(session, "Welcome")
        journeys_repo.archive(session, "Welcome")
        assert journeys_repo.list_journeys(session)[0].status == "archived"


def test_event_command_stores_and_echoes(db, capsys):
    path = db.url
    assert main(["event", "signup", "--customer", "c1", "--at", "2026-03-02T10:00:00Z", "--prop", "plan=pro",
                 "--prop", "seats=3", "--prop", 'tags=["a", 1]', "--prop", "note=not json", "--db", path]) == 0
    echo = json.loads(capsys.readouterr().out)
    assert echo["type"] == "signup" and echo["customer"] == "c1" and echo["at"] == "2026-03-02T10:00:00Z"
    assert echo["properties"] == {"plan": "pro", "seats": 3, "tags": ["a", 1], "note": "not json"}
    with db.read() as session:
        assert [(e.type, e.properties["seats"]) for e in events_of(session, "c1")] == [("signup", 3)]
    assert main(["event", "order_placed", "--customer", "c1", "--prop", "total=49.5", "--prop", "order_id=o-9",
                 "--db", path]) == 0
    with db.read() as session:
        assert [(o.id, o.total) for o in orders_of(session, "c1")] == [("o-9", 49.5)]
    capsys.readouterr()
    assert main(["event", "signup", "--customer", "zz", "--db", path]) == 2
    assert capsys.readouterr().err.strip() == "journey-builder: no customer with id 'zz'"
    assert main(["event", "signup", "--customer", "c1", "--at", "yesterday", "--db", path]) == 2
    assert main(["event", "signup", "--customer", "c1", "--prop", "novalue", "--db", path]) == 2


# -- the session under a fake clock ------------------------------------------------------------
def test_delays_under_a_fake_clock_and_a_restart_carries_on(db):
    store_journey(db, welcome(delay="P3D"))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    assert [m.subject for m in channel.sent] == ["Welcome Anna1"]
    clock.advance(timedelta(days=2, hours=23))
    s.poll()
    assert len(channel.sent) == 1
    s.close()  # quit the app; a new session on the same file carries on
    clock.advance(timedelta(hours=1))
    s2, channel2 = session_for(db, clock)
    s2.poll()
    assert [m.subject for m in channel2.sent] == ["Day two"]
    assert outbox(db) == [("c1", "mail-1", "sent", None), ("c1", "mail-2", "sent", None)]
    with db.read() as session:
        assert [(e.status, e.end_reason) for e in session.scalars(select(EnrollmentRow))] == [("ended", "completed")]
    s2.close()


def test_a_paused_journey_sends_nothing_and_send_now_catches_up(db):
    store_journey(db, welcome(delay="PT1H"))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    with db.transaction() as session:
        journeys_repo.pause(session, "Welcome")
    signup(db, "c1", clock.now())
    s.poll()
    clock.advance(timedelta(hours=3))
    s.poll()
    assert channel.sent == []
    with db.transaction() as session:
        journeys_repo.resume(session, "Welcome")
    s.poll()
    assert [m.subject for m in channel.sent] == ["Welcome Anna1", "Day two"]
    s.close()


def test_skip_late_skips_what_is_later_than_the_limit(db):
    store_journey(db, welcome(delay="PT1H"))
    set_published_at(db, LIVE_SINCE)
    with db.transaction() as session:
        journeys_repo.set_catch_up(session, "Welcome", "skip_late", "PT2H")
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    signup(db, "c2", clock.now() - timedelta(minutes=30))  # arrived late, within the limit
    s.poll()
    assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c2@example.org"]
    s.close()
    clock.advance(timedelta(hours=4))  # the app was closed; mail-2 fell due 3 h ago for c1
    s, channel = session_for(db, clock)
    s.poll()
    assert channel.sent == []
    assert sorted(row for row in outbox(db) if row[1] == "mail-2") == [
        ("c1", "mail-2", "skipped", "late"), ("c2", "mail-2", "skipped", "late")]
    with db.read() as session:
        assert {e.end_reason for e in session.scalars(select(EnrollmentRow))} == {"completed"}
    s.close()


def test_skip_late_also_covers_messages_queued_before_a_long_stop(db):
    store_journey(db, welcome(delay=None))
    set_published_at(db, LIVE_SINCE)
    with db.transaction() as session:
        journeys_repo.set_catch_up(session, "Welcome", "skip_late", "PT1H")
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s = SendingSession(db, ChannelSet(), clock=clock)
    s.config.deliver = False  # queued, then the machine went to sleep
    signup(db, "c1", clock.now())
    s.poll()
    s.close()
    clock.advance(timedelta(hours=5))
    s2, channel = session_for(db, clock)
    s2.poll()
    assert channel.sent == [] and outbox(db) == [("c1", "mail-1", "skipped", "late")]
    s2.close()


def test_next_window_holds_a_late_message_to_its_local_time_of_day(db):
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, LIVE_SINCE)
    with db.transaction() as session:
        journeys_repo.set_catch_up(session, "Welcome", "next_window", "PT1H")
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    s.close()
    clock.set(T("2026-03-04T03:00:00Z"))  # mail-2 was due 2026-03-03 10:00; now it is 03:00
    s, channel = session_for(db, clock)
    s.poll()
    assert channel.sent == []
    clock.set(T("2026-03-04T09:59:59Z"))
    s.poll()
    assert channel.sent == []
    clock.set(T("2026-03-04T10:00:00Z"))
    s.poll()
    assert [m.subject for m in channel.sent] == ["Day two"]
    s.close()


def _republish_with_new_day_two(db, in_flight, remove_delay=False):
    data = welcome(delay="P1D")
    data["nodes"][3]["config"]["subject"] = "Day two (new)"
    if remove_delay:
        data["nodes"] = [n for n in data["nodes"] if n["id"] not in ("wait", "mail-2")]
        data["edges"] = [e for e in data["edges"] if e["source"] == "start"]
    store_journey(db, data, in_flight=in_flight)


@pytest.mark.parametrize("in_flight,expected", [("finish_old", "Day two"), ("move", "Day two (new)")])
def test_republishing_finishes_on_the_old_version_or_moves(db, in_flight, expected):
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    _republish_with_new_day_two(db, in_flight)
    set_published_at(db, T("2026-03-02T11:00:00Z"))
    clock.advance(timedelta(hours=2))
    signup(db, "c2", clock.now())
    s.poll()
    clock.advance(timedelta(days=1))
    s.poll()
    got = {(m.to, m.subject) for m in channel.sent if m.subject.startswith("Day")}
    assert got == {("c1@example.org", expected), ("c2@example.org", "Day two (new)")}
    with db.read() as session:
        assert session_repo.in_flight_counts(session, 1) == {}
    s.close()


def test_moving_ends_paths_at_nodes_the_new_version_removed(db):
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    from app.session import lifecycle

    with db.transaction() as session:
        draft = welcome(delay=None)
        journeys_repo.import_journey(session, draft)
    preview = lifecycle.preview_publish(db, "Welcome")
    assert preview.in_flight == 1 and preview.at_removed_nodes == 1
    assert preview.diff is not None and preview.diff.nodes_removed == ["wait", "mail-2"]
    lifecycle.publish(db, "Welcome", "move")
    clock.advance(timedelta(seconds=1))
    s.poll()
    with db.read() as session:
        assert [(e.status, e.end_reason) for e in session.scalars(select(EnrollmentRow))] == [("ended", "removed")]
    clock.advance(timedelta(days=2))
    s.poll()
    assert [m.subject for m in channel.sent] == ["Welcome Anna1"]
    s.close()


def test_archiving_ends_customers_in_flight_and_cancels_queued_messages(db):
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s = SendingSession(db, ChannelSet(), clock=clock)
    s.config.deliver = False
    signup(db, "c1", clock.now())
    s.poll()
    with db.transaction() as session:
        assert journeys_repo.archive(session, "Welcome") == 1
    assert outbox(db) == [("c1", "mail-1", "skipped", "archived")]
    clock.advance(timedelta(days=2))
    s.poll()
    with db.read() as session:
        assert [(e.status, e.end_reason) for e in session.scalars(select(EnrollmentRow))] == [("ended", "archived")]
    s.close()


def test_reentry_never_holds_across_versions(db):
    store_journey(db, welcome(delay=None, settings={"reentry": "never"}))
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    store_journey(db, welcome(delay=None, settings={"reentry": "never"}))
    set_published_at(db, LIVE_SINCE)
    clock.advance(timedelta(hours=1))
    signup(db, "c1", clock.now())
    signup(db, "c2", clock.now())
    s.poll()
    assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c2@example.org"]
    s.close()


def test_time_triggers_get_a_run_per_customer_and_fire_on_time(db_target):
    db = make_db(db_target, customers=2, signup_at="2026-03-01T12:00:00Z")
    with db.transaction() as session:
        from storage.customers_repo import upsert_customer

        upsert_customer(session, {"id": "c3", "email": "c3@example.org", "consent": {"email": True}})  # no signup date
    data = welcome(delay=None)
    data["nodes"][0]["config"] = {"kind": "date", "field": "customer.signup_at", "offset": "P2D"}
    store_journey(db, data)
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    s.poll()
    with db.read() as session:
        assert session_repo.in_flight_counts(session, 1) == {1: 2}  # c1, c2 wait for their date; c3 never fires
    clock.set(T("2026-03-03T11:59:59Z"))
    s.poll()
    assert channel.sent == []
    clock.set(T("2026-03-03T12:00:00Z"))
    s.poll()
    assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c2@example.org"]
    s.close()
    db.close()


def test_after_exit_keeps_a_customer_finishing_the_old_version_out_of_the_new_one(db):
    """finish_old + after_exit: one enrollment at a time across versions, like within one."""
    store_journey(db, welcome(delay="P1D"))  # reentry defaults to after_exit
    set_published_at(db, LIVE_SINCE)
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    s.poll()
    _republish_with_new_day_two(db, "finish_old")
    set_published_at(db, T("2026-03-02T11:00:00Z"))
    clock.advance(timedelta(hours=2))
    signup(db, "c1", clock.now())  # still waiting for "Day two" on version 1
    s.poll()
    clock.advance(timedelta(days=1))
    s.poll()  # version 1 ends for c1
    signup(db, "c1", clock.now())  # now it may enter version 2
    s.poll()
    clock.advance(timedelta(days=1, hours=1))
    s.poll()
    subjects = [m.subject for m in channel.sent if m.to == "c1@example.org"]
    assert subjects == ["Welcome Anna1", "Day two", "Welcome Anna1", "Day two (new)"]
    with db.read() as session:
        rows = session.scalars(select(EnrollmentRow).order_by(EnrollmentRow.id)).all()
        assert [(e.version_id, e.status) for e in rows] == [(1, "ended"), (2, "ended")]
    s.close()
