"""Which column of a shop's export means which of our fields, and how to read its values.

Most shops come to us with the exports of Shopify, WooCommerce or PrestaShop, whose column names
are fixed ("Accepts Email Marketing", "billing_email", "id_customer"), so recognising them means
a shop owner never has to map columns by hand. Anything we do not recognise becomes a custom
property (spec §4 `customer.properties.NAME`), because shops keep coupon use, group membership and
acquisition source exactly that way; the wizard lets the user change any of it.

Values come from CSV as text; converters turn them into what the database stores and raise
`BadValue` with a message meant to follow "row 14, column birthdate: ".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from engine.timeutil import EARLIEST_YEAR, LATEST_YEAR, TimeFormatError, local_wall_to_utc, zone
from engine.values import MAX_AMOUNT, ValueProblem, amount, email_address, shown, single_line

KINDS = ("customers", "orders", "events")
IGNORE = "ignore"
PROPERTY_PREFIX = "properties."
ITEM_PREFIX = "item."  # order line items (Shopify writes one row per item)


class BadValue(ValueError):
    """A cell that cannot be read as its field; the message quotes the value."""


# -- our fields ------------------------------------------------------------------------------
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "customers": (
        ("id", "Customer ID"), ("email", "Email"), ("phone", "Phone"), ("first_name", "First name"),
        ("last_name", "Last name"), ("name", "Full name (split into first and last)"),
        ("gender", "Gender"), ("birthdate", "Birthdate"), ("city", "City"), ("region", "Region / state"),
        ("country", "Country"), ("postal_code", "Postal code"), ("timezone", "Time zone"),
        ("locale", "Language"), ("signup_at", "Signed up at"), ("tags", "Tags"),
        ("consent.email", "Consents to email"), ("consent.sms", "Consents to SMS"),
        ("consent.push", "Consents to push"), ("lat", "Latitude"), ("lon", "Longitude"),
    ),
    "orders": (
        ("id", "Order ID"), ("customer_id", "Customer ID"), ("customer_email", "Customer email"),
        ("placed_at", "Placed at"), ("total", "Total"), ("currency", "Currency"),
        ("item.name", "Line item name"), ("item.sku", "Line item SKU"),
        ("item.quantity", "Line item quantity"), ("item.price", "Line item price"),
    ),
    "events": (
        ("customer_id", "Customer ID"), ("customer_email", "Customer email"), ("type", "Event type"),
        ("at", "Happened at"),
    ),
}


def field_choices(kind: str) -> list[tuple[str, str]]:
    """(field, label) pairs the wizard offers for a column, besides a custom property and ignore."""
    return list(FIELDS[kind])


def is_known_target(kind: str, target: str) -> bool:
    return (target == IGNORE or target in dict(FIELDS[kind])
            or (target.startswith(PROPERTY_PREFIX) and len(target) > len(PROPERTY_PREFIX)))


def slug(column: str) -> str:
    """A column name as a property name: "Acquisition Source" → acquisition_source."""
    text = unicodedata.normalize("NFKC", column).strip().casefold()
    text = re.sub(r"[^\w]+", "_", text).strip("_")
    return text or "column"


def _norm(column: str) -> str:
    return " ".join(column.replace("\ufeff", "").strip().casefold().split())


# -- the shop systems' exports ---------------------------------------------------------------
@dataclass(frozen=True)
class ShopFormat:
    """One system's export: its column names per kind, and the columns that give it away."""

    name: str
    columns: Mapping[str, Mapping[str, str]]  # kind -> normalised column -> target
    signature: frozenset[str]


def _table(pairs: dict[str, str]) -> dict[str, str]:
    return {_norm(k): v for k, v in pairs.items()}


SHOPIFY = ShopFormat("Shopify", {
    "customers": _table({
        "Customer ID": "id", "First Name": "first_name", "Last Name": "last_name", "Email": "email",
        "Accepts Email Marketing": "consent.email", "Accepts Marketing": "consent.email",
        "Accepts SMS Marketing": "consent.sms", "Phone": "phone", "Default Address Phone": "properties.address_phone",
        "Default Address City": "city", "City": "city", "Default Address Province Code": "region",
        "Province Code": "region", "Default Address Country Code": "country", "Country Code": "country",
        "Default Address Zip": "postal_code", "Zip": "postal_code", "Tags": "tags",
        "Total Spent": "properties.total_spent", "Total Orders": "properties.total_orders",
        "Default Address Company": "properties.company", "Company": "properties.company",
        "Default Address Address1": "properties.address", "Address1": "properties.address",
        "Note": "properties.note", "Tax Exempt": IGNORE, "Default Address Address2": IGNORE,
        "Address2": IGNORE, "Province": IGNORE, "Country": IGNORE,
    }),
    "orders": _table({
        "Name": "id", "Email": "customer_email", "Created at": "placed_at", "Total": "total",
        "Currency": "currency", "Financial Status": "properties.financial_status",
        "Fulfillment Status": "properties.fulfillment_status", "Subtotal": "properties.subtotal",
        "Shipping": "properties.shipping", "Taxes": "properties.taxes",
        "Discount Code": "properties.discount_code", "Discount Amount": "properties.discount_amount",
        "Shipping Method": "properties.shipping_method", "Paid at": "properties.paid_at",
        "Fulfilled at": "properties.fulfilled_at", "Cancelled at": "properties.cancelled_at",
        "Payment Method": "properties.payment_method", "Id": "properties.shopify_id",
        "Lineitem name": "item.name", "Lineitem sku": "item.sku", "Lineitem quantity": "item.quantity",
        "Lineitem price": "item.price", "Accepts Marketing": IGNORE, "Billing Name": IGNORE,
        "Shipping Name": IGNORE, "Notes": IGNORE, "Source": "properties.source",
    }),
}, frozenset(_norm(c) for c in ("Accepts Email Marketing", "Accepts Marketing", "Default Address City",
                                "Total Spent", "Lineitem name", "Financial Status", "Fulfillment Status")))

WOOCOMMERCE = ShopFormat("WooCommerce", {
    "customers": _table({
        "customer_id": "id", "id": "id", "email": "email", "billing_email": "email",
        "first_name": "first_name", "billing_first_name": "first_name", "last_name": "last_name",
        "billing_last_name": "last_name", "billing_phone": "phone", "billing_city": "city",
        "billing_state": "region", "billing_country": "country", "billing_postcode": "postal_code",
        "date_created": "signup_at", "date_registered": "signup_at", "username": "properties.username",
        "orders_count": "properties.orders_count", "total_spent": "properties.total_spent",
        "billing_company": "properties.company", "billing_address_1": "properties.address",
        "billing_address_2": IGNORE, "role": IGNORE, "avatar_url": IGNORE,
    }),
    "orders": _table({
        "order_id": "id", "id": "id", "order_number": "properties.order_number", "customer_id": "customer_id",
        "billing_email": "customer_email", "date_created": "placed_at", "order_date": "placed_at",
        "order_total": "total", "total": "total", "order_currency": "currency", "currency": "currency",
        "status": "properties.status", "payment_method": "properties.payment_method",
        "payment_method_title": IGNORE, "coupon_code": "properties.discount_code",
        "cart_discount": "properties.discount_amount", "shipping_total": "properties.shipping",
        "order_shipping": "properties.shipping", "billing_first_name": IGNORE, "billing_last_name": IGNORE,
        "billing_phone": IGNORE, "billing_city": IGNORE, "billing_country": IGNORE,
        "item_name": "item.name", "item_sku": "item.sku", "item_quantity": "item.quantity",
        "item_price": "item.price",
    }),
}, frozenset(_norm(c) for c in ("billing_email", "billing_first_name", "order_total", "billing_country",
                                "date_created", "order_currency")))

PRESTASHOP = ShopFormat("PrestaShop", {
    "customers": _table({
        "id_customer": "id", "email": "email", "firstname": "first_name", "lastname": "last_name",
        "birthday": "birthdate", "newsletter": "consent.email", "optin": "properties.partner_offers",
        "date_add": "signup_at", "id_gender": "gender", "company": "properties.company",
        "id_lang": "properties.id_lang", "active": "properties.active", "id_shop": IGNORE,
        "id_shop_group": IGNORE, "id_default_group": "properties.group", "passwd": IGNORE,
        "secure_key": IGNORE, "last_passwd_gen": IGNORE, "newsletter_date_add": IGNORE,
        "ip_registration_newsletter": IGNORE, "date_upd": IGNORE, "deleted": IGNORE, "is_guest": IGNORE,
        "note": "properties.note", "website": IGNORE, "siret": IGNORE, "ape": IGNORE,
        "outstanding_allow_amount": IGNORE, "show_public_prices": IGNORE, "id_risk": IGNORE,
        "max_payment_days": IGNORE, "reset_password_token": IGNORE, "reset_password_validity": IGNORE,
        # the customer list as the back office exports it
        "ID": "id", "Social title": "gender", "First name": "first_name", "Last name": "last_name",
        "Email": "email", "Newsletter": "consent.email", "Partner offers": "properties.partner_offers",
        "Opt-in": "properties.partner_offers", "Registration": "signup_at", "Birth date": "birthdate",
        "Sales": "properties.total_spent", "Enabled": "properties.active", "Last visit": IGNORE,
    }),
    "orders": _table({
        "id_order": "id", "reference": "properties.reference", "id_customer": "customer_id",
        "email": "customer_email", "total_paid_tax_incl": "total", "total_paid": "total",
        "total_paid_real": IGNORE, "total_paid_tax_excl": "properties.total_net",
        "date_add": "placed_at", "current_state": "properties.status", "payment": "properties.payment_method",
        "id_currency": IGNORE, "iso_code": "currency", "currency": "currency", "id_cart": IGNORE,
        "id_lang": IGNORE, "id_carrier": IGNORE, "id_address_delivery": IGNORE, "id_address_invoice": IGNORE,
        "secure_key": IGNORE, "conversion_rate": IGNORE, "date_upd": IGNORE, "valid": IGNORE,
        "total_discounts": "properties.discount_amount", "total_shipping": "properties.shipping",
        # the order list as the back office exports it
        "ID": "id", "Reference": "properties.reference", "Total": "total", "Date": "placed_at",
        "Status": "properties.status", "Payment": "properties.payment_method", "Customer": IGNORE,
        "New client": IGNORE, "Delivery": IGNORE,
    }),
}, frozenset(_norm(c) for c in ("id_customer", "id_order", "firstname", "lastname", "newsletter",
                                "optin", "date_add", "Social title", "Partner offers", "New client")))

SYSTEMS = (SHOPIFY, WOOCOMMERCE, PRESTASHOP)

# Names any export (or a hand-made sheet) might use, in English, German, Spanish and Russian.
_GENERIC_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "customer id", "customer_id", "customerid", "kundennummer", "kunden-id", "id cliente",
           "клиент id", "external id"),
    "email": ("email", "e-mail", "email address", "e-mail-adresse", "correo", "correo electrónico",
              "почта", "электронная почта", "mail"),
    "phone": ("phone", "phone number", "telefon", "teléfono", "telefono", "mobile", "телефон"),
    "first_name": ("first name", "first_name", "firstname", "given name", "vorname", "nombre", "имя"),
    "last_name": ("last name", "last_name", "lastname", "surname", "family name", "nachname",
                  "apellidos", "apellido", "фамилия"),
    "name": ("name", "full name", "full_name", "customer name", "customer", "nombre completo", "фио"),
    "gender": ("gender", "sex", "geschlecht", "anrede", "género", "sexo", "пол"),
    "birthdate": ("birthdate", "birth date", "birthday", "date of birth", "dob", "geburtsdatum",
                  "geburtstag", "fecha de nacimiento", "дата рождения"),
    "city": ("city", "town", "stadt", "ort", "ciudad", "город"),
    "region": ("region", "state", "province", "bundesland", "provincia", "регион", "область"),
    "country": ("country", "country code", "land", "país", "pais", "страна"),
    "postal_code": ("postal code", "postal_code", "postcode", "zip", "zip code", "plz", "postleitzahl",
                    "código postal", "индекс"),
    "timezone": ("timezone", "time zone", "time_zone", "zeitzone", "zona horaria"),
    "locale": ("locale", "language", "lang", "sprache", "idioma", "язык"),
    "signup_at": ("signup_at", "signup", "signed up", "created", "created at", "created_at",
                  "registered", "registration date", "date_registered", "registriert am",
                  "fecha de registro", "дата регистрации"),
    "tags": ("tags", "tag", "labels", "schlagworte", "etiquetas", "теги"),
    "consent.email": ("consent.email", "email consent", "accepts email", "accepts marketing", "newsletter",
                      "marketing_opt_in", "opt_in", "opt-in", "subscribed", "email_opt_in"),
    "consent.sms": ("consent.sms", "sms consent", "accepts sms", "sms_opt_in", "sms marketing"),
    "consent.push": ("consent.push", "push consent", "push_opt_in"),
    "lat": ("lat", "latitude", "breite", "location.lat", "location.latitude"),
    "lon": ("lon", "lng", "long", "longitude", "länge", "location.lon", "location.longitude"),
}
_GENERIC_ORDER_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "order id", "order_id", "order", "order number", "order_number", "bestellnummer",
           "número de pedido", "номер заказа"),
    "customer_id": ("customer id", "customer_id", "customer", "kundennummer"),
    "customer_email": ("email", "e-mail", "customer email", "customer_email", "billing_email"),
    "placed_at": ("placed_at", "placed at", "date", "order date", "created", "created at", "created_at",
                  "datum", "bestelldatum", "fecha", "дата"),
    "total": ("total", "amount", "order total", "order_total", "grand total", "summe", "betrag",
              "importe", "сумма"),
    "currency": ("currency", "währung", "moneda", "валюта"),
}
_GENERIC_EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "customer_id": ("customer id", "customer_id", "customer", "id"),
    "customer_email": ("email", "e-mail", "customer email", "customer_email"),
    "type": ("type", "event", "event type", "event_type", "name"),
    "at": ("at", "time", "timestamp", "date", "happened at", "occurred_at", "created_at", "zeit"),
}
GENERIC: dict[str, dict[str, str]] = {
    kind: {_norm(word): field_ for field_, words in table.items() for word in words}
    for kind, table in (("customers", _GENERIC_WORDS), ("orders", _GENERIC_ORDER_WORDS),
                        ("events", _GENERIC_EVENT_WORDS))
}


def detect(columns: Iterable[str], kind: str) -> tuple[str, dict[str, str]]:
    """(system name, column → target) for a header row; "generic" when no system fits.

    A system is recognised by its signature columns; its own table then wins over the generic
    words, and whatever neither knows becomes a custom property of the same (slugged) name.
    """
    columns = list(columns)
    normed = [_norm(c) for c in columns]
    best: ShopFormat | None = None
    best_score = 0
    for system in SYSTEMS:
        table = system.columns.get(kind, {})
        if not any(n in system.signature for n in normed):
            continue
        score = sum(1 for n in normed if n in table)
        if score > best_score:
            best, best_score = system, score
    mapping: dict[str, str] = {}
    for column, n in zip(columns, normed, strict=True):
        target = None
        if best is not None:
            target = best.columns.get(kind, {}).get(n)
        if target is None:
            target = GENERIC[kind].get(n)
        if target is None and n.startswith(PROPERTY_PREFIX):
            target = PROPERTY_PREFIX + slug(column[len(PROPERTY_PREFIX):])
        if target is None:
            # A system's order export has dozens of billing and shipping columns: only the ones
            # we know are worth keeping there; elsewhere an unknown column is a custom property.
            target = IGNORE if best is not None and kind == "orders" else PROPERTY_PREFIX + slug(column)
        mapping[column] = target
    return (best.name if best else "generic"), mapping


# -- reading values --------------------------------------------------------------------------
_TRUE = {"1", "true", "yes", "y", "ja", "j", "si", "sí", "да", "on", "x", "subscribed", "opted_in",
         "opted in", "confirmed", "accepted", "wahr"}
_FALSE = {"0", "false", "no", "n", "nein", "нет", "off", "not_subscribed", "unsubscribed",
          "not subscribed", "pending", "declined", "opted_out", "never_subscribed", "invalid", "falsch",
          "redacted"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PLAIN_NUMBER = re.compile(r"-?\d{1,15}(\.\d+)?$")
_CURRENCY_SIGNS = "€$£¥₽₹ \u00a0\u202f'"


def text(value: Any) -> str | None:
    """Cell text with outer space removed; None for an empty cell. One line only: a CR/LF in a
    name or city would reach a mail header (engine.values.single_line)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, Mapping | list):
        raise BadValue(f"{shown(value)} is not a single value")
    try:
        out = single_line(str(value), "")
    except ValueProblem as exc:
        raise BadValue(exc.reason) from None
    return out or None


def identifier(value: Any) -> str | None:
    """An id; Shopify writes ids as '7012345678901 (a leading quote keeps Excel off them)."""
    out = text(value)
    if out is not None and out.startswith("'"):
        out = out[1:].strip() or None
    return out


def email(value: Any) -> str:
    """Exactly one address (engine.values.email_address), normalised."""
    out = text(value) or ""
    if not _EMAIL.match(out):
        raise BadValue(f"'{value}' is not an email address")
    try:
        return email_address(out, "")
    except ValueProblem as exc:
        raise BadValue(exc.reason) from None


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    key = (text(value) or "").casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise BadValue(f"'{value}' is not yes or no")


def number(value: Any) -> float:
    """A number as shops write it: 1234.5, 1,234.50, 1.234,50, 12,50, "€ 49.99"."""
    if isinstance(value, bool):
        raise BadValue(f"'{value}' is not a number")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise BadValue(f"'{value}' is not a number")
        return _bounded(value, value)
    if isinstance(value, str) and _PLAIN_NUMBER.match(value):
        return float(value)
    raw = text(value) or ""
    cleaned = raw.strip(_CURRENCY_SIGNS).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    for code in ("EUR", "USD", "GBP", "RUB", "CHF"):
        cleaned = cleaned.removeprefix(code).removesuffix(code)
    if "," in cleaned and "." in cleaned:
        decimal_sep = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3}){2,}", cleaned) else cleaned.replace(",", ".")
    try:
        result = float(cleaned)
    except ValueError:
        raise BadValue(f"'{raw}' is not a number") from None
    if not math.isfinite(result) or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise BadValue(f"'{raw}' is not a number")
    return _bounded(result, raw)


def _bounded(result: float, raw: Any) -> float:
    try:
        return amount(result, "")
    except ValueProblem:
        raise BadValue(f"'{raw}' is beyond ±{MAX_AMOUNT:,.0f}") from None


_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def birthdate(value: Any) -> date | None:
    """ISO (1990-04-02), 1990/04/02 or day first (02.04.1990, 02/04/1990: our markets write so).

    PrestaShop writes 0000-00-00 for "not given", which is no date rather than a bad one.
    """
    raw = text(value)
    if raw is None or raw.startswith("0000-00-00"):
        return None
    try:
        day = date.fromisoformat(raw[:10]) if len(raw) >= 10 and raw[4] == "-" else _other_date(raw)
    except ValueError:
        raise BadValue(f"'{raw}' is not a date") from None
    return _in_range(day, raw)


def _in_range(moment: Any, raw: str) -> Any:
    """The years engine.timeutil allows everywhere (a 9999-12-31 placeholder is no date)."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise BadValue(f"'{raw}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}")
    return moment


def _other_date(raw: str) -> date:
    m = _DAY_FIRST.match(raw)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _YEAR_FIRST.match(raw)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(raw)


_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
                     r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)


def moment_reader(shop_tz: str | None) -> Callable[[Any], datetime]:
    """Reads export times: ISO with an offset, "2024-03-05 14:23:11 +0100" (Shopify), or a
    time without offset (WooCommerce, PrestaShop), which is the shop's own local time."""
    tz: ZoneInfo = zone(shop_tz)

    def read(value: Any) -> datetime:
        try:
            moment = _read(value)
        except OverflowError:  # 9999-12-31T23:00 in New York has no UTC moment
            raise BadValue(f"'{text(value)}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}") from None
        return _in_range(moment, text(value) or "")

    def _read(value: Any) -> datetime:
        if isinstance(value, datetime):
            return value.astimezone(UTC) if value.tzinfo else local_wall(value.date(), value.time())
        raw = text(value) or ""
        if raw.startswith("0000-00-00"):
            raise BadValue(f"'{raw}' is not a time")
        m = _MOMENT.match(raw)
        if m:
            day, clock, offset = m.groups()
            if offset is None:
                try:
                    naive = datetime.fromisoformat(f"{day}T{clock.zfill(5) if len(clock) < 5 else clock}")
                except ValueError:
                    raise BadValue(f"'{raw}' is not a time") from None
                return local_wall(naive.date(), naive.time())
            offset = "+00:00" if offset.upper() in ("Z", "UTC", "GMT") else offset
            if ":" not in offset:
                offset = f"{offset[:3]}:{offset[3:]}"
            try:
                return datetime.fromisoformat(f"{day}T{clock}{offset}").astimezone(UTC)
            except ValueError:
                raise BadValue(f"'{raw}' is not a time") from None
        try:
            only = birthdate(raw)
        except BadValue:
            raise BadValue(f"'{raw}' is not a time") from None
        if only is None:
            raise BadValue(f"'{raw}' is not a time")
        return local_wall(only, datetime.min.time())

    def local_wall(day: date, wall: Any) -> datetime:
        return local_wall_to_utc(day, wall, tz)

    return read


def gender(value: Any) -> str | None:
    """female / male as the demo shop and templates use; PrestaShop's 1/2 and titles understood."""
    raw = text(value)
    if raw is None:
        return None
    key = raw.casefold().rstrip(".")
    if key in ("f", "w", "female", "woman", "weiblich", "frau", "mrs", "ms", "miss", "mme", "sra", "2",
               "mujer", "femenino", "ж", "женский"):
        return "female"
    if key in ("m", "male", "man", "männlich", "herr", "mr", "m.", "sr", "1", "hombre", "masculino",
               "м", "мужской"):
        return "male"
    if key in ("0", "-", "unknown"):
        return None
    return raw


def timezone(value: Any) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    try:
        zone(raw)
    except TimeFormatError:
        raise BadValue(f"'{raw}' is not a time zone (like Europe/Berlin)") from None
    return raw


def country(value: Any) -> str | None:
    raw = text(value)
    return raw.upper() if raw is not None and len(raw) == 2 else raw


def currency(value: Any) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    if len(raw) != 3 or not raw.isalpha():
        raise BadValue(f"'{raw}' is not a currency code (like EUR)")
    return raw.upper()


def coordinate(limit: float) -> Callable[[Any], float | None]:
    def read(value: Any) -> float | None:
        if text(value) is None:
            return None
        result = number(value)
        if abs(result) > limit:
            raise BadValue(f"'{value}' is not between -{limit:g} and {limit:g}")
        return result

    return read


def tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(t).strip() for t in value if str(t).strip()]
    return [t.strip() for t in (text(value) or "").split(",") if t.strip()]


_BOOLEAN_WORDS = {"true": True, "TRUE": True, "True": True, "false": False, "FALSE": False, "False": False}
_INT = re.compile(r"^-?(0|[1-9]\d{0,15})$")
_FLOAT = re.compile(r"^-?(0|[1-9]\d*)\.\d+$")


def property_value(value: Any) -> Any:
    """A custom property: JSON values as they are; CSV text typed when it plainly is a number or a
    boolean (so `customer.properties.coupon_user = true` works), but "01234" stays text."""
    if value.__class__ is not str:
        return value
    raw = value.strip()
    if not raw:
        return None
    first = raw[0]
    if first.isdigit() or first == "-":
        if _INT.match(raw):
            return int(raw)
        if _FLOAT.match(raw):
            return float(raw)
    elif raw in _BOOLEAN_WORDS:
        return _BOOLEAN_WORDS[raw]
    return raw
