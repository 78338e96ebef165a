"""The selected step in detail: a sent message as the customer sees it, or why a condition went
the way it did.

Messages reuse the inspector's `MessagePreview` (the same email frame, SMS bubble and push
card), fed with what the engine actually rendered for this customer at that moment rather than
with a sample: the body, subject, discount code and dates are the real ones. The SMS adds what
the message costs: its length, encoding and segment count.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from engine.compose import sent_format
from engine.model import Journey
from engine.steps import Step
from widgets.inspector.message_editor import MessagePreview, is_html
from widgets.inspector.sms import sms_segments
from widgets.simulator.reasons import reason_text
from widgets.simulator.texts import local_time, node_title, step_text, utc_time


class StepPreview(QWidget):
    """Header (when, where, what), explanation lines, and the message for sent steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_preview")
        self.header = QLabel()
        self.header.setObjectName("step_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.explanation = QLabel()
        self.explanation.setObjectName("step_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeholder = QLabel(self.tr("Step through the journey; the selected step shows here, and a sent "
                                          "message as the customer gets it."))
        self.placeholder.setObjectName("step_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setEnabled(False)
        self.previews = {channel: MessagePreview(channel) for channel in ("email", "sms", "push")}
        for preview in self.previews.values():
            preview.title.setVisible(False)
        self.previews["email"].email_view.setMinimumHeight(160)
        self.sms_info = QLabel()
        self.sms_info.setObjectName("sms_segments")
        self.previews["sms"].layout().insertWidget(2, self.sms_info)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        for preview in self.previews.values():
            self.stack.addWidget(preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.explanation)
        layout.addWidget(self.stack, 1)
        self._shop: dict[str, Any] = {}
        self.step: Step | None = None
        self.clear()

    def set_shop(self, shop: dict[str, Any] | None) -> None:
        self._shop = dict(shop or {})

    def clear(self) -> None:
        self.step = None
        self.header.setText("")
        self.header.setVisible(False)
        self.explanation.setVisible(False)
        self.stack.setCurrentWidget(self.placeholder)

    def show_step(self, step: Step, journey: Journey | None, tz: tzinfo, who: str = "") -> None:
        self.step = step
        labels = {n.id: n.label or n.id for n in journey.nodes()} if journey is not None else {}
        wait_event = (journey is not None and step.node is not None and journey.has_node(step.node)
                      and journey.node(step.node).config.get("kind") == "wait_event")
        language = ("\n" + self.tr("Language variant: {language}").format(
            language=step.language if step.language != "base" else self.tr("the message's own text"))
            if step.language else "")
        self.header.setText(f"{local_time(step.at, tz, year=True)} · {node_title(step, labels)}\n"
                            f"{step_text(step, tz, wait_event=wait_event)}{language}")
        self.header.setToolTip(self.tr("{utc} UTC").format(utc=utc_time(step.at)))
        self.header.setVisible(True)
        who = who or QCoreApplication.translate("Simulator", "The customer")
        lines = [reason_text(line, who, tz) for line in step.explanation]
        if step.event == "evaluated" and not lines and step.port is not None:
            lines = [self.tr("no rule to explain (random split or event wait)")]
        self.explanation.setText("\n".join(f"• {line}" for line in lines))
        self.explanation.setVisible(bool(lines))
        if step.event != "sent" or step.channel not in self.previews:
            self.stack.setCurrentWidget(self.placeholder)
            return
        config: dict[str, Any] = {}
        if journey is not None and step.node is not None and journey.has_node(step.node):
            config = journey.node(step.node).config
        self.show_message(step, config, tz)

    def show_message(self, step: Step, config: dict[str, Any], tz: tzinfo) -> None:
        """The rendered content of a sent step; the node's template only says if the body is HTML."""
        preview = self.previews[step.channel or "email"]
        content = dict(step.content or {})
        body_source = config.get("body") if isinstance(config.get("body"), str) else ""
        # A designed email comes with its own text part; an HTML body says so in its node.
        html_body = "text" in content or sent_format(config, step) == "html" or is_html(body_source)
        preview.show_rendered(content, self._shop, [], body_is_html=html_body, when=local_time(step.at, tz))
        if step.channel == "sms":
            length, encoding, segments = sms_segments(content.get("text", ""))
            self.sms_info.setText(self.tr("{n} characters · {encoding} · {segments} segment(s)").format(
                n=length, encoding=encoding, segments=segments))
        self.stack.setCurrentWidget(preview)

    # -- for tests and the status bar ------------------------------------------------------
    def shown_text(self) -> str:
        """The visible message text: email subject + body, SMS text, or push title + body."""
        current = self.stack.currentWidget()
        if current is self.previews["email"]:
            return current.subject.text() + "\n" + current.body_text()
        if current is self.previews["sms"]:
            return (self.step.content or {}).get("text", "") if self.step else ""
        if current is self.previews["push"]:
            return current.card_title.text() + "\n" + current.card_body.text()
        return ""
