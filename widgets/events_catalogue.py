"""Events a shop's customers commonly do, by the name journeys and imports use, with a label in
words and the properties such an event usually carries.

Journey files, the CLI and imports keep the raw names (`order_placed`); everything a shop owner
reads shows the label ("Placed an order"), and a name not in the catalogue shows with its
underscores as spaces, so a shop's own events still read as words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from widgets.translate import QT_TRANSLATE_NOOP

CONTEXT = "events"


@dataclass(frozen=True)
class KnownEvent:
    name: str
    label: str  # English; shown through event_label()
    properties: tuple[str, ...] = ()  # usual properties, offered when the event is recorded by hand


KNOWN_EVENTS: tuple[KnownEvent, ...] = (
    KnownEvent("signup", QT_TRANSLATE_NOOP("events", "Signed up")),
    KnownEvent("order_placed", QT_TRANSLATE_NOOP("events", "Placed an order"), ("total", "currency")),
    KnownEvent("cart_abandoned", QT_TRANSLATE_NOOP("events", "Abandoned a cart"), ("cart_value",)),
    KnownEvent("added_to_cart", QT_TRANSLATE_NOOP("events", "Added to the cart"), ("product",)),
    KnownEvent("product_viewed", QT_TRANSLATE_NOOP("events", "Viewed a product"), ("product",)),
    KnownEvent("email_sent", QT_TRANSLATE_NOOP("events", "Was sent an email")),
    KnownEvent("email_opened", QT_TRANSLATE_NOOP("events", "Opened an email")),
    KnownEvent("email_clicked", QT_TRANSLATE_NOOP("events", "Clicked a link in an email")),
    KnownEvent("newsletter_subscribed", QT_TRANSLATE_NOOP("events", "Subscribed to the newsletter")),
    KnownEvent("newsletter_unsubscribed", QT_TRANSLATE_NOOP("events", "Unsubscribed from the newsletter")),
    KnownEvent("payment_due", QT_TRANSLATE_NOOP("events", "Has a payment due"), ("amount",)),
    KnownEvent("payment_received", QT_TRANSLATE_NOOP("events", "Paid"), ("amount",)),
    KnownEvent("review_written", QT_TRANSLATE_NOOP("events", "Wrote a review"), ("rating",)),
    KnownEvent("profile_edited", QT_TRANSLATE_NOOP("events", "Profile changed by hand")),
)
_BY_NAME = {e.name: e for e in KNOWN_EVENTS}


def known_event(name: str) -> KnownEvent | None:
    return _BY_NAME.get(name)


def event_label(name: str | None) -> str:
    """The event in words, in the user's language: "Placed an order" for `order_placed`."""
    if not name:
        return ""
    known = _BY_NAME.get(name)
    if known is not None:
        return QCoreApplication.translate(CONTEXT, known.label)
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
