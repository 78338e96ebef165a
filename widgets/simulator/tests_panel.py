"""Journey tests in the simulator: named test customers, green or red, re-run after every edit.

The panel keeps the list and shows results; running is delegated (`set_runner`) to the
simulator panel, which knows the journey, the shop's segments and time zone. Every change to
the list goes out through `testsChanged` so the app can save it with the journey.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.journey_tests import ExpectedStep, JourneyTest, TestResult
from engine.timeutil import format_moment
from widgets.flow_layout import FlowLayout
from widgets.scrolling import ElasticSplitter

PASS_COLOUR, FAIL_COLOUR, NOT_RUN_COLOUR = QColor("#2e7d32"), QColor("#c62828"), QColor("#757575")
Runner = Callable[[list[JourneyTest]], list[TestResult]]


class JourneyTestsPanel(QWidget):
    """`testsChanged(list[JourneyTest])` after any add, rename or delete; `loadRequested(test)`
    asks the simulator to replay a test's customer; `recordRequested()` asks it to save its run."""

    testsChanged = Signal(list)
    loadRequested = Signal(object)
    recordRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journey_tests")
        self._tests: list[JourneyTest] = []
        self._results: dict[str, TestResult] = {}
        self._runner: Runner | None = None
        self.list = QListWidget()
        self.list.setObjectName("tests_list")
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.load_current())
        self.summary = QLabel()
        self.summary.setObjectName("tests_summary")
        self.summary.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Save current run as a test…"))
        self.record_button.setObjectName("record_test")
        self.record_button.setToolTip(self.tr("The customer, start and end of the simulation, with the path it "
                                              "took, become a test that must keep passing"))
        self.record_button.clicked.connect(self.recordRequested)
        self.run_button = QPushButton(self.tr("Run all tests"))
        self.run_button.setObjectName("run_tests")
        self.run_button.setToolTip(self.tr("Replay every test customer through the journey as it is now (Ctrl+T)"))
        self.run_button.setShortcut("Ctrl+T")
        self.run_button.clicked.connect(self.run_all)
        self.auto_check = QCheckBox(self.tr("Re-run after every edit"))
        self.auto_check.setObjectName("auto_rerun")
        self.auto_check.setChecked(True)
        self.load_button = QPushButton(self.tr("Open in simulator"))
        self.load_button.setToolTip(self.tr("Load this test's customer and start into the simulator to step through it"))
        self.load_button.clicked.connect(self.load_current)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._rename_current)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_test")
        self.delete_button.clicked.connect(self.delete_current)
        self.difference = QLabel()
        self.difference.setObjectName("test_difference")
        self.difference.setWordWrap(True)
        self.difference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expected = QTreeWidget()
        self.expected.setObjectName("expected_steps")
        self.expected.setHeaderLabels([self.tr("#"), self.tr("Expected"), self.tr("At (UTC)"), self.tr("Got")])
        self.expected.setRootIsDecorated(False)

        top = FlowLayout()
        top.addWidget(self.record_button)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.auto_check)
        actions = FlowLayout()
        actions.addWidget(self.load_button)
        actions.addWidget(self.rename_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.difference)
        detail_layout.addWidget(self.expected, 1)
        split = ElasticSplitter(Qt.Orientation.Vertical)
        split.setObjectName("tests_split")  # the main window remembers named splitters
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(1, 3)
        split.setSizes([140, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self._refresh()

    # -- data ------------------------------------------------------------------------------
    def set_runner(self, runner: Runner | None) -> None:
        self._runner = runner

    def set_tests(self, tests: list[JourneyTest]) -> None:
        """Shows a journey's saved tests (no `testsChanged`: nothing changed yet)."""
        self._tests = list(tests)
        self._results = {}
        self._refresh()

    def tests(self) -> list[JourneyTest]:
        return list(self._tests)

    def results(self) -> dict[str, TestResult]:
        return dict(self._results)

    def add_test(self, test: JourneyTest) -> None:
        """Adds a test, replacing one of the same name (re-recording a test updates it)."""
        names = [t.name for t in self._tests]
        if test.name in names:
            self._tests[names.index(test.name)] = test
        else:
            self._tests.append(test)
        if self._runner is not None:
            self._results.update({r.name: r for r in self._runner([test])})
        self._refresh(select=test.name)
        self.testsChanged.emit(self.tests())

    def delete_test(self, name: str) -> None:
        self._tests = [t for t in self._tests if t.name != name]
        self._results.pop(name, None)
        self._refresh()
        self.testsChanged.emit(self.tests())

    def rename_test(self, name: str, new_name: str) -> bool:
        new_name = new_name.strip()
        if not new_name or any(t.name == new_name for t in self._tests):
            return False
        for test in self._tests:
            if test.name == name:
                test.name = new_name
        if name in self._results:
            self._results[new_name] = self._results.pop(name)
            self._results[new_name].name = new_name
        self._refresh(select=new_name)
        self.testsChanged.emit(self.tests())
        return True

    def unique_name(self, wanted: str) -> str:
        taken = {t.name for t in self._tests}
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted} ({n})" in taken:
            n += 1
        return f"{wanted} ({n})"

    # -- running ---------------------------------------------------------------------------
    def run_all(self) -> list[TestResult]:
        if self._runner is None or not self._tests:
            self._refresh()
            return []
        results = self._runner(self.tests())
        self._results = {r.name: r for r in results}
        self._refresh()
        return results

    def rerun_after_edit(self) -> None:
        """Called by the simulator when the journey changed; runs only if the user wants it."""
        if self.auto_check.isChecked():
            self.run_all()

    # -- showing ---------------------------------------------------------------------------
    def _refresh(self, select: str | None = None) -> None:
        item = self.list.currentItem()
        current = select or (item.data(Qt.ItemDataRole.UserRole) if item is not None else None)
        self.list.blockSignals(True)
        self.list.clear()
        for test in self._tests:
            result = self._results.get(test.name)
            mark, colour = ("●", NOT_RUN_COLOUR) if result is None else \
                (("✔", PASS_COLOUR) if result.passed else ("✘", FAIL_COLOUR))
            item = QListWidgetItem(f"{mark}  {test.name}")
            item.setForeground(QBrush(colour))
            item.setData(Qt.ItemDataRole.UserRole, test.name)
            item.setToolTip(result.first_difference if result is not None and not result.passed else test.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [t.name for t in self._tests]
        if names:
            self.list.setCurrentRow(names.index(current) if current in names else 0)
        else:
            self._show_current(-1)
        passed = sum(1 for r in self._results.values() if r.passed)
        failed = sum(1 for r in self._results.values() if not r.passed)
        if not self._tests:
            self.summary.setText(self.tr("No tests yet. Simulate a customer, then save the run as a test."))
        elif not self._results:
            self.summary.setText(self.tr("{n} test(s), not run yet").format(n=len(self._tests)))
        else:
            self.summary.setText(self.tr("{passed} passed · {failed} failed").format(passed=passed, failed=failed))
            self.summary.setStyleSheet(f"color: {(FAIL_COLOUR if failed else PASS_COLOUR).name()}; font-weight: bold;")
        for button in (self.load_button, self.rename_button, self.delete_button):
            button.setEnabled(bool(self._tests))

    def current_test(self) -> JourneyTest | None:
        row = self.list.currentRow()
        return self._tests[row] if 0 <= row < len(self._tests) else None

    def _show_current(self, row: int) -> None:
        self.expected.clear()
        test = self._tests[row] if 0 <= row < len(self._tests) else None
        if test is None:
            self.difference.setText("")
            return
        result = self._results.get(test.name)
        if result is None:
            self.difference.setText(self.tr("Not run yet."))
            self.difference.setStyleSheet("")
        elif result.passed:
            self.difference.setText(self.tr("Passes: the customer takes the expected path."))
            self.difference.setStyleSheet(f"color: {PASS_COLOUR.name()};")
        else:
            self.difference.setText("\n".join(result.differences))
            self.difference.setStyleSheet(f"color: {FAIL_COLOUR.name()};")
        got = result.steps if result is not None else []
        for index, want in enumerate(test.expected):
            actual = got[index] if index < len(got) else None
            got_text = "—"
            if actual is not None:
                got_text = ExpectedStep.from_step(actual, with_time=False).describe()
                if want.at is not None and actual.at != want.at:
                    got_text += " " + self.tr("at {utc}").format(utc=format_moment(actual.at))
            when = format_moment(want.at).replace("T", " ").removesuffix("Z") if want.at is not None else ""
            item = QTreeWidgetItem([str(index + 1), want.describe(with_time=False), when,
                                    got_text if result is not None else ""])
            if result is not None and (actual is None or not want.matches(actual)):
                for col in range(4):
                    item.setForeground(col, QBrush(FAIL_COLOUR))
            self.expected.addTopLevelItem(item)
        for col in range(3):
            self.expected.resizeColumnToContents(col)

    def load_current(self) -> None:
        test = self.current_test()
        if test is not None:
            self.loadRequested.emit(test)

    def delete_current(self) -> None:
        test = self.current_test()
        if test is not None:
            self.delete_test(test.name)

    def _rename_current(self) -> None:
        test = self.current_test()
        if test is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename test"), self.tr("Name:"), text=test.name)
        if ok:
            self.rename_test(test.name, name)
