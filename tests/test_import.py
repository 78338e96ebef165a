"""Importing the shop's customers, orders and events (spec §9), from real-shaped exports.

The fixtures in tests/data have the columns of the exports of Shopify, WooCommerce and
PrestaShop; the broken ones each hide one kind of fault. All or nothing: a file with any bad
row stores nothing, and every bad row is named with its column.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.customers_repo import count_customers, get_customer
from storage.database import open_database
from storage.history_repo import events_of, orders_of
from storage.importers import ImportProblem, import_file, preview
from storage.models import EventRow, OrderRow
from storage.profiles_repo import customer_profile
from storage.shop_repo import update_settings

DATA = Path(__file__).parent / "data"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return (count_customers(s), s.scalar(select(func.count()).select_from(OrderRow)),
                s.scalar(select(func.count()).select_from(EventRow)))


# -- the shop systems' exports --------------------------------------------------------------
def test_shopify_customers_and_orders(db):
    assert preview(DATA / "shopify_customers.csv", "customers").format_name == "Shopify"
    result = import_file(db, "customers", DATA / "shopify_customers.csv")
    assert result.ok and result.summary() == "imported 4 customers (0 updated)"
    with db.read() as s:
        anna = get_customer(s, "7012345678901")  # Shopify's leading quote is not part of the id
        assert (anna.email, anna.first_name, anna.city, anna.country, anna.phone) == (
            "anna.schmidt@example.de", "Anna", "Hamburg", "DE", "+4915112345678")
        assert anna.tags == ["vip", "club"] and anna.consent_email and not anna.consent_sms
        assert anna.properties["total_spent"] == 412.8 and anna.properties["total_orders"] == 5
        assert get_customer(s, "7012345678903").consent_sms
    result = import_file(db, "orders", DATA / "shopify_orders.csv")
    assert result.ok and result.summary() == ("imported 3 orders (0 updated); 1 refunded or cancelled, kept but "
                                               "not counted as purchases"), result.errors
    with db.read() as s:
        orders = orders_of(s, "7012345678901")
        assert [o.id for o in orders] == ["#1001"]
        first = orders[0]
        assert first.placed_at == datetime(2025, 3, 5, 13, 23, 11, tzinfo=UTC)  # +0100 in the export
        assert first.total == 134.7 and first.currency == "EUR"
        # the second line item of #1001 is a row of its own in the export: it joins the order
        assert [i["name"] for i in first.properties["items"]] == ["Regenjacke Nordsee", "Wollmütze"]
        assert first.properties["platform_status"] == "paid" and first.status == "placed"
        assert "billing_city" not in first.properties  # billing columns of an order export are left out


def test_woocommerce_customers_and_orders(db):
    with db.transaction() as s:
        update_settings(s, timezone="Europe/Madrid", currency="EUR")
    assert preview(DATA / "woocommerce_customers.csv", "customers").format_name == "WooCommerce"
    assert import_file(db, "customers", DATA / "woocommerce_customers.csv").ok
    with db.read() as s:
        maria = get_customer(s, "101")
        # WooCommerce writes the shop's local time: 09:15 in Madrid in November is 08:15 UTC
        assert maria.signup_at == datetime(2024, 11, 2, 8, 15, tzinfo=UTC)
        assert get_customer(s, "103").email == "greta.klein@example.de"  # billing_email when email is empty
    result = import_file(db, "orders", DATA / "woocommerce_orders.csv")
    assert result.ok, result.errors
    with db.read() as s:
        assert [o.total for o in orders_of(s, "101")] == [120.5, 85.0]  # "120,50" is 120.5
        tom = orders_of(s, "102")  # no customer_id in the row: found by billing_email
        assert [(o.id, o.currency) for o in tom] == [("5003", "GBP")]


def test_prestashop_customers_and_orders(db):
    p = preview(DATA / "prestashop_customers.csv", "customers")
    assert p.format_name == "PrestaShop" and p.detected_mapping["passwd"] == "secret" and p.refused == ["passwd"]
    assert import_file(db, "customers", DATA / "prestashop_customers.csv").ok
    with db.read() as s:
        pierre, carmen = get_customer(s, "7"), get_customer(s, "8")
        assert (pierre.gender, pierre.birthdate, pierre.consent_email) == ("male", date(1985, 7, 14), True)
        assert (carmen.gender, carmen.birthdate, carmen.consent_email) == ("female", None, False)  # 0000-00-00
        assert get_customer(s, "9").gender is None
    assert import_file(db, "orders", DATA / "prestashop_orders.csv").ok
    with db.read() as s:
        assert [(o.id, o.total) for o in orders_of(s, "9")] == [("32", 140.0)]


def test_events_csv_with_properties_and_no_duplicates(db):
    import_file(db, "customers", DATA / "prestashop_customers.csv")
    result = import_file(db, "events", DATA / "events.csv")
    assert result.ok and result.summary() == "imported 3 events"
    with db.read() as s:
        events = events_of(s, "7")
        assert [(e.type, e.properties) for e in events] == [
            ("product_viewed", {"product": "NL-WM-02"}),
            ("cart_abandoned", {"cart_value": 74.5, "product": "NL-RJ-01"})]
    again = import_file(db, "events", DATA / "events.csv")
    assert again.ok and again.summary() == "imported 0 events (3 already there)"
    assert _counts(db)[2] == 3


# -- JSON -------------------------------------------------------------------------------------
def test_json_list_of_customers(db):
    assert import_file(db, "customers", DATA / "customers.json").ok
    with db.read() as s:
        jana = get_customer(s, "j-1")
        assert jana.consent_email and not jana.consent_sms and jana.tags == ["club"]
        assert jana.properties == {"coupon_user": True, "acquisition_source": "instagram"}
        assert get_customer(s, "2").lat == 50.08


def test_profile_files(db, tmp_path):
    result = import_file(db, "customers", DATA / "profiles.json")
    assert result.ok and result.summary() == "imported 2 customers (0 updated) with 1 orders and 1 events"
    with db.read() as s:
        profile = customer_profile(s, "c-17")
    assert profile["orders"][0]["total"] == 180.0
    # the order is stored with the order_placed event it also is
    assert [e["type"] for e in profile["events"]] == ["order_placed", "cart_abandoned"]
    single = tmp_path / "one.json"
    one = json.loads((DATA / "profiles.json").read_text())[0]
    single.write_text(json.dumps(one))
    again = import_file(db, "customers", single)
    assert again.summary() == "imported 1 customer (1 updated) with 1 orders and 1 events"
    assert _counts(db) == (2, 1, 2)  # importing a profile twice adds nothing (the order and its event)


def test_bad_profile_is_named_and_nothing_stored(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"customer": {"id": "ok"}},
                               {"customer": {"id": "x", "birthdate": "1990-02-31"}}]))
    result = import_file(db, "customers", bad)
    assert not result.ok
    assert [str(e) for e in result.errors][0].startswith("row 2, column customer.birthdate:")
    assert _counts(db) == (0, 0, 0)


# -- dedupe -----------------------------------------------------------------------------------
def test_a_row_without_id_updates_the_customer_with_that_email(db, tmp_path):
    import_file(db, "customers", DATA / "shopify_customers.csv")
    update = tmp_path / "update.csv"
    update.write_text("Email,City,Birthday\nANNA.SCHMIDT@example.de,Lübeck,02.04.1991\nnew@example.org,Kiel,\n")
    result = import_file(db, "customers", update)
    assert result.summary() == "imported 2 customers (1 updated)"
    with db.read() as s:
        anna = get_customer(s, "7012345678901")
        assert (anna.city, anna.birthdate, anna.first_name) == ("Lübeck", date(1991, 4, 2), "Anna")  # rest kept
        assert anna.tags == ["vip", "club"] and anna.properties["total_spent"] == 412.8
        assert get_customer(s, "new@example.org").city == "Kiel"
    assert _counts(db)[0] == 5


def test_the_same_customer_twice_in_one_file_names_both_rows_and_stores_nothing(db, tmp_path):
    """Two rows for one customer used to merge in file order without a word (issue 20)."""
    f = tmp_path / "twice.csv"
    f.write_text("id,email,city,consent.email\nc1,a@example.org,Bonn,\nc1,,Essen,yes\n")
    result = import_file(db, "customers", f)
    assert [str(e) for e in result.errors] == [
        'row 3, column id: customer "c1" is also on row 2; one row per customer']
    assert _counts(db) == (0, 0, 0)


def test_the_same_email_on_two_rows_names_both_rows(db, tmp_path):
    f = tmp_path / "twice.csv"
    f.write_text("id,email\nc1,a@example.org\nc2,x@example.org\nc3,A@Example.org\n")
    result = import_file(db, "customers", f)
    assert [str(e) for e in result.errors] == [
        'row 4, column email: "A@example.org" is also on row 2; one row per customer']
    assert _counts(db) == (0, 0, 0)


# -- broken files: every bad row named, nothing stored ----------------------------------------
def test_broken_customers_name_every_bad_row_and_store_nothing(db):
    result = import_file(db, "customers", DATA / "customers_broken.csv")
    assert not result.ok and result.bad_rows == 4
    assert [str(e) for e in result.errors] == [
        "row 4, column birthdate: '31/02/1990' is not a date",
        "row 5, column email: missing: a customer needs an id or an email",
        "row 6, column email: 'not-an-email' is not an email address",
        "row 7, column lat: 'north' is not a number",
        "row 7, column consent.email: 'maybe' is not yes or no",
    ]
    assert result.summary().startswith("nothing imported: 4 bad rows")
    assert _counts(db) == (0, 0, 0)


def test_broken_orders_unknown_customers_and_wrong_numbers(db, tmp_path):
    customers = tmp_path / "c.csv"
    customers.write_text("id,email\nc-1,one@example.org\n")
    import_file(db, "customers", customers)
    result = import_file(db, "orders", DATA / "orders_broken.csv")
    assert [str(e) for e in result.errors] == [
        "row 3, column customer_id: no customer with id 'c-404'",
        "row 4, column email: no customer with email 'ghost@example.org'",
        "row 5, column total: '12.3.4' is not a number",
        "row 6, column placed_at: 'yesterday' is not a time",
    ]
    assert _counts(db) == (1, 0, 0)  # o-1 was fine, but the file is all or nothing


def test_a_failed_update_leaves_existing_customers_as_they_were(db, tmp_path):
    import_file(db, "customers", DATA / "shopify_customers.csv")
    f = tmp_path / "mixed.csv"
    f.write_text("Email,City,Birthday\nanna.schmidt@example.de,Lübeck,\nx@example.org,Kiel,1990-13-01\n")
    assert not import_file(db, "customers", f).ok
    with db.read() as s:
        assert get_customer(s, "7012345678901").city == "Hamburg"
    assert _counts(db)[0] == 4


def test_file_problems_are_raised_once(db, tmp_path):
    with pytest.raises(ImportProblem, match="no column for customer id or email"):
        f = tmp_path / "nothing.csv"
        f.write_text("Shoe size,Colour\n42,blue\n")
        import_file(db, "customers", f)
    with pytest.raises(ImportProblem, match="no column for placed at"):
        import_file(db, "orders", DATA / "shopify_customers.csv")
    with pytest.raises(ImportProblem, match="not valid JSON"):
        f = tmp_path / "broken.json"
        f.write_text("[{")
        import_file(db, "customers", f)
    with pytest.raises(ImportProblem, match="unknown field 'shoe'"):
        import_file(db, "customers", DATA / "shopify_customers.csv", mapping={"Note": "shoe"})
    with pytest.raises(ImportProblem, match="cannot read"):
        import_file(db, "customers", tmp_path / "missing.csv")


def test_mapping_overrides_detection_and_semicolons_and_windows_text(db, tmp_path):
    f = tmp_path / "kunden.csv"
    f.write_bytes("Kundennummer;E-Mail;Stadt;Notiz\nk1;k1@example.de;Köln;Stammkunde\n".encode("cp1252"))
    p = preview(f, "customers")
    assert p.format_name == "generic" and p.detected_mapping["E-Mail"] == "email"
    assert p.detected_mapping["Kundennummer"] == "id" and p.detected_mapping["Notiz"] == "properties.notiz"
    assert p.sample_rows == [["k1", "k1@example.de", "Köln", "Stammkunde"]]
    result = import_file(db, "customers", f, mapping={"Notiz": "ignore", "Stadt": "region"})
    assert result.ok
    with db.read() as s:
        k1 = get_customer(s, "k1")
        assert (k1.region, k1.city, k1.properties) == ("Köln", None, {})


def test_progress_and_cancel(db, tmp_path):
    f = tmp_path / "many.csv"
    f.write_text("id,email\n" + "".join(f"c{i},c{i}@example.org\n" for i in range(5000)))
    seen = []
    result = import_file(db, "customers", f, progress=lambda done, total: seen.append((done, total)))
    assert result.ok and seen[-1][0] == seen[-1][1] and len(seen) >= 3
    g = tmp_path / "more.csv"
    shutil.copy(f, g)
    cancelled = import_file(db, "customers", g, cancel=lambda: True)
    assert cancelled.cancelled and cancelled.summary().startswith("cancelled")
