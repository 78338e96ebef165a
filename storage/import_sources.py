"""Reading an import file into header + rows, whatever shape it came in.

CSV (comma, semicolon or tab, as Excel, Shopify and PrestaShop write them, UTF-8 with or
without BOM, or the Windows code page older exports use), a JSON list of flat records, JSON
Lines, or the profile files of spec §7 (one profile or a list). Nothing here touches the
database, so the wizard's preview and the import read a file exactly the same way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.errors import StorageError

SNIFF_DELIMITERS = (",", ";", "\t", "|")


class ImportProblem(StorageError):
    """The file as a whole cannot be imported (unreadable, not CSV or JSON, a needed column missing)."""


@dataclass
class Source:
    """A file read: its columns and an iterator of (row number, cells by column)."""

    path: Path
    file_type: str  # "csv", "json", "profiles"
    columns: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # cells in the order of `columns` (a CSV row may have more)
    size: int  # characters, for progress
    position: list[int] = field(default_factory=lambda: [0])  # characters read so far
    profiles: list[Any] | None = None
    delimiter: str = ","


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(f"{path}: not a text file (neither UTF-8 nor Windows-1252)")  # pragma: no cover


def open_source(path: str | Path) -> Source:
    """The file, read lazily where it is CSV; JSON is parsed whole (it has to be)."""
    path = Path(path)
    if path.is_dir():
        raise ImportProblem(f"{path}: is a folder, not a file")
    content = _decode(path)
    stripped = content.lstrip()
    if not stripped:
        raise ImportProblem(f"{path}: the file is empty")
    if stripped[0] in "[{":
        return _json_source(path, content)
    return _csv_source(path, content)


def _csv_source(path: Path, content: str) -> Source:
    first_line = content.split("\n", 1)[0]
    delimiter = max(SNIFF_DELIMITERS, key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    stream = io.StringIO(content)
    position = [0]

    def lines() -> Iterator[str]:
        for line in stream:
            position[0] += len(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ImportProblem(f"{path}: no header row ({exc})") from None
    columns = _unique([c.replace("\ufeff", "").strip() for c in header])
    if not any(columns):
        raise ImportProblem(f"{path}: the first row must name the columns")

    def rows() -> Iterator[tuple[int, list[Any]]]:
        number = 1
        try:
            for cells in reader:
                number += 1
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue
                yield number, cells
        except csv.Error as exc:
            raise ImportProblem(f"{path}: row {number + 1}: not readable as CSV ({exc})") from None

    return Source(path, "csv", columns, rows(), len(content), position, delimiter=delimiter)


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


def is_profile(item: Any) -> bool:
    return isinstance(item, Mapping) and isinstance(item.get("customer"), Mapping)


def _json_source(path: Path, content: str) -> Source:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        data = _json_lines(path, content, exc)
    if isinstance(data, Mapping):
        if not is_profile(data):
            raise ImportProblem(f"{path}: a JSON object must be a profile with a 'customer' (spec §7); "
                                "for several records use a list")
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


def _json_lines(path: Path, content: str, error: json.JSONDecodeError) -> list[Any]:
    items = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError:
            raise ImportProblem(f"{path}: not valid JSON (line {error.lineno}: {error.msg})") from None
        if number == 1 and not isinstance(items[0], Mapping):
            raise ImportProblem(f"{path}: not valid JSON (line {error.lineno}: {error.msg})")
    return items


_NESTED = ("consent", "properties", "location")


def flatten(item: Mapping[str, Any]) -> dict[str, Any]:
    """{"consent": {"email": true}} → {"consent.email": true}: a §7 customer reads like a CSV row."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in _NESTED and isinstance(value, Mapping):
            for sub, inner in value.items():
                out[f"{key}.{sub}"] = inner
        else:
            out[str(key)] = value
    return out


def sample(source: Source, n: int = 20) -> list[list[Any]]:
    """The first n rows (for the wizard's preview), as many cells as there are columns."""
    out = []
    width = len(source.columns)
    for _, cells in source.rows:
        out.append((list(cells) + [None] * width)[:width])
        if len(out) >= n:
            break
    return out
