"""The blocks of a designed email, as a journey file stores them, and their checks.

An email node with `"format": "blocks"` keeps its body as `"blocks": [...]`, a list of objects
with a `type` and that type's fields (docs/email-designer.md has the table). Blocks are data,
not template source, so the designer can show and edit them, the validator can name the block
that is wrong, and `engine.email_render` can turn them into MJML and then responsive HTML.

Public API: `BLOCK_TYPES`, `check_blocks`, `default_blocks`, `text_body_to_blocks`, `ITEM_KEYS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from engine import rich_text

__all__ = ["BLOCK_TYPES", "ITEM_KEYS", "MAX_BLOCKS", "SOCIAL_NETWORKS", "check_blocks", "default_blocks",
           "has_unsubscribe_footer", "text_body_to_blocks"]

MAX_BLOCKS = 60
MAX_PRODUCTS = 20

# type -> {field: kind}; kind is "rich" (rich text), "line" (one line of rich text), "url" (an
# address), "text" (plain words), "source" (a list variable), "int", "choice:a|b".
BLOCK_TYPES: dict[str, dict[str, str]] = {
    "header": {"title": "line"},
    "heading": {"text": "line", "level": "choice:1|2"},
    "text": {"text": "rich", "align": "choice:left|center"},
    "image": {"src": "url", "alt": "text", "href": "url", "width": "int"},
    "button": {"label": "line", "url": "url", "align": "choice:left|center"},
    "divider": {},
    "products": {"source": "source", "empty_text": "line", "limit": "int"},
    "discount": {"text": "rich", "expires_text": "line"},
    "social": {},
    "footer": {"text": "rich", "unsubscribe_label": "line"},
    # For experts, and for what blocks cannot say (an `{% if %}` over the customer's data): a
    # template in the sandbox, written as plain text; its output becomes paragraphs.
    "code": {"template": "template"},
}
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "heading": ("text",), "text": ("text",), "image": ("src",), "button": ("label", "url"),
    "footer": ("unsubscribe_label",), "code": ("template",),
}
SOCIAL_NETWORKS = ("facebook", "instagram", "x", "tiktok", "youtube", "pinterest", "linkedin")

# What a product list reads from each item of its list, first key found wins; the same shape
# the shop imports and connectors write into cart and order events (docs/email-designer.md).
ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name", "title", "product_name"),
    "price": ("price", "unit_price", "amount"),
    "quantity": ("quantity", "qty"),
    "image_url": ("image_url", "image", "img"),
    "url": ("url", "link", "product_url"),
    "currency": ("currency",),
}

_SOURCE_PATH = r"(?:(?:entry|orders\.last|customer\.properties)(?:\.[A-Za-z_][A-Za-z0-9_]*)+|entry)"
# A list, or the first of several that is not empty ("entry.items or entry.products": carts from
# different shop platforms name their items differently).
_SOURCE_RE = re.compile(rf"^{_SOURCE_PATH}(?: or {_SOURCE_PATH})*$")


def check_blocks(blocks: Any, *, purpose: str = "marketing", has_discount: bool = False) -> list[str]:
    """Every problem of a block list, each naming the block as `blocks[3] (button)`."""
    if not isinstance(blocks, list):
        return ["must be a list of blocks"]
    if not blocks:
        return ["the email has no blocks"]
    if len(blocks) > MAX_BLOCKS:
        return [f"{len(blocks)} blocks (at most {MAX_BLOCKS})"]
    problems: list[str] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Mapping):
            problems.append(f"[{index}]: must be an object with a 'type'")
            continue
        kind = block.get("type")
        if not isinstance(kind, str) or kind not in BLOCK_TYPES:
            problems.append(f"[{index}]: unknown block type {str(kind)[:30]!r} "
                            f"(one of {', '.join(BLOCK_TYPES)})")
            continue
        where = f"[{index}] ({kind})"
        fields = BLOCK_TYPES[kind]
        for name in block:
            if name != "type" and name not in fields:
                problems.append(f"{where}: unknown field '{name}'")
        for name in REQUIRED_FIELDS.get(kind, ()):
            value = block.get(name)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}.{name}: missing")
        for name, field_kind in fields.items():
            if name in block and block[name] is not None:
                _check_field(block[name], field_kind, f"{where}.{name}", problems.append)
        if kind == "discount" and not has_discount:
            problems.append(f"{where}: the message has no discount, so there is no code to show "
                            "(add a discount to the message)")
    if purpose != "transactional" and not has_unsubscribe_footer(blocks):
        problems.append(": a marketing email needs a footer block (it carries the unsubscribe link)")
    return problems


def has_unsubscribe_footer(blocks: Any) -> bool:
    return isinstance(blocks, list) and any(isinstance(b, Mapping) and b.get("type") == "footer" for b in blocks)


def _check_field(value: Any, kind: str, where: str, bad: Callable[[str], None]) -> None:
    if kind in ("rich", "line", "text", "url", "source", "template") and not isinstance(value, str):
        bad(f"{where}: must be text")
        return
    if kind == "rich" or kind == "line":
        problem = rich_text.check(value)
        if problem:
            bad(f"{where}: {problem}")
        elif kind == "line" and "\n" in value.strip():
            bad(f"{where}: must be one line")
    elif kind == "url":
        problem = rich_text.check_url(value)
        if problem:
            bad(f"{where}: {problem}")
    elif kind == "template":
        from engine.templates import check_template

        problem = check_template(value)
        if problem:
            bad(f"{where}: {problem}")
    elif kind == "source":
        if not _SOURCE_RE.match(value):
            bad(f"{where}: {value[:40]!r} is not a list of products (like entry.items, entry.products or "
                "orders.last.items)")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 600:
            bad(f"{where}: must be a whole number from 1 to 600")
    elif kind.startswith("choice:"):
        choices = kind.split(":", 1)[1].split("|")
        if value not in choices and not (isinstance(value, int) and str(value) in choices):
            bad(f"{where}: {str(value)[:20]!r} is not one of {', '.join(choices)}")


# -- starting points ----------------------------------------------------------------------------
_UNSUBSCRIBE = {"en": "Unsubscribe", "de": "Abmelden", "ru": "Отписаться", "es": "Darse de baja"}
_FOOTER = {
    "en": "You get this email because you have an account with us.",
    "de": "Du erhältst diese E-Mail, weil du ein Kundenkonto bei uns hast.",
    "ru": "Вы получили это письмо, потому что у вас есть аккаунт в нашем магазине.",
    "es": "Recibes este correo porque tienes una cuenta con nosotros.",
}
_HELLO = {
    "en": 'Hello {{ customer.first_name | default("there") }},',
    "de": 'Hallo {{ customer.first_name | default("du") }},',
    "ru": 'Здравствуйте, {{ customer.first_name | default("дорогой клиент") }}!',
    "es": 'Hola, {{ customer.first_name | default("") }}:',
}
_VISIT = {"en": "Visit the shop", "de": "Zum Shop", "ru": "В магазин", "es": "Ir a la tienda"}


def unsubscribe_label(language: str) -> str:
    return _UNSUBSCRIBE.get(language[:2], _UNSUBSCRIBE["en"])


def footer_text(language: str) -> str:
    return _FOOTER.get(language[:2], _FOOTER["en"])


def default_blocks(language: str = "en") -> list[dict[str, Any]]:
    """What a new designed email starts with: the shop's header, a greeting, a button, the footer."""
    lang = language[:2] if language[:2] in _HELLO else "en"
    return [
        {"type": "header"},
        {"type": "text", "text": _HELLO[lang] + "\n\n"},
        {"type": "button", "label": _VISIT[lang], "url": "{{ shop.website }}"},
        {"type": "footer", "text": _FOOTER[lang], "unsubscribe_label": _UNSUBSCRIBE[lang]},
    ]


_FOOTER_SPLIT = re.compile(r"\n\n--\n")
_PRODUCT_LOOP = re.compile(r"\{% for (\w+) in (entry\.\w+) %\}.*?\{% endfor %\}\n?", re.S)
_LOOP_ELSE = re.compile(r"\{% else %\}- ?(.*?)\n?\{% endfor %\}", re.S)
_DISCOUNT_LINES = re.compile(r"^(?P<label>[^\n{]*?):? ?\{\{ discount\.code \}\}\n(?P<expires>[^\n]*\{\{ discount\.expires_at[^\n]*)$")
_BACK_TO_CART = {"en": "Back to your cart", "de": "Zurück zum Warenkorb", "ru": "Вернуться в корзину",
                 "es": "Volver a tu carrito"}


def _paragraph_block(paragraph: str) -> dict[str, Any]:
    """A paragraph as a text block when it only substitutes values, else as a code block."""
    if "{%" not in paragraph and "{#" not in paragraph:
        markup = rich_text.from_plain_text(paragraph)
        if rich_text.check(markup) is None:
            return {"type": "text", "text": markup}
    return {"type": "code", "template": paragraph}


def _whole_paragraphs(text: str) -> list[str]:
    """Paragraphs, keeping an `{% if %}` … `{% endif %}` that spans blank lines in one piece."""
    from engine.templates import check_template

    out: list[str] = []
    pending = ""
    for match in re.finditer(r"(.*?)(\n[ \t]*\n+|$)", text, re.S):
        if not match.group(0):
            break
        pending += match.group(0)
        if pending.strip() and (check_template(pending) is None or not match.group(2)):
            out.append(pending.strip("\n"))
            pending = ""
    if pending.strip():
        out.append(pending.strip("\n"))
    return out


def _merge_texts(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Neighbouring text blocks as one, as a person would have written them."""
    merged: list[dict[str, Any]] = []
    for block in blocks:
        if block.get("type") == "text" and merged and merged[-1].get("type") == "text":
            merged[-1] = {"type": "text", "text": merged[-1]["text"] + "\n\n" + block["text"]}
        else:
            merged.append(block)
    return merged


def text_body_to_blocks(body: str, language: str = "en", *, purpose: str = "marketing") -> list[dict[str, Any]]:
    """An old text body as blocks that say the same: its paragraphs as text blocks (or code
    blocks where they use template tags), a loop over the cart's products as a product list,
    a discount code as a discount box, a link back to the cart as a button, and its signature
    line ("--" and what follows) as the footer with the unsubscribe link."""
    from engine.templates import check_template

    lang = language[:2] if language[:2] in _HELLO else "en"
    text = body.replace("\r\n", "\n").strip("\n")
    parts = _FOOTER_SPLIT.split(text, maxsplit=1)
    main, footer_source = parts[0], (parts[1] if len(parts) > 1 else "")
    blocks: list[dict[str, Any]] = [{"type": "header"}]
    for paragraph in _whole_paragraphs(main):
        paragraph = paragraph.strip("\n")
        if not paragraph.strip():
            continue
        loop = _PRODUCT_LOOP.search(paragraph)
        before = after = ""
        if loop is not None:
            before, after = paragraph[:loop.start()].strip("\n"), paragraph[loop.end():].strip("\n")
        if (loop is not None and loop.group(0).count("{% for") == 1 and check_template(before) is None
                and check_template(after) is None):
            if before.strip():
                blocks.append(_paragraph_block(before))
            product: dict[str, Any] = {"type": "products", "source": loop.group(2)}
            fallback = _LOOP_ELSE.search(loop.group(0))
            if fallback and rich_text.check(rich_text.from_plain_text(fallback.group(1).strip())) is None:
                product["empty_text"] = rich_text.from_plain_text(fallback.group(1).strip())
            blocks.append(product)
            if after.strip():
                blocks.append(_paragraph_block(after))
            continue
        discount = _DISCOUNT_LINES.match(paragraph)
        if discount is not None:
            block: dict[str, Any] = {"type": "discount"}
            label = discount.group("label").strip()
            if label:
                block["text"] = rich_text.escape_markup(label)
            expires = rich_text.from_plain_text(discount.group("expires"))
            if rich_text.check(expires) is None:
                block["expires_text"] = expires
            blocks.append(block)
            continue
        blocks.append(_paragraph_block(paragraph))
    blocks = _merge_texts(blocks)
    if "entry.cart_url" in main:
        at = next((i for i, b in enumerate(blocks) if "entry.cart_url" in str(b.get("template") or b.get("text") or "")),
                  len(blocks) - 1)
        blocks.insert(at + 1, {"type": "button", "label": _BACK_TO_CART[lang], "url": "{{ entry.cart_url }}"})
    footer: dict[str, Any] = {"type": "footer", "unsubscribe_label": _UNSUBSCRIBE[lang]}
    last_line = footer_source.rsplit("\n", 1)[-1] if footer_source else ""
    last_line = re.sub(r"^\{% endif %\}", "", last_line)
    unsubscribe = re.search(r"\s*([^.!?:]*):\s*\{\{ unsubscribe_url \}\}\s*$", last_line)
    if unsubscribe is not None:
        label = unsubscribe.group(1).strip()
        if label:
            footer["unsubscribe_label"] = rich_text.escape_markup(label)
        last_line = last_line[:unsubscribe.start()]
    words = rich_text.from_plain_text(last_line.strip()) if "{%" not in last_line else ""
    footer["text"] = words if words and rich_text.check(words) is None else _FOOTER[lang]
    blocks.append(footer)
    return blocks
