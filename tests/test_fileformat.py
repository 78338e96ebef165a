"""Reading and writing `journey-builder/1` files (spec §1, §2)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from engine.fileformat import (
    FileProblem,
    journey_from_dict,
    journey_to_dict,
    load_journey,
    read_journey,
    read_json_file,
    save_journey,
)
from engine.problems import JourneyError, Problem
from engine.validation import errors_of, validate

# CI clones the project beside shared/ (see .ci/run); elsewhere the cases are skipped.
CASES = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "cases"

CANONICAL: dict[str, Any] = {
    "format": "journey-builder/1",
    "name": "Abandoned cart (advanced)",
    "description": "free text",
    "settings": {
        "reentry": "after_exit",
        "reentry_cooldown": "P7D",
        "exit_on": [{"event": "order_placed"}],
        "quiet_hours": {"start": "21:00", "end": "08:00"},
        "frequency_cap": {"max": 3, "per": "P7D"},
    },
    "nodes": [
        {"id": "start", "type": "trigger", "label": "Cart abandoned", "position": [0, 0],
         "config": {"kind": "event", "event": "cart_abandoned",
                    "filter": {"field": "entry.cart_value", "op": ">=", "value": 20}}},
        {"id": "recent-order", "type": "condition", "position": [200, 0],
         "config": {"kind": "rule", "rule": {"segment": "regulars"}}},
        {"id": "wait-24h", "type": "delay", "label": "A day", "position": [400, -50.5],
         "config": {"kind": "duration", "duration": "P1D"}},
        {"id": "mail-1", "type": "message", "position": [600, 0],
         "config": {"kind": "email", "subject": "{{ customer.first_name }}, your cart is waiting",
                    "body": "Come back!", "discount": {"percent": 5, "valid_for": "P14D", "prefix": "CART"}}},
        {"id": "split", "type": "condition", "position": [800, 0],
         "config": {"kind": "split", "branches": [{"port": "big", "rule": {"field": "orders.total", "op": ">", "value": 500}}],
                    "else": "small"}},
        {"id": "ab", "type": "condition", "position": [1000, 0],
         "config": {"kind": "random", "branches": [{"port": "a", "weight": 50}, {"port": "b", "weight": 50}]}},
        {"id": "wait-buy", "type": "condition", "position": [1200, 0],
         "config": {"kind": "wait_event", "event": "order_placed", "timeout": "P3D"}},
        {"id": "sms", "type": "message", "position": [1400, 0],
         "config": {"kind": "sms", "text": "Hi {{ customer.first_name }}"}},
        {"id": "push", "type": "message", "position": [1400, 100],
         "config": {"kind": "push", "title": "Hey", "body": "Still there?", "url": "https://shop.example/cart"}},
        {"id": "morning", "type": "delay", "position": [1600, 0],
         "config": {"kind": "time_window", "at": "09:00", "weekdays": ["mon", "tue"]}},
        {"id": "until", "type": "delay", "position": [1800, 0],
         "config": {"kind": "until", "field": "entry.at", "offset": "-PT1H"}},
    ],
    "edges": [
        {"source": "start", "target": "recent-order", "port": "out"},
        {"source": "recent-order", "target": "wait-24h", "port": "yes"},
        {"source": "recent-order", "target": "split", "port": "no"},
        {"source": "wait-24h", "target": "mail-1", "port": "out"},
        {"source": "mail-1", "target": "wait-buy", "port": "out"},
        {"source": "split", "target": "ab", "port": "big"},
        {"source": "split", "target": "morning", "port": "small"},
        {"source": "ab", "target": "sms", "port": "a"},
        {"source": "ab", "target": "push", "port": "b"},
        {"source": "wait-buy", "target": "until", "port": "yes"},
        {"source": "wait-buy", "target": "sms", "port": "no"},
        {"source": "morning", "target": "push", "port": "out"},
    ],
    "segments": {
        "regulars": {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1},
    },
}


def _sorted(data: dict) -> dict:
    data = copy.deepcopy(data)
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["port"], e["target"]))
    return data


def test_the_canonical_journey_reads_and_validates_clean() -> None:
    journey, problems = read_journey(copy.deepcopy(CANONICAL))
    assert problems == []
    assert validate(journey) == []
    assert journey.name == "Abandoned cart (advanced)"
    assert journey.trigger().id == "start"
    assert journey.node("wait-24h").label == "A day"
    assert journey.node("wait-24h").position == (400.0, -50.5)
    assert journey.node("split").ports() == ("big", "small")
    assert journey.node("ab").ports() == ("a", "b")
    assert len(list(journey.edges())) == len(CANONICAL["edges"])


def test_round_trip_gives_back_the_input() -> None:
    journey, problems = read_journey(copy.deepcopy(CANONICAL))
    assert problems == []
    assert journey_to_dict(journey) == CANONICAL


def test_round_trip_preserves_node_and_edge_order() -> None:
    journey, _ = read_journey(copy.deepcopy(CANONICAL))
    out = journey_to_dict(journey)
    assert [n["id"] for n in out["nodes"]] == [n["id"] for n in CANONICAL["nodes"]]
    assert _sorted(out)["edges"] == _sorted(CANONICAL)["edges"]


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    journey = journey_from_dict(copy.deepcopy(CANONICAL))
    save_journey(journey, path)
    assert json.loads(path.read_text(encoding="utf-8")) == CANONICAL
    again = load_journey(path)
    assert again.same_as(journey)
    assert not (tmp_path / "j.json.tmp").exists()


def test_reading_does_not_share_state_with_the_input() -> None:
    data = copy.deepcopy(CANONICAL)
    journey, _ = read_journey(data)
    data["settings"]["reentry"] = "never"
    data["nodes"][2]["config"]["duration"] = "P9D"
    assert journey.settings["reentry"] == "after_exit"
    assert journey.node("wait-24h").config["duration"] == "P1D"


def test_optional_parts_default() -> None:
    minimal = {"format": "journey-builder/1", "name": "Minimal",
               "nodes": [{"id": "t", "type": "trigger", "config": {"kind": "event", "event": "signup"}}],
               "edges": []}
    journey = journey_from_dict(minimal)
    assert journey.settings == {} and journey.segments == {} and journey.description == ""
    node = journey.node("t")
    assert node.label is None and node.position == (0.0, 0.0)
    out = journey_to_dict(journey)
    assert out["nodes"] == [{"id": "t", "type": "trigger", "position": [0, 0],
                             "config": {"kind": "event", "event": "signup"}}]
    assert "segments" not in out


# -- acceptance examples -------------------------------------------------------------------
def _case_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.skipif(not CASES.exists(), reason="no shared acceptance cases here")
@pytest.mark.parametrize("path", _case_files(CASES), ids=lambda p: p.name)
def test_acceptance_examples_load_clean(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))["journey"]
    journey, problems = read_journey(copy.deepcopy(data))
    assert problems == []
    assert errors_of(validate(journey)) == []
    journey_from_dict(data)  # no JourneyError
    assert journey_to_dict(journey_from_dict(journey_to_dict(journey))) == journey_to_dict(journey)


@pytest.mark.skipif(not (CASES / "invalid").exists(), reason="no shared acceptance cases here")
@pytest.mark.parametrize("path", _case_files(CASES / "invalid"), ids=lambda p: p.name)
def test_invalid_acceptance_examples_name_one_of_the_ids(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    journey, problems = read_journey(copy.deepcopy(case["journey"]))
    problems += validate(journey)
    errors = errors_of(problems)
    assert errors
    ids = case["any_of_ids"]
    assert any(str(p).split(":")[0] in ids or any(str(p).startswith(i) for i in ids) for p in errors), errors
    with pytest.raises(JourneyError):
        journey_from_dict(case["journey"])


# -- load errors ---------------------------------------------------------------------------
def _with(change) -> dict:
    data = copy.deepcopy(CANONICAL)
    change(data)
    return data


def _problems(data: Any) -> list[Problem]:
    return read_journey(data)[1]


def _assert_problem(data: Any, where: str, *needles: str) -> None:
    problems = _problems(data)
    hits = [p for p in problems if p.where == where and all(n in p.message for n in needles)]
    assert hits, f"want {where}: {needles}; got {problems}"
    assert all(p.is_error for p in hits)
    with pytest.raises(JourneyError) as info:
        journey_from_dict(data)
    assert any(p.where == where for p in info.value.problems)


@pytest.mark.parametrize("fmt", ["journey-builder/2", "journey-builder", "", 1, None])
def test_unknown_format(fmt: Any) -> None:
    _assert_problem(_with(lambda d: d.__setitem__("format", fmt)), "journey", "format")


def test_missing_format() -> None:
    _assert_problem(_with(lambda d: d.pop("format")), "journey", "format", "missing")


@pytest.mark.parametrize("key", ["name", "nodes", "edges"])
def test_missing_top_level_fields(key: str) -> None:
    _assert_problem(_with(lambda d: d.pop(key)), "journey", key)


@pytest.mark.parametrize(("key", "value"), [("name", 5), ("name", ""), ("nodes", {}), ("edges", "x"),
                                            ("settings", []), ("segments", "regulars"), ("description", 3)])
def test_wrong_top_level_types(key: str, value: Any) -> None:
    _assert_problem(_with(lambda d: d.__setitem__(key, value)), "journey", key)


@pytest.mark.parametrize("data", ["a string", [], 5, None])
def test_not_an_object(data: Any) -> None:
    _assert_problem(data, "journey")


def test_unknown_node_type_names_the_node() -> None:
    _assert_problem(_with(lambda d: d["nodes"][2].__setitem__("type", "pause")), "wait-24h", "type", "pause")


def test_missing_node_type_names_the_node() -> None:
    _assert_problem(_with(lambda d: d["nodes"][2].pop("type")), "wait-24h", "type")


@pytest.mark.parametrize("kind", ["sleep", "", None, 5, ["duration"], {"kind": "duration"}])
def test_unknown_node_kind_names_the_node(kind: Any) -> None:
    _assert_problem(_with(lambda d: d["nodes"][2]["config"].__setitem__("kind", kind)), "wait-24h", "kind")


def test_a_kind_of_another_type_is_unknown() -> None:
    _assert_problem(_with(lambda d: d["nodes"][2]["config"].__setitem__("kind", "email")), "wait-24h", "kind")


def test_missing_config_names_the_node() -> None:
    _assert_problem(_with(lambda d: d["nodes"][2].pop("config")), "wait-24h", "config")
    _assert_problem(_with(lambda d: d["nodes"][2].__setitem__("config", "P1D")), "wait-24h", "config")


def test_missing_config_field_names_the_node_and_field() -> None:
    data = _with(lambda d: d["nodes"][2]["config"].pop("duration"))
    journey, problems = read_journey(data)
    found = [p for p in problems + validate(journey) if p.is_error]
    assert [(p.where, "duration" in p.message and "missing" in p.message) for p in found] == [("wait-24h", True)]
    with pytest.raises(JourneyError) as info:
        journey_from_dict(data)
    assert str(info.value).startswith("wait-24h: config.duration")


@pytest.mark.parametrize(("index", "field", "value"), [
    (0, "event", 5), (2, "duration", 24), (3, "subject", ["a"]), (9, "at", 9), (9, "weekdays", "mon"),
    (4, "branches", {"port": "big"}), (5, "branches", "50/50"), (6, "timeout", True), (10, "field", 3),
])
def test_wrong_config_types_name_the_node_and_field(index: int, field: str, value: Any) -> None:
    data = _with(lambda d: d["nodes"][index]["config"].__setitem__(field, value))
    node_id = CANONICAL["nodes"][index]["id"]
    journey, problems = read_journey(data)
    found = [p for p in problems + validate(journey) if p.is_error]
    assert any(p.where == node_id and field in p.message for p in found), found
    with pytest.raises(JourneyError):
        journey_from_dict(data)


@pytest.mark.parametrize(("key", "value"), [("label", 5), ("position", "0,0"), ("position", [1]),
                                            ("position", [True, 1]), ("position", [1, "2"])])
def test_wrong_node_field_types(key: str, value: Any) -> None:
    _assert_problem(_with(lambda d: d["nodes"][1].__setitem__(key, value)), "recent-order", key)


@pytest.mark.parametrize("node_id", ["has space", "", "a" * 65, "ü", "x/y", "start\n", 7, None])
def test_bad_node_ids(node_id: Any) -> None:
    data = _with(lambda d: d["nodes"].append({"id": node_id, "type": "delay", "config": {"kind": "duration",
                                                                                        "duration": "P1D"}}))
    problems = _problems(data)
    assert len(problems) == 1 and "id" in problems[0].message
    assert problems[0].where in (str(node_id), f"nodes[{len(CANONICAL['nodes'])}]")


def test_longest_id_is_fine() -> None:
    nid = "a" * 64
    data = _with(lambda d: (d["nodes"].append({"id": nid, "type": "delay", "config": {"kind": "duration",
                                                                                      "duration": "P1D"}}),
                            d["edges"].append({"source": "until", "target": nid, "port": "out"})))
    assert _problems(data) == []


def test_duplicate_node_id() -> None:
    _assert_problem(_with(lambda d: d["nodes"].append(copy.deepcopy(d["nodes"][2]))), "wait-24h", "more than one")


def test_dangling_edge_target_names_the_edge() -> None:
    data = _with(lambda d: d["edges"].append({"source": "until", "target": "nowhere", "port": "out"}))
    _assert_problem(data, "until.out->nowhere", "target", "nowhere")


def test_dangling_edge_source_names_the_edge() -> None:
    data = _with(lambda d: d["edges"].append({"source": "ghost", "target": "sms", "port": "out"}))
    _assert_problem(data, "ghost.out->sms", "source", "ghost")


@pytest.mark.parametrize(("source", "port"), [("start", "yes"), ("recent-order", "out"), ("split", "else"),
                                              ("ab", "c"), ("mail-1", "no"), ("wait-buy", "timeout")])
def test_unknown_port_names_the_edge(source: str, port: str) -> None:
    data = _with(lambda d: d["edges"].append({"source": source, "target": "sms", "port": port}))
    _assert_problem(data, f"{source}.{port}->sms", "port", port)


@pytest.mark.parametrize("missing", ["source", "target", "port"])
def test_edge_missing_field(missing: str) -> None:
    def change(d: dict) -> None:
        e = {"source": "until", "target": "sms", "port": "out"}
        del e[missing]
        d["edges"].append(e)

    problems = _problems(_with(change))
    assert len(problems) == 1 and missing in problems[0].message
    assert problems[0].where.startswith("until") or problems[0].where.startswith("edges[")


def test_edge_not_an_object() -> None:
    _assert_problem(_with(lambda d: d["edges"].append("start->sms")), f"edges[{len(CANONICAL['edges'])}]")


def test_duplicate_edge() -> None:
    _assert_problem(_with(lambda d: d["edges"].append(dict(d["edges"][0]))), "start.out->recent-order", "twice")


def test_every_load_problem_is_listed() -> None:
    def change(d: dict) -> None:
        d["format"] = "v2"
        d["nodes"][2]["type"] = "pause"
        d["edges"].append({"source": "until", "target": "nowhere", "port": "out"})

    problems = _problems(_with(change))
    wheres = {p.where for p in problems}
    assert {"journey", "wait-24h", "until.out->nowhere"} <= wheres


def test_nothing_is_half_loaded(tmp_path: Path) -> None:
    data = _with(lambda d: d["edges"].append({"source": "until", "target": "nowhere", "port": "out"}))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(JourneyError) as info:
        load_journey(path)
    assert str(path) in str(info.value)
    assert "until.out->nowhere" in str(info.value)


def test_validation_errors_block_loading_but_warnings_do_not() -> None:
    cyclic = _with(lambda d: d["edges"].append({"source": "sms", "target": "ab", "port": "out"}))
    with pytest.raises(JourneyError) as info:
        journey_from_dict(cyclic)
    assert "loop" in str(info.value)
    unreachable = _with(lambda d: d["nodes"].append({"id": "lonely", "type": "delay",
                                                     "config": {"kind": "duration", "duration": "P1D"}}))
    journey = journey_from_dict(unreachable)
    assert journey.has_node("lonely")


# -- reading files -------------------------------------------------------------------------
def test_read_json_file_problems(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="no such"):
        read_json_file(tmp_path / "missing.json", "journey file")
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    with pytest.raises(FileProblem, match="not valid JSON"):
        read_json_file(bad)
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(FileProblem):
        read_json_file(binary)
    with pytest.raises(FileProblem):
        read_json_file(tmp_path)  # a folder
