"""Opening the shop database: pragmas, migrations, refusing files that are not ours unharmed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from storage import database
from storage.database import DatabaseProblem, current_revision, head_revision, open_database
from storage.models import Base, EventRow
from storage.shop_repo import get_settings


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.sqlite"


def test_fresh_file_gets_every_table_at_head(db_target: str) -> None:
    with open_database(db_target) as db:
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
        assert current_revision(db) == head_revision()


def test_migrations_match_the_models(db_target: str) -> None:
    """The hand-tidied migrations and the models describe the same schema, on either database."""
    with open_database(db_target) as db, db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_reopening_is_idempotent_and_keeps_data(db_path: Path) -> None:
    with open_database(db_path) as db, db.transaction() as s:
        secret = get_settings(s).discount_secret
    for _ in range(2):
        with open_database(db_path) as db:
            assert current_revision(db) == head_revision()
            with db.read() as s:
                assert get_settings(s).discount_secret == secret
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_wal_foreign_keys_and_busy_timeout_on_every_connection(db_path: Path) -> None:
    with open_database(db_path) as db:
        for _ in range(2):
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == database.BUSY_TIMEOUT_MS
            db.engine.dispose()  # the next connect is a new DBAPI connection


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    with open_database(db_path) as db:
        with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as s:
            s.add(EventRow(customer_id="nobody", type="x", at=datetime(2026, 1, 1, tzinfo=UTC)))
            s.flush()


@pytest.mark.parametrize("content", [
    os.urandom(4096),
    b"this is a text file, not a database\n" * 20,
    b"SQLite format 3\x00" + b"\xff" * 200,  # the right header over garbage
])
def test_unusable_file_is_refused_and_left_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(DatabaseProblem) as info:
        open_database(db_path)
    assert str(db_path) in str(info.value)
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_database_of_another_program_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    content = db_path.read_bytes()
    with pytest.raises(DatabaseProblem, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    content = db_path.read_bytes()
    with pytest.raises(DatabaseProblem) as info:
        open_database(db_path)
    message = str(info.value)
    assert str(db_path) in message and "newer version" in message and "9999_from_the_future" in message
    assert db_path.read_bytes() == content


def test_folder_and_missing_parent_are_clear_problems(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem, match="folder"):
        open_database(tmp_path)
    with pytest.raises(DatabaseProblem, match="does not exist"):
        open_database(tmp_path / "no" / "such" / "shop.sqlite")


def test_empty_file_is_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with open_database(db_path) as db:
        assert current_revision(db) == head_revision()


def test_path_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(database.ENV_VAR, str(tmp_path / "env.sqlite"))
    assert database.resolve_path(tmp_path / "explicit.sqlite") == tmp_path / "explicit.sqlite"
    assert database.resolve_path(None) == tmp_path / "env.sqlite"
    monkeypatch.delenv(database.ENV_VAR)
    data_dir = tmp_path / "data" / "journey-builder"
    monkeypatch.setattr(database.platformdirs, "user_data_dir", lambda *a, **k: str(data_dir))
    assert database.resolve_path(None) == data_dir / "shop.sqlite"
    assert data_dir.is_dir()


def test_moments_are_stored_as_utc_and_come_back_aware(db_path: Path) -> None:
    from storage.customers_repo import upsert_customer

    berlin_noon = datetime(2026, 3, 29, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with open_database(db_path) as db:
        with db.transaction() as s:
            upsert_customer(s, {"id": "c1"})
            s.add(EventRow(customer_id="c1", type="x", at=berlin_noon))
        with db.read() as s:
            at = s.scalars(select(EventRow.at)).one()
            assert at == berlin_noon and at.tzinfo is not None and at.utcoffset() == timedelta(0)
            # Comparisons in SQL go through the same conversion.
            since = datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
            assert s.scalars(select(EventRow).where(EventRow.at >= since)).one()
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT at FROM events").fetchone()[0].startswith("2026-03-29 10:00:00")
        with pytest.raises(Exception, match="naive"), db.transaction() as s:
            s.add(EventRow(customer_id="c1", type="x", at=datetime(2026, 1, 1)))
            s.flush()


def test_writers_in_two_connections_take_turns(db_path: Path) -> None:
    """Two processes' worth of databases on one file: the second waits, nothing is lost."""
    from storage.customers_repo import upsert_customer
    from storage.history_repo import add_event, events_after

    first, second = open_database(db_path), open_database(db_path)
    try:
        with first.transaction() as s:
            upsert_customer(s, {"id": "c1"})
        for i in range(5):
            for db in (first, second):
                with db.transaction() as s:
                    add_event(s, "c1", f"e{i}", "2026-01-01T00:00:00Z")
        with second.read() as s:
            assert [e.type for e in events_after(s, 0)] == [f"e{i}" for i in range(5) for _ in (0, 1)]
    finally:
        first.close()
        second.close()


def test_importing_storage_keeps_qt_out(db_path: Path) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import storage\n"
        "for m in pkgutil.walk_packages(storage.__path__, 'storage.'):\n"
        "    if not m.name.startswith('storage.migrations.'):  # alembic scripts, run by alembic\n"
        "        importlib.import_module(m.name)\n"
        "from storage.database import open_database\n"
        "open_database(sys.argv[1]).close()  # and running the migrations imports them too\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'widgets', 'app'))\n"
        "print(len([n for n in sys.modules if n.startswith('storage.')]))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.strip()) >= 10  # the walk really imported the modules


def test_migrations_are_package_data() -> None:
    """An installed wheel must carry the migrations: they are modules of a real package."""
    import storage.migrations.versions as versions

    assert (Path(versions.__file__).parent / "0001_initial.py").is_file()
    assert (database.MIGRATIONS / "env.py").is_file()


def test_processes_opening_a_new_file_at_once_all_succeed(db_path: Path) -> None:
    """The window, a session and a one-off command may all start together on a fresh file."""
    code = ("import sys\nfrom storage.database import open_database, current_revision\n"
            "db = open_database(sys.argv[1]); print(current_revision(db)); db.close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(code == 0 and out.strip() == head_revision() for out, _, code in results), results


def test_a_postgresql_url_opens_migrated_once_and_refuses_another_programs_database(postgres_url: str) -> None:
    with open_database(postgres_url) as db:
        assert db.path is None and db.is_postgres and "postgresql" in db.location
        assert current_revision(db) == head_revision()
        with db.transaction() as s:
            secret = get_settings(s).discount_secret
    with open_database(postgres_url) as db, db.read() as s:  # opened again: up to date, data kept
        assert get_settings(s).discount_secret == secret
    import psycopg
    from pg_server import libpq_url

    other = postgres_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(libpq_url(postgres_url), autocommit=True) as conn:
        conn.execute("DROP TABLE alembic_version")
    with pytest.raises(DatabaseProblem, match="another program"):
        open_database(postgres_url)
    with pytest.raises(DatabaseProblem, match="only SQLite files and PostgreSQL"):
        open_database("mysql://u@h/db")
    with pytest.raises(DatabaseProblem, match="cannot prepare"):
        open_database(other.rsplit(":", 1)[0] + ":1/nothing")
