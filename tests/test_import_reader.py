"""A big file is read in a process of its own while this one writes (storage.import_reader):
what it imports is exactly what reading it here imports, errors and all; a cut-off file, a
Cancel and a reading process that dies all leave the database untouched and no process behind."""

from __future__ import annotations

import csv
import gc
import importlib.util
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from sqlalchemy import text

import storage.import_reader as import_reader
import storage.importers as importers
from storage.database import open_database
from storage.import_rows import without_cyclic_gc
from storage.importers import ImportProblem, import_file

BENCH = Path(__file__).resolve().parents[1] / "bench" / "import_shop_export.py"


def _bench_files(folder: Path, customers: int, orders: int) -> tuple[Path, Path]:
    """The benchmark's Shopify exports (line items, apostrophes, refunds), small."""
    spec = importlib.util.spec_from_file_location("import_shop_export", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    customers_csv, orders_csv, _rows = module.write_files(folder, customers, orders)
    return customers_csv, orders_csv


def _contents(db) -> dict[str, list[tuple]]:
    """Every stored row, without the moments of the import itself."""
    queries = {
        "customers": "SELECT id, email, phone, first_name, last_name, city, country, postal_code, tags, "
                     "consent_email, consent_sms, properties FROM customers ORDER BY id",
        "orders": "SELECT id, customer_id, placed_at, total, currency, properties, status FROM orders ORDER BY id",
        "events": "SELECT id, customer_id, type, at, properties FROM events ORDER BY id",
    }
    with db.read() as s:
        return {name: [tuple(row) for row in s.execute(text(sql))] for name, sql in queries.items()}


def _import_both(tmp_path: Path, monkeypatch, files: list[tuple[str, Path]]):
    """The files imported into two fresh shops: read here, and read by the reading process."""
    started: list[Path] = []

    class CountedReadAhead(import_reader.ReadAhead):
        def __init__(self, path: Path, *args, **kwargs) -> None:
            started.append(path)
            super().__init__(path, *args, **kwargs)

    monkeypatch.setattr(importers, "ReadAhead", CountedReadAhead)
    outcomes = []
    for name, threshold in (("here", 10**12), ("process", 0)):
        monkeypatch.setattr(import_reader, "MIN_BYTES", threshold)
        db = open_database(tmp_path / f"{name}.sqlite")
        try:
            results = [import_file(db, kind, path) for kind, path in files]
            assert started == ([] if name == "here" else [path for _, path in files])
            outcomes.append(([(r.summary(), [str(e) for e in r.errors], [str(w) for w in r.warnings], r.rows)
                              for r in results], _contents(db)))
        finally:
            db.close()
    return outcomes


def test_a_file_read_by_its_own_process_imports_exactly_what_reading_it_here_does(tmp_path, monkeypatch):
    customers_csv, orders_csv = _bench_files(tmp_path, 300, 900)
    here, process = _import_both(tmp_path, monkeypatch, [("customers", customers_csv), ("orders", orders_csv)])
    assert here == process
    results, contents = process
    assert results[1][0].startswith("imported 900 orders")
    assert len(contents["orders"]) == 900 and len(contents["customers"]) == 300
    with_items = [row for row in contents["orders"] if '"items"' in row[5]]
    assert len(with_items) == 900 and any(row[5].count('"sku"') > 1 for row in with_items)


def test_bad_rows_and_refused_orders_are_reported_alike_by_both_readers(tmp_path, monkeypatch):
    customers_csv, orders_csv = _bench_files(tmp_path, 50, 120)
    with orders_csv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    email, created = header.index("Email"), header.index("Created at")
    first_rows = [i for i in range(1, len(rows)) if rows[i][created]]
    rows[first_rows[3]][created] = "31/02/2024 25:00"  # not a time
    # A Shopify order of an address nobody has, in a file of a platform that makes guests:
    # taken; then one whose customer column is empty: refused, its item rows not again.
    rows[first_rows[5]][email] = "new.guest@example.org"
    blank = first_rows[7]
    rows[blank][email] = ""
    bad = tmp_path / "orders_bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    here, process = _import_both(tmp_path, monkeypatch, [("customers", customers_csv), ("orders", bad)])
    assert here == process
    summary, errors, _warnings, _rows = process[0][1]
    assert any(e.startswith(f"row {first_rows[3] + 1}, column Created at") for e in errors)
    assert [e for e in errors if e.startswith(f"row {blank + 1},")] and len(errors) == 2
    assert process[1]["orders"] == []  # all or nothing


def test_a_cut_off_file_is_refused_by_the_reading_process_and_nothing_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(import_reader, "MIN_BYTES", 0)
    customers_csv, _ = _bench_files(tmp_path, 200, 1)
    data = customers_csv.read_bytes()
    cut = tmp_path / "cut.csv"
    cut.write_bytes(data[: data.rindex(b",'")])  # inside the last row
    db = open_database(tmp_path / "shop.sqlite")
    try:
        with pytest.raises(ImportProblem, match=r"row 201: the file ends in the middle of this row"):
            import_file(db, "customers", cut)
        assert _contents(db)["customers"] == []
    finally:
        db.close()
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_reading_process_and_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(import_reader, "MIN_BYTES", 0)
    customers_csv, _ = _bench_files(tmp_path, 6000, 1)
    db = open_database(tmp_path / "shop.sqlite")
    asked = []
    try:
        result = import_file(db, "customers", customers_csv, cancel=lambda: asked.append(1) or len(asked) > 1)
        assert result.cancelled and result.created == 0 and _contents(db)["customers"] == []
        assert result.rows == 4000  # cancelled at the second look, after 2 × 2,000 rows
    finally:
        db.close()
    assert multiprocessing.active_children() == []


def test_a_reading_process_that_dies_fails_the_import_whole(tmp_path, monkeypatch):
    """Killed after the writer took its first 2,000 rows: the 30,000-row file cannot have been
    read to its end (the reader runs at most 20,000 rows ahead), so its end never comes."""
    monkeypatch.setattr(import_reader, "MIN_BYTES", 0)
    customers_csv, _ = _bench_files(tmp_path, 30_000, 1)
    db = open_database(tmp_path / "shop.sqlite")

    def kill_the_reader(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "journey-builder import reader":
                os.kill(child.pid, signal.SIGKILL)

    try:
        with pytest.raises(ImportProblem, match=r"the process reading the file stopped \(exit status -9\); "
                                                r"nothing was imported"):
            import_file(db, "customers", customers_csv, progress=kill_the_reader)
        assert _contents(db)["customers"] == []
    finally:
        db.close()


def test_the_cycle_collector_is_paused_for_imports_and_resumes_after_the_last():
    assert gc.isenabled()
    with without_cyclic_gc():
        assert not gc.isenabled()
        with without_cyclic_gc():  # a second import on another thread
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with without_cyclic_gc():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
