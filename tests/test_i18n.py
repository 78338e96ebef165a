"""The app in German, Russian and Spanish: complete translations, a window with no English left in
its menus, palette and inspector, switching language without losing work, and the template
gallery written for each language (same journeys, own words, Babel formats in the customer's
locale)."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QGroupBox, QLabel, QMenu, QPushButton

from app.i18n import LANGUAGES, current_language, install_translator, resolve_language, save_language
from engine.templates import build_variables, render
from resources.journeys import gallery, load_template
from widgets.commands import ChangeNode

pytest_plugins = ["app_testing"]

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
FOREIGN = ("de", "ru", "es")
TEXT_KEYS = ("name", "description", "label", "subject", "body", "text", "title")
# Words a language legitimately writes like English (names, codes, loanwords). Every translation
# that equals its source must be listed here, so an untranslated string cannot hide as "identical".
ALLOWED_IDENTICAL = {
    "common": {"SMS", "JSON", "ID", "#", "Journey Builder", "ISO 8601", "a, b, c", "{utc} UTC",
               "{app} · {when}", "{n} ▸ {ports}", "{n} ▸ {outcomes}", "{type} · id {id}", "SMS: {text}", "Push: {title}"},
    "de": {"Journey", "Journeys", "Push", "Status", "Name", "Name:", "Tags", "Details", "Region", "Start",
           "Text", "Link", "Segment", "Code", "Engagement", "Shop", "Simulator", "Problem", "S&hop",
           "Seed:", "{label} (optional)", "{km} km", "km", "Tests", "in", "Website", "Block {where}", "[Test]"},
    "ru": {"Email", "Push", "Email: {subject}"},
    "es": {"Email", "Push", "Email: {subject}", "Total", "Inspector", "Error", "lat", "lon", "km", "{km} km", "Conv.", "no",
           "{n} conv.", " emails", "1 error"},
}


def _messages(language: str) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message in the language's .ts file."""
    root = ET.parse(TRANSLATIONS / f"journey_builder_{language}.ts").getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            out.append((name, message.findtext("source") or "", translation.text or "", translation.get("type")))
    return out


def _translated_sources(language: str) -> set[str]:
    """English texts that have a translation different from themselves: seeing one on screen
    means the translation was not applied."""
    return {source for _, source, translation, _ in _messages(language) if translation != source}


# --- the .ts files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("language", FOREIGN)
def test_every_string_is_translated(language: str) -> None:
    messages = _messages(language)
    assert len(messages) > 800
    unfinished = [(c, s) for c, s, t, kind in messages if kind == "unfinished" or not t.strip()]
    assert unfinished == []
    assert (TRANSLATIONS / f"journey_builder_{language}.qm").stat().st_size > 10_000


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize("language", FOREIGN)
def test_translations_keep_placeholders_accelerators_and_edges(language: str) -> None:
    for context, source, translation, _ in _messages(language):
        where = f"{language} {context}: {source!r} -> {translation!r}"
        assert sorted(_PLACEHOLDER.findall(source.replace("{{", "").replace("}}", ""))) == \
            sorted(_PLACEHOLDER.findall(translation.replace("{{", "").replace("}}", ""))), where
        assert len(re.findall(r"&(?=\w)", source)) == len(re.findall(r"&(?=\w)", translation)), where
        assert source.startswith(" ") == translation.startswith(" "), where
        assert source.endswith(" ") == translation.endswith(" "), where


@pytest.mark.parametrize("language", FOREIGN)
def test_identical_translations_are_allowed_ones(language: str) -> None:
    allowed = ALLOWED_IDENTICAL["common"] | ALLOWED_IDENTICAL[language]
    identical = {s for _, s, t, _ in _messages(language) if s == t}
    assert identical - allowed == set()


def test_engine_words_are_marked_for_translation() -> None:
    """lupdate reads source code, so the engine's words must be listed in widgets.data_texts."""
    from engine.fields import FIELDS
    from engine.registry import REGISTRY
    from storage.import_formats import field_choices
    from widgets import data_texts

    for kind in REGISTRY:
        assert kind.display_name in data_texts.REGISTRY_TEXTS
        assert kind.help in data_texts.REGISTRY_TEXTS
        for field in kind.fields:
            assert (field.label or field.name) in data_texts.REGISTRY_TEXTS
            assert not field.help or field.help in data_texts.REGISTRY_TEXTS
    assert {spec.label for spec in FIELDS.values()} <= set(data_texts.FIELD_TEXTS)
    for kind in ("customers", "orders", "carts", "events"):
        assert {label for _, label in field_choices(kind)} <= set(data_texts.IMPORT_TEXTS)


# --- the window in each language -------------------------------------------------------------------

@pytest.fixture
def translated(qapp: QApplication) -> Iterator:
    """Installs a language for one test and always goes back to English afterwards."""
    def use(language: str) -> str:
        return install_translator(qapp, language)

    yield use
    install_translator(qapp, "en")


def _menu_texts(window) -> list[str]:
    texts: list[str] = []
    keep: list[QMenu] = []  # Python references: the wrappers of action.menu() die otherwise

    def walk(menu: QMenu) -> None:
        keep.append(menu)
        texts.append(menu.title())
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if sub is not None:
                walk(sub)
            else:
                texts.append(action.text())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return texts


def _palette_texts(window) -> list[str]:
    tree = window.palette.tree
    texts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    for item in window.palette.kind_items():
        texts.extend(item.text(0).split("\n"))
    return texts


def _inspector_texts(inspector) -> list[str]:
    texts = []
    page = inspector.pages.currentWidget()
    for cls in (QLabel, QCheckBox, QPushButton):
        texts.extend(w.text() for w in page.findChildren(cls))
    texts.extend(w.title() for w in page.findChildren(QGroupBox))
    return [t for t in texts if t]


def _untranslated(texts: list[str], language: str) -> list[str]:
    sources = _translated_sources(language)
    return sorted({t for t in texts if t in sources})


@pytest.mark.parametrize("language", FOREIGN)
def test_window_has_no_english_left(qtbot, controller, fast_timers, translated, language: str) -> None:
    from app.main_window import MainWindow

    assert translated(language) == language
    window = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    try:
        menus = _menu_texts(window)
        assert len(menus) > 40
        assert _untranslated(menus, language) == []
        palette = _palette_texts(window)
        assert len(palette) > 30
        assert _untranslated(palette, language) == []

        assert window.open_journey("Abandoned cart (advanced)")
        inspector = window.inspector
        inspector.show_node(None)  # the journey settings
        seen = _inspector_texts(inspector)
        assert _untranslated(seen, language) == []
        kinds_seen = set()
        for node in window.journey.nodes():
            if (node.type, node.kind) in kinds_seen:
                continue
            kinds_seen.add((node.type, node.kind))
            inspector.show_node(node.id)
            texts = _inspector_texts(inspector)
            assert _untranslated(texts, language) == [], node.id
            seen += texts
        assert len(kinds_seen) >= 4 and len(seen) > 40
    finally:
        window.close()


def test_palette_and_new_steps_use_the_registry_context(qtbot, controller, fast_timers, translated) -> None:
    from app.main_window import MainWindow

    translated("de")
    window = MainWindow(controller, persist_layout=False)
    qtbot.addWidget(window)
    names = [item.text(0).split("\n")[0] for item in window.palette.kind_items()]
    assert "Wenn ein Ereignis eintritt" in names and "Warten" in names
    assert window.open_journey("Welcome series")
    node_id = window.view.add_node("delay", "duration")
    assert window.journey.node(node_id).label == "Warten"  # a new step is named in the UI language
    window.close()


# --- choosing and switching the language -----------------------------------------------------------

def test_language_comes_from_settings_then_the_desktop(qapp, translated) -> None:
    assert resolve_language("ru") == "ru"
    assert resolve_language("xx") in LANGUAGES  # unknown: the saved one or the desktop's
    save_language("es")
    assert resolve_language(None) == "es"
    assert translated(None) == "es" and current_language() == "es"
    assert QApplication.translate("MainWindow", "&File") == "&Archivo"
    assert translated("en") == "en"
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_switching_language_rebuilds_the_window_and_keeps_the_journey(qtbot, controller, fast_timers,
                                                                      translated) -> None:
    from app.gui import WindowHost
    from app.i18n import saved_language

    translated("en")
    host = WindowHost(QApplication.instance(), controller, persist_layout=False)
    old = host.build()  # not given to qtbot: the switch deletes it
    old.show()
    assert old.open_journey("Welcome series")
    old.undo_stack.push(ChangeNode(old.journey, "mail-1", label="Edited before switching"))
    assert old.document.dirty  # not saved yet: the switch must save it
    language_menu = old.findChild(QMenu, "menu_language")
    assert [a.text() for a in language_menu.actions()] == ["English", "Deutsch", "Русский", "Español"]

    old.set_language("de")  # what the menu does; the switch itself waits for the event loop
    assert saved_language() == "de"
    qtbot.waitUntil(lambda: host.window is not old, timeout=5000)
    new = host.window
    qtbot.addWidget(new)
    assert new.document is not None and new.document.name == "Welcome series"
    assert new.journey.node("mail-1").label == "Edited before switching"
    assert new.findChild(QMenu, "menu_file").title() == "&Datei"
    checked = [a.text() for a in new.findChild(QMenu, "menu_language").actions() if a.isChecked()]
    assert checked == ["Deutsch"]
    assert not old.isVisible()
    new.close()


def test_language_option_on_the_command_line() -> None:
    from app.cli import build_parser

    assert build_parser().parse_args(["--language", "ru"]).language == "ru"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--language", "fr"])


# --- the template gallery in four languages --------------------------------------------------------

def _without_texts(data):
    """The journey with every text replaced by a marker: what must not change between languages."""
    data = copy.deepcopy(data)
    for key in ("name", "description"):
        data[key] = "·"
    for node in data["nodes"]:
        node["label"] = "·"
        for key in TEXT_KEYS:
            if isinstance(node["config"].get(key), str) and node["config"][key]:
                node["config"][key] = "·"
        # A designed email's blocks are its words: a language may need more or fewer paragraphs.
        if "blocks" in node["config"]:
            node["config"]["blocks"] = "·"
        if "variants" in node["config"]:
            node["config"]["variants"] = sorted(node["config"]["variants"])
    return data


@pytest.mark.parametrize("language", FOREIGN)
def test_gallery_in_each_language(language: str) -> None:
    english = gallery()
    local = gallery(language)
    assert [e.file_name for e in local] == [e.file_name for e in english]
    for en, tr in zip(english, local, strict=True):
        assert tr.language == language and tr.name != en.name
        tr.journey()  # validates
        en_data, tr_data = en.data(), tr.data()
        assert _without_texts(tr_data) == _without_texts(en_data), tr.file_name
        assert tr.articles == en.articles  # the provenance sentence is kept, in English
        en_nodes = {n["id"]: n for n in en_data["nodes"]}
        for node in tr_data["nodes"]:
            # Every file carries the same four variants, its own language's being its own content.
            variants = node["config"].get("variants")
            assert variants == en_nodes[node["id"]]["config"].get("variants"), (tr.file_name, node["id"])
            if variants is not None:
                assert {k: node["config"].get(k) for k in variants[language]} == variants[language]
            assert node["label"] != en_nodes[node["id"]]["label"] or node["label"].startswith(("Push", "E-Mail"))
            for key in ("subject", "body", "text", "title"):
                if node["config"].get(key):
                    assert node["config"][key] != en_nodes[node["id"]]["config"][key], (tr.file_name, node["id"])
    from app.controller import template_journey

    for entry in local:  # what the shop owner reads: no scenario number or seed files
        description = template_journey(entry).description
        assert "seeds/" not in description and not description.startswith("Scenario"), entry.file_name
    assert gallery("fr") == english  # a language without templates gets the English ones
    assert load_template("01-welcome-series.json", language)["name"] == local[0].name


def test_templates_are_written_not_machine_literal() -> None:
    """A few phrases a native writer uses; the English sign-off must not survive anywhere."""
    assert {"type": "code", "template": "Hallo{% if customer.first_name %} {{ customer.first_name }}{% endif %},"} in \
        load_template("03-abandoned-cart-simple.json", "de")["nodes"][2]["config"]["blocks"]
    assert "Вы ничего не забыли?" == load_template("03-abandoned-cart-simple.json", "ru")["nodes"][2]["config"]["subject"]
    assert "¿Se te ha olvidado algo?" == load_template("03-abandoned-cart-simple.json", "es")["nodes"][2]["config"]["subject"]
    for language in FOREIGN:
        for entry in gallery(language):
            data = entry.data()
            for node in data["nodes"]:  # every message carries an English variant, on purpose
                node["config"].get("variants", {}).pop("en", None)
            text = json.dumps(data, ensure_ascii=False)
            assert "See you soon" not in text and "Unsubscribe:" not in text, (language, entry.file_name)


def _variables(locale: str, entry: dict) -> dict:
    profile = {"customer": {"id": "c-1", "first_name": "Anna", "locale": locale, "timezone": "Europe/Berlin",
                            "consent": {"email": True}},
               "orders": [], "events": []}
    return build_variables(profile, entry=entry, now=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
                           discount={"code": "CART-7KQ2", "percent": 10, "expires_at": "2025-03-12T18:00:00Z"},
                           shop={"name": "Nordlicht", "currency": "EUR"}, unsubscribe_url="https://x.example/u")


def _node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def _email_text(config: dict, variables: dict) -> str:
    """A designed email's plain-text part, as it is sent."""
    from engine.email_render import Brand, render_blocks

    return render_blocks(config["blocks"], variables, Brand())[1]


def test_translated_templates_format_money_and_dates_in_the_customers_locale() -> None:
    entry = {"order_id": "A-1001", "total": 150, "currency": "EUR", "delivery_date": "2025-03-12"}
    de = load_template("02-after-purchase.json", "de")
    body = _email_text(_node(de, "mail-thanks")["config"], _variables("de_DE", entry))
    assert "Summe: 150,00\u00a0€" in body and "Hallo Anna," in body and "Ihr Nordlicht-Team" in body

    ru = load_template("02-after-purchase.json", "ru")
    subject = render(_node(ru, "mail-delivery")["config"]["subject"], _variables("ru_RU", entry))
    assert subject.startswith("Ваш заказ в пути: доставка 12 марта")

    es = load_template("03-abandoned-cart-simple.json", "es")
    body = _email_text(_node(es, "mail-2")["config"], _variables("es_ES", {"cart_value": 150}))
    assert "12 de marzo de 2025" in body and "150,00\u00a0€" in body and "¡Hola, Anna!" in body


def test_first_start_seeds_the_templates_in_the_ui_language(tmp_path: Path) -> None:
    from app.controller import ShopController

    controller = ShopController(tmp_path / "shop.sqlite")
    try:
        controller.first_start(5, now=datetime(2024, 6, 3, tzinfo=UTC), language="ru")
        names = sorted(s.name for s in controller.list_journeys())
        assert names == sorted(e.name for e in gallery("ru"))
    finally:
        controller.close()
