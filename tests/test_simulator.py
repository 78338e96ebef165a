"""The simulator panel, driven through its controls: what the Simulation does and what is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from engine.fileformat import journey_from_dict, load_journey
from engine.profile import parse_profile
from engine.timeutil import parse_moment
from widgets.canvas import JourneyView
from widgets.simulator import SimulatorPanel

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources/journeys/04-abandoned-cart-advanced.json"
START = parse_moment("2026-03-02T09:00:00Z")  # 10:00 in Berlin: no quiet hours in the way


class FakeView:
    """Records what the panel asks of the canvas."""

    def __init__(self) -> None:
        self.highlights: list[tuple[set[str], set[tuple[str, str]]]] = []
        self.badges: dict[str, str] = {}
        self.selected: list[str] = []

    def set_highlight(self, nodes: set[str], edges: set[tuple[str, str]]) -> None:
        self.highlights.append((set(nodes), set(edges)))

    def set_badges(self, badges: dict[str, str]) -> None:
        self.badges = dict(badges)

    def select_node(self, node_id: str, center: bool = True) -> None:
        self.selected.append(node_id)


@pytest.fixture
def panel(qtbot):
    widget = SimulatorPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    widget.set_journey(load_journey(TEMPLATE))
    widget.set_start(START)
    widget.customer.form.flush()
    return widget


def click(qtbot, panel: SimulatorPanel, name: str) -> None:
    from PySide6.QtWidgets import QToolButton

    button = panel.findChild(QToolButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_step_button_and_f10_take_one_step_at_a_time(qtbot, panel) -> None:
    sim = panel.simulation
    assert sim is not None and sim.steps == [] and sim.now == START
    click(qtbot, panel, "sim_step")
    assert [s.node for s in sim.steps] == ["start"]
    assert panel.timeline.rows_text() == [("Mon 2 Mar, 10:00", "Cart abandoned", "Entered the journey")]
    panel.timeline.setFocus()
    qtbot.keyClick(panel.timeline, Qt.Key.Key_F10)
    assert [s.node for s in sim.steps] == ["start", "recent-order"]
    # The condition shows the value it saw and why it went that way.
    # in words, about the customer (the engine's line stays in the tooltip and on the CLI)
    assert sim.steps[1].explanation == ["orders.days_since_last = 40 < 15 → false"]
    who = panel.simulation.run.profile.customer.get("first_name") or panel.simulation.run.profile.customer["id"]
    line = panel.timeline.explanation_lines(1)[0]
    assert line.startswith(f"{who}: ") and "is 40; the rule needs less than 15 — not met" in line
    assert "is 40; the rule needs less than 15" in panel.preview.explanation.text()
    assert "Took the “no” way" in panel.preview.header.text()


def test_run_to_next_message_previews_the_email_as_sent(qtbot, panel) -> None:
    click(qtbot, panel, "sim_next_message")
    sim = panel.simulation
    sent = [s for s in sim.steps if s.event == "sent"]
    assert [s.node for s in sent] == ["mail-1-regular"]
    assert sim.now == parse_moment("2026-03-03T09:00:00Z")
    rows = panel.timeline.rows_text()
    # Anna reads German: the gallery's email has a German variant, and the preview says it chose it.
    assert ("Tue 3 Mar, 10:00", "Reminder (regular)", "Email sent: Ihr Warenkorb wartet noch auf Sie") in rows
    shown = panel.preview.shown_text()
    assert "Subject: Ihr Warenkorb wartet noch auf Sie" in shown
    assert "Hallo Anna," in shown and "74,50" in shown  # rendered for her, in her locale
    assert sent[0].language == "de" and "Language variant: de" in panel.preview.header.text()
    tooltip = panel.timeline.topLevelItem(0).toolTip(0)
    assert "2026-03-02T09:00:00Z UTC" in tooltip
    assert sent[0].content["body"].count("https://unsubscribe.invalid/email/") == 1  # a link, not a blank


def test_run_to_end_finishes_and_disables_the_controls(qtbot, panel) -> None:
    click(qtbot, panel, "sim_run_to_end")
    sim = panel.simulation
    assert sim.finished and sim.steps[-1].event == "exited"
    assert not panel.step_action.isEnabled() and not panel.what_if_buttons["order_placed"].isEnabled()
    assert "over" in panel.where.text()
    assert panel.clock.slider.value() == panel.clock.slider.maximum()


def test_dragging_the_clock_runs_forward_never_back(qtbot, panel) -> None:
    slider = panel.clock.slider
    sim = panel.simulation
    slider.setSliderDown(True)
    slider.setValue(25)  # a day and an hour after the start
    slider.setSliderDown(False)
    assert sim.now == parse_moment("2026-03-03T10:00:00Z")
    assert any(s.event == "sent" for s in sim.steps)
    assert panel.clock.label.text().startswith("Day 1 · Tue 3 Mar 2026, 11:00")
    steps = len(sim.steps)
    slider.setValue(3)  # backwards is refused: that needs Reset
    assert slider.value() == 25 and sim.now == parse_moment("2026-03-03T10:00:00Z") and len(sim.steps) == steps
    panel.clock.day_spin.setValue(5)
    qtbot.mouseClick(panel.clock.jump_button, Qt.MouseButton.LeftButton)
    assert sim.now == parse_moment("2026-03-07T09:00:00Z")


def test_canvas_highlights_positions_and_edges_taken(qtbot, panel) -> None:
    view = FakeView()
    panel.set_view(view)
    for _ in range(4):
        panel.step()
    nodes, edges = view.highlights[-1]
    assert nodes == {"wait-24h"}
    assert edges == {("start", "recent-order"), ("recent-order", "regular"), ("regular", "wait-24h")}
    assert view.badges["wait-24h"] == "until Tue 3 Mar, 10:00" and view.badges["start"] == "✓"
    panel.timeline.select_step(1)
    assert view.selected[-1] == "recent-order"
    panel.reset()
    assert view.highlights[-1] == (set(), set())


def test_real_canvas_items_are_highlighted(qtbot, panel) -> None:
    view = JourneyView(QUndoStack())
    qtbot.addWidget(view)
    view.set_journey(panel._journey)
    panel.set_view(view)
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    scene = view.scene()
    assert scene.node_items["wait-24h"].highlighted and not scene.node_items["mail-2"].highlighted


def test_what_if_order_now_ends_the_journey_with_goal(qtbot, panel) -> None:
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    click(qtbot, panel, "what_if_order_placed")
    sim = panel.simulation
    assert sim.steps[-1].event == "exited" and sim.steps[-1].reason == "goal"
    assert sim.positions() == []
    assert "What if “Placed an order”" in panel.message.text() and "reached the goal" in panel.message.text()


def test_what_if_without_consequence_says_so(qtbot, panel) -> None:
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    panel.what_if("email_opened")
    assert "nothing changes" in panel.message.text()


def test_reset_goes_back_to_the_start(qtbot, panel) -> None:
    panel.run_to_end()
    click(qtbot, panel, "sim_reset")
    sim = panel.simulation
    assert sim.steps == [] and sim.now == START and not sim.finished
    assert panel.timeline.step_count() == 0 and panel.clock.slider.value() == 0
    assert panel.step_action.isEnabled()


def test_scripted_event_from_the_form_orders_20_hours_later(qtbot, panel) -> None:
    form = panel.customer.form
    form.orders.setRowCount(0)  # a newcomer: reminder after 4 hours, discount a day later
    form.add_event("+20h", "order_placed", {"total": 74.5})
    form.flush()
    panel.run_to_end()
    sim = panel.simulation
    assert [s.node for s in sim.steps if s.event == "sent"] == ["mail-1-newcomer"]
    assert sim.steps[-1].reason == "goal" and sim.steps[-1].at == parse_moment("2026-03-03T05:00:00Z")


def test_an_invalid_test_customer_is_explained(qtbot, panel) -> None:
    panel.customer.form.fields["birthdate"].setText("someday")
    panel.customer.form.flush()
    assert panel.simulation is None
    assert "birthdate" in panel.message.text()
    assert not panel.step_action.isEnabled()


def test_shop_customer_from_the_database_via_provider(qtbot, panel) -> None:
    asked = []
    profile = parse_profile({
        "customer": {"id": "c-7", "first_name": "Bea", "email": "bea@example.org", "timezone": "Europe/Vienna",
                     "consent": {"email": True}},
        "events": [{"type": "cart_abandoned", "at": "2026-03-02T09:00:00Z"}]})
    panel.set_profile_provider(lambda cid: asked.append(cid) or profile)
    panel.set_customers([("c-7", "Bea"), ("c-8", "Carl")])
    assert panel.customer.choose_customer("c-7")
    assert asked == ["c-7"]
    panel.run_to_next_message()
    sent = [s for s in panel.simulation.steps if s.event == "sent"]
    assert sent and "Hi Bea" in sent[0].content["body"]
    assert "Bea · bea@example.org" in panel.customer.shop_summary.text()


def test_shop_customer_via_signal(qtbot, panel) -> None:
    panel.set_customers([("c-9", "Dora")])
    with qtbot.waitSignal(panel.profileRequested) as blocker:
        panel.customer.choose_customer("c-9")
    assert blocker.args == ["c-9"]
    assert panel.simulation is None and "loading" in panel.message.text()
    panel.set_profile(parse_profile({"customer": {"id": "c-9"}}))
    assert panel.simulation is not None


SMS_PUSH = {
    "format": "journey-builder/1", "name": "Channels",
    "nodes": [
        {"id": "t", "type": "trigger", "config": {"kind": "event", "event": "cart_abandoned"}},
        {"id": "sms", "type": "message", "label": "SMS", "config": {
            "kind": "sms", "text": "Hi {{ customer.first_name }}, your cart 🛒 is waiting"}},
        {"id": "push", "type": "message", "label": "Push", "config": {
            "kind": "push", "title": "Still thinking?", "body": "Your cart is saved, {{ customer.first_name }}"}},
    ],
    "edges": [{"source": "t", "target": "sms", "port": "out"}, {"source": "sms", "target": "push", "port": "out"}],
}


def test_sms_bubble_with_segments_and_push_card(qtbot, panel) -> None:
    panel.set_journey(journey_from_dict(SMS_PUSH))
    panel.run_to_next_message()
    assert panel.preview.shown_text() == "Hi Anna, your cart 🛒 is waiting"
    assert panel.preview.stack.currentWidget() is panel.preview.previews["sms"]
    assert panel.preview.sms_info.text() == "32 characters · UCS-2 · 1 segment(s)"
    panel.run_to_next_message()
    assert panel.preview.shown_text() == "Still thinking?\nYour cart is saved, Anna"
    assert "Mon 2 Mar, 10:00" in panel.preview.previews["push"].card_app.text()


def test_save_run_as_test_and_rerun_after_an_edit(qtbot, panel) -> None:
    panel.run_to_end()
    with qtbot.waitSignal(panel.testsChanged) as blocker:
        test = panel.save_run_as_test("Anna, regular")
    assert [t.name for t in blocker.args[0]] == ["Anna, regular"]
    assert test.profile["customer"]["timezone"] == "Europe/Berlin"
    assert panel.tests.results()["Anna, regular"].passed
    assert panel.tabs.currentWidget() is panel.tests
    assert panel.tests.list.item(0).text() == "✔  Anna, regular"
    journey = panel._journey
    journey.update_node("regular", config={"kind": "rule", "rule": {
        "field": "orders.count", "window": "P6M", "op": ">=", "value": 3}})
    panel.flush_edits()
    result = panel.tests.results()["Anna, regular"]
    assert not result.passed
    assert panel.tests.list.item(0).text() == "✘  Anna, regular"
    assert panel.tests.difference.text().startswith("step 3: expected regular → yes")
    # The simulation was replayed to where the user was, with the edited journey.
    assert panel.simulation.finished and any(s.node == "wait-4h" for s in panel.simulation.steps)


def test_test_tab_buttons_record_run_and_delete(qtbot, panel, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Recorded", True))
    panel.run_to(parse_moment("2026-03-02T12:00:00Z"))
    qtbot.mouseClick(panel.tests.record_button, Qt.MouseButton.LeftButton)
    test = panel.tests.tests()[0]
    assert test.name == "Recorded" and test.until == parse_moment("2026-03-02T12:00:00Z")
    assert test.expected[-1].event == "exited" and test.expected[-1].reason == "until"
    qtbot.mouseClick(panel.tests.run_button, Qt.MouseButton.LeftButton)
    assert panel.tests.summary.text() == "1 passed · 0 failed"
    panel.reset()
    panel.tests.load_current()  # open in simulator: the test's customer, run to its end
    assert panel.simulation.until == test.until and panel.simulation.finished
    with qtbot.waitSignal(panel.testsChanged) as blocker:
        qtbot.mouseClick(panel.tests.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[]]


def test_an_invalid_journey_is_explained(qtbot, panel) -> None:
    journey = panel._journey
    journey.remove_edge(journey.out_edges("start")[0])
    journey.remove_node("start")
    panel.flush_edits()
    assert panel.simulation is None and "Fix the journey first" in panel.message.text()
