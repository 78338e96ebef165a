"""The engine's semantics (spec §5), one behaviour per test, times in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from engine.compiled import CompiledJourney
from engine.fileformat import journey_from_dict
from engine.profile import parse_profile
from engine.runner import RunOptions, simulate_customer
from engine.simulation import Simulation


def T(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def journey(nodes, edges, settings=None, segments=None):
    data = {"format": "journey-builder/1", "name": "Test journey", "settings": settings or {},
            "nodes": [{"id": i, "type": t, "position": [0, 0], "config": c} for i, t, c in nodes],
            "edges": [{"source": s, "target": d, "port": p} for s, p, d in edges]}
    if segments:
        data["segments"] = segments
    return journey_from_dict(data)


def profile(customer=None, orders=(), events=()):
    c = {"id": "c1", "email": "anna@example.org", "phone": "+491511234567", "first_name": "Anna",
         "timezone": "Europe/Berlin", "consent": {"email": True, "sms": True, "push": True}}
    c.update(customer or {})
    return parse_profile({"customer": c, "orders": list(orders), "events": list(events)})


def run(j, p, start, until, **opts):
    return simulate_customer(CompiledJourney(j), p, T(start), T(until), RunOptions(**opts))


def keys(steps):
    out = []
    for s in steps:
        extra = s.port or s.reason or (s.until and s.until.strftime("%Y-%m-%dT%H:%M:%SZ"))
        out.append((s.at.strftime("%Y-%m-%dT%H:%M:%SZ"), s.node, s.event, extra))
    return out


SIGNUP = ("start", "trigger", {"kind": "event", "event": "signup"})
EMAIL = ("mail", "message", {"kind": "email", "subject": "Hi {{ customer.first_name }}", "body": "Body"})


def signup_at(at):
    return [{"type": "signup", "at": at}]


def test_entry_message_and_completion_at_one_instant():
    j = journey([SIGNUP, EMAIL], [("start", "out", "mail")])
    steps = run(j, profile(events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps) == [
        ("2026-03-02T10:00:00Z", "start", "entered", None),
        ("2026-03-02T10:00:00Z", "mail", "sent", None),
        ("2026-03-02T10:00:00Z", None, "exited", "completed"),
    ]
    assert steps[1].content["subject"] == "Hi Anna"
    assert steps[1].to_json()["discount_code"] is None


def test_no_backfill_before_start_and_until_exit():
    j = journey([SIGNUP, ("wait", "delay", {"kind": "duration", "duration": "P10D"}), EMAIL],
                [("start", "out", "wait"), ("wait", "out", "mail")])
    early = run(j, profile(events=signup_at("2026-02-28T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert early == []
    cut = run(j, profile(events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z")
    assert keys(cut)[-1] == ("2026-03-05T00:00:00Z", None, "exited", "until")


def test_calendar_day_follows_local_clock_across_dst_but_hours_are_exact():
    day = journey([SIGNUP, ("wait", "delay", {"kind": "duration", "duration": "P1D"}), EMAIL],
                  [("start", "out", "wait"), ("wait", "out", "mail")])
    # 2026-03-28 11:00 CET (10:00Z); Berlin moves to CEST overnight: 11:00 local is 09:00Z.
    steps = run(day, profile(events=signup_at("2026-03-28T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-30T00:00:00Z")
    assert keys(steps)[1] == ("2026-03-28T10:00:00Z", "wait", "waiting", "2026-03-29T09:00:00Z")
    hours = journey([SIGNUP, ("wait", "delay", {"kind": "duration", "duration": "PT24H"}), EMAIL],
                    [("start", "out", "wait"), ("wait", "out", "mail")])
    steps = run(hours, profile(events=signup_at("2026-03-28T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-30T00:00:00Z")
    assert keys(steps)[1] == ("2026-03-28T10:00:00Z", "wait", "waiting", "2026-03-29T10:00:00Z")


def test_month_delay_clamps_to_month_end():
    j = journey([SIGNUP, ("wait", "delay", {"kind": "duration", "duration": "P1M"}), EMAIL],
                [("start", "out", "wait"), ("wait", "out", "mail")])
    steps = run(j, profile({"timezone": "UTC"}, events=signup_at("2026-01-31T12:00:00Z")),
                "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")
    assert keys(steps)[1][3] == "2026-02-28T12:00:00Z"


def test_time_window_includes_now_and_respects_weekdays():
    window = ("win", "delay", {"kind": "time_window", "at": "09:00", "weekdays": ["mon"]})
    j = journey([SIGNUP, window, EMAIL], [("start", "out", "win"), ("win", "out", "mail")])
    # Monday 2026-03-02 09:00 Berlin = 08:00Z: now included.
    steps = run(j, profile(events=signup_at("2026-03-02T08:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[1] == ("2026-03-02T08:00:00Z", "win", "waiting", "2026-03-02T08:00:00Z")
    assert keys(steps)[2][:3] == ("2026-03-02T08:00:00Z", "mail", "sent")
    # One second later it is next Monday.
    steps = run(j, profile(events=signup_at("2026-03-02T08:00:01Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[1][3] == "2026-03-09T08:00:00Z"


def test_until_delay_waits_for_entry_date_and_goes_on_when_passed():
    until = ("due", "delay", {"kind": "until", "field": "entry.due_date", "offset": "-P3D"})
    j = journey([("start", "trigger", {"kind": "event", "event": "payment_due"}), until, EMAIL],
                [("start", "out", "due"), ("due", "out", "mail")])
    ev = [{"type": "payment_due", "at": "2026-05-01T10:00:00Z", "properties": {"due_date": "2026-05-20T10:00:00Z"}}]
    steps = run(j, profile({"timezone": "UTC"}, events=ev), "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")
    assert keys(steps)[1] == ("2026-05-01T10:00:00Z", "due", "waiting", "2026-05-17T10:00:00Z")
    ev[0]["properties"]["due_date"] = "2026-05-02T10:00:00Z"
    steps = run(j, profile({"timezone": "UTC"}, events=ev), "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")
    assert keys(steps)[1] == ("2026-05-01T10:00:00Z", "due", "waiting", "2026-05-01T10:00:00Z")
    assert keys(steps)[2][:3] == ("2026-05-01T10:00:00Z", "mail", "sent")


def test_condition_records_values_it_saw():
    cond = ("recent", "condition", {"kind": "rule", "rule": {"field": "orders.days_since_last", "op": "<", "value": 15}})
    j = journey([SIGNUP, cond, EMAIL], [("start", "out", "recent"), ("recent", "no", "mail")])
    p = profile(orders=[{"id": "o1", "placed_at": "2026-02-26T10:00:00Z", "total": 10}],
                events=signup_at("2026-03-02T10:00:00Z"))
    steps = run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert steps[1].port == "yes"
    assert steps[1].explanation == ["orders.days_since_last = 4 < 15 → true"]
    assert keys(steps)[-1] == ("2026-03-02T10:00:00Z", None, "exited", "completed")


def test_split_takes_first_matching_branch_else_port():
    split = ("by", "condition", {"kind": "split", "branches": [
        {"port": "vip", "rule": {"field": "orders.total", "op": ">=", "value": 500}},
        {"port": "buyer", "rule": {"field": "orders.count", "op": ">=", "value": 1}}], "else": "rest"})
    j = journey([SIGNUP, split], [("start", "out", "by")])
    orders = [{"id": "o1", "placed_at": "2026-01-01T10:00:00Z", "total": 600}]
    assert run(j, profile(orders=orders, events=signup_at("2026-03-02T10:00:00Z")),
               "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")[1].port == "vip"
    orders[0]["total"] = 20
    assert run(j, profile(orders=orders, events=signup_at("2026-03-02T10:00:00Z")),
               "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")[1].port == "buyer"
    assert run(j, profile(events=signup_at("2026-03-02T10:00:00Z")),
               "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")[1].port == "rest"


def test_random_split_is_deterministic_and_follows_weights():
    rnd = ("ab", "condition", {"kind": "random", "branches": [{"port": "a", "weight": 80}, {"port": "b", "weight": 20}]})
    j = CompiledJourney(journey([SIGNUP, rnd], [("start", "out", "ab")]))
    picks = {}
    for i in range(2000):
        p = profile({"id": f"c{i}"}, events=signup_at("2026-03-02T10:00:00Z"))
        picks[i] = simulate_customer(j, p, T("2026-03-01T00:00:00Z"), T("2026-03-03T00:00:00Z"))[1].port
    share_a = sum(1 for v in picks.values() if v == "a") / len(picks)
    assert 0.76 < share_a < 0.84
    again = simulate_customer(j, profile({"id": "c7"}, events=signup_at("2026-03-02T10:00:00Z")),
                              T("2026-03-01T00:00:00Z"), T("2026-03-03T00:00:00Z"))[1].port
    assert again == picks[7]
    seeded = [simulate_customer(j, profile({"id": f"c{i}"}, events=signup_at("2026-03-02T10:00:00Z")),
                                T("2026-03-01T00:00:00Z"), T("2026-03-03T00:00:00Z"), RunOptions(seed=99))[1].port
              for i in range(200)]
    assert seeded != [picks[i] for i in range(200)]


WAIT = ("wait-order", "condition", {"kind": "wait_event", "event": "order_placed", "timeout": "P2D"})


@pytest.mark.parametrize(("order_at", "expected"), [
    ("2026-03-03T10:00:00Z", ("2026-03-03T10:00:00Z", "wait-order", "evaluated", "yes")),
    ("2026-03-04T10:00:00Z", ("2026-03-04T10:00:00Z", "wait-order", "evaluated", "yes")),  # at the timeout
    ("2026-03-05T10:00:00Z", ("2026-03-04T10:00:00Z", "wait-order", "evaluated", "no")),
])
def test_wait_event_yes_before_timeout_no_at_timeout(order_at, expected):
    j = journey([SIGNUP, WAIT], [("start", "out", "wait-order")])
    p = profile(orders=[{"id": "o1", "placed_at": order_at, "total": 10}], events=signup_at("2026-03-02T10:00:00Z"))
    steps = run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[1] == ("2026-03-02T10:00:00Z", "wait-order", "waiting", "2026-03-04T10:00:00Z")
    assert keys(steps)[2] == expected


@pytest.mark.parametrize(("customer", "reason"), [
    ({"consent": {"email": False}}, "no_consent"),
    ({"consent": {}}, "no_consent"),
    ({"email": None}, "no_address"),
])
def test_message_skips_for_consent_then_address(customer, reason):
    j = journey([SIGNUP, EMAIL], [("start", "out", "mail")])
    steps = run(j, profile(customer, events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[1] == ("2026-03-02T10:00:00Z", "mail", "skipped", reason)
    assert keys(steps)[2][2:] == ("exited", "completed")


def test_push_needs_only_consent_and_sms_needs_phone():
    push = ("p", "message", {"kind": "push", "title": "Hi", "body": "There"})
    sms = ("s", "message", {"kind": "sms", "text": "Hi"})
    j = journey([SIGNUP, push, sms], [("start", "out", "p"), ("p", "out", "s")])
    steps = run(j, profile({"email": None, "phone": None}, events=signup_at("2026-03-02T10:00:00Z")),
                "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert [(s.node, s.event, s.reason) for s in steps[1:3]] == [("p", "sent", None), ("s", "skipped", "no_address")]


def test_frequency_cap_counts_this_journeys_messages_within_period():
    mails = [(f"m{i}", "message", {"kind": "email", "subject": f"S{i}", "body": "B"}) for i in range(3)]
    wait = ("w", "delay", {"kind": "duration", "duration": "P2D"})
    j = journey([SIGNUP, *mails, wait], [("start", "out", "m0"), ("m0", "out", "m1"), ("m1", "out", "w"), ("w", "out", "m2")],
                settings={"frequency_cap": {"max": 2, "per": "P1D"}})
    steps = run(j, profile(events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert [(s.node, s.event, s.reason) for s in steps if s.type == "message"] == [
        ("m0", "sent", None), ("m1", "sent", None), ("m2", "sent", None)]
    j2 = journey([SIGNUP, *mails], [("start", "out", "m0"), ("m0", "out", "m1"), ("m1", "out", "m2")],
                 settings={"frequency_cap": {"max": 2, "per": "P1D"}})
    steps = run(j2, profile(events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert [(s.node, s.event, s.reason) for s in steps if s.type == "message"][-1] == ("m2", "skipped", "frequency_cap")


@pytest.mark.parametrize(("local_moment_utc", "deferred_until"), [
    ("2026-07-01T18:59:00Z", None),  # 20:59 Berlin summer time: outside
    ("2026-07-01T19:00:00Z", "2026-07-02T06:00:00Z"),  # 21:00 inside
    ("2026-07-02T05:59:00Z", "2026-07-02T06:00:00Z"),  # 07:59 inside
    ("2026-07-02T06:00:00Z", None),  # 08:00 outside
])
def test_quiet_hours_are_half_open_in_local_time(local_moment_utc, deferred_until):
    j = journey([SIGNUP, EMAIL], [("start", "out", "mail")],
                settings={"quiet_hours": {"start": "21:00", "end": "08:00"}})
    steps = run(j, profile(events=signup_at(local_moment_utc)), "2026-06-01T00:00:00Z", "2026-08-01T00:00:00Z")
    if deferred_until is None:
        assert keys(steps)[1][:3] == (local_moment_utc, "mail", "sent")
    else:
        assert keys(steps)[1] == (local_moment_utc, "mail", "deferred", deferred_until)
        assert keys(steps)[2][:3] == (deferred_until, "mail", "sent")


def test_exit_on_goal_ends_every_path_and_counts_conversion():
    wait = ("w", "delay", {"kind": "duration", "duration": "P3D"})
    j = journey([SIGNUP, wait, EMAIL], [("start", "out", "w"), ("w", "out", "mail")],
                settings={"exit_on": [{"event": "order_placed"}]})
    p = profile(orders=[{"id": "o1", "placed_at": "2026-03-03T09:00:00Z", "total": 30}],
                events=signup_at("2026-03-02T10:00:00Z"))
    steps = run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[-1] == ("2026-03-03T09:00:00Z", None, "exited", "goal")
    assert not any(s.node == "mail" for s in steps)


def test_event_at_same_instant_is_applied_before_acting():
    wait = ("w", "delay", {"kind": "duration", "duration": "P1D"})
    j = journey([SIGNUP, wait, EMAIL], [("start", "out", "w"), ("w", "out", "mail")],
                settings={"exit_on": [{"event": "order_placed"}]})
    p = profile(orders=[{"id": "o1", "placed_at": "2026-03-03T10:00:00Z", "total": 30}],
                events=signup_at("2026-03-02T10:00:00Z"))
    steps = run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[-1] == ("2026-03-03T10:00:00Z", None, "exited", "goal")
    assert not any(s.node == "mail" for s in steps)


def test_exit_if_checked_just_before_sending():
    wait = ("w", "delay", {"kind": "duration", "duration": "P1D"})
    j = journey([SIGNUP, wait, EMAIL], [("start", "out", "w"), ("w", "out", "mail")],
                settings={"exit_if": {"field": "orders.count", "op": ">=", "value": 1}})
    p = profile(orders=[{"id": "o1", "placed_at": "2026-03-02T18:00:00Z", "total": 30}],
                events=signup_at("2026-03-02T10:00:00Z"))
    steps = run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert keys(steps)[-1] == ("2026-03-03T10:00:00Z", None, "exited", "filter")
    assert not any(s.node == "mail" for s in steps)


def test_fork_runs_paths_in_parallel_and_completes_when_all_end():
    short = ("short", "delay", {"kind": "duration", "duration": "P1D"})
    long = ("long", "delay", {"kind": "duration", "duration": "P3D"})
    a = ("a", "message", {"kind": "sms", "text": "A"})
    b = ("b", "message", {"kind": "sms", "text": "B"})
    j = journey([SIGNUP, short, long, a, b],
                [("start", "out", "short"), ("start", "out", "long"), ("short", "out", "a"), ("long", "out", "b")])
    steps = run(j, profile(events=signup_at("2026-03-02T10:00:00Z")), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert [k[:3] for k in keys(steps)] == [
        ("2026-03-02T10:00:00Z", "start", "entered"),
        ("2026-03-02T10:00:00Z", "short", "waiting"),
        ("2026-03-02T10:00:00Z", "long", "waiting"),
        ("2026-03-03T10:00:00Z", "a", "sent"),
        ("2026-03-05T10:00:00Z", "b", "sent"),
        ("2026-03-05T10:00:00Z", None, "exited"),
    ]


def _reentry_steps(settings, signups):
    wait = ("w", "delay", {"kind": "duration", "duration": "P2D"})
    j = journey([SIGNUP, wait], [("start", "out", "w")], settings=settings)
    p = profile(events=[{"type": "signup", "at": at} for at in signups])
    return [k for k in keys(run(j, p, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")) if k[2] == "entered"]


def test_reentry_policies():
    signups = ["2026-03-02T10:00:00Z", "2026-03-03T10:00:00Z", "2026-03-05T10:00:00Z", "2026-03-20T10:00:00Z"]
    assert len(_reentry_steps({"reentry": "never"}, signups)) == 1
    # after_exit: the second signup comes while in the journey; the third after it ended.
    assert [k[0] for k in _reentry_steps({}, signups)] == [signups[0], signups[2], signups[3]]
    assert [k[0] for k in _reentry_steps({"reentry": "after_exit", "reentry_cooldown": "P7D"}, signups)] == \
        [signups[0], signups[3]]
    assert len(_reentry_steps({"reentry": "always"}, signups)) == 4


def test_inactivity_trigger_fires_when_last_order_is_that_old_and_restarts_on_order():
    j = journey([("start", "trigger", {"kind": "inactivity", "after": "P3M"}), EMAIL], [("start", "out", "mail")])
    p = profile({"timezone": "UTC"}, orders=[{"id": "o1", "placed_at": "2026-01-15T10:00:00Z", "total": 10}])
    steps = run(j, p, "2026-02-01T00:00:00Z", "2026-12-01T00:00:00Z")
    assert keys(steps)[0] == ("2026-04-15T10:00:00Z", "start", "entered", None)
    p = profile({"timezone": "UTC"}, orders=[{"id": "o1", "placed_at": "2026-01-15T10:00:00Z", "total": 10},
                                             {"id": "o2", "placed_at": "2026-03-01T10:00:00Z", "total": 10}])
    steps = run(j, p, "2026-02-01T00:00:00Z", "2026-12-01T00:00:00Z")
    assert [k[0] for k in keys(steps) if k[2] == "entered"] == ["2026-06-01T10:00:00Z"]
    assert run(j, profile(), "2026-02-01T00:00:00Z", "2026-12-01T00:00:00Z") == []


def test_date_trigger_with_negative_offset():
    j = journey([("start", "trigger", {"kind": "date", "field": "customer.properties.renewal", "offset": "-P7D"}), EMAIL],
                [("start", "out", "mail")])
    p = profile({"timezone": "UTC", "properties": {"renewal": "2026-06-10T09:00:00Z"}})
    steps = run(j, p, "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z")
    assert keys(steps)[0] == ("2026-06-03T09:00:00Z", "start", "entered", None)


def test_segment_trigger_fires_on_entering_not_on_being_in():
    seg = {"buyers": {"field": "orders.count", "op": ">=", "value": 1}}
    j = journey([("start", "trigger", {"kind": "segment", "segment": "buyers"}), EMAIL], [("start", "out", "mail")],
                segments=seg)
    already = profile(orders=[{"id": "o1", "placed_at": "2026-01-01T10:00:00Z", "total": 5}])
    assert run(j, already, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z") == []
    joins = profile(orders=[{"id": "o1", "placed_at": "2026-02-10T10:00:00Z", "total": 5}])
    steps = run(j, joins, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")
    assert keys(steps)[0] == ("2026-02-10T10:00:00Z", "start", "entered", None)


def test_event_trigger_filter_sees_the_event_as_entry():
    trig = ("start", "trigger", {"kind": "event", "event": "cart_abandoned",
                                 "filter": {"field": "entry.cart_value", "op": ">", "value": 50}})
    j = journey([trig, EMAIL], [("start", "out", "mail")])
    small = profile(events=[{"type": "cart_abandoned", "at": "2026-03-02T10:00:00Z", "properties": {"cart_value": 20}}])
    big = profile(events=[{"type": "cart_abandoned", "at": "2026-03-02T10:00:00Z", "properties": {"cart_value": 80}}])
    assert run(j, small, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z") == []
    assert len(run(j, big, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")) == 3


def test_discount_code_is_the_same_for_the_same_customer_and_node():
    offer = ("offer", "message", {"kind": "sms", "text": "Code {{ discount.code }}",
                                  "discount": {"percent": 10, "valid_for": "P7D", "prefix": "HELLO"}})
    j = journey([SIGNUP, offer], [("start", "out", "offer")])
    events = signup_at("2026-03-02T10:00:00Z") + signup_at("2026-03-10T10:00:00Z")
    sent = [s for s in run(j, profile(events=events), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z") if s.event == "sent"]
    assert len(sent) == 2 and sent[0].discount_code == sent[1].discount_code
    assert sent[0].discount_code.startswith("HELLO-")
    assert sent[0].content["text"] == f"Code {sent[0].discount_code}"


def test_step_by_step_simulation_with_what_if():
    wait = ("w", "delay", {"kind": "duration", "duration": "P1D"})
    j = journey([SIGNUP, wait, EMAIL], [("start", "out", "w"), ("w", "out", "mail")],
                settings={"exit_on": [{"event": "order_placed"}]})
    sim = Simulation(j, profile(events=signup_at("2026-03-02T10:00:00Z")), T("2026-03-01T00:00:00Z"),
                     T("2026-04-01T00:00:00Z"))
    assert sim.next_due == T("2026-03-02T10:00:00Z")
    assert [s.event for s in sim.step()] == ["entered"]
    assert [s.event for s in sim.step()] == ["waiting"]
    assert sim.positions()[0].node == "w" and sim.positions()[0].due == T("2026-03-03T10:00:00Z")
    assert sim.edges_taken() == [("start", "w")]
    sim.inject("order_placed", {"total": 40})
    rest = sim.run_to_end()
    assert [(s.type, s.reason) for s in rest] == [("exit", "goal")]
    sim.reset()
    produced = sim.run_to_next_message()
    assert [(s.node, s.event) for s in produced][-2:] == [("mail", "sent"), (None, "exited")]
    assert sim.now == T("2026-03-03T10:00:00Z")


def test_birthday_trigger_fires_every_year_with_offset():
    j = journey([("start", "trigger", {"kind": "date", "field": "customer.birthdate", "offset": "-P7D"}), EMAIL],
                [("start", "out", "mail")])
    p = profile({"timezone": "UTC", "birthdate": "1990-06-10"})
    steps = run(j, p, "2026-06-05T00:00:00Z", "2028-01-01T00:00:00Z")
    assert [k[0] for k in keys(steps) if k[2] == "entered"] == ["2027-06-03T00:00:00Z"]
    steps = run(j, p, "2026-05-01T00:00:00Z", "2028-01-01T00:00:00Z")
    assert [k[0] for k in keys(steps) if k[2] == "entered"] == ["2026-06-03T00:00:00Z", "2027-06-03T00:00:00Z"]
