"""Black box, real clock: customers imported with `import`, a journey published with `publish`,
`run` sending to a real SMTP server, events recorded with `event` while it runs — and every
email that arrives is the one `simulate --customer … --db …` shows for the same events:
subject, text and discount code, customer by customer."""

from __future__ import annotations

import json
import signal
import time
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from test_session_smtp import start_run

from app.cli import main

JOURNEY = {
    "format": "journey-builder/1", "name": "Black box",
    "settings": {"exit_on": [{"event": "order_placed"}], "quiet_hours": {"start": "03:00", "end": "03:01"}},
    "nodes": [
        {"id": "start", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
        {"id": "hello", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Hello {{ customer.first_name | default('there') }}",
                    "body": "Welcome to {{ shop.name }}. Your code: {{ discount.code }}",
                    "discount": {"percent": 10, "valid_for": "P7D", "prefix": "HI"}}},
        {"id": "wait", "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": "PT2S"}},
        {"id": "vip", "type": "condition", "position": [0, 0],
         "config": {"kind": "rule", "rule": {"field": "customer.properties.tier", "op": "=", "value": "gold"}}},
        {"id": "gold", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Gold for you, {{ customer.first_name }}",
                    "body": "A gift code: {{ discount.code }}", "discount": {"percent": 20, "valid_for": "P3D"}}},
        {"id": "look", "type": "condition", "position": [0, 0],
         "config": {"kind": "wait_event", "event": "page_view", "timeout": "PT3S"}},
        {"id": "seen", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "Saw you browsing", "body": "Come back, {{ customer.first_name }}"}},
        {"id": "missed", "type": "message", "position": [0, 0],
         "config": {"kind": "email", "subject": "We miss you", "body": "Nothing caught your eye?"}},
    ],
    "edges": [
        {"source": "start", "target": "hello", "port": "out"}, {"source": "hello", "target": "wait", "port": "out"},
        {"source": "wait", "target": "vip", "port": "out"}, {"source": "vip", "target": "gold", "port": "yes"},
        {"source": "vip", "target": "look", "port": "no"}, {"source": "look", "target": "seen", "port": "yes"},
        {"source": "look", "target": "missed", "port": "no"},
    ],
}
CUSTOMERS = [
    ("b1", "Anna", "gold", []),                       # hello, then gold
    ("b2", "Ben", "silver", ["page_view"]),           # hello, then browses: seen
    ("b3", "Cleo", "silver", []),                     # hello, then missed
    ("b4", "Dan", "silver", ["order_placed"]),        # hello, then orders: the goal ends it
]


class Sink:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


class Loopback(Controller):
    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def _text(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8").strip()
    return ""


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.slow
def test_every_delivered_email_is_the_one_simulate_with_the_shop_shows(tmp_path, capsys):
    db = str(tmp_path / "shop.sqlite")
    customers = tmp_path / "customers.csv"
    customers.write_text("id,email,first_name,tier,consent.email\n" + "".join(
        f"{cid},{cid}@example.org,{name},{tier},yes\n" for cid, name, tier, _ in CUSTOMERS), encoding="utf-8")
    journey = tmp_path / "journey.json"
    journey.write_text(json.dumps(JOURNEY), encoding="utf-8")
    assert main(["import", "customers", str(customers), "--db", db]) == 0
    assert main(["import-journey", str(journey), "--db", db]) == 0
    assert main(["publish", "Black box", "--db", db]) == 0
    capsys.readouterr()
    sink = Sink()
    server = Loopback(sink, hostname="127.0.0.1", port=0)
    server.start()
    proc, ready, lines = start_run(Path(db), server.port)
    told: dict[str, list[dict]] = {cid: [] for cid, *_ in CUSTOMERS}

    def event(kind: str, cid: str) -> None:
        assert main(["event", kind, "--customer", cid, "--db", db]) == 0
        echo = json.loads(capsys.readouterr().out)
        told[cid].append({"type": kind, "at": echo["at"], "properties": echo["properties"]})

    try:
        assert ready.wait(30), lines
        for cid, *_ in CUSTOMERS:
            event("signup", cid)
        assert _wait(lambda: len(sink.messages) >= len(CUSTOMERS), 20), lines
        for cid, _, _, later in CUSTOMERS:
            for kind in later:
                event(kind, cid)
        assert _wait(lambda: len(sink.messages) >= 2 * len(CUSTOMERS) - 1, 30), [m["Subject"] for m in sink.messages]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        server.stop()
    delivered: dict[str, list[tuple[str, str]]] = {}
    for m in sink.messages:
        delivered.setdefault(m["To"].split("@")[0], []).append((str(m["Subject"]), _text(m)))
    for cid, name, tier, _ in CUSTOMERS:
        profile = tmp_path / f"{cid}.json"
        profile.write_text(json.dumps({"customer": {"id": cid, "email": f"{cid}@example.org", "first_name": name,
                                                    "properties": {"tier": tier}, "consent": {"email": True}},
                                       "events": told[cid]}), encoding="utf-8")
        start = told[cid][0]["at"]
        assert main(["simulate", str(journey), "--customer", str(profile), "--db", db, "--start", start,
                     "--until", "PT1H", "--format", "json"]) == 0
        steps = json.loads(capsys.readouterr().out)["steps"]
        simulated = [(s["subject"], s["body"].strip()) for s in steps if s["event"] == "sent"]
        assert delivered.get(cid) == simulated, cid
        codes = [s["discount_code"] for s in steps if s["event"] == "sent" and s["discount_code"]]
        assert codes and all(any(code in text for _, text in delivered[cid]) for code in codes)
    assert [s for s, _ in delivered["b4"]] == ["Hello Dan"]  # the order ended Dan's journey
