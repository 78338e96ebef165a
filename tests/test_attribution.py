"""Attribution by the rules of docs/attribution.md: hand-computed shops through the SQL report,
the engine's rules and the command line, which must all agree."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

import app.cli
from engine.attribution import (
    AttributionError,
    AttributionTally,
    Purchase,
    Touch,
    credit,
    elapsed_window,
    holdout_outcome,
    in_order,
    is_held_out,
    last_touch,
)
from storage import attribution_repo, journeys_repo
from storage.attribution_repo import Period
from storage.report_repo import journey_report
from tests.attribution_shop import EXPECTED, MESSAGES, ORDERS, UNSUBSCRIBES, D, build_shop

DAY = timedelta(days=1)


@pytest.fixture()
def shop(tmp_path):
    db = build_shop(tmp_path / "shop.sqlite")
    yield db
    db.close()


def _figures(db, name="Cart", window=DAY, period=attribution_repo.ALL_TIME):
    with db.read() as session:
        jid = journeys_repo.get_record(session, name).id
        rows = attribution_repo.node_figures(session, jid, window, period)
    return {f.node: (f.recipients, f.conversions, round(f.revenue, 2), f.unsubscribes) for f in rows}


def test_revenue_per_node_is_the_hand_computed_one(shop):
    assert _figures(shop) == EXPECTED


def test_the_other_journey_is_credited_with_the_order_its_message_came_last_before(shop):
    assert _figures(shop, "Other") == {"news": (1, 1, 200.0, 0)}


def test_a_five_day_window_credits_the_older_order_too(shop):
    figures = _figures(shop, window=timedelta(days=5))
    assert figures["mail-1"] == (3, 3, 180.0, 0)  # o2, 47 hours after mail-1, counts now


def test_since_keeps_messages_sent_from_that_moment_on(shop):
    figures = _figures(shop, period=Period(D + timedelta(hours=9, minutes=45), attribution_repo.LATEST))
    assert "sms-1" not in figures  # sent at 09:00
    assert figures["mail-1"] == EXPECTED["mail-1"]
    assert figures["mail-2"] == (1, 1, 80.0, 0)  # c5's mail-2 at 08:00 (and its unsubscribe) is before


def test_the_engine_rules_count_the_same_as_the_sql(shop):
    """The simulator and the backtest count with engine.attribution; fed the same shop, they
    must give the real report's figures."""
    tally = AttributionTally("Cart", DAY)
    for cid in ("c1", "c2", "c3", "c4", "c5"):
        touches = [Touch(at, journey, node, channel, seq=i) for i, (c, journey, node, channel, at, status)
                   in enumerate(MESSAGES) if c == cid and status == "sent"]
        purchases = [Purchase(oid, at, total) for c, oid, at, total in ORDERS if c == cid]
        tally.add_customer(touches, purchases)
        tally.add_unsubscribes(touches, [(at, ch) for c, ch, at in UNSUBSCRIBES if c == cid])
    counted = {f.node: (f.recipients, f.conversions, round(f.revenue, 2), f.unsubscribes) for f in tally.figures()}
    assert counted == EXPECTED


def test_the_report_lists_every_message_node_with_revenue_per_recipient(shop):
    with shop.read() as session:
        report = journey_report(session, "Cart")
    data = report.to_json()
    nodes = {n["node"]: n for n in data["nodes"]}
    assert nodes["mail-1"]["label"] == "First reminder"
    assert nodes["mail-1"]["revenue_per_recipient"] == pytest.approx(130 / 3, abs=1e-4)
    assert nodes["mail-1"]["version"] == 1
    assert data["totals"] == {"messages": 6, "conversions": 4, "revenue": 250.0, "unsubscribes": 2}
    assert data["window"] == "P1D" and data["currency"] == "EUR"
    assert data["holdout"]["verdict"] == "none"


def test_the_cli_report_prints_the_hand_computed_revenue(shop, capsys):
    status = app.cli.main(["report", "Cart", "--db", str(shop.path)])
    out, err = capsys.readouterr()
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Cart — what it earned, the start to now (the shop's outbox and orders; an order "
                               "counts for the last message received at most 1 day before it)")
    rows = {line.split("  ")[0]: line.split() for line in lines if line.startswith(("First", "Second", "sms-1",
                                                                                  "total"))}
    assert rows["First reminder"][-6:] == ["1", "3", "2", "130.00", "43.33", "0"]
    assert rows["Second reminder"][-6:] == ["1", "2", "1", "80.00", "40.00", "1"]
    assert rows["sms-1"][-6:] == ["1", "1", "1", "40.00", "40.00", "1"]
    assert rows["total"][-3:] == ["4", "250.00", "2"]


def test_the_cli_report_as_json_with_a_window_and_a_period(shop, capsys):
    status = app.cli.main(["report", "Cart", "--db", str(shop.path), "--format", "json", "--window", "P5D",
                           "--since", "2026-03-02", "--until", "2026-03-10"])
    out, err = capsys.readouterr()
    assert status == 0, err
    data = json.loads(out)
    assert data["window"] == "P5D" and data["since"] == "2026-03-02T00:00:00Z"
    revenue = {n["node"]: n["revenue"] for n in data["nodes"]}
    assert revenue == {"mail-1": 180.0, "mail-2": 80.0, "sms-1": 40.0}


@pytest.mark.parametrize(("args", "message"), [
    (["report", "Nope"], "no journey named 'Nope'"),
    (["report", "Cart", "--window", "P1M"], "--window: 'P1M' uses months or years"),
    (["report", "Cart", "--since", "yesterday"], "--since: 'yesterday' is not an ISO 8601 time"),
    (["report", "Cart", "--since", "2026-03-05", "--until", "2026-03-01"], "--until must be after --since"),
])
def test_bad_report_input_is_one_clear_line(shop, capsys, args, message):
    status = app.cli.main([*args, "--db", str(shop.path)])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.startswith("journey-builder: ") and message in err and err.count("\n") == 1


# -- the rule itself ---------------------------------------------------------------------------
def test_last_touch_is_strictly_before_and_at_most_the_window_old():
    a = Touch(D, "J", "a", "email", seq=1)
    b = Touch(D + DAY, "J", "b", "sms", seq=2)
    touches = in_order([b, a])
    assert last_touch(touches, D, DAY) is None  # not before itself
    assert last_touch(touches, D + DAY, DAY) is a  # exactly one day old counts
    assert last_touch(touches, D + DAY + timedelta(seconds=1), DAY) is b
    assert last_touch(touches, D + 2 * DAY + timedelta(seconds=1), DAY) is None
    assert last_touch(touches, D + DAY + timedelta(seconds=1), 2 * DAY, "email") is a
    assert last_touch(touches, D + DAY + timedelta(seconds=1), DAY, "email") is None
    same = Touch(D, "J", "c", "email", seq=3)
    assert last_touch(in_order([same, a]), D + timedelta(hours=1), DAY) is same  # recorded last wins


def test_an_order_is_credited_once():
    touches = in_order([Touch(D, "J", "a", "email")])
    credited = credit(touches, [Purchase("o", D + timedelta(hours=1), 5.0)], DAY)
    assert [(p.id, t.node) for p, t in credited] == [("o", "a")]


@pytest.mark.parametrize(("text", "hours"), [("P1D", 24), ("P5D", 120), ("PT12H", 12), ("P2W", 336)])
def test_windows_are_elapsed_time(text, hours):
    assert elapsed_window(text) == timedelta(hours=hours)


@pytest.mark.parametrize("text", ["P1M", "P1Y", "PT0S", "-P1D", "P91D", "soon"])
def test_windows_the_rules_cannot_use_are_refused(text):
    with pytest.raises(AttributionError):
        elapsed_window(text)


def test_holdout_outcome_counts_orders_after_an_entry_within_the_window_once():
    entries = [(D, True), (D + timedelta(days=10), True)]
    orders = [Purchase("at-entry", D, 99.0), Purchase("in", D + timedelta(days=12), 10.0),
              Purchase("edge", D + timedelta(days=30), 5.0), Purchase("late", D + timedelta(days=41), 7.0)]
    outcome = holdout_outcome(entries, orders, timedelta(days=30))
    assert outcome is not None and outcome.held_out
    assert (outcome.orders, outcome.revenue) == (2, 15.0)  # "edge" is 30 days after the first entry
    assert holdout_outcome([(D, True), (D + DAY, False)], orders, DAY) is None


def test_the_holdout_split_is_deterministic_and_close_to_its_share():
    held = [is_held_out("secret", "Cart", f"c{i}", 10) for i in range(20_000)]
    assert held == [is_held_out("secret", "Cart", f"c{i}", 10) for i in range(20_000)]
    assert 0.09 < sum(held) / len(held) < 0.11
    assert held != [is_held_out("other secret", "Cart", f"c{i}", 10) for i in range(20_000)]


def test_the_simulated_and_the_real_figures_are_compared_node_by_node():
    from engine.attribution import NodeFigures
    from engine.journey_report import JourneyReport, compare_reports

    labels = {"mail-1": "First reminder", "mail-2": "Second reminder"}
    said = JourneyReport("Cart", "backtest", "P1D", [
        NodeFigures("mail-1", variant="a", recipients=10, conversions=2, revenue=50.0),
        NodeFigures("mail-1", variant="b", recipients=12, conversions=1, revenue=20.0)], labels)
    real = JourneyReport("Cart", "real", "P1D", [
        NodeFigures("mail-1", version=1, variant="a", recipients=9, conversions=1, revenue=30.0),
        NodeFigures("mail-1", version=2, recipients=4, conversions=1, revenue=15.5),
        NodeFigures("sms-9", version=1, recipients=1, conversions=1, revenue=5.0)], labels)
    rows = compare_reports(said, real)
    assert [(c.node, c.label) for c in rows] == [("mail-1", "First reminder"), ("mail-2", "Second reminder"),
                                                 ("sms-9", "sms-9")]
    first, second, other = rows
    assert (first.simulated.recipients, first.simulated.conversions, first.simulated.revenue) == (22, 3, 70.0)
    assert (first.real.recipients, first.real.conversions, first.real.revenue) == (13, 2, 45.5)
    assert (second.simulated.recipients, second.real.recipients) == (0, 0)
    assert (other.simulated.conversions, other.real.conversions, other.real.revenue) == (0, 1, 5.0)
    assert [c.real.revenue for c in compare_reports(said, None)] == [0.0, 0.0]
