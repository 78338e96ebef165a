"""The step-by-step simulator: one customer walks the open journey under a virtual clock.

The shop owner's questions are "what happens to Anna?", "when?" and "why?"; so the panel
steps (F10), runs to the next message (F8) or to the end (F5), lets the clock be dragged
forward, shows every step at the customer's local time with the values each condition saw,
previews each message as the customer gets it, and asks "what if she orders now?". The canvas
(`set_view`) highlights where the customer's paths stand and the edges walked so far.

Everything is one `engine.simulation.Simulation` with `RunOptions(render=True)`: the same engine,
templates and discount codes a sending session uses, so what is seen here is what would happen.
Edits to the journey replay the simulation to the same moment and re-run the journey tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.compiled import CompiledJourney
from engine.journey_tests import JourneyTest, TestResult, record_test, run_test
from engine.model import Journey
from engine.observer import Subscription
from engine.profile import Profile, ProfileError
from engine.runner import RunOptions
from engine.shop_options import run_options
from engine.simulation import Simulation
from engine.steps import Step
from engine.validation import validate
from widgets.canvas import JourneyView
from widgets.event_dialog import EventDialog
from widgets.events_catalogue import event_label
from widgets.flow_layout import FlowLayout
from widgets.scrolling import ElasticSplitter
from widgets.simulator.clock import SimClock
from widgets.simulator.customer_tab import CustomerInputs, CustomerTab
from widgets.simulator.previews import StepPreview
from widgets.simulator.tests_panel import JourneyTestsPanel
from widgets.simulator.texts import local_time, step_text
from widgets.simulator.timeline import Timeline
from widgets.translate import QT_TRANSLATE_NOOP

EDIT_DELAY_MS = 300
# (event type, button text, properties): the "what if" the owner asks most.
WHAT_IFS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("order_placed", QT_TRANSLATE_NOOP("SimulatorPanel", "orders"), {"total": 59.9, "currency": "EUR"}),
    ("email_opened", QT_TRANSLATE_NOOP("SimulatorPanel", "opens an email"), {}),
    ("cart_abandoned", QT_TRANSLATE_NOOP("SimulatorPanel", "abandons a cart"), {"cart_value": 74.5}),
)
ERROR_STYLE = "color: #b3261e;"


@dataclass(frozen=True)
class SimulatorState:
    """See `SimulatorPanel.state`."""

    inputs: CustomerInputs
    moment: datetime | None
    what_ifs: tuple[tuple[datetime, str, dict[str, Any]], ...]
    tab: int


def preview_unsubscribe_url(customer_id: str, channel: str) -> str:
    """A link that shows where the real one goes; a session signs it with the shop's key."""
    return f"https://unsubscribe.invalid/{channel}/{customer_id}"


class SimulatorPanel(QWidget):
    """See the module docstring. Signals: `profileRequested(customer id)` (answer with
    `set_profile`), `testsChanged(list[JourneyTest])` (save them), `simulationChanged()`."""

    profileRequested = Signal(str)
    testsChanged = Signal(list)
    simulationChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulator_panel")
        self._journey: Journey | None = None
        self._subscriptions: list[Subscription] = []
        self._view: JourneyView | None = None
        self._compiled: CompiledJourney | None = None
        self._sim: Simulation | None = None
        self._shop: dict[str, Any] | None = None
        self._options = run_options(unsubscribe_url=preview_unsubscribe_url)
        self._segments: dict[str, Any] = {}
        self._provider: Callable[[str], Profile | None] | None = None
        self._wait_nodes: set[str] = set()
        self._what_ifs: list[tuple[datetime, str, dict[str, Any]]] = []
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_DELAY_MS)
        self._edit_timer.timeout.connect(self._journey_edited)

        self.customer = CustomerTab()
        self.customer.inputsChanged.connect(self.reset)
        self.customer.shopCustomerChosen.connect(self._request_profile)
        self.tests = JourneyTestsPanel()
        self.tests.set_runner(self.run_tests_now)
        self.tests.recordRequested.connect(lambda: self.save_run_as_test())
        self.tests.loadRequested.connect(self.load_test)
        self.tests.testsChanged.connect(self.testsChanged)

        self.step_action = self._action(self.tr("Step"), "F10", self.step,
                                        self.tr("Do the next thing the journey does with this customer"))
        self.next_message_action = self._action(self.tr("Next message"), "F8", self.run_to_next_message,
                                                self.tr("Run until a message is sent or skipped"))
        self.run_end_action = self._action(self.tr("Run to end"), "F5", self.run_to_end,
                                           self.tr("Run until the end of the simulated period"))
        self.reset_action = self._action(self.tr("Reset"), "Shift+F5", self.reset,
                                         self.tr("Back to the start, with the customer as described"))
        self.record_action = self._action(self.tr("Save as test…"), "", lambda: self.save_run_as_test(),
                                          self.tr("Save this customer and the path taken so far as a journey test"))
        self.sim_actions = [self.step_action, self.next_message_action, self.run_end_action, self.reset_action,
                            self.record_action]

        self.message = QLabel()
        self.message.setObjectName("sim_message")
        self.message.setWordWrap(True)
        self.clock = SimClock()
        self.clock.seekRequested.connect(self.run_to)
        self.where = QLabel()
        self.where.setObjectName("sim_where")
        self.where.setWordWrap(True)
        self.timeline = Timeline()
        self.timeline.stepActivated.connect(self._step_clicked)
        self.preview = StepPreview()
        self.what_if_buttons: dict[str, QToolButton] = {}
        self.what_if_menu = QMenu(self)
        self._what_if_actions: list[QAction] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("simulator_tabs")
        self.tabs.addTab(self.customer, self.tr("Customer"))
        self.tabs.addTab(self._run_tab(), self.tr("Run"))
        self.tabs.addTab(self.tests, self.tr("Tests"))
        self.tabs.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reset()

    def _action(self, text: str, shortcut: str, slot: Callable[[], Any], tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _run_tab(self) -> QWidget:
        bar = FlowLayout()
        for action in self.sim_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName(f"sim_{action.text().lower().replace(' ', '_').strip('…')}")
            bar.addWidget(button)
        bar.addStretch(1)
        what_if = FlowLayout()
        what_if.addWidget(QLabel(self.tr("What if, now, the customer…")))
        for event_type, text, props in WHAT_IFS:
            button = QToolButton()
            button.setText(self.tr(text))
            button.setObjectName(f"what_if_{event_type}")
            button.setToolTip(self.tr("Adds a “{event}” event at the current moment and shows what follows")
                              .format(event=event_type))
            button.clicked.connect(lambda _=False, e=event_type, p=props: self.what_if(e, dict(p)))
            self.what_if_buttons[event_type] = button
            what_if.addWidget(button)
        more = QToolButton()
        more.setText(self.tr("other event") + " ▾")
        more.setMenu(self.what_if_menu)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.what_if_buttons["other"] = more
        what_if.addWidget(more)
        what_if.addStretch(1)
        split = ElasticSplitter(Qt.Orientation.Vertical)
        split.setObjectName("simulator_split")  # the main window remembers named splitters
        split.addWidget(self.timeline)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.clock)
        layout.addWidget(self.where)
        layout.addWidget(split, 1)
        layout.addLayout(what_if)
        return tab

    # -- inputs from the app ---------------------------------------------------------------
    def set_journey(self, journey: Journey | None) -> None:
        """The journey being edited; its edits replay the simulation and re-run the tests."""
        for sub in self._subscriptions:
            sub.cancel()
        self._subscriptions = []
        self._journey = journey
        if journey is not None:
            for name in ("node_added", "node_removed", "node_changed", "edge_added", "edge_removed",
                         "settings_changed", "segments_changed"):
                self._subscriptions.append(journey.signals.subscribe(name, self._journey_touched))
            trigger = journey.trigger()
            if trigger is not None and self.customer.is_test_customer():
                event = trigger.config.get("event") if trigger.config.get("kind") == "event" else None
                if event and self.customer.form.events.rowCount() == 0:
                    self.customer.form.add_event("+0", event)
                    self.customer.form.flush()
        self._update_event_names()
        self.tests.set_tests([])
        self.reset()

    def set_view(self, view: JourneyView | None) -> None:
        """The canvas to highlight on; the previous one is cleared."""
        if self._view is not None and self._view is not view:
            self.clear_view()
        self._view = view
        self._show_on_canvas()

    def set_customers(self, customers: list[tuple[str, str]]) -> None:
        self.customer.set_customers(customers)

    def set_profile_provider(self, provider: Callable[[str], Profile | None] | None) -> None:
        """Answers a shop customer's id with their profile, synchronously (instead of the signal)."""
        self._provider = provider

    def set_profile(self, profile: Profile | None) -> None:
        """The profile of the chosen shop customer (the answer to `profileRequested`)."""
        self.customer.set_shop_profile(profile)

    def set_shop(self, settings: dict[str, Any] | None, segments: dict[str, Any] | None = None,
                 options: RunOptions | None = None) -> None:
        """Shop settings (name, sender, time zone, currency), the shop's segment rules and the run
        options the shop's sending session uses too (`storage.run_options`: its discount secret,
        levels…); without them, the options the settings alone give."""
        self._shop = dict(settings) if settings else None
        self._segments = dict(segments or {})
        base = options if options is not None else run_options(self._shop)
        self._options = base if base.unsubscribe_url is not None else replace(
            base, unsubscribe_url=preview_unsubscribe_url)
        self.preview.set_shop(self._shop)
        self.customer.set_default_tz((self._shop or {}).get("timezone"))
        self.reset()

    def set_start(self, moment: datetime) -> None:
        self.customer.set_start(moment)

    def set_tests(self, tests: list[JourneyTest]) -> None:
        """The journey's saved tests; they are run at once when re-running is on."""
        self.tests.set_tests(tests)
        self.tests.rerun_after_edit()

    def clear_view(self) -> None:
        """Takes the highlight and badges off the canvas (when the panel is hidden)."""
        if self._view is not None:
            self._view.set_highlight(set(), set())
            self._view.set_badges({})

    @property
    def simulation(self) -> Simulation | None:
        return self._sim

    def options(self) -> RunOptions:
        return self._options

    # -- the controls ----------------------------------------------------------------------
    def step(self) -> list[Step]:
        return self._move(lambda sim: sim.step())

    def run_to_next_message(self) -> list[Step]:
        return self._move(lambda sim: sim.run_to_next_message())

    def run_to_end(self) -> list[Step]:
        return self._move(lambda sim: sim.run_to_end())

    def run_to(self, moment: datetime) -> list[Step]:
        """The clock was dragged (or a day chosen): never backwards, that needs Reset."""
        if self._sim is None or moment <= self._sim.now:
            return []
        return self._move(lambda sim: sim.run_to(moment))

    def what_if(self, event_type: str, properties: dict[str, Any] | None = None) -> list[Step]:
        """The customer does `event_type` now; shows what follows at this moment."""
        sim = self._sim
        if sim is None or sim.finished:
            return []
        at = sim.now
        sim.inject(event_type, properties)
        self._what_ifs.append((at, event_type, dict(properties or {})))
        new = self._move(lambda s: s.run_to(at))
        tz = sim.run.tz
        if new:
            consequence = "; ".join(step_text(s, tz) for s in new)
        else:
            consequence = self.tr("nothing changes right now")
        self.show_message(self.tr("What if “{event}” at {when}: {consequence}").format(
            event=event_label(event_type), when=local_time(at, tz), consequence=consequence))
        return new

    @staticmethod
    def _who(sim: Simulation) -> str:
        """The customer as the reasons name them: first name, else e-mail, else id."""
        customer = sim.run.profile.customer
        return str(customer.get("first_name") or customer.get("email") or customer.get("id") or "")

    def reset(self) -> None:
        """Back to the start with the current inputs (also after any input changed)."""
        self._what_ifs = []
        self._rebuild(None)

    def state(self) -> SimulatorState:
        """The inputs, how far the clock went and the what-ifs asked: enough to rebuild this
        simulation exactly (the engine is deterministic) in a window built anew."""
        sim = self._sim
        return SimulatorState(self.customer.inputs(), sim.now if sim is not None else None,
                              tuple(self._what_ifs), self.tabs.currentIndex())

    def restore(self, state: SimulatorState) -> None:
        self.customer.set_inputs(state.inputs)
        self._what_ifs = list(state.what_ifs)
        self._rebuild(state.moment)
        self.tabs.setCurrentIndex(state.tab)

    def _move(self, work: Callable[[Simulation], list[Step]]) -> list[Step]:
        if self._sim is None:
            return []
        new = work(self._sim)
        self._after_move(new)
        return new

    # -- building the simulation -----------------------------------------------------------
    def _compile(self) -> str | None:
        """Compiles the journey; the reason it cannot run otherwise."""
        self._compiled = None
        if self._journey is None:
            return self.tr("Open a journey to simulate it.")
        errors = [p for p in validate(self._journey, self._segments) if p.is_error]
        if errors:
            return self.tr("Fix the journey first ({n} error(s); first: {problem}).").format(
                n=len(errors), problem=str(errors[0]))
        try:
            self._compiled = CompiledJourney(self._journey, shop_segments=self._segments)
        except (ValueError, KeyError) as exc:
            return self.tr("The journey cannot run: {reason}").format(reason=exc)
        return None

    def _rebuild(self, replay_to: datetime | None) -> None:
        self._sim = None
        self.timeline.clear_steps()
        self.preview.clear()
        problem = self._compile()
        profile: Profile | None = None
        if problem is None:
            try:
                profile = self.customer.profile()
            except ProfileError as exc:
                problem = self.tr("The customer cannot be simulated: {reason}").format(reason=exc)
        if problem is not None or profile is None or self._compiled is None:
            self.show_message(problem or "", error=True)
            self.clock.setEnabled(False)
            self._update_controls()
            self._show_on_canvas()
            self.simulationChanged.emit()
            return
        start, until = self.customer.start(), self.customer.until()
        self._sim = Simulation(self._compiled, profile, start, until, self.options())
        labels = {n.id: n.label or n.id for n in self._compiled.journey.nodes()}
        self.timeline.set_context(self._sim.run.tz, labels, self._wait_nodes, self._who(self._sim))
        self.clock.set_range(start, until, self._sim.run.tz)
        self.show_message("")
        replayed: list[Step] = []
        for at, event_type, properties in self._what_ifs:  # asked before: asked again, at the same moment
            replayed += self._sim.run_to(at)
            self._sim.inject(event_type, dict(properties))
            replayed += self._sim.run_to(at)
        if replay_to is not None and replay_to > self._sim.now:
            replayed += self._sim.run_to(replay_to)
        self._after_move(replayed)

    def _after_move(self, new: list[Step]) -> None:
        sim = self._sim
        if sim is None:
            return
        self.timeline.add_steps(new)
        self.clock.set_now(sim.now)
        if new:
            shown = next((s for s in reversed(new) if s.event == "sent"), new[-1])
            index = len(sim.steps) - len(new) + new.index(shown)
            self.timeline.blockSignals(True)
            self.timeline.select_step(index)
            self.timeline.blockSignals(False)
            self.preview.show_step(shown, self._journey, sim.run.tz, self._who(sim))
        self.where.setText(self._where_text())
        self._update_controls()
        self._show_on_canvas()
        self.simulationChanged.emit()

    def _where_text(self) -> str:
        sim = self._sim
        if sim is None:
            return ""
        tz = sim.run.tz
        labels = {n.id: n.label or n.id for n in self._journey.nodes()} if self._journey else {}
        lines = []
        for pos in sim.positions():
            name = labels.get(pos.node, pos.node)
            when = local_time(pos.due, tz) if pos.due is not None else ""
            if pos.state == "delay":
                lines.append(self.tr("Waiting at “{node}” until {when}").format(node=name, when=when))
            elif pos.state == "wait_event":
                lines.append(self.tr("Waiting at “{node}” for the event, at most until {when}").format(
                    node=name, when=when))
            elif pos.state == "deferred":
                lines.append(self.tr("Held at “{node}” by quiet hours until {when}").format(node=name, when=when))
            else:
                lines.append(self.tr("At “{node}”, about to act").format(node=name))
        if lines:
            return "\n".join(lines)
        if sim.finished:
            return self.tr("The simulation is over ({n} step(s)).").format(n=len(sim.steps))
        due = sim.next_due
        exited = [s for s in sim.steps if s.event == "exited"]
        base = (self.tr("Not in the journey any more.") if exited else self.tr("Not in the journey yet."))
        if due is not None:
            return base + " " + self.tr("Next thing happens {when}.").format(when=local_time(due, tz))
        return base + " " + self.tr("Nothing more will happen: add an event or a what-if.")

    def _update_controls(self) -> None:
        sim = self._sim
        running = sim is not None and not sim.finished
        for action in (self.step_action, self.next_message_action, self.run_end_action):
            action.setEnabled(running)
        self.reset_action.setEnabled(self._journey is not None)
        self.record_action.setEnabled(sim is not None)
        self.tests.record_button.setEnabled(sim is not None)
        for button in self.what_if_buttons.values():
            button.setEnabled(running)

    def _show_on_canvas(self) -> None:
        if self._view is None:
            return
        sim = self._sim
        if sim is None:
            self.clear_view()
            return
        positions = sim.positions()
        nodes = {p.node for p in positions}
        edges = set(sim.edges_taken())
        badges = {s.node: "✓" for s in sim.steps if s.node is not None}
        tz = sim.run.tz
        for pos in positions:
            waiting = pos.state != "ready" and pos.due is not None
            badges[pos.node] = (self.tr("until {when}").format(when=local_time(pos.due, tz)) if waiting
                                else "● " + self.tr("here"))
        self._view.set_highlight(nodes, edges)
        self._view.set_badges(badges)

    def show_message(self, text: str, error: bool = False) -> None:
        """A line above the clock: why the simulation cannot run, or what a what-if did."""
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    # -- reactions -------------------------------------------------------------------------
    def _step_clicked(self, index: int) -> None:
        sim = self._sim
        if sim is None or not 0 <= index < len(sim.steps):
            return
        step = sim.steps[index]
        self.preview.show_step(step, self._journey, sim.run.tz, self._who(sim))
        if self._view is not None and step.node is not None:
            self._view.select_node(step.node, center=True)

    def _request_profile(self, customer_id: str) -> None:
        self.reset()  # shows "loading" until the profile arrives
        if self._provider is not None:
            self.set_profile(self._provider(customer_id))
        else:
            self.profileRequested.emit(customer_id)

    def _journey_touched(self, *_: Any) -> None:
        self._edit_timer.start()

    def _journey_edited(self) -> None:
        """After an edit: replay to where the user was, re-run the tests."""
        self._edit_timer.stop()
        self._update_event_names()
        self._rebuild(self._sim.now if self._sim is not None else None)
        self.tests.rerun_after_edit()

    def flush_edits(self) -> None:
        """Applies a pending journey edit now (tests; before saving)."""
        if self._edit_timer.isActive():
            self._journey_edited()

    def _update_event_names(self) -> None:
        """The journey's own events (trigger, waits, goals) for the what-if menu and the form."""
        names: list[str] = []
        self._wait_nodes = set()
        journey = self._journey
        if journey is not None:
            for node in journey.nodes():
                kind = node.config.get("kind")
                if kind in ("event", "wait_event") and isinstance(node.config.get("event"), str):
                    names.append(node.config["event"])
                if kind == "wait_event":
                    self._wait_nodes.add(node.id)
            names += [e.get("event") for e in journey.settings.get("exit_on", []) if isinstance(e, dict)
                      and isinstance(e.get("event"), str)]
        names = list(dict.fromkeys(n for n in names if n))
        self.customer.form.set_event_suggestions(names)
        self.what_if_menu.clear()
        self._what_if_actions = []
        for name in dict.fromkeys([*names, "email_clicked", "product_viewed"]):
            action = self.what_if_menu.addAction(event_label(name))
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, n=name: self.what_if(n, {}))
            self._what_if_actions.append(action)
        self.what_if_menu.addSeparator()
        other = self.what_if_menu.addAction(self.tr("Another event…"))
        other.triggered.connect(self._ask_event)
        self._what_if_actions.append(other)

    def _ask_event(self) -> EventDialog:
        """Any event, with properties, for "what if the customer did this now"."""
        dialog = EventDialog(self, title=self.tr("What if, now, the customer…"),
                             suggestions=[a.toolTip() for a in self._what_if_actions if a.toolTip()])
        self._event_dialog = dialog
        dialog.accepted.connect(lambda: self.what_if(dialog.event_type(), dialog.event_properties()))
        dialog.open()
        return dialog

    # -- journey tests ---------------------------------------------------------------------
    def run_tests_now(self, tests: list[JourneyTest]) -> list[TestResult]:
        if self._compiled is None and self._compile() is not None:
            reason = self.message.text() or self.tr("the journey cannot run")
            return [TestResult(t.name, False, [reason]) for t in tests]
        assert self._compiled is not None
        return [run_test(self._compiled, t, self.options()) for t in tests]

    def save_run_as_test(self, name: str | None = None) -> JourneyTest | None:
        """Saves the current customer, start and end (now, or the end when run out) with the
        path taken as a journey test. Without `name`, asks for one."""
        sim = self._sim
        if sim is None or self._compiled is None:
            return None
        if name is None:
            suggestion = self.tests.unique_name(self._suggest_name(sim))
            name, ok = QInputDialog.getText(self, self.tr("Save as journey test"), self.tr("Test name:"),
                                            text=suggestion)
            if not ok or not name.strip():
                return None
        profile = sim.run.profile
        # The zone the run used is pinned into the test, so it replays the same without the shop.
        if not profile.timezone:
            profile = Profile({**profile.customer, "timezone": sim.run.tz_key}, profile.orders, profile.events)
        until = sim.until if sim.finished else sim.now
        test = record_test(name.strip(), self._compiled, profile, sim.start, until, options=self.options())
        self.tests.add_test(test)
        self.tabs.setCurrentWidget(self.tests)
        return test

    def _suggest_name(self, sim: Simulation) -> str:
        c = sim.run.profile.customer
        who = str(c.get("first_name") or c.get("id") or self.tr("Customer"))
        sent = sum(1 for s in sim.steps if s.event == "sent")
        exit_step = next((s for s in reversed(sim.steps) if s.event == "exited"), None)
        how = self.tr("{n} message(s)").format(n=sent)
        if exit_step is not None:
            how += ", " + (exit_step.reason or "")
        return f"{who}: {how}"

    def load_test(self, test: JourneyTest) -> None:
        """Puts a test's customer into the simulator and runs it to the test's end."""
        self.customer.load_test(test)
        self.tabs.setCurrentIndex(1)
        self.run_to_end()
