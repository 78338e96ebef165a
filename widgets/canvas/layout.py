"""Left-to-right auto-layout: layers by longest path from the trigger, barycenter ordering.

A pure function of the journey (no items), so the view pushes its result as one MoveNodes and
tests can check it headless. Journeys may loop back through delays, so back edges (found by a
depth-first search from the trigger) are set aside before layering, then the graph is layered
with networkx's topological generations (a node's layer is its longest distance from a source).
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from engine.model import Journey
from widgets.canvas.items import CARD_WIDTH, INPUT_Y, card_height, port_y, snap

COLUMN_GAP = 76.0
ROW_GAP = 40.0
SWEEPS = 2


def _acyclic(journey: Journey) -> nx.DiGraph:
    """The journey's node graph without the edges that close a cycle (DFS back edges), walking
    from the trigger first so the main flow keeps its direction."""
    graph = nx.DiGraph()
    graph.add_nodes_from(n.id for n in journey.nodes())
    order = {edge: i for i, edge in enumerate(journey.edges())}
    succ: dict[str, list[str]] = defaultdict(list)
    for edge in sorted(order, key=order.__getitem__):
        if edge.target not in succ[edge.source]:
            succ[edge.source].append(edge.target)
    roots = [n.id for n in journey.nodes() if n.type == "trigger"] + [n.id for n in journey.nodes()]
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    continue  # back edge: closes a cycle
                graph.add_edge(node, child)
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(succ[child])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return graph


def _port_offset(journey: Journey) -> dict[tuple[str, str], float]:
    """Where on its source card each edge leaves, relative to the card's input row: a 'no'
    child should sit below a 'yes' child."""
    offsets: dict[tuple[str, str], float] = {}
    for edge in journey.edges():
        ports = journey.node(edge.source).ports()
        index = ports.index(edge.port) if edge.port in ports else 0
        offsets.setdefault((edge.source, edge.target), port_y(index) - INPUT_Y)
    return offsets


def auto_layout_positions(journey: Journey) -> dict[str, tuple[float, float]]:
    """New top-left positions for every node, snapped to the grid."""
    if not any(True for _ in journey.nodes()):
        return {}
    graph = _acyclic(journey)
    layers = [sorted(gen, key=lambda n: (journey.node(n).position[1], n))
              for gen in nx.topological_generations(graph)]
    heights = {n.id: card_height(len(n.ports())) for n in journey.nodes()}
    offsets = _port_offset(journey)

    # Barycenter sweeps: order each layer by the mean rank of its neighbours in the previous
    # layer (down), then in the next layer (up). Port offsets break ties (yes above no).
    rank = {n: i for layer in layers for i, n in enumerate(layer)}
    for _ in range(SWEEPS):
        for direction in (1, -1):
            sequence = range(1, len(layers)) if direction == 1 else range(len(layers) - 2, -1, -1)
            for li in sequence:
                neighbours = graph.pred if direction == 1 else graph.succ
                def key(n: str, neighbours=neighbours, direction=direction) -> tuple[float, int]:
                    near = neighbours[n]
                    if not near:
                        return (rank[n], rank[n])
                    bary = sum(rank[m] + (offsets.get((m, n) if direction == 1 else (n, m), 0) / 1000)
                               for m in near) / len(near)
                    return (bary, rank[n])
                layers[li].sort(key=key)
                for i, n in enumerate(layers[li]):
                    rank[n] = i

    # Coordinates: each card wants to sit level with the port that feeds it; cards in a layer
    # are then pushed apart top to bottom and the layer is shifted back towards its wishes.
    y: dict[str, float] = {}
    for layer in layers:
        wishes: list[float | None] = []
        for n in layer:
            preds = [p for p in graph.pred[n] if p in y]
            wishes.append(sum(y[p] + offsets.get((p, n), 0) for p in preds) / len(preds) if preds else None)
        known = [w for w in wishes if w is not None]
        fallback = (max(known) if known else 0.0)
        wanted = [w if w is not None else fallback for w in wishes]
        placed: list[float] = []
        for i in range(len(layer)):
            top = wanted[i] if not placed else max(wanted[i], placed[-1] + heights[layer[i - 1]] + ROW_GAP)
            placed.append(top)
        shift = sum(w - p for w, p in zip(wanted, placed, strict=True)) / len(placed)
        for n, top in zip(layer, placed, strict=True):
            y[n] = top + min(0.0, shift)
    x_step = CARD_WIDTH + COLUMN_GAP
    return {n: (snap(li * x_step), snap(y[n])) for li, layer in enumerate(layers) for n in layer}
