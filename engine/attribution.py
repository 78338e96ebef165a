"""What a journey earned: the attribution and holdout rules of docs/attribution.md, in one place.

The simulator, the backtest and the report on the shop's real outbox all count by these rules.
The simulated side calls the functions here on each customer's steps and orders; the real
report runs the same rules as SQL (storage/attribution_repo.py) and hands its counts back to
the figures below, and tests/test_attribution.py checks both against hand-computed shops, so the
two never drift apart.

The rules in short (the doc says why):

- **Last touch.** An order is credited to the last message the customer *received* (sent, not
  skipped or failed; any journey, any channel) strictly before the order, if that message is
  at most the shop's attribution window old (default one day; the window is elapsed time).
  Ties at one instant go to the message recorded last.
- **Per message node** (journey, version, node, variant): recipients are the distinct customers
  it was sent to; conversions the orders credited to it; revenue their totals; revenue per
  recipient the one over the other; unsubscribes the customer's unsubscribes of that channel
  whose last message of the channel before them was this node's (no window: it is the message
  whose link they most likely used).
- **Holdout.** A journey with `settings.holdout` keeps `percent` % of its entrants out: the
  choice is a keyed hash of journey and customer under the shop's secret, so a customer is
  always in the same group and a simulation agrees with the sending session. A held-out
  customer is recorded as entering and at once leaving (exit reason `holdout`). The comparison
  counts, per customer, the orders placed after an entry and at most the holdout `window` after
  it (default 30 days), each order once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from engine.timeutil import TimeFormatError, parse_duration

# The shop setting's default and the windows the settings dialog offers.
DEFAULT_WINDOW = "P1D"
WINDOW_CHOICES = ("P1D", "P5D")
MAX_WINDOW = timedelta(days=90)
# Only a message that went out counts as received (queued, failed, skipped, uncertain do not).
RECEIVED_STATUS = "sent"
UNSUBSCRIBED = "unsubscribed"

# The events a shop records when a customer clicks a message's link, by channel: what an A/B
# test on clicks counts (credited to the last message of that channel before the click).
CLICK_EVENTS = {"email": "email_clicked", "sms": "sms_clicked", "push": "push_clicked"}

HOLDOUT_EXIT = "holdout"  # the exit reason of a held-out entrant
DEFAULT_HOLDOUT_WINDOW = "P30D"
MAX_HOLDOUT_PERCENT = 50


class AttributionError(ValueError):
    """A window or holdout setting that the rules cannot use; the message names it."""


def elapsed_window(text: Any, what: str = "window") -> timedelta:
    """An attribution or holdout window as elapsed time: weeks, days, hours and minutes only
    (a month has no fixed length), longer than nothing and at most 90 days."""
    try:
        d = parse_duration(text)
    except TimeFormatError as exc:
        raise AttributionError(f"{what}: {exc}") from None
    if d.years or d.months:
        raise AttributionError(f"{what}: {text!r} uses months or years; give it in days or weeks (like 'P30D')")
    span = timedelta(weeks=d.weeks, days=d.days) + d.exact
    if d.negative or span <= timedelta(0):
        raise AttributionError(f"{what}: must be longer than nothing")
    if span > MAX_WINDOW:
        raise AttributionError(f"{what}: at most 90 days")
    return span


# -- what is counted -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Touch:
    """A message a customer received. `seq` orders messages of one instant (the outbox id, or
    the step's place in the run): the later one is the last touch."""

    at: datetime
    journey: str
    node: str
    channel: str
    version: int | None = None
    variant: str | None = None
    seq: int = 0


@dataclass(frozen=True, slots=True)
class Purchase:
    """An order (or, for an A/B test on clicks, a click) of one customer."""

    id: str
    at: datetime
    total: float = 0.0


def last_touch(touches: Sequence[Touch], at: datetime, window: timedelta | None,
               channel: str | None = None) -> Touch | None:
    """The message credited with something the customer did at `at`: the last one received
    strictly before it (of `channel`, when given), if at most `window` old (None: any age).
    `touches` must be in time order (`in_order`)."""
    i = bisect_left(touches, at, key=lambda t: t.at)
    while i > 0:
        i -= 1
        touch = touches[i]
        if channel is not None and touch.channel != channel:
            continue
        if window is not None and at - touch.at > window:
            return None
        return touch
    return None


def in_order(touches: Iterable[Touch]) -> list[Touch]:
    return sorted(touches, key=lambda t: (t.at, t.seq))


def credit(touches: Sequence[Touch], purchases: Iterable[Purchase], window: timedelta
           ) -> list[tuple[Purchase, Touch]]:
    """One customer's orders with the message each is credited to (orders credited to none are
    left out). `touches` in time order."""
    out = []
    for purchase in purchases:
        touch = last_touch(touches, purchase.at, window)
        if touch is not None:
            out.append((purchase, touch))
    return out


def credit_unsubscribes(touches: Sequence[Touch], unsubscribes: Iterable[tuple[datetime, str]]
                        ) -> list[Touch]:
    """The message each unsubscribe (moment, channel) is credited to: the last one of that
    channel received before it, however old."""
    out = []
    for at, channel in unsubscribes:
        touch = last_touch(touches, at, None, channel)
        if touch is not None:
            out.append(touch)
    return out


# -- the figures ---------------------------------------------------------------------------------
NodeKey = tuple[int | None, str, str | None]  # (version, node, variant)


@dataclass
class NodeFigures:
    """What one message node (one version, one variant) earned."""

    node: str
    version: int | None = None
    variant: str | None = None
    messages: int = 0  # messages received
    recipients: int = 0  # distinct customers
    conversions: int = 0  # orders credited
    converted: int = 0  # distinct customers with an order credited
    revenue: float = 0.0
    unsubscribes: int = 0
    clicks: int = 0  # clicks credited (where the shop records them)
    clicked: int = 0  # distinct customers with a click credited

    @property
    def revenue_per_recipient(self) -> float:
        return self.revenue / self.recipients if self.recipients else 0.0

    @property
    def conversion_rate(self) -> float:
        return self.converted / self.recipients if self.recipients else 0.0

    def add(self, other: NodeFigures) -> None:
        """Sums figures of the same node over versions or variants; recipients then count a
        customer once per version or variant, which is what those rows say."""
        self.messages += other.messages
        self.recipients += other.recipients
        self.conversions += other.conversions
        self.converted += other.converted
        self.revenue += other.revenue
        self.unsubscribes += other.unsubscribes
        self.clicks += other.clicks
        self.clicked += other.clicked

    def to_json(self) -> dict[str, Any]:
        return {"node": self.node, "version": self.version, "variant": self.variant,
                "messages": self.messages, "recipients": self.recipients, "conversions": self.conversions,
                "converted": self.converted, "revenue": round(self.revenue, 2),
                "revenue_per_recipient": round(self.revenue_per_recipient, 4),
                "conversion_rate": round(self.conversion_rate, 6), "unsubscribes": self.unsubscribes,
                "clicks": self.clicks, "clicked": self.clicked}


def by_node(rows: Iterable[NodeFigures]) -> dict[str, NodeFigures]:
    """Node id → its figures over every version and variant (what a canvas badge shows)."""
    out: dict[str, NodeFigures] = {}
    for row in rows:
        total = out.setdefault(row.node, NodeFigures(row.node))
        total.add(row)
    return out


@dataclass
class CustomerOutcome:
    """One entrant of a journey with a holdout: their group and what they bought in the window."""

    held_out: bool
    orders: int = 0
    revenue: float = 0.0

    @property
    def converted(self) -> bool:
        return self.orders > 0


class AttributionTally:
    """Counts a simulation's customers one at a time by the rules above (a population run or a
    backtest streams its customers through and keeps only these counters)."""

    def __init__(self, journey: str, window: timedelta, holdout_window: timedelta | None = None) -> None:
        self.journey = journey
        self.window = window
        self.holdout_window = holdout_window
        self.rows: dict[NodeKey, NodeFigures] = {}
        self.outcomes: list[CustomerOutcome] = []
        self.mixed = 0

    def _row(self, touch: Touch) -> NodeFigures:
        key = (touch.version, touch.node, touch.variant)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = NodeFigures(touch.node, touch.version, touch.variant)
        return row

    def add_customer(self, touches: Sequence[Touch], purchases: Sequence[Purchase],
                     entries: Sequence[tuple[datetime, bool]] = (),
                     clicks: Sequence[tuple[Purchase, str]] = ()) -> None:
        """One customer: the messages they received (any journey), their orders, their entries
        into this journey as (moment, held out) and their clicks as (click, channel)."""
        touches = in_order(touches)
        seen: set[NodeKey] = set()
        for touch in touches:
            if touch.journey != self.journey:
                continue
            row = self._row(touch)
            row.messages += 1
            key = (touch.version, touch.node, touch.variant)
            if key not in seen:
                seen.add(key)
                row.recipients += 1
        converted: set[NodeKey] = set()
        for purchase, touch in credit(touches, purchases, self.window):
            if touch.journey != self.journey:
                continue
            row = self._row(touch)
            row.conversions += 1
            row.revenue += purchase.total
            key = (touch.version, touch.node, touch.variant)
            if key not in converted:
                converted.add(key)
                row.converted += 1
        clicked: set[NodeKey] = set()
        for click, channel in clicks:
            clicked_on = last_touch(touches, click.at, self.window, channel)
            if clicked_on is not None and clicked_on.journey == self.journey:
                self._row(clicked_on).clicks += 1
                key = (clicked_on.version, clicked_on.node, clicked_on.variant)
                if key not in clicked:
                    clicked.add(key)
                    self._row(clicked_on).clicked += 1
        if entries and self.holdout_window is not None:
            outcome = holdout_outcome(entries, purchases, self.holdout_window)
            if outcome is None:
                self.mixed += 1
            else:
                self.outcomes.append(outcome)

    def add_unsubscribes(self, touches: Sequence[Touch], unsubscribes: Iterable[tuple[datetime, str]]) -> None:
        for touch in credit_unsubscribes(in_order(touches), unsubscribes):
            if touch.journey == self.journey:
                self._row(touch).unsubscribes += 1

    def merge(self, other: AttributionTally) -> None:
        """Adds the tally of other customers (a chunk of a population run made in another
        process): every figure is a sum over customers, so chunks add up to one run."""
        for key, row in other.rows.items():
            mine = self.rows.get(key)
            if mine is None:
                self.rows[key] = dataclasses.replace(row)
            else:
                mine.add(row)
        self.outcomes.extend(other.outcomes)
        self.mixed += other.mixed

    def figures(self) -> list[NodeFigures]:
        return sorted(self.rows.values(), key=lambda r: (r.node, r.version or 0, r.variant or ""))


def holdout_outcome(entries: Sequence[tuple[datetime, bool]], purchases: Iterable[Purchase],
                    window: timedelta) -> CustomerOutcome | None:
    """A customer's group and the orders placed after one of their entries and at most `window`
    after it, each order once; None when their entries fell in both groups (the percentage was
    changed between versions), so they are left out of the comparison."""
    groups = {held for _, held in entries}
    if len(groups) != 1:
        return None
    outcome = CustomerOutcome(held_out=groups.pop())
    for purchase in purchases:
        if any(at < purchase.at <= at + window for at, _ in entries):
            outcome.orders += 1
            outcome.revenue += purchase.total
    return outcome


# -- the holdout setting -------------------------------------------------------------------------
@dataclass(frozen=True)
class Holdout:
    percent: float
    window: timedelta
    window_text: str = DEFAULT_HOLDOUT_WINDOW


def holdout_problems(value: Any) -> list[str]:
    """What is wrong with a `settings.holdout` value (validation names the setting)."""
    if not isinstance(value, Mapping):
        return ["must be {\"percent\": 10} (and optionally \"window\": \"P30D\")"]
    problems = []
    unknown = sorted(set(value) - {"percent", "window"})
    if unknown:
        problems.append(f"unknown key(s) {', '.join(unknown)} (percent, window)")
    percent = value.get("percent")
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not 0 < percent <= MAX_HOLDOUT_PERCENT:
        problems.append(f"percent: must be a number above 0 and at most {MAX_HOLDOUT_PERCENT}")
    if "window" in value:
        try:
            elapsed_window(value["window"], "window")
        except AttributionError as exc:
            problems.append(str(exc))
    return problems


def holdout_of(settings: Mapping[str, Any]) -> Holdout | None:
    """The journey's holdout, or None without one (a checked journey's setting is valid)."""
    value = settings.get("holdout")
    if not isinstance(value, Mapping) or holdout_problems(value):
        return None
    text = str(value.get("window") or DEFAULT_HOLDOUT_WINDOW)
    return Holdout(float(value["percent"]), elapsed_window(text), text)


def _fraction(secret: str, *parts: str) -> float:
    """A keyed hash of `parts` as a number in [0, 1): the same parts always give the same."""
    message = json.dumps(list(parts), ensure_ascii=False, separators=(",", ":"))
    digest = hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def is_held_out(secret: str, journey: str, customer: str, percent: float) -> bool:
    """Whether the customer is in the journey's held-out group (`percent` % of customers)."""
    return _fraction(secret, "holdout", journey, customer) * 100 < percent


def pick_weighted(secret: str, names: Sequence[str], weights: Sequence[float], *parts: str) -> str:
    """A deterministic weighted pick among `names` by a keyed hash of `parts`."""
    point = _fraction(secret, *parts) * sum(weights)
    acc = 0.0
    for name, weight in zip(names, weights, strict=True):
        acc += weight
        if point < acc:
            return name
    return names[-1]


@dataclass
class AttributionSummary:
    """Totals over the journey's message nodes."""

    messages: int = 0
    conversions: int = 0
    revenue: float = 0.0
    unsubscribes: int = 0
    nodes: dict[str, NodeFigures] = field(default_factory=dict)


def summarize(rows: Iterable[NodeFigures]) -> AttributionSummary:
    rows = list(rows)
    out = AttributionSummary(nodes=by_node(rows))
    for row in rows:
        out.messages += row.messages
        out.conversions += row.conversions
        out.revenue += row.revenue
        out.unsubscribes += row.unsubscribes
    return out


__all__ = ["CLICK_EVENTS", "DEFAULT_HOLDOUT_WINDOW", "DEFAULT_WINDOW", "HOLDOUT_EXIT", "RECEIVED_STATUS", "UNSUBSCRIBED",
           "WINDOW_CHOICES", "AttributionError", "AttributionSummary", "AttributionTally", "CustomerOutcome",
           "Holdout", "NodeFigures", "Purchase", "Touch", "by_node", "credit", "credit_unsubscribes",
           "elapsed_window", "holdout_of", "holdout_outcome", "holdout_problems", "in_order", "is_held_out",
           "last_touch", "pick_weighted", "summarize"]
