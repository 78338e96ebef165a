"""The customer list as a table model that fetches rows a page at a time.

A shop has 100,000 customers; building 100,000 rows of widgets or even of dicts up front
would freeze the window. The model asks its source once for the ids in the current search
and sort order (a single indexed query, ~100 ms for 100,000), and then for the rows of a page
only when the view paints it, keeping the most recent pages. Widgets never touch the database
(the layering rule), so the source is a plain object the app gives us.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from widgets.translate import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex


class CustomerListSource(Protocol):
    def ids(self, search: str, sort: str, descending: bool) -> list[str]:
        """Every customer id matching `search` (name, email or city), in the given order."""

    def rows(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The rows of these customers (keys of COLUMNS), in the order asked."""


COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", QT_TRANSLATE_NOOP("CustomersModel", "ID")), ("name", QT_TRANSLATE_NOOP("CustomersModel", "Name")), ("email", QT_TRANSLATE_NOOP("CustomersModel", "Email")), ("city", QT_TRANSLATE_NOOP("CustomersModel", "City")), ("country", QT_TRANSLATE_NOOP("CustomersModel", "Country")),
    ("signup_at", QT_TRANSLATE_NOOP("CustomersModel", "Signed up")), ("consent", QT_TRANSLATE_NOOP("CustomersModel", "Consent")),
)
SORTABLE = frozenset({"id", "name", "email", "city", "country", "signup_at"})


class CustomersModel(QAbstractTableModel):
    PAGE = 200
    KEEP_PAGES = 40

    def __init__(self, source: CustomerListSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.search = ""
        self.sort_key = "id"
        self.descending = False
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self.pages_fetched = 0  # for tests and the performance notes
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Reads the ids again (after a search, a sort or an import)."""
        self.beginResetModel()
        self._ids = list(self.source.ids(self.search, self.sort_key, self.descending))
        self._pages.clear()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text != self.search:
            self.search = text
            self.reload()

    def refresh_customer(self, customer_id: str) -> None:
        """Shows a customer's edited row without reloading the whole list."""
        try:
            row = self._ids.index(customer_id)
        except ValueError:
            return
        self._pages.pop(row // self.PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _row(self, row: int) -> dict[str, Any]:
        page = row // self.PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * self.PAGE:(page + 1) * self.PAGE]
            fetched = {r["id"]: r for r in self.source.rows(ids)}
            rows = [fetched.get(cid, {"id": cid}) for cid in ids]
            self._pages[page] = rows
            self.pages_fetched += 1
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * self.PAGE]

    # -- the model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMNS[index.column()][0]
        value = self._row(index.row()).get(key)
        if key == "consent" and isinstance(value, dict):
            return " ".join(name for name, on in (("email", value.get("email")), ("SMS", value.get("sms")),
                                                  ("push", value.get("push"))) if on) or "—"
        if key == "signup_at" and isinstance(value, str):
            return value[:10]
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0] if 0 <= column < len(COLUMNS) else "id"
        if key not in SORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def customer_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: str) -> int:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1
