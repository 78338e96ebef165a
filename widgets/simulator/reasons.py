"""Why a branch went the way it did, in plain words and the user's language.

The engine's trace lines (`engine.rules.Reason`) are English and technical on purpose, since
the CLI prints them and journey tests match them ("orders.count [since entry] = 0 >= 1 →
false"). Here they become a sentence about the customer: "Anna: number of orders since
entering the journey is 0; the rule needs at least 1 — not met".
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.fields import MISSING, field_spec
from engine.rules import Reason
from widgets.data_texts import field_label
from widgets.events_catalogue import event_label
from widgets.simulator.texts import local_time
from widgets.summaries import duration_text
from widgets.translate import QT_TRANSLATE_NOOP

CONTEXT = "reasons"
NEEDS = {
    "=": QT_TRANSLATE_NOOP("reasons", "exactly {value}"),
    "!=": QT_TRANSLATE_NOOP("reasons", "anything but {value}"),
    ">": QT_TRANSLATE_NOOP("reasons", "more than {value}"),
    ">=": QT_TRANSLATE_NOOP("reasons", "at least {value}"),
    "<": QT_TRANSLATE_NOOP("reasons", "less than {value}"),
    "<=": QT_TRANSLATE_NOOP("reasons", "at most {value}"),
    "in": QT_TRANSLATE_NOOP("reasons", "one of {value}"),
    "not_in": QT_TRANSLATE_NOOP("reasons", "none of {value}"),
    "contains": QT_TRANSLATE_NOOP("reasons", "it to contain {value}"),
    "between": QT_TRANSLATE_NOOP("reasons", "between {value}"),
    "exists": QT_TRANSLATE_NOOP("reasons", "a value"),
    "not_exists": QT_TRANSLATE_NOOP("reasons", "no value"),
    "within_km": QT_TRANSLATE_NOOP("reasons", "within {value}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _value(value: Any, tz: tzinfo) -> str:
    if value is MISSING or value is None:
        return QCoreApplication.translate("reasons", "unknown")
    if isinstance(value, bool):
        return QCoreApplication.translate("outcomes", "yes") if value else QCoreApplication.translate("outcomes", "no")
    if isinstance(value, datetime):
        return local_time(value, tz, year=True)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple) and len(value) == 2:  # a location
        return f"{value[0]:.3f}, {value[1]:.3f}"
    if isinstance(value, dict) and {"lat", "lon", "km"} <= set(value):
        place = value.get("place") or f"{value['lat']}, {value['lon']}"
        return QCoreApplication.translate("reasons", "{km} km of {place}").format(km=value["km"], place=place)
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, int | float) for v in value):
            return QCoreApplication.translate("reasons", "{low} and {high}").format(low=_value(value[0], tz), high=_value(value[1], tz))
        return ", ".join(_value(v, tz) for v in value)
    return str(value)


def _scope(params: dict[str, Any]) -> str:
    parts = []
    if params.get("event"):
        parts.append("“" + event_label(str(params["event"])) + "”")
    if params.get("since") == "entry":
        parts.append(QCoreApplication.translate("reasons", "since entering the journey"))
    if params.get("window"):
        parts.append(QCoreApplication.translate("reasons", "in the last {window}").format(window=duration_text(params["window"])))
    return (" " + " ".join(parts)) if parts else ""


def reason_text(line: str, who: str, tz: tzinfo) -> str:
    """The sentence for one trace line; a line the engine did not give parts for stays as is."""
    if not isinstance(line, Reason):
        return line
    verdict = QCoreApplication.translate("reasons", "met") if line.result else QCoreApplication.translate("reasons", "not met")
    if line.segment is not None:
        text = QCoreApplication.translate("reasons", "{who} is in the segment “{segment}”") if line.result else \
            QCoreApplication.translate("reasons", "{who} is not in the segment “{segment}”")
        return text.format(who=who, segment=line.segment)
    spec = field_spec(line.field)
    label = field_label(spec) if spec is not None else str(line.field)
    needs = _tr(NEEDS.get(line.op or "", "{value}")).format(value=_value(line.expected, tz))
    return QCoreApplication.translate("reasons", "{who}: {field}{scope} is {actual}; the rule needs {needs} — {verdict}").format(
        who=who, field=label,
        scope=_scope(line.params), actual=_value(line.actual, tz), needs=needs, verdict=verdict)
