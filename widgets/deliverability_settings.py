"""The deliverability parts of the "Email sending…" dialog: provider presets, the bounce mailbox
and DKIM signing (docs/deliverability.md).

Plain data in and out, like the dialog itself: each group reads the shop's `smtp` dict (with
`has_bounce_password` / `has_dkim_key` telling whether a secret is stored) and gives back the
dict to store, with a typed secret under its own key for the glue to put into the keyring.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.channels.presets import PRESETS, Preset

BOUNCE_PORTS = {"ssl": 993, "starttls": 143, "none": 143}


class PresetPicker(QComboBox):
    """"Custom" and the known providers; choosing one emits `chosen` with its preset."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("email_preset")
        names = {"gmail": self.tr("Gmail (free account)"), "google-workspace": self.tr("Google Workspace"),
                 "microsoft-365": self.tr("Microsoft 365 / Outlook"), "brevo": self.tr("Brevo SMTP relay"),
                 "amazon-ses": self.tr("Amazon SES (sandbox)")}
        self.addItem(self.tr("Custom server"), None)
        for preset in PRESETS:
            self.addItem(names.get(preset.key, preset.name), preset.key)
        self.activated.connect(self._activated)

    def _activated(self, index: int) -> None:
        key = self.itemData(index)
        if key is not None:
            self.chosen.emit(next(p for p in PRESETS if p.key == key))

    def describe(self, preset: Preset) -> str:
        minute = str(preset.rate_per_minute) if preset.rate_per_minute else self.tr("no limit")
        day = str(preset.rate_per_day) if preset.rate_per_day else self.tr("no limit")
        return self.tr("Filled in from the provider's published limits: {minute} messages a minute, {day} a day. "
                       "See the deliverability guide for the sources.").format(minute=minute, day=day)


def _security_box(parent: QWidget, current: str) -> QComboBox:
    box = QComboBox(parent)
    for key, text in (("ssl", parent.tr("SSL/TLS")), ("starttls", parent.tr("STARTTLS")),
                      ("none", parent.tr("None (unencrypted)"))):
        box.addItem(text, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class BounceMailboxGroup(QGroupBox):
    """Where bounce reports arrive: an IMAP mailbox the session reads every few minutes."""

    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bounce_mailbox")
        self.setTitle(self.tr("Bounce mailbox (IMAP)"))
        values = settings.get("bounces") if isinstance(settings.get("bounces"), dict) else {}
        self.host = QLineEdit(str(values.get("host") or ""))
        self.host.setPlaceholderText("imap.example.com")
        security = str(values.get("security") or "ssl")
        self.security = _security_box(self, security)
        self.security.activated.connect(self._security_chosen)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(values.get("port") or BOUNCE_PORTS.get(security, 993)))
        self.username = QLineEdit(str(values.get("username") or ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("(stored; type to change)") if settings.get("has_bounce_password")
                                         else self.tr("(none)"))
        self.folder = QLineEdit(str(values.get("folder") or "INBOX"))
        self.move_to = QLineEdit(str(values.get("move_to") or ""))
        self.move_to.setPlaceholderText(self.tr("(leave them where they are)"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(self.tr("IMAP server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.tr("Move processed reports to"), self.move_to)
        note = QLabel(self.tr("Hard bounces and spam complaints found here stop all further mail to that "
                              "address; five soft bounces within 30 days count as a hard one. Other mail in "
                              "the folder is left unread. Leave the server empty to read no bounces."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def _security_chosen(self, _index: int) -> None:
        if self.port.value() in BOUNCE_PORTS.values():
            self.port.setValue(BOUNCE_PORTS[self.security.currentData()])

    def values(self) -> tuple[dict[str, Any] | None, str]:
        """(the settings to store, or None for no mailbox; the typed password, "" to keep the stored one)."""
        host = self.host.text().strip()
        if not host:
            return None, ""
        found = {"host": host, "port": self.port.value(), "security": self.security.currentData(),
                 "username": self.username.text().strip(), "folder": self.folder.text().strip() or "INBOX",
                 "move_to": self.move_to.text().strip() or None}
        return {k: v for k, v in found.items() if v not in (None, "")}, self.password.text()


class DkimGroup(QGroupBox):
    """DKIM signing with the shop's own key, for shops sending through their own server."""

    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dkim_signing")
        self.setTitle(self.tr("DKIM signing (own mail server only)"))
        values = settings.get("dkim") if isinstance(settings.get("dkim"), dict) else {}
        self.selector = QLineEdit(str(values.get("selector") or ""))
        self.selector.setPlaceholderText(self.tr("e.g. shop2025"))
        self.domain = QLineEdit(str(values.get("domain") or ""))
        self.domain.setPlaceholderText(self.tr("(the sender's domain)"))
        self.key_file = QLineEdit(str(values.get("key_file") or ""))
        self.key_file.setPlaceholderText(self.tr("(or paste the key below)"))
        self.key = QPlainTextEdit()
        self.key.setPlaceholderText(self.tr("(stored; paste a new PEM key to change)") if settings.get("has_dkim_key")
                                    else "-----BEGIN PRIVATE KEY-----")
        self.key.setFixedHeight(70)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(self.tr("Selector"), self.selector)
        form.addRow(self.tr("Domain"), self.domain)
        form.addRow(self.tr("Private key file"), self.key_file)
        form.addRow(self.tr("Private key"), self.key)
        note = QLabel(self.tr("Gmail, Microsoft 365, Brevo and Amazon SES sign for you: leave this empty when "
                              "you send through them. A pasted key is kept in the system keyring."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def values(self) -> tuple[dict[str, Any] | None, str]:
        """(the settings to store, or None for no signing; the pasted key, "" to keep the stored one)."""
        selector = self.selector.text().strip()
        if not selector:
            return None, ""
        found = {"selector": selector, "domain": self.domain.text().strip().lower() or None,
                 "key_file": self.key_file.text().strip() or None}
        return {k: v for k, v in found.items() if v is not None}, self.key.toPlainText().strip()


__all__ = ["BounceMailboxGroup", "DkimGroup", "PresetPicker"]
