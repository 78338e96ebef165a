"""Mouse interactions of the canvas, one small class each (Orange's NewLinkAction pattern).

The scene starts one on a mouse press and forwards moves, the release and Esc to it until it
finishes. None of them changes the model while the mouse moves: each pushes at most one undo
command when it ends, so a drag is one undo step and Esc leaves nothing behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSceneMouseEvent

from engine.model import Edge
from widgets.canvas.items import EdgeItem, NodeItem, edge_path, snap, view_scale
from widgets.commands import AddEdge, MoveNodes, reconnect

if TYPE_CHECKING:
    from widgets.canvas.scene import JourneyScene


class Interaction:
    """Base: `move`, `release` and `cancel` return nothing; the scene drops the action after
    `release` or `cancel`."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        pass

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.finish()

    def cancel(self) -> None:
        self.finish()

    def finish(self) -> None:
        pass


class _RubberLine(Interaction):
    """Shared by new links and reconnects: a dashed curve that follows the mouse."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self.line = QGraphicsPathItem()
        pen = QPen(QApplication.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(10)
        scene.addItem(self.line)
        self._hover: NodeItem | None = None

    def _set_hover(self, item: NodeItem | None) -> None:
        if item is not self._hover:
            if self._hover is not None:
                self._hover.set_drop_target(False)
            self._hover = item
            if item is not None:
                item.set_drop_target(True)

    def finish(self) -> None:
        self._set_hover(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class NewLinkAction(_RubberLine):
    """Drag from an output port, drop on a node: one AddEdge. Edges into a trigger, onto the
    same node or duplicating an existing edge are refused (the line just disappears)."""

    def __init__(self, scene: JourneyScene, source: NodeItem, port: str) -> None:
        super().__init__(scene)
        self.source, self.port = source, port
        start = source.port_scene_pos(port)
        self.line.setPath(edge_path(start, start))

    def _target(self, pos: QPointF) -> NodeItem | None:
        item = self.scene.node_item_at(pos)
        if item is None or item is self.source or item.node_type == "trigger":
            return None
        if self.scene.journey_ref.has_edge(Edge(self.source.node_id, self.port, item.node_id)):
            return None
        return item

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target(event.scenePos())
        self._set_hover(target)
        end = target.port_scene_pos(None) if target else event.scenePos()
        self.line.setPath(edge_path(self.source.port_scene_pos(self.port), end))

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target(event.scenePos())
        self.finish()
        if target is not None:
            journey = self.scene.journey_ref
            self.scene.undo_stack.push(AddEdge(journey, Edge(self.source.node_id, self.port, target.node_id)))


class ReconnectAction(_RubberLine):
    """Grab an edge near one end and drop that end elsewhere: one reconnect command.

    The target end goes onto a node; the source end onto another output port. Dropping on
    nothing valid leaves the edge as it was.
    """

    def __init__(self, scene: JourneyScene, edge: EdgeItem, end: str) -> None:
        super().__init__(scene)
        self.edge, self.end = edge, end
        edge.setVisible(False)
        self.move_to(edge.ends()[1] if end == "target" else edge.ends()[0])

    def _new_edge(self, pos: QPointF, zoom: float = 1.0) -> tuple[Edge | None, NodeItem | None]:
        old = self.edge.edge
        item = self.scene.node_item_at(pos)
        if self.end == "source":
            item = self.scene.port_at(pos, zoom)[0] or item  # a port is easier to hit than its card
        if item is None:
            return None, None
        if self.end == "target":
            if item.node_type == "trigger" or item.node_id == old.source:
                return None, None
            new = Edge(old.source, old.port, item.node_id)
        else:
            port = item.port_at(pos, zoom)
            if port is None or item.node_id == old.target:
                return None, None
            new = Edge(item.node_id, str(port.name), old.target)
        if new != old and self.scene.journey_ref.has_edge(new):
            return None, None
        return new, item

    def move_to(self, pos: QPointF) -> None:
        old = self.edge.edge
        if self.end == "target":
            self.line.setPath(edge_path(self.edge.source.port_scene_pos(old.port), pos))
        else:
            self.line.setPath(edge_path(pos, self.edge.target.port_scene_pos(None)))

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        new, item = self._new_edge(event.scenePos(), view_scale(event.widget()))
        self._set_hover(item)
        self.move_to(event.scenePos())

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        new, _ = self._new_edge(event.scenePos(), view_scale(event.widget()))
        self.finish()
        if new is not None and new != self.edge.edge:
            self.scene.undo_stack.push(reconnect(self.scene.journey_ref, self.edge.edge, new))

    def finish(self) -> None:
        super().finish()
        if self.edge.scene() is not None:
            self.edge.setVisible(True)


class MoveAction(Interaction):
    """Moves the selected cards with the mouse, snapped to the grid, and pushes ONE MoveNodes
    with old and new positions on release. Only edges touching moved cards are recomputed."""

    def __init__(self, scene: JourneyScene, items: list[NodeItem], press: QPointF) -> None:
        super().__init__(scene)
        self.items = items
        self.press = press
        self.start = {item: item.pos() for item in items}
        self.edges = {edge for item in items for edge in item.edges}
        self.moved = False

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - self.press
        if not self.moved and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if not self.moved:
            self.scene.pause_loop_routing(True)
        self.moved = True
        for item, start in self.start.items():
            item.setPos(snap(start.x() + delta.x()), snap(start.y() + delta.y()))
        for edge in self.edges:
            edge.update_path()
        self.scene.ensure_rect(self.items)

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        moves = {item.node_id: ((start.x(), start.y()), (item.pos().x(), item.pos().y()))
                 for item, start in self.start.items() if item.pos() != start}
        if moves:
            self.scene.undo_stack.push(MoveNodes(self.scene.journey_ref, moves))

    def cancel(self) -> None:
        for item, start in self.start.items():
            item.setPos(start)
        for edge in self.edges:
            edge.update_path()

    def finish(self) -> None:
        self.scene.pause_loop_routing(False)


class RubberBandAction(Interaction):
    """Drag on empty canvas: select every card and edge the rectangle touches (Ctrl/Shift add)."""

    def __init__(self, scene: JourneyScene, press: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        super().__init__(scene)
        self.press = press
        self.adding = bool(modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        self.before = set(scene.selectedItems()) if self.adding else set()
        if not self.adding:
            scene.clear_all_selection()
        self.rect = QGraphicsRectItem()
        highlight = QApplication.palette().highlight().color()
        fill = QColor(highlight)
        fill.setAlpha(40)
        self.rect.setPen(QPen(highlight, 0))
        self.rect.setBrush(fill)
        self.rect.setZValue(20)
        self.rect.setVisible(False)
        scene.addItem(self.rect)

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        rect = QRectF(self.press, event.scenePos()).normalized()
        self.rect.setRect(rect)
        self.rect.setVisible(True)
        path = QPainterPath()
        path.addRect(rect)
        self.scene.select_in(path, self.before)

    def finish(self) -> None:
        if self.rect.scene() is not None:
            self.scene.removeItem(self.rect)
