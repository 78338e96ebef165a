"""Node kinds, described once.

The validator, the engine, the canvas palette and the inspector all read these descriptions,
so adding a kind (or a config field) happens in one place. Registering the same (type, kind)
twice is refused, as NodeGraphQt does, so a plug-in cannot silently shadow a built-in kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

NODE_TYPES = ("trigger", "delay", "condition", "message")
CHANNELS = ("email", "sms", "push")


@dataclass(frozen=True)
class ConfigField:
    """One config entry of a node kind.

    `value_type` names how the value is checked and edited: event, rule, duration,
    signed_duration, date_field, time_of_day, weekdays, template, segment, port, rule_branches,
    weight_branches, discount.
    """

    name: str
    value_type: str
    required: bool = True
    default: Any = None
    label: str = ""
    help: str = ""


@dataclass(frozen=True)
class NodeKind:
    type: str
    kind: str
    display_name: str
    help: str
    fields: tuple[ConfigField, ...]
    static_ports: tuple[str, ...] = ("out",)
    port_fn: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = field(default=None, compare=False)
    channel: str | None = None
    icon: str = ""

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

    def register(self, kind: NodeKind) -> None:
        key = (kind.type, kind.kind)
        if key in self._kinds:
            raise ValueError(f"node kind {kind.type}/{kind.kind} is already registered")
        if kind.type not in NODE_TYPES:
            raise ValueError(f"unknown node type {kind.type!r}")
        self._kinds[key] = kind

    def get(self, node_type: str, kind: str) -> NodeKind | None:
        return self._kinds.get((node_type, kind))

    def kinds_of(self, node_type: str) -> list[NodeKind]:
        return [k for (t, _), k in self._kinds.items() if t == node_type]

    def __iter__(self):
        return iter(self._kinds.values())


_DISCOUNT = ConfigField("discount", "discount", required=False, label="Discount",
                        help="A code unique to the customer and this message")

REGISTRY = Registry()
for _kind in (
    NodeKind("trigger", "event", "When an event happens",
             "Starts the journey when the customer does something (signs up, abandons a cart…).",
             (ConfigField("event", "event", default="cart_abandoned", label="Event"),
              ConfigField("filter", "rule", required=False, label="Only if")),
             icon="bolt"),
    NodeKind("trigger", "inactivity", "When a customer stops buying",
             "Starts when the customer's last order becomes this old.",
             (ConfigField("after", "duration", default="P3M", label="After"),),
             icon="hourglass"),
    NodeKind("trigger", "date", "On a date",
             "Starts on a date of the customer's (birthday, signup anniversary), before or after it.",
             (ConfigField("field", "date_field", default="customer.birthdate", label="Date"),
              ConfigField("offset", "signed_duration", required=False, default="P0D", label="Offset")),
             icon="calendar"),
    NodeKind("trigger", "segment", "When a customer joins a segment",
             "Starts when the customer enters a segment.",
             (ConfigField("segment", "segment", default="", label="Segment"),),
             icon="users"),
    NodeKind("delay", "duration", "Wait",
             "Waits a fixed time. Days, weeks and months follow the customer's calendar.",
             (ConfigField("duration", "duration", default="P1D", label="Wait for"),),
             icon="clock"),
    NodeKind("delay", "until", "Wait until a date",
             "Waits until a date of the customer's (with an offset); goes on at once if it has passed.",
             (ConfigField("field", "date_field", default="entry.at", label="Date"),
              ConfigField("offset", "signed_duration", required=False, default="P0D", label="Offset")),
             icon="calendar-clock"),
    NodeKind("delay", "time_window", "Wait for a time of day",
             "Waits until the next such local time (now included), on the chosen weekdays.",
             (ConfigField("at", "time_of_day", default="10:00", label="At"),
              ConfigField("weekdays", "weekdays", required=False, label="On")),
             icon="sun"),
    NodeKind("condition", "rule", "If / else",
             "Goes on by 'yes' when the rule holds, by 'no' otherwise.",
             (ConfigField("rule", "rule", default={"all": []}, label="Rule"),),
             static_ports=("yes", "no"), icon="branch"),
    NodeKind("condition", "split", "Split by rules",
             "The first branch whose rule holds is taken; the 'else' branch otherwise.",
             (ConfigField("branches", "rule_branches", default=[{"port": "a", "rule": {"all": []}}],
                          label="Branches"),
              ConfigField("else", "port", default="else", label="Otherwise")),
             static_ports=(), port_fn=lambda c: _branch_ports(c, True), icon="split"),
    NodeKind("condition", "random", "Random split",
             "Sends each customer down one branch at random, by weight (an A/B test).",
             (ConfigField("branches", "weight_branches",
                          default=[{"port": "a", "weight": 50}, {"port": "b", "weight": 50}],
                          label="Branches"),),
             static_ports=(), port_fn=lambda c: _branch_ports(c, False), icon="dice"),
    NodeKind("condition", "wait_event", "Wait for an event",
             "'yes' as soon as the event happens, 'no' when the time runs out first.",
             (ConfigField("event", "event", default="order_placed", label="Event"),
              ConfigField("filter", "rule", required=False, label="Only if"),
              ConfigField("timeout", "duration", default="P3D", label="At most")),
             static_ports=("yes", "no"), icon="ear"),
    NodeKind("message", "email", "Email", "Sends an email.",
             (ConfigField("subject", "template", default="", label="Subject"),
              ConfigField("body", "template", default="", label="Body"),
              _DISCOUNT),
             channel="email", icon="mail"),
    NodeKind("message", "sms", "SMS", "Sends a text message.",
             (ConfigField("text", "template", default="", label="Text"), _DISCOUNT),
             channel="sms", icon="sms"),
    NodeKind("message", "push", "Push notification", "Sends a push notification to the shop's app.",
             (ConfigField("title", "template", default="", label="Title"),
              ConfigField("body", "template", default="", label="Body"),
              ConfigField("url", "template", required=False, label="Link"),
              _DISCOUNT),
             channel="push", icon="bell"),
):
    REGISTRY.register(_kind)
