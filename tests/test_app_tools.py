"""The shop tools in the main window: simulator, population run, calendar and the Shop menu."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.main_window import MainWindow

pytest_plugins = ["app_testing"]

ADVANCED_CART = "Abandoned cart (advanced)"


def test_window_has_the_simulate_and_shop_menus(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Simulate") < titles.index("&Help") and "S&hop" in titles
    shop = window.findChild(QMenu, "menu_shop")
    assert [a.text() for a in shop.actions() if a.text()][:2] == ["&Customers…", "&Segments…"]


def test_opening_a_journey_reaches_the_simulator_and_population_panel(window: MainWindow, qtbot) -> None:
    tools = window.tools
    assert window.open_journey(ADVANCED_CART)
    tools.show_simulator()
    assert tools.simulator_dock.isVisible()
    sim = tools.simulator
    sim.step()
    assert sim.simulation is not None and sim.simulation.compiled.name == ADVANCED_CART
    assert tools.population.report() is None
    window.close_journey()
    assert tools.simulator.simulation is None


def test_shop_menu_opens_the_customers_window(window: MainWindow, qtbot) -> None:
    window.tools.show_customers()
    opened = window.tools._windows[-1]
    qtbot.waitUntil(opened.isVisible)
    opened.close()
