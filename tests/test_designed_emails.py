"""Designed emails: every gallery email, for a customer of each language, is clean HTML with
absolute links and the unsubscribe link in its footer, plus a text part with the same words;
and blocks, rich text, variants and validation behave as docs/email-designer.md says."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import html5lib
import pytest

from engine.channels.mime import html_to_text
from engine.email_blocks import check_blocks, default_blocks, text_body_to_blocks
from engine.email_render import Brand, brand_from_shop, render_blocks, skeleton_for
from engine.fileformat import journey_from_dict
from engine.rich_text import RichTextError, check_variable, parse
from engine.templates import TemplateRenderError, build_variables, render
from engine.validation import errors_of, validate
from engine.variants import choose, language_key
from resources.journeys import LANGUAGES, gallery

ROOT = Path(__file__).resolve().parents[1]
SHOP = {"name": "Nordlicht Outfitters", "address": "Große Elbstraße 145, 22767 Hamburg", "currency": "EUR",
        "website": "https://nordlicht.example", "timezone": "Europe/Berlin",
        "email_design": {"primary": "#8a3b12", "logo_url": "https://nordlicht.example/logo.png",
                         "social": {"instagram": "https://instagram.com/nordlicht"}}}
UNSUBSCRIBE = "https://nordlicht.example/u/c-1/email/abc"
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
ITEMS = [{"id": "p-1", "title": "Merino beanie", "price": 29.9, "quantity": 1,
          "image_url": "https://nordlicht.example/img/beanie.jpg", "url": "https://nordlicht.example/p/beanie"},
         {"name": "Wool socks", "price": "14.90", "qty": 3}]
ENTRY = {"type": "cart_abandoned", "at": "2026-03-10T08:00:00Z",
         "properties": {"items": ITEMS, "products": ITEMS, "cart_value": 74.6,
                        "cart_url": "https://nordlicht.example/cart/c-1", "order_id": "1042", "total": 74.6,
                        "due_date": "2026-03-15", "amount": 49.9, "payment_url": "https://nordlicht.example/pay/1",
                        "review_url": "https://nordlicht.example/review/1042"}}
DISCOUNT = {"code": "CART-7K2M9QXA", "percent": 10, "expires_at": "2026-03-13T10:00:00Z"}


def variables_for(language: str) -> dict:
    customer = {"id": "c-1", "email": "c-1@example.org", "first_name": "Anna", "locale": language,
                "timezone": "Europe/Berlin"}
    profile = {"customer": customer, "orders": [{"id": "o-1", "placed_at": "2026-01-02T10:00:00Z", "total": 80}]}
    return build_variables(profile, entry=ENTRY, now=NOW, discount=DISCOUNT, shop=SHOP, unsubscribe_url=UNSUBSCRIBE)


def _email_nodes():
    for folder in LANGUAGES:
        for entry in gallery(folder):
            for node in entry.data()["nodes"]:
                if node["config"].get("kind") == "email":
                    yield folder, entry.file_name, node


EMAILS = list(_email_nodes())


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}


def _strict_parse(markup: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(markup)  # raises ParseError on the first error


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_gallery_email_renders_clean_html_with_the_same_words_in_its_text_part(language):
    """The issue's bar: in every folder, every email, for a customer speaking `language`."""
    brand = brand_from_shop(SHOP)
    variables = variables_for(language)
    assert len(EMAILS) >= 4 * 30
    for folder, file_name, node in EMAILS:
        where = f"{folder}/{file_name} {node['id']} ({language})"
        chosen, config = choose(node["config"], language, "en")
        assert chosen == language, where
        assert config["format"] == "blocks", where
        markup, text = render_blocks(config["blocks"], variables, brand, language)
        tree = _strict_parse(markup)
        assert tree.get("lang") == language, where
        for element in tree.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None:
                    assert re.match(r"^(https?://[^\s]+|mailto:\S+)$", value), (where, attribute, value)
        unsubscribe = [a for a in tree.iter("a") if a.get("href") == UNSUBSCRIBE]
        marketing = config.get("purpose", "marketing") == "marketing"
        if marketing:
            assert len(unsubscribe) == 1, where
            footer = tree.find(".//*[@class='jb-footer']")
            assert footer is not None and unsubscribe[0] in list(footer.iter("a")), where
            assert UNSUBSCRIBE in text, where
        seen = _words(html_to_text(markup))
        carried = _words(text)
        assert seen <= carried, (where, sorted(seen - carried))
        links = _words(" ".join(a.get("href") or "" for a in tree.iter("a")))
        assert carried <= seen | links, (where, sorted(carried - seen - links))
        assert "Anna" in text, where


def test_the_product_list_reads_items_of_any_documented_shape_and_tolerates_missing_keys():
    blocks = [{"type": "products", "source": "entry.items", "empty_text": "Nothing here"}, {"type": "footer",
              "unsubscribe_label": "Unsubscribe"}]
    items = [{"title": "Beanie", "price": "29.90", "qty": "2", "image": "https://s.example/b.jpg",
              "link": "https://s.example/b"},
             {"name": "No price"}, {"price": 5}, "not an item", {"name": "Relative", "image_url": "/img/x.jpg",
                                                                "url": "javascript:alert(1)"}]
    variables = build_variables({"customer": {"locale": "en"}}, entry={"properties": {"items": items}}, now=NOW,
                                discount=None, shop={"website": "https://s.example", "currency": "USD"},
                                unsubscribe_url="https://s.example/u")
    markup, text = render_blocks(blocks, variables, Brand())
    assert "2 × Beanie: $59.80" in text and "https://s.example/b" in text
    assert 'src="https://s.example/b.jpg"' in markup and "/img/x.jpg" not in markup
    assert "javascript" not in markup and "No price" in text and "1 × : $5.00" in text
    assert "not an item" not in markup
    empty = build_variables({"customer": {}}, entry={"properties": {}}, now=NOW, discount=None, shop=None)
    assert "Nothing here" in render_blocks(blocks, empty, Brand())[1]


def test_rich_text_shows_variables_escapes_words_and_refuses_template_logic():
    blocks = [{"type": "text", "text": "Hi **{{ customer.first_name | default(\"there\") }}**, <b>not html</b> "
                                       "\\*literal\\* [shop]({{ shop.website }}) {{ '{{' }}"},
              {"type": "footer", "unsubscribe_label": "Bye"}]
    assert check_blocks(blocks)  # the last variable is an expression, not a name
    blocks[0]["text"] = blocks[0]["text"].replace(" {{ '{{' }}", " {% raw %}")
    assert any("code view" in p for p in check_blocks(blocks))
    blocks[0]["text"] = blocks[0]["text"].replace(" {% raw %}", " {#x")
    assert any("code view" in p for p in check_blocks(blocks))
    blocks[0]["text"] = blocks[0]["text"].replace(" {#x", " {% endraw %} {{ x")
    assert check_blocks(blocks)
    blocks[0]["text"] = blocks[0]["text"].replace(" {% endraw %} {{ x", " {#")
    blocks[0]["text"] = blocks[0]["text"].replace(" {#", "")
    assert check_blocks(blocks) == []
    variables = build_variables({"customer": {"first_name": "<Anna>"}}, entry=None, now=NOW, discount=None,
                                shop={"website": "https://s.example"}, unsubscribe_url="https://s.example/u")
    markup, text = render_blocks(blocks, variables, Brand())
    assert "<strong>&lt;Anna&gt;</strong>" in markup and "&lt;b&gt;not html&lt;/b&gt;" in markup
    assert "*literal*" in markup and '<a href="https://s.example"' in markup
    assert "Hi <Anna>, <b>not html</b> *literal* shop (https://s.example)" in text
    assert check_variable("customer.__class__") is not None
    assert check_variable("range(10)") is not None
    assert check_variable("customer.first_name | default('x') | upper") is None
    with pytest.raises(RichTextError, match="column 12"):
        parse("abc [link](/relative)")


def test_a_link_from_customer_data_that_is_not_absolute_falls_back_to_the_shop_website():
    blocks = [{"type": "button", "label": "Go", "url": "{{ entry.cart_url }}"}]
    for cart_url in ("javascript:alert(1)", "/cart", None):
        variables = build_variables({"customer": {}}, entry={"properties": {"cart_url": cart_url}}, now=NOW,
                                    discount=None, shop={"website": "https://s.example"})
        markup, text = render_blocks(blocks, variables, Brand())
        assert 'href="https://s.example"' in markup and "Go: https://s.example" in text


def test_the_skeleton_is_compiled_once_per_node_and_brand_and_an_edit_recompiles():
    blocks = default_blocks("de")
    first = skeleton_for(blocks, Brand(), "de")
    assert skeleton_for(blocks, Brand(), "de") is first
    assert skeleton_for(blocks, Brand(primary="#000000"), "de") is not first
    blocks[1]["text"] = "Neu"
    assert "Neu" in skeleton_for(blocks, Brand(), "de").html


def test_template_limits_apply_to_code_blocks():
    blocks = [{"type": "code", "template": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
                                         "{% endfor %}"}]
    with pytest.raises(TemplateRenderError):
        render_blocks(blocks, build_variables({"customer": {}}, entry=None, now=NOW, discount=None, shop=None),
                      Brand())
    blocks = [{"type": "code", "template": "{{ customer.__class__ }}"}]
    with pytest.raises(TemplateRenderError, match="not allowed"):
        render_blocks(blocks, build_variables({"customer": {}}, entry=None, now=NOW, discount=None, shop=None),
                      Brand())


def test_validate_names_the_node_and_the_block():
    data = _journey({"kind": "email", "subject": "Hi", "format": "blocks",
                     "blocks": [{"type": "header"}, {"type": "button", "label": "Go", "url": "/cart"},
                                {"type": "discount"}, {"type": "spinner"}]})
    journey = _read(data)
    messages = [str(p) for p in errors_of(validate(journey))]
    assert any(m.startswith("mail: config.blocks[1] (button).url: ") and "not absolute" in m for m in messages)
    assert any(m.startswith("mail: config.blocks[2] (discount): the message has no discount") for m in messages)
    assert any(m.startswith("mail: config.blocks[3]: unknown block type 'spinner'") for m in messages)
    assert any(m == "mail: config.blocks: a marketing email needs a footer block (it carries the unsubscribe link)"
               for m in messages)
    transactional = _journey({"kind": "email", "subject": "Hi", "format": "blocks", "purpose": "transactional",
                              "blocks": [{"type": "text", "text": "Paid"}]})
    assert errors_of(validate(_read(transactional))) == []
    no_body = _journey({"kind": "email", "subject": "Hi"})
    assert [str(p) for p in errors_of(validate(_read(no_body)))] == ["mail: config.body: missing"]
    no_blocks = _journey({"kind": "email", "subject": "Hi", "format": "blocks"})
    assert [str(p) for p in errors_of(validate(_read(no_blocks)))] == [
        "mail: config.blocks: missing (a designed email needs its blocks)"]
    bad_variant = _journey({"kind": "email", "subject": "Hi", "body": "Hi", "variants": {
        "german": {"subject": "Hallo"}, "de": {"subject": "{% if %}", "blocks": []}}})
    messages = [str(p) for p in errors_of(validate(_read(bad_variant)))]
    assert any(m.startswith("mail: config.variants.german: not a language code") for m in messages)
    assert any(m.startswith("mail: config.variants.de.subject: template syntax error") for m in messages)


def _journey(email: dict) -> dict:
    return {"format": "journey-builder/1", "name": "j", "nodes": [
        {"id": "start", "type": "trigger", "config": {"kind": "event", "event": "signup"}},
        {"id": "mail", "type": "message", "config": email}],
        "edges": [{"source": "start", "target": "mail", "port": "out"}]}


def _read(data: dict):
    from engine.fileformat import read_journey

    journey, problems = read_journey(data)
    assert problems == []
    return journey


def test_old_text_journeys_export_byte_identically(tmp_path):
    """A journey without blocks or variants loads and exports exactly as before."""
    from engine.fileformat import journey_to_dict

    source = ROOT / "docs" / "examples"
    files = sorted(source.glob("*.json"))
    assert files
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if "nodes" not in data or "broken" in path.name:
            continue
        data.pop("tests", None)  # journey tests travel beside the journey, not in it
        again = journey_to_dict(journey_from_dict(data, str(path)))
        assert json.dumps(again, sort_keys=True) == json.dumps(data, sort_keys=True), path.name


def test_a_text_body_converts_to_blocks_that_say_the_same():
    body = ('Hi {{ customer.first_name | default("there") }},\n\nYour cart:\n\n{% for p in entry.products %}- '
            "{{ p.name }}\n{% else %}- the products you picked\n{% endfor %}\nSee you,\nThe team\n\n--\n"
            "{% if shop.name %}{{ shop.name }}\n{% endif %}You get this because you signed up. "
            "Unsubscribe: {{ unsubscribe_url }}")
    blocks = text_body_to_blocks(body)
    assert [b["type"] for b in blocks] == ["header", "text", "products", "text", "footer"]
    assert blocks[2] == {"type": "products", "source": "entry.products", "empty_text": "the products you picked"}
    assert blocks[4]["text"] == "You get this because you signed up." and blocks[4]["unsubscribe_label"] == "Unsubscribe"
    assert check_blocks(blocks) == []
    variables = variables_for("en")
    text = render_blocks(blocks, variables, Brand())[1]
    assert "Hi Anna,\n\nYour cart:" in text and "- 1 × Merino beanie" in text and UNSUBSCRIBE in text
    assert render("{{ x }}", {"x": 1}) == "1"


def test_variants_pick_the_customers_language_then_the_shops_fallback_then_the_base():
    config = {"subject": "Hello", "variants": {"de": {"subject": "Hallo"}, "pt_BR": {"subject": "Olá"},
                                               "es": {"subject": "Hola"}}}
    assert choose(config, "de-AT", "es") == ("de", {**config, "subject": "Hallo"})
    assert choose(config, "pt-br", None)[0] == "pt_BR"
    assert choose(config, "fr", "es")[0] == "es"
    assert choose(config, "fr", "it") == (None, config)
    assert choose({"subject": "x"}, "de", "en") == (None, {"subject": "x"})
    assert language_key("DE_at") == "de_AT" and language_key("") is None


def test_simulate_shows_the_chosen_variant_and_sends_html_with_a_text_part(tmp_path):
    """Through the command line, as a user runs it."""
    data = json.loads((ROOT / "resources" / "journeys" / "03-abandoned-cart-simple.json").read_text())
    journey_file = tmp_path / "cart.json"
    journey_file.write_text(json.dumps(data))
    profile = {"customer": {"id": "c-1", "email": "c@example.org", "first_name": "Jonas", "locale": "de",
                            "timezone": "Europe/Berlin", "consent": {"email": True}},
               "events": [{"type": "cart_abandoned", "at": "2026-03-02T10:00:00Z",
                           "properties": {"products": ITEMS, "cart_url": "https://s.example/c"}}]}
    profile_file = tmp_path / "anna.json"
    profile_file.write_text(json.dumps(profile))
    out = subprocess.run([sys.executable, "-m", "app.cli", "simulate", str(journey_file), "--customer",
                          str(profile_file), "--start", "2026-03-01T00:00:00Z", "--until", "P10D",
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT, check=True)
    steps = json.loads(out.stdout)["steps"]
    sent = [s for s in steps if s["event"] == "sent"]
    assert sent and all(s["language"] == "de" for s in sent)
    first = sent[0]
    assert first["body"].startswith("<!doctype html>") and 'lang="de"' in first["body"]
    assert "Hallo Jonas" in first["text"] and "Merino beanie" in first["text"]
    plain = json.loads(json.dumps([s for s in steps if s["type"] != "message"]))
    assert all("language" not in s for s in plain)


def test_the_sending_session_mails_the_designed_html_with_its_text_part_in_the_customers_language(tmp_path):
    """The live path: a designed email with a German variant, queued and delivered by a session,
    built into multipart/alternative by the channel's MIME code."""
    sys.path.insert(0, str(ROOT / "tests"))
    from session_helpers import RecordingChannel, journey_data, make_db, set_published_at, store_journey

    from app.session import FakeClock, SendingSession
    from app.session.outbox import ChannelSet
    from engine.channels.mime import build_email
    from storage.history_repo import add_event

    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    blocks = [{"type": "header"}, {"type": "text", "text": "Hello {{ customer.first_name }}!"},
              {"type": "footer", "unsubscribe_label": "Unsubscribe"}]
    german = [{"type": "header"}, {"type": "text", "text": "Hallo **{{ customer.first_name }}**!"},
              {"type": "products", "source": "entry.items"},
              {"type": "footer", "unsubscribe_label": "Abmelden"}]
    data = journey_data("Designed", [
        ("start", "trigger", {"kind": "event", "event": "signup"}),
        ("mail-1", "message", {"kind": "email", "subject": "Welcome", "format": "blocks", "blocks": blocks,
                               "variants": {"de": {"subject": "Willkommen", "blocks": german}}})],
        [("start", "out", "mail-1")])
    db = make_db(tmp_path / "shop.sqlite", customers=1, locale="de")
    store_journey(db, data)
    set_published_at(db, now)
    channel = RecordingChannel()
    session = SendingSession(db, ChannelSet({"email": channel}), clock=FakeClock(now))
    session.start()
    try:
        with db.transaction() as s:
            add_event(s, "c1", "signup", now, {"items": [{"title": "Mütze", "price": 19.9, "quantity": 2}]})
        session.poll()
    finally:
        session.close()
    (message,) = channel.sent
    assert message.subject == "Willkommen" and message.html and message.text
    assert "<strong>Anna1</strong>" in message.html and 'lang="de"' in message.html
    assert "Hallo Anna1!" in message.text and "2 × Mütze: 39,80" in message.text
    assert f"Abmelden: {message.unsubscribe_url}" in message.text
    assert f'href="{html.escape(message.unsubscribe_url)}"' in message.html
    email = build_email(message, "shop@example.org")
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in email.walk()
             if not part.is_multipart()}
    assert parts["text/plain"].replace("\r\n", "\n").strip() == message.text.strip()
    assert parts["text/html"].startswith("<!doctype html>")


# MJML's resets for particular clients, the only rules a designed email keeps outside media queries.
_MJML_RESETS = {"#outlook a", "body", "table", "td", "img", "p", ".mj-outlook-group-fix",
                ".moz-text-html .mj-column-per-100"}


def _rules_outside_media(css: str) -> list[str]:
    """The selectors of the rules not inside an @media block."""
    selectors, depth, start, in_media = [], 0, 0, False
    for i, char in enumerate(css):
        if char == "{":
            if depth == 0:
                head = css[start:i].strip()
                in_media = head.startswith("@media")
                if not in_media:
                    selectors.extend(s.strip() for s in head.split(","))
            depth += 1
            start = i + 1
        elif char == "}":
            depth -= 1
            start = i + 1
    return selectors


def test_a_designed_email_styles_inline_and_keeps_only_resets_and_media_queries_in_style_blocks():
    """Issue 16's 'CSS inlined': what the email looks like is in style attributes, so a client
    that drops <style> (Gmail's older apps, many webmails) still shows its colours and layout."""
    brand = brand_from_shop(SHOP)
    variables = variables_for("en")
    for folder, file_name, node in EMAILS:
        if folder != "en":
            continue
        markup, _text = render_blocks(node["config"]["blocks"], variables, brand, "en")
        sheets = re.findall(r"<style[^>]*>(.*?)</style>", markup, re.S)
        outside = {s for sheet in sheets for s in _rules_outside_media(sheet)}
        assert outside <= _MJML_RESETS, (file_name, node["id"], sorted(outside - _MJML_RESETS))
        assert "jb-" not in "".join(s for s in outside), (file_name, node["id"])
        tree = _strict_parse(markup)
        text = next(e for e in tree.iter() if "jb-text" in (e.get("class") or ""))
        assert "font-family" in "".join((e.get("style") or "") for e in text.iter()), (file_name, node["id"])
        if any(block["type"] == "button" for block in node["config"]["blocks"]):
            styles = "".join((e.get("style") or "").replace(" ", "").lower() for e in tree.iter())
            assert f"background:{brand.primary}" in styles, (file_name, node["id"])


def test_the_validate_command_names_the_node_the_block_and_the_variant(tmp_path):
    """`journey-builder validate` on a designed email with faults, as a shop owner runs it."""
    data = _journey({"kind": "email", "subject": "Hi", "format": "blocks",
                     "blocks": [{"type": "header"}, {"type": "image", "src": "logo.png"}],
                     "variants": {"de": {"subject": "Hallo", "blocks": [
                         {"type": "text", "text": "Hallo {% if customer.first_name %}du{% endif %}"},
                         {"type": "footer", "unsubscribe_label": "Abmelden"}]}}})
    path = tmp_path / "designed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "app.cli", "validate", str(path)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("mail: config.blocks[1] (image).src: ") for line in lines), lines
    assert "mail: config.blocks: a marketing email needs a footer block (it carries the unsubscribe link)" in lines
    assert any(line.startswith("mail: config.variants.de.blocks[0] (text).text: ") for line in lines), lines
    assert "Traceback" not in result.stderr
