"""`journey-builder history NAME` (docs/cli.md): a journey's versions, oldest first, with the
note of those no person drew (an A/B test's winner, picked by the owner or the session)."""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument, open_db
from engine.timeutil import format_moment
from storage import journeys_repo
from storage.errors import StorageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help="a journey's versions: when each was made and went live, and why")
    p.add_argument("name", metavar="NAME", help="the journey's name")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_db_argument(p)
    p.set_defaults(handler=history)


def _moment(value) -> str:
    return format_moment(value)[:16].replace("T", " ") if value is not None else "–"


def history(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        try:
            with db.read() as session:
                entries = journeys_repo.version_history(session, args.name)
        except StorageError as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise CliError(f"{db.path}: cannot read the journey's history ({reason})") from None
    if args.format == "json":
        json.dump({"journey": args.name, "versions": [
            {"number": e.number, "status": e.status, "created_at": format_moment(e.created_at),
             "published_at": format_moment(e.published_at) if e.published_at is not None else None,
             "note": e.note} for e in entries]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    table = [["version", "status", "made (UTC)", "live from (UTC)", "note"]]
    table += [[str(e.number), e.status, _moment(e.created_at), _moment(e.published_at), e.note or ""]
              for e in entries]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for n, row in enumerate(table):
        cells = [row[0].rjust(widths[0])] + [c.ljust(w) for c, w in zip(row[1:4], widths[1:], strict=True)]
        print("  ".join([*cells, row[4]]).rstrip())
        if n == 0:
            print("  ".join(["-" * w for w in widths] + ["----"]))
    return 0
