"""Orders and events: what customers did, which triggers, conditions and goals read."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, delete, func, select
from sqlalchemy.orm import Session

from engine.profile import ORDER_EVENT, ProfileError, order_event_properties, order_of_event
from engine.timeutil import TimeFormatError, parse_moment
from engine.values import ValueProblem, amount, check_json_value
from storage.dialect import events_in_commit_order
from storage.errors import NotFound
from storage.import_platforms import order_status
from storage.jsoncodec import loads
from storage.models import CustomerRow, EventRow, OrderRow, utcnow
from storage.wakeups import notify

ORDER_FIELDS = ("id", "customer_id", "placed_at", "total", "currency", "properties", "status")
PLACED = "placed"  # an order that is a purchase; storage.import_platforms.NOT_PURCHASES are not


def _moment(value: Any, where: str) -> datetime:
    try:
        return parse_moment(value)
    except TimeFormatError as exc:
        raise ProfileError(f"{where}: {exc}") from None


def _check_properties(properties: Any, where: str) -> None:
    """The last guard under every door: a NaN or a 25-digit number stored here would be read
    back by every poll of the sending session (engine.values says what is refused)."""
    try:
        check_json_value(properties, where)
    except ValueProblem as exc:
        raise ProfileError(str(exc)) from None


def _require_customer(session: Session, customer_id: str) -> None:
    if session.get(CustomerRow, customer_id) is None:
        raise NotFound(f"no customer with id '{customer_id}'")


def upsert_order(session: Session, customer_id: str, data: Mapping[str, Any]) -> OrderRow:
    """Stores an order (a §7 order object) under its id; importing it again updates it.

    Keys besides id, placed_at, total and currency are the order's properties, as in the
    profile file, so they reach rules as `order.<key>` either way.
    """
    customer_id = str(customer_id)
    _require_customer(session, customer_id)
    order_id = data.get("id")
    if isinstance(order_id, bool) or not isinstance(order_id, str | int) or str(order_id) == "":
        raise ProfileError("order.id: missing or not a string")
    placed = _moment(data.get("placed_at"), f"order {order_id}: placed_at")
    total = data.get("total", 0)
    if isinstance(total, bool) or not isinstance(total, int | float) or not math.isfinite(total):
        raise ProfileError(f"order {order_id}: total: must be a number")
    try:
        amount(total, f"order {order_id}: total")
    except ValueProblem as exc:
        raise ProfileError(str(exc)) from None
    currency = data.get("currency") or ""
    if not isinstance(currency, str):
        raise ProfileError(f"order {order_id}: currency: must be a string like 'EUR'")
    nested = data.get("properties") or {}
    if not isinstance(nested, Mapping):
        raise ProfileError(f"order {order_id}: properties: must be an object")
    properties = {**{k: v for k, v in data.items() if k not in ORDER_FIELDS}, **nested}
    _check_properties(properties, f"order {order_id}: properties")
    status = data.get("status")
    status = order_status(status, None) if isinstance(status, str) and status.strip() else PLACED
    row = session.get(OrderRow, str(order_id))
    if row is None:
        row = OrderRow(id=str(order_id))
        session.add(row)
    row.customer_id = customer_id
    row.placed_at = placed
    row.total = float(total)
    row.currency = currency.upper()
    row.properties = properties
    row.status = status
    session.flush()
    return row


def add_event(session: Session, customer_id: str, event_type: str, at: datetime | str,
              properties: Mapping[str, Any] | None = None, *, received_at: datetime | None = None) -> EventRow:
    """Records one event; `received_at` is when the shop learned of it (a session polls by it)."""
    customer_id = str(customer_id)
    _require_customer(session, customer_id)
    if not isinstance(event_type, str) or not event_type.strip():
        raise ProfileError("event.type: missing or not a string")
    if properties is not None and not isinstance(properties, Mapping):
        raise ProfileError(f"event {event_type}: properties: must be an object")
    _check_properties(properties, f"event {event_type}: properties")
    row = EventRow(customer_id=customer_id, type=event_type.strip(), at=_moment(at, f"event {event_type}: at"),
                   properties=dict(properties or {}), received_at=received_at or utcnow())
    events_in_commit_order(session)
    session.add(row)
    session.flush()
    notify(session, "inbox")
    return row


def record_event(session: Session, customer_id: str, event_type: str, at: datetime | str,
                 properties: Mapping[str, Any] | None = None, *, received_at: datetime | None = None) -> EventRow:
    """Records an event as the shop learns of it; an `order_placed` event also records the
    order it is. Every order is an `order_placed` event and every such event an order: the
    `event` command, the HTTP endpoint and imports all keep that true through here (or, in
    bulk, through the same `engine.profile` functions), so a sending session sees a purchase
    however it arrived."""
    row = add_event(session, customer_id, event_type, at, properties, received_at=received_at)
    if row.type == ORDER_EVENT:
        same = session.scalars(select(OrderRow).where(OrderRow.customer_id == row.customer_id,
                                                       OrderRow.placed_at == row.at)).first()
        if same is None:
            # An order at the very same moment is this purchase already (as engine.profile reads a profile).
            order = order_of_event(row.customer_id, row.at, row.properties)
            upsert_order(session, row.customer_id, {**order.properties, "id": order.id, "placed_at": order.placed_at,
                                                    "total": order.total, "currency": order.currency})
        elif same.status != PLACED:
            same.status = PLACED  # told it is a purchase after all
            session.flush()
    return row


def record_order(session: Session, customer_id: str, data: Mapping[str, Any], *,
                 received_at: datetime | None = None) -> OrderRow:
    """Stores an order and, unless it is there already, the `order_placed` event it also is.

    A refunded, cancelled, voided, failed or unpaid order (`data["status"]`) is kept but is no
    purchase: it has no `order_placed` event, and an order that was a purchase and is now
    refunded loses the event it had, so no rule or segment counts it any more.
    """
    before = session.get(OrderRow, str(data.get("id")))
    moved_from = (before.customer_id, before.placed_at) if before is not None else None
    row = upsert_order(session, customer_id, data)
    if row.status != PLACED:
        places = {(row.customer_id, row.placed_at)} | ({moved_from} if moved_from is not None else set())
        for cid, at in places:
            session.execute(delete(EventRow).where(EventRow.customer_id == cid, EventRow.type == ORDER_EVENT,
                                                   EventRow.at == at))
        session.flush()
        return row
    if not session.scalar(select(EventRow.id).where(EventRow.customer_id == row.customer_id,
                                                    EventRow.type == ORDER_EVENT, EventRow.at == row.placed_at)
                          .limit(1)):
        add_event(session, row.customer_id, ORDER_EVENT, row.placed_at,
                  order_event_properties(row.id, row.total, row.currency, row.properties),
                  received_at=received_at)
    return row


def orders_without_event(session: Session) -> int:
    """Purchases (placed orders) with no `order_placed` event at their moment: none, while the
    invariant holds. Refunded or cancelled orders have none, by design."""
    event = select(EventRow.id).where(EventRow.customer_id == OrderRow.customer_id, EventRow.type == ORDER_EVENT,
                                      EventRow.at == OrderRow.placed_at).exists()
    return int(session.scalar(select(func.count()).select_from(OrderRow)
                              .where(OrderRow.status == PLACED, ~event)) or 0)


def order_events_without_order(session: Session) -> int:
    """`order_placed` events with no purchase (placed order) at their moment: none, while the
    invariant holds."""
    order = select(OrderRow.id).where(OrderRow.customer_id == EventRow.customer_id,
                                      OrderRow.placed_at == EventRow.at, OrderRow.status == PLACED).exists()
    return int(session.scalar(select(func.count()).select_from(EventRow)
                              .where(EventRow.type == ORDER_EVENT, ~order)) or 0)


def has_event(session: Session, customer_id: str, event_type: str, at: datetime,
              properties: Mapping[str, Any]) -> bool:
    """Whether this very event is stored already, so importing a file twice adds nothing."""
    rows = session.scalars(select(EventRow).where(
        EventRow.customer_id == customer_id, EventRow.type == event_type, EventRow.at == at))
    return any(row.properties == dict(properties) for row in rows)


def orders_of(session: Session, customer_id: str, *, purchases_only: bool = False) -> list[OrderRow]:
    """The customer's orders, refunded and cancelled ones included unless `purchases_only`."""
    query = select(OrderRow).where(OrderRow.customer_id == customer_id)
    if purchases_only:
        query = query.where(OrderRow.status == PLACED)
    return list(session.scalars(query.order_by(OrderRow.placed_at, OrderRow.id)))


def events_of(session: Session, customer_id: str, *, since: datetime | None = None) -> list[EventRow]:
    query = select(EventRow).where(EventRow.customer_id == customer_id)
    if since is not None:
        query = query.where(EventRow.at >= since)
    return list(session.scalars(query.order_by(EventRow.at, EventRow.id)))


@dataclass(frozen=True, slots=True)
class InboxEvent:
    id: int
    customer_id: str
    type: str
    at: datetime
    properties: dict[str, Any]


def events_after(session: Session, last_id: int, *, limit: int = 1000) -> list[InboxEvent]:
    """Events stored after the one with id `last_id`, oldest first: a session's inbox.

    Event ids come from AUTOINCREMENT and are never reused, so a session that remembers the
    last id it handled misses none. Properties are read one event at a time and leniently
    (`NaN` from an older version becomes null, text that is not JSON an empty object): one
    odd event must not hold the cursor, and with it every customer's mail, for ever.
    """
    rows = session.execute(select(EventRow.id, EventRow.customer_id, EventRow.type, EventRow.at,
                                  EventRow.__table__.c.properties.cast(String))
                           .where(EventRow.id > last_id).order_by(EventRow.id).limit(limit))
    found = []
    for event_id, customer_id, event_type, at, text in rows:
        try:
            properties = loads(text) if text else {}
        except ValueError:
            properties = None
        found.append(InboxEvent(event_id, customer_id, event_type, at,
                                properties if isinstance(properties, dict) else {}))
    return found
