"""The journey report: what each message earned, what the holdout says and how A/B tests stand.

One shape for three sources, so the owner compares like with like: the shop's real outbox and
orders (`journey-builder report`, the report dialog), a backtest on the shop's past and a
forward simulation. The figures come in already counted (engine/attribution.py for simulated
runs, storage/attribution_repo.py for the real ones); this module compares the holdout groups,
says plainly when the numbers are too small to tell, and prints the report as text or JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.ab_tests import Decision
from engine.attribution import CustomerOutcome, Holdout, NodeFigures, by_node
from engine.timeutil import format_moment
from engine.uplift import MIN_CONVERSIONS, MIN_GROUP, Interval, Moments, newcombe, welch

VERDICTS = ("none", "too_small", "unclear", "better", "worse")


@dataclass(frozen=True)
class Group:
    customers: int
    converted: int
    revenue: float
    moments: Moments

    @property
    def rate(self) -> float:
        return self.converted / self.customers if self.customers else 0.0

    @property
    def revenue_per_customer(self) -> float:
        return self.revenue / self.customers if self.customers else 0.0

    @classmethod
    def of(cls, outcomes: Sequence[CustomerOutcome]) -> Group:
        values = [o.revenue for o in outcomes]
        return cls(len(outcomes), sum(1 for o in outcomes if o.converted), sum(values), Moments.of(values))

    @classmethod
    def from_sums(cls, customers: int, converted: int, revenue: float, revenue_squares: float) -> Group:
        """The same group from sums (a database adds them up): the variance from the sum of
        squares, which is exact enough for money amounts."""
        mean = revenue / customers if customers else 0.0
        variance = max(0.0, (revenue_squares - customers * mean * mean) / (customers - 1)) if customers > 1 else 0.0
        return cls(customers, converted, revenue, Moments(customers, mean, variance))

    def to_json(self) -> dict[str, Any]:
        return {"customers": self.customers, "converted": self.converted, "conversion_rate": round(self.rate, 6),
                "revenue": round(self.revenue, 2), "revenue_per_customer": round(self.revenue_per_customer, 4)}


@dataclass(frozen=True)
class HoldoutComparison:
    """Held-out entrants against the rest; `verdict` is one of VERDICTS."""

    holdout: Holdout | None
    held_out: Group
    rest: Group
    mixed: int = 0
    conversion_ci: Interval | None = None
    revenue_ci: Interval | None = None
    verdict: str = "none"

    @property
    def conversion_difference(self) -> float:
        return self.rest.rate - self.held_out.rate

    @property
    def revenue_difference(self) -> float:
        return self.rest.revenue_per_customer - self.held_out.revenue_per_customer

    @property
    def revenue_clear(self) -> bool:
        return self.revenue_ci is not None and not self.revenue_ci.includes_zero() and self.verdict != "too_small"

    def sentence(self, money: str = "") -> str:
        """The verdict in plain words (the window translates its own from `verdict`)."""
        if self.holdout is None:
            return "This journey keeps nobody out (no holdout), so there is nothing to compare."
        held, rest = self.held_out, self.rest
        if self.verdict == "too_small":
            if min(held.customers, rest.customers) < MIN_GROUP:
                return (f"Too few customers to tell: {held.customers} held out and {rest.customers} in the journey "
                        f"(at least {MIN_GROUP} in each are needed).")
            return (f"Too few orders to tell: {held.converted + rest.converted} customers ordered in all "
                    f"(at least {MIN_CONVERSIONS} are needed).")
        ci = self.conversion_ci or Interval(0.0, 0.0)
        figures = (f"{_pct(rest.rate)} of customers in the journey ordered against {_pct(held.rate)} held out, "
                   f"{_points(self.conversion_difference)} (95 % interval {_points(ci.low)} to {_points(ci.high)})")
        if self.verdict == "unclear":
            return f"No clear difference yet: {figures}."
        if self.verdict == "better":
            return f"The journey raises conversion: {figures}."
        return f"The journey lowers conversion: {figures}."

    def revenue_sentence(self, money: str = "") -> str:
        if self.holdout is None or self.verdict == "too_small":
            return ""
        ci = self.revenue_ci
        between = f" (95 % interval {_signed(ci.low)} to {_signed(ci.high)})" if ci is not None else ""
        tail = "" if self.revenue_clear else "; not a clear difference"
        return (f"Revenue per customer: {self.rest.revenue_per_customer:.2f}{money} in the journey, "
                f"{self.held_out.revenue_per_customer:.2f}{money} held out, "
                f"{_signed(self.revenue_difference)}{money}{between}{tail}.")

    def to_json(self) -> dict[str, Any]:
        h = self.holdout
        return {"percent": h.percent if h else None, "window": h.window_text if h else None,
                "held_out": self.held_out.to_json(), "rest": self.rest.to_json(), "mixed": self.mixed,
                "conversion_difference": round(self.conversion_difference, 6),
                "conversion_interval": _interval(self.conversion_ci),
                "revenue_per_customer_difference": round(self.revenue_difference, 4),
                "revenue_per_customer_interval": _interval(self.revenue_ci),
                "verdict": self.verdict, "says": self.sentence()}


def compare_holdout(holdout: Holdout | None, outcomes: Sequence[CustomerOutcome], mixed: int = 0
                    ) -> HoldoutComparison:
    """Conversion (Newcombe's interval) and revenue per customer (Welch's) of the rest against
    the held-out group, and the verdict: too small to tell, unclear, better or worse."""
    return compare_groups(holdout, Group.of([o for o in outcomes if o.held_out]),
                          Group.of([o for o in outcomes if not o.held_out]), mixed)


def compare_groups(holdout: Holdout | None, held: Group, rest: Group, mixed: int = 0) -> HoldoutComparison:
    """`compare_holdout` for groups already summed up."""
    if holdout is None:
        return HoldoutComparison(None, held, rest, mixed)
    conversion = newcombe(rest.converted, rest.customers, held.converted, held.customers) \
        if held.customers and rest.customers else None
    revenue = welch(rest.moments, held.moments)
    if min(held.customers, rest.customers) < MIN_GROUP or held.converted + rest.converted < MIN_CONVERSIONS:
        verdict = "too_small"
    elif conversion is None or conversion.includes_zero():
        verdict = "unclear"
    else:
        verdict = "better" if conversion.low > 0 else "worse"
    return HoldoutComparison(holdout, held, rest, mixed, conversion, revenue, verdict)


@dataclass
class JourneyReport:
    """What one journey earned over a period, from one source (`real`, `backtest`, `simulated`)."""

    journey: str
    source: str
    window: str
    rows: list[NodeFigures]
    labels: Mapping[str, str] = field(default_factory=dict)  # message node id → label, in path order
    since: datetime | None = None
    until: datetime | None = None
    holdout: HoldoutComparison | None = None
    ab_tests: list[Decision] = field(default_factory=list)
    currency: str = ""

    def nodes(self) -> dict[str, NodeFigures]:
        """Node → its figures over versions and variants, every message node of the journey
        included (a node that sent nothing has zeros)."""
        summed = by_node(self.rows)
        out = {node: summed.get(node, NodeFigures(node)) for node in self.labels}
        out.update({k: v for k, v in summed.items() if k not in out})
        return out

    def totals(self) -> NodeFigures:
        total = NodeFigures("total")
        for row in self.rows:
            total.add(row)
        total.recipients = 0  # a customer reached by two nodes is one customer: not summed
        return total

    def to_json(self) -> dict[str, Any]:
        t = self.totals()
        ordered = _ordered(self.rows, self.labels)
        return {"journey": self.journey, "source": self.source, "window": self.window, "currency": self.currency,
                "since": format_moment(self.since) if self.since else None,
                "until": format_moment(self.until) if self.until else None,
                "totals": {"messages": t.messages, "conversions": t.conversions, "revenue": round(t.revenue, 2),
                           "unsubscribes": t.unsubscribes},
                "nodes": [{**f.to_json(), "label": self.labels.get(f.node, f.node)} for f in ordered],
                "holdout": self.holdout.to_json() if self.holdout else None,
                "ab_tests": [d.to_json() for d in self.ab_tests]}

    def to_text(self) -> str:
        money = f" {self.currency}" if self.currency else ""
        span = (f"{format_moment(self.since)[:10] if self.since else 'the start'} to "
                f"{format_moment(self.until)[:10] if self.until else 'now'}")
        what = {"real": "the shop's outbox and orders", "backtest": "a backtest on the shop's past",
                "simulated": "a simulation"}.get(self.source, self.source)
        lines = [f"{self.journey} — what it earned, {span} ({what}; an order counts for the last message "
                 f"received at most {_window_words(self.window)} before it)", ""]
        header = ["node", "version", "variant", "recipients", "conversions", f"revenue{money}",
                  "per recipient", "unsubscribes"]
        table = [header]
        for f in _ordered(self.rows, self.labels):
            table.append([self.labels.get(f.node, f.node), "" if f.version is None else str(f.version),
                          f.variant or "", f"{f.recipients:,}", f"{f.conversions:,}", f"{f.revenue:,.2f}",
                          f"{f.revenue_per_recipient:,.2f}", f"{f.unsubscribes:,}"])
        t = self.totals()
        table.append(["total", "", "", "", f"{t.conversions:,}", f"{t.revenue:,.2f}", "", f"{t.unsubscribes:,}"])
        lines += _columns(table)
        if not self.rows:
            lines.append("(no message of this journey was received in this period)")
        if self.holdout is not None:
            h = self.holdout
            lines.append("")
            if h.holdout is None:
                lines.append(f"Holdout: {h.sentence()}")
            else:
                lines.append(f"Holdout: {h.holdout.percent:g} % of entrants kept out; orders count for "
                             f"{_window_words(h.holdout.window_text)} after entry")
                for name, g in (("held out", h.held_out), ("in the journey", h.rest)):
                    lines.append(f"  {name}: {g.customers:,} customers, {g.converted:,} ordered ({_pct(g.rate)}), "
                                 f"revenue per customer {g.revenue_per_customer:,.2f}{money}")
                if h.mixed:
                    lines.append(f"  ({h.mixed:,} customers were in both groups across versions and are left out)")
                lines.append(f"  {h.sentence(money)}")
                revenue = h.revenue_sentence(money)
                if revenue:
                    lines.append(f"  {revenue}")
        for d in self.ab_tests:
            lines.append("")
            lines.append(f"A/B test at {self.labels.get(d.test.node, d.test.node)} (on {d.test.metric}):")
            for v in d.variants:
                lines.append(f"  {v.name}: {v.recipients:,} recipients, {v.conversions:,} converted ({_pct(v.rate)}), "
                             f"probability to be best {_pct(v.probability_best)}")
            lines.append(f"  {decision_sentence(d)}")
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NodeComparison:
    """One message node's figures as a simulation (or backtest) counted them and as they happened."""

    node: str
    label: str
    simulated: NodeFigures
    real: NodeFigures


def compare_reports(simulated: JourneyReport, real: JourneyReport | None) -> list[NodeComparison]:
    """"What the simulation said" against "what happened", node by node in the journey's order
    (versions and variants summed): both reports count by the same rules, so a gap between them
    is the model's miss (or the periods differ), never a difference of definitions."""
    labels = dict(simulated.labels)
    if real is not None:
        labels.update({k: v for k, v in real.labels.items() if k not in labels})
    said = simulated.nodes()
    happened = real.nodes() if real is not None else {}
    nodes = list(labels) + sorted((set(said) | set(happened)) - set(labels))
    return [NodeComparison(node, labels.get(node, node), said.get(node, NodeFigures(node)),
                           happened.get(node, NodeFigures(node))) for node in nodes]


def decision_sentence(d: Decision) -> str:
    leader = d.leader
    if d.winner is not None:
        return f"Winner: {d.winner} (probability to be best {_pct(leader.probability_best if leader else 1)})."
    if not d.enough_recipients:
        return (f"Too few recipients to tell: each variant needs at least {d.test.min_recipients:,} before a "
                "winner is picked.")
    if d.test.pick_at is None:
        return f"Leading: {leader.name if leader else '–'}; the shop owner picks the winner."
    return f"No winner yet: one variant must reach {_pct(d.test.pick_at)} probability to be best."


def _ordered(rows: Iterable[NodeFigures], labels: Mapping[str, str]) -> list[NodeFigures]:
    order = {node: i for i, node in enumerate(labels)}
    return sorted(rows, key=lambda f: (order.get(f.node, len(order)), f.node, f.version or 0, f.variant or ""))


def _columns(table: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    out = []
    for n, r in enumerate(table):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) if i >= 3 or i == 1 else c.ljust(w)
                                           for i, (c, w) in enumerate(zip(r[1:], widths[1:], strict=True), 1)]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def _points(x: float) -> str:
    return f"{100 * x:+.1f} points"


def _signed(x: float) -> str:
    return f"{x:+,.2f}"


def _interval(ci: Interval | None) -> list[float] | None:
    return None if ci is None else [round(ci.low, 6), round(ci.high, 6)]


def _window_words(text: str) -> str:
    from engine.timeutil import parse_duration

    d = parse_duration(text)
    days = d.weeks * 7 + d.days
    if days and not (d.hours or d.minutes or d.seconds):
        return "1 day" if days == 1 else f"{days} days"
    return text


__all__ = ["VERDICTS", "Group", "HoldoutComparison", "JourneyReport", "NodeComparison", "compare_groups",
           "compare_holdout", "compare_reports", "decision_sentence"]


def message_labels(journey: Any) -> dict[str, str]:
    """The journey's message nodes → their labels (the id without one), in path order from the
    trigger (breadth first), then file order: the order the report lists them in."""
    order = {n.id: i for i, n in enumerate(journey.nodes())}
    depth: dict[str, int] = {}
    trigger = journey.trigger()
    if trigger is not None:
        depth[trigger.id] = 0
        queue = [trigger.id]
        for node_id in queue:
            for edge in sorted(journey.out_edges(node_id), key=lambda e: order.get(e.target, 0)):
                if edge.target not in depth:
                    depth[edge.target] = depth[node_id] + 1
                    queue.append(edge.target)
    messages = [n for n in journey.nodes() if n.type == "message"]
    messages.sort(key=lambda n: (depth.get(n.id, 1 << 20), order[n.id]))
    return {n.id: n.label or n.id for n in messages}


__all__ += ["message_labels"]
