"""Discount codes that need no code database: derived, not stored.

A code is an HMAC of (journey, node, customer) under the shop's secret. The same customer passing
the same message again gets the same code (spec §2), a simulation and a sending session agree on
it, and nobody can guess another customer's code, or forge one, without the secret. The shop's
checkout can re-derive a code to check it.

Public API: `discount_code`, `make_discount`, `check_discount`, `DEFAULT_SECRET`, `CODE_ALPHABET`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from engine.timeutil import TimeFormatError, add_duration, parse_duration, parse_moment

__all__ = ["CODE_ALPHABET", "CODE_LENGTH", "DEFAULT_SECRET", "check_discount", "discount_code",
           "make_discount"]

# 32 symbols without 0/O and 1/I, so a code read aloud or typed from a phone is not mistyped;
# 32 is a power of two, so each symbol takes exactly 5 bits of the MAC with no bias.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8

# Only for `simulate` without a shop database, where codes are previews and never redeemable.
# A shop database always has its own random secret, created with the shop, so real codes can
# never be derived from this public value.
DEFAULT_SECRET = "journey-builder-simulation-only"

_PREFIX_RE = re.compile(r"^[A-Z0-9-]{0,12}$")


def _normal_prefix(prefix: str | None) -> str:
    return (prefix or "").strip().upper().rstrip("-")


def discount_code(secret: str, journey: str, node: str, customer: str, prefix: str = "") -> str:
    """The customer's code for a message node, e.g. "CART-7KQ2M9XD".

    The ids are JSON-encoded before hashing so that no choice of ids can collide with another
    (("a-b", "c") and ("a", "b-c") must not share a code). The prefix is decoration and not part of
    the MAC, so renaming it keeps the codes already sent recognisable.
    """
    if not isinstance(secret, str) or not secret:
        raise ValueError("a discount secret is required")
    message = json.dumps([str(journey), str(node), str(customer)], ensure_ascii=False, separators=(",", ":"))
    digest = hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:5], "big")  # 40 bits = 8 symbols of 5 bits
    body = "".join(CODE_ALPHABET[(bits >> (5 * (CODE_LENGTH - 1 - i))) & 31] for i in range(CODE_LENGTH))
    head = _normal_prefix(prefix)
    return f"{head}-{body}" if head else body


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_discount(config: Any) -> list[str]:
    """Everything wrong with a node's `discount` config, one message each, for the validator."""
    if not isinstance(config, dict):
        return ['discount must be an object like {"percent": 5, "valid_for": "P14D", "prefix": "CART"}']
    problems: list[str] = []
    percent = config.get("percent")
    if percent is None:
        problems.append("discount needs a percent (a number greater than 0 and at most 100)")
    elif not _is_number(percent) or not 0 < percent <= 100:
        problems.append(f"discount percent must be a number greater than 0 and at most 100, not {percent!r}")

    valid_for = config.get("valid_for")
    if valid_for is None:
        problems.append('discount needs valid_for (an ISO 8601 duration like "P14D")')
    elif not isinstance(valid_for, str):
        problems.append(f'discount valid_for must be an ISO 8601 duration like "P14D", not {valid_for!r}')
    else:
        try:
            duration = parse_duration(valid_for)
        except TimeFormatError as exc:
            problems.append(f"discount valid_for: {exc}")
        else:
            if duration.negative or duration.approx_seconds() <= 0:
                problems.append(f"discount valid_for must be longer than zero, not '{valid_for}'")

    prefix = config.get("prefix")
    if prefix is not None and (not isinstance(prefix, str) or not _PREFIX_RE.match(prefix)):
        problems.append("discount prefix must be up to 12 capital letters, digits or '-', "
                        f"not {prefix!r}")
    return problems


def make_discount(config: dict[str, Any], *, secret: str, journey: str, node: str, customer: str,
                  moment: datetime, tz: ZoneInfo | str | None) -> dict[str, Any]:
    """The discount a message carries: its code, percent and expiry.

    The expiry goes through `add_duration` in the customer's zone, so "P14D" ends at the same local
    wall time two weeks on, across a daylight-saving change, exactly as the journey's delays do.
    A config the validator would reject raises ValueError rather than minting a half-valid code.
    """
    problems = check_discount(config)
    if problems:
        raise ValueError("; ".join(problems))
    start = parse_moment(moment)
    prefix = _normal_prefix(config.get("prefix"))
    return {
        "code": discount_code(secret, journey, node, customer, prefix),
        "percent": config["percent"],
        "expires_at": add_duration(start, config["valid_for"], tz),
        "prefix": prefix,
    }
