"""The population panel driven like a user: run, cancel mid-way, badges on the canvas, charts, CSV.

Runs use the app's real runner (`app.population_pages.PopulationRunner`) on the panel's worker
thread, with generated demo customers or a small seeded shop database, and a fixed `now`.
Set JB_UPDATE_SCREENSHOTS=1 to write docs/screenshots/population-badges.png.
"""

from __future__ import annotations

import csv
import io
import os
import re
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QSplitter

from app.population_pages import PopulationRunner
from app.theme import apply_theme
from engine.backtest import BacktestReport
from engine.fileformat import load_journey
from storage import open_database
from widgets.population_panel import MAX_BADGE_CHARS, PopulationPanel, PopulationParams

pytest_plugins = ["app_testing"]

ROOT = Path(__file__).resolve().parents[1]
ADVANCED = ROOT / "resources/journeys/04-abandoned-cart-advanced.json"
NOW = datetime(2026, 3, 2, tzinfo=UTC)
RUN_TIMEOUT = 60_000


class FakeView:
    """Records what the panel hands the canvas."""

    def __init__(self) -> None:
        self.calls: list[dict[str, str]] = []

    def set_badges(self, badges: dict[str, str]) -> None:
        self.calls.append(dict(badges))


@pytest.fixture
def panel(qtbot) -> PopulationPanel:
    widget = PopulationPanel()
    qtbot.addWidget(widget)
    widget.set_runner(PopulationRunner(None, now=lambda: NOW))
    yield widget
    widget.shutdown()


def run(qtbot, panel: PopulationPanel):
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=RUN_TIMEOUT)
    return blocker.args[0]


def test_a_run_shows_badges_charts_funnel_and_nodes(qtbot, panel: PopulationPanel) -> None:
    view = FakeView()
    journey = load_journey(ADVANCED)
    panel.set_view(view)
    panel.set_journey(journey)
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    panel.set_params(source="demo", n=400, days=30, seed=3)
    report = run(qtbot, panel)

    assert report.customers == 400 and not report.cancelled and report.customers_entered > 0
    assert panel.report() is report
    # the canvas got one badge per node, the same the panel reports
    assert view.calls[-1] == panel.badges() == panel.badges_for(report)
    assert set(view.calls[-1]) == {n.id for n in journey.nodes()}
    start = report.nodes["start"]
    assert view.calls[-1]["start"].startswith(f"{start.passes:,} entered")
    mail = report.nodes["mail-2"]
    assert view.calls[-1]["mail-2"].startswith(f"{mail.passes:,} ▸ {mail.sent:,} sent")
    assert re.fullmatch(r"[\d,]+ ▸ (yes|no) [\d,]+ / (yes|no) [\d,]+.*", view.calls[-1]["regular"])
    assert all(len(text) <= MAX_BADGE_CHARS or " · " not in text for text in view.calls[-1].values())

    # charts: the per-day series are the report's, the funnel runs entered → messages → converted
    assert panel.per_day.days() == report.days
    assert panel.per_day.series() == {c: v for c, v in report.messages_per_day.items() if any(v)}
    assert sum(panel.per_day.totals()) == sum(report.messages.values()) > 0
    steps = panel.funnel.steps()
    assert steps[0] == ("Entered", report.customers_entered)
    assert steps[-1] == ("Converted", report.customers_converted)
    assert [label for label, _ in steps[1:-1]][-1] == "Second email: 5 % code"  # deepest message last
    assert panel.nodes_table.rowCount() == len(report.nodes)
    assert panel.nodes_table.item(0, 0).text() == "Cart abandoned"
    assert panel.nodes_table.item(0, 1).text() == f"{start.entered:,}"

    text = panel.describe()
    assert text["status"].startswith("400 customers, 2026-03-02 – 2026-04-01")
    assert f"{report.customers_entered:,} of 400 customers entered" in text["summary"]
    assert text["progress"] == (400, 400)
    assert panel.export_buttons["nodes"].isEnabled() and panel.export_buttons["customers"].isEnabled()
    assert panel.tabs.isTabEnabled(3)  # who got what: a forward run keeps it too


def test_cancel_a_run_midway(qtbot, panel: PopulationPanel) -> None:
    view = FakeView()
    panel.set_view(view)
    panel.set_journey(load_journey(ADVANCED))
    panel.set_params(source="demo", n=200_000, days=30)
    with qtbot.waitSignal(panel.runStarted):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.is_running()
    assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
    assert not panel.count.isEnabled()  # no changing the controls under a running run
    qtbot.waitUntil(lambda: panel.progress.maximum() == 200_000 and panel.progress.value() > 0, timeout=RUN_TIMEOUT)
    assert "of 200,000 customers" in panel.status.text()
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        assert not panel.cancel_button.isEnabled()
    report = blocker.args[0]
    assert report.cancelled and 0 < report.customers < 200_000
    qtbot.waitUntil(lambda: not panel.is_running())
    assert panel.status.text() == f"Cancelled after {report.customers:,} customers: the figures cover those."
    assert view.calls[-1] == panel.badges_for(report) != {}
    assert panel.run_button.isEnabled() and panel.count.isEnabled()


def test_backtest_on_the_shop_database_lists_who_got_what_and_exports(qtbot, panel, shop_db, tmp_path,
                                                                      monkeypatch) -> None:
    from app_testing import NOW as SHOP_NOW

    db = open_database(shop_db)
    try:
        panel.set_runner(PopulationRunner(db, now=lambda: SHOP_NOW))
        panel.set_journey(load_journey(ADVANCED))
        panel.set_params(mode="backtest", source="shop", n=1000)
        assert panel.days.value() == 182 and panel.days_label.text() == "Look back:"
        report = run(qtbot, panel)
    finally:
        db.close()
    assert isinstance(report, BacktestReport) and report.mode == "backtest"
    assert report.customers == 40  # the whole small shop
    assert (report.until - report.start).days == 182 and report.until == SHOP_NOW
    assert report.deliveries and len(report.deliveries) == sum(report.messages.values())

    # who got what: one row per customer, their messages underneath
    tree = panel.customers
    assert panel.tabs.isTabEnabled(3)
    customers = {d.customer for d in report.deliveries}
    assert tree.topLevelItemCount() == len(customers)
    first = tree.topLevelItem(0)
    assert first.text(0).split(" · ")[0] in customers
    assert first.childCount() == int(first.text(1).split()[0])
    some = report.deliveries[0].customer
    panel.customer_filter.setText(some)
    visible = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if not tree.topLevelItem(i).isHidden()]
    assert [item.text(0).split(" · ")[0] for item in visible] == [some]

    # CSV by the export buttons (the file dialog answered by the test)
    for kind in ("nodes", "days", "customers"):
        target = tmp_path / f"{kind}.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        assert panel.export_buttons[kind].isEnabled()
        qtbot.mouseClick(panel.export_buttons[kind], Qt.MouseButton.LeftButton)
        assert panel.status.text() == f"Saved {target}"
    nodes = list(csv.reader(io.StringIO((tmp_path / "nodes.csv").read_text(encoding="utf-8"))))
    assert [r[0] for r in nodes[1:]] == list(report.nodes)
    days = list(csv.reader(io.StringIO((tmp_path / "days.csv").read_text(encoding="utf-8"))))
    assert len(days) == len(report.days) + 1 and sum(int(r[-1]) for r in days[1:]) == len(report.deliveries)
    who = list(csv.reader(io.StringIO((tmp_path / "customers.csv").read_text(encoding="utf-8"))))
    assert who[0][:4] == ["customer", "email", "name", "at"] and len(who) == len(report.deliveries) + 1
    assert {r[0] for r in who[1:]} == customers
    assert panel.csv_text("customers") == (tmp_path / "customers.csv").read_text(encoding="utf-8")


def test_failures_and_journey_changes(qtbot, panel: PopulationPanel) -> None:
    view = FakeView()
    panel.set_view(view)
    assert not panel.run_button.isEnabled()  # no journey yet
    panel.set_journey(load_journey(ADVANCED))
    panel.set_params(source="shop", n=10)  # no database behind this runner
    with qtbot.waitSignal(panel.runFailed, timeout=RUN_TIMEOUT) as blocker:
        panel.start()
    assert "no shop database" in blocker.args[0]
    qtbot.waitUntil(lambda: not panel.is_running())
    assert panel.status.text().startswith("The run failed: there is no shop database open")

    panel.set_params(source="demo", n=50)
    run(qtbot, panel)
    assert view.calls[-1]
    panel.set_journey(load_journey(ROOT / "resources/journeys/01-welcome-series.json"))
    assert view.calls[-1] == {} and panel.report() is None and panel.nodes_table.rowCount() == 0

    received: list[PopulationParams] = []

    def recording(params, progress, cancel):
        received.append(params)
        raise ValueError("boom")

    panel.set_runner(recording)
    with qtbot.waitSignal(panel.runFailed, timeout=RUN_TIMEOUT):
        panel.start()
    params = received[0]
    assert (params.source, params.n, params.days, params.seed, params.mode) == ("demo", 50, 30, 1, "forward")
    assert params.journey is not panel.journey() and params.journey.name == "Welcome series"


def test_the_window_stays_responsive_during_a_run(qtbot, panel: PopulationPanel) -> None:
    """The run works off the GUI thread, which keeps handling events meanwhile. How smoothly
    (the longest gap between timer ticks) is measured by bench/ui_responsiveness.py."""
    panel.set_journey(load_journey(ADVANCED))
    panel.set_params(source="demo", n=3000)
    inner = panel._runner
    assert inner is not None
    threads: list[threading.Thread] = []

    def runner(params, progress, cancel):
        threads.append(threading.current_thread())
        return inner(params, progress, cancel)

    panel.set_runner(runner)
    ticks_while_running: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks_while_running.append(1) if panel.is_running() else None)
    timer.start()
    run(qtbot, panel)
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert ticks_while_running  # the GUI thread's timer fired while the run was going on


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    if os.environ.get("JB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


def test_screenshot_badges_on_the_canvas(qtbot, qapp: QApplication, out_dir: Path) -> None:
    from widgets.canvas import JourneyView

    palette, style = qapp.palette(), qapp.style().name()
    apply_theme(qapp, "light")
    try:
        journey = load_journey(ADVANCED)
        view = JourneyView(QUndoStack())
        view.set_journey(journey)
        panel = PopulationPanel()
        panel.set_runner(PopulationRunner(None, now=lambda: NOW))
        panel.set_view(view)
        panel.set_journey(journey)
        panel.set_params(source="demo", n=3000, days=30, seed=1)
        split = QSplitter(Qt.Orientation.Horizontal)
        qtbot.addWidget(split)
        split.addWidget(view)
        split.addWidget(panel)
        split.resize(1900, 760)
        split.setSizes([1340, 560])
        split.show()
        report = run(qtbot, panel)
        assert report.customers == 3000
        view.fit()
        image = split.grab().toImage()
        path = out_dir / "population-badges.png"
        assert image.save(str(path))
        assert image.width() == 1900 and image.height() == 760
        items = view.scene().node_items
        assert {node_id: item.badge for node_id, item in items.items()} == panel.badges()
        panel.shutdown()
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def _figures(text: str) -> list[int]:
    return [int(x.replace(",", "")) for x in re.findall(r"\d[\d,]*", text)]


def test_badges_add_up_in_one_unit_and_say_why_messages_were_skipped(qtbot, panel: PopulationPanel) -> None:
    """The old badges put customers before "▸" and passes after it: "435 ▸ no 468 / yes 13" on an
    If/else and "426 ▸ 402 sent · 66 skipped" on an email, whenever customers came back."""
    journey = load_journey(ADVANCED)
    panel.set_journey(journey)
    panel.set_params(source="demo", n=400, days=90, seed=3)
    report = run(qtbot, panel)
    assert report.enrollments > report.customers_entered  # customers came back: the case that broke
    badges = panel.badges()
    checked = 0
    for node_id, stats in report.nodes.items():
        if stats.type not in ("message", "condition") or not stats.passes:
            continue
        head, _, outcomes = badges[node_id].partition(" ▸ ")
        outcomes = outcomes.split(" · skipped:")[0].split(" · ")[: 4]
        numbers = [_figures(part)[0] for part in re.split(r" / | · ", " · ".join(outcomes)) if _figures(part)]
        total = _figures(head)[0]
        if stats.type == "message":
            numbers = numbers[: 1 + bool(stats.skipped) + bool(stats.failed) + bool(stats.waiting_at_end)]
        assert total == stats.passes == sum(numbers), (node_id, badges[node_id])
        checked += 1
    assert checked >= 4
    mail_node = next(s for s in report.nodes.values() if s.type == "message" and s.skipped)
    assert mail_node.passes != mail_node.entered  # the old first figure differs from the sum
    assert "skipped: no consent" in badges[mail_node.id] or len(badges[mail_node.id]) > MAX_BADGE_CHARS - 10
    # the Nodes tab has both units and every reason, in words
    headers = [panel.nodes_table.horizontalHeaderItem(c).text() for c in range(panel.nodes_table.columnCount())]
    assert headers[:3] == ["Node", "Customers", "Passes"] and "Why skipped" in headers
    row = list(report.nodes).index(mail_node.id)
    why = panel.nodes_table.item(row, headers.index("Why skipped")).text()
    assert "no consent" in why and "_" not in why
    assert f"{report.enrollments:,} entries by {report.customers_entered:,} customers" in panel.summary.text()


def test_who_got_what_says_why_it_is_empty(qtbot, panel: PopulationPanel) -> None:
    """After a forward run "Who got what" and the per-customer export were greyed out with no word
    why; now they fill after any run, and say why when nobody got anything."""
    panel.set_journey(load_journey(ADVANCED))
    assert panel.export_buttons["customers"].toolTip().startswith("Run the population first")
    panel.set_params(source="demo", n=60, days=30, seed=2)
    report = run(qtbot, panel)
    assert report.deliveries and panel.tabs.isTabEnabled(3) and panel.customers.topLevelItemCount() > 0
    assert panel.export_buttons["customers"].isEnabled()
    panel.set_params(n=1, days=1, seed=5)
    report = run(qtbot, panel)
    if not report.deliveries:
        assert not panel.tabs.isTabEnabled(3) and not panel.export_buttons["customers"].isEnabled()
        assert "Nobody would get a message" in panel.tabs.tabToolTip(3)
        assert "Nobody would get a message" in panel.export_buttons["customers"].toolTip()
