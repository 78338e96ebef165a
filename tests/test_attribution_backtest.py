""""What the simulation said" against "what happened": a sending session sends to the shop's
customers, some of them order, and a backtest of the same journey over the same days must
report the same revenue per node and the same holdout groups as the real report."""

from __future__ import annotations

from datetime import timedelta

from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from engine.backtest import run_backtest
from engine.compiled import CompiledJourney
from engine.profile import parse_profile
from storage import journeys_repo, profiles_repo
from storage.history_repo import add_event, record_order
from storage.report_repo import journey_report
from storage.run_options import shop_run_options
from storage.shop_repo import get_settings

NOW = T("2026-03-02T10:00:00Z")


def _figures(report):
    return {(f.node, f.variant): (f.recipients, f.conversions, round(f.revenue, 2)) for f in report.rows}


def test_a_backtest_reports_what_the_real_outbox_and_orders_say(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=60)
    data = welcome("Welcome", delay=None, settings={"holdout": {"percent": 30, "window": "P7D"}})
    data["nodes"][1]["config"]["ab_test"] = {"variants": [{"name": "a"}, {"name": "b", "subject": "Hello"}]}
    store_journey(db, data)
    set_published_at(db, NOW - timedelta(days=1))
    with db.transaction() as session:
        get_settings(session)  # the shop's secret exists before anyone reads it
        for i in range(1, 61):
            add_event(session, f"c{i}", "signup", NOW)
    channel = RecordingChannel()
    s = SendingSession(db, ChannelSet({"email": channel}), clock=FakeClock(NOW))
    s.start()
    try:
        s.poll()
    finally:
        s.close()
    assert channel.sent
    with db.transaction() as session:  # every third customer orders: two hours, or two days, later
        for i in range(1, 61, 3):
            late = i % 2 == 0
            record_order(session, f"c{i}", {"id": f"o{i}", "placed_at": NOW + timedelta(days=2 if late else 0,
                                                                                         hours=2),
                                            "total": float(i)})
    with db.read() as session:
        real = journey_report(session, "Welcome")
        options = shop_run_options(session, seed=0)
        profiles = [parse_profile(profiles_repo.customer_profile(session, f"c{i}")) for i in range(1, 61)]
        journey = journeys_repo.load_journey(session, "Welcome", "live")
    simulated = run_backtest(CompiledJourney(journey), profiles, NOW - timedelta(hours=1), NOW + timedelta(days=3),
                             options=options).attribution
    assert simulated is not None and simulated.source == "backtest"
    assert _figures(simulated) == {k: v for k, v in _figures(real).items()}
    assert {v for _, v in _figures(real)} == {"a", "b"}
    assert sum(f.conversions for f in real.rows) > 0
    for group in ("held_out", "rest"):
        a, b = getattr(real.holdout, group), getattr(simulated.holdout, group)
        assert (a.customers, a.converted, round(a.revenue, 2)) == (b.customers, b.converted, round(b.revenue, 2))
    assert real.holdout.held_out.customers > 0
    db.close()


def test_a_backtest_of_a_test_on_clicks_counts_the_clicks_the_shop_recorded(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=20)
    data = welcome("Welcome", delay=None)
    data["nodes"][1]["config"]["ab_test"] = {"metric": "clicks",
                                             "variants": [{"name": "a"}, {"name": "b", "subject": "Hello"}]}
    store_journey(db, data)
    set_published_at(db, NOW - timedelta(days=1))
    with db.transaction() as session:
        get_settings(session)
        for i in range(1, 21):
            add_event(session, f"c{i}", "signup", NOW)
    channel = RecordingChannel()
    s = SendingSession(db, ChannelSet({"email": channel}), clock=FakeClock(NOW))
    s.start()
    try:
        s.poll()
    finally:
        s.close()
    assert len(channel.sent) == 20
    with db.transaction() as session:  # every other customer clicks an hour later; c5 two days later
        for i in (*range(1, 21, 2), 6):
            add_event(session, f"c{i}", "email_clicked", NOW + timedelta(hours=1 if i != 5 else 48))
    with db.read() as session:
        real = journey_report(session, "Welcome")
        options = shop_run_options(session, seed=0)
        profiles = [parse_profile(profiles_repo.customer_profile(session, f"c{i}")) for i in range(1, 21)]
        journey = journeys_repo.load_journey(session, "Welcome", "live")
    simulated = run_backtest(CompiledJourney(journey), profiles, NOW - timedelta(hours=1), NOW + timedelta(days=3),
                             options=options).attribution
    assert simulated is not None

    def clicked(report):
        return {f.variant: (f.recipients, f.clicks, f.clicked) for f in report.rows}

    assert clicked(simulated) == clicked(real)
    assert sum(c for _, _, c in clicked(real).values()) == 10  # 9 odd customers within the day, and c6
    assert [(v.name, v.recipients, v.conversions) for v in simulated.ab_tests[0].variants] == \
        [(v.name, v.recipients, v.conversions) for v in real.ab_tests[0].variants]
    db.close()
