"""A cart that is bought ends its reminders: cart events carry their cart id and items, the
gallery's cart journeys end on an order of the same cart (not of another), and their messages
list the cart's items with quantity, price and image."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engine.email_render import Brand, render_blocks
from engine.fileformat import journey_from_dict
from engine.problems import JourneyError
from engine.templates import build_variables

JOURNEYS = Path(__file__).resolve().parents[1] / "resources" / "journeys"
ENTRY = {"type": "cart_abandoned", "at": "2026-03-02T10:00:00Z", "properties": {
    "cart_id": "cart-77", "cart_value": 74.5, "currency": "EUR", "cart_url": "https://shop.example/cart/cart-77",
    "items": [{"name": "Linen shirt", "quantity": 2, "price": 24.75, "image_url": "https://shop.example/img/shirt.jpg"},
              {"name": "Wool socks", "quantity": 1, "price": 25}]}}


@pytest.mark.parametrize("language", ["", "de", "ru", "es"])
@pytest.mark.parametrize("name, node", [("03-abandoned-cart-simple.json", "mail-1"),
                                        ("04-abandoned-cart-advanced.json", "mail-1-newcomer")])
def test_cart_reminders_list_items_with_quantity_price_and_image(language, name, node):
    data = json.loads((JOURNEYS / language / name).read_text(encoding="utf-8"))
    assert data["settings"]["exit_on"] == [{"event": "order_placed", "match": ["cart_id"]}]
    config = next(n for n in data["nodes"] if n["id"] == node)["config"]
    assert config["format"] == "blocks"  # a designed email: its product block lists the cart
    profile = {"customer": {"id": "c-1", "first_name": "Anna", "locale": language or "en", "timezone": "UTC"}}
    variables = build_variables(profile, entry=ENTRY, now=datetime(2026, 3, 2, 11, tzinfo=UTC), discount=None,
                                shop={"name": "Nordlicht", "currency": "EUR"})
    html, text = render_blocks(config["blocks"], variables, Brand(), language or "en")
    assert "2 × Linen shirt" in text and "https://shop.example/img/shirt.jpg" in html
    assert "1 × Wool socks" in text and "49" in text and "https://shop.example/cart/cart-77" in text
    older = {**ENTRY, "properties": {"products": [{"name": "Linen shirt", "price": 49.5}]}}  # events before items
    variables = build_variables(profile, entry=older, now=datetime(2026, 3, 2, 11, tzinfo=UTC), discount=None,
                                shop={"name": "Nordlicht"})
    html, text = render_blocks(config["blocks"], variables, Brand(), language or "en")
    assert "Linen shirt" in text


def test_exit_on_match_must_name_properties():
    data = json.loads((JOURNEYS / "03-abandoned-cart-simple.json").read_text(encoding="utf-8"))
    data.pop("tests")
    data["settings"]["exit_on"] = [{"event": "order_placed", "match": "cart_id"}]
    with pytest.raises(JourneyError, match=r"exit_on\[0\]\.match: must be a list of property names"):
        journey_from_dict(data, "x")
