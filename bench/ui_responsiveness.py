"""Does the window stay responsive while a big population run goes on?

    .venv/bin/python bench/ui_responsiveness.py [--customers 100000] [--days 365]
                                                [--switch-interval MS] [--no-activity]

Builds what the user sees (a JourneyView with the advanced abandoned-cart template next to the
PopulationPanel), starts a demo run of N customers through the panel (its worker thread hands
the customers to worker processes, which make and run them: `engine.population_pool`), and
meanwhile a QTimer in the GUI
thread ticks every 10 ms and records the gap between ticks. Every 100 ms the canvas is zoomed
and repainted as a stand-in for a user working in the window. A gap well over 10 ms means the
GUI thread waited: for the GIL (the worker is pure Python) or for its own slow work.

Prints the tick gaps (max, p99, p50), the run's wall time and customers per second. The
`--switch-interval` option sets the interpreter's switch interval the panel uses during a run
(default: the panel's own RUN_SWITCH_INTERVAL), to compare with CPython's 5 ms default.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine_info import add_idle_option, before_run, header, load_average  # noqa: E402 - bench/ on the path
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QSplitter  # noqa: E402

import widgets.population_panel as population_panel  # noqa: E402
from app.population_pages import PopulationRunner  # noqa: E402
from engine.fileformat import load_journey  # noqa: E402
from widgets.canvas import JourneyView  # noqa: E402
from widgets.population_panel import PopulationPanel  # noqa: E402

JOURNEY = ROOT / "resources/journeys/04-abandoned-cart-advanced.json"
NOW = datetime(2026, 3, 2, tzinfo=UTC)
TICK_MS = 10


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--switch-interval", type=float, help="milliseconds (default: the panel's)")
    parser.add_argument("--no-activity", action="store_true", help="only the timer, no canvas zooming")
    add_idle_option(parser)
    args = parser.parse_args(argv)
    header()
    print(f"before the run: {before_run(args.wait_idle)}")
    if args.switch_interval is not None:
        population_panel.RUN_SWITCH_INTERVAL = args.switch_interval / 1000

    app = QApplication.instance() or QApplication([])
    journey = load_journey(JOURNEY)
    view = JourneyView(QUndoStack())
    view.set_journey(journey)
    panel = PopulationPanel()
    panel.set_runner(PopulationRunner(None, now=lambda: NOW))
    panel.set_view(view)
    panel.set_journey(journey)
    panel.set_params(source="demo", n=args.customers, days=args.days, seed=1)
    split = QSplitter()
    split.addWidget(view)
    split.addWidget(panel)
    split.resize(1400, 760)
    split.show()
    app.processEvents()

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    zoom = [1.0]
    paints: list[float] = []

    def activity() -> None:  # a user zooming the canvas; grab() forces a real paint offscreen
        began = time.perf_counter()
        zoom[0] = 0.8 if zoom[0] == 1.0 else 1.0
        view.set_zoom(zoom[0])
        view.viewport().grab()
        paints.append((time.perf_counter() - began) * 1000)

    pauses: list[float] = []
    gc_began = [0.0]

    def on_gc(phase: str, info: dict) -> None:  # collector pauses in the GUI thread hold the GIL
        if threading.current_thread() is not threading.main_thread():
            return
        if phase == "start":
            gc_began[0] = time.perf_counter()
        elif info["generation"] == 2:
            pauses.append((time.perf_counter() - gc_began[0]) * 1000)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    busy = QTimer()
    busy.setInterval(100)
    busy.timeout.connect(activity)
    result: dict = {}
    panel.runFinished.connect(lambda report: result.update(report=report))
    panel.runFailed.connect(lambda message: result.update(error=message))

    if not args.no_activity:  # the same canvas work with no run going, as the baseline
        busy.start()
        until = time.perf_counter() + 2.0
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.001)
        idle_paints, paints[:] = list(paints), []

    gc.callbacks.append(on_gc)
    started = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    panel.start()
    while panel.is_running():
        app.processEvents()
        time.sleep(0.001)  # the event loop of a real window sleeps in poll(); so does this one
    wall = time.perf_counter() - started
    timer.stop()
    busy.stop()
    gc.callbacks.remove(on_gc)
    if "error" in result:
        print(f"run failed: {result['error']}", file=sys.stderr)
        return 1
    report = result["report"]
    interval = population_panel.RUN_SWITCH_INTERVAL * 1000
    print(f"load average after the run: {load_average()}")
    print(f"run: {report.customers:,} demo customers × {args.days} days through {journey.name}, "
          f"{report.steps:,} customer-steps, {sum(report.messages.values()):,} messages, "
          f"wall {wall:.1f} s ({report.customers / wall:,.0f} customers/s, generation included)")
    print(f"switch interval during the run: {interval:g} ms; GUI activity: {'no' if args.no_activity else 'yes'}")
    print(f"timer ticks: {len(gaps):,} (every {TICK_MS} ms); gap max {max(gaps):.1f} ms, "
          f"p99 {percentile(gaps, 0.99):.1f} ms, p50 {statistics.median(gaps):.1f} ms; "
          f"gaps over 50 ms: {sum(g > 50 for g in gaps)} (goal: none)")
    if not args.no_activity:
        print(f"canvas zoom+repaint in the GUI thread: idle max {max(idle_paints):.1f} ms "
              f"(p50 {statistics.median(idle_paints):.1f}); during the run max {max(paints):.1f} ms "
              f"(p50 {statistics.median(paints):.1f})")
    print(f"full collections in the GUI thread during the run: {len(pauses)}"
          + (f", longest {max(pauses):.1f} ms" if pauses else ""))
    panel.shutdown()
    return 0 if max(gaps) <= 50 else 2


if __name__ == "__main__":
    raise SystemExit(main())
