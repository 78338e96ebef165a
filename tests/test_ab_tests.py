"""A/B tests of messages: the file format, the deterministic split, the variant on the step and
in the outbox, the figures per variant, and the winner as a new version (by the owner through
the command line, or on its own in the sending session)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from session_helpers import T, make_db, set_published_at, store_journey, welcome
from sqlalchemy import select

import app.cli
from app.session import FakeClock, SendingSession
from app.session.ab_picker import AbPicker
from app.session.outbox import ChannelSet
from engine.ab_tests import ab_test_of, choose_variant, decide
from engine.compiled import CompiledJourney
from engine.discounts import DEFAULT_SECRET
from engine.fileformat import dumps_journey, journey_from_dict, journey_to_dict, read_journey
from engine.profile import parse_profile
from engine.runner import simulate_customer
from engine.shop_options import run_options
from engine.uplift import probability_best
from engine.validation import validate
from storage import journeys_repo
from storage.customers_repo import upsert_customer
from storage.history_repo import add_event, record_order
from storage.models import JourneyVersion, OutboxRow
from storage.shop_repo import get_settings
from tests.attribution_shop import add_sent

NOW = T("2026-03-02T10:00:00Z")
AB = {"variants": [{"name": "a"}, {"name": "b", "subject": "Still thinking about it, {{ customer.first_name }}?"}]}


def _data(ab=None, name="Welcome"):
    data = welcome(name, delay=None)
    data["nodes"][1]["config"]["ab_test"] = ab or AB
    return data


def test_a_journey_with_an_ab_test_loads_validates_and_exports_as_written():
    data = _data({**AB, "metric": "clicks", "pick_at": 0.95, "min_recipients": 50})
    journey = journey_from_dict(data)
    assert journey_to_dict(journey)["nodes"][1]["config"]["ab_test"] == data["nodes"][1]["config"]["ab_test"]
    test = ab_test_of("mail-1", journey.node("mail-1").config)
    assert test is not None and test.names == ("a", "b") and test.pick_at == 0.95 and test.metric == "clicks"


def test_a_journey_without_the_new_features_exports_byte_for_byte_as_before():
    data = welcome("Plain", delay="P1D")
    text = dumps_journey(journey_from_dict(data))
    assert "ab_test" not in text and "holdout" not in text and "variant" not in text
    assert text == dumps_journey(journey_from_dict(json.loads(text)))


@pytest.mark.parametrize(("ab", "message"), [
    ({"variants": [{"name": "a"}]}, "config.ab_test.variants: must be a list of 2 to 10 variants"),
    ({"variants": [{"name": "a"}, {"name": "a"}]}, "config.ab_test.variants[1].name: 'a' is used by two variants"),
    ({"variants": [{"name": "a"}, {"name": "b", "text": "x"}]},
     "config.ab_test.variants[1].text: a variant may replace only subject, body"),
    ({"variants": [{"name": "a"}, {"name": "b", "subject": "{{ oops"}]}, "config.ab_test.variants[1].subject: template"),
    ({"variants": [{"name": "a", "weight": 0}, {"name": "b"}]}, "config.ab_test.variants[0].weight: must be positive"),
    ({**AB, "pick_at": 1.5}, "config.ab_test.pick_at: must be a probability above 0.5 and below 1"),
    ({**AB, "metric": "opens"}, "config.ab_test.metric: \"opens\" is not one of orders, clicks"),
    ({**AB, "winner": "b"}, "config.ab_test: unknown key(s) winner"),
])
def test_a_bad_ab_test_is_a_validation_error_naming_the_node(ab, message):
    journey, problems = read_journey(_data(ab))
    assert not problems
    errors = [f"{p.where}: {p.message}" for p in validate(journey) if p.is_error]
    assert any(e.startswith(f"mail-1: {message.split(': must be positive')[0]}") for e in errors), errors


def test_the_split_is_deterministic_weighted_and_keyed_by_the_secret():
    test = ab_test_of("mail-1", {"ab_test": {"variants": [{"name": "a", "weight": 3}, {"name": "b"}]}})
    assert test is not None
    picks = [choose_variant(test, "s", "J", f"c{i}") for i in range(8000)]
    assert picks == [choose_variant(test, "s", "J", f"c{i}") for i in range(8000)]
    assert 0.72 < picks.count("a") / len(picks) < 0.78
    assert picks != [choose_variant(test, "t", "J", f"c{i}") for i in range(8000)]


def test_the_step_says_which_variant_went_out_with_its_texts():
    compiled = CompiledJourney(journey_from_dict(_data()))
    test = compiled.plans["mail-1"].ab_test
    by_variant = {}
    for i in range(40):
        cid = f"c{i}"
        by_variant.setdefault(choose_variant(test, DEFAULT_SECRET, "Welcome", cid), cid)
    for variant, cid in by_variant.items():
        profile = parse_profile({"customer": {"id": cid, "first_name": "Anna", "email": "a@example.org",
                                              "consent": {"email": True}},
                                 "events": [{"type": "signup", "at": "2026-03-02T10:00:00Z"}]})
        steps = simulate_customer(compiled, profile, NOW - timedelta(hours=1), NOW + timedelta(days=1), run_options())
        sent = steps[1].to_json()
        assert sent["variant"] == variant
        expected = "Still thinking about it, Anna?" if variant == "b" else "Welcome Anna"
        assert sent["subject"] == expected and sent["body"] == "Hi Anna, thanks for joining."
        assert steps[1].describe().endswith(f"[variant {variant}]")


def test_probability_to_be_best_is_repeatable_and_sensible():
    counts = {"a": (30, 1000), "b": (45, 1000)}
    p = probability_best(counts)
    assert p == probability_best(counts)
    assert 0.94 < p["b"] < 0.98 and p["a"] + p["b"] == pytest.approx(1.0)
    assert probability_best({"a": (0, 0), "b": (0, 0)})["a"] == pytest.approx(0.5, abs=0.02)


def test_decide_picks_only_with_enough_recipients_and_certainty():
    test = ab_test_of("m", {"ab_test": {**AB, "pick_at": 0.95, "min_recipients": 100}})
    assert decide(test, {"a": (99, 3, 0.0), "b": (99, 30, 0.0)}).winner is None  # too few
    assert decide(test, {"a": (1000, 30, 0.0), "b": (1000, 60, 0.0)}).winner == "b"
    assert decide(test, {"a": (1000, 30, 0.0), "b": (1000, 33, 0.0)}).winner is None
    manual = ab_test_of("m", {"ab_test": AB})
    assert decide(manual, {"a": (1000, 30, 0.0), "b": (1000, 60, 0.0)}).winner is None


# -- through the shop --------------------------------------------------------------------------
@pytest.fixture()
def ab_shop(tmp_path):
    """A live journey whose mail-1 tests a against b: 200 customers each, b converts 40, a 10."""
    db = make_db(tmp_path / "shop.sqlite", customers=0)
    saved = store_journey(db, _data({**AB, "pick_at": 0.95}))
    at = T("2026-03-02T10:00:00Z")
    with db.transaction() as session:
        for i in range(400):
            cid, variant = f"c{i}", "a" if i < 200 else "b"
            upsert_customer(session, {"id": cid, "email": f"{cid}@example.org", "consent": {"email": True}})
            add_sent(session, saved.journey_id, saved.version_id, cid, "mail-1", "email", at, variant=variant)
            if (variant == "a" and i < 10) or (variant == "b" and i < 240):
                record_order(session, cid, {"id": f"o{i}", "placed_at": at + timedelta(hours=2), "total": 10.0})
    yield db
    db.close()


def test_the_report_shows_each_variant_and_its_probability_to_be_best(ab_shop, capsys):
    assert app.cli.main(["report", "Welcome", "--db", str(ab_shop.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr()[0])
    rows = {n["variant"]: (n["recipients"], n["conversions"], n["revenue"]) for n in data["nodes"]}
    assert rows == {"a": (200, 10, 100.0), "b": (200, 40, 400.0)}
    (test,) = data["ab_tests"]
    assert test["node"] == "mail-1" and test["winner"] == "b"
    assert [v["conversions"] for v in test["variants"]] == [10, 40]
    assert test["variants"][1]["probability_best"] > 0.999
    assert app.cli.main(["report", "Welcome", "--db", str(ab_shop.path)]) == 0
    out = capsys.readouterr()[0]
    assert "A/B test at mail-1 (on orders):" in out and "  Winner: b (probability to be best 100.0 %)." in out


def test_the_owner_picks_the_winner_as_a_new_live_version(ab_shop, capsys):
    with ab_shop.transaction() as session:  # an unpublished edit that must stay the newest version
        draft = _data({**AB, "pick_at": 0.95})
        draft["description"] = "an edit in progress"
        journeys_repo.import_journey(session, draft)
    status = app.cli.main(["pick-variant", "Welcome", "mail-1", "b", "--db", str(ab_shop.path)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert out == "Welcome: variant b of mail-1 is in version 2 (live)\n"
    with ab_shop.read() as session:
        versions = {v.number: (v.status, v.note) for v in session.scalars(select(JourneyVersion))}
        live = journeys_repo.load_journey(session, "Welcome", "live")
        drafted = journeys_repo.load_journey(session, "Welcome", "draft")
    assert versions == {1: ("archived", None), 2: ("live", "A/B test at mail-1: variant b picked (picked by the "
                                                              "shop owner)"), 3: ("draft", None)}
    config = live.node("mail-1").config
    assert "ab_test" not in config and config["subject"] == "Still thinking about it, {{ customer.first_name }}?"
    assert "ab_test" not in drafted.node("mail-1").config and drafted.description == "an edit in progress"
    assert app.cli.main(["history", "Welcome", "--db", str(ab_shop.path)]) == 0
    lines = capsys.readouterr()[0].splitlines()
    assert lines[0].split() == ["version", "status", "made", "(UTC)", "live", "from", "(UTC)", "note"]
    assert [line.split()[:2] for line in lines[2:]] == [["1", "archived"], ["2", "live"], ["3", "draft"]]
    assert lines[3].endswith("  A/B test at mail-1: variant b picked (picked by the shop owner)")
    assert app.cli.main(["history", "Welcome", "--format", "json", "--db", str(ab_shop.path)]) == 0
    entries = json.loads(capsys.readouterr()[0])["versions"]
    assert [(e["number"], e["status"], e["note"]) for e in entries] == [
        (1, "archived", None), (2, "live", "A/B test at mail-1: variant b picked (picked by the shop owner)"),
        (3, "draft", None)]
    assert entries[1]["published_at"] is not None and entries[2]["published_at"] is None
    assert app.cli.main(["history", "Nope", "--db", str(ab_shop.path)]) == 2
    assert capsys.readouterr()[1] == "journey-builder: no journey named 'Nope'\n"


@pytest.mark.parametrize(("args", "message"), [
    (["pick-variant", "Welcome", "mail-1", "c"], "node 'mail-1' has no variant 'c' (its variants: a, b)"),
    (["pick-variant", "Welcome", "start", "a"], "journey 'Welcome' has no A/B test at node 'start'"),
    (["pick-variant", "Nope", "mail-1", "a"], "no journey named 'Nope'"),
])
def test_a_bad_pick_is_one_clear_line(ab_shop, capsys, args, message):
    assert app.cli.main([*args, "--db", str(ab_shop.path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"journey-builder: {message}\n"


def test_the_sending_session_picks_a_sure_winner_on_its_own(ab_shop):
    picks = AbPicker(ab_shop, interval=0).poll(_live_versions(ab_shop))
    assert [(p.journey, p.node, p.variant, p.version) for p in picks] == [("Welcome", "mail-1", "b", 2)]
    with ab_shop.read() as session:
        note = session.scalar(select(JourneyVersion.note).where(JourneyVersion.status == "live"))
    assert note.startswith("A/B test at mail-1: variant b picked (probability to be best 100.0 % on orders")


def _live_versions(db):
    from app.session.batches import VersionInfo

    with db.read() as session:
        return {vid: VersionInfo(jid, vid, CompiledJourney(j), True, NOW, "signup")
                for jid, vid, j in journeys_repo.live_versions(session)}


def test_the_outbox_records_the_variant_the_session_sent(tmp_path):
    db = make_db(tmp_path / "shop.sqlite", customers=30)
    store_journey(db, _data())
    set_published_at(db, T("2026-03-01T00:00:00Z"))
    with db.transaction() as session:
        secret = get_settings(session).discount_secret
        for i in range(1, 31):
            add_event(session, f"c{i}", "signup", NOW)
    s = SendingSession(db, ChannelSet({}), clock=FakeClock(NOW))
    s.config.deliver = False
    s.start()
    try:
        s.poll()
    finally:
        s.close()
    with db.read() as session:
        rows = {o.customer_id: (o.variant, o.payload["subject"]) for o in session.scalars(select(OutboxRow))}
        compiled = CompiledJourney(journeys_repo.load_journey(session, "Welcome", "live"))
    test = compiled.plans["mail-1"].ab_test
    assert len(rows) == 30
    for cid, (variant, subject) in rows.items():
        assert variant == choose_variant(test, secret, "Welcome", cid)
        assert subject.startswith("Still thinking" if variant == "b" else "Welcome")
    db.close()


def test_the_closed_form_for_two_variants_agrees_with_drawing():
    import random

    from engine.uplift import beta_beats

    rng = random.Random(5)
    draws = 100_000
    wins = sum(rng.betavariate(46, 956) > rng.betavariate(31, 971) for _ in range(draws))
    assert beta_beats(46, 956, 31, 971) == pytest.approx(wins / draws, abs=0.005)
    three = probability_best({"a": (30, 1000), "b": (45, 1000), "c": (0, 1000)})
    assert three["b"] == pytest.approx(beta_beats(46, 956, 31, 971), abs=0.01) and three["c"] < 0.001


def test_a_test_on_clicks_counts_credited_clicks_by_hand(tmp_path, capsys):
    """Window one day. a: c1 clicks an hour after (credited), c2 two days after (too late).
    b: c3 clicks twice (one customer, two clicks), c4 clicks an SMS (another channel), c5 clicked
    before the email, c6 half an hour after. So a: 2 recipients, 1 clicked; b: 4, 2 (3 clicks)."""
    from engine.attribution import AttributionTally, Purchase, Touch

    db = make_db(tmp_path / "shop.sqlite", customers=6)
    saved = store_journey(db, _data({**AB, "metric": "clicks"}))
    at = T("2026-03-02T10:00:00Z")
    clicks = {"c1": [("email", timedelta(hours=1))], "c2": [("email", timedelta(days=2))],
              "c3": [("email", timedelta(hours=1)), ("email", timedelta(hours=3))],
              "c4": [("sms", timedelta(hours=1))], "c5": [("email", timedelta(hours=-1))],
              "c6": [("email", timedelta(minutes=30))]}
    variants = {"c1": "a", "c2": "a", "c3": "b", "c4": "b", "c5": "b", "c6": "b"}
    with db.transaction() as session:
        for cid, variant in variants.items():
            add_sent(session, saved.journey_id, saved.version_id, cid, "mail-1", "email", at, variant=variant)
            for channel, after in clicks[cid]:
                add_event(session, cid, f"{channel}_clicked", at + after)
    assert app.cli.main(["report", "Welcome", "--db", str(db.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr()[0])
    rows = {n["variant"]: (n["recipients"], n["clicks"], n["clicked"], n["conversions"]) for n in data["nodes"]}
    assert rows == {"a": (2, 1, 1, 0), "b": (4, 3, 2, 0)}
    (test,) = data["ab_tests"]
    assert test["metric"] == "clicks"
    assert [(v["name"], v["recipients"], v["conversions"]) for v in test["variants"]] == [("a", 2, 1), ("b", 4, 2)]

    tally = AttributionTally("Welcome", timedelta(days=1))  # the engine's rules, fed the same shop
    for cid, variant in variants.items():
        tally.add_customer([Touch(at, "Welcome", "mail-1", "email", 1, variant)], [],
                           clicks=[(Purchase(f"k{i}", at + after), channel)
                                   for i, (channel, after) in enumerate(clicks[cid])])
    assert {f.variant: (f.recipients, f.clicks, f.clicked) for f in tally.figures()} == {
        "a": (2, 1, 1), "b": (4, 3, 2)}
    db.close()
