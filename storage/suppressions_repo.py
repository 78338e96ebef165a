"""The suppression list: unsubscribes (with when and how), hard bounces, complaints, manual entries.

An unsubscribe also turns the customer's consent for that channel off (the engine then skips
the channel with `no_consent`), but the list is what is checked right before every send, by
address as well as by customer: an address that bounced hard is not mailed under another
customer id either, and a consent imported again later does not undo an unsubscribe.
Transactional messages (a payment reminder) ignore unsubscribes and complaints, never hard
bounces: nothing reaches a dead mailbox.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.customers_repo import CHANNELS, get_customer
from storage.models import CustomerRow, SuppressionRow, utcnow

MARKETING_ONLY = frozenset({"unsubscribed", "complaint", "manual"})


@dataclass(frozen=True)
class Suppression:
    customer_id: str | None
    channel: str
    address: str | None
    reason: str
    source: str | None
    created_at: datetime


def suppress(session: Session, *, channel: str, reason: str, customer_id: str | None = None,
             address: str | None = None, source: str | None = None, now: datetime | None = None) -> None:
    """Adds an entry; an unsubscribe or complaint also withdraws the customer's consent."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r} (expected {', '.join(CHANNELS)})")
    if customer_id is not None and address is None:
        row = get_customer(session, customer_id)
        address = row.email if channel == "email" else row.phone if channel == "sms" else None
    session.add(SuppressionRow(customer_id=customer_id, channel=channel, address=_key(address), reason=reason,
                               source=(source or "")[:200] or None, created_at=now or utcnow()))
    if customer_id is not None and reason in ("unsubscribed", "complaint"):
        customer = session.get(CustomerRow, customer_id)
        if customer is not None:
            setattr(customer, f"consent_{channel}", False)
            customer.updated_at = now or utcnow()
    session.flush()


def _key(address: str | None) -> str | None:
    return address.strip().lower() if address else None


def blocked(session: Session, pairs: Iterable[tuple[str, str, str | None]]) -> dict[tuple[str, str], str]:
    """(customer, channel, address) → the reason each suppressed one may not be sent to, with
    the reason's kind: {key: reason} where reason is one of the suppression reasons."""
    wanted = list(pairs)
    if not wanted:
        return {}
    customers = {c for c, _, _ in wanted}
    addresses = {_key(a) for _, _, a in wanted if a}
    found: dict[tuple[str, str], str] = {}
    rows = session.execute(select(SuppressionRow.customer_id, SuppressionRow.channel, SuppressionRow.address,
                                  SuppressionRow.reason)
                           .where(or_(SuppressionRow.customer_id.in_(customers),
                                      SuppressionRow.address.in_(addresses)))).all()
    if not rows:
        return found
    for customer, channel, address in wanted:
        for s_customer, s_channel, s_address, reason in rows:
            if s_channel != channel:
                continue
            if s_customer == customer or (address and s_address == _key(address)):
                if found.get((customer, channel)) != "hard_bounce":
                    found[(customer, channel)] = reason
    return found


def list_suppressions(session: Session, *, limit: int = 500) -> list[Suppression]:
    rows = session.scalars(select(SuppressionRow).order_by(SuppressionRow.created_at.desc()).limit(limit))
    return [Suppression(r.customer_id, r.channel, r.address, r.reason, r.source, r.created_at) for r in rows]


def suppressed_customers(session: Session, channel: str, customer_ids: Sequence[str]) -> set[str]:
    return set(session.scalars(select(SuppressionRow.customer_id).where(
        SuppressionRow.channel == channel, SuppressionRow.customer_id.in_(list(customer_ids)))))


__all__ = ["MARKETING_ONLY", "Suppression", "blocked", "list_suppressions", "suppress", "suppressed_customers"]
