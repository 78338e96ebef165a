"""Every edit of a journey is one QUndoCommand that calls one model method.

`redo()` calls the method, `undo()` its inverse; composite edits (deleting a node with its
edges, pasting a fragment) are macros of child commands, so undo restores edges in their
original order (Orange's fix for "undo does not preserve order"). Widgets never change the
model themselves: they push one of these, and the view follows the model's signals.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from engine.model import KEEP, Edge, Journey, Node

MERGE_CONFIG = 1001


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class Macro(QUndoCommand):
    """A command made of other commands, run in order and undone in reverse.

    The parts are held in Python, not as Qt child commands: PySide6 6.8 either loses the Python
    side of a Qt child or deletes it twice when the stack goes, and both crash.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[QUndoCommand] = []

    def keep(self, part: QUndoCommand) -> QUndoCommand:
        self.parts.append(part)
        return part

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


class AddNode(QUndoCommand):
    def __init__(self, journey: Journey, node: Node, parent: QUndoCommand | None = None) -> None:
        super().__init__(QCoreApplication.translate("commands", "Add {name}").format(name=node.label or node.id), parent)
        self.journey, self.node = journey, node.copy()

    def redo(self) -> None:
        self.journey.add_node(self.node.copy())

    def undo(self) -> None:
        self.journey.remove_node(self.node.id)


class RemoveNodeOnly(QUndoCommand):
    """Removes a node whose edges are gone already (the child of RemoveItems)."""

    def __init__(self, journey: Journey, node_id: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(parent)
        self.journey, self.node = journey, journey.node(node_id).copy()

    def redo(self) -> None:
        self.journey.remove_node(self.node.id)

    def undo(self) -> None:
        self.journey.add_node(self.node.copy())


class AddEdge(QUndoCommand):
    def __init__(self, journey: Journey, edge: Edge, parent: QUndoCommand | None = None) -> None:
        super().__init__(QCoreApplication.translate("commands", "Connect {source} → {target}").format(source=edge.source, target=edge.target), parent)
        self.journey, self.edge = journey, edge
        self.order: int | None = None

    def redo(self) -> None:
        self.journey.add_edge(self.edge, self.order)
        self.order = self.journey.edge_order(self.edge)

    def undo(self) -> None:
        self.journey.remove_edge(self.edge)


class RemoveEdge(QUndoCommand):
    def __init__(self, journey: Journey, edge: Edge, parent: QUndoCommand | None = None) -> None:
        super().__init__(QCoreApplication.translate("commands", "Disconnect {source} → {target}").format(source=edge.source, target=edge.target),
                         parent)
        self.journey, self.edge = journey, edge
        self.order = journey.edge_order(edge)

    def redo(self) -> None:
        self.journey.remove_edge(self.edge)

    def undo(self) -> None:
        self.journey.add_edge(self.edge, self.order)


class RemoveItems(Macro):
    """Deletes nodes (with every edge touching them) and edges, as one undoable step."""

    def __init__(self, journey: Journey, node_ids: Iterable[str], edges: Iterable[Edge] = ()) -> None:
        nodes = [n for n in dict.fromkeys(node_ids) if journey.has_node(n)]
        super().__init__(QCoreApplication.translate("commands", "Delete"))
        doomed = {e for e in edges if journey.has_edge(e)}
        for node_id in nodes:
            doomed.update(journey.in_edges(node_id))
            doomed.update(journey.out_edges(node_id))
        for edge in sorted(doomed, key=journey.edge_order):
            self.keep(RemoveEdge(journey, edge))
        for node_id in nodes:
            self.keep(RemoveNodeOnly(journey, node_id))
        count = len(nodes) + len(doomed)
        self.setText(QCoreApplication.translate("commands", "Delete {count} item(s)").format(count=count))


class MoveNodes(QUndoCommand):
    """A drag (or an auto-layout) is one command holding old and new positions."""

    def __init__(self, journey: Journey, moves: Mapping[str, tuple[tuple[float, float], tuple[float, float]]],
                 text: str | None = None) -> None:
        super().__init__(text or QCoreApplication.translate("commands", "Move {count} node(s)").format(count=len(moves)))
        self.journey = journey
        # Copied as pairs: a caller may pass lists, and the command must not share them.
        self.moves = {k: ((a[0], a[1]), (b[0], b[1])) for k, (a, b) in moves.items()}

    def redo(self) -> None:
        for node_id, (_, new) in self.moves.items():
            self.journey.update_node(node_id, position=new)

    def undo(self) -> None:
        for node_id, (old, _) in self.moves.items():
            self.journey.update_node(node_id, position=old)


def _change_text(node: Node, config: dict[str, Any] | None, label: Any) -> str:
    """What the edit changes, for the Edit menu: "change subject of “Reminder”"."""
    name = node.label or node.id
    if config is None and label is not KEEP:
        return QCoreApplication.translate("commands", "rename “{old}” to “{new}”").format(old=name, new=label or node.id)
    new = config or {}
    changed = [k for k in dict.fromkeys([*node.config, *new]) if k != "kind" and node.config.get(k) != new.get(k)]
    if config is not None and new.get("kind") != node.config.get("kind"):
        return QCoreApplication.translate("commands", "change the kind of “{node}”").format(node=name)
    if not changed:
        return QCoreApplication.translate("commands", "change “{node}”").format(node=name)
    desc = node.description
    spec = desc.field(changed[0]) if desc is not None else None
    source = (spec.label or spec.name) if spec is not None else changed[0]
    words = QCoreApplication.translate("registry", source)
    if words == source:  # English (or a field without a translation): a label inside a sentence
        words = words[:1].lower() + words[1:]
    return QCoreApplication.translate("commands", "change {field} of “{node}”").format(field=words, node=name)


def changed_nodes(command: QUndoCommand | None) -> list[str]:
    """The nodes an undo or redo of this command changes, to select them afterwards."""
    if isinstance(command, ChangeNode):
        return [command.node_id]
    if isinstance(command, MoveNodes):
        return list(command.moves)
    if isinstance(command, AddNode):
        return [command.node.id]
    return []


class ChangeNode(QUndoCommand):
    """An inspector edit of a node's config or label.

    Successive edits of the same field of the same node merge into one step, so typing a
    subject is one undo, not one per key.
    """

    def __init__(self, journey: Journey, node_id: str, *, config: dict[str, Any] | None = None,
                 label: Any = KEEP, merge_key: str | None = None) -> None:
        node = journey.node(node_id)
        super().__init__(_change_text(node, config, label))
        self.journey, self.node_id, self.merge_key = journey, node_id, merge_key
        self.old_config, self.old_label = copy.deepcopy(node.config), node.label
        self.new_config = copy.deepcopy(config) if config is not None else None
        self.new_label = label

    def id(self) -> int:
        return MERGE_CONFIG if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeNode) or other.node_id != self.node_id or other.merge_key != self.merge_key:
            return False
        if other.new_config is not None:
            self.new_config = other.new_config
        if other.new_label is not KEEP:
            self.new_label = other.new_label
        return True

    def redo(self) -> None:
        self.journey.update_node(self.node_id, config=self.new_config, label=self.new_label)

    def undo(self) -> None:
        self.journey.update_node(self.node_id, config=self.old_config if self.new_config is not None else None,
                                 label=self.old_label if self.new_label is not KEEP else KEEP)


class ChangeJourney(QUndoCommand):
    """Journey-level edits: settings, segment definitions or the name."""

    def __init__(self, journey: Journey, *, settings: dict[str, Any] | None = None,
                 segments: dict[str, Any] | None = None, name: str | None = None,
                 merge_key: str | None = None) -> None:
        super().__init__(QCoreApplication.translate("commands", "Edit journey settings") if name is None else QCoreApplication.translate("commands", "Rename journey"))
        self.journey, self.merge_key = journey, merge_key
        self.old = (copy.deepcopy(journey.settings), copy.deepcopy(journey.segments), journey.name)
        self.new = (copy.deepcopy(settings), copy.deepcopy(segments), name)

    def id(self) -> int:
        return MERGE_CONFIG + 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeJourney) or other.merge_key != self.merge_key:
            return False
        self.new = tuple(o if o is not None else s for s, o in zip(self.new, other.new, strict=True))
        return True

    def _apply(self, values: tuple) -> None:
        settings, segments, name = values
        if settings is not None:
            self.journey.set_settings(settings)
        if segments is not None:
            self.journey.set_segments(segments)
        if name is not None:
            self.journey.rename(name)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(tuple(old if new is not None else None for old, new in zip(self.old, self.new, strict=True)))


class AddFragment(Macro):
    """Paste or duplicate: nodes and the edges among them, as one step."""

    def __init__(self, journey: Journey, nodes: Iterable[Node], edges: Iterable[Edge], text: str) -> None:
        super().__init__(text)
        for node in nodes:
            self.keep(AddNode(journey, node))
        for edge in edges:
            self.keep(AddEdge(journey, edge))


def reconnect(journey: Journey, old: Edge, new: Edge) -> QUndoCommand:
    """Moving an edge's end is a removal and an addition, undone together."""
    macro = Macro(QCoreApplication.translate("commands", "Reconnect {source}").format(source=old.source))
    macro.keep(RemoveEdge(journey, old))
    macro.keep(AddEdge(journey, new))
    return macro
