"""The palette lists every registry kind by group, filters by search and drags the kind MIME."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from engine.registry import REGISTRY
from widgets.mime import NODE_KIND_MIME, read_kind
from widgets.palette import KIND_ROLE, Palette


def test_lists_every_kind_in_five_groups(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    groups = [palette.tree.topLevelItem(i).text(0) for i in range(palette.tree.topLevelItemCount())]
    assert groups == ["Triggers", "Delays", "Conditions", "Messages", "Actions"]
    kinds = {tuple(item.data(0, KIND_ROLE)) for item in palette.kind_items()}
    assert kinds == {(k.type, k.kind) for k in REGISTRY}
    for item in palette.kind_items():
        desc = REGISTRY.get(*item.data(0, KIND_ROLE))
        assert item.text(0) == f"{desc.display_name}\n{desc.help}"
        assert item.toolTip(0) == desc.help and not item.icon(0).isNull()


def test_search_filters(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.search, "sms")
    visible = [item.data(0, KIND_ROLE) for item in palette.kind_items() if not item.isHidden()]
    assert visible == [("message", "sms")]
    assert palette.tree.topLevelItem(0).isHidden()
    palette.search.clear()
    assert all(not item.isHidden() for item in palette.kind_items())


def test_drag_payload_and_double_click(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    item = next(i for i in palette.kind_items() if i.data(0, KIND_ROLE) == ("delay", "duration"))
    mime = palette.tree.mimeData([item])
    assert json.loads(bytes(mime.data(NODE_KIND_MIME).data())) == {"type": "delay", "kind": "duration"}
    assert read_kind(mime) == ("delay", "duration")
    palette.show()
    qtbot.waitExposed(palette)
    palette.tree.scrollToItem(item)
    rect = palette.tree.visualItemRect(item)
    with qtbot.waitSignal(palette.kindActivated) as blocker:
        qtbot.mousePress(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["delay", "duration"]
