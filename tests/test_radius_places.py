"""Radius segments by city or postcode, from an offline gazetteer (GeoNames cities, bundled)
and the shop's own postcodes, instead of typed latitude and longitude.

Before, a `within_km` row showed three spin boxes (lat, lon, km), and a customer whose city was
not among ~90 built-in names had no location at all.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.editor_wiring import shop_places
from engine.context import CustomerContext, customer_location
from engine.gazetteer import city_location, find_places
from engine.profile import parse_profile
from engine.rules import compile_rule
from storage.customers_repo import upsert_customer
from storage.database import open_database
from widgets.inspector.editors import EditorContext
from widgets.inspector.rule_builder import RuleBuilder
from widgets.inspector.rule_rows import LeafRow
from widgets.inspector.rule_values import GeoInput, set_place_lookup
from widgets.summaries import rule_text

NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture
def builder(qtbot):
    widget = RuleBuilder(EditorContext(segment_names=lambda: []))
    qtbot.addWidget(widget)
    widget.resize(520, 400)
    widget.show()
    yield widget
    set_place_lookup(None)


def _geo(builder: RuleBuilder) -> GeoInput:
    builder.set_rule({"field": "customer.location", "op": "within_km", "value": {"lat": 0, "lon": 0, "km": 30}})
    row = builder.findChildren(LeafRow)[0]
    assert isinstance(row.value_input, GeoInput)
    return row.value_input


def test_the_gazetteer_knows_towns_in_every_script() -> None:
    assert [p.label for p in find_places("München")][:1] == ["Munich, DE"]
    assert find_places("Мюнхен")[0].label == "Munich, DE"
    assert city_location("Kiel", "DE") == pytest.approx((54.32, 10.13), abs=0.05)
    assert find_places("Kiel", "DE")[0].country == "DE"
    # a customer list with a city and no coordinates is placed (Kiel is not a built-in city)
    assert customer_location({"city": "Kiel", "country": "DE"}) == pytest.approx((54.32, 10.13), abs=0.05)


def test_a_radius_row_is_picked_by_city(qtbot, builder: RuleBuilder) -> None:
    geo = _geo(builder)
    assert not geo.coordinates.isVisible()  # no degrees unless asked for
    geo.place.setFocus()
    qtbot.keyClicks(geo.place, "Kiel")
    assert "Kiel, DE" in geo.suggestions.stringList()
    assert geo.choose("Kiel, DE")
    rule = builder.rule()
    assert rule["value"]["place"] == "Kiel, DE" and rule["value"]["km"] == 30
    assert rule["value"]["lat"] == pytest.approx(54.32, abs=0.05)
    assert "30 km of Kiel, DE" in rule_text(rule)
    profile = parse_profile({"customer": {"id": "x", "city": "Neumünster", "country": "DE"}})
    assert compile_rule(rule)(CustomerContext(profile, now=NOW))  # ~30 km away... inside
    far = parse_profile({"customer": {"id": "y", "city": "Hamburg", "country": "DE"}})
    assert not compile_rule(rule)(CustomerContext(far, now=NOW))
    assert not geo.choose("Nowhereville-on-Nothing")
    assert "No city or postcode" in geo.status.text() and geo.more.isChecked()  # coordinates offered


def test_a_radius_row_is_picked_by_the_shops_postcode(qtbot, builder: RuleBuilder, tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    try:
        with db.transaction() as s:
            upsert_customer(s, {"id": "a", "postal_code": "24103", "city": "Kiel", "country": "DE"})
            upsert_customer(s, {"id": "b", "postal_code": "24103", "city": "Kiel", "country": "DE"})
        set_place_lookup(shop_places(db))
        geo = _geo(builder)
        qtbot.keyClicks(geo.place, "2410")
        assert "24103, DE" in geo.suggestions.stringList()
        assert geo.choose("24103, DE")
        value = builder.rule()["value"]
        assert value["place"] == "24103, DE" and value["lat"] == pytest.approx(54.32, abs=0.05)
    finally:
        db.close()
