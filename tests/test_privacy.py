"""A customer's data exported whole, and erased whole (`customer export|erase`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from storage.database import open_database
from storage.errors import NotFound
from storage.importers import import_file
from storage.models import EnrollmentRow, EventRow, MessageLogRow, OrderRow
from storage.privacy import erase_customer, export_customer

DATA = Path(__file__).parent / "data"
AT = datetime(2026, 11, 2, 18, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "shop.sqlite")
    assert import_file(database, "customers", DATA / "profiles.json").ok
    with database.transaction() as s:
        enrollment = EnrollmentRow(customer_id="c-17", status="ended", entered_at=AT, ended_at=AT,
                                   end_reason="goal", entry={"event": "cart_abandoned"})
        s.add(enrollment)
        s.flush()
        s.add(MessageLogRow(enrollment_id=enrollment.id, node_id="mail-1", channel="email", status="sent",
                            sent_at=AT, payload={"subject": "Anna, your cart is waiting"}))
        other = EnrollmentRow(customer_id="c-18", status="active", entered_at=AT)
        s.add(other)
        s.flush()
        s.add(MessageLogRow(enrollment_id=other.id, node_id="mail-1", channel="email", status="queued"))
    yield database
    database.close()


def _rows(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_export_has_everything_about_one_customer(db):
    data = export_customer(db, "c-17")
    assert data["format"] == "journey-builder/customer-export-1"
    assert data["customer"]["email"] == "anna@example.org" and data["customer"]["consent"]["sms"] is True
    assert [o["id"] for o in data["orders"]] == ["o-1"]
    assert [e["type"] for e in data["events"]] == ["order_placed", "cart_abandoned"]  # the order is an event too
    assert [(e["status"], e["end_reason"]) for e in data["enrollments"]] == [("ended", "goal")]
    assert [(m["channel"], m["status"], m["payload"]["subject"]) for m in data["messages"]] == [
        ("email", "sent", "Anna, your cart is waiting")]
    json.dumps(data)  # JSON-able as it is
    with pytest.raises(NotFound):
        export_customer(db, "nobody")


def test_erase_removes_their_data_and_messages_only(db):
    counts = erase_customer(db, "c-17")
    assert {k: counts[k] for k in ("orders", "events", "enrollments", "messages")} == {
        "orders": 1, "events": 2, "enrollments": 1, "messages": 1}
    assert (_rows(db, OrderRow), _rows(db, EventRow), _rows(db, EnrollmentRow), _rows(db, MessageLogRow)) == (0, 0, 1, 1)
    with pytest.raises(NotFound):
        export_customer(db, "c-17")
    assert export_customer(db, "c-18")["customer"]["id"] == "c-18"


def test_cli_export_and_erase(db, tmp_path, capsys):
    out = tmp_path / "anna.json"
    assert main(["customer", "export", "c-17", str(out), "--db", str(db.path)]) == 0
    assert json.loads(out.read_text())["customer"]["id"] == "c-17"
    assert "1 orders" in capsys.readouterr().out
    assert main(["customer", "erase", "c-17", "--db", str(db.path)]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert main(["customer", "erase", "c-17", "--yes", "--db", str(db.path)]) == 0
    assert capsys.readouterr().out.startswith("erased customer c-17 with 1 orders")
    assert main(["customer", "export", "c-17", str(out), "--db", str(db.path)]) == 2
    assert "no customer with id 'c-17'" in capsys.readouterr().err
