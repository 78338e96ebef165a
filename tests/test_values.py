"""engine/values.py: the one set of checks every door applies (issue 20)."""

from __future__ import annotations

import re

import pytest

from engine.values import (
    MAX_INT,
    ValueProblem,
    amount,
    check_json_value,
    email_address,
    parse_json,
    phone_number,
    single_line,
    spreadsheet_cell,
)


@pytest.mark.parametrize(("given", "stored"), [
    ("anna@example.org", "anna@example.org"),
    ("  Anna.Schmidt@Example.DE ", "Anna.Schmidt@example.de"),
    ("jürgen@münchen.example", "jürgen@münchen.example"),  # SMTPUTF8 local part, IDN domain
    ("ольга@пример.рф", "ольга@пример.рф"),
    ("user+tag@xn--mnchen-3ya.example", "user+tag@münchen.example"),
])
def test_one_address_is_accepted_and_normalised(given: str, stored: str) -> None:
    assert email_address(given, "customer.email") == stored


@pytest.mark.parametrize("given", [
    '"x\r\nBcc: evil@example.org" <c9@example.org>',
    "Anna <anna@example.org>",
    "a@example.org, b@example.org",
    "a@example.org\r\nBcc: evil@example.org",
    "a@example.org b@example.org",
    "no-at-sign",
    "a@localhost",
    "",
])
def test_anything_but_exactly_one_address_is_refused_on_one_line(given: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        email_address(given, "customer.email")
    assert str(caught.value).startswith("customer.email: ")
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)


@pytest.mark.parametrize(("given", "region", "stored"), [
    ("+4915112345678", None, "+4915112345678"),
    ("+49 151 1234 5678", None, "+4915112345678"),
    ("0151 12345678", "DE", "+4915112345678"),
    ("0151 12345678", "de", "+4915112345678"),
    ("(212) 555-0123", "US", "+12125550123"),
    ("+44 7700 900123", "DE", "+447700900123"),  # the country code wins over the region
])
def test_possible_phone_numbers_are_stored_as_e164(given: str, region: str | None, stored: str) -> None:
    assert phone_number(given, "customer.phone", region) == stored


@pytest.mark.parametrize(("given", "region", "words"), [
    ("0151 12345678", None, "country code"),
    ("+100", None, "not a"),
    ("+1 212 555", None, "not a possible phone number"),
    ("+4915112345678901234", None, "too many digits"),
    ("+49 12", None, "too few"),
    ("12", "DE", "too few"),
    ("hello", "DE", "not a phone number"),
    ("+4915112345678\r\nX", None, "control character"),
    ("+49" + "1" * 60, None, "characters"),
])
def test_impossible_phone_numbers_are_refused(given: str, region: str | None, words: str) -> None:
    with pytest.raises(ValueProblem, match=words) as caught:
        phone_number(given, "customer.phone", region)
    assert caught.value.where == "customer.phone"


@pytest.mark.parametrize(("value", "path"), [
    ({"x": float("nan")}, "properties.x"),
    ({"x": {"y": [1, float("inf")]}}, "properties.x.y[1]"),
    ({"x": -float("inf")}, "properties.x"),
    ({"x": MAX_INT + 1}, "properties.x"),
    ({"x": -MAX_INT - 1}, "properties.x"),
    ({"x": "a" * 70_000}, "properties.x"),
    ({"x": list(range(10_001))}, "properties.x"),
    ({"k" * 300: 1}, "properties"),
    ({"x": {1, 2}}, "properties.x"),
])
def test_what_json_cannot_hold_is_refused_naming_the_path(value: object, path: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        check_json_value(value, "properties")
    assert caught.value.where == path


def test_nesting_is_bounded_at_32_levels() -> None:
    value: object = 1
    for _ in range(32):
        value = [value]
    check_json_value(value, "p")
    with pytest.raises(ValueProblem, match="nested more than 32"):
        check_json_value([value], "p")


def test_sane_values_pass() -> None:
    check_json_value({"cart": {"items": [{"sku": "A-1", "price": 19.9, "qty": 2}], "coupon": None,
                               "big": MAX_INT, "small": -MAX_INT, "vip": True}}, "properties")


@pytest.mark.parametrize(("text", "words"), [
    ('{"a": NaN}', "a: NaN is not a number"),
    ('{"a": [Infinity]}', "a[0]: Infinity"),
    ('{"a": -Infinity}', "-Infinity"),
    ('{"a": 1e999}', "1e999 is not a number"),
    ("9" * 5000, "a number of 5,000 characters"),
    ('{"a": 99999999999999999999}', "out of range"),
    ("[" * 100_000 + "]" * 100_000, "nested more than 32"),
    ("[" * 40 + "]" * 40, "nested more than 32"),
    ("{bad", "not valid JSON (line 1, column 2"),
])
def test_parse_json_refuses_what_json_loads_lets_through(text: str, words: str) -> None:
    with pytest.raises(ValueProblem, match=re.escape(words)) as caught:
        parse_json(text, "file.json")
    assert str(caught.value).startswith("file.json: ")


def test_parse_json_keeps_good_documents() -> None:
    assert parse_json('{"a": [1, 2.5, "x", null, true], "b": -9223372036854775807}', "f") == {
        "a": [1, 2.5, "x", None, True], "b": -(2**63 - 1)}


@pytest.mark.parametrize("text", ["Anna\r\nBcc: x@example.org", "Anna\x00", "tab\there", "line\u2028sep"])
def test_one_line_texts_refuse_control_characters(text: str) -> None:
    with pytest.raises(ValueProblem, match="control character"):
        single_line(text, "customer.first_name")


@pytest.mark.parametrize(("value", "words"), [(float("nan"), "not a number"), (1e13, "beyond"),
                                              ("12", "not a number"), (True, "not a number"),
                                              (10**400, "beyond")])
def test_amounts_are_finite_and_bounded(value: object, words: str) -> None:
    with pytest.raises(ValueProblem, match=words):
        amount(value, "total")
    assert amount(-19.5, "total") == -19.5 and amount(10**12, "total") == 1e12


@pytest.mark.parametrize(("cell", "written"), [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+SUM(A1)", "'+SUM(A1)"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-12.5", "-12.5"),
    ("+4915112345678", "+4915112345678"),
    ("plain", "plain"),
    (-3, -3),
    (None, None),
])
def test_spreadsheet_cells_never_run_as_formulas(cell: object, written: object) -> None:
    assert spreadsheet_cell(cell) == written
