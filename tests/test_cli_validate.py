"""`journey-builder validate FILE` (spec §8): exit 0 / 1 / 2 and one `<id>: <message>` line per problem."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

GOOD = {
    "format": "journey-builder/1",
    "name": "Welcome",
    "settings": {"quiet_hours": {"start": "21:00", "end": "08:00"}},
    "nodes": [
        {"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
        {"id": "hello", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Hi {{ customer.first_name }}", "body": "Welcome"}},
    ],
    "edges": [{"source": "start", "target": "hello", "port": "out"}],
}

LINE = re.compile(r"^[A-Za-z0-9_.\->\[\]]+: .+$")


def write(tmp_path: Path, data: Any, name: str = "journey.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    return code, [line for line in out.splitlines() if line.strip()], err


def test_valid_journey_exits_0_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(write(tmp_path, GOOD), capsys)
    assert code == 0
    assert lines == []
    assert "Traceback" not in err


def test_invalid_journey_exits_1_with_one_line_per_problem(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(GOOD))
    data["nodes"].append({"id": "wait", "type": "delay", "config": {"kind": "duration", "duration": "1 day"}})
    data["nodes"].append({"id": "check", "type": "condition",
                          "config": {"kind": "rule", "rule": {"field": "customer.shoe", "op": "=", "value": 1}}})
    data["edges"] += [{"source": "hello", "target": "wait", "port": "out"},
                      {"source": "wait", "target": "check", "port": "out"}]
    code, lines, err = run(write(tmp_path, data), capsys)
    assert code == 1
    errors = [line for line in lines if ": warning: " not in line]
    assert len(errors) == 2
    assert all(LINE.match(line) for line in lines), lines
    assert any(line.startswith("wait: ") and "duration" in line for line in errors)
    assert any(line.startswith("check: ") and "customer.shoe" in line for line in errors)
    assert "Traceback" not in err


def test_dangling_edge_line_starts_with_the_edge_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(GOOD))
    data["edges"].append({"source": "hello", "target": "nowhere", "port": "out"})
    code, lines, _ = run(write(tmp_path, data), capsys)
    assert code == 1
    assert lines == ["hello.out->nowhere: target: no node 'nowhere' (dangling edge)"]


def test_unknown_format_is_reported_without_further_noise(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = {**GOOD, "format": "journey-builder/9"}
    code, lines, _ = run(write(tmp_path, data), capsys)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith("journey: format")


def test_unknown_node_kind_names_the_node(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(GOOD))
    data["nodes"][1]["config"]["kind"] = "fax"
    code, lines, _ = run(write(tmp_path, data), capsys)
    assert code == 1
    assert any(line.startswith("hello: ") and "fax" in line for line in lines)


def test_warnings_only_exit_0_and_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(GOOD))
    data["nodes"].append({"id": "orphan", "type": "delay", "config": {"kind": "duration", "duration": "P1D"}})
    data["nodes"].append({"id": "check", "type": "condition", "config": {"kind": "rule", "rule": {"all": []}}})
    data["edges"].append({"source": "hello", "target": "check", "port": "out"})
    code, lines, err = run(write(tmp_path, data), capsys)
    assert code == 0
    assert sorted(lines) == [
        "check: warning: port 'no' is not connected (customers taking it end here)",
        "check: warning: port 'yes' is not connected (customers taking it end here)",
        "orphan: warning: unreachable: no path leads here from the trigger",
    ]


def test_errors_come_before_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(GOOD))
    data["nodes"].append({"id": "orphan", "type": "delay", "config": {"kind": "duration", "duration": "soon"}})
    code, lines, _ = run(write(tmp_path, data), capsys)
    assert code == 1
    assert lines[0].startswith("orphan: config.duration")
    assert lines[-1] == "orphan: warning: unreachable: no path leads here from the trigger"


def test_not_json_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "{oops")
    code, lines, err = run(path, capsys)
    assert code == 2
    assert lines == []
    err_lines = [line for line in err.splitlines() if line.strip()]
    assert len(err_lines) == 1
    assert str(path) in err_lines[0] and "JSON" in err_lines[0]
    assert "Traceback" not in err


def test_missing_file_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.json"
    code, lines, err = run(path, capsys)
    assert code == 2
    assert lines == []
    err_lines = [line for line in err.splitlines() if line.strip()]
    assert len(err_lines) == 1 and str(path) in err_lines[0]
    assert "Traceback" not in err


def test_a_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(tmp_path, capsys)
    assert code == 2
    assert len([line for line in err.splitlines() if line.strip()]) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["[]", "null", "42", '"journey"'])
def test_json_that_is_not_an_object_is_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: str) -> None:
    code, lines, err = run(write(tmp_path, content), capsys)
    assert code == 1
    assert lines and lines[0].startswith("journey: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("bad_value", [["P1D"], {"days": 1}, None, 3])
def test_wrong_types_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str], bad_value: Any) -> None:
    data = json.loads(json.dumps(GOOD))
    data["nodes"][1]["config"]["kind"] = bad_value if bad_value is not None else "email"
    data["nodes"].append({"id": "wait", "type": "delay", "config": {"kind": "duration", "duration": bad_value}})
    data["settings"]["reentry_cooldown"] = bad_value
    data["edges"].append({"source": "start", "target": "wait", "port": "out"})
    code, lines, err = run(write(tmp_path, data), capsys)
    assert code == 1
    assert "Traceback" not in err and "cannot do that" not in err
    assert all(LINE.match(line) for line in lines), lines


# CI clones the project beside shared/ (see .ci/run); elsewhere the cases are skipped.
ACCEPTANCE = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "cases"


@pytest.mark.skipif(not ACCEPTANCE.exists(), reason="no shared acceptance cases here")
@pytest.mark.parametrize("case", sorted(ACCEPTANCE.glob("*.json")), ids=lambda p: p.name)
def test_acceptance_journeys_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Path) -> None:
    journey = json.loads(case.read_text(encoding="utf-8"))["journey"]
    code, lines, _ = run(write(tmp_path, journey), capsys)
    assert code == 0, lines


@pytest.mark.skipif(not (ACCEPTANCE / "invalid").exists(), reason="no shared acceptance cases here")
@pytest.mark.parametrize("case", sorted((ACCEPTANCE / "invalid").glob("*.json")), ids=lambda p: p.name)
def test_invalid_acceptance_journeys(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Path) -> None:
    data = json.loads(case.read_text(encoding="utf-8"))
    code, lines, err = run(write(tmp_path, data["journey"]), capsys)
    assert code == 1
    ids = data["any_of_ids"]
    assert any(line.split(":")[0].strip() in ids or any(line.startswith(i) for i in ids) for line in lines)
    assert "Traceback" not in err
