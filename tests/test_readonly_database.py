"""A database in a read-only folder, or a read-only database file, is said to be read-only,
never "damaged" (issue 20): the user must look at permissions, not restore a backup.

File modes do not stop root, and the test suite may run as root; there the check runs in a
forked child that has become `nobody`, where the modes apply exactly as for a user.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from storage.customers_repo import upsert_customer
from storage.database import open_database


def _as_unprivileged(action) -> str:
    """Runs `action` where file modes apply: here, or (as root, where they do not) in a forked
    child that has become nobody. Returns what it returned, or the error it raised, as text."""
    if os.geteuid() != 0:
        return _outcome(action)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            text = _outcome(action)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            text = f"{type(exc).__name__}: {exc}"
        os.write(write, text.encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


def _outcome(action) -> str:
    from storage.database import DatabaseProblem

    try:
        return f"ok: {action()}"
    except DatabaseProblem as exc:
        return f"DatabaseProblem: {exc}"


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder that `nobody` can reach (pytest's own tmp root is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="jb-readonly-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def _open(path: Path) -> str:
    open_database(path).close()
    return "opened"


def test_a_read_only_folder_is_said_to_be_read_only_not_damaged(shared_dir: Path) -> None:
    folder = shared_dir / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    outcome = _as_unprivileged(lambda: _open(folder / "shop.sqlite"))
    assert outcome == (f"DatabaseProblem: {folder / 'shop.sqlite'}: the folder {folder} is read-only "
                       "(cannot create the database)")
    assert not (folder / "shop.sqlite").exists()


def test_an_existing_database_in_a_read_only_folder_or_file(shared_dir: Path) -> None:
    folder = shared_dir / "shop"
    folder.mkdir()
    path = folder / "shop.sqlite"
    with open_database(path) as db, db.transaction() as s:
        upsert_customer(s, {"id": "c-1"})
    for leftover in folder.glob("shop.sqlite-*"):
        leftover.unlink()
    path.chmod(0o444)
    folder.chmod(0o777)
    outcome = _as_unprivileged(lambda: _open(path))
    assert outcome == f"DatabaseProblem: {path}: the database file is read-only (the app must be able to write to it)"
    path.chmod(0o666)
    folder.chmod(0o555)
    outcome = _as_unprivileged(lambda: _open(path))
    assert "damaged" not in outcome
    assert outcome == (f"DatabaseProblem: {path}: the folder {folder} is read-only (the database keeps its "
                       "write-ahead log beside the file)")


def test_the_command_line_says_read_only(shared_dir: Path) -> None:
    folder = shared_dir / "ro"
    folder.mkdir()
    folder.chmod(0o555)

    def run() -> str:
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = main(["event", "page_view", "--customer", "c-1", "--db", str(folder / "shop.sqlite")])
        return f"{status} {err.getvalue().strip()}"

    assert _as_unprivileged(run) == (f"ok: 2 journey-builder: {folder / 'shop.sqlite'}: the folder {folder} "
                                     "is read-only (cannot create the database)")
