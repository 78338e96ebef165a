"""`import-journey FILE` and `export-journey NAME FILE` (docs/cli.md): journey files in and out of
the shop database.

An import is checked whole before the database is touched and stored in one transaction, so
a bad file leaves nothing behind; every failure is one line naming the file and the fault.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument, open_db
from engine.fileformat import FileProblem, read_json_file, write_json_file
from engine.journey_tests import JourneyTestError
from engine.problems import JourneyError
from storage import journeys_repo
from storage.errors import StorageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-journey", help="store a journey file as a draft in the shop database")
    p.add_argument("file", metavar="FILE", help="a journey-builder/1 JSON file")
    add_db_argument(p)
    p.set_defaults(handler=import_journey)

    p = sub.add_parser("export-journey", help="write a journey from the shop database to a file")
    p.add_argument("name", metavar="NAME", help="the journey's name")
    p.add_argument("file", metavar="FILE", help="where to write the JSON file")
    add_db_argument(p)
    p.set_defaults(handler=export_journey)



def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def import_journey(args: argparse.Namespace) -> int:
    try:
        data = read_json_file(args.file, "journey file")
    except FileProblem as exc:
        raise CliError(str(exc)) from None
    with open_db(args) as db:
        try:
            with db.transaction() as session:
                journeys_repo.import_journey(session, data, source=args.file)
                name = data["name"]
        except (JourneyError, JourneyTestError) as exc:
            raise CliError(str(exc)) from None
        except StorageError as exc:
            raise CliError(f"{args.file}: {exc}") from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.location}: cannot store the journey ({_reason(exc)})") from None
    print(name)
    return 0


def export_journey(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        try:
            with db.read() as session:
                data = journeys_repo.export_journey(session, args.name)
        except StorageError as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.location}: cannot read the journey ({_reason(exc)})") from None
    target = Path(args.file)
    try:
        write_json_file(data, target)
    except OSError as exc:
        raise CliError(f"{target}: cannot write the journey file ({exc.strerror or exc})") from None
    return 0
