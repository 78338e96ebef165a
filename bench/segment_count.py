"""How long counting each built-in segment takes over a shop of 100,000 customers.

    .venv/bin/python bench/segment_count.py [--customers 100000] [--db PATH] [--repeat 3]

Without --db the demo shop is seeded into a temporary database (`storage.demo_seed`, history
only: future_days=0), which gives the customers their orders and their events (visits, product
views, newsletters): the realistic case for engagement and behaviour segments. With --db an
existing shop database is counted as it is (e.g. the one `bench/import_customers.py --keep DIR`
leaves, with customers and orders only). Before each segment the bench waits for an idle
machine (`--wait-idle`); the segment is then counted `--repeat` times and the first (cold), the
best and the median wall time are printed beside the best and median CPU time and the load
average. The temporary database (without --db) is removed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import add_idle_option, before_run, header  # noqa: E402 - bench/ on the path

from storage.database import Database, open_database  # noqa: E402
from storage.segment_count import count_segment, ensure_builtin_segments, sample_members  # noqa: E402
from storage.segments_repo import segment_rules  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", help="count in this existing database instead of seeding the demo shop")
    parser.add_argument("--repeat", type=int, default=3)
    add_idle_option(parser)
    args = parser.parse_args(argv)
    header()
    if args.db:
        db = open_database(args.db)
        return count_all(db, args)
    from storage.demo_seed import seed_demo_shop

    folder = Path(tempfile.mkdtemp(prefix="jb-seg-"))
    try:
        db = open_database(folder / "shop.sqlite")
        t0, c0 = time.perf_counter(), time.process_time()
        summary = seed_demo_shop(db, n=args.customers, seed=1, now=NOW, future_days=0)
        print(f"seeded {summary.customers:,} customers, {summary.orders:,} orders, {summary.events:,} events "
              f"in {time.perf_counter() - t0:.0f} s wall, {time.process_time() - c0:.0f} s CPU (not timed)")
        return count_all(db, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def count_all(db: Database, args: argparse.Namespace) -> int:
    """Counts every built-in segment and prints the table; closes `db`."""
    try:
        with db.transaction() as session:
            ensure_builtin_segments(session)
        with db.read() as session:
            segments = segment_rules(session)
        worst = worst_median = worst_cpu = 0.0
        print(f"{'segment':22} {'members':>8} {'cold':>7} {'best':>7} {'median':>7} {'cpu best':>8} "
              f"{'cpu med':>8}  {'sample':>6} {'(cpu)':>6}  load")
        for name in sorted(segments):
            note = before_run(args.wait_idle)
            times, cpu = [], []
            count = 0
            for _ in range(max(1, args.repeat)):
                t0, c0 = time.perf_counter(), time.process_time()
                count = count_segment(db, {"segment": name}, NOW, segments=segments)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            t0, c0 = time.perf_counter(), time.process_time()
            sample_members(db, {"segment": name}, NOW, segments=segments, limit=20)
            sample_time, sample_cpu = time.perf_counter() - t0, time.process_time() - c0
            median, median_cpu = statistics.median(times), statistics.median(cpu)
            worst, worst_median, worst_cpu = max(worst, min(times)), max(worst_median, median), max(worst_cpu, min(cpu))
            print(f"{name:22} {count:8,} {times[0]:6.2f}s {min(times):6.2f}s {median:6.2f}s {min(cpu):7.2f}s "
                  f"{median_cpu:7.2f}s  {sample_time:5.2f}s {sample_cpu:5.2f}s  [{note}]", flush=True)
        print(f"slowest segment: best {worst:.2f} s wall, {worst_cpu:.2f} s CPU; slowest median {worst_median:.2f} s "
              f"wall (over {max(1, args.repeat)} counts each)")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
