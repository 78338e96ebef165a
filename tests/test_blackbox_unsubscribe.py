"""Black box, real clock: `run` with its default endpoint against a server that offers
PIPELINING and SMTPUTF8 (as Postfix does), customers with ASCII and non-ASCII addresses.
Every email arrives once, keeps `<service@shop.example>` in its text, carries one-click
List-Unsubscribe; while `run` runs, opening the link leaves the customer subscribed and
posting to it unsubscribes them."""

from __future__ import annotations

import json
import re
import signal
import time
import urllib.request
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from test_channels_support import PipeliningRecorder, smtp_server
from test_session_smtp import start_run

from app.cli import main
from storage.customers_repo import get_customer
from storage.database import open_database

CUSTOMERS = [("a1", "anna@example.org", "Anna"), ("a2", "jürgen@münchen.example", "Jürgen"),
             ("a3", "zoë@exämple.org", "Zoë"), ("a4", "li@example.org", "Li")]
JOURNEY = {
    "format": "journey-builder/1", "name": "Welcome",
    "nodes": [
        {"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
        {"id": "hello", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Welcome, {{ customer.first_name }}",
                    "body": "Questions? Write to <service@shop.example> & we answer within a day.\n\n"
                            "Unsubscribe: {{ unsubscribe_url }}"}},
    ],
    "edges": [{"source": "start", "target": "hello", "port": "out"}],
}


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _request(url: str, method: str, body: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def _consent(db_path: Path, cid: str) -> bool:
    with open_database(db_path) as db, db.read() as session:
        return bool(get_customer(session, cid).consent_email)


@pytest.mark.slow
def test_mail_lands_once_keeps_its_text_and_every_recipient_can_stop_it(tmp_path, capsys):
    db = tmp_path / "shop.sqlite"
    customers = tmp_path / "customers.json"
    customers.write_text(json.dumps([{"id": cid, "email": email, "first_name": name, "consent": {"email": True}}
                                     for cid, email, name in CUSTOMERS]), encoding="utf-8")
    journey = tmp_path / "welcome.json"
    journey.write_text(json.dumps(JOURNEY), encoding="utf-8")
    for argv in (["import", "customers", str(customers)], ["import-journey", str(journey)], ["publish", "Welcome"]):
        assert main([*argv, "--db", str(db)]) == 0
    capsys.readouterr()
    with smtp_server(PipeliningRecorder(), enable_SMTPUTF8=True) as (controller, recorder):
        proc, ready, lines = start_run(db, controller.port)
        try:
            assert ready.wait(30), lines
            for cid, *_ in CUSTOMERS:
                assert main(["event", "signup", "--customer", cid, "--db", str(db)]) == 0
            assert _wait(lambda: len(recorder.messages) >= len(CUSTOMERS), 30), lines
            by_to = {}
            for envelope, message in zip(recorder.envelopes, recorder.messages, strict=True):
                by_to.setdefault(envelope[1][0], []).append(message)
            assert sorted(by_to) == sorted(email for _, email, _ in CUSTOMERS)
            assert all(len(found) == 1 for found in by_to.values())  # once each
            anna = by_to["anna@example.org"][0]
            text = anna.get_body(("plain",)).get_content()
            assert "Write to <service@shop.example> & we answer" in text
            link = re.search(r"<(http[^>]+)>", str(anna["List-Unsubscribe"])).group(1)
            assert anna["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert link in text  # the body's link is the header's
            for _ in range(2):  # a mail scanner opens it, and the person too
                status, page = _request(link, "GET")
                assert status == 200 and b"<form" in page
            assert _consent(db, "a1")
            status, page = _request(link, "POST", b"List-Unsubscribe=One-Click")
            assert status == 200 and b"unsubscribed" in page
            assert not _consent(db, "a1") and _consent(db, "a4")
            jurgen = by_to["jürgen@münchen.example"][0]
            assert str(jurgen["To"]) == "jürgen@münchen.example"
        finally:
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(20) == 0
    assert "Traceback" not in "\n".join(lines)
    parsed = message_from_bytes(anna.as_bytes(policy=policy.SMTPUTF8), policy=policy.default)
    assert parsed["Subject"] == "Welcome, Anna"
