"""Starting the app: a refused database, the first start and `--screenshot`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

import app.cli
from app.controller import ShopController
from app.main_window import MainWindow

pytest_plugins = ["app_testing"]

ADVANCED_CART = "Abandoned cart (advanced)"


@pytest.fixture
def restore_app_look(qapp):
    palette, style, theme = qapp.palette(), qapp.style().name(), qapp.property("journeyBuilderTheme")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("journeyBuilderTheme", theme)


def test_a_corrupt_database_gets_a_message_and_is_left_alone(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "shop.sqlite"
    content = b"SQLite format 3\x00" + b"\xff" * 4000
    path.write_bytes(content)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    assert app.cli.main(["--db", str(path)]) == 2
    assert len(shown) == 1 and str(path) in shown[0] and "has not changed the file" in shown[0]
    assert "Traceback" not in capsys.readouterr().err
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_a_foreign_file_is_refused_the_same_way(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    assert app.cli.main(["--db", str(path)]) == 2
    assert "not a Journey Builder database" in shown[0]
    assert path.read_text() == "shopping list\n"


def test_screenshot_of_the_advanced_cart_on_a_fresh_database(tmp_path: Path, small_demo,
                                                             restore_app_look) -> None:
    db = tmp_path / "fresh.sqlite"
    target = tmp_path / "shot.png"
    assert app.cli.main(["--db", str(db), "--screenshot", str(target), "--open", ADVANCED_CART,
                         "--theme", "light"]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    shop = ShopController(db)
    try:
        assert len(shop.list_journeys()) == 10, "the first start applied"
    finally:
        shop.close()


def test_screenshot_of_an_unknown_journey_fails(tmp_path: Path, shop_db: Path, capsys) -> None:
    target = tmp_path / "shot.png"
    assert app.cli.main(["--db", str(shop_db), "--screenshot", str(target), "--open", "Nope"]) == 2
    assert "no journey named “Nope”" in capsys.readouterr().err
    assert not target.exists()


def test_the_window_opens_the_first_journey_on_first_start_then_the_last_one(
        tmp_path: Path, small_demo, monkeypatch) -> None:
    seen: list[tuple[str, int]] = []

    def fake_exec(_app=None) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        win = windows[0]
        seen.append((win.journey.name if win.journey else "", len(win.library.names())))
        if len(seen) == 1:
            win.open_journey("Loyalty")
        win.close()
        win.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    db = tmp_path / "shop.sqlite"
    assert app.cli.main(["--db", str(db)]) == 0
    assert app.cli.main(["--db", str(db)]) == 0
    assert seen == [("Abandoned cart (advanced)", 10), ("Loyalty", 10)]
    assert app.cli.main(["--db", str(db), "--open", "Welcome series"]) == 0
    assert seen[-1] == ("Welcome series", 10)


KILLED_AFTER_AUTOSAVE = """
import os, sys
from PySide6.QtWidgets import QApplication
import app.autosave
app.autosave.AUTOSAVE_MS = 200
from app.controller import ShopController
from app.main_window import MainWindow
from widgets.commands import MoveNodes
qt = QApplication([])
window = MainWindow(ShopController(sys.argv[1]), persist_layout=False)
window.open_journey("Loyalty")
journey = window.journey
node = next(journey.nodes())
window.undo_stack.push(MoveNodes(journey, {node.id: (node.position, (1234.0, 567.0))}))
from PySide6.QtCore import QTimer
QTimer.singleShot(1500, lambda: os._exit(9))  # killed: no close event, no clean shutdown
qt.exec()
"""


def test_a_killed_app_keeps_what_autosave_wrote(tmp_path: Path, shop_db: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", KILLED_AFTER_AUTOSAVE, str(shop_db)], cwd=root, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    shop = ShopController(shop_db)
    try:
        positions = [n.position for n in shop.open("Loyalty").nodes()]
    finally:
        shop.close()
    assert (1234.0, 567.0) in positions
