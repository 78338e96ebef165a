"""The local HTTP API: events stored before they are acknowledged, token, validation, and
unsubscribe links that really opt the customer out."""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.http_api import HttpApi, start_http_api
from engine.channels.unsubscribe import unsubscribe_url
from storage.customers_repo import get_customer, upsert_customer
from storage.database import open_database
from storage.models import EventRow, OrderRow
from storage.shop_repo import get_settings

TOKEN = "api-token-5d1e"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Path, HttpApi, str]]:
    path = tmp_path / "shop.sqlite"
    with open_database(path) as db, db.transaction() as session:
        upsert_customer(session, {"id": "c-17", "email": "anna@example.org",
                                  "consent": {"email": True, "sms": True, "push": False}})
    server, port = start_http_api(path, token=TOKEN)
    try:
        yield path, server, f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def call(url: str, body: Any = None, *, method: str = "POST", headers: dict[str, str] | None = None,
         raw: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def test_an_event_is_stored_before_the_202_arrives(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    status, _, body = call(f"{base}/events", {"type": "cart_abandoned", "customer": "c-17",
                                              "at": "2026-11-02T18:00:00Z", "properties": {"cart_value": 74.5}},
                           headers=bearer())
    assert status == 202
    answer = json.loads(body)
    assert answer["status"] == "stored"
    # A separate connection, opened only after the answer: the row must already be committed.
    with open_database(path) as db, db.read() as session:
        row = session.get(EventRow, answer["id"])
        assert row is not None
        assert (row.customer_id, row.type, row.properties) == ("c-17", "cart_abandoned", {"cart_value": 74.5})
        assert row.at.isoformat().startswith("2026-11-02T18:00:00")


def test_an_event_without_a_time_is_stamped_now_and_x_journey_token_works(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    status, _, body = call(f"{base}/events", {"type": "page_view", "customer": "c-17"},
                           headers={"X-Journey-Token": TOKEN})
    assert status == 202
    with open_database(path) as db, db.read() as session:
        assert session.get(EventRow, json.loads(body)["id"]) is not None


def test_order_placed_also_stores_the_order(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    status, _, _ = call(f"{base}/events", {"type": "order_placed", "customer": "c-17", "at": "2026-11-03T10:00:00Z",
                                           "properties": {"order_id": "o-9", "total": 42.5, "currency": "eur",
                                                          "items": 2}}, headers=bearer())
    assert status == 202
    with open_database(path) as db, db.read() as session:
        order = session.get(OrderRow, "o-9")
        assert order is not None
        assert (order.customer_id, order.total, order.currency, order.properties) == ("c-17", 42.5, "EUR", {"items": 2})


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-Journey-Token": ""},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_without_the_token_401(shop: tuple[Path, HttpApi, str], headers: dict[str, str]) -> None:
    path, _, base = shop
    status, answer_headers, body = call(f"{base}/events", {"type": "x", "customer": "c-17"}, headers=headers)
    assert status == 401
    assert "token" in json.loads(body)["error"]
    assert answer_headers.get("WWW-Authenticate", "").startswith("Bearer")
    with open_database(path) as db, db.read() as session:
        assert session.query(EventRow).count() == 0


@pytest.mark.parametrize(("body", "field", "words"), [
    ({"customer": "c-17"}, "type", "type: missing"),
    ({"type": "  ", "customer": "c-17"}, "type", "type: missing"),
    ({"type": "x"}, "customer", "customer: missing"),
    ({"type": "x", "customer": True}, "customer", "customer"),
    ({"type": "x", "customer": "c-17", "at": "yesterday"}, "at", "at: 'yesterday' is not an ISO 8601 time"),
    ({"type": "x", "customer": "c-17", "at": "2026-11-02T18:00:00"}, "at", "no time zone offset"),
    ({"type": "x", "customer": "c-17", "properties": [1]}, "properties", "properties: must be an object"),
    ({"type": "x", "customer": "c-17", "colour": "red"}, "colour", "unknown field(s): colour"),
    ([1, 2], None, "must be a JSON object"),
])
def test_a_bad_body_is_400_naming_the_field(shop: tuple[Path, HttpApi, str], body: Any, field: str | None,
                                            words: str) -> None:
    _, _, base = shop
    status, _, raw = call(f"{base}/events", body, headers=bearer())
    assert status == 400
    answer = json.loads(raw)
    assert words in answer["error"]
    assert answer.get("field") == field


@pytest.mark.parametrize(("raw", "words"), [(b"{not json", "not valid JSON"), (b"", "empty")])
def test_unparsable_bodies_are_400(shop: tuple[Path, HttpApi, str], raw: bytes, words: str) -> None:
    _, _, base = shop
    status, _, body = call(f"{base}/events", raw=raw, headers=bearer())
    assert status == 400 and words in json.loads(body)["error"]


def test_an_unknown_customer_is_404_and_nothing_is_stored(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    status, _, body = call(f"{base}/events", {"type": "x", "customer": "nobody"}, headers=bearer())
    assert status == 404
    assert json.loads(body) == {"error": "no customer with id 'nobody'", "field": "customer"}
    with open_database(path) as db, db.read() as session:
        assert session.query(EventRow).count() == 0


def test_unknown_paths_and_health(shop: tuple[Path, HttpApi, str]) -> None:
    _, _, base = shop
    assert call(f"{base}/nope", {}, headers=bearer())[0] == 404
    status, _, body = call(f"{base}/health", method="GET")
    assert status == 200 and json.loads(body) == {"ok": True}


def _secret(path: Path) -> str:
    with open_database(path) as db, db.transaction() as session:
        return get_settings(session).discount_secret


def _consent(path: Path, channel: str) -> bool:
    with open_database(path) as db, db.read() as session:
        return bool(getattr(get_customer(session, "c-17"), f"consent_{channel}"))


def test_opening_the_link_asks_and_changes_nothing_the_button_unsubscribes(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    assert _consent(path, "email")
    link = unsubscribe_url(base, _secret(path), "c-17", "email")
    for _ in range(3):  # mail scanners open every link of a message, some of them several times
        status, headers, body = call(link, method="GET")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert b'<form method="post">' in body and b"Unsubscribe" in body
    assert _consent(path, "email")
    status, _, body = call(link, raw=b"", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and b"<h1>You're unsubscribed</h1>" in body
    assert not _consent(path, "email")
    assert _consent(path, "sms"), "only the link's channel changes"
    assert call(link, raw=b"")[0] == 200, "pressing the button twice is fine"
    with open_database(path) as db, db.read() as session:
        from storage.suppressions_repo import list_suppressions

        entries = list_suppressions(session)
    assert [(e.customer_id, e.channel, e.reason, e.source) for e in entries] == [
        ("c-17", "email", "unsubscribed", "confirmation page")] * 2


def test_one_click_post_opts_out(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    link = unsubscribe_url(base, _secret(path), "c-17", "sms")
    status, _, _ = call(link, raw=b"List-Unsubscribe=One-Click",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    assert not _consent(path, "sms") and _consent(path, "email")
    with open_database(path) as db, db.read() as session:
        from storage.suppressions_repo import list_suppressions

        assert [(e.channel, e.source) for e in list_suppressions(session)] == [("sms", "one-click (mail app)")]


def test_a_bad_signature_is_refused_and_changes_nothing(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    link = unsubscribe_url(base, "not the shop's secret", "c-17", "email")
    status, _, body = call(link, method="GET")
    assert status == 403 and b"not valid" in body
    good = unsubscribe_url(base, _secret(path), "c-17", "email")
    sig = parse_qs(urlsplit(good).query)["sig"][0]
    forged = f"{base}/unsubscribe?c=c-18&ch=email&sig={sig}"
    assert call(forged, method="GET")[0] == 403
    assert call(f"{base}/unsubscribe?c=c-17&ch=email", method="GET")[0] == 400
    assert _consent(path, "email")


def test_a_dedicated_unsubscribe_key(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    with open_database(path) as db, db.transaction() as session:
        upsert_customer(session, {"id": "c-17", "consent": {"email": True}})
    server, port = start_http_api(path, token=TOKEN, unsubscribe_secret="dedicated-key")
    try:
        assert call(unsubscribe_url(f"http://127.0.0.1:{port}", _secret(path), "c-17"), method="GET")[0] == 403
        assert call(unsubscribe_url(f"http://127.0.0.1:{port}", "dedicated-key", "c-17"), raw=b"")[0] == 200
    finally:
        server.stop()
    assert not _consent(path, "email")


def test_the_token_never_reaches_the_log(shop: tuple[Path, HttpApi, str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _, _, base = shop
    call(f"{base}/events", {"type": "x", "customer": "c-17"}, headers=bearer())
    call(f"{base}/events", {"type": "x", "customer": "c-17"}, headers=bearer("wrong-" + TOKEN))
    assert TOKEN not in caplog.text


def test_concurrent_events_are_all_stored(shop: tuple[Path, HttpApi, str]) -> None:
    path, _, base = shop
    statuses: list[int] = []

    def post(n: int) -> None:
        statuses.append(call(f"{base}/events", {"type": "page_view", "customer": "c-17",
                                                "properties": {"n": n}}, headers=bearer())[0])

    threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [202] * 20
    with open_database(path) as db, db.read() as session:
        assert session.query(EventRow).count() == 20


def test_a_token_is_required_to_start() -> None:
    with pytest.raises(ValueError):
        start_http_api("unused.sqlite", token="")


# -- nothing a client sends may hurt the shop (issue 20) ------------------------------------------
@pytest.fixture
def quick(tmp_path: Path) -> Iterator[tuple[Path, HttpApi, int]]:
    """The shop's server with a short socket timeout, so a stalled client is dropped quickly."""
    path = tmp_path / "shop.sqlite"
    with open_database(path) as db, db.transaction() as session:
        upsert_customer(session, {"id": "c-17", "email": "anna@example.org"})
    server, port = start_http_api(path, token=TOKEN, request_timeout=0.5)
    try:
        yield path, server, port
    finally:
        server.stop()


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    return sock


def _read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes; a socket timeout (30 s) fails the test instead."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _events(path: Path) -> int:
    with open_database(path) as db, db.read() as session:
        return session.query(EventRow).count()


def test_stalled_connections_are_closed_by_the_server(quick: tuple[Path, HttpApi, int]) -> None:
    _, _, port = quick
    silent = [_connect(port) for _ in range(30)]  # connect and never send a byte
    halfway = _connect(port)  # a body that stops after 10 of 100 bytes
    halfway.sendall(b"POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
                    + b"\r\nContent-Length: 100\r\n\r\n{\"type\": ")
    for sock in [*silent, halfway]:
        assert _read_all(sock) == b"", "the server closes a stalled connection without an answer"
        sock.close()
    status, _, body = call(f"http://127.0.0.1:{port}/health", method="GET")
    assert status == 200 and json.loads(body) == {"ok": True}


def test_a_70_kb_address_gets_414_and_the_server_serves_the_next_request(
        quick: tuple[Path, HttpApi, int], capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _, _, port = quick
    sock = _connect(port)
    sock.sendall(b"GET /unsubscribe?c=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    answer = _read_all(sock)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 414 ")
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"error": "the address is longer than 65,536 characters"}
    status, _, _ = call(f"http://127.0.0.1:{port}/health", method="GET")
    assert status == 200
    assert "Traceback" not in capfd.readouterr().err
    assert "a" * 200 not in caplog.text, "the log never carries the query"


def _raw_event(port: int, body: bytes, extra: str = "") -> tuple[int, dict[str, Any]]:
    return _raw(port, b"POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
                + f"\r\nContent-Type: application/json{extra}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)


def _raw(port: int, request: bytes) -> tuple[int, dict[str, Any]]:
    sock = _connect(port)
    sock.sendall(request)
    head, _, rest = b"", b"", b""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, data
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(rest) < length:
        rest += sock.recv(65536)
    sock.close()
    return int(head.split()[1]), json.loads(rest)


@pytest.mark.parametrize(("body", "status", "words", "field"), [
    (b"[" * 100_000 + b"]" * 100_000, 400, "nested more than 32 levels deep", None),
    (b'{"type": "x", "customer": "c-17", "properties": {"a": ' + b"[" * 40 + b"]" * 40 + b"}}", 400,
     "nested more than 32 levels deep", "properties"),
    (b'{"type": "x", "customer": "c-17", "properties": {"n": ' + b"9" * 5000 + b"}}", 400,
     "properties.n: a number of 5,000 characters (at most 100)", "properties"),
    (b'{"type": "x", "customer": "c-17", "properties": {"n": NaN}}', 400, "properties.n: NaN is not a number",
     "properties"),
    (b'{"type": "x", "customer": "c-17", "properties": {"n": [-Infinity]}}', 400, "properties.n[0]: -Infinity",
     "properties"),
    (b'{"type": "x", "customer": "c-17", "properties": {"n": 1e999}}', 400, "properties.n: 1e999", "properties"),
    (b'{"type": "x", "customer": "c-17", "properties": {"n": 18446744073709551616}}', 400, "out of range",
     "properties"),
    (b'{"type": "x", "customer": "c-17", "at": "9999-12-31T00:00:00Z"}', 400, "outside the years 1900", "at"),
    (b'{"type": "x\\r\\nX-Evil: 1", "customer": "c-17"}', 400, "type: ", "type"),
    (b'{"type": "order_placed", "customer": "c-17", "properties": {"total": 1' + b"0" * 400 + b"}}", 400,
     "properties.total: a number of 401 characters", "properties"),
    (b'{"type": "order_placed", "customer": "c-17", "properties": {"total": 1e13}}', 400,
     "properties.total: 10000000000000.0 is beyond ±1,000,000,000,000", "properties"),
    (b'{"type": "order_placed", "customer": "c-17", "properties": {"total": 100000000000000000000}}', 400,
     "properties.total: 100000000000000000000 is out of range", "properties"),
    (b'{"type": "order_placed", "customer": "c-17", "properties": {"total": "lots"}}', 400,
     'properties.total: "lots" is not a number', "properties"),
    (b"\xff\xfe{}", 400, "not valid JSON (not UTF-8", None),
])
def test_bodies_that_can_never_succeed_are_4xx_and_store_nothing(quick: tuple[Path, HttpApi, int], body: bytes,
                                                                 status: int, words: str, field: str | None) -> None:
    path, _, port = quick
    got, answer = _raw_event(port, body)
    assert got == status and words in answer["error"], answer
    assert answer.get("field") == field
    assert _events(path) == 0


@pytest.mark.parametrize(("extra", "body", "status", "words"), [
    ("", b"x" * 300_000, 413, "larger than 262,144 bytes"),
    ("\r\nContent-Encoding: gzip", b"{}", 415, "uncompressed"),
])
def test_oversized_and_encoded_bodies(quick: tuple[Path, HttpApi, int], extra: str, body: bytes, status: int,
                                      words: str) -> None:
    path, _, port = quick
    got, answer = _raw_event(port, body, extra)
    assert got == status and words in answer["error"]
    assert _events(path) == 0


def test_a_chunked_body_is_411(quick: tuple[Path, HttpApi, int]) -> None:
    _, _, port = quick
    got, answer = _raw(port, b"POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
                       + b"\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
    assert got == 411 and "Content-Length" in answer["error"]


def test_a_locked_database_is_503_and_a_retry_succeeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """503 means "the database is busy just now", the one failure a retry can cure."""
    monkeypatch.setattr("storage.database.BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "shop.sqlite"
    with open_database(path) as db, db.transaction() as session:
        upsert_customer(session, {"id": "c-17"})
    server, port = start_http_api(path, token=TOKEN)
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        status, headers, body = call(f"http://127.0.0.1:{port}/events", {"type": "x", "customer": "c-17"},
                                     headers=bearer())
        assert status == 503 and headers.get("Retry-After") == "5" and "try again" in json.loads(body)["error"]
        blocker.execute("ROLLBACK")
        assert call(f"http://127.0.0.1:{port}/events", {"type": "x", "customer": "c-17"}, headers=bearer())[0] == 202
    finally:
        blocker.close()
        server.stop()


def test_a_failure_that_is_not_the_database_is_500_not_503(quick: tuple[Path, HttpApi, int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path, _, port = quick

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr("storage.history_repo.add_event", broken)
    status, _, body = call(f"http://127.0.0.1:{port}/events", {"type": "x", "customer": "c-17"}, headers=bearer())
    assert status == 500 and "internal error" in json.loads(body)["error"]
    assert _events(path) == 0
