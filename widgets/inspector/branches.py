"""List editors for splits: branches with a rule each, and weighted random branches.

The branch port names are the node's out ports, so a rename shows on the canvas at once; the
editors flag empty and duplicate names inline because the canvas would otherwise draw two
ports it cannot tell apart.
"""

from __future__ import annotations

import copy
import string
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import EditorContext, ValueEditor, clear_layout, port_validator
from widgets.inspector.rule_builder import ERROR_STYLE, RuleBuilder, _remove_button


def next_port(used: list[str]) -> str:
    for letter in string.ascii_lowercase:
        if letter not in used:
            return letter
    n = 2
    while f"branch-{n}" in used:
        n += 1
    return f"branch-{n}"


def port_problems(ports: list[str], tr: Any) -> list[str]:
    problems = []
    if any(not p for p in ports):
        problems.append(QCoreApplication.translate("branches", "Every branch needs a name."))
    dupes = sorted({p for p in ports if p and ports.count(p) > 1})
    if dupes:
        problems.append(QCoreApplication.translate("branches", "Branch names must differ: {names}").format(names=", ".join(dupes)))
    return problems


class _ListEditor(ValueEditor):
    """Shared parts: the rows box, the add button and the inline problem line."""

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._value: list[dict[str, Any]] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("+ Branch"))
        self.add_button.setObjectName("add_branch")
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(self._add)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button)
        layout.addWidget(self.problem)

    def value(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._value)

    def _show(self, value: Any) -> None:
        items = [b for b in value if isinstance(b, dict)] if isinstance(value, list) else []
        if items == self._value and self.rows_box.count() == len(items):
            return
        self._value = copy.deepcopy(items)
        self._rebuild()

    def _rebuild(self) -> None:
        clear_layout(self.rows_box)
        for index, item in enumerate(self._value):
            self.rows_box.addWidget(self._make_row(index, item))
        self._after_change()

    def _make_row(self, index: int, item: dict[str, Any]) -> QWidget:  # pragma: no cover - overridden
        raise NotImplementedError

    def _new_item(self, port: str) -> dict[str, Any]:  # pragma: no cover - overridden
        raise NotImplementedError

    def _after_change(self) -> None:
        problems = port_problems([str(b.get("port", "")) for b in self._value], self.tr)
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))

    def _add(self) -> None:
        self._value.append(self._new_item(next_port([str(b.get("port", "")) for b in self._value])))
        self._rebuild()
        self._structural()

    def _remove(self, index: int) -> None:
        del self._value[index]
        self._rebuild()
        self._structural()

    def _structural(self) -> None:
        self.ctx.new_step()
        self._emit()
        self.ctx.new_step()

    def _set_port(self, index: int, text: str) -> None:
        self._value[index]["port"] = text.strip()
        self._after_change()
        self._emit()

    def _port_edit(self, index: int, item: dict[str, Any]) -> QLineEdit:
        edit = QLineEdit(str(item.get("port", "")))
        edit.setObjectName("branch_port")
        edit.setValidator(port_validator(edit))
        edit.setPlaceholderText(self.tr("branch name"))
        edit.textEdited.connect(lambda text, i=index: self._set_port(i, text))
        return edit


class RuleBranchesEditor(_ListEditor):
    """`split` branches: a port name and a rule each; the first rule that holds wins."""

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.builders: list[RuleBuilder] = []

    def _rebuild(self) -> None:
        self.builders = []
        super()._rebuild()

    def _new_item(self, port: str) -> dict[str, Any]:
        return {"port": port, "rule": {"all": []}}

    def _make_row(self, index: int, item: dict[str, Any]) -> QWidget:
        frame = QFrame()
        frame.setObjectName("branch")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 4, 4)
        top = FlowLayout()
        top.addWidget(QLabel(self.tr("{n}. Branch").format(n=index + 1)))
        top.addWidget(self._port_edit(index, item), 1)
        remove = _remove_button(self.tr("Remove this branch"))
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        top.addWidget(remove)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("taken when:")))
        builder = RuleBuilder(self.ctx)
        builder.set_rule(item.get("rule", {"all": []}))
        builder.changed.connect(lambda rule, i=index: self._set_rule(i, rule))
        self.builders.append(builder)
        layout.addWidget(builder)
        return frame

    def _set_rule(self, index: int, rule: Any) -> None:
        self._value[index]["rule"] = rule
        self._emit()


class WeightBranchesEditor(_ListEditor):
    """`random` branches: a port name and a weight each, with each one's share in percent."""

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.percent_labels: list[QLabel] = []
        self.spins: list[QSpinBox] = []

    def _rebuild(self) -> None:
        self.percent_labels, self.spins = [], []
        super()._rebuild()

    def _new_item(self, port: str) -> dict[str, Any]:
        return {"port": port, "weight": 50}

    def _make_row(self, index: int, item: dict[str, Any]) -> QWidget:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._port_edit(index, item), 0, 0)
        spin = QSpinBox()
        spin.setObjectName("branch_weight")
        spin.setRange(0, 10000)
        weight = item.get("weight")
        spin.setValue(int(weight) if isinstance(weight, int | float) and not isinstance(weight, bool) else 0)
        spin.setPrefix(self.tr("weight "))
        spin.valueChanged.connect(lambda v, i=index: self._set_weight(i, v))
        grid.addWidget(spin, 0, 1)
        percent = QLabel()
        percent.setObjectName("branch_percent")
        percent.setMinimumWidth(48)
        grid.addWidget(percent, 0, 2)
        remove = _remove_button(self.tr("Remove this branch"))
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        grid.addWidget(remove, 0, 3)
        grid.setColumnStretch(0, 1)
        self.percent_labels.append(percent)
        self.spins.append(spin)
        return row

    def _set_weight(self, index: int, value: int) -> None:
        self._value[index]["weight"] = value
        self._after_change()
        self._emit()

    def shares(self) -> list[float]:
        weights = [b.get("weight") if isinstance(b.get("weight"), int | float) else 0 for b in self._value]
        total = sum(weights)
        return [100.0 * w / total if total else 0.0 for w in weights]

    def _after_change(self) -> None:
        super()._after_change()
        for label, share in zip(self.percent_labels, self.shares(), strict=False):
            label.setText(f"{share:.0f} %" if abs(share - round(share)) < 0.05 else f"{share:.1f} %")
