"""What changed between two versions of a journey.

Publishing a new version of a live journey asks what happens to the customers in flight
(finish on the old version, or move to the same node in the new one). To answer, the user
needs to see the difference: which nodes and connections were added, removed or changed, and
how many customers stand at a node that would disappear. Nodes are matched by id (the canvas
keeps ids stable while editing); connections by (source, port, target).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.model import Edge, Journey, Node


@dataclass(frozen=True)
class NodeChange:
    """One node present in both versions whose meaning changed."""

    id: str
    fields: tuple[str, ...]  # "type", "kind", "config", "label"
    old: Node
    new: Node


@dataclass
class JourneyDiff:
    nodes_added: list[str] = field(default_factory=list)
    nodes_removed: list[str] = field(default_factory=list)
    nodes_changed: list[NodeChange] = field(default_factory=list)
    nodes_moved: list[str] = field(default_factory=list)  # only the canvas position differs
    edges_added: list[Edge] = field(default_factory=list)
    edges_removed: list[Edge] = field(default_factory=list)
    # The same source and target, joined from another port (a yes became a no).
    edges_changed: list[tuple[Edge, Edge]] = field(default_factory=list)
    settings_changed: list[str] = field(default_factory=list)
    segments_changed: list[str] = field(default_factory=list)
    renamed: tuple[str, str] | None = None

    @property
    def empty(self) -> bool:
        """No difference that a running customer would notice (moves on the canvas aside)."""
        return not (self.nodes_added or self.nodes_removed or self.nodes_changed or self.edges_added
                    or self.edges_removed or self.edges_changed or self.settings_changed
                    or self.segments_changed)

    def summary(self) -> str:
        parts = []
        for label, items in (("nodes added", self.nodes_added), ("nodes removed", self.nodes_removed),
                             ("nodes changed", [c.id for c in self.nodes_changed]),
                             ("connections added", [e.id for e in self.edges_added]),
                             ("connections removed", [e.id for e in self.edges_removed]),
                             ("connections changed", [f"{a.id} → {b.port}" for a, b in self.edges_changed]),
                             ("settings changed", self.settings_changed),
                             ("segments changed", self.segments_changed)):
            if items:
                parts.append(f"{label}: {', '.join(items)}")
        return "; ".join(parts) if parts else "no changes"

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes_added": self.nodes_added, "nodes_removed": self.nodes_removed,
            "nodes_changed": [{"id": c.id, "fields": list(c.fields)} for c in self.nodes_changed],
            "nodes_moved": self.nodes_moved,
            "edges_added": [e.id for e in self.edges_added],
            "edges_removed": [e.id for e in self.edges_removed],
            "edges_changed": [[a.id, b.id] for a, b in self.edges_changed],
            "settings_changed": self.settings_changed, "segments_changed": self.segments_changed,
        }


def _node_fields(old: Node, new: Node) -> tuple[str, ...]:
    changed = []
    if old.type != new.type:
        changed.append("type")
    if old.kind != new.kind:
        changed.append("kind")
    if {k: v for k, v in old.config.items() if k != "kind"} != {k: v for k, v in new.config.items() if k != "kind"}:
        changed.append("config")
    if (old.label or "") != (new.label or ""):
        changed.append("label")
    return tuple(changed)


def _changed_keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


def diff_journeys(old: Journey, new: Journey) -> JourneyDiff:
    """The differences from `old` to `new`, each list in the new (or old) file's order."""
    diff = JourneyDiff()
    old_nodes = {n.id: n for n in old.nodes()}
    new_nodes = {n.id: n for n in new.nodes()}
    diff.nodes_added = [i for i in new_nodes if i not in old_nodes]
    diff.nodes_removed = [i for i in old_nodes if i not in new_nodes]
    for node_id, node in new_nodes.items():
        before = old_nodes.get(node_id)
        if before is None:
            continue
        fields = _node_fields(before, node)
        if fields:
            diff.nodes_changed.append(NodeChange(node_id, fields, before, node))
        elif tuple(before.position) != tuple(node.position):
            diff.nodes_moved.append(node_id)
    old_edges, new_edges = list(old.edges()), list(new.edges())
    old_set, new_set = set(old_edges), set(new_edges)
    added = [e for e in new_edges if e not in old_set]
    removed = [e for e in old_edges if e not in new_set]
    for gone in list(removed):
        match = next((e for e in added if e.source == gone.source and e.target == gone.target), None)
        if match is not None:
            diff.edges_changed.append((gone, match))
            removed.remove(gone)
            added.remove(match)
    diff.edges_added, diff.edges_removed = added, removed
    diff.settings_changed = _changed_keys(old.settings, new.settings)
    diff.segments_changed = _changed_keys(old.segments, new.segments)
    if old.name != new.name:
        diff.renamed = (old.name, new.name)
    return diff
