"""`journey-builder validate FILE`: every problem as `<node-or-edge id>: <message>`.

Exit status 0 when the journey can run (warnings are listed but do not fail it), 1 when it
has errors, 2 when the file cannot be read as JSON at all.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import CliError
from app.commands._common import add_db_argument
from engine.fileformat import FileProblem, read_journey, read_json_file
from engine.validation import validate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a journey file and list every problem")
    p.add_argument("file", metavar="JOURNEY.json")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = read_json_file(args.file, "journey file")
    except FileProblem as exc:
        raise CliError(str(exc)) from None
    journey, problems = read_journey(data)
    if not any(p.is_error for p in problems if p.where == "journey" and p.message.startswith("format")):
        problems += validate(journey)
    errors = [p for p in problems if p.is_error]
    for problem in errors + [p for p in problems if not p.is_error]:
        print(problem)
    if errors:
        print(f"{args.file}: {len(errors)} error(s)", file=sys.stderr)
        return 1
    return 0
