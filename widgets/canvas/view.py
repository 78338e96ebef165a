"""JourneyView: the canvas widget the main window embeds.

It owns zoom, pan, drops from the palette and the keyboard; the scene owns items and mouse
gestures on them. Edit methods (copy, paste, delete, auto-layout…) push undo commands on the
window's stack; they are public so the window's menu actions can call them, and the view also
answers the standard keys itself so it works on its own (in a test or a dialog). When the window
owns the same shortcuts, Qt gives them to the window's actions first, so nothing fires twice.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmapCache,
    QPolygonF,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from engine.model import Journey, Node
from engine.problems import Problem
from engine.registry import REGISTRY
from widgets.canvas import clipboard
from widgets.canvas.items import CARD_WIDTH, GRID, HEADER, SIMPLE_LOD, snap
from widgets.canvas.layout import auto_layout_positions
from widgets.canvas.scene import JourneyScene
from widgets.commands import AddNode, MoveNodes, RemoveItems
from widgets.data_texts import kind_name
from widgets.mime import NODE_KIND_MIME, read_kind

MIN_ZOOM, MAX_ZOOM = 0.1, 3.0
ZOOM_STEP = 1.2
StandardKey = QKeySequence.StandardKey


class JourneyView(QGraphicsView):
    """Shows one journey (or none). `selectionChangedIds` carries the selected node ids."""

    selectionChangedIds = Signal(list)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._scene = JourneyScene(undo_stack, self)
        self._scene.selectionChangedIds.connect(self.selectionChangedIds)
        self.setScene(self._scene)
        # Device-cached cards at 2,000 nodes need more than Qt's 10 MB default pixmap cache.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Not DontAdjustForAntialiasing: edges' bounding rects leave out their 1 px pen.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._pan_from: QPoint | None = None
        self._space = False

    # -- public API ------------------------------------------------------------------------
    def scene(self) -> JourneyScene:
        return self._scene

    def journey(self) -> Journey | None:
        return self._scene.journey()

    def set_journey(self, journey: Journey | None) -> None:
        self._scene.set_journey(journey)
        self.resetTransform()
        self._apply_lod_hints()
        if journey is not None:
            self.centerOn(self._scene.nodes_rect().center())

    def selected_node_ids(self) -> list[str]:
        return self._scene.selected_node_ids()

    def select_node(self, node_id: str, center: bool = True) -> None:
        item = self._scene.node_items.get(node_id)
        self._scene.clear_all_selection()
        if item is None:
            return
        item.setSelected(True)
        if center:
            self.centerOn(item.sceneBoundingRect().center())

    def select_all(self) -> None:
        for item in self._scene.node_items.values():
            item.setSelected(True)

    def set_problems(self, problems: list[Problem]) -> None:
        self._scene.set_problems(problems)

    def set_badges(self, badges: dict[str, str]) -> None:
        self._scene.set_badges(badges)

    def set_highlight(self, nodes: set[str], edges: set[tuple[str, str]]) -> None:
        self._scene.set_highlight(nodes, edges)

    # -- zoom and pan ----------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zooms to `factor` (clamped) keeping the scene point under `anchor` (viewport px) still."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.resetTransform()
        self.scale(factor, factor)
        self._apply_lod_hints()
        after = self.mapToScene(anchor.toPoint())
        self.translate(after.x() - before.x(), after.y() - before.y())
        shift = self.mapFromScene(before) - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + shift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + shift.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def _apply_lod_hints(self) -> None:
        """Zoomed out, 4,000 antialiased curves alone blow the frame budget; aliased 1 px lines
        look the same at that size (cards draw their own antialiasing when legible)."""
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom() >= SIMPLE_LOD)

    def view_state(self) -> tuple[float, QPointF]:
        """Zoom and the scene point in the middle of the view, to show the same again later."""
        return self.zoom(), self.mapToScene(self.viewport().rect().center())

    def set_view_state(self, zoom: float, centre: QPointF) -> None:
        self.resetTransform()
        factor = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.scale(factor, factor)
        self._apply_lod_hints()
        self.centerOn(centre)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit(self) -> None:
        """Everything in view, never magnified past 100 % (a 3-node journey stays readable)."""
        rect = self._scene.nodes_rect()
        if rect.isEmpty():
            self.resetTransform()
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        self.resetTransform()
        self.scale(max(MIN_ZOOM, factor), max(MIN_ZOOM, factor))
        self._apply_lod_hints()
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        """Wheel zooms around the cursor (the way map and design tools do)."""
        steps = event.angleDelta().y() / 120.0
        if not steps:
            super().wheelEvent(event)
            return
        self.set_zoom(self.zoom() * (ZOOM_STEP ** steps), event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.MiddleButton or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._scene.cancel_interaction():
            event.accept()
            return
        actions = ((StandardKey.Delete, self.delete_selected), (StandardKey.Copy, self.copy),
                   (StandardKey.Cut, self.cut), (StandardKey.Paste, self.paste),
                   (StandardKey.SelectAll, self.select_all), (StandardKey.ZoomIn, self.zoom_in),
                   (StandardKey.ZoomOut, self.zoom_out))
        for key, method in actions:
            if event.matches(key):
                method()
                event.accept()
                return
        if event.key() == Qt.Key.Key_Backspace or (
                event.key() == Qt.Key.Key_D and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            (self.delete_selected if event.key() == Qt.Key.Key_Backspace else self.duplicate)()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # -- drops from the palette ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if self.journey() is not None and read_kind(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt override)
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        kind = read_kind(event.mimeData()) if event.mimeData().hasFormat(NODE_KIND_MIME) else None
        if self.journey() is None or kind is None:
            event.ignore()
            return
        if self.add_node(kind[0], kind[1], self.mapToScene(event.position().toPoint())) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def add_node(self, node_type: str, kind: str, at: QPointF | None = None) -> str | None:
        """Adds a registry kind with its defaults, its card's header centred under `at` (the
        view centre when None), snapped to the grid. Returns the new id (None if unknown)."""
        journey = self.journey()
        desc = REGISTRY.get(node_type, kind)
        if journey is None or desc is None:
            return None
        if at is None:
            at = self.mapToScene(self.viewport().rect().center())
        node = Node(journey.new_node_id(kind), node_type, desc.default_config(), kind_name(desc),
                    (snap(at.x() - CARD_WIDTH / 2), snap(at.y() - HEADER / 2)))
        self.undo_stack.push(AddNode(journey, node))
        self.select_node(node.id, center=False)
        self.setFocus()
        return node.id

    # -- editing ---------------------------------------------------------------------------
    def delete_selected(self) -> None:
        journey = self.journey()
        nodes, edges = self.selected_node_ids(), self._scene.selected_edges()
        if journey is not None and (nodes or edges):
            self.undo_stack.push(RemoveItems(journey, nodes, edges))

    def copy(self) -> None:
        journey = self.journey()
        if journey is not None and self.selected_node_ids():
            clipboard.copy_to_clipboard(journey, self.selected_node_ids())

    def cut(self) -> None:
        journey = self.journey()
        ids = self.selected_node_ids()
        if journey is None or not ids:
            return
        self.copy()
        command = RemoveItems(journey, ids)
        command.setText(self.tr("Cut {count} node(s)").format(count=len(ids)))
        self.undo_stack.push(command)

    def paste(self) -> None:
        journey = self.journey()
        fragment = clipboard.read_clipboard()
        if journey is not None and fragment is not None:
            self._add_fragment(journey, fragment, self.tr("Paste"))

    def duplicate(self) -> None:
        """Ctrl+D: copies the selection next to itself without touching the clipboard."""
        journey = self.journey()
        ids = self.selected_node_ids()
        if journey is not None and ids:
            self._add_fragment(journey, clipboard.fragment(journey, ids), self.tr("Duplicate"))

    def _add_fragment(self, journey: Journey, fragment: dict, text: str) -> None:
        command, new_ids = clipboard.paste_command(journey, fragment, text)
        if command is None:
            return
        self.undo_stack.push(command)
        self._scene.clear_all_selection()
        for node_id in new_ids:
            item = self._scene.node_items.get(node_id)
            if item is not None:
                item.setSelected(True)

    def auto_layout(self) -> None:
        """Left-to-right layout as ONE MoveNodes command (so one undo puts everything back)."""
        journey = self.journey()
        if journey is None:
            return
        positions = auto_layout_positions(journey)
        moves = {node_id: (journey.node(node_id).position, pos) for node_id, pos in positions.items()
                 if tuple(journey.node(node_id).position) != tuple(pos)}
        if moves:
            self.undo_stack.push(MoveNodes(journey, moves, self.tr("Auto-layout")))
        self.fit()  # the tidied journey, whole: cards may have moved far from where the view looked

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt override)
        """A faint dot grid (the 20 px snap grid, or every 100 px when zoomed out) in one call."""
        super().drawBackground(painter, rect)
        zoom = self.zoom()
        step = GRID if zoom >= 0.6 else GRID * 5
        if zoom < 0.3:
            return
        palette = self.palette()
        colour = palette.color(QPalette.ColorRole.Text)
        colour.setAlphaF(0.18)
        painter.setPen(QPen(colour, 1.5 / zoom))
        left, top = math.floor(rect.left() / step) * step, math.floor(rect.top() / step) * step
        xs = [left + i * step for i in range(int((rect.right() - left) / step) + 1)]
        ys = [top + j * step for j in range(int((rect.bottom() - top) / step) + 1)]
        painter.drawPoints(QPolygonF([QPointF(x, y) for y in ys for x in xs]))

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
