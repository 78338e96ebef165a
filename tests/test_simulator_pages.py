"""The simulator's app glue: shop customers in, journey tests saved with the journey and exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.simulation_pages import SimulationPages
from engine.fileformat import load_journey
from engine.timeutil import parse_moment
from storage import journey_tests_repo, journeys_repo, profiles_repo, shop_repo
from storage.database import open_database
from widgets.simulator import SimulatorPanel

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources/journeys/04-abandoned-cart-advanced.json"
CUSTOMER = {
    "customer": {"id": "c-17", "first_name": "Anna", "last_name": "Schmidt", "email": "anna@example.org",
                 "consent": {"email": True}},
    "orders": [{"id": "o-1", "placed_at": "2026-01-20T12:00:00Z", "total": 180.0, "currency": "EUR"}],
    "events": [{"type": "cart_abandoned", "at": "2026-03-02T09:00:00Z", "properties": {"cart_value": 74.5}}],
}


@pytest.fixture
def shop(tmp_path: Path):
    db = open_database(tmp_path / "shop.sqlite")
    journey = load_journey(TEMPLATE)
    with db.transaction() as session:
        shop_repo.update_settings(session, name="Nordlicht", timezone="Europe/Berlin")
        profiles_repo.import_profile(session, CUSTOMER)
        journey_id = journeys_repo.save_draft(session, journey).journey_id
    yield db, journey, journey_id
    db.close()


@pytest.fixture
def pages(qtbot, shop):
    db, journey, journey_id = shop
    panel = SimulatorPanel()
    qtbot.addWidget(panel)
    glue = SimulationPages(db, panel)
    glue.refresh_shop()
    glue.open_journey(journey, journey_id, None)
    panel.set_start(parse_moment("2026-03-02T09:00:00Z"))
    return glue


def test_shop_customers_and_their_profiles_feed_the_panel(pages) -> None:
    panel = pages.panel
    source = panel.customer.source
    assert [source.itemData(i) for i in range(source.count())] == ["", "c-17"]
    assert source.itemText(1) == "Anna Schmidt (c-17)"
    assert panel.customer.choose_customer("c-17")
    assert panel.customer.tz_name() == "Europe/Berlin"  # the shop's zone: she has none of her own
    panel.run_to_next_message()
    sent = [s for s in panel.simulation.steps if s.event == "sent"]
    assert sent[0].node == "mail-1-regular" and "The Nordlicht team" in sent[0].content["body"]


def test_recorded_tests_are_saved_with_the_journey_and_reloaded(pages, shop) -> None:
    db, journey, journey_id = shop
    panel = pages.panel
    panel.customer.choose_customer("c-17")
    panel.run_to_end()
    panel.save_run_as_test("Anna")
    with db.read() as session:
        stored = journey_tests_repo.list_tests(session, journey_id)
    assert [t.name for t in stored] == ["Anna"] and stored[0].profile["customer"]["id"] == "c-17"
    pages.open_journey(journey, journey_id, None)
    assert [t.name for t in panel.tests.tests()] == ["Anna"]
    assert panel.tests.results()["Anna"].passed  # re-run as soon as they are shown


def test_export_carries_the_tests_and_the_cli_runs_them(pages, shop, tmp_path: Path, capsys) -> None:
    db, journey, journey_id = shop
    panel = pages.panel
    panel.customer.choose_customer("c-17")
    panel.run_to_end()
    panel.save_run_as_test("Anna")
    target = tmp_path / "export.json"
    pages.export_with_tests(journey, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "journey-builder/1" and [t["name"] for t in data["tests"]] == ["Anna"]
    assert main(["test", str(target)]) == 0
    assert main(["test", journey.name, "--db", str(db.path)]) == 0
    assert capsys.readouterr().out.count("PASS  Anna") == 2
    # Imported back into another journey's tests.
    panel.tests.delete_test("Anna")
    assert pages.import_tests_from_file(target) == 1
    assert [t.name for t in pages.load_tests()] == ["Anna"]
