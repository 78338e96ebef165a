"""The value part of a rule row: which ops a field type allows and a widget per value shape.

A row's value widget depends on both the field's type and the op: `between` wants two of the
field's scalar widget, `in` a comma-separated list, `within_km` a point and a radius, `exists`
nothing at all. Keeping that table here lets the rule builder stay about structure (groups,
rows, paths of errors) while this module is about values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.gazetteer import Place, find_places
from engine.rules import OPS
from engine.timeutil import TimeFormatError, parse_date, parse_moment
from widgets.inspector.editors import NumberSpin, shrinkable

NO_VALUE_OPS = frozenset({"exists", "not_exists"})
OPS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "number": ("=", "!=", ">", ">=", "<", "<=", "between", "in", "not_in", "exists", "not_exists"),
    "string": ("=", "!=", "contains", "in", "not_in", "exists", "not_exists"),
    "enum": ("=", "!=", "in", "not_in", "exists", "not_exists"),
    "bool": ("=", "!=", "exists", "not_exists"),
    "date": ("=", "!=", ">", ">=", "<", "<=", "between", "exists", "not_exists"),
    "datetime": (">", ">=", "<", "<=", "between", "=", "!=", "exists", "not_exists"),
    "list": ("contains", "exists", "not_exists"),
    "location": ("within_km", "exists", "not_exists"),
    "any": tuple(op for op in OPS if op != "within_km"),
}


def ops_for(value_type: str) -> tuple[str, ...]:
    return OPS_BY_TYPE.get(value_type, OPS)


def shape_of(op: str) -> str:
    if op in NO_VALUE_OPS:
        return "none"
    if op in ("in", "not_in"):
        return "list"
    if op == "between":
        return "pair"
    if op == "within_km":
        return "geo"
    return "scalar"


def default_scalar(value_type: str, choices: tuple[str, ...] = ()) -> Any:
    today = date.today()
    if value_type == "number":
        return 0
    if value_type == "bool":
        return True
    if value_type == "enum":
        return choices[0] if choices else ""
    if value_type == "date":
        return today.isoformat()
    if value_type == "datetime":
        return datetime.now(UTC).replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ""


def default_value(value_type: str, op: str, choices: tuple[str, ...] = (), old: Any = None) -> Any:
    """A sensible value for a new op, carried over from the old value where the shape allows."""
    shape = shape_of(op)
    if shape == "none":
        return None
    if shape == "geo":
        return old if isinstance(old, dict) else {"lat": 52.52, "lon": 13.405, "km": 25, "place": "Berlin, DE"}
    if shape == "list":
        if isinstance(old, list):
            return old
        return [old] if old not in (None, "") and not isinstance(old, dict) else []
    if shape == "pair":
        if isinstance(old, list) and len(old) == 2:
            return old
        if value_type == "number":
            return [0, 10]
        if value_type in ("date", "datetime"):
            end = date.today()
            return [(end - timedelta(days=30)).isoformat(), end.isoformat()]
        return ["", ""]
    if isinstance(old, list) and old and not isinstance(old[0], list | dict):
        return old[0]
    if old is not None and not isinstance(old, list | dict):
        return old
    return default_scalar(value_type, choices)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def parse_loose(text: str) -> Any:
    """For fields of unknown type: numbers and true/false as such, quoted text as text."""
    text = text.strip()
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, bool | str) or (isinstance(value, int | float) and math.isfinite(value)):
        return value
    return text


def show_loose(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if parse_loose(value) != value else value
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


class ValueInput(QWidget):
    """One value of a rule row; `edited` fires for user edits only."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def _fire(self, *_: Any) -> None:
        if not self._quiet:
            self.edited.emit()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._quiet = True
        try:
            self._show(value)
        finally:
            self._quiet = False

    def _show(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ScalarInput(ValueInput):
    """A number spin, a checkbox, a choice combo, a date edit or a text box, by field type."""

    def __init__(self, value_type: str, choices: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value_type = value_type
        layout = self.layout()
        if value_type == "number":
            self.widget = w = NumberSpin()
            w.valueChanged.connect(self._fire)
        elif value_type == "bool":
            self.widget = w = QCheckBox(self.tr("yes"))
            w.toggled.connect(self._fire)
        elif value_type == "enum":
            self.widget = w = shrinkable(QComboBox(), 6)
            w.addItems(list(choices))
            w.currentIndexChanged.connect(self._fire)
        elif value_type == "date":
            self.widget = w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.dateChanged.connect(self._fire)
        elif value_type == "datetime":
            self.widget = w = QDateTimeEdit()
            w.setCalendarPopup(True)
            w.setTimeZone(QTimeZone.utc())
            w.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
            w.dateTimeChanged.connect(self._fire)
        else:
            self.widget = w = QLineEdit()
            w.setPlaceholderText(self.tr("value") if value_type != "any" else self.tr('value (text, number, true/false)'))
            w.textEdited.connect(self._fire)
        layout.addWidget(w, 1)

    def value(self) -> Any:
        w, t = self.widget, self.value_type
        if t == "number":
            return _number(round(w.value(), 2))
        if t == "bool":
            return w.isChecked()
        if t == "enum":
            return w.currentText()
        if t == "date":
            return w.date().toString("yyyy-MM-dd")
        if t == "datetime":
            return w.dateTime().toUTC().toString("yyyy-MM-ddTHH:mm:ss") + "Z"
        if t == "any":
            return parse_loose(w.text())
        return w.text()

    def _show(self, value: Any) -> None:
        w, t = self.widget, self.value_type
        if t == "number":
            w.setValue(float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0)
        elif t == "bool":
            w.setChecked(value is True)
        elif t == "enum":
            text = str(value) if value is not None else ""
            if w.findText(text) < 0:
                w.addItem(text)
            w.setCurrentText(text)
        elif t == "date":
            try:
                d = parse_date(value)
                w.setDate(QDate(d.year, d.month, d.day))
            except (TimeFormatError, TypeError, ValueError):
                w.setDate(QDate.currentDate())
        elif t == "datetime":
            try:
                m = parse_moment(value)
                w.setDateTime(QDateTime(QDate(m.year, m.month, m.day), QTime(m.hour, m.minute),
                                        QTimeZone.utc()))
            except (TimeFormatError, TypeError, ValueError):
                w.setDateTime(QDateTime.currentDateTimeUtc())
        else:
            text = show_loose(value) if t == "any" else ("" if value is None else str(value))
            if w.text() != text:
                w.setText(text)


class ListInput(ValueInput):
    """`in` / `not_in`: comma-separated values, typed as the field's scalars."""

    def __init__(self, value_type: str, choices: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value_type = value_type
        self.edit = QLineEdit()
        hint = ", ".join(choices) if choices else self.tr("a, b, c")
        self.edit.setPlaceholderText(hint)
        self.edit.setToolTip(self.tr("Separate values with commas"))
        self.edit.textEdited.connect(self._fire)
        self.layout().addWidget(self.edit, 1)

    def _item(self, text: str) -> Any:
        if self.value_type == "number":
            try:
                return _number(float(text.replace(",", ".")))
            except ValueError:
                return text
        if self.value_type == "any":
            return parse_loose(text)
        return text

    def value(self) -> list[Any]:
        return [self._item(p.strip()) for p in self.edit.text().split(",") if p.strip()]

    def _show(self, value: Any) -> None:
        items = value if isinstance(value, list) else []
        shown = [show_loose(v) if self.value_type == "any" else str(v) for v in items]
        text = ", ".join(shown)
        if self.edit.text() != text:
            self.edit.setText(text)


class PairInput(ValueInput):
    """`between`: a low and a high bound, both included."""

    def __init__(self, value_type: str, choices: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = ScalarInput(value_type, choices), ScalarInput(value_type, choices)
        self.low.setObjectName("between_low")
        self.high.setObjectName("between_high")
        layout = self.layout()
        layout.addWidget(self.low, 1)
        layout.addWidget(QLabel(self.tr("and")))
        layout.addWidget(self.high, 1)
        self.low.edited.connect(self._fire)
        self.high.edited.connect(self._fire)

    def value(self) -> list[Any]:
        return [self.low.value(), self.high.value()]

    def _show(self, value: Any) -> None:
        pair = value if isinstance(value, list) and len(value) == 2 else [None, None]
        self.low.set_value(pair[0])
        self.high.set_value(pair[1])


PlaceLookup = Callable[[str], list[Place]]


def _cities(text: str) -> list[Place]:
    return find_places(text, limit=12)


_place_lookup: list[PlaceLookup] = [_cities]


def set_place_lookup(lookup: PlaceLookup | None) -> None:
    """How "City or postcode" finds places: the app adds the shop's postcodes to the cities."""
    _place_lookup[0] = lookup or _cities


class GeoInput(ValueInput):
    """`within_km`: a place picked by city or postcode, and a radius; the coordinates the rule
    keeps are shown only on request (a shop owner thinks in towns, not in degrees)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = self.layout()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.place = QLineEdit()
        self.place.setObjectName("geo_place")
        self.place.setPlaceholderText(self.tr("City or postcode"))
        self._found: dict[str, Place] = {}
        self._label = ""
        self.suggestions = QStringListModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.choose)
        self.place.setCompleter(completer)
        self.place.textEdited.connect(self._suggest)
        self.place.editingFinished.connect(lambda: self.choose(self.place.text()))
        row.addWidget(self.place, 3)
        self.spins: dict[str, QDoubleSpinBox] = {}
        coordinates = QHBoxLayout()
        for key, label, lo, hi, decimals in (("lat", self.tr("lat"), -90, 90, 4),
                                             ("lon", self.tr("lon"), -180, 180, 4),
                                             ("km", self.tr("km"), 0, 20000, 1)):
            spin = QDoubleSpinBox()
            spin.setRange(lo, hi)
            spin.setDecimals(decimals)
            spin.setObjectName(f"geo_{key}")
            spin.valueChanged.connect(self._coordinates_edited if key != "km" else self._fire)
            self.spins[key] = spin
            if key == "km":
                row.addWidget(spin, 1)
                row.addWidget(QLabel(label))
            else:
                coordinates.addWidget(QLabel(label))
                coordinates.addWidget(spin, 1)
        self.more = QToolButton()
        self.more.setObjectName("geo_coordinates")
        self.more.setText(self.tr("Coordinates"))
        self.more.setCheckable(True)
        row.addWidget(self.more)
        self.coordinates = QWidget()
        self.coordinates.setLayout(coordinates)
        coordinates.setContentsMargins(0, 0, 0, 0)
        self.coordinates.setVisible(False)
        self.more.toggled.connect(self.coordinates.setVisible)
        self.status = QLabel()
        self.status.setObjectName("geo_status")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        column.addLayout(row)
        column.addWidget(self.coordinates)
        column.addWidget(self.status)
        outer.addWidget(box, 1)

    def _suggest(self, text: str) -> None:
        found = _place_lookup[0](text)
        self._found = {place.label: place for place in found}
        self.suggestions.setStringList(list(self._found))

    def choose(self, text: str) -> bool:
        """Takes the place named (a suggestion's label, or the first place the text finds)."""
        text = text.strip()
        if not text or text == self._label:
            return bool(text)
        place = self._found.get(text)
        if place is None:
            found = _place_lookup[0](text)
            place = found[0] if found else None
        if place is None:
            self.status.setText(self.tr("No city or postcode “{text}” is known; give the coordinates instead.")
                                .format(text=text))
            self.more.setChecked(True)
            return False
        self._quiet = True
        try:
            self.spins["lat"].setValue(place.lat)
            self.spins["lon"].setValue(place.lon)
        finally:
            self._quiet = False
        self._label = place.label
        self.place.setText(place.label)
        self._show_where(place.lat, place.lon)
        self._fire()
        return True

    def _coordinates_edited(self, *_: Any) -> None:
        if self._quiet:
            return
        self._label = ""  # typed coordinates: the place no longer names them
        self.place.clear()
        self._show_where(self.spins["lat"].value(), self.spins["lon"].value())
        self._fire()

    def _show_where(self, lat: float, lon: float) -> None:
        self.status.setText(self.tr("Centre: {lat:.4f}, {lon:.4f}").format(lat=lat, lon=lon))

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: _number(round(s.value(), s.decimals())) for k, s in self.spins.items()}
        if self._label:
            out["place"] = self._label
        return out

    def _show(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        for key, spin in self.spins.items():
            v = data.get(key)
            spin.setValue(float(v) if isinstance(v, int | float) and not isinstance(v, bool) else 0.0)
        place = data.get("place")
        self._label = place if isinstance(place, str) else ""
        self.place.setText(self._label)
        if "lat" in data and "lon" in data:
            self._show_where(self.spins["lat"].value(), self.spins["lon"].value())


def make_value_input(value_type: str, op: str, choices: tuple[str, ...] = ()) -> ValueInput | None:
    shape = shape_of(op)
    if shape == "none":
        return None
    if shape == "geo":
        return GeoInput()
    if shape == "list":
        return ListInput(value_type, choices)
    if shape == "pair":
        return PairInput(value_type, choices)
    return ScalarInput(value_type, choices)
