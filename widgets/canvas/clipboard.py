"""Copy, cut, paste and duplicate as file-format fragments.

A fragment is {"nodes": [file-format node dicts], "edges": [...]} under FRAGMENT_MIME, so it
pastes into another journey, another view or another running copy. Pasting renames ids that
are taken and offsets positions until the copy does not sit exactly on top of an existing card.
"""

from __future__ import annotations

import atexit
import copy
import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from engine.model import ID_RE, Edge, Journey, Node
from engine.registry import REGISTRY
from widgets.commands import AddFragment
from widgets.mime import FRAGMENT_MIME, fragment_mime, read_fragment

PASTE_OFFSET = 40.0


def fragment(journey: Journey, node_ids: list[str]) -> dict[str, Any]:
    """The chosen nodes and the edges between them (edges leaving the selection are dropped)."""
    chosen = [i for i in dict.fromkeys(node_ids) if journey.has_node(i)]
    inside = set(chosen)
    nodes = []
    for node_id in chosen:
        node = journey.node(node_id)
        item: dict[str, Any] = {"id": node.id, "type": node.type}
        if node.label is not None:
            item["label"] = node.label
        item["position"] = [node.position[0], node.position[1]]
        item["config"] = copy.deepcopy(node.config)
        nodes.append(item)
    edges = [{"source": e.source, "target": e.target, "port": e.port} for e in journey.edges()
             if e.source in inside and e.target in inside]
    return {"nodes": nodes, "edges": edges}


def copy_to_clipboard(journey: Journey, node_ids: list[str]) -> None:
    _register_exit_cleanup()
    QGuiApplication.clipboard().setMimeData(fragment_mime(fragment(journey, node_ids)))


def to_mime(journey: Journey, node_ids: list[str]) -> QMimeData:
    return fragment_mime(fragment(journey, node_ids))


_cleanup_registered = False


def _register_exit_cleanup() -> None:
    """PySide6 6.8.3 segfaults at interpreter exit when the clipboard still holds mime data
    set from Python (reproduced with a bare QMimeData on the offscreen platform). Our
    fragment is of no use once the app is gone, so it is cleared at exit."""
    global _cleanup_registered
    if not _cleanup_registered:
        _cleanup_registered = True
        atexit.register(_clear_our_clipboard)


def _clear_our_clipboard() -> None:
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(FRAGMENT_MIME):
        clipboard.clear()


def read_clipboard() -> dict[str, Any] | None:
    return read_fragment(QGuiApplication.clipboard().mimeData())


def _node_from(raw: Any) -> Node | None:
    """A node dict from a fragment, or None if it is not one we can add (foreign or broken data)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("config"), dict):
        return None
    node_type, config = raw.get("type"), raw["config"]
    if not isinstance(node_type, str) or REGISTRY.get(node_type, str(config.get("kind"))) is None:
        return None
    if not isinstance(raw.get("id"), str) or not ID_RE.match(raw["id"]):
        return None
    position = raw.get("position", [0, 0])
    try:
        x, y = float(position[0]), float(position[1])
    except (TypeError, ValueError, IndexError):
        x, y = 0.0, 0.0
    label = raw.get("label") if isinstance(raw.get("label"), str) else None
    return Node(raw["id"], node_type, json.loads(json.dumps(config)), label, (x, y))


def paste_command(journey: Journey, data: dict[str, Any], text: str) -> tuple[AddFragment | None, list[str]]:
    """One AddFragment adding the fragment's nodes (renamed where taken) and inner edges.

    A second trigger is left out: a journey has exactly one, and pasting a copy of the whole
    journey into itself should not make it invalid.
    """
    nodes = [n for n in (_node_from(raw) for raw in data.get("nodes", [])) if n is not None]
    if journey.triggers():
        nodes = [n for n in nodes if n.type != "trigger"]
    if not nodes:
        return None, []
    taken: set[str] = set()
    renamed: dict[str, str] = {}
    for node in nodes:
        new_id = node.id
        if new_id in taken or journey.has_node(new_id):
            base, n = node.id[:56], 2
            new_id = f"{base}-{n}"
            while new_id in taken or journey.has_node(new_id):
                n += 1
                new_id = f"{base}-{n}"
        taken.add(new_id)
        renamed[node.id] = new_id
        node.id = new_id
    occupied = {tuple(n.position) for n in journey.nodes()}
    step = 0
    while step < 50 and any((n.position[0] + step * PASTE_OFFSET, n.position[1] + step * PASTE_OFFSET) in occupied
                            for n in nodes):
        step += 1
    for node in nodes:
        node.position = (node.position[0] + step * PASTE_OFFSET, node.position[1] + step * PASTE_OFFSET)
    by_id = {n.id: n for n in nodes}
    edges = []
    for raw in data.get("edges", []):
        if not isinstance(raw, dict):
            continue
        source, target = renamed.get(raw.get("source")), renamed.get(raw.get("target"))
        port = raw.get("port")
        if source in by_id and target in by_id and port in by_id[source].ports() and by_id[target].type != "trigger":
            edge = Edge(source, port, target)
            if edge not in edges:
                edges.append(edge)
    return AddFragment(journey, nodes, edges, text), [n.id for n in nodes]
