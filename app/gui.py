"""Starting the desktop app from the command line (`journey-builder` with no subcommand).

Qt is imported here and not in `app.cli`, so the headless subcommands start fast and run on
machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.main_window import APPLICATION, ORGANIZATION, THEME_KEY, MainWindow, app_version, open_settings
from app.theme import THEMES, apply_theme, system_theme

SCREENSHOT_SIZE = (1400, 900)


def _application() -> QApplication:
    """Reuse an existing QApplication (pytest-qt makes one) since Qt allows only one per process."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    elif existing is not None:
        raise RuntimeError("a non-GUI QCoreApplication already exists; the window cannot be shown")
    else:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(app_version())
    app.setDesktopFileName("journey-builder")
    return app


def _initial_theme(requested: str | None) -> str:
    """`--theme` wins for this run only; otherwise the last menu choice, otherwise the desktop's."""
    if requested in THEMES:
        return requested
    saved = open_settings().value(THEME_KEY)
    return saved if saved in THEMES else system_theme()


def _tr(text: str) -> str:
    return QCoreApplication.translate("gui", text)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; with `--screenshot` render it once to a PNG and return without a loop."""
    app = _application()
    apply_theme(app, _initial_theme(getattr(args, "theme", None)))

    screenshot = getattr(args, "screenshot", None)
    # Said aloud rather than ignored: these options are accepted so scripts can use them already.
    for option, value in (("--db", getattr(args, "db", None)), ("--open", getattr(args, "open_journey", None))):
        if value:
            print(_tr("journey-builder: {option} is not used by the window yet; ignoring it")
                  .format(option=option), file=sys.stderr)

    if screenshot:
        return _screenshot(app, Path(screenshot))

    window = MainWindow()
    window.show()
    return int(app.exec())


def _screenshot(app: QApplication, path: Path) -> int:
    """Fixed size and no remembered layout, so the picture is the same on every machine."""
    window = MainWindow(persist_layout=False)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(3):  # layout and polish can take more than one pass to settle
        app.processEvents()
    image = window.grab()
    window.close()
    window.deleteLater()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # reported below, in the same words as any other write failure
    if image.isNull() or not image.save(str(path), "PNG"):
        print(_tr("journey-builder: could not write the screenshot to {path}").format(path=path),
              file=sys.stderr)
        return 1
    return 0
