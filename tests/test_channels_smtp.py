"""SmtpChannel against a real SMTP server on loopback: what arrives, how connections are reused,
TLS, login, how replies map to temporary/permanent, recovery after errors, and rate limits."""

from __future__ import annotations

import logging
import select
import socket
import time
from pathlib import Path

import pytest
from test_channels_support import (
    PipeliningRecorder,
    Recorder,
    client_context,
    make_certificate,
    password_authenticator,
    server_context,
    smtp_server,
)

from engine.channels import Channel, OutgoingMessage, SendResult
from engine.channels.smtp import DAILY_LIMIT_REACHED, SmtpChannel, SmtpConfig

SENDER = "news@shop.example"


def message(n: int = 1, to: str = "anna@example.org", **extra: object) -> OutgoingMessage:
    fields: dict[str, object] = {"subject": f"Message {n}", "text": f"Hello {n}"}
    fields.update(extra)
    return OutgoingMessage(message_key=f"j1/s1/c{n}", channel="email", to=to, **fields)  # type: ignore[arg-type]


def channel_for(controller: object, **overrides: object) -> SmtpChannel:
    config = SmtpConfig(host="127.0.0.1", port=controller.port, security="none",  # type: ignore[attr-defined]
                        sender=SENDER, sender_name="Corner Shop", timeout=5)
    for key, value in overrides.items():
        setattr(config, key, value)
    return SmtpChannel(config)


def test_a_message_arrives_with_both_parts_and_its_headers() -> None:
    with smtp_server() as (controller, recorder):
        channel = channel_for(controller)
        assert isinstance(channel, Channel)
        result = channel.send(OutgoingMessage(
            message_key="j1/s1/c-17", channel="email", to="anna@example.org", subject="Grüße aus dem Laden ☕",
            text="Hallo Anna,\n\nIhr Warenkorb wartet.\nBis bald!",
            unsubscribe_url="http://127.0.0.1:8765/unsubscribe?c=c-17&ch=email&sig=x",
            headers={"X-Journey": "abandoned-cart"}))
        channel.close()
    assert result.status == "sent", result.detail
    assert len(recorder.messages) == 1
    mail = recorder.messages[0]
    assert recorder.envelopes[0] == (SENDER, ["anna@example.org"])
    assert mail["Subject"] == "Grüße aus dem Laden ☕"
    assert mail["From"].addresses[0].display_name == "Corner Shop"
    assert mail["From"].addresses[0].addr_spec == SENDER
    assert mail["To"] == "anna@example.org"
    assert mail["Date"] is not None
    assert mail["Message-ID"].endswith("@shop.example>") and mail["Message-ID"] == result.provider_id
    assert mail["List-Unsubscribe"] == "<http://127.0.0.1:8765/unsubscribe?c=c-17&ch=email&sig=x>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["X-Journey"] == "abandoned-cart"
    assert mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Ihr Warenkorb wartet." in text
    assert "<p>Hallo Anna,</p>" in html and "Ihr Warenkorb wartet.<br>" in html


def test_a_retry_of_the_same_message_keeps_its_message_id() -> None:
    with smtp_server() as (controller, recorder):
        channel = channel_for(controller)
        first = channel.send(message(1))
        again = channel.send(message(1))
        other = channel.send(message(2))
        channel.close()
    assert first.provider_id == again.provider_id != other.provider_id
    assert recorder.messages[0]["Message-ID"] == recorder.messages[1]["Message-ID"]


def test_one_connection_carries_many_messages() -> None:
    with smtp_server() as (controller, recorder):
        channel = channel_for(controller)
        results = [channel.send(message(n)) for n in range(20)]
        channel.close()
        assert controller.connections == 1
    assert all(r.status == "sent" for r in results)
    assert len(recorder.messages) == 20
    assert channel.connections_opened == 1


def test_the_connection_is_renewed_after_the_cap() -> None:
    with smtp_server() as (controller, recorder):
        channel = channel_for(controller, max_messages_per_connection=3)
        results = [channel.send(message(n)) for n in range(7)]
        channel.close()
        assert controller.connections == 3
    assert [r.status for r in results] == ["sent"] * 7


def _hung_up(sock: socket.socket, deadline: float) -> bool:
    """True once the peer has closed `sock` (it reads as end of file), polled until `deadline`."""
    while time.monotonic() < deadline:
        readable, _, _ = select.select([sock], [], [], 0.02)
        if readable and sock.recv(1, socket.MSG_PEEK) == b"":
            return True
    return False


def test_an_idle_connection_closed_by_the_server_is_reopened_without_losing_the_message() -> None:
    with smtp_server(timeout=0.3) as (controller, recorder):
        channel = channel_for(controller)
        assert channel.send(message(1)).status == "sent"
        conn = channel._conn
        assert conn is not None and conn.sock is not None
        assert _hung_up(conn.sock, time.monotonic() + 10)  # the server hangs up on the idle connection
        result = channel.send(message(2))
        channel.close()
        assert controller.connections == 2
    assert result.status == "sent", result.detail
    assert recorder.subjects() == ["Message 1", "Message 2"]


def test_starttls_with_login(tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path)
    with smtp_server(tls_context=server_context(cert, key), require_starttls=True,
                     authenticator=password_authenticator("shop", "s3cret!"), auth_required=True) as (controller, rec):
        channel = channel_for(controller, security="starttls", ssl_context=client_context(cert),
                              username="shop", password="s3cret!")
        results = [channel.send(message(n)) for n in range(3)]
        channel.close()
        assert controller.connections == 1
    assert [r.status for r in results] == ["sent"] * 3, results[0].detail
    assert rec.subjects() == ["Message 0", "Message 1", "Message 2"]


def test_implicit_ssl(tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path)
    with smtp_server(ssl_context=server_context(cert, key)) as (controller, rec):
        channel = channel_for(controller, security="ssl", ssl_context=client_context(cert))
        result = channel.send(message(1))
        channel.close()
    assert result.status == "sent", result.detail
    assert rec.subjects() == ["Message 1"]


def test_an_untrusted_certificate_is_explained(tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path)
    with smtp_server(tls_context=server_context(cert, key), require_starttls=True) as (controller, rec):
        channel = channel_for(controller, security="starttls")  # system CAs: the test cert is unknown
        result = channel.send(message(1))
    assert result.status == "temporary"
    assert "certificate" in result.detail and "not trusted" in result.detail
    assert rec.messages == []


def test_starttls_required_but_not_offered() -> None:
    with smtp_server() as (controller, _):
        result = channel_for(controller, security="starttls").send(message(1))
    assert result.status == "temporary"
    assert "does not offer STARTTLS" in result.detail


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_without_tls_is_supported_when_the_server_allows_it() -> None:
    with smtp_server(authenticator=password_authenticator("shop", "pw"), auth_require_tls=False,
                     auth_required=True) as (controller, rec):
        channel = channel_for(controller, username="shop", password="pw")
        result = channel.send(message(1))
        channel.close()
    assert result.status == "sent", result.detail
    assert len(rec.messages) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_refused_login_is_explained_and_the_password_never_shows(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = "hunter2-very-secret"
    with smtp_server(authenticator=password_authenticator("shop", "right"), auth_require_tls=False,
                     auth_required=True) as (controller, rec):
        channel = channel_for(controller, username="shop", password=password)
        result = channel.send(message(1))
        verified = channel.verify()
        logging.getLogger("test").info("config: %r, result: %r", channel.config, result)
    assert result.status == "temporary"
    assert result.detail.startswith("the SMTP server refused the login for 'shop'")
    assert verified.status == "temporary" and "refused the login" in verified.detail
    assert rec.messages == []
    assert password not in caplog.text
    assert password not in result.detail and password not in repr(channel.config)


def test_connection_refused_is_explained() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    channel = SmtpChannel(SmtpConfig(host="127.0.0.1", port=port, security="none", sender=SENDER, timeout=2))
    result = channel.send(message(1))
    assert result == SendResult("temporary", f"could not connect to 127.0.0.1:{port}: connection refused")


def test_4xx_is_temporary_and_the_retry_succeeds() -> None:
    recorder = Recorder(rcpt_replies={"busy@example.org": ["450 4.2.1 mailbox busy, try later"]})
    with smtp_server(recorder) as (controller, rec):
        channel = channel_for(controller)
        first = channel.send(message(1, to="busy@example.org"))
        retry = channel.send(message(1, to="busy@example.org"))
        channel.close()
        assert controller.connections == 1
    assert first.status == "temporary"
    assert "450" in first.detail and "busy@example.org" in first.detail
    assert retry.status == "sent"
    assert len(rec.messages) == 1


def test_5xx_is_permanent_and_the_next_message_still_goes_through_after_rset() -> None:
    recorder = Recorder(rcpt_replies={"gone@example.org": ["550 5.1.1 no such user"]})
    with smtp_server(recorder) as (controller, rec):
        channel = channel_for(controller)
        refused = channel.send(message(1, to="gone@example.org"))
        after = channel.send(message(2))
        channel.close()
        assert controller.connections == 1
    assert refused.status == "permanent"
    assert refused.detail == "the server refused the recipient gone@example.org (550 5.1.1 no such user)"
    assert after.status == "sent"
    assert rec.subjects() == ["Message 2"]
    assert "RSET" in rec.commands[rec.commands.index("RCPT"):]


def test_a_rejected_message_body_maps_by_code() -> None:
    recorder = Recorder(data_replies={"Message 1": ["554 5.7.1 looks like spam"], "Message 2": ["451 4.3.0 later"]})
    with smtp_server(recorder) as (controller, rec):
        channel = channel_for(controller)
        spam = channel.send(message(1))
        later = channel.send(message(2))
        fine = channel.send(message(3))
        channel.close()
    assert (spam.status, later.status, fine.status) == ("permanent", "temporary", "sent")
    assert "554 5.7.1 looks like spam" in spam.detail
    assert rec.subjects() == ["Message 3"]


def test_a_timeout_mid_transaction_drops_the_connection_so_the_next_message_is_not_out_of_step() -> None:
    recorder = Recorder(data_delay={"Message 1": 1.5})
    with smtp_server(recorder) as (controller, rec):
        channel = channel_for(controller, timeout=0.5)
        slow = channel.send(message(1))
        fast = channel.send(message(2))
        channel.close()
        assert controller.connections == 2
    # The whole message went out before the wait: the server may have it, so it is not simply
    # retried (that delivered eight copies of one mail to a server whose replies got lost).
    assert slow.status == "uncertain" and "timed out" in slow.detail and "may have accepted" in slow.detail
    assert fast.status == "sent", fast.detail
    assert "Message 2" in rec.subjects()


def test_bad_messages_are_permanent_without_touching_the_server() -> None:
    with smtp_server() as (controller, rec):
        channel = channel_for(controller)
        no_address = channel.send(message(1, to=""))
        sms = channel.send(OutgoingMessage("k", "sms", "+49151"))
        bad_header = channel.send(message(2, headers={"Subject": "sneaky"}))
    assert [r.status for r in (no_address, sms, bad_header)] == ["permanent"] * 3
    assert controller.connections == 0 and rec.messages == []


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_the_per_minute_rate_pauses_and_resumes_by_itself() -> None:
    fake = FakeTime()
    with smtp_server() as (controller, rec):
        config = SmtpConfig(host="127.0.0.1", port=controller.port, security="none", sender=SENDER, rate_per_minute=3)
        channel = SmtpChannel(config, clock=fake.clock, sleep=fake.sleep)
        statuses = []
        for n in range(7):
            statuses.append(channel.send(message(n)).status)
            fake.now += 5  # five seconds between sends
        channel.close()
    assert statuses == ["sent"] * 7
    # sends at 1000, 1005, 1010; the 4th waits until 1060; 1065, 1070; the 7th waits until 1120
    assert fake.sleeps == [45.0, 45.0]
    assert len(rec.messages) == 7


def test_the_daily_limit_answers_temporary_with_a_hint_and_resumes_the_next_day() -> None:
    fake = FakeTime()
    with smtp_server() as (controller, rec):
        config = SmtpConfig(host="127.0.0.1", port=controller.port, security="none", sender=SENDER, rate_per_day=2)
        channel = SmtpChannel(config, clock=fake.clock, sleep=fake.sleep)
        first, second = channel.send(message(1)), channel.send(message(2))
        fake.now += 3600
        blocked = channel.send(message(3))
        fake.now += blocked.retry_after or 0
        resumed = channel.send(message(3))
        channel.close()
    assert (first.status, second.status, resumed.status) == ("sent", "sent", "sent")
    assert blocked.status == "temporary" and blocked.detail == DAILY_LIMIT_REACHED
    assert blocked.retry_after == pytest.approx(86_400 - 3600)
    assert fake.sleeps == []
    assert rec.subjects() == ["Message 1", "Message 2", "Message 3"]


def test_a_non_ascii_address_goes_out_with_smtputf8() -> None:
    with smtp_server() as (controller, rec):
        channel = channel_for(controller)
        result = channel.send(message(1, to="jörg@exämple.org"))
        channel.close()
    assert result.status == "sent", result.detail
    assert rec.envelopes[0][1] == ["jörg@exämple.org"]


def test_pipelining_sends_many_messages_and_recovers_from_refusals(tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path)
    recorder = PipeliningRecorder(rcpt_replies={"gone@example.org": ["550 5.1.1 no such user"]},
                                  data_replies={"Message 3": ["451 4.3.0 later"]})
    with smtp_server(recorder, tls_context=server_context(cert, key), require_starttls=True) as (controller, rec):
        channel = channel_for(controller, security="starttls", ssl_context=client_context(cert))
        results = [channel.send(message(1)), channel.send(message(2, to="gone@example.org")),
                   channel.send(message(3)), channel.send(message(4, text="line\n.\n..dots stay")),
                   channel.send(message(5))]
        channel.close()
        assert controller.connections == 1
    assert [r.status for r in results] == ["sent", "permanent", "temporary", "sent", "sent"], results
    assert rec.subjects() == ["Message 1", "Message 4", "Message 5"]
    assert rec.messages[1].get_body(("plain",)).get_content().replace("\r\n", "\n") == "line\n.\n..dots stay"
    assert rec.commands.count("RSET") == 2


@pytest.mark.parametrize("to", ['"x\r\nBcc: evil@example.org" <c9@example.org>', "x\r\nBcc: evil@example.org",
                                "Anna <anna@example.org>", "anna@example.org, evil@example.org", "anna",
                                "anna@example.org\n", ""])
def test_anything_but_one_bare_address_is_refused_before_the_server_hears_of_it(to) -> None:
    with smtp_server() as (controller, rec):
        channel = channel_for(controller)
        result = channel.send(OutgoingMessage(message_key="k", channel="email", to=to, subject="S", text="T"))
        channel.close()
    assert result.status == "permanent" and "not one email address" in result.detail
    assert rec.subjects() == [] and "RCPT" not in rec.commands


@pytest.mark.parametrize("pipelining", [True, False], ids=["pipelining", "one command at a time"])
def test_non_ascii_addresses_arrive_with_smtputf8(pipelining) -> None:
    handler = PipeliningRecorder() if pipelining else Recorder()
    with smtp_server(handler, enable_SMTPUTF8=True) as (controller, rec):
        channel = channel_for(controller, sender="läden@shop.example")
        results = [channel.send(message(1, to="jürgen@münchen.example")),
                   channel.send(message(2, to="anna@example.org")),
                   channel.send(message(3, to="zoë@example.org"))]
        channel.close()
    assert [r.status for r in results] == ["sent"] * 3, [r.detail for r in results]
    assert [env[1] for env in rec.envelopes] == [["jürgen@münchen.example"], ["anna@example.org"],
                                                 ["zoë@example.org"]]
    assert rec.envelopes[0][0] == "läden@shop.example"
    assert rec.messages[0]["To"] == "jürgen@münchen.example"
    assert ("EHLO" in rec.commands) == pipelining


def test_without_smtputf8_a_domain_goes_in_idna_and_a_non_ascii_mailbox_fails_alone() -> None:
    with smtp_server(PipeliningRecorder(), enable_SMTPUTF8=False) as (controller, rec):  # PIPELINING, no SMTPUTF8
        channel = channel_for(controller)
        idn = channel.send(message(1, to="jurgen@münchen.example"))
        local = channel.send(message(2, to="jürgen@example.org"))
        after = channel.send(message(3, to="anna@example.org"))
        channel.close()
    assert idn.status == "sent" and rec.envelopes[0][1] == ["jurgen@xn--mnchen-3ya.example"]
    assert local.status == "permanent" and "does not offer SMTPUTF8" in local.detail
    assert after.status == "sent"  # the refusal cost nothing else
    assert rec.subjects() == ["Message 1", "Message 3"]
