"""Real export files of Shopify, WooCommerce and PrestaShop (tests/data/exports, README there
names each source) import with what a shop owner expects: email, names, consent, address, guest
orders matched or kept, order status — and the hazards of real files are handled: passwords
refused, Shopify's apostrophes, yes/no, decimal commas, encodings, cut-off files, UTC twins."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine.profile import parse_profile
from storage.customers_repo import count_customers, get_customer
from storage.database import open_database
from storage.history_repo import events_of, order_events_without_order, orders_of, orders_without_event
from storage.importers import ImportProblem, import_file, preview
from storage.models import CustomerRow, EventRow, OrderRow
from storage.profiles_repo import customer_profile
from storage.session_customers import load_profiles
from storage.shop_repo import update_settings

EXPORTS = Path(__file__).parent / "data" / "exports"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


def _all_text(db) -> str:
    """Every customer, order and event as text: to show a value is stored nowhere."""
    with db.read() as s:
        rows = [*s.scalars(select(CustomerRow)), *s.scalars(select(OrderRow)), *s.scalars(select(EventRow))]
        return json.dumps([{k: str(v) for k, v in vars(r).items() if not k.startswith("_")} for r in rows])


# -- PrestaShop --------------------------------------------------------------------------------
def test_prestashop_import_format_customers(db):
    p = preview(EXPORTS / "prestashop" / "customers_import.csv", "customers")
    assert p.format_name == "PrestaShop" and p.delimiter == ";"
    assert p.detected_mapping["Email *"] == "email" and p.detected_mapping["First Name *"] == "first_name"
    assert p.detected_mapping["Newsletter (0/1)"] == "consent.email" and p.refused == ["Password *"]
    result = import_file(db, "customers", EXPORTS / "prestashop" / "customers_import.csv")
    assert result.ok and result.summary() == "imported 9 customers (0 updated)"
    with db.read() as s:
        peter = get_customer(s, "1")
        assert (peter.email, peter.first_name, peter.last_name, peter.gender) == (
            "Peter.Pan@prestashop.com", "Peter", "Pan", "male")
        assert peter.birthdate == date(1987, 4, 2) and peter.consent_email
        assert peter.signup_at == datetime(2015, 1, 10, tzinfo=UTC)  # the shop's zone is UTC here
        assert peter.properties == {"active": True, "partner_offers": False, "group": 3}
        assert peter.tags == ["Customer"]
        wendy = get_customer(s, "2")
        assert (wendy.first_name, wendy.gender) == ("Wendy Moira", "female")
        hook = get_customer(s, "4")
        assert not hook.consent_email and hook.properties["partner_offers"] is True
        assert hook.tags == ["Customer", "Carribean"]
        assert get_customer(s, "9").properties["active"] is False
    assert "123456789" not in _all_text(db)  # the plaintext passwords are stored nowhere


def test_a_password_column_cannot_be_mapped_into_the_shop(db):
    with pytest.raises(ImportProblem, match="holds passwords or keys"):
        import_file(db, "customers", EXPORTS / "prestashop" / "customers_import.csv",
                    mapping={"Password *": "properties.password"})
    with db.read() as s:
        assert count_customers(s) == 0


def test_prestashop_addresses_fill_in_the_customers(db):
    assert import_file(db, "customers", EXPORTS / "prestashop" / "customers_import.csv").ok
    result = import_file(db, "customers", EXPORTS / "prestashop" / "addresses_import.csv")
    assert result.ok and result.format_name == "PrestaShop (addresses)"
    # 11 addresses of 7 customers; 5 of manufacturers and suppliers, which are no customers
    assert result.summary() == "imported 7 customers (7 updated); 9 rows left out"
    with db.read() as s:
        peter = get_customer(s, "1")
        assert (peter.city, peter.country, peter.postal_code, peter.region) == ("New York", "US", "12001", "New York")
        assert peter.properties["address"] == "360W, 42nd Street" and peter.first_name == "Peter"
        wendy = get_customer(s, "2")  # two addresses: the first is hers, not a mix of both
        assert (wendy.city, wendy.postal_code, wendy.country) == ("New York", "12001", "US")
        bob = get_customer(s, "6")  # Fiji: no postcode, and a phone that is no Fijian number
        assert (bob.city, bob.country, bob.postal_code, bob.phone) == ("Savusavu", "FJ", None, None)
        assert bob.properties["phone_raw"] == "01 02 03 04 05"
        assert get_customer(s, "5").properties["company"] == "Santa Clauss Inc."
        assert count_customers(s) == 9
    assert any("phone_raw" in str(w) for w in result.warnings)


# -- WooCommerce REST (v3) ----------------------------------------------------------------------
def test_woocommerce_rest_customers_read_billing_and_drop_links(db):
    result = import_file(db, "customers", EXPORTS / "woocommerce" / "customers_rest_v3.json")
    assert result.ok and result.format_name == "WooCommerce"
    with db.read() as s:
        joao = get_customer(s, "26")
        assert (joao.email, joao.first_name, joao.city, joao.region, joao.country, joao.postal_code) == (
            "joao.silva@example.com", "João", "Rio de Janeiro", "RJ", "BR", "12345-000")
        assert joao.phone == "+555555555555"
        assert joao.signup_at == datetime(2017, 3, 21, 19, 11, 14, tzinfo=UTC)  # date_created_gmt
        assert not any("link" in key or "href" in str(v) for key, v in joao.properties.items())
        assert joao.properties["address"] == "Av. Brasil, 432"


def test_woocommerce_guest_order_is_matched_by_email(db):
    import_file(db, "customers", EXPORTS / "woocommerce" / "customers_rest_v3.json")
    result = import_file(db, "orders", EXPORTS / "woocommerce" / "orders_rest_v3.json")
    assert result.ok and result.summary() == "imported 2 orders (0 updated)"
    with db.read() as s:
        guest_order = s.get(OrderRow, "727")  # customer_id 0: a guest; john.doe@example.com is customer 25
        assert guest_order.customer_id == "25" and guest_order.total == 29.35 and guest_order.currency == "USD"
        assert guest_order.placed_at == datetime(2017, 3, 22, 19, 28, 2, tzinfo=UTC)  # date_created_gmt
        assert [i["name"] for i in guest_order.properties["items"]] == [
            "Woo Single #1", "Ship Your Idea – Color: Black, Size: M Test"]
        assert guest_order.properties["items"][0] == {"name": "Woo Single #1", "quantity": 2, "price": 3.0,
                                                      "product_id": 93}
        assert [o.id for o in orders_of(s, "26")] == ["723"]
        assert count_customers(s) == 2


def test_woocommerce_guest_order_of_no_customer_makes_a_guest(db):
    result = import_file(db, "orders", EXPORTS / "woocommerce" / "orders_rest_v3.json")
    assert result.ok and "2 guest customers added" in result.summary()
    with db.read() as s:
        guest = get_customer(s, "john.doe@example.com")
        assert (guest.first_name, guest.last_name, guest.city, guest.country) == ("John", "Doe", "San Francisco", "US")
        assert guest.properties == {"guest": True} and not guest.consent_email
        registered = get_customer(s, "26")  # a customer id the shop has not imported yet: kept as that id
        assert registered.email == "joao.silva@example.com" and registered.properties == {}


# -- Shopify ------------------------------------------------------------------------------------
def test_shopify_rest_customer_order_and_checkout(db):
    assert import_file(db, "customers", EXPORTS / "shopify" / "customers_rest.json").ok
    with db.read() as s:
        bob = get_customer(s, "207119551")
        assert (bob.email, bob.first_name, bob.city, bob.region, bob.country, bob.postal_code) == (
            "bob.norman@hostmail.com", "Bob", "Louisville", "KY", "US", "40202")
        assert not bob.consent_email
    result = import_file(db, "orders", EXPORTS / "shopify" / "orders_rest.json")
    assert result.ok, result.errors
    with db.read() as s:
        order = s.get(OrderRow, "#1001")
        assert order.customer_id == "207119551" and order.status == "placed"  # partially refunded: still bought
        assert order.properties["platform_status"] == "partially_refunded"
    carts = import_file(db, "carts", EXPORTS / "shopify" / "checkouts_rest.json")
    assert carts.ok and carts.summary() == "imported 1 cart", carts.errors
    with db.read() as s:
        cart = [e for e in events_of(s, "207119551") if e.type == "cart_abandoned"][0]
        assert cart.properties["cart_id"] == "2a1ace52255252df566af0faaedfbfa7"
        assert cart.properties["cart_value"] == 409.94 and cart.properties["currency"] == "USD"
        assert cart.properties["cart_url"].startswith("https://checkout.local/")
        assert [(i["name"], i["quantity"], i["price"], i["sku"]) for i in cart.properties["items"]] == [
            ("IPod Nano - 8GB", 1, 199.0, "IPOD2008RED"), ("IPod Nano - 8GB", 1, 199.0, "IPOD2008PINK")]
    again = import_file(db, "carts", EXPORTS / "shopify" / "checkouts_rest.json")
    assert again.summary() == "imported 0 carts (1 already there)"


def test_shopify_refunded_order_is_kept_but_not_a_purchase(db):
    result = import_file(db, "orders", EXPORTS / "shopify" / "orders_template.csv")
    assert result.ok, result.errors
    assert result.summary() == ("imported 2 orders (0 updated); 1 refunded or cancelled, kept but not counted "
                                "as purchases; 2 guest customers added")
    with db.read() as s:
        paid = s.get(OrderRow, "#MA-1097")
        assert paid.status == "placed" and paid.currency == "USD"
        assert [i["name"] for i in paid.properties["items"]] == ["Garden Trowel - Composite / Small",
                                                                "Mini Handle Shovel"]
        assert paid.placed_at == datetime(2018, 1, 4, 23, 51, 23, tzinfo=UTC)  # -0800 in the file
        refunded = s.get(OrderRow, "#MA-1098")
        assert refunded.status == "refunded" and refunded.customer_id == "jane.doe@acme.com"
        assert [e.type for e in events_of(s, "jane.doe@acme.com")] == []  # no order_placed event
        assert [e.type for e in events_of(s, "john.doe@acme.com")] == ["order_placed"]
        assert (orders_without_event(s), order_events_without_order(s)) == (0, 0)
        john = get_customer(s, "john.doe@acme.com")
        assert john.consent_email and (john.first_name, john.last_name, john.city) == ("Ami", "Shaperi", "Ottawa")
        # what rules count: the refunded order is not an order of Jane's
        profiles = load_profiles(s, ["jane.doe@acme.com", "john.doe@acme.com"])
        assert profiles["jane.doe@acme.com"].orders == [] and len(profiles["john.doe@acme.com"].orders) == 1
        exported = customer_profile(s, "jane.doe@acme.com")
        assert exported["orders"][0]["status"] == "refunded" and parse_profile(exported).orders == []


def test_an_order_refunded_later_loses_its_purchase(db, tmp_path):
    header = "Name,Email,Financial Status,Created at,Total,Currency\n"
    f = tmp_path / "orders_export.csv"
    f.write_text(header + "#1,a@example.org,paid,2025-01-02 10:00:00 +0000,50.00,EUR\n")
    assert import_file(db, "orders", f).ok
    f.write_text(header + "#1,a@example.org,refunded,2025-01-02 10:00:00 +0000,50.00,EUR\n")
    assert import_file(db, "orders", f).summary().startswith("imported 1 order (1 updated)")
    with db.read() as s:
        assert events_of(s, "a@example.org") == [] and s.get(OrderRow, "#1").status == "refunded"
    f.write_text(header + "#1,a@example.org,paid,2025-01-02 10:00:00 +0000,50.00,EUR\n")
    assert import_file(db, "orders", f).ok
    with db.read() as s:
        assert [e.type for e in events_of(s, "a@example.org")] == ["order_placed"]
        assert (orders_without_event(s), order_events_without_order(s)) == (0, 0)


def test_shopify_apostrophes_yes_no_and_whatsapp(db, tmp_path):
    f = tmp_path / "customers_export.csv"
    f.write_text("Customer ID,First Name,Email,Accepts Email Marketing,Default Address Country Code,"
                 "Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Tax Exempt,Total Spent\n"
                 "'1,Jordan,jordan@example.com,yes,AU,'2026,'0412 000 111,'+61412000999,no,no,248.50\n"
                 "'2,Kim,kim@example.com,no,US,'02928,,,yes,yes,0.00\n", encoding="utf-8")
    assert import_file(db, "customers", f).ok
    with db.read() as s:
        jordan = get_customer(s, "1")
        assert (jordan.postal_code, jordan.phone) == ("2026", "+61412000999")
        assert jordan.properties == {"address_phone": "0412 000 111", "tax_exempt": False, "total_spent": 248.5}
        kim = get_customer(s, "2")
        assert kim.postal_code == "02928" and kim.consent_sms and kim.properties["tax_exempt"] is True


def test_yes_no_columns_of_a_plain_sheet_become_true_and_false(db, tmp_path):
    f = tmp_path / "kunden.csv"
    f.write_text("id,email,VIP,Notes\n1,a@example.org,Yes,no idea\n2,b@example.org,no,yes\n", encoding="utf-8")
    assert import_file(db, "customers", f).ok
    with db.read() as s:
        assert get_customer(s, "1").properties == {"vip": True, "notes": "no idea"}  # one column is text
        assert get_customer(s, "2").properties == {"vip": False, "notes": "yes"}


# -- money, encodings, time zones, cut-off files -------------------------------------------------
def test_decimal_commas_by_delimiter_and_by_choice(db, tmp_path):
    import_file(db, "customers", EXPORTS / "prestashop" / "customers_import.csv")
    f = tmp_path / "bestellungen.csv"
    f.write_text("id;customer_id;placed_at;total\no1;1;2025-01-01 10:00:00;1.234\no2;1;2025-01-02 10:00:00;12,50\n",
                 encoding="utf-8")
    assert preview(f, "orders").decimal == ","
    assert import_file(db, "orders", f).ok
    with db.read() as s:
        assert [o.total for o in orders_of(s, "1")] == [1234.0, 12.5]  # a German thousand, not 1.234
    g = tmp_path / "orders.csv"
    g.write_text('id,customer_id,placed_at,total\no3,1,2025-01-03 10:00:00,"1,234"\n', encoding="utf-8")
    assert import_file(db, "orders", g).ok
    assert import_file(db, "orders", g, decimal=",").ok  # the user says the comma is the decimal mark
    with db.read() as s:
        assert s.get(OrderRow, "o3").total == 1.234


@pytest.mark.parametrize("encoding, text", [
    ("cp1251", "id,email,city\n1,a@example.org,Москва\n"),
    ("cp1252", "id,email,city\n1,a@example.org,Köln\n"),
    ("utf-16", "id\temail\tcity\n1\ta@example.org\tZürich\n"),
])
def test_encodings_are_sniffed(db, tmp_path, encoding, text):
    f = tmp_path / "customers.csv"
    f.write_bytes(text.encode(encoding))
    result = import_file(db, "customers", f)
    assert result.ok, result.errors
    with db.read() as s:
        assert get_customer(s, "1").city == text.split("\n")[1].split(text[2])[-1]


def test_a_cut_off_file_is_refused_whole(db, tmp_path):
    inside_quote = tmp_path / "quote.csv"
    inside_quote.write_text('id,email,city\n1,a@example.org,Bonn\n2,b@example.org,"Kö', encoding="utf-8")
    with pytest.raises(ImportProblem, match="never closed"):
        import_file(db, "customers", inside_quote)
    mid_row = tmp_path / "row.csv"
    mid_row.write_text("id,email,city,country\n1,a@example.org,Bonn,DE\n2,b@example.org", encoding="utf-8")
    with pytest.raises(ImportProblem, match="row 3: the file ends in the middle of this row"):
        import_file(db, "customers", mid_row)
    with db.read() as s:
        assert count_customers(s) == 0


def test_shop_local_times_use_the_shop_zone_unless_a_utc_twin_exists(db, tmp_path):
    with db.transaction() as s:
        update_settings(s, timezone="Europe/Berlin")
    f = tmp_path / "customers.csv"
    f.write_text("customer_id,billing_email,date_created,date_created_gmt\n1,a@example.org,2025-07-01 12:00:00,"
                 "2025-07-01 10:00:00\n", encoding="utf-8")
    p = preview(f, "customers")
    assert p.detected_mapping["date_created"] == "ignore" and p.detected_mapping["date_created_gmt"] == "signup_at"
    g = tmp_path / "local.csv"
    g.write_text("customer_id,billing_email,date_created\n2,b@example.org,2025-07-01 12:00:00\n", encoding="utf-8")
    assert import_file(db, "customers", f).ok and import_file(db, "customers", g).ok
    with db.read() as s:
        assert get_customer(s, "1").signup_at == datetime(2025, 7, 1, 10, tzinfo=UTC)
        assert get_customer(s, "2").signup_at == datetime(2025, 7, 1, 10, tzinfo=UTC)  # 12:00 in Berlin


def test_dry_run_stores_nothing_and_reports_unknown_columns(db):
    result = import_file(db, "orders", EXPORTS / "shopify" / "orders_template.csv", dry_run=True)
    assert result.ok and result.summary().startswith("would import 2 orders")
    assert result.unknown == [] and result.mapping["Financial Status"] == "status"  # every column is Shopify's
    assert result.mapping["Referring Site"] == "ignore" and result.mapping["Total Tax"] == "properties.taxes"
    records = import_file(db, "orders", EXPORTS / "shopify" / "orders_rest.json", dry_run=True)
    assert "referring_site" in records.unknown and records.mapping["referring_site"] == "ignore"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OrderRow)) == 0 and count_customers(s) == 0


def test_the_quick_email_check_agrees_with_the_full_one():
    """Plain ASCII addresses skip email_validator on import; the result must be the same."""
    import random
    import string

    from engine.values import ValueProblem, email_address
    from storage.import_formats import BadValue, _email_text

    samples = ["A.B+c@Example.ORG", "x..y@example.org", ".x@example.org", "x.@example.org", "a@b.c", "a@-b.com",
               "a@b-.com", "a@ab--cd.com", "a@xn--mnchen-3ya.de", "a@localhost", "a@x.test", "a@x.local",
               "a@example.123", "a@ex_ample.com", "z" * 64 + "@example.com", "z" * 65 + "@example.com",
               "a@" + "b" * 64 + ".com", "jürgen@münchen.example"]
    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + "._%+-@"
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(3, 20)))
                + rng.choice(["@example.org", "@ex-ample.de", ".com", "@a.b", ""]) for _ in range(3000)]
    for sample in samples:
        try:
            full = email_address(sample, "")
        except ValueProblem:
            full = None
        try:
            quick = _email_text(sample)
        except BadValue:
            quick = None
        assert quick == full, sample
