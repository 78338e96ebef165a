"""Shared test setup: headless Qt, and no test ever reads or writes the user's real data or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Set before any test can create a QApplication, which reads it once at start-up.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import itertools
import tempfile

import pg_server
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


# -- PostgreSQL: the storage, session and crash tests run on both databases ---------------------
_DATABASES = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The PostgreSQL server of this test run: the one .ci/run started (JB_TEST_POSTGRES_URL),
    else a throwaway one started here from the test extra's binaries and stopped at the end.
    No server is a failure, never a skip: these tests are half of what says PostgreSQL works."""
    url = os.environ.get(pg_server.ENV_URL)
    if url:
        pg_server.wait_ready(url)
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="jb-postgres-"))
    try:
        url = pg_server.start(folder)
        yield url
    finally:
        pg_server.stop(folder)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new empty database on the test run's server, dropped after the test."""
    name = f"jb_test_{os.getpid()}_{next(_DATABASES)}"
    url = pg_server.create_database(postgres_server, name)
    yield url
    pg_server.drop_database(postgres_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the test's shop database lives: an SQLite file, then a PostgreSQL database
    (what `--db` takes either way)."""
    if request.param == "sqlite":
        return str(tmp_path / "shop.sqlite")
    return str(request.getfixturevalue("postgres_url"))
