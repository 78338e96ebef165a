"""Journey tests: recording, pass/fail with the first difference, the file's "tests" key, the
database round trip with its migration, and `journey-builder test` exit codes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.cli import main
from engine.fileformat import journey_from_dict, journey_to_dict, load_journey, read_journey
from engine.journey_tests import (
    ExpectedStep,
    JourneyTest,
    JourneyTestError,
    compare,
    read_tests,
    record_test,
    run_test,
    run_tests,
    with_tests,
)
from engine.timeutil import parse_moment
from storage import journey_tests_repo, journeys_repo
from storage.database import current_revision, head_revision, open_database
from storage.errors import InvalidName

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources/journeys/04-abandoned-cart-advanced.json"
START = parse_moment("2026-03-02T17:00:00Z")


def regular(order_offset_days: int = 40) -> dict:
    """Anna: one order `order_offset_days` before a cart she abandons at the start."""
    return {
        "customer": {"id": "anna", "first_name": "Anna", "email": "anna@example.org", "timezone": "Europe/Berlin",
                     "consent": {"email": True}},
        "orders": [{"id": "o1", "placed_at": "2026-01-21T10:00:00Z", "total": 80.0}],
        "events": [{"type": "cart_abandoned", "at": "2026-03-02T17:00:00Z", "properties": {"cart_value": 74.5}}],
    }


def newcomer() -> dict:
    data = regular()
    data["orders"] = []
    return data


@pytest.fixture
def journey():
    return load_journey(TEMPLATE)


def test_recorded_test_passes_and_names_the_path(journey) -> None:
    test = record_test("Anna, regular", journey, regular(), START)
    assert [(s.node, s.event, s.port) for s in test.expected] == [
        ("start", "entered", None), ("recent-order", "evaluated", "no"), ("regular", "evaluated", "yes"),
        ("wait-24h", "waiting", None), ("mail-1-regular", "sent", None), (None, "exited", None)]
    assert test.expected[-1].reason == "completed"
    result = run_test(journey, test)
    assert result.passed and result.differences == []


def test_changed_condition_fails_with_the_first_difference_explained(journey) -> None:
    test = record_test("Anna, regular", journey, regular(), START)
    journey.update_node("regular", config={"kind": "rule", "rule": {
        "field": "orders.count", "window": "P6M", "op": ">=", "value": 2}})
    result = run_test(journey, test)
    assert not result.passed
    first = result.first_difference
    assert first.startswith("step 3: expected regular → yes")
    assert "got regular → no" in first and "orders.count" in first  # the values the rule saw


def test_changed_delay_fails_on_time_and_untimed_expectations_ignore_it(journey) -> None:
    timed = record_test("timed", journey, newcomer(), START)
    untimed = record_test("untimed", journey, newcomer(), START, with_times=False)
    journey.update_node("wait-4h", config={"kind": "duration", "duration": "PT5H"})
    timed_result, untimed_result = run_tests(journey, [timed, untimed])
    assert not timed_result.passed and "expected mail-1-newcomer deferred at 2026-03-02T21:00:00Z, got mail-1-newcomer deferred at 2026-03-02T22:00:00Z" in timed_result.first_difference
    assert untimed_result.passed


def test_missing_and_extra_steps_are_explained(journey) -> None:
    test = record_test("t", journey, newcomer(), START)
    shorter = copy.deepcopy(test)
    shorter.expected = shorter.expected[:3]
    assert "more step(s) than expected" in run_test(journey, shorter).first_difference
    longer = copy.deepcopy(test)
    longer.expected.append(ExpectedStep("mail-2", "sent"))
    assert "but the run ended after" in run_test(journey, longer).first_difference
    assert compare([], []) == []


def test_optional_port_and_reason_match_anything(journey) -> None:
    test = record_test("t", journey, regular(), START, with_times=False)
    loose = copy.deepcopy(test)
    loose.expected = [ExpectedStep(s.node, s.event) for s in test.expected]
    assert run_test(journey, loose).passed


def test_invalid_profile_or_journey_fail_cleanly(journey) -> None:
    bad = JourneyTest("bad", {"customer": {}}, START)
    assert "test customer is not valid" in run_test(journey, bad).first_difference
    test = record_test("t", journey, regular(), START)
    journey.remove_edge(next(iter(journey.out_edges("start"))))
    journey.remove_node("start")  # no trigger any more
    assert "cannot run" in run_tests(journey, [test])[0].first_difference


def test_json_round_trip_and_errors(journey) -> None:
    test = record_test("Anna", journey, regular(), START, parse_moment("2026-04-01T00:00:00Z"))
    again = JourneyTest.from_json(json.loads(json.dumps(test.to_json())))
    assert again == test
    assert JourneyTest.from_json({**test.to_json(), "until": "P10D"}).until == parse_moment("2026-03-12T17:00:00Z")
    with pytest.raises(JourneyTestError, match=r"tests\[0\]\.name"):
        read_tests({"tests": [{"start": "2026-01-01T00:00:00Z"}]})
    with pytest.raises(JourneyTestError, match="expected\\[0\\].event"):
        JourneyTest.from_json({**test.to_json(), "expected": [{"node": "x"}]})
    with pytest.raises(JourneyTestError, match="more than one test"):
        read_tests({"tests": [test.to_json(), test.to_json()]})


def test_tests_key_travels_in_the_journey_file_without_changing_it(journey) -> None:
    test = record_test("Anna", journey, regular(), START)
    data = with_tests(journey_to_dict(journey), [test])
    assert data["tests"][0]["name"] == "Anna"
    _, problems = read_journey(data)
    assert problems == []
    assert journey_from_dict(data).same_as(journey)
    assert read_tests(data) == [test]
    assert "tests" not in with_tests(data, [])


# -- database ------------------------------------------------------------------------------

def test_migration_creates_the_table_on_a_fresh_database(tmp_path: Path) -> None:
    with open_database(tmp_path / "fresh.sqlite") as db:
        assert current_revision(db) == head_revision()
        columns = {c["name"] for c in inspect(db.engine).get_columns("journey_tests")}
        assert {"journey_id", "name", "ordinal", "definition"} <= columns


def test_database_round_trip_rename_and_cascade(tmp_path: Path, journey) -> None:
    a = record_test("Anna", journey, regular(), START)
    b = record_test("Newcomer", journey, newcomer(), START)
    with open_database(tmp_path / "shop.sqlite") as db:
        with db.transaction() as session:
            journeys_repo.save_draft(session, journey)
            journey_tests_repo.save_tests_by_name(session, journey.name, [b, a])
        with db.read() as session:
            assert journey_tests_repo.list_tests_by_name(session, journey.name) == [b, a]
        a.expected = a.expected[:2]
        with db.transaction() as session:
            journey_tests_repo.save_tests_by_name(session, journey.name, [a])
        with db.read() as session:
            assert journey_tests_repo.list_tests_by_name(session, journey.name) == [a]
        with pytest.raises(InvalidName), db.transaction() as session:
            journey_tests_repo.save_tests_by_name(session, journey.name, [a, a])
        with db.transaction() as session:
            journeys_repo.rename_journey(session, journey.name, "Renamed")
        with db.read() as session:
            assert [t.name for t in journey_tests_repo.list_tests_by_name(session, "Renamed")] == ["Anna"]
        with db.transaction() as session:
            journeys_repo.delete_journey(session, "Renamed")
        with db.read() as session:
            assert session.execute(journey_tests_repo.select(journey_tests_repo.JourneyTestRow)).first() is None


# -- command line --------------------------------------------------------------------------

def write_journey_file(path: Path, journey, tests) -> Path:
    path.write_text(json.dumps(with_tests(journey_to_dict(journey), tests)), encoding="utf-8")
    return path


def test_cli_file_all_pass_exit_0(tmp_path: Path, journey, capsys) -> None:
    tests = [record_test("Anna", journey, regular(), START), record_test("Newcomer", journey, newcomer(), START)]
    path = write_journey_file(tmp_path / "j.json", journey, tests)
    assert main(["test", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["PASS  Anna", "PASS  Newcomer", "2 passed, 0 failed"]


def test_cli_file_one_fails_exit_1(tmp_path: Path, journey, capsys) -> None:
    tests = [record_test("Anna", journey, regular(), START), record_test("Newcomer", journey, newcomer(), START)]
    journey.update_node("wait-4h", config={"kind": "duration", "duration": "PT6H"})
    path = write_journey_file(tmp_path / "j.json", journey, tests)
    assert main(["test", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "PASS  Anna"
    assert out[1].startswith("FAIL  Newcomer: step 5: expected mail-1-newcomer deferred at 2026-03-02T21:00:00Z")
    assert out[-1] == "1 passed, 1 failed"


@pytest.mark.parametrize("content, message", [
    (None, "no such journey file"),
    ("{not json", "not valid JSON"),
    ({"format": "journey-builder/1", "name": "x", "nodes": [], "edges": []}, "invalid journey"),
    ("no-tests", "has no tests"),
    ("bad-tests", "tests[0].start"),
])
def test_cli_bad_input_exit_2(tmp_path: Path, journey, capsys, content, message) -> None:
    path = tmp_path / "j.json"
    if content == "no-tests":
        write_journey_file(path, journey, [])
    elif content == "bad-tests":
        path.write_text(json.dumps({**journey_to_dict(journey), "tests": [{"name": "t", "start": "soon"}]}))
    elif isinstance(content, dict):
        path.write_text(json.dumps(content))
    elif content is not None:
        path.write_text(content)
    assert main(["test", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_database_journey_by_name(tmp_path: Path, journey, capsys) -> None:
    db_path = tmp_path / "shop.sqlite"
    with open_database(db_path) as db, db.transaction() as session:
        journeys_repo.save_draft(session, journey)
        journey_tests_repo.save_tests_by_name(session, journey.name, [record_test("Anna", journey, regular(), START)])
    assert main(["test", journey.name, "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "PASS  Anna"
    assert main(["--db", str(db_path), "test", journey.name]) == 0  # the global --db works too
    capsys.readouterr()
    assert main(["test", "No such journey", "--db", str(db_path)]) == 2
    assert "no journey file or journey" in capsys.readouterr().err
