"""Shopify: customers, orders and abandoned checkouts through the Admin GraphQL API, 2026-07.

Followed: shopify.dev's GraphQL Admin API reference, version 2026-07: the endpoint
`https://{shop}.myshopify.com/admin/api/2026-07/graphql.json`, an Admin API access token in the
`X-Shopify-Access-Token` header (a custom app's token with read_customers and read_orders);
the `customers`, `orders` and `abandonedCheckouts` connections paged by `pageInfo { hasNextPage
endCursor }` and `after`, filtered by the search syntax `updated_at:>'…'` and sorted by
UPDATED_AT, so the cursor is the newest change read; `Customer.defaultEmailAddress` (2025-04 on)
and `Order.checkoutToken` (2026-07), which is the token an abandoned checkout's recovery link
carries — how a bought cart is recognised. Rate limits: the cost-based throttle answers
`errors[].extensions.code = "THROTTLED"` with `extensions.cost.throttleStatus`; we wait for the
points the query needs to come back (at `restoreRate` a second) and ask again. HTTP 429 and
5xx are retried (app/connectors/http.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.connectors.http import Client, ConnectorError

VERSION = "2026-07"
PAGE = 100

_CUSTOMER = """id: legacyResourceId firstName lastName createdAt updatedAt locale note tags numberOfOrders
  amountSpent { amount currencyCode }
  defaultEmailAddress { emailAddress marketingState }
  defaultPhoneNumber { phoneNumber marketingState }
  defaultAddress { city provinceCode countryCodeV2 zip address1 company phone }"""
_LINE_ITEMS = """lineItems(first: 50) { nodes { name sku quantity
  originalUnitPriceSet { shopMoney { amount } } image { url } } }"""
QUERIES = {
    "customers": f"""query Customers($first: Int!, $after: String, $query: String) {{
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ {_CUSTOMER} }} }} }}""",
    "orders": f"""query Orders($first: Int!, $after: String, $query: String) {{
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ name createdAt processedAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
      email checkoutToken currencyCode totalPriceSet {{ shopMoney {{ amount currencyCode }} }}
      customer {{ legacyResourceId firstName lastName defaultEmailAddress {{ emailAddress }} }}
      billingAddress {{ city provinceCode countryCodeV2 zip phone }}
      {_LINE_ITEMS} }} }} }}""",
    "carts": f"""query Checkouts($first: Int!, $after: String, $query: String) {{
  abandonedCheckouts(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ abandonedCheckoutUrl createdAt updatedAt completedAt
      totalPriceSet {{ shopMoney {{ amount currencyCode }} }}
      customer {{ legacyResourceId firstName lastName defaultEmailAddress {{ emailAddress }} }}
      billingAddress {{ city countryCodeV2 }}
      {_LINE_ITEMS} }} }} }}""",
}
_CONNECTION = {"customers": "customers", "orders": "orders", "carts": "abandonedCheckouts"}


class Shopify:
    name = "shopify"
    platform = "Shopify"
    resources = ("customers", "orders", "carts")

    def __init__(self, config: Mapping[str, Any], token: str, *, sleep: Callable[[float], None] = time.sleep,
                 max_pages: int = 1000) -> None:
        shop = str(config["shop"]).strip().rstrip("/")
        if not token:
            raise ConnectorError("Shopify: the Admin API access token is needed (a custom app with read_customers "
                                 "and read_orders)")
        # A bare shop name is the myshopify domain; a full address (a test server) is used as it is.
        if "://" not in shop:
            shop = f"https://{shop if '.' in shop else shop + '.myshopify.com'}"
        self.endpoint = f"{shop}/admin/api/{VERSION}/graphql.json"
        self.client = Client(f"Shopify at {shop}", {"X-Shopify-Access-Token": token}, sleep=sleep)
        self.sleep = sleep
        self.max_pages = max_pages
        self.page = int(config.get("page_size") or PAGE)

    def test(self) -> str:
        data = self._query("query { shop { name currencyCode ianaTimezone } }", {})
        shop = data.get("shop") or {}
        return (f"connected to {self.client.name} (Admin GraphQL API {VERSION}): {shop.get('name')}, "
                f"{shop.get('currencyCode')}, {shop.get('ianaTimezone')}")

    def pages(self, resource: str, cursor: str | None) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
        variables: dict[str, Any] = {"first": self.page, "after": None,
                                     "query": f"updated_at:>'{cursor}'" if cursor else None}
        newest = cursor
        for _ in range(self.max_pages):
            data = self._query(QUERIES[resource], variables)
            connection = data.get(_CONNECTION[resource])
            if not isinstance(connection, Mapping):
                raise ConnectorError(f"{self.client.name} answered without {_CONNECTION[resource]}")
            records = [n for n in connection.get("nodes") or [] if isinstance(n, dict)]
            for record in records:
                changed = record.get("updatedAt")
                if isinstance(changed, str) and (newest is None or changed > newest):
                    newest = changed
            yield resource, records, newest
            info = connection.get("pageInfo") or {}
            if not info.get("hasNextPage"):
                return
            variables["after"] = info.get("endCursor")

    def _query(self, query: str, variables: Mapping[str, Any], attempts: int = 5) -> dict[str, Any]:
        for _ in range(attempts):
            body = self.client.post(self.endpoint, {"query": query, "variables": dict(variables)}).body
            if not isinstance(body, Mapping):
                raise ConnectorError(f"{self.client.name} answered with something that is not GraphQL")
            errors = body.get("errors")
            if errors:
                wait = _throttled(body)
                if wait is not None:
                    self.client.pause(wait)
                    continue
                message = errors if isinstance(errors, str) else "; ".join(
                    str(e.get("message", e)) if isinstance(e, Mapping) else str(e) for e in errors)
                raise ConnectorError(f"{self.client.name} refused the query: {message}")
            data = body.get("data")
            if not isinstance(data, dict):
                raise ConnectorError(f"{self.client.name} answered without data")
            return data
        raise ConnectorError(f"{self.client.name} keeps throttling the queries; the next poll tries again")


def _throttled(body: Mapping[str, Any]) -> float | None:
    """Seconds to wait when the answer is Shopify's THROTTLED error, else None."""
    errors = body.get("errors")
    if not isinstance(errors, list) or not any(
            isinstance(e, Mapping) and (e.get("extensions") or {}).get("code") == "THROTTLED" for e in errors):
        return None
    cost = (body.get("extensions") or {}).get("cost") or {}
    status = cost.get("throttleStatus") or {}
    try:
        needed = float(cost.get("requestedQueryCost", 0)) - float(status.get("currentlyAvailable", 0))
        rate = float(status.get("restoreRate") or 50.0)
    except (TypeError, ValueError):
        return 1.0
    return max(1.0, needed / rate)


__all__ = ["QUERIES", "VERSION", "Shopify"]
