"""A customer with their orders and events, in the profile shape of spec §7, both ways.

The engine reads a simulated customer from a profile file and a real one from here; giving
both the same shape means a rule behaves the same in the simulator and in a sending session.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from engine.profile import ProfileError, check_profile, parse_profile
from engine.timeutil import format_moment, parse_moment
from storage.customers_repo import customer_to_dict, get_customer, upsert_customer
from storage.history_repo import events_of, has_event, orders_of, record_event, record_order
from storage.models import EventRow, OrderRow


def moment_text(moment: datetime) -> str:
    """UTC with Z, to the second unless the moment has a fraction (kept, not rounded away)."""
    if moment.microsecond:
        return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return format_moment(moment)


def order_to_dict(row: OrderRow) -> dict[str, Any]:
    """Properties sit beside the fixed keys, as in the profile file (engine.profile reads them so).
    A refunded or cancelled order says so (`"status": "refunded"`); engine.profile leaves such
    orders out of what rules count, as the sending session does."""
    out = {**dict(row.properties or {}), "id": row.id, "placed_at": moment_text(row.placed_at),
           "total": row.total, "currency": row.currency}
    if row.status and row.status != "placed":
        out["status"] = row.status
    return out


def event_to_dict(row: EventRow) -> dict[str, Any]:
    return {"type": row.type, "at": moment_text(row.at), "properties": dict(row.properties or {})}


def customer_profile(session: Session, customer_id: str, *, events_since: datetime | None = None) -> dict[str, Any]:
    """`{"customer": …, "orders": […], "events": […]}`, oldest first; NotFound for an unknown id."""
    row = get_customer(session, str(customer_id))
    return {
        "customer": customer_to_dict(row),
        "orders": [order_to_dict(o) for o in orders_of(session, row.id)],
        "events": [event_to_dict(e) for e in events_of(session, row.id, since=events_since)],
    }


def import_profile(session: Session, data: Mapping[str, Any]) -> str:
    """Stores a §7 profile (customer, orders, events); returns the customer id.

    Checked whole with the engine's own checks first (`check_profile`, `parse_profile`), so a
    profile the simulator refuses is refused here too, naming the same field, and the email
    and phone are stored normalised. Orders are keyed by id and an event already stored is
    not added again, so importing the same file twice changes nothing.
    """
    data = check_profile(data)
    parse_profile(data)
    customer = upsert_customer(session, data["customer"])
    for index, order in enumerate(data.get("orders") or []):
        if not order.get("id"):
            # A profile may leave order ids out; derive one that stays the same on re-import.
            placed = format_moment(parse_moment(order["placed_at"]))
            order = {**order, "id": f"{customer.id}/{placed}/{index + 1}"}
        record_order(session, customer.id, order)
    for event in data.get("events") or []:
        at = parse_moment(event["at"])
        properties = dict(event.get("properties") or {})
        if not has_event(session, customer.id, event["type"], at, properties):
            record_event(session, customer.id, event["type"], at, properties)
    return customer.id


__all__ = ["ProfileError", "customer_profile", "event_to_dict", "import_profile", "moment_text",
           "order_to_dict"]
