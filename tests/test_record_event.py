"""Recording an event without the CLI: on the customer's page (written to the history through the
one door, `history_repo.record_event`) and in the simulator's what-if (with properties).

The old customer page had no way to add an event, and the what-if asked only for a bare event
type, shown back as `order_placed`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.shop_pages import CustomersBridge
from engine.fileformat import load_journey
from engine.timeutil import parse_moment
from storage import shop_repo
from storage.database import open_database
from storage.history_repo import events_of
from storage.importers import import_file
from storage.models import OrderRow
from widgets.customers_view import CustomersView
from widgets.event_dialog import EventDialog
from widgets.simulator import SimulatorPanel

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 2, 12, tzinfo=UTC)
ANNA = "7012345678901"


@pytest.fixture
def shop(tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    assert import_file(db, "customers", DATA / "shopify_customers.csv").ok
    with db.transaction() as s:
        shop_repo.update_settings(s, timezone="Europe/Berlin")
    yield db
    db.close()


def _dialog(qtbot, view: CustomersView) -> EventDialog:
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    dialog = view._event_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_an_order_recorded_on_the_customer_page_is_an_event_and_an_order(qtbot, shop) -> None:
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.show()
    view.select_customer(ANNA)
    assert view.record_button.isEnabled()
    dialog = _dialog(qtbot, view)
    labels = [dialog.event.itemText(i) for i in range(dialog.event.count())]
    assert "Placed an order" in labels and "order_placed" not in labels  # words, not field names
    dialog.set_event("order_placed")
    # the usual properties are offered; the time is typed in the shop's zone (13:00 in Berlin = 12:00 UTC)
    assert [dialog.properties.item(r, 0).text() for r in range(2)] == ["total", "currency"]
    assert dialog.when is not None and dialog.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-02 13:00"
    dialog.properties.item(0, 1).setText("42.5")
    dialog.properties.item(1, 1).setText("EUR")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    with shop.read() as s:
        events = [e for e in events_of(s, ANNA) if e.type == "order_placed"]
        orders = s.query(OrderRow).filter(OrderRow.customer_id == ANNA).all()
    assert len(events) == 1 and events[0].properties == {"total": 42.5, "currency": "EUR"}
    assert events[0].at.replace(tzinfo=UTC) == NOW
    assert len(orders) == 1 and float(orders[0].total) == 42.5  # the order invariant holds
    assert view.tabs.currentIndex() == 2
    assert view.events_table.item(0, 1).text() == "Placed an order"
    assert view.events_table.item(0, 1).toolTip() == "order_placed"


def test_a_bad_event_name_is_refused_in_the_dialog(qtbot, shop) -> None:
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.show()
    view.select_customer(ANNA)
    dialog = _dialog(qtbot, view)
    dialog.event.setEditText("wrote a review!")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "wrote_a_review!" in dialog.error.text()
    dialog.event.setEditText("review written")  # the shop's own event, typed in words
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with shop.read() as s:
        assert [e.type for e in events_of(s, ANNA)][-1] == "review_written"
    assert view.events_table.item(0, 1).text() == "Wrote a review"


def test_the_simulators_what_if_takes_any_event_with_properties(qtbot) -> None:
    panel = SimulatorPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    panel.set_journey(load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json"))
    panel.set_start(parse_moment("2026-03-02T09:00:00Z"))
    panel.customer.form.flush()
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    labels = [a.text() for a in panel.what_if_menu.actions() if not a.isSeparator()]
    assert "Clicked a link in an email" in labels and "email_clicked" not in labels
    dialog = panel._ask_event()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.when is None  # a what-if happens now
    dialog.set_event("order_placed")
    dialog.properties.item(0, 1).setText("80")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    sim = panel.simulation
    assert sim.steps[-1].event == "exited" and sim.steps[-1].reason == "goal"
    injected = [e for e in sim.run.profile.events if e.type == "order_placed"][-1]
    assert injected.properties.get("total") == 80
    assert "What if “Placed an order”" in panel.message.text()


def test_the_customer_page_shows_times_in_the_customers_zone(qtbot, shop) -> None:
    """Stored moments were shown as raw UTC ISO text ("2026-11-02T12:00:00Z")."""
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.select_customer(ANNA)
    assert view.record_event(ANNA, "review_written", NOW, {})
    cell = view.events_table.item(0, 0).text()
    zone = view.current["customer"].get("timezone") or "Europe/Berlin"
    from zoneinfo import ZoneInfo

    local = NOW.astimezone(ZoneInfo(zone))
    assert "T" not in cell and "Z" not in cell and cell.endswith(local.strftime("%H:%M"))
