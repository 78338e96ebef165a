"""A screenshot of the simulator mid-journey beside the canvas, for the docs (and a render check).

Set JB_UPDATE_SCREENSHOTS=1 to write docs/screenshots/simulator-mid-journey.png; otherwise the
image goes to a temporary folder, so a plain test run never changes the working tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QApplication, QSplitter

from app.theme import apply_theme
from engine.fileformat import load_journey
from engine.timeutil import parse_moment
from widgets.canvas import JourneyView
from widgets.inspector.message_editor import SAMPLE_SHOP
from widgets.simulator import SimulatorPanel

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    if os.environ.get("JB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


@pytest.fixture
def light(qapp: QApplication):
    palette, style = qapp.palette(), qapp.style().name()
    apply_theme(qapp, "light")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_simulator_mid_journey(qtbot, light, out_dir: Path) -> None:
    journey = load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json")
    split = QSplitter(Qt.Orientation.Horizontal)
    qtbot.addWidget(split)
    view = JourneyView(QUndoStack())
    panel = SimulatorPanel()
    split.addWidget(view)
    split.addWidget(panel)
    split.resize(1600, 900)
    split.setSizes([940, 660])
    split.show()
    view.set_journey(journey)
    panel.set_shop(SAMPLE_SHOP)
    panel.set_view(view)
    panel.set_journey(journey)
    panel.set_start(parse_moment("2026-03-02T09:30:00Z"))
    form = panel.customer.form
    form.orders.setRowCount(0)  # a newcomer: the 4-hour reminder, then the discount
    form.events.setRowCount(0)
    form.add_event("+0", "cart_abandoned", {
        "cart_value": 74.6, "cart_url": "https://nordlicht-outfitters.example/cart/anna",
        "products": [{"name": "Merino beanie", "price": 29.9}, {"name": "Wool hiking socks", "price": 14.9}]})
    form.flush()
    panel.run_to_next_message()
    panel.run_to(parse_moment("2026-03-03T09:00:00Z"))
    panel.timeline.select_step(4)  # the reminder that was sent
    qtbot.waitUntil(lambda: "Merino beanie" in panel.preview.shown_text(), timeout=5000)
    view.fit()
    path = out_dir / "simulator-mid-journey.png"
    split.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() == 1600 and image.height() == 900
    assert view.scene().node_items["wait-1d"].highlighted
    assert "Merino beanie" in panel.preview.shown_text()


def test_simulator_tests_and_customer_tabs(qtbot, light, out_dir: Path) -> None:
    journey = load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json")
    panel = SimulatorPanel()
    qtbot.addWidget(panel)
    panel.resize(660, 900)
    panel.show()
    panel.set_shop(SAMPLE_SHOP)
    panel.set_journey(journey)
    panel.set_start(parse_moment("2026-03-02T09:30:00Z"))
    panel.customer.form.flush()
    panel.run_to_end()
    panel.save_run_as_test("Anna, regular: one reminder")
    panel.customer.form.orders.setRowCount(0)
    panel.customer.form.flush()
    panel.run_to_end()
    panel.save_run_as_test("Newcomer: reminder, then 5 % code")
    journey.update_node("wait-4h", config={"kind": "duration", "duration": "PT2H"})
    panel.flush_edits()
    results = panel.tests.results()
    assert results["Anna, regular: one reminder"].passed and not results["Newcomer: reminder, then 5 % code"].passed
    panel.tests.list.setCurrentRow(1)
    qtbot.wait(100)
    panel.grab().save(str(out_dir / "simulator-tests.png"))
    panel.tabs.setCurrentWidget(panel.customer)
    qtbot.wait(100)
    panel.grab().save(str(out_dir / "simulator-customer.png"))
