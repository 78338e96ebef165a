"""Journeys in the database: drafts, versions, publishing, and a lossless JSON round trip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from engine.fileformat import FORMAT, journey_from_dict, journey_to_dict
from engine.model import Edge, Journey, Node
from engine.problems import JourneyError
from engine.timeutil import parse_duration
from storage import journeys_repo as repo
from storage.database import Database, open_database
from storage.errors import InvalidName, InvalidState, NameTaken, NotFound
from storage.models import EdgeRow, JourneyRecord, JourneyVersion, NodeRow


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    with open_database(db_target) as database:
        yield database


# -- generated journeys ----------------------------------------------------------------------
ids = st.from_regex(r"[A-Za-z0-9_.-]{1,16}", fullmatch=True)
port_names = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
words = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="{}%#"), max_size=30)
texts = words.filter(lambda t: t.strip())  # a message's subject, body or text may not be blank
event_names = st.sampled_from(["cart_abandoned", "signed_up", "order_placed", "viewed_product", "Ünïcode-evt"])
durations = st.sampled_from(["PT4H", "P1D", "P3M", "P1Y", "P1DT12H", "PT30M", "P2W"])
signed_durations = st.sampled_from(["P0D", "-P1D", "P7D", "-PT2H"])
coordinates = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9) | st.integers(-5000, 5000)


def rules(segment_names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(
        st.builds(lambda v: {"field": "orders.count", "op": ">=", "value": v}, st.integers(0, 20)),
        st.builds(lambda v: {"field": "customer.city", "op": "=", "value": v}, words),
        st.builds(lambda w: {"field": "orders.total", "op": ">", "value": 10.5, "window": w}, durations),
        st.just({"field": "customer.birthdate", "op": "exists"}),
        *([st.builds(lambda n: {"segment": n}, st.sampled_from(segment_names))] if segment_names else []),
    )
    return st.recursive(leaves, lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ), max_leaves=5)


def with_optional(base: dict[str, Any], **optional: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """`base` plus any subset of the optional keys, in a fixed order so configs stay canonical."""
    picked = {key: st.none() | strat for key, strat in optional.items()}
    return st.fixed_dictionaries(picked).map(
        lambda extra: {**base, **{k: v for k, v in extra.items() if v is not None}})


@st.composite
def configs(draw: st.DrawFn, node_type: str, segment_names: list[str]) -> dict[str, Any]:
    rule = rules(segment_names)
    discount = st.builds(lambda p, v: {"percent": p, "valid_for": v}, st.integers(1, 100), durations)
    if node_type == "trigger":
        return draw(st.builds(lambda e, rest: {"kind": "event", "event": e, **rest}, event_names,
                              with_optional({}, filter=rule)))
    if node_type == "delay":
        return draw(st.one_of(
            st.builds(lambda d: {"kind": "duration", "duration": d}, durations),
            st.builds(lambda f, o: {"kind": "until", "field": f, "offset": o},
                      st.sampled_from(["entry.at", "customer.birthdate", "customer.signup_at"]), signed_durations),
            st.builds(lambda at, rest: {"kind": "time_window", "at": at, **rest},
                      st.sampled_from(["09:00", "10:30", "23:59"]),
                      with_optional({}, weekdays=st.lists(st.sampled_from(["mon", "tue", "sat"]),
                                                          min_size=1, max_size=3, unique=True))),
        ))
    if node_type == "condition":
        branch_ports = st.lists(port_names.filter(lambda p: p != "else"), min_size=1, max_size=3, unique=True)
        return draw(st.one_of(
            st.builds(lambda r: {"kind": "rule", "rule": r}, rule),
            st.builds(lambda ps, rs: {"kind": "split", "branches": [{"port": p, "rule": r} for p, r in zip(ps, rs, strict=False)],
                                      "else": "else"},
                      branch_ports, st.lists(rule, min_size=3, max_size=3)),
            st.builds(lambda ps, ws: {"kind": "random", "branches": [{"port": p, "weight": w} for p, w in zip(ps, ws, strict=False)]},
                      branch_ports, st.lists(st.integers(1, 100) | st.floats(0.5, 99.5), min_size=3, max_size=3)),
            st.builds(lambda e, t, rest: {"kind": "wait_event", "event": e, "timeout": t, **rest},
                      event_names, durations, with_optional({}, filter=rule)),
        ))
    return draw(st.one_of(
        st.builds(lambda s, b, rest: {"kind": "email", "subject": s, "body": b, **rest}, texts, texts,
                  with_optional({}, discount=discount)),
        st.builds(lambda t: {"kind": "sms", "text": t}, texts),
        st.builds(lambda t, b, rest: {"kind": "push", "title": t, "body": b, **rest}, texts, words,
                  with_optional({}, url=st.just("https://shop.example/cart"))),
    ))


def _takes_time(node: dict[str, Any]) -> bool:
    config = node["config"]
    return (node["type"] == "delay" and config["kind"] == "duration"
            and parse_duration(config["duration"]).approx_seconds() > 0)


@st.composite
def journey_dicts(draw: st.DrawFn) -> dict[str, Any]:
    segment_names = draw(st.lists(st.from_regex(r"[a-z]{1,10}", fullmatch=True), max_size=3, unique=True))
    segments = {name: draw(rules([])) for name in segment_names}
    node_ids = draw(st.lists(ids, min_size=1, max_size=9, unique=True))
    types = ["trigger"] + [draw(st.sampled_from(["delay", "condition", "message"])) for _ in node_ids[1:]]
    nodes = []
    for node_id, node_type in zip(node_ids, types, strict=True):
        node: dict[str, Any] = {"id": node_id, "type": node_type}
        label = draw(st.none() | words)
        if label is not None:
            node["label"] = label
        node["position"] = [draw(coordinates), draw(coordinates)]
        node["config"] = draw(configs(node_type, segment_names))
        nodes.append(node)
    edges = []
    for index, node in enumerate(nodes):
        described = Node(node["id"], node["type"], node["config"])
        # Forward edges only, plus edges into delays that always take time: never into the
        # trigger, and no loop that could repeat at one instant, which the validator refuses.
        targets = [n["id"] for i, n in enumerate(nodes) if i > index or (i > 0 and _takes_time(n))]
        for port in described.ports():
            if targets and draw(st.booleans()):
                edges.append({"source": node["id"], "target": draw(st.sampled_from(targets)), "port": port})
    settings_dict = draw(with_optional(
        {},
        reentry=st.sampled_from(["never", "after_exit", "always"]),
        reentry_cooldown=durations,
        exit_on=st.lists(st.builds(lambda e: {"event": e}, event_names), max_size=2),
        quiet_hours=st.just({"start": "21:00", "end": "08:00"}),
        frequency_cap=st.builds(lambda m, p: {"max": m, "per": p}, st.integers(1, 9), durations),
    ))
    data: dict[str, Any] = {
        "format": FORMAT,
        "name": draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
                     .filter(lambda s: s.strip())),
        "description": draw(words),
        "settings": settings_dict,
        "nodes": draw(st.permutations(nodes)),
        "edges": draw(st.permutations(edges)),
    }
    if segments:
        data["segments"] = segments
    return data


def canonical(data: dict[str, Any]) -> str:
    """The exact text an export writes: order of nodes, edges and keys all count."""
    return json.dumps(journey_to_dict(journey_from_dict(data)), ensure_ascii=False)


def test_round_trip_json_to_database_to_json_is_lossless(db: Database) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=journey_dicts(), publish_first=st.booleans())
    def check(data: dict[str, Any], publish_first: bool) -> None:
        expected = canonical(data)
        if db.is_postgres and "\\u0000" in json.dumps(data):  # PostgreSQL stores no NUL in text
            with pytest.raises(InvalidState, match="U\\+0000"), db.transaction() as s:
                repo.import_journey(s, data)
            return
        with db.transaction() as s:
            saved = repo.import_journey(s, data)
            if publish_first:  # the next import then makes a new version instead of overwriting
                repo.publish(s, data["name"])
        with db.read() as s:
            exported = repo.export_journey(s, data["name"])
            assert json.dumps(exported, ensure_ascii=False) == expected
            loaded = repo.load_journey(s, data["name"], "live" if publish_first else "draft")
            assert loaded.same_as(journey_from_dict(data))
            assert [n.id for n in loaded.nodes()] == [n["id"] for n in data["nodes"]]
            # The model lists edges by source node (networkx adjacency), whatever the file's order.
            assert list(loaded.edges()) == list(journey_from_dict(data).edges())
            assert repo.load_version(s, saved.version_id).same_as(loaded)

    check()


def test_a_nul_character_is_kept_on_sqlite_and_refused_with_its_place_on_postgresql(db: Database) -> None:
    data = journey_to_dict(small_journey())
    data["nodes"][2]["config"]["body"] = "Hi\x00there"
    if not db.is_postgres:  # SQLite keeps it, as any other character
        with db.transaction() as s:
            repo.import_journey(s, data)
        with db.read() as s:
            assert repo.export_journey(s, "Welcome")["nodes"][2]["config"]["body"] == "Hi\x00there"
        return
    with pytest.raises(InvalidState, match=r"nodes\[2\]\.config\.body holds a NUL"), db.transaction() as s:
        repo.import_journey(s, data)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(JourneyRecord)) == 0


# -- versions and statuses -------------------------------------------------------------------
def small_journey(name: str = "Welcome", subject: str = "Hello") -> Journey:
    journey = Journey(name, "greets new customers", {"reentry": "never"})
    journey.add_node(Node("start", "trigger", {"kind": "event", "event": "signed_up"}, "Signed up", (0, 0)))
    journey.add_node(Node("wait", "delay", {"kind": "duration", "duration": "P1D"}, None, (200.5, 0)))
    journey.add_node(Node("mail", "message", {"kind": "email", "subject": subject, "body": "Hi"}, None, (400, 0)))
    journey.add_edge(Edge("start", "out", "wait"))
    journey.add_edge(Edge("wait", "out", "mail"))
    return journey


def count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_saving_a_draft_twice_updates_it_in_place(db: Database) -> None:
    with db.transaction() as s:
        first = repo.save_draft(s, small_journey())
        second = repo.save_draft(s, small_journey(subject="Welcome!"))
    assert (second.version_id, second.number, second.status) == (first.version_id, 1, "draft")
    with db.read() as s:
        assert count(s, JourneyVersion) == 1 and count(s, NodeRow) == 3 and count(s, EdgeRow) == 2
        assert repo.load_journey(s, "Welcome").node("mail").config["subject"] == "Welcome!"


def test_publish_makes_draft_live_and_archives_the_previous_live(db: Database) -> None:
    with db.transaction() as s:
        repo.save_draft(s, small_journey(subject="v1"))
        assert repo.publish(s, "Welcome").number == 1
        with pytest.raises(InvalidState, match="no draft"):
            repo.publish(s, "Welcome")
        v2 = repo.save_draft(s, small_journey(subject="v2"))
        assert (v2.number, v2.status) == (2, "draft")
    with db.read() as s:
        (summary,) = repo.list_journeys(s)
        assert summary.status == "live" and summary.has_unpublished_changes
        assert (summary.live_version, summary.draft_version, summary.latest_version) == (1, 2, 2)
        assert repo.load_journey(s, "Welcome", "live").node("mail").config["subject"] == "v1"
        assert repo.load_journey(s, "Welcome").node("mail").config["subject"] == "v2"
    with db.transaction() as s:
        repo.publish(s, "Welcome")
    with db.read() as s:
        statuses = s.execute(select(JourneyVersion.number, JourneyVersion.status)
                             .order_by(JourneyVersion.number)).all()
        assert [tuple(r) for r in statuses] == [(1, "archived"), (2, "live")]
        assert repo.list_journeys(s)[0].status == "live"
        assert not repo.list_journeys(s)[0].has_unpublished_changes
        assert [name for _, _, j in repo.live_versions(s) for name in [j.name]] == ["Welcome"]
        with pytest.raises(NotFound, match="no draft version"):
            repo.load_journey(s, "Welcome", "draft")


def test_list_rename_delete(db: Database) -> None:
    with db.transaction() as s:
        repo.save_draft(s, small_journey("b journey"))
        repo.save_draft(s, small_journey("A journey"))
    with db.read() as s:
        assert [(j.name, j.status) for j in repo.list_journeys(s)] == [("A journey", "draft"), ("b journey", "draft")]
    with db.transaction() as s:
        repo.rename_journey(s, "A journey", "C journey")
        with pytest.raises(NameTaken):
            repo.rename_journey(s, "C journey", "b journey")
        with pytest.raises(InvalidName):
            repo.rename_journey(s, "C journey", "  ")
    with db.read() as s:
        assert repo.load_journey(s, "C journey").name == "C journey"
        assert s.scalars(select(JourneyVersion.name).join(JourneyRecord)
                         .where(JourneyRecord.name == "C journey")).one() == "C journey"
    with db.transaction() as s:
        repo.publish(s, "b journey")
        with pytest.raises(InvalidState, match="live"):
            repo.delete_journey(s, "b journey")
        repo.stop(s, "b journey")
        repo.delete_journey(s, "b journey")
        with pytest.raises(NotFound):
            repo.delete_journey(s, "b journey")
    with db.read() as s:
        assert [j.name for j in repo.list_journeys(s)] == ["C journey"]
        assert count(s, NodeRow) == 3 and count(s, EdgeRow) == 2  # the deleted one's rows went too


def test_save_by_id_follows_a_rename_in_the_editor(db: Database) -> None:
    with db.transaction() as s:
        saved = repo.save_draft(s, small_journey("Old"))
        journey = small_journey("New")
        again = repo.save_draft(s, journey, journey_id=saved.journey_id)
    assert again.version_id == saved.version_id
    with db.read() as s:
        assert [j.name for j in repo.list_journeys(s)] == ["New"]


def test_invalid_import_stores_nothing(db: Database) -> None:
    bad = journey_to_dict(small_journey())
    bad["edges"].append({"source": "mail", "target": "start", "port": "nope"})
    with pytest.raises(JourneyError, match="port"), db.transaction() as s:
        repo.import_journey(s, bad, source="bad.json")
    with db.read() as s:
        assert count(s, JourneyRecord) == 0 and count(s, JourneyVersion) == 0 and count(s, NodeRow) == 0


def test_import_is_all_or_nothing_when_the_database_fails_midway(db: Database) -> None:
    data = journey_to_dict(small_journey())
    with pytest.raises(RuntimeError), db.transaction() as s:
        repo.import_journey(s, data)
        raise RuntimeError("crash after the rows were written")
    with db.read() as s:
        assert count(s, JourneyRecord) == 0 and count(s, NodeRow) == 0


def test_edges_keep_the_files_own_order_through_the_database(tmp_path):
    from engine.fileformat import journey_to_dict
    from storage import open_database
    from storage.journeys_repo import export_journey, import_journey

    data = {"format": "journey-builder/1", "name": "Order", "description": "", "settings": {},
            "nodes": [{"id": "t", "type": "trigger", "position": [0, 0], "config": {"kind": "event", "event": "signup"}},
                      {"id": "c", "type": "condition", "position": [1, 0],
                       "config": {"kind": "rule", "rule": {"all": []}}},
                      {"id": "m", "type": "message", "position": [2, 0],
                       "config": {"kind": "sms", "text": "hi"}}],
            "edges": [{"source": "c", "target": "m", "port": "no"},
                      {"source": "t", "target": "c", "port": "out"},
                      {"source": "c", "target": "m", "port": "yes"}]}
    with open_database(tmp_path / "shop.sqlite") as db:
        with db.transaction() as s:
            import_journey(s, data)
        with db.read() as s:
            assert export_journey(s, "Order")["edges"] == data["edges"]
    from engine.fileformat import journey_from_dict

    assert journey_to_dict(journey_from_dict(data))["edges"] == data["edges"]


def test_saving_a_journey_whose_segments_were_only_reordered_keeps_the_new_order(db: Database) -> None:
    """Two dicts with the same items in another order are equal to Python: the save must
    still write, or the export comes back in the old order."""
    first = {"format": "journey-builder/1", "name": "Reordered", "settings": {},
             "segments": {"a": {"field": "orders.count", "op": ">=", "value": 0},
                          "g": {"field": "orders.count", "op": ">=", "value": 1}},
             "nodes": [{"id": "t", "type": "trigger", "position": [0, 0],
                        "config": {"kind": "event", "event": "signup"}}],
             "edges": []}
    again = {**first, "segments": {"g": first["segments"]["g"], "a": first["segments"]["a"]}}
    with db.transaction() as s:
        repo.import_journey(s, first)
    with db.transaction() as s:
        repo.import_journey(s, again)
    with db.read() as s:
        assert list(repo.export_journey(s, "Reordered")["segments"]) == ["g", "a"]
