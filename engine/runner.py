"""The engine: one customer walking one journey under a clock (spec §5).

All pending work of the customer sits in one heap ordered by (moment, priority, sequence).
Customer events have the highest priority, so at any instant they are applied before the
engine acts; tokens (a customer's paths) act in the order they became due. The virtual clock
pops the heap moment by moment; a sending session drives the same object with the real clock
and persists what `snapshot()` returns between wake-ups.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_right, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from engine.compiled import CompiledJourney, NodePlan
from engine.compose import compose
from engine.context import CustomerContext, Levels
from engine.discounts import DEFAULT_SECRET
from engine.fields import date_field_moment
from engine.profile import Event, Profile, anniversary
from engine.steps import Step
from engine.timeutil import (
    Duration,
    add_duration,
    local_wall_to_utc,
    parse_duration,
    subtract_duration,
)

PRIO_EVENT, PRIO_TRIGGER, PRIO_TOKEN = 0, 1, 2
MAX_ACTIONS_PER_INSTANT = 10_000
# The last guard against a journey that loops faster than anyone meant (validation refuses
# loops that can take no time at all): more messages than this from one journey to one
# customer within 24 hours are skipped with reason `safety_cap`.
SAFETY_CAP = 20
SAFETY_WINDOW = timedelta(hours=24)


@dataclass
class Enrollment:
    id: int
    entered_at: datetime
    entry_props: dict[str, Any]
    tokens: set[int] = field(default_factory=set)
    visits: dict[str, int] = field(default_factory=dict)
    ended_at: datetime | None = None
    end_reason: str | None = None
    instant: datetime | None = None
    actions_this_instant: int = 0
    # The sending session's database id of this enrollment (None under the virtual clock).
    key: int | None = None

    @property
    def active(self) -> bool:
        return self.ended_at is None


@dataclass
class Token:
    """One path of one enrollment: where it stands and what it waits for."""

    id: int
    enrollment: Enrollment
    node: str
    state: str = "ready"  # ready, delay, wait_event, deferred
    due: datetime | None = None
    gen: int = 0
    port: str | None = None  # the port a finished wait leaves by
    alive: bool = True


@dataclass(eq=False)  # identity: per-options caches key on the instance
class RunOptions:
    seed: int = 0
    secret: str = DEFAULT_SECRET
    render: bool = True
    # False leaves `discount_code` empty on sent steps (no code is minted): for population
    # runs, which only count what was sent.
    discount_codes: bool = True
    shop: Mapping[str, Any] | None = None
    default_tz: str | None = None
    levels: Levels | None = None
    unsubscribe_url: Callable[[str, str], str] | None = None
    explain: bool = True  # False: conditions record no explanation (a sending session shows none)
    safety_cap: int = SAFETY_CAP
    # The shop's caps across journeys, per channel: at most `max` marketing messages within
    # `per` (engine.shop_options builds them from the shop's settings; docs/engine.md).
    shop_caps: Mapping[str, tuple[tuple[int, Duration], ...]] = field(default_factory=dict)


def in_quiet_hours(local: time, start: time, end: time) -> bool:
    """[start, end) in local time, wrapping past midnight when start > end."""
    if start < end:
        return start <= local < end
    return local >= start or local < end


def _channel_of(plan: NodePlan) -> str:
    """The channel of a message node (the runner sends at message nodes only)."""
    if plan.channel is None:
        raise ValueError(f"node {plan.node.id!r} sends no message")
    return plan.channel


# A late-message policy (the sending session's catch-up): given the run at a message that is
# about to be sent, None to send it, ("skip", None) to skip it with reason `late`, or
# ("defer", moment) to wait at the message until then.
LatePolicy = Callable[["CustomerRun"], "tuple[str, datetime | None] | None"]


@lru_cache(maxsize=4096)
def _window_start(now: datetime, per: Duration, tz_key: str) -> datetime:
    """`now − per` in a zone: a batch checks thousands of customers' caps at the same moment."""
    return subtract_duration(now, per, tz_key)


class CustomerRun:
    """One customer in one journey, from `start` on.

    The virtual clock uses the defaults. A sending session passes `queue_events=False`
    (events are delivered with `deliver_event` as they arrive, not read ahead from the
    profile) and `schedule_triggers=False` when `engine.runstate.restore` puts back the
    pending trigger checks itself; it may also set `late_policy` (catch-up after the app was
    closed) and `entries_closed` (a version that only lets its customers finish).
    """

    def __init__(self, journey: CompiledJourney, profile: Profile, start: datetime,
                 options: RunOptions | None = None, *, queue_events: bool = True,
                 schedule_triggers: bool = True) -> None:
        self.journey = journey
        self.profile = profile
        self.options = options or RunOptions()
        self.start = start
        self.ctx = CustomerContext(profile, now=start, tz_name=self.options.default_tz,
                                   segments=journey.segments, levels=self.options.levels)
        self.tz = self.ctx.tz
        self.tz_key = str(self.tz.key)
        self.now = start
        self.steps: list[Step] = []
        self.enrollments: list[Enrollment] = []
        self.tokens: dict[int, Token] = {}
        self.sent_times: list[datetime] = []
        # Marketing messages the customer got, by channel, from this journey and (in a sending
        # session, or a simulation of several journeys) from the others: the shop's caps count
        # them all. A run on its own has a ledger of its own.
        self.ledger: dict[str, list[datetime]] = {}
        self._heap: list[tuple] = []
        self._seq = itertools.count()
        self._token_ids = itertools.count(1)
        self._waiting: dict[str, list[Token]] = {}
        self._trigger_gen = 0
        self._in_segment = False
        self._last_date_fire: datetime | None = None
        self.conversions = 0
        self.late_policy: LatePolicy | None = None
        self.entries_closed = False
        # Set by a sending session when the customer is still finishing an older version of
        # this journey: `after_exit` keeps them out of this one until that enrollment ends.
        self.active_elsewhere = False
        if not queue_events:
            if schedule_triggers:
                self._schedule_trigger_checks(initial=True)
            return
        # The customer's future events, in time order, are already a valid heap. Events the
        # journey cannot react to (see CompiledJourney.relevant_events) are left out: applying
        # them would change nothing.
        relevant = journey.relevant_events
        seq = self._seq
        self._heap = [(event.at, PRIO_EVENT, next(seq), ("event", event, False))
                      for event in self.ctx.timeline
                      if event.at >= start and (relevant is None or event.type in relevant)]
        if schedule_triggers:
            self._schedule_trigger_checks(initial=True)

    # -- the heap --------------------------------------------------------------------------
    def _push(self, due: datetime, prio: int, item: tuple) -> None:
        heapq.heappush(self._heap, (due, prio, next(self._seq), item))

    def _live(self, entry: tuple) -> bool:
        item = entry[3]
        if item[0] == "token":
            token, gen = item[1], item[2]
            return token.alive and token.gen == gen
        if item[0] == "trigger_check":
            return item[2] == self._trigger_gen
        return True

    def next_due(self) -> datetime | None:
        """The moment of the next live piece of work, dropping stale ones on the way."""
        while self._heap and not self._live(self._heap[0]):
            heapq.heappop(self._heap)
        return self._heap[0][0] if self._heap else None

    def process_next(self, until: datetime | None = None) -> list[Step]:
        """Does one piece of work (an event, a trigger check or one node) and returns the steps
        it recorded; nothing when no work is due by `until`."""
        due = self.next_due()
        if due is None or (until is not None and due > until):
            return []
        before = len(self.steps)
        self._do(heapq.heappop(self._heap))
        return self.steps[before:]

    def _do(self, entry: tuple) -> None:
        self.now = self.ctx.now = max(self.now, entry[0])
        item = entry[3]
        kind = item[0]
        if kind == "token":
            self._act(item[1])
        elif kind == "event":
            self._apply_event(item[1], item[2])
        elif kind == "trigger_check":
            self._trigger_check(item[1])

    def run_until(self, until: datetime) -> list[Step]:
        before = len(self.steps)
        # process_next() in a loop, with the staleness test of _live() inlined: this loop is
        # the engine's innermost one in a population run.
        heap = self._heap
        pop = heapq.heappop
        while heap:
            entry = heap[0]
            item = entry[3]
            kind = item[0]
            if kind == "token":
                token = item[1]
                if not token.alive or token.gen != item[2]:
                    pop(heap)
                    continue
            elif kind == "trigger_check" and item[2] != self._trigger_gen:
                pop(heap)
                continue
            if entry[0] > until:
                break
            pop(heap)
            self._do(entry)
        if until > self.now:
            self.now = self.ctx.now = until
        return self.steps[before:]

    def finish(self, until: datetime) -> list[Step]:
        """Runs to `until` and ends whatever is still in progress with reason `until`."""
        before = len(self.steps)
        self.run_until(until)
        for enrollment in self.enrollments:
            if enrollment.active:
                self._end(enrollment, "until", until)
        return self.steps[before:]

    # -- events ----------------------------------------------------------------------------
    def inject_event(self, event: Event) -> None:
        """A what-if or a live event: it becomes the customer's data and is applied at its time."""
        self.ctx.timeline  # noqa: B018 - the data as it was before: applying the event adds it
        self.profile.events.append(event)
        self._push(event.at, PRIO_EVENT, ("event", event, True))

    def deliver_event(self, event: Event) -> None:
        """An event that is already part of the profile the run was built from (a sending
        session reads the customer's data fresh from the database at every wake-up): the run
        reacts to it at its time, but it is not added to the data a second time."""
        if self.journey.relevant_events is None or event.type in self.journey.relevant_events:
            self._push(event.at, PRIO_EVENT, ("event", event, False))

    def _apply_event(self, event: Event, new_data: bool) -> None:
        if new_data:
            self.ctx.add_event(event)
        etype = event.type
        if etype in self.journey.exit_on_events:
            for rule in self.journey.exit_on:
                if rule.event != etype:
                    continue
                for enrollment in self.enrollments:
                    # A goal reached before the customer entered (an order imported late) is not
                    # this enrollment's conversion.
                    if enrollment.active and event.at >= enrollment.entered_at and (
                            not rule.match or rule.matches(event.properties, enrollment.entry_props)) and (
                            rule.filter is None or self._holds(rule.filter, enrollment)):
                        self.conversions += 1
                        self._end(enrollment, "goal", self.now)
        for token in self._waiting.pop(etype, []):
            if not token.alive or token.state != "wait_event":
                continue
            plan = self.journey.plans[token.node]
            if plan.rule is not None and not self._holds(plan.rule, token.enrollment):
                self._waiting.setdefault(etype, []).append(token)
                continue
            self._wake(token, self.now, "yes")
        trigger = self.journey.trigger
        # An event from before the run's start (history a session reads on its first start, an
        # import of last year's orders) happened before the journey could see it: no entry.
        # Whole seconds: stored events have no fractions, a publish moment has.
        if (trigger.kind == "event" and trigger.node.config["event"] == etype
                and event.at >= self.start.replace(microsecond=0)):
            if trigger.rule is None or self._holds_entry(trigger.rule, event):
                self._enter(self.now, dict(event.properties))
        self._schedule_trigger_checks()

    def _bind(self, enrollment: Enrollment) -> CustomerContext:
        """Points `entry.*` fields at this enrollment before a rule or date field is read."""
        self.ctx.entry_at, self.ctx.entry_props = enrollment.entered_at, enrollment.entry_props
        return self.ctx

    def _holds(self, rule, enrollment: Enrollment, trace: list | None = None) -> bool:
        return bool(rule(self._bind(enrollment), trace))

    def _holds_entry(self, rule, event: Event) -> bool:
        self.ctx.entry_at, self.ctx.entry_props = event.at, event.properties
        return bool(rule(self.ctx, None))

    # -- triggers that are not events ------------------------------------------------------
    def _schedule_trigger_checks(self, initial: bool = False) -> None:
        """(Re)computes when a time-based trigger fires next; older computations go stale."""
        trigger = self.journey.trigger
        kind = trigger.kind
        if kind == "event":
            return
        self._trigger_gen += 1
        gen = self._trigger_gen
        if kind == "inactivity":
            last = self.ctx.last_order()
            if last is not None:
                fire = add_duration(last.placed_at, trigger.wait(), self.tz)
                if fire >= self.start and fire >= self.now:
                    self._push(fire, PRIO_TRIGGER, ("trigger_check", ("inactivity", last.placed_at), gen))
        elif kind == "date":
            next_fire = self._next_date_fire(trigger.node.config)
            if next_fire is not None:
                self._push(next_fire, PRIO_TRIGGER, ("trigger_check", ("date", next_fire), gen))
        elif kind == "segment":
            if initial:
                self._in_segment = self.ctx.in_segment(trigger.node.config["segment"])
                self._push(self.start, PRIO_TRIGGER, ("trigger_check", ("segment_daily", None), gen))
            else:
                self._push(self.now, PRIO_TRIGGER, ("trigger_check", ("segment", None), gen))

    def _next_date_fire(self, cfg: Mapping[str, Any]) -> datetime | None:
        """The next moment a date trigger fires, not before the start and not twice.

        A birthdate recurs: its anniversaries are tried year by year, so a birthday journey
        (with an offset like -P7D) fires every year of a long simulation.
        """
        offset = cfg.get("offset") or "P0D"
        earliest = max(self.start, self.now)
        if cfg["field"] == "customer.birthdate":
            born = self.profile.customer.get("birthdate")
            if not isinstance(born, date):
                return None
            year = earliest.astimezone(self.tz).year - 1
            for y in range(year, year + 4):
                day = anniversary(born, y)
                fire = add_duration(local_wall_to_utc(day, time(0, 0), self.tz), offset, self.tz)
                if fire >= earliest and fire != self._last_date_fire:
                    return fire
            return None
        base = date_field_moment(self.ctx, cfg["field"])
        if base is None:
            return None
        fire = add_duration(base, offset, self.tz)
        return fire if fire >= earliest and fire != self._last_date_fire else None

    def _trigger_check(self, payload: tuple) -> None:
        what, value = payload
        trigger = self.journey.trigger
        if what == "inactivity":
            last = self.ctx.last_order()
            if last is not None and last.placed_at == value:
                self._enter(self.now, {})
        elif what == "date":
            self._last_date_fire = value
            self._enter(self.now, {})
            self._schedule_trigger_checks()
        elif what in ("segment", "segment_daily"):
            member = self.ctx.in_segment(trigger.node.config["segment"])
            if member and not self._in_segment:
                self._enter(self.now, {})
            self._in_segment = member
            if what == "segment_daily":
                local = self.now.astimezone(self.tz)
                next_midnight = local_wall_to_utc(local.date() + timedelta(days=1), time(0, 0), self.tz)
                self._push(next_midnight, PRIO_TRIGGER, ("trigger_check", ("segment_daily", None),
                                                         self._trigger_gen))

    # -- entering and ending ---------------------------------------------------------------
    def _may_enter(self, at: datetime) -> bool:
        if at < self.start or self.entries_closed:
            return False
        reentry = self.journey.reentry
        if reentry == "always":
            return True
        if reentry == "never":
            return not self.enrollments
        if self.active_elsewhere or any(e.active for e in self.enrollments):
            return False
        if not self.enrollments:
            return True
        last = self.enrollments[-1]
        if self.journey.cooldown is not None and last.ended_at is not None:
            return add_duration(last.ended_at, self.journey.cooldown, self.tz) <= at
        return True

    def _enter(self, at: datetime, props: dict[str, Any]) -> None:
        if not self._may_enter(at):
            return
        enrollment = Enrollment(len(self.enrollments) + 1, at, props)
        self.enrollments.append(enrollment)
        self._spawn(enrollment, self.journey.trigger_id, at)

    def _spawn(self, enrollment: Enrollment, node_id: str, at: datetime) -> None:
        token = Token(next(self._token_ids), enrollment, node_id)
        self.tokens[token.id] = token
        enrollment.tokens.add(token.id)
        self._schedule(token, at)

    def _schedule(self, token: Token, due: datetime) -> None:
        token.gen += 1
        token.due = due
        self._push(due, PRIO_TOKEN, ("token", token, token.gen))

    def _end(self, enrollment: Enrollment, reason: str, at: datetime) -> None:
        for tid in enrollment.tokens:
            token = self.tokens.pop(tid, None)
            if token is not None:
                token.alive = False
        enrollment.tokens.clear()
        enrollment.ended_at, enrollment.end_reason = at, reason
        self._record(Step(at, None, "exit", "exited", reason=reason, enrollment=enrollment.id))

    def _finish_token(self, token: Token) -> None:
        token.alive = False
        self.tokens.pop(token.id, None)
        enrollment = token.enrollment
        enrollment.tokens.discard(token.id)
        if not enrollment.tokens and enrollment.active:
            self._end(enrollment, "completed", self.now)

    def _record(self, step: Step) -> None:
        self.steps.append(step)

    # -- acting at a node ------------------------------------------------------------------
    def _move_on(self, token: Token, port: str) -> None:
        targets = self.journey.plans[token.node].next.get(port, ())
        if not targets:
            self._finish_token(token)
            return
        enrollment = token.enrollment
        token.node, token.state, token.port = targets[0], "ready", None
        self._schedule(token, self.now)
        for target in targets[1:]:
            self._spawn(enrollment, target, self.now)

    def _wake(self, token: Token, at: datetime, port: str) -> None:
        token.state, token.port = "woken", port
        self._schedule(token, at)

    def _act(self, token: Token) -> None:
        enrollment = token.enrollment
        if enrollment.instant != self.now:
            enrollment.instant, enrollment.actions_this_instant = self.now, 0
        enrollment.actions_this_instant += 1
        if enrollment.actions_this_instant > MAX_ACTIONS_PER_INSTANT:
            self._end(enrollment, "loop", self.now)
            return
        plan = self.journey.plans[token.node]
        plan.act(self, token, plan)  # the kind's act (engine/kinds.py), put into the plan when compiled

    def _send_message(self, token: Token, plan: NodePlan, address: str | None) -> None:
        """A message kind's act: sends, skips or defers the message, then goes on by `out`.

        `address` is the customer field the channel sends to (None: the channel needs none).
        """
        enrollment, node_id, channel = token.enrollment, plan.node.id, _channel_of(plan)
        if token.state != "deferred":
            enrollment.visits[node_id] = enrollment.visits.get(node_id, 0) + 1
        customer = self.profile.customer
        # A transactional message (a payment reminder) needs no marketing consent and no cap
        # holds it back; it still needs an address, and the safety cap still guards loops.
        marketing = plan.node.config.get("purpose") != "transactional"
        reason = None
        if marketing and not self.profile.consent(channel):
            reason = "no_consent"
        elif address is not None and not customer.get(address):
            reason = "no_address"
        elif marketing and self._capped():
            reason = "frequency_cap"
        elif marketing and self._over_shop_cap(channel):
            reason = "shop_cap"
        elif self._over_safety_cap():
            reason = "safety_cap"
        visit = enrollment.visits.get(node_id, 0)
        if reason is not None:
            self._record(Step(self.now, node_id, "message", "skipped", reason=reason, channel=channel,
                              enrollment=enrollment.id, visit=visit))
            self._move_on(token, "out")
            return
        quiet_end = self._quiet_end()
        if quiet_end is not None:
            self._defer(token, node_id, channel, quiet_end, visit)
            return
        if self.journey.exit_if is not None and self._holds(self.journey.exit_if, enrollment):
            self._end(enrollment, "filter", self.now)
            return
        if self.late_policy is not None:
            decision = self.late_policy(self)
            if decision is not None:
                action, until = decision
                if action == "defer" and until is not None and until > self.now:
                    self._defer(token, node_id, channel, until, visit)
                    return
                self._record(Step(self.now, node_id, "message", "skipped", reason="late", channel=channel,
                                  enrollment=enrollment.id, visit=visit))
                self._move_on(token, "out")
                return
        step = Step(self.now, node_id, "message", "sent", channel=channel, enrollment=enrollment.id,
                    visit=visit)
        compose(self, step, plan, enrollment)
        if step.event == "sent":
            self.sent_times.append(self.now)
            if marketing and channel is not None:
                insort(self.ledger.setdefault(channel, []), self.now)
        self._record(step)
        self._move_on(token, "out")

    def _defer(self, token: Token, node_id: str, channel: str | None, until: datetime, visit: int) -> None:
        self._record(Step(self.now, node_id, "message", "deferred", until=until, channel=channel,
                          enrollment=token.enrollment.id, visit=visit))
        token.state = "deferred"
        self._schedule(token, until)

    def _capped(self) -> bool:
        cap = self.journey.cap
        if cap is None:
            return False
        limit, per = cap
        if len(self.sent_times) < limit:  # fewer sent in all than the cap allows in `per`
            return False
        since = subtract_duration(self.now, per, self.tz)
        recent = sum(1 for t in self.sent_times if since < t <= self.now)
        return recent >= limit

    def _over_shop_cap(self, channel: str | None) -> bool:
        caps = self.options.shop_caps.get(channel or "")
        if not caps:
            return False
        times = self.ledger.get(channel or "", ())
        for limit, per in caps:
            if len(times) < limit:
                continue
            since = _window_start(self.now, per, self.tz_key)
            recent = bisect_right(times, self.now) - bisect_right(times, since)
            if recent >= limit:
                return True
        return False

    def _over_safety_cap(self) -> bool:
        times = self.sent_times
        cap = self.options.safety_cap
        if len(times) < cap:
            return False
        return bisect_right(times, self.now - SAFETY_WINDOW) <= len(times) - cap

    def _quiet_end(self) -> datetime | None:
        quiet = self.journey.quiet
        if quiet is None:
            return None
        start, end = quiet
        local = self.now.astimezone(self.tz)
        if not in_quiet_hours(local.time().replace(tzinfo=None), start, end):
            return None
        day = local.date()
        candidate = local_wall_to_utc(day, end, self.tz)
        if candidate <= self.now:
            candidate = local_wall_to_utc(day + timedelta(days=1), end, self.tz)
        return candidate


def simulate_customer(journey: CompiledJourney, profile: Profile, start: datetime, until: datetime,
                      options: RunOptions | None = None) -> list[Step]:
    run = CustomerRun(journey, profile, start, options)
    run.finish(until)
    return run.steps


def parse_until(text: str | None, start: datetime) -> datetime:
    """`--until` takes a moment or a duration after the start (default P400D)."""
    from engine.timeutil import parse_moment

    if text is None:
        return add_duration(start, "P400D")
    if text.lstrip("-").startswith("P"):
        return add_duration(start, parse_duration(text))
    return parse_moment(text)
