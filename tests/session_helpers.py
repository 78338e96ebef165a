"""Shared set-up of the sending-session tests: a shop database with customers and journeys,
a channel that records what it is given, and a loopback SMTP server."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from engine.channels.base import OutgoingMessage, SendResult
from engine.registry import REGISTRY, ActHook
from storage import journeys_repo
from storage.customers_repo import upsert_customer
from storage.database import Database, open_database


def T(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def wrap_message_acts(monkeypatch: pytest.MonkeyPatch, wrap: Callable[[ActHook], ActHook]) -> None:
    """Every message kind acts through `wrap(its own act)` until the test ends (or
    `monkeypatch.undo()`): how a test makes one customer's message fail. A journey keeps the
    acts it was compiled with, so compile (start the session) after this."""
    for kind in REGISTRY.kinds_of("message"):
        monkeypatch.setitem(REGISTRY._kinds, (kind.type, kind.kind), dataclasses.replace(kind, act=wrap(kind.act)))


def journey_data(name: str, nodes: list[tuple[str, str, dict[str, Any]]], edges: list[tuple[str, str, str]],
                 settings: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"format": "journey-builder/1", "name": name, "settings": settings or {},
            "nodes": [{"id": i, "type": t, "position": [0, 0], "config": c} for i, t, c in nodes],
            "edges": [{"source": s, "port": p, "target": d} for s, p, d in edges]}


def welcome(name: str = "Welcome", delay: str | None = "P1D", settings: dict[str, Any] | None = None,
            trigger: str = "signup") -> dict[str, Any]:
    """signup → email 1 → (delay → email 2)."""
    nodes = [("start", "trigger", {"kind": "event", "event": trigger}),
             ("mail-1", "message", {"kind": "email", "subject": "Welcome {{ customer.first_name }}",
                                    "body": "Hi {{ customer.first_name }}, thanks for joining."})]
    edges = [("start", "out", "mail-1")]
    if delay:
        nodes += [("wait", "delay", {"kind": "duration", "duration": delay}),
                  ("mail-2", "message", {"kind": "email", "subject": "Day two", "body": "Still here?"})]
        edges += [("mail-1", "out", "wait"), ("wait", "out", "mail-2")]
    return journey_data(name, nodes, edges, settings)


def make_db(path: Path, customers: int = 3, **customer: Any) -> Database:
    db = open_database(path)
    with db.transaction() as session:
        for i in range(1, customers + 1):
            upsert_customer(session, {"id": f"c{i}", "email": f"c{i}@example.org", "first_name": f"Anna{i}",
                                      "timezone": "UTC", "consent": {"email": True, "sms": True, "push": True},
                                      **customer})
    return db


def store_journey(db: Database, data: dict[str, Any], *, publish: bool = True,
                  in_flight: journeys_repo.InFlight = "finish_old") -> journeys_repo.SavedVersion:
    with db.transaction() as session:
        saved = journeys_repo.import_journey(session, data)
        if publish:
            saved = journeys_repo.publish(session, data["name"], in_flight)
    return saved


def set_published_at(db: Database, moment: datetime) -> None:
    """Journeys in tests go live at a fixed moment, so a fake clock can start there."""
    from sqlalchemy import update

    from storage.models import JourneyVersion

    with db.transaction() as session:
        session.execute(update(JourneyVersion).where(JourneyVersion.status == "live")
                        .values(published_at=moment))


class RecordingChannel:
    """A channel that accepts everything (or answers what `script` says) and remembers it."""

    def __init__(self, script: list[str] | None = None) -> None:
        self.sent: list[OutgoingMessage] = []
        self.script = list(script or [])
        self.lock = threading.Lock()

    def send(self, msg: OutgoingMessage) -> SendResult:
        with self.lock:
            status = self.script.pop(0) if self.script else "sent"
            if status in ("sent", "uncertain"):  # "uncertain": it arrived, the answer got lost
                msg.handover()
                self.sent.append(msg)
            return SendResult(status, f"{status} by the test", provider_id=f"<{msg.message_key}@test>")  # type: ignore[arg-type]

    def close(self) -> None:
        pass
