"""Checks of a journey beyond its structure: one trigger, loops, configs, rules, templates.

Every problem names the node or edge it is about, so the command line prints
`<id>: <message>` and the canvas can select the offending node.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import networkx as nx

from engine.ab_tests import check_ab_test
from engine.attribution import holdout_problems
from engine.compose import REQUIRED
from engine.fields import DATE_FIELDS, is_date_field
from engine.model import Journey, Node
from engine.problems import JOURNEY_ID, Problem
from engine.registry import ValueType
from engine.rules import check_rule, segment_dependencies
from engine.timeutil import WEEKDAYS, TimeFormatError, parse_duration, parse_time_of_day

PORT_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
REENTRY = ("never", "after_exit", "always")


def validate(journey: Journey, shop_segments: Iterable[str] = ()) -> list[Problem]:
    """Errors first by place, then warnings; an empty list means the journey can run."""
    problems: list[Problem] = []
    known_segments = set(journey.segments) | set(shop_segments)
    _check_settings(journey, known_segments, problems)
    _check_segments(journey, known_segments, problems)
    _check_triggers(journey, problems)
    _check_cycles(journey, problems)
    for node in journey.nodes():
        _check_config(node, known_segments, problems)
    _check_reachability(journey, problems)
    return problems


def errors_of(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


# -- journey level -------------------------------------------------------------------------
def _check_settings(journey: Journey, segments: set[str], out: list[Problem]) -> None:
    s = journey.settings

    def bad(message: str) -> None:
        out.append(Problem(JOURNEY_ID, f"settings.{message}"))

    if "reentry" in s and s["reentry"] not in REENTRY:
        bad(f"reentry: {json.dumps(s['reentry'])} is not one of {', '.join(REENTRY)}")
    if "reentry_cooldown" in s:
        _duration(s["reentry_cooldown"], "reentry_cooldown", bad, allow_negative=False)
    if "exit_on" in s:
        if not isinstance(s["exit_on"], list):
            bad("exit_on: must be a list like [{\"event\": \"order_placed\"}]")
        else:
            for i, item in enumerate(s["exit_on"]):
                if not isinstance(item, Mapping) or not _nonempty_str(item.get("event")):
                    bad(f"exit_on[{i}]: needs an 'event' name")
                    continue
                if "filter" in item:
                    for msg in check_rule(item["filter"], segments, f"exit_on[{i}].filter"):
                        bad(msg)
                match = item.get("match")
                if "match" in item and (not isinstance(match, list) or not all(_nonempty_str(m) for m in match)):
                    bad(f"exit_on[{i}].match: must be a list of property names like [\"cart_id\"]")
    if "exit_if" in s:
        for msg in check_rule(s["exit_if"], segments, "exit_if"):
            bad(msg)
    if "quiet_hours" in s:
        qh = s["quiet_hours"]
        if not isinstance(qh, Mapping):
            bad("quiet_hours: must be {\"start\": \"21:00\", \"end\": \"08:00\"}")
        else:
            for key in ("start", "end"):
                try:
                    parse_time_of_day(qh.get(key))
                except TimeFormatError as exc:
                    bad(f"quiet_hours.{key}: {exc}")
    if "frequency_cap" in s:
        fc = s["frequency_cap"]
        if not isinstance(fc, Mapping):
            bad("frequency_cap: must be {\"max\": 3, \"per\": \"P7D\"}")
        else:
            mx = fc.get("max")
            if isinstance(mx, bool) or not isinstance(mx, int) or not 1 <= mx <= 1000:
                bad("frequency_cap.max: must be a whole number from 1 to 1000")
            _duration(fc.get("per"), "frequency_cap.per", bad, allow_negative=False)
    if "holdout" in s:
        for msg in holdout_problems(s["holdout"]):
            bad(f"holdout: {msg}")
    if "priority" in s:
        priority = s["priority"]
        if isinstance(priority, bool) or not isinstance(priority, int) or not -100 <= priority <= 100:
            bad("priority: must be a whole number from -100 to 100 (higher goes first under the shop's caps)")


def _check_segments(journey: Journey, known: set[str], out: list[Problem]) -> None:
    graph = nx.DiGraph()
    for name, rule in journey.segments.items():
        for msg in check_rule(rule, known, f"segments.{name}"):
            out.append(Problem(JOURNEY_ID, msg))
        for dep in segment_dependencies(rule):
            graph.add_edge(name, dep)
    try:
        cycle = nx.find_cycle(graph)
        names = " → ".join([a for a, _ in cycle] + [cycle[0][0]])
        out.append(Problem(JOURNEY_ID, f"segments: segments refer to each other in a loop ({names})"))
    except nx.NetworkXNoCycle:
        pass


def _check_triggers(journey: Journey, out: list[Problem]) -> None:
    triggers = journey.triggers()
    if not triggers:
        out.append(Problem(JOURNEY_ID, "the journey has no trigger (it needs exactly one)"))
    for extra in triggers[1:]:
        out.append(Problem(extra.id, f"a second trigger (the journey needs exactly one; the first is '{triggers[0].id}')"))
    for trigger in triggers:
        for edge in journey.in_edges(trigger.id):
            out.append(Problem(edge.id, f"an edge leads into the trigger '{trigger.id}'"))


def _takes_time(node: Node) -> bool:
    """Whether passing the node always takes some time (the kind's `takes_time` hook says)."""
    desc = node.description
    return desc is not None and desc.takes_time is not None and desc.takes_time(node.config)


def _waits(node: Node) -> bool:
    desc = node.description
    return desc is not None and desc.takes_time is not None


def _check_cycles(journey: Journey, out: list[Problem]) -> None:
    instant = nx.DiGraph()
    for node in journey.nodes():
        if not _takes_time(node):
            instant.add_node(node.id)
    for edge in journey.edges():
        if edge.source in instant and edge.target in instant:
            instant.add_edge(edge.source, edge.target)
    reported: set[frozenset[str]] = set()
    for component in nx.strongly_connected_components(instant):
        if len(component) == 1:
            (only,) = component
            if not instant.has_edge(only, only):
                continue
        key = frozenset(component)
        if key in reported:
            continue
        reported.add(key)
        cycle = nx.find_cycle(instant.subgraph(component))
        path = " → ".join([a for a, _ in cycle] + [cycle[0][0]])
        first = min(component)
        zero_waits = sorted(n for n in component if _waits(journey.node(n)))
        if zero_waits:
            out.append(Problem(first, f"a loop whose waits can all pass at once ({', '.join(zero_waits)}: a zero "
                                      "delay, a time window or a moment already past) would repeat forever at one "
                                      f"instant ({path})"))
        else:
            out.append(Problem(first, f"a loop with no delay or wait in it would repeat forever at one instant "
                                      f"({path})"))


def _check_reachability(journey: Journey, out: list[Problem]) -> None:
    trigger = journey.trigger()
    if trigger is not None:
        reachable = nx.descendants(journey.graph, trigger.id) | {trigger.id}
        for node in journey.nodes():
            if node.id not in reachable:
                out.append(Problem(node.id, "unreachable: no path leads here from the trigger", "warning"))
    for node in journey.nodes():
        if node.type != "condition":
            continue
        used = {e.port for e in journey.out_edges(node.id)}
        for port in node.ports():
            if port not in used:
                out.append(Problem(node.id, f"port '{port}' is not connected (customers taking it end here)",
                                   "warning"))


# -- node config ---------------------------------------------------------------------------
def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _duration(value: Any, where: str, bad, allow_negative: bool) -> None:
    try:
        d = parse_duration(value)
    except TimeFormatError as exc:
        bad(f"{where}: {exc}")
        return
    if d.negative and not allow_negative:
        bad(f"{where}: must not be negative")


def _check_config(node: Node, segments: set[str], out: list[Problem]) -> None:
    desc = node.description
    if desc is None:
        out.append(Problem(node.id, f"unknown {node.type} kind '{node.kind}'"))
        return

    def bad(message: str) -> None:
        out.append(Problem(node.id, f"config.{message}"))

    for spec in desc.fields:
        if spec.name not in node.config or node.config[spec.name] is None:
            if spec.required:
                bad(f"{spec.name}: missing")
            continue
        value = node.config[spec.name]
        if spec.value_type == ValueType.AB_TEST:
            check_ab_test(value, spec.name, bad, desc.template_fields)
            continue
        if spec.value_type == ValueType.CHOICE:
            if value not in spec.choices:
                bad(f"{spec.name}: {json.dumps(value, ensure_ascii=False)[:40]} is not one of "
                    f"{', '.join(spec.choices)}")
            continue
        if (spec.name in REQUIRED.get(desc.channel or "", ()) and isinstance(value, str) and not value.strip()):
            bad(f"{spec.name}: empty (the {desc.display_name} needs its {(spec.label or spec.name).lower()})")
            continue
        _CHECKERS[spec.value_type](value, spec.name, segments, bad)
    if desc.check is not None:
        desc.check(node.config, bad)


Bad = Callable[[str], None]
# (value, where, known segments, bad): every checker reports through `bad` and never raises.
Checker = Callable[[Any, str, set[str], Bad], None]


def _check_event(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if not _nonempty_str(value):
        bad(f"{where}: must be an event name")


def _check_rule(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    for msg in check_rule(value, segments, where):
        bad(msg)


def _check_duration(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    _duration(value, where, bad, allow_negative=False)


def _check_signed_duration(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    _duration(value, where, bad, allow_negative=True)


def _check_date_field(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if not is_date_field(value):
        bad(f"{where}: {json.dumps(value, ensure_ascii=False)} is not a date field "
            f"(one of {', '.join(DATE_FIELDS)}, customer.properties.NAME or entry.NAME)")


def _check_time_of_day(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    try:
        parse_time_of_day(value)
    except TimeFormatError as exc:
        bad(f"{where}: {exc}")


def _check_weekdays(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if not isinstance(value, list) or not value or any(d not in WEEKDAYS for d in value):
        bad(f"{where}: must be a list of weekdays from {', '.join(WEEKDAYS)}")


def _check_template(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    from engine.templates import check_template

    if not isinstance(value, str):
        bad(f"{where}: must be text")
    else:
        message = check_template(value)
        if message:
            bad(f"{where}: {message}")


def _check_segment(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if not _nonempty_str(value):
        bad(f"{where}: must be a segment name")
    elif value not in segments:
        bad(f"{where}: unknown segment '{value}'")


def _check_port(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if not isinstance(value, str) or not PORT_RE.fullmatch(value):
        bad(f"{where}: must be a port name ([A-Za-z0-9_.-])")


def _check_text(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    if value is None:
        return
    if not isinstance(value, str) or "\n" in value or "\r" in value or len(value) > 200:
        bad(f"{where}: must be one line of text (at most 200 characters)")


def _check_rule_branches(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    _check_branches(value, where, segments, bad, _rule_branch)


def _check_weight_branches(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    _check_branches(value, where, segments, bad, _weight_branch)


def _check_discount(value: Any, where: str, segments: set[str], bad: Bad) -> None:
    from engine.discounts import check_discount

    for msg in check_discount(value):
        bad(f"{where}: {msg}")


# One checker per value type: a new ValueType without one fails tests/test_kinds.py, not a user.
_CHECKERS: dict[ValueType, Checker] = {
    ValueType.EVENT: _check_event,
    ValueType.RULE: _check_rule,
    ValueType.DURATION: _check_duration,
    ValueType.SIGNED_DURATION: _check_signed_duration,
    ValueType.DATE_FIELD: _check_date_field,
    ValueType.TIME_OF_DAY: _check_time_of_day,
    ValueType.WEEKDAYS: _check_weekdays,
    ValueType.TEMPLATE: _check_template,
    ValueType.SEGMENT: _check_segment,
    ValueType.PORT: _check_port,
    ValueType.RULE_BRANCHES: _check_rule_branches,
    ValueType.WEIGHT_BRANCHES: _check_weight_branches,
    ValueType.DISCOUNT: _check_discount,
    ValueType.CHOICE: lambda value, where, segments, bad: None,  # the field's choices: _check_config
    # The node kind's own texts are what a variant may replace: _check_config passes them.
    ValueType.AB_TEST: lambda value, where, segments, bad: check_ab_test(value, where, bad),
    # Blocks and variants depend on the rest of the message (its purpose, discount and channel):
    # the kind's check hook (kinds.check_email, kinds.check_message) checks them.
    ValueType.BLOCKS: lambda value, where, segments, bad: None,
    ValueType.VARIANTS: lambda value, where, segments, bad: None,
    ValueType.TEXT: _check_text,
}


def _check_branches(value: Any, where: str, segments: set[str], bad: Bad,
                    check_branch: Callable[[Mapping[str, Any], str, set[str], Bad], None]) -> None:
    """The ports every list of branches shares; `check_branch` checks what a branch leads by."""
    if not isinstance(value, list) or not value:
        bad(f"{where}: must be a non-empty list of branches")
        return
    seen: set[str] = set()
    for i, branch in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(branch, Mapping):
            bad(f"{here}: must be an object")
            continue
        port = branch.get("port")
        if not isinstance(port, str) or not PORT_RE.fullmatch(port):
            bad(f"{here}.port: must be a port name ([A-Za-z0-9_.-])")
        elif port in seen:
            bad(f"{here}.port: '{port}' is used by two branches")
        else:
            seen.add(port)
        check_branch(branch, here, segments, bad)


def _rule_branch(branch: Mapping[str, Any], here: str, segments: set[str], bad: Bad) -> None:
    if "rule" not in branch:
        bad(f"{here}.rule: missing")
    else:
        for msg in check_rule(branch["rule"], segments, f"{here}.rule"):
            bad(msg)


def _weight_branch(branch: Mapping[str, Any], here: str, segments: set[str], bad: Bad) -> None:
    weight = branch.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1_000_000:
        bad(f"{here}.weight: must be a positive number up to 1,000,000")
