"""The screenshot script: every dock and dialog at 1280×720 in en/de/ru/es, none with a control
cut; and the first-start dialog, which a larger desktop font used to clip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel

from app.gui import BusyDialog
from app.i18n import install_translator
from app.screenshots import LANGUAGES, main, make_screenshots
from widgets.layout_audit import cut_widgets, describe

pytest_plugins = ["app_testing"]

FIRST_START = "Setting up the demo shop: customers, orders and ten ready journeys…"
EXPECTED = {"main-window", "dock-inspector", "dock-inspector-message", "dock-simulator-after-run",
            "dock-population", "dock-problems", "dock-calendar", "dock-session", "dock-library",
            "dock-palette", "dialog-new-from-template", "dialog-about", "dialog-first-start",
            "dialog-shop-settings", "dialog-email-settings", "window-customers", "window-segments",
            "dialog-import-customers"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_start_dialog_shows_its_whole_text_with_a_larger_font(qtbot, language: str) -> None:
    """A desktop font larger than the one the dialog was sized with (as on the X desktop where
    the clipping was seen) must grow the dialog, not clip its text."""
    app = QApplication.instance()
    install_translator(app, language)
    try:
        dialog = BusyDialog(QCoreApplication.translate("gui", FIRST_START))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        font = dialog.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        dialog.setFont(font)
        qtbot.waitUntil(lambda: not cut_widgets(dialog), timeout=2000)
        label = next(w for w in dialog.findChildren(QLabel) if w.text())
        assert label.text() == QCoreApplication.translate("gui", FIRST_START)
        assert not cut_widgets(dialog), describe(cut_widgets(dialog))
        assert dialog.width() <= 1280 and dialog.height() <= 720
    finally:
        install_translator(app, "en")


def test_the_script_shoots_every_dock_and_dialog_in_every_language(shop_db: Path, tmp_path: Path) -> None:
    shots = make_screenshots(tmp_path, db=shop_db, run_population=False)
    for language in LANGUAGES:
        names = {shot.name for shot in shots if shot.language == language}
        assert EXPECTED <= names, (language, EXPECTED - names)
    for shot in shots:
        image = QImage(str(shot.path))
        assert not image.isNull() and image.width() <= 1280 and image.height() <= 720, shot.path
        assert not shot.cuts, f"{shot.language}/{shot.name}:\n" + "\n".join(shot.cuts)
    window = QImage(str(tmp_path / "ru" / "main-window.png"))
    assert (window.width(), window.height()) == (1280, 720)


def test_the_command_writes_its_pictures_and_reports_success(shop_db: Path, tmp_path: Path, capsys) -> None:
    assert main(["--out", str(tmp_path), "--languages", "de", "--db", str(shop_db)]) == 0
    assert (tmp_path / "de" / "dock-population-after-run.png").is_file()
    assert "0 with cut controls" in capsys.readouterr().out
