"""The shop's settings: who it is, how it writes, the thresholds of its customer levels, and
how its sending session reaches customers.

Name, address, currency, time zone, language, the sender of its emails, the numbers behind
engagement and lifecycle levels (segments and journeys read them), the secret discount codes
are signed with, and sending: the public address unsubscribe links use (a tunnel or reverse
proxy to the session's endpoint; without one the links point at this machine), the endpoint's
port and API token, the shop's caps across journeys, and what happens to a message that may
or may not have arrived. The secret is shown masked; regenerating it makes every code handed
out so far invalid, so the dialog says so before it does.
"""

from __future__ import annotations

import re
import secrets
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.email_design_settings import EmailDesignGroup
from widgets.scrolling import VerticalScrollArea

CURRENCIES = ("EUR", "USD", "GBP", "CHF", "RUB", "MXN", "ARS", "COP", "CLP", "PLN", "CZK", "SEK")
LOCALES = (("en", "English"), ("de", "Deutsch"), ("es", "Español"), ("ru", "Русский"))
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DAYS = re.compile(r"^P(\d+)D$")
DEFAULT_HTTP_PORT = 8765  # as storage.shop_repo (widgets read no storage)


def _days(value: Any, default: int) -> int:
    if isinstance(value, int):
        return value
    m = _DAYS.match(str(value or ""))
    return int(m.group(1)) if m else default


class ShopSettingsDialog(QDialog):
    """`values()` is the dict to store (the settings row's own shape); `new_secret` once regenerated."""

    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shop_settings")
        self.setWindowTitle(self.tr("Shop settings"))
        self.settings = dict(settings)
        self.new_secret: str | None = None

        self.name = QLineEdit(settings.get("name", ""))
        self.address = QPlainTextEdit(settings.get("address", ""))
        self.address.setFixedHeight(60)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(settings.get("currency") or "EUR")
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/")))
        self.timezone.setCurrentText(settings.get("timezone") or "UTC")
        self.locale = QComboBox()
        for code, label in LOCALES:
            self.locale.addItem(label, code)
        self.locale.setCurrentIndex(max(0, self.locale.findData(settings.get("locale") or "en")))
        self.sender_name = QLineEdit(settings.get("sender_name", ""))
        self.sender_email = QLineEdit(settings.get("sender_email", ""))
        self.sender_email.setPlaceholderText("hello@your-shop.example")

        shop = QGroupBox(self.tr("Shop"))
        form = QFormLayout(shop)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Language"), self.locale)
        form.addRow(self.tr("Sender name"), self.sender_name)
        form.addRow(self.tr("Sender email"), self.sender_email)

        engagement = settings.get("engagement") or {}
        lifecycle = settings.get("lifecycle") or {}
        self.engagement_days = self._spin(_days(engagement.get("window"), 90), 1, 3650, self.tr(" days"))
        self.min_sent = self._spin(int(engagement.get("min_sent", 3)), 1, 1000, self.tr(" emails"))
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(0.01, 1.0)
        self.ratio.setSingleStep(0.05)
        self.ratio.setDecimals(2)
        self.ratio.setValue(float(engagement.get("super_active_ratio", 0.8)))
        self.lapsing_days = self._spin(_days(lifecycle.get("lapsing_after"), 180), 1, 3650, self.tr(" days"))
        self.loyal_orders = self._spin(int(lifecycle.get("loyal_orders", 3)), 1, 1000, self.tr(" orders"))
        self.loyal_days = self._spin(_days(lifecycle.get("loyal_window"), 365), 1, 3650, self.tr(" days"))
        levels = QGroupBox(self.tr("Customer levels"))
        lf = QFormLayout(levels)
        lf.addRow(self.tr("Engagement looks back"), self.engagement_days)
        lf.addRow(self.tr("Known after at least"), self.min_sent)
        lf.addRow(self.tr("Super active from an open rate of"), self.ratio)
        lf.addRow(self.tr("Lapsing when the last order is older than"), self.lapsing_days)
        lf.addRow(self.tr("Loyal with at least"), self.loyal_orders)
        lf.addRow(self.tr("… within"), self.loyal_days)

        self.secret = QLineEdit(settings.get("discount_secret", ""))
        self.secret.setObjectName("discount_secret")
        self.secret.setReadOnly(True)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_secret = QPushButton(self.tr("Show"))
        self.show_secret.setCheckable(True)
        self.show_secret.toggled.connect(self._toggle_secret)
        self.regenerate = QPushButton(self.tr("Regenerate…"))
        self.regenerate.setObjectName("regenerate_secret")
        self.regenerate.clicked.connect(self.regenerate_secret)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.show_secret)
        secret_row.addWidget(self.regenerate)
        codes = QGroupBox(self.tr("Discount codes"))
        cf = QFormLayout(codes)
        cf.addRow(self.tr("Signing secret"), secret_row)

        sending = self._sending_group(settings)
        self.email_design = EmailDesignGroup(settings)

        # docs/attribution.md: how long after a message an order still counts for it.
        self.attribution_window = QComboBox()
        self.attribution_window.setObjectName("attribution_window")
        self.attribution_window.addItem(self.tr("1 day"), "P1D")
        self.attribution_window.addItem(self.tr("5 days"), "P5D")
        current = settings.get("attribution_window") or "P1D"
        if self.attribution_window.findData(current) < 0:  # set by hand to another window: kept
            self.attribution_window.addItem(current, current)
        self.attribution_window.setCurrentIndex(self.attribution_window.findData(current))
        reports = QGroupBox(self.tr("Reports"))
        rf = QFormLayout(reports)
        rf.addRow(self.tr("An order counts for the last message received within"), self.attribution_window)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c01c28;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(shop)
        inner.addWidget(levels)
        inner.addWidget(codes)
        inner.addWidget(self.email_design)
        inner.addWidget(sending)
        inner.addWidget(reports)
        # the groups are taller than a 720-pixel screen: they scroll, up and down only (the
        # dialog is never narrower than its widest row, in Russian wider than its first size)
        scroll = VerticalScrollArea(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.name.textChanged, self.currency.currentTextChanged, self.timezone.currentTextChanged,
                       self.sender_email.textChanged, self.public_url.textChanged, self.email_design.website.textChanged,
                       self.email_design.logo.textChanged, self.email_design.languages.textChanged,
                       self.email_design.fallback.currentTextChanged,
                       *(edit.line.textChanged for edit in self.email_design.colours.values()),
                       *(edit.textChanged for edit in self.email_design.social.values())):
            signal.connect(self._validate)
        self._validate()

    def _sending_group(self, settings: dict[str, Any]) -> QGroupBox:
        delivery = settings.get("delivery") or {}
        self.public_url = QLineEdit(delivery.get("public_url") or "")
        self.public_url.setObjectName("public_url")
        self.public_url.setPlaceholderText(self.tr("https://shop.example/journeys (a tunnel or reverse proxy)"))
        self.http_port = self._spin(int(delivery.get("http_port", DEFAULT_HTTP_PORT)), 0, 65535, "")
        self.token = QLineEdit(settings.get("api_token") or "")
        self.token.setObjectName("api_token")
        self.token.setReadOnly(True)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_token = QPushButton(self.tr("Show"))
        self.show_token.setCheckable(True)
        self.show_token.toggled.connect(lambda on: self.token.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)
        caps = {channel: rules for channel, rules in (delivery.get("caps") or {}).items()}
        self.email_per_day = self._spin(_cap(caps.get("email"), "P1D"), 0, 1000, self.tr(" a day (0: no cap)"))
        self.email_per_week = self._spin(_cap(caps.get("email"), "P7D"), 0, 1000, self.tr(" a week (0: no cap)"))
        self.sms_per_week = self._spin(_cap(caps.get("sms"), "P7D"), 0, 1000, self.tr(" a week (0: no cap)"))
        self.uncertain = QComboBox()
        self.uncertain.addItem(self.tr("hold it for me to review"), "hold")
        self.uncertain.addItem(self.tr("send it again after a wait"), "resend")
        self.uncertain.setCurrentIndex(max(0, self.uncertain.findData(delivery.get("uncertain") or "hold")))
        self.resend_after = self._spin(int(delivery.get("resend_after_minutes", 30)), 1, 10080, self.tr(" minutes"))
        self.resend_after.setEnabled(self.uncertain.currentData() == "resend")
        self.uncertain.currentIndexChanged.connect(
            lambda _i: self.resend_after.setEnabled(self.uncertain.currentData() == "resend"))
        group = QGroupBox(self.tr("Sending"))
        form = QFormLayout(group)
        form.addRow(self.tr("Public address for unsubscribe links"), self.public_url)
        hint = QLabel(self.tr("Without one, links point at this computer and only work here; the session will "
                              "not mail customers through your account until it is set."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("Endpoint port on this computer"), self.http_port)
        form.addRow(self.tr("API token for your shop's site"), token_row)
        form.addRow(self.tr("Marketing emails per customer, at most"), self.email_per_day)
        form.addRow("", self.email_per_week)
        form.addRow(self.tr("Marketing SMS per customer, at most"), self.sms_per_week)
        form.addRow(self.tr("A message that may have arrived"), self.uncertain)
        form.addRow(self.tr("… sent again after"), self.resend_after)
        return group

    @staticmethod
    def _spin(value: int, lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _toggle_secret(self, on: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.show_secret.setText(self.tr("Hide") if on else self.tr("Show"))

    def regenerate_secret(self, *, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("New discount secret"),
                self.tr("Codes already handed out will no longer be valid. Make a new secret?")) \
                != QMessageBox.StandardButton.Yes:
            return
        self.new_secret = secrets.token_hex(32)
        self.secret.setText(self.new_secret)

    def problems(self) -> list[str]:
        out = []
        currency = self.currency.currentText().strip()
        if len(currency) != 3 or not currency.isalpha():
            out.append(self.tr("The currency is a 3-letter code like EUR."))
        if self.timezone.currentText().strip() not in available_timezones():
            out.append(self.tr("Pick a time zone from the list (like Europe/Berlin)."))
        email = self.sender_email.text().strip()
        if email and not _EMAIL.match(email):
            out.append(self.tr("The sender email is not an email address."))
        public = self.public_url.text().strip()
        if public and not re.match(r"^https?://[^\s/?#]+[^\s?#]*$", public):
            out.append(self.tr("The public address is a web address like https://shop.example/journeys."))
        return out + self.email_design.problems()

    def _validate(self, *_: Any) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name.text().strip(),
            "address": self.address.toPlainText().strip(),
            "currency": self.currency.currentText().strip().upper(),
            "timezone": self.timezone.currentText().strip(),
            "locale": self.locale.currentData(),
            "sender_name": self.sender_name.text().strip(),
            "sender_email": self.sender_email.text().strip(),
            "engagement": {**dict(self.settings.get("engagement") or {}),
                           "window": f"P{self.engagement_days.value()}D", "min_sent": self.min_sent.value(),
                           "super_active_ratio": round(self.ratio.value(), 2)},
            "lifecycle": {**dict(self.settings.get("lifecycle") or {}),
                          "lapsing_after": f"P{self.lapsing_days.value()}D",
                          "loyal_orders": self.loyal_orders.value(), "loyal_window": f"P{self.loyal_days.value()}D"},
            "attribution_window": self.attribution_window.currentData(),
        }
        caps: dict[str, list[dict[str, Any]]] = {}
        for channel, spin, per in (("email", self.email_per_day, "P1D"), ("email", self.email_per_week, "P7D"),
                                   ("sms", self.sms_per_week, "P7D")):
            if spin.value():
                caps.setdefault(channel, []).append({"max": spin.value(), "per": per})
        delivery: dict[str, Any] = {"uncertain": self.uncertain.currentData(),
                                    "resend_after_minutes": self.resend_after.value(),
                                    "http_port": self.http_port.value()}
        if self.public_url.text().strip():
            delivery["public_url"] = self.public_url.text().strip().rstrip("/")
        if caps:
            delivery["caps"] = caps
        out["delivery"] = delivery
        out.update(self.email_design.values())
        if self.new_secret is not None:
            out["discount_secret"] = self.new_secret
        return out


def _cap(rules: Any, per: str) -> int:
    """The cap of a channel for one period, 0 when there is none."""
    for rule in rules or ():
        if isinstance(rule, dict) and rule.get("per") == per and isinstance(rule.get("max"), int):
            return rule["max"]
    return 0
