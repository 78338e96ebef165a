"""`journey-builder import customers|orders|events FILE` (docs/cli.md).

CSV with a header row (the exports of Shopify, WooCommerce and PrestaShop are recognised by
their column names) or JSON (a list of records, or profile files as docs/journey-format.md
describes them). All or nothing: on any bad row nothing is stored, every bad row is printed
to standard error as "row 14, column birthdate: '31/02/1990' is not a date" (rows counted as
a spreadsheet does, the header being row 1) and the exit status is 2. On success one summary
line: "imported 1,204 customers (37 updated)".
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument
from storage import import_formats
from storage.database import DatabaseProblem, open_database
from storage.importers import ImportProblem, import_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import customers, orders or events from a CSV or JSON file",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=import_formats.KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE", help="a CSV file with a header row, or a JSON file")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="read COLUMN as FIELD (e.g. 'Kundennummer=id', 'Notiz=properties.note', "
                        "'Fax=ignore'); may be repeated")
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
            result = import_file(db, args.kind, args.file, mapping=mapping or None, progress=progress)
        except ImportProblem as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise CliError(f"{db.location}: cannot store the {args.kind} ({reason})") from None
    if progress is not None:
        sys.stderr.write("\r\033[K")
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


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rimporting: {100 * done // max(total, 1)} %")
    sys.stderr.flush()
