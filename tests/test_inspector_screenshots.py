"""Screenshots of the inspector for the docs; also a check that the three main forms render.

Set JB_UPDATE_SCREENSHOTS=1 to write them to docs/screenshots/inspector-*.png; otherwise they go
to a temporary folder, so a plain test run never changes the working tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QApplication

from app.theme import apply_theme
from engine.fileformat import load_journey
from engine.model import Node
from widgets.inspector import Inspector

ROOT = Path(__file__).resolve().parents[1]
NESTED_RULE = {"all": [
    {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1},
    {"any": [{"segment": "loyal"},
             {"not": {"field": "customer.city", "op": "=", "value": "Köln"}},
             {"field": "events.count", "event": "product_viewed", "window": "P7D", "op": "between", "value": [2, 10]}]},
    {"field": "engagement.level", "op": "in", "value": ["super_active", "moderate"]},
]}


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


def shoot(qtbot, panel: Inspector, path: Path, min_height: int = 700) -> QImage:
    inner = panel.scroll.widget()
    height = max(min_height, inner.sizeHint().height() + 4)
    panel.resize(440, height)
    qtbot.wait(300)  # the preview renders after its debounce
    panel.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() == 440 and image.height() == height
    return image


def test_screenshots(qtbot, light, out_dir: Path) -> None:
    journey = load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json")
    journey.segments["loyal"] = {"field": "orders.count", "window": "P365D", "op": ">=", "value": 3}
    journey.attach_node(Node("vip-check", "condition", {"kind": "rule", "rule": NESTED_RULE},
                             "Regular, engaged and not from Köln?"))
    panel = Inspector(QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    panel.set_journey(journey)
    panel.show_node("mail-2")
    shoot(qtbot, panel, out_dir / "inspector-email.png")
    panel.show_node("vip-check")
    shoot(qtbot, panel, out_dir / "inspector-rule.png")
    panel.show_node(None)
    shoot(qtbot, panel, out_dir / "inspector-settings.png")
