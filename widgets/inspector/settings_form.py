"""The journey settings form, shown when no node is selected (spec §1 and §5).

Every section owns a few keys of `settings` and writes only those, so a key this form does not
know (added by a newer version, or by hand) survives an edit. Optional sections have a checkbox:
unticked means the key is left out, which is exactly how the file says "no quiet hours".
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.model import Journey
from widgets.commands import ChangeJourney
from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import (
    DurationEditor,
    EditorContext,
    EventEditor,
    TimeOfDayEditor,
    ValueEditor,
    clear_layout,
)
from widgets.inspector.rule_builder import RuleEditor, _remove_button
from widgets.wrap_check_box import WrapCheckBox

REENTRY = ("never", "after_exit", "always")


class ExitOnEditor(ValueEditor):
    """`exit_on`: goal events, each with an optional filter rule."""

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._value: list[dict[str, Any]] = []
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("+ Goal event"))
        self.add_button.setObjectName("add_exit_event")
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(self._add)
        self.empty = QLabel(self.tr("No goal: customers leave when their paths end."))
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows)
        layout.addWidget(self.add_button)

    def value(self) -> list[dict[str, Any]] | None:
        return copy.deepcopy(self._value) or None

    def _show(self, value: Any) -> None:
        items = [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []
        if items == self._value and self.rows.count() == len(items):
            return
        self._value = copy.deepcopy(items)
        self._rebuild()

    def _rebuild(self) -> None:
        clear_layout(self.rows)
        for i, item in enumerate(self._value):
            self.rows.addWidget(self._row(i, item))
        self.empty.setVisible(not self._value)

    def _row(self, index: int, item: dict[str, Any]) -> QWidget:
        frame = QFrame()
        frame.setObjectName("exit_event")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 4, 4)
        top = FlowLayout()
        event = EventEditor()
        event.set_value(item.get("event", ""))
        event.changed.connect(lambda i=index, e=event: self._set(i, "event", e.value()))
        only_if = QToolButton()
        only_if.setText(self.tr("only if…"))
        only_if.setCheckable(True)
        only_if.setChecked("filter" in item)
        remove = _remove_button(self.tr("Remove this goal event"))
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        top.addWidget(event, 1)
        top.addWidget(only_if)
        top.addWidget(remove)
        layout.addLayout(top)
        rule = RuleEditor(self.ctx, optional=True)
        rule.set_value(item.get("filter"))
        rule.setVisible("filter" in item)
        rule.changed.connect(lambda i=index, r=rule: self._set(i, "filter", r.value()))
        only_if.toggled.connect(lambda on, i=index, r=rule: self._toggle_filter(i, on, r))
        layout.addWidget(rule)
        return frame

    def _set(self, index: int, key: str, value: Any) -> None:
        if value is None:
            self._value[index].pop(key, None)
        else:
            self._value[index][key] = value
        self._emit()

    def _toggle_filter(self, index: int, on: bool, rule: RuleEditor) -> None:
        rule.setVisible(on)
        if not on:
            rule.set_value(None)
            if "filter" in self._value[index]:
                self._set(index, "filter", None)

    def _add(self) -> None:
        used = {e.get("event") for e in self._value}
        event = next((e for e in ("order_placed", "payment_received", "signup") if e not in used), "")
        self._value.append({"event": event})
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


class SettingsForm(QWidget):
    """Name, description and the settings of spec §1; pushes ChangeJourney through `push`."""

    def __init__(self, push: Callable[[QUndoCommand], None], ctx: EditorContext,
                 serial: Callable[[], int] = lambda: 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_form")
        self._push, self.ctx, self._serial = push, ctx, serial
        self.journey: Journey | None = None
        self._loading = 0

        self.name = QLineEdit()
        self.name.setObjectName("journey_name")
        self.description = QLabel()
        self.description.setObjectName("journey_description")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setEnabled(False)

        self.reentry = QComboBox()
        self.reentry.setObjectName("reentry")
        for key, text in (("never", self.tr("Never (once per customer)")),
                          ("after_exit", self.tr("After the previous run has ended")),
                          ("always", self.tr("Always (even while a run is active)"))):
            self.reentry.addItem(text, key)
        self.cooldown_check = QCheckBox(self.tr("and at least"))
        self.cooldown_check.setObjectName("cooldown_check")
        self.cooldown = DurationEditor(default="P7D")
        self.cooldown.setObjectName("cooldown")
        cooldown_row = FlowLayout()
        cooldown_row.addWidget(self.cooldown_check)
        cooldown_row.addWidget(self.cooldown)
        self.cooldown_hint = QLabel(self.tr("after it ended"))
        cooldown_row.addWidget(self.cooldown_hint)
        cooldown_row.addStretch(1)

        self.exit_on = ExitOnEditor(ctx)
        self.exit_if_check = WrapCheckBox(self.tr("Stop a customer's run when this holds"))
        self.exit_if_check.setObjectName("exit_if_check")
        self.exit_if_check.setToolTip(self.tr("Checked just before each message is sent"))
        self.exit_if = RuleEditor(ctx)
        self.exit_if.setObjectName("exit_if")

        self.quiet_check = QCheckBox(self.tr("No messages between"))
        self.quiet_check.setObjectName("quiet_check")
        self.quiet_start, self.quiet_end = TimeOfDayEditor(), TimeOfDayEditor()
        self.quiet_start.setObjectName("quiet_start")
        self.quiet_end.setObjectName("quiet_end")
        quiet_row = FlowLayout()
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(QLabel(self.tr("and")))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)

        self.cap_check = QCheckBox(self.tr("At most"))
        self.cap_check.setObjectName("cap_check")
        self.cap_max = QSpinBox()
        self.cap_max.setObjectName("cap_max")
        self.cap_max.setRange(1, 999)
        self.cap_max.setSuffix(self.tr(" messages"))
        self.cap_per = DurationEditor(default="P7D")
        self.cap_per.setObjectName("cap_per")
        cap_row = FlowLayout()
        cap_row.addWidget(self.cap_check)
        cap_row.addWidget(self.cap_max)
        cap_row.addWidget(QLabel(self.tr("per")))
        cap_row.addWidget(self.cap_per, 1)

        self.holdout_check = QCheckBox(self.tr("Keep"))
        self.holdout_check.setObjectName("holdout_check")
        self.holdout_check.setToolTip(self.tr("The same customers are always kept out; the journey report compares "
                                              "what they bought with what the others bought"))
        self.holdout_percent = QSpinBox()
        self.holdout_percent.setObjectName("holdout_percent")
        self.holdout_percent.setRange(1, 50)
        self.holdout_percent.setValue(10)
        self.holdout_percent.setSuffix(self.tr(" % of entrants out"))
        holdout_row = FlowLayout()
        holdout_row.addWidget(self.holdout_check)
        holdout_row.addWidget(self.holdout_percent, 1)
        self.holdout_window = DurationEditor(default="P30D")
        self.holdout_window.setObjectName("holdout_window")
        window_row = FlowLayout()
        self.holdout_window_label = QLabel(self.tr("and compare orders for"))
        window_row.addWidget(self.holdout_window_label)
        window_row.addWidget(self.holdout_window, 1)
        window_row.addWidget(QLabel(self.tr("after entry")))

        title = QLabel(self.tr("Journey settings"))
        title.setObjectName("inspector_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        general = QFormLayout()
        general.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        general.addRow(self._bold(QLabel(self.tr("Name"))), self.name)
        general.addRow(self._bold(QLabel(self.tr("Description"))), self.description)
        layout.addLayout(general)
        layout.addWidget(self._group(self.tr("Re-entry"), self.reentry, cooldown_row))
        layout.addWidget(self._group(self.tr("Goal: leave the journey when"), self.exit_on))
        layout.addWidget(self._group(self.tr("Exit filter"), self.exit_if_check, self.exit_if))
        layout.addWidget(self._group(self.tr("Quiet hours"), self.quiet_check, quiet_row))
        layout.addWidget(self._group(self.tr("Frequency cap"), cap_row))
        layout.addWidget(self._group(self.tr("Holdout: measure what the journey earns"), holdout_row, window_row))
        layout.addStretch(1)

        self.name.textEdited.connect(self._name_edited)
        self.reentry.currentIndexChanged.connect(lambda: self._edited("reentry"))
        self.cooldown_check.toggled.connect(lambda: self._edited("reentry_cooldown"))
        self.cooldown.changed.connect(lambda: self._edited("reentry_cooldown"))
        self.exit_on.changed.connect(lambda: self._edited("exit_on"))
        self.exit_if_check.toggled.connect(lambda: self._edited("exit_if"))
        self.exit_if.changed.connect(lambda: self._edited("exit_if"))
        for w in (self.quiet_check,):
            w.toggled.connect(lambda: self._edited("quiet_hours"))
        self.quiet_start.changed.connect(lambda: self._edited("quiet_hours"))
        self.quiet_end.changed.connect(lambda: self._edited("quiet_hours"))
        self.cap_check.toggled.connect(lambda: self._edited("frequency_cap"))
        self.cap_max.valueChanged.connect(lambda: self._edited("frequency_cap"))
        self.cap_per.changed.connect(lambda: self._edited("frequency_cap"))
        self.holdout_check.toggled.connect(lambda: self._edited("holdout"))
        self.holdout_percent.valueChanged.connect(lambda: self._edited("holdout"))
        self.holdout_window.changed.connect(lambda: self._edited("holdout"))

    @staticmethod
    def _bold(label: QLabel) -> QLabel:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def _group(title: str, *parts: Any) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        return box

    # -- showing ---------------------------------------------------------------------------
    def set_journey(self, journey: Journey | None) -> None:
        self.journey = journey
        self.refresh()

    def refresh(self) -> None:
        """Shows the journey's current settings; called on load and after undo/redo."""
        j = self.journey
        if j is None:
            return
        self._loading += 1
        try:
            s = j.settings
            if self.name.text() != j.name:
                self.name.setText(j.name)
            self.description.setText(j.description or self.tr("(no description)"))
            reentry = s.get("reentry", "after_exit")
            self.reentry.setCurrentIndex(max(0, self.reentry.findData(reentry)))
            has_cooldown = isinstance(s.get("reentry_cooldown"), str)
            self.cooldown_check.setChecked(has_cooldown)
            if has_cooldown:
                self.cooldown.set_value(s["reentry_cooldown"])
            self.exit_on.set_value(s.get("exit_on"))
            self.exit_if_check.setChecked("exit_if" in s)
            self.exit_if.set_value(s.get("exit_if"))
            quiet = s.get("quiet_hours") if isinstance(s.get("quiet_hours"), dict) else None
            self.quiet_check.setChecked(quiet is not None)
            self.quiet_start.set_value((quiet or {}).get("start", "21:00"))
            self.quiet_end.set_value((quiet or {}).get("end", "08:00"))
            cap = s.get("frequency_cap") if isinstance(s.get("frequency_cap"), dict) else None
            self.cap_check.setChecked(cap is not None)
            max_ = (cap or {}).get("max", 3)
            self.cap_max.setValue(int(max_) if isinstance(max_, int | float) else 3)
            self.cap_per.set_value((cap or {}).get("per", "P7D"))
            holdout = s.get("holdout") if isinstance(s.get("holdout"), dict) else None
            self.holdout_check.setChecked(holdout is not None)
            percent = (holdout or {}).get("percent", 10)
            self.holdout_percent.setValue(int(percent) if isinstance(percent, int | float) else 10)
            self.holdout_window.set_value((holdout or {}).get("window", "P30D"))
            self._update_enabled()
        finally:
            self._loading -= 1

    def _update_enabled(self) -> None:
        after_exit = self.reentry.currentData() == "after_exit"
        self.cooldown_check.setEnabled(after_exit)
        self.cooldown.setEnabled(after_exit and self.cooldown_check.isChecked())
        self.cooldown_hint.setEnabled(after_exit)
        self.exit_if.setVisible(self.exit_if_check.isChecked())
        self.quiet_start.setEnabled(self.quiet_check.isChecked())
        self.quiet_end.setEnabled(self.quiet_check.isChecked())
        self.cap_max.setEnabled(self.cap_check.isChecked())
        self.cap_per.setEnabled(self.cap_check.isChecked())
        self.holdout_percent.setEnabled(self.holdout_check.isChecked())
        self.holdout_window.setEnabled(self.holdout_check.isChecked())

    # -- editing ---------------------------------------------------------------------------
    def section_value(self, key: str) -> Any:
        """The value this form shows for one settings key; None means "leave it out"."""
        if key == "reentry":
            return self.reentry.currentData()
        if key == "reentry_cooldown":
            return self.cooldown.value() if self.cooldown_check.isChecked() else None
        if key == "exit_on":
            return self.exit_on.value()
        if key == "exit_if":
            return self.exit_if.value() if self.exit_if_check.isChecked() else None
        if key == "quiet_hours":
            if not self.quiet_check.isChecked():
                return None
            return {"start": self.quiet_start.value(), "end": self.quiet_end.value()}
        if key == "frequency_cap":
            if not self.cap_check.isChecked():
                return None
            return {"max": self.cap_max.value(), "per": self.cap_per.value() or "P7D"}
        if key == "holdout":
            if not self.holdout_check.isChecked():
                return None
            old = self.journey.settings.get("holdout") if self.journey is not None else None
            value = dict(old) if isinstance(old, dict) else {}
            value["percent"] = self.holdout_percent.value()
            window = self.holdout_window.value() or "P30D"
            if window == "P30D":
                value.pop("window", None)
            else:
                value["window"] = window
            return value
        raise KeyError(key)

    def _edited(self, key: str) -> None:
        self._update_enabled()
        if self._loading or self.journey is None:
            return
        settings = copy.deepcopy(self.journey.settings)
        value = self.section_value(key)
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
        if settings != self.journey.settings:
            self._push(ChangeJourney(self.journey, settings=settings, merge_key=f"settings.{key}#{self._serial()}"))

    def _name_edited(self, text: str) -> None:
        if self._loading or self.journey is None or not text.strip():
            return
        self._push(ChangeJourney(self.journey, name=text.strip(), merge_key=f"name#{self._serial()}"))
