"""Undo commands: a random sequence undone to the start and redone to the end leaves equal graphs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from engine.model import Edge, Journey, Node
from engine.registry import REGISTRY
from widgets.commands import (
    AddEdge,
    AddFragment,
    AddNode,
    ChangeJourney,
    ChangeNode,
    MoveNodes,
    RemoveItems,
    reconnect,
)


def base_journey() -> Journey:
    j = Journey("Base")
    j.add_node(Node("start", "trigger", {"kind": "event", "event": "signup"}, "Signup", (0, 0)))
    j.add_node(Node("cond", "condition", {"kind": "rule", "rule": {"all": []}}, None, (200, 0)))
    j.add_node(Node("mail", "message", {"kind": "email", "subject": "Hi", "body": "B"}, "Mail", (400, 0)))
    j.add_edge(Edge("start", "out", "cond"))
    j.add_edge(Edge("cond", "yes", "mail"))
    j.add_edge(Edge("cond", "no", "mail"))
    return j


KINDS = [(k.type, k.kind) for k in REGISTRY if k.type != "trigger"]


def apply_random(j: Journey, stack: QUndoStack, data) -> None:
    action = data.draw(st.sampled_from(["add", "remove", "move", "connect", "disconnect", "edit", "label",
                                        "settings", "paste", "reconnect"]))
    ids = sorted(n.id for n in j.nodes())
    edges = list(j.edges())
    if action == "add":
        t, k = data.draw(st.sampled_from(KINDS))
        desc = REGISTRY.get(t, k)
        node = Node(j.new_node_id(k), t, desc.default_config(), None,
                    (data.draw(st.floats(-500, 500)), data.draw(st.floats(-500, 500))))
        stack.push(AddNode(j, node))
    elif action == "remove" and ids:
        chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
        stack.push(RemoveItems(j, chosen, data.draw(st.lists(st.sampled_from(edges), max_size=2)) if edges else []))
    elif action == "move" and ids:
        chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
        stack.push(MoveNodes(j, {i: (j.node(i).position, (j.node(i).position[0] + 10, 5.0)) for i in chosen}))
    elif action == "connect" and ids:
        source = data.draw(st.sampled_from(ids))
        ports = j.node(source).ports()
        target = data.draw(st.sampled_from(ids))
        if ports:
            edge = Edge(source, data.draw(st.sampled_from(list(ports))), target)
            if not j.has_edge(edge):
                stack.push(AddEdge(j, edge))
    elif action == "disconnect" and edges:
        stack.push(RemoveItems(j, [], [data.draw(st.sampled_from(edges))]))
    elif action == "edit" and ids:
        node_id = data.draw(st.sampled_from(ids))
        config = dict(j.node(node_id).config)
        config["note"] = data.draw(st.text(max_size=5))
        stack.push(ChangeNode(j, node_id, config=config, merge_key=data.draw(st.sampled_from([None, "note"]))))
    elif action == "label" and ids:
        stack.push(ChangeNode(j, data.draw(st.sampled_from(ids)), label=data.draw(st.none() | st.text(max_size=5))))
    elif action == "settings":
        stack.push(ChangeJourney(j, settings={"reentry": data.draw(st.sampled_from(["never", "always"]))},
                                 name=data.draw(st.none() | st.text(min_size=1, max_size=5))))
    elif action == "paste" and ids:
        src = data.draw(st.sampled_from(ids))
        copy_id = j.new_node_id(src + "-copy")
        node = j.node(src).copy()
        node.id = copy_id
        stack.push(AddFragment(j, [node], [], "Paste"))
    elif action == "reconnect" and edges and ids:
        old = data.draw(st.sampled_from(edges))
        new = Edge(old.source, old.port, data.draw(st.sampled_from(ids)))
        if not j.has_edge(new):
            stack.push(reconnect(j, old, new))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_commands_undo_to_start_and_redo_to_end(qapp, data):
    j = base_journey()
    start = j.copy()
    stack = QUndoStack()
    for _ in range(data.draw(st.integers(1, 25))):
        apply_random(j, stack, data)
    end = j.copy()
    while stack.canUndo():
        stack.undo()
    assert j.same_as(start)
    assert [e for e in j.edges()] == [e for e in start.edges()]
    while stack.canRedo():
        stack.redo()
    assert j.same_as(end)


def test_deleting_a_node_removes_its_edges_and_undo_restores_their_order(qapp):
    j = base_journey()
    before = list(j.edges())
    stack = QUndoStack()
    stack.push(RemoveItems(j, ["cond"]))
    assert not j.has_node("cond") and list(j.edges()) == []
    stack.undo()
    assert list(j.edges()) == before


def test_typing_in_one_field_merges_into_one_undo_step(qapp):
    j = base_journey()
    stack = QUndoStack()
    for text in ("H", "He", "Hel"):
        cfg = dict(j.node("mail").config, subject=text)
        stack.push(ChangeNode(j, "mail", config=cfg, merge_key="subject"))
    assert stack.count() == 1
    stack.undo()
    assert j.node("mail").config["subject"] == "Hi"


def test_model_announces_each_change(qapp):
    j = base_journey()
    seen = []
    subs = [j.signals.subscribe(name, lambda *a, n=name: seen.append(n))
            for name in ("node_added", "node_removed", "edge_added", "edge_removed", "node_changed")]
    stack = QUndoStack()
    stack.push(RemoveItems(j, ["mail"]))
    stack.undo()
    assert seen == ["edge_removed", "edge_removed", "node_removed", "node_added", "edge_added", "edge_added"]
    for sub in subs:
        sub.cancel()
    assert j.signals.listener_count() == 0
