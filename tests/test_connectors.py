"""Live-shop connectors against a local server answering as WooCommerce REST v3 and Shopify Admin
GraphQL 2026-07 do (tests/shop_server.py): paging, cursors, guest orders, refunds, abandoned
checkouts, a wrong key, 429/503 and THROTTLED with back-off — and a sending session that polls
the shop and sees the purchases and carts as events in its inbox."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.connectors import make, poll_once
from app.connectors.http import ConnectorError
from storage import connectors_repo
from storage.customers_repo import count_customers, get_customer
from storage.database import open_database
from storage.history_repo import events_of, order_events_without_order, orders_without_event
from storage.models import OrderRow
from storage.shop_repo import update_settings
from tests.shop_server import SHOPIFY_TOKEN, WOO_KEY, WOO_SECRET, ShopServer

EXPORTS = Path(__file__).parent / "data" / "exports"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


@pytest.fixture
def shop():
    with ShopServer() as server:
        server.state.woo_customers = json.loads((EXPORTS / "woocommerce" / "customers_rest_v3.json").read_text())
        server.state.woo_orders = json.loads((EXPORTS / "woocommerce" / "orders_rest_v3.json").read_text())
        yield server


def woo(shop, secret=WOO_SECRET, waits=None, **extra):
    config = {"url": shop.url, "consumer_key": WOO_KEY, "page_size": 1, **extra}
    return make("woocommerce", config, secret=secret, sleep=(waits.append if waits is not None else lambda s: None))


# -- WooCommerce ----------------------------------------------------------------------------------
def test_woocommerce_poll_pages_through_customers_and_orders_and_remembers_the_cursor(db, shop):
    outcome = poll_once(db, woo(shop))
    assert outcome.errors == [] and outcome.counts == {"customers": [2, 0, 0], "orders": [2, 0, 0]}
    assert any("page=2" in r for r in shop.state.requests)  # paged through the Link header
    with db.read() as s:
        john = get_customer(s, "25")
        assert (john.email, john.city, john.country) == ("john.doe@example.com", "San Francisco", "US")
        guest_order = s.get(OrderRow, "727")  # customer_id 0: matched to John by his email
        assert guest_order.customer_id == "25" and guest_order.total == 29.35
        assert guest_order.placed_at == datetime(2017, 3, 22, 19, 28, 2, tzinfo=UTC)  # date_created_gmt
        assert [e.type for e in events_of(s, "25")] == ["order_placed"]
        assert connectors_repo.cursor(s, "woocommerce", "orders") == "2017-03-22T19:28:08"
        assert connectors_repo.cursor(s, "woocommerce", "customers") == "26"
    again = poll_once(db, woo(shop))
    assert again.counts == {"customers": [0, 0, 0], "orders": [0, 0, 0]}
    assert any("modified_after=2017-03-22T19%3A28%3A08" in r for r in shop.state.requests)


def test_woocommerce_refund_arrives_as_a_changed_order_and_is_no_purchase_any_more(db, shop):
    poll_once(db, woo(shop))
    refunded = copy.deepcopy(shop.state.woo_orders[1])  # 723, customer 26
    refunded.update(status="refunded", date_modified_gmt="2017-03-25T10:00:00")
    shop.state.woo_orders[1] = refunded
    outcome = poll_once(db, woo(shop))
    assert outcome.counts["orders"] == [0, 1, 1]
    with db.read() as s:
        assert s.get(OrderRow, "723").status == "refunded"
        assert [e.type for e in events_of(s, "26")] == []
        assert (orders_without_event(s), order_events_without_order(s)) == (0, 0)


def test_woocommerce_wrong_key_is_a_clear_refusal_and_keeps_the_cursor(db, shop):
    outcome = poll_once(db, woo(shop, secret="cs_wrong"))
    assert outcome.errors and "refused the key or token (401 Unauthorized: Sorry, you cannot list resources.)" \
        in outcome.errors[0]
    with db.read() as s:
        assert count_customers(s) == 0
        row = connectors_repo.cursors(s, "woocommerce")[0]
        assert row.cursor is None and "401" in row.error


def test_woocommerce_backs_off_on_429_and_503(db, shop):
    shop.state.faults = [(429, {"Retry-After": "7"}), (503, {})]
    waits: list[float] = []
    outcome = poll_once(db, woo(shop, waits=waits))
    assert outcome.errors == [] and waits == [7.0, 4.0]  # as asked, then the second back-off step
    shop.state.faults = [(503, {})] * 5
    outcome = poll_once(db, woo(shop))
    assert "had a server error (503" in outcome.errors[0]


# -- Shopify --------------------------------------------------------------------------------------
def _shopify_state(shop) -> None:
    shop.state.shopify["customers"] = [{
        "id": "207119551", "firstName": "Bob", "lastName": "Norman", "createdAt": "2024-03-07T21:12:37Z",
        "updatedAt": "2024-03-07T21:12:37Z", "locale": "en", "note": None, "tags": ["vip"], "numberOfOrders": "1",
        "amountSpent": {"amount": "199.65", "currencyCode": "USD"},
        "defaultEmailAddress": {"emailAddress": "bob.norman@mail.example.com", "marketingState": "SUBSCRIBED"},
        "defaultPhoneNumber": None,
        "defaultAddress": {"city": "Louisville", "provinceCode": "KY", "countryCodeV2": "US", "zip": "40202",
                           "address1": "Chestnut Street 92", "company": None, "phone": "+1 502 555 0137"}}]
    checkout = {"abandonedCheckoutUrl": "https://example.myshopify.com/48226238518/checkouts/ac/"
                                        "2a1ace52255252df566af0faaedfbfa7/recover?key=f2b7e62c6ec0d8",
                "createdAt": "2024-05-01T09:00:00Z", "updatedAt": "2024-05-01T09:10:00Z", "completedAt": None,
                "totalPriceSet": {"shopMoney": {"amount": "409.94", "currencyCode": "USD"}},
                "customer": {"legacyResourceId": "207119551", "firstName": "Bob", "lastName": "Norman",
                             "defaultEmailAddress": {"emailAddress": "bob.norman@mail.example.com"}},
                "billingAddress": {"city": "Louisville", "countryCodeV2": "US"},
                "lineItems": {"nodes": [{"name": "IPod Nano - 8GB", "sku": "IPOD2008RED", "quantity": 1,
                                         "originalUnitPriceSet": {"shopMoney": {"amount": "199.0"}},
                                         "image": {"url": "https://cdn.shopify.com/s/files/ipod-red.jpg"}}]}}
    shop.state.shopify["abandonedCheckouts"] = [checkout]
    order = {"name": "#1001", "createdAt": "2024-05-01T12:00:00Z", "processedAt": "2024-05-01T12:00:00Z",
             "updatedAt": "2024-05-01T12:00:05Z", "cancelledAt": None, "displayFinancialStatus": "PAID",
             "displayFulfillmentStatus": "UNFULFILLED", "email": "bob.norman@mail.example.com",
             "checkoutToken": "2a1ace52255252df566af0faaedfbfa7", "currencyCode": "USD",
             "totalPriceSet": {"shopMoney": {"amount": "409.94", "currencyCode": "USD"}},
             "customer": checkout["customer"], "billingAddress": {"city": "Louisville"},
             "lineItems": checkout["lineItems"]}
    refunded = {**copy.deepcopy(order), "name": "#1002", "checkoutToken": None, "displayFinancialStatus": "REFUNDED",
                "createdAt": "2024-05-02T12:00:00Z", "updatedAt": "2024-05-03T08:00:00Z",
                "email": "guest@example.org", "customer": None}
    shop.state.shopify["orders"] = [order, refunded]


def shopify(shop, token=SHOPIFY_TOKEN, waits=None):
    return make("shopify", {"shop": shop.url, "page_size": 1}, secret=token,
                sleep=(waits.append if waits is not None else lambda s: None))


def test_shopify_customers_checkouts_and_orders_through_graphql(db, shop):
    _shopify_state(shop)
    shop.state.throttles = 1
    waits: list[float] = []
    outcome = poll_once(db, shopify(shop, waits=waits))
    assert outcome.errors == [], outcome.errors
    assert waits == [1.0]  # (102 points asked - 2 left) / 100 a second
    with db.read() as s:
        bob = get_customer(s, "207119551")
        assert (bob.email, bob.consent_email, bob.city, bob.region, bob.tags) == (
            "bob.norman@mail.example.com", True, "Louisville", "KY", ["vip"])
        events = events_of(s, "207119551")
        assert [e.type for e in events] == ["cart_abandoned", "order_placed"]
        cart, placed = events
        assert cart.properties["cart_id"] == placed.properties["cart_id"] == "2a1ace52255252df566af0faaedfbfa7"
        assert cart.properties["items"] == [{"name": "IPod Nano - 8GB", "sku": "IPOD2008RED", "quantity": 1,
                                             "price": 199.0,
                                             "image_url": "https://cdn.shopify.com/s/files/ipod-red.jpg"}]
        assert cart.properties["cart_url"].endswith("recover?key=f2b7e62c6ec0d8")
        guest = s.get(OrderRow, "#1002")  # refunded, of a guest: kept, no purchase
        assert guest.status == "refunded" and guest.customer_id == "guest@example.org"
        assert events_of(s, "guest@example.org") == []
        assert connectors_repo.cursor(s, "shopify", "orders") == "2024-05-03T08:00:00Z"
    assert poll_once(db, shopify(shop)).counts == {"customers": [0, 0, 0], "orders": [0, 0, 0], "carts": [0, 0, 0]}


def test_shopify_wrong_token(db, shop):
    with pytest.raises(ConnectorError, match=r"refused the key or token \(401 Unauthorized: \[API\] Invalid API key"):
        shopify(shop, token="shpat_wrong").test()


# -- the session and the command line -------------------------------------------------------------
def test_a_running_session_polls_the_shop_and_reads_the_events(db, shop, monkeypatch):
    from app.session.config import FakeClock, SessionConfig
    from app.session.session import SendingSession

    _shopify_state(shop)
    with db.transaction() as s:
        update_settings(s, connectors={"shopify": {"shop": shop.url, "page_size": 50}})
    session = SendingSession(db, clock=FakeClock(datetime(2024, 5, 4, tzinfo=UTC)),
                             config=SessionConfig(http_port=None, deliver=False))
    session.shops.secrets = {"shopify": SHOPIFY_TOKEN}
    try:
        session.poll()
        assert session.shops.wait(30)
        assert session.shops.last["shopify"].errors == []
        report = session.poll()
        assert report.events == 2  # the cart and the purchase reached the session's inbox
    finally:
        session.close()


def test_connector_commands_configure_test_poll_and_show(tmp_path, shop, monkeypatch, capsys):
    path = str(tmp_path / "shop.sqlite")
    monkeypatch.setenv("WOO_SECRET", WOO_SECRET)
    assert main(["connector", "set", "woocommerce", "--url", shop.url, "--key", WOO_KEY,
                 "--secret-env", "WOO_SECRET", "--db", path]) == 0
    assert "woocommerce: set" in capsys.readouterr().out
    with open_database(path) as database, database.read() as s:
        from storage.shop_repo import settings_dict

        stored = settings_dict(s)["connectors"]["woocommerce"]
        assert WOO_SECRET not in json.dumps(stored) and stored["secret_name"] == "woocommerce_consumer_secret"
    assert main(["connector", "test", "woocommerce", "--db", path]) == 0
    assert "connected to WooCommerce at" in capsys.readouterr().out
    assert main(["connector", "poll", "woocommerce", "--db", path]) == 0
    assert capsys.readouterr().out.strip() == "woocommerce: 2 new and 0 changed customers; 2 new and 0 changed orders"
    assert main(["connector", "show", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "woocommerce" in out and "orders: 2017-03-22T19:28:08" in out and WOO_SECRET not in out
    monkeypatch.setenv("WOO_SECRET", "cs_wrong")
    assert main(["connector", "set", "woocommerce", "--url", shop.url, "--key", WOO_KEY,
                 "--secret-env", "WOO_SECRET", "--db", path]) == 0
    capsys.readouterr()
    assert main(["connector", "test", "woocommerce", "--db", path]) == 2
    assert "refused the key or token (401" in capsys.readouterr().err
    assert main(["connector", "remove", "woocommerce", "--db", path]) == 0
    with open_database(path) as database, database.read() as s:
        assert settings_dict(s)["connectors"] is None and connectors_repo.cursors(s) == []
