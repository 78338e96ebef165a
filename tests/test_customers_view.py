"""The customer list pages, searches and sorts; a hand edit of a consent is undoable and logged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.shop_pages import CustomersBridge
from storage.customers_repo import get_customer
from storage.database import open_database
from storage.history_repo import events_of
from storage.importers import import_file
from widgets.customers_model import CustomersModel
from widgets.customers_view import CustomersView

DATA = Path(__file__).parent / "data"
NOW = datetime(2026, 11, 2, 12, tzinfo=UTC)


class FakeSource:
    """5,000 customers in memory; counts what the model asks for."""

    def __init__(self, n: int = 5000) -> None:
        self.people = [{"id": f"c{i:05d}", "name": f"Name {n - i}", "email": f"p{i}@example.org",
                        "city": ("Berlin", "Hamburg", "Köln")[i % 3], "country": "DE", "signup_at": None,
                        "consent": {"email": i % 2 == 0}} for i in range(n)]
        self.row_calls: list[int] = []

    def ids(self, search: str, sort: str, descending: bool) -> list[str]:
        found = [p for p in self.people if not search or any(search.lower() in str(p[k]).lower()
                                                              for k in ("name", "email", "city"))]
        found.sort(key=lambda p: str(p.get(sort) or ""), reverse=descending)
        return [p["id"] for p in found]

    def rows(self, ids):
        self.row_calls.append(len(ids))
        index = {p["id"]: p for p in self.people}
        return [index[i] for i in ids]


def test_model_fetches_only_the_pages_it_shows(qtbot):
    source = FakeSource()
    model = CustomersModel(source)
    assert model.rowCount() == 5000 and source.row_calls == []
    assert model.data(model.index(0, 0)) == "c00000"
    assert model.data(model.index(4999, 2)) == "p4999@example.org"
    assert model.data(model.index(1, 6)) == "—" and model.data(model.index(0, 6)) == "email"
    assert source.row_calls == [CustomersModel.PAGE, CustomersModel.PAGE]
    model.data(model.index(10, 1))  # same page: no new fetch
    assert model.pages_fetched == 2


def test_model_sorts_and_searches(qtbot):
    model = CustomersModel(FakeSource())
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1)) == "Name 999"  # text order, descending
    model.sort(6, Qt.SortOrder.AscendingOrder)  # consent column: not sortable, nothing happens
    assert model.sort_key == "name"
    model.set_search("köln")
    assert model.rowCount() == 1666 and all(model.data(model.index(r, 3)) == "Köln" for r in range(5))


@pytest.fixture
def shop(tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    assert import_file(db, "customers", DATA / "shopify_customers.csv").ok
    assert import_file(db, "orders", DATA / "shopify_orders.csv").ok
    from storage.segment_count import ensure_builtin_segments

    with db.transaction() as s:
        ensure_builtin_segments(s)
    yield db
    db.close()


def test_bridge_sorts_and_searches_the_database(shop):
    bridge = CustomersBridge(shop, now=lambda: NOW)
    assert bridge.ids("", "name", False)[0] == "7012345678901"  # Anna Schmidt
    assert bridge.ids("", "city", True)[:1] == ["7012345678904"]  # Москва sorts last in text order
    assert bridge.ids("münchen", "id", False) == ["7012345678902"]
    assert bridge.ids("garcía", "id", False) == ["7012345678903"]
    rows = bridge.rows(["7012345678904", "7012345678901"])
    assert [r["name"] for r in rows] and {r["id"] for r in rows} == {"7012345678901", "7012345678904"}


def test_detail_shows_orders_and_segments(qtbot, shop):
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.select_customer("7012345678901")
    assert view.title.text() == "Anna Schmidt"
    assert view.orders_table.rowCount() == 1 and view.orders_table.item(0, 1).text() == "#1001"
    segments = [view.segments_list.item(i).text() for i in range(view.segments_list.count())]
    assert "buyers" in segments and "prospects" not in segments
    assert view.fields["city"].text() == "Hamburg" and view.consents["email"].isChecked()


def test_editing_a_consent_is_undoable_and_logged(qtbot, shop):
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.select_customer("7012345678901")
    view.consents["email"].click()  # a person unticks it

    def consent() -> bool:
        with shop.read() as s:
            return get_customer(s, "7012345678901").consent_email

    assert consent() is False and view.undo_stack.count() == 1
    with shop.read() as s:
        logged = [e for e in events_of(s, "7012345678901") if e.type == "profile_edited"]
    assert [e.properties for e in logged] == [{"changed": {"consent.email": {"from": True, "to": False}},
                                               "by": "hand"}]
    view.undo_stack.undo()
    assert consent() is True and view.consents["email"].isChecked()
    view.undo_stack.redo()
    assert consent() is False and not view.consents["email"].isChecked()
    with shop.read() as s:
        assert len([e for e in events_of(s, "7012345678901") if e.type == "profile_edited"]) == 3


def test_editing_a_field_and_a_refused_value(qtbot, shop, monkeypatch):
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.select_customer("7012345678902")
    view.fields["city"].setText("Augsburg")
    view.fields["city"].editingFinished.emit()
    with shop.read() as s:
        assert get_customer(s, "7012345678902").city == "Augsburg"
    row = view.model.row_of("7012345678902")
    assert view.model.data(view.model.index(row, 3)) == "Augsburg"
    warnings = []
    monkeypatch.setattr("widgets.customers_view.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    view.fields["birthdate"].setText("31.02.1990")
    view.fields["birthdate"].editingFinished.emit()
    assert warnings and "birthdate" in warnings[0]
    assert view.fields["birthdate"].text() == "" and view.undo_stack.count() == 1
    view.undo_stack.undo()
    with shop.read() as s:
        assert get_customer(s, "7012345678902").city == "München"


@pytest.mark.parametrize(("key", "typed", "words"), [
    ("email", "Jürgen <juergen@example.de>, evil@example.org", "email: "),
    ("email", "juergen@example.de evil@example.org", "email: "),
    ("phone", "+1 212 555", "phone: "),
    ("phone", "12", "phone: "),
])
def test_a_hand_edit_with_a_bad_address_is_refused_and_nothing_stored(qtbot, shop, monkeypatch, key, typed,
                                                                      words):
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    view.select_customer("7012345678902")
    warnings = []
    monkeypatch.setattr("widgets.customers_view.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    view.fields[key].setText(typed)
    view.fields[key].editingFinished.emit()
    assert len(warnings) == 1 and warnings[0].startswith(words) and "\n" not in warnings[0]
    assert view.undo_stack.count() == 0
    with shop.read() as s:
        c = get_customer(s, "7012345678902")
        assert (c.email, c.phone) == ("juergen.mueller@example.de", None)
        assert not [e for e in events_of(s, "7012345678902") if e.type == "profile_edited"]


def test_the_bridge_refuses_header_injection_and_stores_phones_as_e164(shop):
    bridge = CustomersBridge(shop, now=lambda: NOW)
    for changes in ({"email": '"x\r\nBcc: evil@example.org" <c9@example.org>'},
                    {"first_name": "Jürgen\r\nBcc: evil@example.org"}):
        with pytest.raises(ValueError, match=f"^{next(iter(changes))}: "):
            bridge.update("7012345678902", changes)
    bridge.update("7012345678902", {"phone": "0151 12345678"})  # national, read in the customer's DE
    bridge.update("7012345678902", {"email": "Jürgen@MÜNCHEN.example"})
    with shop.read() as s:
        c = get_customer(s, "7012345678902")
        assert (c.phone, c.email, c.first_name) == ("+4915112345678", "Jürgen@münchen.example", "Jürgen")
        logged = [e.properties["changed"] for e in events_of(s, "7012345678902") if e.type == "profile_edited"]
    assert logged[0] == {"phone": {"from": None, "to": "+4915112345678"}}


def test_search_box_filters_after_a_pause(qtbot, shop):
    view = CustomersView(CustomersBridge(shop, now=lambda: NOW))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 4
    qtbot.keyClicks(view.search, "madrid")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert view.count_label.text() == "1 customer"
