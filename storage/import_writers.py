"""Writing checked import rows: customers, orders and events, in batches of executemany.

The rows go straight through the DBAPI cursor of the import's own transaction, in the very
text format SQLAlchemy stores (UTC "YYYY-MM-DD HH:MM:SS.ffffff", JSON text), so what an import
writes reads back and compares exactly like what the repositories write — only about fifty
times faster than one ORM upsert per row. Updates change only the fields a row gives
(COALESCE with the stored value) and merge properties (json_patch), as `upsert_customer` does.
On PostgreSQL the same statements go through psycopg (`named`), properties merged with jsonb's
`||` (top-level keys; a null removes the key, as json_patch does).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy.orm import Session

from engine.profile import NOT_PURCHASES, ORDER_EVENT, order_event_properties, order_of_event
from engine.timeutil import format_moment
from engine.values import ValueProblem, phone_number, phone_region, shown
from storage.customers_repo import TEXT_FIELDS
from storage.dialect import events_in_commit_order, is_postgres, raw_cursor, read_json, read_moment
from storage.jsoncodec import loads

BATCH = 5000
_PSYCOPG_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
CUSTOMER_COLUMNS = (*TEXT_FIELDS, "birthdate", "signup_at", "lat", "lon", "tags", "consent_email",
                    "consent_sms", "consent_push", "properties")


def stored_moment(moment: datetime) -> str:
    """A moment as SQLAlchemy's SQLite DateTime stores it (naive UTC, microseconds), by
    `isoformat`: a third of the time of `strftime`, which an orders import calls per order."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.isoformat(" ", "microseconds")[:26]


def _stored(value: Any) -> Any:
    if isinstance(value, datetime):
        return stored_moment(value)
    if isinstance(value, date):
        return value.isoformat()
    return value  # a bool stays one: SQLite stores 1 or 0, PostgreSQL's column is boolean


def _json(value: Any) -> str:
    """JSON text for a column; NaN and Infinity raise here, the last guard before the file,
    since these rows bypass the ORM's serializer. orjson does the work (the standard encoder
    was a third of an orders import's writing); it writes a non-finite number as null, so text
    with a null in it is encoded again by the standard codec, which refuses them."""
    try:
        text = orjson.dumps(value)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits, a key that is no string
        return json.dumps(value, allow_nan=False, ensure_ascii=False)
    if b"null" in text:
        return json.dumps(value, allow_nan=False, ensure_ascii=False)
    return text.decode()


@dataclass
class WriteOptions:
    """What a file's platform says about writing it (storage.import_platforms.ShopFormat)."""

    guests: bool = False  # an order or cart of an unknown customer makes that customer
    addresses: bool = False  # several address rows per customer; rows of no customer skipped
    lenient_phones: bool = False  # a phone that is no phone number is kept as a property, not refused
    warn: Callable[[int, str, str], None] = field(default=lambda row, column, message: None)


class Writer:
    """Takes checked rows one at a time; `add` returns (column, message) for a row it refuses."""

    created = 0
    updated = 0
    unchanged = 0
    skipped = 0  # rows left out on purpose (a supplier's address, a checkout that was bought)
    guests = 0  # customers made for orders or carts of customers not known before
    not_purchases = 0  # refunded, cancelled… orders: stored, but no purchase
    continuing: str | None = None  # the order or cart whose line-item rows may follow
    # Filled by the writers of rows that name a customer (orders, events), from `_customers()`.
    ids: set[str]
    by_email: dict[str, str]

    def __init__(self, session: Session, columns: Mapping[str, str], currency: str,
                 options: WriteOptions | None = None) -> None:
        self.session = session
        self.columns = columns  # target -> the file's column, for messages
        self.currency = currency
        self.options = options or WriteOptions()
        self.cursor = raw_cursor(session)
        self.postgres = is_postgres(session)
        self.now = stored_moment(datetime.now(UTC))

    def named(self, sql: str) -> str:
        """A statement with `:name` parameters as the driver takes it (psycopg: `%(name)s`)."""
        return _PSYCOPG_NAMED.sub(r"%(\1)s", sql.replace("%", "%%")) if self.postgres else sql

    def column(self, *targets: str) -> str:
        for target in targets:
            if target in self.columns:
                return self.columns[target]
        return targets[0]

    def add(self, number: int, values: dict[str, Any], properties: dict[str, Any], item: dict[str, Any],
            write: bool) -> tuple[str, str] | None:
        raise NotImplementedError  # pragma: no cover

    def finish(self) -> None:
        raise NotImplementedError  # pragma: no cover

    def _customers(self) -> tuple[set[str], dict[str, str]]:
        ids: set[str] = set()
        by_email: dict[str, str] = {}
        for cid, email in self.cursor.execute("SELECT id, email FROM customers"):
            ids.add(cid)
            if email:
                by_email.setdefault(email.casefold(), cid)
        return ids, by_email

    def _customer_of(self, values: dict[str, Any], write: bool = True) -> tuple[str | None, tuple[str, str] | None]:
        """The customer a row names: by id, else by email. A platform's order of a customer
        not known here (WooCommerce's guest orders have customer id 0, and an export of orders
        may come before the customers') makes that customer rather than failing: a guest,
        known by their email, with what the order tells of them and no consent unless given."""
        cid = values.get("customer_id")
        if cid in ("0", ""):
            cid = None  # WooCommerce: a guest
        if cid is not None:
            if cid in self.ids:
                return cid, None
            if not self.options.guests:
                return None, (self.column("customer_id"), f"no customer with id '{cid}'")
        email = values.get("customer_email")
        found = self.by_email.get(email.casefold()) if email else None
        if found is not None:
            return found, None
        if self.options.guests and (cid is not None or email):
            return self._make_customer(cid, email, values, write), None
        return None, (self.column("customer_email", "customer_id"),
                      f"no customer with email '{email}'" if email else "missing: no customer id or email")

    _GUEST_INSERT = ("INSERT INTO customers (id, email, phone, first_name, last_name, city, region, country, "
                     "postal_code, locale, tags, consent_email, consent_sms, consent_push, email_bounced, "
                     "sms_bounced, properties, created_at, updated_at) VALUES (:id, :email, :phone, :first_name, "
                     ":last_name, :city, :region, :country, :postal_code, :locale, '[]', :consent_email, FALSE, FALSE, FALSE, FALSE, "
                     ":properties, :now, :now)")

    def _make_customer(self, cid: str | None, email: str | None, values: dict[str, Any], write: bool) -> str:
        guest = cid is None
        new_id = cid if cid is not None else (email or "").casefold()
        self.ids.add(new_id)
        if email:
            self.by_email.setdefault(email.casefold(), new_id)
        self.guests += 1
        if not write:
            return new_id
        told = _guest_fields(values)
        name = told.pop("name", None)
        if name and not told.get("first_name"):
            first, _, last = str(name).partition(" ")
            told["first_name"] = first.strip() or None
            told.setdefault("last_name", last.strip() or None)
        phone = told.get("phone")
        if phone is not None:
            try:
                phone = phone_number(phone, "", phone_region(told.get("country")))
            except ValueProblem:
                phone = None
        row = {k: told.get(k) for k in ("first_name", "last_name", "city", "region", "country", "postal_code",
                                        "locale")}
        row.update(id=new_id, email=email, phone=phone, now=self.now,
                   consent_email=int(bool(told.get("consent.email"))),
                   properties=_json({"guest": True} if guest else {}))
        self.cursor.execute(self.named(self._GUEST_INSERT), row)
        return new_id


def _guest_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """What an order row tells of its guest customer, read now (best effort: a value that does
    not read is left out, the order itself is what the row is about)."""
    from storage import import_formats as fmt

    readers: dict[str, Callable[[Any], Any]] = {"country": fmt.country, "consent.email": fmt.boolean}
    told: dict[str, Any] = {}
    for key, raw in values.items():
        if not key.startswith("customer."):
            continue
        field_ = key[len("customer."):]
        try:
            value = readers.get(field_, fmt.text)(raw)
        except (fmt.BadValue, ValueError):
            continue
        if value is not None:
            told[field_] = value
    return told


class CustomerWriter(Writer):
    INSERT = (f"INSERT INTO customers (id, {', '.join(CUSTOMER_COLUMNS)}, email_bounced, sms_bounced, "
              f"created_at, updated_at) VALUES (:id, {', '.join(':' + c for c in CUSTOMER_COLUMNS)}, false, false, "
              ":now, :now)")
    UPDATE = ("UPDATE customers SET "
              + ", ".join(f"{c} = coalesce(:{c}, {c})" for c in CUSTOMER_COLUMNS if c != "properties")
              + ", properties = {merge}, updated_at = :now WHERE id = :id")
    MERGE = "coalesce(json_patch(properties, :properties), properties)"
    PG_MERGE = ("CASE WHEN CAST(:properties AS jsonb) IS NULL THEN properties ELSE (SELECT coalesce("
                "jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(coalesce(properties::jsonb, '{}'::jsonb) "
                "|| CAST(:properties AS jsonb)) WHERE value <> 'null'::jsonb)::json END")

    def __init__(self, session: Session, columns: Mapping[str, str], currency: str,
                 options: WriteOptions | None = None) -> None:
        super().__init__(session, columns, currency, options)
        self.ids, self.by_email = self._customers()
        self.merged: dict[str, dict[str, Any]] = {}  # addresses: the customer's row, filled by later ones
        self.seen: set[str] = set()
        self.pending_new: set[str] = set()
        self.new_rows: list[dict[str, Any]] = []
        self.update_rows: list[dict[str, Any]] = []
        # The file's own rows by customer id and by email: two rows for one customer would
        # merge in an order nobody chose, so they are refused, naming both rows.
        self.row_of_id: dict[str, int] = {}
        self.row_of_email: dict[str, int] = {}

    def add(self, number: int, values: dict[str, Any], properties: dict[str, Any], item: dict[str, Any],
            write: bool) -> tuple[str, str] | None:
        cid = values.pop("id", None)
        email = values.get("email")
        if cid is None:
            if email is None:
                if self.options.addresses:  # a manufacturer's or supplier's address
                    self.skipped += 1
                    return None
                return self.column("email", "id"), "missing: a customer needs an id or an email"
            cid = self.by_email.get(email.casefold()) or email.casefold()
        if self.options.addresses:
            if cid in self.row_of_id or (email is not None and email.casefold() in self.row_of_email):
                self.skipped += 1  # another address of a customer above: the first is the customer's
                return None
        if email is not None:
            first = self.row_of_email.get(email.casefold())
            if first is not None:
                return self.column("email"), f"{shown(email)} is also on row {first}; one row per customer"
        first = self.row_of_id.get(cid)
        if first is not None:
            return self.column("id", "email"), f"customer {shown(cid)} is also on row {first}; one row per customer"
        problem = self._phone(number, values, properties)
        if problem is not None:
            return problem
        self.row_of_id[cid] = number
        if email is not None:
            self.row_of_email[email.casefold()] = number
            self.by_email.setdefault(email.casefold(), cid)
        row = self._row(cid, values, properties)
        if cid in self.seen:
            is_new = False
        elif cid in self.ids:
            is_new = False
            self.updated += 1
        else:
            is_new = True
            self.created += 1
        self.seen.add(cid)
        if not write:
            return None
        if self.options.addresses:
            self.merged[cid] = row
            row["_new"] = is_new
            return None
        if is_new:
            self.new_rows.append(self._defaults(row))
            self.pending_new.add(cid)
        else:
            if cid in self.pending_new:
                self._flush()
            self.update_rows.append(row)
        if len(self.new_rows) + len(self.update_rows) >= BATCH:
            self._flush()
        return None

    def _phone(self, number: int, values: dict[str, Any], properties: dict[str, Any]) -> tuple[str, str] | None:
        """The phone as E.164; a platform's export whose phone is no phone number ("01 02 03 04 05"
        for a customer in Fiji) keeps it as the property `phone_raw` with a note, rather than
        losing the whole file over it."""
        if values.get("phone") is None:
            return None
        try:
            values["phone"] = phone_number(values["phone"], "", phone_region(values.get("country")))
        except ValueProblem as exc:
            if not self.options.lenient_phones:
                return self.column("phone"), exc.reason
            properties.setdefault("phone_raw", values.pop("phone"))
            self.options.warn(number, self.column("phone"), f"{exc.reason}; kept as the property phone_raw")
        return None

    def _row(self, cid: str, values: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
        name = values.pop("name", None)
        if name is not None:
            first, _, last = name.partition(" ")
            values.setdefault("first_name", first.strip() or None)
            if last.strip():
                values.setdefault("last_name", last.strip())
        row: dict[str, Any] = {c: _stored(values.get(c)) for c in (*TEXT_FIELDS, "birthdate", "signup_at",
                                                                     "lat", "lon")}
        row["id"] = cid
        row["tags"] = _json(values["tags"]) if "tags" in values else None
        for channel in ("email", "sms", "push"):
            flag = values.get(f"consent.{channel}")
            row[f"consent_{channel}"] = None if flag is None else bool(flag)
        row["properties"] = _json(properties) if properties else None
        row["now"] = self.now
        return row

    @staticmethod
    def _defaults(row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        out["tags"] = out["tags"] or "[]"
        out["properties"] = out["properties"] or "{}"
        for channel in ("email", "sms", "push"):
            if out[f"consent_{channel}"] is None:
                out[f"consent_{channel}"] = False
        return out

    def _flush(self) -> None:
        if self.new_rows:
            self.cursor.executemany(self.named(self.INSERT), self.new_rows)
            self.new_rows.clear()
            self.pending_new.clear()
        if self.update_rows:
            update = self.UPDATE.format(merge=self.PG_MERGE if self.postgres else self.MERGE)
            self.cursor.executemany(self.named(update), self.update_rows)
            self.update_rows.clear()

    def finish(self) -> None:
        for row in self.merged.values():
            if row.pop("_new"):
                self.new_rows.append(self._defaults(row))
            else:
                self.update_rows.append(row)
        self._flush()


class OrderWriter(Writer):
    UPSERT = ("INSERT INTO orders (id, customer_id, placed_at, total, currency, properties, status) "
              "VALUES (:id, :customer_id, :placed_at, :total, :currency, :properties, :status) "
              "ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, "
              "placed_at = excluded.placed_at, total = excluded.total, currency = excluded.currency, "
              "properties = excluded.properties, status = excluded.status")
    UNPLACE = "DELETE FROM events WHERE customer_id = :customer_id AND type = 'order_placed' AND at = :at"

    def __init__(self, session: Session, columns: Mapping[str, str], currency: str,
                 options: WriteOptions | None = None) -> None:
        super().__init__(session, columns, currency, options)
        self.ids, self.by_email = self._customers()
        # id -> (customer, placed_at, was a purchase): what an order imported again was
        self.existing = {row[0]: (row[1], row[2], row[3] == "placed") for row in self.cursor.execute(
            "SELECT id, customer_id, placed_at, status FROM orders")}
        self.seen: set[str] = set()
        self.rows: list[tuple[dict[str, Any], dict[str, Any], list[Any]]] = []
        # the order a Shopify line-item row continues
        self.last: tuple[dict[str, Any], dict[str, Any], list[Any]] | None = None
        self.derived: dict[str, int] = {}
        self.row_of_id: dict[str, int] = {}  # an order's first row: its line items follow it, nowhere else

    def add(self, number: int, values: dict[str, Any], properties: dict[str, Any], item: dict[str, Any],
            write: bool) -> tuple[str, str] | None:
        order_id = values.get("id")
        last = self.last
        if last is not None and order_id is not None and order_id == last[0]["id"]:
            # Shopify: one row per line item; the rows after the first continue the order.
            if item:
                last[2].append(item)
            return None
        if order_id is not None and order_id in self.row_of_id:
            return self.column("id"), (f"order {shown(order_id)} is also on row {self.row_of_id[order_id]}; "
                                       "the rows of one order (its line items) must follow each other")
        cid, problem = self._customer_of(values, write)
        if problem is not None:
            return problem
        placed = values.get("placed_at")
        if placed is None:
            return self.column("placed_at"), "missing: an order needs the time it was placed"
        if order_id is not None:
            self.row_of_id[order_id] = number
        if order_id is None:
            base = f"{cid}/{format_moment(placed)}"
            n = self.derived[base] = self.derived.get(base, 0) + 1
            order_id = base if n == 1 else f"{base}/{n}"
        status, said = values.get("status") or ("placed", None)
        if said:
            properties.setdefault("platform_status", said)
        if values.get("cancelled_at") is not None and status == "placed":
            status = "cancelled"
        if values.get("cart_id") is not None:
            properties["cart_id"] = values["cart_id"]
        listed = list(values.get("items") or [])
        # The statement's parameters, the order's properties and its items (line-item rows add to
        # them until the batch is written).
        row = ({"id": order_id, "customer_id": cid, "placed_at": stored_moment(placed),
                "total": float(values.get("total", 0.0)), "currency": values.get("currency") or self.currency,
                "status": status, "properties": None}, properties, listed + ([item] if item else []))
        if status in NOT_PURCHASES:
            self.not_purchases += 1
        if order_id not in self.seen:
            if order_id in self.existing:
                self.updated += 1
            else:
                self.created += 1
        self.seen.add(order_id)
        if write:
            if len(self.rows) >= BATCH:
                self._flush()
            self.rows.append(row)
        self.last = row
        self.continuing = order_id
        return None

    def _flush(self) -> None:
        """Writes the orders, and for each new purchase the `order_placed` event it also is (spec
        §7), as `journey-builder event order_placed` and the HTTP endpoint store both: a running
        session learns of purchases from the events it reads, so an imported order can start
        an after-purchase journey. An order imported again is not a new purchase: no event —
        unless it has become one (paid at last); and a purchase that is now refunded or
        cancelled loses its event, as `history_repo.record_order` does it."""
        if not self.rows:
            return
        params = []
        events = []
        unplaced = []
        for row, properties, items in self.rows:
            if items:
                properties["items"] = items
            row["properties"] = _json(properties)
            params.append(row)
            placed = row["status"] not in NOT_PURCHASES
            before = self.existing.get(row["id"])
            if before is not None:
                was_cid, was_at, was_placed = before
                if was_placed and not placed:
                    unplaced.append({"customer_id": was_cid, "at": was_at})
                add_event = placed and not was_placed
                self.existing[row["id"]] = (row["customer_id"], row["placed_at"], placed)
            else:
                add_event = placed
                self.existing[row["id"]] = (row["customer_id"], row["placed_at"], placed)
            if add_event:
                events.append({"customer_id": row["customer_id"], "type": ORDER_EVENT, "at": row["placed_at"],
                               "properties": _json(order_event_properties(row["id"], row["total"],
                                                                          row["currency"], properties)),
                               "now": self.now})
        self.cursor.executemany(self.named(self.UPSERT), params)
        if unplaced:
            self.cursor.executemany(self.named(self.UNPLACE), unplaced)
        if events:
            events_in_commit_order(self.session)
            self.cursor.executemany(self.named(EventWriter.INSERT), events)
        self.rows.clear()

    def finish(self) -> None:
        self._flush()


CART_EVENT = "cart_abandoned"
_TOKEN = re.compile(r"/([A-Za-z0-9]{20,})(?:/|\?|$)")


def cart_id_of(url: str | None) -> str | None:
    """The checkout token a recovery link carries (Shopify's abandoned checkout URL), which is
    what the order made from that checkout names as its `checkout_token`."""
    if not url:
        return None
    found = _TOKEN.findall(url.split("?", 1)[0] + "?")
    return found[-1] if found else None


class CartWriter(Writer):
    """Abandoned carts and checkouts, as the `cart_abandoned` events the cart journeys start on:
    with their cart id, items (name, quantity, price, image), value, currency and link. A cart
    already stored (same customer and cart id) is not added again; one that was bought
    (`completed_at`) is no abandoned cart and is left out."""

    def __init__(self, session: Session, columns: Mapping[str, str], currency: str,
                 options: WriteOptions | None = None) -> None:
        super().__init__(session, columns, currency, options)
        self.ids, self.by_email = self._customers()
        self.known = {(cid, str(cart)) for cid, cart in self.cursor.execute(
            "SELECT customer_id, json_extract(properties, '$.cart_id') FROM events WHERE type = ?", (CART_EVENT,))
            if cart is not None}
        self.rows: list[dict[str, Any]] = []
        self.last: dict[str, Any] | None = None
        self.last_key: str | None = None

    def add(self, number: int, values: dict[str, Any], properties: dict[str, Any], item: dict[str, Any],
            write: bool) -> tuple[str, str] | None:
        cart_id = values.get("id") or cart_id_of(values.get("url"))
        if self.last is not None and cart_id is not None and cart_id == self.last_key:
            if item:
                self.last["items"].append(item)  # a line-item row of the cart above
            return None
        self.last, self.last_key, self.continuing = None, None, None
        if values.get("completed_at") is not None:
            self.skipped += 1
            return None
        at = values.get("at")
        if at is None:
            return self.column("at"), "missing: a cart needs the time it was left"
        cid, problem = self._customer_of(values, write)
        if problem is not None:
            return problem
        if cart_id is None:
            cart_id = f"{cid}/{format_moment(at)}"
        if (cid, cart_id) in self.known:
            self.unchanged += 1
            return None
        self.known.add((cid, cart_id))
        event: dict[str, Any] = {**properties, "cart_id": cart_id,
                                 "items": list(values.get("items") or []) + ([item] if item else [])}
        if values.get("total") is not None:
            event["cart_value"] = float(values["total"])
        if values.get("currency") or self.currency:
            event["currency"] = values.get("currency") or self.currency
        if values.get("url"):
            event["cart_url"] = values["url"]
        self.created += 1
        row = {"customer_id": cid, "type": CART_EVENT, "at": stored_moment(at), "properties": event,
               "now": self.now}
        self.last, self.last_key = event, cart_id
        self.continuing = cart_id
        if write:
            self.rows.append(row)
            if len(self.rows) >= BATCH:
                self._flush()
        return None

    def _flush(self) -> None:
        if self.rows:
            self.cursor.executemany(self.named(EventWriter.INSERT), [{**r, "properties": _json(r["properties"])}
                                                          for r in self.rows])
            self.rows.clear()

    def finish(self) -> None:
        self._flush()


class EventWriter(Writer):
    INSERT = ("INSERT INTO events (customer_id, type, at, properties, received_at) "
              "VALUES (:customer_id, :type, :at, :properties, :now)")

    def __init__(self, session: Session, columns: Mapping[str, str], currency: str,
                 options: WriteOptions | None = None) -> None:
        super().__init__(session, columns, currency, options)
        self.ids, self.by_email = self._customers()
        self.rows: list[dict[str, Any]] = []
        self.keys: set[tuple[str, str, str, str]] = set()

    def add(self, number: int, values: dict[str, Any], properties: dict[str, Any], item: dict[str, Any],
            write: bool) -> tuple[str, str] | None:
        cid, problem = self._customer_of(values)
        if problem is not None:
            return problem
        event_type = values.get("type")
        if not event_type:
            return self.column("type"), "missing: an event needs a type"
        if values.get("at") is None:
            return self.column("at"), "missing: an event needs the time it happened"
        if write:
            self.rows.append({"customer_id": cid, "type": event_type, "at": stored_moment(values["at"]),
                              "properties": _json(properties), "now": self.now})
            if len(self.rows) >= BATCH:
                self._flush()
        else:
            self.created += 1
        return None

    def _flush(self) -> None:
        """Adds the batch, less the events stored already (importing a file twice adds nothing)."""
        if not self.rows:
            return
        customers = sorted({r["customer_id"] for r in self.rows})
        types = sorted({r["type"] for r in self.rows})
        for start in range(0, len(customers), 500):
            chunk = customers[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            type_marks = ", ".join("?" * len(types))
            sql = (f"SELECT customer_id, type, at, properties FROM events WHERE customer_id IN ({marks}) "
                   f"AND type IN ({type_marks})")
            self.cursor.execute(sql.replace("?", "%s") if self.postgres else sql, [*chunk, *types])
            for cid, etype, at, props in self.cursor.fetchall():
                if not isinstance(at, str):  # PostgreSQL: a datetime, compared as the text written
                    at = stored_moment(read_moment(at))  # type: ignore[arg-type]
                self.keys.add((cid, etype, at, _canonical(props)))
        fresh = []
        for row in self.rows:
            key = (row["customer_id"], row["type"], row["at"], _canonical(row["properties"]))
            if key in self.keys:
                self.unchanged += 1
                continue
            self.keys.add(key)
            fresh.append(row)
        self.created += len(fresh)
        if fresh:
            events_in_commit_order(self.session)
            self.cursor.executemany(self.named(self.INSERT), fresh)
            self._orders_of(fresh)
        self.rows.clear()

    def _orders_of(self, fresh: list[dict[str, Any]]) -> None:
        """Every `order_placed` event is an order too (`storage.history_repo.record_event` does the
        same one at a time): the orders these events are, unless one exists at that moment."""
        orders = []
        for row in fresh:
            if row["type"] != ORDER_EVENT:
                continue
            at = datetime.fromisoformat(row["at"]).replace(tzinfo=UTC)
            order = order_of_event(row["customer_id"], at, loads(row["properties"]) if row["properties"] else {})
            orders.append({"id": order.id, "customer_id": row["customer_id"], "placed_at": row["at"],
                           "total": order.total, "currency": order.currency, "properties": _json(order.properties)})
        if orders and self.postgres:
            # A SELECT list gives its parameters no column to take a type from: they are cast.
            self.cursor.executemany(self.named(
                "INSERT INTO orders (id, customer_id, placed_at, total, currency, properties) "
                "SELECT CAST(:id AS VARCHAR), CAST(:customer_id AS VARCHAR), CAST(:placed_at AS TIMESTAMP), "
                "CAST(:total AS DOUBLE PRECISION), CAST(:currency AS VARCHAR), CAST(:properties AS JSON) "
                "WHERE NOT EXISTS (SELECT 1 FROM orders WHERE customer_id = :customer_id "
                "AND placed_at = CAST(:placed_at AS TIMESTAMP)) ON CONFLICT DO NOTHING"), orders)
        elif orders:
            self.cursor.executemany(
                "INSERT OR IGNORE INTO orders (id, customer_id, placed_at, total, currency, properties) "
                "SELECT :id, :customer_id, :placed_at, :total, :currency, :properties WHERE NOT EXISTS "
                "(SELECT 1 FROM orders WHERE customer_id = :customer_id AND placed_at = :placed_at)", orders)

    def finish(self) -> None:
        self._flush()


def _canonical(properties: Any) -> str:
    try:
        return json.dumps(read_json(properties or "{}"), sort_keys=True)
    except ValueError:
        return properties or ""


__all__ = ["CART_EVENT", "CartWriter", "CustomerWriter", "EventWriter", "OrderWriter", "WriteOptions", "Writer",
           "cart_id_of", "stored_moment"]
