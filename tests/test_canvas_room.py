"""The canvas on a small screen: Fit keeps titles readable, auto-layout shows its result, ports
can be grabbed zoomed out, warnings are amber, edges go around the cards in their way.

Before: at Fit (a zoom of 0.2–0.6 on a 1280×720 window) cards were drawn at full detail with
4-pixel text or as plain blocks without a word; auto-layout left the view where it was; a port
could be grabbed only within 8 scene pixels of its row, inside the card; warnings were as red
as errors; a forward edge cut straight through the cards between its ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from engine.model import Edge, Journey, Node
from engine.problems import Problem
from widgets.canvas import JourneyView
from widgets.canvas.items import (
    CARD_WIDTH,
    HEADER,
    PROBLEM,
    TITLE_MIN_SCREEN_PX,
    TYPE_COLOURS,
    WARNING,
    EdgeItem,
    detail_level,
)

pytest_plugins = ["app_testing"]


def journey() -> Journey:
    j = Journey("Room")
    j.add_node(Node("start", "trigger", {"kind": "event", "event": "signup"}, "Signup", (0, 0)))
    j.add_node(Node("wait", "delay", {"kind": "duration", "duration": "P1D"}, "Wait a day", (260, 0)))
    j.add_node(Node("mail", "message", {"kind": "email", "subject": "Hi", "body": "B"}, "Mail", (520, 0)))
    j.add_node(Node("cond", "condition", {"kind": "rule", "rule": {"all": []}}, "Check", (260, 200)))
    j.add_edge(Edge("start", "out", "wait"))
    return j


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot, stack) -> Iterator[JourneyView]:
    v = JourneyView(stack)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.set_journey(journey())
    v.show()
    qtbot.waitExposed(v)
    v.centerOn(400, 100)
    yield v


def _mouse(view: JourneyView, kind: QEvent.Type, pos: QPoint, buttons=Qt.MouseButton.LeftButton,
           button=Qt.MouseButton.LeftButton) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def _drag(view: JourneyView, a: QPoint, b: QPoint) -> None:
    _mouse(view, QEvent.Type.MouseButtonPress, a)
    for i in range(1, 6):
        _mouse(view, QEvent.Type.MouseMove, a + (b - a) * (i / 5), button=Qt.MouseButton.NoButton)
    _mouse(view, QEvent.Type.MouseButtonRelease, b, buttons=Qt.MouseButton.NoButton)


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def test_warnings_are_amber_and_errors_red(view: JourneyView) -> None:
    view.set_problems([Problem("mail", "no reply address", "warning"), Problem("wait", "duration is empty"),
                       Problem("start.out->wait", "odd", "warning")])
    QTest.qWait(1)
    image = view.viewport().grab().toImage()
    scene = view.scene()
    for node_id, colour in (("mail", WARNING), ("wait", PROBLEM)):
        item = scene.node_items[node_id]
        badge = view.mapFromScene(item.pos() + QPointF(CARD_WIDTH - 2 - 5, 0))  # beside the "!"
        seen = image.pixelColor(badge)
        assert _close(seen, colour), (node_id, seen.name(), colour.name())
        assert colour.name() in item.toolTip()
    edge = scene.edge_items[Edge("start", "out", "wait")]
    assert _close(edge.pen().color(), WARNING)


def _card_on_screen(view: JourneyView, node_id: str) -> QRect:
    item = view.scene().node_items[node_id]
    return view.mapFromScene(item.mapToScene(item.card)).boundingRect()


def _white_rows(image: QImage, rect: QRect, zoom: float, accent: QColor) -> list[int]:
    """Rows of white (title) text on the card's colour, right of where the full card draws its
    white icon (a light theme's card body is white too, but not on the type's colour)."""
    rows = []
    xs = range(rect.left() + round(26 * zoom), rect.right() - 12)
    for y in range(rect.top() + 2, rect.bottom() - 1):
        colours = [image.pixelColor(x, y) for x in xs]
        on_accent = sum(_close(c, accent, 60) for c in colours) >= 0.3 * len(colours)
        if on_accent and any(c.lightness() > 235 for c in colours):
            rows.append(y)
    return rows


@pytest.mark.parametrize("zoom", [0.2, 0.3, 0.45, 0.6])
def test_zoomed_out_a_card_shows_its_title_large(view: JourneyView, zoom: float) -> None:
    view.set_zoom(zoom)
    view.centerOn(view.scene().node_items["wait"].sceneBoundingRect().center())
    QTest.qWait(1)
    image = view.viewport().grab().toImage()
    rect = _card_on_screen(view, "wait")
    rows = _white_rows(image, rect, zoom, QColor(TYPE_COLOURS["delay"]))
    assert rows, f"no title drawn at zoom {zoom}"
    # "Wait a day" in at least TITLE_MIN_SCREEN_PX type (a capital stands ~70 % of that high),
    # over the card's body, not squeezed into the header strip of the full card
    assert rows[-1] - rows[0] + 1 >= 0.65 * TITLE_MIN_SCREEN_PX, f"title only {rows[-1] - rows[0] + 1} px high"
    assert rows[-1] > rect.top() + (HEADER + 2) * zoom, "the title stays in the header strip"


def test_fit_on_a_small_screen_keeps_every_template_readable(qtbot, controller, fast_timers) -> None:
    window = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.fit_docks()
    window.show()
    qtbot.waitExposed(window)
    for name in window.library.names():
        assert window.open_journey(name)
        window.view.fit()
        assert detail_level(window.view.zoom()) in ("full", "titles"), (name, window.view.zoom())
    window.close()


def test_auto_layout_fits_the_result_in_view(view: JourneyView, stack) -> None:
    j = view.journey()
    j.add_edge(Edge("wait", "out", "cond"))
    j.add_edge(Edge("cond", "yes", "mail"))
    view.set_zoom(3.0)
    view.centerOn(2000, 2000)
    view.auto_layout()
    seen = view.visible_scene_rect()
    for item in view.scene().node_items.values():
        assert seen.contains(item.mapToScene(item.card).boundingRect()), item.node_id


def test_a_port_can_be_grabbed_from_a_little_way_off_when_zoomed_out(view: JourneyView, stack) -> None:
    view.set_zoom(0.35)
    view.centerOn(400, 100)
    wait = view.scene().node_items["wait"]
    port = view.mapFromScene(wait.port_scene_pos("out"))
    press = port + QPoint(6, 5)  # outside the card and below the port's 16 px row
    assert not wait.card.contains(wait.mapFromScene(view.mapToScene(press)))
    mail = view.mapFromScene(view.scene().node_items["mail"].sceneBoundingRect().center())
    _drag(view, press, mail)
    assert view.journey().has_edge(Edge("wait", "out", "mail"))
    assert stack.count() == 1


def test_a_forward_edge_goes_around_the_cards_in_its_way(view: JourneyView) -> None:
    j = view.journey()
    j.update_node("cond", position=(-260, 20))  # start and wait lie between it and mail
    j.add_edge(Edge("cond", "yes", "mail"))
    QTest.qWait(5)  # edges are routed in a batch once things settle
    scene = view.scene()
    edge: EdgeItem = scene.edge_items[Edge("cond", "yes", "mail")]
    outline = edge.shape()
    for node_id in ("start", "wait"):
        item = scene.node_items[node_id]
        card = item.mapToScene(item.card).boundingRect()
        assert not outline.intersects(card), f"the edge crosses {node_id}"
    # and an edge with nothing in its way stays the plain curve
    direct = scene.edge_items[Edge("start", "out", "wait")]
    assert direct.path().elementCount() < 12
