"""A whole population of customers through one journey, counted per node.

Each customer runs alone under the virtual clock (`CustomerRun`, the same engine as the
single-customer simulation), without rendering message bodies; only counters survive a
customer, so memory stays flat however many customers stream through. The report answers
"how many reach each node, how many messages go out, on which days, and how many convert".
"""

from __future__ import annotations

import dataclasses
import time as _time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from engine.compiled import CompiledJourney
from engine.profile import ORDER_EVENT, Profile
from engine.runner import CustomerRun, RunOptions
from engine.steps import Step
from engine.timeutil import format_moment

CHANNELS = ("email", "sms", "push")
EXIT_REASONS = ("goal", "filter", "completed", "until")
CANCEL_EVERY = 50  # customers between two looks at `cancel` (the brief asks for at most 100)


@dataclass
class NodeStats:
    """What happened at one node over the whole population."""

    id: str
    type: str
    kind: str
    label: str | None = None
    channel: str | None = None
    entered: int = 0  # customers who reached the node at least once
    steps: int = 0  # Step records at the node
    sent: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    failed: dict[str, int] = field(default_factory=dict)  # reason -> count (a template that fails)
    deferred: int = 0
    ports: dict[str, int] = field(default_factory=dict)  # conditions: port -> times taken
    waiting_at_end: int = 0  # paths still at the node when `until` came

    @property
    def passes(self) -> int:
        """Times a path went through the node: the one unit in which a node's outcomes add up.

        A customer who enters twice passes twice, so `entered` (customers) cannot be the sum of
        what happened; this is. A message's pass ends sent, skipped or failed, or is still
        deferred at the end; a condition's takes a port or still waits.
        """
        if self.type == "message":
            return self.sent + sum(self.skipped.values()) + sum(self.failed.values()) + self.waiting_at_end
        if self.type == "condition":
            return sum(self.ports.values()) + self.waiting_at_end
        return self.steps

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "kind": self.kind, "label": self.label,
                               "entered": self.entered, "passes": self.passes, "steps": self.steps}
        if self.type == "message":
            out.update(channel=self.channel, sent=self.sent, skipped=dict(self.skipped),
                       failed=dict(self.failed), deferred=self.deferred)
        if self.type == "condition":
            out["ports"] = dict(self.ports)
        out["waiting_at_end"] = self.waiting_at_end
        return out


@dataclass
class PopulationReport:
    journey: str
    start: datetime
    until: datetime
    seed: int = 0
    customers: int = 0  # customers simulated
    customers_total: int | None = None  # how many were asked for, when known
    customers_entered: int = 0  # customers who entered the journey at least once
    enrollments: int = 0
    steps: int = 0  # customer-steps: Step records over all customers
    conversions: int = 0  # goal exits
    customers_converted: int = 0
    exits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EXIT_REASONS, 0))
    messages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    messages_per_day: dict[str, list[int]] = field(default_factory=dict)  # channel -> count per day
    nodes: dict[str, NodeStats] = field(default_factory=dict)
    cancelled: bool = False
    elapsed_seconds: float = 0.0

    @property
    def days(self) -> list[str]:
        """The calendar days (UTC) `messages_per_day` counts, from the start's day to the end's."""
        first = self.start.astimezone(UTC).date()
        n = (self.until.astimezone(UTC).date() - first).days + 1
        return [(first + timedelta(days=i)).isoformat() for i in range(max(n, 0))]

    @property
    def conversion_rate(self) -> float:
        return self.customers_converted / self.customers_entered if self.customers_entered else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "journey": self.journey,
            "start": format_moment(self.start),
            "until": format_moment(self.until),
            "seed": self.seed,
            "customers": self.customers,
            "customers_total": self.customers_total,
            "cancelled": self.cancelled,
            "customers_entered": self.customers_entered,
            "enrollments": self.enrollments,
            "steps": self.steps,
            "conversions": self.conversions,
            "customers_converted": self.customers_converted,
            "conversion_rate": round(self.conversion_rate, 6),
            "exits": dict(self.exits),
            "messages": dict(self.messages),
            "messages_per_day": {"days": self.days, **{c: list(v) for c, v in self.messages_per_day.items()}},
            "nodes": [n.to_json() for n in self.nodes.values()],
            "elapsed_seconds": round(self.elapsed_seconds, 3),
        }


EntryTest = Callable[[Profile, datetime, datetime], bool]


def entry_possible(journey: CompiledJourney) -> EntryTest | None:
    """A cheap test that a customer cannot enter the journey between two moments, or None
    when the trigger gives no such shortcut.

    An event trigger needs its event in the window, an inactivity trigger needs an order at
    some time; customers without them would be set up and run for no step at all (a fifth of
    a demo shop for the abandoned-cart journey). The test errs towards running a customer.
    """
    trigger = journey.trigger
    if trigger.kind == "event":
        name = trigger.node.config.get("event")
        if name == ORDER_EVENT:
            return lambda p, start, until: (any(start <= o.placed_at <= until for o in p.orders)
                                            or any(e.type == name and start <= e.at <= until for e in p.events))
        return lambda p, start, until: any(e.type == name and start <= e.at <= until for e in p.events)
    if trigger.kind == "inactivity":
        return lambda p, start, until: bool(p.orders) or any(e.type == ORDER_EVENT for e in p.events)
    return None


def run_population(journey: CompiledJourney, profiles: Iterable[Profile], start: datetime, until: datetime,
                   *, options: RunOptions, total: int | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None,
                   on_customer: Callable[[Profile, list[Step]], None] | None = None) -> PopulationReport:
    """Runs every profile through the journey from `start` to `until` and counts what happened.

    `progress(done, total)` is called about every 1 % (every 1,000 customers when the total is
    unknown, then with total 0) and once at the end; `cancel()` is asked every few dozen
    customers and, when true, the run stops and returns what it has, flagged `cancelled`.
    `on_customer(profile, steps)`, when given, sees each customer's steps before they are
    dropped (a backtest keeps who got which message; the counters alone cannot say).
    """
    began = _time.perf_counter()
    options = dataclasses.replace(options, render=False, discount_codes=False)
    report = PopulationReport(journey.name, start, until, seed=options.seed, customers_total=total)
    n_days = max((until.astimezone(UTC).date() - start.astimezone(UTC).date()).days + 1, 0)
    start_ordinal = start.astimezone(UTC).toordinal()

    # One flat counter over (node, event, detail) and one set of nodes per customer: the inner
    # loop does a dict increment per step, and the report is shaped once at the end.
    step_counts: Counter = Counter()
    reached: Counter = Counter()
    waiting: Counter = Counter()
    per_day: Counter = Counter()  # (day index, channel) -> sent
    customers = entered_customers = converted_customers = enrollments = steps_total = 0

    progress_every = max(1, total // 100) if total else 1000
    cancelled = False
    may_enter = entry_possible(journey)
    for profile in profiles:
        if cancel is not None and customers % CANCEL_EVERY == 0 and cancel():
            cancelled = True
            break
        if may_enter is not None and not may_enter(profile, start, until):
            customers += 1
            if on_customer is not None:
                on_customer(profile, [])
            if progress is not None and customers % progress_every == 0:
                progress(customers, total or 0)
            continue
        run = CustomerRun(journey, profile, start, options)
        run.run_until(until)
        for token in run.tokens.values():
            if token.alive:
                waiting[token.node] += 1
        run.finish(until)  # ends what is still in progress with reason `until`
        customers += 1
        if on_customer is not None:
            on_customer(profile, run.steps)
        steps = run.steps
        if steps:
            steps_total += len(steps)
            enrollments += len(run.enrollments)
            entered_customers += 1
            nodes_seen = set()
            converted = False
            for step in steps:
                node = step.node
                event = step.event
                if node is None:
                    reason = step.reason
                    step_counts[None, event, reason] += 1
                    if reason == "goal":
                        converted = True
                    continue
                nodes_seen.add(node)
                if event == "sent":
                    step_counts[node, event, None] += 1
                    per_day[step.at.toordinal() - start_ordinal, step.channel] += 1
                elif event == "evaluated":
                    step_counts[node, event, step.port] += 1
                else:
                    step_counts[node, event, step.reason] += 1
            reached.update(nodes_seen)
            if converted:
                converted_customers += 1
        if progress is not None and customers % progress_every == 0:
            progress(customers, total or 0)

    report.customers = customers
    report.customers_entered = entered_customers
    report.customers_converted = converted_customers
    report.enrollments = enrollments
    report.steps = steps_total
    report.cancelled = cancelled

    for plan in journey.plans.values():
        report.nodes[plan.node.id] = NodeStats(plan.node.id, plan.type, plan.kind, plan.node.label,
                                               plan.channel)
    for (node_id, event, detail), count in step_counts.items():
        if node_id is None:
            report.exits[detail] = report.exits.get(detail, 0) + count
            continue
        stats = report.nodes[node_id]
        stats.steps += count
        if event == "sent":
            stats.sent += count
            if stats.channel is not None:  # a step is "sent" only at a message node, which has one
                report.messages[stats.channel] = report.messages.get(stats.channel, 0) + count
        elif event == "skipped":
            stats.skipped[detail] = stats.skipped.get(detail, 0) + count
        elif event == "failed":
            stats.failed[detail] = stats.failed.get(detail, 0) + count
        elif event == "deferred":
            stats.deferred += count
        elif event == "evaluated":
            stats.ports[detail] = stats.ports.get(detail, 0) + count
    for node_id, count in reached.items():
        report.nodes[node_id].entered = count
    for node_id, count in waiting.items():
        report.nodes[node_id].waiting_at_end = count
    report.conversions = report.exits.get("goal", 0)
    report.messages_per_day = {c: [0] * n_days for c in CHANNELS}
    for (day, channel), count in per_day.items():
        if 0 <= day < n_days:
            report.messages_per_day.setdefault(channel, [0] * n_days)[day] += count
    report.elapsed_seconds = _time.perf_counter() - began
    if progress is not None and not cancelled:
        progress(customers, total or customers)
    return report
