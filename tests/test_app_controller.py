"""The app's bridge to the shop database: first start, journeys in and out, readable errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.controller import DatabaseProblem, ShopController, ShopError, template_journey, user_description
from engine.fileformat import journey_to_dict
from engine.model import Journey
from resources.journeys import gallery

pytest_plugins = ["app_testing"]

ADVANCED_CART = "Abandoned cart (advanced)"
SMALL_SHOP = 40
NOW = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)


def test_first_start_seeds_the_demo_shop_and_the_ten_templates(tmp_path: Path) -> None:
    shop = ShopController(tmp_path / "new.sqlite")
    try:
        assert shop.is_first_start()
        report = shop.first_start(SMALL_SHOP, now=NOW)
        assert report.customers == SMALL_SHOP and report.templates == 10
        summaries = shop.list_journeys()
        assert sorted(s.name for s in summaries) == sorted(e.name for e in gallery())
        assert {s.status for s in summaries} == {"draft"}
        assert not shop.is_first_start()
        assert shop.shop_name() and shop.shop_segments()
    finally:
        shop.close()


def test_a_shop_with_a_journey_is_not_a_first_start(tmp_path: Path) -> None:
    shop = ShopController(tmp_path / "own.sqlite")
    try:
        shop.create(Journey("My own"))
        assert not shop.is_first_start()
    finally:
        shop.close()


def test_opened_journeys_equal_the_templates(controller: ShopController) -> None:
    for entry in gallery():
        journey = controller.open(entry.name)
        assert journey.same_as(template_journey(entry))
        assert "seeds/" not in journey.description and journey.description, "a shop owner's description"
        assert journey.description in user_description(entry.description)


def test_saving_a_live_journey_makes_a_new_draft_version(controller: ShopController) -> None:
    controller.publish(ADVANCED_CART)
    journey = controller.open(ADVANCED_CART)
    journey.description = "changed"
    controller.save(journey, controller.journey_id(ADVANCED_CART))
    summary = controller.summary(ADVANCED_CART)
    assert summary.status == "live" and summary.has_unpublished_changes
    assert controller.open(ADVANCED_CART).description == "changed"


def test_saving_with_an_id_follows_a_rename_made_in_the_editor(controller: ShopController) -> None:
    journey_id = controller.journey_id("Loyalty")
    journey = controller.open("Loyalty")
    journey.rename("Loyalty club")
    controller.save(journey, journey_id)
    assert "Loyalty club" in controller.names() and "Loyalty" not in controller.names()


def test_rename_duplicate_delete(controller: ShopController) -> None:
    controller.rename("Loyalty", "  Loyalty club ")
    assert "Loyalty club" in controller.names()
    with pytest.raises(ShopError, match="already exists"):
        controller.rename("Loyalty club", "Welcome series")
    copy = controller.duplicate("Welcome series")
    assert copy == "Welcome series (copy)"
    assert controller.duplicate("Welcome series") == "Welcome series (copy) (2)"
    assert controller.open(copy).same_as(_renamed(controller.open("Welcome series"), copy))
    controller.delete(copy)
    assert copy not in controller.names()
    with pytest.raises(ShopError, match="No journey named"):
        controller.delete(copy)


def test_a_live_journey_cannot_be_deleted(controller: ShopController) -> None:
    controller.publish("Loyalty")
    with pytest.raises(ShopError, match="live"):
        controller.delete("Loyalty")


def _renamed(journey: Journey, name: str) -> Journey:
    journey.name = name
    return journey


def test_export_then_import_round_trips(controller: ShopController, tmp_path: Path) -> None:
    target = tmp_path / "cart.json"
    controller.export_json(ADVANCED_CART, target)
    assert json.loads(target.read_text())["name"] == ADVANCED_CART
    name = controller.import_json(target)
    assert name == f"{ADVANCED_CART} (2)", "an import never overwrites a journey by accident"
    assert controller.open(name).same_as(_renamed(controller.open(ADVANCED_CART), name))
    data = journey_to_dict(controller.open(ADVANCED_CART))
    data["description"] = "replaced"
    target.write_text(json.dumps(data))
    assert controller.import_json(target, replace=True) == ADVANCED_CART
    assert controller.open(ADVANCED_CART).description == "replaced"


def test_import_errors_name_the_file_and_the_problem(controller: ShopController, tmp_path: Path) -> None:
    bad_json = tmp_path / "broken.json"
    bad_json.write_text("{not json")
    with pytest.raises(ShopError, match=r"broken\.json.*not valid JSON"):
        controller.import_json(bad_json)
    data = journey_to_dict(controller.open("Loyalty"))
    data["nodes"] = [n for n in data["nodes"] if n["id"] != data["edges"][0]["target"]]
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps(data))
    with pytest.raises(ShopError, match=r"invalid\.json is not a journey this app can use: .+"):
        controller.import_json(invalid)
    with pytest.raises(ShopError, match="no such journey file"):
        controller.import_json(tmp_path / "missing.json")
    assert len(controller.names()) == 10, "a refused import stores nothing"


def test_export_to_an_unwritable_place_says_so(controller: ShopController, tmp_path: Path) -> None:
    with pytest.raises(ShopError, match="Could not write"):
        controller.export_json("Loyalty", tmp_path / "no-such-folder" / "x.json")


def test_sample_customer_is_a_real_customer_with_history(controller: ShopController) -> None:
    profile = controller.sample_customer()
    assert profile is not None
    assert profile["customer"]["id"] and profile["orders"]
    assert profile["customer"]["consent"]["email"] is True
    assert controller.sample_customer() is profile, "looked up once per session"


def test_unique_names(controller: ShopController) -> None:
    assert controller.unique_name("Fresh") == "Fresh"
    assert controller.unique_name("Loyalty") == "Loyalty (2)"
    assert controller.unique_name("   ") == "Untitled journey"


def test_a_corrupt_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite"
    content = b"this is not a database at all\x00" * 100
    path.write_bytes(content)
    with pytest.raises(DatabaseProblem, match="corrupt.sqlite"):
        ShopController(path)
    assert path.read_bytes() == content


def test_user_description_drops_the_provenance() -> None:
    text = ("Scenario 4 (abandoned cart, advanced), from the first ShopiMind scenario in "
            "seeds/004_436634658c881f77.txt. Cart abandoned -> reminder.")
    assert user_description(text) == "Cart abandoned → reminder."
    assert user_description("Just words.") == "Just words."
