"""The journey model: a networkx multigraph of nodes and port-labelled edges.

Edges are keyed by their port (a MultiDiGraph, itself a DiGraph), so a condition may send both
`yes` and `no` to the same node and every edge is told apart by (source, port, target). The
model announces every change in the past tense; the canvas follows it and never the reverse.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from engine.observer import Signals
from engine.registry import REGISTRY, NodeKind

KEEP: Any = object()
ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
SIGNAL_NAMES = ("node_added", "node_removed", "node_changed", "edge_added", "edge_removed",
                "settings_changed", "segments_changed", "renamed")


@dataclass
class Node:
    id: str
    type: str
    config: dict[str, Any]
    label: str | None = None
    position: tuple[float, float] = (0.0, 0.0)

    @property
    def kind(self) -> str:
        return str(self.config.get("kind", ""))

    @property
    def description(self) -> NodeKind | None:
        return REGISTRY.get(self.type, self.kind)

    def ports(self) -> tuple[str, ...]:
        desc = self.description
        return desc.ports(self.config) if desc else ()

    def copy(self) -> Node:
        return Node(self.id, self.type, copy.deepcopy(self.config), self.label,
                    (self.position[0], self.position[1]))


@dataclass(frozen=True, order=True)
class Edge:
    source: str
    port: str
    target: str

    @property
    def id(self) -> str:
        """How problems and logs name an edge: it starts with the source node's id."""
        return f"{self.source}.{self.port}->{self.target}"


@dataclass
class Journey:
    name: str = "Untitled journey"
    description: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    segments: dict[str, Any] = field(default_factory=dict)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph, repr=False)
    signals: Signals = field(default_factory=lambda: Signals(SIGNAL_NAMES), repr=False, compare=False)
    _edge_seq: int = field(default=0, repr=False, compare=False)

    # -- reading ---------------------------------------------------------------------------
    def node(self, node_id: str) -> Node:
        return self.graph.nodes[node_id]["node"]

    def has_node(self, node_id: str) -> bool:
        return node_id in self.graph

    def nodes(self) -> Iterator[Node]:
        for _, data in self.graph.nodes(data="node"):
            yield data

    def edges(self) -> Iterator[Edge]:
        """Edges in the order they were added (a file's own order survives save and load)."""
        ordered = sorted(self.graph.edges(keys=True, data="seq"), key=lambda e: e[3])
        for source, target, port, _ in ordered:
            yield Edge(source, port, target)

    def edge_order(self, edge: Edge) -> int:
        return self.graph.edges[edge.source, edge.target, edge.port]["seq"]

    def has_edge(self, edge: Edge) -> bool:
        return self.graph.has_edge(edge.source, edge.target, key=edge.port)

    def out_edges(self, node_id: str, port: str | None = None) -> list[Edge]:
        return [Edge(s, p, t) for s, t, p in self.graph.out_edges(node_id, keys=True)
                if port is None or p == port]

    def in_edges(self, node_id: str) -> list[Edge]:
        return [Edge(s, p, t) for s, t, p in self.graph.in_edges(node_id, keys=True)]

    def triggers(self) -> list[Node]:
        return [n for n in self.nodes() if n.type == "trigger"]

    def trigger(self) -> Node | None:
        found = self.triggers()
        return found[0] if len(found) == 1 else None

    def new_node_id(self, base: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_.-]+", "-", base).strip("-")[:56] or "node"
        if base not in self.graph:
            return base
        n = 2
        while f"{base}-{n}" in self.graph:
            n += 1
        return f"{base}-{n}"

    # -- editing (each method is what one undo command calls) ------------------------------
    def add_node(self, node: Node) -> Node:
        if not ID_RE.match(node.id):
            raise ValueError(f"'{node.id}' is not a valid node id (letters, digits, '_', '.', '-'; 1–64)")
        if node.id in self.graph:
            raise ValueError(f"a node '{node.id}' already exists")
        self.attach_node(node)
        self.signals.emit("node_added", node)
        return node

    def remove_node(self, node_id: str) -> Node:
        """Removes a node that has no edges left; commands remove its edges first, so undo can
        put them back in their original order."""
        if self.graph.degree(node_id):
            raise ValueError(f"node '{node_id}' still has edges; remove them first")
        node = self.node(node_id)
        self.graph.remove_node(node_id)
        self.signals.emit("node_removed", node)
        return node

    def update_node(self, node_id: str, *, config: dict[str, Any] | None = None,
                    label: Any = KEEP, position: tuple[float, float] | None = None) -> Node:
        """Changes what is given; `label=None` clears the label, leaving it out keeps it."""
        node = self.node(node_id)
        if config is not None:
            node.config = copy.deepcopy(config)
        if label is not KEEP:
            node.label = label
        if position is not None:
            node.position = (float(position[0]), float(position[1]))
        self.signals.emit("node_changed", node)
        return node

    def attach_node(self, node: Node) -> None:
        """Adds a node without announcing it: for loaders, before anyone listens."""
        self.graph.add_node(node.id, node=node)

    def attach_edge(self, edge: Edge, order: int | None = None) -> None:
        """Adds an edge without announcing it; `order` puts an undone removal back in place."""
        if order is None:
            self._edge_seq += 1
            order = self._edge_seq
        else:
            self._edge_seq = max(self._edge_seq, order)
        self.graph.add_edge(edge.source, edge.target, key=edge.port, seq=order)

    def add_edge(self, edge: Edge, order: int | None = None) -> Edge:
        for end in (edge.source, edge.target):
            if end not in self.graph:
                raise ValueError(f"edge {edge.id}: no node '{end}'")
        if self.has_edge(edge):
            raise ValueError(f"edge {edge.id} already exists")
        self.attach_edge(edge, order)
        self.signals.emit("edge_added", edge)
        return edge

    def remove_edge(self, edge: Edge) -> Edge:
        self.graph.remove_edge(edge.source, edge.target, key=edge.port)
        self.signals.emit("edge_removed", edge)
        return edge

    def set_settings(self, settings: dict[str, Any]) -> None:
        self.settings = copy.deepcopy(settings)
        self.signals.emit("settings_changed", self.settings)

    def set_segments(self, segments: dict[str, Any]) -> None:
        self.segments = copy.deepcopy(segments)
        self.signals.emit("segments_changed", self.segments)

    def rename(self, name: str) -> None:
        self.name = name
        self.signals.emit("renamed", name)

    # -- comparing and copying -------------------------------------------------------------
    def copy(self) -> Journey:
        other = Journey(self.name, self.description, copy.deepcopy(self.settings),
                        copy.deepcopy(self.segments))
        for node in self.nodes():
            other.attach_node(node.copy())
        for edge in self.edges():
            other.attach_edge(edge)
        return other

    def same_as(self, other: Journey) -> bool:
        """Equal content, regardless of the order nodes and edges were added in."""
        from engine.fileformat import journey_to_dict

        a, b = journey_to_dict(self), journey_to_dict(other)
        for d in (a, b):
            d["nodes"] = sorted(d["nodes"], key=lambda n: n["id"])
            d["edges"] = sorted(d["edges"], key=lambda e: (e["source"], e["port"], e["target"]))
        return a == b
