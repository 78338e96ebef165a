"""The graphics items of the canvas: node cards (with their ports) and edges.

Items only *show* the model. They never change it: the scene's interactions push undo commands,
the model announces the change, and the scene calls `refresh()` / `set_position()` here.

Ports are not QGraphicsItems of their own: a 2,000-node journey would carry ~5,000 extra items
for the index and the painter to walk. A node draws its ports and answers `port_at()` for hit
tests instead; `Port` describes one port's place on the card.

Node cards are `QGraphicsRectItem`s with no pen so that `boundingRect()` and `shape()` stay in
C++ (Qt asks for them on every paint and hit test; a Python override costs a call each time).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from engine.model import Edge, Node
from widgets import icons
from widgets.data_texts import kind_name, port_text
from widgets.summaries import summarize

GRID = 20
CARD_WIDTH = 184.0
HEADER = 26.0
BODY_LINES = 36.0          # kind line + summary line, below the header
PORT_ROW = 16.0
PORT_RADIUS = 5.0
BOTTOM_PAD = 6.0
MARGIN = 10.0              # room around the card for port circles and the problem badge
SIMPLE_LOD = 0.38          # below this scale edges are drawn aliased (the view's render hint)
DETAIL_LOD = 0.7           # below this a card shows only its title, large (semantic zoom)
BLOCK_LOD = 0.12           # below this a card is a plain coloured block (not even a title fits)
TITLE_SCREEN_PX = 13.0     # a title's size on screen when zoomed out, if the card has room for it…
TITLE_MIN_SCREEN_PX = 10.5 # …else smaller, down to this: what Fit must keep readable
PORT_SCREEN_PX = 4.5       # a port circle's least radius on screen
PORT_HIT_SCREEN_PX = 9.0   # how near (on screen) a press must come to a port to grab it
TYPE_COLOURS = {"trigger": "#2e9a57", "delay": "#c98400", "condition": "#2f6fd0", "message": "#8a4cc4",
                "action": "#5f6b7a"}
HIGHLIGHT = QColor("#f08c00")
PROBLEM = QColor("#d93025")   # errors: the journey cannot run
WARNING = QColor("#e0a100")   # warnings: it runs, but perhaps not as meant (amber, not alarm red)


def detail_level(lod: float) -> str:
    """What a card shows at a scale: 'full' (header, kind, summary, port names), 'titles'
    (the title alone, as large as the card allows) or 'block' (a coloured rectangle)."""
    if lod >= DETAIL_LOD:
        return "full"
    return "titles" if lod >= BLOCK_LOD else "block"


def title_pixel_size(lod: float, screen_px: float = TITLE_SCREEN_PX) -> float:
    """A font size in scene px that shows as `screen_px` on screen at scale `lod`."""
    return screen_px / max(lod, BLOCK_LOD)


def title_layout(title: str, base: QFont, lod: float, rect: QRectF) -> tuple[QFont, str]:
    """The title's font and wrapped lines in the 'titles' level: the largest size from
    TITLE_SCREEN_PX down to TITLE_MIN_SCREEN_PX at which the whole title fits the card, else the
    smallest, elided."""
    font = QFont(base)
    font.setBold(True)
    size = TITLE_SCREEN_PX
    while True:
        font.setPixelSize(max(1, round(title_pixel_size(lod, size))))
        text = _fit_lines(title, font, rect)
        if "…" not in text or size <= TITLE_MIN_SCREEN_PX:
            return font, text
        size = max(TITLE_MIN_SCREEN_PX, size - 1.0)


def view_scale(widget: QWidget | None) -> float:
    """The zoom of the view an event came through (its viewport is `widget`), 1.0 without one."""
    from PySide6.QtWidgets import QGraphicsView

    view = widget.parentWidget() if widget is not None else None
    return view.transform().m11() if isinstance(view, QGraphicsView) else 1.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("canvas", text)


def snap(value: float) -> float:
    return round(value / GRID) * GRID


def snap_point(p: QPointF) -> QPointF:
    return QPointF(snap(p.x()), snap(p.y()))


def card_height(port_count: int) -> float:
    """Cards grow by one row per output port; layout and paste use this without an item."""
    return HEADER + BODY_LINES + PORT_ROW * max(1, port_count) + BOTTOM_PAD


def port_y(index: int) -> float:
    return HEADER + BODY_LINES + PORT_ROW * index + PORT_ROW / 2


INPUT_Y = port_y(0)   # the input sits level with the first output, so chains draw straight


@dataclass(frozen=True)
class Port:
    """One port of a card in item coordinates; `name` is None for the input."""

    name: str | None
    pos: QPointF

    @property
    def is_input(self) -> bool:
        return self.name is None


def type_colour(node_type: str) -> QColor:
    return QColor(TYPE_COLOURS.get(node_type, "#777777"))


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t: tints that work on a light and a dark Base alike."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


class NodeItem(QGraphicsRectItem):
    """A rounded card: coloured header (icon + label), kind line, summary line, port rows."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node_id = node.id
        self.node_type = node.type
        self.edges: set[EdgeItem] = set()
        self.problems: list[str] = []
        self.has_error = False
        self.badge = ""
        self.highlighted = False
        self.drop_target = False
        self._config_ref: object = None
        self._label: str | None = None
        self.ports: tuple[str, ...] = ()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.refresh(node)
        self.setPos(node.position[0], node.position[1])

    # -- geometry --------------------------------------------------------------------------
    @property
    def card(self) -> QRectF:
        return QRectF(0, 0, CARD_WIDTH, card_height(len(self.ports)))

    def output_port(self, name: str) -> Port | None:
        if name not in self.ports:
            return None
        return Port(name, QPointF(CARD_WIDTH, port_y(self.ports.index(name))))

    def input_port(self) -> Port | None:
        return None if self.node_type == "trigger" else Port(None, QPointF(0, INPUT_Y))

    def port_scene_pos(self, name: str | None) -> QPointF:
        """Where an edge attaches; a port that vanished (config edit) falls back to the card edge."""
        if name is None:
            return self.pos() + QPointF(0, INPUT_Y)
        port = self.output_port(name)
        return self.pos() + (port.pos if port else QPointF(CARD_WIDTH, INPUT_Y))

    def port_at(self, scene_pos: QPointF, zoom: float = 1.0) -> Port | None:
        """The output port under the cursor: the circle, or its label row near the right edge.
        Zoomed out, the reach grows so that it stays PORT_HIT_SCREEN_PX on screen (a 16 px
        row is 5 screen pixels at Fit); of overlapping reaches the nearest port wins."""
        local = self.mapFromScene(scene_pos)
        reach = max(PORT_ROW / 2, PORT_HIT_SCREEN_PX / max(zoom, 0.05))
        outside = min(max(PORT_RADIUS * 2, reach), MARGIN * 4)
        if not CARD_WIDTH - 48 <= local.x() <= CARD_WIDTH + outside:
            return None
        best: tuple[float, int] | None = None
        for i in range(len(self.ports)):
            distance = abs(local.y() - port_y(i))
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, i)
        if best is None:
            return None
        return Port(self.ports[best[1]], QPointF(CARD_WIDTH, port_y(best[1])))

    def port_reach(self) -> QRectF:
        """The scene area in which `port_at` may answer at the lowest zoom: what a hit test
        must look through besides the card itself."""
        return self.sceneBoundingRect().adjusted(0, -MARGIN * 2, MARGIN * 3, MARGIN * 2)

    # -- following the model ---------------------------------------------------------------
    def refresh(self, node: Node) -> bool:
        """Re-reads content if config or label changed (config is replaced, never mutated, on
        edit, so identity tells); returns True when the port list changed so edges re-attach."""
        if node.config is self._config_ref and node.label == self._label:
            return False
        self._config_ref, self._label = node.config, node.label
        old_ports = self.ports
        self.ports = node.ports()
        desc = node.description
        self.kind_text = kind_name(desc) if desc else f"{node.type}/{node.kind}"
        self.icon_name = desc.icon if desc else ""
        self.title = node.label or self.kind_text
        self.summary = summarize(node)
        help_text = desc.help if desc else ""
        self._base_tooltip = f"<b>{_escape(self.title)}</b><br>{_escape(self.summary)}<br><i>{_escape(help_text)}</i>"
        self._update_tooltip()
        if old_ports != self.ports or self.rect().isEmpty():
            self.prepareGeometryChange()
            self.setRect(self.card.adjusted(-MARGIN, -MARGIN - 8, MARGIN, MARGIN))
        self.update()
        return old_ports != self.ports

    def set_position(self, x: float, y: float) -> None:
        if self.pos() != QPointF(x, y):
            self.setPos(x, y)
            self.update_edges()

    def update_edges(self) -> None:
        for edge in self.edges:
            edge.update_path()

    def set_problems(self, messages: list[str], has_error: bool = True) -> None:
        """`has_error`: at least one message is an error (red badge); warnings alone are amber."""
        has_error = bool(messages) and has_error
        if messages != self.problems or has_error != self.has_error:
            self.problems = messages
            self.has_error = has_error
            self._update_tooltip()
            self.update()

    def port_labels(self) -> list[str]:
        """The ports as the card shows them: yes/no in the UI's language, a split's own names as given."""
        return [port_text(name) for name in self.ports]

    def problem_colour(self) -> QColor:
        return PROBLEM if self.has_error else WARNING

    def set_badge(self, text: str) -> None:
        if text != self.badge:
            self.badge = text
            self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def set_drop_target(self, on: bool) -> None:
        """Lit while a connection being drawn would land here (apart from the simulator's path)."""
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def _update_tooltip(self) -> None:
        tip = self._base_tooltip
        if self.problems:
            colour = self.problem_colour().name()
            tip += "<hr>" + "<br>".join(f"<span style='color:{colour}'>⚠ {_escape(m)}</span>" for m in self.problems)
        self.setToolTip(tip)

    # -- interaction hints -----------------------------------------------------------------
    def hoverMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A crosshair over an output port says 'drag from here to connect'."""
        over = self.port_at(event.scenePos(), view_scale(event.widget())) is not None
        self.setCursor(Qt.CursorShape.CrossCursor if over else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = _palette(widget)
        accent = type_colour(self.node_type)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        card = self.card
        level = detail_level(lod)
        if level == "block":
            self._paint_simple(painter, card, accent, palette, selected)
            return
        if level == "titles":
            self._paint_titles(painter, lod, accent, palette, selected)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        body = _mix(base, accent, 0.08)
        outline = palette.color(QPalette.ColorRole.Highlight) if selected else _mix(accent, text, 0.15)
        if self.highlighted or self.drop_target:
            outline = HIGHLIGHT
        width = 2.5 if (selected or self.highlighted or self.drop_target) else 1.2
        path = QPainterPath()
        path.addRoundedRect(card, 8, 8)
        painter.fillPath(path, body)
        header = QPainterPath()
        header.addRoundedRect(QRectF(0, 0, CARD_WIDTH, HEADER + 8), 8, 8)
        header = header.intersected(_rect_path(QRectF(0, 0, CARD_WIDTH, HEADER)))
        painter.fillPath(header, accent)
        painter.setPen(QPen(outline, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

        font = QFont(painter.font())
        title_font = QFont(font)
        title_font.setBold(True)
        title_font.setPointSizeF(max(7.5, font.pointSizeF() * 0.95))
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        x0 = 8.0
        if self.icon_name:
            painter.drawImage(QRectF(7, 5, 16, 16), icons.image(self.icon_name, 32, "#ffffff"))
            x0 = 29.0
        painter.setFont(title_font)
        painter.setPen(QColor("#ffffff"))
        self._text(painter, QRectF(x0, 0, CARD_WIDTH - x0 - 8, HEADER), self.title)
        painter.setFont(small)
        painter.setPen(_mix(text, base, 0.4))
        self._text(painter, QRectF(8, HEADER + 2, CARD_WIDTH - 16, 16), self.kind_text)
        painter.setPen(text)
        self._text(painter, QRectF(8, HEADER + 18, CARD_WIDTH - 16, 16), self.summary)

        # ports: labels right-aligned inside the card, circles on the edge
        port_pen = QPen(_mix(accent, text, 0.2), 1.4)
        painter.setPen(_mix(text, base, 0.25))
        for i, name in enumerate(self.port_labels()):
            self._text(painter, QRectF(8, port_y(i) - 8, CARD_WIDTH - 8 - 12, 16), name,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        painter.setPen(port_pen)
        painter.setBrush(base)
        for i in range(len(self.ports)):
            painter.drawEllipse(QPointF(CARD_WIDTH, port_y(i)), PORT_RADIUS, PORT_RADIUS)
        if self.node_type != "trigger":
            painter.setBrush(accent)
            painter.drawEllipse(QPointF(0, INPUT_Y), PORT_RADIUS, PORT_RADIUS)
        self._paint_badges(painter, palette, small)

    def _paint_titles(self, painter: QPainter, lod: float, accent: QColor, palette: QPalette,
                      selected: bool) -> None:
        """Zoomed out (Fit on a long journey): the card in its type's colour with the title as
        large as reads on screen, wrapped over the card; kind, summary and port names, which
        would be specks, are left out. Ports stay as circles that can still be grabbed."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self.card
        path = QPainterPath()
        path.addRoundedRect(card, 8, 8)
        painter.fillPath(path, accent)
        if selected or self.highlighted or self.drop_target:
            colour = HIGHLIGHT if (self.highlighted or self.drop_target) else palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, 3.0 / lod))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        radius = min(MARGIN, max(PORT_RADIUS, PORT_SCREEN_PX / lod))
        footer = self._paint_badge_footer(painter, lod, palette, radius) if self.badge else 0.0
        text_rect = card.adjusted(radius + 2, 3, -radius - 2, -3 - footer)
        font, text = title_layout(self.title, painter.font(), lod, text_rect)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QPen(QColor("#ffffff"), 1.5 / lod))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        for i in range(len(self.ports)):
            painter.drawEllipse(QPointF(CARD_WIDTH, port_y(i)), radius, radius)
        if self.node_type != "trigger":
            painter.setBrush(accent)
            painter.drawEllipse(QPointF(0, INPUT_Y), radius, radius)
        if self.problems:
            centre = QPointF(CARD_WIDTH - 2, 0)
            r = min(MARGIN, max(8.0, 7.0 / lod))
            painter.setPen(QPen(QColor("#ffffff"), 1.5 / lod))
            painter.setBrush(self.problem_colour())
            painter.drawEllipse(centre, r, r)

    def _paint_badge_footer(self, painter: QPainter, lod: float, palette: QPalette, radius: float) -> float:
        """The population badge as a band across the card's foot, below the title (over it,
        it hid the title); returns the band's height."""
        font = QFont(painter.font())
        font.setPixelSize(max(1, round(title_pixel_size(lod, TITLE_MIN_SCREEN_PX))))
        metrics = QFontMetricsF(font)
        card = self.card
        height = min(metrics.height() + 2 / lod, card.height() / 2)
        band = QPainterPath()
        band.addRoundedRect(card, 8, 8)
        band = band.intersected(_rect_path(QRectF(0, card.height() - height, CARD_WIDTH, height)))
        painter.fillPath(band, palette.color(QPalette.ColorRole.Highlight))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        rect = QRectF(radius + 2, card.height() - height, CARD_WIDTH - 2 * radius - 4, height)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(self.badge, Qt.TextElideMode.ElideRight, rect.width()))
        return height

    def _paint_simple(self, painter: QPainter, card: QRectF, accent: QColor, palette: QPalette,
                      selected: bool) -> None:
        painter.fillRect(card, accent)
        if selected or self.highlighted:
            colour = HIGHLIGHT if self.highlighted else palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, 6))
            painter.drawRect(card)
        if self.problems:
            painter.fillRect(QRectF(card.width() - 36, -12, 48, 48), self.problem_colour())

    def _paint_badges(self, painter: QPainter, palette: QPalette, font: QFont) -> None:
        if self.problems:
            centre = QPointF(CARD_WIDTH - 2, 0)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(self.problem_colour())
            painter.drawEllipse(centre, 8, 8)
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16), Qt.AlignmentFlag.AlignCenter, "!")
        if self.badge:
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            w = metrics.horizontalAdvance(self.badge) + 12
            rect = QRectF(8, -MARGIN - 7, w, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 7, 7)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.badge)

    @staticmethod
    def _text(painter: QPainter, rect: QRectF, text: str,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
        metrics = QFontMetricsF(painter.font())
        painter.drawText(rect, align, metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))


class EdgeItem(QGraphicsPathItem):
    """A curve from an output port to a node's input, with an arrow head at the target.

    Edges have no Python `paint()` and are not Qt-selectable: Qt's selected look is a dashed
    box that only a Python paint override can suppress, and 4,000 Python paint calls cost
    ~20 ms per zoomed-out frame. The scene keeps edge selection itself and shows it by pen.
    The normal pen is cosmetic (width 0 = 1 device pixel): Qt's raster engine has a fast path
    for that and strokes wider antialiased curves ~4× slower (measured in
    bench/canvas_bench.py); and with a zero-width pen QGraphicsPathItem takes its bounding rect
    from the path's control points instead of calling `shape()` (a Python stroke per edge
    per drag frame).
    The stroke used for hit tests is computed lazily: stroking 4,000 curves on open would cost
    more than the whole rest of opening a large journey.
    """

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.source, self.target = source, target
        self.highlighted = False
        self.selected = False
        self.problem = ""
        self.problem_is_error = True
        self._shape: QPainterPath | None = None
        self.setZValue(-1)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.refresh_pen()
        self.update_path()

    def ends(self) -> tuple[QPointF, QPointF]:
        return self.source.port_scene_pos(self.edge.port), self.target.port_scene_pos(None)

    def update_path(self) -> None:
        """Follows the cards. A backward edge first runs under its own two cards; routing it
        under the cards in between needs a scene query, which the scene batches for later (a
        drag or an auto-layout would otherwise query for every edge on every step)."""
        start, end = self.ends()
        below = self._own_level() if is_backward(start, end) else None
        scene = self.scene()
        if scene is not None and hasattr(scene, "route_later"):
            scene.route_later(self)
        self.setPath(edge_path(start, end, below))
        self._shape = None

    def is_backward(self) -> bool:
        return is_backward(*self.ends())

    def route_loop(self, cards: CardIndex | None = None) -> None:
        """The route once things settle: a backward edge under the cards in between, a forward
        edge around the cards its curve would cross (`cards` indexes them for a batch; without
        it forward edges keep their curve, see DETOUR_MAX_CARDS)."""
        start, end = self.ends()
        if self.scene() is None:
            return
        if is_backward(start, end):
            self.setPath(edge_path(start, end, self._loop_level(start, end)))
            self._shape = None
            return
        if cards is None:
            return
        lane = self._detour_lane(start, end, cards)
        path = edge_path(start, end) if lane is None else detour_path(start, end, lane)
        if path != self.path():
            self.setPath(path)
            self._shape = None

    def _detour_lane(self, start: QPointF, end: QPointF, cards: CardIndex) -> float | None:
        """None when the S-curve crosses no card but its own two; else the y of a lane above
        or below the cards in the way (the nearer of the two), clear of any card it passes."""
        own = (self.source, self.target)
        sx, sy, ex, ey = start.x(), start.y(), end.x() - PORT_RADIUS - 1, end.y()
        points = _curve_points(sx, sy, ex, ey)
        low, high = min(sy, ey), max(sy, ey)
        blockers = [box for box in cards.between(sx, ex, low - 2, high + 2)
                    if box[4] not in own and any(box[0] - 2 <= x <= box[2] + 2 and box[1] - 2 <= y <= box[3] + 2
                                                 for x, y in points)]
        if not blockers:
            return None
        x1, x2 = sx + DETOUR_STUB, ex - DETOUR_STUB
        options = []
        for above in (True, False):
            lane = _beyond(blockers, above)
            for _ in range(8):  # a lane moved past one card may meet the next
                pad = 4.0
                hits = [box for box in (*cards.between(x1 - pad, x1 + pad, min(lane, sy), max(lane, sy)),
                                        *cards.between(x1, x2, lane - pad, lane + pad),
                                        *cards.between(x2 - pad, x2 + pad, min(lane, ey), max(lane, ey)))
                        if box[4] not in own]
                if not hits:
                    break
                lane = _beyond(hits, above)
            options.append((abs(lane - sy) + abs(lane - ey), lane))
        return min(options)[1]

    def _own_level(self) -> float:
        return max(self.source.y() + self.source.card.height(), self.target.y() + self.target.card.height()) + 24

    def _loop_level(self, start: QPointF, end: QPointF) -> float:
        """The y a backward edge runs along: under its two cards and any card in between (a
        scene query, but loops are few and only they pay for it)."""
        below = self._own_level()
        scene = self.scene()
        if scene is None:
            return below
        left, right, top = end.x() - 40, start.x() + 40, min(start.y(), end.y())
        for _ in range(6):
            lowest = below
            band = QRectF(left, top, right - left, below - top)
            # bounding rects only: the default shape test would stroke every edge in the band
            for item in scene.items(band, Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                                    Qt.SortOrder.AscendingOrder, QTransform()):
                if isinstance(item, NodeItem) and item.sceneBoundingRect().intersects(band):
                    lowest = max(lowest, item.y() + item.card.height() + 24)
            if lowest == below:
                break
            below = lowest
        return below

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.path())
        return self._shape

    def end_near(self, scene_pos: QPointF, distance: float = 18.0) -> str | None:
        """'source' or 'target' when the press is close to that end (grab it to reconnect)."""
        start, end = self.ends()
        if QLineF(scene_pos, end).length() <= distance:
            return "target"
        if QLineF(scene_pos, start).length() <= distance:
            return "source"
        return None

    def refresh_pen(self) -> None:
        palette = QApplication.palette()
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        if self.highlighted:
            pen = QPen(HIGHLIGHT, 3.5)
        elif self.selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
        elif self.problem:
            pen = QPen(PROBLEM if self.problem_is_error else WARNING, 2, Qt.PenStyle.DashLine)
        else:
            pen = QPen(_mix(text, base, 0.35), 0)  # cosmetic 1 px: see the class docstring
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setToolTip(self.problem)

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.setZValue(-0.5 if on or self.selected else -1)
            self.refresh_pen()

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.setZValue(-0.5 if on or self.highlighted else -1)
            self.refresh_pen()

    def set_problem(self, message: str, is_error: bool = True) -> None:
        if message != self.problem or is_error != self.problem_is_error:
            self.problem = message
            self.problem_is_error = is_error
            self.refresh_pen()



# Detours cost a few index look-ups per edge: ~1 ms for the largest template (30 cards), ~110 ms
# CPU for 300 cards of the canvas bench's criss-crossing edges after an auto-layout, but 1.9 s at
# 1,000 and 16 s at 2,000 (docs/performance.md). Above this many cards forward edges keep their
# plain curve.
DETOUR_MAX_CARDS = 300
DETOUR_STUB = 20.0   # how far a detour runs straight out of its port before it turns
DETOUR_GAP = 22.0    # how far a detour's lane keeps from the cards it avoids


Box = tuple[float, float, float, float, "NodeItem"]  # left, top, right, bottom, card


class CardIndex:
    """The cards' scene rectangles sorted by their left edge, built once for a batch of routes:
    with the scene unindexed (see JourneyScene), a scene query per edge would walk every item.
    Plain floats, not QRectF: a batch makes tens of thousands of comparisons."""

    def __init__(self, items: Iterable[NodeItem]) -> None:
        boxes = sorted(((item.x(), item.y(), item.x() + CARD_WIDTH, item.y() + item.card.height(), item)
                        for item in items), key=lambda box: box[0])
        self._lefts = [box[0] for box in boxes]
        self._boxes: list[Box] = boxes

    def between(self, x1: float, x2: float, y1: float, y2: float) -> list[Box]:
        """Cards overlapping the box x1..x2 × y1..y2."""
        first = bisect_left(self._lefts, x1 - CARD_WIDTH)
        last = bisect_right(self._lefts, x2)
        return [box for box in self._boxes[first:last] if box[2] > x1 and box[0] < x2 and box[3] > y1 and box[1] < y2]


def _beyond(boxes: list[Box], above: bool) -> float:
    return min(box[1] for box in boxes) - DETOUR_GAP if above else max(box[3] for box in boxes) + DETOUR_GAP


def _curve_points(sx: float, sy: float, ex: float, ey: float) -> list[tuple[float, float]]:
    """Points along the S-curve `edge_path` draws (same control points), for hit tests in
    Python: one every ~20 px, closer than a card is narrow or low."""
    count = max(16, int((abs(ex - sx) + abs(ey - sy)) / 20))
    bend = max(40.0, abs(ex - sx) / 2)
    c1x, c2x = sx + bend, ex - bend
    points = []
    for i in range(count + 1):
        t = i / count
        u = 1 - t
        x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex
        y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ey + t * t * t * ey
        points.append((x, y))
    return points


def detour_path(start: QPointF, end: QPointF, lane: float) -> QPainterPath:
    """Out of the port, along `lane` past the cards in the way, back into the input: straight
    legs with rounded corners, and the same arrow head as the curve."""
    tip = QPointF(end.x() - PORT_RADIUS - 1, end.y())
    x1, x2 = start.x() + DETOUR_STUB, tip.x() - DETOUR_STUB
    points = [start, QPointF(x1, start.y()), QPointF(x1, lane), QPointF(x2, lane), QPointF(x2, tip.y()), tip]
    path = QPainterPath(start)
    for i in range(1, len(points) - 1):
        before, corner, after = points[i - 1], points[i], points[i + 1]
        r = min(12.0, QLineF(before, corner).length() / 2, QLineF(corner, after).length() / 2)
        path.lineTo(QLineF(corner, before).pointAt(r / max(QLineF(corner, before).length(), 1e-9)))
        path.quadTo(corner, QLineF(corner, after).pointAt(r / max(QLineF(corner, after).length(), 1e-9)))
    path.lineTo(tip)
    path.moveTo(tip + QPointF(-7, -4.5))
    path.lineTo(tip)
    path.lineTo(tip + QPointF(-7, 4.5))
    return path


def is_backward(start: QPointF, end: QPointF) -> bool:
    """The target's input lies left of the source's port: an S-curve would cut through cards."""
    return end.x() < start.x() - 20


def edge_path(start: QPointF, end: QPointF, below: float | None = None) -> QPainterPath:
    """A horizontal S-curve with an open arrow head, all in one path so Qt strokes it in a
    single call. An edge going back left (a loop through a delay) is routed under both cards
    (`below` = the y to run along) instead of cutting through the cards in between."""
    tip = QPointF(end.x() - PORT_RADIUS - 1, end.y())
    path = QPainterPath(start)
    if below is not None and is_backward(start, end):
        r = 12.0
        x1, x2 = start.x() + 28, tip.x() - 28
        path.lineTo(x1 - r, start.y())
        path.quadTo(x1, start.y(), x1, start.y() + r)
        path.lineTo(x1, below - r)
        path.quadTo(x1, below, x1 - r, below)
        path.lineTo(x2 + r, below)
        path.quadTo(x2, below, x2, below - r)
        path.lineTo(x2, tip.y() + r)
        path.quadTo(x2, tip.y(), x2 + r, tip.y())
        path.lineTo(tip)
    else:
        dx = tip.x() - start.x()
        bend = max(40.0, abs(dx) / 2)
        path.cubicTo(start + QPointF(bend, 0), tip - QPointF(bend, 0), tip)
    path.moveTo(tip + QPointF(-7, -4.5))
    path.lineTo(tip)
    path.lineTo(tip + QPointF(-7, 4.5))
    return path


def _fit_lines(text: str, font: QFont, rect: QRectF) -> str:
    """The words of `text` wrapped to `rect`'s width, as many lines as fit its height, the last
    one elided: drawText alone would clip a long title mid-line."""
    metrics = QFontMetricsF(font)
    most = max(1, int(rect.height() // metrics.lineSpacing()))
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= rect.width():
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most - 1] + [" ".join(lines[most - 1:])]
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width()) for line in lines)


def _rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def _palette(widget: QWidget | None) -> QPalette:
    return widget.palette() if widget is not None else QApplication.palette()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


