"""Value editors, one per registry ValueType, all with the same small contract.

Each editor shows one config value and reports user edits through `changed`; `value()` is the
value to store (None means "leave the key out"), `set_value()` shows a value without reporting
it. That split is what lets the inspector follow undo/redo without pushing new commands: only
a person typing makes `changed` fire. Editors keep the value they were given until the user
touches them, so a value the widgets cannot show exactly (`P1DT12H`) survives a refresh.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.fields import DATE_FIELDS, FIELDS
from engine.registry import REGISTRY, ValueType
from engine.timeutil import WEEKDAYS, TimeFormatError, parse_duration, parse_time_of_day
from widgets.data_texts import field_label
from widgets.events_catalogue import event_label
from widgets.flow_layout import FlowLayout

COMMON_EVENTS = ("signup", "cart_abandoned", "order_placed", "product_viewed", "payment_due",
                 "payment_received", "email_opened", "newsletter_subscribed")
CUSTOM_PREFIX = "customer.properties."
ENTRY_PREFIX = "entry."

# (unit key, ISO template) in the order the unit combo lists them.
DURATION_UNITS: tuple[tuple[str, str], ...] = (
    ("minutes", "PT{n}M"), ("hours", "PT{n}H"), ("days", "P{n}D"),
    ("weeks", "P{n}W"), ("months", "P{n}M"), ("years", "P{n}Y"),
)


@dataclass
class EditorContext:
    """What editors need from the panel: segment names, the channel, preview variables."""

    segment_names: Callable[[], list[str]] = list
    channel: str | None = None
    variables: Callable[[], dict[str, Any] | None] = lambda: None
    # Ends the current undo merge: adding or removing a row is its own step, not part of typing.
    new_step: Callable[[], None] = lambda: None
    extras: dict[str, Any] = field(default_factory=dict)


class ValueEditor(QWidget):
    """Base of every editor: `changed` fires for user edits only, never for `set_value`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = 0

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Widget signals raised while showing a value are not user edits."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        with self.loading():
            self._show(value)

    def _show(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def shrinkable(combo: QComboBox, chars: int = 6) -> QComboBox:
    """Lets a combo narrow below its longest item: the panel is narrow and rows nest."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


class NumberSpin(QDoubleSpinBox):
    """A number box that shows 15 as "15", not "15.00", and still takes two decimals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(-1e7, 1e7)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text


def _row(*widgets: QWidget, stretch: bool = False) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return layout


# -- durations -----------------------------------------------------------------------------
def duration_to_amount(text: Any) -> tuple[int, str] | None:
    """(number, unit) showing an ISO duration exactly with one unit, or None if none can.

    Calendar and exact parts are never converted into each other (`P1D` is not `PT24H` across a
    daylight-saving change), so `P1DT12H` has no single-unit form and is kept as typed.
    """
    try:
        d = parse_duration(text)
    except TimeFormatError:
        return None
    calendar = d.years or d.months or d.weeks or d.days
    exact = d.hours or d.minutes or d.seconds
    if calendar and exact:
        return None
    if exact:
        if d.seconds:
            return None
        if d.minutes:
            return d.hours * 60 + d.minutes, "minutes"
        return d.hours, "hours"
    if (d.years or d.months) and (d.weeks or d.days):
        return None
    if d.years and not d.months:
        return d.years, "years"
    if d.months or d.years:
        return d.years * 12 + d.months, "months"
    if d.weeks and not d.days:
        return d.weeks, "weeks"
    return d.weeks * 7 + d.days, "days"


def amount_to_duration(amount: int, unit: str, negative: bool = False) -> str:
    template = dict(DURATION_UNITS)[unit]
    return ("-" if negative and amount else "") + template.format(n=int(amount))


class DurationEditor(ValueEditor):
    """A number and a unit; durations no single unit can show stay editable as ISO text."""

    def __init__(self, parent: QWidget | None = None, *, signed: bool = False, default: str = "P1D") -> None:
        super().__init__(parent)
        self._signed = signed
        self._value: str | None = default
        self.spin = QSpinBox()
        self.spin.setRange(0, 9999)
        self.spin.setObjectName("duration_amount")
        self.unit = shrinkable(QComboBox())
        self.unit.setObjectName("duration_unit")
        for key, _ in DURATION_UNITS:
            self.unit.addItem(self._unit_label(key), key)
        self.unit.addItem(self.tr("ISO 8601"), "iso")
        self.iso = QLineEdit()
        self.iso.setPlaceholderText("P1DT12H")
        self.iso.setVisible(False)
        self.direction = shrinkable(QComboBox(), 4)
        self.direction.addItem(self.tr("after"), "after")
        self.direction.addItem(self.tr("before"), "before")
        self.direction.setVisible(signed)
        layout = _row(self.spin, self.iso, self.unit, self.direction, stretch=True)
        self.setLayout(layout)
        self.spin.valueChanged.connect(self._edited)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.direction.currentIndexChanged.connect(self._edited)
        self.iso.textEdited.connect(self._iso_edited)
        self.set_value(default)

    def _unit_label(self, key: str) -> str:
        return {"minutes": self.tr("minutes"), "hours": self.tr("hours"), "days": self.tr("days"),
                "weeks": self.tr("weeks"), "months": self.tr("months"), "years": self.tr("years")}[key]

    def value(self) -> str | None:
        return self._value

    def _show(self, value: Any) -> None:
        self._value = value if isinstance(value, str) else None
        text = self._value or ""
        negative = text.startswith("-")
        amount = duration_to_amount(text) if text else (0, "days")
        iso_mode = amount is None
        if not iso_mode:
            self.spin.setValue(amount[0])
            self.unit.setCurrentIndex(self.unit.findData(amount[1]))
        else:
            self.unit.setCurrentIndex(self.unit.findData("iso"))
            if self.iso.text() != text:
                self.iso.setText(text)
        self.direction.setCurrentIndex(1 if negative else 0)
        self.spin.setVisible(not iso_mode)
        self.iso.setVisible(iso_mode)

    def _unit_changed(self) -> None:
        if self._loading:
            return
        iso_mode = self.unit.currentData() == "iso"
        self.spin.setVisible(not iso_mode)
        self.iso.setVisible(iso_mode)
        if iso_mode:
            with self.loading():
                self.iso.setText(self._value or "")
            return
        self._edited()

    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        unit = self.unit.currentData()
        negative = self._signed and self.direction.currentData() == "before"
        if unit == "iso":
            text = self.iso.text().strip()
            if negative != text.startswith("-"):
                text = ("-" + text) if negative else text.lstrip("-")
            self._iso_apply(text)
            return
        self._value = amount_to_duration(self.spin.value(), unit, negative)
        self._emit()

    def _iso_edited(self, text: str) -> None:
        self._iso_apply(text.strip())

    def _iso_apply(self, text: str) -> None:
        try:
            d = parse_duration(text)
        except TimeFormatError as exc:
            self.iso.setToolTip(str(exc))
            self.iso.setStyleSheet("QLineEdit { color: #c01c28; }")
            return
        if d.negative and not self._signed:
            return
        self.iso.setToolTip("")
        self.iso.setStyleSheet("")
        self._value = text
        self._emit()


# -- simple editors ------------------------------------------------------------------------
class TimeOfDayEditor(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        self.setLayout(_row(self.edit, stretch=True))
        self.edit.timeChanged.connect(self._emit)

    def value(self) -> str:
        return self.edit.time().toString("HH:mm")

    def _show(self, value: Any) -> None:
        try:
            t = parse_time_of_day(value)
        except TimeFormatError:
            t = parse_time_of_day("09:00")
        self.edit.setTime(QTime(t.hour, t.minute))


class ChoiceEditor(ValueEditor):
    """One of a field's choices (engine.registry ConfigField.choices), shown in words."""

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = shrinkable(QComboBox(), 12)
        self._hints: list[str] = []
        for choice in choices:
            name, hint = split_choice_label(choice_label(choice))
            self.combo.addItem(name, choice)
            self.combo.setItemData(self.combo.count() - 1, choice_label(choice), Qt.ItemDataRole.ToolTipRole)
            self._hints.append(hint)
        # The explanation in brackets goes under the box, wrapped: a combo cannot wrap, and the
        # whole sentence in it made the inspector wider than a 1280-pixel screen allows.
        self.hint = QLabel()
        self.hint.setObjectName("choice_hint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(_row(self.combo, stretch=True))
        layout.addWidget(self.hint)
        self.setLayout(layout)
        self.combo.currentIndexChanged.connect(self._emit)
        self.combo.currentIndexChanged.connect(self._show_hint)
        self._show_hint()

    def value(self) -> str:
        return str(self.combo.currentData())

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def _show_hint(self, *_: Any) -> None:
        index = self.combo.currentIndex()
        hint = self._hints[index] if 0 <= index < len(self._hints) else ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))


def split_choice_label(text: str) -> tuple[str, str]:
    """'marketing (needs consent, …)' → ('marketing', 'needs consent, …'); text without a
    bracketed explanation at its end stays whole."""
    head, bracket, tail = text.partition(" (")
    if bracket and tail.endswith(")") and head:
        return head, tail[:-1]
    return text, ""


def choice_label(choice: str) -> str:
    """A choice value in the user's language (a value without words shows as it is)."""
    words = {
        "text": QCoreApplication.translate("Inspector", "plain text"),
        "html": QCoreApplication.translate("Inspector", "HTML"),
        "blocks": QCoreApplication.translate("Inspector", "designed in the email designer"),
        "marketing": QCoreApplication.translate("Inspector", "marketing (needs consent, has an unsubscribe link)"),
        "transactional": QCoreApplication.translate("Inspector", "transactional (an order, a payment: no consent needed)"),
    }
    return words.get(choice, choice)


class WeekdaysEditor(ValueEditor):
    """Seven toggles; none checked means every day, which the file says by leaving the key out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun")]
        self.buttons: dict[str, QToolButton] = {}
        layout = FlowLayout(self, spacing=2)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for key, name in zip(WEEKDAYS, names, strict=True):
            b = QToolButton()
            b.setText(name)
            b.setCheckable(True)
            b.setObjectName(f"weekday_{key}")
            b.toggled.connect(self._emit)
            self.buttons[key] = b
            layout.addWidget(b)
        self.hint = QLabel(self.tr("every day"))
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.changed.connect(self._update_hint)

    def _update_hint(self) -> None:
        self.hint.setVisible(not any(b.isChecked() for b in self.buttons.values()))

    def value(self) -> list[str] | None:
        days = [k for k, b in self.buttons.items() if b.isChecked()]
        return days or None

    def _show(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for key, b in self.buttons.items():
            b.setChecked(key in chosen)
        self._update_hint()


class TextEditor(ValueEditor):
    """A single-line text value (port names)."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._value: Any = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.setLayout(_row(self.edit))
        self.edit.textEdited.connect(self._edited)

    def value(self) -> Any:
        return self._value

    def _show(self, value: Any) -> None:
        self._value = copy.deepcopy(value)
        text = value if isinstance(value, str) else ""
        if self.edit.text() != text:
            self.edit.setText(text)

    def _edited(self, text: str) -> None:
        self._value = text
        self._emit()


class ComboTextEditor(ValueEditor):
    """An editable combo whose text is the value: events and segment names."""

    def __init__(self, items: list[str], parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.combo = shrinkable(QComboBox(), 8)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(items)
        self.combo.lineEdit().setPlaceholderText(placeholder)
        self.setLayout(_row(self.combo))
        self.combo.currentTextChanged.connect(self._emit)

    def set_items(self, items: list[str]) -> None:
        with self.loading():
            text = self.combo.currentText()
            self.combo.clear()
            self.combo.addItems(items)
            self.combo.setCurrentText(text)

    def value(self) -> str:
        return self.combo.currentText().strip()

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.combo.currentText() != text:
            self.combo.setCurrentText(text)


class EventEditor(ComboTextEditor):
    """Known events in words ("Placed an order"), the shop's own by the name it gives them.

    The combo shows labels; the value stays the event's name, which journey files keep."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent, placeholder=self.tr("event name"))
        with self.loading():
            for name in COMMON_EVENTS:
                self.combo.addItem(event_label(name), name)
                self.combo.setItemData(self.combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)

    def value(self) -> str:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.combo.itemData(index):
            return str(self.combo.itemData(index))
        return text

    def _show(self, value: Any) -> None:
        name = value if isinstance(value, str) else ""
        index = self.combo.findData(name) if name else -1
        shown = self.combo.itemText(index) if index >= 0 else name
        if self.combo.currentText() != shown:
            self.combo.setCurrentText(shown)
        self.combo.setToolTip(name)


class SegmentEditor(ComboTextEditor):
    """The journey's own segments and the shop's, refreshed each time the form is shown."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(names, parent, placeholder=self.tr("segment name"))


class FieldNameEditor(ValueEditor):
    """A field from a fixed list, or a custom `customer.properties.X` / `entry.X` name.

    The custom kinds are explicit entries with their own name box, so a shop owner never has
    to remember the prefixes.
    """

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None, *, stacked: bool = False) -> None:
        super().__init__(parent)
        self.combo = shrinkable(QComboBox(), 10)
        for name in names:
            spec = FIELDS.get(name)
            self.combo.addItem(field_label(spec) if spec else name, name)
            self.combo.setItemData(self.combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.combo.addItem(self.tr("Customer property…"), CUSTOM_PREFIX)
        self.combo.addItem(self.tr("Entry event property…"), ENTRY_PREFIX)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText(self.tr("property name"))
        self.custom.setVisible(False)
        if stacked:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(self.combo)
            layout.addWidget(self.custom)
        else:
            self.setLayout(_row(self.combo, self.custom))
        self.combo.currentIndexChanged.connect(self._picked)
        self.custom.textEdited.connect(self._emit)

    def value(self) -> str:
        data = self.combo.currentData()
        if data in (CUSTOM_PREFIX, ENTRY_PREFIX):
            return data + self.custom.text().strip()
        return str(data)

    def _show(self, value: Any) -> None:
        name = value if isinstance(value, str) else ""
        index = self.combo.findData(name)
        custom = ""
        if index < 0:
            prefix = CUSTOM_PREFIX if not name.startswith(ENTRY_PREFIX) else ENTRY_PREFIX
            index = self.combo.findData(prefix)
            custom = name[len(prefix):] if name.startswith(prefix) else name
        self.combo.setCurrentIndex(index)
        if self.custom.text() != custom:
            self.custom.setText(custom)
        self.custom.setVisible(self.combo.currentData() in (CUSTOM_PREFIX, ENTRY_PREFIX))

    def _picked(self) -> None:
        self.custom.setVisible(self.combo.currentData() in (CUSTOM_PREFIX, ENTRY_PREFIX))
        if self.custom.isVisible() and not self._loading:
            self.custom.setFocus()
        self._emit()


class DateFieldEditor(FieldNameEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DATE_FIELDS, parent)


# -- discounts -----------------------------------------------------------------------------
class DiscountEditor(ValueEditor):
    """Off by default; a ticked box makes `{"percent", "valid_for", "prefix"}`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra: dict[str, Any] = {}
        self.enabled = QCheckBox(self.tr("Include a personal discount code"))
        self.percent = QSpinBox()
        self.percent.setMaximumWidth(90)
        self.percent.setRange(1, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(10)
        self.valid_for = DurationEditor(default="P14D")
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("e.g. CART"))
        self.prefix.setMaxLength(12)
        self.prefix.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9-]{0,12}"), self))
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(18, 0, 0, 0)
        form.addRow(self.tr("Percent off"), self.percent)
        form.addRow(self.tr("Valid for"), self.valid_for)
        form.addRow(self.tr("Code prefix"), self.prefix)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.details)
        self.enabled.toggled.connect(self._toggled)
        self.percent.valueChanged.connect(self._emit)
        self.valid_for.changed.connect(self._emit)
        self.prefix.textEdited.connect(self._prefix_edited)
        self.set_value(None)

    def _toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        self._emit()

    def _prefix_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            pos = self.prefix.cursorPosition()
            self.prefix.setText(upper)
            self.prefix.setCursorPosition(pos)
        self._emit()

    def value(self) -> dict[str, Any] | None:
        if not self.enabled.isChecked():
            return None
        out = dict(self._extra)
        out.update({"percent": self.percent.value(), "valid_for": self.valid_for.value() or "P14D"})
        prefix = self.prefix.text().strip().upper()
        if prefix:
            out["prefix"] = prefix
        else:
            out.pop("prefix", None)
        return out

    def _show(self, value: Any) -> None:
        on = isinstance(value, dict)
        data = value if on else {}
        self._extra = {k: v for k, v in data.items() if k not in ("percent", "valid_for", "prefix")}
        self.enabled.setChecked(on)
        self.details.setVisible(on)
        percent = data.get("percent")
        self.percent.setValue(int(percent) if isinstance(percent, int | float) and not isinstance(percent, bool)
                              else 10)
        self.valid_for.set_value(data.get("valid_for") if isinstance(data.get("valid_for"), str) else "P14D")
        prefix = data.get("prefix") if isinstance(data.get("prefix"), str) else ""
        if self.prefix.text() != prefix:
            self.prefix.setText(prefix)


PORT_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


def clear_layout(layout: QLayout) -> None:
    """Empties a layout of rows that are rebuilt from the model; deleteLater, since a row may be
    the sender of the signal being handled."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def port_validator(parent: QWidget) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9_.\-]{0,32}"), parent)


EditorFactory = Callable[[EditorContext, str, Any], ValueEditor]


def make_editor(value_type: ValueType | str, ctx: EditorContext, *, name: str = "", default: Any = None) -> ValueEditor:
    """The editor for a registry value type (`name` and `default` are the config field's)."""
    return EDITORS[ValueType(value_type)](ctx, name, default)


def _duration_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    return DurationEditor(default=default if isinstance(default, str) else "P1D")


def _signed_duration_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    return DurationEditor(signed=True, default=default if isinstance(default, str) else "P1D")


def _port_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    editor = TextEditor(placeholder=ctx.extras.get("port_placeholder", "else"))
    editor.edit.setValidator(port_validator(editor))
    return editor


# Rule, branch and template editors live in their own modules, which build on this one, so
# they are imported when first made.
def _rule_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.inspector.rule_builder import RuleEditor

    return RuleEditor(ctx, optional=ctx.extras.get("optional", False))


def _rule_branches_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.inspector.branches import RuleBranchesEditor

    return RuleBranchesEditor(ctx)


def _weight_branches_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.inspector.branches import WeightBranchesEditor

    return WeightBranchesEditor(ctx)


def _template_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.inspector.message_editor import TemplateEditor

    return TemplateEditor(ctx, multiline=name in ("body", "text"), field_name=name)


def _ab_test_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.inspector.ab_test_editor import AbTestEditor

    return AbTestEditor(ctx)


def _choice_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    choices = next((f.choices for kind in REGISTRY for f in kind.fields if f.name == name and f.choices), ())
    return ChoiceEditor(choices or ((default,) if isinstance(default, str) else ()))


def _blocks_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.email_designer.fields import BlocksEditor

    return BlocksEditor(ctx)


def _variants_editor(ctx: EditorContext, name: str, default: Any) -> ValueEditor:
    from widgets.email_designer.fields import VariantsEditor

    return VariantsEditor(ctx)


# One editor per value type: a new ValueType without one fails tests/test_kinds.py.
EDITORS: dict[ValueType, EditorFactory] = {
    ValueType.EVENT: lambda ctx, name, default: EventEditor(),
    ValueType.RULE: _rule_editor,
    ValueType.DURATION: _duration_editor,
    ValueType.SIGNED_DURATION: _signed_duration_editor,
    ValueType.DATE_FIELD: lambda ctx, name, default: DateFieldEditor(),
    ValueType.TIME_OF_DAY: lambda ctx, name, default: TimeOfDayEditor(),
    ValueType.WEEKDAYS: lambda ctx, name, default: WeekdaysEditor(),
    ValueType.TEMPLATE: _template_editor,
    ValueType.SEGMENT: lambda ctx, name, default: SegmentEditor(ctx.segment_names()),
    ValueType.PORT: _port_editor,
    ValueType.RULE_BRANCHES: _rule_branches_editor,
    ValueType.WEIGHT_BRANCHES: _weight_branches_editor,
    ValueType.DISCOUNT: lambda ctx, name, default: DiscountEditor(),
    ValueType.CHOICE: _choice_editor,
    ValueType.AB_TEST: _ab_test_editor,
    ValueType.BLOCKS: _blocks_editor,
    ValueType.VARIANTS: _variants_editor,
    ValueType.TEXT: lambda ctx, name, default: TextEditor(),
}
