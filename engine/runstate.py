"""A `CustomerRun` as plain JSON-able data, and back.

A sending session cannot keep a hundred thousand runs in memory between wake-ups, and must
lose nothing when it is killed: between wake-ups a run lives as the dict `snapshot()` returns
(in the database's `run_state` table). At the next wake-up the session reads the customer's
data fresh, `restore()`s the run on it, delivers the events that arrived, advances it with
`run_until(now)` and saves a new snapshot. Only what the run cannot recompute from the
customer's data is kept: enrollments, tokens, the pending work in heap order, the trigger's
memory and the moments messages were sent (for the frequency cap).

A snapshot may be restored on another version of the journey (publishing with "move"):
paths standing at a node the new version no longer has end there (exit reason `removed`),
and paths waiting for an event wait for the event the new version's node names.
"""

from __future__ import annotations

import heapq
import itertools
from datetime import datetime
from typing import Any, overload

from engine.compiled import CompiledJourney
from engine.profile import Event, Profile
from engine.runner import PRIO_EVENT, PRIO_TOKEN, PRIO_TRIGGER, CustomerRun, Enrollment, RunOptions, Token

FORMAT = 1


def _t(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


@overload
def _d(text: str) -> datetime: ...


@overload
def _d(text: None) -> None: ...


def _d(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def snapshot(run: CustomerRun) -> dict[str, Any]:
    """Everything needed to carry on with this run later, as JSON-able data."""
    enrollments = [{
        "id": e.id, "key": e.key, "at": _t(e.entered_at), "entry": e.entry_props,
        "visits": e.visits, "ended": _t(e.ended_at), "reason": e.end_reason,
        "instant": _t(e.instant), "actions": e.actions_this_instant,
    } for e in run.enrollments]
    tokens: list[dict[str, Any]] = [{"id": t.id, "e": t.enrollment.id, "node": t.node, "state": t.state, "due": _t(t.due),
               "port": t.port} for t in sorted(run.tokens.values(), key=lambda t: t.id) if t.alive]
    queue: list[list[Any]] = []
    for due, _prio, _seq, item in sorted(e for e in run._heap if run._live(e)):
        kind = item[0]
        if kind == "token":
            queue.append([_t(due), "token", item[1].id])
        elif kind == "trigger_check":
            what, value = item[1]
            queue.append([_t(due), "trigger", what, _t(value)])
        else:
            event: Event = item[1]
            queue.append([_t(due), "event", event.type, _t(event.at), event.properties, item[2]])
    waiting = {name: [t.id for t in tokens_ if t.alive and t.state == "wait_event"]
               for name, tokens_ in run._waiting.items()}
    return {
        "format": FORMAT,
        "start": _t(run.start),
        "now": _t(run.now),
        "enrollments": enrollments,
        "tokens": tokens,
        "queue": queue,
        "waiting": {k: v for k, v in waiting.items() if v},
        "sent_times": [_t(m) for m in run.sent_times],
        "trigger": {"gen": run._trigger_gen, "in_segment": run._in_segment,
                    "last_date_fire": _t(run._last_date_fire)},
        "conversions": run.conversions,
        "next_token": max((t["id"] for t in tokens), default=0) + 1,
    }


def restore(journey: CompiledJourney, profile: Profile, data: dict[str, Any],
            options: RunOptions | None = None) -> CustomerRun:
    """The run a snapshot describes, on `profile` (the customer's data as it is now).

    Steps recorded while restoring (paths ended because their node was removed) are in
    `run.steps`, like any other step, so the caller records them.
    """
    start, now = _d(data["start"]), _d(data["now"])
    assert start is not None and now is not None
    run = CustomerRun(journey, profile, start, options, queue_events=False, schedule_triggers=False)
    run.now = run.ctx.now = now
    by_id: dict[int, Enrollment] = {}
    for raw in data["enrollments"]:
        enrollment = Enrollment(raw["id"], _d(raw["at"]), dict(raw["entry"] or {}),
                                visits=dict(raw["visits"] or {}), ended_at=_d(raw["ended"]),
                                end_reason=raw["reason"], instant=_d(raw["instant"]),
                                actions_this_instant=raw["actions"], key=raw.get("key"))
        run.enrollments.append(enrollment)
        by_id[enrollment.id] = enrollment
    plans = journey.plans
    orphaned: list[Enrollment] = []
    for raw in data["tokens"]:
        enrollment = by_id[raw["e"]]
        if raw["node"] not in plans:
            orphaned.append(enrollment)
            continue
        token = Token(raw["id"], enrollment, raw["node"], raw["state"], _d(raw["due"]), 1, raw["port"])
        run.tokens[token.id] = token
        enrollment.tokens.add(token.id)
    run._token_ids = itertools.count(data.get("next_token", 1))
    trigger = data["trigger"]
    run._trigger_gen = trigger["gen"]
    run._in_segment = trigger["in_segment"]
    run._last_date_fire = _d(trigger["last_date_fire"])
    run.conversions = data.get("conversions", 0)
    run.sent_times = [_d(m) for m in data["sent_times"]]
    heap = run._heap
    seq = run._seq
    for entry in data["queue"]:
        due, kind = _d(entry[0]), entry[1]
        if kind == "token":
            queued = run.tokens.get(entry[2])
            if queued is not None:
                heap.append((due, PRIO_TOKEN, next(seq), ("token", queued, queued.gen)))
        elif kind == "trigger":
            heap.append((due, PRIO_TRIGGER, next(seq), ("trigger_check", (entry[2], _d(entry[3])),
                                                         run._trigger_gen)))
        else:
            event = Event(entry[2], _d(entry[3]), dict(entry[4] or {}))
            heap.append((due, PRIO_EVENT, next(seq), ("event", event, bool(entry[5]))))
    heapq.heapify(heap)
    # Waiting lists keep their order; a token is filed under the event its node names now.
    for tids in data.get("waiting", {}).values():
        for tid in tids:
            waiter = run.tokens.get(tid)
            if waiter is not None and waiter.state == "wait_event":
                plan = plans[waiter.node]
                if plan.kind == "wait_event":
                    run._waiting.setdefault(plan.node.config["event"], []).append(waiter)
                else:  # the node is no longer a wait: carry on from it at once
                    waiter.state = "ready"
                    run._schedule(waiter, now)
    for enrollment in orphaned:
        if enrollment.active and not enrollment.tokens:
            run._end(enrollment, "removed", now)
    return run


def next_due(run: CustomerRun) -> datetime | None:
    """When the run next needs waking; None when it has nothing left to do."""
    return run.next_due()
