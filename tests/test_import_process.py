"""Shop ▸ Import runs a big file in a process of its own (storage.import_process), so the window's
process only waits: what it imports, the errors it lists, Cancel and a process that dies are
what the same import in the window's process gives — nothing half-written, nothing left running."""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import shutil
import signal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

import app.shop_pages as shop_pages
import storage.import_process as import_process
from app.shop_pages import ImportBridge
from storage.customers_repo import count_customers, get_customer
from storage.database import open_database
from storage.import_process import import_file_in_process
from storage.importers import ImportProblem, import_file
from widgets.import_wizard import ImportWizard

DATA = Path(__file__).parent / "data"
BENCH = Path(__file__).resolve().parents[1] / "bench" / "import_shop_export.py"


def _customers_file(folder: Path, n: int) -> Path:
    spec = importlib.util.spec_from_file_location("import_shop_export", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_files(folder, n, 1)[0]


@pytest.fixture
def in_a_process(monkeypatch):
    """Every file is big enough for its own process; the calls are counted."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return import_file_in_process(*args, **kwargs)

    monkeypatch.setattr(import_process, "MIN_BYTES", 0)
    monkeypatch.setattr(shop_pages, "import_file_in_process", counted)
    return calls


def test_the_wizard_imports_through_its_own_process(qtbot, tmp_path, in_a_process):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    path = tmp_path / "customers_export.csv"
    shutil.copy(DATA / "shopify_customers.csv", path)
    wizard.show()
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData("customers"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    wizard.mapping_page.set_target("Default Address Province Code", "properties.state")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=60_000)
    assert wizard.run_page.message.text() == "Imported 4 customers (0 updated)."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert [call[0] for call in in_a_process] == [db.url]
    with db.read() as s:  # the window's own connection sees what the other process committed
        assert get_customer(s, "7012345678902").properties["state"] == "BY"
    wizard.close()
    db.close()
    assert multiprocessing.active_children() == []


def test_bad_rows_come_back_from_the_process_as_they_do_here(tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    try:
        here = import_file(db, "customers", DATA / "customers_broken.csv")
        there = import_file_in_process(db.url, "customers", DATA / "customers_broken.csv")
        assert not there.ok and there.summary() == here.summary()
        assert [str(e) for e in there.errors] == [str(e) for e in here.errors] and there.errors
        with db.read() as s:
            assert count_customers(s) == 0
    finally:
        db.close()


def test_a_file_problem_is_raised_as_it_is_here(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    db = open_database(tmp_path / "shop.sqlite")
    try:
        with pytest.raises(ImportProblem) as here:
            import_file(db, "customers", empty)
        with pytest.raises(ImportProblem) as there:
            import_file_in_process(db.url, "customers", empty)
        assert str(there.value) == str(here.value)
    finally:
        db.close()


def test_cancel_reaches_the_process_and_nothing_is_kept(tmp_path):
    path = _customers_file(tmp_path, 5000)
    db = open_database(tmp_path / "shop.sqlite")
    try:
        result = import_file_in_process(db.url, "customers", path, cancel=lambda: True)
        assert result.cancelled and result.created == 0 and result.rows == 2000  # its first look
        with db.read() as s:
            assert count_customers(s) == 0
    finally:
        db.close()
    assert multiprocessing.active_children() == []


def test_an_import_process_that_dies_fails_the_import_whole(tmp_path):
    path = _customers_file(tmp_path, 30_000)
    db = open_database(tmp_path / "shop.sqlite")

    def kill_it(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "journey-builder import":
                os.kill(child.pid, signal.SIGKILL)

    try:
        with pytest.raises(ImportProblem, match=r"the import process stopped \(exit status -9\); nothing was imported"):
            import_file_in_process(db.url, "customers", path, progress=kill_it)
        with db.read() as s:
            assert count_customers(s) == 0
        again = import_file(db, "customers", path)  # the killed transaction left no lock behind
        assert again.ok and again.created == 30_000
    finally:
        db.close()
