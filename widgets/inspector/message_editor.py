"""Message fields: template editors with variable insertion and inline syntax errors, the SMS
length counter, and a live preview rendered for a sample customer.

The preview goes through `engine.templates.render` and `build_variables`, the same calls a
sending session makes, so what the shop owner sees while typing is what the customer gets
(money in the customer's locale, a missing first name as nothing rather than an error).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.channels.mime import complete_html, html_to_text, text_to_html
from engine.discounts import DEFAULT_SECRET, check_discount, make_discount
from engine.email_render import Brand, render_blocks
from engine.profile import Event, Order, Profile
from engine.templates import TemplateRenderError, build_variables, check_template, render
from engine.timeutil import now_utc
from widgets.email_preview import EmailPreview
from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import EditorContext, ValueEditor
from widgets.inspector.rule_builder import ERROR_STYLE
from widgets.inspector.sms import sms_segments
from widgets.translate import QT_TRANSLATE_NOOP

PREVIEW_DELAY_MS = 150
SAMPLE_SHOP: dict[str, Any] = {
    "name": "Nordlicht Outfitters", "address": "Große Elbstraße 145, 22767 Hamburg",
    "currency": "EUR", "timezone": "Europe/Berlin", "locale": "de",
    "sender_name": "Nordlicht Outfitters", "sender_email": "hallo@nordlicht-outfitters.example",
    "website": "https://nordlicht-outfitters.example",
    "email_design": {"primary": "#1f5f5b", "background": "#eef2f1", "content": "#ffffff", "text": "#1d2724",
                     "social": {"instagram": "https://instagram.com/nordlicht.outfitters",
                                "facebook": "https://facebook.com/nordlicht.outfitters"}},
}
SAMPLE_UNSUBSCRIBE = "https://nordlicht-outfitters.example/unsubscribe/sample"

# (menu group, label, snippet) offered by "Insert variable".
_CUSTOMER = QT_TRANSLATE_NOOP("TemplateEditor", "Customer")
_DISCOUNT = QT_TRANSLATE_NOOP("TemplateEditor", "Discount")
_ENTRY = QT_TRANSLATE_NOOP("TemplateEditor", "Event that started the journey")
_ORDERS = QT_TRANSLATE_NOOP("TemplateEditor", "Orders")
_SHOP = QT_TRANSLATE_NOOP("TemplateEditor", "Shop")
VARIABLES: tuple[tuple[str, str, str], ...] = (
    (_CUSTOMER, QT_TRANSLATE_NOOP("TemplateEditor", "First name"), "{{ customer.first_name }}"),
    (_CUSTOMER, QT_TRANSLATE_NOOP("TemplateEditor", "First name, or “there”"), '{{ customer.first_name | default("there") }}'),
    (_CUSTOMER, QT_TRANSLATE_NOOP("TemplateEditor", "Last name"), "{{ customer.last_name }}"),
    (_CUSTOMER, QT_TRANSLATE_NOOP("TemplateEditor", "Email address"), "{{ customer.email }}"),
    (_CUSTOMER, QT_TRANSLATE_NOOP("TemplateEditor", "City"), "{{ customer.city }}"),
    (_DISCOUNT, QT_TRANSLATE_NOOP("TemplateEditor", "Code"), "{{ discount.code }}"),
    (_DISCOUNT, QT_TRANSLATE_NOOP("TemplateEditor", "Percent"), "{{ discount.percent | percent }}"),
    (_DISCOUNT, QT_TRANSLATE_NOOP("TemplateEditor", "Valid until"), "{{ discount.expires_at | date }}"),
    (_ENTRY, QT_TRANSLATE_NOOP("TemplateEditor", "Cart value"), "{{ entry.cart_value | money }}"),
    (_ENTRY, QT_TRANSLATE_NOOP("TemplateEditor", "Cart link"), "{{ entry.cart_url }}"),
    (_ENTRY, QT_TRANSLATE_NOOP("TemplateEditor", "Cart products (list)"),
     "{% for product in entry.products %}- {{ product.name }} ({{ product.price | money }})\n{% endfor %}"),
    (_ENTRY, QT_TRANSLATE_NOOP("TemplateEditor", "Entered at"), "{{ entry.at | datetime }}"),
    (_ORDERS, QT_TRANSLATE_NOOP("TemplateEditor", "Number of orders"), "{{ orders.count }}"),
    (_ORDERS, QT_TRANSLATE_NOOP("TemplateEditor", "Total spent"), "{{ orders.total | money }}"),
    (_ORDERS, QT_TRANSLATE_NOOP("TemplateEditor", "Last order value"), "{{ orders.last_value | money }}"),
    (_ORDERS, QT_TRANSLATE_NOOP("TemplateEditor", "Last order date"), "{{ orders.last_at | date }}"),
    (_SHOP, QT_TRANSLATE_NOOP("TemplateEditor", "Shop name"), "{{ shop.name }}"),
    (_SHOP, QT_TRANSLATE_NOOP("TemplateEditor", "Shop website"), "{{ shop.website }}"),
    (_SHOP, QT_TRANSLATE_NOOP("TemplateEditor", "Unsubscribe link"), "{{ unsubscribe_url }}"),
)


def sample_profile(now: datetime | None = None) -> Profile:
    """Anna from Berlin: German locale, one order 40 days ago, a cart left 2 hours ago."""
    now = now or now_utc()
    customer = {
        "id": "c-anna", "email": "anna.schmidt@example.org", "phone": "+4915112345678",
        "first_name": "Anna", "last_name": "Schmidt", "birthdate": (now.date() - timedelta(days=35 * 365 + 40)),
        "city": "Berlin", "country": "DE", "timezone": "Europe/Berlin", "locale": "de",
        "signup_at": now - timedelta(days=300), "consent": {"email": True, "sms": True, "push": True},
        "properties": {"area": "urban"},
    }
    orders = [Order("o-1001", now - timedelta(days=40), 180.0, "EUR")]
    shop = "https://nordlicht-outfitters.example"
    items = [{"id": "p-17", "name": "Merino beanie", "price": 29.9, "quantity": 1,
              "image_url": f"{shop}/img/merino-beanie.jpg", "url": f"{shop}/p/merino-beanie"},
             {"id": "p-42", "name": "Wool hiking socks", "price": 14.9, "quantity": 3,
              "image_url": f"{shop}/img/wool-socks.jpg", "url": f"{shop}/p/wool-hiking-socks"}]
    cart = {"cart_value": 74.6, "cart_url": f"{shop}/cart/c-anna", "items": items,
            "products": [{"name": i["name"], "price": i["price"], "quantity": i["quantity"]} for i in items]}
    events = [Event("cart_abandoned", now - timedelta(hours=2), cart)]
    return Profile(customer, orders, events)


def preview_variables(profile: Profile, config: dict[str, Any], *, journey: str = "", node: str = "",
                      shop: dict[str, Any] | None = None) -> dict[str, Any]:
    """Template variables as a sending session would build them for this customer now.

    The journey is taken as entered by the customer's latest event, since that is the event a
    message usually talks about (the abandoned cart).
    """
    now = now_utc()
    latest = max(profile.events, key=lambda e: e.at, default=None)
    if latest is not None and latest.at > now:
        now = latest.at
    entry = {"type": latest.type, "at": latest.at, "properties": latest.properties} if latest else None
    discount = None
    cfg = config.get("discount")
    if isinstance(cfg, dict) and not check_discount(cfg):
        discount = make_discount(cfg, secret=DEFAULT_SECRET, journey=journey or "journey", node=node or "node",
                                 customer=profile.id, moment=now, tz=profile.timezone)
    data = {"customer": profile.customer, "orders": [o.as_dict() for o in profile.orders]}
    return build_variables(data, entry=entry, now=now, discount=discount, shop=shop or SAMPLE_SHOP,
                           unsubscribe_url=SAMPLE_UNSUBSCRIBE)


def customer_name(profile: Profile) -> str:
    c = profile.customer
    name = " ".join(str(c.get(k)) for k in ("first_name", "last_name") if c.get(k))
    return name or str(c.get("email") or profile.id)


class TemplateEditor(ValueEditor):
    """A subject line or a body: text, an "Insert variable" menu and the syntax error inline."""

    def __init__(self, ctx: EditorContext, multiline: bool = False, field_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.field_name, self.multiline = ctx, field_name, multiline
        if multiline:
            self.edit: QPlainTextEdit | QLineEdit = QPlainTextEdit()
            self.edit.setMinimumHeight(150 if ctx.channel == "email" else 70)
            if ctx.channel != "email":
                self.edit.setMaximumHeight(120)
            self.edit.setTabChangesFocus(True)
            self.edit.textChanged.connect(self._text_changed)
        else:
            self.edit = QLineEdit()
            self.edit.textChanged.connect(self._text_changed)
        self.edit.setObjectName(f"template_{field_name}")
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("Insert variable") + " ▾")
        self.insert_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.insert_button.setObjectName("insert_variable")
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_button.setMenu(self._variables_menu())
        self.error = QLabel()
        self.error.setObjectName("template_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.counter: QLabel | None = None
        if ctx.channel == "sms" and field_name == "text":
            self.counter = QLabel()
            self.counter.setObjectName("sms_counter")
            self.counter.setToolTip(self.tr("Counted on the text as the preview customer would get it, "
                                             "with the variables filled in"))
        footer = FlowLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        if self.counter is not None:
            footer.addWidget(self.counter, 1)
        else:
            footer.addStretch(1)
        footer.addWidget(self.insert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if multiline:
            layout.addWidget(self.edit)
            layout.addLayout(footer)
        else:
            top = FlowLayout()
            top.setContentsMargins(0, 0, 0, 0)
            top.addWidget(self.edit, 1)
            top.addWidget(self.insert_button)
            layout.addLayout(top)
        layout.addWidget(self.error)
        self._update_status()

    def _variables_menu(self) -> QMenu:
        menu = QMenu(self)
        groups: dict[str, QMenu] = {}
        self.variable_actions: list[QAction] = []
        for group, label, snippet in VARIABLES:
            if group not in groups:
                groups[group] = menu.addMenu(self.tr(group))
            shown = snippet.replace("\n", " ")
            shown = shown if len(shown) <= 44 else shown[:43] + "…"
            action = groups[group].addAction(f"{self.tr(label)}    {shown}")
            action.setData(snippet)
            self.variable_actions.append(action)
            action.triggered.connect(lambda _=False, s=snippet: self.insert(s))
        return menu

    def insert(self, snippet: str) -> None:
        """Inserts at the cursor, replacing a selection, as typing it would."""
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.insertPlainText(snippet)
        else:
            self.edit.insert(snippet)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def value(self) -> str:
        return self.text()

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.text() != text:
            if isinstance(self.edit, QPlainTextEdit):
                self.edit.setPlainText(text)
            else:
                self.edit.setText(text)
                self.edit.setCursorPosition(0)
        self._update_status()

    def _text_changed(self, *_: Any) -> None:
        self._update_status()
        self._emit()

    def _update_status(self) -> None:
        problem = check_template(self.text())
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if self.counter is not None:
            self.counter.setText(self.sms_status())

    def sms_status(self) -> str:
        """Counted on the text as rendered for the sample customer: that is what is sent."""
        text = self.text()
        variables = self.ctx.variables()
        if variables is not None and "{" in text:
            try:
                text = render(text, variables)
            except TemplateRenderError:
                pass
        length, encoding, segments = sms_segments(text)
        return self.tr("{n} characters · {encoding} · {segments} segment(s)").format(
            n=length, encoding=encoding, segments=segments)


_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def is_html(template: str) -> bool:
    """An email body with tags is sent as HTML; one without is plain text kept as typed."""
    return bool(_HTML_TAG.search(template))


class MessagePreview(QFrame):
    """The message as the sample customer would get it: an email, an SMS bubble or a push card."""

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_preview")
        self.channel = channel
        self._config: dict[str, Any] = {}
        self._variables: Callable[[], dict[str, Any] | None] = lambda: None
        self._brand: Callable[[], Brand] = Brand
        self._language: Callable[[], str] = lambda: "en"
        self.as_sent: dict[str, str] = {}  # the texts as a channel gets them (the body unescaped)
        self.body_format = "text"
        self.problems: list[str] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.title = QLabel()
        self.title.setObjectName("preview_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long customer name must not widen the dock
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        self.subject = QLabel()
        self.subject.setObjectName("preview_subject")
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender = QLabel()
        self.sender.setEnabled(False)
        self.email_view = EmailPreview(minimum_height=300)
        self.markup = ""  # the email's HTML as shown (the real HTML a mail app gets)
        self.sender.setWordWrap(True)
        self.bubble = QLabel()
        self.bubble.setObjectName("preview_bubble")
        self.bubble.setWordWrap(True)
        self.bubble.setTextFormat(Qt.TextFormat.RichText)
        self.bubble.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bubble.setStyleSheet("#preview_bubble { background: #e9e9eb; color: #1f1f1f; border-radius: 14px;"
                                  " padding: 8px 12px; }")
        self.bubble.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.card = QFrame()
        self.card.setObjectName("preview_card")
        self.card.setStyleSheet("#preview_card { background: #f6f6f8; border: 1px solid #d0d0d6; border-radius: 12px; }"
                                " #preview_card QLabel { color: #1f1f1f; background: transparent; }")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(12, 8, 12, 10)
        card.setSpacing(2)
        self.card_app = QLabel()
        self.card_app.setStyleSheet("color: #6a6a72; font-size: 11px;")
        self.card_title = QLabel()
        self.card_title.setObjectName("preview_push_title")
        self.card_title.setFont(font)
        self.card_title.setWordWrap(True)
        self.card_body = QLabel()
        self.card_body.setObjectName("preview_push_body")
        self.card_body.setWordWrap(True)
        self.card_url = QLabel()
        self.card_url.setStyleSheet("color: #1a5fb4;")
        self.card_url.setWordWrap(True)
        for w in (self.card_app, self.card_title, self.card_body, self.card_url):
            w.setTextFormat(Qt.TextFormat.PlainText)
            card.addWidget(w)
        if channel == "email":
            layout.addWidget(self.sender)
            layout.addWidget(self.subject)
            layout.addWidget(self.email_view)
        elif channel == "sms":
            layout.addWidget(self.bubble)
        else:
            layout.addWidget(self.card)
        layout.addWidget(self.error)

    def set_source(self, variables: Callable[[], dict[str, Any] | None], customer: str,
                   brand: Callable[[], Brand] | None = None, language: Callable[[], str] | None = None) -> None:
        self._variables = variables
        self._brand = brand or Brand
        self._language = language or (lambda: "en")
        self.title.setText(self.tr("Preview for {name}").format(name=customer))

    def schedule(self, config: dict[str, Any]) -> None:
        """Re-renders shortly after the last keystroke, not on every one."""
        self._config = dict(config)
        self.timer.start()

    def _render(self, name: str, variables: dict[str, Any], problems: list[str], html_mode: bool = False) -> str:
        text = self._config.get(name)
        if not isinstance(text, str) or not text:
            return ""
        try:
            return render(text, variables, html=html_mode)
        except TemplateRenderError as exc:
            problems.append(f"{name}: {exc}")
            return ""

    def refresh(self) -> None:
        self.timer.stop()
        variables = self._variables() or {}
        problems: list[str] = []
        rendered: dict[str, str] = {}
        body_is_html = False
        if self.channel == "email":
            rendered["subject"] = self._render("subject", variables, problems)
            if self._config.get("format") == "blocks":
                body_is_html = True
                try:
                    rendered["body"], rendered["text"] = render_blocks(
                        self._config.get("blocks") or [], variables, self._brand(), self._language())
                except (TemplateRenderError, ValueError) as exc:
                    problems.append(f"blocks: {exc}")
                    rendered["body"] = ""
            else:
                body_text = self._config.get("body") if isinstance(self._config.get("body"), str) else ""
                body_is_html = self._config.get("format") == "html" or is_html(body_text)
                rendered["body"] = self._render("body", variables, problems, html_mode=body_is_html)
            self.as_sent = {"subject": rendered["subject"], "body": rendered["body"]}
        elif self.channel == "sms":
            rendered["text"] = self._render("text", variables, problems)
            self.as_sent = dict(rendered)
        else:
            for name in ("title", "body", "url"):
                rendered[name] = self._render(name, variables, problems)
            self.as_sent = dict(rendered)
        self.body_format = "html" if body_is_html else "text"
        self.problems = problems
        self.show_rendered(rendered, variables.get("shop", {}), problems, body_is_html=body_is_html)

    def show_rendered(self, content: dict[str, str], shop: dict[str, Any], problems: list[str] | None = None, *,
                      body_is_html: bool = False, when: str | None = None) -> None:
        """Shows already-rendered fields (the simulator's sent messages use this too).

        An email body is HTML when `body_is_html`, else escaped plain text kept as typed.
        """
        problems = problems or []
        if self.channel == "email":
            self.sender.setText(self.tr("From: {name} <{email}>").format(
                name=shop.get("sender_name", shop.get("name", "")), email=shop.get("sender_email", "")))
            self.subject.setText(self.tr("Subject: {subject}").format(subject=content.get("subject", "")))
            body = content.get("body", "")
            # What the mail app gets: the HTML part as the channel sends it (engine/channels/mime).
            self.markup = complete_html(body) if body_is_html else text_to_html(body)
            self.email_view.show_html(self.markup)
        elif self.channel == "sms":
            self.bubble.setText(html.escape(content.get("text", "")).replace("\n", "<br>") or " ")
        else:
            self.card_app.setText(self.tr("{app} · {when}").format(
                app=str(shop.get("name", "")).upper(), when=when or self.tr("now")))
            self.card_title.setText(content.get("title", ""))
            self.card_body.setText(content.get("body", ""))
            url = content.get("url", "")
            self.card_url.setText(url)
            self.card_url.setVisible(bool(url))
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))

    def subject_text(self) -> str:
        return self.subject.text()

    def body_text(self) -> str:
        """The email's words as its HTML shows them (for the status bar and tests)."""
        return html_to_text(self.markup) if self.markup else ""
