"""Customers: upsert from the profile shape of spec §7, look up, list, delete.

Upserts change only the fields given, so a webhook that sends just a new email address does
not wipe the birthdate an import brought in; `properties` are merged for the same reason.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from engine.gazetteer import Place
from engine.profile import ProfileError, parse_profile
from engine.values import ValueProblem, check_json_value
from storage.errors import NotFound
from storage.models import CustomerRow

TEXT_FIELDS = ("email", "phone", "first_name", "last_name", "gender", "city", "region", "country",
               "postal_code", "timezone", "locale")
CHANNELS = ("email", "sms", "push")
BOUNCE_CHANNELS = ("email", "sms")
_HANDLED = {"id", "birthdate", "signup_at", "lat", "lon", "tags", "consent", "bounced", "properties",
            *TEXT_FIELDS}


def _text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ProfileError(f"customer.{key}: must be a string")
    text = str(value).strip()
    return text or None


def _coordinate(value: Any, key: str, limit: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ProfileError(f"customer.{key}: must be a number") from None
    if isinstance(value, bool) or not math.isfinite(number) or abs(number) > limit:
        raise ProfileError(f"customer.{key}: must be a number between -{limit:g} and {limit:g}")
    return number


def _flags(value: Any, key: str, channels: Sequence[str]) -> dict[str, bool]:
    if not isinstance(value, Mapping):
        raise ProfileError(f"customer.{key}: must be an object like {{\"email\": true}}")
    flags = {}
    for channel, flag in value.items():
        if channel not in channels:
            raise ProfileError(f"customer.{key}.{channel}: unknown channel (expected {', '.join(channels)})")
        if not isinstance(flag, bool):
            raise ProfileError(f"customer.{key}.{channel}: must be true or false")
        flags[channel] = flag
    return flags


def upsert_customer(session: Session, data: Mapping[str, Any]) -> CustomerRow:
    """Creates or updates a customer from a §7 `customer` object.

    Raises `engine.profile.ProfileError` naming the field when a value is unusable; keys that
    are not columns are kept in `properties`, where rules can still reach them.
    """
    parsed = parse_profile({"customer": data}).customer
    values: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        if key in parsed:
            values[key] = _text(parsed[key], key)
    for key in ("birthdate", "signup_at"):
        if key in parsed:
            values[key] = parsed[key]
    if "lat" in parsed:
        values["lat"] = _coordinate(parsed["lat"], "lat", 90)
    if "lon" in parsed:
        values["lon"] = _coordinate(parsed["lon"], "lon", 180)
    if parsed.get("tags") is not None:
        values["tags"] = [str(t) for t in parsed["tags"]]
    if parsed.get("consent") is not None:
        for channel, flag in _flags(parsed["consent"], "consent", CHANNELS).items():
            values[f"consent_{channel}"] = flag
    if parsed.get("bounced") is not None:
        for channel, flag in _flags(parsed["bounced"], "bounced", BOUNCE_CHANNELS).items():
            values[f"{channel}_bounced"] = flag
    extra = {k: v for k, v in parsed.items() if k not in _HANDLED}
    properties = {**extra, **dict(parsed.get("properties") or {})}
    try:  # the last guard under every door, as for events and orders (history_repo)
        check_json_value(properties, "customer.properties")
    except ValueProblem as exc:
        raise ProfileError(str(exc)) from None

    row = session.get(CustomerRow, parsed["id"])
    if row is None:
        row = CustomerRow(id=parsed["id"], properties={}, tags=[])
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    if properties:
        row.properties = {**(row.properties or {}), **properties}
    session.flush()
    return row


def get_customer(session: Session, customer_id: str) -> CustomerRow:
    row = session.get(CustomerRow, str(customer_id))
    if row is None:
        raise NotFound(f"no customer with id '{customer_id}'")
    return row


def customer_to_dict(row: CustomerRow) -> dict[str, Any]:
    """The §7 `customer` object: empty fields left out, times as ISO strings with Z."""
    from storage.profiles_repo import moment_text

    data: dict[str, Any] = {"id": row.id}
    for key in (*TEXT_FIELDS, "lat", "lon"):
        if getattr(row, key) is not None:
            data[key] = getattr(row, key)
    if row.birthdate is not None:
        data["birthdate"] = row.birthdate.isoformat()
    if row.signup_at is not None:
        data["signup_at"] = moment_text(row.signup_at)
    data["tags"] = list(row.tags or [])
    data["consent"] = {c: bool(getattr(row, f"consent_{c}")) for c in CHANNELS}
    data["bounced"] = {c: bool(getattr(row, f"{c}_bounced")) for c in BOUNCE_CHANNELS}
    data["properties"] = dict(row.properties or {})
    return data


def update_customer_from_journey(session: Session, customer_id: str, change: Mapping[str, Any]) -> None:
    """What a journey's "update customer" step changed, made on the shop's customer: the same
    `engine.kinds.apply_customer_update` the run applied in memory, so both agree. A customer
    deleted meanwhile is left alone (the step had nobody to change)."""
    from engine.kinds import apply_customer_update

    row = session.get(CustomerRow, str(customer_id))
    if row is None:
        return
    data: dict[str, Any] = {"tags": list(row.tags or []), "properties": dict(row.properties or {})}
    apply_customer_update(data, change)
    row.tags = data["tags"]
    row.properties = data["properties"]
    session.flush()


def postcode_places(session: Session, postcode: str, limit: int = 5) -> list[Place]:
    """Where the shop's customers with this postcode live: the mean of their coordinates when
    they have some, else their most common city as the gazetteer places it. GeoNames' postcode
    files are not bundled, so a postcode is only known where the shop has customers."""
    from collections import Counter

    from engine.gazetteer import city_location

    code = postcode.strip()
    if not code:
        return []
    rows = session.execute(select(CustomerRow.postal_code, CustomerRow.country, CustomerRow.city, CustomerRow.lat,
                                  CustomerRow.lon).where(func.upper(CustomerRow.postal_code).like(code.upper() + "%"))
                           .limit(2000)).all()
    by_code: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        by_code.setdefault((str(row[0]), str(row[1] or "")), []).append(row)
    out: list[Place] = []
    for (found, country), group in sorted(by_code.items(), key=lambda kv: (kv[0][0] != code, -len(kv[1]))):
        points = [(r[3], r[4]) for r in group if r[3] is not None and r[4] is not None]
        if points:
            lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        else:
            city = Counter(str(r[2]) for r in group if r[2]).most_common(1)
            where = city_location(city[0][0], country or None) if city else None
            if where is None:
                continue
            lat, lon = where
        out.append(Place(found, country, round(lat, 4), round(lon, 4), len(group), kind="postcode"))
        if len(out) >= limit:
            break
    return out


def display_names(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """Customer id -> the name a shop owner knows them by ("Anna Schmidt", else the e-mail);
    ids of customers without either, or no longer in the shop, are left out."""
    out: dict[str, str] = {}
    wanted = sorted({str(i) for i in ids if i})
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        part = wanted[start:start + 500]
        query = select(CustomerRow.id, CustomerRow.first_name, CustomerRow.last_name, CustomerRow.email) \
            .where(CustomerRow.id.in_(part))
        for cid, first, last, email in session.execute(query):
            name = " ".join(x for x in (first, last) if x) or email
            if name:
                out[cid] = name
    return out


def list_customers(session: Session, *, search: str = "", limit: int = 100, offset: int = 0) -> list[CustomerRow]:
    """A page of customers by id; `search` matches id, email or name anywhere, any case."""
    query = select(CustomerRow)
    if search:
        like = f"%{search.lower()}%"
        query = query.where(or_(*(func.lower(col).like(like) for col in (
            CustomerRow.id, CustomerRow.email, CustomerRow.first_name, CustomerRow.last_name))))
    return list(session.scalars(query.order_by(CustomerRow.id).limit(limit).offset(offset)))


def count_customers(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(CustomerRow)) or 0)


def delete_customer(session: Session, customer_id: str) -> None:
    """Deletes the customer with their orders, events, enrollments and message history (GDPR)."""
    session.delete(get_customer(session, customer_id))
    session.flush()
