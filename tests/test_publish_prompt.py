"""Re-publishing asks about customers inside the live version only when somebody is inside.

A live journey with a date trigger gives every customer a run that waits for the date; those
runs are not customers in the journey, and the publish dialog must not count them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from storage import journeys_repo
from storage.history_repo import add_event

pytest_plugins = ["app_testing"]


def session_for(db, clock):
    s = SendingSession(db, ChannelSet({"email": RecordingChannel()}), clock=clock)
    s.start()
    return s, None


def signup(db, customer, at):
    with db.transaction() as session:
        add_event(session, customer, "signup", at)


def _date_triggered(delay: str = "P1D") -> dict:
    data = welcome(delay=delay)
    data["nodes"][0]["config"] = {"kind": "date", "field": "customer.signup_at", "offset": "P30D"}
    return data


def _window(qtbot, path: Path, monkeypatch):
    import app.autosave
    from app.controller import ShopController
    from app.main_window import MainWindow

    monkeypatch.setattr(app.autosave, "AUTOSAVE_MS", 50)
    controller = ShopController(path)
    win = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win, controller


def _asked(monkeypatch) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        box.done(0)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


def test_publishing_again_does_not_ask_when_runs_only_wait_for_their_trigger(qtbot, tmp_path: Path,
                                                                             monkeypatch) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=5, signup_at="2026-03-01T12:00:00Z")
    store_journey(db, _date_triggered())
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    s, _channel = session_for(db, FakeClock(T("2026-03-02T10:00:00Z")))
    s.poll()  # every customer now has a run waiting for their date; nobody has entered
    s.close()
    with db.transaction() as session:
        journeys_repo.import_journey(session, _date_triggered("P2D"))
    db.close()
    win, controller = _window(qtbot, tmp_path / "shop.sqlite", monkeypatch)
    try:
        asked = _asked(monkeypatch)
        assert win.open_journey("Welcome")
        assert win.tools.lifecycle.publish()
        assert asked == []  # the old dialog said "5 customer(s) are inside the live version"
        with controller.db.read() as session:
            assert journeys_repo.load_journey(session, "Welcome", "live").node("wait").config["duration"] == "P2D"
    finally:
        win.close()
        controller.close()


def test_publishing_again_counts_customers_really_inside(qtbot, tmp_path: Path, monkeypatch) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=3)
    store_journey(db, welcome(delay="P1D"))
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    s, _channel = session_for(db, clock)
    signup(db, "c1", clock.now())
    signup(db, "c2", clock.now() + timedelta(seconds=1))
    clock.advance(timedelta(seconds=5))
    s.poll()
    s.close()
    with db.transaction() as session:
        journeys_repo.import_journey(session, welcome(delay="P2D"))
    db.close()
    win, controller = _window(qtbot, tmp_path / "shop.sqlite", monkeypatch)
    try:
        asked = _asked(monkeypatch)
        assert win.open_journey("Welcome")
        assert not win.tools.lifecycle.publish()  # the dialog was closed without a choice
        assert len(asked) == 1 and asked[0].startswith("2 ")
    finally:
        win.close()
        controller.close()

