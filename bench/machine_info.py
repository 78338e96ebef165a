"""What the benchmarks print about the machine and the load on it, so figures in
docs/performance.md can be compared, and the helpers every bench uses to wait for a quiet
machine and to report CPU time beside wall time (on a shared machine wall time alone says more
about the neighbours than about the code)."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo ("" where there is none, as off Linux)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "?"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _cpu_ticks() -> tuple[int, int] | None:
    """(idle, total) jiffies of all CPUs since boot; None off Linux."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return None
    ticks = [int(f) for f in fields]
    return ticks[3] + (ticks[4] if len(ticks) > 4 else 0), sum(ticks)


def idle_share(seconds: float = 1.0) -> float | None:
    """The share of all CPUs that stood idle over the next `seconds` (None off Linux)."""
    before = _cpu_ticks()
    time.sleep(seconds)
    after = _cpu_ticks()
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def wait_for_idle(threshold: float = 0.8, timeout: float = 900.0) -> str:
    """Waits until at least `threshold` of the CPUs stood idle for a second; says what it found.
    Gives up after `timeout` seconds (then the figures carry that warning)."""
    started = time.monotonic()
    while True:
        share = idle_share()
        if share is None:
            return "idle share unknown (no /proc/stat)"
        waited = time.monotonic() - started
        if share >= threshold:
            return f"{share:.0%} idle after waiting {waited:.0f} s"
        if waited > timeout:
            return f"WARNING: only {share:.0%} idle after waiting {waited:.0f} s (machine busy)"
        time.sleep(2.0)


def describe() -> str:
    return (f"{platform.platform()}, CPU {cpu_model() or '?'} ({os.cpu_count()} logical), "
            f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")


def add_idle_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait-idle", type=float, default=0.8, metavar="SHARE",
                        help="before each measured run, wait until this share of the CPUs is idle "
                             "(default 0.8; 0 to start at once)")


def header() -> None:
    """The lines every bench starts with: machine, date, load average."""
    print(f"machine: {describe()}")
    print(f"date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC; load average {load_average()}")


def before_run(share: float) -> str:
    """Waits for a quiet machine when asked to and returns the note to print beside the figure."""
    if share <= 0:
        return f"load average {load_average()}"
    return f"{wait_for_idle(share)}, load average {load_average()}"


@dataclass
class Measured:
    wall: float = 0.0
    cpu: float = 0.0  # this process's user + system time
    children_cpu: float = 0.0  # of child processes that ended and were waited for meanwhile

    def text(self) -> str:
        extra = f" + children {self.children_cpu:.2f} s" if self.children_cpu >= 0.005 else ""
        return f"wall {self.wall:.2f} s, CPU {self.cpu:.2f} s{extra}"


@contextmanager
def measured() -> Iterator[Measured]:
    """Wall and CPU time of the block (CPU of this process and of its waited-for children)."""
    result = Measured()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield result
    finally:
        result.wall = time.perf_counter() - wall
        result.cpu = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result.children_cpu = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
