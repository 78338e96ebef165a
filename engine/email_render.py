"""Blocks to a responsive email: MJML once per node and shop look, Jinja once per customer.

MJML is how the mail-tool world writes email that survives Outlook, Gmail and phones (tables,
conditional comments, media queries); `mrml` (through the `mjml-python` package) is its Rust
implementation, so no Node.js is needed. Turning blocks into MJML and MJML into HTML takes
about a millisecond, the same for every customer, so it happens once: the result is a
*skeleton*, an HTML document whose customer-specific parts (names, the cart's products, the
unsubscribe link) are Jinja expressions. Each message then renders the skeleton through
`engine.templates.render` — the same sandbox, limits and filters as every other template —
and the plain-text part through its own small template made from the same blocks, so both
parts carry the same words.

Keeping template source out of MJML's way: while the MJML is built, every Jinja piece is a
placeholder token; after MJML has made the HTML the tokens are put back, and the literal HTML
around them is wrapped in `{% raw %}` so a `{#` in a style sheet can never start a comment.

Styles are inline (MJML writes its components' styles into `style` attributes; our own
markup carries its own), so nothing depends on a client reading a `<style>` block. What is left
in `<style>` is MJML's resets for particular clients (Outlook's link padding, table spacing,
image borders) and media queries: the phone layout and the dark scheme.

Public API: `Brand`, `brand_from_shop`, `compile_blocks`, `render_blocks`, `Skeleton`.
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from engine import rich_text
from engine.email_blocks import BLOCK_TYPES, MAX_PRODUCTS, SOCIAL_NETWORKS

__all__ = ["Brand", "Skeleton", "brand_from_shop", "compile_blocks", "render_blocks", "skeleton_for"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
FONT = "Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Brand:
    """The shop's look, from its settings (Shop settings ▸ Email design)."""

    primary: str = "#2f6f4f"  # buttons, links, the discount box
    background: str = "#f2f2f2"  # around the email
    content: str = "#ffffff"  # behind the blocks
    text: str = "#222222"
    logo_url: str = ""
    logo_width: int = 140
    social: tuple[tuple[str, str], ...] = ()  # (network, address)


def _color(value: Any, default: str) -> str:
    return value if isinstance(value, str) and _HEX.match(value) else default


def brand_from_shop(shop: Mapping[str, Any] | None) -> Brand:
    """The brand of a shop's settings (`email_design`); anything unset or malformed keeps the default."""
    design = (shop or {}).get("email_design") if isinstance(shop, Mapping) else None
    design = design if isinstance(design, Mapping) else {}
    default = Brand()
    logo = design.get("logo_url")
    logo = logo if isinstance(logo, str) and re.match(r"(?i)^https?://\S+$", logo) else ""
    width = design.get("logo_width")
    raw_social = design.get("social")
    social_raw: Mapping[str, Any] = raw_social if isinstance(raw_social, Mapping) else {}
    social = tuple((name, str(social_raw[name])) for name in SOCIAL_NETWORKS
                   if isinstance(social_raw.get(name), str) and re.match(r"(?i)^https?://\S+$", social_raw[name]))
    return Brand(primary=_color(design.get("primary"), default.primary),
                 background=_color(design.get("background"), default.background),
                 content=_color(design.get("content"), default.content),
                 text=_color(design.get("text"), default.text),
                 logo_url=logo,
                 logo_width=width if isinstance(width, int) and not isinstance(width, bool) and 40 <= width <= 400
                 else default.logo_width,
                 social=social)


@dataclass(frozen=True)
class Skeleton:
    """A block email made ready for customers: the HTML and text templates, and the MJML."""

    html: str
    text: str
    mjml: str
    codes: tuple[str, ...] = ()


class _Builder:
    """Collects MJML with placeholders, and the text part's pieces, block by block."""

    def __init__(self, brand: Brand, language: str) -> None:
        self.brand = brand
        self.language = language
        self.snippets: list[str] = []
        self.mjml: list[str] = []
        self.text: list[str] = []  # Jinja source of the plain-text part
        self.codes: list[str] = []  # the sources of code blocks, rendered before the skeleton

    def jinja(self, source: str) -> str:
        self.snippets.append(source)
        return f"JBQ{len(self.snippets) - 1}Q"

    def pieces(self, pieces: list[tuple[str, str]]) -> str:
        return "".join(value if kind == "html" else self.jinja(value) for kind, value in pieces)

    def text_pieces(self, pieces: list[tuple[str, str]]) -> None:
        self.text.extend(value if kind == "jinja" else _jinja_literal(value) for kind, value in pieces)

    def text_line(self, *parts: str) -> None:
        self.text.append("".join(parts))

    def section(self, inner: str, *, padding: str = "0 0", css: str = "jb-card") -> None:
        self.mjml.append(f'<mj-section background-color="{self.brand.content}" padding="{padding}" '
                         f'css-class="{css}"><mj-column>{inner}</mj-column></mj-section>')


def _jinja_literal(text: str) -> str:
    """Literal words inside the text template, with any brace kept literal."""
    if "{" not in text and "}" not in text:
        return text
    return re.sub(r"[{}]", lambda m: "{{ '" + m.group(0) + "' }}", text)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _rich(builder: _Builder, source: str, *, align: str = "left", size: int = 15) -> None:
    paragraphs = rich_text.parse(source)
    markup = builder.pieces(rich_text.to_html(paragraphs, link_color=builder.brand.primary))
    builder.section(f'<mj-text align="{align}" font-size="{size}px" line-height="1.5" color="{builder.brand.text}" '
                    f'padding="4px 24px" css-class="jb-text">{markup}</mj-text>')
    builder.text_pieces(rich_text.to_text(paragraphs))
    builder.text_line("\n\n")


def _line(builder: _Builder, source: str) -> tuple[str, list[tuple[str, str]]]:
    """One line of rich text: its HTML (with placeholders) and its text pieces."""
    paragraphs = rich_text.parse(source)
    html_pieces = rich_text.to_html(paragraphs, link_color=builder.brand.primary, paragraph_style="margin:0;")
    return builder.pieces(html_pieces), rich_text.to_text(paragraphs)


def _href(builder: _Builder, address: str) -> str:
    return builder.jinja("{{ " + rich_text.url_expression(address) + " }}")


def _header(builder: _Builder, block: Mapping[str, Any]) -> None:
    brand = builder.brand
    home = builder.jinja("{{ shop.website | safe_link }}")
    name = builder.jinja("{{ shop.name }}")
    if brand.logo_url:
        inner = (f'<mj-image src="{_attr(brand.logo_url)}" alt="{name}" width="{brand.logo_width}px" '
                 f'href="{home}" align="center" padding="24px 24px 8px 24px"></mj-image>')
    else:
        inner = (f'<mj-text align="center" font-size="22px" font-weight="bold" color="{brand.primary}" '
                 f'padding="24px 24px 8px 24px" css-class="jb-text">{name}</mj-text>')
    title = block.get("title")
    if isinstance(title, str) and title.strip():
        line, text = _line(builder, title)
        inner += (f'<mj-text align="center" font-size="13px" color="#777777" padding="0 24px 8px 24px" '
                  f'css-class="jb-muted">{line}</mj-text>')
    builder.section(inner, padding="0 0 8px 0")
    builder.text_line("{% if shop.name %}{{ shop.name }}\n\n{% endif %}")
    if isinstance(title, str) and title.strip():
        builder.text_pieces(text)
        builder.text_line("\n\n")


def _heading(builder: _Builder, block: Mapping[str, Any]) -> None:
    line, text = _line(builder, str(block.get("text", "")))
    size = 26 if str(block.get("level", 1)) == "1" else 20
    builder.section(f'<mj-text font-size="{size}px" font-weight="bold" line-height="1.25" color="{builder.brand.text}" '
                    f'padding="16px 24px 4px 24px" css-class="jb-text">{line}</mj-text>')
    builder.text_pieces(text)
    builder.text_line("\n\n")


def _text(builder: _Builder, block: Mapping[str, Any]) -> None:
    _rich(builder, str(block.get("text", "")), align="center" if block.get("align") == "center" else "left")


def _image(builder: _Builder, block: Mapping[str, Any]) -> None:
    src = builder.jinja("{{ " + rich_text.url_expression(str(block.get("src", ""))) + " }}")
    alt = _attr(str(block.get("alt") or ""))
    width = block.get("width")
    width_attr = f' width="{width}px"' if isinstance(width, int) and not isinstance(width, bool) else ""
    href = block.get("href")
    href_attr = f' href="{_href(builder, href)}"' if isinstance(href, str) and href.strip() else ""
    builder.section(f'<mj-image src="{src}" alt="{alt}"{width_attr}{href_attr} padding="8px 24px"></mj-image>')
    if isinstance(href, str) and href.strip():
        builder.text_line(_jinja_literal(str(block.get("alt") or "")),
                          " ({{ " + rich_text.url_expression(href) + " }})\n\n")
    elif block.get("alt"):
        builder.text_line(_jinja_literal(str(block.get("alt"))), "\n\n")


def _button(builder: _Builder, block: Mapping[str, Any]) -> None:
    line, text = _line(builder, str(block.get("label", "")))
    line = line.replace('<p style="margin:0;">', "").replace("</p>", "")
    align = "left" if block.get("align") == "left" else "center"
    url = str(block.get("url", ""))
    builder.section(f'<mj-button href="{_href(builder, url)}" align="{align}" background-color="{builder.brand.primary}" '
                    f'color="#ffffff" font-size="16px" font-weight="bold" border-radius="6px" '
                    f'inner-padding="14px 28px" padding="12px 24px">{line}</mj-button>')
    builder.text_pieces(text)
    builder.text_line(": {{ " + rich_text.url_expression(url) + " }}\n\n")


def _divider(builder: _Builder, block: Mapping[str, Any]) -> None:
    builder.section('<mj-divider border-width="1px" border-color="#dddddd" padding="12px 24px"></mj-divider>')
    builder.text_line("----------\n\n")


def _products(builder: _Builder, block: Mapping[str, Any]) -> None:
    brand = builder.brand
    source = str(block.get("source") or "entry.items")
    wanted = block.get("limit")
    limit = max(1, min(wanted if isinstance(wanted, int) else MAX_PRODUCTS, MAX_PRODUCTS))
    loop = builder.jinja("{% for item in (" + source + ") | cart_items(" + str(limit) + ") %}")
    image = (builder.jinja("{% if item.image_url %}") + '<a href="' + builder.jinja("{{ item.url | safe_link(shop.website) }}")
             + '"><img src="' + builder.jinja("{{ item.image_url }}") + '" width="72" alt="'
             + builder.jinja("{{ item.name }}") + '" style="display:block;width:72px;height:auto;border:0;'
             'border-radius:6px;"></a>' + builder.jinja("{% endif %}"))
    name = ('<a href="' + builder.jinja("{{ item.url | safe_link(shop.website) }}") + f'" style="color:{brand.text};'
            'font-weight:bold;text-decoration:none;" class="jb-link">' + builder.jinja("{{ item.name }}") + "</a>")
    quantity = builder.jinja("{{ item.quantity }}") + " × " + builder.jinja("{{ item.price | money(item.currency) }}")
    total = builder.jinja("{{ item.total | money(item.currency) }}")
    empty_source = block.get("empty_text")
    empty = ""
    empty_text: list[tuple[str, str]] = []
    if isinstance(empty_source, str) and empty_source.strip():
        line, empty_text = _line(builder, empty_source)
        empty = builder.jinja("{% else %}") + f'<tr><td colspan="3" style="padding:8px 0;">{line}</td></tr>'
    rows = (loop + '<tr><td width="84" style="padding:8px 12px 8px 0;vertical-align:top;width:84px;">' + image
            + '</td><td style="padding:8px 0;vertical-align:top;">' + name
            + '<br><span style="color:#777777;font-size:13px;" class="jb-muted">' + quantity + "</span></td>"
            + '<td align="right" style="padding:8px 0;vertical-align:top;white-space:nowrap;font-weight:bold;">'
            + total + "</td></tr>" + empty + builder.jinja("{% endfor %}"))
    builder.section(f'<mj-table color="{brand.text}" font-size="15px" line-height="1.4" padding="8px 24px" '
                    f'css-class="jb-text">{rows}</mj-table>')
    builder.text_line("{% for item in (" + source + ") | cart_items(" + str(limit) + ") %}- {{ item.quantity }} × "
                      "{{ item.name }}: {{ item.total | money(item.currency) }}{% if item.url %}\n  "
                      "{{ item.url | safe_link(shop.website) }}{% endif %}\n")
    if empty_text:
        builder.text_line("{% else %}")
        builder.text_pieces(empty_text)
        builder.text_line("\n")
    builder.text_line("{% endfor %}\n")


def _discount(builder: _Builder, block: Mapping[str, Any]) -> None:
    brand = builder.brand
    inner = ""
    if isinstance(block.get("text"), str) and block["text"].strip():
        paragraphs = rich_text.parse(block["text"])
        markup = builder.pieces(rich_text.to_html(paragraphs, link_color=brand.primary))
        inner += (f'<mj-text align="center" font-size="15px" line-height="1.5" color="{brand.text}" '
                  f'padding="12px 24px 4px 24px" css-class="jb-text">{markup}</mj-text>')
        builder.text_pieces(rich_text.to_text(paragraphs))
        builder.text_line("\n\n")
    code = builder.jinja("{{ discount.code }}")
    inner += (f'<mj-text align="center" padding="8px 24px"><div class="jb-accent" style="border:2px dashed {brand.primary};'
              f'border-radius:6px;padding:14px 8px;font-size:24px;font-weight:bold;letter-spacing:3px;'
              f'color:{brand.primary};font-family:Courier New, monospace;">{code}</div></mj-text>')
    builder.text_line(">> {{ discount.code }} <<\n\n")
    expires = block.get("expires_text")
    if isinstance(expires, str) and expires.strip():
        line, text = _line(builder, expires)
        inner += (f'<mj-text align="center" font-size="13px" color="#777777" padding="0 24px 12px 24px" '
                  f'css-class="jb-muted">{line}</mj-text>')
        builder.text_pieces(text)
        builder.text_line("\n\n")
    builder.section(inner)


_SOCIAL_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X", "tiktok": "TikTok",
                  "youtube": "YouTube", "pinterest": "Pinterest", "linkedin": "LinkedIn"}
# mrml's own icon names; "-noshare" links to the profile rather than to a share dialog.
_SOCIAL_ICONS = {"facebook": "facebook-noshare", "instagram": "instagram-noshare", "x": "twitter-noshare",
                 "tiktok": "web-noshare", "youtube": "youtube-noshare", "pinterest": "pinterest-noshare",
                 "linkedin": "linkedin-noshare"}


def _social(builder: _Builder, block: Mapping[str, Any]) -> None:
    if not builder.brand.social:
        return  # nothing to link to: the shop has no profiles in its settings
    elements = "".join(f'<mj-social-element name="{_SOCIAL_ICONS[name]}" href="{_attr(url)}">'
                       f"{_SOCIAL_LABELS[name]}</mj-social-element>" for name, url in builder.brand.social)
    builder.section(f'<mj-social font-size="13px" icon-size="22px" mode="horizontal" color="{builder.brand.text}" '
                    f'padding="12px 24px" css-class="jb-social">{elements}</mj-social>')
    builder.text_line("".join(_jinja_literal(f"{_SOCIAL_LABELS[name]}: {url}\n") for name, url in builder.brand.social),
                      "\n")


def _footer(builder: _Builder, block: Mapping[str, Any]) -> None:
    brand = builder.brand
    parts = ['<p style="margin:0 0 6px 0;">' + builder.jinja("{{ shop.name }}")
             + builder.jinja("{% if shop.address %}") + ", " + builder.jinja("{{ shop.address }}")
             + builder.jinja("{% endif %}") + "</p>"]
    builder.text_line("--\n{{ shop.name }}{% if shop.address %}, {{ shop.address }}{% endif %}\n")
    if isinstance(block.get("text"), str) and block["text"].strip():
        paragraphs = rich_text.parse(block["text"])
        parts.append(builder.pieces(rich_text.to_html(paragraphs, link_color=brand.primary,
                                                      paragraph_style="margin:0 0 6px 0;")))
        builder.text_pieces(rich_text.to_text(paragraphs))
        builder.text_line("\n")
    label, label_text = _line(builder, str(block.get("unsubscribe_label") or "Unsubscribe"))
    label = label.replace('<p style="margin:0;">', "").replace("</p>", "")
    parts.append(builder.jinja("{% if unsubscribe_url %}") + '<p style="margin:0;"><a href="'
                 + builder.jinja("{{ unsubscribe_url | safe_link }}") + f'" style="color:{brand.primary};'
                 'text-decoration:underline;" class="jb-unsubscribe">' + label + "</a></p>" + builder.jinja("{% endif %}"))
    builder.mjml.append(f'<mj-section padding="8px 0 24px 0" css-class="jb-footer"><mj-column>'
                        f'<mj-text align="center" font-size="12px" line-height="1.5" color="#777777" '
                        f'css-class="jb-muted">{"".join(parts)}</mj-text></mj-column></mj-section>')
    builder.text_line("{% if unsubscribe_url %}")
    builder.text_pieces(label_text)
    builder.text_line(": {{ unsubscribe_url | safe_link }}\n{% endif %}")


def _code(builder: _Builder, block: Mapping[str, Any]) -> None:
    """A template block: rendered as text per customer (render_blocks), shown as paragraphs."""
    index = len(builder.codes)
    builder.codes.append(str(block.get("template", "")))
    builder.section(f'<mj-text font-size="15px" line-height="1.5" color="{builder.brand.text}" padding="4px 24px" '
                    'css-class="jb-text">'
                    + builder.jinja("{{ jb_code_html_" + str(index) + " }}") + "</mj-text>")
    builder.text_line("{{ jb_code_text_" + str(index) + " }}\n\n")


_BLOCKS = {"header": _header, "heading": _heading, "text": _text, "image": _image, "button": _button,
           "divider": _divider, "products": _products, "discount": _discount, "social": _social,
           "footer": _footer, "code": _code}
assert set(_BLOCKS) == set(BLOCK_TYPES)

# The dark scheme for clients that honour `prefers-color-scheme` (Apple Mail, Outlook.com, …):
# the classes the builder sets, with !important to win over the inline light colours.
_DARK_CSS = ("@media (prefers-color-scheme: dark) {"
             " body, .jb-body, .jb-body > div { background-color:#121212 !important; }"
             " .jb-card, .jb-card > table, .jb-card td { background-color:#1e1e1e !important; background:#1e1e1e !important; }"
             " .jb-text div, .jb-text td, .jb-text p, .jb-link { color:#e8e8e8 !important; }"
             " .jb-muted div, .jb-muted span, .jb-muted p, .jb-muted { color:#a8a8a8 !important; } }")
def _dark_accent(primary: str) -> str:
    """The brand colour lightened for a dark background (mixed halfway with white)."""
    red, green, blue = (int(primary[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*((c + 255) // 2 for c in (red, green, blue)))


def _dark_css(brand: Brand) -> str:
    accent = _dark_accent(brand.primary)
    return (_DARK_CSS[:-1] + f" .jb-accent, .jb-text a, .jb-muted a {{ color:{accent} !important;"
            f" border-color:{accent} !important; }} }}")


_PHONE_CSS = "@media only screen and (max-width:479px) { .jb-card td { padding-left:4px !important; } }"


def build_mjml(blocks: list[Mapping[str, Any]], brand: Brand,
               language: str = "en") -> tuple[str, list[str], str, list[str]]:
    """The MJML of `blocks` with placeholders, the placeholders' Jinja, the text template, and
    the sources of its code blocks."""
    builder = _Builder(brand, language)
    for block in blocks:
        _BLOCKS[str(block.get("type"))](builder, block)
    title = builder.jinja("{{ shop.name }}")
    lang = _attr(language or "en")
    mjml = (f'<mjml lang="{lang}" dir="auto"><mj-head><mj-title>{title}</mj-title>'
            f'<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" '
            f'content="light dark"></mj-raw>'
            f'<mj-attributes><mj-all font-family="{FONT}"></mj-all></mj-attributes>'
            f"<mj-style>{_dark_css(brand)} {_PHONE_CSS}</mj-style></mj-head>"
            f'<mj-body background-color="{brand.background}" width="600px" css-class="jb-body">'
            f'<mj-section padding="12px 0 0 0"><mj-column></mj-column></mj-section>'
            f'{"".join(builder.mjml)}</mj-body></mjml>')
    text = re.sub(r"\n{3,}", "\n\n", "".join(builder.text))
    return mjml, builder.snippets, text, builder.codes


_TOKEN = re.compile(r"JBQ(\d+)Q")


def _to_template(markup: str, snippets: list[str]) -> str:
    """MJML's HTML with the placeholders turned back into Jinja; literal HTML as raw data."""
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(markup):
        out.append(_raw(markup[position:match.start()]))
        out.append(snippets[int(match.group(1))])
        position = match.end()
    out.append(_raw(markup[position:]))
    return "".join(out)


def _raw(literal: str) -> str:
    if "{" not in literal:
        return literal
    if "endraw" in literal:  # cannot happen with our markup; keep the braces literal another way
        return literal.replace("{", "&#123;")
    return "{% raw %}" + literal + "{% endraw %}"


def compile_blocks(blocks: list[Mapping[str, Any]], brand: Brand, language: str = "en") -> Skeleton:
    """The skeleton of a block email (raises `rich_text.RichTextError` or ValueError for blocks
    that `check_blocks` would have refused)."""
    import mjml as mrml

    source, snippets, text, codes = build_mjml(blocks, brand, language)
    markup = mrml.mjml2html(source, disable_comments=True, fonts={})
    return Skeleton(html=_to_template(markup, snippets), text=text, mjml=source, codes=tuple(codes))


# One skeleton per (block list, brand, language): a session renders the same node for thousands
# of customers. Looked up by the list's identity (the node's config in a compiled journey) and
# confirmed by equality, so an edited list never gets the old skeleton.
_CACHE: OrderedDict[tuple[int, Brand, str], tuple[list[Any], list[Any], Skeleton]] = OrderedDict()
_CACHE_SIZE = 256
_LOCK = threading.Lock()


def skeleton_for(blocks: list[Any], brand: Brand, language: str = "en") -> Skeleton:
    key = (id(blocks), brand, language)
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None and found[0] is blocks and found[1] == blocks:
            _CACHE.move_to_end(key)
            return found[2]
    skeleton = compile_blocks(blocks, brand, language)
    snapshot = json.loads(json.dumps(blocks))
    with _LOCK:
        _CACHE[key] = (blocks, snapshot, skeleton)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return skeleton


def render_blocks(blocks: list[Any], variables: Mapping[str, Any], brand: Brand, language: str = "en") -> tuple[str, str]:
    """(HTML, plain text) of a block email for one customer; `TemplateRenderError` on failure."""
    from engine.templates import render

    skeleton = skeleton_for(blocks, brand, language)
    if skeleton.codes:
        variables = dict(variables)
        for index, source in enumerate(skeleton.codes):
            words = render(source, variables).strip("\n")
            variables[f"jb_code_text_{index}"] = words
            variables[f"jb_code_html_{index}"] = paragraphs_html(words, brand)
    return render(skeleton.html, variables, html=True), render(skeleton.text, variables).strip() + "\n"


_URL = re.compile(r"(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])")


def paragraphs_html(text: str, brand: Brand) -> Markup:
    """A code block's text as HTML: escaped, blank lines as paragraphs, addresses as links."""
    out = []
    for paragraph in re.split(r"\n[ \t]*\n+", text.strip("\n")):
        if not paragraph.strip():
            continue
        escaped = html.escape(paragraph.strip("\n"), quote=True)
        linked = _URL.sub(lambda m: f'<a href="{m.group(1)}" style="color:{brand.primary};'
                                    f'text-decoration:underline;">{m.group(1)}</a>', escaped)
        out.append('<p style="margin:0 0 12px 0;">' + linked.replace("\n", "<br>") + "</p>")
    return Markup("".join(out))
