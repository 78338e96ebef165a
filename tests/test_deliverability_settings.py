"""The deliverability parts of the email dialog: provider presets fill in the server and the
published limits, the bounce mailbox and DKIM settings round-trip, and their secrets go to the
keyring (a refused DKIM key stores nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from session_helpers import make_db

from app.secrets import get_secret
from app.session.bounces import PASSWORD_SECRET as BOUNCE_SECRET
from app.session.bounces import configured, mailbox_settings
from app.session.signing import KEY_SECRET, dkim_signer
from app.session_pages import load_email_settings, save_email_settings
from engine.channels.presets import PRESETS, preset
from storage import shop_repo
from widgets.email_settings import EmailSettingsDialog


def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def test_every_preset_is_complete_and_within_its_providers_limits() -> None:
    assert {p.key for p in PRESETS} == {"gmail", "google-workspace", "microsoft-365", "brevo", "amazon-ses"}
    for p in PRESETS:
        assert p.host and p.security in ("starttls", "ssl") and p.source.startswith("https://"), p.key
        assert p.rate_per_minute and p.rate_per_day, p.key
    assert (preset("microsoft-365").rate_per_minute, preset("microsoft-365").rate_per_day) == (30, 10000)
    assert preset("gmail").rate_per_day == 500 and preset("amazon-ses").rate_per_minute <= 60
    with pytest.raises(KeyError, match="no mail provider preset 'aol'"):
        preset("aol")


def test_choosing_a_provider_fills_in_server_and_limits(qtbot) -> None:
    dialog = EmailSettingsDialog({"host": "mail.old.example", "port": 25, "security": "none"})
    qtbot.addWidget(dialog)
    index = dialog.preset.findData("microsoft-365")
    dialog.preset.setCurrentIndex(index)
    dialog.preset.activated.emit(index)
    values = dialog.values()
    assert (values["host"], values["port"], values["security"], values["rate_per_minute"],
            values["rate_per_day"]) == ("smtp.office365.com", 587, "starttls", 30, 10000)
    assert "30 messages a minute, 10000 a day" in dialog.preset_note.text()
    dialog.preset.activated.emit(0)  # "Custom server" changes nothing
    assert dialog.values()["host"] == "smtp.office365.com"


def test_bounce_mailbox_and_dkim_round_trip_with_secrets_in_the_keyring(qtbot, tmp_path: Path) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=0)
    key = pem()
    try:
        dialog = EmailSettingsDialog(load_email_settings(db))
        qtbot.addWidget(dialog)
        dialog.host.setText("mail.shop.example")
        dialog.sender.setText("Shop <hello@shop.example>")
        dialog.bounces.host.setText("imap.shop.example")
        dialog.bounces.username.setText("bounces@shop.example")
        dialog.bounces.password.setText("imap-secret")
        dialog.bounces.security.setCurrentIndex(dialog.bounces.security.findData("starttls"))
        dialog.bounces.security.activated.emit(dialog.bounces.security.currentIndex())
        dialog.dkim.selector.setText("shop2025")
        dialog.dkim.key.setPlainText(key)
        save_email_settings(db, dialog.values())
        with db.read() as s:
            shop = shop_repo.settings_dict(s)
        smtp = shop["smtp"]
        assert smtp["bounces"] == {"host": "imap.shop.example", "port": 143, "security": "starttls",
                                   "username": "bounces@shop.example", "folder": "INBOX",
                                   "password_secret": BOUNCE_SECRET}
        assert smtp["dkim"] == {"selector": "shop2025", "key_secret": KEY_SECRET}
        assert get_secret(BOUNCE_SECRET) == "imap-secret" and get_secret(KEY_SECRET) == key.strip()
        assert "imap-secret" not in str(smtp) and "PRIVATE KEY" not in str(smtp)
        assert mailbox_settings(configured(shop)).password == "imap-secret"
        signer = dkim_signer(smtp)
        assert signer is not None and (signer.domain, signer.selector) == ("shop.example", "shop2025")
        # Opened again: the secrets are stored, not shown; saving without typing them keeps them.
        loaded = load_email_settings(db)
        assert loaded["has_bounce_password"] and loaded["has_dkim_key"]
        again = EmailSettingsDialog(loaded)
        qtbot.addWidget(again)
        assert again.bounces.host.text() == "imap.shop.example" and again.dkim.selector.text() == "shop2025"
        save_email_settings(db, again.values())
        with db.read() as s:
            assert shop_repo.settings_dict(s)["smtp"] == smtp
        # A key that cannot sign is refused and the stored one stays.
        again.dkim.key.setPlainText("-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----")
        with pytest.raises(ValueError, match="cannot sign"):
            save_email_settings(db, again.values())
        assert get_secret(KEY_SECRET) == key.strip()
        # Emptying the server removes the mailbox.
        again.dkim.key.setPlainText("")
        again.bounces.host.setText("")
        save_email_settings(db, again.values())
        with db.read() as s:
            assert "bounces" not in shop_repo.settings_dict(s)["smtp"]
    finally:
        db.close()
