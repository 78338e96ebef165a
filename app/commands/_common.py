"""What several subcommands share: the `--db` option and reading files with clear errors."""

from __future__ import annotations

import argparse


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """`--db` after the subcommand too; SUPPRESS keeps a global `--db` given before it."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the shop database (default: the user data folder; also JOURNEY_BUILDER_DB)")
