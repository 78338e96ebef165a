"""A run saved as JSON and restored carries on exactly as if it had never stopped, and the
database's batch profile loader gives the engine the same customer as the profile file path."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path

import pytest
from session_helpers import T, make_db, welcome

from engine.compiled import CompiledJourney
from engine.diff import diff_journeys
from engine.fileformat import journey_from_dict, read_json_file
from engine.profile import parse_profile
from engine.runner import CustomerRun, RunOptions, simulate_customer
from engine.runstate import restore, snapshot
from storage import profiles_repo, session_repo
from storage.history_repo import add_event, upsert_order

GALLERY = sorted((Path(__file__).resolve().parents[1] / "resources" / "journeys").glob("*.json"))


def _profiles(n: int, start):
    from engine import demo

    return list(demo.generate_profiles(n, 7, start, future_days=120))


def _in_pieces(compiled, profile, start, until, options, every: timedelta):
    run = CustomerRun(compiled, copy.deepcopy(profile), start, options)
    steps = []
    moment = start
    while moment < until:
        moment = min(until, moment + every)
        run.run_until(moment)
        steps += run.steps
        data = json.loads(json.dumps(snapshot(run)))  # really through JSON text
        run = restore(compiled, copy.deepcopy(profile), data, options)
    steps += run.finish(until)
    return steps


def _key(steps):
    return [(s.to_json(), s.enrollment) for s in steps]


@pytest.mark.parametrize("path", GALLERY, ids=lambda p: p.stem)
def test_snapshot_restore_gives_the_same_steps_as_one_run(path):
    start = T("2026-03-20T06:00:00Z")  # a daylight-saving change inside the window
    until = start + timedelta(days=120)
    compiled = CompiledJourney(journey_from_dict(read_json_file(str(path), "journey")))
    options = RunOptions(seed=3)
    total = 0
    for profile in _profiles(25, start):
        whole = simulate_customer(compiled, copy.deepcopy(profile), start, until, options)
        pieces = _in_pieces(compiled, profile, start, until, options, timedelta(hours=37))
        assert _key(pieces) == _key(whole), profile.id
        total += len(whole)
    # Every gallery journey but the payment reminder (no demo customer owes a payment) has steps.
    assert total > 0 or "payment" in path.stem


def test_snapshot_is_plain_json_and_restores_pending_events():
    compiled = CompiledJourney(journey_from_dict(welcome(settings={"exit_on": [{"event": "order_placed"}]})))
    profile = parse_profile({"customer": {"id": "c1", "email": "a@example.org", "consent": {"email": True}},
                             "events": [{"type": "signup", "at": "2026-01-01T10:00:00Z"},
                                        {"type": "order_placed", "at": "2026-01-01T20:00:00Z"}]})
    run = CustomerRun(compiled, profile, T("2026-01-01T00:00:00Z"))
    run.run_until(T("2026-01-01T12:00:00Z"))
    data = snapshot(run)
    assert json.loads(json.dumps(data)) == data
    assert [q[1] for q in data["queue"]] == ["event", "token"]  # the order, then the delay's end
    again = restore(compiled, profile, data)
    steps = again.finish(T("2026-01-05T00:00:00Z"))
    assert [(s.type, s.event, s.reason) for s in steps] == [("exit", "exited", "goal")]


def test_restore_on_a_new_version_ends_paths_at_removed_nodes():
    old = CompiledJourney(journey_from_dict(welcome()))
    data = welcome()
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "wait"]
    data["edges"] = [e for e in data["edges"] if "wait" not in (e["source"], e["target"])]
    new = CompiledJourney(journey_from_dict(data))
    profile = parse_profile({"customer": {"id": "c1", "email": "a@example.org", "consent": {"email": True}},
                             "events": [{"type": "signup", "at": "2026-01-01T10:00:00Z"}]})
    run = CustomerRun(old, profile, T("2026-01-01T00:00:00Z"))
    run.run_until(T("2026-01-01T12:00:00Z"))
    moved = restore(new, profile, snapshot(run))
    assert [(s.type, s.reason) for s in moved.steps] == [("exit", "removed")]
    assert moved.next_due() is None


def test_diff_journeys_names_added_removed_and_changed():
    a = journey_from_dict(welcome())
    data = welcome()
    data["nodes"][1]["config"]["subject"] = "Hello"
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "mail-2"]
    data["nodes"].append({"id": "sms-1", "type": "message", "position": [5, 5], "config": {"kind": "sms", "text": "Hi"}})
    data["edges"] = [e for e in data["edges"] if e["target"] != "mail-2"] + [
        {"source": "wait", "port": "out", "target": "sms-1"}]
    data["settings"] = {"reentry": "always"}
    diff = diff_journeys(a, journey_from_dict(data))
    assert diff.nodes_added == ["sms-1"]
    assert diff.nodes_removed == ["mail-2"]
    assert [(c.id, c.fields) for c in diff.nodes_changed] == [("mail-1", ("config",))]
    assert [e.id for e in diff.edges_added] == ["wait.out->sms-1"]
    assert [e.id for e in diff.edges_removed] == ["wait.out->mail-2"]
    assert diff.settings_changed == ["reentry"]
    assert not diff.empty and "mail-2" in diff.summary()
    assert diff_journeys(a, journey_from_dict(welcome())).empty


def test_batch_profile_loader_matches_the_profile_path(db_target):
    db = make_db(db_target, customers=2, birthdate="1990-02-03", city="Köln",
                 signup_at="2025-01-01T10:00:00Z", properties={"area": "urban"}, tags=["vip"])
    with db.transaction() as session:
        upsert_order(session, "c1", {"id": "o1", "placed_at": "2026-01-02T10:00:00Z", "total": 30, "currency": "EUR",
                                     "coupon": "X"})
        add_event(session, "c1", "order_placed", T("2026-01-03T10:00:00Z"), {"total": 12})
        add_event(session, "c1", "page_view", T("2026-01-01T10:00:00.250000Z"), {"path": "/"})
        add_event(session, "c2", "signup", T("2026-01-01T10:00:00Z"))
    with db.read() as session:
        fast = session_repo.load_profiles(session, ["c1", "c2", "nobody"])
        for cid in ("c1", "c2"):
            slow = parse_profile(profiles_repo.customer_profile(session, cid))
            assert fast[cid] == slow
    assert "nobody" not in fast
    db.close()
