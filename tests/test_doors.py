"""Every door refuses what would stop a shop's sending (issue 20), through the path a user takes.

Each refusal is one line naming the place, the command line exits 2, and nothing is stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from storage.customers_repo import count_customers
from storage.database import open_database
from storage.models import EventRow, OrderRow

ROOT = Path(__file__).resolve().parents[1]
JOURNEY = ROOT / "resources" / "journeys" / "01-welcome-series.json"
DEV_ZERO = Path("/dev/zero")
needs_dev_zero = pytest.mark.skipif(not DEV_ZERO.exists(), reason="no /dev/zero on this system")


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def _counts(path: Path) -> tuple[int, int, int]:
    with open_database(path) as db, db.read() as s:
        return (count_customers(s), s.scalar(select(func.count()).select_from(OrderRow)),
                s.scalar(select(func.count()).select_from(EventRow)))


# -- journey and profile files -----------------------------------------------------------------
@needs_dev_zero
@pytest.mark.parametrize("argv", [["validate", "/dev/zero"],
                                  ["simulate", str(JOURNEY), "--customer", "/dev/zero"],
                                  ["simulate", "/dev/zero", "--customer", "/dev/zero"]])
def test_dev_zero_as_a_journey_or_profile_is_one_clear_line(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    assert _one_line(capsys) == ("journey-builder: /dev/zero: not a text file (it contains NUL bytes); "
                                 f"expected a JSON {'journey file' if argv[1] == '/dev/zero' else 'customer profile'}")


def test_a_journey_file_over_16_mb_is_refused_before_it_is_parsed(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.json"
    with big.open("w") as f:
        f.write('{"format": "journey-builder/1", "description": "')
        f.write("x" * (16 * 1024 * 1024))
        f.write('"}')
    assert main(["validate", str(big)]) == 2
    assert _one_line(capsys) == f"journey-builder: {big}: the journey file is larger than 16 MB"


@pytest.mark.parametrize(("settings", "words"), [
    ('{"frequency_cap": {"max": NaN, "per": "P7D"}}', "settings.frequency_cap.max: NaN is not a number"),
    ('{"frequency_cap": {"max": 1e999, "per": "P7D"}}', "settings.frequency_cap.max: 1e999"),
    ('{"frequency_cap": {"max": 99999999999999999999, "per": "P7D"}}', "out of range"),
    ('{"x": ' + "[" * 40 + "]" * 40 + "}", "nested more than 32 levels deep"),
])
def test_a_journey_file_with_what_json_cannot_hold_is_refused(tmp_path: Path, capsys, settings: str,
                                                               words: str) -> None:
    path = tmp_path / "j.json"
    text = JOURNEY.read_text(encoding="utf-8")
    data = json.loads(text)
    data["settings"] = "@SETTINGS@"
    path.write_text(json.dumps(data).replace('"@SETTINGS@"', settings), encoding="utf-8")
    for argv in (["validate", str(path)], ["simulate", str(path), "--customer", str(path)],
                 ["import-journey", str(path), "--db", str(tmp_path / "shop.sqlite")]):
        assert main(argv) == 2
        line = _one_line(capsys)
        assert line.startswith(f"journey-builder: {path}: ") and words in line, line


def _profile(tmp_path: Path, **customer: object) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"customer": {"id": "c9", **customer},
                                "events": [{"type": "signed_up", "at": "2026-01-05T10:00:00Z"}]}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("customer", "words"), [
    ({"email": '"x\r\nBcc: evil@example.org" <c9@example.org>'}, "customer.email: "),
    ({"email": "c9@example.org, evil@example.org"}, "customer.email: "),
    ({"email": "Anna <c9@example.org>"}, "customer.email: "),
    ({"phone": "0151 12345678"}, "customer.phone: "),
    ({"phone": "+1 212 555"}, "customer.phone: "),
    ({"first_name": "Anna\r\nBcc: evil@example.org"}, "customer.first_name: "),
    ({"properties": {"x": 1e400}}, "customer.properties.x: "),
    ({"properties": {"x": 2**64}}, "customer.properties.x: "),
])
def test_simulate_refuses_a_profile_with_a_bad_address_or_value(tmp_path: Path, capsys, customer: dict,
                                                                words: str) -> None:
    path = _profile(tmp_path, **customer)  # json.dumps writes 1e400 as Infinity, as a careless exporter would
    assert main(["simulate", str(JOURNEY), "--customer", str(path), "--format", "json"]) == 2
    line = _one_line(capsys)
    assert line.startswith(f"journey-builder: {path}: ") and words in line, line


def test_simulate_accepts_international_addresses_and_national_numbers_with_a_country(tmp_path: Path,
                                                                                     capsys) -> None:
    path = _profile(tmp_path, email="jürgen@münchen.example", phone="0151 12345678", country="DE",
                    consent={"email": True})
    assert main(["simulate", str(JOURNEY), "--customer", str(path), "--format", "json",
                 "--start", "2026-01-01T00:00:00Z", "--until", "P30D"]) == 0
    assert json.loads(capsys.readouterr().out)["customer"] == "c9"
