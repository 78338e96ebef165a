"""What several subcommands share: the `--db` option and opening the shop database."""

from __future__ import annotations

import argparse


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """`--db` after the subcommand too; SUPPRESS keeps a global `--db` given before it."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the shop database (default: the user data folder; also JOURNEY_BUILDER_DB)")


def open_db(args: argparse.Namespace):
    """The shop database the command names, or one clear line (exit 2) when it can't be used.

    storage is imported here, not at the top, so `validate` and `simulate` start without it.
    """
    from app.cli import CliError
    from storage.database import DatabaseProblem, open_database

    try:
        return open_database(getattr(args, "db", None))
    except DatabaseProblem as exc:
        raise CliError(str(exc)) from None
