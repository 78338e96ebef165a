"""JSON text for the session's tables, written fast and read leniently.

Run states and properties are read and written by the hundred thousand, so orjson does the
work; what it refuses falls back to the standard codec, so one customer's odd value (an
integer beyond 64 bits, a `NaN` an older version let through) never fails a batch of thousands.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    """JSON text; orjson first, the standard codec for what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | bytes) -> Any:
    """Parsed JSON; text orjson refuses (`NaN` written by an older version) is read with the
    standard codec, a non-finite number becoming null: one customer's odd value must not
    stop a batch of thousands."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text, parse_constant=lambda _name: None)
