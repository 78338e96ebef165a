"""A sending session loads only the past events the live journeys can read (engine.history_needs),
and what it loads is enough: the runs take the same steps as with every event loaded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from engine.compiled import CompiledJourney
from engine.fileformat import load_journey, read_journey
from engine.history_needs import event_types_read, union
from engine.profile import Event, Order, Profile, order_event_properties
from engine.runner import CustomerRun
from storage.customers_repo import upsert_customer
from storage.database import open_database
from storage.history_repo import record_event, record_order
from storage.session_customers import load_profiles

GALLERY = sorted((Path(__file__).resolve().parents[1] / "resources" / "journeys").glob("*.json"))


def _journey(rule, *, trigger=None, settings=None, segments=None):
    data = {
        "format": "journey-builder/1", "name": "needs", "settings": settings or {},
        "nodes": [
            {"id": "t", "type": "trigger", "position": [0, 0],
             "config": trigger or {"kind": "event", "event": "signup"}},
            {"id": "c", "type": "condition", "position": [0, 0], "config": {"kind": "rule", "rule": rule}},
        ],
        "edges": [{"source": "t", "port": "out", "target": "c"}],
    }
    if segments:
        data["segments"] = segments
    journey, problems = read_journey(data)
    assert not problems, problems
    return CompiledJourney(journey)


def test_a_rule_counting_one_event_reads_that_event_and_the_ones_the_journey_reacts_to():
    compiled = _journey({"field": "events.count", "event": "product_viewed", "op": ">", "value": 2},
                        settings={"exit_on": [{"event": "unsubscribed"}]})
    assert event_types_read(compiled) == {"product_viewed", "signup", "unsubscribed"}


def test_engagement_reads_emails_sent_and_opened_and_segments_count_too():
    compiled = _journey({"segment": "engaged"},
                        segments={"engaged": {"all": [
                            {"field": "engagement.level", "op": "=", "value": "super_active"},
                            {"field": "events.count", "event": "review_written", "op": ">=", "value": 1}]}})
    assert event_types_read(compiled) == {"email_sent", "email_opened", "review_written", "signup"}


def test_orders_are_read_as_orders_never_twice_as_their_events():
    compiled = _journey({"any": [{"field": "orders.count", "op": ">=", "value": 1},
                                 {"field": "events.count", "event": "order_placed", "op": ">=", "value": 2}]},
                        settings={"exit_on": [{"event": "order_placed"}]})
    assert event_types_read(compiled) == {"signup"}


@pytest.mark.parametrize("rule", [
    {"field": "events.count", "op": ">", "value": 1},  # no event named: any may count
    {"field": "events.count", "event": {"$ref": "x"}, "op": ">", "value": 1},
])
def test_an_events_field_without_a_literal_event_reads_every_type(rule):
    assert event_types_read(_journey(rule)) is None


def test_a_segment_trigger_reads_the_past_its_segment_reads():
    """New events of any type reach its runs from the inbox; the past matters through rules."""
    compiled = _journey({"field": "orders.count", "op": ">=", "value": 1},
                        trigger={"kind": "segment", "segment": "buyers"},
                        segments={"buyers": {"field": "events.count", "event": "vip_badge", "op": ">=", "value": 1}})
    assert compiled.relevant_events is None
    assert event_types_read(compiled) == {"vip_badge"}
    assert union([frozenset({"a"}), None]) is None
    assert union([frozenset({"a"}), frozenset({"b"})]) == {"a", "b"}


BUSY = ["page_view", "product_viewed", "email_sent", "email_opened", "cart_updated", "signup",
        "checkout_started", "newsletter_signup", "review_written", "email_clicked", "cart_abandoned"]
BROWSING = ["page_view", "product_viewed", "email_sent", "email_opened", "newsletter_signup", "email_clicked"]


@pytest.mark.parametrize("path", GALLERY, ids=lambda p: p.stem)
def test_every_gallery_journey_steps_alike_on_the_events_it_reads(path):
    """Customers with a busy history (a buyer, and two who never bought): their runs
    with only the events the journey reads take the same steps, to the minute, as with all."""
    compiled = CompiledJourney(load_journey(path))
    types = event_types_read(compiled)
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    reacts = sorted(compiled.relevant_events or ())
    steps = 0
    for kinds, buys in ((BUSY, True), (BUSY, False), (BROWSING, False)):
        past = [Event(kinds[i % len(kinds)], start - timedelta(days=90) + timedelta(hours=7 * i), {"n": i})
                for i in range(300)]
        # What happens from `start` on reaches a session's runs from the inbox, whatever its type.
        later = kinds + [kind for kind in reacts if buys or kind != "order_placed"]
        future = [Event(later[i % len(later)], start + timedelta(hours=13 * i + 1), {"n": i}) for i in range(60)]
        orders = [Order(f"o{i}", start - timedelta(days=20 * i + 3), 30.0 + i, "EUR") for i in range(5)] if buys else []
        orders.sort(key=lambda o: o.placed_at)
        # The shop database holds every order also as its order_placed event.
        past += [Event("order_placed", o.placed_at, order_event_properties(o.id, o.total, o.currency, {}))
                 for o in orders]
        past.sort(key=lambda e: e.at)
        customer = {"id": "c1", "email": "c1@example.org", "first_name": "Anna", "timezone": "Europe/Berlin",
                    "consent": {"email": True, "sms": True, "push": True}, "tags": [], "properties": {},
                    "signup_at": start - timedelta(days=100), "birthdate": "1990-03-20"}
        everything = Profile(dict(customer), list(orders), past + future)
        some = Profile(dict(customer), list(orders), [e for e in past if types is None or e.type in types] + future)
        ran = []
        for profile in (everything, some):
            run = CustomerRun(compiled, profile, start)
            run.run_until(start + timedelta(days=150))
            ran.append([json.dumps(step.to_json(), default=str, sort_keys=True) for step in run.steps])
        assert ran[0] == ran[1]
        steps += len(ran[0])
    assert steps  # the journey did something for these customers: the comparison means something


def test_load_profiles_reads_only_the_types_asked_for(tmp_path):
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with open_database(tmp_path / "shop.sqlite") as database:
        with database.transaction() as session:
            upsert_customer(session, {"id": "c1", "email": "c1@example.org"})
            for i, kind in enumerate(["page_view", "email_opened", "page_view", "signup"]):
                record_event(session, "c1", kind, at + timedelta(minutes=i), {"i": i})
            record_order(session, "c1", {"id": "o-1", "placed_at": at + timedelta(hours=1), "total": 12.5,
                                          "currency": "EUR"})
        with database.read() as session:
            every = load_profiles(session, ["c1"])["c1"]
            some = load_profiles(session, ["c1"], frozenset({"signup", "order_placed"}))["c1"]
            none = load_profiles(session, ["c1"], frozenset())["c1"]
    assert [e.type for e in every.events] == ["page_view", "email_opened", "page_view", "signup", "order_placed"]
    assert [e.type for e in some.events] == ["signup", "order_placed"]
    assert none.events == [] and [o.id for o in none.orders] == ["o-1"] == [o.id for o in some.orders]
