"""`import-journey` and `export-journey` (spec §9) through the real command-line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from engine.fileformat import FORMAT
from storage import journeys_repo
from storage.database import open_database

JOURNEY = {
    "format": FORMAT,
    "name": "Abandoned cart",
    "description": "a reminder, then a discount",
    "settings": {"reentry": "after_exit", "exit_on": [{"event": "order_placed"}],
                 "quiet_hours": {"start": "21:00", "end": "08:00"}},
    "nodes": [
        {"id": "start", "type": "trigger", "label": "Cart abandoned", "position": [0, 0],
         "config": {"kind": "event", "event": "cart_abandoned"}},
        {"id": "wait-4h", "type": "delay", "position": [220.5, -10],
         "config": {"kind": "duration", "duration": "PT4H"}},
        {"id": "bought", "type": "condition", "label": "Regular?", "position": [440, 0],
         "config": {"kind": "rule", "rule": {"segment": "regulars"}}},
        {"id": "mail-1", "type": "message", "position": [660, 0],
         "config": {"kind": "email", "subject": "Your cart is waiting", "body": "Come back"}},
    ],
    "edges": [
        {"source": "start", "target": "wait-4h", "port": "out"},
        {"source": "wait-4h", "target": "bought", "port": "out"},
        {"source": "bought", "target": "mail-1", "port": "yes"},
        {"source": "bought", "target": "mail-1", "port": "no"},
    ],
    "segments": {"regulars": {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}},
}


@pytest.fixture
def journey_file(tmp_path: Path) -> Path:
    path = tmp_path / "cart.json"
    path.write_text(json.dumps(JOURNEY, indent=2), encoding="utf-8")
    return path


def stored_names(db_path: Path) -> list[str]:
    with open_database(db_path) as db, db.read() as s:
        return [j.name for j in journeys_repo.list_journeys(s)]


def test_import_then_export_gives_the_same_file(tmp_path: Path, journey_file: Path, capsys) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["import-journey", str(journey_file), "--db", str(db)]) == 0
    assert capsys.readouterr().out == "Abandoned cart\n"
    out = tmp_path / "out" / "cart.json"
    out.parent.mkdir()
    assert main(["--db", str(db), "export-journey", "Abandoned cart", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == JOURNEY
    with open_database(db) as database, database.read() as s:
        (summary,) = journeys_repo.list_journeys(s)
        assert summary.status == "draft"


def test_db_comes_from_the_environment(tmp_path: Path, journey_file: Path, monkeypatch) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("JOURNEY_BUILDER_DB", str(db))
    assert main(["import-journey", str(journey_file)]) == 0
    assert stored_names(db) == ["Abandoned cart"]


def test_importing_again_updates_the_draft(tmp_path: Path, journey_file: Path) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["import-journey", str(journey_file), "--db", str(db)]) == 0
    changed = {**JOURNEY, "description": "changed"}
    journey_file.write_text(json.dumps(changed), encoding="utf-8")
    assert main(["import-journey", str(journey_file), "--db", str(db)]) == 0
    out = tmp_path / "out.json"
    assert main(["export-journey", "Abandoned cart", str(out), "--db", str(db)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["description"] == "changed"
    assert stored_names(db) == ["Abandoned cart"]


@pytest.mark.parametrize("content, expected", [
    ("{not json", "not valid JSON"),
    (json.dumps({**JOURNEY, "format": "journey-builder/0"}), "format"),
    (json.dumps({**JOURNEY, "edges": JOURNEY["edges"] + [{"source": "mail-1", "target": "ghost", "port": "out"}]}),
     "ghost"),
    (json.dumps({**JOURNEY, "nodes": JOURNEY["nodes"][1:], "edges": JOURNEY["edges"][1:]}), "trigger"),
])
def test_invalid_file_is_one_line_exit_2_and_nothing_stored(tmp_path: Path, capsys, content: str,
                                                            expected: str) -> None:
    db = tmp_path / "shop.sqlite"
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["import-journey", str(bad), "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and expected in lines[0]
    assert "Traceback" not in captured.err
    if db.exists():
        assert stored_names(db) == []


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["import-journey", str(tmp_path / "nope.json"), "--db", str(tmp_path / "s.sqlite")]) == 2
    assert "nope.json: no such journey file" in capsys.readouterr().err


def test_export_of_an_unknown_journey(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.json"
    assert main(["export-journey", "Nobody", str(out), "--db", str(tmp_path / "s.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no journey named 'Nobody'" in err
    assert not out.exists()


def test_export_to_a_folder_that_does_not_exist(tmp_path: Path, journey_file: Path, capsys) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["import-journey", str(journey_file), "--db", str(db)]) == 0
    target = tmp_path / "missing" / "out.json"
    assert main(["export-journey", "Abandoned cart", str(target), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


def test_corrupt_database_is_a_clear_error_and_left_alone(tmp_path: Path, journey_file: Path, capsys) -> None:
    db = tmp_path / "shop.sqlite"
    content = b"definitely not sqlite\n" * 50
    db.write_bytes(content)
    assert main(["import-journey", str(journey_file), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(db) in err and "not a Journey Builder database" in err
    assert db.read_bytes() == content
    assert main(["export-journey", "Abandoned cart", str(tmp_path / "o.json"), "--db", str(db)]) == 2
    assert db.read_bytes() == content
