"""`journey-builder import customers|orders|events FILE` through the real entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.cli import main
from storage.customers_repo import count_customers
from storage.database import open_database

DATA = Path(__file__).parent / "data"


def test_import_prints_a_summary(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    assert main(["import", "customers", str(DATA / "shopify_customers.csv"), "--db", db]) == 0
    assert capsys.readouterr().out == "imported 4 customers (0 updated)\n"
    assert main(["--db", db, "import", "orders", str(DATA / "shopify_orders.csv")]) == 0
    assert capsys.readouterr().out == ("imported 3 orders (0 updated); 1 refunded or cancelled, kept but not "
                                       "counted as purchases\n")
    assert main(["import", "customers", str(DATA / "shopify_customers.csv"), "--db", db]) == 0
    assert capsys.readouterr().out == "imported 4 customers (4 updated)\n"


def test_bad_rows_one_line_each_exit_2_nothing_stored(tmp_path, capsys):
    db = tmp_path / "shop.sqlite"
    path = DATA / "customers_broken.csv"
    assert main(["import", "customers", str(path), "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == f"{path}: row 4, column birthdate: '31/02/1990' is not a date"
    assert len(lines) == 6 and lines[-1].startswith("journey-builder: nothing imported: 4 bad rows")
    with open_database(db) as database, database.read() as s:
        assert count_customers(s) == 0


def test_file_problems_and_map(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    assert main(["import", "orders", str(tmp_path / "nope.csv"), "--db", db]) == 2
    assert "cannot read the file" in capsys.readouterr().err
    assert main(["import", "customers", str(DATA / "shopify_customers.csv"), "--map", "Note", "--db", db]) == 2
    assert "expected COLUMN=FIELD" in capsys.readouterr().err
    f = tmp_path / "k.csv"
    f.write_text("Nr,Mail\n1,a@example.org\n")
    assert main(["import", "customers", str(f), "--map", "Nr=id", "--map", "Mail=email", "--db", db]) == 0
    assert capsys.readouterr().out == "imported 1 customer (0 updated)\n"


def test_no_traceback_from_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "app.cli", "import", "events", str(DATA / "events.csv"),
                             "--db", str(tmp_path / "s.sqlite")], capture_output=True, text=True,
                            cwd=Path(__file__).parents[1], timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "row 2, column customer_id: no customer with id '7'" in result.stderr


def test_dry_run_prints_the_mapping_counts_and_problems_and_stores_nothing(tmp_path, capsys):
    db = tmp_path / "shop.sqlite"
    exports = DATA / "exports"
    assert main(["import", "customers", str(exports / "prestashop" / "customers_import.csv"), "--dry-run",
                 "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "PrestaShop customers export; encoding utf-8-sig, delimiter ';', decimal mark ','" in out
    assert "Password *" in out and "refused: passwords or keys are never imported" in out
    assert "Newsletter (0/1)" in out and "consent.email (Consents to email)" in out
    assert "rows: 9; would import 9 customers (0 updated)" in out and "nothing was stored (--dry-run)" in out
    broken = tmp_path / "orders.csv"
    broken.write_text("Name,Email,Created at,Total,Shoe size\n#1,a@example.org,yesterday,10,42\n", encoding="utf-8")
    assert main(["import", "orders", str(broken), "--dry-run", "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert "Shoe size" in out and "(unknown column)" in out
    assert "row 2, column Created at: 'yesterday' is not a time" in out
    with open_database(db) as database, database.read() as s:
        assert count_customers(s) == 0


def test_import_notes_refused_columns_on_standard_error(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    assert main(["import", "customers", str(DATA / "exports" / "prestashop" / "customers_import.csv"),
                 "--db", db]) == 0
    captured = capsys.readouterr()
    assert captured.out == "imported 9 customers (0 updated)\n"
    assert "not imported, as passwords and keys never are: Password *" in captured.err
