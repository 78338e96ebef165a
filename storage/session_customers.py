"""Customers as the sending session needs them: opt-outs, bounces, whom a channel can reach, and
their data loaded for the engine in one batch."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engine.profile import ORDER_EVENT, Event, Order, Profile, order_of_event
from storage.customers_repo import CHANNELS, get_customer
from storage.dialect import driver_sql, read_date
from storage.jsoncodec import loads
from storage.models import (
    CustomerRow,
    utcnow,
)
from storage.session_tables import (
    chunks,
    placeholders,
    read_moment,
)


# -- customers: opt-out, bounces, and their data for the engine -------------------------------
def record_opt_out(session: Session, customer_id: str, channel: str) -> None:
    """The customer unsubscribed from a channel: no journey sends on it any more (the engine
    skips with `no_consent`, and queued messages are not delivered)."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r} (expected {', '.join(CHANNELS)})")
    row = get_customer(session, customer_id)
    setattr(row, f"consent_{channel}", False)
    row.updated_at = utcnow()
    session.flush()


def mark_bounced(session: Session, customer_id: str, channel: str) -> None:
    """A permanent delivery failure: the address is not mailed again until fixed."""
    if channel in ("email", "sms"):
        session.execute(update(CustomerRow).where(CustomerRow.id == customer_id)
                        .values({f"{channel}_bounced": True, "updated_at": utcnow()}))


def deliverable(session: Session, customer_ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
    """customer → {channel: None when we may deliver now, else why not (`no_consent`, `bounced`)}."""
    t = CustomerRow.__table__
    found: dict[str, dict[str, str | None]] = {}
    for part in chunks(list(set(customer_ids))):
        for row in session.execute(select(t.c.id, t.c.consent_email, t.c.consent_sms, t.c.consent_push,
                                          t.c.email_bounced, t.c.sms_bounced).where(t.c.id.in_(part))):
            # A bounce outranks consent: a transactional message, which needs no consent,
            # must still never go to an address that bounced.
            found[row.id] = {
                "email": "bounced" if row.email_bounced else None if row.consent_email else "no_consent",
                "sms": "bounced" if row.sms_bounced else None if row.consent_sms else "no_consent",
                "push": None if row.consent_push else "no_consent",
            }
    return found


_TEXT = ("email", "phone", "first_name", "last_name", "gender", "city", "region", "country",
         "postal_code", "timezone", "locale")


_CUSTOMER_COLUMNS = (*_TEXT, "lat", "lon", "birthdate", "signup_at", "tags", "consent_email", "consent_sms",
                     "consent_push", "email_bounced", "sms_bounced", "properties")
_EMPTY: dict[str | None, list[Any] | dict[str, Any] | None] = {"[]": [], "{}": {}, None: None}


def _json(text: Any) -> Any:
    """Most customers' tags and properties are empty: skip the decoder for those. Text that is
    not JSON at all (a database edited by hand) reads as empty rather than failing the batch.
    PostgreSQL's driver hands the value parsed already."""
    if not isinstance(text, str | None):
        return text
    if text in _EMPTY:
        empty = _EMPTY[text]
        return type(empty)() if empty is not None else None
    try:
        return loads(text)  # type: ignore[arg-type]
    except ValueError:
        return None


def load_profiles(session: Session, customer_ids: Sequence[str],
                  event_types: Collection[str] | None = None) -> dict[str, Profile]:
    """Customers with their orders and events, three queries per batch.

    Gives what `engine.profile.parse_profile(profiles_repo.customer_profile(...))` gives for
    each (a test holds the two together), without the detour through JSON text per customer
    and without the ORM: a wake-up may load thousands of customers. With `event_types` (what
    `engine.history_needs` says the live journeys can read) only those events are loaded.
    """
    conn = session.connection()
    sql = functools.partial(driver_sql, session)
    profiles: dict[str, Profile] = {}
    ids = list(dict.fromkeys(customer_ids))
    n_text = len(_TEXT)
    for part in chunks(ids):
        marks = placeholders(len(part))
        rows = conn.exec_driver_sql(sql(f"SELECT id, {', '.join(_CUSTOMER_COLUMNS)} FROM customers "
                                        f"WHERE id IN ({marks})"), tuple(part)).fetchall()
        for row in rows:
            customer: dict[str, Any] = {"id": row[0]}
            for i, key in enumerate(_TEXT, 1):
                if row[i] is not None:
                    customer[key] = row[i]
            lat, lon, born, signup, tags = row[n_text + 1:n_text + 6]
            consent_email, consent_sms, consent_push, email_bounced, sms_bounced, props = row[n_text + 6:]
            if lat is not None:
                customer["lat"] = lat
            if lon is not None:
                customer["lon"] = lon
            if born is not None:
                customer["birthdate"] = read_date(born)
            if signup is not None:
                customer["signup_at"] = read_moment(signup)
            customer["tags"] = list(_json(tags) or [])
            customer["consent"] = {"email": bool(consent_email), "sms": bool(consent_sms), "push": bool(consent_push)}
            customer["bounced"] = {"email": bool(email_bounced), "sms": bool(sms_bounced)}
            customer["properties"] = dict(_json(props) or {})
            profiles[row[0]] = Profile(customer, [], [])
        for cid, oid, placed, total, currency, props in conn.exec_driver_sql(sql(
                "SELECT customer_id, id, placed_at, total, currency, properties FROM orders "
                f"WHERE customer_id IN ({marks}) AND status = 'placed' ORDER BY placed_at, id"), tuple(part)):
            profile = profiles.get(cid)
            if profile is not None:
                profile.orders.append(Order(oid, read_moment(placed), float(total or 0.0), currency or "",  # type: ignore[arg-type]
                                            dict(_json(props) or {})))
        types: tuple[str, ...] = ()
        if event_types is None:
            only = ""
        else:
            types = tuple(sorted(event_types))
            only = f"AND type IN ({placeholders(len(types))}) " if types else "AND 1 = 0 "
        for cid, etype, at, props in conn.exec_driver_sql(sql(
                f"SELECT customer_id, type, at, properties FROM events WHERE customer_id IN ({marks}) "
                f"{only}ORDER BY at, id"), (*part, *types)):
            profile = profiles.get(cid)
            if profile is not None:
                profile.events.append(Event(etype, read_moment(at), dict(_json(props) or {})))  # type: ignore[arg-type]
    for profile in profiles.values():  # a database written before every order had its event
        if any(e.type == ORDER_EVENT for e in profile.events):
            times = {o.placed_at for o in profile.orders}
            for event in profile.events:
                if event.type == ORDER_EVENT and event.at not in times:
                    profile.orders.append(order_of_event(profile.id, event.at, event.properties))
                    times.add(event.at)
            profile.orders.sort(key=lambda o: o.placed_at)
    return profiles
