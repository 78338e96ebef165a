"""One truth: the shop's run options are built in one place and used by the sending session,
`simulate --db`, the Simulator dock, population runs and `journey-builder test`: the same
discount secret, time zone, levels and shop values everywhere."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from session_helpers import T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

from app.cli import main
from app.session import FakeClock, SendingSession
from app.session.outbox import ChannelSet
from app.session.session import SessionConfig
from engine.context import Levels
from engine.discounts import DEFAULT_SECRET
from storage import shop_repo
from storage.history_repo import record_event
from storage.models import OutboxRow
from storage.run_options import shop_run_options

ROOT = Path(__file__).resolve().parents[1]
SECRET = "the-shops-own-secret-0123456789abcdef"
TUNED = {"engagement": {"window": "P30D", "min_sent": 1, "super_active_ratio": 0.5},
         "lifecycle": {"lapsing_after": "P60D", "loyal_orders": 2, "loyal_window": "P90D"}}


def test_no_other_construction_of_run_options_remains():
    pattern = re.compile(r"\bRunOptions\(")
    allowed = {ROOT / "engine" / "runner.py", ROOT / "engine" / "shop_options.py"}
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("app", "widgets", "engine", "storage", "bench")
             for path in (ROOT / folder).rglob("*.py") if path not in allowed
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line) and not line.lstrip().startswith(("#", "Everything"))]
    assert found == []


@pytest.fixture
def shop(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=3, timezone=None)
    with db.transaction() as session:
        shop_repo.update_settings(session, name="Nordlicht", timezone="Asia/Kolkata", **TUNED)
        shop_repo.get_settings(session).discount_secret = SECRET
    yield db
    db.close()


def test_the_shop_decides_secret_zone_levels_and_shop_values(shop):
    with shop.read() as session:
        options = shop_run_options(session, seed=4)
    assert options.secret == SECRET and options.default_tz == "Asia/Kolkata" and options.seed == 4
    assert options.levels == Levels(engagement_days=30, engagement_min_sent=1, super_active_ratio=0.5,
                                    lapsing_days=60, loyal_orders=2, loyal_days=90)
    assert options.shop["name"] == "Nordlicht"
    assert not {"engagement", "lifecycle", "smtp", "delivery"} & set(options.shop)


def _journey_with_a_code() -> dict:
    data = welcome(delay=None, settings={"quiet_hours": {"start": "21:00", "end": "08:00"}})
    data["nodes"][1]["config"].update(subject="Hi {{ customer.first_name }} ({{ customer.lifecycle }})",
                                      body="Your code {{ discount.code }} for {{ shop.name }}",
                                      discount={"percent": 10, "valid_for": "P7D", "prefix": "HI"})
    return data


def test_simulate_with_the_shop_sends_what_the_session_sends(shop, tmp_path, capsys):
    # 16:30 UTC is 22:00 in Kolkata: quiet hours there, not in UTC.
    signup = T("2026-03-02T16:30:00Z")
    data = _journey_with_a_code()
    store_journey(shop, data)
    set_published_at(shop, T("2026-03-01T00:00:00Z"))
    with shop.transaction() as session:
        record_event(session, "c1", "signup", signup)
    clock = FakeClock(signup)
    s = SendingSession(shop, ChannelSet(), clock=clock, config=SessionConfig(deliver=False))
    try:
        s.poll()
        clock.set(T("2026-03-03T02:30:00Z"))  # 08:00 in Kolkata
        s.poll()
    finally:
        s.close()
    with shop.read() as session:
        (row,) = session.scalars(select(OutboxRow)).all()
    assert row.due_at == T("2026-03-03T02:30:00Z")  # deferred to the end of quiet hours in Kolkata
    journey_file = tmp_path / "welcome.json"
    journey_file.write_text(json.dumps(data), encoding="utf-8")
    profile = tmp_path / "c1.json"
    profile.write_text(json.dumps({"customer": {"id": "c1", "email": "c1@example.org", "first_name": "Anna1",
                                                "consent": {"email": True, "sms": True, "push": True}},
                                   "events": [{"type": "signup", "at": "2026-03-02T16:30:00Z"}]}), encoding="utf-8")
    args = ["simulate", str(journey_file), "--customer", str(profile), "--start", "2026-03-01T00:00:00Z",
            "--until", "P5D", "--format", "json"]
    assert main([*args, "--db", str(shop.path)]) == 0
    sent = [st for st in json.loads(capsys.readouterr().out)["steps"] if st["event"] == "sent"]
    assert [(st["at"], st["subject"], st["body"], st["discount_code"]) for st in sent] == [
        ("2026-03-03T02:30:00Z", row.payload["subject"], row.payload["body"], row.payload["discount_code"])]
    # Without the shop: UTC (no quiet hours at 16:30) and the preview secret: another code.
    assert main(args) == 0
    alone = [st for st in json.loads(capsys.readouterr().out)["steps"] if st["event"] == "sent"]
    assert alone[0]["at"] == "2026-03-02T16:30:00Z" and alone[0]["discount_code"] != row.payload["discount_code"]


def test_the_simulator_dock_uses_the_shops_options(qtbot, shop):
    from app.simulation_pages import SimulationPages
    from widgets.simulator import SimulatorPanel

    panel = SimulatorPanel()
    qtbot.addWidget(panel)
    SimulationPages(shop, panel).refresh_shop()
    options = panel.options()
    assert options.secret == SECRET and options.secret != DEFAULT_SECRET
    assert options.default_tz == "Asia/Kolkata" and options.levels.lapsing_days == 60
    assert options.unsubscribe_url is not None  # the preview link


def test_journey_test_and_population_take_the_shop_too(shop, tmp_path, capsys):
    from engine.fileformat import journey_from_dict
    from engine.journey_tests import record_test
    from storage.journey_tests_repo import save_tests_by_name

    data = _journey_with_a_code()
    store_journey(shop, data, publish=False)
    profile = {"customer": {"id": "t1", "email": "t1@example.org", "consent": {"email": True}},
               "events": [{"type": "signup", "at": "2026-03-02T16:30:00Z"}]}
    with shop.transaction() as session:
        test = record_test("evening signup", journey_from_dict(data), profile, T("2026-03-01T00:00:00Z"),
                           T("2026-03-05T00:00:00Z"), options=shop_run_options(session))
        save_tests_by_name(session, "Welcome", [test])
    assert [e.event for e in test.expected if e.node == "mail-1"] == ["deferred", "sent"]  # Kolkata's night
    assert main(["test", "Welcome", "--db", str(shop.path)]) == 0  # run with the shop's zone, it passes
    capsys.readouterr()
    assert main(["simulate", str(ROOT / "resources/journeys/01-welcome-series.json"), "--population", "3",
                 "--days", "3", "--format", "json", "--db", str(shop.path)]) == 0
    assert json.loads(capsys.readouterr().out)["source"].startswith("shop database")


def test_a_live_session_and_simulate_agree_over_days_of_delays(shop, tmp_path, capsys):
    data = welcome(delay="P1D")
    data["nodes"][3]["config"].update(body="Day two, {{ customer.first_name }}: {{ discount.code }}",
                                      discount={"percent": 5, "valid_for": "P3D"})
    store_journey(shop, data)
    set_published_at(shop, T("2026-03-01T00:00:00Z"))
    with shop.transaction() as session:
        record_event(session, "c2", "signup", T("2026-03-02T05:00:00.250000Z"))
    clock = FakeClock(T("2026-03-02T05:00:01Z"))
    s = SendingSession(shop, ChannelSet(), clock=clock, config=SessionConfig(deliver=False))
    try:
        for _ in range(4):
            s.poll()
            clock.advance(timedelta(hours=12))
    finally:
        s.close()
    with shop.read() as session:
        live = [(r.node_id, r.payload.get("subject"), r.payload.get("body"), r.payload.get("discount_code"))
                for r in session.scalars(select(OutboxRow).order_by(OutboxRow.id))]
    journey_file = tmp_path / "welcome.json"
    journey_file.write_text(json.dumps(data), encoding="utf-8")
    profile = tmp_path / "c2.json"
    profile.write_text(json.dumps({"customer": {"id": "c2", "email": "c2@example.org", "first_name": "Anna2",
                                                "consent": {"email": True, "sms": True, "push": True}},
                                   "events": [{"type": "signup", "at": "2026-03-02T05:00:00.250000Z"}]}),
                       encoding="utf-8")
    assert main(["simulate", str(journey_file), "--customer", str(profile), "--start", "2026-03-01T00:00:00Z",
                 "--until", "P5D", "--format", "json", "--db", str(shop.path)]) == 0
    simulated = [(st["node"], st.get("subject"), st.get("body"), st.get("discount_code"))
                 for st in json.loads(capsys.readouterr().out)["steps"] if st["event"] == "sent"]
    assert simulated == live and len(live) == 2
