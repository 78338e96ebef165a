"""Reading bounce and complaint reports (engine.bounces) from realistic samples in tests/data/bounces.

The samples were written for these tests after real reports of each kind: Postfix, Gmail,
Exchange Online and qmail bounces, a Postfix delay warning, an ARF complaint, and a customer's
ordinary reply that must never be taken for a report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.bounces import classify_status, read_report

DATA = Path(__file__).parent / "data" / "bounces"


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.mark.parametrize(("name", "address", "kind", "status"), [
    ("postfix-user-unknown.eml", "anna.schmidt@example.org", "hard", "5.1.1"),
    ("gmail-no-such-user.eml", "nobody.here.1987@gmail.com", "hard", "5.1.1"),
    ("exchange-online-ndr.eml", "C.Dubois@contoso.example", "hard", "5.1.10"),
    ("qmail-no-mailbox.eml", "d.novak@example.com", "hard", "5.1.1"),  # free text: flufl.bounce finds it
    ("postfix-mailbox-full.eml", "ben.okafor@example.net", "soft", "4.2.2"),  # Action: failed, yet 4.x.x
    ("postfix-delayed.eml", "ben.okafor@example.net", "delayed", "4.2.2"),
])
def test_each_bounce_names_its_recipient_kind_and_status(name: str, address: str, kind: str, status: str) -> None:
    report = read_report(sample(name))
    assert report.kind == "bounce"
    assert [(f.address, f.kind, f.status) for f in report.failures] == [(address, kind, status)]


def test_the_returned_message_is_recognised_by_its_key_and_message_id() -> None:
    for name, key in (("postfix-user-unknown.eml", "j1-cC0001-e1-welcome_mail-v1"),  # text/rfc822-headers
                      ("gmail-no-such-user.eml", "j3-cC0003-e9-winback_mail-v1"),  # message/rfc822
                      ("qmail-no-mailbox.eml", "j5-cC0005-e3-birthday_mail-v1")):  # quoted in the text
        report = read_report(sample(name))
        assert report.message_key == key, name
        assert report.original_message_id and report.original_message_id.endswith("@shop.example"), name


def test_a_diagnostic_is_one_readable_line() -> None:
    failure = read_report(sample("gmail-no-such-user.eml")).failures[0]
    assert failure.diagnostic is not None
    assert failure.diagnostic.startswith("550-5.1.1 The email account that you tried to reach does not exist.")
    assert "550-5.1.1 double-checking" not in failure.diagnostic  # continuation codes dropped
    assert "\n" not in failure.diagnostic and len(failure.diagnostic) <= 200
    assert read_report(sample("postfix-user-unknown.eml")).failures[0].summary.startswith("550 5.1.1 <anna")


def test_a_complaint_names_the_complaining_recipient() -> None:
    report = read_report(sample("arf-complaint.eml"))
    assert report.kind == "complaint"
    assert [(f.address, f.kind) for f in report.failures] == [("elena.rossi@example.net", "complaint")]
    assert report.message_key == "j6-cC0006-e4-sale_mail-v1"
    assert report.reporter == "Yahoo!-Mail-Feedback/2.0"
    assert report.message_id == "20250118164012.aBcD3fG@arf.mail.example.net"


def test_a_dmarc_failure_report_is_no_complaint() -> None:
    raw = sample("arf-complaint.eml").replace(b"Feedback-Type: abuse", b"Feedback-Type: auth-failure")
    assert read_report(raw).kind == "none"


def test_a_customers_reply_is_no_report() -> None:
    report = read_report(sample("customer-reply.eml"))
    assert (report.kind, report.failures) == ("none", ())


def test_a_report_without_message_id_is_known_by_its_content() -> None:
    raw = sample("postfix-user-unknown.eml").replace(b"Message-Id: <20250114081241.4XyZ1r2Kq7z9sW@mail.shop.example>\n", b"")
    first, second = read_report(raw), read_report(raw)
    assert first.message_id.startswith("sha256:") and first.message_id == second.message_id
    assert read_report(raw + b"\n").message_id != first.message_id


@pytest.mark.parametrize(("status", "kind"), [
    ("5.1.1", "hard"), ("5.1.10", "hard"), ("5.2.1", "hard"), ("5.4.4", "hard"), ("5.0.0", "hard"),
    ("5.2.2", "soft"),  # mailbox full: it can be emptied
    ("5.2.3", "soft"), ("5.3.4", "soft"),  # the message is too big, not the address gone
    ("5.7.1", "soft"), ("5.7.26", "soft"),  # refused for policy (spam, DMARC): about the sender
    ("4.4.1", "soft"), ("4.2.2", "soft"),
    (None, "hard"),  # Action: failed without a status, as flufl.bounce reads it too
])
def test_which_failures_are_hard(status: str | None, kind: str) -> None:
    assert classify_status(status) == kind
