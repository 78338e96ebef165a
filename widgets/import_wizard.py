"""Importing customers, orders or events from a file, step by step.

1. pick the file and what it holds; 2. see what we recognised (Shopify, WooCommerce,
PrestaShop or a plain sheet) and change what any column means; 3. import, with a progress
bar and Cancel, and then either the summary or every bad row (row, column, why) — the import
is all or nothing, so after an error the shop's data is exactly as it was. The import runs in
a QThread so a file of 100,000 rows never freezes the window; the wizard only talks to the
app's source object (widgets never touch the database).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from widgets.data_texts import import_label
from widgets.gui_first import gui_first
from widgets.translate import QT_TRANSLATE_NOOP

KINDS = (("customers", QT_TRANSLATE_NOOP("FilePage", "Customers")), ("orders", QT_TRANSLATE_NOOP("FilePage", "Orders")),
         ("carts", QT_TRANSLATE_NOOP("FilePage", "Abandoned carts")), ("events", QT_TRANSLATE_NOOP("FilePage", "Events")))
IGNORE = "ignore"
SECRET = "secret"  # a password or key column: shown as refused, never imported
PROPERTY_PREFIX = "properties."


class ImportSource(Protocol):
    def preview(self, path: str, kind: str) -> Any:
        """columns, detected_mapping, sample_rows, format_name, file_type, profiles."""

    def field_choices(self, kind: str) -> list[tuple[str, str]]: ...

    def run(self, path: str, kind: str, mapping: dict[str, str] | None,
            progress: Callable[[int, int], None], cancel: Callable[[], bool], decimal: str = "auto") -> Any:
        """The import (in a worker thread): ok, cancelled, summary(), errors, error_count.
        `decimal` is the money's decimal mark ("," or "."), "auto" as the file suggests."""


class _ImportThread(QThread):
    progressed = Signal(int, int)
    done = Signal(object, object)  # result, error message

    def __init__(self, source: ImportSource, path: str, kind: str, mapping: dict[str, str] | None,
                 decimal: str = "auto") -> None:
        super().__init__()
        self.source, self.path, self.kind, self.mapping, self.decimal = source, path, kind, mapping, decimal
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            with gui_first():  # the import's writer is Python: the window must keep its turns
                result = self.source.run(self.path, self.kind, self.mapping,
                                         lambda done, total: self.progressed.emit(done, total), self.stop.is_set,
                                         decimal=self.decimal)
            self.done.emit(result, None)
        except Exception as exc:  # noqa: BLE001 - a file problem, shown on the page
            self.done.emit(None, str(exc))


class FilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A CSV export of Shopify, WooCommerce or PrestaShop, any CSV with a header "
                                 "row, or JSON (a list of records or profile files)."))
        self.kind = QComboBox()
        self.kind.setObjectName("import_kind")
        for key, label in KINDS:
            self.kind.addItem(self.tr(label), key)
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("The file holds"), self.kind)
        form.addRow(self.tr("File"), row)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import file"), self.path.text(),
                                              self.tr("Shop exports (*.csv *.json *.jsonl *.txt);;All files (*)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return Path(self.path.text().strip()).is_file()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Check the columns"))
        self.system = QLabel()
        self.system.setObjectName("import_system")
        self.system.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("import_mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example values"),
                                              self.tr("Read as")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c01c28;")
        self.problem.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("import_notes")
        self.notes.setWordWrap(True)
        # A file's money may be "1.234,50" or "1,234.50": what was guessed is shown and can be changed.
        self.decimal = QComboBox()
        self.decimal.setObjectName("import_decimal")
        self.decimal.addItem(self.tr("Comma: 1.234,50"), ",")
        self.decimal.addItem(self.tr("Point: 1,234.50"), ".")
        decimal_row = QHBoxLayout()
        decimal_row.addWidget(QLabel(self.tr("Decimal mark in amounts")))
        decimal_row.addWidget(self.decimal)
        decimal_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.system)
        layout.addLayout(decimal_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.problem)
        self.combos: dict[str, QComboBox] = {}
        self.preview: Any = None

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.table.setRowCount(0)
        self.combos.clear()
        self.problem.setText("")
        self.notes.setText("")
        self.preview = None
        try:
            self.preview = self.w.source.preview(self.w.path, self.w.kind)
        except Exception as exc:  # noqa: BLE001 - shown on the page
            self.system.setText("")
            self.problem.setText(str(exc))
            self.completeChanged.emit()
            return
        p = self.preview
        if p.file_type == "profiles":
            self.system.setText(self.tr("Profile files: {n} customers with their orders and events, imported "
                                        "as they are.").format(n=p.profiles))
            self.table.setVisible(False)
            self.completeChanged.emit()
            return
        self.table.setVisible(True)
        name = p.format_name if p.format_name != "generic" else self.tr("a plain table")
        self.system.setText(self.tr("Recognised: {system} (text encoding {encoding}, decimal mark “{decimal}”). "
                                    "Change what a column means where it is wrong; unknown columns become custom "
                                    "properties.").format(system=name, encoding=getattr(p, "encoding", "utf-8"),
                                                          decimal=getattr(p, "decimal", ".")))
        notes = []
        unknown = list(getattr(p, "unknown", []) or [])
        if unknown:
            notes.append(self.tr("Columns we do not know: {columns}.").format(columns=", ".join(unknown)))
        refused = [c for c, t in p.detected_mapping.items() if t == SECRET]
        if refused:
            notes.append(self.tr("Refused, as passwords and keys are never imported: {columns}.")
                         .format(columns=", ".join(refused)))
        self.notes.setText(" ".join(notes))
        self.decimal.setCurrentIndex(max(0, self.decimal.findData(getattr(p, "decimal", "."))))
        choices = self.w.source.field_choices(self.w.kind)
        self.table.setRowCount(len(p.columns))
        for row, column in enumerate(p.columns):
            examples = [r[row] for r in p.sample_rows if row < len(r) and r[row]][:3]
            self.table.setItem(row, 0, QTableWidgetItem(column))
            self.table.setItem(row, 1, QTableWidgetItem(", ".join(examples)))
            combo = QComboBox()
            combo.setObjectName(f"map_{row}")
            if p.detected_mapping.get(column) == SECRET:
                combo.addItem(self.tr("Refused: passwords or keys"), SECRET)
                combo.setEnabled(False)
                self.table.setCellWidget(row, 2, combo)
                self.combos[column] = combo
                continue
            for key, label in choices:
                combo.addItem(import_label(label), key)
            own = PROPERTY_PREFIX + _slug(column)
            detected = p.detected_mapping.get(column, IGNORE)
            for key in dict.fromkeys([own] + ([detected] if detected.startswith(PROPERTY_PREFIX) else [])):
                combo.addItem(self.tr("Custom property “{name}”").format(name=key[len(PROPERTY_PREFIX):]), key)
            combo.addItem(self.tr("Ignore"), IGNORE)
            combo.setCurrentIndex(max(0, combo.findData(detected)))
            self.table.setCellWidget(row, 2, combo)
            self.combos[column] = combo
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 230)
        self.completeChanged.emit()

    def decimal_mark(self) -> str:
        """The decimal mark chosen (or left as guessed); "auto" for profile files."""
        if self.preview is None or self.preview.file_type == "profiles":
            return "auto"
        return self.decimal.currentData()

    def mapping(self) -> dict[str, str] | None:
        if self.preview is None or self.preview.file_type == "profiles":
            return None
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def set_target(self, column: str, target: str) -> None:
        combo = self.combos[column]
        index = combo.findData(target)
        if index < 0:
            combo.addItem(target, target)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.preview is not None


def _slug(column: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKC", column).strip().casefold()
    return re.sub(r"[^\w]+", "_", text).strip("_") or "column"


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.bar = QProgressBar()
        self.bar.setObjectName("import_progress")
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setObjectName("import_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.errors = QTableWidget(0, 3)
        self.errors.setObjectName("import_errors")
        self.errors.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Why")])
        self.errors.verticalHeader().setVisible(False)
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.errors, 1)
        self.thread: _ImportThread | None = None
        self.result: Any = None
        self.finished = False

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.finished = False
        self.result = None
        self.errors.setRowCount(0)
        self.errors.setVisible(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.message.setText(self.tr("Importing {file}…").format(file=Path(self.w.path).name))
        thread = _ImportThread(self.w.source, self.w.path, self.w.kind, self.w.mapping_page.mapping(),
                               self.w.mapping_page.decimal_mark())
        thread.progressed.connect(self._progress)
        thread.done.connect(self._done)
        self.thread = thread
        thread.start()
        self.completeChanged.emit()

    def _progress(self, done: int, total: int) -> None:
        scale = max(1, total // 1_000_000 + 1)
        self.bar.setRange(0, max(1, total // scale))
        self.bar.setValue(done // scale)

    def cancel(self) -> None:
        if self.thread is not None and self.thread.isRunning():
            self.thread.stop.set()
            self.message.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _done(self, result: Any, error: str | None) -> None:
        if self.thread is not None:
            self.thread.wait()
        self.thread = None
        self.finished = True
        self.result = result
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        if error is not None:
            self.message.setText(self.tr("Nothing was imported: {error}").format(error=error))
        elif result.cancelled:
            self.message.setText(self.tr("Cancelled. Nothing was imported."))
        elif not result.ok:
            hidden = result.error_count - len(result.errors)
            self.message.setText(self.tr("Nothing was imported: fix these rows in the file and import it "
                                         "again (all or nothing, so your data is as it was).")
                                 + (self.tr(" {n} more problems are not listed.").format(n=hidden) if hidden > 0
                                    else ""))
            self.errors.setVisible(True)
            self.errors.setRowCount(len(result.errors))
            for r, e in enumerate(result.errors):
                for c, value in enumerate((str(e.row), e.column, e.message)):
                    self.errors.setItem(r, c, QTableWidgetItem(value))
            self.errors.resizeColumnsToContents()
        else:
            self.message.setText(result.summary()[:1].upper() + result.summary()[1:] + ".")
            self.w.imported.emit(result)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.finished

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API: Back was pressed
        self.stop_and_wait()

    def stop_and_wait(self) -> None:
        if self.thread is not None:
            self.thread.stop.set()
            self.thread.wait(30_000)


class ImportWizard(QWizard):
    imported = Signal(object)

    def __init__(self, source: ImportSource, parent: QWidget | None = None, *, kind: str = "customers") -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import shop data"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.source = source
        self.file_page = FilePage(self)
        self.file_page.kind.setCurrentIndex(max(0, self.file_page.kind.findData(kind)))
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.run_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(760, 520)

    def _page_changed(self, _id: int) -> None:
        # "Import" is what Next does on the mapping page; Back from the result goes to the mapping
        # again, so a file that failed can be retried with other columns.
        label = self.tr("Import") if self.currentPage() is self.mapping_page else self.tr("Next >")
        self.setButtonText(QWizard.WizardButton.NextButton, label)

    @property
    def path(self) -> str:
        return self.file_page.path.text().strip()

    @property
    def kind(self) -> str:
        return self.file_page.kind.currentData()

    def reject(self) -> None:
        self.run_page.stop_and_wait()
        super().reject()

    def done(self, result: int) -> None:
        self.run_page.stop_and_wait()
        super().done(result)
