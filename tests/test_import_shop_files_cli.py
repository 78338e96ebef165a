"""Shop exports through `journey-builder import` as a shop owner runs it: the WooCommerce export
plugins' files, a German Excel sheet (cp1252, `;`, decimal commas, Ja/Nein), cut-off files,
guest orders matched by email, order statuses and refused password columns — the summary and
notes printed, and what the database holds afterwards."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from app.cli import main
from storage.customers_repo import count_customers, get_customer
from storage.database import open_database
from storage.history_repo import events_of, order_events_without_order, orders_without_event
from storage.models import OrderRow

# "Customer/Order/Coupon Export" (SkyVerge): customers with the WordPress password hash.
SKYVERGE_CUSTOMERS = (
    "customer_id,first_name,last_name,user_login,email,user_pass,date_registered,billing_first_name,"
    "billing_last_name,billing_email,billing_phone,billing_address_1,billing_postcode,billing_city,billing_state,"
    "billing_state_code,billing_country,shipping_state_code,total_spent,order_count\n"
    "7,Ben,Meyer,ben,ben@example.de,$P$BxyzSecretHash0,2023-02-01 09:00:00,Ben,Meyer,ben@example.de,040 123456,"
    "Weg 2,20095,Hamburg,Hamburg,HH,DE,HH,14.90,1\n")
# its orders: the items in one cell, "key:value|…" per item and ";" between items
SKYVERGE_ORDERS = (
    "order_id,order_number,order_date,status,shipping_total,order_total,refunded_total,order_currency,"
    "payment_method,shipping_method,customer_id,billing_first_name,billing_last_name,billing_email,billing_city,"
    "billing_country,line_items,shipping_items,order_notes\n"
    "101,101,2024-03-01 10:20:00,completed,4.90,24.90,0.00,EUR,paypal,Flat rate,0,Anna,Schmidt,anna@example.de,"
    'Berlin,DE,"id:5|name:Mug|product_id:12|sku:MUG|quantity:2|subtotal:20.00|total:20.00|meta:",'
    "method:Flat rate|total:4.90,\n"
    "102,102,2024-03-02 11:00:00,refunded,4.90,14.90,14.90,EUR,paypal,Flat rate,7,Ben,Meyer,ben@example.de,"
    'Hamburg,DE,"id:6|name:Cup|sku:CUP|quantity:1|subtotal:10.00|meta:;id:7|name:Plate|sku:PL|quantity:3|'
    'subtotal:7.50|meta:",,\n')
# "Advanced Order Export For WooCommerce" (AlgolPlus): one row per item, the order's columns repeated
ADVANCED_ORDER_EXPORT = (
    "Order Number,Order Status,Order Date,First Name (Billing),Last Name (Billing),City (Billing),"
    "Postcode (Billing),Country Code (Billing),Email (Billing),Phone (Billing),City (Shipping),"
    "Payment Method Title,Order Shipping Amount,Order Refund Amount,Order Total Amount,Item #,SKU,Item Name,"
    "Quantity,Item Cost,Coupon Code\n"
    "1234,Completed,2024-03-01 10:20,Anna,Schmidt,Berlin,10115,DE,anna@example.de,030 1234567,Berlin,PayPal,"
    "4.90,0,24.90,1,SKU1,Mug,2,10.00,\n"
    "1234,Completed,2024-03-01 10:20,Anna,Schmidt,Berlin,10115,DE,anna@example.de,030 1234567,Berlin,PayPal,"
    "4.90,0,24.90,2,SKU3,Saucer,1,0.00,\n"
    "1235,Refunded,2024-03-02 11:00,Ben,Meyer,Hamburg,20095,DE,BEN@example.de,,Hamburg,PayPal,4.90,14.90,14.90,1,"
    "SKU2,Cup,1,10.00,SPRING\n"
    "1236,Pending payment,2024-03-03 11:00,Ben,Meyer,Hamburg,20095,DE,ben@example.de,,Hamburg,PayPal,4.90,0,"
    "14.90,1,SKU2,Cup,1,10.00,\n")


def _import(tmp_path: Path, kind: str, name: str, text: str, *extra: str, encoding: str = "utf-8") -> int:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return main(["import", kind, str(path), "--db", str(tmp_path / "shop.sqlite"), *extra])


def test_woocommerce_export_plugins_customers_orders_guests_and_statuses(tmp_path, capsys):
    assert _import(tmp_path, "customers", "customers.csv", SKYVERGE_CUSTOMERS) == 0
    captured = capsys.readouterr()
    assert captured.out == "imported 1 customer (0 updated)\n"
    assert "not imported, as passwords and keys never are: user_pass" in captured.err

    assert _import(tmp_path, "orders", "orders-skyverge.csv", SKYVERGE_ORDERS) == 0
    assert capsys.readouterr().out == ("imported 2 orders (0 updated); 1 refunded or cancelled, kept but not "
                                       "counted as purchases; 1 guest customer added\n")
    assert _import(tmp_path, "orders", "orders-advanced.csv", ADVANCED_ORDER_EXPORT) == 0
    assert capsys.readouterr().out == ("imported 3 orders (0 updated); 2 refunded or cancelled, kept but not "
                                       "counted as purchases\n")  # Anna is the guest of the first file

    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        ben = get_customer(s, "7")
        assert (ben.email, ben.city, ben.region, ben.country, ben.postal_code, ben.phone) == (
            "ben@example.de", "Hamburg", "Hamburg", "DE", "20095", "+4940123456")
        assert ben.properties == {"username": "ben", "address": "Weg 2", "total_spent": 14.9, "orders_count": 1}
        assert count_customers(s) == 2
        anna = get_customer(s, "anna@example.de")  # a guest, made from the order's billing details
        assert (anna.first_name, anna.last_name, anna.city, anna.country) == ("Anna", "Schmidt", "Berlin", "DE")
        assert anna.properties == {"guest": True}

        skyverge = s.get(OrderRow, "102")
        assert skyverge.customer_id == "7" and skyverge.status == "refunded"
        assert skyverge.properties["items"] == [
            {"name": "Cup", "sku": "CUP", "quantity": 1, "price": 10.0},
            {"name": "Plate", "sku": "PL", "quantity": 3, "price": 2.5}]  # 7.50 for three
        assert s.get(OrderRow, "101").properties["items"] == [
            {"name": "Mug", "sku": "MUG", "quantity": 2, "product_id": "12", "price": 10.0}]

        placed = s.get(OrderRow, "1234")  # two rows, one order
        assert (placed.customer_id, placed.status, placed.total) == ("anna@example.de", "placed", 24.9)
        assert placed.properties["items"] == [{"sku": "SKU1", "name": "Mug", "quantity": 2, "price": 10.0},
                                              {"sku": "SKU3", "name": "Saucer", "quantity": 1, "price": 0.0}]
        refunded = s.get(OrderRow, "1235")  # BEN@example.de: Ben's order, matched by his email
        assert (refunded.customer_id, refunded.status) == ("7", "refunded")
        assert refunded.properties["discount_code"] == "SPRING"
        assert s.get(OrderRow, "1236").status == "unpaid"
        assert s.get(OrderRow, "1236").properties["platform_status"] == "Pending payment"
        # only what was bought is an order_placed event: 101 and 1234
        assert [e.type for e in events_of(s, "anna@example.de")] == ["order_placed", "order_placed"]
        assert [e.type for e in events_of(s, "7")] == []
        assert (orders_without_event(s), order_events_without_order(s)) == (0, 0)


GERMAN_SHEET = ("Kundennummer;E-Mail;Vorname;Stadt;Newsletter;Umsatz\n"
                "1;jürgen@example.de;Jürgen;Köln;Ja;1.234,50 €\n"
                "2;anne@example.de;Änne;Düsseldorf;Nein;12,00 €\n")


def test_a_german_excel_sheet_encoding_decimal_commas_and_ja_nein(tmp_path, capsys):
    mapping = ["--map", "Kundennummer=id", "--map", "E-Mail=email", "--map", "Newsletter=consent.email",
               "--map", "Umsatz=properties.total_spent"]
    assert _import(tmp_path, "customers", "kunden.csv", GERMAN_SHEET, *mapping, "--dry-run", encoding="cp1252") == 0
    out = capsys.readouterr().out
    assert "encoding cp1252, delimiter ';', decimal mark ','" in out
    assert "Stadt" in out and "city (City)" in out
    assert "nothing was stored (--dry-run)" in out
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        assert count_customers(s) == 0

    assert _import(tmp_path, "customers", "kunden.csv", GERMAN_SHEET, *mapping, encoding="cp1252") == 0
    assert capsys.readouterr().out == "imported 2 customers (0 updated)\n"
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        juergen = get_customer(s, "1")
        assert (juergen.email, juergen.first_name, juergen.city) == ("jürgen@example.de", "Jürgen", "Köln")
        assert juergen.consent_email and juergen.properties == {"total_spent": 1234.5}
        anne = get_customer(s, "2")
        assert not anne.consent_email and anne.properties == {"total_spent": 12.0}


def test_the_decimal_mark_can_be_told(tmp_path, capsys):
    assert _import(tmp_path, "customers", "c.csv", "id,email\n1,a@example.org\n") == 0
    orders = 'id,customer_id,placed_at,total\no1,1,2025-01-03 10:00:00,"1,234"\n'
    assert _import(tmp_path, "orders", "o.csv", orders) == 0
    assert _import(tmp_path, "orders", "o2.csv", orders.replace("o1", "o2"), "--decimal", ",") == 0
    capsys.readouterr()
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        assert (s.get(OrderRow, "o1").total, s.get(OrderRow, "o2").total) == (1234.0, 1.234)


def test_a_cut_off_file_is_refused_whole_with_its_place(tmp_path, capsys):
    whole = "Name,Email,Financial Status,Created at,Total,Currency\n"
    whole += "".join(f"#{i},c{i}@example.org,paid,2025-01-02 10:00:00 +0000,{i}.00,EUR\n" for i in range(1, 50))
    inside_quote = whole + '#50,"c50@example.org,pa'
    assert _import(tmp_path, "orders", "orders_export.csv", inside_quote) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert "orders_export.csv" in captured.err and "row 51" in captured.err and "never closed" in captured.err
    mid_row = whole + "#50,c50@example.org,paid"
    assert _import(tmp_path, "orders", "orders_export2.csv", mid_row) == 2
    err = capsys.readouterr().err
    assert "row 51: the file ends in the middle of this row" in err
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        assert s.scalar(select(func.count()).select_from(OrderRow)) == 0 and count_customers(s) == 0


def test_unknown_columns_are_named_after_the_import(tmp_path, capsys):
    assert _import(tmp_path, "customers", "c.csv", "id,email,Shoe size\n1,a@example.org,42\n") == 0
    captured = capsys.readouterr()
    assert captured.out == "imported 1 customer (0 updated)\n"
    assert "c.csv: note: columns we do not know, kept as custom properties: Shoe size (as shoe_size)" in captured.err
    orders = ("Name,Email,Financial Status,Created at,Total,Currency,Gift wrap,Referring Site\n"
              "#1,a@example.org,paid,2025-01-02 10:00:00 +0000,10.00,EUR,yes,https://example.com\n")
    assert _import(tmp_path, "orders", "orders_export.csv", orders) == 0
    err = capsys.readouterr().err
    assert "orders_export.csv: note: columns we do not know, left out: Gift wrap\n" in err  # Referring Site is known
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        assert get_customer(s, "1").properties == {"shoe_size": 42}
        assert "gift_wrap" not in s.get(OrderRow, "#1").properties


EXPORTS = Path(__file__).parent / "data" / "exports"


def test_one_record_answers_of_the_platforms(tmp_path, capsys):
    """Shopify answers for one customer or order with {"customer": {…}} / {"order": {…}} — the
    first shaped like a profile file, but a Shopify record; WooCommerce with the bare record."""
    db = str(tmp_path / "shop.sqlite")
    assert main(["import", "customers", str(EXPORTS / "shopify" / "customer_rest.json"), "--db", db]) == 0
    assert capsys.readouterr().out == "imported 1 customer (0 updated)\n"
    assert main(["import", "orders", str(EXPORTS / "shopify" / "order_rest.json"), "--db", db]) == 0
    assert capsys.readouterr().out == "imported 1 order (0 updated)\n"
    woo = tmp_path / "customer-26.json"
    records = json.loads((EXPORTS / "woocommerce" / "customers_rest_v3.json").read_text(encoding="utf-8"))
    woo.write_text(json.dumps(next(r for r in records if r["id"] == 26)), encoding="utf-8")
    assert main(["import", "customers", str(woo), "--db", db]) == 0
    assert capsys.readouterr().out == "imported 1 customer (0 updated)\n"
    draft = tmp_path / "draft_orders.json"
    draft.write_text('{"draft_orders": [{"id": 1, "email": "a@example.org", "status": "open"}]}', encoding="utf-8")
    assert main(["import", "orders", str(draft), "--db", db]) == 2
    assert "draft orders, which nobody has bought yet" in capsys.readouterr().err
    with open_database(tmp_path / "shop.sqlite") as database, database.read() as s:
        bob = get_customer(s, "207119551")
        assert (bob.email, bob.first_name, bob.city, bob.country, bob.postal_code) == (
            "bob.norman@hostmail.com", "Bob", "Louisville", "US", "40202")
        assert bob.tags == [] and not bob.consent_email
        order = s.get(OrderRow, "#1001")
        assert (order.customer_id, order.status, order.total, order.currency) == ("207119551", "placed", 409.94, "USD")
        assert [i["name"] for i in order.properties["items"]] == [
            "IPod Nano - 8gb - green", "IPod Nano - 8gb - red", "IPod Nano - 8gb - black"]
        assert [e.type for e in events_of(s, "207119551")] == ["order_placed"]
        assert get_customer(s, "26").city == "Rio de Janeiro" and count_customers(s) == 2


def test_prestashop_back_office_lists_in_english_french_and_german(tmp_path, capsys):
    english = ("ID;Social title;First name;Last name;Email;Group;Sales;Enabled;Newsletter;Partner offers;Registration;"
               "Last visit\n3;Mr.;Peter;Pan;pub@prestashop.com;Customer;\"1 234,50 €\";1;1;0;2023-01-15 10:12:11;"
               "2024-02-01 08:00:00\n4;Mrs.;Wendy;Darling;wendy@example.com;Customer;--;0;0;1;2023-02-15 10:12:11;\n")
    french = ("ID;Titre;Prénom;Nom;Adresse e-mail;Ventes;Activé;Newsletter;Offres partenaires;Inscription;"
              "Dernière visite\n5;Mme;Élise;Dupont;elise@example.fr;\"45,00 €\";1;1;0;2023-01-16 09:00:00;\n")
    german = ("ID;Anrede;Vorname;Nachname;E-Mail;Umsatz;Aktiviert;Newsletter;Partnerangebote;Anmeldung;"
              "Letzter Besuch\n6;Herr;Jürgen;Weiß;juergen@example.de;\"12,00 €\";1;0;1;2023-01-17 09:00:00;\n")
    for name, text in (("customers_en.csv", english), ("customers_fr.csv", french), ("customers_de.csv", german)):
        assert _import(tmp_path, "customers", name, text, "--dry-run") == 0
        assert "PrestaShop customers export" in capsys.readouterr().out
        assert _import(tmp_path, "customers", name, text) == 0
        captured = capsys.readouterr()
        assert captured.out.startswith("imported") and "do not know" not in captured.err
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        peter = get_customer(s, "3")
        assert (peter.email, peter.first_name, peter.last_name, peter.gender, peter.consent_email) == (
            "pub@prestashop.com", "Peter", "Pan", "male", True)
        assert peter.properties == {"group_name": "Customer", "total_spent": 1234.5, "active": True,
                                    "partner_offers": False}
        wendy = get_customer(s, "4")
        assert not wendy.consent_email and wendy.properties == {"group_name": "Customer", "active": False,
                                                                "partner_offers": True}
        elise = get_customer(s, "5")
        assert (elise.email, elise.first_name, elise.last_name, elise.gender) == (
            "elise@example.fr", "Élise", "Dupont", "female")
        assert elise.consent_email and elise.properties["total_spent"] == 45.0
        juergen = get_customer(s, "6")
        assert (juergen.email, juergen.last_name, juergen.consent_email) == ("juergen@example.de", "Weiß", False)


def test_prestashop_order_list_without_customers_says_what_to_export(tmp_path, capsys):
    listed = ("ID;Reference;New client;Delivery;Customer;Total;Payment;Status;Date\n"
              "5;XKBKNABJK;No;France;J. DOE;\"61,80 €\";Bank wire;Canceled;2023-03-01 11:00:00\n")
    assert _import(tmp_path, "orders", "orders.csv", listed) == 2
    err = capsys.readouterr().err
    assert "no column for customer id or customer email" in err and "SQL Manager" in err
    assert _import(tmp_path, "customers", "c.csv", "id_customer;email;firstname\n3;j@example.fr;John\n") == 0
    assert capsys.readouterr().out == "imported 1 customer (0 updated)\n"
    from_sql_manager = ("id_order;reference;id_customer;email;current_state;total_paid_tax_incl;date_add;id_cart\n"
                        "5;XKBKNABJK;3;j@example.fr;6;61.80;2023-03-01 11:00:00;5\n"
                        "6;OHSATSERP;3;j@example.fr;2;1234.50;2023-03-02 11:00:00;6\n")
    assert _import(tmp_path, "orders", "ps_orders.csv", from_sql_manager) == 0
    assert capsys.readouterr().out.startswith("imported 2 orders (0 updated); 1 refunded or cancelled")
    with open_database(tmp_path / "shop.sqlite") as db, db.read() as s:
        assert (s.get(OrderRow, "5").status, s.get(OrderRow, "6").status) == ("cancelled", "placed")
        assert s.get(OrderRow, "6").total == 1234.5 and [e.type for e in events_of(s, "3")] == ["order_placed"]
