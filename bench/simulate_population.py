"""Population benchmark: 100,000 demo customers through two gallery journeys over a year.

    .venv/bin/python bench/simulate_population.py [--customers 100000] [--days 365] [--seed 1]
                                                 [--profile cprofile|pyinstrument] [--json OUT]

Generates the demo shop's customers (timed on its own), runs them through the advanced
abandoned-cart template (scenario 4) and the win-back template (scenario 6), and prints
customer-steps per second, wall time, peak memory (ru_maxrss) and the ratio against a bare
`heapq` push/pop loop over the same number of steps, measured in the same process.

The journeys come from resources/journeys/04-*.json and 06-*.json; while those files do not
exist, equivalent journeys built here from spec/scenarios.md items 4 and 6 are used. Customers
come from `engine.demo.generate_profiles`.
"""

from __future__ import annotations

import argparse
import gc
import heapq
import itertools
import json
import platform
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import cpu_model  # noqa: E402 - bench/ is on the path when run

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


def heapq_floor(n_steps: int, start: datetime) -> float:
    """A bare heap loop doing one push and one pop per step of (moment, priority, seq, item)
    entries, the shape the engine keeps; the best any heap-driven Python engine could do."""
    moments = [start + timedelta(minutes=i) for i in range(1024)]
    heap: list = []
    push, pop = heapq.heappush, heapq.heappop
    began = time.perf_counter()
    for i in range(n_steps):
        push(heap, (moments[i & 1023], 2, i, None))
        pop(heap)
    return time.perf_counter() - began


def heapq_floor_population(n_steps: int, n_pending: int, start: datetime) -> float:
    """The same loop on a heap holding one pending entry per customer, as an engine keeping
    the whole population on one clock (a sending session) would: each step pops the earliest
    and pushes the customer's next moment."""
    moments = [start + timedelta(seconds=i * 37) for i in range(n_pending)]
    heap = [(m, 2, i, None) for i, m in enumerate(moments)]
    heapq.heapify(heap)
    push, pop = heapq.heappush, heapq.heappop
    later = timedelta(hours=1)
    began = time.perf_counter()
    for i in range(n_steps):
        moment, prio, _, item = pop(heap)
        push(heap, (moment + later, prio, n_pending + i, item))
    return time.perf_counter() - began


def machine() -> dict:
    cpu = cpu_model()
    import os

    return {"uname": " ".join(platform.uname()), "cpu": cpu, "cpus": os.cpu_count(),
            "python": sys.version.split()[0], "date": datetime.now(UTC).strftime("%Y-%m-%d")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default=DEFAULT_START)
    ap.add_argument("--chunk", type=int, default=10_000,
                    help="customers generated and run at a time (0: all at once, held in memory)")
    ap.add_argument("--profile", choices=("cprofile", "pyinstrument"), help="profile the journey runs")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    args = ap.parse_args(argv)

    start = datetime.fromisoformat(args.start.replace("Z", "+00:00")).astimezone(UTC)
    until = start + timedelta(days=args.days)
    info = machine()
    print(f"machine: {info['uname']}")
    print(f"cpu: {info['cpu']} ({info['cpus']} cpus), python {info['python']}, {info['date']}")

    source, generate, shop = profile_source(args.days)
    journeys = load_bench_journeys()
    options = run_options(shop, seed=args.seed)
    profiler = None
    if args.profile == "cprofile":
        import cProfile

        profiler = cProfile.Profile()
    elif args.profile == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler()

    # The customers are generated in chunks and each chunk goes through both journeys before
    # the next is made: 100,000 demo customers with a year of activity take several GB when
    # all are held at once, while the engine itself only ever holds one customer.
    chunk = args.chunk if args.chunk > 0 else args.customers
    stream = generate(args.customers, args.seed, start)
    gen_seconds = 0.0
    n_customers = n_orders = n_events = 0
    sums = {label: {"journey": "", "source": label, "customers": 0, "entered": 0, "steps": 0,
                    "messages": 0, "conversions": 0, "seconds": 0.0, "cpu_seconds": 0.0}
            for label, _ in journeys}
    while n_customers < args.customers:
        began = time.perf_counter()
        profiles = list(itertools.islice(stream, min(chunk, args.customers - n_customers)))
        gen_seconds += time.perf_counter() - began
        if not profiles:
            break
        n_customers += len(profiles)
        n_orders += sum(len(p.orders) for p in profiles)
        n_events += sum(len(p.events) for p in profiles)
        gc.freeze()  # the chunk lives through both runs: keep the collector from walking it
        for label, journey in journeys:
            if profiler is not None:
                profiler.start() if args.profile == "pyinstrument" else profiler.enable()
            cpu = time.process_time()
            began = time.perf_counter()
            report = run_population(journey, profiles, start, until, options=options, total=len(profiles))
            seconds = time.perf_counter() - began
            cpu = time.process_time() - cpu
            if profiler is not None:
                profiler.stop() if args.profile == "pyinstrument" else profiler.disable()
            acc = sums[label]
            acc["journey"] = report.journey
            acc["customers"] += report.customers
            acc["entered"] += report.customers_entered
            acc["steps"] += report.steps
            acc["messages"] += sum(report.messages.values())
            acc["conversions"] += report.conversions
            acc["seconds"] += seconds
            acc["cpu_seconds"] += cpu
        del profiles
        gc.unfreeze()
        print(f"  {n_customers:,} customers done; peak RSS so far {peak_rss_mb():,.0f} MB", flush=True)

    print(f"generated {n_customers:,} customers ({n_orders:,} orders, {n_events:,} events) "
          f"with {source} in {gen_seconds:.1f} s ({n_customers / gen_seconds:,.0f} per second)")
    results = []
    total_steps = 0
    total_seconds = total_cpu = 0.0
    for acc in sums.values():
        total_steps += acc["steps"]
        total_seconds += acc["seconds"]
        total_cpu += acc["cpu_seconds"]
        acc["steps_per_second"] = round(acc["steps"] / acc["seconds"]) if acc["seconds"] else 0
        acc["seconds"], acc["cpu_seconds"] = round(acc["seconds"], 2), round(acc["cpu_seconds"], 2)
        results.append(acc)
        print(f"{acc['journey']} ({acc['source']}): {acc['customers']:,} customers, {acc['entered']:,} entered, "
              f"{acc['steps']:,} steps, {acc['messages']:,} messages, {acc['conversions']:,} conversions "
              f"in {acc['seconds']:.1f} s = {acc['steps_per_second']:,} steps/s")

    floor_seconds = heapq_floor(total_steps, start)
    ratio = total_seconds / floor_seconds if floor_seconds else float("inf")
    peak = peak_rss_mb()
    rate = total_steps / total_seconds if total_seconds else 0.0
    print(f"customer-steps: {total_steps:,} in {total_seconds:.1f} s wall ({total_cpu:.1f} s CPU) "
          f"= {rate:,.0f} steps/s (target ≥ 100,000)")
    print(f"customers through a journey: {n_customers * len(journeys) / total_seconds:,.0f} per second")
    print(f"generation: {gen_seconds:.1f} s for {n_customers:,} customers (not included above)")
    print(f"peak memory (ru_maxrss): {peak:,.0f} MB (target ≤ 1,536 MB; chunks of {chunk:,} customers)")
    print(f"heapq floor: {total_steps:,} push/pop pairs in {floor_seconds:.2f} s")
    print(f"ratio vs heapq floor: {ratio:.1f}× (target ≤ 3×)")
    pop_floor = heapq_floor_population(total_steps, n_customers, start)
    print(f"heapq floor with {n_customers:,} customers pending in one heap: {pop_floor:.2f} s; "
          f"ratio {total_seconds / pop_floor:.1f}×")
    if args.profile == "cprofile":
        import pstats

        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
    elif args.profile == "pyinstrument":
        print(profiler.output_text(unicode=True, color=False))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": info, "customers": n_customers, "days": args.days, "chunk": chunk, "generator": source,
            "orders": n_orders, "events": n_events,
            "generation_seconds": round(gen_seconds, 2), "journeys": results, "steps": total_steps,
            "seconds": round(total_seconds, 2), "cpu_seconds": round(total_cpu, 2),
            "steps_per_second": round(rate), "peak_rss_mb": round(peak),
            "heapq_floor_seconds": round(floor_seconds, 3), "ratio_vs_heapq_floor": round(ratio, 1)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
