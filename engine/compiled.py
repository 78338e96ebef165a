"""A journey prepared for running: rules compiled, ports resolved, settings parsed once.

A population run takes one customer after another through the same journey; everything that
does not depend on the customer is done here, once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from engine.ab_tests import AbTest, ab_test_of
from engine.attribution import Holdout, holdout_of
from engine.context import CustomerContext
from engine.model import Journey, Node
from engine.profile import ORDER_EVENT
from engine.registry import ActHook
from engine.rules import Compiled, compile_rule, compile_segments
from engine.timeutil import Duration, parse_duration, parse_time_of_day


@dataclass
class NodePlan:
    """What the runner needs of one node, looked up by id in O(1)."""

    node: Node
    type: str
    kind: str
    next: dict[str, tuple[str, ...]]  # port -> target node ids, in file order
    act: ActHook  # the kind's, looked up here once rather than at every step
    rule: Compiled | None = None
    branches: list[tuple[str, Any]] = field(default_factory=list)  # (port, compiled rule | weight)
    else_port: str | None = None
    duration: Duration | None = None
    channel: str | None = None
    template_fields: tuple[str, ...] = ()
    ab_test: AbTest | None = None  # a message node's variants (engine/ab_tests.py)

    def wait(self) -> Duration:
        """The compiled duration of a kind that waits (a delay, a wait_event, an inactivity
        trigger); asked of any other node it is a bug, reported with the node's id."""
        if self.duration is None:
            raise ValueError(f"node {self.node.id!r} has no duration")
        return self.duration


@dataclass(frozen=True)
class ExitOn:
    event: str
    filter: Compiled | None
    # Properties the goal event must share with the event the customer entered on: with
    # ("cart_id",), an order ends the reminders of the cart it bought, not of another cart.
    # A side that lacks the property does not hold the goal back (an order from a shop that
    # does not say which cart it came from still ends the reminders).
    match: tuple[str, ...] = ()

    def matches(self, event_props: Mapping[str, Any], entry_props: Mapping[str, Any]) -> bool:
        for key in self.match:
            mine, theirs = event_props.get(key), entry_props.get(key)
            if mine not in (None, "") and theirs not in (None, "") and str(mine) != str(theirs):
                return False
        return True


class CompiledJourney:
    def __init__(self, journey: Journey, shop_segments: Mapping[str, Any] | None = None) -> None:
        self.journey = journey
        self.name = journey.name
        segment_defs = dict(shop_segments or {})
        segment_defs.update(journey.segments)
        self.segment_definitions: dict[str, Any] = segment_defs  # what engine.history_needs reads
        self.segments: dict[str, Compiled] = compile_segments(segment_defs)
        s = journey.settings
        self.reentry: str = s.get("reentry", "after_exit")
        self.cooldown: Duration | None = parse_duration(s["reentry_cooldown"]) if s.get("reentry_cooldown") else None
        self.exit_on: list[ExitOn] = [
            ExitOn(item["event"], compile_rule(item["filter"]) if "filter" in item else None,
                   tuple(item.get("match") or ()))
            for item in s.get("exit_on", [])
        ]
        self.exit_on_events = frozenset(e.event for e in self.exit_on)
        self.exit_if: Compiled | None = compile_rule(s["exit_if"]) if s.get("exit_if") else None
        qh = s.get("quiet_hours")
        self.quiet: tuple[time, time] | None = None
        if qh:
            start, end = parse_time_of_day(qh["start"]), parse_time_of_day(qh["end"])
            if start != end:
                self.quiet = (start, end)
        fc = s.get("frequency_cap")
        self.cap: tuple[int, Duration] | None = (int(fc["max"]), parse_duration(fc["per"])) if fc else None
        # Which journey's message goes first when the shop's caps allow only one (higher first).
        self.priority: int = int(s.get("priority", 0) or 0)
        # The share of entrants kept out to measure what the journey earns (engine/attribution.py).
        self.holdout: Holdout | None = holdout_of(s)
        trigger = journey.trigger()
        if trigger is None:
            raise ValueError("a journey needs exactly one trigger")
        self.trigger_id = trigger.id
        self.plans: dict[str, NodePlan] = {n.id: self._plan(journey, n) for n in journey.nodes()}
        self.trigger = self.plans[trigger.id]
        self.wait_events = frozenset(p.node.config["event"] for p in self.plans.values()
                                     if p.type == "condition" and p.kind == "wait_event")
        self.relevant_events = self._relevant_events()

    def _relevant_events(self) -> frozenset[str] | None:
        """The event types a run can react to; None when any event may matter.

        With an event trigger an event does something only if it is the trigger's, an
        `exit_on` goal or what a `wait_event` waits for; an inactivity trigger also watches
        orders. Date and segment triggers look again at every change of the customer's data,
        so for them every event counts.
        """
        kind = self.trigger.kind
        if kind not in ("event", "inactivity"):
            return None
        relevant = set(self.exit_on_events) | set(self.wait_events)
        if kind == "event":
            relevant.add(self.trigger.node.config["event"])
        else:
            relevant.add(ORDER_EVENT)
        return frozenset(relevant)

    @staticmethod
    def _plan(journey: Journey, node: Node) -> NodePlan:
        nexts: dict[str, list[str]] = {}
        for edge in journey.out_edges(node.id):
            nexts.setdefault(edge.port, []).append(edge.target)
        desc = node.description
        if desc is None:
            raise ValueError(f"node '{node.id}': unknown {node.type} kind '{node.kind}'")
        plan = NodePlan(node, node.type, node.kind, {k: tuple(v) for k, v in nexts.items()}, desc.act,
                        channel=desc.channel, template_fields=desc.template_fields)
        if desc.plan is not None:
            desc.plan(plan, node.config)
        if desc.channel is not None:
            plan.ab_test = ab_test_of(node.id, node.config)
        return plan

    def random_port(self, plan: NodePlan, customer_id: str, seed: int) -> str:
        """The same journey, node, customer and seed always choose the same branch."""
        total = sum(w for _, w in plan.branches)
        digest = hashlib.sha256(f"{seed}\x1f{self.name}\x1f{plan.node.id}\x1f{customer_id}".encode()).digest()
        point = int.from_bytes(digest[:8], "big") / 2**64 * total
        acc = 0.0
        for port, weight in plan.branches:
            acc += weight
            if point < acc:
                return port
        return plan.branches[-1][0]

    def split_port(self, plan: NodePlan, ctx: CustomerContext, trace: list | None) -> str:
        for port, rule in plan.branches:
            if rule(ctx, trace):
                return port
        return plan.else_port or ""

