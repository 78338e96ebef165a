"""The `journey-builder` command as a user runs it: a real process, not a call into `main`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from app.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subcommands() -> list[str]:
    """Discovered, not hard-coded, so adding a command never requires touching this test."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def _check_help(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert out.startswith("usage: journey-builder")
    for option in ("--db", "--screenshot", "--open", "--theme"):
        assert option in out
    for command in _subcommands():
        assert command in out, f"{command} missing from --help"


def test_help_via_module() -> None:
    _check_help(_run([sys.executable, "-m", "app.cli", "--help"]))


def test_help_via_console_script() -> None:
    """The installed entry point: `pip install -e .` (the README's and CI's install) puts it in the
    environment's scripts folder, which is where this Python's own scripts are."""
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    script = shutil.which("journey-builder", path=os.pathsep.join(folders))
    assert script is not None, f"journey-builder is not installed in {folders}: run pip install -e '.[test]'"
    _check_help(_run([script, "--help"]))


def test_unknown_command_is_a_usage_error() -> None:
    result = _run([sys.executable, "-m", "app.cli", "no-such-command"])
    assert result.returncode == 2
    assert "usage: journey-builder" in result.stderr
    assert "Traceback" not in result.stderr


def test_building_the_parser_does_not_load_qt() -> None:
    """Headless subcommands must start without Qt, so servers and CI without a display can run them."""
    code = "import sys, app.cli; app.cli.build_parser(); print('PySide6' in sys.modules)"
    result = _run([sys.executable, "-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_validate_and_simulate_start_without_the_database_layer(tmp_path):
    """Scripts call these in loops; they must not pay for SQLAlchemy and Alembic on every start."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    journey = Path(__file__).resolve().parents[1] / "resources" / "journeys" / "01-welcome-series.json"
    code = ("import sys, app.cli; status = app.cli.main(['validate', sys.argv[1]]); "
            "print(json.dumps([status, 'sqlalchemy' in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", "import json; " + code, str(journey)],
                            capture_output=True, text=True, timeout=120)
    status, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 0 and loaded is False
