"""The designer's rich text: words, bold, italic, links and variables, stored as a small markup.

A block email's text is written by a shop owner who should never see template syntax, and
rendered for thousands of customers through the same sandbox as every other template. So the
stored form is deliberately small and checkable:

- paragraphs are separated by a blank line, a single newline is a line break;
- `**bold**`, `*italic*`, `[label](address)`;
- `{{ customer.first_name | default("there") }}` is a variable (a chip in the designer): a
  dotted name from the values a message sees, with at most a few formatting filters whose
  arguments are constants — no loops, no calls, no arithmetic;
- a backslash makes the next character plain (`\\*`, `\\[`, `\\{`).

`parse` reads it (raising `RichTextError` with the column), `to_html`/`to_text` turn it into
the two Jinja sources the renderer stitches into an email, and `check` is what `validate` asks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["Inline", "Paragraph", "RichTextError", "VARIABLE_ROOTS", "FORMAT_FILTERS", "check", "check_variable",
           "parse", "to_html", "to_text", "url_expression", "plain_words", "from_plain_text"]

# What a variable may start with: the values `engine.templates.build_variables` makes.
VARIABLE_ROOTS = frozenset({"customer", "entry", "orders", "discount", "shop", "now", "unsubscribe_url",
                            "consent"})
# Filters that only format or fall back; their arguments must be constants.
FORMAT_FILTERS = frozenset({"default", "d", "money", "number", "percent", "date", "datetime", "time", "upper",
                            "lower", "title", "capitalize", "trim"})
MAX_LENGTH = 20_000

_PARSER = ImmutableSandboxedEnvironment()


class RichTextError(ValueError):
    """Markup the designer could not have written; the message names the column."""


@dataclass(frozen=True)
class Inline:
    """A run of text or one variable, with its emphasis and the link it belongs to."""

    kind: str  # "text", "var" or "br"
    value: str = ""  # the words, or the variable's expression without braces
    bold: bool = False
    italic: bool = False
    link: str | None = None  # the link's address, itself a small template (text and variables)


@dataclass
class Paragraph:
    runs: list[Inline] = field(default_factory=list)


@lru_cache(maxsize=2048)
def check_variable(expression: str) -> str | None:
    """None when `expression` is a variable the designer can show as a chip; else why not."""
    try:
        tree = _PARSER.parse("{{ " + expression + " }}")
    except TemplateSyntaxError as exc:
        return f"the variable '{expression}' is not valid ({exc.message})"
    if len(tree.body) != 1 or not isinstance(tree.body[0], nodes.Output) or len(tree.body[0].nodes) != 1:
        return f"'{expression}' is more than one variable"
    return _check_node(tree.body[0].nodes[0], expression)


def _check_node(node: nodes.Node, expression: str) -> str | None:
    if isinstance(node, nodes.Filter):
        if node.name not in FORMAT_FILTERS:
            return f"the variable '{expression}' uses the filter '{node.name}' (allowed: {', '.join(sorted(FORMAT_FILTERS))})"
        if node.kwargs or node.dyn_args is not None or node.dyn_kwargs is not None:
            return f"the variable '{expression}' passes named arguments to '{node.name}'"
        for arg in node.args:
            if not isinstance(arg, nodes.Const) and _path(arg) is None:
                return f"the variable '{expression}': the arguments of '{node.name}' must be constants or names"
        return _check_node(node.node, expression) if node.node is not None else f"'{expression}' filters nothing"
    path = _path(node)
    if path is None:
        return f"'{expression}' is not a plain variable (only names like customer.first_name, with filters)"
    if path[0] not in VARIABLE_ROOTS:
        return f"the variable '{expression}' starts with '{path[0]}' (one of {', '.join(sorted(VARIABLE_ROOTS))})"
    return None


def _path(node: nodes.Node) -> tuple[str, ...] | None:
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name) or node.ctx != "load":
        return None
    parts.append(node.name)
    if any(part.startswith("_") for part in parts):
        return None
    return tuple(reversed(parts))


def parse(text: str) -> list[Paragraph]:
    """The paragraphs of `text`; `RichTextError` names the first problem and its column."""
    if not isinstance(text, str):
        raise RichTextError(f"must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise RichTextError(f"is {len(text):,} characters long (at most {MAX_LENGTH:,})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[Paragraph] = []
    offset = 0
    for chunk in re.split(r"(\n[ \t]*\n+)", text):
        if chunk.startswith("\n") and not chunk.strip():
            offset += len(chunk)
            continue
        stripped = chunk.strip("\n")
        if stripped.strip():
            paragraphs.append(Paragraph(_inline(stripped, offset + chunk.index(stripped))))
        offset += len(chunk)
    return paragraphs


def _inline(text: str, offset: int) -> list[Inline]:
    runs: list[Inline] = []
    buffer: list[str] = []
    bold = italic = False
    link: list[Inline] | None = None  # runs of the link label being read
    i = 0

    def flush() -> None:
        if buffer:
            target = link if link is not None else runs
            target.append(Inline("text", "".join(buffer), bold, italic))
            buffer.clear()

    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buffer.append(text[i + 1])
            i += 2
            continue
        if text.startswith("{{", i):
            end = text.find("}}", i + 2)
            if end < 0:
                raise RichTextError(f"column {offset + i + 1}: a variable opened with '{{{{' is not closed")
            expression = text[i + 2:end].strip()
            problem = check_variable(expression)
            if problem:
                raise RichTextError(f"column {offset + i + 1}: {problem}")
            flush()
            (link if link is not None else runs).append(Inline("var", expression, bold, italic))
            i = end + 2
            continue
        if text.startswith("{%", i) or text.startswith("{#", i):
            raise RichTextError(f"column {offset + i + 1}: template tags belong in the code view, not in a text block")
        if text.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        if ch == "*":
            flush()
            italic = not italic
            i += 1
            continue
        if ch == "[" and link is None:
            flush()
            link = []
            i += 1
            continue
        if ch == "]" and link is not None:
            flush()
            if not text.startswith("(", i + 1):
                raise RichTextError(f"column {offset + i + 1}: a link needs its address: [label](https://…)")
            close = _closing_paren(text, i + 2)
            if close < 0:
                raise RichTextError(f"column {offset + i + 2}: the link's address is not closed with ')'")
            address = text[i + 2:close].strip()
            problem = check_url(address)
            if problem:
                raise RichTextError(f"column {offset + i + 3}: {problem}")
            runs.extend(Inline(r.kind, r.value, r.bold, r.italic, address) for r in link)
            link = None
            i = close + 1
            continue
        if ch == "\n":
            flush()
            (link if link is not None else runs).append(Inline("br"))
            i += 1
            continue
        buffer.append(ch)
        i += 1
    if link is not None:
        raise RichTextError(f"column {offset + len(text)}: a link opened with '[' is not closed")
    flush()
    return runs


def _closing_paren(text: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(text):
        if text.startswith("{{", i):
            end = text.find("}}", i + 2)
            if end < 0:
                return -1
            i = end + 2
            continue
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _url_parts(address: str) -> list[tuple[str, str]]:
    """("text", literal) and ("var", expression) parts of an address."""
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(address):
        start = address.find("{{", i)
        if start < 0:
            parts.append(("text", address[i:]))
            break
        if start > i:
            parts.append(("text", address[i:start]))
        end = address.find("}}", start + 2)
        if end < 0:
            raise RichTextError("a variable opened with '{{' is not closed")
        parts.append(("var", address[start + 2:end].strip()))
        i = end + 2
    return parts


def check_url(address: str) -> str | None:
    """None when `address` is a link the email may carry: an absolute http(s)/mailto/tel address,
    or one that starts with a variable (the shop's website, the cart's link)."""
    if not isinstance(address, str) or not address.strip():
        return "the link has no address"
    if "{%" in address or "{#" in address:
        return "template tags belong in the code view, not in a link"
    try:
        parts = _url_parts(address.strip())
    except RichTextError as exc:
        return str(exc)
    for kind, value in parts:
        if kind == "var":
            problem = check_variable(value)
            if problem:
                return problem
    first_kind, first = parts[0]
    if first_kind == "text" and not re.match(r"(?i)^(https?://[^\s/]+|mailto:|tel:)", first):
        return f"the link '{address[:60]}' is not absolute (start it with https://, or with a variable)"
    if any(kind == "text" and re.search(r"\s", value) for kind, value in parts):
        return f"the link '{address[:60]}' has a space in it"
    return None


def url_expression(address: str) -> str:
    """The Jinja expression of an address, made safe for an href: a value that comes out as
    anything but an absolute address falls back to the shop's website (`safe_link`)."""
    parts = _url_parts(address.strip())
    pieces = [json.dumps(value, ensure_ascii=False) if kind == "text" else f"({value})" for kind, value in parts]
    joined = " ~ ".join(pieces) if len(pieces) > 1 else (pieces[0] if pieces else '""')
    return f"({joined}) | safe_link(shop.website)"


# -- output -----------------------------------------------------------------------------------
# Each output is a list of pieces: ("html", literal HTML) or ("jinja", template source). The
# renderer keeps template source apart from markup until MJML has made the HTML.
Piece = tuple[str, str]


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def to_html(paragraphs: list[Paragraph], *, link_color: str, paragraph_style: str = "margin:0 0 12px 0;") -> list[Piece]:
    out: list[Piece] = []
    for paragraph in paragraphs:
        out.append(("html", f'<p style="{paragraph_style}">'))
        open_link: str | None = None
        for run in paragraph.runs:
            if run.link != open_link:
                if open_link is not None:
                    out.append(("html", "</a>"))
                if run.link is not None:
                    out.append(("html", '<a href="'))
                    out.append(("jinja", "{{ " + url_expression(run.link) + " }}"))
                    out.append(("html", f'" style="color:{link_color};text-decoration:underline;">'))
                open_link = run.link
            if run.kind == "br":
                out.append(("html", "<br>"))
                continue
            opening = ("<strong>" if run.bold else "") + ("<em>" if run.italic else "")
            closing = ("</em>" if run.italic else "") + ("</strong>" if run.bold else "")
            if opening:
                out.append(("html", opening))
            if run.kind == "var":
                out.append(("jinja", "{{ " + run.value + " }}"))
            else:
                out.append(("html", _escape(run.value)))
            if closing:
                out.append(("html", closing))
        if open_link is not None:
            out.append(("html", "</a>"))
        out.append(("html", "</p>"))
    return out


def to_text(paragraphs: list[Paragraph]) -> list[Piece]:
    """The words for the plain-text part: emphasis dropped, a link's address after its label."""
    out: list[Piece] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            out.append(("text", "\n\n"))
        runs = paragraph.runs
        for i, run in enumerate(runs):
            if run.kind == "br":
                out.append(("text", "\n"))
            elif run.kind == "var":
                out.append(("jinja", "{{ " + run.value + " }}"))
            else:
                out.append(("text", run.value))
            last_of_link = run.link is not None and (i + 1 == len(runs) or runs[i + 1].link != run.link)
            if last_of_link and run.link is not None:
                out.append(("jinja", " ({{ " + url_expression(run.link) + " }})"))
    return out


def plain_words(text: str, variable: Callable[[str], str] | None = None) -> str:
    """The text without markup (for card summaries and the designer's list); `variable` says how
    a variable shows (the designer names it as its chip does), by default `{expression}`."""
    try:
        paragraphs = parse(text)
    except RichTextError:
        return text
    show = variable or (lambda expression: "{" + expression + "}")
    return " ".join("".join(r.value if r.kind == "text" else (show(r.value) if r.kind == "var" else " ")
                            for r in p.runs) for p in paragraphs)


def escape_markup(text: str) -> str:
    """Plain words as markup that shows them as they are."""
    return re.sub(r"([\\*\[\]{])", r"\\\1", text)


def from_plain_text(text: str) -> str:
    """An old plain-text body as a text block's markup: its words kept, its `{{ … }}` variables
    kept as variables where they are simple, everything else shown as written."""
    out: list[str] = []
    i = 0
    while i < len(text):
        start = text.find("{{", i)
        if start < 0:
            out.append(escape_markup(text[i:]))
            break
        out.append(escape_markup(text[i:start]))
        end = text.find("}}", start + 2)
        if end < 0:
            out.append(escape_markup(text[start:]))
            break
        expression = text[start + 2:end].strip()
        out.append("{{ " + expression + " }}" if check_variable(expression) is None
                   else escape_markup(text[start:end + 2]))
        i = end + 2
    return "".join(out)


def check(text: str) -> str | None:
    """None when the markup is good; else one line for the validator."""
    try:
        parse(text)
    except RichTextError as exc:
        return str(exc)
    return None
