"""Which of a customer's past events a journey can read, so a sending session loads only those.

A real shop's customer has dozens of page views, product views and newsletter events for every
order. A rule reads past events only through `events.count` (of one named event) and the
engagement level (emails sent and opened); templates read orders, never events. So a journey's
rules, settings and segments say exactly which event types its runs can look at; the others
would be read, decoded and kept for nothing on every wake-up.

The answer is deliberately coarse and errs on the side of reading more: any `events.*` field
without a literal event name, or a field the walk does not know, means every type.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from engine.attribution import CLICK_EVENTS
from engine.compiled import CompiledJourney
from engine.profile import ORDER_EVENT

# What each history-reading field needs besides `events.count`'s own event.
_LEVEL_EVENTS = {"engagement.level": ("email_sent", "email_opened")}


def event_types_read(compiled: CompiledJourney) -> frozenset[str] | None:
    """The event types a run of this journey can read from the customer's past; None for all.

    Includes the events the journey reacts to (trigger, waits, goals). Never `order_placed`:
    every order is also an `order_placed` event and the other way round (the shop database
    keeps them so), and the engine makes the events of a profile's orders itself, so loading
    the events too would only read every purchase twice.
    """
    found: set[str] = set(compiled.relevant_events or ())
    journey = compiled.journey
    sources: list[Any] = [node.config for node in journey.nodes()]
    sources.append(journey.settings)
    sources.append(compiled.segment_definitions)
    for source in sources:
        if not _collect(source, found):
            return None
    found.discard(ORDER_EVENT)
    return frozenset(found)


def population_event_types(compiled: CompiledJourney) -> frozenset[str] | None:
    """The event types a population run of this journey needs of each customer, past and
    future; None for all.

    A run with an event or inactivity trigger acts only on the events it reacts to and reads
    only those its rules name, so the others can be left out when customers are made or
    loaded. Date and segment triggers look again at every change of the customer's data: the
    moment of any event may be the moment a customer enters, so they get every event.
    """
    reacts = compiled.relevant_events
    if reacts is None:
        return None
    read = event_types_read(compiled)
    if read is None:
        return None
    # The simulated attribution counts clicks for a journey that tests its messages on clicks.
    clicks = {kind for plan in compiled.plans.values()
              if plan.ab_test is not None and plan.ab_test.metric == "clicks" for kind in CLICK_EVENTS.values()}
    return read | reacts | clicks | {ORDER_EVENT}


def union(needs: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """What several journeys read together (None, every type, wins)."""
    found: set[str] = set()
    for types in needs:
        if types is None:
            return None
        found |= types
    return frozenset(found)


def _collect(value: Any, found: set[str]) -> bool:
    """Adds the event types `value` (any config, rule or setting) reads; False when it may read
    every type."""
    if isinstance(value, Mapping):
        field = value.get("field")
        if isinstance(field, str) and not _field_needs(field, value.get("event"), found):
            return False
        return all(_collect(item, found) for key, item in value.items() if key != "field")
    if isinstance(value, list | tuple):
        return all(_collect(item, found) for item in value)
    if isinstance(value, str) and value.startswith("events."):
        return False  # an events field named outside a rule leaf (a date field, say): be safe
    return True


def _field_needs(field: str, event: Any, found: set[str]) -> bool:
    if field.startswith("events."):
        if not isinstance(event, str):
            return False
        found.add(event)
        return True
    found.update(_LEVEL_EVENTS.get(field, ()))
    return True


__all__ = ["event_types_read", "population_event_types", "union"]
