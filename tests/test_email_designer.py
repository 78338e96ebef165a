"""The email designer as a shop owner uses it: from the inspector, through the undo stack, with
the real-HTML preview in QtWebEngine; and the shop's email design settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox

from engine.fileformat import load_journey
from engine.model import Journey
from engine.templates import check_template
from widgets.email_designer.designer import EmailDesigner
from widgets.email_designer.fields import BlocksEditor, VariantsEditor
from widgets.email_preview import PHONE_WIDTH, EmailPreview, preview_markup
from widgets.inspector import Inspector
from widgets.inspector.editors import ChoiceEditor

ROOT = Path(__file__).resolve().parents[1]


def email_journey() -> Journey:
    journey = load_journey(ROOT / "docs" / "examples" / "welcome.json")
    return journey


@pytest.fixture
def setup(qtbot):
    stack = QUndoStack()
    inspector = Inspector(stack)
    qtbot.addWidget(inspector)
    inspector.resize(460, 900)
    inspector.show()
    journey = email_journey()
    inspector.set_journey(journey)
    node = next(n for n in journey.nodes() if n.config.get("kind") == "email")
    inspector.show_node(node.id)
    return inspector, stack, journey, node.id


def editor(inspector: Inspector, name: str):
    return inspector.node_form.editors[name][1]


def test_designing_an_email_from_its_text_body_every_edit_one_undo_step(qtbot, setup):
    inspector, stack, journey, node_id = setup
    body = journey.node(node_id).config["body"]
    fmt = editor(inspector, "format")
    assert isinstance(fmt, ChoiceEditor)
    blocks_editor = editor(inspector, "blocks")
    assert isinstance(blocks_editor, BlocksEditor) and blocks_editor.isHidden()
    before = stack.count()
    fmt.combo.setCurrentIndex(fmt.combo.findData("blocks"))
    assert stack.count() == before + 1
    config = journey.node(node_id).config
    assert config["format"] == "blocks" and config["body"] == body  # the text stays, for going back
    assert [b["type"] for b in config["blocks"]][0] == "header" and config["blocks"][-1]["type"] == "footer"
    assert not blocks_editor.isHidden() and editor(inspector, "body").isHidden()

    window = blocks_editor.open_designer()
    designer = window.designer
    assert isinstance(designer, EmailDesigner)
    count = len(config["blocks"])
    designer.list.setCurrentRow(0)
    designer.add_block("button")
    assert stack.count() == before + 2
    config = journey.node(node_id).config
    assert len(config["blocks"]) == count + 1 and config["blocks"][1]["type"] == "button"

    # Typing into a text block is one undo step, however many keys.
    text_row = next(i for i, b in enumerate(config["blocks"]) if b["type"] == "text")
    designer.list.setCurrentRow(text_row)
    rich = designer.form.widgets["text"]
    rich.edit.setFocus()
    rich.edit.moveCursor(rich.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(rich.edit, " Bis bald")
    assert stack.count() == before + 3
    rich.insert_variable("customer.first_name")
    assert stack.count() == before + 3  # still typing into the same field
    text = journey.node(node_id).config["blocks"][text_row]["text"]
    assert text.endswith(" Bis bald{{ customer.first_name }}")

    # Reordering by dragging: Qt's drop moves the list's row (offscreen Qt has no drag session to
    # drive, so the test makes the same model move); the journey gets one command.
    assert designer.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert stack.count() == before + 4
    assert journey.node(node_id).config["blocks"][0]["type"] == "button"

    # Undo walks back through the designer's edits, and the designer follows.
    stack.undo()
    assert journey.node(node_id).config["blocks"][1]["type"] == "button"
    assert designer.blocks == journey.node(node_id).config["blocks"]
    stack.undo()
    assert "Bis bald" not in journey.node(node_id).config["blocks"][text_row]["text"]
    stack.undo()
    stack.undo()
    assert journey.node(node_id).config.get("format", "text") == "text" and "blocks" not in journey.node(node_id).config


def test_the_preview_is_the_real_html_in_a_browser_engine_at_phone_width_and_in_dark(qtbot, setup):
    inspector, stack, journey, node_id = setup
    fmt = editor(inspector, "format")
    fmt.combo.setCurrentIndex(fmt.combo.findData("blocks"))
    designer = editor(inspector, "blocks").open_designer().designer
    preview = designer.preview
    assert isinstance(preview, EmailPreview) and preview.view is not None
    with qtbot.waitSignal(preview.view.loaded, timeout=30000) as loaded:
        preview.flush()
    assert loaded.args == [True]
    assert "<!doctype html>" in preview.view.markup and "Good to have you with us." in preview.view.markup
    assert preview.view.layout_width > PHONE_WIDTH
    with qtbot.waitSignal(preview.view.loaded, timeout=30000):
        preview.buttons["phone"].click()
        preview.buttons["dark"].click()
        preview.flush()
    assert preview.view.layout_width == PHONE_WIDTH and "@media all" in preview.view.markup
    assert "prefers-color-scheme" not in preview.view.markup
    assert designer.text_part.toPlainText().startswith("Nordlicht Outfitters")
    # Remote pictures never load in the preview.
    assert "https://nordlicht" not in "".join(preview_markup('<img src="https://nordlicht.example/a.png">', dark=False))


def test_the_code_view_hands_the_template_over_to_the_text_editor(qtbot, setup):
    inspector, stack, journey, node_id = setup
    fmt = editor(inspector, "format")
    fmt.combo.setCurrentIndex(fmt.combo.findData("blocks"))
    designer = editor(inspector, "blocks").open_designer().designer
    template = designer.code.toPlainText()
    assert "{{" in template and check_template(template) is None
    qtbot.mouseClick(designer.take_over, Qt.MouseButton.LeftButton)
    config = journey.node(node_id).config
    assert config["format"] == "html" and config["body"] == template and "blocks" not in config
    assert not editor(inspector, "body").isHidden()


def test_language_variants_edit_their_own_content(qtbot, setup):
    inspector, stack, journey, node_id = setup
    variants = editor(inspector, "variants")
    assert isinstance(variants, VariantsEditor)
    subject = journey.node(node_id).config["subject"]
    before = stack.count()
    variants.add_language("es")
    assert stack.count() == before + 1
    config = journey.node(node_id).config
    assert config["variants"]["es"]["subject"] == subject
    assert variants.current() == "es" and inspector.node_form.language == "es"
    subject_editor = editor(inspector, "subject")
    subject_editor.edit.setText("¡Hola!")
    config = journey.node(node_id).config
    assert config["variants"]["es"]["subject"] == "¡Hola!" and config["subject"] == subject
    variants.combo.setCurrentIndex(0)
    assert subject_editor.text() == subject
    variants.combo.setCurrentIndex(variants.combo.findData("es"))
    variants.remove_current()
    assert "variants" not in journey.node(node_id).config


def test_shop_settings_keep_the_email_design(qtbot):
    from widgets.shop_settings import ShopSettingsDialog

    dialog = ShopSettingsDialog({"name": "Nordlicht", "currency": "EUR", "timezone": "Europe/Berlin",
                                 "email_design": {"primary": "#112233"}, "website": "https://n.example",
                                 "fallback_language": "de", "languages": ["fr"]})
    qtbot.addWidget(dialog)
    group = dialog.email_design
    assert group.colours["primary"].text() == "#112233" and group.fallback.currentText() == "de"
    group.logo.setText("not a url")
    assert any("logo" in p for p in dialog.problems())
    group.logo.setText("https://n.example/logo.png")
    group.social["instagram"].setText("https://instagram.com/n")
    group.languages.setText("fr, pt_BR")
    assert dialog.problems() == []
    values = dialog.values()
    assert values["email_design"]["logo_url"] == "https://n.example/logo.png"
    assert values["email_design"]["social"] == {"instagram": "https://instagram.com/n"}
    assert values["languages"] == ["fr", "pt_BR"] and values["website"] == "https://n.example"


def test_email_design_settings_are_stored_checked(tmp_path):
    from storage.database import open_database
    from storage.shop_repo import settings_dict, update_settings

    db = open_database(tmp_path / "shop.db")
    with db.transaction() as session:
        update_settings(session, website="https://n.example", fallback_language="de", languages=["fr"],
                        email_design={"primary": "#AABBCC", "logo_url": "https://n.example/l.png",
                                      "social": {"x": "https://x.com/n"}})
    with db.read() as session:
        values = settings_dict(session)
    assert values["email_design"] == {"primary": "#aabbcc", "logo_url": "https://n.example/l.png",
                                      "social": {"x": "https://x.com/n"}}
    assert values["fallback_language"] == "de" and values["languages"] == ["fr"]
    for bad in ({"email_design": {"primary": "red"}}, {"email_design": {"logo_url": "/logo.png"}},
                {"fallback_language": "German"}, {"website": "shop.example"}):
        with db.transaction() as session, pytest.raises(ValueError):
            update_settings(session, **bad)


def test_the_choice_editor_names_the_designed_format(qtbot, setup):
    inspector, *_ = setup
    combo = editor(inspector, "format").findChild(QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["text", "html", "blocks"]


def test_the_block_list_names_variables_as_their_chips_do(qtbot):
    from widgets.email_designer.designer import block_summary
    from widgets.email_designer.rich_edit import chip_label

    text = {"type": "text", "text": 'Bis **bald**!\nIhr {{ shop.name | default("Shop") }}-Team, {{ entry.cart_url }}'}
    assert block_summary(text) == "Bis bald! Ihr [Shop name]-Team, [Cart link]"
    assert chip_label('customer.first_name | default("there")') == "First name, or “there”"
    assert chip_label("customer.properties.size") == "customer.properties.size"


def test_a_marketing_email_keeps_its_footer_a_transactional_one_may_drop_it(qtbot, setup):
    inspector, stack, journey, node_id = setup
    fmt = editor(inspector, "format")
    fmt.combo.setCurrentIndex(fmt.combo.findData("blocks"))
    designer = editor(inspector, "blocks").open_designer().designer
    footer = next(i for i, b in enumerate(designer.blocks) if b["type"] == "footer")
    designer.list.setCurrentRow(footer)
    assert not designer.remove.isEnabled() and "unsubscribe" in designer.remove.toolTip()
    before = stack.count()
    designer.remove_block(footer)
    assert stack.count() == before and journey.node(node_id).config["blocks"][footer]["type"] == "footer"

    purpose = editor(inspector, "purpose")
    purpose.combo.setCurrentIndex(purpose.combo.findData("transactional"))
    assert journey.node(node_id).config["purpose"] == "transactional"
    designer.list.setCurrentRow(0)
    designer.list.setCurrentRow(footer)
    assert designer.remove.isEnabled()
    qtbot.mouseClick(designer.remove, Qt.MouseButton.LeftButton)
    assert all(b["type"] != "footer" for b in journey.node(node_id).config["blocks"])
