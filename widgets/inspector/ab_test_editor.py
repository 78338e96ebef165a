"""The A/B test of a message node (`ab_test`, engine/ab_tests.py): its variants and how the
winner is picked.

Each variant has a name, a weight and, per text of the message, what it sends instead (empty:
the message's own text), so a test of the subject alone is one line. Unticking the box leaves
the key out, which is how a file says "no test".
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.ab_tests import DEFAULT_MIN_RECIPIENTS
from engine.registry import REGISTRY
from widgets.inspector.branches import next_port
from widgets.inspector.editors import EditorContext, ValueEditor, clear_layout, port_validator
from widgets.inspector.rule_builder import _remove_button

MULTILINE = ("body", "text")


def _fields_of(channel: str | None) -> tuple[str, ...]:
    for kind in REGISTRY.kinds_of("message"):
        if kind.channel == channel:
            return kind.template_fields
    return ("subject", "body")


class AbTestEditor(ValueEditor):
    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fields = _fields_of(ctx.channel)
        self._value: dict[str, Any] | None = None
        self.enabled = QCheckBox(self.tr("Test variants of this message"))
        self.enabled.setObjectName("ab_enabled")
        self.enabled.setToolTip(self.tr("Each customer always gets the same variant; the report shows how each "
                                        "one does and how likely it is to be the best"))
        self.enabled.toggled.connect(self._toggled)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("+ Variant"))
        self.add_button.setObjectName("ab_add")
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(self._add)
        self.metric_box = QComboBox()
        self.metric_box.setObjectName("ab_metric")
        self.metric_box.addItem(self.tr("Orders"), "orders")
        self.metric_box.addItem(self.tr("Clicks (where the shop records them)"), "clicks")
        self.metric_box.currentIndexChanged.connect(self._settings_edited)
        self.auto = QCheckBox(self.tr("Pick the winner on its own at"))
        self.auto.setObjectName("ab_auto")
        self.auto.toggled.connect(self._settings_edited)
        self.pick_at = QDoubleSpinBox()
        self.pick_at.setObjectName("ab_pick_at")
        self.pick_at.setRange(50.1, 99.9)
        self.pick_at.setDecimals(1)
        self.pick_at.setValue(95.0)
        self.pick_at.setSuffix(self.tr(" % probability to be best"))
        self.pick_at.valueChanged.connect(self._settings_edited)
        self.least = QSpinBox()
        self.least.setObjectName("ab_min_recipients")
        self.least.setRange(1, 1_000_000)
        self.least.setValue(DEFAULT_MIN_RECIPIENTS)
        self.least.setSuffix(self.tr(" recipients per variant at least"))
        self.least.valueChanged.connect(self._settings_edited)
        self.body = QWidget()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Winner chosen on"), self.metric_box)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto)
        auto_row.addWidget(self.pick_at, 1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self.rows)
        body.addWidget(self.add_button)
        body.addLayout(form)
        body.addLayout(auto_row)
        body.addWidget(self.least)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.body)
        self.body.setVisible(False)

    # -- the contract ----------------------------------------------------------------------
    def value(self) -> dict[str, Any] | None:
        return copy.deepcopy(self._value) if self._value else None

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else None
        if value == self._value and self.rows.count() == len((value or {}).get("variants") or []):
            return
        self._value = copy.deepcopy(value)
        self.enabled.setChecked(value is not None)
        self.body.setVisible(value is not None)
        v = value or {}
        self.metric_box.setCurrentIndex(max(0, self.metric_box.findData(v.get("metric", "orders"))))
        pick = v.get("pick_at")
        self.auto.setChecked(isinstance(pick, int | float))
        if isinstance(pick, int | float):
            self.pick_at.setValue(100 * float(pick))
        least = v.get("min_recipients", DEFAULT_MIN_RECIPIENTS)
        self.least.setValue(int(least) if isinstance(least, int) else DEFAULT_MIN_RECIPIENTS)
        self._update_enabled()
        self._rebuild()

    # -- rows ------------------------------------------------------------------------------
    def _variants(self) -> list[dict[str, Any]]:
        assert self._value is not None
        return self._value.setdefault("variants", [])

    def _rebuild(self) -> None:
        clear_layout(self.rows)
        if self._value is None:
            return
        for index, variant in enumerate(self._variants()):
            self.rows.addWidget(self._row(index, variant if isinstance(variant, dict) else {}))

    def _row(self, index: int, variant: dict[str, Any]) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 6, 4)
        head = QHBoxLayout()
        name = QLineEdit(str(variant.get("name", "")))
        name.setObjectName(f"ab_name_{index}")
        name.setValidator(port_validator(name))
        name.setPlaceholderText(self.tr("name"))
        name.textEdited.connect(lambda text, i=index: self._set(i, "name", text))
        weight = QSpinBox()
        weight.setObjectName(f"ab_weight_{index}")
        weight.setRange(1, 1_000_000)
        w = variant.get("weight", 1)
        weight.setValue(int(w) if isinstance(w, int | float) and w >= 1 else 1)
        weight.setPrefix(self.tr("weight "))
        weight.valueChanged.connect(lambda n, i=index: self._set(i, "weight", None if n == 1 else n))
        head.addWidget(name, 1)
        head.addWidget(weight)
        remove = _remove_button(self.tr("Remove this variant"))
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        remove.setEnabled(len(self._variants()) > 2)
        head.addWidget(remove)
        layout.addLayout(head)
        for field in self.fields:
            text = variant.get(field)
            placeholder = self.tr("{field}: the message's own").format(field=field)
            if field in MULTILINE:
                editor: QLineEdit | QPlainTextEdit = QPlainTextEdit(text if isinstance(text, str) else "")
                editor.setPlaceholderText(placeholder)
                editor.setMaximumHeight(70)
                editor.textChanged.connect(lambda e=editor, i=index, f=field: self._set(i, f, e.toPlainText()))
            else:
                editor = QLineEdit(text if isinstance(text, str) else "")
                editor.setPlaceholderText(placeholder)
                editor.textEdited.connect(lambda t, i=index, f=field: self._set(i, f, t))
            editor.setObjectName(f"ab_{field}_{index}")
            layout.addWidget(editor)
        return frame

    def _set(self, index: int, key: str, value: Any) -> None:
        if self._loading or self._value is None:
            return
        variant = self._variants()[index]
        if value in (None, ""):
            variant.pop(key, None)
        else:
            variant[key] = value
        self._emit()

    def _add(self) -> None:
        if self._value is None:
            return
        self.ctx.new_step()
        used = [str(v.get("name", "")) for v in self._variants() if isinstance(v, dict)]
        self._variants().append({"name": next_port(used)})
        self._rebuild()
        self._emit()

    def _remove(self, index: int) -> None:
        if self._value is None or len(self._variants()) <= 2:
            return
        self.ctx.new_step()
        del self._variants()[index]
        self._rebuild()
        self._emit()

    # -- the test's settings ---------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        if self._loading:
            return
        self.ctx.new_step()
        self._value = {"variants": [{"name": "a"}, {"name": "b"}]} if on else None
        self.body.setVisible(on)
        self._rebuild()
        self._emit()

    def _settings_edited(self, *_: Any) -> None:
        self._update_enabled()
        if self._loading or self._value is None:
            return
        metric = self.metric_box.currentData()
        if metric == "orders":
            self._value.pop("metric", None)
        else:
            self._value["metric"] = metric
        if self.auto.isChecked():
            self._value["pick_at"] = round(self.pick_at.value() / 100, 4)
            least = self.least.value()
            if least == DEFAULT_MIN_RECIPIENTS:
                self._value.pop("min_recipients", None)
            else:
                self._value["min_recipients"] = least
        else:
            self._value.pop("pick_at", None)
            self._value.pop("min_recipients", None)
        self._emit()

    def _update_enabled(self) -> None:
        self.pick_at.setEnabled(self.auto.isChecked())
        self.least.setEnabled(self.auto.isChecked())
