"""Population runs: per-node counts worked out by hand, cancel, progress, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict
from engine.population import run_population
from engine.profile import parse_profile
from engine.runner import RunOptions, simulate_customer

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 3, 1, tzinfo=UTC)
UNTIL = datetime(2026, 3, 31, tzinfo=UTC)


def journey_data(settings=None):
    """signup → has ordered before? yes: VIP mail; no: wait a day → welcome mail. Ends on order."""
    return {
        "format": "journey-builder/1", "name": "Population test",
        "settings": {"exit_on": [{"event": "order_placed"}], **(settings or {})},
        "nodes": [
            {"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
            {"id": "check", "type": "condition", "position": [0, 0], "config": {
                "kind": "rule", "rule": {"field": "orders.count", "op": ">=", "value": 1}}},
            {"id": "mail-vip", "type": "message", "position": [0, 0], "config": {
                "kind": "email", "subject": "Welcome back", "body": "Hi",
                "discount": {"percent": 10, "valid_for": "P14D", "prefix": "VIP"}}},
            {"id": "wait-1d", "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": "P1D"}},
            {"id": "mail-welcome", "type": "message", "position": [0, 0], "config": {
                "kind": "email", "subject": "Welcome", "body": "Hi {{ customer.first_name }}"}},
        ],
        "edges": [
            {"source": "start", "target": "check", "port": "out"},
            {"source": "check", "target": "mail-vip", "port": "yes"},
            {"source": "check", "target": "wait-1d", "port": "no"},
            {"source": "wait-1d", "target": "mail-welcome", "port": "out"},
        ],
    }


def compiled(settings=None) -> CompiledJourney:
    return CompiledJourney(journey_from_dict(journey_data(settings)))


def person(cid, *, signup=None, orders=(), email=True, consent=True, tz="UTC"):
    customer = {"id": cid, "first_name": cid, "timezone": tz, "consent": {"email": consent}}
    if email:
        customer["email"] = f"{cid}@example.org"
    events = [{"type": "signup", "at": signup}] if signup else []
    return parse_profile({"customer": customer, "events": events,
                          "orders": [{"id": f"{cid}-{i}", "placed_at": at, "total": 50} for i, at in enumerate(orders)]})


def hand_made():
    return [
        person("c1", signup="2026-03-02T10:00:00Z"),  # waits a day, welcome sent, completed
        person("c2", signup="2026-03-02T10:00:00Z", orders=["2026-01-01T12:00:00Z"]),  # VIP sent
        person("c3", signup="2026-03-02T10:00:00Z", consent=False),  # welcome skipped: no consent
        person("c4", signup="2026-03-02T10:00:00Z", orders=["2026-03-02T20:00:00Z"]),  # orders while waiting
        person("c5"),  # never signs up
        person("c6", signup="2026-03-30T12:00:00Z"),  # still waiting when the run stops
        person("c7", signup="2026-03-02T10:00:00Z", email=False),  # welcome skipped: no address
    ]


def test_per_node_counts_match_a_hand_count():
    report = run_population(compiled(), hand_made(), START, UNTIL, options=RunOptions(), total=7)
    assert not report.cancelled
    assert report.customers == 7
    assert report.customers_entered == 6
    assert report.enrollments == 6
    nodes = report.nodes
    assert nodes["start"].entered == 6
    assert nodes["check"].entered == 6
    assert nodes["check"].ports == {"yes": 1, "no": 5}
    assert nodes["mail-vip"].entered == 1 and nodes["mail-vip"].sent == 1
    assert nodes["wait-1d"].entered == 5
    assert nodes["wait-1d"].waiting_at_end == 1
    welcome = nodes["mail-welcome"]
    assert welcome.entered == 3
    assert welcome.sent == 1
    assert welcome.skipped == {"no_consent": 1, "no_address": 1}
    assert welcome.deferred == 0
    assert sum(n.waiting_at_end for n in nodes.values()) == 1
    assert report.exits == {"goal": 1, "filter": 0, "completed": 4, "until": 1}
    assert report.conversions == 1 and report.customers_converted == 1
    assert report.messages == {"email": 2, "sms": 0, "push": 0}
    # c1..c7 recorded 5 + 4 + 5 + 4 + 0 + 4 + 5 steps
    assert report.steps == 27
    per_day = report.messages_per_day["email"]
    assert len(per_day) == len(report.days) == 31
    assert per_day[1] == 1 and per_day[2] == 1 and sum(per_day) == 2  # 2 March (VIP), 3 March (welcome)


def test_same_steps_as_one_customer_at_a_time():
    profiles = hand_made()
    journey = compiled({"quiet_hours": {"start": "21:00", "end": "08:00"}})
    expected = sum(len(simulate_customer(journey, p, START, UNTIL, RunOptions())) for p in profiles)
    report = run_population(journey, profiles, START, UNTIL, options=RunOptions())
    assert report.steps == expected


def test_quiet_hours_count_a_deferral_then_the_send():
    journey = compiled({"quiet_hours": {"start": "21:00", "end": "08:00"}})
    late = person("late", signup="2026-03-02T22:00:00Z")  # welcome due 3 March 22:00: deferred to 08:00
    report = run_population(journey, [late], START, UNTIL, options=RunOptions())
    welcome = report.nodes["mail-welcome"]
    assert (welcome.entered, welcome.deferred, welcome.sent) == (1, 1, 1)
    assert report.messages_per_day["email"][3] == 1  # sent on 4 March


def test_report_json_has_the_expected_shape():
    report = run_population(compiled(), hand_made(), START, UNTIL, options=RunOptions(seed=4), total=7)
    data = json.loads(json.dumps(report.to_json()))
    for key in ("journey", "start", "until", "seed", "customers", "customers_entered", "steps",
                "conversions", "exits", "messages", "messages_per_day", "nodes", "cancelled"):
        assert key in data
    assert data["start"] == "2026-03-01T00:00:00Z"
    assert data["seed"] == 4
    ids = [n["id"] for n in data["nodes"]]
    assert set(ids) == {"start", "check", "mail-vip", "wait-1d", "mail-welcome"}
    welcome = next(n for n in data["nodes"] if n["id"] == "mail-welcome")
    assert welcome["skipped"] == {"no_consent": 1, "no_address": 1}
    assert set(data["messages_per_day"]) >= {"days", "email", "sms", "push"}


def many(n):
    base = hand_made()
    for i in range(n):
        p = base[i % len(base)]
        yield parse_profile({"customer": {**p.customer, "id": f"{p.id}-{i}",
                                          "signup_at": None},
                             "events": [{"type": e.type, "at": e.at.isoformat()} for e in p.events],
                             "orders": [{"id": o.id, "placed_at": o.placed_at.isoformat(), "total": o.total}
                                        for o in p.orders]})


def test_cancel_stops_early_with_a_partial_report():
    produced = 0

    def source():
        nonlocal produced
        for p in many(1000):
            produced += 1
            yield p

    report = run_population(compiled(), source(), START, UNTIL, options=RunOptions(), total=1000,
                            cancel=lambda: produced >= 150)
    assert report.cancelled
    assert 150 <= report.customers <= 250  # looked at again within 100 customers
    assert report.customers < 1000
    assert report.to_json()["cancelled"] is True


def test_progress_is_reported_as_the_run_goes():
    calls = []
    report = run_population(compiled(), many(500), START, UNTIL, options=RunOptions(), total=500,
                            progress=lambda done, total: calls.append((done, total)))
    assert report.customers == 500
    assert len(calls) >= 50  # about every 1 %
    assert all(total == 500 for _, total in calls)
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert calls[-1] == (500, 500)


# -- the command line ----------------------------------------------------------------------
def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def journey_file(tmp_path: Path) -> Path:
    path = tmp_path / "journey.json"
    path.write_text(json.dumps(journey_data()), encoding="utf-8")
    return path


def test_cli_population_json(journey_file: Path):
    result = _cli("simulate", str(journey_file), "--population", "40", "--seed", "3", "--days", "30",
                  "--start", "2026-03-01T00:00:00Z", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress when standard error is not a terminal
    data = json.loads(result.stdout)
    assert data["journey"] == "Population test"
    assert data["customers"] == 40
    assert data["start"] == "2026-03-01T00:00:00Z" and data["until"] == "2026-03-31T00:00:00Z"
    for key in ("customers_entered", "steps", "conversions", "exits", "messages", "messages_per_day",
                "nodes", "cancelled", "source"):
        assert key in data
    assert len(data["messages_per_day"]["days"]) == 31
    assert {n["id"] for n in data["nodes"]} == {"start", "check", "mail-vip", "wait-1d", "mail-welcome"}
    again = _cli("simulate", str(journey_file), "--population", "40", "--seed", "3", "--days", "30",
                 "--start", "2026-03-01T00:00:00Z", "--format", "json")
    rerun = json.loads(again.stdout)
    data.pop("elapsed_seconds"), rerun.pop("elapsed_seconds")
    assert rerun == data  # the same seed gives the same shop and the same figures


def test_cli_population_text(journey_file: Path):
    result = _cli("simulate", str(journey_file), "--population", "10", "--days", "10",
                  "--start", "2026-03-01T00:00:00Z")
    assert result.returncode == 0, result.stderr
    assert "Population test" in result.stdout
    assert "mail-welcome" in result.stdout


@pytest.mark.parametrize("args", [("--population", "0"), ("--population", "5", "--days", "-1"),
                                  ("--population", "5", "--start", "yesterday")])
def test_cli_population_bad_input(journey_file: Path, args):
    result = _cli("simulate", str(journey_file), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_population_from_the_shop_database(tmp_path: Path):
    from storage import open_database
    from storage.demo_seed import seed_demo_shop

    db_path = tmp_path / "shop.sqlite"
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with open_database(db_path) as db:  # a database for population runs: the customers' next month too
        seed_demo_shop(db, n=60, seed=5, now=start, future_days=30)
    gallery = Path(__file__).resolve().parents[1] / "resources" / "journeys" / "04-abandoned-cart-advanced.json"
    result = _cli("simulate", str(gallery), "--population", "60", "--days", "30", "--db", str(db_path),
                  "--start", "2026-03-01T00:00:00Z", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["customers"] == 60
    assert str(db_path) in data["source"]
    assert data["customers_entered"] > 0
