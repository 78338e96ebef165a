"""The sending session in the window: the monitor widget, its glue, email settings, lifecycle."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from aiosmtpd.controller import Controller
from session_helpers import make_db, store_journey, welcome
from sqlalchemy import text
from test_channels_secrets import MemoryKeyring

from app.session.session import SessionConfig
from app.session_pages import PASSWORD_SECRET, SessionPages, load_email_settings, save_email_settings
from storage import shop_repo
from storage.history_repo import add_event
from widgets.email_settings import EmailSettingsDialog
from widgets.session_monitor import SessionMonitor

pytest_plugins = ["app_testing"]
ROOT = Path(__file__).resolve().parents[1]

ROWS = [
    {"id": 4, "time": "2024-06-03 09:04", "journey": "Welcome", "node": "mail-1", "customer": "c4",
     "channel": "email", "status": "uncertain", "reason": "the session stopped while sending"},
    {"id": 3, "time": "2024-06-03 09:03", "journey": "Cart", "node": "sms-1", "customer": "c3",
     "channel": "sms", "status": "skipped", "reason": "no_consent"},
    {"id": 2, "time": "2024-06-03 09:02", "journey": "Welcome", "node": "mail-1", "customer": "c2",
     "channel": "email", "status": "failed", "reason": "550 no such user"},
    {"id": 1, "time": "2024-06-03 09:01", "journey": "Welcome", "node": "mail-1", "customer": "c1",
     "channel": "email", "status": "sent", "reason": ""},
]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.count += 1
        return "250 OK"


class Loopback(Controller):
    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@pytest.fixture
def smtp_server() -> Iterator[Loopback]:
    server = Loopback(Sink(), hostname="127.0.0.1", port=0)
    server.start()
    yield server
    server.stop()


# -- the widget alone -------------------------------------------------------------------------

def test_monitor_filters_and_exports(qtbot, tmp_path: Path) -> None:
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.set_rows(ROWS)
    assert monitor.proxy.rowCount() == 4
    monitor.status_filter.setCurrentIndex(monitor.status_filter.findData("failed"))
    assert [r[3] for r in monitor.visible_rows()] == ["c2"]
    monitor.status_filter.setCurrentIndex(0)
    monitor.search.setText("cart")
    assert [r[3] for r in monitor.visible_rows()] == ["c3"]
    # Reasons are in plain words, and the search finds them.
    assert "not agreed" in monitor.visible_rows()[0][6]
    monitor.search.setText("welcome c1")
    out = tmp_path / "log.csv"
    assert monitor.export_csv(out) == 1
    with open(out, newline="", encoding="utf-8") as f:
        lines = list(csv.reader(f))
    assert lines[0][:3] == ["Time", "Journey", "Step"] and lines[1][3] == "c1" and lines[1][5] == "sent"
    monitor.search.clear()
    assert monitor.export_csv(out) == 4


def test_monitor_buttons_status_and_uncertain(qtbot) -> None:
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.show()
    verdicts: list[tuple[int, str]] = []
    monitor.set_resolver(lambda message_id, verdict: verdicts.append((message_id, verdict)))
    assert monitor.start_button.isEnabled() and not monitor.stop_button.isEnabled()
    monitor.set_status({"state": "running", "since": "09:00", "next_wake": "09:00:01",
                        "counts": {"queued": 2, "sent": 5, "failed": 1, "uncertain": 1}})
    assert "5 sent" in monitor.status_label.text() and "next wake-up" in monitor.status_label.text()
    assert not monitor.start_button.isEnabled() and monitor.pause_button.isEnabled()
    with qtbot.waitSignal(monitor.pauseRequested):
        monitor.pause_button.click()
    monitor.set_rows(ROWS)
    assert monitor.uncertain_model.rowCount() == 1 and monitor.uncertain_box.isVisible()
    assert not monitor.mark_sent_button.isEnabled()
    monitor.uncertain_table.selectRow(0)
    monitor.mark_sent_button.click()
    monitor.send_again_button.click()
    assert verdicts == [(4, "sent"), (4, "resend")]
    monitor.set_rows(ROWS)  # the same rows a second later keep the selection
    assert monitor.mark_sent_button.isEnabled()


# -- email settings ----------------------------------------------------------------------------

def test_email_settings_keep_the_password_in_the_keyring(qtbot, tmp_path: Path,
                                                         memory_keyring: MemoryKeyring) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=1)
    try:
        dialog = EmailSettingsDialog(load_email_settings(db))
        qtbot.addWidget(dialog)
        dialog.host.setText("smtp.example.org")
        dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
        dialog.port.setValue(465)
        dialog.username.setText("shop@example.org")
        dialog.password.setText("s3cret-pa55")
        dialog.sender.setText("Shop <shop@example.org>")
        dialog.per_minute.setValue(30)
        save_email_settings(db, dialog.values())
        assert memory_keyring.store[("journey-builder", PASSWORD_SECRET)] == "s3cret-pa55"
        with db.read() as s:
            smtp = shop_repo.settings_dict(s)["smtp"]
            dump = " ".join(str(v) for row in s.execute(text("SELECT * FROM shop_settings")) for v in row)
        assert "s3cret-pa55" not in dump
        assert smtp == {"host": "smtp.example.org", "port": 465, "security": "ssl", "username": "shop@example.org",
                        "sender": "Shop <shop@example.org>", "rate_per_minute": 30,
                        "password_secret": PASSWORD_SECRET}
        loaded = load_email_settings(db)
        assert loaded["has_password"] and "password" not in loaded
        # build_channels finds the account and takes the password from the keyring.
        from app.session.outbox import build_channels

        with db.read() as s:
            shop = shop_repo.settings_dict(s)
        channels = build_channels(shop)
        config = channels.get("email").config  # type: ignore[union-attr]
        assert (config.host, config.port, config.security, config.password) == ("smtp.example.org", 465, "ssl",
                                                                                 "s3cret-pa55")
        assert config.sender == "Shop <shop@example.org>" and config.rate_per_minute == 30
        channels.close()
        # Saving again without typing the password keeps the stored one.
        again = EmailSettingsDialog(loaded)
        qtbot.addWidget(again)
        save_email_settings(db, again.values())
        assert memory_keyring.store[("journey-builder", PASSWORD_SECRET)] == "s3cret-pa55"
        with pytest.raises(ValueError), db.transaction() as s:
            shop_repo.update_settings(s, smtp={"host": "x", "password": "nope"})
    finally:
        db.close()


def test_send_test_button_connects_to_the_server(qtbot, smtp_server: Loopback, memory_keyring) -> None:
    from app.session_pages import check_email_settings

    dialog = EmailSettingsDialog({"host": "127.0.0.1", "port": smtp_server.port, "security": "none"},
                                 check_email_settings)
    qtbot.addWidget(dialog)
    assert dialog.run_test()
    assert "connected" in dialog.test_result.text()
    dialog.port.setValue(1)  # nothing listens there
    assert not dialog.run_test()


# -- a real session ----------------------------------------------------------------------------

def test_start_sends_and_the_row_appears_as_sent(qtbot, tmp_path: Path, smtp_server: Loopback,
                                                 memory_keyring) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=3)
    store_journey(db, welcome(delay=None))
    save_email_settings(db, {"host": "127.0.0.1", "port": smtp_server.port, "security": "none",
                             "sender": "shop@example.org", "password": ""})
    with db.transaction() as s:
        add_event(s, "c1", "signup", datetime.now(UTC))
        # mail through the shop's account reaches customers: their unsubscribe links must work
        shop_repo.update_settings(s, delivery={"public_url": "https://shop.example/jb"})
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.resize(1000, 600)
    monitor.show()
    badges: list[dict[str, str]] = []
    with db.read() as s:
        journey_id = s.execute(text("SELECT id FROM journeys")).scalar_one()
    pages = SessionPages(db, monitor, journey_id=lambda: journey_id, set_badges=badges.append,
                         config=SessionConfig(poll_interval=0.2, http_port=0))
    try:
        monitor.start_button.click()
        qtbot.waitUntil(lambda: any(r["status"] == "sent" and r["customer_id"] == "c1" for r in monitor._rows),
                        timeout=10000)
        assert smtp_server.handler.count == 1
        assert "127.0.0.1" in monitor.status_label.text()
        qtbot.waitUntil(lambda: bool(badges) and badges[-1].get("mail-1") == "1 sent", timeout=3000)
        assert monitor.state == "running" and monitor.pause_button.isEnabled()
        assert pages.worker is not None
        polls: list[object] = []
        pages.worker.polled.connect(polls.append)
        monitor.pause_button.click()
        assert monitor.state == "paused" and monitor.resume_button.isEnabled()
        with db.transaction() as s:
            add_event(s, "c2", "signup", datetime.now(UTC))
        # A running session wakes by the moment it last announced (0.2 s apart at most). Once that
        # moment is well past, a session that had not paused would have polled and sent.
        woken_by = (pages.next_wake or datetime.now(UTC)) + timedelta(seconds=0.4)
        qtbot.waitUntil(lambda: datetime.now(UTC) > woken_by, timeout=5000)
        assert len(polls) <= 1  # at most the wake-up that was under way when the pause came
        assert smtp_server.handler.count == 1  # paused: nothing goes
        monitor.resume_button.click()
        assert monitor.state == "running"
        qtbot.waitUntil(lambda: smtp_server.handler.count == 2, timeout=10000)
        with db.transaction() as s:  # no consent: the monitor says it was skipped, and why
            s.execute(text("UPDATE customers SET consent_email = 0 WHERE id = 'c3'"))
            add_event(s, "c3", "signup", datetime.now(UTC))
        qtbot.waitUntil(lambda: any(r["status"] == "skipped" and r["customer_id"] == "c3" for r in monitor._rows),
                        timeout=10000)
        assert "not agreed" in monitor.visible_rows()[0][6]
        sent_row = next(i for i, r in enumerate(monitor.visible_rows()) if r[3] == "Anna1")
        monitor.table.selectRow(sent_row)  # the message as it went out, rendered
        shown = monitor.message_view.toPlainText()
        assert "c1@example.org" in shown and "Welcome Anna1" in shown and "thanks for joining" in shown
        monitor.table.selectRow(0)  # skipped: nothing was sent, so there is nothing to show
        assert monitor.message_view.toPlainText() == ""
        monitor.table.selectRow(sent_row)
        if os.environ.get("JB_UPDATE_SCREENSHOTS") == "1":
            pages.refresh()
            monitor.grab().save(str(ROOT / "docs" / "screenshots" / "session-monitor.png"))
        monitor.stop_button.click()
        qtbot.waitUntil(lambda: pages.worker is None, timeout=10000)
        assert monitor.state == "stopped" and monitor.start_button.isEnabled()
        assert badges[-1] == {}
    finally:
        pages.shutdown()
        db.close()


def test_closing_the_window_mid_session_releases_the_database(qtbot, tmp_path: Path, smtp_server: Loopback,
                                                              memory_keyring) -> None:
    """The session runs on APScheduler's Qt scheduler; the window closing (paused or not) stops
    it at once and leaves the lease free for the next session, in the app or `run`."""
    from app.session import SendingSession
    from app.session.outbox import ChannelSet
    from app.session_pages import GuiScheduler

    db = make_db(tmp_path / "shop.sqlite", customers=2)
    store_journey(db, welcome(delay=None))
    save_email_settings(db, {"host": "127.0.0.1", "port": smtp_server.port, "security": "none",
                             "sender": "shop@example.org", "password": ""})
    with db.transaction() as s:
        shop_repo.update_settings(s, delivery={"public_url": "https://shop.example/jb"})
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    pages = SessionPages(db, monitor, config=SessionConfig(poll_interval=0.2, http_port=0))
    try:
        monitor.start_button.click()
        qtbot.waitUntil(lambda: pages.state == "running", timeout=10000)
        assert pages.worker is not None and isinstance(pages.worker.scheduler, GuiScheduler)
        qtbot.waitUntil(lambda: pages.next_wake is not None, timeout=5000)  # woken by the Qt timer
        with db.transaction() as s:
            add_event(s, "c1", "signup", datetime.now(UTC))
        qtbot.waitUntil(lambda: smtp_server.handler.count == 1, timeout=10000)
        monitor.pause_button.click()
        pages.shutdown()
        assert pages.worker is None and pages.state == "stopped"
        after = SendingSession(db, ChannelSet())
        after.start()  # the lease was released: no SessionBusy
        after.close()
    finally:
        pages.shutdown()
        db.close()


# -- the window ---------------------------------------------------------------------------------

def test_window_has_the_session_menu_dock_and_lifecycle(window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMenu, QMessageBox

    from storage import journeys_repo

    menus = [a.menu().objectName() for a in window.menuBar().actions() if a.menu() is not None]
    assert menus.index("menu_session") == menus.index("menu_help") - 1
    tools = window.tools
    assert tools.session_dock.widget().widget() is tools.monitor
    assert tools.session_dock in window.tabifiedDockWidgets(tools.calendar_dock)
    session_menu = window.findChild(QMenu, "menu_session")
    assert {a.objectName() for a in session_menu.actions()} >= {"action_journey_publish", "action_journey_pause",
                                                                 "action_journey_resume", "action_journey_archive"}
    with window.controller.db.read() as s:
        name = next(j.name for j in journeys_repo.list_journeys(s))
    assert window.open_journey(name)
    assert tools.lifecycle.publish()
    with window.controller.db.read() as s:
        assert journeys_repo.get_record(s, name).run_status == "active"
        assert journeys_repo.load_journey(s, name, "live") is not None
    assert tools.lifecycle.pause()
    with window.controller.db.read() as s:
        assert journeys_repo.get_record(s, name).run_status == "paused"
    assert tools.lifecycle.resume()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert tools.lifecycle.archive()
    with window.controller.db.read() as s:
        assert journeys_repo.get_record(s, name).run_status == "archived"


def test_parked_runs_show_with_their_reason_and_retry_wakes_them(qtbot, tmp_path: Path, monkeypatch) -> None:
    from session_helpers import T, set_published_at, wrap_message_acts

    from app.session import FakeClock, SendingSession
    from app.session.outbox import ChannelSet
    from storage import session_repo

    db = make_db(tmp_path / "shop.sqlite", customers=2)
    store_journey(db, welcome(delay=None))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    with db.transaction() as s:
        for cid in ("c1", "c2"):
            add_event(s, cid, "signup", T("2026-03-02T10:00:00Z"))

    def fail_for_c2(original):
        def act(run, token, plan):
            if run.profile.id == "c2":
                raise ValueError("the birthdate cannot be read")
            return original(run, token, plan)
        return act

    wrap_message_acts(monkeypatch, fail_for_c2)
    session = SendingSession(db, ChannelSet(), clock=FakeClock(T("2026-03-02T10:00:01Z")),
                             config=SessionConfig(deliver=False))
    session.poll()
    session.close()
    monkeypatch.undo()
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.resize(1000, 700)
    monitor.show()
    pages = SessionPages(db, monitor)
    try:
        pages.refresh()
        assert monitor.parked_box.isVisible() and "1 customer" in monitor.parked_box.title()
        row = [monitor.parked_model.item(0, c).text() for c in range(3)]
        assert row == ["Welcome", "Anna2", "ValueError: the birthdate cannot be read"]  # by name
        monitor.retry_parked_button.click()
        assert not monitor.parked_box.isVisible()
        with db.read() as s:
            assert session_repo.parked_runs(s)[0] == 0
    finally:
        pages.shutdown()
        db.close()


def test_a_session_that_would_mail_customers_without_a_working_unsubscribe_does_not_start(
        qtbot, tmp_path: Path, smtp_server: Loopback, memory_keyring) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=1)
    store_journey(db, welcome(delay=None))
    save_email_settings(db, {"host": "127.0.0.1", "port": smtp_server.port, "security": "none",
                             "sender": "shop@example.org", "password": ""})
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.show()
    pages = SessionPages(db, monitor, config=SessionConfig(poll_interval=0.2, http_port=0))
    try:
        monitor.start_button.click()
        qtbot.waitUntil(lambda: pages.worker is None, timeout=10000)
        assert monitor.state == "stopped"
        shown = monitor.status_label.text()
        assert "could not start" in shown and "customers cannot reach" in shown and "public address" in shown
        assert smtp_server.handler.count == 0
    finally:
        pages.shutdown()
        db.close()


def test_the_monitor_shows_the_workers_beside_the_session(qtbot, tmp_path: Path) -> None:
    """A shop on PostgreSQL has several `run` processes; the monitor lists them from the workers
    table (here rows as two processes on two machines would have written them)."""
    from datetime import timedelta

    from engine.timeutil import now_utc
    from storage import workers_repo
    from storage.models import WorkerRow

    db = make_db(tmp_path / "shop.sqlite", customers=1)
    now = now_utc()
    with db.transaction() as s:
        workers_repo.register(s, "shop-1:100:aa", "session", now)
        workers_repo.register(s, "shop-2:200:bb", "worker", now)
        workers_repo.beat(s, "shop-2:200:bb", now, runs=1200, sent=0)
        s.add(WorkerRow(owner="shop-3:300:cc", host="shop-3", pid=300, role="worker", started_at=now,
                        heartbeat_at=now - timedelta(minutes=5), batches=1, runs=10, steps=30, sent=0))
    monitor = SessionMonitor()
    qtbot.addWidget(monitor)
    monitor.resize(1000, 700)
    monitor.show()
    pages = SessionPages(db, monitor)
    try:
        pages.refresh()
        assert monitor.workers_box.isVisible() and "2 at work" in monitor.workers_box.title()
        rows = [[monitor.workers_model.item(r, c).text() for c in (0, 3)] for r in range(3)]
        assert rows[0][0] == "session" and ["worker", "1200"] in rows and ["worker, gone", "10"] in rows
    finally:
        pages.shutdown()
        db.close()
