"""One customer's coming messages across every journey, so collisions are seen before they happen.

Each journey is simulated for the customer on its own (as a sending session would run it) with
the customer's known future events (what the shop data already holds after `start`, plus
scripted what-ifs), and every message it would send in the window is listed. Two journeys that
each look fine alone can still send the welcome mail and the cart reminder on the same day;
`collision_days` finds those days.

`lookback_days` starts the simulation that much earlier and keeps only messages from `start`
on: a customer who signed up four days ago is already in the welcome series, and its day-7
mail belongs on the calendar even though the trigger fired before the window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from engine.compiled import CompiledJourney
from engine.profile import Event, Profile
from engine.runner import CustomerRun, RunOptions
from engine.shop_options import run_options
from engine.simulation import run_together
from engine.timeutil import zone


class UpcomingMessage(NamedTuple):
    """(moment, journey, node, channel, subject): a plain tuple, so callers may unpack it."""

    moment: datetime
    journey: str
    node: str
    channel: str
    subject: str


def _copy(profile: Profile) -> Profile:
    """Injected events become profile data; each journey gets its own copy so none sees another's."""
    return dataclasses.replace(profile, customer=dict(profile.customer), orders=list(profile.orders),
                               events=list(profile.events))


def upcoming_messages(journeys: Sequence[tuple[str, CompiledJourney]], profile: Profile, start: datetime,
                      days: int, *, events: Iterable[Event] = (), options: RunOptions | None = None,
                      lookback_days: int = 0) -> list[UpcomingMessage]:
    """Every message the journeys would send the customer in [start, start + days), in time order.

    `events` are scripted future events (a cart tomorrow, an order next week) added to what the
    profile already holds. Subjects are rendered as the customer would see them; a message
    without a subject shows its SMS text, push title or node label instead.
    """
    until = start + timedelta(days=days)
    begin = start - timedelta(days=max(lookback_days, 0))
    scripted = sorted(events, key=lambda e: e.at)
    base = options or run_options()
    opts = dataclasses.replace(base, render=True)
    out: list[tuple[datetime, int, UpcomingMessage]] = []
    runs = []
    for _name, compiled in journeys:
        run = CustomerRun(compiled, _copy(profile), begin, opts)
        for event in scripted:
            if event.at >= begin:
                run.inject_event(event)
        runs.append(run)
    run_together(runs, until)  # the shop's caps across journeys count every journey's messages
    for order, ((name, compiled), run) in enumerate(zip(journeys, runs, strict=True)):
        for step in run.steps:
            if step.event != "sent" or step.at < start or step.at >= until:
                continue
            node = compiled.plans[step.node].node if step.node in compiled.plans else None
            content = step.content or {}
            subject = (content.get("subject") or content.get("title") or content.get("text")
                       or (node.label if node is not None else "") or step.node or "")
            out.append((step.at, order, UpcomingMessage(step.at, name, step.node or "", step.channel or "",
                                                        subject.strip())))
    out.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in out]


def local_day(message: UpcomingMessage, tz: ZoneInfo | str | None) -> date:
    """The calendar day the customer sees the message on (their time zone, else the shop's)."""
    return message.moment.astimezone(zone(tz) if not isinstance(tz, ZoneInfo) else tz).date()


def collision_days(messages: Iterable[UpcomingMessage], tz: ZoneInfo | str | None = None
                   ) -> dict[date, list[str]]:
    """Days on which two or more journeys send something: day -> those journeys, in first-sent order.

    Two mails of the same journey on one day are that journey's design, not a collision.
    """
    by_day: dict[date, list[str]] = {}
    for message in messages:
        names = by_day.setdefault(local_day(message, tz), [])
        if message.journey not in names:
            names.append(message.journey)
    return {day: names for day, names in sorted(by_day.items()) if len(names) >= 2}


__all__ = ["UpcomingMessage", "collision_days", "local_day", "upcoming_messages"]
