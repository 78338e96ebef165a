"""The timeline: every step the customer took, in order, at its time in the customer's zone.

A tree rather than a table so a condition can carry, under its row, the values it saw and why
it went the way it did (`Step.explanation`): that is the question a shop owner asks first
("why did Anna not get the discount?"). UTC is in each row's tooltip, as the command line
prints it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from engine.steps import Step
from widgets.simulator.reasons import reason_text
from widgets.simulator.texts import local_time, node_title, step_text, utc_time

STEP_ROLE = Qt.ItemDataRole.UserRole
TYPE_COLOURS = {"trigger": "#2e7d32", "delay": "#8d6e00", "condition": "#1565c0", "message": "#6a1b9a",
                "action": "#455a64", "exit": "#616161"}


class Timeline(QTreeWidget):
    """Rows are steps (index into the simulation's step list in STEP_ROLE); children explain."""

    stepActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sim_timeline")
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Time"), self.tr("Step"), self.tr("What happened")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, 150)
        self.currentItemChanged.connect(self._current_changed)
        self._tz: tzinfo | None = None
        self._labels: dict[str, str] = {}
        self._wait_nodes: set[str] = set()
        self._who = ""
        self._count = 0

    def set_context(self, tz: tzinfo, labels: dict[str, str], wait_nodes: set[str], who: str = "") -> None:
        """The customer's zone and name and the journey's node labels, for the rows added from now on."""
        self._tz, self._labels, self._wait_nodes, self._who = tz, dict(labels), set(wait_nodes), who

    def clear_steps(self) -> None:
        self.clear()
        self._count = 0

    def step_count(self) -> int:
        return self._count

    def add_steps(self, steps: Sequence[Step]) -> None:
        """Appends rows for steps that follow the ones shown; the newest becomes current."""
        if self._tz is None or not steps:
            return
        last: QTreeWidgetItem | None = None
        for step in steps:
            last = self._row(step, self._count)
            self.addTopLevelItem(last)
            if step.explanation:
                last.setExpanded(True)
            self._count += 1
        if last is not None:
            self.blockSignals(True)
            self.setCurrentItem(last)
            self.blockSignals(False)
            self.scrollToItem(last)

    def _row(self, step: Step, index: int) -> QTreeWidgetItem:
        tz = self._tz
        assert tz is not None
        text = step_text(step, tz, wait_event=step.type == "condition" and step.node in self._wait_nodes)
        item = QTreeWidgetItem([local_time(step.at, tz), node_title(step, self._labels), text])
        item.setData(0, STEP_ROLE, index)
        tip = QCoreApplication.translate("Simulator", "{utc} UTC").format(utc=utc_time(step.at))
        if step.until is not None:
            tip += "\n" + QCoreApplication.translate("Simulator", "until {utc} UTC").format(utc=utc_time(step.until))
        for col in range(3):
            item.setToolTip(col, tip if col == 0 else f"{text}\n{tip}")
        item.setForeground(1, QBrush(QColor(TYPE_COLOURS.get(step.type, "#000000"))))
        if step.event == "sent":
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
        for line in step.explanation:
            words = reason_text(line, self._who or QCoreApplication.translate("Simulator", "The customer"), tz)
            child = QTreeWidgetItem(["", "", "  " + words])
            child.setData(0, STEP_ROLE, index)
            child.setToolTip(2, f"{words}\n{line}" if words != line else line)
            child.setForeground(2, QBrush(QColor("#5f6368")))
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            item.addChild(child)
        return item

    def rows_text(self) -> list[tuple[str, str, str]]:
        """What each top-level row shows (time, step, what happened): for tests and copying."""
        return [(self.topLevelItem(i).text(0), self.topLevelItem(i).text(1), self.topLevelItem(i).text(2))
                for i in range(self.topLevelItemCount())]

    def explanation_lines(self, index: int) -> list[str]:
        item = self.topLevelItem(index)
        return [item.child(i).text(2).strip() for i in range(item.childCount())] if item else []

    def select_step(self, index: int) -> None:
        item = self.topLevelItem(index)
        if item is not None:
            self.setCurrentItem(item)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            index = current.data(0, STEP_ROLE)
            if isinstance(index, int):
                self.stepActivated.emit(index)
