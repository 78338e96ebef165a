"""The email's shape: parts derived from each other, stable Message-ID, headers, encodings."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, message_from_string, policy

import pytest

from engine.channels.base import OutgoingMessage
from engine.channels.mime import build_email, html_to_text, message_id, sender_domain, text_to_html


def roundtrip(msg: OutgoingMessage, sender: str = "Shop <news@shop.example>") -> object:
    built = build_email(msg, sender, sender_domain(sender), date=datetime(2026, 11, 2, 18, 0, tzinfo=UTC))
    return message_from_bytes(built.as_bytes(), policy=policy.default)


def test_text_only_becomes_paragraphs_and_line_breaks_with_escaping() -> None:
    html = text_to_html("Hi <Anna> & co,\n\nline one\nline two\n\n\nBye")
    assert "<p>Hi &lt;Anna&gt; &amp; co,</p>" in html
    assert "<p>line one<br>\nline two</p>" in html
    assert "<p>Bye</p>" in html
    assert html.count("<p>") == 3


def test_html_only_gives_readable_text() -> None:
    text = html_to_text("<html><head><style>p{color:red}</style><title>x</title></head><body>"
                        "<h1>Your cart</h1><p>Still there &amp; waiting.<br>Come back:</p>"
                        "<p><a href='https://shop.example/cart'>open your cart</a></p>"
                        "<ul><li>Mug</li><li>Tea</li></ul><script>alert(1)</script></body></html>")
    assert "color" not in text and "alert" not in text
    assert text.startswith("Your cart\n\nStill there & waiting.\nCome back:")
    assert "open your cart (https://shop.example/cart)" in text
    assert "- Mug\n- Tea" in text


def test_both_parts_in_multipart_alternative_text_first() -> None:
    mail = roundtrip(OutgoingMessage("k", "email", "anna@example.org", subject="Hi", text="Plain", html="<b>Rich</b>"))
    assert mail.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in mail.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert mail.get_body(("plain",)).get_content().strip() == "Plain"
    html = mail.get_body(("html",)).get_content().replace("\r\n", "\n")
    # a fragment goes out as a complete document
    assert html.startswith("<!DOCTYPE html>") and "<body>\n<b>Rich</b>\n</body></html>" in html


def test_a_text_body_is_never_lossy_and_a_whole_document_stays_whole() -> None:
    text = "Questions? Write to <service@shop.example> & we answer within 24 h.\n\n-- Lumen & Co"
    mail = roundtrip(OutgoingMessage("k", "email", "anna@example.org", subject="Hi", text=text))
    assert mail.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n") == text
    assert "&lt;service@shop.example&gt; &amp; we answer" in mail.get_body(("html",)).get_content()
    whole = "<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    mail = roundtrip(OutgoingMessage("k", "email", "anna@example.org", subject="Hi", html=whole))
    assert mail.get_body(("html",)).get_content().strip() == whole


def test_headers_and_utf8_subject_and_names() -> None:
    msg = OutgoingMessage("journey/step/c-1", "email", "Zoë <zoe@example.org>", subject="Ihr Rabatt: 10 % – nur heute 🎁",
                          text="x", unsubscribe_url="https://shop.example/unsubscribe?c=1&ch=email&sig=abc")
    built = build_email(msg, "news@shop.example", "shop.example", sender_name="Café Müller")
    raw = built.as_bytes()
    assert raw.isascii(), "headers must be encoded for 7-bit transport"
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Subject"] == "Ihr Rabatt: 10 % – nur heute 🎁"
    assert mail["From"].addresses[0].display_name == "Café Müller"
    assert mail["To"].addresses[0].addr_spec == "zoe@example.org"
    assert mail["List-Unsubscribe"] == "<https://shop.example/unsubscribe?c=1&ch=email&sig=abc>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["Date"] is not None
    assert b"\r\n" in raw


def test_no_unsubscribe_headers_without_a_link() -> None:
    mail = roundtrip(OutgoingMessage("k", "email", "a@example.org", subject="s", text="t"))
    assert mail["List-Unsubscribe"] is None and mail["List-Unsubscribe-Post"] is None


def test_message_id_is_stable_per_key_and_uses_the_sender_domain() -> None:
    assert message_id("a/b/c", "shop.example") == message_id("a/b/c", "shop.example")
    assert message_id("a/b/c", "shop.example") != message_id("a/b/d", "shop.example")
    assert message_id("a/b/c", "shop.example").endswith("@shop.example>")
    assert "c-17" not in message_id("journey/c-17", "shop.example")
    assert message_id("", "shop.example") != message_id("", "shop.example")  # random without a key
    assert sender_domain("Shop <News@Shop.Example>") == "shop.example"


def test_per_message_sender_overrides_the_configured_one() -> None:
    mail = roundtrip(OutgoingMessage("k", "email", "a@example.org", subject="s", text="t", sender="Ana <ana@other.example>"))
    assert mail["From"].addresses[0].addr_spec == "ana@other.example"


@pytest.mark.parametrize("headers", [{"From": "x@evil.example"}, {"X-Note": "a\r\nBcc: x@evil.example"}])
def test_extra_headers_cannot_replace_or_inject(headers: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        build_email(OutgoingMessage("k", "email", "a@example.org", text="t", headers=headers), "n@shop.example")


def test_a_bad_address_is_refused() -> None:
    with pytest.raises(ValueError, match="not an email address"):
        build_email(OutgoingMessage("k", "email", "nobody", text="t"), "n@shop.example")


def test_long_subjects_and_names_with_commas_survive() -> None:
    subject = "Your cart is waiting: " + "a really long subject line, " * 6 + "ending here"
    mail = roundtrip(OutgoingMessage("k", "email", "a@example.org", subject=subject, text="t"),
                     sender='"Müller, Tee & Co" <tee@shop.example>')
    assert mail["Subject"] == subject.strip()
    assert mail["From"].addresses[0].display_name == "Müller, Tee & Co"


def test_non_ascii_addresses_take_the_smtputf8_path() -> None:
    built = build_email(OutgoingMessage("k", "email", "jörg@exämple.org", subject="Grüße", text="Hallo"),
                        "news@shop.example", "shop.example")
    raw = built.as_bytes(policy=built.policy.clone(utf8=True))
    mail = message_from_string(raw.decode("utf-8"), policy=policy.default)
    assert mail["To"].addresses[0].addr_spec == "jörg@exämple.org"
    assert mail.get_body(("plain",)).get_content().strip() == "Hallo"
