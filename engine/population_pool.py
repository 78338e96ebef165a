"""Population and backtest runs on every core.

A population run is customers one after the other, each alone under the virtual clock, so it
splits into chunks of customers that separate processes run and whose reports add up. The
customers are made or loaded inside the worker (a `CustomerSource` is a small picklable
recipe: the demo shop's seed, or a database address and customer ids), so nothing big
crosses a process boundary but the chunk's report. Reports are merged in chunk order, so the
result is the one the same customers give in one process (a test holds the two equal), and a
GUI thread that waits for the pool keeps the window free: the work is in other processes.

Processes are spawned, not forked: the app has Qt and threads. One pool serves every run of
a process; its workers keep the journeys they compiled and the demo shop's name pools.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from engine.attribution import DEFAULT_WINDOW, AttributionTally
from engine.backtest import MAX_DELIVERIES, BacktestReport, run_detailed, simulated_report
from engine.compiled import CompiledJourney
from engine.history_needs import population_event_types, union
from engine.model import Journey
from engine.population import NodeStats
from engine.profile import Profile
from engine.runner import RunOptions

CHUNK = 2_000  # customers per task: a few hundred ms of work, so Cancel and progress stay quick
WORKER_NICENESS = 5
CANCEL_POLL = 0.1  # seconds between two looks at `cancel` while chunks run


class CustomerSource(Protocol):
    """Customers by index, picklable: a worker process makes or loads its own chunk."""

    def profiles(self, first: int, stop: int, event_types: frozenset[str] | None) -> Iterator[Profile]: ...


@dataclass(frozen=True)
class DemoCustomers:
    """The demo shop's customers `first`…`stop - 1` for a seed (each depends only on seed and
    index, so any process makes the same ones)."""

    seed: int
    now: datetime
    future_days: int | None = None

    def profiles(self, first: int, stop: int, event_types: frozenset[str] | None) -> Iterator[Profile]:
        from engine import demo

        return demo.generate_profiles(stop, self.seed, self.now, future_days=self.future_days, first=first,
                                      event_types=event_types)


@dataclass(frozen=True)
class Task:
    journeys: tuple[Journey, ...]
    shop_segments: dict[str, Any] | None
    options: RunOptions
    source: CustomerSource
    first: int
    stop: int
    start: datetime
    until: datetime
    mode: str
    deliveries: bool
    max_deliveries: int
    key: str  # the journeys' identity in this run: a worker compiles them once
    window: str = DEFAULT_WINDOW  # the shop's attribution window
    currency: str = ""


_COMPILED: dict[str, list[CompiledJourney]] = {}


def run_chunk(task: Task, cancel: Callable[[], bool] | None = None) -> list[BacktestReport]:
    """One chunk of customers through each journey (in a worker, or here for a small run).

    The customers are made or loaded once for all the journeys, with the events any of them
    needs (events a journey does not need never change its run)."""
    compiled = _COMPILED.get(task.key)
    if compiled is None:
        _COMPILED.clear()  # one run at a time per worker: the previous journeys are done with
        compiled = _COMPILED[task.key] = [CompiledJourney(j, shop_segments=task.shop_segments)
                                          for j in task.journeys]
    needs = union(population_event_types(c) for c in compiled)
    made = task.source.profiles(task.first, task.stop, needs)
    profiles: Iterable[Profile] = made if len(compiled) == 1 else list(made)
    return [run_detailed(journey, profiles, task.start, task.until, options=task.options,
                         total=task.stop - task.first, cancel=cancel, mode=task.mode, deliveries=task.deliveries,
                         max_deliveries=task.max_deliveries, window=task.window, currency=task.currency)
            for journey in compiled]


def merge_reports(parts: list[BacktestReport], *, journey: CompiledJourney | None = None,
                  max_deliveries: int = MAX_DELIVERIES) -> BacktestReport:
    """The report of all the chunks' customers, as one run over them in this order gives.

    The attribution report is made again from the merged counters, which needs the compiled
    `journey` (its labels, holdout and A/B tests)."""
    if not parts:
        raise ValueError("no report to merge")
    first = parts[0]
    out = BacktestReport(first.journey, first.start, first.until, seed=first.seed, mode=first.mode,
                         customers_total=first.customers_total)
    out.nodes = {k: NodeStats(s.id, s.type, s.kind, s.label, s.channel) for k, s in first.nodes.items()}
    out.messages_per_day = {c: [0] * len(v) for c, v in first.messages_per_day.items()}
    for part in parts:
        for name in ("customers", "customers_entered", "enrollments", "steps", "conversions",
                     "customers_converted"):
            setattr(out, name, getattr(out, name) + getattr(part, name))
        _add(out.exits, part.exits)
        _add(out.messages, part.messages)
        _add(out.converted_after, part.converted_after)
        for channel, days in part.messages_per_day.items():
            into = out.messages_per_day.setdefault(channel, [0] * len(days))
            for i, count in enumerate(days):
                into[i] += count
        for node_id, stats in part.nodes.items():
            into_stats = out.nodes[node_id]
            for name in ("entered", "steps", "sent", "deferred", "waiting_at_end"):
                setattr(into_stats, name, getattr(into_stats, name) + getattr(stats, name))
            _add(into_stats.skipped, stats.skipped)
            _add(into_stats.failed, stats.failed)
            _add(into_stats.ports, stats.ports)
        room = max_deliveries - len(out.deliveries)
        out.deliveries.extend(part.deliveries[:room])
        out.deliveries_truncated |= part.deliveries_truncated or len(part.deliveries) > room
        out.cancelled |= part.cancelled
        out.elapsed_seconds += part.elapsed_seconds
        if part.tally is not None:
            if out.tally is None:
                out.tally = AttributionTally(part.tally.journey, part.tally.window, part.tally.holdout_window)
            out.tally.merge(part.tally)
    shape = first.attribution
    if journey is not None and out.tally is not None and shape is not None:
        out.attribution = simulated_report(journey, out.tally, first.start, first.until, shape.window, first.mode,
                                           shape.currency)
    return out


def _add(into: dict, more: dict) -> None:
    for key, count in more.items():
        into[key] = into.get(key, 0) + count


# -- the pool ------------------------------------------------------------------------------------
_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
_POOL_LOCK = threading.Lock()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _pool(size: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != size:
            if _POOL is not None:
                _POOL.shutdown(wait=False, cancel_futures=True)
            _POOL = ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_yield_to_the_window)
            _POOL_SIZE = size
        return _POOL


def _yield_to_the_window() -> None:
    """Workers run at a lower priority: on a machine whose cores they fill, the process with
    the window (and a sending session) still gets a core the moment it has work."""
    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError:
            pass


def shutdown_pool() -> None:
    """Ends the worker processes (the app calls it when it quits; they end with it anyway)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
            _POOL = None


def run_pooled(journey: Journey, source: CustomerSource, total: int, start: datetime, until: datetime, *,
               options: RunOptions, shop_segments: dict[str, Any] | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None, mode: str = "forward", deliveries: bool = False,
               max_deliveries: int = MAX_DELIVERIES, workers: int | None = None,
               chunk: int = CHUNK, window: str = DEFAULT_WINDOW, currency: str = "") -> BacktestReport:
    """`total` customers of `source` through the journey, over `workers` processes (default:
    every core this process may use; 1 runs here, in this thread).

    Progress is reported per finished chunk; on `cancel` the chunks not started are dropped,
    the running ones finish, and the report holds the customers of the chunks done before the
    first unfinished one (so a cancelled run is still the first N customers), flagged cancelled.
    """
    return run_pooled_many([journey], source, total, start, until, options=options, shop_segments=shop_segments,
                           progress=progress, cancel=cancel, mode=mode, deliveries=deliveries,
                           max_deliveries=max_deliveries, workers=workers, chunk=chunk, window=window,
                           currency=currency)[0]


def run_pooled_many(journeys: Sequence[Journey], source: CustomerSource, total: int, start: datetime,
                    until: datetime, *, options: RunOptions, shop_segments: dict[str, Any] | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, mode: str = "forward", deliveries: bool = False,
                    max_deliveries: int = MAX_DELIVERIES, workers: int | None = None,
                    chunk: int = CHUNK, window: str = DEFAULT_WINDOW, currency: str = "") -> list[BacktestReport]:
    """`run_pooled` for several journeys over the same customers, each made once: one report
    per journey, each what the journey alone gives."""
    began = time.perf_counter()
    workers = default_workers() if workers is None else max(1, workers)
    bounds = [(a, min(a + chunk, total)) for a in range(0, total, chunk)] or [(0, 0)]
    key = f"{os.getpid()}-{next(_RUNS)}"
    tasks = [Task(tuple(journeys), shop_segments, options, source, a, b, start, until, mode, deliveries,
                  max_deliveries, key, window, currency) for a, b in bounds]
    if workers == 1 or len(tasks) == 1:
        parts = _run_here(tasks, total, progress, cancel)
    else:
        parts = _run_in_pool(tasks, workers, total, progress, cancel)
    reports = []
    for i, journey in enumerate(journeys):
        merged = merge_reports([part[i] for part in parts], max_deliveries=max_deliveries,
                               journey=CompiledJourney(journey, shop_segments=shop_segments))
        merged.customers_total = total
        merged.elapsed_seconds = time.perf_counter() - began
        reports.append(merged)
    if progress is not None and not reports[0].cancelled:
        progress(reports[0].customers, total)
    return reports


def _run_in_pool(tasks: list[Task], workers: int, total: int, progress: Callable[[int, int], None] | None,
                 cancel: Callable[[], bool] | None) -> list[list[BacktestReport]]:
    pool = _pool(workers)
    futures: dict[Future, int] = {pool.submit(run_chunk, t): i for i, t in enumerate(tasks)}
    results: list[list[BacktestReport] | None] = [None] * len(tasks)
    done_customers = 0
    cancelled = False
    pending = set(futures)
    try:
        while pending:
            finished, pending = wait(pending, timeout=CANCEL_POLL, return_when=FIRST_COMPLETED)
            for future in finished:
                if future.cancelled():
                    continue
                reports = future.result()
                results[futures[future]] = reports
                done_customers += reports[0].customers
                if progress is not None and done_customers < total:
                    progress(done_customers, total)
            if not cancelled and cancel is not None and cancel():
                cancelled = True
                for future in pending:
                    future.cancel()
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the run goes on here, one chunk after the other.
        shutdown_pool()
        return _run_here(tasks, total, progress, cancel)
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    kept: list[list[BacktestReport]] = []
    for reports in results:
        if reports is None:
            break
        kept.append(reports)
    if not kept:
        kept.append(run_chunk(dataclasses.replace(tasks[0], stop=tasks[0].first)))
    if cancelled and len(kept) < len(tasks):
        for report in kept[-1]:
            report.cancelled = True
    return kept


def _run_here(tasks: list[Task], total: int, progress: Callable[[int, int], None] | None,
              cancel: Callable[[], bool] | None) -> list[list[BacktestReport]]:
    parts: list[list[BacktestReport]] = []
    done = 0
    for task in tasks:
        if parts and cancel is not None and cancel():
            for report in parts[-1]:
                report.cancelled = True
            break
        reports = run_chunk(task, cancel)
        parts.append(reports)
        done += reports[0].customers
        if any(r.cancelled for r in reports):
            for report in reports:
                report.cancelled = True
            break
        if progress is not None and done < total:
            progress(done, total)
    return parts


_RUNS = iter(range(1, 1 << 62))

__all__ = ["CHUNK", "CustomerSource", "DemoCustomers", "Task", "default_workers", "merge_reports",
           "run_chunk", "run_pooled", "run_pooled_many", "shutdown_pool"]
