"""The journey report: what the open journey earned, per message, with its holdout and A/B tests.

The panel shows an `engine.journey_report.JourneyReport` and never touches the database: the
app injects `set_loader(fn)` (`fn(since) -> JourneyReport`, the real figures of the shop) and
`set_picker(fn)` (`fn(node, variant) -> str`, ending an A/B test, a sentence to show), and
hands it the last population run's report with `set_simulated`. The canvas badges show either
figure set (`Badges on the canvas`), so the owner reads "what the simulation said" and "what
happened" on the same cards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.ab_tests import Decision
from engine.attribution import NodeFigures
from engine.journey_report import HoldoutComparison, JourneyReport, compare_reports
from engine.timeutil import now_utc
from widgets.population_panel import MAX_BADGE_CHARS, BadgeView

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PERIODS = (("all", None), ("30", 30), ("90", 90), ("365", 365))
BADGES = ("none", "real", "simulated")

Loader = Callable[[datetime | None], JourneyReport]
Picker = Callable[[str, str], str]


class _Loading(QThread):
    """Calls the loader off the GUI thread; its signals reach the panel queued."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, loader: Loader, since: datetime | None) -> None:
        super().__init__()
        self.loader, self.since = loader, since

    def run(self) -> None:  # noqa: D102 - QThread's entry point, on the worker thread
        try:
            report = self.loader(self.since)
        except Exception as exc:  # noqa: BLE001 - a journey not saved yet, a database away: said, not raised
            self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.loaded.emit(report)


def _n(value: int) -> str:
    return f"{value:,}"


def _money(value: float) -> str:
    return f"{value:,.2f}"


class JourneyReportPanel(QWidget):
    picked = Signal(str, str)  # node, variant: a new version exists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JourneyReportPanel")
        self._loader: Loader | None = None
        self._picker: Picker | None = None
        self._view: BadgeView | None = None
        self._real: JourneyReport | None = None
        self._simulated: JourneyReport | None = None
        self._now: Callable[[], datetime] = now_utc
        self._worker: _Loading | None = None
        self._again = False
        self._build()

    def _build(self) -> None:
        self.period = QComboBox(self)
        self.period.setObjectName("report_period")
        for key, text in (("all", self.tr("All of its history")), ("30", self.tr("The last 30 days")),
                          ("90", self.tr("The last 90 days")), ("365", self.tr("The last 365 days"))):
            self.period.addItem(text, key)
        self.period.currentIndexChanged.connect(self.refresh)
        self.badges = QComboBox(self)
        self.badges.setObjectName("report_badges")
        self.badges.addItem(self.tr("None"), "none")
        self.badges.addItem(self.tr("What happened (the shop's figures)"), "real")
        self.badges.addItem(self.tr("What the simulation said (last population run)"), "simulated")
        self.badges.currentIndexChanged.connect(self._show_badges)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("report_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period, 1)
        period_row.addWidget(self.refresh_button)
        form.addRow(self.tr("Messages sent in:"), period_row)
        form.addRow(self.tr("Badges on the canvas:"), self.badges)

        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.notice = QLabel(self)  # what the owner's last action did (a winner picked)
        self.notice.setObjectName("report_notice")
        self.notice.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("report_nodes")
        self.table.setHorizontalHeaderLabels([
            self.tr("Message"), self.tr("Version"), self.tr("Variant"), self.tr("Recipients"),
            self.tr("Conversions"), self.tr("Revenue"), self.tr("Per recipient"), self.tr("Unsubscribes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.holdout = QLabel(self)
        self.holdout.setObjectName("report_holdout")
        self.holdout.setWordWrap(True)
        self.holdout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holdout_box = QGroupBox(self.tr("Holdout"), self)
        QVBoxLayout(holdout_box).addWidget(self.holdout)
        self.tests_box = QGroupBox(self.tr("A/B tests"), self)
        self.tests_layout = QVBoxLayout(self.tests_box)
        self.tests_box.setVisible(False)
        self.compare_box = QGroupBox(self.tr("What the simulation said and what happened"), self)
        self.compare_title = QLabel(self.compare_box)
        self.compare_title.setObjectName("report_compare_title")
        self.compare_title.setWordWrap(True)
        self.compare_table = QTableWidget(0, 7, self.compare_box)
        self.compare_table.setObjectName("report_compare")
        self.compare_table.setHorizontalHeaderLabels([
            self.tr("Message"), self.tr("Recipients, simulated"), self.tr("Recipients, real"),
            self.tr("Conversions, simulated"), self.tr("Conversions, real"), self.tr("Revenue, simulated"),
            self.tr("Revenue, real")])
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.verticalHeader().setVisible(False)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.compare_title)
        compare_layout.addWidget(self.compare_table)
        self.compare_box.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(holdout_box)
        layout.addWidget(self.tests_box)
        layout.addWidget(self.compare_box)

    # -- what the app gives ------------------------------------------------------------------
    def set_loader(self, loader: Loader | None) -> None:
        self._loader = loader
        self._real = None
        self.notice.clear()  # it spoke of the journey open before
        self.refresh()

    def set_picker(self, picker: Picker | None) -> None:
        self._picker = picker

    def set_view(self, view: BadgeView | None) -> None:
        self._view = view
        self._show_badges()

    def set_simulated(self, report: JourneyReport | None) -> None:
        """The last population run's figures (what the simulation said)."""
        self._simulated = report
        self._fill_comparison()
        if self.badges.currentData() == "simulated":
            self._show_badges()

    def set_clock(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def report(self) -> JourneyReport | None:
        return self._real

    def since(self) -> datetime | None:
        days = dict(PERIODS)[str(self.period.currentData())]
        return None if days is None else self._now() - timedelta(days=days)

    # -- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reads the figures again, on a worker thread: a big shop's report takes a second or two,
        which the window must not freeze for. A refresh asked for meanwhile runs after it."""
        if self._loader is None:
            self._real = None
            self.status.setText(self.tr("Open a journey of the shop to see what it earned."))
            self._fill(None)
            return
        if self._worker is not None:
            self._again = True
            return
        self.status.setText(self.tr("Reading the figures…"))
        worker = _Loading(self._loader, self.since())
        worker.loaded.connect(self._loaded)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_finished)
        self._worker = worker
        worker.start()

    def is_loading(self) -> bool:
        return self._worker is not None

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Waits for a read in progress (a QThread must not be destroyed while it runs)."""
        if self._worker is not None:
            self._worker.wait(timeout_ms)

    def _loaded(self, report: JourneyReport) -> None:
        if self._again or self.sender() is not self._worker:
            return  # a newer read follows: its figures are the ones to show
        self._real = report
        self._fill(report)

    def _failed(self, reason: str) -> None:
        if self._again:
            return
        self._real = None
        self.status.setText(self.tr("No figures: {reason}").format(reason=reason))
        self._fill(None, keep_status=True)

    def _worker_finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        if self._again:
            self._again = False
            self.refresh()

    def _fill(self, report: JourneyReport | None, *, keep_status: bool = False) -> None:
        rows = report.rows if report is not None else []
        labels = report.labels if report is not None else {}
        order = {node: i for i, node in enumerate(labels)}
        rows = sorted(rows, key=lambda f: (order.get(f.node, len(order)), f.node, f.version or 0, f.variant or ""))
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            cells = [labels.get(f.node, f.node), "" if f.version is None else str(f.version), f.variant or "",
                     _n(f.recipients), _n(f.conversions), _money(f.revenue), _money(f.revenue_per_recipient),
                     _n(f.unsubscribes)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if report is not None and not keep_status:
            total = report.totals()
            window = self.tr("1 day") if report.window == "P1D" else (
                self.tr("5 days") if report.window == "P5D" else report.window)
            self.status.setText(self.tr(
                "{revenue} {currency} from {conversions} orders credited to this journey's messages; an order "
                "counts for the last message received at most {window} before it."
            ).format(revenue=_money(total.revenue), currency=report.currency, conversions=_n(total.conversions),
                     window=window))
        self.holdout.setText(self.holdout_text(report.holdout if report is not None else None,
                                               report.currency if report is not None else ""))
        self._fill_tests(report.ab_tests if report is not None else [], labels)
        self._fill_comparison()
        self._show_badges()

    def _fill_comparison(self) -> None:
        """The last population run's figures beside the shop's, node by node (both counted by
        the rules of docs/attribution.md), so the owner sees where the simulation was right."""
        simulated = self._simulated
        self.compare_box.setVisible(simulated is not None)
        rows = compare_reports(simulated, self._real) if simulated is not None else []
        self.compare_table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            cells = [c.label, _n(c.simulated.recipients), _n(c.real.recipients), _n(c.simulated.conversions),
                     _n(c.real.conversions), _money(c.simulated.revenue), _money(c.real.revenue)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(RIGHT)
                self.compare_table.setItem(r, col, item)
        self.compare_table.resizeColumnsToContents()
        if simulated is None:
            self.compare_title.clear()
            return
        what = self.tr("A backtest on the shop's past") if simulated.source == "backtest" else \
            self.tr("A simulation")
        said = simulated.totals()
        real = self._real.totals() if self._real is not None else None
        self.compare_title.setText(self.tr(
            "{what} ({span}) said {revenue} {currency} from {conversions} orders; the shop's figures ({period}): "
            "{real_revenue} {currency} from {real_conversions} orders.").format(
            what=what, span=self._span(simulated), revenue=_money(said.revenue), currency=simulated.currency,
            conversions=_n(said.conversions),
            period=self._span(self._real) if self._real is not None else self.tr("not read yet"),
            real_revenue=_money(real.revenue) if real is not None else "–",
            real_conversions=_n(real.conversions) if real is not None else "–").replace("  ", " "))

    def _span(self, report: JourneyReport) -> str:
        end = (report.until or self._now()).date().isoformat()
        if report.since is None:
            return self.tr("until {end}").format(end=end)
        return self.tr("{start} to {end}").format(start=report.since.date().isoformat(), end=end)

    def holdout_text(self, h: HoldoutComparison | None, currency: str = "") -> str:
        """The holdout's verdict in the window's language."""
        if h is None or h.holdout is None:
            return self.tr("This journey keeps nobody out. Set a holdout in its settings to measure what it earns "
                           "against customers who did not get it.")
        held, rest = h.held_out, h.rest
        groups = self.tr("Held out: {held} customers, {held_rate} ordered, {held_rpc} {currency} per customer. "
                         "In the journey: {rest} customers, {rest_rate} ordered, {rest_rpc} {currency} per customer."
                         ).format(held=_n(held.customers), held_rate=f"{100 * held.rate:.1f} %",
                                  held_rpc=_money(held.revenue_per_customer), rest=_n(rest.customers),
                                  rest_rate=f"{100 * rest.rate:.1f} %", rest_rpc=_money(rest.revenue_per_customer),
                                  currency=currency)
        ci = h.conversion_ci
        interval = "" if ci is None else self.tr("{low} to {high} points").format(
            low=f"{100 * ci.low:+.1f}", high=f"{100 * ci.high:+.1f}")
        difference = f"{100 * h.conversion_difference:+.1f}"
        if h.verdict == "too_small":
            verdict = self.tr("Too few customers or orders to tell yet.")
        elif h.verdict == "unclear":
            verdict = self.tr("No clear difference yet: {difference} points (95 % interval {interval}).").format(
                difference=difference, interval=interval)
        elif h.verdict == "better":
            verdict = self.tr("The journey raises conversion by {difference} points (95 % interval {interval})."
                              ).format(difference=difference, interval=interval)
        else:
            verdict = self.tr("The journey lowers conversion by {difference} points (95 % interval {interval})."
                              ).format(difference=difference, interval=interval)
        return f"{groups}\n{verdict}"

    def _fill_tests(self, tests: list[Decision], labels: dict[str, str] | object) -> None:
        while self.tests_layout.count():
            item = self.tests_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tests_box.setVisible(bool(tests))
        names = labels if isinstance(labels, dict) else {}
        for d in tests:
            title = QLabel(self.tr("{message}, winner chosen on {metric}").format(
                message=names.get(d.test.node, d.test.node),
                metric=self.tr("orders") if d.test.metric == "orders" else self.tr("clicks")), self.tests_box)
            self.tests_layout.addWidget(title)
            for v in d.variants:
                row = QWidget(self.tests_box)
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(QLabel(self.tr("{name}: {recipients} recipients, {converted} converted, {best} "
                                              "probability to be best").format(
                    name=v.name, recipients=_n(v.recipients), converted=_n(v.conversions),
                    best=f"{100 * v.probability_best:.1f} %"), row), 1)
                button = QPushButton(self.tr("Pick as winner…"), row)
                button.setObjectName(f"pick_{d.test.node}_{v.name}")
                button.setEnabled(self._picker is not None)
                button.clicked.connect(lambda _=False, node=d.test.node, name=v.name: self.pick(node, name))
                line.addWidget(button)
                self.tests_layout.addWidget(row)

    def pick(self, node: str, variant: str, *, confirm: bool = True) -> bool:
        """Ends the test at `node` with `variant` (asks first unless `confirm` is False)."""
        if self._picker is None:
            return False
        if confirm and QMessageBox.question(
                self, self.tr("Pick the winner"),
                self.tr("Send variant {variant} to every customer from now on? This makes a new version of the "
                        "journey.").format(variant=variant)) != QMessageBox.StandardButton.Yes:
            return False
        try:
            message = self._picker(node, variant)
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            self.notice.setText(self.tr("The winner was not picked: {reason}").format(reason=exc))
            return False
        self.picked.emit(node, variant)  # the window reopens the journey: the panel gets a new loader
        self.notice.setText(message)
        self.refresh()
        return True

    # -- badges ------------------------------------------------------------------------------
    def badges_for(self, report: JourneyReport | None) -> dict[str, str]:
        """Message node → "130 EUR · 2/3 conv." (revenue in whole units, then orders of recipients:
        a badge must fit above its card; the table has the cents)."""
        if report is None:
            return {}
        out = {}
        for node, f in report.nodes().items():
            out[node] = self.badge_text(f, report.currency)
        return out

    def badge_text(self, f: NodeFigures, currency: str = "") -> str:
        text = self.tr("{revenue} {currency} · {conversions}/{recipients} conv.").format(
            revenue=f"{f.revenue:,.0f}", currency=currency, conversions=_n(f.conversions),
            recipients=_n(f.recipients)).replace("  ", " ")
        if f.unsubscribes:
            extra = self.tr("{n} unsub.").format(n=_n(f.unsubscribes))
            if len(text) + 3 + len(extra) <= MAX_BADGE_CHARS:
                text += " · " + extra
        return text

    def shown_badges(self) -> dict[str, str]:
        mode = self.badges.currentData()
        if mode == "real":
            return self.badges_for(self._real)
        if mode == "simulated":
            return self.badges_for(self._simulated)
        return {}

    def set_badge_mode(self, mode: str) -> None:
        self.badges.setCurrentIndex(BADGES.index(mode))

    def _show_badges(self) -> None:
        if self._view is not None and self.badges.currentData() != "none":
            self._view.set_badges(self.shown_badges())
        elif self._view is not None and self.sender() is self.badges:
            self._view.set_badges({})
