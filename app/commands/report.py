"""`journey-builder report NAME` and `pick-variant NAME NODE VARIANT` (docs/cli.md): what a
journey earned, from the shop's own outbox and orders, and ending an A/B test.

The figures follow docs/attribution.md (engine/attribution.py is the rule, storage/
attribution_repo.py runs it as SQL); the text and JSON shapes are engine/journey_report.py's,
the same the report dialog shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument, open_db
from engine.attribution import AttributionError
from engine.timeutil import TimeFormatError, parse_moment
from storage import journeys_repo
from storage.errors import StorageError
from storage.report_repo import journey_report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="what a journey earned: revenue per message, holdout and A/B tests")
    p.add_argument("name", metavar="NAME", help="the journey's name")
    p.add_argument("--since", metavar="DATE", help="count messages sent from this day or moment on (default: all)")
    p.add_argument("--until", metavar="DATE", help="and before this one (default: now)")
    p.add_argument("--window", metavar="DURATION",
                   help="how long after a message an order counts for it (default: the shop's setting, P1D)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_db_argument(p)
    p.set_defaults(handler=report)

    p = sub.add_parser("pick-variant", help="end an A/B test: the variant every customer gets from now on")
    p.add_argument("name", metavar="NAME", help="the journey's name")
    p.add_argument("node", metavar="NODE", help="the message node with the A/B test")
    p.add_argument("variant", metavar="VARIANT", help="the winning variant's name")
    add_db_argument(p)
    p.set_defaults(handler=pick_variant)


def _moment(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text)
    except TimeFormatError as exc:
        raise CliError(f"{option}: {exc}") from None


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def report(args: argparse.Namespace) -> int:
    since, until = _moment(args.since, "--since"), _moment(args.until, "--until")
    if since is not None and until is not None and until <= since:
        raise CliError("--until must be after --since")
    with open_db(args) as db:
        try:
            with db.read() as session:
                result = journey_report(session, args.name, since=since, until=until, window=args.window)
        except AttributionError as exc:
            raise CliError(f"--{exc}" if args.window else str(exc)) from None
        except StorageError as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.path}: cannot read the figures ({_reason(exc)})") from None
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.to_text())
    return 0


def pick_variant(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        try:
            with db.transaction() as session:
                saved = journeys_repo.pick_variant(session, args.name, args.node, args.variant,
                                                   why="picked by the shop owner")
        except StorageError as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.path}: cannot store the new version ({_reason(exc)})") from None
    state = "live" if saved.status == "live" else "a draft"
    print(f"{args.name}: variant {args.variant} of {args.node} is in version {saved.number} ({state})")
    return 0
