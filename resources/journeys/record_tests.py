"""Re-records the walk-through tests the gallery journeys ship with, in all four languages.

Every gallery file carries, under `"tests"`, hand-made customers walking the path its scenario
describes, with the steps the engine takes for them; `journey-builder test FILE` replays
them. The English file holds the customers; the German, Russian and Spanish files carry the
same tests (same ids, structure and timings, so the same steps). After a deliberate change
of the engine or a journey, run

    .venv/bin/python resources/journeys/record_tests.py          # re-record and write
    .venv/bin/python resources/journeys/record_tests.py --check  # only say what would change

and read the diff before committing it: a changed expectation is a changed behaviour.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from engine.fileformat import journey_from_dict  # noqa: E402
from engine.journey_tests import TESTS_KEY, read_tests, record_test  # noqa: E402
from engine.shop_options import run_options  # noqa: E402

LANGUAGES = ("de", "ru", "es")


def recorded(path: Path) -> list[dict]:
    """The tests of the English file, with their expected steps recorded afresh."""
    data = json.loads(path.read_text(encoding="utf-8"))
    journey = journey_from_dict(data, str(path))
    tests = []
    for test in read_tests(data, str(path)):
        fresh = record_test(test.name, journey, test.profile, test.start, test.until,
                            options=run_options(seed=test.seed))
        tests.append(fresh.to_json())
    return tests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files whose tests are out of date")
    args = parser.parse_args(argv)
    stale = []
    for english in sorted(HERE.glob("[0-9][0-9]-*.json")):
        tests = recorded(english)
        for path in (english, *(HERE / lang / english.name for lang in LANGUAGES)):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get(TESTS_KEY) == tests:
                continue
            stale.append(path.relative_to(HERE))
            if not args.check:
                data[TESTS_KEY] = tests
                path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    verb = "out of date" if args.check else "re-recorded"
    for path in stale:
        print(f"{path}: tests {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
