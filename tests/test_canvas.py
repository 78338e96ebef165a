"""The canvas with real events: drops, connections, moves, deletes, clipboard, layout, zoom, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QMouseEvent,
    QUndoStack,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.model import Edge, Journey, Node
from engine.problems import Problem
from widgets.canvas import JourneyScene, JourneyView
from widgets.canvas.items import GRID, EdgeItem
from widgets.commands import MoveNodes
from widgets.mime import FRAGMENT_MIME, kind_mime


def small_journey() -> Journey:
    j = Journey("Small")
    j.add_node(Node("start", "trigger", {"kind": "event", "event": "signup"}, "Signup", (0, 0)))
    j.add_node(Node("wait", "delay", {"kind": "duration", "duration": "P1D"}, None, (260, 0)))
    j.add_node(Node("mail", "message", {"kind": "email", "subject": "Hi", "body": "B"}, "Mail", (520, 0)))
    j.add_node(Node("cond", "condition", {"kind": "rule", "rule": {"all": []}}, None, (260, 200)))
    j.add_edge(Edge("start", "out", "wait"))
    return j


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot, stack) -> JourneyView:
    v = JourneyView(stack)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.set_journey(small_journey())
    v.show()
    qtbot.waitExposed(v)
    v.centerOn(400, 100)
    return v


def vp(view: JourneyView, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def mouse(view: JourneyView, kind: QEvent.Type, pos: QPoint, buttons=Qt.MouseButton.LeftButton,
          button=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real mouse event sent to the viewport (QTest.mouseMove cannot hold a button down)."""
    global_pos = view.viewport().mapToGlobal(pos)
    event = QMouseEvent(kind, QPointF(pos), QPointF(global_pos), button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(view: JourneyView, start: QPointF, end: QPointF, steps: int = 5) -> None:
    a, b = vp(view, start), vp(view, end)
    mouse(view, QEvent.Type.MouseButtonPress, a)
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        mouse(view, QEvent.Type.MouseMove, p, button=Qt.MouseButton.NoButton)
    mouse(view, QEvent.Type.MouseButtonRelease, b, buttons=Qt.MouseButton.NoButton)


def card_point(view: JourneyView, node_id: str, dx: float = 90, dy: float = 45) -> QPointF:
    return view.scene().node_items[node_id].pos() + QPointF(dx, dy)


def test_drop_from_palette_adds_node_where_released(view, stack):
    target = QPoint(600, 500)
    mime = kind_mime("delay", "duration")
    actions = Qt.DropAction.CopyAction
    for cls in (QDragEnterEvent, QDragMoveEvent):
        event = cls(target, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(QPointF(target), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    journey = view.journey()
    assert journey.has_node("duration")
    node = journey.node("duration")
    assert node.config == {"kind": "duration", "duration": "P1D"} and node.label == "Wait"
    assert node.position[0] % GRID == 0 and node.position[1] % GRID == 0
    item = view.scene().node_items["duration"]
    assert item.card.adjusted(-GRID, -GRID, GRID, GRID).contains(item.mapFromScene(view.mapToScene(target)))
    assert stack.count() == 1 and view.selected_node_ids() == ["duration"]
    stack.undo()
    assert not journey.has_node("duration") and "duration" not in view.scene().node_items


def test_drop_of_foreign_data_is_refused(view, stack):
    mime = QMimeData()
    mime.setText("hello")
    event = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    assert not event.isAccepted() and stack.count() == 0


def test_drawing_a_connection_from_port_to_node_adds_one_edge(view, stack):
    wait = view.scene().node_items["wait"]
    port = wait.port_scene_pos("out")
    drag(view, port, card_point(view, "mail"))
    assert view.journey().has_edge(Edge("wait", "out", "mail"))
    assert stack.count() == 1
    assert Edge("wait", "out", "mail") in view.scene().edge_items
    stack.undo()
    assert Edge("wait", "out", "mail") not in view.scene().edge_items


def test_connections_into_triggers_duplicates_and_empty_space_are_refused(view, stack):
    scene = view.scene()
    drag(view, scene.node_items["wait"].port_scene_pos("out"), card_point(view, "start"))
    drag(view, scene.node_items["start"].port_scene_pos("out"), card_point(view, "wait"))
    drag(view, scene.node_items["wait"].port_scene_pos("out"), QPointF(900, 600))
    assert stack.count() == 0
    assert not [i for i in scene.items() if i.zValue() >= 10]  # the rubber line is gone


def test_escape_cancels_a_connection(view, stack):
    a = vp(view, view.scene().node_items["cond"].port_scene_pos("no"))
    b = vp(view, card_point(view, "mail"))
    mouse(view, QEvent.Type.MouseButtonPress, a)
    mouse(view, QEvent.Type.MouseMove, b, button=Qt.MouseButton.NoButton)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    mouse(view, QEvent.Type.MouseButtonRelease, b, buttons=Qt.MouseButton.NoButton)
    assert stack.count() == 0


def test_moving_a_node_by_mouse_is_one_snapped_move_and_undo_restores(view, stack):
    drag(view, card_point(view, "mail"), card_point(view, "mail") + QPointF(107, 53), steps=8)
    assert stack.count() == 1 and isinstance(stack.command(0), MoveNodes)
    pos = view.journey().node("mail").position
    assert pos == (620.0, 60.0)
    stack.undo()
    assert view.journey().node("mail").position == (520.0, 0.0)
    assert view.scene().node_items["mail"].pos() == QPointF(520, 0)


def test_moving_a_node_drags_its_edges(view, stack):
    edge = view.scene().edge_items[Edge("start", "out", "wait")]
    before = edge.path().pointAtPercent(1)
    drag(view, card_point(view, "wait"), card_point(view, "wait") + QPointF(0, 100))
    assert edge.path().pointAtPercent(1).y() > before.y() + 50


def test_click_edge_and_delete_then_undo(view, stack):
    item = view.scene().edge_items[Edge("start", "out", "wait")]
    middle = item.path().pointAtPercent(0.5)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(view, middle))
    assert view.scene().selected_edges() == [item.edge] and view.selected_node_ids() == []
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert not view.journey().has_edge(Edge("start", "out", "wait")) and stack.count() == 1
    stack.undo()
    assert view.journey().has_edge(Edge("start", "out", "wait"))


def test_delete_selected_node_removes_edges_and_undo_restores(view, stack):
    view.select_node("wait")
    view.delete_selected()
    assert not view.journey().has_node("wait") and not view.scene().edge_items
    stack.undo()
    assert view.journey().has_node("wait") and Edge("start", "out", "wait") in view.scene().edge_items


def test_drag_edge_end_reconnects(view, stack):
    item = view.scene().edge_items[Edge("start", "out", "wait")]
    near_end = item.path().pointAtPercent(0.97)
    drag(view, near_end, card_point(view, "mail"))
    j = view.journey()
    assert j.has_edge(Edge("start", "out", "mail")) and not j.has_edge(Edge("start", "out", "wait"))
    assert stack.count() == 1
    stack.undo()
    assert j.has_edge(Edge("start", "out", "wait")) and not j.has_edge(Edge("start", "out", "mail"))


def test_rubber_band_selects_several(view):
    drag(view, QPointF(200, -60), QPointF(760, 140))
    assert sorted(view.selected_node_ids()) == ["mail", "wait"]


def test_copy_paste_between_two_journeys_in_two_views(qtbot, view, stack):
    other_stack = QUndoStack()
    other = JourneyView(other_stack)
    qtbot.addWidget(other)
    target = Journey("Other")
    target.add_node(Node("wait", "delay", {"kind": "duration", "duration": "PT1H"}, None, (0, 300)))
    other.set_journey(target)
    view.select_all()
    view.copy()
    assert QGuiApplication.clipboard().mimeData().hasFormat(FRAGMENT_MIME)
    other.paste()
    ids = {n.id for n in target.nodes()}
    assert {"start", "wait", "wait-2", "mail", "cond"} == ids  # the taken id was renamed
    assert target.has_edge(Edge("start", "out", "wait-2"))
    assert other_stack.count() == 1 and stack.count() == 0
    assert sorted(other.selected_node_ids()) == ["cond", "mail", "start", "wait-2"]
    other_stack.undo()
    assert {n.id for n in target.nodes()} == {"wait"}


def test_paste_into_same_journey_renames_and_offsets_and_skips_second_trigger(view, stack):
    view.select_all()
    view.copy()
    view.paste()
    j = view.journey()
    assert j.has_node("wait-2") and j.has_node("mail-2") and len(j.triggers()) == 1
    assert j.node("wait-2").position == (300.0, 40.0)


def test_cut_and_duplicate(view, stack):
    view.select_node("mail")
    view.duplicate()
    assert view.journey().has_node("mail-2") and view.selected_node_ids() == ["mail-2"]
    view.cut()
    assert not view.journey().has_node("mail-2") and stack.count() == 2
    view.paste()
    assert view.journey().has_node("mail-2")


def test_auto_layout_is_one_step_left_to_right(view, stack):
    j = view.journey()
    j.add_edge(Edge("wait", "out", "cond"))
    j.add_edge(Edge("cond", "yes", "mail"))
    j.add_edge(Edge("cond", "no", "wait"))  # a loop back through the delay
    j.update_node("start", position=(900, 900))
    before = {n.id: n.position for n in j.nodes()}
    view.auto_layout()
    assert stack.count() == 1
    x = {n.id: n.position[0] for n in j.nodes()}
    assert x["start"] < x["wait"] < x["cond"] < x["mail"]
    assert min(x.values()) == x["start"]
    assert view.scene().node_items["mail"].pos().x() == x["mail"]
    QTest.qWait(5)  # backward edges are routed in a batch once the layout has settled
    loop = view.scene().edge_items[Edge("cond", "no", "wait")]
    cards_bottom = max(i.sceneBoundingRect().bottom() for i in view.scene().node_items.values()
                       if i.node_id in ("wait", "cond"))
    assert loop.path().boundingRect().bottom() > cards_bottom  # runs under the cards, not through
    stack.undo()
    assert {n.id: n.position for n in j.nodes()} == before


def test_zoom_changes_the_transform_and_is_clamped(view):
    start = view.transform().m11()
    view.zoom_in()
    assert view.transform().m11() > start
    for _ in range(40):
        view.zoom_out()
    assert view.transform().m11() == pytest.approx(0.1)
    QTest.qWait(1)
    for _ in range(40):
        view.zoom_in()
    assert view.transform().m11() == pytest.approx(3.0)
    view.fit()
    assert 0.1 <= view.transform().m11() <= 1.0


def test_wheel_zooms_around_the_cursor(view):
    from PySide6.QtGui import QWheelEvent

    anchor = QPoint(300, 200)
    before = view.mapToScene(anchor)
    event = QWheelEvent(QPointF(anchor), QPointF(view.viewport().mapToGlobal(anchor)), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.transform().m11() > 1.0
    after = view.mapToScene(anchor)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2


def test_scene_mirrors_model_changes_made_by_undo_and_by_others(view, stack):
    j = view.journey()
    scene = view.scene()
    j.update_node("wait", config={"kind": "duration", "duration": "PT4H"})
    assert scene.node_items["wait"].summary == "Wait 4 hours"
    j.update_node("cond", config={"kind": "rule", "rule": {"all": []}}, label="Check")
    assert scene.node_items["cond"].title == "Check"
    view.select_node("mail")
    view.delete_selected()
    assert "mail" not in scene.node_items
    stack.undo()
    assert "mail" in scene.node_items and scene.node_for_item[scene.node_items["mail"]] == "mail"


def test_problems_badges_and_highlight(view):
    view.set_problems([Problem("mail", "subject is empty"), Problem("start.out->wait", "odd edge")])
    scene = view.scene()
    assert scene.node_items["mail"].problems == ["subject is empty"]
    assert "subject is empty" in scene.node_items["mail"].toolTip()
    assert scene.edge_items[Edge("start", "out", "wait")].problem == "odd edge"
    view.set_problems([])
    assert not scene.node_items["mail"].problems
    view.set_badges({"wait": "12"})
    assert scene.node_items["wait"].badge == "12"
    view.set_highlight({"start", "wait"}, {("start", "wait")})
    assert scene.node_items["wait"].highlighted and scene.edge_items[Edge("start", "out", "wait")].highlighted
    assert not scene.node_items["mail"].highlighted
    view.grab()  # paints every variant without error


def test_set_journey_none_removes_items_and_cancels_subscriptions(view):
    j = view.journey()
    assert j.signals.listener_count() > 0
    view.set_journey(None)
    assert j.signals.listener_count() == 0
    assert view.scene().items() == [] and not view.scene().node_items and not view.scene().node_for_item
    assert isinstance(view.scene(), JourneyScene)


def test_selection_signal_carries_node_ids(view, qtbot):
    with qtbot.waitSignal(view.selectionChangedIds) as blocker:
        view.select_node("wait")
    assert blocker.args == [["wait"]]


def test_paint_at_low_zoom_uses_the_simple_card(view):
    view.set_zoom(0.2)
    image = view.grab()
    assert not image.isNull()
    assert all(isinstance(i, EdgeItem) or hasattr(i, "node_id") for i in view.scene().items())


def test_deleting_the_view_cancels_subscriptions(qtbot, stack):
    journey = small_journey()
    view = JourneyView(stack)
    view.set_journey(journey)
    assert journey.signals.listener_count() == 5
    view.deleteLater()
    qtbot.waitUntil(lambda: journey.signals.listener_count() == 0, timeout=5000)
    journey.update_node("wait", position=(1, 1))  # nobody left to crash


def test_keyboard_shortcuts_work_without_a_window(view, stack):
    view.select_node("mail")
    QTest.keyClick(view.viewport(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.journey().has_node("mail-2") and stack.count() == 1
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert not view.journey().has_node("mail-2") and stack.count() == 2
    QTest.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.selected_node_ids()) == 4


def test_escape_during_a_move_puts_cards_back_and_pushes_nothing(view, stack):
    a = vp(view, card_point(view, "mail"))
    mouse(view, QEvent.Type.MouseButtonPress, a)
    mouse(view, QEvent.Type.MouseMove, a + QPoint(80, 80), button=Qt.MouseButton.NoButton)
    assert view.scene().node_items["mail"].pos() != QPointF(520, 0)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    mouse(view, QEvent.Type.MouseButtonRelease, a + QPoint(80, 80), buttons=Qt.MouseButton.NoButton)
    assert view.scene().node_items["mail"].pos() == QPointF(520, 0) and stack.count() == 0


def test_middle_drag_pans(view):
    before = view.mapToScene(QPoint(100, 100))
    a = QPoint(300, 300)
    mouse(view, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.MiddleButton, Qt.MouseButton.MiddleButton)
    mouse(view, QEvent.Type.MouseMove, a + QPoint(-120, -60), Qt.MouseButton.MiddleButton, Qt.MouseButton.NoButton)
    mouse(view, QEvent.Type.MouseButtonRelease, a + QPoint(-120, -60), Qt.MouseButton.NoButton,
          Qt.MouseButton.MiddleButton)
    after = view.mapToScene(QPoint(100, 100))
    assert after.x() - before.x() == pytest.approx(120, abs=2) and after.y() - before.y() == pytest.approx(60, abs=2)
