"""The inspector side panel: edits the selected node's config, or the journey settings.

The form is built from the registry description of the node's kind, so a kind added to the
registry is editable with no code here. The panel never changes the model itself: every edit is
a ChangeNode / ChangeJourney pushed on the shared undo stack, with a merge key per field (and
per editing session), so typing a subject is one undo step. It follows the model's signals so an
undo anywhere shows at once; while it is pushing its own command it ignores the echo, which is
what keeps a refresh from turning into a new command or moving the cursor under the user.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.model import Journey, Node
from engine.observer import Subscription
from engine.profile import Profile
from engine.registry import ConfigField, NodeKind, ValueType
from widgets.commands import ChangeNode
from widgets.data_texts import config_help, config_label, kind_help, kind_name
from widgets.inspector.editors import EditorContext, SegmentEditor, ValueEditor, make_editor
from widgets.inspector.message_editor import MessagePreview, customer_name, preview_variables, sample_profile
from widgets.inspector.settings_form import SettingsForm
from widgets.scrolling import VerticalScrollArea
from widgets.translate import QT_TRANSLATE_NOOP

TYPE_NAMES = {"trigger": QT_TRANSLATE_NOOP("NodeForm", "Trigger"), "delay": QT_TRANSLATE_NOOP("NodeForm", "Delay"), "condition": QT_TRANSLATE_NOOP("NodeForm", "Condition"), "message": QT_TRANSLATE_NOOP("NodeForm", "Message")}


class NodeForm(QWidget):
    """The editors of one node, laid out from its kind's description."""

    def __init__(self, inspector: Inspector, node: Node, desc: NodeKind) -> None:
        super().__init__()
        self.setObjectName("node_form")
        self.inspector, self.node_id, self.desc = inspector, node.id, desc
        self.editors: dict[str, tuple[ConfigField, ValueEditor]] = {}
        self.preview: MessagePreview | None = None

        title = QLabel(kind_name(desc))
        title.setObjectName("inspector_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        kind_line = QLabel(self.tr("{type} · id {id}").format(type=self.tr(TYPE_NAMES.get(node.type, node.type)),
                                                             id=node.id))
        kind_line.setEnabled(False)
        kind_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_text = QLabel(kind_help(desc))
        help_text.setWordWrap(True)

        self.label = QLineEdit(node.label or "")
        self.label.setObjectName("node_label")
        self.label.setPlaceholderText(kind_name(desc))
        self.label.textEdited.connect(self._label_edited)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self._bold(QLabel(self.tr("Label"))), self.label)
        for f in desc.fields:
            ctx = inspector.context(desc.channel, optional=not f.required)
            editor = make_editor(f.value_type, ctx, name=f.name, default=f.default)
            editor.setObjectName(f"field_{f.name}")
            editor.set_value(node.config.get(f.name, f.default if f.required else None))
            editor.changed.connect(lambda f=f, e=editor: self._field_edited(f, e))
            text = config_label(f)
            if not f.required and f.value_type is not ValueType.DISCOUNT:
                text = self.tr("{label} (optional)").format(label=text)
            label = QLabel(text)
            label.setObjectName(f"label_{f.name}")
            self._bold(label)
            if f.help:
                label.setToolTip(config_help(f))
                editor.setToolTip(config_help(f))
            form.addRow(label, editor)
            self.editors[f.name] = (f, editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(kind_line)
        layout.addWidget(help_text)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(form)
        if desc.channel:
            self.preview = MessagePreview(desc.channel)
            box = QGroupBox(self.tr("Live preview"))
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(self.preview)
            layout.addWidget(box)
            self.update_preview_source()
            self.preview.schedule(node.config)
        layout.addStretch(1)

    @staticmethod
    def _bold(label: QLabel) -> QLabel:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def update_preview_source(self) -> None:
        if self.preview is not None:
            self.preview.set_source(self.inspector.preview_variables, customer_name(self.inspector.profile))

    # -- edits -----------------------------------------------------------------------------
    def _node(self) -> Node | None:
        j = self.inspector.journey
        return j.node(self.node_id) if j is not None and j.has_node(self.node_id) else None

    def _field_edited(self, f: ConfigField, editor: ValueEditor) -> None:
        node = self._node()
        if node is None:
            return
        config = copy.deepcopy(node.config)
        value = editor.value()
        if value is None or (not f.required and value in ("", [], {})):
            config.pop(f.name, None)
        else:
            config[f.name] = value
        if config != node.config:
            self.inspector.push(ChangeNode(self.inspector.journey, self.node_id, config=config,
                                           merge_key=f"{f.name}#{self.inspector.serial}"))
        if self.preview is not None:
            self.preview.schedule(config)

    def _label_edited(self, text: str) -> None:
        node = self._node()
        if node is None:
            return
        label = text.strip() or None
        if label != node.label:
            self.inspector.push(ChangeNode(self.inspector.journey, self.node_id, label=label,
                                           merge_key=f"label#{self.inspector.serial}"))

    # -- following the model ---------------------------------------------------------------
    def refresh(self, node: Node) -> None:
        """Shows the node's current values (after undo/redo or an edit elsewhere)."""
        if self.label.text().strip() != (node.label or ""):
            self.label.setText(node.label or "")
        for name, (f, editor) in self.editors.items():
            editor.set_value(node.config.get(name, f.default if f.required else None))
        if self.preview is not None:
            self.preview.schedule(node.config)


class Inspector(QWidget):
    """The side panel. See the module docstring for how it keeps in step with the model."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Inspector")
        self.stack = undo_stack
        self.journey: Journey | None = None
        self.node_id: str | None = None
        self.profile: Profile = sample_profile()
        self.serial = 0  # part of every merge key: bumped when an edit session ends
        self._pushing = 0
        self._subscriptions: list[Subscription] = []
        self._shop_segments: list[str] = []
        self.node_form: NodeForm | None = None

        self.placeholder = QLabel(self.tr("Open or create a journey to edit it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.settings_form = SettingsForm(self.push, self.context(None), lambda: self.serial)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.settings_form)
        self.scroll = VerticalScrollArea()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(10, 10, 10, 10)
        inner_layout.addWidget(self.pages)
        self.scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    # -- public API ------------------------------------------------------------------------
    def set_journey(self, journey: Journey | None) -> None:
        for sub in self._subscriptions:
            sub.cancel()
        self._subscriptions = []
        self.journey = journey
        if journey is not None:
            s = journey.signals.subscribe
            self._subscriptions = [
                s("node_changed", self._on_node_changed),
                s("node_removed", self._on_node_removed),
                s("settings_changed", self._on_journey_changed),
                s("renamed", self._on_journey_changed),
                s("segments_changed", self._on_segments_changed),
            ]
        self.settings_form.set_journey(journey)
        self.show_node(None)

    def show_node(self, node_id: str | None) -> None:
        """Shows a node's form, or the journey settings for None (and for an unknown id).

        Showing the node already shown only refreshes it, so a canvas that re-announces its
        selection does not rebuild the form under the user's cursor.
        """
        if self.journey is not None and node_id is not None and not self.journey.has_node(node_id):
            node_id = None
        form = self.node_form
        if (node_id is not None and form is not None and node_id == self.node_id and self.journey is not None
                and self.journey.node(node_id).description is form.desc):
            form.refresh(self.journey.node(node_id))
            return
        self.serial += 1
        self.node_id = node_id
        self._drop_node_form()
        if self.journey is None:
            self.pages.setCurrentWidget(self.placeholder)
            return
        if node_id is None:
            self.settings_form.refresh()
            self.pages.setCurrentWidget(self.settings_form)
            return
        node = self.journey.node(node_id)
        desc = node.description
        if desc is None:
            page: QWidget = QLabel(self.tr("'{id}' is a node of an unknown kind ({type}/{kind}).").format(
                id=node.id, type=node.type, kind=node.kind))
            page.setWordWrap(True)
        else:
            page = self.node_form = NodeForm(self, node, desc)
        self._node_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def set_sample_customer(self, profile: Profile | None) -> None:
        """The customer the live preview renders for; None brings back the built-in Anna."""
        self.profile = profile if profile is not None else sample_profile()
        if self.node_form is not None:
            self.node_form.update_preview_source()
            node = self.node_form._node()
            if node is not None and self.node_form.preview is not None:
                self.node_form.preview.schedule(node.config)

    def set_segments(self, names: list[str]) -> None:
        """The shop's segment names, offered by segment pickers beside the journey's own."""
        self._shop_segments = list(names)
        self._refresh_segment_pickers()

    # -- helpers for the forms -------------------------------------------------------------
    def segment_names(self) -> list[str]:
        own = list(self.journey.segments) if self.journey is not None else []
        return sorted(set(own) | set(self._shop_segments), key=str.lower)

    def context(self, channel: str | None, optional: bool = False) -> EditorContext:
        return EditorContext(segment_names=self.segment_names, channel=channel,
                             variables=self.preview_variables, new_step=self.new_step,
                             extras={"optional": optional})

    def new_step(self) -> None:
        """The next edit starts a new undo step instead of merging into the last one."""
        self.serial += 1

    def preview_variables(self) -> dict[str, Any] | None:
        node = self.node_form._node() if self.node_form is not None else None
        config = node.config if node is not None else {}
        name = self.journey.name if self.journey is not None else ""
        return preview_variables(self.profile, config, journey=name, node=node.id if node else "")

    def push(self, command: QUndoCommand) -> None:
        """Pushes one of our own edits; the model's echo of it is not a refresh."""
        with self._own_edit():
            self.stack.push(command)

    @contextmanager
    def _own_edit(self) -> Iterator[None]:
        self._pushing += 1
        try:
            yield
        finally:
            self._pushing -= 1

    def _drop_node_form(self) -> None:
        page = getattr(self, "_node_page", None)
        if page is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
            self._node_page = None
        self.node_form = None

    def _refresh_segment_pickers(self) -> None:
        names = self.segment_names()
        for root in (self.node_form, self.settings_form):
            if root is None:
                continue
            for picker in root.findChildren(SegmentEditor):
                picker.set_items(names)

    # -- following the model ---------------------------------------------------------------
    def _on_node_changed(self, node: Node) -> None:
        if self._pushing or node.id != self.node_id:
            return
        self.serial += 1  # an undo or an edit elsewhere ends the current typing session
        form = self.node_form
        if form is None or node.description is not form.desc:
            self.show_node(node.id)
            return
        form.refresh(node)

    def _on_node_removed(self, node: Node) -> None:
        if node.id == self.node_id:
            self.show_node(None)

    def _on_journey_changed(self, *_: Any) -> None:
        if self._pushing:
            return
        self.serial += 1
        self.settings_form.refresh()

    def _on_segments_changed(self, *_: Any) -> None:
        self._refresh_segment_pickers()
