"""Validation of a journey (spec §1, §2): every problem names the node or edge it is about."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from engine.fileformat import read_journey
from engine.problems import Problem
from engine.validation import errors_of, validate


def trigger(config: dict | None = None, node_id: str = "start") -> dict:
    return {"id": node_id, "type": "trigger", "position": [0, 0],
            "config": config or {"kind": "event", "event": "signup"}}


def email(node_id: str, **config: Any) -> dict:
    return {"id": node_id, "type": "message", "position": [0, 0],
            "config": {"kind": "email", "subject": "Hi {{ customer.first_name }}", "body": "Hello", **config}}


def delay(node_id: str, duration: Any = "P1D") -> dict:
    return {"id": node_id, "type": "delay", "position": [0, 0], "config": {"kind": "duration", "duration": duration}}


def cond(node_id: str, rule: Any = None) -> dict:
    return {"id": node_id, "type": "condition", "position": [0, 0],
            "config": {"kind": "rule", "rule": rule if rule is not None else {"all": []}}}


def node(node_id: str, node_type: str, **config: Any) -> dict:
    return {"id": node_id, "type": node_type, "position": [0, 0], "config": config}


def edge(source: str, target: str, port: str = "out") -> dict:
    return {"source": source, "target": target, "port": port}


def journey(nodes: list, edges: list, **extra: Any) -> dict:
    return {"format": "journey-builder/1", "name": "Test", "nodes": nodes, "edges": edges, **extra}


def problems_of(data: dict, shop_segments: tuple[str, ...] = ()) -> list[Problem]:
    j, problems = read_journey(copy.deepcopy(data))
    assert problems == [], problems  # these tests are about validation, the structure is fine
    return validate(j, shop_segments)


def errors(data: dict, **kw: Any) -> list[Problem]:
    return errors_of(problems_of(data, **kw))


def warnings(data: dict) -> list[Problem]:
    return [p for p in problems_of(data) if p.severity == "warning"]


def assert_error_at(data: dict, where: str, *needles: str, **kw: Any) -> Problem:
    found = [p for p in errors(data, **kw) if p.where == where]
    assert found, f"no error at {where!r}: {errors(data, **kw)}"
    text = " | ".join(p.message for p in found)
    for needle in needles:
        assert needle in text, (needle, text)
    return found[0]


SIMPLE = journey([trigger(), email("hello")], [edge("start", "hello")])


def test_a_simple_journey_is_clean() -> None:
    assert problems_of(SIMPLE) == []


def test_ending_a_path_at_a_message_port_is_not_a_warning() -> None:
    assert warnings(SIMPLE) == []


# -- triggers ------------------------------------------------------------------------------
def test_no_trigger_is_an_error() -> None:
    data = journey([email("hello")], [])
    assert any("trigger" in p.message for p in errors(data))


def test_two_triggers_is_an_error_naming_the_second() -> None:
    data = journey([trigger(), trigger(node_id="start2"), email("hello")],
                   [edge("start", "hello"), edge("start2", "hello")])
    assert_error_at(data, "start2", "trigger")


def test_three_triggers_name_both_extra_ones() -> None:
    data = journey([trigger(), trigger(node_id="t2"), trigger(node_id="t3")], [])
    wheres = {p.where for p in errors(data)}
    assert {"t2", "t3"} <= wheres


def test_an_edge_into_the_trigger_is_an_error_naming_the_edge() -> None:
    data = journey([trigger(), delay("wait"), email("hello")],
                   [edge("start", "wait"), edge("wait", "hello"), edge("hello", "start")])
    problem = assert_error_at(data, "hello.out->start", "trigger")
    assert problem.where.startswith("hello")


# -- cycles --------------------------------------------------------------------------------
def test_a_cycle_without_delay_or_wait_is_an_error() -> None:
    data = journey([trigger(), cond("check"), email("mail")],
                   [edge("start", "check"), edge("check", "mail", "yes"), edge("check", "mail", "no"),
                    edge("mail", "check")])
    found = [p for p in errors(data) if "loop" in p.message]
    assert len(found) == 1
    assert found[0].where in ("check", "mail")
    assert "check" in found[0].message and "mail" in found[0].message


def test_a_self_loop_is_an_error() -> None:
    data = journey([trigger(), email("mail")], [edge("start", "mail"), edge("mail", "mail")])
    assert_error_at(data, "mail", "loop")


def test_a_cycle_through_a_delay_is_fine() -> None:
    data = journey([trigger(), cond("check"), email("mail"), delay("wait")],
                   [edge("start", "check"), edge("check", "mail", "yes"), edge("check", "mail", "no"),
                    edge("mail", "wait"), edge("wait", "check")])
    assert errors(data) == []


def test_a_cycle_through_a_wait_event_is_fine() -> None:
    wait = node("wait", "condition", kind="wait_event", event="order_placed", timeout="P3D")
    data = journey([trigger(), wait, email("mail")],
                   [edge("start", "wait"), edge("wait", "mail", "no"), edge("mail", "wait"),
                    edge("wait", "mail", "yes")])
    assert errors(data) == []


@pytest.mark.parametrize("wait", [
    delay("wait", "PT0S"),
    delay("wait", "P0D"),
    node("wait", "delay", kind="time_window", at="09:00"),
    node("wait", "delay", kind="time_window", at="09:00", weekdays=["mon", "fri"]),
    node("wait", "delay", kind="until", field="entry.at", offset="P1D"),
    node("wait", "condition", kind="wait_event", event="order_placed", timeout="PT0S"),
], ids=["PT0S", "P0D", "time window", "time window on weekdays", "until", "wait_event with no timeout"])
def test_a_cycle_whose_waits_can_pass_at_once_is_an_error(wait) -> None:
    # A time window includes "now": after the 09:00 email the customer is back at the window at
    # 09:00 and passes it again; an until-moment is past on the second lap. Such a loop sent
    # thousands of emails to one customer in a live session.
    data = journey([trigger(), email("mail"), wait],
                   [edge("start", "mail"), edge("mail", "wait"), edge("wait", "mail"),
                    *([edge("wait", "mail", "yes")] if wait["type"] == "condition" else [])])
    if wait["type"] == "condition":
        data["edges"][2]["port"] = "no"
    problem = assert_error_at(data, "mail", "loop", "wait")
    assert "at once" in problem.message


def test_a_cycle_through_a_time_window_and_a_real_delay_is_fine() -> None:
    tw = node("tw", "delay", kind="time_window", at="09:00")
    data = journey([trigger(), email("mail"), tw, delay("day", "PT1M")],
                   [edge("start", "mail"), edge("mail", "day"), edge("day", "tw"), edge("tw", "mail")])
    assert errors(data) == []


def test_two_instant_loops_are_each_reported() -> None:
    data = journey([trigger(), email("a"), email("b"), delay("d"), email("c"), email("e")],
                   [edge("start", "a"), edge("a", "b"), edge("b", "a"), edge("a", "d"), edge("d", "c"),
                    edge("c", "e"), edge("e", "c")])
    loops = [p for p in errors(data) if "loop" in p.message]
    assert len(loops) == 2
    assert {p.where for p in loops} == {"a", "c"}


# -- durations and times of day ------------------------------------------------------------
@pytest.mark.parametrize("bad", ["1D", "P", "PT", "P1H", "", "one day", 5, None, ["P1D"], {"days": 1}, "-P1D"])
def test_bad_delay_duration_names_the_node_and_field(bad: Any) -> None:
    data = journey([trigger(), delay("wait", bad), email("m")], [edge("start", "wait"), edge("wait", "m")])
    assert_error_at(data, "wait", "duration")


def test_until_offset_may_be_negative_but_must_be_a_duration() -> None:
    ok = node("until", "delay", kind="until", field="entry.at", offset="-P1D")
    assert errors(journey([trigger(), ok], [edge("start", "until")])) == []
    bad = node("until", "delay", kind="until", field="entry.at", offset="-1D")
    assert_error_at(journey([trigger(), bad], [edge("start", "until")]), "until", "offset")


@pytest.mark.parametrize("field", ["customer.city", "orders.count", "customer.nope", 5])
def test_until_and_date_trigger_need_a_date_field(field: Any) -> None:
    bad = node("until", "delay", kind="until", field=field)
    assert_error_at(journey([trigger(), bad], [edge("start", "until")]), "until", "field")
    t = trigger({"kind": "date", "field": field, "offset": "P0D"})
    assert_error_at(journey([t], []), "start", "field")


@pytest.mark.parametrize("field", ["customer.birthdate", "customer.signup_at", "orders.last_at", "entry.at",
                                   "customer.properties.anniversary", "entry.delivery_at"])
def test_date_fields_are_accepted(field: str) -> None:
    t = trigger({"kind": "date", "field": field, "offset": "-P7D"})
    assert errors(journey([t, email("m")], [edge("start", "m")])) == []


@pytest.mark.parametrize("bad", ["9:00", "24:00", "09:60", "nine", "", None, 900])
def test_bad_time_of_day_names_the_node(bad: Any) -> None:
    tw = node("tw", "delay", kind="time_window", at=bad)
    assert_error_at(journey([trigger(), tw], [edge("start", "tw")]), "tw", "at")


@pytest.mark.parametrize("bad", [["monday"], [], "mon", ["Mon"], [1]])
def test_bad_weekdays_name_the_node(bad: Any) -> None:
    tw = node("tw", "delay", kind="time_window", at="09:00", weekdays=bad)
    assert_error_at(journey([trigger(), tw], [edge("start", "tw")]), "tw", "weekdays")


def test_inactivity_trigger_needs_a_positive_duration() -> None:
    assert errors(journey([trigger({"kind": "inactivity", "after": "P3M"})], [])) == []
    assert_error_at(journey([trigger({"kind": "inactivity", "after": "-P3M"})], []), "start", "after")
    assert_error_at(journey([trigger({"kind": "inactivity"})], []), "start", "after", "missing")


def test_wait_event_needs_event_and_timeout() -> None:
    bad = node("w", "condition", kind="wait_event", event="", timeout="3 days")
    found = errors(journey([trigger(), bad], [edge("start", "w")]))
    text = " | ".join(p.message for p in found if p.where == "w")
    assert "event" in text and "timeout" in text


# -- rules ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("rule", "needle"), [
    ({"field": "customer.nope", "op": "=", "value": 1}, "customer.nope"),
    ({"field": "customer.city", "op": "equals", "value": "x"}, "op"),
    ({"field": "orders.count", "op": ">="}, "value"),
    ({"field": "orders.count", "op": ">=", "value": 1, "window": "7d"}, "window"),
    ({"field": "orders.count", "op": ">=", "value": 1, "since": "signup"}, "since"),
    ({"segment": "ghosts"}, "ghosts"),
    ("city = Berlin", "rule"),
    ({"all": [{"any": [{"field": "customer.age", "op": "between", "value": [1]}]}]}, "rule.all[0].any[0].value"),
])
def test_bad_condition_rule_names_the_node(rule: Any, needle: str) -> None:
    data = journey([trigger(), cond("check", rule)], [edge("start", "check")])
    assert_error_at(data, "check", needle)


def test_bad_trigger_filter_names_the_trigger() -> None:
    t = trigger({"kind": "event", "event": "cart_abandoned",
                 "filter": {"field": "entry.cart_value", "op": "bigger", "value": 50}})
    assert_error_at(journey([t], []), "start", "filter", "op")


def test_bad_wait_event_filter_names_the_node() -> None:
    w = node("w", "condition", kind="wait_event", event="order_placed", timeout="P1D",
             filter={"field": "shoe.size", "op": "=", "value": 1})
    assert_error_at(journey([trigger(), w], [edge("start", "w")]), "w", "filter", "shoe.size")


def test_segments_from_the_file_and_the_shop_are_known() -> None:
    data = journey([trigger(), cond("check", {"any": [{"segment": "regulars"}, {"segment": "vip"}]})],
                   [edge("start", "check")],
                   segments={"regulars": {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}})
    assert_error_at(data, "check", "vip")
    assert errors(data, shop_segments=("vip",)) == []


def test_segment_trigger_needs_a_known_segment() -> None:
    t = trigger({"kind": "segment", "segment": "vip"})
    assert_error_at(journey([t], []), "start", "vip")
    ok = journey([t], [], segments={"vip": {"field": "customer.tags", "op": "contains", "value": "vip"}})
    assert errors(ok) == []


def test_bad_segment_definitions_are_journey_problems_naming_the_segment() -> None:
    data = journey([trigger()], [], segments={"broken": {"field": "orders.count", "op": "~", "value": 1}})
    found = errors(data)
    assert found and "segments.broken" in found[0].message


def test_segments_referring_to_each_other_in_a_loop() -> None:
    data = journey([trigger()], [], segments={"a": {"segment": "b"}, "b": {"not": {"segment": "a"}}})
    assert any("loop" in p.message for p in errors(data))


# -- templates -----------------------------------------------------------------------------
@pytest.mark.parametrize(("field", "bad"), [("subject", "Hi {{ customer.first_name"),
                                            ("body", "{% if customer.age > 18 %}adult"),
                                            ("body", "{{ }}"), ("subject", 42)])
def test_template_syntax_errors_name_the_node_and_field(field: str, bad: Any) -> None:
    data = journey([trigger(), email("mail", **{field: bad})], [edge("start", "mail")])
    assert_error_at(data, "mail", field)


def test_template_check_matches_check_template() -> None:
    from engine.templates import check_template

    text = "{% for x in %}"
    expected = check_template(text)
    assert expected
    data = journey([trigger(), email("mail", body=text)], [edge("start", "mail")])
    assert_error_at(data, "mail", expected)


@pytest.mark.parametrize(("kind", "config", "field"), [
    ("sms", {"text": "{{ x"}, "text"),
    ("push", {"title": "{% endif %}", "body": "ok"}, "title"),
    ("push", {"title": "ok", "body": "ok", "url": "https://x/{{ y"}, "url"),
])
def test_sms_and_push_templates(kind: str, config: dict, field: str) -> None:
    msg = node("msg", "message", kind=kind, **config)
    assert_error_at(journey([trigger(), msg], [edge("start", "msg")]), "msg", field)


def test_message_fields_are_required() -> None:
    msg = node("msg", "message", kind="email", subject="Hi")
    assert_error_at(journey([trigger(), msg], [edge("start", "msg")]), "msg", "body", "missing")


# -- splits and random branches ------------------------------------------------------------
def split(node_id: str, branches: Any, else_port: Any = "other") -> dict:
    return node(node_id, "condition", kind="split", branches=branches, **{"else": else_port})


def rnd(node_id: str, branches: Any) -> dict:
    return node(node_id, "condition", kind="random", branches=branches)


def test_a_good_split_and_random() -> None:
    s = split("s", [{"port": "young", "rule": {"field": "customer.age", "op": "<", "value": 30}},
                    {"port": "old", "rule": {"all": []}}])
    r = rnd("r", [{"port": "a", "weight": 50}, {"port": "b", "weight": 0.5}])
    data = journey([trigger(), s, r, email("m")],
                   [edge("start", "s"), edge("s", "r", "young"), edge("s", "m", "old"), edge("s", "m", "other"),
                    edge("r", "m", "a"), edge("r", "m", "b")])
    assert problems_of(data) == []


@pytest.mark.parametrize("branches", [
    [], "a", [{"port": "a"}], [{"port": "a", "weight": 0}], [{"port": "a", "weight": -5}],
    [{"port": "a", "weight": "50"}], [{"port": "a", "weight": True}], [{"port": "a", "weight": float("nan")}],
    [{"port": "a", "weight": 1}, {"port": "a", "weight": 1}], [{"port": "bad port", "weight": 1}],
    [{"weight": 1}], ["a"],
])
def test_bad_random_branches_name_the_node(branches: Any) -> None:
    assert_error_at(journey([trigger(), rnd("r", branches)], [edge("start", "r")]), "r", "branches")


@pytest.mark.parametrize(("branches", "else_port", "needle"), [
    ([], "other", "branches"),
    ([{"port": "a"}], "other", "rule"),
    ([{"port": "a", "rule": {"field": "x.y", "op": "=", "value": 1}}], "other", "x.y"),
    ([{"port": "a", "rule": {"all": []}}, {"port": "a", "rule": {"all": []}}], "other", "two branches"),
    ([{"port": "a", "rule": {"all": []}}], "a", "else"),
    ([{"port": "a", "rule": {"all": []}}], "", "else"),
    ([{"port": "a", "rule": {"all": []}}], None, "else"),
])
def test_bad_split_names_the_node(branches: Any, else_port: Any, needle: str) -> None:
    data = journey([trigger(), split("s", branches, else_port)], [edge("start", "s")])
    assert_error_at(data, "s", needle)


# -- settings ------------------------------------------------------------------------------
@pytest.mark.parametrize(("settings", "needle"), [
    ({"reentry": "sometimes"}, "reentry"),
    ({"reentry_cooldown": "7 days"}, "reentry_cooldown"),
    ({"reentry_cooldown": "-P7D"}, "reentry_cooldown"),
    ({"quiet_hours": {"start": "21:00"}}, "quiet_hours.end"),
    ({"quiet_hours": {"start": "25:00", "end": "08:00"}}, "quiet_hours.start"),
    ({"quiet_hours": "21-08"}, "quiet_hours"),
    ({"frequency_cap": {"max": 0, "per": "P7D"}}, "frequency_cap.max"),
    ({"frequency_cap": {"max": 2.5, "per": "P7D"}}, "frequency_cap.max"),
    ({"frequency_cap": {"max": "3", "per": "P7D"}}, "frequency_cap.max"),
    ({"frequency_cap": {"max": 3, "per": "week"}}, "frequency_cap.per"),
    ({"frequency_cap": {"max": 3}}, "frequency_cap.per"),
    ({"frequency_cap": 3}, "frequency_cap"),
    ({"exit_on": {"event": "order_placed"}}, "exit_on"),
    ({"exit_on": [{"name": "order_placed"}]}, "exit_on[0]"),
    ({"exit_if": {"field": "orders.count", "op": "~", "value": 1}}, "exit_if"),
])
def test_bad_settings_are_journey_errors_naming_the_setting(settings: dict, needle: str) -> None:
    data = journey([trigger(), email("m")], [edge("start", "m")], settings=settings)
    found = errors(data)
    assert found, settings
    assert any(p.where == "journey" and "settings." in p.message and needle in p.message for p in found), found


def test_good_settings() -> None:
    settings = {"reentry": "always", "reentry_cooldown": "P7D", "exit_on": [{"event": "order_placed"}],
                "quiet_hours": {"start": "21:00", "end": "08:00"}, "frequency_cap": {"max": 3, "per": "P7D"},
                "exit_if": {"field": "orders.count", "op": ">", "value": 0, "since": "entry"}}
    for reentry in ("never", "after_exit", "always"):
        data = journey([trigger(), email("m")], [edge("start", "m")], settings={**settings, "reentry": reentry})
        assert problems_of(data) == []


# -- warnings ------------------------------------------------------------------------------
def test_unreachable_nodes_are_warnings_naming_them() -> None:
    data = journey([trigger(), email("m"), email("orphan"), delay("lost")],
                   [edge("start", "m"), edge("orphan", "lost")])
    found = warnings(data)
    assert {p.where for p in found} == {"orphan", "lost"}
    assert all(p.severity == "warning" and "unreachable" in p.message for p in found)
    assert errors(data) == []


def test_unconnected_condition_ports_are_warnings() -> None:
    data = journey([trigger(), cond("check"), email("m")], [edge("start", "check"), edge("check", "m", "yes")])
    found = warnings(data)
    assert len(found) == 1
    assert found[0].where == "check" and "'no'" in found[0].message
    assert errors(data) == []


def test_unconnected_split_else_port_is_a_warning() -> None:
    s = split("s", [{"port": "a", "rule": {"all": []}}], "rest")
    data = journey([trigger(), s, email("m")], [edge("start", "s"), edge("s", "m", "a")])
    found = warnings(data)
    assert [(p.where, "rest" in p.message) for p in found] == [("s", True)]


def test_warnings_print_with_a_warning_prefix() -> None:
    data = journey([trigger(), cond("check")], [edge("start", "check")])
    lines = sorted(str(p) for p in warnings(data))
    assert lines == ["check: warning: port 'no' is not connected (customers taking it end here)",
                     "check: warning: port 'yes' is not connected (customers taking it end here)"]


def test_every_error_is_reported_not_just_the_first() -> None:
    data = journey([trigger(), delay("d1", "soon"), delay("d2", "later"), cond("c", {"segment": "nope"})],
                   [edge("start", "d1"), edge("d1", "d2"), edge("d2", "c")])
    assert {p.where for p in errors(data)} == {"d1", "d2", "c"}


# -- discounts -----------------------------------------------------------------------------
@pytest.mark.parametrize("discount", [{"percent": 5}, {"percent": 5, "valid_for": "two weeks"},
                                      {"percent": 5, "valid_for": "-P14D"}, "CART5"])
def test_bad_discount_names_the_node(discount: Any) -> None:
    data = journey([trigger(), email("mail", discount=discount)], [edge("start", "mail")])
    assert_error_at(data, "mail", "discount")


def test_good_discount() -> None:
    data = journey([trigger(), email("mail", discount={"percent": 5, "valid_for": "P14D", "prefix": "CART"})],
                   [edge("start", "mail")])
    assert problems_of(data) == []
