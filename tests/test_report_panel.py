"""The journey report in the window: the open journey's real figures per message, the badges on
its cards (real or simulated), the holdout verdict and picking an A/B winner."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.attribution import NodeFigures
from engine.journey_report import JourneyReport
from tests.attribution_shop import build_shop


@pytest.fixture
def shop_window(qtbot, tmp_path: Path, fast_timers):
    from app.controller import ShopController
    from app.main_window import MainWindow

    build_shop(tmp_path / "shop.sqlite").close()
    controller = ShopController(tmp_path / "shop.sqlite")
    win = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()
    controller.close()


pytest_plugins = ["app_testing"]


def _badges(window) -> dict[str, str]:
    scene = window.view.scene()
    return {node: item.badge for node, item in scene.node_items.items() if item.badge}


def test_the_report_shows_what_each_message_earned_and_badges_the_cards(shop_window, qtbot):
    tools = shop_window.tools
    assert shop_window.open_journey("Cart")
    tools.show_report()
    panel = tools.report
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3)
    cells = {panel.table.item(r, 0).text(): [panel.table.item(r, c).text() for c in range(3, 8)]
             for r in range(3)}
    assert cells["First reminder"] == ["3", "2", "130.00", "43.33", "0"]
    assert cells["Second reminder"] == ["2", "1", "80.00", "40.00", "1"]
    qtbot.waitUntil(lambda: "250.00 EUR from 4 orders" in panel.status.text())
    assert "keeps nobody out" in panel.holdout.text()
    assert _badges(shop_window) == {}
    assert not panel.compare_box.isVisible()  # no population run yet: nothing to compare with
    panel.set_badge_mode("real")
    assert _badges(shop_window) == {"mail-1": "130 EUR · 2/3 conv.", "mail-2": "80 EUR · 1/2 conv. · 1 unsub.",
                                    "sms-1": "40 EUR · 1/1 conv. · 1 unsub."}
    simulated = JourneyReport("Cart", "simulated", "P1D", [NodeFigures("mail-1", recipients=10, conversions=1,
                                                                       revenue=12.5)],
                              {"mail-1": "First reminder", "mail-2": "Second reminder", "sms-1": "sms-1"},
                              currency="EUR")
    panel.set_simulated(simulated)
    panel.set_badge_mode("simulated")
    assert _badges(shop_window)["mail-1"] == "12 EUR · 1/10 conv."
    panel.set_badge_mode("none")
    assert _badges(shop_window) == {}


def test_the_menu_opens_the_report_and_a_population_run_feeds_the_simulated_badges(shop_window, qtbot):
    from PySide6.QtGui import QAction

    tools = shop_window.tools
    assert shop_window.open_journey("Cart")
    shop_window.findChild(QAction, "action_journey_report").trigger()
    assert tools.report_dock.isVisible()
    tools.population.set_params(source="shop", n=5, days=10, mode="backtest")
    tools.population.start()
    qtbot.waitUntil(lambda: not tools.population.is_running(), timeout=30_000)
    panel = tools.report
    simulated = panel._simulated
    assert simulated is not None and simulated.source == "backtest"
    qtbot.waitUntil(lambda: panel.report() is not None and not panel.is_loading())
    assert panel.compare_box.isVisible()
    rows = {panel.compare_table.item(r, 0).text(): [panel.compare_table.item(r, c).text() for c in range(1, 7)]
            for r in range(panel.compare_table.rowCount())}
    said = simulated.nodes()
    assert set(rows) == {"First reminder", "Second reminder", "sms-1"}
    assert rows["First reminder"] == [str(said["mail-1"].recipients), "3", str(said["mail-1"].conversions), "2",
                                      f"{said['mail-1'].revenue:,.2f}", "130.00"]
    assert rows["Second reminder"][1::2] == ["2", "1", "80.00"]
    title = panel.compare_title.text()
    assert title.startswith("A backtest on the shop's past (") and "the shop's figures (until " in title
    assert "250.00 EUR from 4 orders" in title


def test_picking_a_winner_in_the_report_makes_a_new_live_version(qtbot, tmp_path, fast_timers):
    from datetime import timedelta

    from app.controller import ShopController
    from app.main_window import MainWindow
    from storage import journeys_repo
    from tests.attribution_shop import CART, D, add_sent

    data = {**CART, "name": "Cart AB", "nodes": [dict(n) for n in CART["nodes"]]}
    data["nodes"][1] = {**data["nodes"][1], "config": {**data["nodes"][1]["config"], "ab_test": {
        "variants": [{"name": "a"}, {"name": "b", "subject": "Psst"}]}}}
    db = build_shop(tmp_path / "shop.sqlite")
    with db.transaction() as session:
        journeys_repo.import_journey(session, data)
        saved = journeys_repo.publish(session, "Cart AB")
        for i, cid in enumerate(("c1", "c2", "c3", "c4")):
            add_sent(session, saved.journey_id, saved.version_id, cid, "mail-1", "email",
                     D + timedelta(days=10, minutes=i), variant="ab"[i % 2])
    db.close()
    controller = ShopController(tmp_path / "shop.sqlite")
    win = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.open_journey("Cart AB")
        win.tools.show_report()
        panel = win.tools.report
        qtbot.waitUntil(lambda: panel.table.rowCount() > 0 and not panel.is_loading())
        assert panel.tests_box.isVisible()
        assert {panel.table.item(r, 2).text() for r in range(panel.table.rowCount())} >= {"a", "b"}
        assert panel.pick("mail-1", "b", confirm=False)
        assert "version 2 is live" in panel.notice.text()
        qtbot.waitUntil(lambda: not panel.is_loading())
        with controller.db.read() as session:
            live = journeys_repo.load_journey(session, "Cart AB", "live")
        assert live.node("mail-1").config["subject"] == "Psst" and "ab_test" not in live.node("mail-1").config
        assert "ab_test" not in win.journey.node("mail-1").config  # the window shows the new version
    finally:
        win.close()
        controller.close()


def test_the_figures_are_read_off_the_window_thread_and_a_failure_is_said(qtbot):
    import threading

    from widgets.report_panel import JourneyReportPanel

    panel = JourneyReportPanel()
    qtbot.addWidget(panel)
    threads: list[threading.Thread] = []
    release = threading.Event()

    def slow(since):
        threads.append(threading.current_thread())
        release.wait(10)
        raise LookupError("the journey is not saved in the shop yet")

    panel.set_loader(slow)
    assert panel.is_loading() and panel.status.text() == "Reading the figures…"
    release.set()
    qtbot.waitUntil(lambda: not panel.is_loading())
    assert threads and threads[0] is not threading.main_thread()
    assert panel.status.text() == "No figures: the journey is not saved in the shop yet"
    assert panel.table.rowCount() == 0 and panel.report() is None


def test_a_refresh_asked_for_during_a_read_shows_the_newest_figures(qtbot):
    import threading

    from widgets.report_panel import JourneyReportPanel

    panel = JourneyReportPanel()
    qtbot.addWidget(panel)
    release = threading.Event()
    calls: list[int] = []

    def loader(since):
        calls.append(len(calls))
        if len(calls) == 1:
            release.wait(10)
        return JourneyReport("Cart", "real", "P1D", [NodeFigures("mail-1", recipients=len(calls), conversions=0,
                                                                 revenue=0.0)], {"mail-1": "First"}, currency="EUR")

    panel.set_loader(loader)
    panel.refresh()  # asked for while the first read still runs
    release.set()
    qtbot.waitUntil(lambda: len(calls) == 2 and not panel.is_loading())
    assert panel.table.item(0, 3).text() == "2"
    assert panel.report() is not None and panel.report().rows[0].recipients == 2
