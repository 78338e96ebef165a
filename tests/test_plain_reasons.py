"""Why a branch went its way, in plain translated words about the customer, and ports and event
names in the user's language.

The old simulator showed the engine's line, "orders.days_since_last = 40 < 15 → false", in
every language, and a port as the raw "no".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import install_translator
from engine.fileformat import load_journey
from engine.rules import Reason, compile_rule
from engine.timeutil import parse_moment
from widgets.simulator import SimulatorPanel
from widgets.simulator.reasons import reason_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "de")
    yield
    install_translator(qapp, "en")


def test_a_trace_line_keeps_the_engines_text_and_gains_words(qapp) -> None:
    from engine.context import CustomerContext
    from engine.profile import parse_profile

    rule = compile_rule({"field": "orders.count", "op": ">=", "value": 1, "since": "entry"})
    trace: list[str] = []
    profile = parse_profile({"customer": {"id": "c1", "first_name": "Anna"}})
    ctx = CustomerContext(profile, now=parse_moment("2026-03-02T10:00:00Z"))
    ctx.entry_at = parse_moment("2026-03-01T10:00:00Z")
    rule(ctx, trace)
    (line,) = trace
    assert isinstance(line, Reason) and line.startswith("orders.count [since entry] = 0 >= 1")
    assert reason_text(line, "Anna", UTC) == (
        "Anna: Number of orders since entering the journey is 0; the rule needs at least 1 — not met")


def test_the_simulator_explains_in_german(qtbot, german) -> None:
    panel = SimulatorPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    panel.set_journey(load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json"))
    panel.set_start(parse_moment("2026-03-02T09:00:00Z"))
    panel.customer.form.flush()
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    index = next(i for i, s in enumerate(panel.simulation.steps) if s.event == "evaluated" and s.explanation)
    line = panel.timeline.explanation_lines(index)[0]
    assert "die Regel verlangt" in line and ("nicht erfüllt" in line or "erfüllt" in line)
    assert "→" not in line and "orders." not in line
    port = panel.simulation.steps[index].port
    assert panel.timeline.rows_text()[index][2] == f"Hat den Weg „{'ja' if port == 'yes' else 'nein'}“ genommen"


def test_times_in_the_simulator_speak_the_ui_language(qapp, german) -> None:
    from zoneinfo import ZoneInfo

    from widgets.simulator.texts import local_time

    text = local_time(parse_moment("2026-03-03T18:00:00Z"), ZoneInfo("Europe/Berlin"))
    assert text.startswith("Di") and "März" in text and text.endswith("19:00")  # not "Tue 3 Mar"


def test_canvas_cards_show_ports_in_the_ui_language(qtbot, german) -> None:
    from PySide6.QtGui import QUndoStack

    from widgets.canvas.view import JourneyView

    view = JourneyView(QUndoStack())
    qtbot.addWidget(view)
    view.set_journey(load_journey(ROOT / "resources/journeys/04-abandoned-cart-advanced.json"))
    item = view.scene().node_items["recent-order"]
    assert item.ports == ["yes", "no"] or tuple(item.ports) == ("yes", "no")
    assert item.port_labels() == ["ja", "nein"]  # the file keeps yes/no; the card speaks German
