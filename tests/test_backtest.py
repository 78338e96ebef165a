"""Backtests: the shop's past replayed through a journey, who would have got what, and the CSV files."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from engine.backtest import (
    BacktestReport,
    days_csv,
    deliveries_by_customer,
    deliveries_csv,
    nodes_csv,
    run_backtest,
    run_detailed,
)
from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict
from engine.population import run_population
from engine.profile import parse_profile
from engine.runner import RunOptions, simulate_customer

NOW = datetime(2026, 6, 1, tzinfo=UTC)
START = NOW - timedelta(days=182)


def cart_journey() -> CompiledJourney:
    """cart abandoned → wait 4 h → reminder → wait 1 day → second mail; an order is the goal."""
    return CompiledJourney(journey_from_dict({
        "format": "journey-builder/1", "name": "Cart",
        "settings": {"exit_on": [{"event": "order_placed"}]},
        "nodes": [
            {"id": "start", "type": "trigger", "position": [0, 0],
             "config": {"kind": "event", "event": "cart_abandoned"}},
            {"id": "wait-4h", "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": "PT4H"}},
            {"id": "mail-1", "type": "message", "label": "Reminder", "position": [0, 0],
             "config": {"kind": "email", "subject": "Your cart", "body": "Hi"}},
            {"id": "wait-1d", "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": "P1D"}},
            {"id": "mail-2", "type": "message", "label": "Second mail", "position": [0, 0],
             "config": {"kind": "email", "subject": "Still there", "body": "Hi"}},
        ],
        "edges": [
            {"source": "start", "target": "wait-4h", "port": "out"},
            {"source": "wait-4h", "target": "mail-1", "port": "out"},
            {"source": "mail-1", "target": "wait-1d", "port": "out"},
            {"source": "wait-1d", "target": "mail-2", "port": "out"},
        ],
    }))


def customer(cid: str, carts=(), orders=(), consent=True):
    return parse_profile({
        "customer": {"id": cid, "email": f"{cid}@example.org", "first_name": cid.upper(), "last_name": "Test",
                     "timezone": "UTC", "consent": {"email": consent}},
        "events": [{"type": "cart_abandoned", "at": at} for at in carts],
        "orders": [{"id": f"{cid}-{i}", "placed_at": at, "total": 20} for i, at in enumerate(orders)],
    })


def history():
    return [
        customer("a", carts=["2026-01-10T10:00:00Z"]),  # two mails in January
        customer("b", carts=["2026-02-01T10:00:00Z"], orders=["2026-02-01T20:00:00Z"]),  # one mail, then buys
        customer("c", carts=["2025-11-01T10:00:00Z"]),  # before the backtest starts: nothing
        customer("d", carts=["2026-03-05T09:00:00Z"], consent=False),  # skipped twice
        customer("e", carts=["2026-05-31T10:00:00Z"]),  # the first mail at 14:00, the second after now
    ]


def test_history_after_start_is_replayed_at_its_own_times() -> None:
    report = run_backtest(cart_journey(), history(), START, NOW, options=RunOptions(), total=5)
    assert isinstance(report, BacktestReport) and report.mode == "backtest"
    assert report.customers == 5 and report.customers_entered == 4
    got = [(d.customer, d.at, d.node) for d in report.deliveries]
    assert got == [
        ("a", datetime(2026, 1, 10, 14, tzinfo=UTC), "mail-1"),
        ("a", datetime(2026, 1, 11, 14, tzinfo=UTC), "mail-2"),
        ("b", datetime(2026, 2, 1, 14, tzinfo=UTC), "mail-1"),
        ("e", datetime(2026, 5, 31, 14, tzinfo=UTC), "mail-1"),
    ]
    assert report.nodes["mail-1"].skipped == {"no_consent": 1}
    assert report.nodes["wait-1d"].waiting_at_end == 1  # e: the second mail would come after now
    assert report.customers_converted == 1
    # converted after reaching a node: b bought after the first mail, while waiting a day
    assert report.converted_after == {"start": 1, "wait-4h": 1, "mail-1": 1, "wait-1d": 1}
    assert report.deliveries[0].email == "a@example.org" and report.deliveries[0].name == "A Test"


def test_deliveries_are_exactly_the_sent_steps_and_counters_match_a_plain_run() -> None:
    journey = cart_journey()
    profiles = history()
    detailed = run_backtest(journey, profiles, START, NOW, options=RunOptions())
    plain = run_population(journey, history(), START, NOW, options=RunOptions())
    assert detailed.to_json() | {"elapsed_seconds": 0} == plain.to_json() | {
        "elapsed_seconds": 0, "mode": "backtest", "converted_after": detailed.converted_after,
        "deliveries": detailed.to_json()["deliveries"], "deliveries_truncated": False,
        "attribution": detailed.to_json()["attribution"]}
    sent = [(p.id, s.at, s.node) for p in history()
            for s in simulate_customer(journey, p, START, NOW, RunOptions(render=False)) if s.event == "sent"]
    assert [(d.customer, d.at, d.node) for d in detailed.deliveries] == sent
    assert len(detailed.deliveries) == sum(detailed.messages.values())


def test_forward_runs_count_conversions_but_keep_no_deliveries() -> None:
    report = run_detailed(cart_journey(), history(), START, NOW, options=RunOptions())
    assert report.mode == "forward" and report.deliveries == []
    assert report.converted_after["mail-1"] == 1


def test_a_cap_on_deliveries_is_reported() -> None:
    report = run_backtest(cart_journey(), history(), START, NOW, options=RunOptions(), max_deliveries=2)
    assert len(report.deliveries) == 2 and report.deliveries_truncated
    assert sum(report.messages.values()) == 4  # the counters stay whole


def test_cancel_returns_the_partial_backtest() -> None:
    calls = iter([False, True])
    report = run_backtest(cart_journey(), history() * 30, START, NOW, options=RunOptions(),
                          cancel=lambda: next(calls, True))
    assert report.cancelled and report.customers == 50
    assert {d.customer for d in report.deliveries} <= {"a", "b", "e"}


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_files() -> None:
    report = run_backtest(cart_journey(), history(), START, NOW, options=RunOptions())
    nodes = rows(nodes_csv(report))
    assert nodes[0][:8] == ["node", "label", "type", "kind", "channel", "entered", "steps", "sent"]
    by_id = {r[0]: dict(zip(nodes[0], r, strict=True)) for r in nodes[1:]}
    assert set(by_id) == set(report.nodes)
    assert by_id["mail-1"]["sent"] == "3" and by_id["mail-1"]["skipped"] == "1"
    assert by_id["mail-1"]["skipped_reasons"] == "no_consent 1"
    assert by_id["wait-1d"]["sent"] == "" and by_id["wait-1d"]["waiting_at_end"] == "1"

    days = rows(days_csv(report))
    assert days[0] == ["day", "email", "sms", "push", "total"]
    assert len(days) - 1 == len(report.days)
    assert sum(int(r[-1]) for r in days[1:]) == 4
    assert ["2026-01-10", "1", "0", "0", "1"] in days

    who = rows(deliveries_csv(report))
    assert who[0] == ["customer", "email", "name", "at", "journey", "node", "message", "channel"]
    assert who[1] == ["a", "a@example.org", "A Test", "2026-01-10T14:00:00Z", "Cart", "mail-1", "Reminder", "email"]
    assert len(who) - 1 == 4
    assert list(deliveries_by_customer(report)) == ["a", "b", "e"]


def test_json_carries_the_deliveries() -> None:
    out = run_backtest(cart_journey(), history(), START, NOW, options=RunOptions()).to_json()
    assert out["mode"] == "backtest" and len(out["deliveries"]) == 4
    assert out["deliveries"][0] == {"customer": "a", "at": "2026-01-10T14:00:00Z", "node": "mail-1", "channel": "email"}
