"""The layering rule, checked: `app` -> `widgets`, `storage` -> `engine`, and never backwards.

The engine must run headless (CLI, simulator, scheduler) and the storage layer without a display,
so a stray Qt or SQL import there is a bug even when every other test passes. The sending session
(`app.session`) and the channels it sends through (`engine.channels`) run as `journey-builder run`
on a server without a display, so they are held to the same rule although `app` may use Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN: dict[str, set[str]] = {
    "engine": {"PySide6", "shiboken6", "sqlalchemy", "alembic", "storage", "widgets", "app"},
    "widgets": {"sqlalchemy", "alembic", "storage", "app"},
    "storage": {"PySide6", "shiboken6", "widgets", "app"},
    "app.session": {"PySide6", "shiboken6", "widgets"},
}


def _folder(package: str) -> Path:
    return ROOT.joinpath(*package.split("."))


def _imported_roots(path: Path) -> set[tuple[str, int]]:
    """Top-level names of absolute imports, anywhere in the file (function-level imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update((alias.name.split(".")[0], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add((node.module.split(".")[0], node.lineno))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_forbidden_imports_in_source(package: str) -> None:
    violations = []
    for path in sorted(_folder(package).rglob("*.py")):
        for name, line in sorted(_imported_roots(path)):
            if name in FORBIDDEN[package]:
                violations.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not violations, "layering broken:\n" + "\n".join(violations)


def _modules(package: str) -> list[str]:
    """From the file tree, so listing modules does not itself import them into the test process.

    Alembic's `migrations/env.py` is left out: it reads `alembic.context.config` at import and so
    only runs under the alembic runner; the static check above still covers its imports.
    """
    names = []
    for path in sorted(_folder(package).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if len(parts) >= 2 and parts[-2:] == ["migrations", "env"]:
            continue
        names.append(".".join(parts))
    return names


@pytest.mark.parametrize(("package", "absent"), [
    ("engine", ("PySide6", "sqlalchemy")),
    ("engine.channels", ("PySide6", "sqlalchemy")),
    ("storage", ("PySide6",)),
    ("app.session", ("PySide6",)),
], ids=lambda value: value if isinstance(value, str) else "-".join(value))
def test_importing_a_package_loads_no_forbidden_library(package: str, absent: tuple[str, ...]) -> None:
    """Catches what the static check cannot: a forbidden import pulled in through a third party.

    Each package is imported, with every one of its modules, in a fresh interpreter: the test
    process has long since loaded Qt.
    """
    modules = _modules(package)
    assert len(modules) > 1, f"{package}: no modules found under {_folder(package)}"
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps([m for m in {list(absent)!r} if m in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", f"{package} loaded {result.stdout.strip()}"
