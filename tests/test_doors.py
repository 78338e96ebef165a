"""Every door refuses what would stop a shop's sending (issue 20), through the path a user takes.

Each refusal is one line naming the place, the command line exits 2, and nothing is stored.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from storage.customers_repo import count_customers, get_customer, upsert_customer
from storage.database import open_database
from storage.importers import ImportProblem, import_file
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


# -- imports: CSV --------------------------------------------------------------------------------
def _import(tmp_path: Path, kind: str, name: str, content: str | bytes, capsys) -> tuple[int, list[str]]:
    """`journey-builder import KIND FILE`: (exit status, lines on standard error)."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    status = main(["import", kind, str(path), "--db", str(tmp_path / "shop.sqlite")])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, [line.replace(f"{path}: ", "FILE: ") for line in captured.err.splitlines()]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    with open_database(path) as db, db.transaction() as s:
        upsert_customer(s, {"id": "c-1", "email": "one@example.org"})
    return path


def test_an_unclosed_quote_names_the_row_it_opens_in_and_stores_nothing(tmp_path: Path, capsys) -> None:
    """Python's csv module, not strict, took the rest of the file as one field: "imported 2" of 3."""
    text = 'id,email,city\nc1,a@example.org,Bonn\nc2,b@example.org,"Essen\nc3,c@example.org,Kiel\n'
    status, lines = _import(tmp_path, "customers", "quote.csv", text, capsys)
    assert (status, lines) == (2, ["journey-builder: FILE: row 3: a quote that opens in this row is never "
                                   "closed (the file ends inside a quoted field)"])
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)
    with open_database(tmp_path / "shop.sqlite") as db, pytest.raises(ImportProblem, match="row 3: a quote"):
        import_file(db, "customers", tmp_path / "quote.csv")


@pytest.mark.parametrize(("text", "words"), [
    ('id,email,city\nc1,a@example.org,"Bon', "row 2: a quote that opens in this row is never closed"),
    ('id,email,city\nc1,a@example.org,"Bonn"x\n', "row 2: not readable as CSV"),
    ('id,email,note\nc1,a@example.org,"' + ("x" * 1000 + "\n") * 200 + '"\n',
     "row 2: a field longer than 131,072 characters, or a quote that opens in this row and is never closed"),
    ("id,email,note\nc1,a@example.org," + "x" * 1_000_001 + "\n", "row 2: a line longer than 1,000,000 characters"),
    ("id,email,note" + "x" * 1_000_001, "row 1: a line longer than 1,000,000 characters"),
])
def test_broken_csv_is_one_line_naming_the_row(tmp_path: Path, capsys, text: str, words: str) -> None:
    status, lines = _import(tmp_path, "customers", "broken.csv", text, capsys)
    assert status == 2 and len(lines) == 1 and lines[0].startswith(f"journey-builder: FILE: {words}"), lines
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


@needs_dev_zero
def test_import_of_dev_zero_is_refused_at_once(tmp_path: Path, capsys) -> None:
    assert main(["import", "customers", "/dev/zero", "--db", str(tmp_path / "shop.sqlite")]) == 2
    assert _one_line(capsys) == ("journey-builder: /dev/zero: not a text file (it contains NUL bytes); "
                                 "expected CSV or JSON")


def test_a_line_without_end_is_read_in_bounded_pieces(tmp_path: Path, capsys) -> None:
    """Like /dev/zero but text: 3 MB without a newline is refused after the first megabyte."""
    status, lines = _import(tmp_path, "customers", "endless.csv", "id,email\n" + "a" * 3_000_000, capsys)
    assert (status, lines) == (2, ["journey-builder: FILE: row 2: a line longer than 1,000,000 characters "
                                   "(not a CSV file, or a quote that is never closed)"])


@pytest.mark.parametrize(("limit", "name", "content", "words"), [
    ("MAX_CSV_BYTES", "big.csv", "id,email\n" + "c1,a@example.org\n" * 2000, "larger than 16,384 bytes, the most an import file may be"),
    ("MAX_JSON_BYTES", "big.json", json.dumps([{"id": f"c{i}"} for i in range(2000)]),
     "larger than 16,384 bytes, the most a JSON import file may be"),
])
def test_import_files_over_the_limit_are_refused(tmp_path: Path, capsys, monkeypatch, limit: str, name: str,
                                                 content: str, words: str) -> None:
    """The real limits are 1 GB (CSV) and 256 MB (JSON); the same check with a small one."""
    monkeypatch.setattr(f"storage.import_sources.{limit}", 16_384)
    status, lines = _import(tmp_path, "customers", name, content, capsys)
    assert status == 2 and lines == [f"journey-builder: FILE: {words}; split it into several files"]
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


def test_a_repeated_order_id_away_from_its_line_items_is_refused(shop: Path, tmp_path: Path, capsys) -> None:
    text = ("id,customer_id,placed_at,total\no-1,c-1,2025-01-01T10:00:00Z,10\no-1,c-1,2025-01-01T10:00:00Z,\n"
            "o-2,c-1,2025-01-02T10:00:00Z,10\no-1,c-1,2025-01-03T10:00:00Z,10\n")
    status, lines = _import(tmp_path, "orders", "orders.csv", text, capsys)
    assert status == 2
    assert lines[0] == ('FILE: row 5, column id: order "o-1" is also on row 2; the rows of one order '
                        "(its line items) must follow each other")
    assert _counts(shop) == (1, 0, 0)


@pytest.mark.parametrize(("row", "words"), [
    ('c9,"x@example.org\r\nBcc: evil@example.org",,', "row 2, column email: "),
    ("c9,Anna <c9@example.org>,,", "row 2, column email: "),
    ('c9,"c9@example.org, evil@example.org",,', "row 2, column email: "),
    ("c9,c9@example.org,0151 12345678,", 'row 2, column phone: "0151 12345678" is not a phone number (give it'),
    ("c9,c9@example.org,+1 212 555,US", "row 2, column phone: "),
    ('c9,"c9@example.org",,"DE\r\nX"', "row 2, column country: "),
])
def test_csv_customers_with_bad_addresses_are_refused(tmp_path: Path, capsys, row: str, words: str) -> None:
    status, lines = _import(tmp_path, "customers", "c.csv", f"id,email,phone,country\n{row}\n", capsys)
    assert status == 2 and lines[0].startswith(f"FILE: {words}"), lines
    assert len(lines) == 2 and lines[1].startswith("journey-builder: nothing imported: 1 bad row")
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


def test_csv_phones_are_stored_as_e164_read_in_the_customers_country(tmp_path: Path, capsys) -> None:
    text = ("id,email,phone,country\nc1,jürgen@münchen.example,0151 12345678,DE\n"
            "c2,b@example.org,+44 7700 900123,\nc3,c@example.org,(212) 555-0123,us\n")
    status, _ = _import(tmp_path, "customers", "c.csv", text, capsys)
    assert status == 0
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        stored = {c.id: (c.email, c.phone) for c in (get_customer(s, cid) for cid in ("c1", "c2", "c3"))}
    assert stored == {"c1": ("jürgen@münchen.example", "+4915112345678"), "c2": ("b@example.org", "+447700900123"),
                      "c3": ("c@example.org", "+12125550123")}


@pytest.mark.parametrize(("header", "row", "words"), [
    ("id,signup_at", "c1,9999-12-31 00:00:00", "row 2, column signup_at: '9999-12-31 00:00:00' is outside the years"),
    ("id,birthdate", "c1,31.12.9999", "row 2, column birthdate: '31.12.9999' is outside the years 1900–2199"),
    ("id,score", "c1," + "1" * 400 + ".5", "row 2, column score: inf is not a number JSON can hold"),
])
def test_csv_values_out_of_range_are_refused(tmp_path: Path, capsys, header: str, row: str, words: str) -> None:
    status, lines = _import(tmp_path, "customers", "c.csv", f"{header}\n{row}\n", capsys)
    assert status == 2 and lines[0].startswith(f"FILE: {words}"), lines


def test_order_times_out_of_range_are_refused(shop: Path, tmp_path: Path, capsys) -> None:
    status, lines = _import(tmp_path, "orders", "o.csv",
                            "id,customer_id,placed_at,total\no-1,c-1,9999-12-31T23:00:00-05:00,10\n"
                            "o-2,c-1,2025-01-01T10:00:00Z,1e13\n", capsys)
    assert status == 2 and lines[:2] == [
        "FILE: row 2, column placed_at: '9999-12-31T23:00:00-05:00' is outside the years 1900–2199",
        "FILE: row 3, column total: '1e13' is beyond ±1,000,000,000,000"]
    assert _counts(shop) == (1, 0, 0)


# -- imports: JSON records and profile files -------------------------------------------------
@pytest.mark.parametrize(("records", "words"), [
    ('[{"id": "c9", "email": "\\"x\\r\\nBcc: evil@example.org\\" <c9@example.org>"}]',
     "FILE: row 1, column email: "),
    ('[{"id": "c9", "properties": {"x": NaN}}]', "journey-builder: FILE: [0].properties.x: NaN is not a number"),
    ('[{"id": "c9", "properties": {"x": 123456789012345678901234567890}}]', "journey-builder: FILE: [0].properties.x: "),
    ('[{"id": "c9", "properties": {"x": {"y": ' + "[" * 40 + "]" * 40 + "}}}]", "nested more than 32 levels deep"),
    ('[{"id": "c9", "properties": {"x": "' + "a" * 70_000 + '"}}]',
     "FILE: row 1, column properties.x: text of 70,000 characters (at most 65,536)"),
    ('[{"id": "c9"}, {"id": "c9"}]', 'FILE: row 2, column id: customer "c9" is also on row 1'),
])
def test_json_records_with_bad_values_are_refused(tmp_path: Path, capsys, records: str, words: str) -> None:
    status, lines = _import(tmp_path, "customers", "c.json", records, capsys)
    assert status == 2 and any(line.startswith(words) or words in line for line in lines[:1]), lines
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


@pytest.mark.parametrize(("profile", "words"), [
    ({"customer": {"id": "c9", "email": '"x\r\nBcc: evil@example.org" <c9@example.org>'}}, "row 1, column customer.email: "),
    ({"customer": {"id": "c9", "phone": "0151 12345678"}}, "row 1, column customer.phone: "),
    ({"customer": {"id": "c9"}, "orders": [{"id": "o", "placed_at": "2026-01-01T00:00:00Z", "total": 1e13}]},
     "row 1, column orders[0].total: 10000000000000.0 is beyond ±1,000,000,000,000"),
    ({"customer": {"id": "c9"}, "events": [{"type": "x", "at": "9999-01-01T00:00:00Z"}]},
     "row 1, column events[0].at: "),
    ({"customer": {"id": "c9"}, "events": [{"type": "x\r\ny", "at": "2026-01-01T00:00:00Z"}]},
     "row 1, column events[0].type: "),
])
def test_profile_files_with_bad_values_are_refused(tmp_path: Path, capsys, profile: dict, words: str) -> None:
    status, lines = _import(tmp_path, "customers", "p.json", json.dumps([profile]), capsys)
    assert status == 2 and lines[0].startswith(f"FILE: {words}"), lines
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


def test_a_profile_file_with_nan_is_refused_at_the_file(tmp_path: Path, capsys) -> None:
    text = ('[{"customer": {"id": "c9"}, "events": [{"type": "page_view", "at": "2026-01-01T00:00:00Z", '
            '"properties": {"x": NaN}}]}]')
    status, lines = _import(tmp_path, "customers", "p.json", text, capsys)
    assert (status, lines) == (2, ["journey-builder: FILE: [0].events[0].properties.x: NaN is not a number "
                                   "JSON can hold (no NaN or Infinity)"])
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


def test_two_profiles_of_one_customer_are_refused(tmp_path: Path, capsys) -> None:
    profiles = [{"customer": {"id": "c9", "city": "Bonn"}}, {"customer": {"id": "c9", "city": "Essen"}}]
    status, lines = _import(tmp_path, "customers", "p.json", json.dumps(profiles), capsys)
    assert status == 2
    assert lines[0] == 'FILE: row 2, column customer.id: customer "c9" is also in profile 1; one profile per customer'
    assert _counts(tmp_path / "shop.sqlite") == (0, 0, 0)


def test_profile_imports_store_addresses_normalised(tmp_path: Path, capsys) -> None:
    profiles = [{"customer": {"id": "c9", "email": "Jürgen@MÜNCHEN.example", "phone": "0151 12345678",
                              "country": "DE"}}]
    status, _ = _import(tmp_path, "customers", "p.json", json.dumps(profiles), capsys)
    assert status == 0
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        c = get_customer(s, "c9")
        assert (c.email, c.phone) == ("Jürgen@münchen.example", "+4915112345678")


# -- journey-builder event ---------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "words"), [
    (["page_view", "--prop", "x=NaN"], "--prop x: NaN is not a number JSON can hold"),
    (["page_view", "--prop", "x=-Infinity"], "--prop x: -Infinity is not a number"),
    (["page_view", "--prop", "x=1e999"], "--prop x: 1e999 is not a number"),
    (["page_view", "--prop", "x=" + "9" * 5000], "--prop x: a number of 5,000 characters (at most 100)"),
    (["page_view", "--prop", "x=99999999999999999999"], "--prop x: 99999999999999999999 is out of range"),
    (["page_view", "--prop", 'x={"a": [NaN]}'], "--prop x: a[0]: NaN"),
    (["page_view", "--prop", "x=" + "[" * 40 + "]" * 40], "nested more than 32 levels deep"),
    (["page_view", "--prop", "x=" + "a" * 70_000], "--prop x: text of 70,000 characters"),
    (["page_view", "--at", "9999-12-31T00:00:00Z"], "--at: '9999-12-31T00:00:00Z' is outside the years 1900–2199"),
    (["page\nview"], "TYPE: "),
    (["order_placed", "--prop", "total=1e300"], "--prop total: 1e+300 is beyond ±1,000,000,000,000"),
    (["order_placed", "--prop", "total=" + "9" * 400], "--prop total: "),
    (["order_placed", "--prop", "total=abc"], '--prop total: "abc" is not a number'),
])
def test_event_refuses_bad_values_with_exit_2_and_stores_nothing(shop: Path, capsys, argv: list[str],
                                                                 words: str) -> None:
    assert main(["event", *argv[:1], "--customer", "c-1", *argv[1:], "--db", str(shop)]) == 2
    line = _one_line(capsys)
    assert line.startswith("journey-builder: ") and words in line, line
    assert _counts(shop) == (1, 0, 0)


def test_event_still_takes_sane_properties(shop: Path, capsys) -> None:
    assert main(["event", "order_placed", "--customer", "c-1", "--prop", "total=19.5", "--prop", "note=hello",
                 "--prop", "big=9223372036854775807", "--db", str(shop)]) == 0
    echoed = json.loads(capsys.readouterr().out)
    assert echoed["properties"] == {"total": 19.5, "note": "hello", "big": 9223372036854775807}
    assert _counts(shop) == (1, 1, 1)


# -- CSV exports ---------------------------------------------------------------------------------
def test_backtest_and_population_exports_escape_formulas() -> None:
    from datetime import UTC, datetime

    from engine.backtest import deliveries_csv, nodes_csv, run_backtest
    from engine.compiled import CompiledJourney
    from engine.fileformat import journey_from_dict
    from engine.profile import parse_profile
    from engine.runner import RunOptions

    journey = CompiledJourney(journey_from_dict({
        "format": "journey-builder/1", "name": "=HYPERLINK(\"http://x.example\")",
        "nodes": [{"id": "start", "type": "trigger", "config": {"kind": "event", "event": "cart_abandoned"}},
                  {"id": "mail-1", "type": "message", "label": "=cmd|' /C calc'!A0",
                   "config": {"kind": "email", "subject": "Hi", "body": "Hi"}}],
        "edges": [{"source": "start", "target": "mail-1", "port": "out"}]}))
    profile = parse_profile({"customer": {"id": "-2+3", "email": "a@example.org", "first_name": "@SUM(A1)",
                                          "consent": {"email": True}},
                             "events": [{"type": "cart_abandoned", "at": "2026-01-10T10:00:00Z"}]})
    report = run_backtest(journey, [profile], datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC),
                          options=RunOptions())
    nodes = list(csv.reader(io.StringIO(nodes_csv(report))))
    assert [r[1] for r in nodes if r[0] == "mail-1"] == ["'=cmd|' /C calc'!A0"]
    who = list(csv.reader(io.StringIO(deliveries_csv(report))))
    assert who[1][:3] == ["'-2+3", "a@example.org", "'@SUM(A1)"]
    assert who[1][4] == "'=HYPERLINK(\"http://x.example\")" and who[1][6] == "'=cmd|' /C calc'!A0"


def test_the_session_log_export_escapes_formulas(qtbot, tmp_path: Path) -> None:
    from widgets.session_monitor import SessionMonitor

    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.set_rows([{"id": 1, "time": "2024-06-03 09:01", "journey": "=cmd|' /C calc'!A0", "node": "+x",
                       "customer": "@c1", "channel": "email", "status": "failed", "reason": "-1+1"}])
    out = tmp_path / "log.csv"
    assert monitor.export_csv(out) == 1
    with open(out, newline="", encoding="utf-8") as f:
        row = list(csv.reader(f))[1]
    assert row[1:4] == ["'=cmd|' /C calc'!A0", "'+x", "'@c1"]
