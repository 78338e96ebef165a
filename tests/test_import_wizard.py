"""The import wizard through its pages: file, detected columns, import in a thread, result."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QWizard

from app.shop_pages import ImportBridge
from storage.customers_repo import count_customers, get_customer, upsert_customer
from storage.database import open_database
from storage.models import OrderRow
from widgets.import_wizard import ImportWizard

DATA = Path(__file__).parent / "data"


def _run(qtbot, wizard: ImportWizard, path: Path, kind: str = "customers") -> None:
    wizard.show()
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData(kind))
    wizard.file_page.path.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page


def test_wizard_imports_a_shopify_export_with_a_changed_column(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    imported = []
    wizard.imported.connect(imported.append)
    path = tmp_path / "customers_export.csv"
    shutil.copy(DATA / "shopify_customers.csv", path)  # the file the user picked
    _run(qtbot, wizard, path)
    page = wizard.mapping_page
    assert "Shopify" in page.system.text()
    assert page.combos["Default Address City"].currentData() == "city"
    assert page.combos["Note"].currentData() == "properties.note"
    page.set_target("Note", "ignore")
    page.set_target("Default Address Province Code", "properties.state")
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished, timeout=10_000)
    assert run.message.text() == "Imported 4 customers (0 updated)."
    assert len(imported) == 1 and not run.errors.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with db.read() as s:
        juergen = get_customer(s, "7012345678902")
        assert juergen.region is None and juergen.properties["state"] == "BY" and "note" not in juergen.properties
    wizard.close()
    db.close()


def test_wizard_lists_every_bad_row_and_stores_nothing(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, DATA / "customers_broken.csv")
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished, timeout=10_000)
    assert run.message.text().startswith("Nothing was imported")
    rows = [(run.errors.item(r, 0).text(), run.errors.item(r, 1).text(), run.errors.item(r, 2).text())
            for r in range(run.errors.rowCount())]
    assert rows[0] == ("4", "birthdate", "'31/02/1990' is not a date") and len(rows) == 5
    with db.read() as s:
        assert count_customers(s) == 0
    db.close()


def test_wizard_cancel_rolls_back(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    big = tmp_path / "big.csv"
    big.write_text("id,email\n" + "".join(f"c{i},c{i}@example.org\n" for i in range(60_000)))
    bridge = ImportBridge(db)
    wizard = ImportWizard(bridge)
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, big)
    wizard.next()
    wizard.run_page.cancel()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=30_000)
    assert wizard.run_page.message.text() in ("Cancelled. Nothing was imported.",
                                              "Imported 60,000 customers (0 updated).")
    if wizard.run_page.message.text().startswith("Cancelled"):
        with db.read() as s:
            assert count_customers(s) == 0
    db.close()


def test_profile_files_need_no_mapping(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, DATA / "profiles.json")
    assert "2 customers" in wizard.mapping_page.system.text() and wizard.mapping_page.mapping() is None
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text() == "Imported 2 customers (0 updated) with 1 orders and 1 events."
    db.close()


def test_back_after_errors_to_fix_the_mapping(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    f = tmp_path / "k.csv"
    f.write_text("Nr,Geburtstag\n1,gestern\n")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, f)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Import"
    wizard.mapping_page.set_target("Nr", "id")
    wizard.mapping_page.set_target("Geburtstag", "birthdate")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.errors.item(0, 2).text() == "'gestern' is not a date"
    wizard.back()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.mapping_page.set_target("Geburtstag", "properties.geburtstag")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text() == "Imported 1 customer (0 updated)."
    with db.read() as s:
        assert get_customer(s, "1").properties == {"geburtstag": "gestern"}
    db.close()


def test_wizard_shows_refused_passwords_and_imports_prestashop_format(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, DATA / "exports" / "prestashop" / "customers_import.csv")
    page = wizard.mapping_page
    assert "PrestaShop" in page.system.text() and "decimal mark" in page.system.text()
    password = page.combos["Password *"]
    assert not password.isEnabled() and password.currentData() == "secret"
    assert "Password *" in page.notes.text()
    assert page.combos["Email *"].currentData() == "email"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text() == "Imported 9 customers (0 updated)."
    with db.read() as s:
        peter = get_customer(s, "1")
        assert peter.email == "Peter.Pan@prestashop.com" and peter.consent_email and "password" not in peter.properties
    db.close()


def test_wizard_offers_carts(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, DATA / "exports" / "shopify" / "checkouts_rest.json", kind="carts")
    assert wizard.mapping_page.combos["abandoned_checkout_url"].currentData() == "url"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text().startswith("Imported 1 cart")
    db.close()


def test_wizard_shows_the_decimal_mark_and_lets_it_be_changed(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    with db.transaction() as s:
        upsert_customer(s, {"id": "1", "email": "a@example.org"})
    f = tmp_path / "orders.csv"
    f.write_text('id,customer_id,placed_at,total\no1,1,2025-01-03 10:00:00,"1,234"\n', encoding="utf-8")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, f, kind="orders")
    page = wizard.mapping_page
    assert page.decimal.currentData() == "." and "decimal mark “.”" in page.system.text()
    page.decimal.setCurrentIndex(page.decimal.findData(","))  # the owner knows it is 1,234 euros
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text().startswith("Imported 1 order")
    with db.read() as s:
        assert s.get(OrderRow, "o1").total == 1.234
    db.close()


def test_wizard_imports_woocommerce_guest_orders_with_their_status(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, DATA / "exports" / "woocommerce" / "customers_rest_v3.json")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    wizard.restart()
    _run(qtbot, wizard, DATA / "exports" / "woocommerce" / "orders_rest_v3.json", kind="orders")
    assert "WooCommerce" in wizard.mapping_page.system.text()
    assert wizard.mapping_page.combos["billing.email"].currentData() == "customer_email"
    assert wizard.mapping_page.combos["status"].currentData() == "status"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert wizard.run_page.message.text() == "Imported 2 orders (0 updated)."
    with db.read() as s:
        guest_order = s.get(OrderRow, "727")  # customer_id 0 in the file: John Doe by his email
        assert guest_order.customer_id == "25" and guest_order.status == "placed"
        assert count_customers(s) == 2
    db.close()


def test_wizard_refuses_a_cut_off_file_whole(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    f = tmp_path / "customers_export.csv"
    f.write_text('id,email,city\n1,a@example.org,Bonn\n2,b@example.org,"Kö', encoding="utf-8")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, f)
    page = wizard.mapping_page  # the preview reads the sample rows and finds the cut already
    assert "row 3: a quote that opens in this row is never closed" in page.problem.text()
    assert "customers_export.csv" in page.problem.text()
    assert not page.isComplete() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with db.read() as s:
        assert count_customers(s) == 0
    db.close()


def test_wizard_refuses_a_long_file_cut_off_at_its_end(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    f = tmp_path / "customers_export.csv"
    f.write_text("id,email,city\n" + "".join(f"{i},c{i}@example.org,Bonn\n" for i in range(1, 5001))
                 + '5001,x@example.org,"Kö', encoding="utf-8")
    wizard = ImportWizard(ImportBridge(db))
    qtbot.addWidget(wizard)
    _run(qtbot, wizard, f)
    assert wizard.mapping_page.problem.text() == ""  # its first rows are fine
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=30_000)
    message = wizard.run_page.message.text()
    assert message.startswith("Nothing was imported") and "row 5002" in message and "never closed" in message
    with db.read() as s:
        assert count_customers(s) == 0
    db.close()
