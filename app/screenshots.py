"""Screenshots of every dock and dialog at 1280×720, in every language, for docs/screenshots.

    QT_QPA_PLATFORM=offscreen python -m app.screenshots [--out docs/screenshots]
        [--languages en,de,ru,es] [--size 1280x720] [--db SHOP.sqlite]

Each language gets a folder (`docs/screenshots/de/…`) with the main window, each dock as it
sits in that window (the simulator and population run after a run, the inspector on a message
and on the journey's settings) and each dialog and window the menus open. A demo shop is set
up in a temporary folder for each language, with the templates in that language, as a first
start in it would; `--db` names a shop to use instead (it is copied, never changed).

Every picture is also checked with `widgets.layout_audit.cut_widgets`: a control squeezed or
out of reach is listed, and the command exits with status 1 if there is any, so a layout that
breaks in one language cannot slip into the docs unnoticed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from app.controller import ShopController
from app.gui import BusyDialog
from app.i18n import install_translator
from app.main_window import MainWindow
from app.theme import apply_theme
from resources.journeys import gallery
from widgets.gallery_dialog import GalleryDialog
from widgets.layout_audit import cut_widgets

LANGUAGES = ("en", "de", "ru", "es")
SIZE = (1280, 720)
JOURNEY_FILE = "04-abandoned-cart-advanced.json"  # the richest template: every kind of step
DEMO_CUSTOMERS = 40
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Shot:
    """One picture written, and what the layout audit found cut in it."""

    language: str
    name: str
    path: Path
    cuts: list[str] = field(default_factory=list)


def _settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


class Photographer:
    """Shoots one window's docks and dialogs in the current language into `folder`."""

    def __init__(self, app: QApplication, window: MainWindow, language: str, folder: Path) -> None:
        self.app, self.window, self.language, self.folder = app, window, language, folder
        self.shots: list[Shot] = []

    def take(self, name: str, widget: QWidget, *, audit: bool = True) -> Shot:
        """`audit=False` for the whole window: docks tabbed away behind others count as out of
        sight there; each dock is audited in its own picture."""
        _settle(self.app)
        path = self.folder / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        shot = Shot(self.language, name, path, [c.describe() for c in cut_widgets(widget)] if audit else [])
        self.shots.append(shot)
        return shot

    def docks(self, run_population: bool) -> None:
        window, tools = self.window, self.window.tools
        self.take("main-window", window, audit=False)
        for dock in window.findChildren(QDockWidget):
            dock.show()
            dock.raise_()
            self.take(f"dock-{dock.objectName().removeprefix('dock_')}", dock)
        if tools is None:
            return
        message = next((n.id for n in window.journey.nodes() if n.type == "message"), None)
        window.inspector_dock.raise_()
        if message is not None:
            window.view.select_node(message)
            self.take("dock-inspector-message", window.inspector_dock)
        window.view.scene().clear_all_selection()
        tools.show_simulator()
        sim = tools.simulator
        for index, name in enumerate(("customer", "timeline", "tests")[:sim.tabs.count()]):
            sim.tabs.setCurrentIndex(index)
            self.take(f"dock-simulator-{name}", tools.simulator_dock)
        sim.tabs.setCurrentIndex(1)
        sim.run_to_end()
        self.take("dock-simulator-after-run", tools.simulator_dock)
        self.take("main-window-after-simulation", window, audit=False)
        if run_population:
            tools.show_population()
            panel = tools.population
            panel.set_params(source="shop", n=DEMO_CUSTOMERS, days=30, mode="backtest")  # results to show
            if panel.start():
                while panel.is_running():
                    self.app.processEvents()
                self.take("dock-population-after-run", tools.population_dock)

    def dialogs(self) -> None:
        window, tools = self.window, self.window.tools
        openers: list[tuple[str, Callable[[], QWidget | None]]] = [
            ("dialog-new-from-template", lambda: GalleryDialog(window.gallery_items(), window,
                                                               unique_name=window.controller.unique_name)),
            ("dialog-about", lambda: QMessageBox(QMessageBox.Icon.NoIcon, window.tr("About Journey Builder"),
                                                 window.about_text(), QMessageBox.StandardButton.Ok, window)),
            ("dialog-first-start", lambda: BusyDialog(QCoreApplication.translate(
                "gui", "Setting up the demo shop: customers, orders and ten ready journeys…"), window)),
        ]
        if tools is not None:
            openers += [
                ("dialog-shop-settings", lambda: _opened(tools, tools.show_settings)),
                ("dialog-email-settings", lambda: _opened(tools, tools.show_email_settings)),
                ("window-customers", lambda: _opened(tools, tools.show_customers)),
                ("window-segments", lambda: _opened(tools, tools.show_segments)),
                ("dialog-import-customers", lambda: _opened(tools, lambda: tools.show_import("customers"))),
            ]
        for name, open_it in openers:
            widget = open_it()
            if widget is None:
                continue
            widget.show()
            _fit_on_screen(widget)
            self.take(name, widget)
            widget.close()
            widget.deleteLater()
            _settle(self.app)


def _opened(tools, show: Callable[[], None]) -> QWidget | None:
    """What a Shop menu entry opened: the tools keep their windows in a list."""
    show()
    windows = getattr(tools, "_windows", [])
    return windows[-1] if windows else None


def _fit_on_screen(widget: QWidget) -> None:
    """A dialog as a 1280×720 screen shows it: never larger than the screen."""
    width, height = min(widget.width(), SIZE[0]), min(widget.height(), SIZE[1] - 40)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)


@contextmanager
def _shop(db: Path | None, language: str) -> Iterator[ShopController]:
    with tempfile.TemporaryDirectory(prefix="jb-screenshots-") as tmp:
        path = Path(tmp) / "shop.sqlite"
        if db is not None:
            shutil.copyfile(db, path)
        controller = ShopController(path)
        try:
            if controller.is_first_start():
                controller.first_start(DEMO_CUSTOMERS, language=language)
            yield controller
        finally:
            controller.close()


def _journey_name(window: MainWindow, language: str) -> str | None:
    """The advanced abandoned-cart template under its name in `language` (or in English, for a
    shop set up in another language), else the shop's first journey."""
    names = window.library.names()
    for lang in (language, "en"):
        for entry in gallery(lang):
            if entry.file_name == JOURNEY_FILE and entry.name in names:
                return entry.name
    return names[0] if names else None


def make_screenshots(out: Path, languages: tuple[str, ...] = LANGUAGES, *, db: Path | None = None,
                     size: tuple[int, int] = SIZE, run_population: bool = True) -> list[Shot]:
    """Writes the pictures under `out/<language>/` and returns them with their audit results."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    shots: list[Shot] = []
    for language in languages:
        install_translator(app, language)
        folder = out / language
        folder.mkdir(parents=True, exist_ok=True)
        with _shop(db, language) as controller:
            window = MainWindow(controller, persist_layout=False)
            try:
                window.resize(*size)
                window.fit_docks()
                window.show()
                window.fit_docks()
                _settle(app, 20)
                name = _journey_name(window, language)
                if name is None or not window.open_journey(name):
                    raise RuntimeError(f"the shop has no journey to show ({language})")
                window.view.fit()
                photographer = Photographer(app, window, language, folder)
                photographer.docks(run_population)
                photographer.dialogs()
                shots += photographer.shots
            finally:
                window.close()
                window.deleteLater()
                _settle(app)
    install_translator(app, "en")
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--size", default="x".join(map(str, SIZE)))
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--no-population-run", action="store_true")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    shots = make_screenshots(args.out, tuple(args.languages.split(",")), db=args.db, size=(width, height),
                             run_population=not args.no_population_run)
    cut = [shot for shot in shots if shot.cuts]
    for shot in shots:
        print(f"{shot.path}{'  CUT' if shot.cuts else ''}")
    for shot in cut:
        print(f"{shot.language}/{shot.name}:\n  " + "\n  ".join(shot.cuts), file=sys.stderr)
    print(f"{len(shots)} screenshots, {len(cut)} with cut controls")
    return 1 if cut else 0


if __name__ == "__main__":
    sys.exit(main())

