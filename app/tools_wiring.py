"""The shop's tools around the editor: simulator, population run, calendar and shop data pages.

Kept out of `main_window.py` so the window stays a layout of docks and menus; this module
builds the panels, gives them the database through the app-side glue (widgets never see
storage), and follows the journey the window has open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QScrollArea, QWidget

from app.population_pages import CustomerCalendarPage, PopulationRunner
from app.report_pages import ReportPages
from app.session_pages import JourneyLifecycle, SessionPages, open_email_settings
from app.shop_pages import (
    open_customers_window,
    open_import_wizard,
    open_segments_window,
    open_shop_settings,
    seed_builtin_segments,
)
from app.simulation_pages import SimulationPages
from engine.model import Journey
from engine.population import PopulationReport
from widgets.customer_calendar import CustomerCalendar
from widgets.population_panel import PopulationPanel
from widgets.report_panel import JourneyReportPanel
from widgets.scrolling import VerticalScrollArea
from widgets.session_monitor import SessionMonitor
from widgets.simulator import SimulatorPanel
from widgets.simulator.panel import SimulatorState

if TYPE_CHECKING:
    from app.main_window import MainWindow


def _scrolled(panel: QWidget) -> QScrollArea:
    """The tool panels are taller than the dock area they share with the problems list and the
    inspector may give them; they scroll up and down, and the dock never gets narrower than the
    panel's narrowest layout (see widgets.scrolling)."""
    return VerticalScrollArea(panel)


@dataclass(frozen=True)
class ToolsState:
    simulator: SimulatorState
    population_report: PopulationReport | None
    population_params: dict[str, Any]
    calendar_customer: str | None
    calendar_mode: str
    calendar_anchor: date


class ShopTools(QObject):
    """Owns the tool panels of one main window and the windows opened from the Shop menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        db = window.controller.db
        seed_builtin_segments(db)
        Area = Qt.DockWidgetArea

        self.simulator = SimulatorPanel(window)
        self.simulator_dock = window._dock("dock_simulator", self.tr("Simulator"), _scrolled(self.simulator),
                                           Area.RightDockWidgetArea)
        window.tabifyDockWidget(window.inspector_dock, self.simulator_dock)
        window.inspector_dock.raise_()
        self.simulation_pages = SimulationPages(db, self.simulator, self)
        self.simulation_pages.refresh_shop()
        self.simulator_dock.visibilityChanged.connect(self._simulator_shown)

        self.population = PopulationPanel(window)
        self.population.set_runner(PopulationRunner(db))
        self.population_dock = window._dock("dock_population", self.tr("Population run"), _scrolled(self.population),
                                            Area.BottomDockWidgetArea)
        window.tabifyDockWidget(window.problems_dock, self.population_dock)
        window.problems_dock.raise_()

        self.calendar = CustomerCalendar(window)
        self.calendar_page = CustomerCalendarPage(db, self.calendar, parent=self)
        self.calendar_dock = window._dock("dock_calendar", self.tr("Customer calendar"), _scrolled(self.calendar),
                                          Area.BottomDockWidgetArea)
        window.tabifyDockWidget(self.population_dock, self.calendar_dock)
        window.problems_dock.raise_()

        self.monitor = SessionMonitor(window)
        self.session_dock = window._dock("dock_session", self.tr("Sending session"), _scrolled(self.monitor),
                                         Area.BottomDockWidgetArea)
        window.tabifyDockWidget(self.calendar_dock, self.session_dock)
        window.problems_dock.raise_()
        self.session_pages = SessionPages(db, self.monitor, journey_id=self._open_journey_id,
                                          set_badges=self._set_badges, parent=self)
        self.monitor.emailSettingsRequested.connect(self.show_email_settings)
        self.report = JourneyReportPanel(window)
        self.report_dock = window._dock("dock_report", self.tr("Journey report"), _scrolled(self.report),
                                        Area.BottomDockWidgetArea)
        window.tabifyDockWidget(self.session_dock, self.report_dock)
        window.problems_dock.raise_()
        self.report_pages = ReportPages(db, self.report, self._open_journey_id, self, save=window.save_now)
        self.report.picked.connect(self._reopen_after_pick)
        self.population.runFinished.connect(
            lambda report: self.report.set_simulated(getattr(report, "attribution", None)))
        self.lifecycle = JourneyLifecycle(window)
        self._windows: list[QWidget] = []
        self._build_menus()

    # Menus ---------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        help_action = self.window.findChild(QMenu, "menu_help").menuAction()
        self.simulate_menu = QMenu(self.tr("&Simulate"), self.window)
        self.simulate_menu.setObjectName("menu_simulate")
        for action in self.simulator.sim_actions:
            self.simulate_menu.addAction(action)
        self.simulate_menu.addSeparator()
        self.simulate_menu.addAction(self._action(self.tr("Show the &simulator"), self.show_simulator,
                                                  "Ctrl+Shift+S"))
        self.simulate_menu.addAction(self._action(self.tr("&Population run…"), self.show_population,
                                                  "Ctrl+Shift+P"))
        self.simulate_menu.addAction(self._action(self.tr("Customer &calendar…"), self.show_calendar,
                                                  "Ctrl+Shift+K"))
        bar.insertMenu(help_action, self.simulate_menu)

        self.shop_menu = QMenu(self.tr("S&hop"), self.window)
        self.shop_menu.setObjectName("menu_shop")
        self.shop_menu.addAction(self._action(self.tr("&Customers…"), self.show_customers, "Ctrl+Shift+C"))
        self.shop_menu.addAction(self._action(self.tr("&Segments…"), self.show_segments, "Ctrl+Shift+G"))
        self.shop_menu.addSeparator()
        for kind, text in (("customers", self.tr("Import &customers…")), ("orders", self.tr("Import &orders…")),
                           ("events", self.tr("Import &events…"))):
            self.shop_menu.addAction(self._action(text, lambda _=False, k=kind: self.show_import(k)))
        self.shop_menu.addSeparator()
        self.shop_menu.addAction(self._action(self.tr("Shop &settings…"), self.show_settings))
        bar.insertMenu(help_action, self.shop_menu)

        self.session_menu = QMenu(self.tr("Sess&ion"), self.window)
        self.session_menu.setObjectName("menu_session")
        self.session_menu.addAction(self._action(self.tr("&Sending session…"), self.show_session))
        self.session_menu.addAction(self._action(self.tr("&Email sending…"), self.show_email_settings))
        report_action = self._action(self.tr("What the journey &earned…"), self.show_report)
        report_action.setObjectName("action_journey_report")
        self.session_menu.addAction(report_action)
        self.session_menu.addSeparator()
        self.lifecycle_actions = {}
        for key, text, slot in (("publish", self.tr("&Publish"), self.lifecycle.publish),
                                ("pause", self.tr("P&ause"), self.lifecycle.pause),
                                ("resume", self.tr("&Resume"), self.lifecycle.resume),
                                ("archive", self.tr("Ar&chive"), self.lifecycle.archive)):
            action = self._action(text, lambda _=False, f=slot: f())
            action.setObjectName(f"action_journey_{key}")
            self.lifecycle_actions[key] = action
            self.session_menu.addAction(action)
        bar.insertMenu(help_action, self.session_menu)
        panels = getattr(self.window, "panels_menu", None)
        if panels is not None:
            for dock in (self.simulator_dock, self.population_dock, self.calendar_dock, self.session_dock,
                         self.report_dock):
                panels.addAction(dock.toggleViewAction())

    # Following the open journey ------------------------------------------------------------
    def journey_opened(self, journey: Journey, journey_id: int) -> None:
        view = self.window.view
        self.simulation_pages.open_journey(journey, journey_id, view if self.simulator_dock.isVisible() else None)
        self.population.set_journey(journey)
        self.population.set_view(view)
        self.report.set_simulated(None)
        self.report.set_view(view)
        self.report_pages.follow(self.report_dock.isVisible())

    def journey_closed(self) -> None:
        self.simulation_pages.open_journey(None, None, None)
        self.population.set_journey(None)
        self.report.set_simulated(None)
        self.report_pages.follow(False)

    def journey_saved(self) -> None:
        """The calendar simulates every journey for its customer, so only a visible one follows."""
        if self.calendar_dock.isVisible():
            self.calendar_page.refresh()

    def _simulator_shown(self, shown: bool) -> None:
        if shown:
            self.simulator.set_view(self.window.view)
        else:
            self.simulator.clear_view()

    def shutdown(self) -> None:
        self.population.shutdown()
        self.report.shutdown()
        self.session_pages.shutdown()

    def _open_journey_id(self) -> int | None:
        document = self.window.document
        return document.journey_id if document is not None else None

    def _set_badges(self, badges: dict[str, str]) -> None:
        if self.window.document is not None:
            self.window.view.set_badges(badges)

    # Handing over to a window rebuilt in another language -------------------------------------
    def carry_over(self) -> ToolsState:
        """What the panels hold beyond the database: the simulation, the last population run,
        the calendar's customer. Reports are data; the new window words them in its language."""
        population = self.population
        params = {"source": population.source.currentData(), "n": population.count.value(),
                  "days": population.days.value(), "seed": population.seed.value(),
                  "mode": population.mode.currentData()}
        return ToolsState(self.simulator.state(), population.report(), params, self.calendar_page._current,
                          self.calendar.mode(), self.calendar.anchor())

    def take_over(self, state: ToolsState) -> None:
        self.simulator.restore(state.simulator)
        self.population.set_params(**state.population_params)
        if state.population_report is not None and self.population.journey() is not None:
            self.population.show_report(state.population_report)
        if state.calendar_customer is not None:
            self.calendar_page.show_customer(state.calendar_customer)
            self.calendar.set_mode(state.calendar_mode)
            self.calendar.go_to(state.calendar_anchor)

    # Showing things ------------------------------------------------------------------------
    def show_simulator(self) -> None:
        self.simulator_dock.show()
        self.simulator_dock.raise_()

    def show_population(self) -> None:
        self.population_dock.show()
        self.population_dock.raise_()

    def show_calendar(self) -> None:
        self.calendar_dock.show()
        self.calendar_dock.raise_()
        self.calendar_page.refresh()

    def show_session(self) -> None:
        self.session_dock.show()
        self.session_dock.raise_()
        self.session_pages.refresh()

    def _reopen_after_pick(self, node: str, variant: str) -> None:
        """The journey has a new version: the window shows it instead of the copy it held."""
        document = self.window.document
        if document is not None:
            name = document.name
            self.window._close_document(save=False)
            self.window.open_journey(name)
            self.show_report()

    def show_report(self) -> None:
        """The open journey's figures are read when the panel is shown, not at every open."""
        self.report_dock.show()
        self.report_dock.raise_()
        self.report_pages.follow(self.window.document is not None)

    def show_email_settings(self) -> None:
        self._keep(open_email_settings(self.window.controller.db, self.window))

    def _keep(self, widget: QWidget) -> None:
        self._windows = [w for w in self._windows if w.isVisible()]
        self._windows.append(widget)

    def show_customers(self) -> None:
        self._keep(open_customers_window(self.window.controller.db, self.window))

    def show_segments(self) -> None:
        self._keep(open_segments_window(self.window.controller.db, self.window))

    def show_import(self, kind: str) -> None:
        def imported() -> None:
            self.simulation_pages.refresh_shop()
            for widget in self._windows:
                reload = getattr(widget, "reload", None)
                if callable(reload):
                    reload()

        self._keep(open_import_wizard(self.window.controller.db, self.window, kind=kind, on_imported=imported))

    def show_settings(self) -> None:
        def saved() -> None:
            self.simulation_pages.refresh_shop()
            self.window._show_shop()
            self.window._feed_inspector()  # the designer's colours, logo and languages

        self._keep(open_shop_settings(self.window.controller.db, self.window, on_saved=saved))


def install(window: MainWindow) -> ShopTools | None:
    """Adds the tools to a window that has a shop; a window without one has nothing to feed them."""
    if window.controller is None:
        return None
    return ShopTools(window)

