"""Backtest: "had this journey been live for the last six months, who would have got what".

A backtest is a population run that starts in the past (`start = now − period`) and ends now,
over the shop's real customers. Nothing special is needed to replay their history: a
`CustomerRun` hides from rules everything after the clock and queues every event after
`start` at its own moment, so carts, orders and visits arrive exactly when they happened.
What a plain population run cannot say is *who* got which message (it keeps only counters so
memory stays flat), so a backtest keeps one small `Delivery` per message sent as well.

The CSV writers live here too, next to the report they flatten, so the GUI and a script give
the same files. Everything in this module is pure: no Qt, no storage.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from engine.ab_tests import decide
from engine.attribution import (
    CLICK_EVENTS,
    DEFAULT_WINDOW,
    HOLDOUT_EXIT,
    AttributionTally,
    Purchase,
    Touch,
    elapsed_window,
)
from engine.compiled import CompiledJourney
from engine.journey_report import JourneyReport, compare_holdout, message_labels
from engine.population import CHANNELS, PopulationReport, run_population
from engine.profile import Profile
from engine.runner import RunOptions
from engine.steps import Step
from engine.timeutil import format_moment
from engine.values import spreadsheet_cell

# A backtest over a very large shop keeps at most this many deliveries (about 100 bytes each);
# the counters stay exact past it and `deliveries_truncated` says the list is not whole.
MAX_DELIVERIES = 2_000_000


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message the journey would have sent to one customer."""

    customer: str
    at: datetime
    node: str
    channel: str
    email: str = ""
    name: str = ""


@dataclass
class BacktestReport(PopulationReport):
    """A population report plus what the counters cannot hold: per-node conversions and, for a
    backtest, the per-customer list of messages.

    `converted_after[node]` counts customers who reached the node in an enrollment that ended
    at the goal: the canvas badge's "31 conv." says how many conversions passed through there.
    """

    mode: str = "forward"  # forward or backtest
    converted_after: dict[str, int] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    deliveries_truncated: bool = False
    # What each message earned by the attribution rules (docs/attribution.md), as the real
    # report counts it, so "what the simulation said" and "what happened" compare line by line.
    attribution: JourneyReport | None = None
    # The counters `attribution` was made from, so reports of chunks of customers (a run over
    # several processes) merge into the report of the whole run (engine/population_pool.py).
    tally: AttributionTally | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out["mode"] = self.mode
        out["converted_after"] = dict(self.converted_after)
        out["deliveries"] = [{"customer": d.customer, "at": format_moment(d.at), "node": d.node,
                              "channel": d.channel} for d in self.deliveries]
        out["deliveries_truncated"] = self.deliveries_truncated
        out["attribution"] = self.attribution.to_json() if self.attribution is not None else None
        return out


def run_detailed(journey: CompiledJourney, profiles: Iterable[Profile], start: datetime, until: datetime,
                 *, options: RunOptions, total: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None, mode: str = "forward",
                 deliveries: bool = False, max_deliveries: int = MAX_DELIVERIES,
                 window: str = DEFAULT_WINDOW, currency: str = "") -> BacktestReport:
    """`run_population` that also counts conversions per node, what each message earned by the
    attribution rules (orders credited within `window`, the holdout's comparison, A/B tests)
    and, with `deliveries`, records each sent message with its customer. Costs a few per cent
    over the plain run."""
    kept: list[Delivery] = []
    converted_after: Counter = Counter()
    truncated = False
    holdout = journey.holdout
    tally = AttributionTally(journey.name, elapsed_window(window), holdout.window if holdout else None)
    latest = until + max(elapsed_window(window), holdout.window if holdout else timedelta(0))
    # Clicks are counted, as in the real report, only for a journey with an A/B test on clicks.
    clicks = any(plan.ab_test is not None and plan.ab_test.metric == "clicks" for plan in journey.plans.values())

    def keep(profile: Profile, steps: list[Step]) -> None:
        nonlocal truncated
        goals = {s.enrollment for s in steps if s.node is None and s.reason == "goal"}
        if goals:
            converted_after.update({s.node for s in steps if s.enrollment in goals and s.node is not None})
        _tally(tally, profile, steps, journey.name, start, latest, clicks)
        if not deliveries or truncated:
            return
        customer = profile.customer
        name = " ".join(str(customer.get(k) or "") for k in ("first_name", "last_name")).strip()
        for step in steps:
            if step.event != "sent":
                continue
            if len(kept) >= max_deliveries:
                truncated = True
                return
            kept.append(Delivery(profile.id, step.at, step.node or "", step.channel or "",
                                       str(customer.get("email") or ""), name))

    report = run_population(journey, profiles, start, until, options=options, total=total,
                            progress=progress, cancel=cancel, on_customer=keep)
    values = {f.name: getattr(report, f.name) for f in dataclasses.fields(PopulationReport)}
    return BacktestReport(**values, mode=mode, converted_after=dict(converted_after), deliveries=kept,
                          deliveries_truncated=truncated,
                          attribution=simulated_report(journey, tally, start, until, window, mode, currency),
                          tally=tally)


def _tally(tally: AttributionTally, profile: Profile, steps: list[Step], journey: str, start: datetime,
           latest: datetime, clicks: bool = False) -> None:
    """One simulated customer into the tally: the messages they got from this journey (the only
    one simulated), their orders in the run, their entries with the group of each and, with
    `clicks`, the clicks their history records."""
    touches = [Touch(s.at, journey, s.node or "", s.channel or "", None, s.variant, i)
               for i, s in enumerate(steps) if s.event == "sent"]
    entered = {s.enrollment: s.at for s in steps if s.event == "entered"}
    if not entered:
        return
    held = {s.enrollment for s in steps if s.node is None and s.reason == HOLDOUT_EXIT}
    purchases = [Purchase(o.id, o.placed_at, o.total) for o in profile.orders if start <= o.placed_at <= latest]
    clicked: list[tuple[Purchase, str]] = []
    if clicks:
        channels = {event_type: channel for channel, event_type in CLICK_EVENTS.items()}
        clicked = [(Purchase(f"click-{i}", e.at), channels[e.type]) for i, e in enumerate(profile.events)
                   if e.type in channels and start <= e.at <= latest]
    tally.add_customer(touches, purchases, [(at, e in held) for e, at in entered.items()], clicked)


def simulated_report(journey: CompiledJourney, tally: AttributionTally, start: datetime, until: datetime,
                     window: str, mode: str, currency: str = "") -> JourneyReport:
    """The journey report of a simulated run: the same shape the real one has."""
    rows = tally.figures()
    tests = []
    for plan in journey.plans.values():
        test = plan.ab_test
        if test is None:
            continue
        counts: dict[str, tuple[int, int, float]] = {}
        for row in rows:
            if row.node == test.node and row.variant is not None:
                n, conv, revenue = counts.get(row.variant, (0, 0, 0.0))
                converted = row.clicked if test.metric == "clicks" else row.converted
                counts[row.variant] = (n + row.recipients, conv + converted, revenue + row.revenue)
        tests.append(decide(test, counts))
    return JourneyReport(journey.name, "backtest" if mode == "backtest" else "simulated", window, rows,
                         message_labels(journey.journey), start, until,
                         compare_holdout(journey.holdout, tally.outcomes, tally.mixed), tests, currency)


def run_backtest(journey: CompiledJourney, profiles: Iterable[Profile], start: datetime, until: datetime,
                 *, options: RunOptions, total: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 max_deliveries: int = MAX_DELIVERIES) -> BacktestReport:
    """The shop's customers from `start` (in the past) to `until` (now), keeping who got what."""
    return run_detailed(journey, profiles, start, until, options=options, total=total, progress=progress,
                        cancel=cancel, mode="backtest", deliveries=True, max_deliveries=max_deliveries)


# -- CSV ---------------------------------------------------------------------------------------
def _csv(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    """CSV text whose cells a spreadsheet shows and never runs (labels, names and emails come
    from journey files and imports: a "=cmd|…" must stay text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_cell(c) for c in header])
    writer.writerows([spreadsheet_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def nodes_csv(report: PopulationReport) -> str:
    """One row per node: how many reached it and what happened there."""
    rows = []
    for s in report.nodes.values():
        skipped = sum(s.skipped.values())
        rows.append([s.id, s.label or "", s.type, s.kind, s.channel or "", s.entered, s.steps,
                     s.sent if s.type == "message" else "", skipped if s.type == "message" else "",
                     "; ".join(f"{k} {v}" for k, v in sorted(s.skipped.items())),
                     s.deferred if s.type == "message" else "", s.waiting_at_end,
                     "; ".join(f"{k} {v}" for k, v in s.ports.items())])
    return _csv(["node", "label", "type", "kind", "channel", "entered", "steps", "sent", "skipped",
                 "skipped_reasons", "deferred", "waiting_at_end", "ports"], rows)


def days_csv(report: PopulationReport) -> str:
    """One row per calendar day (UTC): messages per channel and their total."""
    channels = list(CHANNELS) + [c for c in report.messages_per_day if c not in CHANNELS]
    rows = []
    for i, day in enumerate(report.days):
        counts = [report.messages_per_day.get(c, [])[i] if i < len(report.messages_per_day.get(c, []))
                  else 0 for c in channels]
        rows.append([day, *counts, sum(counts)])
    return _csv(["day", *channels, "total"], rows)


def deliveries_csv(report: PopulationReport, labels: dict[str, str] | None = None) -> str:
    """Who got what: one row per message, by customer then time (empty for a plain report)."""
    deliveries = sorted(getattr(report, "deliveries", []) or [], key=lambda d: (d.customer, d.at))
    labels = labels or {s.id: s.label or s.id for s in report.nodes.values()}
    rows = ([d.customer, d.email, d.name, format_moment(d.at), report.journey, d.node,
             labels.get(d.node, d.node), d.channel] for d in deliveries)
    return _csv(["customer", "email", "name", "at", "journey", "node", "message", "channel"], rows)


def deliveries_by_customer(report: PopulationReport) -> dict[str, list[Delivery]]:
    """The deliveries grouped by customer, each customer's in time order (for the GUI's list)."""
    out: dict[str, list[Delivery]] = {}
    for d in getattr(report, "deliveries", []) or []:
        out.setdefault(d.customer, []).append(d)
    for items in out.values():
        items.sort(key=lambda d: d.at)
    return out


__all__ = ["MAX_DELIVERIES", "BacktestReport", "Delivery", "days_csv", "deliveries_by_customer",
           "deliveries_csv", "nodes_csv", "run_backtest", "run_detailed", "simulated_report"]
