"""Shared test setup: headless Qt, and no test ever reads or writes the user's real data or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Set before any test can create a QApplication, which reads it once at start-up.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every per-user location (home, XDG folders, QSettings, the shop database) into tmp."""
    root = tmp_path_factory.mktemp("user")
    home = root / "home"
    for sub in ("", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("JOURNEY_BUILDER_DB", str(root / "journey-builder.sqlite"))

    from PySide6.QtCore import QSettings

    settings_dir = str(root / "settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, settings_dir)
    yield root
