"""The shop's named segments, edited with the same rule builder as a journey's conditions.

While the user edits a rule, the number of customers in it and a few of them are shown,
counted in a worker thread after a short pause in typing (a count over 100,000 customers
takes a fraction of a second, but the window must never wait for it). A result that arrives
after the rule changed again is dropped, so the count always matches what is on screen.
Built-in segments can be tuned but neither renamed nor deleted: journeys refer to them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from widgets.data_texts import segment_group
from widgets.inspector.editors import EditorContext
from widgets.inspector.rule_builder import RuleBuilder

DEBOUNCE_MS = 350
NEW_RULE: dict[str, Any] = {"all": [{"field": "orders.count", "op": ">=", "value": 1}]}


class SegmentSource(Protocol):
    def segments(self) -> list[dict[str, Any]]:
        """[{"name", "rule", "description", "builtin", "group"}], built-in ones first."""

    def save(self, name: str, rule: Any, description: str, previous_name: str | None) -> None:
        """Creates or replaces a segment (renaming when `previous_name` differs); ValueError if refused."""

    def delete(self, name: str) -> None: ...

    def count(self, rule: Any) -> tuple[int, list[dict[str, Any]]]:
        """(members, a sample of them): called in a worker thread."""


class _Relay(QObject):
    done = Signal(int, object, object)  # generation, result, error message


class _Count(QRunnable):
    """Runs one count off the GUI thread and hands the result back through the relay."""

    def __init__(self, generation: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.generation, self.work, self.relay = generation, work, relay

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # noqa: BLE001 - shown in the editor, never a crash
            result, error = None, str(exc)
        self.relay.done.emit(self.generation, result, error)


class SegmentsEditor(QWidget):
    saved = Signal(str)

    def __init__(self, source: SegmentSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segments_editor")
        self.source = source
        self.rows: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self._draft_item: QListWidgetItem | None = None
        self.dirty = False
        self.generation = 0
        self.last_count: int | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.relay = _Relay()
        self.relay.done.connect(self._counted)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recount)

        self.list = QListWidget()
        self.list.setObjectName("segment_list")
        self.list.currentItemChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr("New"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_segment)
        self.duplicate_button.clicked.connect(self.duplicate_segment)
        self.delete_button.clicked.connect(self.delete_segment)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(b)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)

        self.name = QLineEdit()
        self.name.setObjectName("segment_name")
        self.description = QLineEdit()
        self.description.setObjectName("segment_description")
        self.name.textEdited.connect(self._edited)
        self.description.textEdited.connect(self._edited)
        self.builder = RuleBuilder(EditorContext(segment_names=self._other_names))
        self.builder.setObjectName("segment_rule")
        self.builder.changed.connect(self._rule_changed)
        holder = QWidget()  # keeps the builder at its own height at the top of the scroll area
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(4, 4, 4, 4)
        holder_layout.addWidget(self.builder)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.count_label = QLabel()
        self.count_label.setObjectName("segment_count")
        big = QFont(self.count_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.count_label.setFont(big)
        self.sample = QListWidget()
        self.sample.setObjectName("segment_sample")
        self.sample.setMaximumHeight(150)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("segment_save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        members = QHBoxLayout()
        members.addWidget(self.count_label, 1)
        members.addWidget(self.revert_button)
        members.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Customers in this segment:")))
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(members)
        right_layout.addWidget(QLabel(self.tr("Some of them:")))
        right_layout.addWidget(self.sample)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([220, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.reload()

    # -- the list ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.rows = self.source.segments()
        self.list.blockSignals(True)
        self._draft_item = None
        self.list.clear()
        for row in self.rows:
            label = row["name"] + (f"   · {segment_group(row['group'])}" if row.get("group") else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row["name"])
            item.setToolTip(row.get("description") or "")
            if row.get("builtin"):
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [r["name"] for r in self.rows]
        target = select if select in names else (names[0] if names else None)
        if target is not None:
            self.list.setCurrentRow(names.index(target))
        else:
            self._load(None)

    def _other_names(self) -> list[str]:
        own = (self.current or {}).get("name")
        return [r["name"] for r in self.rows if r["name"] != own]

    def _picked(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is not None and item is self._draft_item:
            return  # back on the segment being made (a cancelled leave re-selects it)
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if self.dirty and self.current is not None:
            back = self._draft_item if self._draft_item is not None else previous
            if not self._may_leave():
                self.list.blockSignals(True)
                self.list.setCurrentItem(back)
                self.list.blockSignals(False)
                return
            # Saving reloaded the list: the item clicked is a new one now.
            self.list.blockSignals(True)
            names = [r["name"] for r in self.rows]
            if name in names:
                self.list.setCurrentRow(names.index(name))
            self.list.blockSignals(False)
        self._drop_draft()
        self._load(next((r for r in self.rows if r["name"] == name), None))

    def _may_leave(self) -> bool:
        """Save, discard or stay: asked before unsaved work (a new segment too) is left."""
        new = bool((self.current or {}).get("new"))
        name = self.name.text().strip() or (self.current or {}).get("name", "")
        question = (self.tr("The new segment “{name}” is not saved yet. Save it?") if new
                    else self.tr("Save the changes to “{name}”?")).format(name=name)
        answer = QMessageBox.question(
            self, self.tr("Unsaved segment"), question,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    def may_close(self) -> bool:
        """Whether the editor may go away now, asking first when something is unsaved."""
        return not (self.dirty and self.current is not None) or self._may_leave()

    def _drop_draft(self) -> None:
        """Takes the list's entry of an unsaved new segment away (saved or discarded)."""
        if self._draft_item is None:
            return
        self.list.blockSignals(True)
        self.list.takeItem(self.list.row(self._draft_item))
        self.list.blockSignals(False)
        self._draft_item = None

    def _show_draft(self, name: str) -> None:
        """A new segment stands in the list, marked unsaved, from the moment it is made, so
        clicking elsewhere or tabbing out leaves it visibly there and asks before it goes."""
        if self._draft_item is None:
            self._draft_item = QListWidgetItem()
            self._draft_item.setData(Qt.ItemDataRole.UserRole, None)
            font = self._draft_item.font()
            font.setBold(True)
            self._draft_item.setFont(font)
            self.list.blockSignals(True)
            self.list.addItem(self._draft_item)
            self.list.setCurrentItem(self._draft_item)
            self.list.blockSignals(False)
        self._draft_item.setText(self.tr("{name} (not saved)").format(name=name))
        self._draft_item.setToolTip(self.tr("A new segment: Save keeps it"))

    def _load(self, row: dict[str, Any] | None) -> None:
        self.current = copy.deepcopy(row)
        self.dirty = False
        enabled = row is not None
        for w in (self.name, self.description, self.builder, self.save_button, self.revert_button):
            w.setEnabled(enabled)
        self.name.setText((row or {}).get("name", ""))
        self.name.setReadOnly(bool((row or {}).get("builtin")))
        self.name.setToolTip(self.tr("Built-in segments keep their name: journeys refer to it")
                             if (row or {}).get("builtin") else "")
        self.description.setText((row or {}).get("description", ""))
        self.builder.set_rule(copy.deepcopy((row or {}).get("rule", {"all": []})))
        self.delete_button.setEnabled(row is not None and bool(row) and not row.get("builtin")
                                      and not row.get("new"))
        self._update_buttons()
        if enabled:
            self.recount()
        else:
            self.count_label.setText("")
            self.sample.clear()

    # -- editing -----------------------------------------------------------------------------
    def _edited(self, *_: Any) -> None:
        self.dirty = True
        if self._draft_item is not None:
            self._show_draft(self.name.text().strip() or self.tr("(no name)"))
        self._update_buttons()

    def _rule_changed(self, _rule: Any) -> None:
        self._edited()
        self._timer.start()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.current is not None and self.dirty)
        new = self.current is not None and bool(self.current.get("new"))
        self.revert_button.setText(self.tr("Discard") if new else self.tr("Revert"))
        self.revert_button.setEnabled(self.current is not None and self.dirty)

    def new_segment(self, rule: Any = None, description: str = "") -> None:
        if self.dirty and not self._may_leave():
            return
        names = {r["name"] for r in self.rows}
        base = self.tr("new_segment")
        name = next(f"{base}_{i}" if i else base for i in range(1000) if (f"{base}_{i}" if i else base) not in names)
        self._drop_draft()
        self._load({"name": name, "rule": copy.deepcopy(rule or NEW_RULE), "description": description,
                    "builtin": False, "new": True})
        self._show_draft(name)
        self.dirty = True
        self._update_buttons()
        self.name.setFocus()
        self.name.selectAll()

    def duplicate_segment(self) -> None:
        if self.current is not None:
            self.new_segment(self.builder.rule(), self.description.text())

    def delete_segment(self) -> None:
        if self.current is None or self.current.get("builtin") or self.current.get("new"):
            return
        name = self.current["name"]
        answer = QMessageBox.question(self, self.tr("Delete segment"),
                                      self.tr("Delete the segment “{name}”? Journeys that use it will no "
                                              "longer find it.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.source.delete(name)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
            return
        self.dirty = False
        self.reload()

    def save(self) -> bool:
        if self.current is None:
            return False
        name = self.name.text().strip()
        problems = self.builder.problems()
        if not name or problems:
            QMessageBox.warning(self, self.tr("Cannot save the segment"),
                                self.tr("Give the segment a name.") if not name else "\n".join(problems))
            return False
        previous = None if self.current.get("new") else self.current["name"]
        try:
            self.source.save(name, self.builder.rule(), self.description.text().strip(), previous)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the segment"), str(exc))
            return False
        self.dirty = False
        self.reload(select=name)
        self.saved.emit(name)
        return True

    def discard_new(self) -> None:
        """Drops an unsaved new segment and goes back to the first one in the list."""
        if self.current is not None and self.current.get("new"):
            self.dirty = False
            self._drop_draft()
            self.reload()

    def revert(self) -> None:
        if self.current is not None and self.current.get("new"):
            self.discard_new()
        elif self.current is not None:
            self._load(next((r for r in self.rows if r["name"] == self.current["name"]), None))

    # -- counting ----------------------------------------------------------------------------
    def recount(self) -> None:
        """Counts the rule on screen in the worker; earlier counts still running are ignored."""
        self._timer.stop()
        self.generation += 1
        rule = self.builder.rule()
        if self.builder.problems():
            self.count_label.setText(self.tr("Fix the rule to see who is in it"))
            self.sample.clear()
            return
        self.count_label.setText(self.tr("Counting…"))
        self.pool.start(_Count(self.generation, lambda: self.source.count(rule), self.relay))

    def _counted(self, generation: int, result: Any, error: str | None) -> None:
        if generation != self.generation:
            return  # the rule changed meanwhile
        if error is not None:
            self.count_label.setText(self.tr("Cannot count: {error}").format(error=error))
            self.sample.clear()
            return
        count, sample = result
        self.last_count = count
        self.count_label.setText(self.tr("{n} customers").format(n=f"{count:,}") if count != 1
                                 else self.tr("1 customer"))
        self.sample.clear()
        for member in sample:
            parts = [member.get("name") or member.get("id"), member.get("email"), member.get("city")]
            self.sample.addItem(" — ".join(p for p in parts if p))

    def wait_for_count(self, ms: int = 5000) -> bool:
        """Blocks until counting is idle (for tests and screenshots)."""
        return self.pool.waitForDone(ms)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.isVisible() and not self.may_close():
            event.ignore()
            return
        self.generation += 1
        self.pool.waitForDone(5000)
        super().closeEvent(event)
