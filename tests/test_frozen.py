"""The standalone build's entry point, app/frozen.py. Building and running the real bundle is
packaging/smoke_test.py's job (a CI stage); this checks the part that is ours and that a wrong
order would break only in the bundle: worker processes are started as the bundle's executable,
which must divert into multiprocessing before the command line is parsed."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import app.cli
from app import frozen

ROOT = Path(__file__).resolve().parents[1]


def test_freeze_support_comes_before_the_command_line(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze_support"))

    def cli_main(argv: list[str] | None = None) -> int:
        calls.append("cli")
        return 7

    monkeypatch.setattr(app.cli, "main", cli_main)
    assert frozen.main() == 7
    assert calls == ["freeze_support", "cli"]


def test_run_as_main_it_is_the_journey_builder_command(tmp_path):
    """PyInstaller runs the file as `__main__` (not as app.frozen); its exit status is the command's."""
    journey = ROOT / "resources" / "journeys" / "04-abandoned-cart-advanced.json"
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    runner = "import runpy, sys; sys.argv[0] = 'journey-builder'; runpy.run_path(sys.argv.pop(1), run_name='__main__')"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    good = subprocess.run([sys.executable, "-c", runner, str(ROOT / "app" / "frozen.py"), "validate", str(journey)],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run([sys.executable, "-c", runner, str(ROOT / "app" / "frozen.py"), "validate", str(broken)],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0
