"""One customer's bad data, a failing run or a runaway template never stops the others' mail:
the failure is parked on that run with its reason, the batch and the inbox cursor go on."""

from __future__ import annotations

import threading
from datetime import timedelta

from session_helpers import (
    RecordingChannel,
    T,
    make_db,
    set_published_at,
    store_journey,
    welcome,
    wrap_message_acts,
)
from sqlalchemy import func, select, text

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import SessionConfig
from engine import template_limits
from engine.runner import CustomerRun
from storage import session_repo
from storage.history_repo import add_event
from storage.models import EventRow, OutboxRow, RunStateRow

LIVE = T("2026-03-01T00:00:00Z")
NOW = T("2026-03-02T10:00:00Z")


def shop(target, customers=3, journey=None):
    db = make_db(target, customers=customers)
    store_journey(db, journey or welcome(delay=None))
    set_published_at(db, LIVE)
    return db


def session_for(db, channel=None, clock=None, **config):
    channel = channel or RecordingChannel()
    return SendingSession(db, ChannelSet({"email": channel}), clock=clock or FakeClock(NOW),
                          config=SessionConfig(**config)), channel


def signups(db, *customers, at=NOW):
    with db.transaction() as session:
        for cid in customers:
            add_event(session, cid, "signup", at)


def test_an_event_stored_with_nan_by_an_older_version_stops_nobody(tmp_path):
    # SQLite only: older versions wrote there, and PostgreSQL refuses a NaN in JSON outright.
    db = shop(tmp_path / "shop.sqlite")
    signups(db, "c1")
    with db.transaction() as session:  # what `event --prop x=NaN` wrote before the doors refused it
        session.execute(text("UPDATE events SET properties = '{\"x\": NaN}' WHERE customer_id = 'c1'"))
    signups(db, "c2", "c3")
    s, channel = session_for(db)
    try:
        report = s.poll()
    finally:
        s.close()
    assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c2@example.org", "c3@example.org"]
    assert report.events == 3 and report.parked == []
    with db.read() as session:
        assert session_repo.last_event_id(session) == session.scalar(select(func.max(EventRow.id)))
    db.close()


def test_a_run_that_fails_is_parked_with_its_reason_and_the_rest_go_on(db_target, monkeypatch):
    db = shop(db_target, journey=welcome(delay="P1D"))
    signups(db, "c1", "c2", "c3")
    fail = {"on": True}

    def failing(original):
        def act(run, token, plan):
            if fail["on"] and run.profile.id == "c2" and plan.node.id == "mail-2":
                raise OverflowError("date value out of range")
            return original(run, token, plan)
        return act

    wrap_message_acts(monkeypatch, failing)
    clock = FakeClock(NOW)
    s, channel = session_for(db, clock=clock)
    try:
        s.poll()
        clock.advance(timedelta(days=1, seconds=1))
        report = s.poll()
        assert report.parked == [(1, "c2", "OverflowError: date value out of range")]
        sent = sorted((m.to, m.subject) for m in channel.sent)
        assert sent == [("c1@example.org", "Day two"), ("c1@example.org", "Welcome Anna1"),
                        ("c2@example.org", "Welcome Anna2"),
                        ("c3@example.org", "Day two"), ("c3@example.org", "Welcome Anna3")]
        # Parked: not due, not retried hourly; the reason is there for the monitor.
        clock.advance(timedelta(hours=2))
        assert s.poll().parked == []
        with db.read() as session:
            total, parked = session_repo.parked_runs(session)
            assert total == 1 and parked[0].customer_id == "c2" and "OverflowError" in parked[0].reason
            assert parked[0].journey == "Welcome"
        # Once the cause is gone, a retry sends what was held, from where the run stood.
        fail["on"] = False
        with db.transaction() as session:
            assert session_repo.retry_parked(session) == 1
        report = s.poll()
        assert report.parked == []
        assert ("c2@example.org", "Day two") in [(m.to, m.subject) for m in channel.sent]
        with db.read() as session:
            assert session_repo.parked_runs(session)[0] == 0
    finally:
        s.close()
        db.close()


def test_a_failed_run_keeps_the_events_that_arrived_with_it(db_target, monkeypatch):
    db = shop(db_target)
    signups(db, "c1", "c2")
    fail = {"on": True}

    def failing(original):
        def act(run, token, plan):
            if fail["on"] and run.profile.id == "c1":
                raise RuntimeError("boom")
            return original(run, token, plan)
        return act

    wrap_message_acts(monkeypatch, failing)
    s, channel = session_for(db)
    try:
        assert [p[1] for p in s.poll().parked] == ["c1"]
        assert [m.to for m in channel.sent] == ["c2@example.org"]
        fail["on"] = False
        with db.transaction() as session:
            session_repo.retry_parked(session)
        s.poll()
        assert sorted(m.to for m in channel.sent) == ["c1@example.org", "c2@example.org"]
    finally:
        s.close()
        db.close()


def test_a_stored_state_that_cannot_be_read_is_parked_not_fatal(db_target):
    db = shop(db_target, journey=welcome(delay="P1D"))
    signups(db, "c1", "c2")
    clock = FakeClock(NOW)
    s, channel = session_for(db, clock=clock)
    try:
        s.poll()
        with db.transaction() as session:
            # PostgreSQL keeps only JSON in a JSON column: there a state that is no run's is the damage.
            damage = "'\"not a run\"'" if db.is_postgres else "'not json {'"
            session.execute(text(f"UPDATE run_state SET state = {damage} WHERE customer_id = 'c1'"))
        clock.advance(timedelta(days=1, seconds=1))
        report = s.poll()
        assert [(p[1], "cannot be read" in p[2]) for p in report.parked] == [("c1", True)]
        assert ("c2@example.org", "Day two") in [(m.to, m.subject) for m in channel.sent]
    finally:
        s.close()
        db.close()


def test_a_runaway_template_fails_its_messages_and_every_other_customer_is_served(db_target, monkeypatch):
    monkeypatch.setattr(template_limits, "RENDER_BUDGET", 0.05)
    template_limits.BREAKER.reset()
    runaway = welcome(name="Runaway", trigger="signup")
    runaway["nodes"][1]["config"]["body"] = ("{% for i in range(100000) %}{% for j in range(100000) %}"
                                             "{% endfor %}{% endfor %}")
    db = shop(db_target, customers=30)
    store_journey(db, runaway)
    set_published_at(db, LIVE)
    signups(db, *[f"c{i}" for i in range(1, 31)])
    s, channel = session_for(db)
    try:
        s.poll()
    finally:
        s.close()
    assert len(channel.sent) == 30 and {m.subject for m in channel.sent} == {f"Welcome Anna{i}" for i in range(1, 31)}
    with db.read() as session:
        failed = session.scalars(select(OutboxRow).where(OutboxRow.status == "failed")).all()
    assert len(failed) == 30 and {r.reason for r in failed} == {"template_error"}
    assert sum("switched off" in (r.error or "") for r in failed) == 30 - template_limits.STRIKES
    template_limits.BREAKER.reset()
    db.close()


def test_a_stop_in_the_middle_of_a_batch_drops_it_whole_and_the_next_session_does_it(db_target, monkeypatch):
    db = shop(db_target, customers=50)
    signups(db, *[f"c{i}" for i in range(1, 51)])
    s, channel = session_for(db)
    original = CustomerRun.run_until
    calls = {"n": 0}

    def run_until(self, until):
        calls["n"] += 1
        if calls["n"] == 10:
            s.request_stop()  # SIGTERM arrives while the batch is being advanced
        return original(self, until)

    monkeypatch.setattr(CustomerRun, "run_until", run_until)
    report = s.poll()
    s.close()
    assert report.stopped and channel.sent == []
    with db.read() as session:  # nothing of the dropped batch was written, the cursor did not move
        assert session.scalar(select(func.count()).select_from(RunStateRow)) == 0
        assert session_repo.last_event_id(session) == 0
    monkeypatch.setattr(CustomerRun, "run_until", original)
    s, channel = session_for(db)
    try:
        s.poll()
    finally:
        s.close()
    assert len(channel.sent) == 50
    db.close()


def test_stop_during_a_runaway_render_returns_within_one_render_budget(db_target, monkeypatch):
    monkeypatch.setattr(template_limits, "RENDER_BUDGET", 0.2)
    template_limits.BREAKER.reset()
    data = welcome(delay=None)
    data["nodes"][1]["config"]["body"] = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    db = shop(db_target, customers=200)
    store_journey(db, {**data, "name": "Welcome"})
    set_published_at(db, LIVE)
    signups(db, *[f"c{i}" for i in range(1, 201)])
    s, _ = session_for(db)
    finished = threading.Event()
    calls = {"n": 0}
    original = CustomerRun.run_until

    def run_until(self, until):
        calls["n"] += 1
        if calls["n"] == 2:
            s.request_stop()
        return original(self, until)

    monkeypatch.setattr(CustomerRun, "run_until", run_until)
    worker = threading.Thread(target=lambda: (s.poll(), finished.set()))
    worker.start()
    worker.join(timeout=60)
    assert finished.is_set()  # not 200 customers × the budget: the stop is seen between customers
    assert calls["n"] == 2
    s.close()
    template_limits.BREAKER.reset()
    db.close()


def test_retry_parked_on_the_command_line(db_target, monkeypatch, capsys):
    from app.cli import main

    db = shop(db_target)
    signups(db, "c1")

    def act(run, token, plan):
        raise RuntimeError("boom")

    wrap_message_acts(monkeypatch, lambda original: act)
    s, _ = session_for(db)
    s.poll()
    s.close()
    monkeypatch.undo()
    db.close()
    assert main(["retry-parked", "No such journey", "--db", db_target]) == 2
    assert "No such journey" in capsys.readouterr().err
    assert main(["retry-parked", "Welcome", "--db", db_target]) == 0
    assert capsys.readouterr().out.startswith("1 parked run(s) of Welcome will be tried again")
