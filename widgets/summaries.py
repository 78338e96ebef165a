"""One-line, human summaries of a node's config, shown on canvas cards.

A shop owner reads "Wait 4 hours", not `{"duration": "PT4H"}`; the summary must never raise,
because it is drawn while the user is still typing an invalid config in the inspector. What a
card says is each kind's own `summary` hook (engine/kinds.py), in English words with typed
parts; this module translates the words and formats the parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.fields import field_spec
from engine.kinds import DurationText, FieldText, Joined, Part, RuleText, TemplateText, WeekdaysText, Words
from engine.model import Node
from engine.timeutil import TimeFormatError, parse_duration
from widgets.data_texts import field_label
from widgets.translate import QT_TRANSLATE_NOOP

OPS = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "in": QT_TRANSLATE_NOOP("summaries", "in"), "not_in": QT_TRANSLATE_NOOP("summaries", "not in"),
       "contains": QT_TRANSLATE_NOOP("summaries", "contains"), "between": QT_TRANSLATE_NOOP("summaries", "between"), "exists": QT_TRANSLATE_NOOP("summaries", "exists"), "not_exists": QT_TRANSLATE_NOOP("summaries", "is missing"),
       "within_km": QT_TRANSLATE_NOOP("summaries", "within")}
WEEKDAY_NAMES = {"mon": QT_TRANSLATE_NOOP("summaries", "Mon"), "tue": QT_TRANSLATE_NOOP("summaries", "Tue"), "wed": QT_TRANSLATE_NOOP("summaries", "Wed"), "thu": QT_TRANSLATE_NOOP("summaries", "Thu"), "fri": QT_TRANSLATE_NOOP("summaries", "Fri"), "sat": QT_TRANSLATE_NOOP("summaries", "Sat"), "sun": QT_TRANSLATE_NOOP("summaries", "Sun")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("summaries", text)


# Singular and plural spelled out as two source strings: Qt's "%n day(s)" needs a loaded English
# translation to drop the "(s)", and the app may run with none.
_UNITS = (("years", QT_TRANSLATE_NOOP("summaries", "{n} year"), QT_TRANSLATE_NOOP("summaries", "{n} years")), ("months", QT_TRANSLATE_NOOP("summaries", "{n} month"), QT_TRANSLATE_NOOP("summaries", "{n} months")),
          ("weeks", QT_TRANSLATE_NOOP("summaries", "{n} week"), QT_TRANSLATE_NOOP("summaries", "{n} weeks")), ("days", QT_TRANSLATE_NOOP("summaries", "{n} day"), QT_TRANSLATE_NOOP("summaries", "{n} days")),
          ("hours", QT_TRANSLATE_NOOP("summaries", "{n} hour"), QT_TRANSLATE_NOOP("summaries", "{n} hours")), ("minutes", QT_TRANSLATE_NOOP("summaries", "{n} minute"), QT_TRANSLATE_NOOP("summaries", "{n} minutes")),
          ("seconds", QT_TRANSLATE_NOOP("summaries", "{n} second"), QT_TRANSLATE_NOOP("summaries", "{n} seconds")))


def duration_text(value: Any) -> str:
    """'P1DT12H' → '1 day 12 hours' (sign dropped: callers say 'before' or '−')."""
    try:
        d = parse_duration(value)
    except TimeFormatError:
        return str(value) if value not in (None, "") else "?"
    parts = [_tr(one if getattr(d, attr) == 1 else many).format(n=getattr(d, attr))
             for attr, one, many in _UNITS if getattr(d, attr)]
    return " ".join(parts) or QCoreApplication.translate("summaries", "no time")


def field_text(field: Any) -> str:
    """A field as the rule builder names it ('Days since last order'), not its path
    (`orders.days_since_last`); a custom property or entry value by its own name."""
    if str(field) == "events.count":
        return QCoreApplication.translate("summaries", "events")
    spec = field_spec(field)
    return field_label(spec) if spec is not None else str(field)


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, Mapping) and {"lat", "lon", "km"} <= set(value):
        if isinstance(value.get("place"), str) and value["place"]:
            return QCoreApplication.translate("summaries", "{km} km of {place}").format(km=value["km"], place=value["place"])
        return QCoreApplication.translate("summaries", "{km} km").format(km=value["km"])
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return QCoreApplication.translate("summaries", "yes") if value else QCoreApplication.translate("summaries", "no")
    return str(value)


def rule_text(rule: Any) -> str:
    """A rule tree in words: 'orders in last 180 days ≥ 1 and in segment vip'."""
    if not isinstance(rule, Mapping):
        return "?"
    if "all" in rule or "any" in rule:
        key = "all" if "all" in rule else "any"
        items = rule[key] if isinstance(rule[key], list) else []
        if not items:
            return QCoreApplication.translate("summaries", "always") if key == "all" else QCoreApplication.translate("summaries", "never")
        joiner = QCoreApplication.translate("summaries", " and ") if key == "all" else QCoreApplication.translate("summaries", " or ")
        texts = [rule_text(r) for r in items]
        if len(texts) > 1:
            texts = [f"({t})" if (" and " in t or " or " in t) else t for t in texts]
        return joiner.join(texts)
    if "not" in rule:
        return QCoreApplication.translate("summaries", "not ({rule})").format(rule=rule_text(rule["not"]))
    if "segment" in rule:
        return QCoreApplication.translate("summaries", "in segment {segment}").format(segment=rule["segment"])
    field = field_text(rule.get("field", "?"))
    if rule.get("event") and str(rule.get("field")) == "events.count":
        field = QCoreApplication.translate("summaries", "{event} events").format(event=rule["event"])
    if rule.get("window"):
        field = QCoreApplication.translate("summaries", "{field} in last {window}").format(field=field, window=duration_text(rule["window"]))
    if rule.get("since") == "entry":
        field = QCoreApplication.translate("summaries", "{field} since entry").format(field=field)
    op = str(rule.get("op", "?"))
    if op in ("exists", "not_exists"):
        return f"{field} {_tr(OPS[op])}"
    return f"{field} {_tr(OPS.get(op, op))} {_value_text(rule.get('value'))}"


_TAG = re.compile(r"\{%.*?%\}", re.S)
_EXPR = re.compile(r"\{\{\s*([^|}]+?)\s*(?:\|[^}]*)?\}\}")


def plain_template(text: Any) -> str:
    """'{{ discount.percent | percent }} off' → '{discount.percent} off': the card shows what
    varies without the template syntax; `{% if %}` blocks are dropped."""
    text = _EXPR.sub(lambda m: "{" + m.group(1) + "}", _TAG.sub("", str(text or "")))
    return " ".join(text.split())


# Every text a kind's summary words its card with (engine/kinds.py), for lupdate, which reads
# source, not objects; tests/test_kinds.py fails when a summary gains a text missing here.
SUMMARY_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("summaries", "When {event}"),
    QT_TRANSLATE_NOOP("summaries", ", if {rule}"),
    QT_TRANSLATE_NOOP("summaries", "{after} after the last order"),
    QT_TRANSLATE_NOOP("summaries", "On {field}"),
    QT_TRANSLATE_NOOP("summaries", "{offset} before {field}"),
    QT_TRANSLATE_NOOP("summaries", "{offset} after {field}"),
    QT_TRANSLATE_NOOP("summaries", "Joins segment {segment}"),
    QT_TRANSLATE_NOOP("summaries", "Wait {duration}"),
    QT_TRANSLATE_NOOP("summaries", "Until {when}"),
    QT_TRANSLATE_NOOP("summaries", "Next {at} ({days})"),
    QT_TRANSLATE_NOOP("summaries", "Next {at}"),
    QT_TRANSLATE_NOOP("summaries", "Split: {ports}"),
    QT_TRANSLATE_NOOP("summaries", "Random: {parts}"),
    QT_TRANSLATE_NOOP("summaries", "Wait for {event} (at most {timeout})"),
    QT_TRANSLATE_NOOP("summaries", "Email: {subject}"),
    QT_TRANSLATE_NOOP("summaries", "(no subject)"),
    QT_TRANSLATE_NOOP("summaries", "SMS: {text}"),
    QT_TRANSLATE_NOOP("summaries", "(empty)"),
    QT_TRANSLATE_NOOP("summaries", "Push: {title}"),
    QT_TRANSLATE_NOOP("summaries", "(no title)"),
    QT_TRANSLATE_NOOP("summaries", "The journey ends here"),
    QT_TRANSLATE_NOOP("summaries", "Tag “{tag}”"),
    QT_TRANSLATE_NOOP("summaries", "Set {property} to {value}"),
    QT_TRANSLATE_NOOP("summaries", "Update the customer"),
)


def _words(part: Words) -> str:
    """The words translated, the parts filled in; an `event` part is named in words ("When
    Abandoned a cart" reads worse than the raw name, so the label goes in quotes)."""
    return _tr(part.text).format(**{name: _event(value) if name == "event" and isinstance(value, str)
                                    else part_text(value) for name, value in part.parts.items()})


def _event(name: str) -> str:
    from widgets.events_catalogue import event_label, known_event

    return f"“{event_label(name)}”" if known_event(name) is not None else name


def _template(part: TemplateText) -> str:
    text = plain_template(part.text)
    if part.limit is not None and len(text) > part.limit:
        text = text[:part.limit - 1] + "…"
    if not text and part.empty is not None:
        return part_text(part.empty)
    return text


def _weekdays(part: WeekdaysText) -> str:
    return ", ".join(_tr(WEEKDAY_NAMES.get(d, d)) for d in part.days)


# One formatter per kind of summary part: a new part type without one fails tests/test_kinds.py.
PART_FORMATTERS: dict[type, Callable[[Any], str]] = {
    str: str,
    Words: _words,
    DurationText: lambda part: duration_text(part.value),
    RuleText: lambda part: rule_text(part.rule),
    TemplateText: _template,
    WeekdaysText: _weekdays,
    FieldText: lambda part: field_text(part.name),
    Joined: lambda part: "".join(part_text(p) for p in part.parts),
}


def part_text(part: Part) -> str:
    """A summary part in the UI language."""
    return PART_FORMATTERS[type(part)](part)


def summarize(node: Node) -> str:
    """The card's third line. Unknown kinds and broken configs get a best effort, never an error."""
    c: Mapping[str, Any] = node.config if isinstance(node.config, Mapping) else {}
    desc = node.description
    if desc is not None:
        try:
            return part_text(desc.summary(c))
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return f"{node.type}/{node.kind}"
