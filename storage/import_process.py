"""An import in a process of its own, for the app: the window's process only waits for it.

An import's writer is Python, and a thread of the window's process doing Python work takes the
GIL from the window at every step between Qt and Python: during a 100,000-customer import the
window stalled up to 200 ms at a time (bench/ui_during_import.py). In another process the
import cannot take anything from the window. It opens the database by its address
(`Database.url`), runs `import_file` as the command line does (all or nothing, its own reading
process for a big file), and sends progress and the result back; Cancel is an event it looks
at between rows. If it dies, the import fails whole: its transaction was never committed.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from storage.import_sources import ImportProblem
from storage.importers import ImportResult, import_file

# Files under this size are imported in the calling thread: a second or less of work, less
# than starting the process costs.
MIN_BYTES = 1_000_000
PROGRESS_INTERVAL = 0.05  # seconds between two progress messages
POLL = 0.05  # seconds between two looks at `cancel` while waiting
NICENESS = 5


def worth_a_process(path: str | Path) -> bool:
    try:
        return Path(path).stat().st_size >= MIN_BYTES
    except OSError:
        return False


def import_file_in_process(url: str, kind: str, path: str | Path, *, mapping: Mapping[str, str] | None = None,
                           progress: Callable[[int, int], Any] | None = None,
                           cancel: Callable[[], bool] | None = None, decimal: str = "auto") -> ImportResult:
    """`storage.importers.import_file` on the database at `url`, run by another process."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    stop = context.Event()
    # Not a daemon: a daemonic process may not start the import's own reading process.
    process = context.Process(target=_run, name="journey-builder import",
                              args=(send, stop, url, kind, str(path), dict(mapping or {}), decimal))
    process.start()
    send.close()  # the child holds the only sending end: its exit is our end of file
    try:
        while True:
            if cancel is not None and not stop.is_set() and cancel():
                stop.set()  # the child stops at its next look and answers "cancelled"
            if not receive.poll(POLL):
                continue
            try:
                message = receive.recv()
            except EOFError:
                process.join()
                raise ImportProblem(f"{path}: the import process stopped (exit status {process.exitcode}); "
                                    "nothing was imported") from None
            tag = message[0]
            if tag == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif tag == "result":
                result: ImportResult = message[1]
                return result
            elif tag == "problem":
                raise ImportProblem(message[1])
            else:
                raise RuntimeError(f"{path}: the import failed ({message[1]}); nothing was imported")
    finally:
        if process.is_alive():
            stop.set()
            process.join(5)
            if process.is_alive():
                process.terminate()
        process.join()
        receive.close()


def _run(send: Any, stop: Any, url: str, kind: str, path: str, mapping: dict[str, str], decimal: str) -> None:
    """The import process: the database opened by its address, one `import_file`."""
    import os

    from storage.database import open_database

    if hasattr(os, "nice"):
        os.nice(NICENESS)  # the window's process first for a core; its reading process inherits this
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL or done >= total:
            last[0] = now
            send.send(("progress", done, total))

    try:
        db = open_database(url)
        try:
            result = import_file(db, kind, path, mapping=mapping or None, progress=progress, cancel=stop.is_set,
                                 decimal=decimal)
        finally:
            db.close()
        send.send(("result", result))
    except ImportProblem as exc:
        send.send(("problem", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the app in a line; the trace goes to stderr
        traceback.print_exc()
        send.send(("failed", f"{exc.__class__.__name__}: {exc}"))
    finally:
        send.close()
