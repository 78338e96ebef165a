"""`journey-builder test JOURNEY [--db PATH]`: re-run a journey's tests headless (CI, a hook).

JOURNEY is a journey file (its tests are under the optional `"tests"` key) or the name of a
journey in the shop database (its saved tests run against its latest version). One line per
test, PASS or FAIL with the first difference, then a summary; exit 0 when all pass, 1 when
any fails, 2 on bad input, as `validate` and `simulate` do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument
from engine.compiled import CompiledJourney
from engine.fileformat import FileProblem, journey_from_dict, read_json_file
from engine.journey_tests import JourneyTest, JourneyTestError, read_tests, run_test
from engine.model import Journey
from engine.problems import JourneyError
from engine.runner import RunOptions
from engine.shop_options import run_options
from storage import journey_tests_repo, journeys_repo, segments_repo
from storage.database import DatabaseProblem, open_database
from storage.errors import NotFound, StorageError
from storage.run_options import shop_run_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("test", help="run a journey's tests (from its file or the shop database)")
    p.add_argument("journey", metavar="JOURNEY",
                   help="a journey file with a \"tests\" list, or the name of a journey in the database")
    add_db_argument(p)
    p.set_defaults(handler=run)


def _from_file(path: Path) -> tuple[Journey, list[JourneyTest], RunOptions, dict]:
    try:
        data = read_json_file(path, "journey file")
        journey = journey_from_dict(data, str(path))
        tests = read_tests(data, str(path))
    except FileProblem as exc:
        raise CliError(str(exc)) from None
    except JourneyError as exc:
        raise CliError(f"{path}: invalid journey: {exc.problems[0]}") from None
    except JourneyTestError as exc:
        raise CliError(str(exc)) from None
    return journey, tests, run_options(), {}


def _from_database(name: str, db_path: str | None) -> tuple[Journey, list[JourneyTest], RunOptions, dict]:
    try:
        db = open_database(db_path)
    except DatabaseProblem as exc:
        raise CliError(str(exc)) from None
    with db:
        try:
            with db.read() as session:
                journey = journeys_repo.load_journey(session, name)
                tests = journey_tests_repo.list_tests_by_name(session, name)
                options = shop_run_options(session)
                segments = segments_repo.segment_rules(session)
        except NotFound:
            raise CliError(f"no journey file or journey in {db.location} named '{name}'") from None
        except StorageError as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise CliError(f"{db.location}: cannot read the journey tests ({reason})") from None
    return journey, tests, options, segments


def run(args: argparse.Namespace) -> int:
    target = args.journey
    path = Path(target)
    if path.is_file():
        journey, tests, options, segments = _from_file(path)
    elif path.suffix.lower() == ".json":
        raise CliError(f"{path}: no such journey file")
    else:
        journey, tests, options, segments = _from_database(target, getattr(args, "db", None))
    if not tests:
        raise CliError(f"{target}: the journey has no tests (record one in the simulator, "
                       "or add a \"tests\" list to the file)")
    try:
        compiled = CompiledJourney(journey, shop_segments=segments)
    except (JourneyError, ValueError) as exc:
        raise CliError(f"{target}: the journey cannot run: {exc}") from None
    failed = 0
    for test in tests:
        result = run_test(compiled, test, options)
        if result.passed:
            print(f"PASS  {test.name}")
        else:
            failed += 1
            print(f"FAIL  {test.name}: {result.first_difference}")
    passed = len(tests) - failed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
