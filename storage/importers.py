"""`import customers|orders|events FILE` (spec §9): one shared core for the command and the wizard.

All or nothing per file: the rows are read, checked and written inside one transaction, and
the first bad row stops the writing but not the checking, so the user gets every bad row at
once ("row 14, column birthdate: '31/02/1990' is not a date") and the database is untouched.
Customers are matched by id, or by email when a row has no id (a customer known by that email
is updated, not duplicated). Writes use SQLAlchemy Core executemany in batches, which is what
makes 100,000 customers and 300,000 orders take seconds rather than minutes (figures in
docs/performance.md, "Shop data").
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.profile import ProfileError
from engine.values import shown
from storage import import_formats as fmt
from storage.database import Database
from storage.import_platforms import ShopFormat
from storage.import_reader import ReadAhead, worth_a_process
from storage.import_rows import (
    MOMENT_PLACEHOLDER,
    UTC_MOMENT,
    Converted,
    RowConverter,
    RowError,
    without_cyclic_gc,
)
from storage.import_sources import ImportProblem, Source, open_source, records_source, sample
from storage.import_writers import CartWriter, CustomerWriter, EventWriter, OrderWriter, WriteOptions, Writer
from storage.models import CustomerRow
from storage.shop_repo import get_settings

__all__ = ["ImportCancelled", "ImportProblem", "ImportResult", "Preview", "RowError", "import_file",
           "import_records", "preview"]

PROGRESS_EVERY = 2000
MAX_ERRORS = 10_000  # every bad row is counted; this many are kept to show
MAX_WARNINGS = 1_000
DECIMALS = ("auto", ".", ",")
_SAMPLE_FOR_TYPES = 200  # rows looked at to tell a yes/no column from a text one

Progress = Callable[[int, int], Any]


class ImportCancelled(Exception):
    """The user cancelled; the transaction is rolled back."""


@dataclass
class Preview:
    """What the wizard shows before importing: the columns and what we think each one is."""

    columns: list[str]
    detected_mapping: dict[str, str]
    sample_rows: list[list[str]]
    format_name: str
    kind: str = "customers"
    file_type: str = "csv"
    profiles: int = 0
    unknown: list[str] = field(default_factory=list)  # columns neither the platform nor our words know
    encoding: str = "utf-8"
    delimiter: str = ","
    decimal: str = "."

    @property
    def refused(self) -> list[str]:
        """Columns holding passwords or keys: never read."""
        return [c for c, t in self.detected_mapping.items() if t == fmt.SECRET]


@dataclass
class ImportResult:
    kind: str
    path: str
    format_name: str = "generic"
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # events already stored, not added again
    rows: int = 0
    orders: int = 0  # orders and events brought in by profile files
    events: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    bad_rows: int = 0
    last_bad_row: int = field(default=0, repr=False)
    cancelled: bool = False
    seconds: float = 0.0
    dry_run: bool = False
    skipped: int = 0  # rows left out on purpose (an address of no customer, a cart that was bought)
    guests: int = 0  # customers made for orders or carts of customers not known before
    not_purchases: int = 0  # refunded, cancelled… orders: kept, but no purchase
    warnings: list[RowError] = field(default_factory=list)
    warning_count: int = 0
    mapping: dict[str, str] = field(default_factory=dict)  # column -> field, as imported
    unknown: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    decimal: str = ""

    @property
    def ok(self) -> bool:
        return not self.error_count and not self.cancelled

    @property
    def refused(self) -> list[str]:
        return [c for c, t in self.mapping.items() if t == fmt.SECRET]

    def summary(self) -> str:
        """"imported 1,204 customers (37 updated)" — or why nothing was."""
        if self.cancelled:
            return f"cancelled: nothing was imported from {self.path}"
        if self.error_count:
            rows = "row" if self.bad_rows == 1 else "rows"
            return f"nothing imported: {self.bad_rows:,} bad {rows} in {self.path}"
        noun = self.kind if self.created + self.updated != 1 else self.kind[:-1]
        verb = "would import" if self.dry_run else "imported"
        text = f"{verb} {self.created + self.updated:,} {noun}"
        if self.kind in ("events", "carts"):
            if self.unchanged:
                text += f" ({self.unchanged:,} already there)"
        else:
            text += f" ({self.updated:,} updated)"
        extra = [f"{n:,} {word}" for n, word in ((self.orders, "orders"), (self.events, "events")) if n]
        if extra:
            text += " with " + " and ".join(extra)
        notes = [f"{n:,} {word}" for n, word in (
            (self.not_purchases, "refunded or cancelled, kept but not counted as purchases"),
            (self.guests, "guest customers added" if self.guests != 1 else "guest customer added"),
            (self.skipped, "rows left out" if self.skipped != 1 else "row left out")) if n]
        if notes:
            text += "; " + "; ".join(notes)
        return text


# -- preview ---------------------------------------------------------------------------------
def preview(path: str | Path, kind: str, *, rows: int = 20) -> Preview:
    """The file's columns, the detected system and mapping, and its first rows."""
    _check_kind(kind)
    source = open_source(path)
    try:
        if source.file_type == "profiles":
            return Preview([], {}, [], "profile files (spec §7)", kind, "profiles", len(source.profiles or []),
                           encoding=source.encoding)
        found = fmt.recognise(source.columns, kind)
        sample_rows = [[_cell(value) for value in cells] for cells in sample(source, rows)]
        return Preview(source.columns, found.mapping, sample_rows, found.name, kind, source.file_type,
                       unknown=found.unknown, encoding=source.encoding, delimiter=source.delimiter,
                       decimal=_decimal("auto", found.platform, source))
    finally:
        source.close()


def _decimal(choice: str, platform: ShopFormat | None, source: Source) -> str:
    """The file's decimal mark: as asked, else the platform's, else "," for a `;` file (that
    is how Excel writes CSV where the comma is the decimal mark), else "."."""
    if choice in (".", ","):
        return choice
    if platform is not None and platform.decimal:
        return platform.decimal
    return "," if source.delimiter == ";" else "."


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _check_kind(kind: str) -> None:
    if kind not in fmt.KINDS:
        raise ImportProblem(f"unknown kind '{kind}' (expected {', '.join(fmt.KINDS)})")


# -- import ----------------------------------------------------------------------------------
def import_file(db: Database, kind: str, path: str | Path, *, mapping: Mapping[str, str] | None = None,
                progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                dry_run: bool = False, decimal: str = "auto") -> ImportResult:
    """Imports one file, all or nothing; bad rows come back in `result.errors`, never raised.

    `mapping` (column → field, "properties.NAME" or "ignore") overrides what was detected for
    the columns it names. `progress(done, total)` is called now and then; `cancel()` returning
    true stops the import and rolls it back. `dry_run` does everything but keep it: the
    result says what would be imported. `decimal` is the money's decimal mark ("," or "."),
    "auto" to go by the platform and the delimiter. File-level problems raise ImportProblem.
    """
    _check_kind(kind)
    if decimal not in DECIMALS:
        raise ImportProblem(f"unknown decimal mark {decimal!r} (expected ',', '.' or auto)")
    source = open_source(path)
    return _run(db, kind, source, str(path), mapping=mapping, progress=progress, cancel=cancel,
                dry_run=dry_run, decimal=decimal)


def import_records(db: Database, kind: str, records: list[Mapping[str, Any]], *, name: str,
                   platform: str | None = None, writers: Mapping[str, type[Writer]] | None = None) -> ImportResult:
    """Records already in memory — a live-shop connector's page (app/connectors) — through the
    very mapping, checks and writers a file of them goes through, all or nothing. `platform`
    names the format to read them as (rather than recognising it); `writers` may replace the
    writer of a kind (the connectors write through history_repo.record_order/record_event)."""
    _check_kind(kind)
    return _run(db, kind, records_source(name, list(records)), name, platform=platform, writers=writers)


def _run(db: Database, kind: str, source: Source, path: str, *, mapping: Mapping[str, str] | None = None,
         progress: Progress | None = None, cancel: Callable[[], bool] | None = None, dry_run: bool = False,
         decimal: str = "auto", platform: str | None = None,
         writers: Mapping[str, type[Writer]] | None = None) -> ImportResult:
    started = time.perf_counter()
    result = ImportResult(kind, path, dry_run=dry_run, encoding=source.encoding, delimiter=source.delimiter)
    try:
        with db.transaction() as session:
            if source.file_type == "profiles":
                result.kind = "customers"  # a profile brings its customer, orders and events whatever was asked
                result.format_name = "profile files (spec §7)"
                _import_profiles(session, source, result, progress, cancel)
            else:
                found = fmt.recognise(source.columns, kind, fmt.platform_named(platform) if platform else None)
                system = found.platform
                result.format_name = found.name
                result.unknown = found.unknown
                result.decimal = _decimal(decimal, system, source)
                plan = _plan(kind, source, {**found.mapping, **dict(mapping or {})}, system, result.decimal)
                result.mapping = plan.mapping
                _import_rows(session, kind, source, plan, result, progress, cancel, writers)
            if result.error_count or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ImportCancelled:
        result.cancelled = True
    finally:
        source.close()
    result.seconds = time.perf_counter() - started
    if result.error_count or result.cancelled:
        result.created = result.updated = result.unchanged = result.orders = result.events = 0
        result.guests = result.skipped = result.not_purchases = 0
    return result


class _Rollback(Exception):
    """Raised inside the transaction so that it rolls back; never leaves this module."""


@dataclass
class _Plan:
    columns: list[tuple[int, str, str, Callable[[Any], Any]]]  # (index, column, target, converter)
    by_target: dict[str, str]  # target -> first column mapped to it (for messages)
    mapping: dict[str, str]  # every column -> its target, as imported
    platform: ShopFormat | None = None
    head: list[tuple[int, list[Any]]] = field(default_factory=list)  # rows read ahead to type the columns


_NEEDED: dict[str, list[tuple[str, ...]]] = {
    "customers": [("id", "email")], "orders": [("placed_at",), ("customer_id", "customer_email")],
    "carts": [("at", "completed_at"), ("customer_id", "customer_email")],
    "events": [("type",), ("at",), ("customer_id", "customer_email")]}


def _plan(kind: str, source: Source, mapping: Mapping[str, str], platform: ShopFormat | None,
          decimal: str) -> _Plan:
    unknown_columns = [c for c in mapping if c not in source.columns]
    if unknown_columns:
        raise ImportProblem(f"{source.path}: no column named {', '.join(repr(c) for c in unknown_columns)} "
                            f"(columns are: {', '.join(source.columns)})")
    columns: list[tuple[int, str, str, Callable[[Any], Any]]] = []
    by_target: dict[str, str] = {}
    final: dict[str, str] = {}
    head = list(itertools.islice(source.rows, _SAMPLE_FOR_TYPES))
    source.rows = itertools.chain(head, source.rows)
    for index, column in enumerate(source.columns):
        target = mapping.get(column, fmt.IGNORE) or fmt.IGNORE
        if not fmt.is_known_target(kind, target):
            raise ImportProblem(f"{source.path}: column '{column}': unknown field '{target}' for {kind} "
                                f"(expected one of {', '.join(f for f, _ in fmt.field_choices(kind))}, "
                                "properties.NAME or ignore)")
        if fmt.is_secret_column(column) and target not in (fmt.IGNORE, fmt.SECRET):
            raise ImportProblem(f"{source.path}: column '{column}' holds passwords or keys, which are never "
                                "imported (a customer list must not be where they leak from); leave it ignored")
        final[column] = target
        if target in (fmt.IGNORE, fmt.SECRET):
            continue
        convert = _converter(target, column, platform, decimal)
        if target.startswith(fmt.PROPERTY_PREFIX) and _yes_no(head, index):
            convert = fmt.lenient_boolean
        if platform is not None and target in platform.booleans:
            convert = fmt.lenient_boolean
        columns.append((index, column, target, convert))
        by_target.setdefault(target, column)
    for alternatives in _NEEDED[kind]:
        if not any(t in by_target for t in alternatives):
            names = " or ".join(dict(fmt.field_choices(kind))[t] for t in alternatives)
            hint = f"; {platform.no_customer_hint}" if platform is not None and platform.no_customer_hint \
                and "customer_id" in alternatives else ""
            raise ImportProblem(f"{source.path}: no column for {names.lower()} "
                                f"(columns are: {', '.join(source.columns) or 'none'}){hint}")
    return _Plan(columns, by_target, final, platform, head)


_YES_NO_WORDS = frozenset({"yes", "no", "true", "false", "y", "n", "ja", "nein", "oui", "non", "sí", "si",
                           "да", "нет", "wahr", "falsch"})


def _yes_no(head: list[tuple[int, list[Any]]], index: int) -> bool:
    """Whether a column's first rows all say yes or no in words (Shopify's "Tax Exempt"), so
    it is stored as true/false rather than text; 0 and 1 alone are no proof (a count)."""
    seen = False
    for _, cells in head:
        if index >= len(cells):
            continue
        value = cells[index]
        if value is None or value == "" or isinstance(value, bool):
            seen = seen or isinstance(value, bool)
            continue
        if not isinstance(value, str) or value.strip().casefold() not in _YES_NO_WORDS:
            return False
        seen = True
    return seen


_MOMENT_TARGETS = frozenset({"signup_at", "placed_at", "at", "cancelled_at", "completed_at"})


# Properties the platforms fill with money: read with the file's decimal mark and currency signs
# ("1.234,50 €" is 1234.5, not text), but kept as written when they are not a number after all.
_MONEY_PROPERTIES = frozenset(fmt.PROPERTY_PREFIX + name for name in (
    "total_spent", "subtotal", "shipping", "taxes", "discount_amount", "refunded_total", "refunded_amount",
    "total_net"))


def _lenient_money(money: Callable[[Any], float]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if value.__class__ is not str:
            return value
        try:
            return money(value)
        except fmt.BadValue:
            # PrestaShop's list shows "--" for a customer with no sales yet
            return None if value.strip() in ("-", "--", "—") else fmt.property_value(value)

    return read


def _converter(target: str, column: str = "", platform: ShopFormat | None = None,
               decimal: str | None = None) -> Callable[[Any], Any]:
    if target in _MONEY_PROPERTIES:
        return _lenient_money(fmt.number_reader(decimal))
    if target.startswith(fmt.PROPERTY_PREFIX):
        return fmt.property_value
    if target in _MOMENT_TARGETS:
        # A column that says it is UTC (WooCommerce's `date_created_gmt`) is read so; any other
        # time without an offset is the shop's own local time.
        return UTC_MOMENT if _is_utc_column(column) else MOMENT_PLACEHOLDER
    if target.startswith(fmt.CUSTOMER_PREFIX):
        # What an order tells of its customer is read only for a guest the order makes (rare):
        # kept as it is here, read by the writer when needed.
        return _as_is
    money = fmt.number_reader(decimal)
    table: dict[str, Callable[[Any], Any]] = {
        "id": fmt.identifier, "customer_id": fmt.identifier, "email": fmt.email, "customer_email": fmt.email,
        "phone": fmt.identifier, "gender": fmt.gender, "birthdate": fmt.birthdate, "country": fmt.country,
        "timezone": fmt.timezone, "tags": fmt.tags, "consent.email": fmt.boolean, "consent.sms": fmt.boolean,
        "consent.push": fmt.boolean, "lat": fmt.coordinate(90), "lon": fmt.coordinate(180),
        "total": money, "currency": fmt.currency, "item.quantity": _whole(money), "item.price": money,
        "status": fmt.order_status(platform), "cart_id": fmt.identifier, "items": fmt.items, "url": fmt.url,
    }
    return table.get(target, fmt.text)


def _whole(read: Callable[[Any], float]) -> Callable[[Any], float | int]:
    """A quantity: 2, as the items of JSON records have it, not 2.0."""
    def whole(value: Any) -> float | int:
        found = read(value)
        return int(found) if found.is_integer() else found

    return whole


def _is_utc_column(column: str) -> bool:
    n = fmt._norm(column)
    return n.endswith(("_gmt", " gmt", "(gmt)", "_utc", " utc", "(utc)"))


def _as_is(value: Any) -> Any:
    return value


# An orders file of 300,000 rows writes as many orders and order_placed events into indexes
# keyed by customer, in no order: with SQLite's default 2 MB page cache each insert reads the
# index pages from disk again (measured: the second half of such a file took twice the time of
# the first). For the import's own connection, for its transaction, the cache is larger.
IMPORT_CACHE_KB = 131072


def _import_rows(session: Session, kind: str, source: Source, plan: _Plan, result: ImportResult,
                 progress: Progress | None, cancel: Callable[[], bool] | None,
                 writers: Mapping[str, type[Writer]] | None = None) -> None:
    connection = session.connection()
    if connection.dialect.name != "sqlite":  # PostgreSQL sizes its own buffers
        with without_cyclic_gc():
            _write_rows(session, kind, source, plan, result, progress, cancel, writers)
        return
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
    try:
        with without_cyclic_gc():
            _write_rows(session, kind, source, plan, result, progress, cancel, writers)
    finally:  # the connection goes back to the pool: its next user gets the usual cache
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _write_rows(session: Session, kind: str, source: Source, plan: _Plan, result: ImportResult,
                progress: Progress | None, cancel: Callable[[], bool] | None,
                writers: Mapping[str, type[Writer]] | None) -> None:
    settings = get_settings(session)
    platform = plan.platform
    converter = RowConverter(plan.columns, len(source.columns), kind, settings.timezone,
                             platform is not None and platform.apostrophes)

    def warn(row: int, column: str, message: str) -> None:
        result.warning_count += 1
        if len(result.warnings) < MAX_WARNINGS:
            result.warnings.append(RowError(row, column, message))

    options = WriteOptions(guests=platform is not None and platform.guests,
                           addresses=platform is not None and platform.addresses,
                           lenient_phones=platform is not None, warn=warn)
    chosen: dict[str, type[Writer]] = {"customers": CustomerWriter, "orders": OrderWriter, "carts": CartWriter,
                                       "events": EventWriter, **dict(writers or {})}
    total = max(source.size, 1)
    reader: ReadAhead | None = None
    if source.file_type == "csv" and worth_a_process(source.path):
        # Started first: the process imports the project while the writer loads the customers.
        reader = ReadAhead(source.path, kind, plan.mapping, platform.name if platform else None,
                           result.decimal, settings.timezone)
        rows: Iterator[Converted] = reader.rows()
    else:
        rows = converter.read_ahead(source.rows)
    try:
        writer: Writer = chosen[kind](session, plan.by_target, settings.currency or "", options)
        for count, (number, parts, errors, continued) in enumerate(rows, start=1):
            result.rows += 1
            if count % PROGRESS_EVERY == 0:
                if cancel is not None and cancel():
                    raise ImportCancelled
                if progress is not None:
                    done = reader.position if reader else source.position[0] if source.file_type == "csv" else count
                    progress(done, total)
            if continued is not None and parts is not None and parts[0].get("id") != writer.continuing:
                if not isinstance(continued, list):
                    continue  # an item of the order above, which was refused (and reported)
                # an item row of a cart the writer left out: a row of its own
                number, parts, errors, _ = converter.convert(number, continued, writer.continuing)
            if errors:
                for error in errors:
                    _add_error(result, error)
                continue
            if parts is None:
                continue
            problem = writer.add(number, *parts, write=not result.error_count)
            if problem is not None:
                _add_error(result, RowError(number, *problem))
    finally:
        if reader is not None:
            reader.close()
    if not result.error_count:
        writer.finish()
        result.created, result.updated, result.unchanged = writer.created, writer.updated, writer.unchanged
        result.skipped, result.guests, result.not_purchases = writer.skipped, writer.guests, writer.not_purchases
    if progress is not None:
        progress(total, total)


def row_converter_for(path: Path, kind: str, mapping: Mapping[str, str], platform: str | None, decimal: str,
                      timezone: str) -> tuple[Source, RowConverter]:
    """The file and its rows' converter as the importing process has them, rebuilt from what it
    decided (the reading process of storage.import_reader)."""
    source = open_source(path)
    system = fmt.platform_named(platform) if platform else None
    plan = _plan(kind, source, mapping, system, decimal)
    if plan.mapping != dict(mapping):
        source.close()
        raise ImportProblem(f"{path}: the file changed while it was being imported; import it again")
    return source, RowConverter(plan.columns, len(source.columns), kind, timezone,
                                system is not None and system.apostrophes)


def _add_error(result: ImportResult, error: RowError) -> None:
    if result.last_bad_row != error.row or not result.bad_rows:
        result.bad_rows += 1
        result.last_bad_row = error.row
    result.error_count += 1
    if len(result.errors) < MAX_ERRORS:
        result.errors.append(error)


def _import_profiles(session: Session, source: Source, result: ImportResult, progress: Progress | None,
                     cancel: Callable[[], bool] | None) -> None:
    """§7 profiles, each through `profiles_repo.import_profile` (the simulator's own reader)."""
    from storage.profiles_repo import import_profile

    profiles = source.profiles or []
    first_of: dict[str, int] = {}  # customer id -> the profile that brought it
    for number, data in enumerate(profiles, start=1):
        result.rows += 1
        if cancel is not None and number % 200 == 0 and cancel():
            raise ImportCancelled
        if progress is not None and number % 200 == 0:
            progress(number, len(profiles))
        cid = data.get("customer", {}).get("id")
        if isinstance(cid, str | int) and not isinstance(cid, bool):
            first = first_of.setdefault(str(cid), number)
            if first != number:
                _add_error(result, RowError(number, "customer.id", f"customer {shown(str(cid))} is also in "
                                                                   f"profile {first}; one profile per customer"))
                continue
        existed = cid is not None and session.get(CustomerRow, str(cid)) is not None
        try:
            with session.begin_nested():
                import_profile(session, data)
        except (ProfileError, ValueError, TypeError) as exc:
            column, _, message = str(exc).partition(": ")
            if not message:
                column, message = "", column
            _add_error(result, RowError(number, column, message))
            continue
        if existed:
            result.updated += 1
        else:
            result.created += 1
        result.orders += len(data.get("orders") or [])
        result.events += len(data.get("events") or [])
    if progress is not None:
        progress(len(profiles), len(profiles))


def customer_ids(session: Session) -> set[str]:
    return set(session.scalars(select(CustomerRow.id)))
