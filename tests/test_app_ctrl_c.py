"""Ctrl+C in the terminal that started the window closes it like its close button, in a real process."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.controller import ShopController

pytest_plugins = ["app_testing"]

ROOT = Path(__file__).resolve().parents[1]
DEADLINE = 120.0  # seconds: generous for a loaded machine; the test ends as soon as each wait is over
MOVED_TO = (4321.0, 765.0)

# The real command (`app.cli.main`, as the `journey-builder` script calls it). Two things are
# added around its event loop: once the loop runs, a node of the open journey is moved and
# "ready" is printed. Autosave is set far beyond the test's life, so only the close that Ctrl+C
# causes can save the move.
APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import app.autosave
app.autosave.AUTOSAVE_MS = 3_600_000
import app.cli
from app.main_window import MainWindow
from widgets.commands import MoveNodes

real_exec = QApplication.exec

def exec_and_report(*_):
    def ready():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        journey = window.journey
        node = next(n for n in journey.nodes() if n.type == "trigger")
        window.undo_stack.push(MoveNodes(journey, {node.id: (node.position, (4321.0, 765.0))}))
        print("ready", flush=True)
    QTimer.singleShot(0, ready)
    return real_exec()

QApplication.exec = exec_and_report
sys.exit(app.cli.main(["--db", sys.argv[1], "--open", "Loyalty"]))
"""


def _wait_for_line(proc: subprocess.Popen[bytes], deadline: float) -> bytes:
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                return proc.stdout.readline()
    return b""


def test_ctrl_c_closes_the_window_saves_the_journey_and_exits_0(shop_db: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", APP, str(shop_db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = _wait_for_line(proc, time.monotonic() + DEADLINE)
        assert line == b"ready\n", (line, proc.poll())
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=DEADLINE)
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert status == 0, err
    shop = ShopController(shop_db)
    try:
        positions = [n.position for n in shop.open("Loyalty").nodes()]
    finally:
        shop.close()
    assert MOVED_TO in positions, "the close that Ctrl+C caused saved the open journey"


def test_ctrl_c_during_the_first_start_ends_without_a_traceback(tmp_path: Path) -> None:
    """The plain command on a new database: Ctrl+C while the demo shop is set up (or as soon as
    the window is there, on a fast machine) ends the app with status 0."""
    db = tmp_path / "new.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "--db", str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + DEADLINE
        # The database is created after the handler is in place, so from then on Ctrl+C is ours.
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert db.exists(), proc.poll()
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=DEADLINE)
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert status == 0, err
