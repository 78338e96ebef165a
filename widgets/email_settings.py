"""The "Email sending…" dialog: the SMTP account the sending session mails through.

Plain data in and out: `EmailSettingsDialog(settings, tester)` where settings is the shop's
`smtp` dict plus "sender"/"has_password"; `values()` gives the dict to store, with the typed
password under "password" (empty: keep the stored one), and likewise the bounce mailbox's
under "bounce_password" and a pasted DKIM key under "dkim_key" (widgets.deliverability_settings). `tester(values)` → (ok, words) backs
the "Send test" button; the glue stores the password in the keyring, never in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from widgets.deliverability_settings import BounceMailboxGroup, DkimGroup, PresetPicker

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class EmailSettingsDialog(QDialog):
    def __init__(self, settings: dict[str, Any], tester: Callable[[dict[str, Any]], tuple[bool, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("email_settings")
        self.setWindowTitle(self.tr("Email sending"))
        self.tester = tester
        self.host = QLineEdit(str(settings.get("host") or ""))
        self.host.setPlaceholderText("smtp.example.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.get("port") or 587))
        self.security = QComboBox()
        for key, text in (("starttls", self.tr("STARTTLS")), ("ssl", self.tr("SSL/TLS")),
                          ("none", self.tr("None (unencrypted)"))):
            self.security.addItem(text, key)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.get("security") or "starttls")))
        self.security.activated.connect(self._security_chosen)
        self.username = QLineEdit(str(settings.get("username") or ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("(stored; type to change)") if settings.get("has_password")
                                         else self.tr("(none)"))
        self.sender = QLineEdit(str(settings.get("sender") or ""))
        self.sender.setPlaceholderText(self.tr("Shop <hello@shop.example>"))
        self.per_minute = QSpinBox()
        self.per_minute.setRange(0, 100000)
        self.per_minute.setSpecialValueText(self.tr("no limit"))
        self.per_minute.setValue(int(settings.get("rate_per_minute") or 0))
        self.per_day = QSpinBox()
        self.per_day.setRange(0, 10_000_000)
        self.per_day.setSpecialValueText(self.tr("no limit"))
        self.per_day.setValue(int(settings.get("rate_per_day") or 0))

        self.preset = PresetPicker()
        self.preset.chosen.connect(self._preset_chosen)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        self.bounces = BounceMailboxGroup(settings)
        self.dkim = DkimGroup(settings)

        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.preset)
        form.addRow(self.tr("SMTP server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sender"), self.sender)
        form.addRow(self.tr("Messages per minute"), self.per_minute)
        form.addRow(self.tr("Messages per day"), self.per_day)
        note = QLabel(self.tr("The password is kept in the system keyring, not in the shop file. "
                              "Leave the server empty to send to the local catcher instead."))
        note.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Send test"))
        self.test_button.clicked.connect(self.run_test)
        self.test_button.setEnabled(tester is not None)
        self.test_result = QLabel()
        self.test_result.setObjectName("email_test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        sending = QWidget()
        sending_layout = QVBoxLayout(sending)
        sending_layout.addLayout(form)
        sending_layout.addWidget(self.preset_note)
        sending_layout.addWidget(note)
        sending_layout.addStretch(1)
        tabs = QTabWidget()
        tabs.addTab(sending, self.tr("Sending"))
        tabs.addTab(self.bounces, self.tr("Bounces"))
        tabs.addTab(self.dkim, self.tr("DKIM"))
        layout.addWidget(tabs)
        layout.addLayout(test_row)
        layout.addWidget(buttons)

    def _security_chosen(self, _index: int) -> None:
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[self.security.currentData()])

    def _preset_chosen(self, preset: Any) -> None:
        """A provider fills in its server and published sending limits (engine.channels.presets)."""
        self.host.setText(preset.host)
        self.port.setValue(preset.port)
        self.security.setCurrentIndex(max(0, self.security.findData(preset.security)))
        self.per_minute.setValue(preset.rate_per_minute or 0)
        self.per_day.setValue(preset.rate_per_day or 0)
        self.preset_note.setText(self.preset.describe(preset))

    def values(self) -> dict[str, Any]:
        bounces, bounce_password = self.bounces.values()
        dkim, dkim_key = self.dkim.values()
        return {
            "host": self.host.text().strip(),
            "port": self.port.value(),
            "security": self.security.currentData(),
            "username": self.username.text().strip() or None,
            "password": self.password.text(),
            "sender": self.sender.text().strip(),
            "rate_per_minute": self.per_minute.value() or None,
            "rate_per_day": self.per_day.value() or None,
            "bounces": bounces,
            "bounce_password": bounce_password,
            "dkim": dkim,
            "dkim_key": dkim_key,
        }

    def run_test(self) -> bool:
        if self.tester is None:
            return False
        ok, words = self.tester(self.values())
        colour = "#1b7f3b" if ok else "#b00020"
        self.test_result.setText(f"<span style='color:{colour}'>{words}</span>")
        return ok
