"""The live sending session against the simulator: every gallery journey, a couple of hundred
demo customers (250), three weeks of their activity arriving as it happens. For every customer and
journey the session must queue exactly the messages the simulator shows — same node, moment,
subject, body, discount code, and the same skips with the same reasons.

The session runs on a fake clock that jumps from one due moment (or arriving event) to the
next, with the shop's own settings; the simulator walks each customer with the options the
shop gives (`storage.run_options`). Variants cover a shop time zone far from the customers',
tuned engagement/lifecycle levels and the shop's own discount secret.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import SessionConfig
from engine import demo
from engine.compiled import CompiledJourney
from engine.profile import Event, Profile
from engine.runner import simulate_customer
from storage import journeys_repo, segments_repo, session_repo, shop_repo
from storage.database import Database, open_database
from storage.demo_seed import _insert_profiles, seed_demo_shop
from storage.history_repo import record_event, record_order
from storage.models import JourneyRecord, JourneyVersion, OutboxRow
from storage.run_options import shop_run_options

ROOT = Path(__file__).resolve().parents[1]
GALLERY = sorted((ROOT / "resources" / "journeys").glob("*.json"))
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
WEEKS = 3

VARIANTS = {
    "demo shop": {},
    "far time zone, tuned levels, own secret": {
        "timezone": "Asia/Kolkata",
        "engagement": {"window": "P30D", "min_sent": 2, "super_active_ratio": 0.6},
        "lifecycle": {"lapsing_after": "P45D", "loyal_orders": 2, "loyal_window": "P120D"},
        "secret": "another-shops-secret-5f2a9c",
    },
}


def _past(profile: Profile) -> Profile:
    return Profile(dict(profile.customer), [o for o in profile.orders if o.placed_at <= START],
                   [e for e in profile.events if e.at <= START])


def _shop(path: Path, profiles: list[Profile], variant: dict) -> Database:
    db = open_database(path)
    seed_demo_shop(db, n=0, now=START)  # the demo shop's settings and segments, no customers
    with db.transaction() as session:
        _insert_profiles(session, [_past(p) for p in profiles])
        changes = {k: v for k, v in variant.items() if k in ("timezone", "engagement", "lifecycle")}
        if changes:
            shop_repo.update_settings(session, **changes)
        if variant.get("secret"):
            shop_repo.get_settings(session).discount_secret = variant["secret"]
        for path_ in GALLERY:
            name = json.loads(path_.read_text(encoding="utf-8"))["name"]
            journeys_repo.import_journey(session, json.loads(path_.read_text(encoding="utf-8")))
            journeys_repo.publish(session, name)
        session.execute(update(JourneyVersion).where(JourneyVersion.status == "live").values(published_at=START))
    return db


def _arrivals(profiles: list[Profile], until: datetime) -> list[tuple[datetime, str, str, object]]:
    """What happens after the start, in time order: (moment, kind, customer, order or event)."""
    found: list[tuple[datetime, str, str, object]] = []
    for p in profiles:
        order_times = {o.placed_at for o in p.orders}
        for o in p.orders:
            if START < o.placed_at <= until:
                found.append((o.placed_at, "order", p.id, o))
        for e in p.events:
            if START < e.at <= until and not (e.type == "order_placed" and e.at in order_times):
                found.append((e.at, "event", p.id, e))
    found.sort(key=lambda item: (item[0], item[1] != "order", item[2]))
    return found


def _live(db: Database, arrivals, until: datetime) -> dict[tuple[str, str], list[tuple]]:
    clock = FakeClock(START)
    session = SendingSession(db, ChannelSet(), clock=clock,
                             config=SessionConfig(deliver=False, poll_interval=10 * 86400.0))
    pending = list(arrivals)
    try:
        session.poll()
        while True:
            with db.read() as s:
                due = session_repo.next_due(s, session._active_versions())
            upcoming = [m for m in (due, pending[0][0] if pending else None) if m is not None]
            moment = max(min(upcoming), clock.now()) if upcoming else None
            if moment is None or moment > until:
                break
            clock.set(moment)
            with db.transaction() as s:
                while pending and pending[0][0] <= moment:
                    at, kind, customer, item = pending.pop(0)
                    if kind == "order":
                        record_order(s, customer, {"id": item.id, "placed_at": item.placed_at, "total": item.total,
                                                   "currency": item.currency, **item.properties})
                    else:
                        record_event(s, customer, item.type, item.at, item.properties)
            report = session.poll()
            assert report.parked == [], report.parked
    finally:
        session.close()
    with db.read() as s:
        names = dict(s.execute(select(JourneyRecord.id, JourneyRecord.name)).all())
        rows = s.scalars(select(OutboxRow).order_by(OutboxRow.due_at, OutboxRow.id)).all()
    found: dict[tuple[str, str], list[tuple]] = {}
    for r in rows:
        status = "sent" if r.status == "queued" else r.status
        found.setdefault((names[r.journey_id], r.customer_id), []).append(
            (r.node_id, r.due_at, status, r.reason, _content(r.payload), r.payload.get("discount_code")))
    return found


def _content(payload: dict) -> tuple:
    return tuple(payload.get(k) for k in ("subject", "body", "text", "title", "url"))


def _simulated(db: Database, profiles: list[Profile], until: datetime) -> dict[tuple[str, str], list[tuple]]:
    with db.read() as s:
        options = replace(shop_run_options(s), explain=False)
        shop_segments = segments_repo.segment_rules(s)
        journeys = [journeys_repo.load_journey(s, json.loads(p.read_text(encoding="utf-8"))["name"], "live")
                    for p in GALLERY]
    found: dict[tuple[str, str], list[tuple]] = {}
    for journey in journeys:
        compiled = CompiledJourney(journey, shop_segments=shop_segments)
        for profile in profiles:
            visible = Profile(dict(profile.customer), [o for o in profile.orders if o.placed_at <= until],
                              [Event(e.type, e.at, dict(e.properties)) for e in profile.events if e.at <= until])
            for st in simulate_customer(compiled, visible, START, until, options):
                if st.type == "message" and st.event in ("sent", "skipped", "failed"):
                    found.setdefault((journey.name, profile.id), []).append(
                        (st.node, st.at, st.event, st.reason, _content(st.content or {}), st.discount_code))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_live_session_queues_exactly_what_the_simulator_shows(tmp_path, variant):
    until = START + timedelta(weeks=WEEKS)
    profiles = list(demo.generate_profiles(250, 11, START, future_days=7 * WEEKS))
    if VARIANTS[variant].get("timezone"):  # customers without a zone of their own live in the shop's
        for p in profiles[::2]:
            p.customer.pop("timezone", None)
    db = _shop(tmp_path / "shop.sqlite", profiles, VARIANTS[variant])
    try:
        live = _live(db, _arrivals(profiles, until), until)
        simulated = _simulated(db, profiles, until)
    finally:
        db.close()
    messages = sum(len(v) for v in simulated.values())
    assert messages > 100 and len({j for j, _ in simulated}) >= 6  # the gallery really ran
    differences = {key: (live.get(key), simulated.get(key)) for key in set(live) | set(simulated)
                   if live.get(key) != simulated.get(key)}
    assert not differences, f"{len(differences)} of {len(simulated)} customer×journey differ, e.g. " \
                            f"{next(iter(differences.items()))}"
