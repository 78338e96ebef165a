"""The window keeps its turn while a worker thread of this process is busy.

A thread doing Python work (an import's writer, a population run's feeder) holds the GIL, and
the window's thread asks for it at every step between Qt and Python: every slot, every item's
paint. CPython lets a waiting thread in after the switch interval, 5 ms by default, so a repaint
of a canvas with a few dozen cards waited up to 200 ms during an import (bench/ui_during_import.py).
While such work runs, the interval is at most `WORK_SWITCH_INTERVAL`; nested or overlapping
works share one setting, restored when the last one ends.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

WORK_SWITCH_INTERVAL = 0.0002  # seconds

_lock = threading.Lock()
_holders = 0
_before = 0.0


@contextmanager
def gui_first(interval: float = WORK_SWITCH_INTERVAL) -> Iterator[None]:
    """Around work on a thread beside the window: the window waits at most `interval` for the GIL."""
    global _holders, _before
    with _lock:
        if _holders == 0:
            _before = sys.getswitchinterval()
        _holders += 1
        sys.setswitchinterval(min(sys.getswitchinterval(), interval))
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                sys.setswitchinterval(_before)
