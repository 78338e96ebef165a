"""The holdout: a share of entrants kept out by a keyed hash, recorded as a step, and the report's
comparison of the two groups with its intervals (hand-computed), through the command line."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from session_helpers import T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

import app.cli
from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from engine.attribution import CustomerOutcome, Holdout, elapsed_window, is_held_out
from engine.compiled import CompiledJourney
from engine.discounts import DEFAULT_SECRET
from engine.fileformat import journey_from_dict, read_journey
from engine.journey_report import compare_holdout
from engine.profile import parse_profile
from engine.runner import simulate_customer
from engine.shop_options import run_options
from engine.validation import validate
from storage import journeys_repo
from storage.customers_repo import upsert_customer
from storage.history_repo import add_event, record_order
from storage.models import EnrollmentRow, OutboxRow
from storage.shop_repo import get_settings
from tests.attribution_shop import add_sent

NOW = T("2026-03-02T10:00:00Z")
HOLDOUT = {"percent": 50, "window": "P30D"}


def _journey(settings=None):
    return journey_from_dict(welcome("Welcome", delay=None, settings=settings))


def _customer(cid: str) -> dict:
    return {"customer": {"id": cid, "email": f"{cid}@example.org", "consent": {"email": True}},
            "events": [{"type": "signup", "at": "2026-03-02T10:00:00Z"}]}


def _groups(n: int = 200, secret: str = DEFAULT_SECRET, percent: float = 50) -> tuple[list[str], list[str]]:
    ids = [f"c{i}" for i in range(1, n + 1)]
    held = [c for c in ids if is_held_out(secret, "Welcome", c, percent)]
    return held, [c for c in ids if c not in held]


def test_a_held_out_customer_enters_and_leaves_at_once_as_a_step():
    compiled = CompiledJourney(_journey({"holdout": HOLDOUT}))
    held, rest = _groups(20)
    steps = simulate_customer(compiled, parse_profile(_customer(held[0])), NOW - timedelta(hours=1),
                              NOW + timedelta(days=1), run_options())
    assert [(s.node, s.event, s.reason) for s in steps] == [("start", "entered", None), (None, "exited", "holdout")]
    assert steps[1].to_json() == {"at": "2026-03-02T10:00:00Z", "node": None, "type": "exit", "event": "exited",
                                  "reason": "holdout"}
    assert steps[1].describe() == "kept out of the journey (holdout group)"
    steps = simulate_customer(compiled, parse_profile(_customer(rest[0])), NOW - timedelta(hours=1),
                              NOW + timedelta(days=1), run_options())
    assert [s.event for s in steps] == ["entered", "sent", "exited"]


def test_without_the_setting_nobody_is_kept_out():
    compiled = CompiledJourney(_journey())
    held, _ = _groups(20)
    steps = simulate_customer(compiled, parse_profile(_customer(held[0])), NOW - timedelta(hours=1),
                              NOW + timedelta(days=1), run_options())
    assert [s.event for s in steps] == ["entered", "sent", "exited"]


@pytest.mark.parametrize(("value", "message"), [
    ({"percent": 0}, "settings.holdout: percent: must be a number above 0 and at most 50"),
    ({"percent": 60}, "settings.holdout: percent: must be a number above 0 and at most 50"),
    ({"percent": 10, "window": "P1M"}, "settings.holdout: window: 'P1M' uses months or years"),
    ({"percent": 10, "windw": "P1D"}, "settings.holdout: unknown key(s) windw"),
    (10, "settings.holdout: must be {\"percent\": 10}"),
])
def test_a_bad_holdout_setting_is_a_validation_error(value, message):
    journey, problems = read_journey(welcome("Welcome", delay=None, settings={"holdout": value}))
    assert not problems
    errors = [p.message for p in validate(journey) if p.is_error]
    assert any(e.startswith(message) for e in errors), errors


def test_the_sending_session_keeps_the_same_customers_out_as_a_simulation_would(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=40)
    store_journey(db, welcome("Welcome", delay=None, settings={"holdout": HOLDOUT}))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    with db.transaction() as session:
        secret = get_settings(session).discount_secret
        for i in range(1, 41):
            add_event(session, f"c{i}", "signup", NOW)
    s = SendingSession(db, ChannelSet({}), clock=FakeClock(NOW))
    s.config.deliver = False
    s.start()
    try:
        s.poll()
    finally:
        s.close()
    with db.read() as session:
        ended = {e.customer_id: e.end_reason for e in session.scalars(select(EnrollmentRow))}
        mailed = {o.customer_id for o in session.scalars(select(OutboxRow))}
    held, rest = _groups(40, secret)
    assert held and rest
    assert {c for c, reason in ended.items() if reason == "holdout"} == set(held)
    assert mailed == set(rest)
    db.close()


# -- the comparison, by hand -----------------------------------------------------------------
# 70 customers went through the journey and 56 of them ordered (30.00 each); 80 were held out and
# 48 ordered (20.00 each). Conversion 80 % against 60 %: +20 points; Newcombe's hybrid interval
# for 56/70 − 48/80 is +5.24 to +33.39 points (his paper's own example, method 10). Revenue per
# customer 24.00 against 12.00: +12.00; Welch: variances 10080/69 and 7680/79, standard error
# 1.8172, 133.3 degrees of freedom, t = 1.9779, so +8.41 to +15.59.
def _outcomes():
    return ([CustomerOutcome(False, 1, 30.0)] * 56 + [CustomerOutcome(False)] * 14
            + [CustomerOutcome(True, 1, 20.0)] * 48 + [CustomerOutcome(True)] * 32)


def test_the_comparison_is_the_hand_computed_one():
    c = compare_holdout(Holdout(50, elapsed_window("P30D"), "P30D"), _outcomes())
    assert (c.rest.customers, c.rest.converted, c.held_out.customers, c.held_out.converted) == (70, 56, 80, 48)
    assert c.conversion_difference == pytest.approx(0.2)
    assert (round(c.conversion_ci.low, 4), round(c.conversion_ci.high, 4)) == (0.0524, 0.3339)
    assert c.revenue_difference == pytest.approx(12.0)
    assert (round(c.revenue_ci.low, 2), round(c.revenue_ci.high, 2)) == (8.41, 15.59)
    assert c.verdict == "better" and c.revenue_clear
    assert c.sentence() == ("The journey raises conversion: 80.0 % of customers in the journey ordered against "
                            "60.0 % held out, +20.0 points (95 % interval +5.2 points to +33.4 points).")


def test_small_groups_are_too_small_to_tell():
    c = compare_holdout(Holdout(10, elapsed_window("P30D")), _outcomes()[:60] + _outcomes()[70:90])
    assert c.verdict == "too_small"
    assert c.sentence() == ("Too few customers to tell: 20 held out and 60 in the journey (at least 30 in each "
                            "are needed).")
    few = [CustomerOutcome(False, 1, 5.0)] * 3 + [CustomerOutcome(False)] * 40 + [CustomerOutcome(True)] * 40
    assert compare_holdout(Holdout(10, elapsed_window("P30D")), few).sentence().startswith("Too few orders to tell")


def test_an_unclear_difference_says_so():
    even = ([CustomerOutcome(False, 1, 10.0)] * 20 + [CustomerOutcome(False)] * 20
            + [CustomerOutcome(True, 1, 10.0)] * 19 + [CustomerOutcome(True)] * 21)
    c = compare_holdout(Holdout(50, elapsed_window("P30D")), even)
    assert c.verdict == "unclear" and c.sentence().startswith("No clear difference yet: 50.0 % of customers")
    assert c.revenue_sentence().endswith("; not a clear difference.")


@pytest.fixture()
def holdout_shop(tmp_path):
    """The 70/80 shop above, as enrollments and orders of a live journey with a holdout; plus an
    order at the moment of entry and one 31 days after it, which the 30-day window leaves out."""
    db = make_db(tmp_path / "shop.sqlite", customers=0)
    saved = store_journey(db, welcome("Winback", delay=None, settings={"holdout": HOLDOUT}))
    entry = T("2026-03-02T10:00:00Z")
    with db.transaction() as session:
        for i in range(150):
            cid, held = f"h{i}" if i < 80 else f"r{i}", i < 80
            upsert_customer(session, {"id": cid, "email": f"{cid}@example.org", "consent": {"email": True}})
            if held:
                add_sent_enrollment(session, saved, cid, entry, "holdout")
            else:
                add_sent(session, saved.journey_id, saved.version_id, cid, "mail-1", "email", entry, entered=entry)
            if (held and i < 48) or (not held and i < 80 + 56):
                record_order(session, cid, {"id": f"o-{cid}", "placed_at": entry + timedelta(days=3),
                                            "total": 20.0 if held else 30.0})
        record_order(session, "h0", {"id": "at-entry", "placed_at": entry, "total": 500.0})
        record_order(session, "h1", {"id": "late", "placed_at": entry + timedelta(days=31), "total": 500.0})
    yield db
    db.close()


def add_sent_enrollment(session, saved, cid, entry, reason):
    from storage.enrollments_repo import insert_enrollments

    insert_enrollments(session, [{"journey_id": saved.journey_id, "version_id": saved.version_id,
                                  "customer_id": cid, "status": "ended", "entered_at": entry, "ended_at": entry,
                                  "end_reason": reason, "entry": {}}])


def test_the_cli_report_prints_the_hand_computed_uplift(holdout_shop, capsys):
    status = app.cli.main(["report", "Winback", "--db", str(holdout_shop.path)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Holdout: 50 % of entrants kept out; orders count for 30 days after entry" in out
    assert "  held out: 80 customers, 48 ordered (60.0 %), revenue per customer 12.00 EUR" in out
    assert "  in the journey: 70 customers, 56 ordered (80.0 %), revenue per customer 24.00 EUR" in out
    assert ("  The journey raises conversion: 80.0 % of customers in the journey ordered against 60.0 % held out, "
            "+20.0 points (95 % interval +5.2 points to +33.4 points).") in out
    assert ("  Revenue per customer: 24.00 EUR in the journey, 12.00 EUR held out, +12.00 EUR "
            "(95 % interval +8.41 to +15.59).") in out
    status = app.cli.main(["report", "Winback", "--db", str(holdout_shop.path), "--format", "json"])
    data = json.loads(capsys.readouterr()[0])["holdout"]
    assert data["verdict"] == "better" and data["conversion_interval"] == [0.052431, 0.333873]
    assert data["held_out"]["revenue_per_customer"] == 12.0 and data["rest"]["revenue_per_customer"] == 24.0


def test_entrants_of_versions_without_a_holdout_are_not_compared(holdout_shop):
    with holdout_shop.transaction() as session:
        data = welcome("Winback", delay=None)
        journeys_repo.import_journey(session, data)
        saved = journeys_repo.publish(session, "Winback")
        upsert_customer(session, {"id": "late-comer", "email": "l@example.org"})
        add_sent_enrollment(session, saved, "late-comer", T("2026-04-01T00:00:00Z"), "completed")
    from storage.report_repo import journey_report

    with holdout_shop.read() as session:
        report = journey_report(session, "Winback")
    assert report.holdout is not None and report.holdout.rest.customers == 70


def test_the_groups_summed_in_the_database_are_the_per_customer_ones(holdout_shop):
    from storage import attribution_repo

    with holdout_shop.read() as session:
        jid = journeys_repo.get_record(session, "Winback").id
        holdout, versions = attribution_repo.journey_holdout(session, jid)
        outcomes, mixed = attribution_repo.holdout_outcomes(session, jid, versions, holdout.window)
        held, rest, mixed_sql = attribution_repo.holdout_groups(session, jid, versions, holdout.window)
    by_customer = compare_holdout(holdout, outcomes, mixed)
    assert (held.customers, held.converted, held.revenue) == (80, 48, 960.0) and mixed == mixed_sql == 0
    assert held.moments.variance == pytest.approx(by_customer.held_out.moments.variance)
    assert rest.moments.variance == pytest.approx(by_customer.rest.moments.variance)


def test_the_simulator_says_who_was_kept_out_and_which_variant_went(qapp):
    from datetime import UTC

    from engine.steps import Step
    from widgets.simulator.texts import step_text

    out = Step(NOW, None, "exit", "exited", reason="holdout")
    assert step_text(out, UTC) == "Left the journey: kept out to measure what the journey earns (holdout group)"
    sent = Step(NOW, "mail-1", "message", "sent", channel="email", content={"subject": "Psst"}, variant="b")
    assert step_text(sent, UTC).endswith("Psst [variant b]")
