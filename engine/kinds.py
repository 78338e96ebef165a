"""What each built-in node kind does, as the hooks engine/registry.py declares it with.

A kind's behaviour lives in one place, grouped here by node type, and the compiler, the
runner's dispatch, validation and the canvas cards call these hooks instead of branching on a
kind's name (when a trigger fires is still the run's: CustomerRun._schedule_trigger_checks):

- `plan(plan, config)` precomputes into the node's NodePlan what does not depend on the
  customer (rules compiled, durations parsed), once per journey;
- `act(run, token, plan)` is what the runner does when a token is due at the node.
  CompiledJourney copies it into the NodePlan, so the runner's inner loop calls it without
  looking anything up by name;
- `check(config, bad)` and `takes_time(config)` tell validation what a kind needs beyond each
  field's own check, and whether passing it surely takes time (a loop needs a wait that does);
- `summary(config)` is the canvas card's line as English words with typed parts. The widget
  layer translates the words and formats the parts (durations, rules, templates, weekdays),
  which keeps this module free of Qt.

Acts build on the runner's own primitives (`_record`, `_schedule`, `_move_on`, `_bind`,
`_holds`, `_send_message`): the run keeps the heap, tokens and enrollments, a kind decides what
happens at its node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from engine.attribution import HOLDOUT_EXIT, is_held_out
from engine.fields import date_field_moment
from engine.rules import compile_rule
from engine.steps import Step
from engine.timeutil import TimeFormatError, add_duration, parse_duration, parse_time_of_day, zone

if TYPE_CHECKING:
    from apscheduler.triggers.cron import CronTrigger

    from engine.compiled import NodePlan
    from engine.runner import CustomerRun, Token

# An SMS card shows this many characters of the text, the last one an ellipsis when cut.
SMS_CHARS = 40


# -- the summaries' vocabulary ---------------------------------------------------------------
@dataclass(frozen=True)
class Words:
    """English text with named parts; the widget layer translates `text` under the context
    `summaries` (widgets/summaries.py lists every such text for lupdate) and fills in the parts."""

    text: str
    parts: Mapping[str, Part] = field(default_factory=dict)


@dataclass(frozen=True)
class DurationText:
    """An ISO duration shown as '1 day 12 hours', its sign dropped (the words say before/after)."""

    value: Any


@dataclass(frozen=True)
class RuleText:
    """A rule tree shown in words."""

    rule: Any


@dataclass(frozen=True)
class TemplateText:
    """A template shown without its syntax, cut to `limit` characters; `empty` if nothing is left."""

    text: Any
    limit: int | None = None
    empty: Words | None = None


@dataclass(frozen=True)
class WeekdaysText:
    """Weekday keys (mon … sun) shown as translated short names."""

    days: tuple[str, ...]


@dataclass(frozen=True)
class FieldText:
    """A customer field by its label ('Days since last order'), not its path."""

    name: Any


@dataclass(frozen=True)
class Joined:
    """Parts shown one after the other."""

    parts: tuple[Part, ...]


Part = str | Words | DurationText | RuleText | TemplateText | WeekdaysText | FieldText | Joined


def _is_negative(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("-")


def _is_zero(value: Any) -> bool:
    try:
        return parse_duration(value).approx_seconds() == 0
    except TimeFormatError:
        return value in (None, "")


def _positive(value: Any) -> bool:
    try:
        d = parse_duration(value)
    except TimeFormatError:
        return True  # validation reports a bad duration on its own
    return not d.negative and d.approx_seconds() > 0


def _offset(date_field: Any, offset: Any) -> Part:
    """'entry.due_date − 3 days'; the bare field when the offset is zero."""
    if _is_zero(offset):
        return FieldText(date_field)
    return Joined((FieldText(date_field), " − " if _is_negative(offset) else " + ", DurationText(offset)))


# -- triggers --------------------------------------------------------------------------------
def act_trigger(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    """Every trigger kind enters the same way; they differ in when the run fires them. A journey
    with a holdout records its held-out entrants entering and at once leaving (exit reason
    `holdout`), so the simulator shows who was kept out and the report can compare them."""
    run._record(Step(run.now, plan.node.id, "trigger", "entered", enrollment=token.enrollment.id))
    holdout = run.journey.holdout
    if holdout is not None and is_held_out(run.options.secret, run.journey.name, run.profile.id, holdout.percent):
        run._end(token.enrollment, HOLDOUT_EXIT, run.now)
        return
    run._move_on(token, "out")


def plan_event_trigger(plan: NodePlan, config: Mapping[str, Any]) -> None:
    if config.get("filter"):
        plan.rule = compile_rule(config["filter"])


def summary_event_trigger(config: Mapping[str, Any]) -> Part:
    words = Words("When {event}", {"event": str(config.get("event") or "?")})
    if config.get("filter"):
        return Joined((words, Words(", if {rule}", {"rule": RuleText(config["filter"])})))
    return words


def plan_inactivity(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.duration = parse_duration(config["after"])


def summary_inactivity(config: Mapping[str, Any]) -> Part:
    return Words("{after} after the last order", {"after": DurationText(config.get("after"))})


def summary_date_trigger(config: Mapping[str, Any]) -> Part:
    offset, date_field = config.get("offset"), str(config.get("field", "?"))
    if _is_zero(offset):
        return Words("On {field}", {"field": FieldText(date_field)})
    if _is_negative(offset):
        return Words("{offset} before {field}", {"offset": DurationText(offset), "field": FieldText(date_field)})
    return Words("{offset} after {field}", {"offset": DurationText(offset), "field": FieldText(date_field)})


def summary_segment_trigger(config: Mapping[str, Any]) -> Part:
    return Words("Joins segment {segment}", {"segment": str(config.get("segment") or "?")})


# -- delays ----------------------------------------------------------------------------------
def _delay(run: CustomerRun, token: Token, plan: NodePlan, until: datetime) -> None:
    """Waits at the node until `until` (now when it has passed); the token then leaves by `out`."""
    until = max(until, run.now)
    run._record(Step(run.now, plan.node.id, "delay", "waiting", until=until, enrollment=token.enrollment.id))
    token.state = "delay"
    run._schedule(token, until)


def may_pass_at_once(config: Mapping[str, Any]) -> bool:
    """A time window (now included) and a moment already past let a customer through at once."""
    return False


def takes_time_wait_duration(config: Mapping[str, Any]) -> bool:
    """A `PT0S` delay lets a customer through at once."""
    return _positive(config.get("duration"))


def plan_wait_duration(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.duration = parse_duration(config["duration"])


def act_wait_duration(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    if token.state == "delay":
        run._move_on(token, "out")
        return
    _delay(run, token, plan, add_duration(run.now, plan.wait(), run.tz))


def summary_wait_duration(config: Mapping[str, Any]) -> Part:
    return Words("Wait {duration}", {"duration": DurationText(config.get("duration"))})


def act_wait_until(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    if token.state == "delay":
        run._move_on(token, "out")
        return
    cfg = plan.node.config
    base = date_field_moment(run._bind(token.enrollment), cfg["field"])
    _delay(run, token, plan, run.now if base is None else add_duration(base, cfg.get("offset") or "P0D", run.tz))


def summary_wait_until(config: Mapping[str, Any]) -> Part:
    return Words("Until {when}", {"when": _offset(config.get("field", "?"), config.get("offset"))})


@lru_cache(maxsize=1024)
def _cron(at: str, weekdays: tuple[str, ...], tz_key: str) -> CronTrigger:
    """Imported here, once per distinct window: the registry imports this module, and reading
    a journey file needs no scheduler."""
    from apscheduler.triggers.cron import CronTrigger

    t = parse_time_of_day(at)
    return CronTrigger(hour=t.hour, minute=t.minute, second=0,
                       day_of_week=",".join(weekdays) if weekdays else "*", timezone=zone(tz_key))


def next_time_window(now: datetime, at: str, weekdays: tuple[str, ...], tz_key: str) -> datetime:
    """The next local `at` on the allowed weekdays, `now` included (APScheduler's arithmetic,
    the same the sending session's scheduler uses)."""
    fire = _cron(at, weekdays, tz_key).get_next_fire_time(None, now)
    return fire.astimezone(now.tzinfo)


def act_time_window(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    if token.state == "delay":
        run._move_on(token, "out")
        return
    cfg = plan.node.config
    _delay(run, token, plan, next_time_window(run.now, cfg["at"], tuple(cfg.get("weekdays") or ()), run.tz_key))


def summary_time_window(config: Mapping[str, Any]) -> Part:
    at, days = str(config.get("at", "?")), config.get("weekdays")
    if isinstance(days, list) and days:
        return Words("Next {at} ({days})", {"at": at, "days": WeekdaysText(tuple(str(d) for d in days))})
    return Words("Next {at}", {"at": at})


# -- conditions ------------------------------------------------------------------------------
def _trace(run: CustomerRun) -> list[str] | None:
    """A list to collect why a rule held, when anyone will read it."""
    return [] if run.options.render and run.options.explain else None


def _evaluated(run: CustomerRun, token: Token, plan: NodePlan, port: str, trace: list[str] | None) -> None:
    run._record(Step(run.now, plan.node.id, "condition", "evaluated", port=port,
                     enrollment=token.enrollment.id, explanation=trace or []))
    run._move_on(token, port)


def plan_rule(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.rule = compile_rule(config["rule"])


def act_rule(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    trace = _trace(run)
    _evaluated(run, token, plan, "yes" if run._holds(plan.rule, token.enrollment, trace) else "no", trace)


def summary_rule(config: Mapping[str, Any]) -> Part:
    return RuleText(config.get("rule"))


def _branch_names(config: Mapping[str, Any]) -> list[str]:
    branches = config.get("branches")
    if not isinstance(branches, list):
        return []
    return [str(b.get("port", "?")) for b in branches if isinstance(b, Mapping)]


def plan_split(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.branches = [(b["port"], compile_rule(b["rule"])) for b in config["branches"]]
    plan.else_port = config["else"]


def check_split(config: Mapping[str, Any], bad: Callable[[str], None]) -> None:
    """The else port must differ from every branch's, or a customer could not tell them apart."""
    if isinstance(config.get("branches"), list):
        ports = [b.get("port") for b in config["branches"] if isinstance(b, Mapping)]
        if config.get("else") in ports:
            bad(f"else: '{config['else']}' is also a branch's port")


def act_split(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    trace = _trace(run)
    _evaluated(run, token, plan, run.journey.split_port(plan, run._bind(token.enrollment), trace), trace)


def summary_split(config: Mapping[str, Any]) -> Part:
    ports = _branch_names(config) + ([str(config["else"])] if config.get("else") else [])
    return Words("Split: {ports}", {"ports": " / ".join(ports) or "–"})


def plan_random(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.branches = [(b["port"], float(b["weight"])) for b in config["branches"]]


def act_random(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    _evaluated(run, token, plan, run.journey.random_port(plan, run.profile.id, run.options.seed), None)


def summary_random(config: Mapping[str, Any]) -> Part:
    branches = [b for b in config.get("branches") or [] if isinstance(b, Mapping)]
    weights = [w if isinstance(w := b.get("weight"), int | float) else 0 for b in branches]
    total = sum(weights) or 1
    parts = [f"{b.get('port', '?')} {round(100 * w / total):g} %" for b, w in zip(branches, weights, strict=True)]
    return Words("Random: {parts}", {"parts": " / ".join(parts) or "–"})


def plan_wait_event(plan: NodePlan, config: Mapping[str, Any]) -> None:
    plan.duration = parse_duration(config["timeout"])
    plan.rule = compile_rule(config["filter"]) if config.get("filter") else None


def takes_time_wait_event(config: Mapping[str, Any]) -> bool:
    return _positive(config.get("timeout"))


def act_wait_event(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    """Files the token under its event; the run wakes it by `yes` when the event comes
    (CustomerRun._apply_event), the timeout sends it on by `no`."""
    node_id, enrollment = plan.node.id, token.enrollment
    if token.state == "woken":
        port = token.port or "yes"
        run._record(Step(run.now, node_id, "condition", "evaluated", port=port, enrollment=enrollment.id))
        run._move_on(token, port)
        return
    if token.state == "wait_event":  # the timeout came first
        run._record(Step(run.now, node_id, "condition", "evaluated", port="no", enrollment=enrollment.id))
        run._move_on(token, "no")
        return
    until = add_duration(run.now, plan.wait(), run.tz)
    run._record(Step(run.now, node_id, "condition", "waiting", until=until, enrollment=enrollment.id))
    token.state = "wait_event"
    run._waiting.setdefault(plan.node.config["event"], []).append(token)
    run._schedule(token, until)


def summary_wait_event(config: Mapping[str, Any]) -> Part:
    return Words("Wait for {event} (at most {timeout})",
                 {"event": str(config.get("event") or "?"), "timeout": DurationText(config.get("timeout"))})


# -- messages --------------------------------------------------------------------------------
# A message kind's act names the customer field its channel needs an address in; consent,
# caps, quiet hours and rendering are the same for every channel (CustomerRun._send_message).
def act_email(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    run._send_message(token, plan, "email")


def summary_email(config: Mapping[str, Any]) -> Part:
    return Words("Email: {subject}", {"subject": TemplateText(config.get("subject"), empty=Words("(no subject)"))})


def check_email(config: Mapping[str, Any], bad: Callable[[str], None]) -> None:
    """A text or HTML email needs its body; a designed one its blocks (each block checked, a
    marketing one with its unsubscribe footer); each language variant is checked the same way."""
    _check_email_content(config, config, "", bad)
    check_message(config, bad, "email")


def _check_email_content(content: Mapping[str, Any], base: Mapping[str, Any], where: str,
                         bad: Callable[[str], None]) -> None:
    from engine.email_blocks import check_blocks

    merged = {**base, **content}
    if merged.get("format") == "blocks":
        blocks = merged.get("blocks")
        if blocks is None:
            bad(f"{where}blocks: missing (a designed email needs its blocks)")
            return
        if "blocks" not in content and where:
            return  # the base's blocks, checked as the base
        for message in check_blocks(blocks, purpose=str(base.get("purpose") or "marketing"),
                                    has_discount=bool(base.get("discount"))):
            bad(f"{where}blocks{message}")
    elif merged.get("body") is None:
        bad(f"{where}body: missing")


def check_message(config: Mapping[str, Any], bad: Callable[[str], None], channel: str) -> None:
    """The variants of a message: language codes, each with its channel's fields, each field
    checked as the node's own."""
    from engine.templates import check_template
    from engine.variants import check_variants

    if config.get("variants") is None:
        return

    def content(variant: Mapping[str, Any], where: str) -> None:
        for name, value in variant.items():
            if name in ("format", "blocks"):
                continue
            if not isinstance(value, str):
                bad(f"{where}.{name}: must be text")
                continue
            problem = check_template(value)
            if problem:
                bad(f"{where}.{name}: {problem}")
        if "format" in variant and variant["format"] not in ("text", "html", "blocks"):
            bad(f"{where}.format: {str(variant['format'])[:20]!r} is not one of text, html, blocks")
        elif channel == "email":
            _check_email_content(variant, config, f"{where}.", bad)

    check_variants(config["variants"], channel, content, bad)


def check_sms(config: Mapping[str, Any], bad: Callable[[str], None]) -> None:
    check_message(config, bad, "sms")


def check_push(config: Mapping[str, Any], bad: Callable[[str], None]) -> None:
    check_message(config, bad, "push")


def act_sms(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    run._send_message(token, plan, "phone")


def summary_sms(config: Mapping[str, Any]) -> Part:
    return Words("SMS: {text}", {"text": TemplateText(config.get("text"), limit=SMS_CHARS, empty=Words("(empty)"))})


def act_push(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    """A push goes to the shop's app, which knows its devices: no address to check."""
    run._send_message(token, plan, None)


def summary_push(config: Mapping[str, Any]) -> Part:
    return Words("Push: {title}", {"title": TemplateText(config.get("title"), empty=Words("(no title)"))})


# -- actions ---------------------------------------------------------------------------------
def act_end(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    """Ends this path on purpose: what an unconnected port does, said out loud on the canvas."""
    run._record(Step(run.now, plan.node.id, "action", "ended", enrollment=token.enrollment.id))
    run._finish_token(token)


def summary_end(config: Mapping[str, Any]) -> Part:
    return Words("The journey ends here")


def customer_update(config: Mapping[str, Any]) -> dict[str, Any]:
    """What an update-customer step changes: {"tag": …} and/or {"property": …, "value": …}."""
    out: dict[str, Any] = {}
    tag = config.get("tag")
    if isinstance(tag, str) and tag.strip():
        out["tag"] = tag.strip()
    prop = config.get("property")
    if isinstance(prop, str) and prop.strip():
        out["property"] = prop.strip()
        out["value"] = config.get("value")
    return out


def apply_customer_update(customer: dict[str, Any], change: Mapping[str, Any]) -> None:
    """Applies the change to a customer object (§7 shape): the tag added once, the property set.
    New containers rather than edits in place, so a list another profile shares stays as it was."""
    if "tag" in change:
        tags = list(customer.get("tags") or [])
        if change["tag"] not in tags:
            customer["tags"] = [*tags, change["tag"]]
    if "property" in change:
        customer["properties"] = {**(customer.get("properties") or {}), change["property"]: change["value"]}


def act_update_customer(run: CustomerRun, token: Token, plan: NodePlan) -> None:
    """Changes the customer from here on: later steps of this and every journey see the tag or
    property (a sending session writes it to the shop's customer as well)."""
    change = customer_update(plan.node.config)
    apply_customer_update(run.profile.customer, change)
    run._record(Step(run.now, plan.node.id, "action", "updated", enrollment=token.enrollment.id,
                     content={k: str(v) for k, v in change.items()}))
    run._move_on(token, "out")


def check_update_customer(config: Mapping[str, Any], bad: Callable[[str], None]) -> None:
    change = customer_update(config)
    if not change:
        bad("give a tag to add or a property to set")
    if "property" in change and (change["value"] is None or change["value"] == ""):
        bad(f"property '{change['property']}' needs a value")


def summary_update_customer(config: Mapping[str, Any]) -> Part:
    change = customer_update(config)
    parts: list[Part] = []
    if "tag" in change:
        parts.append(Words("Tag “{tag}”", {"tag": change["tag"]}))
    if "property" in change:
        if parts:
            parts.append(" · ")
        parts.append(Words("Set {property} to {value}", {"property": change["property"], "value": str(change["value"])}))
    return Joined(tuple(parts)) if parts else Words("Update the customer")
