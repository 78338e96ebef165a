"""`journey-builder simulate JOURNEY --population N`: a whole population through a journey.

Not a subcommand of its own: `simulate` hands over here when `--population` is given. The
customers are the demo shop's (`engine.demo`, reproducible by `--seed`), or, when `--db` names a
shop database that holds customers, the shop's own (at most N of them). They run from `--start`
(default now) for `--days` days (or to `--until`), and the report counts, per node, how many
customers got there, what was sent, skipped or deferred, and who is still waiting at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.cli import CliError
from engine.compiled import CompiledJourney
from engine.model import Journey
from engine.population import PopulationReport
from engine.population_pool import CustomerSource, DemoCustomers, run_pooled
from engine.runner import RunOptions, parse_until
from engine.shop_options import run_options
from engine.timeutil import TimeFormatError, format_moment, now_utc, parse_moment


def run_population(journey: Journey, args: argparse.Namespace) -> int:
    n = args.population
    if n is None or n < 1:
        raise CliError("--population: give the number of customers, at least 1")
    days = getattr(args, "days", 365)
    if days is None or days < 0:
        raise CliError("--days: must be 0 or more")
    if getattr(args, "customer", None):
        raise CliError("--customer and --population cannot be used together")
    try:
        start = parse_moment(args.start) if args.start else now_utc()
        until = parse_until(args.until, start) if getattr(args, "until", None) else start + timedelta(days=days)
    except (TimeFormatError, OverflowError) as exc:
        raise CliError(f"--start/--until: {exc}") from None
    if until < start:
        raise CliError("--until is before --start")

    seed = args.seed or 0
    workers = getattr(args, "workers", None)
    if workers is not None and workers < 1:
        raise CliError("--workers: give 1 or more processes")
    source, customers, total, options, shop_segments = _customers(n, seed, start, until, getattr(args, "db", None))
    try:
        CompiledJourney(journey, shop_segments=shop_segments)
    except Exception as exc:  # noqa: BLE001 - a shop segment the engine cannot compile
        raise CliError(f"{args.journey}: cannot prepare the journey: {exc}") from None

    from storage.errors import StorageError  # here: `simulate` starts without storage

    progress = _progress_printer() if sys.stderr.isatty() else None
    try:
        report = run_pooled(journey, customers, total, start, until, options=options, shop_segments=shop_segments,
                            progress=progress, workers=workers)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    if progress is not None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()

    if args.format == "json":
        out = PopulationReport.to_json(report)  # the population's figures, without a backtest's
        out["source"] = source
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report, source))
    return 0


# -- where the customers come from ---------------------------------------------------------
def _customers(n: int, seed: int, start: datetime, until: datetime, db: str | None
               ) -> tuple[str, CustomerSource, int, RunOptions, dict[str, Any] | None]:
    """(source's name, the customers, how many, the shop's run options, shop segments)."""
    if db:
        found = _shop_customers(db, n, seed)
        if found is not None:
            return found
    from engine import demo

    # The demo customers keep doing things (carts, orders, visits) for the whole run.
    customers = DemoCustomers(seed, start, max(0, (until - start).days))
    shop = segments = None
    try:
        shop = demo.shop_settings()
        segments = {name: spec["rule"] for name, spec in demo.builtin_segments().items()}
    except Exception:  # noqa: BLE001 - the run works without the demo shop's settings
        pass
    return f"demo shop, seed {seed}", customers, n, run_options(shop, seed=seed), segments


def _shop_customers(db: str, n: int, seed: int
                    ) -> tuple[str, CustomerSource, int, RunOptions, dict[str, Any] | None] | None:
    """The first N customers of a shop database, or None when it has none (or is not there)."""
    if not Path(db).expanduser().exists():
        return None
    from storage.database import open_database
    from storage.errors import StorageError
    from storage.population_source import shop_customers
    from storage.run_options import shop_run_options
    from storage.segments_repo import segment_rules

    try:
        with open_database(db) as database:
            with database.transaction() as session:  # the first look creates the settings row
                options = shop_run_options(session, seed=seed)
                segments = segment_rules(session)
            customers = shop_customers(database, n)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    if not customers.ids:
        return None
    return f"shop database {db}", customers, len(customers.ids), options, segments


# -- output --------------------------------------------------------------------------------
def _progress_printer() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if total:
            sys.stderr.write(f"\rsimulating: {done:,} of {total:,} customers ({100 * done // total} %)")
        else:
            sys.stderr.write(f"\rsimulating: {done:,} customers")
        sys.stderr.flush()

    return show


def _n(value: int) -> str:
    return f"{value:,}"


def format_report(report: PopulationReport, source: str = "") -> str:
    """The report as a readable table for a terminal."""
    lines = [f"{report.journey} — {_n(report.customers)} customers ({source}) — "
             f"{format_moment(report.start)} to {format_moment(report.until)}"]
    if report.cancelled:
        lines.append("(cancelled: the figures cover the customers simulated so far)")
    rate = f"{100 * report.conversion_rate:.1f} %"
    lines.append(f"entered: {_n(report.customers_entered)} customers ({_n(report.enrollments)} enrollments); "
                 f"converted: {_n(report.customers_converted)} ({rate} of those who entered); "
                 f"steps: {_n(report.steps)}")
    lines.append("messages sent: " + ", ".join(f"{c} {_n(v)}" for c, v in report.messages.items()))
    lines.append("exits: " + ", ".join(f"{r} {_n(v)}" for r, v in report.exits.items()))
    lines.append("")
    header = ("node", "type", "reached", "sent", "skipped", "deferred", "waiting", "ports")
    rows = []
    for stats in report.nodes.values():
        kind = f"{stats.type}/{stats.kind}"
        is_message = stats.type == "message"
        skipped = ", ".join(f"{r} {_n(v)}" for r, v in sorted(stats.skipped.items()))
        rows.append((stats.id, kind, _n(stats.entered), _n(stats.sent) if is_message else "",
                     skipped if is_message else "", _n(stats.deferred) if is_message else "",
                     _n(stats.waiting_at_end),
                     ", ".join(f"{p} {_n(v)}" for p, v in stats.ports.items())))
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    right = {2, 3, 5, 6}

    def fmt(row) -> str:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(cells).rstrip()

    lines.append(fmt(header))
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(fmt(r) for r in rows)
    busiest = _busiest_day(report)
    if busiest:
        lines.append("")
        lines.append(busiest)
    return "\n".join(lines) + "\n"


def _busiest_day(report: PopulationReport) -> str:
    days = report.days
    totals = [sum(counts[i] for counts in report.messages_per_day.values() if i < len(counts))
              for i in range(len(days))]
    if not totals or max(totals) == 0:
        return ""
    i = max(range(len(totals)), key=totals.__getitem__)
    return f"busiest day: {days[i]} with {_n(totals[i])} messages"
