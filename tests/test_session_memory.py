"""Runs leave no reference cycles, so a wake-up may turn the cyclic collector off.

`app.session.session` disables the collector while it advances runs (it was a tenth of the
cost of a wake-up). That is only safe if what a run allocates is freed by reference counting;
these tests hold the engine and the session to it: garbage the collector finds afterwards
must not grow with the number of customers.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta

from session_helpers import T, make_db, set_published_at, store_journey, welcome

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import SessionConfig
from engine.compiled import CompiledJourney
from engine.demo import generate_profiles
from engine.fileformat import journey_from_dict
from engine.runner import CustomerRun, RunOptions
from engine.runstate import restore, snapshot
from resources.journeys import gallery


def _cyclic_garbage(work) -> int:
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


def test_gallery_runs_restored_and_advanced_leave_no_cycles_per_customer() -> None:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    journeys = [CompiledJourney(journey_from_dict(entry.data())) for entry in gallery()]
    options = RunOptions(render=True, explain=False)

    def advance(profiles) -> None:
        for journey in journeys:
            for profile in profiles:
                run = CustomerRun(journey, profile, now - timedelta(days=200), options)
                run.run_until(now - timedelta(days=100))
                state = snapshot(run)
                run = restore(journey, profile, state, options)
                run.run_until(now)
                snapshot(run)

    few = _cyclic_garbage(lambda: advance(generate_profiles(20, 1, now)))
    many = _cyclic_garbage(lambda: advance(generate_profiles(200, 1, now)))
    assert many <= few + 50, (few, many)


def test_a_wake_up_over_many_customers_leaves_no_cycles_per_customer(tmp_path) -> None:
    def wake_up(customers: int) -> int:
        db = make_db(tmp_path / f"shop-{customers}.sqlite", customers=customers)
        try:
            store_journey(db, welcome(delay="P1D"))
            set_published_at(db, T("2026-03-01T00:00:00Z"))
            clock = FakeClock(T("2026-03-02T09:00:00Z"))
            # Delivery runs with the collector on; the engine work before it is what is tested.
            session = SendingSession(db, ChannelSet(), clock=clock, config=SessionConfig(deliver=False))
            with db.transaction() as s:
                from storage.history_repo import add_event

                for i in range(1, customers + 1):
                    add_event(s, f"c{i}", "signup", clock.now())
            session.start()
            try:
                inbox = _cyclic_garbage(session.poll)  # signups: first email queued, runs wait a day
                clock.advance(timedelta(days=2))
                report = {}
                garbage = _cyclic_garbage(lambda: report.setdefault("r", session.poll()))
                assert report["r"].steps >= customers  # the second email for each of them
                return inbox + garbage
            finally:
                session.close()
        finally:
            db.close()

    assert wake_up(300) <= wake_up(30) + 50
