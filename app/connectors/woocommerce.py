"""WooCommerce: customers and orders through its REST API, version 3 (`/wp-json/wc/v3`).

Followed: the WooCommerce REST API documentation (woocommerce.github.io/woocommerce-rest-api-docs,
"wp-api-v3"): authentication with a REST API key (consumer key and secret) sent as HTTP Basic
auth over HTTPS; pages of `per_page=100` followed through the `Link: <…>; rel="next"` header;
errors as `{"code", "message", "data": {"status"}}`. Orders are asked for by
`modified_after` (with `dates_are_gmt=true`, so the cursor is UTC whatever the shop's zone),
oldest change first, so a refund or cancellation arrives as a changed order. The customers
endpoint has no such filter: new customers are found by id (`orderby=id&order=desc`, down to
the highest id seen); a customer's later changes come with their next order.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

from app.connectors.http import Client, ConnectorError, next_link

API = "/wp-json/wc/v3"
VERSION = "WooCommerce REST API v3 (wc/v3)"
PAGE = 100


class WooCommerce:
    name = "woocommerce"
    platform = "WooCommerce"
    resources = ("customers", "orders")  # in this order: an order's customer is known first

    def __init__(self, config: Mapping[str, Any], secret: str, *, sleep: Callable[[float], None] = time.sleep,
                 max_pages: int = 1000) -> None:
        self.base = str(config["url"]).rstrip("/")
        key = str(config.get("consumer_key") or "")
        if not key or not secret:
            raise ConnectorError("WooCommerce: the REST API consumer key and secret are both needed "
                                 "(WooCommerce ▸ Settings ▸ Advanced ▸ REST API, read access)")
        token = base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")
        self.client = Client(f"WooCommerce at {self.base}", {"Authorization": f"Basic {token}"}, sleep=sleep)
        self.max_pages = max_pages
        self.page = int(config.get("page_size") or PAGE)  # smaller in tests, to see paging

    def test(self) -> str:
        answer = self.client.get(f"{self.base}{API}/orders?{urlencode({'per_page': 1})}")
        total = answer.header("X-WP-Total")
        return f"connected to {self.client.name} ({VERSION}); {total or 'some'} orders"

    def pages(self, resource: str, cursor: str | None) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
        """(kind, records, cursor after them) page by page: what changed since `cursor`."""
        if resource == "orders":
            yield from self._orders(cursor)
        else:
            yield from self._customers(cursor)

    def _orders(self, cursor: str | None) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
        query: dict[str, Any] = {"per_page": self.page, "orderby": "modified", "order": "asc", "dates_are_gmt": "true"}
        if cursor:
            query["modified_after"] = cursor
        url: str | None = f"{self.base}{API}/orders?{urlencode(query)}"
        newest = cursor
        for _ in range(self.max_pages):
            if url is None:
                return
            answer = self.client.get(url)
            records = _records(answer.body, self.client.name)
            for record in records:
                changed = record.get("date_modified_gmt") or record.get("date_created_gmt")
                if isinstance(changed, str) and (newest is None or changed > newest):
                    newest = changed
            yield "orders", records, newest
            url = next_link(answer.header("Link"))

    def _customers(self, cursor: str | None) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
        seen = int(cursor) if cursor and cursor.isdigit() else 0
        query = {"per_page": self.page, "orderby": "id", "order": "desc", "role": "all"}
        url: str | None = f"{self.base}{API}/customers?{urlencode(query)}"
        fresh: list[dict[str, Any]] = []
        for _ in range(self.max_pages):
            if url is None:
                break
            answer = self.client.get(url)
            records = _records(answer.body, self.client.name)
            new = [r for r in records if isinstance(r.get("id"), int) and r["id"] > seen]
            fresh.extend(new)
            if len(new) < len(records):
                break  # down to customers already read
            url = next_link(answer.header("Link"))
        fresh.sort(key=lambda r: r["id"])
        highest = max((r["id"] for r in fresh), default=seen)
        yield "customers", fresh, str(highest) if highest else cursor


def _records(body: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(body, list) or not all(isinstance(r, dict) for r in body):
        raise ConnectorError(f"{name} answered with something that is not a list of records (is it WooCommerce?)")
    return body


__all__ = ["API", "VERSION", "WooCommerce"]
