"""Words that reach the screen from the layers without Qt: node kinds, rule fields, import
columns and segment groups are plain English strings in `engine` and `storage`, which must stay
importable headless. They are translated here, in the widgets layer, under fixed contexts.

The QT_TRANSLATE_NOOP lists exist so `pyside6-lupdate` (which reads source, not objects) finds
every string; `tests/test_i18n.py` fails when the engine gains a string missing from them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from widgets.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from engine.fields import FieldSpec
    from engine.registry import ConfigField, NodeKind

REGISTRY_CONTEXT = "registry"
FIELDS_CONTEXT = "fields"
IMPORT_CONTEXT = "import"
SEGMENTS_CONTEXT = "segments"
PROBLEMS_CONTEXT = "problems"
OUTCOMES_CONTEXT = "outcomes"

# A condition's ports and the engine's reasons for skipping a message, as the engine names them
# (journey files and `simulate` output keep these keys) and as a shop owner reads them.
PORT_TEXTS = {"yes": QT_TRANSLATE_NOOP("outcomes", "yes"), "no": QT_TRANSLATE_NOOP("outcomes", "no"),
              "out": QT_TRANSLATE_NOOP("outcomes", "next")}
SKIP_TEXTS = {
    "no_consent": QT_TRANSLATE_NOOP("outcomes", "no consent"),
    "no_address": QT_TRANSLATE_NOOP("outcomes", "no address"),
    "frequency_cap": QT_TRANSLATE_NOOP("outcomes", "frequency cap"),
    "shop_cap": QT_TRANSLATE_NOOP("outcomes", "shop's daily cap"),
    "safety_cap": QT_TRANSLATE_NOOP("outcomes", "safety cap"),
    "late": QT_TRANSLATE_NOOP("outcomes", "too late"),
}

# The validator's messages about the shape of a journey, as (pattern of the English message,
# translatable template with the same named parts). The engine's wording is a stable interface
# of `journey-builder validate`, so it stays English there and is matched here; messages about
# single config values are not listed and show as the engine words them.
PROBLEM_TEXTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"port '(?P<port>[^']*)' is not connected \(customers taking it end here\)"),
     QT_TRANSLATE_NOOP("problems", "port '{port}' is not connected (customers taking it end here)")),
    (re.compile(r"unreachable: no path leads here from the trigger"),
     QT_TRANSLATE_NOOP("problems", "unreachable: no path leads here from the trigger")),
    (re.compile(r"the journey has no trigger \(it needs exactly one\)"),
     QT_TRANSLATE_NOOP("problems", "the journey has no trigger (it needs exactly one)")),
    (re.compile(r"a second trigger \(the journey needs exactly one; the first is '(?P<first>[^']*)'\)"),
     QT_TRANSLATE_NOOP("problems", "a second trigger (the journey needs exactly one; the first is '{first}')")),
    (re.compile(r"an edge leads into the trigger '(?P<trigger>[^']*)'"),
     QT_TRANSLATE_NOOP("problems", "an edge leads into the trigger '{trigger}'")),
    (re.compile(r"a loop with no delay or wait in it would repeat forever at one instant \((?P<path>.*)\)"),
     QT_TRANSLATE_NOOP("problems", "a loop with no delay or wait in it would repeat forever at one instant ({path})")),
)


def port_text(port: str) -> str:
    """A port in the user's language ("ja"/"nein"); a port of a custom kind shows as named."""
    return QCoreApplication.translate(OUTCOMES_CONTEXT, PORT_TEXTS[port]) if port in PORT_TEXTS else port


def skip_reason(reason: str | None) -> str:
    """Why a message was skipped, in a few words; an unknown reason shows as the engine names it."""
    if reason in SKIP_TEXTS:
        return QCoreApplication.translate(OUTCOMES_CONTEXT, SKIP_TEXTS[reason])
    return (reason or "").replace("_", " ")


def kind_name(desc: NodeKind) -> str:
    """The kind's name as the palette, the inspector and new cards show it."""
    return QCoreApplication.translate(REGISTRY_CONTEXT, desc.display_name)


def kind_help(desc: NodeKind) -> str:
    return QCoreApplication.translate(REGISTRY_CONTEXT, desc.help)


def config_label(field: ConfigField) -> str:
    return QCoreApplication.translate(REGISTRY_CONTEXT, field.label or field.name)


def config_help(field: ConfigField) -> str:
    return QCoreApplication.translate(REGISTRY_CONTEXT, field.help) if field.help else ""


def field_label(spec: FieldSpec) -> str:
    """A rule field (“Number of orders”) as the rule builder offers it."""
    return QCoreApplication.translate(FIELDS_CONTEXT, spec.label)


def import_label(label: str) -> str:
    """A column meaning of the import wizard (storage.import_formats)."""
    return QCoreApplication.translate(IMPORT_CONTEXT, label)


def segment_group(group: str) -> str:
    return QCoreApplication.translate(SEGMENTS_CONTEXT, group)


def problem_message(message: str) -> str:
    """A validation message in the UI language when it is one of PROBLEM_TEXTS, else as is."""
    for pattern, template in PROBLEM_TEXTS:
        match = pattern.fullmatch(message)
        if match:
            return QCoreApplication.translate(PROBLEMS_CONTEXT, template).format(**match.groupdict())
    return message


REGISTRY_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("registry", "When an event happens"),
    QT_TRANSLATE_NOOP("registry", "Starts the journey when the customer does something (signs up, abandons a cart…)."),
    QT_TRANSLATE_NOOP("registry", "Event"),
    QT_TRANSLATE_NOOP("registry", "Only if"),
    QT_TRANSLATE_NOOP("registry", "When a customer stops buying"),
    QT_TRANSLATE_NOOP("registry", "Starts when the customer's last order becomes this old."),
    QT_TRANSLATE_NOOP("registry", "After"),
    QT_TRANSLATE_NOOP("registry", "On a date"),
    QT_TRANSLATE_NOOP("registry", "Starts on a date of the customer's (birthday, signup anniversary), before or after it."),
    QT_TRANSLATE_NOOP("registry", "Date"),
    QT_TRANSLATE_NOOP("registry", "Offset"),
    QT_TRANSLATE_NOOP("registry", "When a customer joins a segment"),
    QT_TRANSLATE_NOOP("registry", "Starts when the customer enters a segment."),
    QT_TRANSLATE_NOOP("registry", "Segment"),
    QT_TRANSLATE_NOOP("registry", "Wait"),
    QT_TRANSLATE_NOOP("registry", "Waits a fixed time. Days, weeks and months follow the customer's calendar."),
    QT_TRANSLATE_NOOP("registry", "Wait for"),
    QT_TRANSLATE_NOOP("registry", "Wait until a date"),
    QT_TRANSLATE_NOOP("registry", "Waits until a date of the customer's (with an offset); goes on at once if it has passed."),
    QT_TRANSLATE_NOOP("registry", "Wait for a time of day"),
    QT_TRANSLATE_NOOP("registry", "Waits until the next such local time (now included), on the chosen weekdays."),
    QT_TRANSLATE_NOOP("registry", "At"),
    QT_TRANSLATE_NOOP("registry", "On"),
    QT_TRANSLATE_NOOP("registry", "If / else"),
    QT_TRANSLATE_NOOP("registry", "Goes on by 'yes' when the rule holds, by 'no' otherwise."),
    QT_TRANSLATE_NOOP("registry", "Rule"),
    QT_TRANSLATE_NOOP("registry", "Split by rules"),
    QT_TRANSLATE_NOOP("registry", "The first branch whose rule holds is taken; the 'else' branch otherwise."),
    QT_TRANSLATE_NOOP("registry", "Branches"),
    QT_TRANSLATE_NOOP("registry", "Otherwise"),
    QT_TRANSLATE_NOOP("registry", "Random split"),
    QT_TRANSLATE_NOOP("registry", "Sends each customer down one branch at random, by weight (an A/B test)."),
    QT_TRANSLATE_NOOP("registry", "Wait for an event"),
    QT_TRANSLATE_NOOP("registry", "'yes' as soon as the event happens, 'no' when the time runs out first."),
    QT_TRANSLATE_NOOP("registry", "At most"),
    QT_TRANSLATE_NOOP("registry", "Email"),
    QT_TRANSLATE_NOOP("registry", "Sends an email."),
    QT_TRANSLATE_NOOP("registry", "Subject"),
    QT_TRANSLATE_NOOP("registry", "Body"),
    QT_TRANSLATE_NOOP("registry", "Discount"),
    QT_TRANSLATE_NOOP("registry", "A code unique to the customer and this message"),
    QT_TRANSLATE_NOOP("registry", "SMS"),
    QT_TRANSLATE_NOOP("registry", "Sends a text message."),
    QT_TRANSLATE_NOOP("registry", "Text"),
    QT_TRANSLATE_NOOP("registry", "Push notification"),
    QT_TRANSLATE_NOOP("registry", "Sends a push notification to the shop's app."),
    QT_TRANSLATE_NOOP("registry", "End"),
    QT_TRANSLATE_NOOP("registry", "Ends the customer's journey on this path (as a way that leads nowhere does, but said)."),
    QT_TRANSLATE_NOOP("registry", "Update customer"),
    QT_TRANSLATE_NOOP("registry", "Adds a tag to the customer or sets one of their properties; later steps see it."),
    QT_TRANSLATE_NOOP("registry", "Add tag"),
    QT_TRANSLATE_NOOP("registry", "Set property"),
    QT_TRANSLATE_NOOP("registry", "To"),
    QT_TRANSLATE_NOOP("registry", "Title"),
    QT_TRANSLATE_NOOP("registry", "Link"),
    QT_TRANSLATE_NOOP("registry", "Body is"),
    QT_TRANSLATE_NOOP("registry", "Text is mailed as written, with an HTML part made from it; HTML as written; "
                                  "blocks are designed in the email designer"),
    QT_TRANSLATE_NOOP("registry", "Design"),
    QT_TRANSLATE_NOOP("registry", "Languages"),
    QT_TRANSLATE_NOOP("registry", "The message in other languages; the customer's language picks one"),
    QT_TRANSLATE_NOOP("registry", "Kind of message"),
    QT_TRANSLATE_NOOP("registry", "Transactional messages go without marketing consent and caps, never to a bounced address"),
    QT_TRANSLATE_NOOP("registry", "A/B test"),
    QT_TRANSLATE_NOOP("registry", "Variants of this message, split between customers; the best one can be picked later"),
)

FIELD_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("fields", "Id"),
    QT_TRANSLATE_NOOP("fields", "Email"),
    QT_TRANSLATE_NOOP("fields", "Phone"),
    QT_TRANSLATE_NOOP("fields", "First name"),
    QT_TRANSLATE_NOOP("fields", "Last name"),
    QT_TRANSLATE_NOOP("fields", "Gender"),
    QT_TRANSLATE_NOOP("fields", "City"),
    QT_TRANSLATE_NOOP("fields", "Region"),
    QT_TRANSLATE_NOOP("fields", "Country"),
    QT_TRANSLATE_NOOP("fields", "Postal code"),
    QT_TRANSLATE_NOOP("fields", "Timezone"),
    QT_TRANSLATE_NOOP("fields", "Locale"),
    QT_TRANSLATE_NOOP("fields", "Tags"),
    QT_TRANSLATE_NOOP("fields", "Age"),
    QT_TRANSLATE_NOOP("fields", "Birthdate"),
    QT_TRANSLATE_NOOP("fields", "Signed up at"),
    QT_TRANSLATE_NOOP("fields", "Days since signup"),
    QT_TRANSLATE_NOOP("fields", "Location"),
    QT_TRANSLATE_NOOP("fields", "Consents to email"),
    QT_TRANSLATE_NOOP("fields", "Consents to sms"),
    QT_TRANSLATE_NOOP("fields", "Consents to push"),
    QT_TRANSLATE_NOOP("fields", "Number of orders"),
    QT_TRANSLATE_NOOP("fields", "Total spent"),
    QT_TRANSLATE_NOOP("fields", "Average order value"),
    QT_TRANSLATE_NOOP("fields", "Last order at"),
    QT_TRANSLATE_NOOP("fields", "Last order value"),
    QT_TRANSLATE_NOOP("fields", "Days since last order"),
    QT_TRANSLATE_NOOP("fields", "Number of events"),
    QT_TRANSLATE_NOOP("fields", "Entered the journey at"),
    QT_TRANSLATE_NOOP("fields", "Engagement"),
    QT_TRANSLATE_NOOP("fields", "Lifecycle stage"),
)

IMPORT_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("import", "Customer ID"),
    QT_TRANSLATE_NOOP("import", "Email"),
    QT_TRANSLATE_NOOP("import", "Phone"),
    QT_TRANSLATE_NOOP("import", "First name"),
    QT_TRANSLATE_NOOP("import", "Last name"),
    QT_TRANSLATE_NOOP("import", "Full name (split into first and last)"),
    QT_TRANSLATE_NOOP("import", "Gender"),
    QT_TRANSLATE_NOOP("import", "Birthdate"),
    QT_TRANSLATE_NOOP("import", "City"),
    QT_TRANSLATE_NOOP("import", "Region / state"),
    QT_TRANSLATE_NOOP("import", "Country"),
    QT_TRANSLATE_NOOP("import", "Postal code"),
    QT_TRANSLATE_NOOP("import", "Time zone"),
    QT_TRANSLATE_NOOP("import", "Language"),
    QT_TRANSLATE_NOOP("import", "Signed up at"),
    QT_TRANSLATE_NOOP("import", "Tags"),
    QT_TRANSLATE_NOOP("import", "Consents to email"),
    QT_TRANSLATE_NOOP("import", "Consents to SMS"),
    QT_TRANSLATE_NOOP("import", "Consents to push"),
    QT_TRANSLATE_NOOP("import", "Latitude"),
    QT_TRANSLATE_NOOP("import", "Longitude"),
    QT_TRANSLATE_NOOP("import", "Order ID"),
    QT_TRANSLATE_NOOP("import", "Customer email"),
    QT_TRANSLATE_NOOP("import", "Placed at"),
    QT_TRANSLATE_NOOP("import", "Total"),
    QT_TRANSLATE_NOOP("import", "Currency"),
    QT_TRANSLATE_NOOP("import", "Line item name"),
    QT_TRANSLATE_NOOP("import", "Line item SKU"),
    QT_TRANSLATE_NOOP("import", "Line item quantity"),
    QT_TRANSLATE_NOOP("import", "Line item price"),
    QT_TRANSLATE_NOOP("import", "Event type"),
    QT_TRANSLATE_NOOP("import", "Happened at"),
    QT_TRANSLATE_NOOP("import", "Order status"),
    QT_TRANSLATE_NOOP("import", "Cancelled at"),
    QT_TRANSLATE_NOOP("import", "Cart ID"),
    QT_TRANSLATE_NOOP("import", "Line item image URL"),
    QT_TRANSLATE_NOOP("import", "Line items (a list)"),
    QT_TRANSLATE_NOOP("import", "Guest's first name"),
    QT_TRANSLATE_NOOP("import", "Guest's last name"),
    QT_TRANSLATE_NOOP("import", "Guest's full name"),
    QT_TRANSLATE_NOOP("import", "Guest's phone"),
    QT_TRANSLATE_NOOP("import", "Guest's city"),
    QT_TRANSLATE_NOOP("import", "Guest's region / state"),
    QT_TRANSLATE_NOOP("import", "Guest's country"),
    QT_TRANSLATE_NOOP("import", "Guest's postal code"),
    QT_TRANSLATE_NOOP("import", "Guest's language"),
    QT_TRANSLATE_NOOP("import", "Guest consents to email"),
    QT_TRANSLATE_NOOP("import", "Abandoned at"),
    QT_TRANSLATE_NOOP("import", "Cart value"),
    QT_TRANSLATE_NOOP("import", "Cart link"),
    QT_TRANSLATE_NOOP("import", "Completed at (bought)"),
)

SEGMENT_GROUPS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("segments", "demographic"),
    QT_TRANSLATE_NOOP("segments", "behavioural"),
    QT_TRANSLATE_NOOP("segments", "engagement"),
    QT_TRANSLATE_NOOP("segments", "lifecycle"),
)
