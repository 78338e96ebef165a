"""The checks every door applies to what comes in from outside: files, imports, events, forms.

A value the sending session cannot handle must be refused where it enters, with one line
naming the place, because once stored it is read again on every poll: a NaN property broke
the session's JSON, a 25-digit integer overflowed orjson's 64 bits, an address with CR/LF and
a second address in it sent one customer's mail to someone else. Every door (journey and
profile files, CSV/JSON imports, `journey-builder event`, the HTTP API, the customers window)
calls these functions instead of checking on its own, so the limits are the same everywhere
and docs/input-limits.md can list them once.

Pure Python: no Qt, no SQLAlchemy. `ValueProblem` names the place (`where`) and the reason
separately, so a door that already says the place (an import's "row 14, column email: ")
can show only the reason.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

MAX_DEPTH = 32  # nesting of lists and objects in a JSON value or file
MAX_INT = 2**63 - 1  # SQLite's and orjson's integers are 64-bit
MAX_TEXT = 65_536  # characters in one string inside properties
MAX_FILE_TEXT = 1_000_000  # characters in one string inside a journey or profile file
MAX_ITEMS = 10_000  # entries in one list or object inside properties
MAX_KEY = 256  # characters in one property name
MAX_NUMBER_DIGITS = 100  # characters of one JSON number: int() of 5,000 digits fails, of 4,000 is slow
MAX_AMOUNT = 1e12  # an order total or price, in any currency
MAX_LINE_TEXT = 1_000  # a name, city, id or event type: one line of text
MAX_EMAIL = 320  # RFC 3696 with erratum 1690: 64 + 1 + 255
MAX_PHONE = 40


class ValueProblem(ValueError):
    """A value refused at a door; `str()` is one line, "<where>: <reason>"."""

    def __init__(self, where: str, reason: str) -> None:
        if len(where) > 120:  # a path 32 levels deep
            where = where[:60] + "…" + where[-40:]
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if where else reason)


def shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message, on one line and cut short (it may be a whole file's worth)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    if isinstance(value, str):
        text = json.dumps(text, ensure_ascii=False)
    # json.dumps escapes only C0 controls; NEL, U+2028 and the like still break a line somewhere.
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def _key_path(where: str, key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][\w-]{0,63}", key):
        return f"{where}.{key}" if where else key
    return f"{where}[{shown(key)}]"


class _Unreadable:
    """What `parse_json` puts where a number cannot be a value (NaN, Infinity, 5,000 digits),
    so the check that follows can name its place in the document."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def check_json_value(value: Any, where: str, *, max_text: int = MAX_TEXT, max_items: int | None = MAX_ITEMS,
                     max_depth: int = MAX_DEPTH) -> None:
    """Refuses what JSON text cannot hold or the session cannot read back: NaN and ±Infinity,
    integers beyond 64 bits, nesting deeper than `max_depth`, oversized strings and containers,
    and any Python object that is not JSON (a set, a datetime)."""
    _check(value, where, 0, max_text, max_items, max_depth)


def _check(value: Any, where: str, depth: int, max_text: int, max_items: int | None, max_depth: int) -> None:
    cls = value.__class__
    if value is None or cls is bool:
        return
    if cls is str:
        if len(value) > max_text:
            raise ValueProblem(where, f"text of {len(value):,} characters (at most {max_text:,})")
        return
    if cls is int:
        if not -MAX_INT <= value <= MAX_INT:
            raise ValueProblem(where, f"{shown(value)} is out of range (whole numbers up to ±{MAX_INT})")
        return
    if cls is float:
        if not math.isfinite(value):
            raise ValueProblem(where, f"{value} is not a number JSON can hold (no NaN or Infinity)")
        return
    if cls is _Unreadable:
        if len(value.text) > MAX_NUMBER_DIGITS:
            raise ValueProblem(where, f"a number of {len(value.text):,} characters (at most {MAX_NUMBER_DIGITS})")
        raise ValueProblem(where, f"{value.text} is not a number JSON can hold (no NaN or Infinity)")
    if isinstance(value, Mapping | list | tuple):
        if depth >= max_depth:
            raise ValueProblem(where, f"nested more than {max_depth} levels deep")
        if max_items is not None and len(value) > max_items:
            raise ValueProblem(where, f"{len(value):,} entries (at most {max_items:,})")
        if isinstance(value, Mapping):
            for key, inner in value.items():
                if not isinstance(key, str):
                    raise ValueProblem(where, f"the name {shown(key)} is not text")
                if len(key) > MAX_KEY:
                    raise ValueProblem(where, f"a name of {len(key):,} characters (at most {MAX_KEY})")
                _check(inner, _key_path(where, key), depth + 1, max_text, max_items, max_depth)
        else:
            for index, inner in enumerate(value):
                _check(inner, f"{where}[{index}]", depth + 1, max_text, max_items, max_depth)
        return
    if isinstance(value, bool | int | float | str):  # subclasses (an IntEnum, a numpy float)
        _check(json.loads(json.dumps(value)), where, depth, max_text, max_items, max_depth)
        return
    raise ValueProblem(where, f"a {cls.__name__} is not a JSON value")


def _int(text: str) -> Any:
    return _Unreadable(text) if len(text) > MAX_NUMBER_DIGITS else int(text)


def _float(text: str) -> Any:
    if len(text) > MAX_NUMBER_DIGITS:
        return _Unreadable(text)
    number = float(text)
    return number if math.isfinite(number) else _Unreadable(text)  # 1e999


def parse_json(text: str, where: str, *, max_text: int = MAX_FILE_TEXT, max_depth: int = MAX_DEPTH) -> Any:
    """JSON text to data, checked by `check_json_value` (no limit on entries: a file's size
    bounds them). Raises ValueProblem; a syntax error keeps `json.JSONDecodeError` as its
    cause, for callers that fall back to another reading (JSON Lines)."""
    try:
        data = json.loads(text, parse_constant=_Unreadable, parse_int=_int,
                          parse_float=_float)
    except json.JSONDecodeError as exc:
        raise ValueProblem(where, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError:
        raise ValueProblem(where, f"nested more than {max_depth} levels deep") from None
    try:
        check_json_value(data, "", max_text=max_text, max_items=None, max_depth=max_depth)
    except ValueProblem as exc:
        if not where:  # the JSON path alone names the place (an HTTP body's field)
            raise
        raise ValueProblem(where, f"{exc.where}: {exc.reason}" if exc.where else exc.reason) from None
    return data


def single_line(value: Any, where: str, *, max_length: int = MAX_LINE_TEXT) -> str:
    """A name, city, id or event type: text without control characters (a CR/LF in a name ends
    up in a mail header), stripped, at most `max_length` characters."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueProblem(where, f"must be text, not {shown(value)}")
    text = str(value).strip()
    if len(text) > max_length:
        raise ValueProblem(where, f"text of {len(text):,} characters (at most {max_length:,})")
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise ValueProblem(where, f"{shown(text)} contains a control character (U+{ord(bad):04X})")
    return text


def email_address(value: Any, where: str) -> str:
    """Exactly one address, normalised (the domain in lower case): no display name, no second
    address, no CR/LF. Internationalised addresses (jürgen@münchen.example) are accepted."""
    import email_validator  # here, not at the top: `validate` and `simulate` start without it (80 ms)

    if not isinstance(value, str):
        raise ValueProblem(where, f"{shown(value)} is not an email address")
    text = value.strip()
    if len(text) > MAX_EMAIL:
        raise ValueProblem(where, f"an email address of {len(text):,} characters (at most {MAX_EMAIL})")
    try:
        checked = email_validator.validate_email(text, check_deliverability=False, allow_smtputf8=True,
                                                 allow_display_name=False, allow_quoted_local=False,
                                                 allow_domain_literal=False)
    except email_validator.EmailNotValidError as exc:
        reason = " ".join(str(exc).split())
        raise ValueProblem(where, f"{shown(text)} is not one email address ({reason})") from None
    return str(checked.normalized)


def phone_region(country: Any) -> str | None:
    """The region a national number is read in: a customer's two-letter country code, if known."""
    import phonenumbers

    if isinstance(country, str):
        code = country.strip().upper()
        if code in phonenumbers.SUPPORTED_REGIONS:
            return code
    return None


def phone_number(value: Any, where: str, region: str | None = None) -> str:
    """A possible phone number as E.164 (+4915112345678); a national number ("0151 12345678")
    needs the `region` (a country code) it is dialled in."""
    import phonenumbers

    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueProblem(where, f"{shown(value)} is not a phone number")
    text = str(value).strip()
    if len(text) > MAX_PHONE:
        raise ValueProblem(where, f"a phone number of {len(text):,} characters (at most {MAX_PHONE})")
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        raise ValueProblem(where, f"{shown(text)} contains a control character")
    try:
        number = phonenumbers.parse(text, phone_region(region))
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            hint = ("give it with its country code, like +49 151 12345678" if region is None
                    else f"no country code and not a number of {region}")
            raise ValueProblem(where, f"{shown(text)} is not a phone number ({hint})") from None
        raise ValueProblem(where, f"{shown(text)} is not a phone number") from None
    # IS_POSSIBLE only: a local-only number ("12", "+49 12") cannot be dialled by an SMS gateway.
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        why = {phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
               phonenumbers.ValidationResult.TOO_LONG: "too many digits"}.get(reason, "too few or wrong number of digits")
        raise ValueProblem(where, f"{shown(text)} is not a possible phone number (+{number.country_code}: {why})")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def amount(value: Any, where: str) -> float:
    """An order total or price: a finite number no larger than a trillion in any currency."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueProblem(where, f"{shown(value)} is not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueProblem(where, f"{value} is not a number")
    if abs(value) > MAX_AMOUNT:
        raise ValueProblem(where, f"{shown(value)} is beyond ±{MAX_AMOUNT:,.0f}")
    return float(value)


# Cells that a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, a tab
# or a carriage return at the start. A plain number ("-12.5", "+49") is left alone, so a
# negative total stays a number in the sheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV export cell that a spreadsheet shows as text, never runs: a leading single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


__all__ = ["MAX_AMOUNT", "MAX_DEPTH", "MAX_INT", "MAX_ITEMS", "MAX_TEXT", "ValueProblem", "amount",
           "check_json_value", "email_address", "parse_json", "phone_number", "phone_region", "shown",
           "single_line", "spreadsheet_cell"]
