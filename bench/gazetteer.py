"""How long the offline gazetteer takes to load and to answer: the first radius rule or
"City or postcode" lookup of a process pays the load, every keystroke pays a lookup.

    .venv/bin/python bench/gazetteer.py [--repeat 20]

Loads are measured in fresh processes (the index is cached per process); lookups in this one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import cpu_model  # noqa: E402 - bench/ is on the path when run

LOAD = "import time; t=time.perf_counter(); from engine.gazetteer import _index; _index(); print(time.perf_counter()-t)"
QUERIES = ("Ki", "Kiel", "Mün", "München", "Москва", "San", "Zaragoza", "xyzzy")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    loads = sorted(float(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, capture_output=True, text=True,
                                        check=True).stdout) for _ in range(3))
    from engine.gazetteer import _index, city_location, find_places

    places, names = _index()
    rows = []
    for query in QUERIES:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            found = find_places(query)
            times.append(time.perf_counter() - t)
        rows.append((query, len(found), min(times) * 1000, sorted(times)[len(times) // 2] * 1000))
    t = time.perf_counter()
    for _ in range(10_000):
        city_location("Kiel", "DE")
    per_city = (time.perf_counter() - t) / 10_000 * 1e6
    print(f"machine: {cpu_model() or '?'}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"gazetteer: {len(places):,} places, {len(names):,} written names")
    print(f"load (fresh process): best {loads[0]:.2f} s, median {loads[1]:.2f} s")
    print(f"city_location (a customer's city): {per_city:.1f} µs")
    print(f"{'query':<10} {'found':>5} {'best ms':>8} {'median ms':>10}")
    for query, n, best, median in rows:
        print(f"{query:<10} {n:>5} {best:>8.1f} {median:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
