"""Canvas benchmark: a generated 2,000-node / 4,000-edge journey, measured offscreen.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/canvas_bench.py [--index bsp|none|both]

Prints open time, full viewport repaints (100 % and zoomed out to everything, first paint and
warm), a 50-node drag (per-frame time = mouse move handling + repaint, p50/p95), auto-layout
and undo of moves, each as wall time and this process's CPU time side by side (medians and p95
taken over each separately), after waiting for an idle machine (`--wait-idle`). Budgets:
open ≤ 0.5 s, repaint ≤ 16 ms, drag p95 ≤ 33 ms, layout ≤ 1 s, undo of 1,000 moves ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from machine_info import add_idle_option, before_run, header  # noqa: E402 - bench/ on the path
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene  # noqa: E402

from engine.model import Edge, Journey, Node  # noqa: E402
from engine.registry import REGISTRY  # noqa: E402
from widgets.canvas import JourneyView  # noqa: E402
from widgets.commands import MoveNodes  # noqa: E402


@dataclass(frozen=True)
class Span:
    """Wall and CPU seconds side by side: on a shared machine the wall figure alone says as much
    about the neighbours as about the canvas."""

    wall: float
    cpu: float

    def __add__(self, other: Span) -> Span:
        return Span(self.wall + other.wall, self.cpu + other.cpu)


def clock() -> Span:
    return Span(time.perf_counter(), time.process_time())


def since(start: Span) -> Span:
    now = clock()
    return Span(now.wall - start.wall, now.cpu - start.cpu)


def median(spans: list[Span]) -> Span:
    return Span(statistics.median(s.wall for s in spans), statistics.median(s.cpu for s in spans))


KINDS = [("delay", "duration"), ("message", "email"), ("condition", "rule"), ("delay", "time_window"),
         ("message", "sms"), ("condition", "split"), ("condition", "wait_event"), ("message", "push")]


def big_journey(nodes: int = 2000, edges: int = 4000, seed: int = 7) -> Journey:
    """Columns of 40 cards, each card wired to cards in the next column; ~2 % loop back."""
    rng = random.Random(seed)
    j = Journey("Bench")
    rows = 40
    j.attach_node(Node("start", "trigger", {"kind": "event", "event": "signup"}, "Start", (0, 0)))
    ids = ["start"]
    for i in range(1, nodes):
        t, k = KINDS[i % len(KINDS)]
        config = REGISTRY.get(t, k).default_config()
        if k == "email":
            config["subject"] = f"Hello number {i}"
        col, row = divmod(i - 1, rows)
        node = Node(f"n{i}", t, config, f"Step {i}", (260.0 * (col + 1), 160.0 * row))
        j.attach_node(node)
        ids.append(node.id)
    count = 0
    by_col: dict[int, list[str]] = {}
    for i in range(1, nodes):
        by_col.setdefault((i - 1) // rows, []).append(f"n{i}")
    for node_id in by_col[0]:
        j.attach_edge(Edge("start", "out", node_id))
        count += 1
    cols = sorted(by_col)
    attempts = 0
    while count < edges and attempts < edges * 10:
        attempts += 1
        col = rng.choice(cols[:-1])
        source = j.node(rng.choice(by_col[col]))
        back = source.type == "delay" and rng.random() < 0.02 and col > 0
        target = rng.choice(by_col[col - 1] if back else by_col[col + 1])
        edge = Edge(source.id, rng.choice(source.ports()), target)
        if not j.has_edge(edge):
            j.attach_edge(edge)
            count += 1
    return j


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def repaint_times(view: JourneyView, n: int = 15) -> tuple[Span, Span]:
    """(first paint after the change, median of warm full repaints)."""
    app = QApplication.instance()
    t = clock()
    view.viewport().repaint()
    first = since(t)
    times = []
    for _ in range(n):
        app.processEvents()
        t = clock()
        view.viewport().repaint()
        times.append(since(t))
    return first, median(times)


def send_mouse(view: JourneyView, kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag_frames(view: JourneyView, node_ids: list[str], frames: int = 60) -> list[Span]:
    """Selects the nodes, presses on the first card, moves the mouse `frames` times; each frame
    is the move event plus a synchronous repaint (what the user waits for)."""
    scene = view.scene()
    scene.clearSelection()
    for node_id in node_ids:
        scene.node_items[node_id].setSelected(True)
    first = scene.node_items[node_ids[0]]
    view.centerOn(first.sceneBoundingRect().center())
    QApplication.processEvents()
    start = QPointF(view.mapFromScene(first.pos() + QPointF(90, 45)))
    send_mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    times = []
    for i in range(1, frames + 1):
        pos = start + QPointF(7 * i % 200, 3 * i % 120)
        t = clock()
        send_mouse(view, QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
        view.viewport().repaint()
        times.append(since(t))
    t = clock()
    send_mouse(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
    QApplication.processEvents()  # pushes MoveNodes, routes loops
    view.viewport().repaint()
    times.append(since(t))  # the release frame counts too
    return times


def p95(spans: list[Span]) -> Span:
    at = int(0.95 * (len(spans) - 1))
    return Span(sorted(s.wall for s in spans)[at], sorted(s.cpu for s in spans)[at])


def run(index: str, note: str) -> dict[str, Span | float]:
    app = QApplication.instance() or QApplication(sys.argv)
    journey = big_journey()
    n_edges = sum(1 for _ in journey.edges())
    stack = QUndoStack()
    view = JourneyView(stack)
    if index == "bsp":
        view.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    results: dict[str, Span | float] = {}

    t = clock()
    view.set_journey(journey)
    results["open (set_journey)"] = opening = since(t)
    t = clock()
    app.processEvents()  # batched loop routing
    view.viewport().repaint()
    results["open: first paint"] = first_paint = since(t)
    results["open total"] = opening + first_paint

    view.centerOn(view.scene().node_items["n500"].pos())
    app.processEvents()
    results["repaint 100 % (first)"], results["repaint 100 % (warm)"] = repaint_times(view)
    view.fit()
    app.processEvents()
    results["zoom (fit)"] = view.zoom()
    results["repaint all (first)"], results["repaint all (warm)"] = repaint_times(view)

    view.resetTransform()
    block = [f"n{i}" for i in range(401, 401 + 400) if (i - 1) % 40 < 5][:50]  # 5 rows × 10 columns
    frames = drag_frames(view, block)
    results["drag 50 @100 % p50"], results["drag 50 @100 % p95"] = median(frames), p95(frames)
    stack.undo()
    view.fit()
    frames = drag_frames(view, block)
    view.fit()
    results["drag 50 @fit p50"], results["drag 50 @fit p95"] = median(frames), p95(frames)
    stack.undo()

    app.processEvents()
    t = clock()
    view.auto_layout()
    results["auto-layout (compute + push)"] = since(t)
    app.processEvents()  # the batched routing of backward edges
    results["auto-layout incl. loop routing"] = since(t)
    t = clock()
    stack.undo()
    app.processEvents()
    results["undo auto-layout (2,000 moves)"] = since(t)

    moves = {f"n{i}": (journey.node(f"n{i}").position, (journey.node(f"n{i}").position[0] + 20, 0.0))
             for i in range(1, 1001)}
    stack.push(MoveNodes(journey, moves))
    app.processEvents()
    t = clock()
    stack.undo()
    app.processEvents()
    results["undo one MoveNodes of 1,000 nodes"] = since(t)
    for i in range(1, 1001):
        pos = journey.node(f"n{i}").position
        stack.push(MoveNodes(journey, {f"n{i}": (pos, (pos[0] + 20, pos[1]))}))
    app.processEvents()
    t = clock()
    for _ in range(1000):
        stack.undo()
    app.processEvents()
    results["undo 1,000 single moves"] = since(t)

    print(f"\n== index: {index}  ({sum(1 for _ in journey.nodes())} nodes, {n_edges} edges, "
          f"{len(view.scene().items())} items, viewport {view.viewport().width()}×{view.viewport().height()}) "
          f"[{note}]")
    for key, value in results.items():
        if isinstance(value, Span):
            print(f"  {key:36s} {ms(value.wall):>10} wall, {ms(value.cpu):>10} CPU")
        else:
            print(f"  {key:36s} {value:.3f}")
    view.set_journey(None)
    view.deleteLater()
    app.processEvents()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", choices=["none", "bsp", "both"], default="none")
    add_idle_option(parser)
    args = parser.parse_args()
    header()
    print(f"QPA={os.environ.get('QT_QPA_PLATFORM')}; every figure as wall time and this process's CPU time")
    for index in (["none", "bsp"] if args.index == "both" else [args.index]):
        run(index, before_run(args.wait_idle))


if __name__ == "__main__":
    main()
