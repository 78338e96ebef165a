"""Room to work on a 1280×720 screen: every dock in every language shows its controls whole.

`widgets.layout_audit.cut_widgets` finds controls squeezed below their size or lying where no
vertical scroll bar reaches (sideways scrolling counts as cut). Before the panels wrapped and
scrolled, the Russian inspector was cut on the right, the simulator's day box, Jump and what-if
buttons fell off its side, and the bottom panel was too low for the population run's Run button.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from app.i18n import install_translator
from app.main_window import MainWindow, dock_sizes, initial_window_size
from widgets.layout_audit import cut_widgets, describe, dock_tab_bars, elided_tabs, seen_now

pytest_plugins = ["app_testing"]

SMALL = (1280, 720)
LANGUAGES = ("en", "de", "ru", "es")
ADVANCED_CART = "Abandoned cart (advanced)"


@pytest.fixture
def small_window(qtbot, controller, fast_timers, request) -> Iterator[MainWindow]:
    """The main window at 1280×720 with the docks sized as on a first start, in a language."""
    app = QApplication.instance()
    install_translator(app, getattr(request, "param", "en"))
    window = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.fit_docks()
    window.show()
    window.fit_docks()
    qtbot.waitUntil(lambda: window.problems_dock.height() >= dock_sizes(*SMALL).bottom - 2, timeout=5000)
    assert window.open_journey(ADVANCED_CART)
    yield window
    window.close()
    install_translator(app, "en")


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)  # lets posted layout requests run
    QApplication.processEvents()


def _show(qtbot, dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()
    _settle(qtbot)


def _assert_whole(qtbot, root: QWidget, what: str) -> None:
    """The message preview renders on a short timer after a node is selected and then grows:
    wait for the panel to settle (a lasting cut still fails after the wait)."""
    try:
        qtbot.waitUntil(lambda: not cut_widgets(root), timeout=3000)
    except WaitTimeout:
        pass  # reported below, with what is cut
    cuts = cut_widgets(root)
    assert not cuts, f"{what}: cut at 1280×720:\n{describe(cuts)}"


@pytest.mark.parametrize("small_window", LANGUAGES, indirect=True)
def test_every_dock_shows_its_controls_whole(small_window: MainWindow, qtbot) -> None:
    window = small_window
    tools = window.tools
    sim = tools.simulator
    for dock in window.findChildren(QDockWidget):
        _show(qtbot, dock)
        _assert_whole(qtbot, dock, dock.objectName())
    # every page of the simulator, before and after a run
    _show(qtbot, tools.simulator_dock)
    for index in range(sim.tabs.count()):
        sim.tabs.setCurrentIndex(index)
        _settle(qtbot)
        _assert_whole(qtbot, tools.simulator_dock, f"simulator tab {sim.tabs.tabText(index)}")
    sim.tabs.setCurrentIndex(1)
    sim.run_to_end()
    _settle(qtbot)
    _assert_whole(qtbot, tools.simulator_dock, "simulator after a run")
    # the inspector with every step of the journey, and with the journey's settings
    _show(qtbot, window.inspector_dock)
    for node in list(window.journey.nodes()):
        window.view.select_node(node.id)
        _settle(qtbot)
        _assert_whole(qtbot, window.inspector_dock, f"inspector showing {node.id}")
        assert window.inspector_dock.width() <= dock_sizes(*SMALL).right + 2, f"the dock grew for {node.id}"
    window.view.scene().clear_all_selection()
    _settle(qtbot)
    _assert_whole(qtbot, window.inspector_dock, "journey settings")
    for bar in dock_tab_bars(window):
        assert not elided_tabs(bar), describe(elided_tabs(bar))


@pytest.mark.parametrize("small_window", LANGUAGES, indirect=True)
def test_the_bottom_panel_shows_run_and_results_without_scrolling(small_window: MainWindow, qtbot) -> None:
    tools = small_window.tools
    panel = tools.population
    _show(qtbot, tools.population_dock)
    dock = tools.population_dock
    run = seen_now(panel.run_button, dock)
    assert run.size() == panel.run_button.size(), "Run is cut or needs scrolling"
    results = seen_now(panel.tabs, dock)
    assert results.height() >= 70, f"only {results.height()} px of the results show"
    panel.set_params(source="demo", n=30, days=7)
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=60_000)
    _settle(qtbot)
    assert panel.report() is not None
    assert seen_now(panel.run_button, dock).size() == panel.run_button.size()
    _assert_whole(qtbot, dock, "population run with results")


@pytest.mark.parametrize("small_window", ["ru", "de"], indirect=True)
def test_the_simulator_controls_show_without_scrolling(small_window: MainWindow, qtbot) -> None:
    """The day box, Jump and the what-if buttons, named in the issue, in the longest languages."""
    tools = small_window.tools
    sim = tools.simulator
    _show(qtbot, tools.simulator_dock)
    sim.tabs.setCurrentIndex(1)
    _settle(qtbot)
    controls = [sim.clock.day_spin, sim.clock.jump_button, *sim.what_if_buttons.values(),
                *(b for b in sim.findChildren(QWidget) if b.objectName().startswith("sim_"))]
    for control in controls:
        if control.isVisible():
            assert seen_now(control, tools.simulator_dock).size() == control.size(), control.objectName()


def test_a_small_screen_gets_a_maximized_window_and_a_large_one_a_centred_one() -> None:
    assert initial_window_size(1280, 720) == ((1280, 720), True)
    assert initial_window_size(1366, 740) == ((1366, 740), True)
    size, maximized = initial_window_size(2560, 1400)
    assert not maximized and size == (1600, 1000)
    sizes = dock_sizes(*SMALL)
    assert sizes.left + sizes.right + 400 <= SMALL[0], "the canvas keeps at least 400 px"


def test_present_fits_the_docks_to_the_screen(qtbot, controller, fast_timers) -> None:
    window = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(window)
    window.present()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(window.isVisible)
    # The offscreen test screen is 800×800, narrower than the window's minimum in some
    # languages; the window never exceeds the screen beyond what its minimum forces.
    smallest = window.minimumSizeHint()
    assert window.width() <= max(screen.width(), smallest.width())
    assert window.height() <= max(screen.height(), smallest.height())
    for dock in (window.library_dock, window.inspector_dock, window.problems_dock):
        assert dock.isVisible() and dock.width() > 0
    window.close()


def test_panels_never_scroll_sideways(small_window: MainWindow) -> None:
    areas = [a for a in small_window.findChildren(QScrollArea)
             if a.objectName() != "qt_scrollarea" and type(a).__name__ == "VerticalScrollArea"]
    assert len(areas) >= 5
    for area in areas:
        content = area.widget()
        assert area.minimumSizeHint().width() >= content.minimumSizeHint().width()
        assert area.minimumSizeHint().height() < 100, "a dock can still be made low"


def test_flow_rows_wrap_instead_of_widening_the_panel(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    from widgets.flow_layout import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    row = FlowLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(f"button number {i}") for i in range(6)]
    for button in buttons:
        row.addWidget(button)
    widest = max(b.sizeHint().width() for b in buttons)
    assert host.minimumSizeHint().width() <= widest + 2
    host.resize(widest + 10, 400)
    host.show()
    _settle(qtbot)
    assert len({b.y() for b in buttons}) == len(buttons), "one per line when only one fits"
    assert row.heightForWidth(widest + 10) > row.heightForWidth(6 * widest + 60)
    host.resize(6 * widest + 60, 100)
    _settle(qtbot)
    assert len({b.y() for b in buttons}) == 1
    assert all(b.size() == b.sizeHint() or b.width() >= b.minimumSizeHint().width() for b in buttons)
    assert QSize(host.width(), host.height()).width() >= sum(b.width() for b in buttons)
