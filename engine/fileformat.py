"""Reading and writing the `journey-builder/1` JSON file.

Reading checks the structure (fields, types, node kinds, edges and their ports) and reports
every problem it finds; `load_journey` adds the validator's errors, so a journey that comes
back from it is whole: nothing is half-loaded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engine.model import ID_RE, Edge, Journey, Node
from engine.problems import JOURNEY_ID, JourneyError, Problem
from engine.registry import NODE_TYPES, REGISTRY, Registry
from engine.values import ValueProblem, parse_json

FORMAT = "journey-builder/1"


def read_journey(data: Any, registry: Registry = REGISTRY) -> tuple[Journey, list[Problem]]:
    """Builds as much of the journey as is well formed and lists what is not.

    The partial journey is for the validator and the canvas (which can show a broken file and
    let the user fix it); callers that run a journey use `load_journey` instead. A node whose
    kind was renamed (`NodeKind.replaces`) is read as its successor, so saving it again writes
    the new name.
    """
    problems: list[Problem] = []

    def bad(where: str, message: str) -> None:
        problems.append(Problem(where, message))

    journey = Journey()
    if not isinstance(data, Mapping):
        bad(JOURNEY_ID, "the file must hold a JSON object")
        return journey, problems
    fmt = data.get("format")
    if fmt != FORMAT:
        bad(JOURNEY_ID, f"format: expected '{FORMAT}', found {json.dumps(fmt)}" if fmt is not None
            else f"format: missing (expected '{FORMAT}')")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        bad(JOURNEY_ID, "name: missing or not a non-empty string")
    else:
        journey.name = name
    description = data.get("description", "")
    if not isinstance(description, str):
        bad(JOURNEY_ID, "description: must be a string")
    else:
        journey.description = description
    for key, attr in (("settings", "settings"), ("segments", "segments")):
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            bad(JOURNEY_ID, f"{key}: must be an object")
        else:
            setattr(journey, attr, json.loads(json.dumps(value)))

    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        bad(JOURNEY_ID, "nodes: missing or not a list")
        nodes = []
    for index, raw in enumerate(nodes):
        node = _read_node(raw, index, journey, bad, registry)
        if node is not None:
            journey.attach_node(node)

    edges = data.get("edges")
    if not isinstance(edges, list):
        bad(JOURNEY_ID, "edges: missing or not a list")
        edges = []
    for index, raw in enumerate(edges):
        edge = _read_edge(raw, index, journey, bad, registry)
        if edge is not None:
            journey.attach_edge(edge)
    return journey, problems


def _read_node(raw: Any, index: int, journey: Journey, bad, registry: Registry) -> Node | None:
    if not isinstance(raw, Mapping):
        bad(f"nodes[{index}]", "a node must be an object")
        return None
    node_id = raw.get("id")
    if not isinstance(node_id, str) or not ID_RE.fullmatch(node_id):
        bad(f"nodes[{index}]" if not isinstance(node_id, str) else node_id,
            f"id: {json.dumps(node_id)} is not a valid id ([A-Za-z0-9_.-], 1 to 64 characters)")
        return None
    if journey.has_node(node_id):
        bad(node_id, "id: used by more than one node")
        return None
    ok = True
    node_type = raw.get("type")
    if not isinstance(node_type, str) or node_type not in NODE_TYPES:
        bad(node_id, f"type: unknown node type {json.dumps(node_type)} (expected one of {', '.join(NODE_TYPES)})")
        ok = False
        node_type = ""  # reported; with ok False nothing below reads it
    config = raw.get("config")
    if not isinstance(config, Mapping):
        bad(node_id, "config: missing or not an object")
        ok = False
    elif ok:
        kind = config.get("kind")
        desc = (registry.get(node_type, kind) or registry.successor(node_type, kind)) if isinstance(kind, str) else None
        if desc is None:
            kinds = ", ".join(k.kind for k in registry.kinds_of(node_type))
            bad(node_id, f"config.kind: unknown {node_type} kind {json.dumps(kind)} (expected one of {kinds})")
            ok = False
        elif (desc.type, desc.kind) != (node_type, kind):
            node_type, config = desc.type, {**config, "kind": desc.kind}
    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        bad(node_id, "label: must be a string")
        ok = False
    position = raw.get("position", [0, 0])
    if (not isinstance(position, list | tuple) or len(position) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in position)):
        bad(node_id, "position: must be a list of two numbers")
        ok = False
    if not ok:
        return None
    return Node(node_id, node_type, json.loads(json.dumps(config)), label,
                (float(position[0]), float(position[1])))


def _read_edge(raw: Any, index: int, journey: Journey, bad, registry: Registry) -> Edge | None:
    if not isinstance(raw, Mapping):
        bad(f"edges[{index}]", "an edge must be an object")
        return None
    source, target, port = raw.get("source"), raw.get("target"), raw.get("port")
    name = f"{source}.{port}->{target}" if isinstance(source, str) else f"edges[{index}]"
    if not (isinstance(source, str) and source and isinstance(target, str) and target
            and isinstance(port, str) and port):
        for key, value in (("source", source), ("target", target), ("port", port)):
            if not isinstance(value, str) or not value:
                bad(name, f"{key}: missing or not a string")
                break
        return None
    ok = True
    for key, end in (("source", source), ("target", target)):
        if not journey.has_node(end):
            bad(name, f"{key}: no node '{end}' (dangling edge)")
            ok = False
    if not ok:
        return None
    node = journey.node(source)
    desc = registry.get(node.type, node.kind)
    ports = desc.ports(node.config) if desc else ()
    if port not in ports:
        offered = ", ".join(ports) if ports else "none"
        bad(name, f"port: node '{source}' has no port '{port}' (its ports: {offered})")
        return None
    edge = Edge(source, port, target)
    if journey.has_edge(edge):
        bad(name, "the same edge is listed twice")
        return None
    return edge


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def journey_to_dict(journey: Journey) -> dict[str, Any]:
    nodes = []
    for node in journey.nodes():
        item: dict[str, Any] = {"id": node.id, "type": node.type}
        if node.label is not None:
            item["label"] = node.label
        item["position"] = [_number(node.position[0]), _number(node.position[1])]
        item["config"] = json.loads(json.dumps(node.config))
        nodes.append(item)
    data: dict[str, Any] = {
        "format": FORMAT,
        "name": journey.name,
        "description": journey.description,
        "settings": json.loads(json.dumps(journey.settings)),
        "nodes": nodes,
        "edges": [{"source": e.source, "target": e.target, "port": e.port} for e in journey.edges()],
    }
    if journey.segments:
        data["segments"] = json.loads(json.dumps(journey.segments))
    return data


def dumps_journey(journey: Journey) -> str:
    return json.dumps(journey_to_dict(journey), ensure_ascii=False, indent=2) + "\n"


def journey_from_dict(data: Any, source: str = "", registry: Registry = REGISTRY) -> Journey:
    """A whole, valid journey or a JourneyError listing every error (warnings pass)."""
    from engine.validation import validate

    journey, problems = read_journey(data, registry)
    if not problems:
        problems = validate(journey)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise JourneyError(errors, source)
    return journey


# A journey or profile file is a few kilobytes; 16 MB is far beyond any real one and still
# small enough to read whole. Reading stops there, so `validate /dev/zero` ends at once.
MAX_FILE_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024


def read_limited(path: str | Path, what: str = "file", limit: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file read in chunks, refused past `limit` bytes or at a NUL byte (a binary
    file or a device), so nothing is ever read whole before its size is known."""
    p = Path(path)
    chunks: list[bytes] = []
    size = 0
    try:
        with p.open("rb") as f:
            while chunk := f.read(_CHUNK):
                if b"\0" in chunk:
                    raise FileProblem(f"{p}: not a text file (it contains NUL bytes); expected a JSON {what}")
                size += len(chunk)
                if size > limit:
                    raise FileProblem(f"{p}: the {what} is larger than {limit // (1024 * 1024)} MB")
                chunks.append(chunk)
    except FileNotFoundError as exc:
        raise FileProblem(f"{p}: no such {what}") from exc
    except OSError as exc:
        raise FileProblem(f"{p}: cannot read the {what} ({exc.__class__.__name__}: {exc})") from exc
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{p}: cannot read the {what} ({exc.__class__.__name__}: {exc})") from exc


def read_json_file(path: str | Path, what: str = "file") -> Any:
    """JSON from a file, or a FileProblem naming the file and the fault: unreadable, over 16 MB,
    not JSON, or holding what JSON text may not (NaN, 5,000-digit numbers, nesting deeper than
    32, see engine.values)."""
    text = read_limited(path, what)
    try:
        return parse_json(text, str(path))
    except ValueProblem as exc:
        raise FileProblem(str(exc)) from exc


class FileProblem(Exception):
    """A file that cannot be read or parsed at all (exit status 2 on the command line)."""


def load_journey(path: str | Path) -> Journey:
    return journey_from_dict(read_json_file(path, "journey file"), str(path))


def save_journey(journey: Journey, path: str | Path) -> None:
    """Writes through a temporary file and a rename, so a crash never leaves half a file."""
    write_json_file(journey_to_dict(journey), path)


def write_json_file(data: Any, path: str | Path) -> None:
    """A journey file's JSON (with its tests, if any), through a temporary file and a rename."""
    p = Path(path)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(p)
