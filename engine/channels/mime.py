"""Turning an `OutgoingMessage` into a proper email that spam filters and mail apps accept.

What matters and why:
- multipart/alternative with a plain-text and an HTML part: HTML-only mail scores as spam and
  some readers (watches, screen readers, plain-text clients) show only text; text-only mail
  looks broken in mail apps the shop's customers use. Whichever part the journey did not
  write is derived from the other.
- a Message-ID derived from `message_key` under the sender's domain, so a retry after an
  unclear failure (a timeout after the data was sent) carries the same id and the receiving
  side can drop the duplicate; a Date; From with the shop's display name.
- List-Unsubscribe with List-Unsubscribe-Post (RFC 8058 one-click): large mailbox providers
  require both from bulk senders and otherwise file the mail as spam.
Non-ASCII subjects and names are encoded by the standard library (RFC 2047), bodies as UTF-8.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from datetime import UTC, datetime
from email.charset import QP, Charset
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.policy import SMTP, compat32
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from html.parser import HTMLParser

from engine.channels.base import OutgoingMessage

# Headers the channel sets itself; a journey's extra headers may not replace them.
RESERVED_HEADERS = frozenset({"from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                              "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post",
                              "sender", "return-path", "bcc", "cc"})

# CRLF line ends as SMTP wants them; no ">From " mangling of body lines (the body is QP-encoded).
LEGACY = compat32.clone(linesep="\r\n", mangle_from_=False)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def text_to_html(text: str) -> str:
    """Escaped text in paragraphs: blank lines separate <p>s, single newlines become <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    body = "\n".join("<p>" + html_lib.escape(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs)
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
            f"<body>\n{body}\n</body></html>\n")


def complete_html(markup: str) -> str:
    """An HTML part as a complete document: a fragment (`<p>Hi</p>`) gets its doctype, head
    with the charset, and body, which some mail apps need to show it at all."""
    if re.search(r"<html[\s>]", markup, re.IGNORECASE):
        return markup if markup.lstrip().lower().startswith("<!doctype") else "<!DOCTYPE html>\n" + markup
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
            f"<body>\n{markup}\n</body></html>\n")


class _TextExtractor(HTMLParser):
    """Readable text from HTML: block elements end lines, links keep their address, scripts go."""

    BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol",
                        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"})
    SKIP = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        if tag == "a":
            self._href.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self._href:
            href = self._href.pop()
            if href and not href.startswith(("#", "mailto:")) and not self._ends_with(href):
                self.parts.append(f" ({href})")

    def _ends_with(self, href: str) -> bool:
        return "".join(self.parts[-3:]).rstrip().endswith(href)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> str:
    """The HTML's text for the plain part: tags stripped, entities decoded, paragraphs kept."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def message_id(message_key: str, domain: str) -> str:
    """`<jb.HASH@domain>`: the same key gives the same id, so a retried message is recognisable.

    Hashed so customer ids in the key do not show in headers. Without a key (a test mail) the
    id is random, as `make_msgid` makes it.
    """
    domain = domain or "localhost"
    if not message_key:
        return make_msgid(domain=domain)
    digest = hashlib.sha256(f"{domain}\x00{message_key}".encode()).hexdigest()[:32]
    return f"<jb.{digest}@{domain}>"


def sender_domain(sender: str) -> str:
    """The domain of an address like `Shop <news@shop.example>`, or 'localhost'."""
    address = parseaddr(sender)[1] or sender
    return address.rpartition("@")[2].strip().strip(">").lower() or "localhost"


def _split_address(value: str) -> tuple[str, str]:
    name, addr = parseaddr(value)
    addr = addr or value.strip()
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain:
        raise ValueError(f"not an email address: {value!r}")
    return name, addr


def _check_extra_headers(headers: dict[str, str]) -> None:
    for name, value in headers.items():
        if name.lower() in RESERVED_HEADERS:
            raise ValueError(f"header {name!r} is set by the channel and cannot be given")
        if any(ch in f"{name}{value}" for ch in "\r\n"):
            raise ValueError(f"header {name!r}: line breaks are not allowed")


def _header(value: str) -> str | Header:
    """ASCII stays as it is; anything else becomes an RFC 2047 encoded word."""
    return value if value.isascii() else Header(value, "utf-8")


def _text_part(content: str, subtype: str) -> MIMEText:
    charset = Charset("utf-8")
    charset.body_encoding = QP  # readable in the raw mail, unlike base64; 8-bit-safe
    # The stubs say str, but MIMEText hands the charset to set_payload, which takes a Charset.
    return MIMEText(content, subtype, charset)  # type: ignore[arg-type]


def build_email(msg: OutgoingMessage, sender: str, domain: str | None = None, *,
                sender_name: str = "", date: datetime | None = None) -> EmailMessage:
    """The complete email for `msg` from `sender` (an address, or `Name <address>`).

    `domain` names the Message-ID's domain (default: the sender's). Raises ValueError for an
    unusable address or header, which the channel reports as a permanent failure.

    Built with the standard library's legacy (compat32) MIME classes, which write the same
    standard mail as the modern API at about a fifth of the CPU time (see docs/performance.md,
    "SMTP"): the modern API parses every header it is given back into objects, which a sender
    never needs. Addresses with non-ASCII characters need SMTPUTF8 and take the modern path.
    """
    text = msg.text if msg.text is not None else msg.body
    markup = msg.html
    if text is None and markup is None:
        text = ""
    if markup is None:
        markup = text_to_html(text or "")
    else:
        markup = complete_html(markup)
    if text is None:
        text = html_to_text(markup)
    from_value = msg.sender or sender
    from_name, from_addr = _split_address(from_value)
    from_name = from_name if msg.sender else (sender_name or from_name)
    to_name, to_addr = _split_address(msg.to)
    extra = dict(msg.headers or {})
    _check_extra_headers(extra)
    subject = " ".join((msg.subject or "").split())
    moment = format_datetime(date or datetime.now(UTC))
    mid = message_id(msg.message_key, domain or sender_domain(from_value))
    if not (from_addr + to_addr).isascii():
        return _build_international(msg, text, markup, (from_name, from_addr), (to_name, to_addr),
                                    subject, moment, mid, extra)

    email = EmailMessage(policy=LEGACY)
    email["From"] = formataddr((from_name, from_addr), charset="utf-8")
    email["To"] = formataddr((to_name, to_addr), charset="utf-8")
    email["Subject"] = _header(subject)
    email["Date"] = moment
    email["Message-ID"] = mid
    if msg.unsubscribe_url:
        email["List-Unsubscribe"] = f"<{msg.unsubscribe_url}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    for name, value in extra.items():
        email[name] = _header(value)
    email["MIME-Version"] = "1.0"
    email["Content-Type"] = "multipart/alternative"
    # The stubs want EmailMessage parts; a compat32 MIMEText is what the legacy path attaches.
    email.attach(_text_part(text, "plain"))  # type: ignore[arg-type]
    email.attach(_text_part(markup, "html"))  # type: ignore[arg-type]
    return email


def _build_international(msg: OutgoingMessage, text: str, markup: str, sender: tuple[str, str],
                         recipient: tuple[str, str], subject: str, moment: str, mid: str,
                         extra: dict[str, str]) -> EmailMessage:
    """The modern API, which can write non-ASCII addresses (sent with SMTPUTF8)."""
    def address(pair: tuple[str, str]) -> Address:
        local, _, domain = pair[1].rpartition("@")
        return Address(display_name=pair[0], username=local, domain=domain)

    email = EmailMessage(policy=SMTP)
    email["From"] = address(sender)
    email["To"] = address(recipient)
    email["Subject"] = subject
    email["Date"] = moment
    email["Message-ID"] = mid
    if msg.unsubscribe_url:
        email["List-Unsubscribe"] = f"<{msg.unsubscribe_url}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    for name, value in extra.items():
        email[name] = value
    email.set_content(text, subtype="plain", charset="utf-8")
    email.add_alternative(markup, subtype="html", charset="utf-8")
    return email
