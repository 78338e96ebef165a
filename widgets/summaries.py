"""One-line, human summaries of a node's config, shown on canvas cards.

A shop owner reads "Wait 4 hours", not `{"duration": "PT4H"}`; the summary must never raise,
because it is drawn while the user is still typing an invalid config in the inspector.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.model import Node
from engine.timeutil import TimeFormatError, parse_duration
from widgets.translate import QT_TRANSLATE_NOOP

SMS_CHARS = 40
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


def _is_negative(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("-")


def _is_zero(value: Any) -> bool:
    try:
        return parse_duration(value).approx_seconds() == 0
    except TimeFormatError:
        return value in (None, "")


def _field_text(field: Any) -> str:
    return {"orders.count": QCoreApplication.translate("summaries", "orders"), "events.count": QCoreApplication.translate("summaries", "events")}.get(str(field), str(field))


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, Mapping) and {"lat", "lon", "km"} <= set(value):
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
    field = _field_text(rule.get("field", "?"))
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


def _offset_text(field: Any, offset: Any) -> str:
    if _is_zero(offset):
        return str(field)
    sign = "−" if _is_negative(offset) else "+"
    return f"{field} {sign} {duration_text(offset)}"


def _time_window(config: Mapping[str, Any]) -> str:
    at = config.get("at", "?")
    days = config.get("weekdays")
    if isinstance(days, list) and days:
        names = ", ".join(_tr(WEEKDAY_NAMES.get(str(d), str(d))) for d in days)
        return QCoreApplication.translate("summaries", "Next {at} ({days})").format(at=at, days=names)
    return QCoreApplication.translate("summaries", "Next {at}").format(at=at)


def _branch_ports(config: Mapping[str, Any]) -> list[str]:
    branches = config.get("branches")
    if not isinstance(branches, list):
        return []
    return [str(b.get("port", "?")) for b in branches if isinstance(b, Mapping)]


def _random(config: Mapping[str, Any]) -> str:
    branches = [b for b in config.get("branches") or [] if isinstance(b, Mapping)]
    weights = [b.get("weight") if isinstance(b.get("weight"), int | float) else 0 for b in branches]
    total = sum(weights) or 1
    parts = [f"{b.get('port', '?')} {round(100 * w / total):g} %" for b, w in zip(branches, weights, strict=True)]
    return QCoreApplication.translate("summaries", "Random: {parts}").format(parts=" / ".join(parts) or "–")


_TAG = re.compile(r"\{%.*?%\}", re.S)
_EXPR = re.compile(r"\{\{\s*([^|}]+?)\s*(?:\|[^}]*)?\}\}")


def plain_template(text: Any) -> str:
    """'{{ discount.percent | percent }} off' → '{discount.percent} off': the card shows what
    varies without the template syntax; `{% if %}` blocks are dropped."""
    text = _EXPR.sub(lambda m: "{" + m.group(1) + "}", _TAG.sub("", str(text or "")))
    return " ".join(text.split())


def _sms(text: Any) -> str:
    text = plain_template(text)
    if len(text) > SMS_CHARS:
        text = text[:SMS_CHARS - 1] + "…"
    return QCoreApplication.translate("summaries", "SMS: {text}").format(text=text or QCoreApplication.translate("summaries", "(empty)"))


def summarize(node: Node) -> str:
    """The card's third line. Unknown kinds and broken configs get a best effort, never an error."""
    c: Mapping[str, Any] = node.config if isinstance(node.config, Mapping) else {}
    key = (node.type, node.kind)
    try:
        if key == ("trigger", "event"):
            text = QCoreApplication.translate("summaries", "When {event}").format(event=c.get("event") or "?")
            if c.get("filter"):
                text += QCoreApplication.translate("summaries", ", if {rule}").format(rule=rule_text(c["filter"]))
            return text
        if key == ("trigger", "inactivity"):
            return QCoreApplication.translate("summaries", "{after} after the last order").format(after=duration_text(c.get("after")))
        if key == ("trigger", "date"):
            offset = c.get("offset")
            if _is_zero(offset):
                return QCoreApplication.translate("summaries", "On {field}").format(field=c.get("field", "?"))
            text = QCoreApplication.translate("summaries", "{offset} before {field}") if _is_negative(offset) else QCoreApplication.translate("summaries", "{offset} after {field}")
            return text.format(offset=duration_text(offset), field=c.get("field", "?"))
        if key == ("trigger", "segment"):
            return QCoreApplication.translate("summaries", "Joins segment {segment}").format(segment=c.get("segment") or "?")
        if key == ("delay", "duration"):
            return QCoreApplication.translate("summaries", "Wait {duration}").format(duration=duration_text(c.get("duration")))
        if key == ("delay", "until"):
            return QCoreApplication.translate("summaries", "Until {when}").format(when=_offset_text(c.get("field", "?"), c.get("offset")))
        if key == ("delay", "time_window"):
            return _time_window(c)
        if key == ("condition", "rule"):
            return rule_text(c.get("rule"))
        if key == ("condition", "split"):
            ports = _branch_ports(c) + ([str(c["else"])] if c.get("else") else [])
            return QCoreApplication.translate("summaries", "Split: {ports}").format(ports=" / ".join(ports) or "–")
        if key == ("condition", "random"):
            return _random(c)
        if key == ("condition", "wait_event"):
            return QCoreApplication.translate("summaries", "Wait for {event} (at most {timeout})").format(
                event=c.get("event") or "?", timeout=duration_text(c.get("timeout")))
        if key == ("message", "email"):
            return QCoreApplication.translate("summaries", "Email: {subject}").format(subject=plain_template(c.get("subject")) or QCoreApplication.translate("summaries", "(no subject)"))
        if key == ("message", "sms"):
            return _sms(c.get("text"))
        if key == ("message", "push"):
            return QCoreApplication.translate("summaries", "Push: {title}").format(title=plain_template(c.get("title")) or QCoreApplication.translate("summaries", "(no title)"))
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return f"{node.type}/{node.kind}"
