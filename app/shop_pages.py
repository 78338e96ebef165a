"""The shop-data pages of the window, fed from the database: customers, segments, import, settings.

Widgets may not touch the database (the layering rule), so each page gets a small bridge
object from here that does the reading and writing; the page only calls its methods. The
`open_*` functions are what the main window's menus call:

    open_customers_window(db, parent)   # the customer list with the detail pane
    open_segments_window(db, parent)    # named segments with a live count
    open_import_wizard(db, parent)      # import customers, orders or events from a file
    open_shop_settings(db, parent)      # name, address, sender, levels, discount secret

Each returns the window it opened; it is parented to `parent`, so it lives as long as that
window does, and is shown non-modally (the wizard and the settings window-modally).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from engine.context import CustomerContext
from engine.profile import CUSTOMER_TEXT, MAX_ID, ProfileError, parse_profile
from engine.rules import compile_segments
from engine.segments import group_of
from engine.timeutil import now_utc
from engine.values import ValueProblem, email_address, phone_number, phone_region, single_line
from storage import import_formats
from storage.customers_repo import customer_to_dict, get_customer, upsert_customer
from storage.database import Database
from storage.errors import InvalidState, NameTaken, StorageError
from storage.history_repo import add_event, record_event
from storage.import_process import import_file_in_process, worth_a_process
from storage.importers import ImportResult, Preview, import_file, preview
from storage.models import ShopSettings
from storage.privacy import enrollments_of, messages_of
from storage.profiles_repo import customer_profile
from storage.segment_count import count_segment, ensure_builtin_segments, levels_from_settings, sample_members
from storage.segments_repo import delete_segment, get_segment, list_segments, save_segment, segment_rules
from storage.shop_repo import EDITABLE, api_token, get_settings, settings_dict, update_settings
from widgets.customers_view import CustomersView
from widgets.import_wizard import ImportWizard
from widgets.segments_editor import SegmentsEditor
from widgets.shop_settings import ShopSettingsDialog

PROFILE_EDITED = "profile_edited"
SAMPLE_SIZE = 12
_SORT = {
    "id": "id", "name": "coalesce(first_name, '') || ' ' || coalesce(last_name, '') COLLATE NOCASE",
    "email": "email COLLATE NOCASE", "city": "city COLLATE NOCASE", "country": "country",
    "signup_at": "signup_at",
}
_SEARCHED = ("email", "city", "coalesce(first_name, '') || ' ' || coalesce(last_name, '')", "id")


class CustomersBridge:
    """CustomersView's source: pages of the list, one customer's detail, hand edits."""

    def __init__(self, db: Database, now: Callable[[], datetime] = now_utc) -> None:
        self.db, self.now = db, now

    def ids(self, search: str, sort: str, descending: bool) -> list[str]:
        order = _SORT.get(sort, "id")
        direction = "DESC" if descending else "ASC"
        where, params = "", {}
        if search:
            where = "WHERE " + " OR ".join(f"lower({col}) LIKE :q" for col in _SEARCHED)
            params["q"] = f"%{search.lower()}%"
        sql = f"SELECT id FROM customers {where} ORDER BY ({order.split(' COLLATE')[0]}) IS NULL, {order} {direction}, id"
        with self.db.read() as session:
            return [row[0] for row in session.execute(text(sql), params)]

    def rows(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        with self.db.read() as session:
            result = session.execute(text(
                "SELECT id, first_name, last_name, email, city, country, signup_at, consent_email, consent_sms, "
                f"consent_push FROM customers WHERE id IN ({marks})"), {f"i{n}": cid for n, cid in enumerate(ids)})
            return [{"id": r[0], "name": " ".join(p for p in (r[1], r[2]) if p), "email": r[3], "city": r[4],
                     "country": r[5], "signup_at": r[6],
                     "consent": {"email": bool(r[7]), "sms": bool(r[8]), "push": bool(r[9])}} for r in result]

    def detail(self, customer_id: str) -> dict[str, Any]:
        now = self.now()
        with self.db.read() as session:
            profile = customer_profile(session, customer_id)
            settings = session.get(ShopSettings, 1)
            tz = settings.timezone if settings is not None else None
            levels = levels_from_settings(settings.engagement, settings.lifecycle) if settings else None
            rules = segment_rules(session)
            enrollments = enrollments_of(session, customer_id)
            messages = messages_of(session, customer_id)
        compiled = compile_segments(rules)
        ctx = CustomerContext(parse_profile(profile), now=now, tz_name=tz, segments=compiled, levels=levels)
        member_of = []
        for name, test in compiled.items():
            try:
                if test(ctx):
                    member_of.append(name)
            except Exception:  # noqa: BLE001 - a broken segment must not hide the customer
                continue
        return {**profile, "segments": member_of, "enrollments": enrollments, "messages": messages}

    def time_zone(self) -> str:
        with self.db.read() as session:
            settings = session.get(ShopSettings, 1)
            return (settings.timezone if settings is not None else None) or "UTC"

    def record_event(self, customer_id: str, event_type: str, at: datetime, properties: dict[str, Any]) -> None:
        """Through `history_repo.record_event`, the one door for events: an `order_placed` event
        recorded here is an order too, and a running session picks it up like any other."""
        try:
            with self.db.transaction() as session:
                get_customer(session, customer_id)
                record_event(session, customer_id, event_type, at, properties, received_at=self.now())
        except (StorageError, ValueProblem, ProfileError, ValueError) as exc:
            raise ValueError(str(exc)) from None

    def update(self, customer_id: str, changes: dict[str, Any]) -> None:
        """Writes a hand edit and logs it as a `profile_edited` event with what changed."""
        try:
            with self.db.transaction() as session:
                before = customer_to_dict(get_customer(session, customer_id))
                data: dict[str, Any] = {"id": customer_id}
                changed: dict[str, Any] = {}
                for key, value in changes.items():
                    if key.startswith("consent."):
                        channel = key.split(".", 1)[1]
                        data.setdefault("consent", {})[channel] = bool(value)
                        old = before["consent"].get(channel)
                    else:
                        value = _checked_field(key, value, changes.get("country", before.get("country")))
                        data[key] = value
                        old = before.get(key)
                    if old != value:
                        changed[key] = {"from": old, "to": value}
                if not changed:
                    return
                upsert_customer(session, data)
                add_event(session, customer_id, PROFILE_EDITED, self.now(), {"changed": changed, "by": "hand"})
        except (StorageError, ValueProblem) as exc:
            raise ValueError(str(exc)) from None


def _checked_field(key: str, value: Any, country: Any) -> Any:
    """A hand edit through the same checks as every other door (engine.values): one email
    address, a possible phone number stored as E.164 (read in the customer's country), and
    one-line texts; ValueProblem names the field."""
    if value is None or value == "":
        return value
    if key == "email":
        return email_address(value, "email")
    if key == "phone":
        return phone_number(value, "phone", phone_region(country))
    if key in CUSTOMER_TEXT:
        return single_line(value, key, max_length=MAX_ID)
    return value


class SegmentsBridge:
    """SegmentsEditor's source; `count` runs in the editor's worker thread."""

    def __init__(self, db: Database, now: Callable[[], datetime] = now_utc) -> None:
        self.db, self.now = db, now

    def segments(self) -> list[dict[str, Any]]:
        with self.db.read() as session:
            return [{"name": r.name, "rule": dict(r.rule), "description": r.description, "builtin": r.builtin,
                     "group": group_of(r.name) or ("" if r.builtin else "own")} for r in list_segments(session)]

    def save(self, name: str, rule: Any, description: str, previous_name: str | None) -> None:
        try:
            with self.db.transaction() as session:
                if previous_name is None or previous_name != name:
                    if name in segment_rules(session):
                        raise NameTaken(f"there is already a segment named '{name}'")
                if previous_name is not None and previous_name != name:
                    row = get_segment(session, previous_name)
                    if row.builtin:
                        raise InvalidState(f"segment '{previous_name}' is built in and keeps its name")
                    row.name = name
                    session.flush()
                save_segment(session, name, rule, description)
        except StorageError as exc:
            raise ValueError(str(exc)) from None

    def delete(self, name: str) -> None:
        try:
            with self.db.transaction() as session:
                delete_segment(session, name)
        except StorageError as exc:
            raise ValueError(str(exc)) from None

    def count(self, rule: Any) -> tuple[int, list[dict[str, Any]]]:
        now = self.now()
        with self.db.read() as session:
            segments = segment_rules(session)
        return (count_segment(self.db, rule, now, segments=segments),
                sample_members(self.db, rule, now, segments=segments, limit=SAMPLE_SIZE))


class ImportBridge:
    """ImportWizard's source: the very preview and import the command line uses."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def preview(self, path: str, kind: str) -> Preview:
        return preview(path, kind)

    def field_choices(self, kind: str) -> list[tuple[str, str]]:
        return import_formats.field_choices(kind)

    def run(self, path: str, kind: str, mapping: dict[str, str] | None, progress: Callable[[int, int], None],
            cancel: Callable[[], bool], decimal: str = "auto") -> ImportResult:
        if worth_a_process(path):  # the window's process only waits: nothing can stall it
            return import_file_in_process(self.db.url, kind, path, mapping=mapping, progress=progress,
                                          cancel=cancel, decimal=decimal)
        return import_file(self.db, kind, path, mapping=mapping, progress=progress, cancel=cancel, decimal=decimal)


def load_settings(db: Database) -> dict[str, Any]:
    with db.transaction() as session:  # the first look creates the row (and its secret)
        values = settings_dict(session)
        values["discount_secret"] = get_settings(session).discount_secret
        values["api_token"] = api_token(session)
    return values


def save_settings(db: Database, values: dict[str, Any]) -> None:
    """Stores the dialog's values; ValueError (naming the setting) when one is refused."""
    with db.transaction() as session:
        update_settings(session, **{k: v for k, v in values.items() if k in EDITABLE})
        if values.get("discount_secret"):
            get_settings(session).discount_secret = values["discount_secret"]


# -- what the menus call ------------------------------------------------------------------------
def _window(widget: QWidget, title: str, size: tuple[int, int]) -> QWidget:
    widget.setWindowFlag(Qt.WindowType.Window, True)
    widget.setWindowTitle(title)
    widget.resize(*size)
    widget.show()
    return widget


def open_customers_window(db: Database, parent: QWidget | None = None) -> CustomersView:
    view = CustomersView(CustomersBridge(db), parent)
    return _window(view, QCoreApplication.translate("CustomersView", "Customers"), (1180, 720))  # type: ignore[return-value]


def open_segments_window(db: Database, parent: QWidget | None = None) -> SegmentsEditor:
    with db.transaction() as session:
        ensure_builtin_segments(session)
    editor = SegmentsEditor(SegmentsBridge(db), parent)
    return _window(editor, QCoreApplication.translate("SegmentsEditor", "Segments"), (980, 680))  # type: ignore[return-value]


def open_import_wizard(db: Database, parent: QWidget | None = None, *, kind: str = "customers",
                       on_imported: Callable[[ImportResult], None] | None = None) -> ImportWizard:
    wizard = ImportWizard(ImportBridge(db), parent, kind=kind)
    if on_imported is not None:
        wizard.imported.connect(on_imported)
    wizard.open()
    return wizard


def open_shop_settings(db: Database, parent: QWidget | None = None,
                       on_saved: Callable[[dict[str, Any]], None] | None = None) -> ShopSettingsDialog:
    dialog = ShopSettingsDialog(load_settings(db), parent)

    def accepted() -> None:
        values = dialog.values()
        save_settings(db, values)
        if on_saved is not None:
            on_saved(values)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def seed_builtin_segments(db: Database) -> list[str]:
    """Adds the built-in segments a shop lacks (call when a database is created or opened)."""
    with db.transaction() as session:
        return ensure_builtin_segments(session)


def screenshots(folder: str, *, customers: int = 3000) -> list[str]:
    """Saves customers-view.png and segments-editor.png of the demo shop (for the docs)."""
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from storage.database import open_database
    from storage.demo_seed import seed_demo_shop

    app = QApplication.instance() or QApplication([])
    now = now_utc()
    db = open_database(Path(tempfile.mkdtemp(prefix="jb-shots-")) / "shop.sqlite")
    seed_demo_shop(db, n=customers, seed=1, now=now, future_days=0)
    seed_builtin_segments(db)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    view = CustomersView(CustomersBridge(db, now=lambda: now))
    view.resize(1420, 760)
    view.show()
    view.model.sort(1, Qt.SortOrder.AscendingOrder)
    first = view.model.customer_id(7)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    if first is not None:
        view.select_customer(view.model.customer_id(7) or first)
    view.tabs.setCurrentIndex(0)
    app.processEvents()
    paths = [str(out / "customers-view.png")]
    view.grab().save(paths[0])
    editor = SegmentsEditor(SegmentsBridge(db, now=lambda: now))
    editor.resize(1100, 720)
    editor.show()
    names = [r["name"] for r in editor.rows]
    editor.list.setCurrentRow(names.index("young_city_dwellers") if "young_city_dwellers" in names else 0)
    editor.wait_for_count()
    for _ in range(20):
        app.processEvents()
        editor.wait_for_count(100)
    paths.append(str(out / "segments-editor.png"))
    editor.grab().save(paths[1])
    view.close()
    editor.close()
    db.close()
    return paths


if __name__ == "__main__":  # python -m app.shop_pages DIR: the screenshots of docs/screenshots
    import sys

    print("\n".join(screenshots(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
