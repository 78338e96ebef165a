"""The default channels that need no account: a real local SMTP catcher and the SMS/push sink."""

from __future__ import annotations

import json
from pathlib import Path

from engine.channels import Channel, OutgoingMessage
from engine.channels.catcher import LocalCatcher, LocalSink, read_outbox
from engine.channels.smtp import SmtpChannel, SmtpConfig


def test_the_catcher_receives_what_smtp_channel_sends_and_the_outbox_lists_it(tmp_path: Path) -> None:
    catcher = LocalCatcher(tmp_path)
    host, port = catcher.start()
    try:
        assert host == "127.0.0.1" and port > 0
        channel = SmtpChannel(SmtpConfig(host=host, port=port, security="none", sender="news@shop.example",
                                         sender_name="Corner Shop"))
        results = [channel.send(OutgoingMessage(f"k{n}", "email", "anna@example.org", subject=f"Cart {n}",
                                                html=f"<p>Your cart {n} is <b>waiting</b></p>",
                                                unsubscribe_url="http://127.0.0.1:1/unsubscribe?c=1"))
                   for n in range(2)]
        channel.close()
    finally:
        catcher.stop()
    assert [r.status for r in results] == ["sent", "sent"], results[0].detail
    emls = sorted((tmp_path / "mail").glob("*.eml"))
    assert len(emls) == 2
    outbox = read_outbox(tmp_path)
    assert [e["subject"] for e in outbox] == ["Cart 0", "Cart 1"]
    first = outbox[0]
    assert first["channel"] == "email" and first["to"] == "anna@example.org"
    assert first["rcpt_tos"] == ["anna@example.org"]
    assert "Corner Shop" in first["from"]
    assert "<p>Your cart 0 is <b>waiting</b></p>" in first["html"]  # wrapped as a complete document
    assert first["text"].strip() == "Your cart 0 is waiting"
    assert first["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert first["message_id"] == results[0].provider_id
    assert Path(first["file"]).read_bytes().startswith(b"")


def test_the_catcher_stops_and_frees_its_port(tmp_path: Path) -> None:
    with LocalCatcher(tmp_path) as catcher:
        assert catcher.address is not None
        _, port = catcher.address
    result = SmtpChannel(SmtpConfig(host="127.0.0.1", port=port, security="none", sender="a@b.example",
                                    timeout=2)).send(OutgoingMessage("k", "email", "x@example.org", text="t"))
    assert result.status == "temporary" and "connection refused" in result.detail


def test_the_sink_keeps_sms_and_push_as_json_lines(tmp_path: Path) -> None:
    sink = LocalSink(tmp_path)
    assert isinstance(sink, Channel)
    sms = sink.send(OutgoingMessage("s1", "sms", "+4915112345678", text="Your cart is waiting"))
    push = sink.send(OutgoingMessage("p1", "push", "device-token-1", title="Cart", body="Come back", url="https://s.example/c"))
    wrong = sink.send(OutgoingMessage("e1", "email", "a@example.org", text="x"))
    empty = sink.send(OutgoingMessage("s2", "sms", "", text="x"))
    assert (sms.status, push.status, wrong.status, empty.status) == ("sent", "sent", "permanent", "permanent")
    line = json.loads((tmp_path / "sms.jsonl").read_text(encoding="utf-8"))
    assert line["text"] == "Your cart is waiting" and line["to"] == "+4915112345678"
    outbox = read_outbox(tmp_path)
    assert [(e["channel"], e["to"]) for e in outbox] == [("sms", "+4915112345678"), ("push", "device-token-1")]
    assert outbox[1]["title"] == "Cart" and outbox[1]["url"] == "https://s.example/c"


def test_read_outbox_of_an_empty_or_torn_folder(tmp_path: Path) -> None:
    assert read_outbox(tmp_path / "nothing") == []
    (tmp_path / "sms.jsonl").write_text('{"channel": "sms", "to": "1", "at": "2026-01-01T00:00:00Z"}\n{"chan',
                                        encoding="utf-8")
    assert [e["to"] for e in read_outbox(tmp_path)] == ["1"]


def test_the_catcher_and_the_sink_remember_every_message_key(tmp_path) -> None:
    """A session killed between handing a message over and recording the answer asks them."""
    catcher = LocalCatcher(tmp_path)
    host, port = catcher.start()
    try:
        channel = SmtpChannel(SmtpConfig(host=host, port=port, security="none", sender="shop@example.org"))
        handed = []
        msg = OutgoingMessage(message_key="j1-cc1-e1-mail-v1", channel="email", to="anna@example.org",
                              subject="Hi", text="Hello", headers={"X-Journey-Message": "j1-cc1-e1-mail-v1"},
                              on_handover=lambda: handed.append("email"))
        assert channel.send(msg).ok
        channel.close()
    finally:
        catcher.stop()
    assert handed == ["email"]
    assert catcher.has_message("j1-cc1-e1-mail-v1") and not catcher.has_message("j1-cc1-e1-mail-v2")
    sink = LocalSink(tmp_path)
    sms = OutgoingMessage(message_key="j1-cc1-e1-sms-v1", channel="sms", to="+4915112345678", text="Hi",
                          on_handover=lambda: handed.append("sms"))
    assert sink.send(sms).ok and handed == ["email", "sms"]
    assert sink.has_message("j1-cc1-e1-sms-v1") and not sink.has_message("j1-cc1-e1-mail-v1")
