"""The population panel: run many customers through the open journey and see what would happen.

The panel knows nothing of the shop database: the app injects a runner with `set_runner(fn)`,
`fn(params, progress, cancel) -> PopulationReport`, and the panel calls it on a worker thread
(a QThread whose signals are delivered queued in the GUI thread), so a 100,000-customer run
never freezes the window. Cancel sets a flag the engine looks at every few dozen customers;
the partial report still comes back and is shown as such.

A finished run is shown four ways: badges on the canvas cards (`set_view(view)` →
`view.set_badges`), messages per day per channel, the conversion funnel, a table per node and
the per-customer list of who would get what. All of it exports to CSV.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.backtest import days_csv, deliveries_by_customer, deliveries_csv, nodes_csv
from engine.fileformat import journey_to_dict, read_journey
from engine.model import Journey
from engine.population import PopulationReport
from engine.timeutil import format_moment
from widgets.charts import FunnelChart, StackedBarChart
from widgets.data_texts import port_text, skip_reason
from widgets.flow_layout import FlowLayout
from widgets.gui_first import WORK_SWITCH_INTERVAL, gui_first
from widgets.labels import LineLabel
from widgets.scrolling import ElasticTabWidget

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SOURCES = ("shop", "demo")
MODES = ("forward", "backtest")
DEFAULT_DAYS = {"forward": 30, "backtest": 182}  # a backtest looks back about six months
NODE_COLUMNS = ("node", "customers", "passes", "sent", "skipped", "why", "waiting", "conv")
MAX_CUSTOMER_ROWS = 2000  # the per-customer list shows this many; the CSV has them all
MAX_BADGE_CHARS = 30
RESULTS_MIN_HEIGHT = 76  # the charts and tables need a few rows to say anything
PROGRESS_INTERVAL = 0.05  # seconds between two progress signals, so the GUI queue stays short
# While a run goes on, the GUI thread asks for the GIL after at most this long (widgets.gui_first).
RUN_SWITCH_INTERVAL = WORK_SWITCH_INTERVAL


@dataclass(frozen=True)
class PopulationParams:
    """What the user asked for; `journey` is a private copy, safe to read on the worker thread."""

    journey: Journey
    source: str = "demo"  # shop: the shop's own customers (at most n); demo: n generated ones
    n: int = 3000
    days: int = 30  # forward: from now on; backtest: how far back from now
    seed: int = 1
    mode: str = "forward"  # forward or backtest


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
Runner = Callable[[PopulationParams, ProgressFn, CancelFn], PopulationReport]


class BadgeView(Protocol):
    def set_badges(self, badges: dict[str, str]) -> None: ...


class _Worker(QThread):
    """Calls the runner off the GUI thread; signals cross back queued (the object lives in the GUI)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, runner: Runner, params: PopulationParams) -> None:
        super().__init__()
        self.runner, self.params = runner, params
        self.stop = threading.Event()
        self.discarded = False
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or (total and done >= total):
            self._last = now
            self.progressed.emit(done, total)

    def run(self) -> None:  # noqa: D102 - QThread's entry point, on the worker thread
        with gui_first(RUN_SWITCH_INTERVAL):
            try:
                report = self.runner(self.params, self._progress, self.stop.is_set)
            except Exception as exc:  # noqa: BLE001 - any runner failure is shown, never raised into Qt
                self.failed.emit(str(exc) or exc.__class__.__name__)
            else:
                self.succeeded.emit(report)


def _pair(label: QLabel, field: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(field, 1)
    return box


def _n(value: int) -> str:
    return f"{value:,}"


class PopulationPanel(QWidget):
    """Controls, progress and results of population runs for one journey at a time."""

    runStarted = Signal()
    runFinished = Signal(object)  # the PopulationReport (cancelled ones too)
    runFailed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PopulationPanel")
        self._journey: Journey | None = None
        self._view: BadgeView | None = None
        self._runner: Runner | None = None
        self._worker: _Worker | None = None
        self._report: PopulationReport | None = None
        self._badges: dict[str, str] = {}
        self._days = dict(DEFAULT_DAYS)
        self._started = 0.0
        self._build()
        self._update_controls()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.source = QComboBox(self)
        self.source.setObjectName("population_source")
        self.source.addItem(self.tr("The shop's customers"), "shop")
        self.source.addItem(self.tr("Generated demo customers"), "demo")
        self.source.setCurrentIndex(1)
        self.mode = QComboBox(self)
        self.mode.setObjectName("population_mode")
        self.mode.addItem(self.tr("Forward from now"), "forward")
        self.mode.addItem(self.tr("Backtest on the past"), "backtest")
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.count = QSpinBox(self)
        self.count.setObjectName("population_count")
        self.count.setRange(1, 1_000_000)
        self.count.setSingleStep(1000)
        self.count.setGroupSeparatorShown(True)
        self.count.setValue(3000)
        self.days = QSpinBox(self)
        self.days.setObjectName("population_days")
        self.days.setRange(1, 3660)
        self.days.setValue(DEFAULT_DAYS["forward"])
        self.days.setSuffix(self.tr(" days"))
        self.seed = QSpinBox(self)
        self.seed.setObjectName("population_seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(1)
        self.days_label = QLabel(self.tr("Period:"), self)

        # Each "label: field" pair stays together; the pairs wrap as the dock narrows, so the
        # choices take two or three short lines and the results keep the panel's full width.
        form = FlowLayout()
        for label, field in ((QLabel(self.tr("Customers:"), self), self.source),
                             (QLabel(self.tr("At most:"), self), self.count),
                             (QLabel(self.tr("Run:"), self), self.mode),
                             (self.days_label, self.days),
                             (QLabel(self.tr("Seed:"), self), self.seed)):
            label.setBuddy(field)
            form.addWidget(_pair(label, field, self))

        self.run_button = QPushButton(self.tr("Run"), self)
        self.run_button.setObjectName("population_run")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("population_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("population_progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        buttons = FlowLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        self.progress.setMinimumWidth(80)
        buttons.addWidget(self.progress, 1, claim=80)

        self.status = LineLabel(self)
        self.status.setObjectName("population_status")
        self.summary = LineLabel(self)
        self.summary.setObjectName("population_summary")

        self.per_day = StackedBarChart(self)
        self.per_day.set_empty_text(self.tr("No messages yet: run the population."))
        self.funnel = FunnelChart(self)
        self.funnel.set_empty_text(self.tr("Nobody entered yet."))
        self.nodes_table = QTableWidget(0, len(NODE_COLUMNS), self)
        self.nodes_table.setObjectName("population_nodes")
        self.nodes_table.setHorizontalHeaderLabels([self.tr("Node"), self.tr("Customers"), self.tr("Passes"),
                                                    self.tr("Sent"), self.tr("Skipped"), self.tr("Why skipped"),
                                                    self.tr("Waiting"), self.tr("Conv.")])
        self.nodes_table.horizontalHeaderItem(1).setToolTip(self.tr("Customers who reached the step at least once"))
        self.nodes_table.horizontalHeaderItem(2).setToolTip(self.tr(
            "Times a path went through the step: a customer who enters twice counts twice"))
        self.nodes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nodes_table.verticalHeader().setVisible(False)
        self.nodes_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.customers = QTreeWidget(self)
        self.customers.setObjectName("population_customers")
        self.customers.setHeaderLabels([self.tr("Customer / message"), self.tr("When"), self.tr("Channel")])
        self.customers.setUniformRowHeights(True)
        self.customers.header().setStretchLastSection(False)
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents)):
            self.customers.header().setSectionResizeMode(col, mode)
        self.customer_filter = QLineEdit(self)
        self.customer_filter.setObjectName("population_customer_filter")
        self.customer_filter.setPlaceholderText(self.tr("Filter by id, name or e-mail"))
        self.customer_filter.setClearButtonEnabled(True)
        self.customer_filter.textChanged.connect(self._filter_customers)
        customers_page = QWidget(self)
        customers_layout = QVBoxLayout(customers_page)
        customers_layout.setContentsMargins(0, 4, 0, 0)
        customers_layout.addWidget(self.customer_filter)
        customers_layout.addWidget(self.customers)

        self.tabs = ElasticTabWidget(self)
        self.tabs.setObjectName("population_tabs")
        self.tabs.addTab(self.per_day, self.tr("Messages per day"))
        self.tabs.addTab(self.funnel, self.tr("Funnel"))
        self.tabs.addTab(self.nodes_table, self.tr("Nodes"))
        self.tabs.addTab(customers_page, self.tr("Who got what"))

        self.export_buttons: dict[str, QPushButton] = {}
        # On the Run line: a separate row under the results would not fit a 720-pixel screen.
        exports = buttons
        exports.addWidget(QLabel(self.tr("Export CSV:"), self))
        for kind, text in (("nodes", self.tr("Per node…")), ("days", self.tr("Per day…")),
                           ("customers", self.tr("Per customer…"))):
            button = QPushButton(text, self)
            button.setObjectName(f"population_export_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self._ask_export(k))
            self.export_buttons[kind] = button
            exports.addWidget(button)

        controls = QVBoxLayout()
        controls.setSpacing(4)
        controls.addLayout(form)
        controls.addLayout(buttons)
        controls.addWidget(self.status)
        self.tabs.setMinimumHeight(RESULTS_MIN_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    # -- public API ----------------------------------------------------------------------------
    def set_runner(self, runner: Runner | None) -> None:
        """`runner(params, progress, cancel) -> PopulationReport`, called on a worker thread."""
        self._runner = runner
        self._update_controls()

    def set_view(self, view: BadgeView | None) -> None:
        """The canvas that shows the per-node badges (anything with `set_badges(dict)`)."""
        if self._view is not None and self._view is not view:
            self._view.set_badges({})
        self._view = view
        if view is not None:
            view.set_badges(self._badges)

    def set_journey(self, journey: Journey | None) -> None:
        """Another journey: a run still going is cancelled and old results are cleared."""
        if journey is self._journey:
            return
        if self._worker is not None:
            self._worker.discarded = True  # its report belongs to the journey we leave
        self.cancel()
        self._journey = journey
        self.clear_results()
        self._update_controls()

    def journey(self) -> Journey | None:
        return self._journey

    def params(self) -> PopulationParams | None:
        """What a run would use now; the journey is copied, so later edits do not reach the worker."""
        if self._journey is None:
            return None
        # Not validated here: the runner compiles it with the shop's segments and says what fails.
        journey, problems = read_journey(journey_to_dict(self._journey))
        errors = [p for p in problems if p.is_error]
        if errors:
            raise ValueError("; ".join(p.message for p in errors[:3]))
        return PopulationParams(journey, str(self.source.currentData()), self.count.value(), self.days.value(),
                                self.seed.value(), str(self.mode.currentData()))

    def set_params(self, *, source: str | None = None, n: int | None = None, days: int | None = None,
                   seed: int | None = None, mode: str | None = None) -> None:
        """Sets the controls (the app restores the user's last choice; tests drive runs with it)."""
        if mode is not None:
            self.mode.setCurrentIndex(MODES.index(mode))
        if source is not None:
            self.source.setCurrentIndex(SOURCES.index(source))
        if n is not None:
            self.count.setValue(n)
        if days is not None:
            self.days.setValue(days)
        if seed is not None:
            self.seed.setValue(seed)

    def is_running(self) -> bool:
        return self._worker is not None

    def report(self) -> PopulationReport | None:
        return self._report

    def badges(self) -> dict[str, str]:
        return dict(self._badges)

    def start(self) -> bool:
        """Starts a run with the current controls; False (and a status line) when it cannot."""
        if self._worker is not None or self._runner is None or self._journey is None:
            return False
        try:
            params = self.params()
        except Exception as exc:  # noqa: BLE001 - an invalid journey: say why instead of running
            self._fail(self.tr("Fix the journey's problems first: {reason}").format(reason=exc))
            return False
        assert params is not None
        self.clear_results()
        self._worker = _Worker(self._runner, params)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_done)
        self._worker.failed.connect(self._fail)
        self._worker.finished.connect(self._on_thread_finished)
        self._started = time.perf_counter()
        # Everything alive now (modules, Qt wrappers, caches) lives past the run: freezing it
        # keeps the collector's full passes, which hold the GIL and can take 100 ms or more
        # with the demo generator's pools loaded, to the objects the run itself makes.
        gc.freeze()
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.status.setText(self.tr("Preparing {n} customers…").format(n=_n(params.n)))
        self._update_controls()
        self._worker.start()
        self.runStarted.emit()
        return True

    def cancel(self) -> None:
        """Asks the run to stop; its partial report arrives as usual, flagged cancelled."""
        if self._worker is not None:
            self._worker.stop.set()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancels and waits for the worker (call before the window closes: a QThread must not be
        destroyed while it runs)."""
        worker = self._worker
        if worker is not None:
            worker.stop.set()
            worker.wait(timeout_ms)

    def clear_results(self) -> None:
        self._report = None
        self._set_badges({})
        self.summary.clear()
        self.status.clear()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.per_day.set_data([], {})
        self.funnel.set_steps([])
        self.nodes_table.setRowCount(0)
        self.customers.clear()
        self._update_controls()

    def show_report(self, report: PopulationReport) -> None:
        """Shows a report (a finished run's, or one the app kept from before)."""
        self._report = report
        self._set_badges(self.badges_for(report))
        self.per_day.set_data(report.days, report.messages_per_day)
        self.funnel.set_steps(self.funnel_steps(report))
        self._fill_nodes(report)
        self._fill_customers(report)
        rate = f"{100 * report.conversion_rate:.1f} %"
        units = self.tr("The cards count passes through each step: {entries} entries by {customers} customers.").format(
            entries=_n(report.enrollments), customers=_n(report.customers_entered))
        sent = ", ".join(f"{c} {_n(v)}" for c, v in report.messages.items() if v)
        self.summary.setText(self.tr(
            "{entered} of {customers} customers entered · {messages} messages ({sent}) · {conv} converted ({rate})"
        ).format(entered=_n(report.customers_entered), customers=_n(report.customers),
                 messages=_n(sum(report.messages.values())), sent=sent or self.tr("none"),
                 conv=_n(report.customers_converted), rate=rate) + "\n" + units)
        self._update_controls()

    def no_deliveries_reason(self, report: PopulationReport | None) -> str:
        """Why "Who got what" and the per-customer export have nothing to show, in words."""
        if report is None:
            return self.tr("Run the population first: the list shows who would get which message.")
        if not hasattr(report, "deliveries"):
            return self.tr("This run did not keep who got which message.")
        return self.tr("Nobody would get a message in this run, so there is nobody to list.")

    # -- what is shown -------------------------------------------------------------------------
    def badges_for(self, report: PopulationReport) -> dict[str, str]:
        """Node id -> badge text: how many passes reached the node, then what became of them.

        Every figure on a badge counts passes (a customer who enters twice passes twice), so the
        outcomes after "▸" add up to the first figure; customers are in the Nodes tab. A badge must
        fit above its card (the canvas does not elide it), so the outcomes always show and the
        extras (conversions, why messages were skipped) follow while the text stays short.
        """
        conv = getattr(report, "converted_after", {}) or {}
        out: dict[str, str] = {}
        for s in report.nodes.values():
            extra: list[str] = []
            waiting = self.tr("{n} waiting").format(n=_n(s.waiting_at_end))
            if s.type == "trigger":
                first = self.tr("{n} entered").format(n=_n(s.passes))
            elif s.type == "message":
                outcomes = [self.tr("{n} sent").format(n=_n(s.sent))]
                if sum(s.skipped.values()):
                    outcomes.append(self.tr("{n} skipped").format(n=_n(sum(s.skipped.values()))))
                if sum(s.failed.values()):
                    outcomes.append(self.tr("{n} failed").format(n=_n(sum(s.failed.values()))))
                if s.waiting_at_end:
                    outcomes.append(waiting)
                first = self.tr("{n} ▸ {outcomes}").format(n=_n(s.passes), outcomes=" · ".join(outcomes))
                if s.skipped:
                    top = max(s.skipped, key=lambda r: s.skipped[r])
                    extra.append(self.tr("skipped: {reason}").format(reason=skip_reason(top)))
            elif s.type == "condition" and (s.ports or s.waiting_at_end):
                parts = [f"{port_text(p)} {_n(v)}" for p, v in s.ports.items()]
                if s.waiting_at_end:
                    parts.append(waiting)
                first = self.tr("{n} ▸ {ports}").format(n=_n(s.passes), ports=" / ".join(parts))
            else:
                first = _n(s.passes)
                if s.waiting_at_end:
                    extra.append(waiting)
            if conv.get(s.id):
                extra.insert(0, self.tr("{n} conv.").format(n=_n(conv[s.id])))
            text = first
            for part in extra:
                if len(text) + 3 + len(part) <= MAX_BADGE_CHARS:
                    text += " · " + part
            out[s.id] = text
        return out

    def funnel_steps(self, report: PopulationReport) -> list[tuple[str, int]]:
        """Entered → reached each message (in path order from the trigger) → converted."""
        depth = self._depths()
        order = {node_id: i for i, node_id in enumerate(report.nodes)}
        messages = sorted((s for s in report.nodes.values() if s.type == "message"),
                          key=lambda s: (depth.get(s.id, 1 << 20), order[s.id]))
        steps = [(self.tr("Entered"), report.customers_entered)]
        steps += [(s.label or s.id, s.entered) for s in messages]
        steps.append((self.tr("Converted"), report.customers_converted))
        return steps

    def _depths(self) -> dict[str, int]:
        """Steps from the trigger along edges (breadth first), to order the funnel by the path."""
        journey = self._journey
        trigger = journey.trigger() if journey is not None else None
        if journey is None or trigger is None:
            return {}
        depth = {trigger.id: 0}
        queue = [trigger.id]
        for node_id in queue:
            for edge in journey.out_edges(node_id):
                if edge.target not in depth:
                    depth[edge.target] = depth[node_id] + 1
                    queue.append(edge.target)
        return depth

    def _fill_nodes(self, report: PopulationReport) -> None:
        conv = getattr(report, "converted_after", {}) or {}
        table = self.nodes_table
        table.setRowCount(len(report.nodes))
        for row, s in enumerate(report.nodes.values()):
            is_message = s.type == "message"
            why = ", ".join(f"{skip_reason(r)} {_n(v)}" for r, v in sorted(s.skipped.items(), key=lambda kv: -kv[1]))
            cells = [s.label or s.id, _n(s.entered), _n(s.passes), _n(s.sent) if is_message else "",
                     _n(sum(s.skipped.values())) if is_message else "", why, _n(s.waiting_at_end),
                     _n(conv.get(s.id, 0))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if NODE_COLUMNS[col] not in ("node", "why"):
                    item.setTextAlignment(RIGHT)
                if NODE_COLUMNS[col] == "why" and text:
                    item.setToolTip(text)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fill_customers(self, report: PopulationReport) -> None:
        self.customers.clear()
        grouped = deliveries_by_customer(report)
        labels = {s.id: s.label or s.id for s in report.nodes.values()}
        items = []
        for customer, deliveries in list(grouped.items())[:MAX_CUSTOMER_ROWS]:
            first = deliveries[0]
            who = " · ".join(x for x in (customer, first.name, first.email) if x)
            count = self.tr("1 message") if len(deliveries) == 1 else self.tr("{n} messages").format(n=len(deliveries))
            top = QTreeWidgetItem([who, count, ""])
            for d in deliveries:
                QTreeWidgetItem(top, [labels.get(d.node, d.node), format_moment(d.at), d.channel])
            items.append(top)
        self.customers.addTopLevelItems(items)
        index = self.tabs.indexOf(self.customers.parentWidget())
        self.tabs.setTabEnabled(index, bool(grouped))
        self.tabs.setTabToolTip(index, "" if grouped else self.no_deliveries_reason(report))
        if len(grouped) > MAX_CUSTOMER_ROWS:
            self.customer_filter.setPlaceholderText(self.tr(
                "Filter the first {n} of {total} customers (the CSV has all)").format(
                n=_n(MAX_CUSTOMER_ROWS), total=_n(len(grouped))))

    def _filter_customers(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.customers.topLevelItemCount()):
            item = self.customers.topLevelItem(i)
            item.setHidden(bool(needle) and needle not in item.text(0).lower())

    # -- export --------------------------------------------------------------------------------
    def csv_text(self, kind: str) -> str:
        """The CSV of the current report: `nodes`, `days` or `customers` (empty without a report)."""
        report = self._report
        if report is None:
            return ""
        if kind == "nodes":
            return nodes_csv(report)
        if kind == "days":
            return days_csv(report)
        if kind == "customers":
            return deliveries_csv(report)
        raise ValueError(f"unknown export: {kind}")

    def export_csv(self, kind: str, path: str | Path) -> None:
        Path(path).write_text(self.csv_text(kind), encoding="utf-8", newline="")

    def _ask_export(self, kind: str) -> None:
        if self._report is None:
            return
        name = f"{self._report.journey} – {kind}.csv".replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), name, self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            self.export_csv(kind, path)
        except OSError as exc:
            self.status.setText(self.tr("Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
        else:
            self.status.setText(self.tr("Saved {path}").format(path=path))

    # -- worker callbacks ----------------------------------------------------------------------
    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.status.setText(self.tr("Simulating {done} of {total} customers…").format(
                done=_n(done), total=_n(total)))
        else:
            self.status.setText(self.tr("Simulating: {done} customers…").format(done=_n(done)))

    def _on_done(self, report: PopulationReport) -> None:
        if self._worker is not None and self._worker.discarded:
            return
        elapsed = time.perf_counter() - self._started
        self.show_report(report)
        self.progress.setRange(0, max(report.customers_total or report.customers, 1))
        self.progress.setValue(report.customers)
        if report.cancelled:
            self.status.setText(self.tr("Cancelled after {n} customers: the figures cover those.").format(
                n=_n(report.customers)))
        else:
            span = f"{format_moment(report.start)[:10]} – {format_moment(report.until)[:10]}"
            self.status.setText(self.tr("{n} customers, {span}, in {secs:.1f} s.").format(
                n=_n(report.customers), span=span, secs=elapsed))
        self.runFinished.emit(report)

    def _fail(self, message: str) -> None:
        if self._worker is not None and self._worker.discarded:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status.setText(self.tr("The run failed: {reason}").format(reason=message))
        self.runFailed.emit(message)

    def _on_thread_finished(self) -> None:
        gc.unfreeze()
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self._update_controls()

    # -- helpers -------------------------------------------------------------------------------
    def _set_badges(self, badges: dict[str, str]) -> None:
        self._badges = badges
        if self._view is not None:
            self._view.set_badges(badges)

    def _mode_changed(self) -> None:
        mode = str(self.mode.currentData())
        other = "forward" if mode == "backtest" else "backtest"
        self._days[other] = self.days.value()
        self.days.setValue(self._days[mode])
        self.days_label.setText(self.tr("Look back:") if mode == "backtest" else self.tr("Period:"))

    def _update_controls(self) -> None:
        running = self._worker is not None
        can_run = not running and self._runner is not None and self._journey is not None
        self.run_button.setEnabled(can_run)
        self.cancel_button.setEnabled(running and not self._worker.stop.is_set())  # type: ignore[union-attr]
        for widget in (self.source, self.mode, self.count, self.days, self.seed):
            widget.setEnabled(not running)
        has = self._report is not None and not running
        deliveries = bool(getattr(self._report, "deliveries", None))
        for kind, button in self.export_buttons.items():
            button.setEnabled(has and (kind != "customers" or deliveries))
        customers = self.export_buttons["customers"]
        customers.setToolTip("" if customers.isEnabled() or running else self.no_deliveries_reason(self._report))

    def describe(self) -> dict[str, Any]:
        """What the panel shows, as plain data (tests and the app's status bar read it)."""
        return {"running": self.is_running(), "status": self.status.text(), "summary": self.summary.text(),
                "progress": (self.progress.value(), self.progress.maximum()), "badges": self.badges()}
