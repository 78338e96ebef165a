"""The sending log names its clock and its customers: times in the shop's time zone, said in the
Time column's header, and customers by name with their id in a tooltip and in the search.

The old log showed times in the computer's zone without saying so, and bare customer ids.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import text

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session_pages import SessionPages
from storage import shop_repo
from storage.history_repo import add_event
from widgets.session_monitor import SessionMonitor

pytest_plugins = ["app_testing"]


def _sent_at(db, zone: str):
    """A shop in `zone` whose session sent the welcome mail to c1 and c2 at 2026-03-02 10:00 UTC."""
    store_journey(db, welcome(delay=None))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    with db.transaction() as s:
        shop_repo.update_settings(s, timezone=zone)
        s.execute(text("UPDATE customers SET first_name = NULL, last_name = NULL WHERE id = 'c3'"))
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    session = SendingSession(db, ChannelSet({"email": RecordingChannel()}), clock=clock)
    session.start()
    for customer in ("c1", "c2", "c3"):
        with db.transaction() as s:
            add_event(s, customer, "signup", clock.now())
    clock.advance(timedelta(seconds=1))
    session.poll()
    session.close()


def test_the_log_shows_shop_time_with_its_zone_and_customers_by_name(qtbot, tmp_path: Path) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=3, last_name="Schmidt")
    _sent_at(db, "America/New_York")
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    pages = SessionPages(db, monitor)
    try:
        pages.refresh()
        monitor.show()
        pages.refresh()
        header = monitor.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "Time (America/New_York)"
        shown = monitor.visible_rows()
        assert len(shown) == 3
        # 10:00 UTC is 05:00 in New York; the computer's own zone plays no part
        assert {row[0][:16] for row in shown} == {"2026-03-02 05:00"}
        customers = sorted(row[3] for row in shown)
        assert customers == ["Anna1 Schmidt", "Anna2 Schmidt", "c3@example.org"]
        row = next(r for r in range(monitor.model.rowCount()) if monitor.model.item(r, 3).text() == "Anna2 Schmidt")
        assert monitor.model.item(row, 3).toolTip() == "Customer id: c2"
        monitor.search.setText("c2")  # the id still finds the row
        assert [r[3] for r in monitor.visible_rows()] == ["Anna2 Schmidt"]
    finally:
        pages.shutdown()
        db.close()
