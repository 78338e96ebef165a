"""The shop's customers: a searchable, sortable list and everything about the one selected.

The detail pane shows the profile, consents, orders, events, the segments the customer is in,
the journeys they are in and where, and the messages they got. A profile field or a consent
can be corrected by hand: each correction is one undo command on the view's own stack, and the
app logs it as a `profile_edited` event (who changed what is part of a shop's consent record).
The edit is written before the command is pushed, so a value the database refuses never
lands on the stack.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.timeutil import TimeFormatError, parse_moment
from widgets.customers_model import CustomerListSource, CustomersModel
from widgets.event_dialog import EventDialog
from widgets.events_catalogue import event_label
from widgets.simulator.texts import local_time
from widgets.translate import QT_TRANSLATE_NOOP

PROFILE_FIELDS: tuple[tuple[str, str], ...] = (
    ("first_name", QT_TRANSLATE_NOOP("CustomersView", "First name")), ("last_name", QT_TRANSLATE_NOOP("CustomersView", "Last name")), ("email", QT_TRANSLATE_NOOP("CustomersView", "Email")), ("phone", QT_TRANSLATE_NOOP("CustomersView", "Phone")),
    ("gender", QT_TRANSLATE_NOOP("CustomersView", "Gender")), ("birthdate", QT_TRANSLATE_NOOP("CustomersView", "Birthdate")), ("city", QT_TRANSLATE_NOOP("CustomersView", "City")), ("region", QT_TRANSLATE_NOOP("CustomersView", "Region")),
    ("country", QT_TRANSLATE_NOOP("CustomersView", "Country")), ("postal_code", QT_TRANSLATE_NOOP("CustomersView", "Postal code")), ("timezone", QT_TRANSLATE_NOOP("CustomersView", "Time zone")), ("locale", QT_TRANSLATE_NOOP("CustomersView", "Language")),
)
CONSENTS: tuple[tuple[str, str], ...] = (("email", QT_TRANSLATE_NOOP("CustomersView", "Email")), ("sms", QT_TRANSLATE_NOOP("CustomersView", "SMS")), ("push", QT_TRANSLATE_NOOP("CustomersView", "Push")))


class CustomerSource(CustomerListSource, Protocol):
    def detail(self, customer_id: str) -> dict[str, Any]:
        """{"customer", "orders", "events", "segments", "enrollments", "messages"} of one customer."""

    def update(self, customer_id: str, changes: dict[str, Any]) -> None:
        """Writes and logs an edit ({"city": "Kiel"}, {"consent.email": False}); ValueError if refused."""

    def record_event(self, customer_id: str, event_type: str, at: datetime, properties: dict[str, Any]) -> None:
        """Adds an event to the customer's history as if the shop had reported it; ValueError if refused."""

    def time_zone(self) -> str:
        """The shop's time zone, in which a hand-recorded event's time is typed."""

    def now(self) -> datetime: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomersView", text)


class EditCustomer(QUndoCommand):
    """One correction of one customer; redo and undo write through the view's source."""

    def __init__(self, view: CustomersView, customer_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        names = ", ".join(old)
        super().__init__(QCoreApplication.translate("CustomersView", "Edit {fields} of {customer}").format(fields=names, customer=customer_id))
        self.view, self.customer_id, self.old, self.new = view, customer_id, dict(old), dict(new)
        self.written = True  # the view wrote it before pushing

    def redo(self) -> None:
        if self.written:
            self.written = False
            return
        self.view.write(self.customer_id, self.new)

    def undo(self) -> None:
        self.view.write(self.customer_id, self.old)


class CustomersView(QWidget):
    """The customer list with its detail pane; `source` is the app's bridge to the database."""

    customer_selected = Signal(str)

    def __init__(self, source: CustomerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customers_view")
        self.source = source
        self.undo_stack = QUndoStack(self)
        self.current: dict[str, Any] | None = None
        self._loading = False

        self.model = CustomersModel(source, self)
        self.search = QLineEdit()
        self.search.setObjectName("customer_search")
        self.search.setPlaceholderText(self.tr("Search by name, email or city"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.count_label = QLabel()
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.undo_stack.createUndoAction(self, self.tr("Undo")))
        self.undo_button.defaultAction().setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_button = QToolButton()
        self.redo_button.setDefaultAction(self.undo_stack.createRedoAction(self, self.tr("Redo")))
        self.redo_button.defaultAction().setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_button.defaultAction(), self.redo_button.defaultAction()])

        self.table = QTableView()
        self.table.setObjectName("customers_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((88, 165, 215, 100, 58, 82)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.model.modelReset.connect(self._update_count)
        self._update_count()
        self._show(None)

    # -- the detail pane ---------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("customer_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setEnabled(False)
        self.tabs = QTabWidget()
        self.record_button = QPushButton(self.tr("Record an event…"))
        self.record_button.setObjectName("customer_record_event")
        self.record_button.setToolTip(self.tr("Add something the customer did (an order, a review…) to their "
                                              "history; journeys react to it as to any event from the shop"))
        self.record_button.clicked.connect(self.ask_event)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.record_button)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)

        profile = QWidget()
        form = QFormLayout(profile)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in PROFILE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{key}")
            edit.editingFinished.connect(lambda k=key: self._field_edited(k))
            form.addRow(self.tr(label), edit)
            self.fields[key] = edit
        self.properties_label = QLabel()
        self.properties_label.setWordWrap(True)
        self.properties_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Properties"), self.properties_label)
        consent_row = QHBoxLayout()
        self.consents: dict[str, QCheckBox] = {}
        for key, label in CONSENTS:
            box = QCheckBox(self.tr(label))
            box.setObjectName(f"consent_{key}")
            box.toggled.connect(lambda on, k=key: self._consent_toggled(k, on))
            consent_row.addWidget(box)
            self.consents[key] = box
        consent_row.addStretch(1)
        form.addRow(self.tr("Consents to"), consent_row)
        self.tabs.addTab(profile, self.tr("Profile"))

        self.orders_table = self._table((QT_TRANSLATE_NOOP("CustomersView", "Placed at"), QT_TRANSLATE_NOOP("CustomersView", "Order"), QT_TRANSLATE_NOOP("CustomersView", "Total"), QT_TRANSLATE_NOOP("CustomersView", "Currency")))
        self.events_table = self._table((QT_TRANSLATE_NOOP("CustomersView", "At"), QT_TRANSLATE_NOOP("CustomersView", "Event"), QT_TRANSLATE_NOOP("CustomersView", "Details")))
        self.segments_list = QListWidget()
        self.journeys_table = self._table((QT_TRANSLATE_NOOP("CustomersView", "Journey"), QT_TRANSLATE_NOOP("CustomersView", "Status"), QT_TRANSLATE_NOOP("CustomersView", "Entered"), QT_TRANSLATE_NOOP("CustomersView", "Ended"), QT_TRANSLATE_NOOP("CustomersView", "Why")))
        self.messages_table = self._table((QT_TRANSLATE_NOOP("CustomersView", "When"), QT_TRANSLATE_NOOP("CustomersView", "Journey"), QT_TRANSLATE_NOOP("CustomersView", "Channel"), QT_TRANSLATE_NOOP("CustomersView", "Status"), QT_TRANSLATE_NOOP("CustomersView", "Subject / reason")))
        for widget, label in ((self.orders_table, QT_TRANSLATE_NOOP("CustomersView", "Orders")), (self.events_table, QT_TRANSLATE_NOOP("CustomersView", "Events")),
                              (self.segments_list, QT_TRANSLATE_NOOP("CustomersView", "Segments")), (self.journeys_table, QT_TRANSLATE_NOOP("CustomersView", "Journeys")),
                              (self.messages_table, QT_TRANSLATE_NOOP("CustomersView", "Messages"))):
            self.tabs.addTab(widget, self.tr(label))
        return pane

    def _table(self, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        table.resizeColumnsToContents()

    def _show(self, detail: dict[str, Any] | None) -> None:
        self.current = detail
        self._loading = True
        try:
            self.detail.setEnabled(detail is not None)
            customer = (detail or {}).get("customer", {})
            name = " ".join(p for p in (customer.get("first_name"), customer.get("last_name")) if p)
            self.title.setText(name or customer.get("email") or customer.get("id") or self.tr("No customer selected"))
            self.subtitle.setText(self.tr("Customer {id}, signed up {when}").format(
                id=customer.get("id", ""), when=(customer.get("signup_at") or "—")[:10]) if detail else "")
            for key, edit in self.fields.items():
                edit.setText("" if customer.get(key) is None else str(customer.get(key)))
            consent = customer.get("consent") or {}
            for key, box in self.consents.items():
                box.setChecked(bool(consent.get(key)))
            props = customer.get("properties") or {}
            self.properties_label.setText(", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                                                    for k, v in props.items()) or "—")
            d = detail or {}
            tz = self._zone(customer)
            orders = list(reversed(d.get("orders", [])))
            self._fill(self.orders_table, [(self._when(o.get("placed_at"), tz), o.get("id"), f"{o.get('total', 0):.2f}",
                                            o.get("currency")) for o in orders])
            events = list(reversed(d.get("events", [])))
            self._fill(self.events_table, [(self._when(e.get("at"), tz), event_label(e.get("type")),
                                            json.dumps(e.get("properties") or {}, ensure_ascii=False)[:200])
                                           for e in events])
            for row, e in enumerate(events):
                self.events_table.item(row, 1).setToolTip(str(e.get("type") or ""))
            self.segments_list.clear()
            self.segments_list.addItems(d.get("segments", []))
            self._fill(self.journeys_table, [(e.get("journey") or "—", e.get("status"), e.get("entered_at"),
                                              e.get("ended_at"), e.get("end_reason"))
                                             for e in d.get("enrollments", [])])
            self._fill(self.messages_table, [(self._when(m.get("sent_at") or m.get("scheduled_at") or m.get("created_at"), tz),
                                              m.get("journey") or "—", m.get("channel"), m.get("status"),
                                              (m.get("payload") or {}).get("subject") or m.get("reason") or "")
                                             for m in d.get("messages", [])])
            for table, count_tab in ((self.orders_table, 1), (self.events_table, 2), (self.journeys_table, 4),
                                     (self.messages_table, 5)):
                base = self.tabs.tabText(count_tab).split(" (")[0]
                self.tabs.setTabText(count_tab, f"{base} ({table.rowCount()})" if detail else base)
            base = self.tabs.tabText(3).split(" (")[0]
            self.tabs.setTabText(3, f"{base} ({self.segments_list.count()})" if detail else base)
        finally:
            self._loading = False

    def _zone(self, customer: dict[str, Any]) -> tzinfo:
        """The customer's own time zone, else the shop's: times read as the customer lived them."""
        for name in (customer.get("timezone"), self._shop_zone()):
            if not name:
                continue
            try:
                return ZoneInfo(str(name))
            except (ZoneInfoNotFoundError, ValueError):
                continue
        return UTC

    def _shop_zone(self) -> str:
        zone = getattr(self.source, "time_zone", None)
        try:
            return str(zone()) if callable(zone) else ""
        except Exception:  # noqa: BLE001 - a source without a shop: the customer's or UTC
            return ""

    @staticmethod
    def _when(value: Any, tz: tzinfo) -> str:
        """A stored moment (ISO text, UTC) in the customer's zone and the UI's language."""
        if not isinstance(value, str) or not value:
            return "" if value is None else str(value)
        try:
            moment = parse_moment(value)
        except TimeFormatError:
            return value
        return local_time(moment, tz, year=True)

    # -- selecting ---------------------------------------------------------------------------
    def _run_search(self) -> None:
        self.model.set_search(self.search.text())

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("1 customer") if n == 1 else self.tr("{n} customers").format(n=f"{n:,}"))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        cid = self.model.customer_id(rows[0].row()) if rows else None
        self.select_customer(cid)

    def select_customer(self, customer_id: str | None) -> None:
        """Shows a customer in the detail pane (and selects their row when it is listed)."""
        if customer_id is None:
            self._show(None)
            return
        row = self.model.row_of(customer_id)
        if row >= 0:
            current = self.table.selectionModel().selectedRows()
            if not current or current[0].row() != row:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return  # the selection change comes back here
        self._show(self.source.detail(customer_id))
        self.customer_selected.emit(customer_id)

    def reload(self) -> None:
        """After an import: the list again, and the shown customer with their new data."""
        cid = (self.current or {}).get("customer", {}).get("id")
        self.model.reload()
        if cid is not None:
            self.select_customer(cid)

    # -- recording an event -------------------------------------------------------------------
    def ask_event(self) -> EventDialog | None:
        """Opens the event dialog for the shown customer; the event is written when it is accepted."""
        if self.current is None:
            return None
        customer_id = str(self.current["customer"]["id"])
        dialog = EventDialog(self, title=self.tr("Record an event for {name}").format(name=self.title.text()),
                             now=self.source.now(), tz_name=self.source.time_zone())
        self._event_dialog = dialog
        dialog.accepted.connect(lambda: self.record_event(customer_id, dialog.event_type(), dialog.moment(),
                                                          dialog.event_properties()))
        dialog.open()
        return dialog

    def record_event(self, customer_id: str, event_type: str, at: datetime | None,
                     properties: dict[str, Any]) -> bool:
        try:
            self.source.record_event(customer_id, event_type, at or self.source.now(), properties)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Cannot record the event"), str(exc))
            return False
        self.model.refresh_customer(customer_id)
        if self.current is not None and self.current["customer"].get("id") == customer_id:
            self._show(self.source.detail(customer_id))
            self.tabs.setCurrentIndex(2)  # the events, with the new one
        return True

    # -- editing -----------------------------------------------------------------------------
    def _field_edited(self, key: str) -> None:
        if self._loading or self.current is None:
            return
        customer = self.current["customer"]
        old = customer.get(key)
        new = self.fields[key].text().strip() or None
        if (str(old) if old is not None else None) == new:
            return
        self.edit(customer["id"], {key: old}, {key: new})

    def _consent_toggled(self, key: str, on: bool) -> None:
        if self._loading or self.current is None:
            return
        customer = self.current["customer"]
        old = bool((customer.get("consent") or {}).get(key))
        if old != on:
            self.edit(customer["id"], {f"consent.{key}": old}, {f"consent.{key}": on})

    def edit(self, customer_id: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """Writes an edit and pushes it as one undoable command; False (and a message) if refused."""
        if not self.write(customer_id, new):
            return False
        self.undo_stack.push(EditCustomer(self, customer_id, old, new))
        return True

    def write(self, customer_id: str, changes: dict[str, Any]) -> bool:
        try:
            self.source.update(customer_id, changes)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Cannot change the customer"), str(exc))
            if self.current is not None:
                self._show(self.current)  # put the old value back in the field
            return False
        self.model.refresh_customer(customer_id)
        if self.current is not None and self.current["customer"].get("id") == customer_id:
            self._show(self.source.detail(customer_id))
        return True
