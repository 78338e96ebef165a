"""A customer with their orders and events, read from the profile shape of spec §7.

Both the simulator (a profile file) and the shop database (rows) produce this one shape, so
rules and the runner see the same customer whichever clock drives them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from engine.timeutil import TimeFormatError, parse_date, parse_moment, zone
from engine.values import (
    MAX_FILE_TEXT,
    ValueProblem,
    amount,
    check_json_value,
    email_address,
    phone_number,
    phone_region,
    single_line,
)

ORDER_EVENT = "order_placed"
# An order with one of these statuses is kept in the shop's history but is no purchase: it is
# no order_placed event and counts in no `orders.*` field (a refund, a cancellation, a payment
# that failed or never came). Any other status, or none, is a purchase.
NOT_PURCHASES = ("refunded", "cancelled", "voided", "failed", "unpaid")


def is_purchase(order: Mapping[str, Any]) -> bool:
    status = order.get("status")
    return not (isinstance(status, str) and status.strip().casefold() in NOT_PURCHASES)


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the field (`events[2].at: …`)."""


@dataclass(slots=True)
class Order:
    id: str
    placed_at: datetime
    total: float
    currency: str = ""
    properties: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "placed_at": self.placed_at, "total": self.total,
                "currency": self.currency, **self.properties}


@dataclass(slots=True)
class Event:
    type: str
    at: datetime
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    customer: dict[str, Any]
    orders: list[Order] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.customer["id"])

    @property
    def timezone(self) -> str | None:
        tz = self.customer.get("timezone")
        return tz if isinstance(tz, str) and tz else None

    def consent(self, channel: str) -> bool:
        consent = self.customer.get("consent")
        return bool(isinstance(consent, Mapping) and consent.get(channel) is True)

    def all_events(self) -> list[Event]:
        """Events including one `order_placed` per order, in time order.

        An explicit `order_placed` event at the same moment as an order is the same purchase
        and is not counted twice.
        """
        order_times = {o.placed_at for o in self.orders}
        merged = [e for e in self.events if not (e.type == ORDER_EVENT and e.at in order_times)]
        merged += [Event(ORDER_EVENT, o.placed_at, order_event_properties(o.id, o.total, o.currency, o.properties))
                   for o in self.orders]
        merged.sort(key=lambda e: e.at)
        return merged


def order_event_properties(order_id: str, total: float, currency: str, properties: Mapping[str, Any]
                           ) -> dict[str, Any]:
    """The properties of the `order_placed` event an order is (what `entry.*` reads after a
    purchase trigger), the same whether the order came from a profile or an import."""
    return {"order_id": order_id, "total": total, "currency": currency, **properties}


def order_of_event(customer_id: str, at: datetime, properties: Mapping[str, Any]) -> Order:
    """The order an `order_placed` event is. Every writer of the shop database and every
    reader of a profile derives it here, so an order that came as an event (a webhook, the
    `event` command, a what-if) has the same id, total and properties wherever it is seen;
    without an `order_id` property its id is `<customer>/<moment>`."""
    props = dict(properties)
    total = props.pop("total", 0.0)
    if isinstance(total, bool) or not isinstance(total, int | float) or not math.isfinite(total):
        try:
            total = float(total)
        except (TypeError, ValueError):
            total = 0.0
        if not math.isfinite(total):
            total = 0.0
    order_id = props.pop("order_id", None)
    fallback = props.pop("id", None)
    order_id = order_id if order_id not in (None, "") else fallback
    if order_id in (None, "") or isinstance(order_id, bool):
        order_id = f"{customer_id}/{at.astimezone(UTC).isoformat().replace('+00:00', 'Z')}"
    currency = props.pop("currency", "")
    return Order(str(order_id), at, float(total), currency if isinstance(currency, str) else "", props)


# The customer's one-line texts; a CR/LF in a name or city would reach a mail header.
CUSTOMER_TEXT = ("first_name", "last_name", "gender", "city", "region", "country", "postal_code", "timezone",
                 "locale")
_CUSTOMER_KEYS = frozenset({"id", "email", "phone", *CUSTOMER_TEXT, "birthdate", "signup_at", "consent",
                            "bounced", "lat", "lon", "tags", "properties"})
MAX_ID = 200  # characters of a customer, order or event-type id
MAX_TYPE = 100


def check_profile(data: Any) -> dict[str, Any]:
    """The checks a profile from outside (a file, an import) must pass before it is simulated
    or stored, on top of `parse_profile`'s: one email address, a possible phone number (read in
    the customer's country when it has no +country code; stored as E.164), one-line texts,
    amounts within ±1e12, and properties that JSON can hold (engine.values). Returns a copy
    with the email and phone normalised; ProfileError names the field.

    Kept apart from `parse_profile`, which also reads customers back from the database: a
    customer stored before these checks existed must still load and run, not stop a run.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("the profile must be a JSON object with a 'customer'")
    try:
        check_json_value(data, "", max_text=MAX_FILE_TEXT, max_items=None)
        out = dict(data)
        if isinstance(data.get("customer"), Mapping):
            out["customer"] = _checked_customer(data["customer"])
        if isinstance(data.get("orders"), list):
            out["orders"] = [_checked_order(o, f"orders[{i}]") for i, o in enumerate(data["orders"])]
        if isinstance(data.get("events"), list):
            out["events"] = [_checked_event(e, f"events[{i}]") for i, e in enumerate(data["events"])]
    except ValueProblem as exc:
        raise ProfileError(str(exc)) from None
    return out


def _checked_customer(raw: Mapping[str, Any]) -> dict[str, Any]:
    customer = dict(raw)
    if customer.get("id") is not None and not isinstance(customer["id"], bool):
        single_line(customer["id"], "customer.id", max_length=MAX_ID)
    for key in CUSTOMER_TEXT:
        if customer.get(key) is not None:
            customer[key] = single_line(customer[key], f"customer.{key}", max_length=MAX_ID)
    if customer.get("email") is not None:
        customer["email"] = email_address(customer["email"], "customer.email")
    if customer.get("phone") is not None:
        customer["phone"] = phone_number(customer["phone"], "customer.phone", phone_region(customer.get("country")))
    for key, value in customer.items():
        if key == "properties" or key == "tags" or key not in _CUSTOMER_KEYS:
            check_json_value(value, f"customer.{key}")
    return customer


def _checked_order(raw: Any, where: str) -> Any:
    if not isinstance(raw, Mapping):
        return raw  # parse_profile says what is wrong with it
    for key, value in raw.items():
        if key in ("id", "currency"):
            if value is not None and not isinstance(value, bool):
                single_line(value, f"{where}.{key}", max_length=MAX_ID)
        elif key == "total":
            if value is not None:
                amount(value, f"{where}.total")
        elif key != "placed_at":
            check_json_value(value, f"{where}.{key}")
    return raw


def _checked_event(raw: Any, where: str) -> Any:
    if not isinstance(raw, Mapping):
        return raw
    if isinstance(raw.get("type"), str):
        single_line(raw["type"], f"{where}.type", max_length=MAX_TYPE)
    if raw.get("properties") is not None:
        check_json_value(raw["properties"], f"{where}.properties")
    return raw


def _moment(value: Any, where: str) -> datetime:
    try:
        return parse_moment(value)
    except TimeFormatError as exc:
        raise ProfileError(f"{where}: {exc}") from None


def parse_profile(data: Any) -> Profile:
    if not isinstance(data, Mapping):
        raise ProfileError("the profile must be a JSON object with a 'customer'")
    raw = data.get("customer")
    if not isinstance(raw, Mapping):
        raise ProfileError("customer: missing or not an object")
    cid = raw.get("id")
    if isinstance(cid, bool) or not isinstance(cid, str | int) or str(cid) == "":
        raise ProfileError("customer.id: missing or not a string")
    customer = dict(raw)
    customer["id"] = str(cid)
    for key in ("signup_at",):
        if customer.get(key) is not None:
            customer[key] = _moment(customer[key], f"customer.{key}")
    if customer.get("birthdate") is not None:
        try:
            customer["birthdate"] = parse_date(customer["birthdate"])
        except TimeFormatError as exc:
            raise ProfileError(f"customer.birthdate: {exc}") from None
    if customer.get("timezone") is not None:
        try:
            zone(customer["timezone"])
        except TimeFormatError as exc:
            raise ProfileError(f"customer.timezone: {exc}") from None
    consent = customer.get("consent", {})
    if consent is not None and not isinstance(consent, Mapping):
        raise ProfileError("customer.consent: must be an object like {\"email\": true}")
    for key in ("properties",):
        if customer.get(key) is not None and not isinstance(customer[key], Mapping):
            raise ProfileError(f"customer.{key}: must be an object")
    if customer.get("tags") is not None and not isinstance(customer["tags"], list):
        raise ProfileError("customer.tags: must be a list")

    orders: list[Order] = []
    raw_orders = data.get("orders", [])
    if not isinstance(raw_orders, list):
        raise ProfileError("orders: must be a list")
    for i, o in enumerate(raw_orders):
        if not isinstance(o, Mapping):
            raise ProfileError(f"orders[{i}]: must be an object")
        placed = _moment(o.get("placed_at"), f"orders[{i}].placed_at")
        if not is_purchase(o):
            continue  # kept by the shop, counted by no rule
        total = o.get("total", 0)
        if isinstance(total, bool) or not isinstance(total, int | float) or not math.isfinite(total):
            raise ProfileError(f"orders[{i}].total: must be a number")
        extra = {k: v for k, v in o.items() if k not in ("id", "placed_at", "total", "currency")}
        orders.append(Order(str(o.get("id", f"order-{i + 1}")), placed, float(total),
                            str(o.get("currency", "") or ""), extra))

    events: list[Event] = []
    raw_events = data.get("events", [])
    if not isinstance(raw_events, list):
        raise ProfileError("events: must be a list")
    for i, e in enumerate(raw_events):
        if not isinstance(e, Mapping):
            raise ProfileError(f"events[{i}]: must be an object")
        etype = e.get("type")
        if not isinstance(etype, str) or not etype:
            raise ProfileError(f"events[{i}].type: missing or not a string")
        at = _moment(e.get("at"), f"events[{i}].at")
        props = e.get("properties", {}) or {}
        if not isinstance(props, Mapping):
            raise ProfileError(f"events[{i}].properties: must be an object")
        events.append(Event(etype, at, dict(props)))

    order_times = {o.placed_at for o in orders}
    for e in events:
        if e.type == ORDER_EVENT and e.at not in order_times:
            orders.append(order_of_event(customer["id"], e.at, e.properties))
            order_times.add(e.at)
    orders.sort(key=lambda o: o.placed_at)
    events.sort(key=lambda e: e.at)
    return Profile(customer, orders, events)


def anniversary(born: date, year: int) -> date:
    """A date's anniversary in a year (29 February falls on 28 February in common years)."""
    try:
        return born.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def birthday_on_or_after(born: date, moment_local: date) -> date:
    """The next anniversary of a date, on or after a local day."""
    day = anniversary(born, moment_local.year)
    return day if day >= moment_local else anniversary(born, moment_local.year + 1)
