"""One row of an import file, its cells converted and checked: the part of an import that needs
no database, so that it can run in another process beside the writer (storage.import_reader).

A cell goes to one of three places: our fields, the customer's custom properties, or the order's
line item. A row that continues the order above it (Shopify writes one row per line item) has
only its item columns converted. Whether it does depends on what the writer did with the row
above, which the reader guesses: an order the writer refuses fails the whole import, and its
item rows are not reported again; a cart it leaves out (bought, or stored before) is no error,
so a row read ahead as one of its items carries its cells and is read whole again
(storage.importers._write_rows).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from engine.values import MAX_TEXT, ValueProblem, check_json_value
from storage import import_formats as fmt

Parts = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]  # fields, properties, line item
# (row number, parts or None for a row refused whole, its errors, how it was read as a continuation:
# None if it was not, else its cells (carts: read again if the writer left that cart out) or True)
Converted = tuple[int, "Parts | None", "list[RowError]", "list[Any] | bool | None"]

_GUARDED = frozenset("0123456789+")
_PLAIN = frozenset({str, int, bool})  # what a CSV cell reads as (ints at most 16 digits); floats are checked
# Values a cell's conversion may be remembered as (never a list: a row may change its own).
_IMMUTABLE = frozenset({str, int, float, bool, tuple, datetime, date})
MEMO_SIZE = 2048  # distinct values remembered per column; an id or email column stops there
_MISSING = object()


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


def MOMENT_PLACEHOLDER(value: Any) -> Any:  # noqa: N802 - a sentinel, never called
    raise AssertionError("moment converter not bound")


def UTC_MOMENT(value: Any) -> Any:  # noqa: N802 - a sentinel, never called
    raise AssertionError("moment converter not bound")


class RowConverter:
    """The plan's columns bound to the shop's time zone, applied to rows of cells."""

    def __init__(self, columns: list[tuple[int, str, str, Callable[[Any], Any]]], width: int, kind: str,
                 timezone: str, strip_apostrophes: bool) -> None:
        moment = fmt.moment_reader(timezone)
        utc_moment = fmt.moment_reader("UTC")
        # (cell index, column, slot, key, converter, checked as JSON, remembered values). Most of an
        # export's columns repeat a few values (currency, status, product, city), so a value once
        # converted and checked is looked up: half the reading time of an orders file.
        self.converters: list[tuple[int, str, int, str, Callable[[Any], Any], bool, dict[Any, Any]]] = []
        for index, column, target, conv in columns:
            slot, key = 0, target
            if target.startswith(fmt.PROPERTY_PREFIX):
                slot, key = 1, target[len(fmt.PROPERTY_PREFIX):]
            elif target.startswith(fmt.ITEM_PREFIX):
                slot, key = 2, target[len(fmt.ITEM_PREFIX):]
            bound = moment if conv is MOMENT_PLACEHOLDER else utc_moment if conv is UTC_MOMENT else conv
            self.converters.append((index, column, slot, key, bound, bool(slot) or key == "items", {}))
        self.item_converters = [c for c in self.converters if c[2] == 2]
        self.width = width
        self.padding = [""] * width
        self.strip_apostrophes = strip_apostrophes
        self.keep_cells = kind == "carts"
        self.id_index = next((index for index, _, target, _ in columns if target == "id"), None) \
            if kind in ("orders", "carts") else None

    def row_id(self, cells: list[Any]) -> str | None:
        """The order or cart id a row names, as a continuation is matched by it."""
        if self.id_index is None or self.id_index >= len(cells):
            return None
        raw = cells[self.id_index]
        return raw.lstrip("'").strip() if raw and raw.__class__ is str else None

    def convert(self, number: int, cells: list[Any], continuing: str | None) -> Converted:
        """`continuing` is the order or cart the row may continue (None: read it whole)."""
        width = self.width
        n_cells = len(cells)
        if n_cells > width and any(str(c).strip() for c in cells[width:]):
            return number, None, [RowError(number, "", f"has {n_cells} cells but the header names "
                                                       f"{width} columns")], None
        if n_cells < width:
            cells = cells + self.padding[n_cells:]
        parts: Parts = ({}, {}, {})
        errors: list[RowError] = []
        row_converters = self.converters
        continued: list[Any] | bool | None = None
        if continuing is not None and self.row_id(cells) == continuing:
            row_converters = self.item_converters
            parts[0]["id"] = continuing
            continued = cells if self.keep_cells else True
        strip_apostrophes = self.strip_apostrophes
        for index, column, slot, key, convert, checked, memo in row_converters:
            raw = cells[index]
            if raw.__class__ is str:
                if not raw or raw.isspace():
                    continue
                if strip_apostrophes and raw[0] == "'" and raw[1:2] in _GUARDED:
                    raw = raw[1:]  # Shopify's guard against Excel: '07012, '+4915…, '7012345678901
            elif raw is None:
                continue
            dest = parts[slot]
            if key in dest:
                continue  # several columns for one field: the first with a value wins
            value = memo.get(raw, _MISSING) if raw.__class__ is str else _MISSING
            if value is _MISSING:
                try:
                    value = convert(raw)
                    # A custom property or a line item is stored as JSON and read by every poll: checked,
                    # unless it is plain text, a bounded number or a yes/no read from a CSV cell.
                    if checked and not (value.__class__ in _PLAIN and raw.__class__ is str and len(raw) <= MAX_TEXT):
                        check_json_value(value, "")
                except (fmt.BadValue, ValueProblem) as exc:
                    errors.append(RowError(number, column, str(exc)))
                    continue
                if value.__class__ in _IMMUTABLE and raw.__class__ is str and len(memo) < MEMO_SIZE:
                    memo[raw] = value
            if value is not None:
                dest[key] = value
        return number, parts, errors, continued

    def read_ahead(self, rows: Iterator[tuple[int, list[Any]]]) -> Iterator[Converted]:
        """Rows converted ahead of the writer: a row is taken as continuing the one before it
        when that one was read without errors and names the same order or cart."""
        previous: str | None = None
        for number, cells in rows:
            converted = self.convert(number, cells, previous)
            previous = self.row_id(cells) if converted[1] is not None and not converted[2] else None
            yield converted


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Python's cycle collector paused while rows are imported. An import keeps hundreds of
    thousands of small dicts alive (the orders seen, the batch, the rows in flight), and each
    full collection walks them all, for nothing: rows make no reference cycles. Measured on
    300,000 orders: a fifth of the writing process's CPU time. Reference counting still frees
    every row; collection resumes (and runs) when the last import running in this process ends.
    """
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()
