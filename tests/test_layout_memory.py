"""What a person arranged stays arranged: panel sizes and inner splitters come back at the next
start, and switching the language keeps the layout, the canvas view and the tools' results.

Before: the saved dock state was put back before the tool docks existed (so their sizes were
lost), inner splitters were not saved at all, and a language switch rebuilt the window with
the default layout and empty simulator and population panels.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from app.gui import WindowHost
from app.i18n import install_translator
from app.main_window import MainWindow, dock_sizes

pytest_plugins = ["app_testing"]

JOURNEY = "Abandoned cart (advanced)"


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)
    QApplication.processEvents()


def _splitter(window: MainWindow, name: str) -> QSplitter:
    found = window.findChild(QSplitter, name)
    assert found is not None, name
    return found


def _arrange(window: MainWindow, qtbot) -> tuple[int, int, list[int]]:
    """Makes the inspector wide, the bottom panel tall and the simulator's split uneven."""
    window.resizeDocks([window.inspector_dock], [460], Qt.Orientation.Horizontal)
    window.resizeDocks([window.problems_dock], [300], Qt.Orientation.Vertical)
    window.tools.show_simulator()
    _settle(qtbot)
    split = _splitter(window, "simulator_split")
    total = sum(split.sizes())
    split.setSizes([total // 4, total - total // 4])
    _settle(qtbot)
    return window.tools.simulator_dock.width(), window.problems_dock.height(), split.sizes()


def test_panel_sizes_and_inner_splitters_come_back_at_the_next_start(qtbot, controller, fast_timers) -> None:
    first = MainWindow(controller)
    qtbot.addWidget(first)
    first.resize(1280, 720)
    first.show()
    qtbot.waitExposed(first)
    first.open_journey(JOURNEY)
    width, height, sizes = _arrange(first, qtbot)
    fitted = dock_sizes(1280, 720)
    assert width - fitted.right >= 40 and height - fitted.bottom >= 10, "the arrangement differs from the default"
    first.close()

    second = MainWindow(controller)
    qtbot.addWidget(second)
    assert second.layout_restored
    # The offscreen test screen is 800×800, and restoreGeometry narrows a window to its screen:
    # give it back the size it had, as a 1280×720 screen would.
    second.resize(first.size())
    second.present()
    qtbot.waitExposed(second)
    second.open_journey(JOURNEY)
    second.tools.show_simulator()
    _settle(qtbot)
    assert abs(second.tools.simulator_dock.width() - width) <= 2
    assert abs(second.problems_dock.height() - height) <= 2
    assert _splitter(second, "simulator_split").sizes() == sizes
    second.close()


@pytest.fixture
def host(qtbot, controller, fast_timers) -> Iterator[WindowHost]:
    app = QApplication.instance()
    host = WindowHost(app, controller, persist_layout=False)
    window = host.build()
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield host
    if host.window is not None:
        host.window.close()
    install_translator(app, "en")


def test_switching_language_keeps_layout_view_and_results(host: WindowHost, qtbot) -> None:
    old = host.window
    assert old.open_journey(JOURNEY)
    width, height, sizes = _arrange(old, qtbot)
    sim = old.tools.simulator
    sim.tabs.setCurrentIndex(1)
    steps = len(sim.run_to_end())
    assert steps > 0
    moment = sim.state().moment
    old.view.set_zoom(0.8)
    node = next(n.id for n in old.journey.nodes() if n.type == "message")
    old.view.select_node(node)
    zoom, centre = old.view.view_state()
    panel = old.tools.population
    panel.set_params(source="demo", n=20, days=7)
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=60_000)
    report = panel.report()
    assert report is not None

    old_size = old.size()
    assert host.switch_language("de")
    new = host.window
    assert new is not old
    qtbot.waitExposed(new)
    _settle(qtbot)
    assert new.document is not None and new.document.name == JOURNEY
    assert new.size() == old_size
    assert abs(new.tools.simulator_dock.width() - width) <= 2
    assert abs(new.problems_dock.height() - height) <= 2
    new_sizes = _splitter(new, "simulator_split").sizes()  # German text above it is taller: same share
    assert new_sizes[0] / sum(new_sizes) == pytest.approx(sizes[0] / sum(sizes), abs=0.03)
    assert new.view.zoom() == pytest.approx(zoom)
    assert (new.view.view_state()[1] - centre).manhattanLength() <= 2
    assert new.view.selected_node_ids() == [node]
    new_sim = new.tools.simulator
    assert new_sim.state().moment == moment
    assert new_sim.tabs.currentIndex() == 1
    new_report = new.tools.population.report()
    assert new_report is not None and new_report == report
