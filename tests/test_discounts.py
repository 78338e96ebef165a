"""Discount codes: deterministic per customer and node, unguessable without the shop's secret."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.discounts import CODE_ALPHABET, DEFAULT_SECRET, check_discount, discount_code, make_discount

SECRET = "s3cret-of-the-shop"
BODY = re.compile(r"^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$")


def test_alphabet_is_unambiguous():
    assert len(CODE_ALPHABET) == len(set(CODE_ALPHABET)) == 32
    assert not set("01OI") & set(CODE_ALPHABET)


def test_code_format_with_and_without_prefix():
    code = discount_code(SECRET, "cart", "mail-2", "c-17", "CART")
    assert re.fullmatch(r"CART-[23456789A-HJ-NP-Z]{8}", code)
    bare = discount_code(SECRET, "cart", "mail-2", "c-17")
    assert BODY.match(bare)
    assert code == f"CART-{bare}"  # the prefix decorates, it does not change the code


def test_code_is_deterministic():
    assert discount_code(SECRET, "j", "n", "c", "X") == discount_code(SECRET, "j", "n", "c", "X")


def test_code_differs_by_customer_node_journey_and_secret():
    base = discount_code(SECRET, "journey", "node", "customer")
    others = {
        discount_code(SECRET, "journey", "node", "customer-2"),
        discount_code(SECRET, "journey", "node-2", "customer"),
        discount_code(SECRET, "journey-2", "node", "customer"),
        discount_code("another secret", "journey", "node", "customer"),
        discount_code(DEFAULT_SECRET, "journey", "node", "customer"),
    }
    assert base not in others
    assert len(others) == 5


def test_ids_cannot_be_shifted_between_fields():
    assert discount_code(SECRET, "a-b", "c", "d") != discount_code(SECRET, "a", "b-c", "d")
    assert discount_code(SECRET, "a", "b", "c|d") != discount_code(SECRET, "a", "b|c", "d")


def test_empty_secret_is_refused():
    with pytest.raises(ValueError):
        discount_code("", "j", "n", "c")


def test_prefix_is_normalised():
    assert discount_code(SECRET, "j", "n", "c", "cart-").startswith("CART-")
    assert "-" not in discount_code(SECRET, "j", "n", "c", "")


@given(journey=st.text(), node=st.text(), customer=st.text(),
       prefix=st.from_regex(r"[A-Z0-9]{1,12}", fullmatch=True))
def test_codes_are_stable_and_well_formed_for_any_ids(journey, node, customer, prefix):
    code = discount_code(SECRET, journey, node, customer, prefix)
    assert code == discount_code(SECRET, journey, node, customer, prefix)
    head, _, body = code.rpartition("-")
    assert head == prefix
    assert BODY.match(body)
    assert BODY.match(discount_code(SECRET, journey, node, customer))


def test_codes_spread_over_many_customers():
    codes = {discount_code(SECRET, "j", "n", f"c-{i}") for i in range(5000)}
    assert len(codes) == 5000


# --- make_discount -------------------------------------------------------------------------------

def test_make_discount():
    moment = datetime(2026, 11, 3, 18, 0, tzinfo=UTC)
    d = make_discount({"percent": 5, "valid_for": "P14D", "prefix": "CART"}, secret=SECRET,
                      journey="cart", node="mail-2", customer="c-17", moment=moment, tz="Europe/Berlin")
    assert d == {
        "code": discount_code(SECRET, "cart", "mail-2", "c-17", "CART"),
        "percent": 5,
        "expires_at": datetime(2026, 11, 17, 18, 0, tzinfo=UTC),
        "prefix": "CART",
    }
    assert d["expires_at"].tzinfo is not None and d["expires_at"].utcoffset().total_seconds() == 0


def test_same_customer_same_node_gets_the_same_code_later():
    config = {"percent": 10, "valid_for": "P7D"}
    first = make_discount(config, secret=SECRET, journey="j", node="n", customer="c",
                          moment=datetime(2026, 1, 1, tzinfo=UTC), tz=None)
    again = make_discount(config, secret=SECRET, journey="j", node="n", customer="c",
                          moment=datetime(2026, 6, 1, tzinfo=UTC), tz=None)
    assert first["code"] == again["code"]
    assert first["expires_at"] != again["expires_at"]
    assert first["prefix"] == ""


@pytest.mark.parametrize("tz", ["Europe/Berlin", ZoneInfo("Europe/Berlin")])
def test_expiry_keeps_local_wall_time_across_dst(tz):
    berlin = ZoneInfo("Europe/Berlin")
    # 10:00 CET on 20 March; summer time starts on 29 March 2026.
    moment = datetime(2026, 3, 20, 10, 0, tzinfo=berlin)
    d = make_discount({"percent": 5, "valid_for": "P14D"}, secret=SECRET, journey="j", node="n",
                      customer="c", moment=moment, tz=tz)
    local = d["expires_at"].astimezone(berlin)
    assert (local.date().isoformat(), local.hour, local.minute) == ("2026-04-03", 10, 0)
    assert d["expires_at"] == datetime(2026, 4, 3, 8, 0, tzinfo=UTC)
    assert (d["expires_at"] - moment).total_seconds() == 14 * 86400 - 3600


def test_expiry_time_part_is_exact():
    moment = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    d = make_discount({"percent": 5, "valid_for": "PT48H"}, secret=SECRET, journey="j", node="n",
                      customer="c", moment=moment, tz="Europe/Berlin")
    assert d["expires_at"] == datetime(2026, 3, 30, 12, 0, tzinfo=UTC)


def test_make_discount_rejects_bad_config_and_naive_moment():
    with pytest.raises(ValueError, match="percent"):
        make_discount({"percent": 0, "valid_for": "P1D"}, secret=SECRET, journey="j", node="n",
                      customer="c", moment=datetime(2026, 1, 1, tzinfo=UTC), tz=None)
    with pytest.raises(ValueError):
        make_discount({"percent": 5, "valid_for": "P1D"}, secret=SECRET, journey="j", node="n",
                      customer="c", moment=datetime(2026, 1, 1), tz=None)


# --- check_discount ------------------------------------------------------------------------------

@pytest.mark.parametrize("config", [
    {"percent": 5, "valid_for": "P14D", "prefix": "CART"},
    {"percent": 100, "valid_for": "PT4H"},
    {"percent": 12.5, "valid_for": "P1M", "prefix": ""},
    {"percent": 0.5, "valid_for": "P1DT12H", "prefix": "BF-2026"},
])
def test_check_discount_accepts(config):
    assert check_discount(config) == []


@pytest.mark.parametrize(("config", "word"), [
    ({"percent": 0, "valid_for": "P1D"}, "percent"),
    ({"percent": -5, "valid_for": "P1D"}, "percent"),
    ({"percent": 101, "valid_for": "P1D"}, "percent"),
    ({"percent": "5", "valid_for": "P1D"}, "percent"),
    ({"percent": True, "valid_for": "P1D"}, "percent"),
    ({"percent": float("nan"), "valid_for": "P1D"}, "percent"),
    ({"valid_for": "P1D"}, "percent"),
    ({"percent": 5}, "valid_for"),
    ({"percent": 5, "valid_for": "14 days"}, "valid_for"),
    ({"percent": 5, "valid_for": 14}, "valid_for"),
    ({"percent": 5, "valid_for": ["P1D"]}, "valid_for"),
    ({"percent": 5, "valid_for": "-P1D"}, "valid_for"),
    ({"percent": 5, "valid_for": "PT0S"}, "valid_for"),
    ({"percent": 5, "valid_for": "P1D", "prefix": "cart"}, "prefix"),
    ({"percent": 5, "valid_for": "P1D", "prefix": "TOO-LONG-PREFIX"}, "prefix"),
    ({"percent": 5, "valid_for": "P1D", "prefix": "SALE!"}, "prefix"),
    ({"percent": 5, "valid_for": "P1D", "prefix": 7}, "prefix"),
])
def test_check_discount_rejects(config, word):
    problems = check_discount(config)
    assert len(problems) == 1
    assert word in problems[0]


def test_check_discount_reports_every_problem_and_non_objects():
    assert len(check_discount({"percent": "x", "valid_for": "x", "prefix": "x"})) == 3
    assert check_discount(None) and check_discount("5%") and check_discount([])
