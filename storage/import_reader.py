"""A big import file read and converted in a process of its own, while this one writes.

Reading a shop's export is two halves of about the same weight: parsing the CSV and converting
every cell (dates, money, addresses), and the writer's bookkeeping with its SQLite inserts. One
after the other they use one core; side by side, in two processes, they use both, and the
process that writes holds the GIL half as often, so a window beside it stays responsive
(figures in docs/performance.md, "Importing shop exports").

The reading process is spawned (the app has Qt and threads), opens the file itself and builds
the same plan from the same mapping, and sends converted rows in batches through a pipe whose
small buffer holds it back when the writer is behind: memory stays flat whatever the file's
size. It holds no database connection, so nothing it does can half-write anything; if it dies,
the import fails as a whole and rolls back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage.import_rows import Converted
from storage.import_sources import ImportProblem

BATCH_ROWS = 500  # rows per message: big enough that pickling is cheap, small enough for Cancel
# Below this size a file is read here: starting the process (importing the project) costs more.
MIN_BYTES = 4_000_000
READER_NICENESS = 5
AHEAD_BATCHES = 40  # how far the reader may run ahead of the writer: 20,000 rows, a few MB


def worth_a_process(path: Path) -> bool:
    try:
        return (os.cpu_count() or 1) > 1 and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


class ReadAhead:
    """Converted rows from the reading process; `position` is how far in the file it has read."""

    def __init__(self, path: Path, kind: str, mapping: dict[str, str], platform: str | None, decimal: str,
                 timezone: str) -> None:
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_read, name="journey-builder import reader", daemon=True,
                                        args=(send, str(path), kind, mapping, platform, decimal, timezone))
        self._process.start()
        send.close()  # the child holds the only sending end: its exit is our end of file
        self.path = path
        self.position = 0
        # A thread takes the messages off the pipe as they come, so the reader runs ahead while
        # the writer flushes a batch to SQLite (a pipe alone holds one message: the reader
        # would wait for every flush).
        self._messages: queue.Queue[tuple[Any, ...]] = queue.Queue(maxsize=AHEAD_BATCHES)
        self._stop = threading.Event()
        self._receiver = threading.Thread(target=self._receive_all, name="import reader pipe", daemon=True)
        self._receiver.start()

    def _receive_all(self) -> None:
        while not self._stop.is_set():
            try:
                message = self._receive.recv()
            except (EOFError, OSError):
                message = ("gone",)
            while not self._stop.is_set():
                try:
                    self._messages.put(message, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if message[0] != "rows":
                return

    def rows(self) -> Iterator[Converted]:
        while True:
            message = self._messages.get()
            tag = message[0]
            if tag == "gone":
                self._process.join()
                raise ImportProblem(f"{self.path}: the process reading the file stopped "
                                    f"(exit status {self._process.exitcode}); nothing was imported")
            if tag == "rows":
                self.position = message[1]
                yield from message[2]
            elif tag == "end":
                return
            elif tag == "problem":
                raise ImportProblem(message[1])
            else:
                raise RuntimeError(f"{self.path}: reading the file failed ({message[1]}); nothing was imported")

    def close(self) -> None:
        self._stop.set()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.join()
        self._receive.close()


def _read(send: Any, path: str, kind: str, mapping: dict[str, str], platform: str | None, decimal: str,
          timezone: str) -> None:
    """The reading process: the file, the plan, the rows converted — never the database."""
    gc.disable()  # the process lives for this one file and makes no cycles (storage.import_rows)
    if hasattr(os, "nice"):
        # Behind the window's process for a core: the writer is the slower half anyway.
        os.nice(READER_NICENESS)
    try:
        from storage.importers import row_converter_for

        source, converter = row_converter_for(Path(path), kind, mapping, platform, decimal, timezone)
        try:
            batch: list[Converted] = []
            for converted in converter.read_ahead(source.rows):
                batch.append(converted)
                if len(batch) >= BATCH_ROWS:
                    send.send(("rows", source.position[0], batch))
                    batch = []
            send.send(("rows", source.position[0], batch))
            send.send(("end",))
        finally:
            source.close()
    except ImportProblem as exc:
        send.send(("problem", str(exc)))
    except BrokenPipeError:
        pass  # the importing side stopped listening (cancelled): nothing to tell
    except Exception as exc:  # noqa: BLE001 - reported to the importing side in a line; the trace to stderr
        traceback.print_exc()
        send.send(("failed", f"{exc.__class__.__name__}: {exc}"))
    finally:
        send.close()
