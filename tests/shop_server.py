"""A local HTTP server that answers as WooCommerce's REST API v3 and Shopify's Admin GraphQL API
(2026-07) do, for the connector tests: the platforms' documented records (the WooCommerce
documentation's customers and orders, tests/data/exports), paged as they page (a Link header
with rel="next" and X-WP-Total / GraphQL pageInfo cursors), filtered as they filter
(`modified_after`, `updated_at:>`), refusing a wrong key as they refuse it (401 with their error
bodies), and — when a test asks — answering 429 with Retry-After, 503, or Shopify's THROTTLED.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

WOO_KEY, WOO_SECRET = "ck_test", "cs_test"
SHOPIFY_TOKEN = "shpat_test"


class ShopState:
    """What the fake shop holds and how it should misbehave next (a queue of faults)."""

    def __init__(self) -> None:
        self.woo_customers: list[dict[str, Any]] = []
        self.woo_orders: list[dict[str, Any]] = []
        self.shopify: dict[str, list[dict[str, Any]]] = {"customers": [], "orders": [], "abandonedCheckouts": []}
        self.faults: list[tuple[int, dict[str, str]]] = []  # (status, headers) answered before the real answer
        self.throttles = 0  # Shopify: THROTTLED answers before the real one
        self.requests: list[str] = []
        self.lock = threading.Lock()


def _page(items: list[dict[str, Any]], query: dict[str, list[str]]) -> tuple[list[dict[str, Any]], int, int]:
    per_page = int(query.get("per_page", ["10"])[0])
    page = int(query.get("page", ["1"])[0])
    pages = max(1, -(-len(items) // per_page))
    return items[(page - 1) * per_page: page * per_page], page, pages


class Handler(BaseHTTPRequestHandler):
    state: ShopState

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _fault(self) -> bool:
        with self.state.lock:
            if not self.state.faults:
                return False
            status, headers = self.state.faults.pop(0)
        body = ({"code": "rest_too_many_requests", "message": "Too many requests", "data": {"status": 429}}
                if status == 429 else "<html><body>Service Unavailable</body></html>")
        self._send(status, body, headers)
        return True

    # -- WooCommerce -------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.state.requests.append(self.path)
        if self._fault():
            return
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        auth = self.headers.get("Authorization", "")
        expected = "Basic " + base64.b64encode(f"{WOO_KEY}:{WOO_SECRET}".encode()).decode()
        if auth != expected:
            self._send(401, {"code": "woocommerce_rest_cannot_view",
                             "message": "Sorry, you cannot list resources.", "data": {"status": 401}})
            return
        if parts.path == "/wp-json/wc/v3/customers":
            items = sorted(self.state.woo_customers, key=lambda c: c["id"],
                           reverse=query.get("order", ["asc"])[0] == "desc")
        elif parts.path == "/wp-json/wc/v3/orders":
            items = sorted(self.state.woo_orders, key=lambda o: o["date_modified_gmt"])
            after = query.get("modified_after", [None])[0]
            if after:
                items = [o for o in items if o["date_modified_gmt"] > after]
        else:
            self._send(404, {"code": "rest_no_route", "message": "No route was found matching the URL and request "
                                                                "method.", "data": {"status": 404}})
            return
        page_items, page, pages = _page(items, query)
        links = []
        if page < pages:
            nxt = dict(query)
            nxt["page"] = [str(page + 1)]
            links.append(f'<http://{self.headers["Host"]}{parts.path}?'
                         + "&".join(f"{k}={v[0]}" for k, v in nxt.items()) + '>; rel="next"')
        headers = {"X-WP-Total": str(len(items)), "X-WP-TotalPages": str(pages)}
        if links:
            headers["Link"] = ", ".join(links)
        self._send(200, page_items, headers)

    # -- Shopify -----------------------------------------------------------------------------
    def do_POST(self) -> None:  # noqa: N802
        self.state.requests.append(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        payload = json.loads(self.rfile.read(length) or b"{}")
        if self._fault():
            return
        if self.path != "/admin/api/2026-07/graphql.json":
            self._send(404, {"errors": "Not Found"})
            return
        if self.headers.get("X-Shopify-Access-Token") != SHOPIFY_TOKEN:
            self._send(401, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
            return
        query, variables = payload.get("query", ""), payload.get("variables") or {}
        with self.state.lock:
            throttled = self.state.throttles > 0
            if throttled:
                self.state.throttles -= 1
        cost = {"requestedQueryCost": 102, "actualQueryCost": None,
                "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 2.0 if throttled else 1898.0,
                                   "restoreRate": 100.0}}
        if throttled:
            self._send(200, {"errors": [{"message": "Throttled", "extensions": {
                "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                "extensions": {"cost": cost}})
            return
        if "shop {" in query:
            self._send(200, {"data": {"shop": {"name": "Test shop", "currencyCode": "EUR",
                                               "ianaTimezone": "Europe/Berlin"}}, "extensions": {"cost": cost}})
            return
        connection = re.search(r"\b(customers|orders|abandonedCheckouts)\(", query)
        if connection is None:
            self._send(200, {"errors": [{"message": "Field doesn't exist"}]})
            return
        name = connection.group(1)
        items = sorted(self.state.shopify[name], key=lambda n: n["updatedAt"])
        search = variables.get("query") or ""
        since = re.search(r"updated_at:>'([^']+)'", search)
        if since:
            items = [n for n in items if n["updatedAt"] > since.group(1)]
        start = int(variables.get("after") or 0)
        first = int(variables.get("first") or 50)
        page = items[start:start + first]
        has_next = start + first < len(items)
        self._send(200, {"data": {name: {"pageInfo": {"hasNextPage": has_next,
                                                      "endCursor": str(start + first) if has_next else None},
                                         "nodes": page}},
                         "extensions": {"cost": cost}})


class ShopServer:
    """`with ShopServer() as shop:` — a server on a free local port; `shop.url` is its address."""

    def __init__(self) -> None:
        self.state = ShopState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ShopServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
