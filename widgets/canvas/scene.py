"""The scene: mirrors one Journey as items and turns mouse gestures into undo commands.

The scene follows the model's signals and never the other way round: every edit is pushed as a
command, the model announces it, and the handlers here add, remove or refresh items. That is
why undo "just works" here. Two dicts map node ids to items and items to node ids (Orange
rebuilt a reverse map on every lookup), and every model subscription is cancelled when the
journey goes, so a closed journey leaves no listener behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainterPath, QTransform, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from engine.model import Edge, Journey, Node
from engine.observer import Subscription
from engine.problems import Problem
from widgets.canvas.interactions import (
    Interaction,
    MoveAction,
    NewLinkAction,
    ReconnectAction,
    RubberBandAction,
)
from widgets.canvas.items import (
    DETOUR_MAX_CARDS,
    MARGIN,
    PORT_HIT_SCREEN_PX,
    CardIndex,
    EdgeItem,
    NodeItem,
    Port,
    view_scale,
)
from widgets.data_texts import problem_message

SCENE_MARGIN = 600.0


def _cancel_all(subscriptions: list[Subscription]) -> None:
    for sub in subscriptions:
        sub.cancel()
    subscriptions.clear()


class JourneyScene(QGraphicsScene):
    """Items for one journey. `selectionChangedIds` carries the selected node ids.

    The item index is off (NoIndex): with BSP, every edge re-shaped during a drag makes Qt
    re-insert it in the tree; measured in bench/canvas_bench.py, NoIndex is faster for paint,
    drag and open at 2,000 nodes (see docs/performance.md).
    """

    selectionChangedIds = Signal(list)

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._journey: Journey | None = None
        self._subscriptions: list[Subscription] = []
        self.node_items: dict[str, NodeItem] = {}
        self.node_for_item: dict[NodeItem, str] = {}
        self.edge_items: dict[Edge, EdgeItem] = {}
        self._action: Interaction | None = None
        self._problems: dict[str, list[str]] = {}
        self._errors: set[str] = set()
        self._badges: dict[str, str] = {}
        self._highlight: tuple[set[str], set[tuple[str, str]]] = (set(), set())
        self._bounds = QRectF()
        self._selected_edges: set[EdgeItem] = set()
        self._loops_pending: set[EdgeItem] = set()
        self._loops_paused = False
        self._loop_timer = QTimer(self)
        self._loop_timer.setSingleShot(True)
        self._loop_timer.timeout.connect(self._route_loops)
        self.selectionChanged.connect(self._emit_selection)
        # If the scene is deleted while still showing a journey, its subscriptions must go with
        # it (the journey outlives the window). The slot holds the list, never `self`.
        self.destroyed.connect(partial(_cancel_all, self._subscriptions))

    # -- the journey -----------------------------------------------------------------------
    @property
    def journey_ref(self) -> Journey:
        assert self._journey is not None, "no journey shown"
        return self._journey

    def journey(self) -> Journey | None:
        return self._journey

    def set_journey(self, journey: Journey | None) -> None:
        """Drops every item and subscription of the old journey, then mirrors the new one."""
        if self._action is not None:
            self._action.cancel()
            self._action = None
        _cancel_all(self._subscriptions)
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self.node_items.clear()
        self.node_for_item.clear()
        self.edge_items.clear()
        self._selected_edges.clear()
        self._loops_pending.clear()
        self._problems, self._badges, self._highlight = {}, {}, (set(), set())
        self._journey = journey
        self._bounds = QRectF()
        if journey is not None:
            for node in journey.nodes():
                self._add_node_item(node)
            for edge in journey.edges():
                self._add_edge_item(edge)
            signals = journey.signals
            self._subscriptions.extend([
                signals.subscribe("node_added", self._on_node_added),
                signals.subscribe("node_removed", self._on_node_removed),
                signals.subscribe("node_changed", self._on_node_changed),
                signals.subscribe("edge_added", self._on_edge_added),
                signals.subscribe("edge_removed", self._on_edge_removed),
            ])
        self._reset_rect()
        self.selectionChangedIds.emit([])

    # -- following the model ---------------------------------------------------------------
    def _add_node_item(self, node: Node) -> NodeItem:
        item = NodeItem(node)
        self.node_items[node.id] = item
        self.node_for_item[item] = node.id
        if node.id in self._problems:
            item.set_problems(self._problems[node.id], node.id in self._errors)
        if node.id in self._badges:
            item.set_badge(self._badges[node.id])
        item.set_highlighted(node.id in self._highlight[0])
        self.addItem(item)
        return item

    def _add_edge_item(self, edge: Edge) -> EdgeItem | None:
        source, target = self.node_items.get(edge.source), self.node_items.get(edge.target)
        if source is None or target is None:
            return None
        item = EdgeItem(edge, source, target)
        source.edges.add(item)
        target.edges.add(item)
        self.edge_items[edge] = item
        item.set_problem("; ".join(self._problems.get(edge.id, [])), edge.id in self._errors)
        item.set_highlighted((edge.source, edge.target) in self._highlight[1])
        self.addItem(item)
        self.route_later(item)  # once it can see the cards it must pass under or around
        return item

    def _on_node_added(self, node: Node) -> None:
        item = self._add_node_item(node)
        self.ensure_rect([item])

    def _on_node_removed(self, node: Node) -> None:
        item = self.node_items.pop(node.id, None)
        if item is None:
            return
        self.node_for_item.pop(item, None)
        for edge in list(item.edges):  # the model removes edges first; this is a safety net
            self._on_edge_removed(edge.edge)
        self.removeItem(item)

    def _on_node_changed(self, node: Node) -> None:
        item = self.node_items.get(node.id)
        if item is None:
            return
        if item.refresh(node):
            item.update_edges()
        if item.pos() != QPointF(*node.position):
            item.set_position(*node.position)
            self.ensure_rect([item])

    def _on_edge_added(self, edge: Edge) -> None:
        self._add_edge_item(edge)

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edge_items.pop(edge, None)
        if item is None:
            return
        item.source.edges.discard(item)
        item.target.edges.discard(item)
        self._selected_edges.discard(item)
        self.removeItem(item)

    # -- edges routed under (backward) or around (forward) the cards in their way, in one
    # batch when things settle --
    def route_later(self, edge: EdgeItem) -> None:
        self._loops_pending.add(edge)
        if not self._loops_paused and not self._loop_timer.isActive():
            self._loop_timer.start(0)

    def pause_loop_routing(self, paused: bool) -> None:
        """A drag pauses it (the simple route is fine while the mouse moves)."""
        self._loops_paused = paused
        if not paused and self._loops_pending:
            self._loop_timer.start(0)

    def _route_loops(self) -> None:
        pending, self._loops_pending = self._loops_pending, set()
        cards = CardIndex(self.node_items.values()) if len(self.node_items) <= DETOUR_MAX_CARDS else None
        for edge in pending:
            if edge.scene() is self:
                edge.route_loop(cards)

    # -- scene rect: kept by hand, so Qt never walks every item for itemsBoundingRect -------
    def _reset_rect(self) -> None:
        bounds = QRectF()
        for item in self.node_items.values():
            bounds = bounds.united(item.sceneBoundingRect())
        self._bounds = bounds
        self._apply_rect()

    def ensure_rect(self, items: Iterable[NodeItem]) -> None:
        bounds = self._bounds
        for item in items:
            bounds = bounds.united(item.sceneBoundingRect())
        if bounds != self._bounds:
            self._bounds = bounds
            self._apply_rect()

    def _apply_rect(self) -> None:
        base = self._bounds if not self._bounds.isEmpty() else QRectF(0, 0, 1, 1)
        self.setSceneRect(base.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def nodes_rect(self) -> QRectF:
        """The bounds of the cards (no margin): what 'fit' shows."""
        return QRectF(self._bounds)

    # -- problems, badges, highlight -------------------------------------------------------
    def set_problems(self, problems: list[Problem]) -> None:
        grouped: dict[str, list[str]] = {}
        errors: set[str] = set()
        for problem in problems:
            grouped.setdefault(problem.where, []).append(
                problem_message(problem.message) if problem.is_error
                else self.tr("warning: {message}").format(message=problem_message(problem.message)))
            if problem.is_error:
                errors.add(problem.where)
        self._problems = grouped
        self._errors = errors
        for node_id, item in self.node_items.items():
            item.set_problems(grouped.get(node_id, []), node_id in errors)
        for edge, edge_item in self.edge_items.items():
            edge_item.set_problem("; ".join(grouped.get(edge.id, [])), edge.id in errors)

    def set_badges(self, badges: dict[str, str]) -> None:
        self._badges = dict(badges)
        for node_id, item in self.node_items.items():
            item.set_badge(self._badges.get(node_id, ""))

    def set_highlight(self, nodes: set[str], edges: set[tuple[str, str]]) -> None:
        self._highlight = (set(nodes), set(edges))
        for node_id, item in self.node_items.items():
            item.set_highlighted(node_id in nodes)
        for edge, edge_item in self.edge_items.items():
            edge_item.set_highlighted((edge.source, edge.target) in edges)

    # -- selection -------------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        return [item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return sorted(item.edge for item in self._selected_edges)

    def select_edge(self, edge: Edge, on: bool = True) -> None:
        """Edges keep their own selection (see EdgeItem for why they are not Qt-selectable)."""
        item = self.edge_items.get(edge)
        if item is None:
            return
        item.set_selected(on)
        if on:
            self._selected_edges.add(item)
        else:
            self._selected_edges.discard(item)

    def clear_edge_selection(self) -> None:
        for item in self._selected_edges:
            item.set_selected(False)
        self._selected_edges.clear()

    def clear_all_selection(self) -> None:
        self.clear_edge_selection()
        self.clearSelection()

    def select_in(self, path: QPainterPath, keep: set[QGraphicsItem]) -> None:
        """Rubber band: select what the path touches plus what was selected before (Ctrl)."""
        self.blockSignals(True)
        self.setSelectionArea(path, Qt.ItemSelectionOperation.ReplaceSelection,
                              Qt.ItemSelectionMode.IntersectsItemShape, QTransform())
        for item in keep:
            item.setSelected(True)
        self.blockSignals(False)
        self._emit_selection()

    def _emit_selection(self) -> None:
        self.selectionChangedIds.emit(self.selected_node_ids())

    def node_item_at(self, pos: QPointF) -> NodeItem | None:
        """The topmost card whose card area (not the badge margin) contains pos."""
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, NodeItem) and item.card.contains(item.mapFromScene(pos)):
                return item
        return None

    def port_at(self, pos: QPointF, zoom: float = 1.0) -> tuple[NodeItem | None, Port | None]:
        """The output port a press at `pos` grabs: also just outside the card's edge, where
        half the circle is drawn, and from further away when zoomed out (`NodeItem.port_at`)."""
        reach = PORT_HIT_SCREEN_PX / max(zoom, 0.05) + MARGIN * 3
        area = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
        for item in self.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, NodeItem):
                port = item.port_at(pos, zoom)
                if port is not None:
                    return item, port
        return None, None

    def _edge_at(self, pos: QPointF) -> EdgeItem | None:
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, EdgeItem):
                return item
        return None

    # -- mouse: start an interaction, feed it, end it --------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._action is not None or self._journey is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.scenePos()
        adding = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        if not adding:
            self.clear_edge_selection()
        zoom = view_scale(event.widget())
        owner, port = self.port_at(pos, zoom)
        if owner is not None and port is not None:
            self._action = NewLinkAction(self, owner, str(port.name))
            event.accept()
            return
        node = self.node_item_at(pos)
        if node is not None:
            super().mousePressEvent(event)
            if node.isSelected():
                items = [i for i in self.selectedItems() if isinstance(i, NodeItem)]
                self._action = MoveAction(self, items, pos)
            return
        edge = self._edge_at(pos)
        if edge is not None:
            if not adding:
                self.clearSelection()
            self.select_edge(edge.edge, not (adding and edge.selected))
            end = edge.end_near(pos)
            if end is not None:
                self._action = ReconnectAction(self, edge, end)
            event.accept()
            return
        self._action = RubberBandAction(self, pos, event.modifiers())
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._action is not None:
            self._action.move(event)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        action, self._action = self._action, None
        if action is not None and event.button() == Qt.MouseButton.LeftButton:
            action.release(event)
            action.finish()
        elif action is not None:
            self._action = action
        super().mouseReleaseEvent(event)

    def cancel_interaction(self) -> bool:
        """Esc: undo what the gesture showed, push nothing."""
        if self._action is None:
            return False
        action, self._action = self._action, None
        action.cancel()
        action.finish()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.cancel_interaction():
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """A theme switch repaints cards (their device cache holds the old colours)."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for edge_item in self.edge_items.values():
                edge_item.refresh_pen()
            for node_item in self.node_items.values():
                node_item.update()
        return super().event(event)
