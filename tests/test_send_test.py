""""Send a test to me" on every message: the inspector's button sends the previewed message,
marked as a test, to the owner's address, the way a session would (here: the local catcher and
the local sink, since the test shop has no mail account). Before, only a whole session could
send anything, and only to customers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.main_window import MainWindow
from engine.channels.catcher import read_outbox
from storage.models import OutboxRow

pytest_plugins = ["app_testing"]


def _answer(monkeypatch, asked: list[str], address: str) -> None:
    def get_text(parent, title, label, echo=None, text="", *args, **kwargs):
        asked.append(kwargs.get("text", text))
        return address, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))


def test_an_email_and_an_sms_go_to_me_as_tests(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = tmp_path / "journey-builder-catcher"
    assert window.open_journey("Welcome series")
    window.view.select_node("mail-1")
    form = window.inspector.node_form
    assert form is not None and form.test_button is not None and form.test_button.isEnabled()
    asked: list[str] = []
    _answer(monkeypatch, asked, "owner@example.org")
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert "Test sent to owner@example.org" in form.test_status.text()
    mail = [e for e in read_outbox(folder) if e["channel"] == "email"]
    assert len(mail) == 1 and mail[0]["to"] == "owner@example.org"
    assert mail[0]["subject"].startswith("[Test] ") and "{{" not in mail[0]["subject"]
    assert form.preview.as_sent["subject"] in mail[0]["subject"]

    # the address is remembered for the next test
    window.view.select_node("mail-2")
    form = window.inspector.node_form
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == "owner@example.org"

    assert window.open_journey("Prospect reactivation by segment")
    window.view.select_node("young-sms")
    form = window.inspector.node_form
    _answer(monkeypatch, asked, "+4915112345678")
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    sms = [e for e in read_outbox(folder) if e["channel"] == "sms"]
    assert len(sms) == 1 and sms[0]["to"] == "+4915112345678" and sms[0]["text"].startswith("[Test] ")

    # a test is no message to a customer: nothing in the outbox or any history
    with window.controller.db.read() as s:
        assert s.query(OutboxRow).count() == 0


def test_a_message_whose_template_fails_is_not_sent(qtbot, window: MainWindow, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert window.open_journey("Welcome series")
    window.view.select_node("mail-1")
    form = window.inspector.node_form
    node = window.journey.node("mail-1")
    from widgets.commands import ChangeNode

    window.undo_stack.push(ChangeNode(window.journey, "mail-1", config={**node.config, "subject": "{{ 1 / 0 }}"}))
    asked: list[str] = []
    _answer(monkeypatch, asked, "owner@example.org")
    form = window.inspector.node_form
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert form.test_status.text().startswith("Fix the message first") and asked == []
    assert not (tmp_path / "journey-builder-catcher").exists() or not read_outbox(tmp_path / "journey-builder-catcher")
