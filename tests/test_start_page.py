"""Finding one's way: a start page on the first start with three first steps that work, and a
Help menu with the start page and an offline user guide in the UI's language.

The old window opened the first template on a first start with no word of what the app is, and
its Help menu had only "About".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

import app.cli
from app.help_wiring import guide_html
from app.main_window import MainWindow
from app.session_pages import save_email_settings
from widgets.gallery_dialog import GalleryDialog

pytest_plugins = ["app_testing"]


def _help_texts(win: MainWindow) -> list[str]:
    menu = win.findChild(QMenu, "menu_help")
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_first_start_shows_the_start_page_and_later_starts_do_not(tmp_path: Path, small_demo,
                                                                       monkeypatch) -> None:
    seen: list[tuple[bool, str, list[str]]] = []

    def fake_exec(_app=None) -> int:
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append((win.central.currentWidget() is win.help.page, win.journey.name if win.journey else "",
                     _help_texts(win)))
        win.close()
        win.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    db = tmp_path / "shop.sqlite"
    assert app.cli.main(["--db", str(db)]) == 0
    assert app.cli.main(["--db", str(db)]) == 0
    (first, first_journey, help_menu), (second, _, _) = seen
    assert first and first_journey  # the page in front, the first template open behind it
    assert not second
    assert help_menu[:2] == ["&Start page", "&User guide"]


def test_the_three_first_steps_and_the_guide(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    pages = window.help
    pages.show_start_page()
    assert pages.showing()
    page = pages.page
    assert set(page.buttons) == {"template", "simulate", "sending", "guide"}

    # 1. a template: the gallery, and the new journey on the canvas
    def accept(dialog: GalleryDialog) -> int:
        dialog.select("Loyalty")
        return GalleryDialog.DialogCode.Accepted

    monkeypatch.setattr(GalleryDialog, "exec", accept)
    qtbot.mouseClick(page.buttons["template"], Qt.MouseButton.LeftButton)
    assert window.journey is not None and window.journey.name == "Loyalty (2)"
    assert window.central.currentWidget() is window.view

    # 2. simulate: the simulator dock beside the open journey
    window.named_actions["start_page"].trigger()
    assert pages.showing()
    qtbot.mouseClick(page.buttons["simulate"], Qt.MouseButton.LeftButton)
    assert window.central.currentWidget() is window.view
    assert window.tools.simulator_dock.isVisible()

    # 3. sending: with no mail account the session starts, to the local catcher
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    window.named_actions["start_page"].trigger()
    session = window.tools.session_pages
    try:
        qtbot.mouseClick(page.buttons["sending"], Qt.MouseButton.LeftButton)
        assert session.running and window.tools.session_dock.isVisible()
        qtbot.waitUntil(lambda: "catcher" in window.tools.monitor.status_label.text(), timeout=15000)
    finally:
        session.stop()
        qtbot.waitUntil(lambda: session.worker is None, timeout=15000)

    # with a mail account, the page does not start a session that would reach real customers
    save_email_settings(window.controller.db, {"host": "mail.example.org", "port": 587, "security": "starttls",
                                               "sender": "shop@example.org", "password": ""})
    qtbot.mouseClick(page.buttons["sending"], Qt.MouseButton.LeftButton)
    assert not session.running and "real customers" in page.note.text()

    # the guide: F1's action and the page's button open the offline guide
    qtbot.mouseClick(page.buttons["guide"], Qt.MouseButton.LeftButton)
    guide = pages.guide
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "First steps" in text and "Population run" in text and "Sending session" in text
    assert window.named_actions["user_guide"].shortcut().toString() == "F1"
    guide.close()


def test_the_guide_comes_in_each_language() -> None:
    english = guide_html("en")
    for language, heading in (("de", "Erste Schritte"), ("ru", "Первые шаги"), ("es", "Primeros pasos")):
        text = guide_html(language)
        assert heading in text and text != english
        assert text.count("<h2>") == english.count("<h2>")
    assert guide_html("xx") == english
