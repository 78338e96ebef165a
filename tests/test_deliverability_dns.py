"""The sender domain's records (engine.dnscheck, `check-domain`) and DKIM signing
(engine.channels.dkim), both against a DNS server on a loopback port (tests/dns_server.py), so
what is tested is real DNS packets and a real signature a receiver would check."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from dns_server import DnsServer, dns_server
from imap_server import free_port
from session_helpers import make_db
from test_channels_support import Recorder, smtp_server

from app.cli import main
from app.secrets import set_secret
from app.session.outbox import build_channels
from app.session.signing import KEY_SECRET, dkim_signer
from engine.channels.base import OutgoingMessage
from engine.channels.dkim import DkimKeyError, DkimSigner
from engine.channels.smtp import SmtpChannel, SmtpConfig
from engine.dnscheck import check_domain, make_resolver, txt_records
from storage import shop_repo

SELECTOR = "jb2025"
SPF = "v=spf1 include:spf.brevo.com include:_spf.google.com ~all"
DMARC = "v=DMARC1; p=quarantine; rua=mailto:dmarc@shop.example"


@pytest.fixture(scope="module")
def key() -> tuple[bytes, str]:
    """A 2048-bit RSA key: (private PEM, the DKIM record publishing its public half)."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    public = private.public_key().public_bytes(serialization.Encoding.DER,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem, f"v=DKIM1; k=rsa; p={base64.b64encode(public).decode()}"


@pytest.fixture
def dns(key: tuple[bytes, str]) -> DnsServer:
    records = {
        "shop.example": [SPF, "google-site-verification=Xy12"],
        "_dmarc.shop.example": [DMARC],
        f"{SELECTOR}._domainkey.shop.example": [key[1]],
        "bare.example": ["google-site-verification=only"],
        "double.example": ["v=spf1 mx -all", "v=spf1 include:_spf.google.com ~all"],
        "_dmarc.double.example": ["v=DMARC1; p=none"],
        "open.example": ["v=spf1 +all"],
        "_dmarc.open.example": ["v=DMARC1; p=maybe"],
        f"{SELECTOR}._domainkey.open.example": ["v=DKIM1; p="],
    }
    with dns_server(records) as server:
        yield server


def resolver_for(server: DnsServer):
    return make_resolver(server.host, server.port)


def test_a_domain_with_every_record(dns: DnsServer) -> None:
    report = check_domain("Shop.Example.", selector=SELECTOR, resolver=resolver_for(dns))
    assert report.exit_status == 0
    assert report.text().splitlines() == [
        "Sender domain shop.example",
        "SPF: found — includes spf.brevo.com, _spf.google.com, ends in ~all",
        f"DKIM: found — selector {SELECTOR}, rsa key published at {SELECTOR}._domainkey.shop.example",
        "DMARC: found — policy quarantine; reports go to mailto:dmarc@shop.example",
    ]
    assert {"shop.example", "_dmarc.shop.example", f"{SELECTOR}._domainkey.shop.example"} <= set(dns.questions)


def test_a_long_dkim_key_comes_back_whole(dns: DnsServer, key: tuple[bytes, str]) -> None:
    assert len(key[1]) > 255  # split into several strings on the wire
    assert txt_records(resolver_for(dns), f"{SELECTOR}._domainkey.shop.example") == [key[1]]


def test_missing_records_are_named_with_what_to_do(dns: DnsServer) -> None:
    report = check_domain("bare.example", resolver=resolver_for(dns))
    assert report.exit_status == 1
    lines = report.text().splitlines()
    assert lines[1].startswith("SPF: missing — receivers cannot tell which servers may send for bare.example")
    assert lines[2].startswith("DKIM: not checked — no selector given")
    assert lines[3].startswith("DMARC: missing — receivers may reject or spam-folder your mail")
    assert 'TXT record at _dmarc.bare.example like "v=DMARC1; p=none' in lines[3]
    dkim_missing = check_domain("bare.example", selector="s1", resolver=resolver_for(dns))
    assert dkim_missing.findings[1].status == "missing"
    assert "no DKIM key at s1._domainkey.bare.example" in dkim_missing.findings[1].words


def test_broken_and_weak_records(dns: DnsServer) -> None:
    double = check_domain("double.example", resolver=resolver_for(dns))
    assert [f.status for f in double.findings] == ["invalid", "skipped", "found"]
    assert "2 SPF records" in double.findings[0].words
    assert "policy none (monitoring only" in double.findings[2].words
    assert double.exit_status == 1
    wide_open = check_domain("open.example", selector=SELECTOR, resolver=resolver_for(dns))
    assert [f.status for f in wide_open.findings] == ["warning", "invalid", "invalid"]
    assert "+all, which lets any server on the internet send as you" in wide_open.findings[0].words
    assert "revoked" in wide_open.findings[1].words
    assert "p= is maybe" in wide_open.findings[2].words


def test_offline_says_so_and_finds_nothing_missing() -> None:
    report = check_domain("shop.example", selector=SELECTOR, resolver=make_resolver("127.0.0.1", free_port()))
    assert report.exit_status == 2
    assert [f.status for f in report.findings] == ["offline", "offline", "offline"]
    first = report.text().splitlines()[1]
    assert first.startswith("SPF: offline — could not look up TXT shop.example")
    assert "missing" not in report.text().replace("Nothing was found missing", "")


def shop_db(tmp_path: Path, **smtp: object):
    db = make_db(tmp_path / "shop.sqlite", customers=0)
    with db.transaction() as session:
        shop_repo.update_settings(session, sender_email="hello@shop.example",
                                  smtp={"host": "127.0.0.1", "sender": "Shop <hello@shop.example>", **smtp})
    return db


def test_the_command_checks_the_shops_sender_domain(tmp_path: Path, dns: DnsServer, capsys) -> None:
    db = shop_db(tmp_path, dkim={"selector": SELECTOR, "key_secret": KEY_SECRET})
    status = main(["check-domain", "--db", str(db.path), "--nameserver", f"{dns.host}:{dns.port}"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.startswith("Sender domain shop.example\nSPF: found")
    assert f"DKIM: found — selector {SELECTOR}" in out  # the selector of the DKIM settings
    assert main(["check-domain", "bare.example", "--selector", "x", "--nameserver",
                 f"{dns.host}:{dns.port}", "--db", str(db.path)]) == 1
    assert "DMARC: missing" in capsys.readouterr().out


def test_the_command_offline_and_with_bad_input(tmp_path: Path, capsys) -> None:
    db = shop_db(tmp_path)
    assert main(["check-domain", "--db", str(db.path), "--nameserver", f"127.0.0.1:{free_port()}"]) == 2
    assert "SPF: offline — could not look up TXT shop.example" in capsys.readouterr().out
    assert main(["check-domain", "shop.example", "--selector", "s", "--nameserver", "dns.example"]) == 2
    assert "expected an IP address" in capsys.readouterr().err
    assert main(["check-domain", "bad..domain", "--selector", "s", "--nameserver", "127.0.0.1"]) == 2
    assert "is not a domain name" in capsys.readouterr().err


# -- DKIM signing ----------------------------------------------------------------------------------------
class RawRecorder(Recorder):
    """Keeps the bytes as they arrived, which is what a receiver verifies."""

    raw: list[bytes]

    async def handle_DATA(self, server, session, envelope) -> str:
        self.__dict__.setdefault("raw", []).append(envelope.original_content or envelope.content)
        return await super().handle_DATA(server, session, envelope)


def dnsfunc_for(server: DnsServer):
    resolver = resolver_for(server)

    def dnsfunc(name: bytes | str, timeout: float = 5) -> bytes | None:
        text = name.decode() if isinstance(name, bytes) else name
        found = txt_records(resolver, text.rstrip("."))
        return found[0].encode() if found else None
    return dnsfunc


def send_signed(signer: DkimSigner) -> bytes:
    recorder = RawRecorder()
    with smtp_server(recorder) as (controller, _):
        channel = SmtpChannel(SmtpConfig(host=controller.hostname, port=controller.port, security="none",
                                         sender="hello@shop.example", sender_name="Nordlicht", dkim=signer))
        result = channel.send(OutgoingMessage(
            message_key="j1-cC1-e1-mail-v1", channel="email", to="anna@example.org", subject="Winterschlussverkauf",
            text="Hallo Anna,\n\n30 % auf alle Jacken.\n.\nEine Zeile mit Punkt.",
            unsubscribe_url="https://shop.example/jb/unsubscribe?c=C1&ch=email&sig=x"))
        channel.close()
    assert result.status == "sent", result.detail
    return recorder.raw[0]


def test_a_signed_message_verifies_against_the_published_key(dns: DnsServer, key: tuple[bytes, str]) -> None:
    raw = send_signed(DkimSigner("shop.example", SELECTOR, key[0]))
    assert raw.startswith(b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example;")
    assert dkim.verify(raw, dnsfunc=dnsfunc_for(dns))
    signature = raw.split(b"\r\n\r\n", 1)[0].decode().lower()
    h = signature.split(" h=", 1)[1].split(";", 1)[0].replace("\r\n", "").replace(" ", "")
    assert {"from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"} <= set(
        h.split(":"))
    tampered = raw.replace(b"Winterschlussverkauf", b"Winterschlussverkaut")
    assert not dkim.verify(tampered, dnsfunc=dnsfunc_for(dns))


def test_a_key_that_cannot_sign_is_refused_at_once() -> None:
    with pytest.raises(DkimKeyError, match="cannot sign"):
        DkimSigner("shop.example", SELECTOR, b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    with pytest.raises(DkimKeyError, match="domain and a selector"):
        DkimSigner("shop.example", "", b"")


def test_the_shops_settings_sign_what_the_session_sends(tmp_path: Path, dns: DnsServer, key: tuple[bytes, str],
                                                        caplog) -> None:
    set_secret(KEY_SECRET, key[0].decode())
    smtp = {"host": "127.0.0.1", "sender": "Shop <hello@shop.example>",
            "dkim": {"selector": SELECTOR, "key_secret": KEY_SECRET}}
    signer = dkim_signer(smtp)
    assert signer is not None and (signer.domain, signer.selector) == ("shop.example", SELECTOR)
    assert dkim.verify(send_signed(signer), dnsfunc=dnsfunc_for(dns))
    channels = build_channels({"sender_email": "hello@shop.example", "smtp": smtp})
    try:
        assert channels.channels["email"].config.dkim == signer
    finally:
        channels.close()
    key_file = tmp_path / "dkim.pem"
    key_file.write_bytes(key[0])
    assert dkim_signer({**smtp, "dkim": {"selector": SELECTOR, "domain": "mail.shop.example",
                                          "key_file": str(key_file)}}).domain == "mail.shop.example"
    caplog.set_level(logging.WARNING, logger="app.session.signing")
    assert dkim_signer({**smtp, "dkim": {"selector": SELECTOR, "key_file": str(tmp_path / "none.pem")}}) is None
    assert dkim_signer({**smtp, "dkim": {"selector": SELECTOR, "key_secret": "no-such-secret"}}) is None
    assert dkim_signer({"host": "h"}) is None
    warnings = [r.getMessage() for r in caplog.records if r.name == "app.session.signing"]
    assert len(warnings) == 2 and all(w.endswith("mail goes out unsigned") for w in warnings)
    assert "none.pem cannot be read" in warnings[0] and "no private key is stored" in warnings[1]
