"""Population and backtest runs over worker processes give what one process gives.

The pool splits customers into chunks that other processes make (or load) and run; these tests
hold the merged report equal, figure for figure and delivery for delivery, to the same
customers run one after the other in this process, for journeys with event, inactivity,
segment and date triggers, forward and backtest, from the demo shop and from a shop database.
They also hold the shortcuts the pool relies on (customers who cannot enter are not run, and
only the events a journey needs are made) to the same answers.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import engine.population as population
from engine import demo
from engine.backtest import run_detailed
from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict, load_journey
from engine.history_needs import population_event_types
from engine.population_pool import DemoCustomers, Task, merge_reports, run_chunk, run_pooled, run_pooled_many
from engine.shop_options import run_options

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "resources" / "journeys"
NOW = datetime(2026, 1, 5, tzinfo=UTC)
UNTIL = NOW + timedelta(days=120)
SEGMENTS = {name: spec["rule"] for name, spec in demo.builtin_segments().items()}
OPTIONS = run_options(demo.shop_settings(), seed=3)


def gallery(prefix: str):
    return load_journey(sorted(GALLERY.glob(f"{prefix}-*.json"))[0])


def figures(report) -> dict:
    out = report.to_json()
    out.pop("elapsed_seconds")
    return out


def one_process(journey, n: int, *, start=NOW, until=UNTIL, future_days=120, deliveries=False, mode="forward"):
    profiles = demo.generate_profiles(n, 3, NOW, future_days=future_days)
    return run_detailed(CompiledJourney(journey, shop_segments=SEGMENTS), profiles, start, until,
                        options=OPTIONS, total=n, deliveries=deliveries, mode=mode)


def triggered_by(trigger: dict):
    """A small journey: the trigger, a rule on orders, a mail on each side."""
    def node(node_id, node_type, config):
        return {"id": node_id, "type": node_type, "position": [0, 0], "config": config}

    return journey_from_dict({
        "format": "journey-builder/1", "name": f"{trigger['kind']} trigger",
        "settings": {"exit_on": [{"event": "order_placed"}]},
        "segments": {"recent": {"field": "orders.days_since_last", "op": "<", "value": 30}},
        "nodes": [node("start", "trigger", trigger),
                  node("buyer", "condition", {"kind": "rule", "rule": {"field": "orders.count", "op": ">=", "value": 1}}),
                  node("thanks", "message", {"kind": "email", "subject": "Thanks", "body": "Hi"}),
                  node("hello", "message", {"kind": "email", "subject": "Hello", "body": "Hi"})],
        "edges": [{"source": "start", "target": "buyer", "port": "out"},
                  {"source": "buyer", "target": "thanks", "port": "yes"},
                  {"source": "buyer", "target": "hello", "port": "no"}]})


JOURNEYS = {
    "event": lambda: gallery("04"),
    "inactivity": lambda: gallery("06"),
    "segment": lambda: triggered_by({"kind": "segment", "segment": "recent"}),
    "date": lambda: triggered_by({"kind": "date", "field": "customer.birthdate", "offset": "-P7D"}),
}


@pytest.mark.parametrize("kind", sorted(JOURNEYS))
def test_chunks_in_worker_processes_add_up_to_one_process(kind):
    journey = JOURNEYS[kind]()
    assert CompiledJourney(journey, shop_segments=SEGMENTS).trigger.kind == kind
    seen: list[tuple[int, int]] = []
    pooled = run_pooled(journey, DemoCustomers(3, NOW, 120), 240, NOW, UNTIL, options=OPTIONS,
                        shop_segments=SEGMENTS, workers=2, chunk=70, progress=lambda d, t: seen.append((d, t)))
    assert figures(pooled) == figures(one_process(journey, 240))
    assert pooled.steps > 0
    assert seen[-1] == (240, 240)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_backtest_in_the_pool_keeps_who_got_what_in_customer_order():
    journey = gallery("04")
    start = NOW - timedelta(days=90)
    pooled = run_pooled(journey, DemoCustomers(3, NOW, 0), 200, start, NOW, options=OPTIONS,
                        shop_segments=SEGMENTS, workers=2, chunk=45, mode="backtest", deliveries=True)
    alone = one_process(journey, 200, start=start, until=NOW, future_days=0, deliveries=True, mode="backtest")
    assert pooled.deliveries, "the demo shop's last 90 days have abandoned carts"
    assert figures(pooled) == figures(alone)


def test_deliveries_past_the_limit_are_cut_in_order_and_flagged():
    journey = gallery("04")
    start = NOW - timedelta(days=90)
    whole = run_pooled(journey, DemoCustomers(3, NOW, 0), 200, start, NOW, options=OPTIONS, shop_segments=SEGMENTS,
                       workers=1, chunk=45, deliveries=True)
    cut = run_pooled(journey, DemoCustomers(3, NOW, 0), 200, start, NOW, options=OPTIONS, shop_segments=SEGMENTS,
                     workers=1, chunk=45, deliveries=True, max_deliveries=7)
    assert len(whole.deliveries) > 7 and not whole.deliveries_truncated
    assert cut.deliveries == whole.deliveries[:7] and cut.deliveries_truncated
    assert cut.steps == whole.steps


def test_cancel_keeps_the_first_whole_chunks_and_says_so():
    journey = gallery("04")
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return True

    report = run_pooled(journey, DemoCustomers(3, NOW, 120), 400, NOW, UNTIL, options=OPTIONS,
                        shop_segments=SEGMENTS, workers=2, chunk=50, cancel=cancel)
    assert asked
    assert report.cancelled
    assert report.customers < 400 and report.customers % 50 == 0
    if report.customers:
        assert figures(report)["steps"] == one_process(journey, report.customers).steps


def test_merging_one_report_changes_nothing():
    journey = gallery("06")
    [task_report] = run_chunk(Task((journey,), SEGMENTS, OPTIONS, DemoCustomers(3, NOW, 120), 0, 60, NOW, UNTIL,
                                   "forward", True, 100, "k"))
    compiled = CompiledJourney(journey, shop_segments=SEGMENTS)
    assert figures(merge_reports([task_report], journey=compiled)) == figures(task_report)


def test_several_journeys_over_customers_made_once_give_each_journeys_own_report():
    cart, win_back, birthday = gallery("04"), gallery("06"), JOURNEYS["date"]()
    together = run_pooled_many([cart, win_back, birthday], DemoCustomers(3, NOW, 120), 180, NOW, UNTIL,
                               options=OPTIONS, shop_segments=SEGMENTS, workers=2, chunk=50)
    assert [figures(r) for r in together] == [figures(one_process(j, 180)) for j in (cart, win_back, birthday)]


@pytest.mark.parametrize("prefix", ["04", "06"])
def test_customers_who_cannot_enter_are_not_run_and_the_report_is_the_same(prefix, monkeypatch):
    journey = gallery(prefix)
    compiled = CompiledJourney(journey, shop_segments=SEGMENTS)
    test = population.entry_possible(compiled)
    assert test is not None
    profiles = list(demo.generate_profiles(150, 3, NOW, future_days=120))
    assert any(not test(p, NOW, UNTIL) for p in profiles), "some demo customers cannot enter"
    fast = population.run_population(compiled, profiles, NOW, UNTIL, options=OPTIONS)
    monkeypatch.setattr(population, "entry_possible", lambda journey: None)
    slow = population.run_population(compiled, profiles, NOW, UNTIL, options=OPTIONS)
    assert figures(fast) == figures(slow)


@pytest.mark.parametrize("prefix", ["04", "06", "01"])
def test_making_only_the_events_a_journey_needs_gives_the_same_report(prefix):
    journey = gallery(prefix)
    compiled = CompiledJourney(journey, shop_segments=SEGMENTS)
    types = population_event_types(compiled)
    every = run_detailed(compiled, demo.generate_profiles(150, 3, NOW, future_days=120), NOW, UNTIL,
                         options=OPTIONS, deliveries=True)
    needed = run_detailed(compiled, demo.generate_profiles(150, 3, NOW, future_days=120, event_types=types),
                          NOW, UNTIL, options=OPTIONS, deliveries=True)
    assert figures(every) == figures(needed)


def test_the_needed_events_are_fewer_for_an_event_triggered_journey_and_all_for_a_segment_one():
    cart = population_event_types(CompiledJourney(gallery("04"), shop_segments=SEGMENTS))
    assert cart is not None and "cart_abandoned" in cart and "page_view" not in cart
    segment = JOURNEYS["segment"]()
    assert population_event_types(CompiledJourney(segment, shop_segments=SEGMENTS)) is None


def test_a_range_of_demo_customers_differs_from_the_whole_run_in_reused_emails_alone():
    """Two customers of a run may draw the same address; the later one gets a number added. A
    range made on its own does not know the earlier customers, so only that number may differ."""
    whole = list(demo.generate_profiles(2400, 5, NOW, future_days=30))
    part = list(demo.generate_profiles(2400, 5, NOW, future_days=30, first=1200))
    emails = [p.customer["email"] for p in whole]
    assert len(set(emails[:1200]) & set(emails[1200:])) == 0
    reused = sum(a.customer["email"] != b.customer["email"] for a, b in zip(part, whole[1200:], strict=True))
    assert reused > 0, "2,400 demo customers reuse some addresses: the case this test is about"

    def without_email(profile):
        return ({k: v for k, v in profile.customer.items() if k != "email"}, profile.orders, profile.events)

    assert [without_email(p) for p in part] == [without_email(p) for p in whole[1200:]]


def test_a_range_of_demo_customers_is_the_same_customers_as_the_whole_run():
    whole = list(demo.generate_profiles(30, 5, NOW, future_days=10))
    part = list(demo.generate_profiles(30, 5, NOW, future_days=10, first=20))
    assert [p.customer for p in part] == [p.customer for p in whole[20:]]
    assert [p.events for p in part] == [p.events for p in whole[20:]]


def test_shop_customers_in_worker_processes_match_one_process(tmp_path):
    from storage.database import open_database
    from storage.demo_seed import seed_demo_shop
    from storage.population_source import shop_customers
    from storage.run_options import shop_run_options

    with open_database(tmp_path / "shop.db") as db:
        seed_demo_shop(db, 120, seed=3, now=NOW)
        with db.read() as session:
            options = shop_run_options(session, seed=3)
        source = shop_customers(db, 100)
    assert len(source.ids) == 100
    journey = gallery("04")
    start = NOW - timedelta(days=90)
    pooled = run_pooled(journey, source, 100, start, NOW, options=options, workers=2, chunk=30,
                        mode="backtest", deliveries=True)
    here = run_pooled(journey, source, 100, start, NOW, options=options, workers=1, chunk=100,
                      mode="backtest", deliveries=True)
    assert pooled.deliveries
    assert figures(pooled) == figures(here)


def test_simulate_population_on_two_processes_prints_what_one_prints(capsys):
    from app.cli import main

    path = str(sorted(GALLERY.glob("04-*.json"))[0])
    outs = []
    for workers in ("1", "2"):
        code = main(["simulate", path, "--population", "150", "--days", "60", "--start", "2026-01-05T00:00:00Z",
                     "--seed", "2", "--format", "json", "--workers", workers])
        assert code == 0
        out = json.loads(capsys.readouterr().out)
        out.pop("elapsed_seconds")
        outs.append(out)
    assert outs[0] == outs[1]
    assert outs[0]["customers"] == 150 and outs[0]["steps"] > 0
    assert "deliveries" not in outs[0]


def test_simulate_refuses_no_workers(capsys):
    from app.cli import main

    path = str(sorted(GALLERY.glob("04-*.json"))[0])
    code = main(["simulate", path, "--population", "10", "--workers", "0"])
    assert code != 0
    assert "--workers" in capsys.readouterr().err


def test_the_workers_run_below_the_window_s_priority():
    import os

    from engine.population_pool import WORKER_NICENESS, _pool

    if not hasattr(os, "nice"):
        pytest.skip("process priorities are set this way on Unix only")
    mine = os.nice(0)
    theirs = _pool(2).submit(os.nice, 0).result()
    assert theirs == min(mine + WORKER_NICENESS, 19)
