"""Signed unsubscribe links (the pure part the engine uses to build them)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from engine.channels.unsubscribe import signature, unsubscribe_url, verify

SECRET = "a" * 64


def test_the_link_carries_customer_channel_and_a_verifiable_signature() -> None:
    url = unsubscribe_url("https://shop.example:8443/", SECRET, "c-17", "email")
    parts = urlsplit(url)
    assert parts.path == "/unsubscribe" and parts.netloc == "shop.example:8443"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["c"] == "c-17" and query["ch"] == "email"
    assert verify(SECRET, "c-17", "email", query["sig"])


def test_a_signature_is_bound_to_customer_channel_and_secret() -> None:
    sig = signature(SECRET, "c-17", "email")
    assert not verify(SECRET, "c-18", "email", sig)
    assert not verify(SECRET, "c-17", "sms", sig)
    assert not verify("b" * 64, "c-17", "email", sig)
    assert not verify(SECRET, "c-17", "email", sig[:-1] + ("A" if sig[-1] != "A" else "B"))
    assert not verify(SECRET, "c-17", "fax", sig)
    assert not verify(SECRET, "c-17", "email", "")


def test_ids_with_odd_characters_survive_the_url() -> None:
    url = unsubscribe_url("http://127.0.0.1:8765", SECRET, "ann&bob=1 ü", "sms")
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert query["c"] == "ann&bob=1 ü"
    assert verify(SECRET, query["c"], "sms", query["sig"])


def test_a_base_already_ending_in_unsubscribe_is_kept_and_bad_input_refused() -> None:
    assert urlsplit(unsubscribe_url("https://s.example/jb/unsubscribe", SECRET, "1")).path == "/jb/unsubscribe"
    with pytest.raises(ValueError):
        unsubscribe_url("shop.example", SECRET, "1")
    with pytest.raises(ValueError):
        unsubscribe_url("https://s.example", SECRET, "1", "fax")
    with pytest.raises(ValueError):
        unsubscribe_url("https://s.example", "", "1")
