"""Journey tests travel with journeys: the gallery files carry their walk-through customers,
`import-journey` stores a file's tests, `export-journey` writes them back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from resources.journeys import record_tests

ROOT = Path(__file__).resolve().parents[1]
JOURNEYS = ROOT / "resources" / "journeys"
FILES = sorted(p.relative_to(JOURNEYS) for p in JOURNEYS.rglob("[0-9][0-9]-*.json"))


def test_every_gallery_file_in_every_language_is_there():
    assert len(FILES) == 40


@pytest.mark.parametrize("name", [str(f) for f in FILES])
def test_each_gallery_journey_ships_with_tests_that_pass(name, capsys):
    data = json.loads((JOURNEYS / name).read_text(encoding="utf-8"))
    assert len(data.get("tests", [])) >= 2
    assert main(["test", str(JOURNEYS / name)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(f"{len(data['tests'])} passed, 0 failed")


def test_the_recorded_expectations_are_up_to_date(capsys):
    assert record_tests.main(["--check"]) == 0, capsys.readouterr().out


def test_import_journey_keeps_the_tests_and_export_journey_writes_them(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    source = JOURNEYS / "04-abandoned-cart-advanced.json"
    assert main(["import-journey", str(source), "--db", db]) == 0
    name = capsys.readouterr().out.strip()
    assert main(["test", name, "--db", db]) == 0  # the tests are in the database now
    capsys.readouterr()
    out = tmp_path / "exported.json"
    assert main(["export-journey", name, str(out), "--db", db]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    original = json.loads(source.read_text(encoding="utf-8"))
    assert [t["name"] for t in exported["tests"]] == [t["name"] for t in original["tests"]]
    assert exported["tests"] == original["tests"]
    assert main(["test", str(out)]) == 0


def test_a_file_whose_tests_are_broken_is_refused_whole(tmp_path, capsys):
    data = json.loads((JOURNEYS / "01-welcome-series.json").read_text(encoding="utf-8"))
    data["tests"][0]["start"] = "not a time"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    db = str(tmp_path / "shop.sqlite")
    assert main(["import-journey", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "tests[0].start" in err and err.count("\n") == 1
    assert main(["export-journey", data["name"], str(tmp_path / "x.json"), "--db", db]) == 2  # nothing stored
