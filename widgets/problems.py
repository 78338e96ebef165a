"""The problems list: what stops the open journey from running, and what only looks wrong.

Each row names where the problem is (a node by its label, an edge, or the journey's settings);
clicking a row or pressing Enter on it emits `problemActivated(where)` so the app can select
that node on the canvas. The list is fed plain `engine.problems.Problem` values and never runs
the validator itself, so the app decides when validation is worth the time (debounced edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.problems import JOURNEY_ID, Problem
from widgets.data_texts import problem_message

WHERE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsList(QWidget):
    """Errors first, then warnings, each with the standard icon, so severity reads without text."""

    problemActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProblemsList")
        self._problems: list[Problem] = []
        self._has_journey = False

        self.summary = QLabel(self)
        self.summary.setObjectName("problems_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("problems_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("Where")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        self.tree.itemClicked.connect(self._activate_item)
        self.tree.itemActivated.connect(self._activate_item)  # Enter, or a double-click
        self.tree.setAccessibleName(self.tr("Problems"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # keeps the summary at the top while the list is hidden

        style = self.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self.set_problems(None)

    def set_problems(self, problems: Iterable[Problem] | None, labels: Mapping[str, str] | None = None) -> None:
        """Shows `problems` (None: no journey open). `labels` maps node ids to the names the user
        gave them, so a row says “Reminder email” rather than `n7`."""
        self._has_journey = problems is not None
        self._problems = sorted(problems or (), key=lambda p: (not p.is_error, p.where, p.message))
        labels = labels or {}
        self.tree.clear()
        for problem in self._problems:
            message = problem_message(problem.message)
            item = QTreeWidgetItem([message, self._where_text(problem.where, labels)])
            item.setIcon(0, self._icons["error" if problem.is_error else "warning"])
            item.setData(0, WHERE_ROLE, problem.where)
            severity = self.tr("Error") if problem.is_error else self.tr("Warning")
            item.setToolTip(0, f"{severity}: {message}")
            item.setToolTip(1, problem.where)
            self.tree.addTopLevelItem(item)
        self._update_summary()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _where_text(self, where: str, labels: Mapping[str, str]) -> str:
        if where == JOURNEY_ID:
            return self.tr("Journey settings")
        if where in labels:
            return labels[where] if labels[where] == where else f"{labels[where]} ({where})"
        if "->" in where:
            return self.tr("Connection {edge}").format(edge=where.replace("->", " → "))
        return where

    def _update_summary(self) -> None:
        errors = sum(1 for p in self._problems if p.is_error)
        warnings = len(self._problems) - errors
        if not self._has_journey:
            text = self.tr("No journey open.")
        elif not self._problems:
            text = self.tr("No problems: this journey can run.")
        else:
            parts = []
            if errors:
                parts.append(self.tr("1 error") if errors == 1 else self.tr("{n} errors").format(n=errors))
            if warnings:
                parts.append(self.tr("1 warning") if warnings == 1 else self.tr("{n} warnings").format(n=warnings))
            verdict = self.tr("it cannot run until the errors are fixed") if errors else self.tr("it can run")
            text = f"{', '.join(parts)}: {verdict}."
        self.summary.setText(text)
        self.tree.setVisible(bool(self._problems))

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for p in self._problems if p.is_error)
        return errors, len(self._problems) - errors

    def icon_for(self, severity: str) -> QIcon:
        return self._icons.get(severity, self._icons["info"])

    def activate_row(self, row: int) -> None:
        """What a click on row `row` does (for keyboard users and tests)."""
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activate_item(item)

    def _activate_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        where = item.data(0, WHERE_ROLE)
        if where:
            self.problemActivated.emit(str(where))
