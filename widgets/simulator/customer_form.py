"""A test customer made by hand: profile, order history and a script of what they will do.

Times in the order and event tables may be relative to the simulation's start ("-40d" for an
order forty days before, "+30h" for "orders 30 hours after the cart") or absolute ISO times.
Relative is the default because a test customer is about a story ("abandons a cart, orders a
day later"), not a date, and the story must still hold when the start moves.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.profile import ProfileError, parse_profile
from engine.timeutil import TimeFormatError, add_duration, format_moment, parse_duration, parse_moment, zone
from widgets.flow_layout import FlowLayout
from widgets.translate import QT_TRANSLATE_NOOP

CHANGE_DELAY_MS = 250
TEXT_FIELDS = (("id", QT_TRANSLATE_NOOP("CustomerForm", "Customer id")), ("first_name", QT_TRANSLATE_NOOP("CustomerForm", "First name")), ("last_name", QT_TRANSLATE_NOOP("CustomerForm", "Last name")),
               ("email", QT_TRANSLATE_NOOP("CustomerForm", "Email")), ("phone", QT_TRANSLATE_NOOP("CustomerForm", "Phone")), ("birthdate", QT_TRANSLATE_NOOP("CustomerForm", "Birthdate")), ("city", QT_TRANSLATE_NOOP("CustomerForm", "City")),
               ("country", QT_TRANSLATE_NOOP("CustomerForm", "Country")), ("tags", QT_TRANSLATE_NOOP("CustomerForm", "Tags")))
COMMON_ZONES = ("Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/Paris", "Europe/London",
                "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome", "America/New_York", "UTC")
LOCALES = ("de", "en", "fr", "nl", "es", "it", "pl", "da", "sv")
COMMON_EVENTS = ("cart_abandoned", "order_placed", "email_opened", "email_clicked", "product_viewed",
                 "signed_up")
_UNITS = {"w": "W", "d": "D", "h": "H", "m": "M", "min": "M", "s": "S"}
_PART = re.compile(r"(\d+)\s*(min|w|d|h|m|s)", re.IGNORECASE)
_OFFSET = re.compile(r"(\s*\d+\s*(min|w|d|h|m|s)\s*)+", re.IGNORECASE)


def parse_when(text: str, start: datetime, tz: tzinfo | str | None = None) -> datetime:
    """`+30h`, `-40d`, `1d 6h`, `now`/`0`, an ISO duration (`PT30H`, `-P40D`) or an ISO time.

    Days and weeks are calendar days in the customer's zone, as in the journey file (§1).
    """
    value = text.strip()
    if value.lower() in ("", "0", "now", "start", "+0", "-0"):
        return start
    sign = 1
    body = value
    if body[0] in "+-":
        sign, body = (-1 if body[0] == "-" else 1), body[1:].strip()
    if body.upper().startswith("P"):
        duration = body.upper()
    elif _OFFSET.fullmatch(body):
        date_part, time_part = "", ""
        for amount, unit in _PART.findall(body):
            letter = _UNITS[unit.lower()]
            if letter in "WD":
                date_part += f"{amount}{letter}"
            else:
                time_part += f"{amount}{letter}"
        duration = "P" + date_part + (f"T{time_part}" if time_part else "")
    else:
        return parse_moment(value)
    try:
        parsed = parse_duration(duration)
    except TimeFormatError:
        raise TimeFormatError(f"'{text}' is neither an offset like '+30h' / '-40d' nor an ISO time") from None
    return add_duration(start, parsed, tz, sign=sign)


def format_offset(moment: datetime, start: datetime, tz: tzinfo | str | None = None) -> str:
    """The readable offset from the start (`+1d 6h`, `-40d`) that `parse_when` turns back into
    exactly `moment` (days counted in the customer's calendar); the ISO time otherwise."""
    if moment == start:
        return "+0"
    if (moment - start).total_seconds() % 60:
        return format_moment(moment)
    sign = 1 if moment > start else -1
    zone_info = zone(tz) if isinstance(tz, str) or tz is None else tz
    days = abs((moment.astimezone(zone_info).date() - start.astimezone(zone_info).date()).days)
    rest = abs(moment - start)
    while days > 0:
        base = add_duration(start, f"P{days}D", zone_info, sign=sign)
        if (moment - base) * sign >= timedelta(0):
            rest = (moment - base) * sign
            break
        days -= 1
    hours, seconds = divmod(int(rest.total_seconds()), 3600)
    parts = [f"{n}{u}" for n, u in ((days, "d"), (hours, "h"), (seconds // 60, "m")) if n]
    text = ("-" if sign < 0 else "+") + " ".join(parts)
    try:
        if parse_when(text, start, zone_info) == moment:
            return text
    except TimeFormatError:
        pass
    return format_moment(moment)


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


def _json_value(text: str) -> Any:
    """A property typed as `42`, `true` or `[1, 2]` is that value; anything else is text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


class CustomerForm(QWidget):
    """Edits one test customer; `profile_data(start)` gives the §7 dict, `changed` fires (debounced)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_form")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHANGE_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self._filling = False
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        placeholders = {"birthdate": "YYYY-MM-DD", "tags": self.tr("comma separated"),
                        "phone": "+4915112345678"}
        for key, label in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"customer_{key}")
            edit.setPlaceholderText(placeholders.get(key, ""))
            edit.textChanged.connect(self._edited)
            self.fields[key] = edit
            form.addRow(self.tr(label), edit)
        self.timezone = QComboBox()
        self.timezone.setObjectName("customer_timezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(COMMON_ZONES)
        completer = QCompleter(sorted(available_timezones()), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.timezone.currentTextChanged.connect(self._edited)
        form.addRow(self.tr("Time zone"), self.timezone)
        self.locale = QComboBox()
        self.locale.setObjectName("customer_locale")
        self.locale.setEditable(True)
        self.locale.addItems(LOCALES)
        self.locale.currentTextChanged.connect(self._edited)
        form.addRow(self.tr("Language"), self.locale)
        consents = FlowLayout()
        self.consent: dict[str, QCheckBox] = {}
        for channel, label in (("email", QT_TRANSLATE_NOOP("CustomerForm", "Email")), ("sms", QT_TRANSLATE_NOOP("CustomerForm", "SMS")), ("push", QT_TRANSLATE_NOOP("CustomerForm", "Push"))):
            box = QCheckBox(self.tr(label))
            box.setObjectName(f"consent_{channel}")
            box.setChecked(True)
            box.toggled.connect(self._edited)
            self.consent[channel] = box
            consents.addWidget(box)
        consents.addStretch(1)
        form.addRow(self.tr("Agreed to"), consents)

        self.properties = self._table("properties_table", [self.tr("Property"), self.tr("Value")])
        self.orders = self._table("orders_table", [self.tr("When"), self.tr("Total"), self.tr("Currency")])
        self.orders.setToolTip(self.tr("Order history. When: '-40d' is 40 days before the start; an ISO time works too"))
        self.events = self._table("events_table", [self.tr("When"), self.tr("Event"), self.tr("Properties (JSON)")])
        self.events.setColumnWidth(1, 160)
        self.events.setToolTip(self.tr("What the customer will do: '+0' at the start, '+30h' thirty hours later. "
                                       "An order_placed event is an order."))
        self.event_menu = QMenu(self)
        self._event_actions: list[QAction] = []
        self.set_event_suggestions([])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self._group(self.tr("Custom properties"), self.properties, self.tr("Add property"),
                                     lambda: self.add_row(self.properties, ["", ""])))
        layout.addWidget(self._group(self.tr("Order history"), self.orders, self.tr("Add order"),
                                     lambda: self.add_row(self.orders, ["-30d", "59.90", "EUR"])))
        layout.addWidget(self._group(self.tr("Scripted events (from the start)"), self.events, self.tr("Add event"),
                                     None, self.event_menu))
        self.fill_default()

    # -- building --------------------------------------------------------------------------
    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(84)
        table.setMaximumHeight(140)
        table.itemChanged.connect(self._edited)
        table.model().rowsRemoved.connect(self._edited)
        return table

    def _group(self, title: str, table: QTableWidget, add_text: str, add, menu: QMenu | None = None) -> QGroupBox:
        box = QGroupBox(title)
        add_button = QToolButton()
        add_button.setText(add_text + (" ▾" if menu is not None else ""))
        if menu is not None:
            add_button.setMenu(menu)
            add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            add_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        else:
            add_button.clicked.connect(add)
        remove = QToolButton()
        remove.setText(self.tr("Remove"))
        remove.clicked.connect(lambda: self.remove_selected(table))
        buttons = FlowLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addLayout(buttons)
        return box

    def set_event_suggestions(self, names: list[str]) -> None:
        """The journey's own events first (its trigger, waits and goals), then common ones."""
        self.event_menu.clear()
        self._event_actions = []
        ordered = list(dict.fromkeys([*names, *COMMON_EVENTS]))
        for name in ordered:
            action = self.event_menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.add_event("+0", n))
            self._event_actions.append(action)

    def add_row(self, table: QTableWidget, values: list[str]) -> None:
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(value))
        table.blockSignals(False)
        self._edited()

    def add_event(self, when: str, event_type: str, properties: dict[str, Any] | None = None) -> None:
        self.add_row(self.events, [when, event_type, json.dumps(properties, ensure_ascii=False) if properties else ""])

    def remove_selected(self, table: QTableWidget) -> None:
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        if rows:
            self._edited()

    def _edited(self, *_: Any) -> None:
        if not self._filling:
            self._timer.start()

    def flush(self) -> None:
        """Emits a pending change now (tests, and before a run that must see the latest form)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    # -- filling ---------------------------------------------------------------------------
    def fill_default(self, trigger_event: str | None = "cart_abandoned") -> None:
        """A plausible test customer: named, reachable on every channel, one past order."""
        self.set_profile_data({
            "customer": {"id": "test-customer", "first_name": "Anna", "last_name": "Test",
                         "email": "anna.test@example.org", "phone": "+4915112345678", "city": "Berlin",
                         "country": "DE", "timezone": "Europe/Berlin", "locale": "de",
                         "consent": {"email": True, "sms": True, "push": True}},
            "orders": [], "events": [],
        }, None)
        self._filling = True
        self.add_row(self.orders, ["-40d", "89.90", "EUR"])
        if trigger_event:
            props = {"cart_value": 74.5} if trigger_event == "cart_abandoned" else None
            self.add_event("+0", trigger_event, props)
        self._filling = False

    def set_profile_data(self, data: dict[str, Any], start: datetime | None) -> None:
        """Fills the form from a §7 dict; times become offsets from `start` when given."""
        self._filling = True
        try:
            customer = dict(data.get("customer") or {})
            tz = customer.get("timezone") if isinstance(customer.get("timezone"), str) else None
            for key, edit in self.fields.items():
                value = customer.get(key)
                if key == "tags" and isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                edit.setText("" if value is None else str(value))
            self.timezone.setCurrentText(str(customer.get("timezone") or ""))
            self.locale.setCurrentText(str(customer.get("locale") or ""))
            consent = customer.get("consent") or {}
            for channel, box in self.consent.items():
                box.setChecked(bool(isinstance(consent, dict) and consent.get(channel) is True))
            for table in (self.properties, self.orders, self.events):
                table.setRowCount(0)
            for key, value in (customer.get("properties") or {}).items():
                self.add_row(self.properties, [str(key), value if isinstance(value, str) else json.dumps(value)])
            for order in data.get("orders") or []:
                self.add_row(self.orders, [self._when_text(order.get("placed_at"), start, tz),
                                           str(order.get("total", "")), str(order.get("currency", ""))])
            for event in data.get("events") or []:
                props = event.get("properties") or {}
                self.add_row(self.events, [self._when_text(event.get("at"), start, tz), str(event.get("type", "")),
                                           json.dumps(props, ensure_ascii=False) if props else ""])
        finally:
            self._filling = False
        self._edited()

    def raw_state(self) -> dict[str, Any]:
        """Everything typed, as typed (valid or not): what a rebuilt window puts back."""
        def cells(table: QTableWidget) -> list[list[str]]:
            return [[_cell(table, r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]

        return {"fields": {key: edit.text() for key, edit in self.fields.items()},
                "timezone": self.timezone.currentText(), "locale": self.locale.currentText(),
                "consent": {channel: box.isChecked() for channel, box in self.consent.items()},
                "properties": cells(self.properties), "orders": cells(self.orders), "events": cells(self.events)}

    def set_raw_state(self, state: dict[str, Any]) -> None:
        self._filling = True
        try:
            for key, edit in self.fields.items():
                edit.setText(str(state.get("fields", {}).get(key, "")))
            self.timezone.setCurrentText(str(state.get("timezone", "")))
            self.locale.setCurrentText(str(state.get("locale", "")))
            for channel, box in self.consent.items():
                box.setChecked(bool(state.get("consent", {}).get(channel, True)))
            for name in ("properties", "orders", "events"):
                table = getattr(self, name)
                table.setRowCount(0)
                for row in state.get(name, []):
                    self.add_row(table, [str(v) for v in row])
        finally:
            self._filling = False
        self._edited()

    @staticmethod
    def _when_text(value: Any, start: datetime | None, tz: str | None) -> str:
        try:
            moment = parse_moment(value)
        except TimeFormatError:
            return str(value or "")
        return format_offset(moment, start, tz) if start is not None else format_moment(moment)

    # -- reading ---------------------------------------------------------------------------
    def timezone_name(self) -> str:
        return self.timezone.currentText().strip()

    def profile_data(self, start: datetime) -> dict[str, Any]:
        """The §7 profile with absolute times; a ProfileError names the field or row at fault."""
        customer: dict[str, Any] = {}
        for key, edit in self.fields.items():
            text = edit.text().strip()
            if not text:
                continue
            customer[key] = [t.strip() for t in text.split(",") if t.strip()] if key == "tags" else text
        customer.setdefault("id", "test-customer")
        for key, combo in (("timezone", self.timezone), ("locale", self.locale)):
            if combo.currentText().strip():
                customer[key] = combo.currentText().strip()
        customer["consent"] = {channel: box.isChecked() for channel, box in self.consent.items()}
        tz = customer.get("timezone")
        props = {}
        for row in range(self.properties.rowCount()):
            key = _cell(self.properties, row, 0)
            if key:
                props[key] = _json_value(_cell(self.properties, row, 1))
        if props:
            customer["properties"] = props
        orders = []
        for row in range(self.orders.rowCount()):
            when = self._when(_cell(self.orders, row, 0), start, tz, self.tr("Order {n}").format(n=row + 1))
            total_text = _cell(self.orders, row, 1).replace(",", ".") or "0"
            try:
                total = float(total_text)
            except ValueError:
                raise ProfileError(self.tr("Order {n}: the total '{total}' is not a number").format(
                    n=row + 1, total=total_text)) from None
            orders.append({"id": f"test-order-{row + 1}", "placed_at": format_moment(when), "total": total,
                           "currency": _cell(self.orders, row, 2) or "EUR"})
        events = []
        for row in range(self.events.rowCount()):
            where = self.tr("Event {n}").format(n=row + 1)
            when = self._when(_cell(self.events, row, 0), start, tz, where)
            event_type = _cell(self.events, row, 1)
            if not event_type:
                raise ProfileError(self.tr("{where}: which event? (e.g. cart_abandoned)").format(where=where))
            raw = _cell(self.events, row, 2)
            properties = _json_value(raw) if raw else {}
            if not isinstance(properties, dict):
                raise ProfileError(self.tr('{where}: properties must be a JSON object like {{"total": 59.9}}')
                                   .format(where=where))
            events.append({"type": event_type, "at": format_moment(when), "properties": properties})
        data = {"customer": customer, "orders": orders, "events": events}
        parse_profile(data)  # the engine's own checks (birthdate, time zone…) with its messages
        return data

    def _when(self, text: str, start: datetime, tz: str | None, where: str) -> datetime:
        try:
            return parse_when(text, start, tz)
        except TimeFormatError as exc:
            raise ProfileError(f"{where}: {exc}") from None
