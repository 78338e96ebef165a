"""The bounce mailbox against a real IMAP server (pymap, tests/imap_server.py): reports are read,
applied to the suppression list and the customers, flagged \\Seen, and never applied twice;
other mail is left alone; a mailbox that cannot be read never stops sending."""

from __future__ import annotations

import logging
import ssl
from datetime import timedelta
from pathlib import Path

import pytest
from imap_server import ImapServer, free_port, imap_server
from session_helpers import RecordingChannel, T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select
from test_channels_support import make_certificate

from app.cli import main
from app.secrets import set_secret
from app.session.bounces import (
    PASSWORD_SECRET,
    BounceMailboxError,
    BounceWatcher,
    MailboxSettings,
    check_mailbox,
    mailbox_settings,
)
from storage import bounces_repo, shop_repo
from storage.customers_repo import upsert_customer
from storage.database import Database
from storage.models import CustomerRow
from storage.suppressions_repo import list_suppressions

DATA = Path(__file__).parent / "data" / "bounces"
REPORTS = ("postfix-user-unknown.eml", "gmail-no-such-user.eml", "exchange-online-ndr.eml", "qmail-no-mailbox.eml",
           "postfix-mailbox-full.eml", "postfix-delayed.eml", "arf-complaint.eml")
CUSTOMERS = {"C0001": "anna.schmidt@example.org", "C0002": "ben.okafor@example.net",
             "C0003": "nobody.here.1987@gmail.com", "C0004": "c.dubois@contoso.example",
             "C0005": "d.novak@example.com", "C0006": "elena.rossi@example.net", "C0007": "still.here@example.org"}
NOW = T("2025-01-21T09:00:00Z")


@pytest.fixture
def server() -> ImapServer:
    with imap_server() as running:
        yield running


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = make_db(tmp_path / "shop.sqlite", customers=0)
    with database.transaction() as session:
        for cid, email in CUSTOMERS.items():
            upsert_customer(session, {"id": cid, "email": email, "consent": {"email": True}})
    yield database
    database.close()


def configure(db: Database, server: ImapServer, **extra: object) -> None:
    """The shop's settings as the email dialog stores them, the password in the secret store."""
    set_secret(PASSWORD_SECRET, server.password)
    bounces = {"host": server.host, "port": server.port, "security": "none", "username": server.user,
               "password_secret": PASSWORD_SECRET, **extra}
    with db.transaction() as session:
        shop_repo.update_settings(session, smtp={"host": "smtp.shop.example", "sender": "hello@shop.example",
                                                 "bounces": bounces})


def settings_of(db: Database, **overrides: object) -> MailboxSettings:
    with db.read() as session:
        values = dict(shop_repo.settings_dict(session)["smtp"]["bounces"])
    values.update(overrides)
    return mailbox_settings(values)


def fill(server: ImapServer, *names: str) -> None:
    for name in names:
        server.append((DATA / name).read_bytes())


def customers(db: Database) -> dict[str, tuple[bool, bool]]:
    """customer → (email consent, email bounced)."""
    with db.read() as session:
        return {c.id: (c.consent_email, c.email_bounced) for c in session.scalars(select(CustomerRow))}


def suppressions(db: Database) -> list[tuple[str | None, str | None, str, str | None]]:
    with db.read() as session:
        return sorted((s.customer_id, s.address, s.reason, s.source) for s in list_suppressions(session))


def test_reports_are_applied_and_other_mail_is_left_alone(server: ImapServer, db: Database) -> None:
    fill(server, *REPORTS, "customer-reply.eml")
    configure(db, server)
    outcome = check_mailbox(db, settings_of(db), NOW)
    assert (outcome.reports, outcome.hard, outcome.soft, outcome.soft_to_hard, outcome.delayed, outcome.complaints,
            outcome.ignored) == (7, 4, 1, 0, 1, 1, 1)
    found = suppressions(db)
    assert [(c, a, r) for c, a, r, _ in found] == [
        ("C0001", "anna.schmidt@example.org", "hard_bounce"), ("C0003", "nobody.here.1987@gmail.com", "hard_bounce"),
        ("C0004", "c.dubois@contoso.example", "hard_bounce"), ("C0005", "d.novak@example.com", "hard_bounce"),
        ("C0006", "elena.rossi@example.net", "complaint")]
    sources = {c: s for c, _, _, s in found}
    assert sources["C0001"].startswith("bounce: 550 5.1.1 <anna.schmidt@example.org>: Recipient address rejected")
    assert sources["C0004"].startswith("bounce: 550 5.1.10 RESOLVER.ADR.RecipientNotFound")
    assert sources["C0006"] == "complaint: abuse report via Yahoo!-Mail-Feedback/2.0"
    state = customers(db)
    assert {c for c, (_, bounced) in state.items() if bounced} == {"C0001", "C0003", "C0004", "C0005"}
    assert state["C0006"] == (False, False)  # a complaint withdraws consent
    assert state["C0002"] == (True, False)  # one soft bounce and a delay: still mailed
    with db.read() as session:
        assert bounces_repo.soft_count(session, "Ben.Okafor@example.net", NOW) == 1
    flags = server.flags()
    assert len(flags) == 8
    unread = [uid for uid, f in flags.items() if "\\Seen" not in f]
    assert len(unread) == 1  # the customer's reply, for a person to read


def test_a_second_check_reads_nothing_and_applies_nothing_twice(server: ImapServer, db: Database) -> None:
    fill(server, *REPORTS, "customer-reply.eml")
    configure(db, server)
    check_mailbox(db, settings_of(db), NOW)
    before = suppressions(db)
    again = check_mailbox(db, settings_of(db), NOW + timedelta(minutes=5))
    assert (again.reports, again.repeated, again.ignored) == (0, 0, 0)  # nothing new since the last UID
    # The same reports in another folder (moved back, a second mailbox): known by their Message-ID.
    server.create("Archive")
    for name in (*REPORTS, "customer-reply.eml"):
        server.append((DATA / name).read_bytes(), folder="Archive")
    elsewhere = check_mailbox(db, settings_of(db, folder="Archive"), NOW + timedelta(minutes=10))
    assert (elsewhere.reports, elsewhere.repeated, elsewhere.ignored) == (0, 7, 1)
    assert suppressions(db) == before
    with db.read() as session:
        assert bounces_repo.soft_count(session, "ben.okafor@example.net", NOW) == 1


def test_new_mail_is_read_whether_or_not_a_person_opened_it(server: ImapServer, db: Database) -> None:
    configure(db, server)
    fill(server, "customer-reply.eml")
    assert check_mailbox(db, settings_of(db), NOW).ignored == 1
    server.append((DATA / "postfix-user-unknown.eml").read_bytes(), flags="\\Seen")  # read by a person first
    outcome = check_mailbox(db, settings_of(db), NOW)
    assert (outcome.reports, outcome.hard, outcome.ignored) == (1, 1, 0)


def soft_bounce(n: int) -> bytes:
    """The mailbox-full bounce as the n-th of its kind (another report, another Message-ID)."""
    raw = (DATA / "postfix-mailbox-full.eml").read_bytes()
    return raw.replace(b"<20250120090211.4Y0b7T1mZbz5Qx@mail.shop.example>", f"<soft-{n}@mail.shop.example>".encode())


def test_five_soft_bounces_within_30_days_make_a_hard_one(server: ImapServer, db: Database) -> None:
    configure(db, server)
    server.append(soft_bounce(0))
    check_mailbox(db, settings_of(db), NOW - timedelta(days=31))  # too long ago to count
    for n in range(1, 5):
        server.append(soft_bounce(n))
        check_mailbox(db, settings_of(db), NOW + timedelta(days=n))
    assert suppressions(db) == []
    assert customers(db)["C0002"] == (True, False)
    server.append(soft_bounce(5))
    outcome = check_mailbox(db, settings_of(db), NOW + timedelta(days=5))
    assert (outcome.soft, outcome.soft_to_hard) == (1, 1)
    [(customer, address, reason, source)] = suppressions(db)
    assert (customer, address, reason) == ("C0002", "ben.okafor@example.net", "hard_bounce")
    assert source.startswith(f"bounce: {bounces_repo.SOFT_LIMIT} soft bounces in 30 days, last 452 4.2.2")
    assert customers(db)["C0002"] == (True, True)


def test_a_bounce_for_an_unknown_address_is_suppressed_by_address(server: ImapServer, db: Database) -> None:
    configure(db, server)
    fill(server, "postfix-user-unknown.eml")
    with db.transaction() as session:
        session.delete(session.get(CustomerRow, "C0001"))
    check_mailbox(db, settings_of(db), NOW)
    assert [(c, a, r) for c, a, r, _ in suppressions(db)] == [(None, "anna.schmidt@example.org", "hard_bounce")]


def test_processed_reports_can_be_moved_to_a_folder(server: ImapServer, db: Database) -> None:
    server.create("Processed")
    fill(server, "postfix-user-unknown.eml", "customer-reply.eml", "arf-complaint.eml")
    configure(db, server, move_to="Processed")
    check_mailbox(db, settings_of(db), NOW)
    assert len(server.flags("INBOX")) == 1
    moved = server.flags("Processed")
    assert len(moved) == 2 and all("\\Seen" in f for f in moved.values())


def test_starttls_with_a_trusted_certificate(tmp_path: Path, db: Database) -> None:
    cert, key = make_certificate(tmp_path)
    with imap_server(cert=cert, key=key) as server:
        fill(server, "gmail-no-such-user.eml")
        configure(db, server)
        context = ssl.create_default_context(cafile=str(cert))
        settings = settings_of(db, security="starttls", host="localhost")
        outcome = check_mailbox(db, MailboxSettings(**{**settings.__dict__, "ssl_context": context}), NOW)
        assert outcome.hard == 1
        untrusted = MailboxSettings(**{**settings.__dict__, "ssl_context": ssl.create_default_context()})
        with pytest.raises(BounceMailboxError, match="could not connect .*certificate is not trusted"):
            check_mailbox(db, untrusted, NOW)


def test_a_refused_login_and_a_missing_server_are_plain_sentences(server: ImapServer, db: Database) -> None:
    configure(db, server)
    with pytest.raises(BounceMailboxError, match=f"refused the login for '{server.user}'"):
        check_mailbox(db, settings_of(db, password="wrong"), NOW)
    with pytest.raises(BounceMailboxError, match="no folder 'Nowhere'"):
        check_mailbox(db, settings_of(db, folder="Nowhere"), NOW)
    with pytest.raises(BounceMailboxError, match="could not connect .*connection refused"):
        check_mailbox(db, settings_of(db, port=free_port()), NOW)


def sending_session(db: Database):
    from app.session.outbox import ChannelSet
    from app.session.session import FakeClock, SendingSession, SessionConfig

    store_journey(db, welcome(delay=None))
    set_published_at(db, NOW - timedelta(hours=1))
    channel = RecordingChannel()
    session = SendingSession(db, ChannelSet({"email": channel}), clock=FakeClock(NOW), config=SessionConfig())
    return session, channel


def test_the_session_checks_the_mailbox_beside_sending(server: ImapServer, db: Database) -> None:
    from storage import history_repo

    fill(server, "postfix-user-unknown.eml")
    configure(db, server)
    session, channel = sending_session(db)
    session.bounces = BounceWatcher(db, interval=3600, clock=session.clock.now)
    with db.transaction() as s:
        history_repo.add_event(s, "C0007", "signup", NOW - timedelta(minutes=1), {})
    try:
        session.poll()
        assert session.bounces.wait(30)
        assert [m.to for m in channel.sent] == ["still.here@example.org"]
        assert session.bounces.checks == 1 and session.bounces.last_error is None
        assert customers(db)["C0001"] == (True, True)
        session.poll()  # within the interval: no second check
        assert session.bounces.wait(30) and session.bounces.checks == 1
    finally:
        session.close()


def test_an_unreachable_mailbox_is_one_log_line_and_sending_goes_on(db: Database, caplog) -> None:
    from storage import history_repo

    set_secret(PASSWORD_SECRET, "whatever")
    with db.transaction() as s:
        shop_repo.update_settings(s, smtp={"host": "smtp.shop.example", "bounces": {
            "host": "127.0.0.1", "port": free_port(), "security": "none", "username": "u",
            "password_secret": PASSWORD_SECRET}})
        history_repo.add_event(s, "C0007", "signup", NOW - timedelta(minutes=1), {})
    session, channel = sending_session(db)
    session.bounces = BounceWatcher(db, interval=0.0)
    caplog.set_level(logging.WARNING, logger="app.session.bounces")
    try:
        session.poll()
        assert session.bounces.wait(30) and session.bounces.checks == 1
        assert [m.to for m in channel.sent] == ["still.here@example.org"]
        assert "connection refused" in (session.bounces.last_error or "")
        warnings = [r.getMessage() for r in caplog.records if r.name == "app.session.bounces"]
        assert len(warnings) == 1 and "trying again" in warnings[0] and "\n" not in warnings[0]
        session.poll()  # the next wake-up tries again
        assert session.bounces.wait(30) and session.bounces.checks == 2
    finally:
        session.close()


def test_without_a_mailbox_the_watcher_starts_nothing(db: Database) -> None:
    watcher = BounceWatcher(db, interval=0.0)
    assert watcher.poll() is False
    assert watcher.checks == 0


def test_the_bounces_command_prints_what_it_did(server: ImapServer, db: Database, capsys) -> None:
    fill(server, *REPORTS, "customer-reply.eml")
    configure(db, server)
    path = str(db.path)
    assert main(["bounces", "--db", path]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{server.user}@{server.host}:{server.port}/INBOX: 7 report(s): 4 hard bounce(s) suppressed, "
                          "1 soft bounce(s) counted")
    assert "1 complaint(s)" in out and "1 other message(s) left alone" in out
    assert main(["bounces", "--db", path]) == 0
    assert ": 0 report(s)" in capsys.readouterr().out


def test_the_bounces_command_without_a_mailbox_says_how_to_set_one_up(db: Database, capsys) -> None:
    assert main(["bounces", "--db", str(db.path)]) == 2
    assert "no bounce mailbox is set up" in capsys.readouterr().err


def test_the_bounces_command_reports_an_unreachable_mailbox(server: ImapServer, db: Database, capsys) -> None:
    configure(db, server)
    server.stop()
    assert main(["bounces", "--db", str(db.path)]) == 2
    assert "could not connect to the bounce mailbox" in capsys.readouterr().err
