"""Last guards in the engine: a failing template fails its message (never a blank one goes out),
and a journey that loops faster than anyone meant is capped per customer and day."""

from __future__ import annotations

import json

import pytest

from engine import template_limits
from engine.runner import SAFETY_CAP
from tests.test_runner import SIGNUP, T, journey, profile, run

SIGNED_UP = [{"type": "signup", "at": "2026-03-02T10:00:00Z"}]


@pytest.fixture(autouse=True)
def _fresh_breaker():
    template_limits.BREAKER.reset()


def _email(subject: str, body: str = "Body"):
    return ("mail", "message", {"kind": "email", "subject": subject, "body": body})


@pytest.mark.parametrize(("subject", "why"), [
    ("{{ 1 / 0 }}", "division by zero"),
    ("{{ ''.__class__ }}", "not allowed"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "longer than"),
    ("{{ lipsum(n=200000) }}", "lipsum"),
    ("{{ customer.no_such_field }}", "empty for this customer"),
])
def test_a_message_whose_template_fails_is_a_failed_step_with_the_reason(monkeypatch, subject, why):
    monkeypatch.setattr(template_limits, "RENDER_BUDGET", 0.05)
    j = journey([SIGNUP, _email(subject)], [("start", "out", "mail")])
    steps = run(j, profile(events=SIGNED_UP), "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z")
    failed = [s for s in steps if s.node == "mail"]
    assert [(s.event, s.reason) for s in failed] == [("failed", "template_error")]
    assert failed[0].content == {} and failed[0].discount_code is None
    shown = failed[0].to_json()
    assert why in shown["error"] and shown["error"].startswith("subject: ")
    assert "subject" not in shown and "body" not in shown  # nothing blank that could be mailed
    # The customer moves on: the journey completes instead of stopping at the message.
    assert steps[-1].event == "exited" and steps[-1].reason == "completed"


def test_a_failed_message_does_not_count_against_the_frequency_cap():
    j = journey([SIGNUP, _email("{{ 1 / 0 }}"), ("two", "message", {"kind": "email", "subject": "S", "body": "B"})],
                [("start", "out", "mail"), ("mail", "out", "two")], settings={"frequency_cap": {"max": 1, "per": "P1D"}})
    steps = run(j, profile(events=SIGNED_UP), "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z")
    assert [(s.node, s.event) for s in steps if s.type == "message"] == [("mail", "failed"), ("two", "sent")]


def test_a_loop_faster_than_anyone_meant_is_capped_per_customer_and_day():
    # Validation refuses this loop (its delay can be zero); a journey stored before that rule
    # still must not mail one customer thousands of times.
    j = journey([SIGNUP, _email("Hello"), ("wait", "delay", {"kind": "duration", "duration": "PT1M"})],
                [("start", "out", "mail"), ("mail", "out", "wait"), ("wait", "out", "mail")])
    steps = run(j, profile(events=SIGNED_UP), "2026-03-01T00:00:00Z", "2026-03-04T10:00:00Z")
    sent = [s.at for s in steps if s.event == "sent"]
    per_day: dict[str, int] = {}
    for at in sent:
        per_day[at.date().isoformat()] = per_day.get(at.date().isoformat(), 0) + 1
    assert max(per_day.values()) <= SAFETY_CAP
    window = [t for t in sent if T("2026-03-02T10:00:00Z") <= t < T("2026-03-03T10:00:00Z")]
    assert len(window) == SAFETY_CAP  # at most SAFETY_CAP in any 24 hours, and the cap is reached
    skipped = [s for s in steps if s.event == "skipped"]
    assert skipped and {s.reason for s in skipped} == {"safety_cap"}
    assert json.loads(json.dumps(skipped[0].to_json()))["reason"] == "safety_cap"
