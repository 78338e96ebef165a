"""Population benchmark: 100,000 demo customers through two gallery journeys over a year.

    .venv/bin/python bench/simulate_population.py [--customers 100000] [--days 365] [--runs 3]
    .venv/bin/python bench/simulate_population.py --engine-only [--runs 3]

By default it measures what a user waits for: the demo customers are made and run in worker
processes (`engine.population_pool.run_pooled`, one per core, a fresh pool whose start-up is
counted), through the advanced abandoned-cart template (scenario 4) and the win-back template
(scenario 6), generation included; it prints wall time, this process's and the workers' CPU
time (goal: ≤ 20 s on 2 cores). `--engine-only` makes the customers first, untimed, and runs
them in this process, printing customer-steps per CPU-second (goal ≥ 150,000) and the ratio to
a realistic per-step floor (one call, one small record, one dict lookup). Every run waits for an
idle machine first (`--wait-idle`) and prints the load average beside its figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import add_idle_option, before_run, describe, header, measured  # noqa: E402 - bench/ on the path

from engine.compiled import CompiledJourney  # noqa: E402
from engine.fileformat import journey_from_dict, load_journey  # noqa: E402
from engine.population import run_population  # noqa: E402
from engine.shop_options import run_options  # noqa: E402

DEFAULT_START = "2026-01-05T00:00:00Z"


# -- journeys ------------------------------------------------------------------------------
def _node(node_id, node_type, config, label=None):
    return {"id": node_id, "type": node_type, "label": label or node_id, "position": [0, 0], "config": config}


def _email(node_id, subject, discount=None):
    cfg = {"kind": "email", "subject": subject, "body": "Hello {{ customer.first_name }}"}
    if discount:
        cfg["discount"] = {"percent": discount, "valid_for": "P14D", "prefix": "BENCH"}
    return _node(node_id, "message", cfg)


def inline_abandoned_cart() -> dict:
    """Scenario 4, as the gallery template describes it."""
    regular = {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}
    return {
        "format": "journey-builder/1", "name": "Abandoned cart (advanced) [bench]",
        "settings": {"reentry": "after_exit", "reentry_cooldown": "P7D", "exit_on": [{"event": "order_placed"}],
                     "quiet_hours": {"start": "21:00", "end": "08:00"}, "frequency_cap": {"max": 3, "per": "P7D"}},
        "segments": {"regulars": regular},
        "nodes": [
            _node("start", "trigger", {"kind": "event", "event": "cart_abandoned"}),
            _node("recent-order", "condition", {"kind": "rule", "rule": {
                "field": "orders.days_since_last", "op": "<", "value": 15}}),
            _node("regular", "condition", {"kind": "rule", "rule": {"segment": "regulars"}}),
            _node("wait-24h", "delay", {"kind": "duration", "duration": "PT24H"}),
            _node("wait-4h", "delay", {"kind": "duration", "duration": "PT4H"}),
            _email("mail-1", "{{ customer.first_name }}, your cart is waiting"),
            _node("still-newcomer", "condition", {"kind": "rule", "rule": {"all": [
                {"not": {"segment": "regulars"}},
                {"field": "orders.count", "since": "entry", "op": "=", "value": 0}]}}),
            _node("wait-1d", "delay", {"kind": "duration", "duration": "P1D"}),
            _email("mail-2", "5 % off your next order", discount=5),
        ],
        "edges": [
            {"source": "start", "target": "recent-order", "port": "out"},
            {"source": "recent-order", "target": "regular", "port": "no"},
            {"source": "regular", "target": "wait-24h", "port": "yes"},
            {"source": "regular", "target": "wait-4h", "port": "no"},
            {"source": "wait-24h", "target": "mail-1", "port": "out"},
            {"source": "wait-4h", "target": "mail-1", "port": "out"},
            {"source": "mail-1", "target": "still-newcomer", "port": "out"},
            {"source": "still-newcomer", "target": "wait-1d", "port": "yes"},
            {"source": "wait-1d", "target": "mail-2", "port": "out"},
        ],
    }


def inline_win_back() -> dict:
    """Scenario 6, as the gallery template describes it."""
    return {
        "format": "journey-builder/1", "name": "Win-back (advanced) [bench]",
        "settings": {"reentry": "after_exit", "exit_on": [{"event": "order_placed"}],
                     "quiet_hours": {"start": "21:00", "end": "08:00"}},
        "nodes": [
            _node("start", "trigger", {"kind": "inactivity", "after": "P3M"}),
            _node("big-spender", "condition", {"kind": "rule", "rule": {
                "field": "orders.last_value", "op": ">", "value": 150}}),
            _email("offer-5", "We miss you: 5 % off", discount=5),
            _email("whats-new", "See what is new"),
            _node("wait-6m", "delay", {"kind": "until", "field": "orders.last_at", "offset": "P6M"}),
            _node("many-orders", "condition", {"kind": "rule", "rule": {
                "field": "orders.count", "op": ">", "value": 3}}),
            _email("offer-10", "10 % off for a loyal customer", discount=10),
            _email("offer-5b", "5 % off, just for you", discount=5),
            _node("wait-12m", "delay", {"kind": "until", "field": "orders.last_at", "offset": "P12M"}),
            _node("loyal", "condition", {"kind": "rule", "rule": {"field": "orders.count", "op": ">", "value": 3}}),
            _email("last-15", "Last chance: 15 % off", discount=15),
            _email("last-10", "Last chance: 10 % off", discount=10),
        ],
        "edges": [
            {"source": "start", "target": "big-spender", "port": "out"},
            {"source": "big-spender", "target": "offer-5", "port": "yes"},
            {"source": "big-spender", "target": "whats-new", "port": "no"},
            {"source": "offer-5", "target": "wait-6m", "port": "out"},
            {"source": "whats-new", "target": "wait-6m", "port": "out"},
            {"source": "wait-6m", "target": "many-orders", "port": "out"},
            {"source": "many-orders", "target": "offer-10", "port": "yes"},
            {"source": "many-orders", "target": "offer-5b", "port": "no"},
            {"source": "offer-10", "target": "wait-12m", "port": "out"},
            {"source": "offer-5b", "target": "wait-12m", "port": "out"},
            {"source": "wait-12m", "target": "loyal", "port": "out"},
            {"source": "loyal", "target": "last-15", "port": "yes"},
            {"source": "loyal", "target": "last-10", "port": "no"},
        ],
    }


def _gallery_file(prefix: str) -> Path | None:
    folder = ROOT / "resources" / "journeys"
    if not folder.is_dir():
        return None
    found = sorted(folder.glob(f"{prefix}-*.json"))
    # Prefer the English variant when the gallery ships one file per language.
    english = [p for p in found if ".en." in p.name or p.stem.endswith("-en")]
    return (english or found or [None])[0]


def load_bench_journeys() -> list[tuple[str, CompiledJourney]]:
    out = []
    for prefix, fallback in (("04", inline_abandoned_cart), ("06", inline_win_back)):
        path = _gallery_file(prefix)
        if path is not None:
            out.append((str(path.relative_to(ROOT)), CompiledJourney(load_journey(path))))
        else:
            out.append((f"inline scenario {int(prefix)}", CompiledJourney(journey_from_dict(fallback()))))
    return out


# -- customers -----------------------------------------------------------------------------
def profile_source(days: int):
    """(label, generate(n, seed, now), shop settings) of the demo shop."""
    from engine import demo

    def generate(n, seed, now):
        # Customers keep shopping for the whole simulated year.
        return demo.generate_profiles(n, seed, now, future_days=days)

    return f"engine.demo.generate_profiles (future_days={days})", generate, demo.shop_settings()


# -- measuring -----------------------------------------------------------------------------
def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass(slots=True)
class _Record:
    node: str
    at: datetime


def step_floor(n_steps: int, start: datetime) -> float:
    """The least a Python engine does per step: one call that makes one small record after
    one dict lookup. CPU seconds for `n_steps` of them, in this process."""
    nodes = {f"n{i}": f"n{i + 1}" for i in range(64)}
    keys = list(nodes)
    records: list[_Record] = []

    def step(key: str) -> None:
        records.append(_Record(nodes[key], start))

    began = time.process_time()
    for i in range(n_steps):
        step(keys[i & 63])
        if len(records) > 4096:
            records.clear()
    return time.process_time() - began


def run_engine_only(journeys, args, start, until, options) -> dict:
    """Customers made first (not timed), then run one after the other in this process: the
    engine's own speed per CPU-second."""
    from engine.history_needs import population_event_types

    source, generate, _shop = profile_source(args.days)
    steps = customers = 0
    cpu = wall = 0.0
    for label, journey in journeys:
        types = population_event_types(journey)
        done = 0
        while done < args.customers:
            n = min(args.chunk, args.customers - done)
            from engine import demo

            profiles = list(demo.generate_profiles(done + n, args.seed, start, future_days=args.days, first=done,
                                                   event_types=types))
            gc.freeze()
            c0, w0 = time.process_time(), time.perf_counter()
            report = run_population(journey, profiles, start, until, options=options, total=n)
            cpu += time.process_time() - c0
            wall += time.perf_counter() - w0
            gc.unfreeze()
            steps += report.steps
            customers += report.customers
            done += n
        print(f"  {label}: done", flush=True)
    return {"steps": steps, "customers": customers, "cpu_seconds": cpu, "seconds": wall, "generator": source}


def run_whole(journeys, args, start, until, options, shop_segments, workers: int) -> dict:
    """What a user waits for: customers made and run in `workers` processes, generation
    included, from a fresh pool (its start-up counted). Both journeys over customers made once
    (`run_pooled_many`), or with `--one-at-a-time` one run per journey, as the app's panel does."""
    from engine.population_pool import DemoCustomers, run_pooled_many, shutdown_pool

    groups = [[j] for j in journeys] if args.one_at_a_time else [journeys]
    per_journey = []
    with measured() as took:
        for group in groups:
            began = time.perf_counter()
            reports = run_pooled_many([j.journey for _, j in group], DemoCustomers(args.seed, start, args.days),
                                      args.customers, start, until, options=options, shop_segments=shop_segments,
                                      workers=workers)
            seconds = time.perf_counter() - began
            for (label, _), report in zip(group, reports, strict=True):
                per_journey.append({"journey": report.journey, "source": label, "customers": report.customers,
                                    "entered": report.customers_entered, "steps": report.steps,
                                    "messages": sum(report.messages.values()), "conversions": report.conversions,
                                    "seconds": round(seconds, 2)})
        shutdown_pool()  # the workers end here, so their CPU time is counted below
    steps = sum(j["steps"] for j in per_journey)
    return {"journeys": per_journey, "steps": steps, "seconds": took.wall, "cpu_seconds": took.cpu,
            "children_cpu_seconds": took.children_cpu, "text": took.text()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default=DEFAULT_START)
    ap.add_argument("--workers", type=int, default=0, help="processes for the whole run (0: one per core)")
    ap.add_argument("--one-at-a-time", action="store_true",
                    help="one pooled run per journey (customers made for each), as the app's panel runs them")
    ap.add_argument("--engine-only", action="store_true",
                    help="make the customers first, untimed, and run them in this process (CPU time)")
    ap.add_argument("--chunk", type=int, default=10_000, help="customers made at a time with --engine-only")
    ap.add_argument("--runs", type=int, default=1, help="measured runs (min and median printed)")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    add_idle_option(ap)
    args = ap.parse_args(argv)

    start = datetime.fromisoformat(args.start.replace("Z", "+00:00")).astimezone(UTC)
    until = start + timedelta(days=args.days)
    header()
    _source, _generate, shop = profile_source(args.days)
    journeys = load_bench_journeys()
    options = run_options(shop, seed=args.seed)
    from engine import demo

    shop_segments = {name: spec["rule"] for name, spec in demo.builtin_segments().items()}
    compiled = [(label, CompiledJourney(j.journey, shop_segments=shop_segments)) for label, j in journeys]
    runs = []
    for i in range(args.runs):
        note = before_run(args.wait_idle)
        if args.engine_only:
            got = run_engine_only(compiled, args, start, until, options)
            floor = step_floor(got["steps"], start)
            rate = got["steps"] / got["cpu_seconds"] if got["cpu_seconds"] else 0.0
            print(f"run {i + 1} ({note}): engine only, {got['customers']:,} customer-runs, {got['steps']:,} steps in "
                  f"{got['cpu_seconds']:.2f} s CPU (wall {got['seconds']:.2f} s) = {rate:,.0f} steps per CPU-second "
                  f"(goal ≥ 150,000); step floor {floor:.2f} s CPU, engine/floor {got['cpu_seconds'] / floor:.1f}×",
                  flush=True)
            runs.append({"steps": got["steps"], "cpu_seconds": got["cpu_seconds"], "seconds": got["seconds"],
                         "steps_per_cpu_second": rate, "floor_cpu_seconds": floor, "load": note})
        else:
            workers = args.workers or len(os.sched_getaffinity(0))
            got = run_whole(compiled, args, start, until, options, shop_segments, workers)
            for j in got["journeys"]:
                print(f"  {j['journey']}: {j['customers']:,} customers, {j['entered']:,} entered, {j['steps']:,} steps, "
                      f"{j['messages']:,} messages, {j['conversions']:,} conversions, {j['seconds']:.2f} s")
            print(f"run {i + 1} ({note}): {args.customers:,} customers × {len(compiled)} journeys over {args.days} days, "
                  f"generation included, {workers} processes: {got['text']} = "
                  f"{got['steps'] / got['seconds']:,.0f} steps/s wall (goal ≤ 20 s)", flush=True)
            runs.append({"steps": got["steps"], "seconds": got["seconds"], "cpu_seconds": got["cpu_seconds"],
                         "children_cpu_seconds": got["children_cpu_seconds"], "workers": workers, "load": note})
    key = "cpu_seconds" if args.engine_only else "seconds"
    values = sorted(r[key] for r in runs)
    print(f"{key.replace('_', ' ')}: min {values[0]:.2f}, median {statistics.median(values):.2f} over {len(values)} runs; "
          f"peak memory (ru_maxrss) {peak_rss_mb():,.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": describe(), "customers": args.customers, "days": args.days,
                                               "engine_only": args.engine_only, "runs": runs}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
