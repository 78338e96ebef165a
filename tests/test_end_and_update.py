"""An End step and an "update customer" action (a tag, a property).

Before, a condition's "yes" that should simply end was a permanent warning ("port 'yes' is not
connected"), and a journey could not mark a customer (a "vip" tag) for later steps or journeys.
"""

from __future__ import annotations

from pathlib import Path

from session_helpers import RecordingChannel, T, journey_data, make_db, set_published_at, store_journey

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict, read_journey
from engine.runner import simulate_customer
from engine.shop_options import run_options
from engine.validation import validate
from storage.customers_repo import get_customer
from storage.history_repo import add_event
from widgets.palette import KIND_ROLE, Palette
from widgets.simulator.texts import step_text

pytest_plugins = ["app_testing"]


def _journey() -> dict:
    """signup → tag vip, tier=gold → tagged vip? yes → End / no → email."""
    nodes = [("start", "trigger", {"kind": "event", "event": "signup"}),
             ("mark", "action", {"kind": "update_customer", "tag": "vip", "property": "tier", "value": "gold"}),
             ("check", "condition", {"kind": "rule", "rule": {"field": "customer.tags", "op": "contains",
                                                              "value": "vip"}}),
             ("done", "action", {"kind": "end"}),
             ("mail", "message", {"kind": "email", "subject": "Hello", "body": "Hi"})]
    edges = [("start", "out", "mark"), ("mark", "out", "check"), ("check", "yes", "done"), ("check", "no", "mail")]
    return journey_data("Marks", nodes, edges)


def test_yes_to_end_is_no_warning_and_a_missing_change_is_an_error() -> None:
    journey, problems = read_journey(_journey())
    assert problems == [] and validate(journey) == []  # no "port 'yes' is not connected"
    data = _journey()
    data["nodes"][1]["config"] = {"kind": "update_customer", "tag": "", "property": "tier"}
    journey, _ = read_journey(data)
    messages = [p.message for p in validate(journey) if p.is_error and p.where == "mark"]
    assert any("property 'tier' needs a value" in m for m in messages)


def test_the_run_sees_the_tag_and_ends_at_the_end_step() -> None:
    from engine.profile import parse_profile

    compiled = CompiledJourney(journey_from_dict(_journey()))
    profile = parse_profile({"customer": {"id": "c1", "email": "a@example.org", "consent": {"email": True}},
                             "events": [{"type": "signup", "at": "2026-03-02T10:00:00Z"}]})
    steps = simulate_customer(compiled, profile, T("2026-03-02T09:00:00Z"), T("2026-03-03T00:00:00Z"),
                              options=run_options({}))
    events = [(s.node, s.event) for s in steps]
    assert ("mark", "updated") in events and ("check", "evaluated") in events and ("done", "ended") in events
    assert next(s for s in steps if s.node == "check").port == "yes"
    assert not any(s.event == "sent" for s in steps)
    assert steps[-1].reason == "completed"
    updated = next(s for s in steps if s.event == "updated")
    assert updated.to_json()["change"] == {"tag": "vip", "property": "tier", "value": "gold"}
    from datetime import UTC

    assert step_text(updated, UTC) == "Customer updated: tagged “vip”, tier set to gold"
    assert step_text(next(s for s in steps if s.event == "ended"), UTC).startswith("Reached the End step")


def test_a_live_session_writes_the_change_to_the_shops_customer(tmp_path: Path) -> None:
    db = make_db(tmp_path / "shop.sqlite", customers=2)
    store_journey(db, _journey())
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    clock = FakeClock(T("2026-03-02T10:00:00Z"))
    session = SendingSession(db, ChannelSet({"email": RecordingChannel()}), clock=clock)
    session.start()
    with db.transaction() as s:
        add_event(s, "c1", "signup", clock.now())
    clock.advance(5)
    session.poll()
    session.close()
    with db.read() as s:
        c1, c2 = get_customer(s, "c1"), get_customer(s, "c2")
        assert c1.tags == ["vip"] and c1.properties.get("tier") == "gold"
        assert not c2.tags and "tier" not in (c2.properties or {})
    db.close()


def test_the_palette_offers_end_and_update_customer(qtbot) -> None:
    palette = Palette()
    qtbot.addWidget(palette)
    kinds = {tuple(item.data(0, KIND_ROLE)): item.text(0).split("\n")[0] for item in palette.kind_items()}
    assert kinds[("action", "end")] == "End" and kinds[("action", "update_customer")] == "Update customer"
