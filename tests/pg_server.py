"""A throwaway PostgreSQL server for the tests, .ci/run and bench/postgres_workers.py.

    python tests/pg_server.py start DIR     # prints the server's URL (postgresql+psycopg://…)
    python tests/pg_server.py stop DIR

The server binaries come from the `pgserver` wheel of the test extra (`pip install -e '.[test]'`
brings them), else from `JB_PG_BIN`, else from a PostgreSQL found on PATH or in Debian's
/usr/lib/postgresql: so the README's test command works on a machine nobody set up by hand. The
cluster lives in DIR (data, socket, log) and listens on 127.0.0.1 at a free port. PostgreSQL
refuses to run as root, so as root it runs as `nobody`, who is given DIR.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

USER = "jb"
ENV_URL = "JB_TEST_POSTGRES_URL"  # set by .ci/run: the tests use that server instead of starting one


class ServerProblem(RuntimeError):
    """The server could not be found or started; the message says why."""


def binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres."""
    candidates: list[Path] = []
    if os.environ.get("JB_PG_BIN"):
        candidates.append(Path(os.environ["JB_PG_BIN"]))
    spec = importlib.util.find_spec("pgserver")  # found, not imported: only its files are wanted
    if spec is not None and spec.submodule_search_locations:
        candidates += [Path(p) / "pginstall" / "bin" for p in spec.submodule_search_locations]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
                    if p.parent.name.isdigit() else 0, reverse=True)
    candidates += debian
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ServerProblem("no PostgreSQL server binaries: install the test extra (pip install -e '.[test]' brings "
                        "the pgserver wheel), or set JB_PG_BIN to a folder holding initdb, pg_ctl and postgres")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user() -> tuple[int, int] | None:
    """(uid, gid) to run the server as, when we are root (PostgreSQL will not run as root)."""
    if os.geteuid() != 0:
        return None
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


def _run(args: list[str], owner: tuple[int, int] | None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    def drop() -> None:
        if owner is not None:
            os.setgid(owner[1])
            os.setuid(owner[0])

    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(args, preexec_fn=drop if owner else None, env=env, text=True,  # noqa: PLW1509
                          capture_output=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def _chown_tree(root: Path, owner: tuple[int, int]) -> None:
    for folder, _dirs, files in os.walk(root):
        os.chown(folder, *owner)
        for name in files:
            os.chown(os.path.join(folder, name), *owner)


def start(folder: Path, *, durable: bool = False) -> str:
    """Starts a server with its cluster in `folder` (made if need be); returns its URL.

    `durable=False` (tests) turns fsync off; the benchmark keeps fsync and lets commits return
    before the WAL is flushed (synchronous_commit off), as SQLite's WAL with synchronous=NORMAL does.
    """
    bin_dir = binaries()
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    owner = _as_user()
    if owner is not None:
        # `nobody` must reach the folder: every parent must be searchable by others.
        for parent in folder.parents:
            if not os.stat(parent).st_mode & 0o001:
                raise ServerProblem(f"{parent}: not searchable by others; the server (as nobody) cannot reach "
                                    f"{folder}")
        _chown_tree(folder, owner)
    data, sockets = folder / "data", folder / "socket"
    sockets.mkdir(exist_ok=True)
    if owner is not None:
        os.chown(sockets, *owner)
    if not (data / "PG_VERSION").exists():
        done = _run([str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
                     "--no-locale", "--no-sync"], owner, timeout=120)
        if done.returncode != 0:
            raise ServerProblem(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
    port = _free_port()
    options = [f"-p {port}", "-c listen_addresses=127.0.0.1", f"-k {sockets}", "-c max_connections=300",
               "-c shared_buffers=256MB", "-c synchronous_commit=off"]
    if not durable:
        options += ["-c fsync=off", "-c full_page_writes=off"]
    done = _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60",
                 "-o", " ".join(options), "start"], owner, timeout=90)
    if done.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace")[-2000:] if (folder / "server.log").exists() else ""
        raise ServerProblem(f"the PostgreSQL server did not start: {done.stderr.strip()} {log}")
    url = f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"
    (folder / "url").write_text(url)
    return url


def stop(folder: Path) -> None:
    data = folder.resolve() / "data"
    if not (data / "postmaster.pid").exists():
        return
    _run([str(binaries() / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "-t", "60", "stop"], _as_user(),
         timeout=90)


def wait_ready(url: str, timeout: float = 30.0) -> None:
    """Waits until the server takes connections (a server given by URL may still be starting)."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(libpq_url(url), connect_timeout=5):
                return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise ServerProblem(f"PostgreSQL at {url} does not answer: {exc}") from exc
            time.sleep(0.2)


def libpq_url(url: str) -> str:
    """The URL as libpq takes it (without SQLAlchemy's `+psycopg`)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def create_database(url: str, name: str) -> str:
    """A new empty database on the server of `url`; returns its URL."""
    import psycopg

    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return with_database(url, name)


def drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: pg_server.py start|stop DIR", file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(start(Path(argv[1])))
        else:
            stop(Path(argv[1]))
    except ServerProblem as exc:
        print(f"pg_server: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
