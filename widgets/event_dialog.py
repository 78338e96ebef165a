"""Recording an event by hand: which event (from the catalogue, in words, or the shop's own
name), when (in the shop's time zone) and its properties.

The customer page uses it to write a real event to the customer's history; the simulator's
what-if uses it without a time, for "what if the customer did this now".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.events_catalogue import KNOWN_EVENTS, event_label, known_event

EVENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
PROPERTY_ROWS = 6


def parse_value(text: str) -> Any:
    """A typed value as JSON would hold it: numbers and true/false as such, anything else as text."""
    stripped = text.strip()
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    for kind in (int, float):
        try:
            return kind(stripped)
        except ValueError:
            continue
    return stripped


class EventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, title: str, now: datetime | None = None,
                 tz_name: str = "UTC", suggestions: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_dialog")
        self.setWindowTitle(title)
        self.tz = ZoneInfo(tz_name or "UTC")
        self.event = QComboBox(self)
        self.event.setObjectName("event_type")
        self.event.setEditable(True)
        self.event.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = list(dict.fromkeys([*(suggestions or []), *(e.name for e in KNOWN_EVENTS if e.name != "profile_edited")]))
        for name in names:
            self.event.addItem(event_label(name), name)
            self.event.setItemData(self.event.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.event.currentIndexChanged.connect(self._event_changed)
        self.when: QDateTimeEdit | None = None
        form = QFormLayout()
        form.addRow(self.tr("Event:"), self.event)
        if now is not None:
            local = now.astimezone(self.tz)
            self.when = QDateTimeEdit(self)
            self.when.setObjectName("event_when")
            self.when.setCalendarPopup(True)
            self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
            self.when.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))
            form.addRow(self.tr("When ({zone}):").format(zone=tz_name or "UTC"), self.when)
        self.properties = QTableWidget(PROPERTY_ROWS, 2, self)
        self.properties.setObjectName("event_properties")
        self.properties.setHorizontalHeaderLabels([self.tr("Property"), self.tr("Value")])
        self.properties.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.properties.verticalHeader().setVisible(False)
        self.error = QLabel(self)
        self.error.setObjectName("event_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Properties (optional):"), self))
        layout.addWidget(self.properties)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._event_changed()

    def set_event(self, name: str) -> None:
        index = self.event.findData(name)
        if index >= 0:
            self.event.setCurrentIndex(index)
        else:
            self.event.setEditText(name)

    def set_property(self, row: int, key: str, value: str) -> None:
        self.properties.setItem(row, 0, QTableWidgetItem(key))
        self.properties.setItem(row, 1, QTableWidgetItem(value))

    def _event_changed(self, *_: object) -> None:
        """The usual properties of the chosen event, ready to be filled in."""
        known = known_event(str(self.event.currentData() or ""))
        wanted = list(known.properties) if known is not None else []
        for row in range(PROPERTY_ROWS):
            key = self.properties.item(row, 0)
            value = self.properties.item(row, 1)
            if value is not None and value.text().strip():
                continue  # something typed stays
            self.properties.setItem(row, 0, QTableWidgetItem(wanted.pop(0) if wanted else ""))
            if key is None:
                self.properties.setItem(row, 1, QTableWidgetItem(""))

    def event_type(self) -> str:
        """The chosen event's name; a typed label of a known event counts as that event."""
        text = self.event.currentText().strip()
        index = self.event.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.event.itemData(index))
        return text.replace(" ", "_")

    def moment(self) -> datetime | None:
        if self.when is None:
            return None
        value = self.when.dateTime()
        date, time = value.date(), value.time()
        local = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=self.tz)
        return local.astimezone(UTC)

    def event_properties(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for row in range(PROPERTY_ROWS):
            key, value = self.properties.item(row, 0), self.properties.item(row, 1)
            if key is None or value is None or not key.text().strip() or not value.text().strip():
                continue
            out[key.text().strip()] = parse_value(value.text())
        return out

    def problem(self) -> str:
        """Why the dialog cannot be accepted as filled in ("" when it can)."""
        name = self.event_type()
        if not name:
            return self.tr("Choose or type an event.")
        if not EVENT_NAME.match(name):
            return self.tr("An event name is letters, digits and _ (like review_written), not “{name}”.").format(
                name=name)
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            self.accept()
