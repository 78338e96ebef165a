"""Opening the shop database: where it lives, how every connection is set up, migrations.

The database is an SQLite file (the embedded default) or, for a shop past one machine, a
PostgreSQL server named by URL (`postgresql+psycopg://user@host/db`, docs/scaling.md); the same
migrations build both.

One SQLite file is shared by the window, a headless sending session and one-off commands
(`event`, `import`) at the same time, so every connection uses WAL (readers never block the
writer), enforces foreign keys and waits for a lock instead of failing at once. Write
transactions start with BEGIN IMMEDIATE so two processes never both read and then fail to
upgrade to a write lock (SQLITE_BUSY that no timeout can cure).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.errors import DatabaseProblem
from storage.jsoncodec import loads

__all__ = ["Database", "DatabaseProblem", "is_url", "open_database", "resolve_path"]

ENV_VAR = "JOURNEY_BUILDER_DB"
APP_NAME = "journey-builder"
FILE_NAME = "shop.sqlite"
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass
class Database:
    """The engine and two session factories: deferred for reading, immediate for writing.

    `path` is the SQLite file, or None for a database on a server; `location` names either
    for messages (a server's URL without its password).
    """

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session]
    location: str = ""

    def __post_init__(self) -> None:
        if not self.location:
            self.location = str(self.path)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @property
    def url(self) -> str:
        """What another process opens this database with (`open_database(db.url)`): the file's
        path, or the server's URL with its password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self.write_sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look that never holds the write lock (a GUI refresh, a report)."""
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_url(target: str | os.PathLike[str] | None) -> bool:
    """Whether `--db` (or JOURNEY_BUILDER_DB) names a server rather than a file."""
    return isinstance(target, str) and "://" in target


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Explicit path, then JOURNEY_BUILDER_DB, then the user data folder (created if needed)."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(f"{folder}: cannot create the data folder ({exc.strerror or exc})") from exc
    return folder / FILE_NAME


def open_database(path: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """The shop database, created or brought up to date.

    Everything that could reject the file is checked before SQLite may write to it, so a file
    that is not ours (or is damaged) comes back byte for byte as it was. A URL
    (`postgresql+psycopg://…`, given or in JOURNEY_BUILDER_DB) opens a PostgreSQL database.
    """
    target = path if path else os.environ.get(ENV_VAR)
    if is_url(target):
        return _open_server(str(target), migrate=migrate)
    db_path = resolve_path(path)
    _preflight(db_path)
    # NaN and Infinity are not JSON: a value that reached this far is refused at the write
    # rather than stored for a reader to choke on (the doors refuse it first, naming it).
    engine = create_engine(f"sqlite:///{db_path}", json_serializer=functools.partial(json.dumps, allow_nan=False))
    _configure_connections(engine)
    db = Database(
        path=db_path,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        write_sessions=sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"),
                                    expire_on_commit=False),
    )
    if migrate:
        try:
            _upgrade(db)
        except DatabaseProblem:
            engine.dispose()
            raise
        except (SQLAlchemyError, CommandError, sqlite3.Error, OSError) as exc:
            engine.dispose()
            reason = _reason(exc)
            if "readonly" in reason:
                raise DatabaseProblem(f"{db_path}: the database is read-only ({reason})") from exc
            raise DatabaseProblem(f"{db_path}: cannot prepare the database ({reason})") from exc
    return db


# -- a database on a PostgreSQL server ------------------------------------------------------------
# Any number, the same for every Journey Builder: it makes two processes migrating one database at
# once take turns (the second finds it up to date).
_MIGRATION_LOCK = 0x4A42_0001
# A worker whose machine vanished (power, network) keeps its transaction and row locks until the
# server notices; TCP keepalives let it notice within half a minute, not hours.
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


def _open_server(url: str, *, migrate: bool) -> Database:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseProblem(f"{url}: not a database URL ({exc})") from None
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseProblem(f"{parsed.render_as_string(hide_password=True)}: only SQLite files and PostgreSQL "
                              "URLs (postgresql+psycopg://user@host/database) are supported")
    if parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    location = parsed.render_as_string(hide_password=True)
    engine = create_engine(parsed, json_serializer=functools.partial(json.dumps, allow_nan=False),
                           json_deserializer=loads,
                           pool_pre_ping=True,
                           connect_args={**_KEEPALIVES, "application_name": "journey-builder", "connect_timeout": 10})
    db = Database(path=None, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False),
                  write_sessions=sessionmaker(engine, expire_on_commit=False), location=location)
    try:
        with engine.connect() as conn:
            tables = set(conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").scalars())
        if tables and "alembic_version" not in tables:
            raise DatabaseProblem(f"{location}: a database of another program (tables: "
                                  f"{', '.join(sorted(tables)[:5])}); it was left as it is")
        if migrate:
            _upgrade(db)
        else:
            with engine.connect() as conn:
                _check_known(location, list(MigrationContext.configure(conn).get_current_heads()))
    except DatabaseProblem:
        engine.dispose()
        raise
    except (SQLAlchemyError, CommandError, OSError) as exc:
        engine.dispose()
        raise DatabaseProblem(f"{location}: cannot prepare the database ({_reason(exc)})") from exc
    return db


def sqlite_connection(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one, for the raw cursors of the hottest paths.

    SQLAlchemy types the driver's connection as optional (a pooled connection can be detached);
    one taken from a live Connection never is, so anything else is a bug, reported as such.
    """
    raw = connection.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError(f"expected an open sqlite3 connection, not {type(raw).__name__}")
    return raw


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0]


def _configure_connections(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling skips BEGIN before DDL and cannot do IMMEDIATE;
        # we emit BEGIN ourselves (below), which also makes migrations transactional.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def _preflight(path: Path) -> None:
    """Refuses, without writing anything, a file SQLite would choke on or that is not ours.

    A read-only file or folder is said to be so before SQLite tries: in WAL mode it must write
    the -wal and -shm files beside the database, and its "unable to open database file" would
    otherwise read as a damaged database, which sends the user after the wrong problem.
    """
    if path.is_dir():
        raise DatabaseProblem(f"{path}: is a folder, not a database file")
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseProblem(f"{path}: the folder {path.parent} does not exist")
        if not _writable(path.parent):
            raise DatabaseProblem(f"{path}: the folder {path.parent} is read-only (cannot create the database)")
        return
    if not _writable(path):
        raise DatabaseProblem(f"{path}: the database file is read-only (the app must be able to write to it)")
    if not _writable(path.parent):
        raise DatabaseProblem(f"{path}: the folder {path.parent} is read-only (the database keeps its "
                              "write-ahead log beside the file)")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseProblem(f"{path}: cannot read the database file ({exc.strerror or exc})") from exc
    if not header:
        return  # an empty file is an empty database: SQLite and we may start it
    if header != SQLITE_HEADER:
        raise DatabaseProblem(f"{path}: not a Journey Builder database (not an SQLite file, or damaged); "
                              "the file was left as it is")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseProblem(f"{path}: cannot open the database ({exc})") from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revisions: list[str] = []
        if "alembic_version" in tables:
            revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error as exc:
        if "unable to open" in str(exc) or "readonly" in str(exc):
            raise DatabaseProblem(f"{path}: cannot open the database ({exc}); check that the file, its "
                                  "-wal and -shm files and the folder may be written") from exc
        raise DatabaseProblem(f"{path}: the database is damaged or unreadable ({exc}); "
                              "the file was left as it is") from exc
    finally:
        conn.close()
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and "alembic_version" not in user_tables:
        raise DatabaseProblem(f"{path}: an SQLite database of another program (tables: "
                              f"{', '.join(sorted(user_tables)[:5])}); the file was left as it is")
    _check_known(path, revisions)


def _writable(path: Path) -> bool:
    """What the operating system says for this process (a read-only mount counts; as root a
    folder's mode does not, and then the folder really is writable)."""
    return os.access(path, os.W_OK)


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config())


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _check_known(path: Path | str, revisions: list[str]) -> None:
    script = _script()
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = [r for r in revisions if r not in known]
    if unknown:
        raise DatabaseProblem(
            f"{path}: written by a newer version of Journey Builder (database revision "
            f"{', '.join(unknown)} is unknown to this one); update the app to open it")


def _upgrade(db: Database) -> None:
    config = _alembic_config()
    with db.engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if db.is_postgres:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            # Checked again under the write lock: another process may have migrated meanwhile.
            _check_known(db.location, list(MigrationContext.configure(conn).get_current_heads()))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def current_revision(db: Database) -> str | None:
    """The schema revision the file is at (for diagnostics and tests)."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return _script().get_current_head()
