"""Reading an import file into header + rows, whatever shape it came in.

CSV (comma, semicolon or tab, as Excel, Shopify and PrestaShop write them, UTF-8 with or
without BOM, or the Windows code page older exports use), a JSON list of flat records, JSON
Lines, or the profile files of spec §7 (one profile or a list). Nothing here touches the
database, so the wizard's preview and the import read a file exactly the same way.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from engine.values import ValueProblem, parse_json
from storage.errors import StorageError

SNIFF_DELIMITERS = (",", ";", "\t", "|")

# What an import file may be (docs/input-limits.md). CSV is streamed row by row, so it may be
# large; JSON has to be parsed whole, so it may be smaller. A line past MAX_LINE, or a field
# past the csv module's own limit (131,072 characters), is no export's doing: it is a quote
# never closed, or not a CSV file at all.
MAX_CSV_BYTES = 1024**3
MAX_JSON_BYTES = 256 * 1024**2
MAX_LINE = 1_000_000
_CHUNK = 1024 * 1024
_NOT_CP1252 = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")  # bytes Windows-1252 leaves undefined


class ImportProblem(StorageError):
    """The file as a whole cannot be imported (unreadable, not CSV or JSON, a needed column missing)."""


@dataclass
class Source:
    """A file read: its columns and an iterator of (row number, cells by column)."""

    path: Path
    file_type: str  # "csv", "json", "profiles"
    columns: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # cells in the order of `columns` (a CSV row may have more)
    size: int  # characters (JSON: records), for progress
    position: list[int] = field(default_factory=lambda: [0])  # characters read so far
    profiles: list[Any] | None = None
    delimiter: str = ","
    stream: IO[str] | None = None  # the open CSV file, closed by `close`
    encoding: str = "utf-8"

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


@dataclass
class _Scan:
    encoding: str
    size: int  # bytes
    kind: str  # "csv" or "json"
    head: str  # the first characters, decoded (for the delimiter)
    data: bytes | None  # the whole file, for JSON only


_SNIFF_BYTES = 4 * _CHUNK  # what charset-normalizer looks at when a file is not UTF-8


def _scan(path: Path) -> _Scan:
    """Reads the file once in chunks, never whole: refuses it at a NUL byte (a binary file,
    /dev/zero) or past its size limit, and finds its encoding — UTF-8 (with or without BOM),
    UTF-16 with a BOM (Excel's "Unicode text"), or else whatever charset-normalizer makes of
    it (Windows-1252 from an older Excel, Windows-1251 from a Russian one, Mac Roman…)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    utf8, utf16 = True, False
    size, kind, head = 0, "", ""
    kept: list[bytes] = []
    sample = bytearray()
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                if size == 0 and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    utf16, utf8 = True, False
                    decoder = codecs.getincrementaldecoder("utf-16")()
                if not utf16 and b"\0" in chunk:
                    raise ImportProblem(f"{path}: not a text file (it contains NUL bytes); expected CSV or JSON")
                size += len(chunk)
                if len(sample) < _SNIFF_BYTES:
                    sample += chunk[:_SNIFF_BYTES - len(sample)]
                text = ""
                if utf8 or utf16:
                    try:
                        text = decoder.decode(chunk)
                    except UnicodeDecodeError:
                        if utf16:
                            raise ImportProblem(f"{path}: not readable as UTF-16 text") from None
                        utf8 = False
                if not kind and text:
                    stripped = text.lstrip()
                    if stripped:
                        kind = "json" if stripped[0] in "[{" else "csv"
                        head = stripped[:_CHUNK]
                limit = MAX_JSON_BYTES if kind == "json" else MAX_CSV_BYTES
                if size > limit:
                    what = "a JSON import file" if kind == "json" else "an import file"
                    raise ImportProblem(f"{path}: larger than {_size(limit)}, the most {what} may be; "
                                        "split it into several files")
                if kind in ("json", ""):
                    kept.append(chunk)
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    encoding = "utf-8-sig" if utf8 else "utf-16" if utf16 else _sniff(path, bytes(sample))
    if not utf8 and not utf16:
        text = bytes(sample).decode(encoding, errors="replace")
        stripped = text.lstrip()
        kind = "json" if stripped[:1] in ("[", "{") else "csv" if stripped else ""
        head = stripped[:_CHUNK]
        if kind == "json" and not kept:
            kept = [path.read_bytes()]
    if not kind:
        raise ImportProblem(f"{path}: the file is empty")
    return _Scan(encoding, size, kind, head, b"".join(kept) if kind == "json" else None)


# The code pages shop exports come in besides UTF: Excel's and the back offices' in Western and
# Central Europe and the Americas, and the Cyrillic ones. Asking charset-normalizer among these
# only keeps a short file from being taken for a far-fetched Asian double-byte encoding.
_CODE_PAGES = ["cp1252", "cp1251", "cp1250", "cp1257", "cp1254", "iso8859_15", "iso8859_2", "koi8_r", "mac_roman",
               "cp850", "cp866"]


def _sniff(path: Path, sample: bytes) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(sample, cp_isolation=_CODE_PAGES))
    best = results[0] if results else None
    if best is not None:
        # Equally plausible byte-wise (a short file): the one whose letters make a language wins.
        tied = [r for r in results if r.chaos <= best.chaos and r.language != "Unknown"]
        best = tied[0] if tied else best
    if best is None:
        raise ImportProblem(f"{path}: not a text file (no text encoding fits it); expected CSV or JSON")
    found = codecs.lookup(best.encoding).name
    # Where Windows' Western code page reads the very same text (ü, ö and € are the same bytes in
    # cp1250 and cp1252), name that one: it is what Excel wrote, and what the owner will recognise.
    if found != "cp1252" and found in _SINGLE_BYTE:
        try:
            if sample.decode("cp1252") == sample.decode(found):
                return "cp1252"
        except UnicodeDecodeError:
            pass
    return found


_SINGLE_BYTE = frozenset(codecs.lookup(page).name for page in _CODE_PAGES if page not in ("cp1252",))


def _size(limit: int) -> str:
    return f"{limit // 1024**2:,} MB" if limit >= 1024**2 else f"{limit:,} bytes"


def open_source(path: str | Path) -> Source:
    """The file, read lazily where it is CSV; JSON is parsed whole (it has to be). Call
    `close()` on the result when done."""
    path = Path(path)
    if path.is_dir():
        raise ImportProblem(f"{path}: is a folder, not a file")
    scan = _scan(path)
    if scan.kind == "json":
        try:
            text = (scan.data or b"").decode(scan.encoding)
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"{path}: not readable as {scan.encoding} ({exc.reason})") from None
        source = _json_source(path, text)
    else:
        source = _csv_source(path, scan)
    source.encoding = scan.encoding
    return source


class _LineTooLong(Exception):
    """Raised by the line reader, turned into an ImportProblem naming the row."""


def _csv_source(path: Path, scan: _Scan) -> Source:
    first_line = scan.head.split("\n", 1)[0]
    delimiter = max(SNIFF_DELIMITERS, key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    try:
        stream = path.open(encoding=scan.encoding, newline="")
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    position = [0]
    ended_with_newline = [True]

    def lines() -> Iterator[str]:
        # readline with a limit: a file without newlines (or /dev/zero) is never read whole.
        while line := stream.readline(MAX_LINE + 1):
            if len(line) > MAX_LINE:
                raise _LineTooLong
            position[0] += len(line)
            ended_with_newline[0] = line.endswith(("\n", "\r"))
            yield line

    # strict: a quote never closed is an error at the end of the data, not a field that
    # silently swallows every row after it.
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        stream.close()
        raise ImportProblem(f"{path}: no header row") from None
    except (csv.Error, _LineTooLong) as exc:
        stream.close()
        raise ImportProblem(f"{path}: row 1: {_csv_reason(exc)}") from None
    except UnicodeDecodeError as exc:
        stream.close()
        raise ImportProblem(f"{path}: row 1: not readable as {scan.encoding} ({exc.reason})") from None
    # One line each: a header cell may hold a quoted line break, and the names reach messages.
    columns = _unique([" ".join(c.replace("\ufeff", "").split()) for c in header])
    if not any(columns):
        stream.close()
        raise ImportProblem(f"{path}: the first row must name the columns")

    width = len(columns)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        """Rows, one behind the reader: the last one is checked for a cut-off file first."""
        number = 1
        held: tuple[int, list[Any]] | None = None
        try:
            for cells in reader:
                number += 1
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue
                if held is not None:
                    yield held
                held = (number, cells)
            if held is not None:
                if not ended_with_newline[0] and len(held[1]) < width:
                    raise ImportProblem(
                        f"{path}: row {held[0]}: the file ends in the middle of this row ({len(held[1])} of "
                        f"{width} columns); it looks cut off — export it again")
                yield held
        except (csv.Error, _LineTooLong) as exc:
            raise ImportProblem(f"{path}: row {number + 1}: {_csv_reason(exc)}") from None
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"{path}: row {number + 1}: not readable as {scan.encoding} ({exc.reason}); "
                                "save the file as CSV UTF-8") from None
        finally:
            stream.close()

    return Source(path, "csv", columns, rows(), max(scan.size, 1), position, delimiter=delimiter, stream=stream)


def _csv_reason(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, _LineTooLong):
        return f"a line longer than {MAX_LINE:,} characters (not a CSV file, or a quote that is never closed)"
    if "field larger than field limit" in text:
        return (f"a field longer than {csv.field_size_limit():,} characters, or a quote that opens in this "
                "row and is never closed")
    if "unexpected end of data" in text:
        return "a quote that opens in this row is never closed (the file ends inside a quoted field)"
    return f"not readable as CSV ({text})"


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, c in enumerate(columns):
        name = c or f"column {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


_PROFILE_KEYS = frozenset({"customer", "orders", "events"})


# Keys only a platform's customer record has: Shopify's answer for one customer is
# {"customer": {…}} too, shaped like a profile holding nothing but its customer.
_PLATFORM_CUSTOMER_KEYS = frozenset({"admin_graphql_api_id", "accepts_marketing", "default_address", "addresses",
                                     "email_marketing_consent", "orders_count", "verified_email", "total_spent",
                                     "date_created", "is_paying_customer", "_links", "billing", "avatar_url"})


def is_profile(item: Any) -> bool:
    """A §7 profile: a customer with their orders and events, and nothing else (a Shopify order
    has a `customer` too, beside dozens of keys of its own; Shopify's answer for one customer
    is a lone `customer` that is a Shopify record)."""
    if not (isinstance(item, Mapping) and isinstance(item.get("customer"), Mapping) and set(item) <= _PROFILE_KEYS):
        return False
    return set(item) != {"customer"} or not _PLATFORM_CUSTOMER_KEYS.intersection(item["customer"])


def _one_record(data: Mapping[str, Any]) -> list[Any] | None:
    """A single record: a platform's answer for one (Shopify's {"order": {…}}, WooCommerce's bare
    object) is a file of one row."""
    if len(data) == 1:
        (inner,) = data.values()
        if isinstance(inner, Mapping) and ("id" in inner or "email" in inner):
            return [inner]
    if "id" in data or "email" in data:
        return [data]
    return None


def _json_source(path: Path, content: str) -> Source:
    try:
        data = parse_json(content, str(path))
    except ValueProblem as exc:
        if not isinstance(exc.__cause__, json.JSONDecodeError):
            raise ImportProblem(str(exc)) from None
        data = _json_lines(path, content, exc)
    if isinstance(data, Mapping) and not is_profile(data):
        if {"draft_orders", "draft_order"} & set(data):
            raise ImportProblem(f"{path}: holds Shopify draft orders, which nobody has bought yet; import the "
                                "orders instead")
        records = unwrap(data)
        data = records if records is not None else _one_record(data)
        if data is None:
            raise ImportProblem(f"{path}: a JSON object must be a profile with a 'customer' (spec §7), or hold "
                                "one list of records (like Shopify's {\"customers\": […]}); for several records "
                                "use a list")
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list):
        raise ImportProblem(f"{path}: expected a JSON list of records or profiles")
    if data and all(is_profile(item) for item in data):
        return Source(path, "profiles", [], iter(()), len(data), profiles=data)
    columns: list[str] = []
    known: set[str] = set()
    flat: list[tuple[int, dict[str, Any]]] = []  # made into cell lists once all columns are known
    for number, item in enumerate(data, start=1):
        if not isinstance(item, Mapping):
            raise ImportProblem(f"{path}: row {number}: expected an object, got {type(item).__name__}")
        if is_profile(item):
            raise ImportProblem(f"{path}: row {number}: profiles and plain records cannot be mixed")
        record = flatten(item)
        for key in record:
            if key not in known:
                known.add(key)
                columns.append(key)
        flat.append((number, record))
    rows = ((number, [record.get(c) for c in columns]) for number, record in flat)
    return Source(path, "json", columns, rows, len(flat))


def _json_lines(path: Path, content: str, error: ValueProblem) -> list[Any]:
    """JSON Lines: one record a line; the whole-file error is the one shown when line 1 is not."""
    items: list[Any] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(parse_json(line, f"{path}: line {number}"))
        except ValueProblem as exc:
            if isinstance(exc.__cause__, json.JSONDecodeError):
                raise ImportProblem(str(error)) from None
            raise ImportProblem(str(exc)) from None
        if number == 1 and not isinstance(items[0], Mapping):
            raise ImportProblem(str(error))
    return items


_DROPPED = frozenset({"_links", "links"})  # REST hypermedia (WooCommerce, WordPress): no customer data


def unwrap(data: Mapping[str, Any]) -> list[Any] | None:
    """The records of an API answer: Shopify REST's {"customers": […]}, an Admin GraphQL
    {"data": {"orders": {"nodes": […]}}} (or its edges), a {"data": […]}; None when the object
    holds no one list of records."""
    inner: Any = data
    for _ in range(4):
        if isinstance(inner, list):
            return [e["node"] if isinstance(e, Mapping) and isinstance(e.get("node"), Mapping) else e for e in inner]
        if not isinstance(inner, Mapping):
            return None
        for key in ("nodes", "edges"):
            if isinstance(inner.get(key), list):
                inner = inner[key]
                break
        else:
            lists = [v for k, v in inner.items() if isinstance(v, list | Mapping) and k not in ("extensions", "errors")]
            if len(lists) != 1:
                return None
            inner = lists[0]
    return None


def flatten(item: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted columns: {"consent": {"email": true}} → {"consent.email": true},
    WooCommerce's {"billing": {"city": …}} → {"billing.city": …}, so a record reads like a CSV
    row. Lists stay whole (line items); `_links` is dropped."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        key = str(key)
        if key in _DROPPED:
            continue
        if isinstance(value, Mapping) and not prefix.startswith("properties."):
            # a custom property's own object stays one value (spec §7 keeps it so)
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def records_source(name: str, records: list[Mapping[str, Any]]) -> Source:
    """Records already in memory (a connector's page) as a Source the importer reads like a file."""
    columns: list[str] = []
    known: set[str] = set()
    flat = []
    for number, item in enumerate(records, start=1):
        record = flatten(item)
        for key in record:
            if key not in known:
                known.add(key)
                columns.append(key)
        flat.append((number, record))
    rows = ((number, [record.get(c) for c in columns]) for number, record in flat)
    return Source(Path(name), "json", columns, rows, len(flat))


def sample(source: Source, n: int = 20) -> list[list[Any]]:
    """The first n rows (for the wizard's preview), as many cells as there are columns."""
    out = []
    width = len(source.columns)
    for _, cells in source.rows:
        out.append((list(cells) + [None] * width)[:width])
        if len(out) >= n:
            break
    return out
