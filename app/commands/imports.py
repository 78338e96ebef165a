"""`journey-builder import customers|orders|carts|events FILE` (docs/cli.md, docs/importing.md).

CSV with a header row (the exports of Shopify, WooCommerce and PrestaShop are recognised by
their column names) or JSON (a list of records, a platform's API answer, or profile files as
docs/journey-format.md describes them). All or nothing: on any bad row nothing is stored,
every bad row is printed to standard error as "row 14, column birthdate: '31/02/1990' is not
a date" (rows counted as a spreadsheet does, the header being row 1) and the exit status is 2.
On success one summary line: "imported 1,204 customers (37 updated)". With --dry-run nothing
is stored: it prints what each column is read as, the rows it would import and the first
problems, so the mapping can be fixed with --map before the real import.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument
from storage import import_formats
from storage.database import DatabaseProblem, open_database
from storage.importers import ImportProblem, ImportResult, import_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import customers, orders or events from a CSV or JSON file",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=import_formats.KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE", help="a CSV file with a header row, or a JSON file")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="read COLUMN as FIELD (e.g. 'Kundennummer=id', 'Notiz=properties.note', "
                        "'Fax=ignore'); may be repeated")
    p.add_argument("--dry-run", action="store_true",
                   help="store nothing: print the column mapping, the row counts and the first problems")
    p.add_argument("--decimal", choices=("auto", ",", "."), default="auto",
                   help="the decimal mark of the file's money: ',' (1.234,50) or '.' (1,234.50); "
                        "auto: as the platform writes it, else ',' for a ';' file")
    add_db_argument(p)
    p.set_defaults(handler=run_import)


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        if not sep or not column.strip() or not target.strip():
            raise CliError(f"--map {pair!r}: expected COLUMN=FIELD")
        mapping[column.strip()] = target.strip()
    return mapping


def run_import(args: argparse.Namespace) -> int:
    mapping = _mapping(args.map)
    try:
        db = open_database(getattr(args, "db", None))
    except DatabaseProblem as exc:
        raise CliError(str(exc)) from None
    progress = _progress if sys.stderr.isatty() else None
    with db:
        try:
            result = import_file(db, args.kind, args.file, mapping=mapping or None, progress=progress,
                                 dry_run=args.dry_run, decimal=args.decimal)
        except ImportProblem as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise CliError(f"{db.location}: cannot store the {args.kind} ({reason})") from None
    if progress is not None:
        sys.stderr.write("\r\033[K")
    if args.dry_run:
        return _report(args, result)
    _notes(args.file, result)
    if result.ok:
        _unknown(args.file, result, mapping)
    if not result.ok:
        for error in result.errors:
            print(f"{args.file}: {error}", file=sys.stderr)
        hidden = result.error_count - len(result.errors)
        if hidden > 0:
            print(f"{args.file}: … and {hidden:,} more problems", file=sys.stderr)
        print(f"journey-builder: {result.summary()}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


FIRST = 10  # problems and notes a dry run shows


def _report(args: argparse.Namespace, result: ImportResult) -> int:
    """The dry run: how the file is read, what it would bring, what is wrong with it."""
    out = sys.stdout
    if result.mapping:
        print(f"{args.file}: {result.format_name} {args.kind} export; encoding {result.encoding}, "
              f"delimiter {result.delimiter!r}, decimal mark {result.decimal!r}", file=out)
        labels = dict(import_formats.field_choices(args.kind))
        width = min(36, max(len(c) for c in result.mapping))
        unknown = set(result.unknown)
        for column, target in result.mapping.items():
            if target == import_formats.SECRET:
                meaning = "refused: passwords or keys are never imported"
            elif target == import_formats.IGNORE:
                meaning = "ignored" + (" (unknown column)" if column in unknown else "")
            elif target.startswith(import_formats.PROPERTY_PREFIX):
                meaning = f"custom property {target[len(import_formats.PROPERTY_PREFIX):]}" + (
                    " (unknown column)" if column in unknown else "")
            else:
                meaning = f"{target} ({labels.get(target, target)})"
            print(f"  {column:<{width}}  → {meaning}", file=out)
    else:
        print(f"{args.file}: {result.format_name}", file=out)
    print(f"rows: {result.rows:,}; {result.summary()}", file=out)
    if result.errors:
        print(f"problems ({result.error_count:,}; the first {min(FIRST, len(result.errors))}):", file=out)
        for error in result.errors[:FIRST]:
            print(f"  {error}", file=out)
    if result.warnings:
        print(f"notes ({result.warning_count:,}):", file=out)
        for warning in result.warnings[:FIRST]:
            print(f"  {warning}", file=out)
    print("nothing was stored (--dry-run)", file=out)
    return 0 if result.ok else 2


def _notes(path: str, result: ImportResult) -> None:
    """What was read but not quite as written: notes, refused columns, unknown columns."""
    for warning in result.warnings[:FIRST]:
        print(f"{path}: note: {warning}", file=sys.stderr)
    if result.warning_count > FIRST:
        print(f"{path}: … and {result.warning_count - FIRST:,} more notes", file=sys.stderr)
    if result.refused:
        print(f"{path}: note: not imported, as passwords and keys never are: {', '.join(result.refused)}",
              file=sys.stderr)


def _unknown(path: str, result: ImportResult, mapping: dict[str, str]) -> None:
    """Columns neither the platform nor our words know (and not mapped with --map): said, so a
    column read wrongly can be fixed with --map and the file imported again."""
    unknown = [c for c in result.unknown if c not in mapping and c in result.mapping]
    kept = [f"{c} (as {result.mapping[c][len(import_formats.PROPERTY_PREFIX):]})" for c in unknown
            if result.mapping[c].startswith(import_formats.PROPERTY_PREFIX)]
    left = [c for c in unknown if result.mapping[c] == import_formats.IGNORE]
    if kept:
        print(f"{path}: note: columns we do not know, kept as custom properties: {_some(kept)}", file=sys.stderr)
    if left:
        print(f"{path}: note: columns we do not know, left out: {_some(left)}", file=sys.stderr)


def _some(names: list[str], first: int = 12) -> str:
    """A platform's records flatten into a hundred fields; the first few say enough."""
    shown = ", ".join(names[:first])
    return shown + (f" and {len(names) - first:,} more (--dry-run lists them)" if len(names) > first else "")


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rimporting: {100 * done // max(total, 1)} %")
    sys.stderr.flush()
