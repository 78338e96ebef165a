"""Words and times the simulator shows: a step in plain language, a moment in the customer's
time zone (the panel thinks in the customer's day; UTC goes in tooltips, as on the command line).

Free functions rather than methods so the timeline, the preview and the tests panel say the
same thing; they translate through the "Simulator" context like `self.tr` would.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from engine.steps import Step
from engine.timeutil import format_moment
from widgets.data_texts import port_text
from widgets.translate import QT_TRANSLATE_NOOP

CONTEXT = "Simulator"
CHANNELS = {"email": QT_TRANSLATE_NOOP("Simulator", "Email"), "sms": QT_TRANSLATE_NOOP("Simulator", "SMS"), "push": QT_TRANSLATE_NOOP("Simulator", "Push")}
SKIP_REASONS = {
    "no_consent": QT_TRANSLATE_NOOP("Simulator", "no consent for this channel"),
    "no_address": QT_TRANSLATE_NOOP("Simulator", "no address for this channel"),
    "frequency_cap": QT_TRANSLATE_NOOP("Simulator", "the frequency cap is reached"),
    "late": QT_TRANSLATE_NOOP("Simulator", "too late (catch-up policy)"),
    "safety_cap": QT_TRANSLATE_NOOP("Simulator", "more than 20 messages from this journey in a day (safety cap)"),
}
EXIT_REASONS = {
    "goal": QT_TRANSLATE_NOOP("Simulator", "reached the goal"),
    "completed": QT_TRANSLATE_NOOP("Simulator", "all paths ended"),
    "filter": QT_TRANSLATE_NOOP("Simulator", "no longer fits the journey (exit filter)"),
    "until": QT_TRANSLATE_NOOP("Simulator", "the simulation stopped here"),
    "loop": QT_TRANSLATE_NOOP("Simulator", "stopped: the journey loops without waiting"),
    "holdout": QT_TRANSLATE_NOOP("Simulator", "kept out to measure what the journey earns (holdout group)"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# The UI language's locale, named by its translators ("de"): day and month names follow the
# language the window speaks, not the computer's settings nor a fixed English.
UI_LOCALE = QT_TRANSLATE_NOOP("locale", "en")


def ui_locale() -> QLocale:
    return QLocale(QCoreApplication.translate("locale", UI_LOCALE))


def local_time(moment: datetime, tz: tzinfo, *, year: bool = False) -> str:
    """`Tue 3 Mar, 19:00` (`Di. 3 März, 19:00` in German) in the customer's zone: what the
    customer's phone would show."""
    local = moment.astimezone(tz)
    locale = ui_locale()
    if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        when = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        return locale.toString(when, "ddd d MMM yyyy, HH:mm" if year else "ddd d MMM, HH:mm")
    fmt = "%a %-d %b %Y, %H:%M" if year else "%a %-d %b, %H:%M"
    try:
        return local.strftime(fmt)
    except ValueError:  # platforms without %-d
        return local.strftime(fmt.replace("%-d", "%d"))


def utc_time(moment: datetime) -> str:
    return format_moment(moment)


def channel_name(channel: str | None) -> str:
    return tr(CHANNELS.get(channel or "", channel or QT_TRANSLATE_NOOP("Simulator", "Message")))


def node_title(step: Step, labels: dict[str, str]) -> str:
    if step.node is None:
        return QCoreApplication.translate("Simulator", "Journey")
    return labels.get(step.node) or step.node


def step_text(step: Step, tz: tzinfo, *, wait_event: bool = False) -> str:
    """What happened, in one sentence; the explanation lines are shown under it separately."""
    event = step.event
    if event == "entered":
        return QCoreApplication.translate("Simulator", "Entered the journey")
    if event == "waiting":
        until = local_time(step.until, tz) if step.until else "?"
        if wait_event:
            return QCoreApplication.translate("Simulator", "Waits for the event, at most until {until}").format(until=until)
        return QCoreApplication.translate("Simulator", "Waits until {until}").format(until=until)
    if event == "evaluated":
        return QCoreApplication.translate("Simulator", "Took the “{port}” way").format(port=port_text(step.port or ""))
    if event == "sent":
        content = step.content or {}
        headline = content.get("subject") or content.get("title") or content.get("text") or ""
        text = QCoreApplication.translate("Simulator", "{channel} sent: {headline}").format(channel=channel_name(step.channel), headline=headline)
        if step.discount_code:
            text += " " + QCoreApplication.translate("Simulator", "[code {code}]").format(code=step.discount_code)
        if step.variant is not None:
            text += " " + QCoreApplication.translate("Simulator", "[variant {variant}]").format(variant=step.variant)
        return text
    if event == "skipped":
        reason = tr(SKIP_REASONS.get(step.reason or "", step.reason or ""))
        return QCoreApplication.translate("Simulator", "{channel} not sent: {reason}").format(channel=channel_name(step.channel), reason=reason)
    if event == "failed":
        return QCoreApplication.translate("Simulator", "{channel} not sent: the template failed ({error})").format(
            channel=channel_name(step.channel), error="; ".join(step.explanation))
    if event == "deferred":
        until = local_time(step.until, tz) if step.until else "?"
        return QCoreApplication.translate("Simulator", "{channel} held back by quiet hours until {until}").format(
            channel=channel_name(step.channel), until=until)
    if event == "exited":
        return QCoreApplication.translate("Simulator", "Left the journey: {reason}").format(reason=tr(EXIT_REASONS.get(step.reason or "", step.reason or "")))
    if event == "ended":
        return QCoreApplication.translate("Simulator", "Reached the End step: this path is over")
    if event == "updated":
        change = step.content or {}
        parts = []
        if "tag" in change:
            parts.append(QCoreApplication.translate("Simulator", "tagged “{tag}”").format(tag=change["tag"]))
        if "property" in change:
            parts.append(QCoreApplication.translate("Simulator", "{property} set to {value}").format(
                property=change["property"], value=change.get("value", "")))
        return QCoreApplication.translate("Simulator", "Customer updated: {change}").format(change=", ".join(parts))
    return event
