"""Rows of the rule builder: a test on one field (or segment membership) and a raw JSON row.

A row keeps the leaf dict it was given and changes only the keys its widgets own (op, value,
window, since, event), so anything else in the leaf survives an edit and a rule set into the
builder comes back out unchanged.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.fields import FIELDS, field_spec
from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import (
    DurationEditor,
    EditorContext,
    EventEditor,
    FieldNameEditor,
    SegmentEditor,
    shrinkable,
)
from widgets.inspector.rule_values import ValueInput, default_value, make_value_input, ops_for, shape_of
from widgets.translate import QT_TRANSLATE_NOOP
from widgets.wrap_check_box import WrapCheckBox

SEGMENT = "__segment__"
ERROR_STYLE = "color: #c01c28;"
# Quiet when off, unmistakable when on: a negation flips the meaning of everything beside it.
NOT_STYLE = ("QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 1px 4px;"
             " color: palette(dark); background: transparent; }"
             " QToolButton:checked { background: #c01c28; border-color: #a51d2d; color: white; font-weight: bold; }")
DEFAULT_LEAF: dict[str, Any] = {"field": "orders.count", "op": ">=", "value": 1}


def _op_label(op: str, value_type: str, tr: Any) -> str:
    """Fixed context (not the caller's `tr`) so lupdate finds the words under one name."""
    dates = value_type in ("date", "datetime")
    words = {
        "=": QT_TRANSLATE_NOOP("rule_rows", "is on") if dates else QT_TRANSLATE_NOOP("rule_rows", "is"),
        "!=": QT_TRANSLATE_NOOP("rule_rows", "is not"),
        ">": QT_TRANSLATE_NOOP("rule_rows", "is after") if dates else QT_TRANSLATE_NOOP("rule_rows", "is more than"),
        ">=": QT_TRANSLATE_NOOP("rule_rows", "is on or after") if dates else QT_TRANSLATE_NOOP("rule_rows", "is at least"),
        "<": QT_TRANSLATE_NOOP("rule_rows", "is before") if dates else QT_TRANSLATE_NOOP("rule_rows", "is less than"),
        "<=": QT_TRANSLATE_NOOP("rule_rows", "is on or before") if dates else QT_TRANSLATE_NOOP("rule_rows", "is at most"),
        "in": QT_TRANSLATE_NOOP("rule_rows", "is one of"),
        "not_in": QT_TRANSLATE_NOOP("rule_rows", "is none of"),
        "contains": QT_TRANSLATE_NOOP("rule_rows", "contains"),
        "between": QT_TRANSLATE_NOOP("rule_rows", "is between"),
        "exists": QT_TRANSLATE_NOOP("rule_rows", "is known"),
        "not_exists": QT_TRANSLATE_NOOP("rule_rows", "is unknown"),
        "within_km": QT_TRANSLATE_NOOP("rule_rows", "is within"),
    }
    labels = {key: QCoreApplication.translate("rule_rows", text) for key, text in words.items()}
    return labels.get(op, op)


def _not_button(tooltip: str) -> QToolButton:
    button = QToolButton()
    button.setText("NOT")
    button.setCheckable(True)
    button.setToolTip(tooltip)
    button.setObjectName("not_toggle")
    button.setStyleSheet(NOT_STYLE)
    return button


def _remove_button(tooltip: str) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setAutoRaise(True)
    button.setToolTip(tooltip)
    button.setObjectName("remove")
    return button


class RowBase(QFrame):
    """A child of a group: a test row, a JSON row or a nested group."""

    changed = Signal()
    remove_requested = Signal(object)

    negated = False

    def to_rule(self, path: str, paths: list[tuple[RowBase, str]]) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def show_errors(self, messages: list[str]) -> None:
        pass


class LeafRow(RowBase):
    """One test: field (or segment membership), op, value, and window / since / event."""

    def __init__(self, leaf: dict[str, Any], negated: bool, ctx: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_leaf")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.leaf = copy.deepcopy(leaf)
        self.negated = negated
        self._quiet = False

        self.not_button = _not_button(self.tr("Negate this condition"))
        self.field = FieldNameEditor(tuple(FIELDS), stacked=True)
        self.field.setObjectName("rule_field")
        self.field.combo.insertItem(0, self.tr("In segment"), SEGMENT)
        self.field.combo.insertSeparator(1)
        self.op = shrinkable(QComboBox(), 6)
        self.op.setObjectName("rule_op")
        self.remove = _remove_button(self.tr("Remove this condition"))
        top = FlowLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.not_button)
        top.addWidget(self.field, 1)
        top.addWidget(self.remove)

        self.value_box = QWidget()
        self.value_box.setLayout(FlowLayout())
        self.value_box.layout().setContentsMargins(0, 0, 0, 0)
        self.value_box.layout().addWidget(self.op)
        self.value_input: ValueInput | None = None
        self.segment = SegmentEditor(ctx.segment_names())
        self.segment.setObjectName("rule_segment")
        self.value_box.layout().addWidget(self.segment, 1)

        self.event_label = QLabel(self.tr("of type"))
        self.event = EventEditor()
        self.event.setObjectName("rule_event")
        self.window_check = QCheckBox(self.tr("in the last"))
        self.window_check.setObjectName("rule_window_check")
        self.window = DurationEditor(default="P30D")
        self.window.setObjectName("rule_window")
        self.since_check = WrapCheckBox(self.tr("since entering the journey"))
        self.since_check.setObjectName("rule_since")
        self.scope = QWidget()
        scope = QVBoxLayout(self.scope)
        scope.setContentsMargins(0, 0, 0, 0)
        scope.setSpacing(2)
        event_row = FlowLayout()
        event_row.addWidget(self.event_label)
        event_row.addWidget(self.event, 1)
        window_row = FlowLayout()
        window_row.addWidget(self.window_check)
        window_row.addWidget(self.window, 1)
        scope.addLayout(event_row)
        scope.addLayout(window_row)
        scope.addWidget(self.since_check)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.value_box)
        layout.addWidget(self.scope)
        layout.addWidget(self.error)

        self.not_button.toggled.connect(self._negate)
        self.field.changed.connect(self._field_changed)
        self.op.currentIndexChanged.connect(self._op_changed)
        self.segment.changed.connect(self._segment_changed)
        self.event.changed.connect(self._event_changed)
        self.window_check.toggled.connect(self._window_changed)
        self.window.changed.connect(self._window_changed)
        self.since_check.toggled.connect(self._since_changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._load()

    # -- showing ---------------------------------------------------------------------------
    def _is_segment(self) -> bool:
        return "segment" in self.leaf and "field" not in self.leaf

    def _spec(self):
        return field_spec(self.leaf.get("field"))

    def _load(self) -> None:
        """Shows `self.leaf` in the widgets, without reporting any of it as an edit."""
        self._quiet = True
        try:
            self.not_button.setChecked(self.negated)
            segment = self._is_segment()
            self.field.set_value(SEGMENT if segment else self.leaf.get("field", ""))
            self.segment.setVisible(segment)
            self.op.setVisible(not segment)
            if segment:
                self.segment.set_value(self.leaf.get("segment"))
                self._set_value_input(None)
                self.scope.setVisible(False)
                return
            spec = self._spec()
            vtype = spec.value_type if spec else "any"
            op = self.leaf.get("op")
            self.op.clear()
            ops = list(ops_for(vtype))
            if isinstance(op, str) and op not in ops:
                ops.append(op)
            for o in ops:
                self.op.addItem(_op_label(o, vtype, self.tr), o)
            self.op.setCurrentIndex(max(0, self.op.findData(op)))
            self._rebuild_value(vtype, spec.choices if spec else ())
            aggregate = bool(spec and spec.aggregate)
            is_events = bool(spec and spec.name == "events.count")
            self.scope.setVisible(aggregate or "window" in self.leaf or "since" in self.leaf)
            self.event_label.setVisible(is_events or "event" in self.leaf)
            self.event.setVisible(is_events or "event" in self.leaf)
            self.event.set_value(self.leaf.get("event", ""))
            self.window_check.setChecked("window" in self.leaf)
            self.window.setEnabled("window" in self.leaf)
            if isinstance(self.leaf.get("window"), str):
                self.window.set_value(self.leaf["window"])
            self.since_check.setChecked(self.leaf.get("since") == "entry")
        finally:
            self._quiet = False

    def _set_value_input(self, widget: ValueInput | None) -> None:
        if self.value_input is not None:
            self.value_input.setParent(None)
            self.value_input.deleteLater()
        self.value_input = widget
        if widget is not None:
            widget.setObjectName("rule_value")
            self.value_box.layout().addWidget(widget, 1)
            widget.edited.connect(self._value_edited)
        self.value_box.layout().setStretch(0, 0 if widget is not None or self._is_segment() else 1)

    def _rebuild_value(self, vtype: str, choices: tuple[str, ...]) -> None:
        op = self.leaf.get("op", "")
        widget = make_value_input(vtype, op, choices)
        if widget is not None:
            widget.set_value(self.leaf.get("value"))
        self._set_value_input(widget)

    # -- editing ---------------------------------------------------------------------------
    def _edited(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def _negate(self, on: bool) -> None:
        self.negated = on
        self._edited()

    def _field_changed(self) -> None:
        if self._quiet:
            return
        name = self.field.value()
        if name == SEGMENT:
            names = self.ctx.segment_names()
            self.leaf = {"segment": self.leaf.get("segment", names[0] if names else "")}
        else:
            spec = field_spec(name)
            vtype = spec.value_type if spec else "any"
            old_spec = self._spec()
            op = self.leaf.get("op")
            allowed = ops_for(vtype)
            if op not in allowed:
                op = allowed[0]
            same_type = old_spec is not None and spec is not None and old_spec.value_type == vtype
            old_value = self.leaf.get("value") if same_type else None
            leaf: dict[str, Any] = {"field": name, "op": op}
            value = default_value(vtype, op, spec.choices if spec else (), old_value)
            if shape_of(op) != "none":
                leaf["value"] = value
            if spec is not None and spec.aggregate:
                for key in ("window", "since"):
                    if key in self.leaf:
                        leaf[key] = self.leaf[key]
            if spec is not None and spec.name == "events.count":
                leaf["event"] = self.leaf.get("event", "order_placed")
            self.leaf = leaf
        self._load()
        self._edited()

    def _op_changed(self) -> None:
        if self._quiet:
            return
        op = self.op.currentData()
        spec = self._spec()
        vtype = spec.value_type if spec else "any"
        old_op = self.leaf.get("op")
        self.leaf["op"] = op
        if shape_of(op) == "none":
            self.leaf.pop("value", None)
        elif shape_of(op) != shape_of(old_op or "") or "value" not in self.leaf:
            self.leaf["value"] = default_value(vtype, op, spec.choices if spec else (), self.leaf.get("value"))
        self._quiet = True
        try:
            self._rebuild_value(vtype, spec.choices if spec else ())
        finally:
            self._quiet = False
        self._edited()

    def _value_edited(self) -> None:
        if self.value_input is not None:
            self.leaf["value"] = self.value_input.value()
        self._edited()

    def _segment_changed(self) -> None:
        self.leaf = {"segment": self.segment.value()}
        self._edited()

    def _event_changed(self) -> None:
        self.leaf["event"] = self.event.value()
        self._edited()

    def _window_changed(self, *_: Any) -> None:
        if self._quiet:
            return
        on = self.window_check.isChecked()
        self.window.setEnabled(on)
        if on:
            self.leaf["window"] = self.window.value() or "P30D"
        else:
            self.leaf.pop("window", None)
        self._edited()

    def _since_changed(self, on: bool) -> None:
        if self._quiet:
            return
        if on:
            self.leaf["since"] = "entry"
        else:
            self.leaf.pop("since", None)
        self._edited()

    # -- output ----------------------------------------------------------------------------
    def to_rule(self, path: str, paths: list[tuple[RowBase, str]]) -> dict[str, Any]:
        leaf = copy.deepcopy(self.leaf)
        if self.negated:
            paths.append((self, path + ".not"))
            return {"not": leaf}
        paths.append((self, path))
        return leaf

    def show_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))


class JsonRow(RowBase):
    """A rule the row widgets cannot show, kept and editable as JSON rather than lost."""

    def __init__(self, rule: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rule = copy.deepcopy(rule)
        self.edit = QLineEdit(json.dumps(rule, ensure_ascii=False))
        self.remove = _remove_button(self.tr("Remove"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        top = FlowLayout()
        top.addWidget(QLabel(self.tr("JSON")))
        top.addWidget(self.edit, 1)
        top.addWidget(self.remove)
        layout.addLayout(top)
        layout.addWidget(self.error)
        self.edit.textEdited.connect(self._edited)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _edited(self, text: str) -> None:
        try:
            self.rule = json.loads(text)
        except ValueError:
            self.show_errors([self.tr("not valid JSON")])
            return
        self.changed.emit()

    def to_rule(self, path: str, paths: list[tuple[RowBase, str]]) -> Any:
        paths.append((self, path))
        return copy.deepcopy(self.rule)

    def show_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))
