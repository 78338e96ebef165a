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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.email_blocks import default_blocks, text_body_to_blocks
from engine.email_render import Brand, brand_from_shop
from engine.model import Journey, Node
from engine.observer import Subscription
from engine.profile import Profile
from engine.registry import ConfigField, NodeKind, ValueType
from engine.variants import VARIANT_FIELDS, language_key
from widgets.commands import ChangeNode
from widgets.data_texts import config_help, config_label, kind_help, kind_name
from widgets.inspector.editors import EditorContext, SegmentEditor, ValueEditor, make_editor
from widgets.inspector.message_editor import (
    SAMPLE_SHOP,
    MessagePreview,
    customer_name,
    preview_variables,
    sample_profile,
)
from widgets.inspector.settings_form import SettingsForm
from widgets.scrolling import VerticalScrollArea
from widgets.translate import QT_TRANSLATE_NOOP

TYPE_NAMES = {"trigger": QT_TRANSLATE_NOOP("NodeForm", "Trigger"), "delay": QT_TRANSLATE_NOOP("NodeForm", "Delay"), "condition": QT_TRANSLATE_NOOP("NodeForm", "Condition"), "message": QT_TRANSLATE_NOOP("NodeForm", "Message"), "action": QT_TRANSLATE_NOOP("NodeForm", "Action")}


class TestSender(Protocol):
    """Sends one message as a test (app.test_send.ShopTestSender)."""

    def address(self, channel: str) -> str: ...

    def send(self, channel: str, to: str, content: Mapping[str, str], body_format: str = "text") -> str: ...


class NodeForm(QWidget):
    """The editors of one node, laid out from its kind's description."""

    def __init__(self, inspector: Inspector, node: Node, desc: NodeKind) -> None:
        super().__init__()
        # Imported here: the designer's rich text reuses this package's variable menu.
        from widgets.email_designer.fields import BlocksEditor, VariantsEditor

        self.setObjectName("node_form")
        self.inspector, self.node_id, self.desc = inspector, node.id, desc
        self.editors: dict[str, tuple[ConfigField, ValueEditor]] = {}
        self.labels: dict[str, QLabel] = {}
        self.preview: MessagePreview | None = None
        # The language whose variant the content fields edit; None: the node's own content.
        self.language: str | None = None
        self.variant_fields = VARIANT_FIELDS.get(desc.channel or "", ())
        self.test_button: QPushButton | None = None
        self.test_status: QLabel | None = None

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
            ctx.extras.update(self._designer_extras())
            editor = make_editor(f.value_type, ctx, name=f.name, default=f.default)
            editor.setObjectName(f"field_{f.name}")
            editor.set_value(self._shown(f, node.config))
            editor.changed.connect(lambda f=f, e=editor: self._field_edited(f, e))
            if isinstance(editor, VariantsEditor):
                editor.language_changed.connect(self.set_language)
            if isinstance(editor, BlocksEditor):
                editor.code_taken.connect(self._take_over_code)
            text = config_label(f)
            if (not f.required and f.value_type not in (ValueType.DISCOUNT, ValueType.BLOCKS, ValueType.VARIANTS)
                    and f.name != "body"):
                text = self.tr("{label} (optional)").format(label=text)
            label = QLabel(text)
            label.setObjectName(f"label_{f.name}")
            self._bold(label)
            if f.help:
                label.setToolTip(config_help(f))
                editor.setToolTip(config_help(f))
            form.addRow(label, editor)
            self.editors[f.name] = (f, editor)
            self.labels[f.name] = label
        self._update_visibility(node.config)

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
            self.test_button = QPushButton(self.tr("Send a test to me…"))
            self.test_button.setObjectName("send_test")
            self.test_button.setToolTip(self.tr("Sends this message, as the preview shows it, to your own "
                                                "address, marked as a test"))
            self.test_button.clicked.connect(self.inspector.send_test)
            self.test_button.setEnabled(self.inspector.test_sender is not None)
            if self.inspector.test_sender is None:
                self.test_button.setToolTip(self.tr("Open a shop to send tests"))
            self.test_status = QLabel()
            self.test_status.setObjectName("send_test_status")
            self.test_status.setWordWrap(True)
            box_layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
            box_layout.addWidget(self.test_status)
            layout.addWidget(box)
            self.update_preview_source()
            self.preview.schedule(self._effective(node.config))
        layout.addStretch(1)

    @staticmethod
    def _bold(label: QLabel) -> QLabel:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def update_preview_source(self) -> None:
        if self.preview is not None:
            self.preview.set_source(self.inspector.preview_variables, customer_name(self.inspector.profile),
                                    self.inspector.brand, lambda: self.language or self.inspector.profile_language())

    # -- language variants and designed emails ----------------------------------------------
    def _designer_extras(self) -> dict[str, Any]:
        def config() -> dict[str, Any]:
            node = self._node()
            return self._effective(node.config) if node is not None else {}

        def base_content() -> dict[str, Any]:
            node = self._node()
            cfg = node.config if node is not None else {}
            return {k: copy.deepcopy(cfg[k]) for k in self.variant_fields if k in cfg}

        return {"language": lambda: self.language or self.inspector.profile_language(), "brand": self.inspector.brand,
                "config": config, "undo": self.inspector.stack.undo, "redo": self.inspector.stack.redo,
                "title": lambda: self.tr("Email designer — {node}").format(node=self.node_id),
                "languages": self.inspector.shop_languages, "base_content": base_content}

    def _variant(self, config: dict[str, Any]) -> dict[str, Any] | None:
        variants = config.get("variants")
        if self.language and isinstance(variants, dict) and isinstance(variants.get(self.language), dict):
            return variants[self.language]
        return None

    def _effective(self, config: dict[str, Any]) -> dict[str, Any]:
        """The content being edited: the node's own, or its variant over it."""
        variant = self._variant(config)
        return {**config, **variant} if variant is not None else dict(config)

    def _shown(self, f: ConfigField, config: dict[str, Any]) -> Any:
        source = self._effective(config) if f.name in self.variant_fields else config
        return source.get(f.name, f.default if f.required else None)

    def set_language(self, language: str | None) -> None:
        """Shows (and edits) the content fields of the variant in `language`."""
        self.language = language
        node = self._node()
        if node is not None:
            self.refresh(node)

    def _update_visibility(self, config: dict[str, Any]) -> None:
        if self.desc.channel != "email":
            return
        designed = self._effective(config).get("format") == "blocks"
        for name, shown in (("body", not designed), ("blocks", designed)):
            if name in self.editors:
                self.editors[name][1].setVisible(shown)
                self.labels[name].setVisible(shown)

    def _take_over_code(self, template: str) -> None:
        """The designer's Code view taken over: the body becomes that HTML template."""
        node = self._node()
        if node is None:
            return
        config = copy.deepcopy(node.config)
        target = self._variant(config) if self.language else None
        target = target if target is not None else config
        target["format"], target["body"] = "html", template
        target.pop("blocks", None)
        self.inspector.new_step()
        self.inspector.push(ChangeNode(self.inspector.journey, self.node_id, config=config))
        self.refresh(self.inspector.journey.node(self.node_id))

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
        target = config
        if f.name in self.variant_fields and self._variant(config) is not None:
            target = self._variant(config) or config
        if value is None or (not f.required and value in ("", [], {})):
            target.pop(f.name, None)
        else:
            target[f.name] = value
        converted = False
        if f.name == "format" and value == "blocks" and not self._effective(config).get("blocks"):
            # Designing starts from what the text body says, or from the shop's starting blocks.
            body = self._effective(config).get("body")
            language = self.language or self.inspector.profile_language()
            target["blocks"] = (text_body_to_blocks(body, language, purpose=str(config.get("purpose") or "marketing"))
                                if isinstance(body, str) and body.strip() else default_blocks(language))
            converted = True
        if config != node.config:
            self.inspector.push(ChangeNode(self.inspector.journey, self.node_id, config=config,
                                           merge_key=f"{f.name}#{self.inspector.serial}"))
        self._update_visibility(config)
        if converted and "blocks" in self.editors:
            self.editors["blocks"][1].set_value(self._effective(config).get("blocks"))
        if self.preview is not None:
            self.preview.schedule(self._effective(config))

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
        for f, editor in self.editors.values():
            editor.set_value(self._shown(f, node.config))
        self._update_visibility(node.config)
        if self.preview is not None:
            self.preview.schedule(self._effective(node.config))


class Inspector(QWidget):
    """The side panel. See the module docstring for how it keeps in step with the model."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Inspector")
        self.stack = undo_stack
        self.journey: Journey | None = None
        self.node_id: str | None = None
        self.profile: Profile = sample_profile()
        self.test_sender: TestSender | None = None
        self.serial = 0  # part of every merge key: bumped when an edit session ends
        self._pushing = 0
        self._subscriptions: list[Subscription] = []
        self._shop_segments: list[str] = []
        self.shop: dict[str, Any] | None = None  # the shop's settings as messages see them
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

    def set_test_sender(self, sender: TestSender | None) -> None:
        """What "Send a test to me" sends through (the app's, for the open shop)."""
        self.test_sender = sender
        form = self.node_form
        if form is not None and form.test_button is not None:
            form.test_button.setEnabled(sender is not None)

    def send_test(self) -> bool:
        """Sends the shown message as previewed to an address the owner confirms."""
        form, sender = self.node_form, self.test_sender
        if form is None or form.preview is None or sender is None or form.test_status is None:
            return False
        preview = form.preview
        preview.refresh()
        if preview.problems:
            form.test_status.setText(self.tr("Fix the message first: {problem}").format(problem=preview.problems[0]))
            return False
        channel = preview.channel
        prompt = {"email": self.tr("Your email address:"), "sms": self.tr("Your mobile number:")}.get(
            channel, self.tr("Your device or customer id:"))
        to, ok = QInputDialog.getText(self, self.tr("Send a test to me"), prompt, text=sender.address(channel))
        if not ok:
            return False
        try:
            answer = sender.send(channel, to, preview.as_sent, preview.body_format)
        except ValueError as exc:
            form.test_status.setText(str(exc))
            return False
        form.test_status.setText(answer)
        return True

    def set_sample_customer(self, profile: Profile | None) -> None:
        """The customer the live preview renders for; None brings back the built-in Anna."""
        self.profile = profile if profile is not None else sample_profile()
        if self.node_form is not None:
            self.node_form.update_preview_source()
            node = self.node_form._node()
            if node is not None and self.node_form.preview is not None:
                self.node_form.preview.schedule(node.config)

    def set_shop(self, shop: dict[str, Any] | None) -> None:
        """The shop whose name, address, colours and logo previews show (None: a sample shop)."""
        self.shop = dict(shop) if shop else None
        if self.node_form is not None:
            node = self.node_form._node()
            if node is not None and self.node_form.preview is not None:
                self.node_form.preview.schedule(self.node_form._effective(node.config))

    def brand(self) -> Brand:
        return brand_from_shop(self.shop or SAMPLE_SHOP)

    def shop_languages(self) -> list[str]:
        languages = (self.shop or {}).get("languages")
        return [str(x) for x in languages] if isinstance(languages, list) else []

    def profile_language(self) -> str:
        key = language_key(self.profile.customer.get("locale")) or language_key((self.shop or SAMPLE_SHOP).get("locale"))
        return (key or "en").split("_")[0]

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
        return preview_variables(self.profile, config, journey=name, node=node.id if node else "",
                                 shop=self.shop or SAMPLE_SHOP)

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
