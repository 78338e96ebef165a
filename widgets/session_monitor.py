"""The sending session's monitor: start and stop it, see what it sent, review uncertain mail,
and see the customers whose run failed and was set aside (parked).

Plain data in, signals out: the app glue (`app.session_pages`) feeds `set_rows(list[dict])`
(the outbox, newest first), `set_parked(total, rows)` and `set_status(dict)` every second and
connects the buttons' signals to the session; an uncertain message's verdict goes through
`set_resolver`'s callback. Nothing here touches the database.

A row is {"id", "time", "journey", "node", "customer", "channel", "status", "reason"} and
optionally "customer_id" (shown as a tooltip and found by the search when "customer" is a name);
status is one of queued, deferred, sending, sent, failed, uncertain, skipped.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine.values import spreadsheet_cell
from widgets.flow_layout import FlowLayout
from widgets.scrolling import ElasticSplitter

COLUMNS = ("time", "journey", "node", "customer", "channel", "status", "reason")
STATUSES = ("sent", "queued", "deferred", "sending", "skipped", "failed", "uncertain")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the search finds that the cell does not show


class LogFilter(QSortFilterProxyModel):
    """Rows of one status (or all) whose text contains the search words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = ""
        self.words: list[str] = []

    def set_status(self, status: str) -> None:
        self.status = status
        self.invalidateFilter()

    def set_search(self, text: str) -> None:
        self.words = text.lower().split()
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self.status and model.index(row, 0, parent).data(STATUS_ROLE) != self.status:
            return False
        if not self.words:
            return True
        text = " ".join(f"{model.index(row, c, parent).data() or ''} {model.index(row, c, parent).data(SEARCH_ROLE) or ''}"
                        for c in range(model.columnCount())).lower()
        return all(word in text for word in self.words)


class SessionMonitor(QWidget):
    startRequested = Signal()  # noqa: N815 - Qt's naming
    pauseRequested = Signal()  # noqa: N815
    resumeRequested = Signal()  # noqa: N815
    stopRequested = Signal()  # noqa: N815
    emailSettingsRequested = Signal()  # noqa: N815
    retryParkedRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_monitor")
        self._resolver: Callable[[int, str], None] | None = None
        self._loader: Callable[[int], dict[str, Any] | None] | None = None
        self._rows: list[dict[str, Any]] = []
        self._state = "stopped"

        self.start_button = QPushButton(self.tr("Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.email_button = QPushButton(self.tr("Email sending…"))
        for button, signal in ((self.start_button, self.startRequested), (self.pause_button, self.pauseRequested),
                               (self.resume_button, self.resumeRequested), (self.stop_button, self.stopRequested),
                               (self.email_button, self.emailSettingsRequested)):
            button.clicked.connect(signal.emit)
        self.status_label = QLabel()
        self.status_label.setObjectName("session_status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = FlowLayout()
        for button in (self.start_button, self.pause_button, self.resume_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.email_button)

        # The log ------------------------------------------------------------------------------
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Journey"), self.tr("Step"),
                                              self.tr("Customer"), self.tr("Channel"), self.tr("Status"),
                                              self.tr("Reason or error")])
        self._zone = ""
        self.proxy = LogFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table(self.proxy)
        self.table.setObjectName("session_log")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All messages"), "")
        for status in STATUSES:
            self.status_filter.addItem(self.status_text(status), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData() or ""))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search journey, customer, reason…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._ask_export)
        filters = FlowLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.export_button)
        self.message_view = QTextBrowser()
        self.message_view.setObjectName("session_message")
        self.message_view.setOpenLinks(False)  # a link in a customer's email is not for the shop's window
        self.message_view.setPlaceholderText(self.tr("Select a message to see it as it was sent."))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        log_split = QSplitter(Qt.Orientation.Horizontal)
        log_split.setObjectName("session_log_split")  # the main window remembers named splitters
        log_split.addWidget(self.table)
        log_split.addWidget(self.message_view)
        log_split.setStretchFactor(0, 7)
        log_split.setStretchFactor(1, 3)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addLayout(filters)
        log_layout.addWidget(log_split)

        # Uncertain ---------------------------------------------------------------------------
        self.uncertain_model = QStandardItemModel(0, len(COLUMNS), self)
        self.uncertain_model.setHorizontalHeaderLabels([self.model.headerData(c, Qt.Orientation.Horizontal)
                                                        for c in range(len(COLUMNS))])
        self.uncertain_table = self._table(self.uncertain_model)
        self.uncertain_table.setObjectName("session_uncertain")
        self.uncertain_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.mark_sent_button = QPushButton(self.tr("Mark as sent"))
        self.send_again_button = QPushButton(self.tr("Send again"))
        self.mark_sent_button.clicked.connect(lambda: self._resolve("sent"))
        self.send_again_button.clicked.connect(lambda: self._resolve("resend"))
        self.uncertain_box = QGroupBox(self.tr("Uncertain: these may or may not have arrived"))
        hint = QLabel(self.tr("The whole message went to the mail server, then the session stopped or the "
                              "server's answer was lost. Sending it again could deliver it twice, so Journey "
                              "Builder holds it (unless Email sending… says to send such mail again after a "
                              "wait). Check the mailbox's sent folder, then mark each as sent or send it again."))
        hint.setWordWrap(True)
        verdicts = FlowLayout()
        verdicts.addWidget(self.mark_sent_button)
        verdicts.addWidget(self.send_again_button)
        verdicts.addStretch(1)
        box_layout = QVBoxLayout(self.uncertain_box)
        box_layout.addWidget(hint)
        box_layout.addWidget(self.uncertain_table)
        box_layout.addLayout(verdicts)

        # Parked --------------------------------------------------------------------------------
        self.parked_model = QStandardItemModel(0, 3, self)
        self.parked_model.setHorizontalHeaderLabels([self.tr("Journey"), self.tr("Customer"), self.tr("Why")])
        self.parked_table = self._table(self.parked_model)
        self.parked_table.setObjectName("session_parked")
        self.parked_box = QGroupBox()
        parked_hint = QLabel(self.tr("Something in these customers' data or in the journey made their run fail. "
                                     "Everyone else goes on; these wait until the customer has new data, the "
                                     "journey is published again, or you retry them."))
        parked_hint.setWordWrap(True)
        self.retry_parked_button = QPushButton(self.tr("Retry all"))
        self.retry_parked_button.clicked.connect(self.retryParkedRequested.emit)
        parked_buttons = FlowLayout()
        parked_buttons.addWidget(self.retry_parked_button)
        parked_buttons.addStretch(1)
        parked_layout = QVBoxLayout(self.parked_box)
        parked_layout.addWidget(parked_hint)
        parked_layout.addWidget(self.parked_table)
        parked_layout.addLayout(parked_buttons)
        self._parked: tuple[int, list[dict[str, Any]]] = (0, [])
        self.parked_box.setVisible(False)  # until a run is parked (set_parked)

        # Workers (a shop on PostgreSQL: the session and the workers beside it, on any machine) ---
        self.workers_model = QStandardItemModel(0, 5, self)
        self.workers_model.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Where"), self.tr("Last heartbeat"),
                                                      self.tr("Runs advanced"), self.tr("Sent")])
        self.workers_table = self._table(self.workers_model)
        self.workers_table.setObjectName("session_workers")
        self.workers_box = QGroupBox()
        workers_layout = QVBoxLayout(self.workers_box)
        workers_layout.addWidget(self.workers_table)
        self._workers: list[dict[str, Any]] = []

        split = ElasticSplitter(Qt.Orientation.Vertical)
        split.setObjectName("session_split")
        split.addWidget(log_box)
        split.addWidget(self.uncertain_box)
        split.addWidget(self.parked_box)
        split.addWidget(self.workers_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(split, 1)
        self.set_status({})
        self.set_parked(0, [])
        self.set_workers([])

    @staticmethod
    def _table(model: QSortFilterProxyModel | QStandardItemModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setMinimumHeight(90)
        table.setWordWrap(False)
        table.horizontalHeader().setDefaultSectionSize(95)
        table.horizontalHeader().resizeSection(0, 140)
        return table

    # -- words -------------------------------------------------------------------------------
    def status_text(self, status: str) -> str:
        return {"sent": self.tr("sent"), "queued": self.tr("waiting"), "deferred": self.tr("deferred"),
                "sending": self.tr("sending"), "skipped": self.tr("skipped"), "failed": self.tr("failed"),
                "uncertain": self.tr("uncertain")}.get(status, status)

    def reason_text(self, reason: str | None) -> str:
        words = {
            "no_consent": self.tr("the customer has not agreed to this channel"),
            "bounced": self.tr("the address bounced before; nothing more is sent to it"),
            "no_customer": self.tr("the customer no longer exists"),
            "late": self.tr("too late to send (the journey's catch-up policy skips late messages)"),
            "gave_up": self.tr("gave up after repeated temporary failures"),
            "archived": self.tr("the journey was archived"),
            "dismissed": self.tr("dismissed after review"),
            "template_error": self.tr("the message's template failed for this customer"),
            "safety_cap": self.tr("more than 20 messages from this journey in a day (safety cap)"),
        }
        return words.get(reason or "", reason or "")

    # -- data in -----------------------------------------------------------------------------
    def set_resolver(self, resolver: Callable[[int, str], None] | None) -> None:
        """`resolver(message id, "sent" | "resend")` records the verdict on an uncertain message."""
        self._resolver = resolver
        self._update_buttons()

    def set_time_zone(self, name: str) -> None:
        """Names the clock the times are in, in the Time column's header ("Time (Europe/Berlin)")."""
        if name == self._zone:
            return
        self._zone = name
        header = self.tr("Time ({zone})").format(zone=name) if name else self.tr("Time")
        for model in (self.model, self.uncertain_model):
            model.setHeaderData(0, Qt.Orientation.Horizontal, header)
            model.setHeaderData(0, Qt.Orientation.Horizontal, self.tr("Times are in the shop's time zone "
                                                                      "(Shop ▸ Shop settings…)"), Qt.ItemDataRole.ToolTipRole)

    def set_message_loader(self, loader: Callable[[int], dict[str, Any] | None] | None) -> None:
        """`loader(message id)` gives the message as sent: {"channel", "to", and "subject" and
        "html" for email, "text" for SMS, "title", "body", "url" for push}; None when its
        text is not kept (skipped, or pruned long after sending)."""
        self._loader = loader

    def _show_selected(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        message_id = rows[0].data(ID_ROLE) if rows else None
        message = self._loader(message_id) if self._loader is not None and message_id is not None else None
        self.show_message(message)

    def show_message(self, message: dict[str, Any] | None) -> None:
        if not message:
            self.message_view.clear()
            return
        esc = html.escape
        head = [(self.tr("To"), message.get("to"))]
        channel = message.get("channel")
        if channel == "email":
            head.append((self.tr("Subject"), message.get("subject")))
            body = str(message.get("html") or "")
        elif channel == "push":
            head += [(self.tr("Title"), message.get("title")), (self.tr("Link"), message.get("url"))]
            body = esc(str(message.get("body") or "")).replace("\n", "<br>")
        else:
            body = esc(str(message.get("text") or "")).replace("\n", "<br>")
        rows = "".join(f"<tr><td><b>{esc(label)}</b>&nbsp;</td><td>{esc(str(value))}</td></tr>"
                       for label, value in head if value)
        self.message_view.setHtml(f"<table>{rows}</table><hr>{body}")

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        rows = list(rows)
        if rows == self._rows:
            return  # every second: keep the selection and scroll position when nothing changed
        self._rows = rows
        shown = self.table.selectionModel().selectedRows()
        shown_id = shown[0].data(ID_ROLE) if shown else None
        self._fill(self.model, rows)
        if shown_id is not None:  # the message being read stays selected as new rows come in
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(ID_ROLE) == shown_id:
                    self.table.selectRow(row)
                    break
        selected = self._selected_uncertain()
        self._fill(self.uncertain_model, [r for r in rows if r.get("status") == "uncertain"])
        if selected is not None:
            for row in range(self.uncertain_model.rowCount()):
                if self.uncertain_model.item(row, 0).data(ID_ROLE) == selected:
                    self.uncertain_table.selectRow(row)
        self._update_buttons()

    def set_parked(self, total: int, rows: Sequence[dict[str, Any]]) -> None:
        """Runs set aside because they failed: {"journey", "customer", "reason"}, newest first;
        `total` counts them all (the rows may be the newest few)."""
        parked = (total, list(rows))
        if parked == self._parked and self.parked_model.rowCount() == len(parked[1]):
            return
        self._parked = parked
        self.parked_model.removeRows(0, self.parked_model.rowCount())
        for row in parked[1]:
            items = [QStandardItem(str(row.get(key) or "")) for key in ("journey", "customer", "reason")]
            if row.get("customer_id") and row.get("customer_id") != row.get("customer"):
                items[1].setToolTip(self.tr("Customer id: {id}").format(id=row["customer_id"]))
            self.parked_model.appendRow(items)
        self.parked_box.setTitle(self.tr("Parked: {n} customer run(s) failed and wait").format(n=total))
        self.parked_box.setVisible(total > 0)

    def set_workers(self, rows: Sequence[dict[str, Any]]) -> None:
        """The processes sending for this shop: {"role": session | worker, "where": host:pid,
        "heartbeat", "runs", "sent", "alive"}. Shown when there is more than the window's own
        session to show: workers beside it, or a session on another machine."""
        rows = list(rows)
        if rows == self._workers and self.workers_model.rowCount() == len(rows):
            return
        self._workers = rows
        self.workers_model.removeRows(0, self.workers_model.rowCount())
        for row in rows:
            role = self.tr("session") if row.get("role") == "session" else self.tr("worker")
            if not row.get("alive"):
                role = self.tr("{role}, gone").format(role=role)
            self.workers_model.appendRow([QStandardItem(str(value)) for value in (
                role, row.get("where") or "", row.get("heartbeat") or "", row.get("runs", 0), row.get("sent", 0))])
        working = sum(1 for row in rows if row.get("alive"))
        self.workers_box.setTitle(self.tr("Workers: {n} at work").format(n=working))
        self.workers_box.setVisible(len(rows) > 1 or any(not row.get("mine") for row in rows))

    def _fill(self, model: QStandardItemModel, rows: list[dict[str, Any]]) -> None:
        model.removeRows(0, model.rowCount())
        for row in rows:
            status = str(row.get("status") or "")
            items = []
            for column in COLUMNS:
                value = row.get(column)
                if column == "status":
                    value = self.status_text(status)
                elif column == "reason":
                    value = self.reason_text(value)
                item = QStandardItem("" if value is None else str(value))
                if column == "customer" and row.get("customer_id") and row.get("customer_id") != value:
                    item.setToolTip(self.tr("Customer id: {id}").format(id=row["customer_id"]))
                    item.setData(str(row["customer_id"]), SEARCH_ROLE)
                item.setData(row.get("id"), ID_ROLE)
                item.setData(status, STATUS_ROLE)
                items.append(item)
            model.appendRow(items)

    def set_status(self, status: dict[str, Any]) -> None:
        """{"state": stopped | starting | running | paused, "since", "next_wake", "counts": {status: n},
        "channel": where email goes, "message": a problem to show}."""
        self._state = str(status.get("state") or "stopped")
        counts = status.get("counts") or {}
        state_text = {"stopped": self.tr("Stopped"), "starting": self.tr("Starting…"),
                      "running": self.tr("Running"), "paused": self.tr("Paused")}.get(self._state, self._state)
        parts = [f"<b>{state_text}</b>"]
        if status.get("since") and self._state != "stopped":
            parts.append(self.tr("since {time}").format(time=status["since"]))
        if status.get("next_wake") and self._state == "running":
            parts.append(self.tr("next wake-up {time}").format(time=status["next_wake"]))
        parts.append(self.tr("{queued} queued · {sent} sent · {failed} failed · {uncertain} uncertain").format(
            queued=counts.get("queued", 0), sent=counts.get("sent", 0), failed=counts.get("failed", 0),
            uncertain=counts.get("uncertain", 0)))
        text = " — ".join(parts)
        if status.get("channel"):
            text += "<br>" + self.tr("Sending: {where}").format(where=status["channel"])
        if status.get("message"):
            text += "<br><span style='color:#b00020'>" + str(status["message"]) + "</span>"
        self.status_label.setText(text)
        self.start_button.setEnabled(self._state == "stopped")
        self.pause_button.setEnabled(self._state == "running")
        self.resume_button.setEnabled(self._state == "paused")
        self.stop_button.setEnabled(self._state in ("running", "paused", "starting"))

    @property
    def state(self) -> str:
        return self._state

    # -- uncertain ---------------------------------------------------------------------------
    def _selected_uncertain(self) -> int | None:
        rows = self.uncertain_table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def _update_buttons(self, *_: object) -> None:
        enabled = self._resolver is not None and self._selected_uncertain() is not None
        self.mark_sent_button.setEnabled(enabled)
        self.send_again_button.setEnabled(enabled)
        self.uncertain_box.setVisible(self.uncertain_model.rowCount() > 0)

    def _resolve(self, verdict: str) -> None:
        message_id = self._selected_uncertain()
        if message_id is not None and self._resolver is not None:
            self._resolver(int(message_id), verdict)

    # -- export ------------------------------------------------------------------------------
    def visible_rows(self) -> list[list[str]]:
        """The log as shown (filtered and sorted), one list of texts per row."""
        return [[str(self.proxy.index(r, c).data() or "") for c in range(self.proxy.columnCount())]
                for r in range(self.proxy.rowCount())]

    def export_csv(self, path: str | Path) -> int:
        """Writes the rows the filter shows; returns how many. Cells a spreadsheet would run as a
        formula (a subject or address starting with "=") are written as text."""
        rows = self.visible_rows()
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow([spreadsheet_cell(self.model.headerData(c, Qt.Orientation.Horizontal))
                             for c in range(len(COLUMNS))])
            writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
        return len(rows)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the sending log"), "sending-log.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)
