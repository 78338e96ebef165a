"""Fuzzing the doors (issue 20): whatever a file, an import or an HTTP client sends, the door
answers with its documented error or accepts it, and a refusal leaves the database as it was.

Deterministic (derandomize) and small, so the whole file runs in seconds; the generators lean
on what broke before: NaN and Infinity, numbers past 64 bits, deep nesting, CR/LF and display
names in addresses, quotes that never close, years far outside 1900-2199.
"""

from __future__ import annotations

import http.client
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.http_api import HttpApi, start_http_api
from engine.profile import ProfileError, check_profile, parse_profile
from storage.customers_repo import upsert_customer
from storage.database import Database, open_database
from storage.importers import ImportProblem, import_file
from storage.models import CustomerRow, EventRow, OrderRow

FUZZ = settings(derandomize=True, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TOKEN = "fuzz-token"

# -- what the generators draw from ---------------------------------------------------------------
numbers = st.one_of(st.integers(min_value=-(2**70), max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([2**63 - 1, -(2**63) + 1, 2**63, 1e308, 1e-308, -0.0]))
nasty_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(['"x\r\nBcc: evil@example.org" <c9@example.org>', "a@example.org, b@example.org",
                     "Anna <a@example.org>", "jürgen@münchen.example", "c9@example.org", "0151 12345678",
                     "+4915112345678", "+1 212 555", "=cmd|' /C calc'!A0", "9999-12-31T00:00:00Z",
                     "2026-01-05T10:00:00Z", "1900-01-01", "0001-01-01T00:00:00+01:00", "Europe/Berlin",
                     "P99999999D", "NaN", "Infinity", "", " ", "\x00", "DE"]),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, nasty_text)
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                            st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                           max_leaves=12)


def deep(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


# Mostly plausible values, some garbage, now and then nesting past the limit.
maybe = st.one_of(nasty_text, nasty_text, scalars, json_values, st.sampled_from([deep(40), deep(32)]))
field = st.one_of(st.none(), nasty_text, maybe)
customers = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["c-1", "c-2", "c9"]), st.sampled_from(["c-1", "c-2", "c9"]), maybe)},
    optional={key: field for key in ("email", "phone", "first_name", "country", "birthdate", "signup_at",
                                     "timezone", "consent", "tags", "properties", "lat", "locale")})
orders = st.fixed_dictionaries({"placed_at": maybe}, optional={"id": maybe, "total": maybe, "currency": maybe,
                                                               "items": maybe})
events = st.fixed_dictionaries({"type": maybe, "at": maybe}, optional={"properties": maybe})
shaped_profiles = st.fixed_dictionaries({"customer": customers},
                                        optional={"orders": st.one_of(st.lists(orders, max_size=2), maybe),
                                                  "events": st.one_of(st.lists(events, max_size=2), maybe)})
profiles = st.one_of(shaped_profiles, shaped_profiles, shaped_profiles, json_values)


# -- profile files --------------------------------------------------------------------------------
@FUZZ
@given(profiles)
def test_a_profile_is_read_or_refused_with_a_profile_error(data: Any) -> None:
    try:
        checked = check_profile(data)
        profile = parse_profile(checked)
    except ProfileError as exc:
        assert "\n" not in str(exc) and "\r" not in str(exc)
        return
    json.dumps(checked, allow_nan=False, default=str)  # what was accepted, JSON can hold
    for order in profile.orders:
        assert math.isfinite(order.total)


@FUZZ
@given(profiles)
def test_reading_a_stored_shape_never_raises_anything_but_a_profile_error(data: Any) -> None:
    try:
        parse_profile(data)
    except ProfileError:
        pass


# -- CSV imports --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("fuzz") / "shop.sqlite")
    with db.transaction() as session:
        upsert_customer(session, {"id": "c-1", "email": "one@example.org"})
    yield db
    db.close()


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (CustomerRow, OrderRow, EventRow))


cell = st.one_of(st.text(alphabet='ab1@.,;"\r\n =+-\tü', max_size=10), nasty_text,
                 st.sampled_from(["c-1", "c9", "one@example.org", "2025-01-01T10:00:00Z", "12.50", "1e999",
                                  "9" * 30, '"unclosed', 'x"y', '""']))
header = st.sampled_from(["id,email,phone,country,first_name,birthdate,score",
                          "id,email", "customer_id,type,at,cart_value", "id,customer_id,placed_at,total,currency",
                          'id,"email', "email;phone;country"])


@FUZZ
@given(kind=st.sampled_from(["customers", "orders", "events"]), head=header,
       rows=st.lists(st.lists(cell, max_size=7), max_size=5), end=st.sampled_from(["\n", "\r\n", ""]))
def test_a_csv_import_is_whole_or_nothing(database: Database, tmp_path_factory: pytest.TempPathFactory,
                                          kind: str, head: str, rows: list[list[str]], end: str) -> None:
    path = tmp_path_factory.mktemp("csv") / "file.csv"
    path.write_text(head + "\n" + "\n".join(",".join(r) for r in rows) + end, encoding="utf-8", newline="")
    before = counts(database)
    try:
        result = import_file(database, kind, path)
    except ImportProblem as exc:
        assert "\n" not in str(exc)
        assert counts(database) == before
        return
    if not result.ok:
        assert counts(database) == before
        assert all("\n" not in str(e) for e in result.errors)
    with database.read() as session:
        for email, phone in session.execute(select(CustomerRow.email, CustomerRow.phone)):
            assert email is None or ("\n" not in email and "\r" not in email and "," not in email)
            assert phone is None or phone.startswith("+")


@FUZZ
@given(records=st.lists(st.one_of(customers, json_values), max_size=3))
def test_a_json_import_is_whole_or_nothing(database: Database, tmp_path_factory: pytest.TempPathFactory,
                                           records: list[Any]) -> None:
    path = tmp_path_factory.mktemp("json") / "file.json"
    path.write_text(json.dumps(records), encoding="utf-8")  # NaN and Infinity written as a careless exporter would
    before = counts(database)
    try:
        result = import_file(database, "customers", path)
    except ImportProblem:
        assert counts(database) == before
        return
    if not result.ok:
        assert counts(database) == before


# -- HTTP bodies ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HttpApi, int, Path]]:
    path = tmp_path_factory.mktemp("http") / "shop.sqlite"
    with open_database(path) as db, db.transaction() as session:
        upsert_customer(session, {"id": "c-1"})
    api, port = start_http_api(path, token=TOKEN, request_timeout=2)
    yield api, port, path
    api.stop()


def post(port: int, body: bytes) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/events", body=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                           "Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


event_bodies = st.one_of(
    st.fixed_dictionaries({}, optional={"type": st.one_of(st.sampled_from(["page_view", "order_placed"]), maybe),
                                        "customer": st.one_of(st.sampled_from(["c-1", "nobody"]), maybe),
                                        "at": maybe, "properties": maybe}).map(
        lambda d: json.dumps(d, default=str).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40),
    st.sampled_from([b"[" * 5000, b'{"type": "x", "customer": "c-1", "properties": {"n": ' + b"9" * 5000 + b"}}",
                     b'{"type": "x", "customer": "c-1", "properties": {"n": NaN}}', b"\xff\xfe", b"{" * 3]),
)


@FUZZ
@given(body=event_bodies)
def test_an_http_body_is_stored_or_refused_with_a_4xx(server: tuple[HttpApi, int, Path], body: bytes) -> None:
    _, port, path = server
    with open_database(path) as db:
        before = counts(db)
        status, answer = post(port, body)
        assert status in (202, 400, 404), (status, answer, body[:200])
        if status == 202:
            with db.read() as session:
                stored = session.get(EventRow, answer["id"])
                json.dumps(stored.properties, allow_nan=False)
        else:
            assert set(answer) <= {"error", "field"} and "\n" not in answer["error"]
            assert counts(db) == before
