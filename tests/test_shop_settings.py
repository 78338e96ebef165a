"""The shop settings form: loads, validates, saves, and regenerates the discount secret."""

from __future__ import annotations

from app.shop_pages import load_settings, save_settings
from storage.database import open_database
from storage.shop_repo import get_settings
from widgets.shop_settings import ShopSettingsDialog


def test_settings_round_trip(qtbot, tmp_path):
    db = open_database(tmp_path / "shop.sqlite")
    values = load_settings(db)
    dialog = ShopSettingsDialog(values)
    qtbot.addWidget(dialog)
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Password and dialog.secret.text() == values["discount_secret"]
    dialog.name.setText("Nordlicht")
    dialog.timezone.setCurrentText("Europe/Hamburg")
    assert "time zone" in dialog.problem.text() and not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.timezone.setCurrentText("Europe/Berlin")
    dialog.sender_email.setText("hallo@nordlicht.example")
    dialog.lapsing_days.setValue(120)
    dialog.ratio.setValue(0.75)
    assert dialog.problems() == []
    dialog.regenerate_secret(confirm=False)
    new = dialog.values()
    assert new["lifecycle"]["lapsing_after"] == "P120D" and new["engagement"]["super_active_ratio"] == 0.75
    save_settings(db, new)
    with db.read() as s:
        row = get_settings(s)
        assert (row.name, row.timezone, row.sender_email) == ("Nordlicht", "Europe/Berlin", "hallo@nordlicht.example")
        assert row.lifecycle["lapsing_after"] == "P120D" and row.engagement["window"] == "P90D"
        assert row.discount_secret == dialog.new_secret != values["discount_secret"]
    db.close()


def test_bad_currency_and_email_block_saving(qtbot):
    dialog = ShopSettingsDialog({"currency": "EUR", "timezone": "UTC"})
    qtbot.addWidget(dialog)
    dialog.currency.setCurrentText("EURO")
    dialog.sender_email.setText("nope")
    assert len(dialog.problems()) == 2
    dialog._toggle_secret(True)
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Normal
