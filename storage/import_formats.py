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

import functools
import html
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from engine.timeutil import EARLIEST_YEAR, LATEST_YEAR, TimeFormatError, local_wall_to_utc, zone
from engine.values import MAX_AMOUNT, MAX_LINE_TEXT, ValueProblem, amount, email_address, shown, single_line
from storage import import_platforms as platforms

KINDS = ("customers", "orders", "carts", "events")
IGNORE = platforms.IGNORE
SECRET = platforms.SECRET
PROPERTY_PREFIX = "properties."
ITEM_PREFIX = "item."  # order line items (Shopify writes one row per item)
CUSTOMER_PREFIX = "customer."  # what an order or cart row tells of a guest customer


class BadValue(ValueError):
    """A cell that cannot be read as its field; the message quotes the value."""


# -- our fields ------------------------------------------------------------------------------
_GUEST_LABELS = (
    ("customer.first_name", "Guest's first name"), ("customer.last_name", "Guest's last name"),
    ("customer.name", "Guest's full name"), ("customer.phone", "Guest's phone"), ("customer.city", "Guest's city"),
    ("customer.region", "Guest's region / state"), ("customer.country", "Guest's country"),
    ("customer.postal_code", "Guest's postal code"), ("customer.locale", "Guest's language"),
    ("customer.consent.email", "Guest consents to email"),
)
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
        ("placed_at", "Placed at"), ("total", "Total"), ("currency", "Currency"), ("status", "Order status"),
        ("cancelled_at", "Cancelled at"), ("cart_id", "Cart ID"),
        ("item.name", "Line item name"), ("item.sku", "Line item SKU"),
        ("item.quantity", "Line item quantity"), ("item.price", "Line item price"),
        ("item.image_url", "Line item image URL"), ("items", "Line items (a list)"), *_GUEST_LABELS,
    ),
    "carts": (
        ("id", "Cart ID"), ("customer_id", "Customer ID"), ("customer_email", "Customer email"),
        ("at", "Abandoned at"), ("total", "Cart value"), ("currency", "Currency"), ("url", "Cart link"),
        ("completed_at", "Completed at (bought)"), ("item.name", "Line item name"), ("item.sku", "Line item SKU"),
        ("item.quantity", "Line item quantity"), ("item.price", "Line item price"),
        ("item.image_url", "Line item image URL"), ("items", "Line items (a list)"), *_GUEST_LABELS,
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
    return (target in (IGNORE, SECRET) or target in dict(FIELDS[kind])
            or (target.startswith(PROPERTY_PREFIX) and len(target) > len(PROPERTY_PREFIX)))


def slug(column: str) -> str:
    """A column name as a property name: "Acquisition Source" → acquisition_source."""
    text = unicodedata.normalize("NFKC", column).strip().casefold()
    text = re.sub(r"[^\w]+", "_", text).strip("_")
    return text or "column"


_norm = platforms.norm


# Names any export (or a hand-made sheet) might use, in English, German, Spanish, French and Russian.
_GENERIC_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "customer id", "customer_id", "customerid", "kundennummer", "kunden-id", "id cliente",
           "клиент id", "external id"),
    "email": ("email", "e-mail", "email address", "e-mail-adresse", "correo", "correo electrónico",
              "почта", "электронная почта", "mail", "adresse e-mail", "adresse email", "courriel"),
    "phone": ("phone", "phone number", "telefon", "teléfono", "telefono", "mobile", "телефон", "téléphone"),
    "first_name": ("first name", "first_name", "firstname", "given name", "vorname", "nombre", "имя", "prénom",
                   "prenom"),
    "last_name": ("last name", "last_name", "lastname", "surname", "family name", "nachname",
                  "apellidos", "apellido", "фамилия", "nom", "nom de famille"),
    "name": ("name", "full name", "full_name", "customer name", "customer", "nombre completo", "фио"),
    "gender": ("gender", "sex", "geschlecht", "anrede", "género", "sexo", "пол", "civilité", "civilite"),
    "birthdate": ("birthdate", "birth date", "birthday", "date of birth", "dob", "geburtsdatum",
                  "geburtstag", "fecha de nacimiento", "дата рождения", "date de naissance"),
    "city": ("city", "town", "stadt", "ort", "ciudad", "город", "ville"),
    "region": ("region", "state", "province", "bundesland", "provincia", "регион", "область"),
    "country": ("country", "country code", "land", "país", "pais", "страна", "pays"),
    "postal_code": ("postal code", "postal_code", "postcode", "zip", "zip code", "plz", "postleitzahl",
                    "código postal", "индекс", "code postal"),
    "timezone": ("timezone", "time zone", "time_zone", "zeitzone", "zona horaria"),
    "locale": ("locale", "language", "lang", "sprache", "idioma", "язык"),
    "signup_at": ("signup_at", "signup", "signed up", "created", "created at", "created_at",
                  "registered", "registration date", "date_registered", "registriert am",
                  "fecha de registro", "дата регистрации", "date d'inscription"),
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
    "status": ("status", "order status", "state", "bestellstatus", "estado", "статус"),
    "cancelled_at": ("cancelled_at", "cancelled at", "canceled_at", "canceled at"),
    "cart_id": ("cart_id", "cart id", "cart"),
    "items": ("items", "line_items", "line items"),
}
_GENERIC_CART_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "cart id", "cart_id", "cart", "checkout id", "checkout_id", "token"),
    "customer_id": ("customer id", "customer_id", "kundennummer"),
    "customer_email": ("email", "e-mail", "customer email", "customer_email"),
    "at": ("at", "abandoned at", "abandoned_at", "updated_at", "updated at", "date", "time", "datum"),
    "total": ("total", "cart value", "cart_value", "value", "amount", "summe"),
    "currency": ("currency", "währung"),
    "url": ("url", "cart url", "cart_url", "recovery url", "checkout url", "link"),
    "completed_at": ("completed_at", "completed at", "ordered at"),
    "items": ("items", "line_items", "line items", "products"),
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
                        ("carts", _GENERIC_CART_WORDS), ("events", _GENERIC_EVENT_WORDS))
}

# A column holding passwords or keys is refused whatever the file: a shop's customer list must
# not become the place its customers' passwords leak from (docs/importing.md, "Secrets").
_SECRET = re.compile(r"(^|[\s_.*-])(pass(word|wd)?|pwd|user_pass|secret|secure_key|api[_ ]?key|passwort|"
                     r"contraseña|пароль|(access|auth|api|session|remember|reset[_ ]password)[_ ]?token)"
                     r"([\s_.*(-]|$)", re.IGNORECASE)


def is_secret_column(column: str) -> bool:
    return bool(_SECRET.search(_norm(column)))


@dataclass(frozen=True)
class Detection:
    """What a header row was recognised as: the platform (None: a plain sheet), each column's
    target, and the columns neither the platform nor the generic words know."""

    platform: platforms.ShopFormat | None
    mapping: dict[str, str]
    unknown: list[str]

    @property
    def name(self) -> str:
        return self.platform.name if self.platform is not None else "generic"


def recognise(columns: Iterable[str], kind: str, platform: platforms.ShopFormat | None = None) -> Detection:
    """The platform and mapping for a header row; "generic" when no platform fits.

    A platform is recognised by its signature columns; its own table then wins over the generic
    words, and whatever neither knows becomes a custom property of the same (slugged) name —
    or, in a platform's order or cart export with its dozens of billing and shipping columns,
    is left out. Either way it is listed in `unknown`. When a platform writes a time both in
    the shop's zone and in UTC (WooCommerce's `date_created` and `date_created_gmt`), the UTC
    one is read and the other left out, so no daylight-saving guess is needed. `platform`
    forces the platform (a connector knows whose records it reads).
    """
    columns = list(columns)
    normed = [_norm(c) for c in columns]
    best: platforms.ShopFormat | None = platform
    best_score = 0
    for system in platforms.SYSTEMS if platform is None else ():
        table = system.columns.get(kind, {})
        if not any(n in system.signature for n in normed) or not table:
            continue
        score = sum(1 for n in normed if n in table)
        if score < 2:
            continue  # one word in common ("Newsletter") does not make a sheet a platform's export
        if score > best_score:
            best, best_score = system, score
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    present = set(normed)
    for column, n in zip(columns, normed, strict=True):
        target = None
        if is_secret_column(column):
            target = SECRET
        if target is None and best is not None:
            target = best.columns.get(kind, {}).get(n)
        if target is None:
            target = GENERIC[kind].get(n)
        if target is None and n.startswith(PROPERTY_PREFIX):
            target = PROPERTY_PREFIX + slug(column[len(PROPERTY_PREFIX):])
        if target is None:
            unknown.append(column)
            target = IGNORE if best is not None and kind in ("orders", "carts") else PROPERTY_PREFIX + slug(column)
        if not n.endswith("_gmt") and f"{n}_gmt" in present and target != IGNORE:
            target = IGNORE  # the UTC twin is read instead
        mapping[column] = target
    return Detection(best, mapping, unknown)


def detect(columns: Iterable[str], kind: str) -> tuple[str, dict[str, str]]:
    """(platform name, column → target) for a header row (see `recognise`)."""
    found = recognise(columns, kind)
    return found.name, found.mapping


def platform_named(name: str) -> platforms.ShopFormat | None:
    for system in platforms.SYSTEMS:
        if system.name == name:
            return system
    return None


# -- reading values --------------------------------------------------------------------------
_TRUE = {"1", "true", "yes", "y", "ja", "j", "si", "sí", "oui", "да", "on", "x", "subscribed", "opted_in",
         "opted in", "confirmed", "accepted", "wahr"}
_FALSE = {"0", "false", "no", "n", "nein", "non", "нет", "off", "not_subscribed", "unsubscribed",
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
    if value.__class__ is str:
        stripped = value.strip()
        # isprintable() is false for every control, format and line-separator character, so
        # a cell it accepts passes single_line's check, without looking at each character.
        if stripped.isprintable() and len(stripped) <= MAX_LINE_TEXT:
            return stripped or None
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
    if value.__class__ is str:
        return _email_text(value)
    return _email_text(text(value) or "")


@functools.lru_cache(maxsize=65536)
def _email_text(value: str) -> str:
    """The check is the costliest thing an import does per row (IDNA, Unicode categories), and
    an orders export names each customer again and again: a checked address is remembered, and
    a plain ASCII one (nearly all of them) is checked by `_PLAIN_EMAIL`, which accepts a subset
    of what engine.values.email_address accepts and normalises it the same way (the domain in
    lower case); anything else goes through the full check."""
    out = text(value) or ""
    plain = _PLAIN_EMAIL.match(out)
    if plain is not None and len(out) <= 254 and not _SPECIAL_DOMAIN.search(plain.group(2)):
        return f"{plain.group(1)}@{plain.group(2).lower()}"
    if not _EMAIL.match(out):
        raise BadValue(f"'{value}' is not an email address")
    try:
        return email_address(out, "")
    except ValueProblem as exc:
        raise BadValue(exc.reason) from None


# A dot-atom local part of letters, digits and ._%+- (no dot first, last or twice), and a domain
# of letter-digit-hyphen labels (none starting or ending with a hyphen, none with "--" where
# IDNA looks) under a letters-only top-level domain.
_PLAIN_EMAIL = re.compile(r"^([A-Za-z0-9_%+-]{1,64}(?:\.[A-Za-z0-9_%+-]+)*)@"
                          r"((?:(?![A-Za-z0-9]{2}--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})$")
_SPECIAL_DOMAIN = re.compile(r"(^|\.)(arpa|invalid|local|localhost|onion|test|internal|home\.arpa)$", re.IGNORECASE)


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    key = (text(value) or "").casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise BadValue(f"'{value}' is not yes or no")


def number(value: Any, decimal: str | None = None) -> float:
    """A number as shops write it: 1234.5, 1,234.50, 1.234,50, 12,50, "€ 49.99".

    `decimal` is the file's decimal mark when known ("," for a German or French export, "."
    for Shopify's and WooCommerce's); it settles what "1,234" and "1.234" are, the one case the
    digits alone cannot (a thousand, or one and a bit). Without it a lone comma is the decimal
    mark unless it groups thousands twice ("1,234,567").
    """
    if isinstance(value, bool):
        raise BadValue(f"'{value}' is not a number")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise BadValue(f"'{value}' is not a number")
        return _bounded(value, value)
    if isinstance(value, str) and _PLAIN_NUMBER.match(value) and not (decimal == "," and _GROUPED.match(value)):
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
        grouped = re.fullmatch(r"-?\d{1,3}(,\d{3}){2,}", cleaned) or (
            decimal == "." and re.fullmatch(r"-?\d{1,3}(,\d{3})+", cleaned))
        cleaned = cleaned.replace(",", "") if grouped else cleaned.replace(",", ".")
    elif "." in cleaned and decimal == "," and re.fullmatch(r"-?\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        result = float(cleaned)
    except ValueError:
        raise BadValue(f"'{raw}' is not a number") from None
    if not math.isfinite(result) or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise BadValue(f"'{raw}' is not a number")
    return _bounded(result, raw)


_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+$")


def number_reader(decimal: str | None) -> Callable[[Any], float]:
    """`number` for a file whose decimal mark is known (or None)."""
    plain, grouped = _PLAIN_NUMBER.match, _GROUPED.match
    if decimal == ",":
        def read(value: Any) -> float:
            if value.__class__ is str and plain(value) and not grouped(value):
                return float(value)
            return number(value, ",")
    else:
        def read(value: Any) -> float:  # most cells of an export: "49.90", read here in one step
            if value.__class__ is str and plain(value):
                return float(value)
            return number(value, decimal)
    return read


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
    time without offset (WooCommerce, PrestaShop), which is the shop's own local time — or UTC,
    for a column that says so (`date_created_gmt`: pass "UTC")."""
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
    """An ISO code (DE) as it is; a country's name ("United States", "Deutschland", "Россия")
    as its code, so phone numbers are read in the right country and rules can compare codes."""
    raw = text(value)
    if raw is None:
        return None
    if len(raw) == 2:
        return raw.upper()
    return _country_codes().get(raw.casefold(), raw)


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    from babel import Locale

    codes: dict[str, str] = {}
    for language in ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                codes.setdefault(name.casefold(), code)
    codes.update({"usa": "US", "uk": "GB", "england": "GB", "great britain": "GB", "russia": "RU"})
    return codes


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


def lenient_boolean(value: Any) -> Any:
    """A yes/no property (Shopify's "Tax Exempt", PrestaShop's "Active (0/1)"): true or false
    when it reads as one, else kept as it is — a property never fails a row."""
    if isinstance(value, bool):
        return value
    key = (text(value) or "").casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return property_value(value)


def order_status(platform: Any) -> Callable[[Any], tuple[str, str]]:
    """(our order status, the platform's own word): `placed`, or one of the statuses that are
    no purchase (import_platforms), and the word kept as the order's `platform_status`."""
    def read(value: Any) -> tuple[str, str]:
        raw = text(value) or ""
        return platforms.order_status(raw, platform), raw

    return read


_ITEM_KEYS = {
    "name": ("name", "title", "product_name", "productTitle"),
    "sku": ("sku",),
    "quantity": ("quantity", "qty", "currentQuantity"),
    "price": ("price", "unit_price", "originalUnitPrice", "originalUnitPriceSet", "price_set"),
    "image_url": ("image_url", "image", "imageUrl", "src"),
    "url": ("url", "product_url", "permalink"),
    "variant": ("variant_title", "variantTitle", "variation"),
    "product_id": ("product_id", "productId"),
}


def items(value: Any) -> list[dict[str, Any]] | None:
    """Line items as a list of {name, sku, quantity, price, image_url, url, variant}: from a
    platform's records (Shopify REST `line_items`, Admin GraphQL `lineItems`, WooCommerce
    `line_items`) or a CSV cell ("Jacket x 2; Socks x 1", or JSON)."""
    if value is None:
        return None
    if isinstance(value, str):
        raw = value.strip()
        if not raw:
            return None
        if raw[0] in "[{":
            try:
                value = json.loads(raw)
            except ValueError:
                raise BadValue(f"{shown(raw)} is not a list of items") from None
        else:
            return [item for part in re.split(r"[;\n]", raw) if part.strip() for item in _text_items(part)]
    if isinstance(value, Mapping):
        value = value.get("nodes") or value.get("edges") or [value]
    if not isinstance(value, list):
        raise BadValue(f"{shown(value)} is not a list of items")
    out = []
    for entry in value:
        if isinstance(entry, Mapping) and isinstance(entry.get("node"), Mapping):
            entry = entry["node"]
        if not isinstance(entry, Mapping):
            raise BadValue(f"{shown(entry)} is not an item")
        item: dict[str, Any] = {}
        for key, names in _ITEM_KEYS.items():
            for name in names:
                found = _plain_item_value(entry.get(name))
                if found not in (None, ""):
                    item[key] = found
                    break
        if "image_url" not in item:
            for holder in ("variant", "product"):
                nested = entry.get(holder)
                if isinstance(nested, Mapping):
                    found = _plain_item_value(nested.get("image"))
                    if found:
                        item["image_url"] = found
                        break
        if "name" in item:
            item["name"] = html.unescape(str(item["name"]))
        for key in ("quantity", "price"):
            if key in item:
                try:
                    item[key] = number(item[key])
                except BadValue:
                    item.pop(key)
        if "quantity" in item and float(item["quantity"]).is_integer():
            item["quantity"] = int(item["quantity"])
        if item:
            out.append(item)
    return out


def _plain_item_value(value: Any) -> Any:
    """Money as Shopify's GraphQL gives it ({"shopMoney": {"amount": "9.5"}}), an image as
    {"url": …} or {"src": …}: the plain value."""
    if isinstance(value, Mapping):
        for key in ("shopMoney", "shop_money"):
            if isinstance(value.get(key), Mapping):
                value = value[key]
                break
        for key in ("amount", "url", "src"):
            if key in value:
                return value[key]
        return None
    return value


_TEXT_ITEM = re.compile(r"^(?P<name>.*?)\s*(?:[x×]\s*(?P<qty>\d+))?$")
_PAIRS = re.compile(r"^[a-z_]+:")


def _text_items(part: str) -> list[dict[str, Any]]:
    """The items of one `;`-separated part of a text cell: the WooCommerce "Customer/Order/Coupon
    Export" plugin's "id:5|name:Mug|sku:MUG|quantity:2|subtotal:20.00" (one item, its line
    total before discounts giving the unit price), or "Jacket x 2|Socks"."""
    part = part.strip()
    if _PAIRS.match(part) and ("|" in part or "," in part):
        pairs = {k.strip(): v.strip() for k, _, v in (p.partition(":") for p in part.split("|" if "|" in part
                                                                                           else ","))}
        found = items([pairs])
        if not found:
            return []
        item = found[0]
        line = pairs.get("subtotal") or pairs.get("total")
        if "price" not in item and line and item.get("quantity"):
            try:
                item["price"] = round(number(line) / item["quantity"], 2)
            except BadValue:
                pass
        return [item]
    return [_text_item(p) for p in part.split("|") if p.strip()]


def _text_item(part: str) -> dict[str, Any]:
    """One item of a text cell: "Jacket x 2"."""
    part = part.strip()
    m = _TEXT_ITEM.match(part)
    item: dict[str, Any] = {"name": (m.group("name") if m else part) or part}
    if m and m.group("qty"):
        item["quantity"] = int(m.group("qty"))
    return item


def url(value: Any) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    if not re.match(r"^https?://[^\s]+$", raw):
        raise BadValue(f"'{raw}' is not a web address")
    return raw


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
