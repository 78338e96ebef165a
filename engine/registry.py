"""Node kinds, described once.

The validator, the engine, the canvas palette and the inspector all read these descriptions,
so adding a kind (or a config field) happens in one place. A kind carries its behaviour as
hooks (engine/kinds.py): what the compiler precomputes, what the runner does at the node and
what its card says, so no layer branches on a kind's name. Registering the same (type, kind)
twice is refused, as NodeGraphQt does, so a plug-in cannot silently shadow a built-in kind.
A renamed kind lists its old names in `replaces`, as Orange's widget descriptions do, so files
and stored journeys that use an old name load as the kind that took it over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from engine import kinds
from engine.kinds import Part

if TYPE_CHECKING:
    from engine.compiled import NodePlan
    from engine.runner import CustomerRun, Token

NODE_TYPES = ("trigger", "delay", "condition", "message", "action")
CHANNELS = ("email", "sms", "push")


class ValueType(StrEnum):
    """How a config value is checked (engine.validation) and edited (widgets.inspector.editors).

    Each layer keeps one table entry per member, so a new value type is one entry in each and
    tests/test_kinds.py names the table that lacks it. A StrEnum, so the values compare equal
    to the strings journey files and older code use.
    """

    EVENT = "event"
    RULE = "rule"
    DURATION = "duration"
    SIGNED_DURATION = "signed_duration"
    DATE_FIELD = "date_field"
    TIME_OF_DAY = "time_of_day"
    WEEKDAYS = "weekdays"
    TEMPLATE = "template"
    SEGMENT = "segment"
    PORT = "port"
    RULE_BRANCHES = "rule_branches"
    WEIGHT_BRANCHES = "weight_branches"
    DISCOUNT = "discount"
    CHOICE = "choice"  # one of the field's `choices`
    AB_TEST = "ab_test"  # a message node's variants (engine/ab_tests.py)
    BLOCKS = "blocks"  # a designed email's blocks (engine/email_blocks.py)
    VARIANTS = "variants"  # the message's content per customer language (engine/variants.py)
    TEXT = "text"  # one line of plain text (a tag, a property name or value)


@dataclass(frozen=True)
class ConfigField:
    """One config entry of a node kind; a misspelt value type fails here, at declaration."""

    name: str
    value_type: ValueType
    required: bool = True
    default: Any = None
    label: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()  # for ValueType.CHOICE: the values the field may take

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_type", ValueType(self.value_type))
        if (self.value_type == ValueType.CHOICE) != bool(self.choices):
            raise ValueError(f"{self.name}: a choice field needs its choices, and only a choice field has them")


# What the compiler precomputes into a node's plan, from the node's config.
PlanHook = Callable[["NodePlan", Mapping[str, Any]], None]
# What the runner does when a token is due at the node.
ActHook = Callable[["CustomerRun", "Token", "NodePlan"], None]
# The card's line for a config; a config the user is still typing may make it raise
# TypeError, ValueError, AttributeError or KeyError, and the card then shows type/kind.
SummaryHook = Callable[[Mapping[str, Any]], Part]
# What validation checks of a config beyond each field on its own, reported through `bad`.
CheckHook = Callable[[Mapping[str, Any], Callable[[str], None]], None]
# For a kind that waits: whether with this config passing it surely takes time (a loop needs one).
TakesTimeHook = Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class NodeKind:
    """One kind of node: its words, config fields and ports, and its behaviour as hooks.

    `act` and `summary` are required (a kind the runner cannot run or the canvas cannot show is
    no kind); `plan`, `check` and `takes_time` (None: the kind never waits) only where they
    have something to say. `template_fields` are the fields
    whose value type is TEMPLATE, the ones a message renders: derived rather than declared, so
    the list composing renders cannot drift from the fields validation checks and the inspector
    edits as templates. `replaces` holds the (type, kind) names this kind was known by before.
    """

    type: str
    kind: str
    display_name: str
    help: str
    fields: tuple[ConfigField, ...]
    static_ports: tuple[str, ...] = ("out",)
    port_fn: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = field(default=None, compare=False)
    channel: str | None = None
    icon: str = ""
    act: ActHook = field(kw_only=True, compare=False)
    summary: SummaryHook = field(kw_only=True, compare=False)
    plan: PlanHook | None = field(default=None, kw_only=True, compare=False)
    check: CheckHook | None = field(default=None, kw_only=True, compare=False)
    takes_time: TakesTimeHook | None = field(default=None, kw_only=True, compare=False)
    replaces: tuple[tuple[str, str], ...] = field(default=(), kw_only=True)
    template_fields: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "template_fields",
                           tuple(f.name for f in self.fields if f.value_type is ValueType.TEMPLATE))

    def ports(self, config: Mapping[str, Any]) -> tuple[str, ...]:
        """The out ports this node offers with this config (splits name their own)."""
        if self.port_fn is not None:
            return self.port_fn(config)
        return self.static_ports

    def default_config(self) -> dict[str, Any]:
        cfg: dict[str, Any] = {"kind": self.kind}
        for f in self.fields:
            if f.default is not None:
                cfg[f.name] = _copy(f.default)
        return cfg

    def field(self, name: str) -> ConfigField | None:
        return next((f for f in self.fields if f.name == name), None)


def _copy(value: Any) -> Any:
    import copy

    return copy.deepcopy(value)


def _branch_ports(config: Mapping[str, Any], with_else: bool) -> tuple[str, ...]:
    ports: list[str] = []
    branches = config.get("branches")
    if isinstance(branches, list):
        for b in branches:
            if isinstance(b, Mapping) and isinstance(b.get("port"), str) and b["port"] not in ports:
                ports.append(b["port"])
    if with_else and isinstance(config.get("else"), str) and config["else"] not in ports:
        ports.append(config["else"])
    return tuple(ports)


class Registry:
    def __init__(self) -> None:
        self._kinds: dict[tuple[str, str], NodeKind] = {}
        self._successors: dict[tuple[str, str], NodeKind] = {}  # old (type, kind) -> its successor

    def register(self, kind: NodeKind) -> None:
        """Adds a kind; refuses a second kind under the same name and any ambiguous old name."""
        key = (kind.type, kind.kind)
        if key in self._kinds:
            raise ValueError(f"node kind {kind.type}/{kind.kind} is already registered")
        if key in self._successors:
            heir = self._successors[key]
            raise ValueError(f"node kind {kind.type}/{kind.kind} is an old name of {heir.type}/{heir.kind}")
        if kind.type not in NODE_TYPES:
            raise ValueError(f"unknown node type {kind.type!r}")
        if kind.type == "message" and (kind.channel is None or not kind.template_fields):
            raise ValueError(f"message kind {kind.kind} needs a channel and at least one template field")
        olds: set[tuple[str, str]] = set()
        for old in kind.replaces:
            if (not isinstance(old, tuple) or len(old) != 2 or not all(isinstance(p, str) for p in old)
                    or old[0] not in NODE_TYPES):
                raise ValueError(f"node kind {kind.type}/{kind.kind}: replaces {old!r}, which is not a "
                                 f"(type, kind) pair of a node type ({', '.join(NODE_TYPES)})")
            if old == key or old in self._kinds:
                raise ValueError(f"node kind {kind.type}/{kind.kind} cannot replace {old[0]}/{old[1]}: "
                                 "that kind is registered")
            earlier = self._successors.get(old)
            if earlier is not None or old in olds:
                earlier = earlier or kind
                raise ValueError(f"node kind {kind.type}/{kind.kind} cannot replace {old[0]}/{old[1]}: "
                                 f"{earlier.type}/{earlier.kind} replaces it already")
            olds.add(old)
        self._kinds[key] = kind
        for old in olds:
            self._successors[old] = kind

    def get(self, node_type: str, kind: str) -> NodeKind | None:
        return self._kinds.get((node_type, kind))

    def successor(self, node_type: str, kind: str) -> NodeKind | None:
        """The kind that took over this old name, if one did."""
        return self._successors.get((node_type, kind))

    def kinds_of(self, node_type: str) -> list[NodeKind]:
        return [k for (t, _), k in self._kinds.items() if t == node_type]

    def __iter__(self) -> Iterator[NodeKind]:
        return iter(self._kinds.values())


_DISCOUNT = ConfigField("discount", ValueType.DISCOUNT, required=False, label="Discount",
                        help="A code unique to the customer and this message")

# Marketing (the default) needs the customer's consent, counts against caps and carries an
# unsubscribe link; transactional (an order's status, a payment reminder) needs none of it.
_PURPOSE = ConfigField("purpose", ValueType.CHOICE, required=False, default="marketing", label="Kind of message",
                       choices=("marketing", "transactional"),
                       help="Transactional messages go without marketing consent and caps, never to a bounced address")
_VARIANTS = ConfigField("variants", ValueType.VARIANTS, required=False, label="Languages",
                        help="The message in other languages; the customer's language picks one")

# An A/B test of the message: variants that replace some of its texts (engine/ab_tests.py).
_AB_TEST = ConfigField("ab_test", ValueType.AB_TEST, required=False, label="A/B test",
                       help="Variants of this message, split between customers; the best one can be picked later")

REGISTRY = Registry()
for _kind in (
    NodeKind("trigger", "event", "When an event happens",
             "Starts the journey when the customer does something (signs up, abandons a cart…).",
             (ConfigField("event", ValueType.EVENT, default="cart_abandoned", label="Event"),
              ConfigField("filter", ValueType.RULE, required=False, label="Only if")),
             icon="bolt",
             act=kinds.act_trigger, plan=kinds.plan_event_trigger, summary=kinds.summary_event_trigger),
    NodeKind("trigger", "inactivity", "When a customer stops buying",
             "Starts when the customer's last order becomes this old.",
             (ConfigField("after", ValueType.DURATION, default="P3M", label="After"),),
             icon="hourglass",
             act=kinds.act_trigger, plan=kinds.plan_inactivity, summary=kinds.summary_inactivity),
    NodeKind("trigger", "date", "On a date",
             "Starts on a date of the customer's (birthday, signup anniversary), before or after it.",
             (ConfigField("field", ValueType.DATE_FIELD, default="customer.birthdate", label="Date"),
              ConfigField("offset", ValueType.SIGNED_DURATION, required=False, default="P0D", label="Offset")),
             icon="calendar",
             act=kinds.act_trigger, summary=kinds.summary_date_trigger),
    NodeKind("trigger", "segment", "When a customer joins a segment",
             "Starts when the customer enters a segment.",
             (ConfigField("segment", ValueType.SEGMENT, default="", label="Segment"),),
             icon="users",
             act=kinds.act_trigger, summary=kinds.summary_segment_trigger),
    NodeKind("delay", "duration", "Wait",
             "Waits a fixed time. Days, weeks and months follow the customer's calendar.",
             (ConfigField("duration", ValueType.DURATION, default="P1D", label="Wait for"),),
             icon="clock",
             act=kinds.act_wait_duration, plan=kinds.plan_wait_duration, summary=kinds.summary_wait_duration,
             takes_time=kinds.takes_time_wait_duration),
    NodeKind("delay", "until", "Wait until a date",
             "Waits until a date of the customer's (with an offset); goes on at once if it has passed.",
             (ConfigField("field", ValueType.DATE_FIELD, default="entry.at", label="Date"),
              ConfigField("offset", ValueType.SIGNED_DURATION, required=False, default="P0D", label="Offset")),
             icon="calendar-clock",
             act=kinds.act_wait_until, summary=kinds.summary_wait_until, takes_time=kinds.may_pass_at_once),
    NodeKind("delay", "time_window", "Wait for a time of day",
             "Waits until the next such local time (now included), on the chosen weekdays.",
             (ConfigField("at", ValueType.TIME_OF_DAY, default="10:00", label="At"),
              ConfigField("weekdays", ValueType.WEEKDAYS, required=False, label="On")),
             icon="sun",
             act=kinds.act_time_window, summary=kinds.summary_time_window, takes_time=kinds.may_pass_at_once),
    NodeKind("condition", "rule", "If / else",
             "Goes on by 'yes' when the rule holds, by 'no' otherwise.",
             (ConfigField("rule", ValueType.RULE, default={"all": []}, label="Rule"),),
             static_ports=("yes", "no"), icon="branch",
             act=kinds.act_rule, plan=kinds.plan_rule, summary=kinds.summary_rule),
    NodeKind("condition", "split", "Split by rules",
             "The first branch whose rule holds is taken; the 'else' branch otherwise.",
             (ConfigField("branches", ValueType.RULE_BRANCHES, default=[{"port": "a", "rule": {"all": []}}],
                          label="Branches"),
              ConfigField("else", ValueType.PORT, default="else", label="Otherwise")),
             static_ports=(), port_fn=lambda c: _branch_ports(c, True), icon="split",
             act=kinds.act_split, plan=kinds.plan_split, summary=kinds.summary_split, check=kinds.check_split),
    NodeKind("condition", "random", "Random split",
             "Sends each customer down one branch at random, by weight (an A/B test).",
             (ConfigField("branches", ValueType.WEIGHT_BRANCHES,
                          default=[{"port": "a", "weight": 50}, {"port": "b", "weight": 50}],
                          label="Branches"),),
             static_ports=(), port_fn=lambda c: _branch_ports(c, False), icon="dice",
             act=kinds.act_random, plan=kinds.plan_random, summary=kinds.summary_random),
    NodeKind("condition", "wait_event", "Wait for an event",
             "'yes' as soon as the event happens, 'no' when the time runs out first.",
             (ConfigField("event", ValueType.EVENT, default="order_placed", label="Event"),
              ConfigField("filter", ValueType.RULE, required=False, label="Only if"),
              ConfigField("timeout", ValueType.DURATION, default="P3D", label="At most")),
             static_ports=("yes", "no"), icon="ear",
             act=kinds.act_wait_event, plan=kinds.plan_wait_event, summary=kinds.summary_wait_event,
             takes_time=kinds.takes_time_wait_event),
    NodeKind("message", "email", "Email", "Sends an email.",
             (ConfigField("subject", ValueType.TEMPLATE, default="News from {{ shop.name | default('us') }}",
                          label="Subject"),
              # Required unless the email is designed from blocks (kinds.check_email says so).
              ConfigField("body", ValueType.TEMPLATE, required=False, label="Body",
                          default="Hello {{ customer.first_name | default('there') }},\n\n"),
              ConfigField("format", ValueType.CHOICE, required=False, default="text", label="Body is",
                          choices=("text", "html", "blocks"),
                          help="Text is mailed as written, with an HTML part made from it; HTML as written; "
                               "blocks are designed in the email designer"),
              ConfigField("blocks", ValueType.BLOCKS, required=False, label="Design"),
              _DISCOUNT, _PURPOSE, _VARIANTS, _AB_TEST),
             channel="email", icon="mail",
             act=kinds.act_email, summary=kinds.summary_email, check=kinds.check_email),
    NodeKind("message", "sms", "SMS", "Sends a text message.",
             (ConfigField("text", ValueType.TEMPLATE, label="Text",
                          default="Hi {{ customer.first_name | default('there') }}, "), _DISCOUNT, _PURPOSE,
              _VARIANTS, _AB_TEST),
             channel="sms", icon="sms",
             act=kinds.act_sms, summary=kinds.summary_sms, check=kinds.check_sms),
    NodeKind("message", "push", "Push notification", "Sends a push notification to the shop's app.",
             (ConfigField("title", ValueType.TEMPLATE, default="{{ shop.name | default('News') }}", label="Title"),
              ConfigField("body", ValueType.TEMPLATE, default="Hi {{ customer.first_name | default('there') }}",
                          label="Body"),
              ConfigField("url", ValueType.TEMPLATE, required=False, label="Link"),
              _DISCOUNT, _PURPOSE, _VARIANTS, _AB_TEST),
             channel="push", icon="bell",
             act=kinds.act_push, summary=kinds.summary_push, check=kinds.check_push),
    NodeKind("action", "end", "End",
             "Ends the customer's journey on this path (as a way that leads nowhere does, but said).",
             (), static_ports=(), icon="stop",
             act=kinds.act_end, summary=kinds.summary_end),
    NodeKind("action", "update_customer", "Update customer",
             "Adds a tag to the customer or sets one of their properties; later steps see it.",
             (ConfigField("tag", ValueType.TEXT, required=False, default="vip", label="Add tag"),
              ConfigField("property", ValueType.TEXT, required=False, label="Set property"),
              ConfigField("value", ValueType.TEXT, required=False, label="To")),
             icon="tag",
             act=kinds.act_update_customer, summary=kinds.summary_update_customer,
             check=kinds.check_update_customer),
):
    REGISTRY.register(_kind)
