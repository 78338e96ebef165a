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


def test_sending_settings_round_trip_and_reach_the_session_options(qtbot, tmp_path):
    from storage.run_options import shop_run_options
    from storage.shop_repo import settings_dict

    db = open_database(tmp_path / "shop.sqlite")
    values = load_settings(db)
    dialog = ShopSettingsDialog(values)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 640)
    dialog.show()
    assert dialog.token.text() == values["api_token"] and len(values["api_token"]) >= 32
    dialog.public_url.setText("not a web address")
    assert "public address" in dialog.problem.text()
    dialog.public_url.setText("https://shop.example/journeys/")
    dialog.http_port.setValue(9911)
    dialog.email_per_day.setValue(1)
    dialog.email_per_week.setValue(3)
    dialog.uncertain.setCurrentIndex(dialog.uncertain.findData("resend"))
    assert dialog.resend_after.isEnabled()
    dialog.resend_after.setValue(45)
    assert dialog.problems() == []
    save_settings(db, dialog.values())
    with db.read() as s:
        delivery = settings_dict(s)["delivery"]
        options = shop_run_options(s)
    assert delivery == {"uncertain": "resend", "resend_after_minutes": 45, "public_url": "https://shop.example/journeys",
                        "http_port": 9911, "caps": {"email": [{"max": 1, "per": "P1D"}, {"max": 3, "per": "P7D"}]}}
    assert options.unsubscribe_url("c-1", "email").startswith("https://shop.example/journeys/unsubscribe?c=c-1")
    assert [limit for limit, _ in options.shop_caps["email"]] == [1, 3]
    again = ShopSettingsDialog(load_settings(db))
    qtbot.addWidget(again)
    assert (again.public_url.text(), again.http_port.value(), again.email_per_week.value()) == (
        "https://shop.example/journeys", 9911, 3)
    db.close()


def test_the_attribution_window_is_one_or_five_days_and_reaches_the_report(qtbot, tmp_path):
    from storage.attribution_repo import attribution_window

    db = open_database(tmp_path / "shop.sqlite")
    values = load_settings(db)
    assert values["attribution_window"] == "P1D"
    dialog = ShopSettingsDialog(values)
    qtbot.addWidget(dialog)
    assert [dialog.attribution_window.itemData(i) for i in range(dialog.attribution_window.count())] == ["P1D", "P5D"]
    dialog.attribution_window.setCurrentIndex(1)
    save_settings(db, dialog.values())
    with db.read() as s:
        assert attribution_window(s) == "P5D"
    try:
        save_settings(db, {"attribution_window": "P1M"})
    except ValueError as exc:
        assert "attribution_window: 'P1M' uses months or years" in str(exc)
    else:
        raise AssertionError("a window in months was stored")
    db.close()
