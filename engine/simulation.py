"""Step-by-step simulation of one customer, for the simulator panel and for journey tests.

It wraps a `CustomerRun` under the virtual clock: Step, Run to the next message, Run to a
moment, Run to the end, Reset, and "what if" events injected at the current virtual moment.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from engine.compiled import CompiledJourney
from engine.model import Journey
from engine.profile import Event, Profile
from engine.runner import CustomerRun, RunOptions
from engine.shop_options import run_options
from engine.steps import Step
from engine.timeutil import add_duration


@dataclass(frozen=True)
class PathPosition:
    """Where one of the customer's paths stands: the node, what it waits for, until when."""

    enrollment: int
    node: str
    state: str
    due: datetime | None


class Simulation:
    def __init__(self, journey: Journey | CompiledJourney, profile: Profile, start: datetime,
                 until: datetime | None = None, options: RunOptions | None = None) -> None:
        self.compiled = journey if isinstance(journey, CompiledJourney) else CompiledJourney(journey)
        self._profile = copy.deepcopy(profile)
        self.start = start
        self.until = until or add_duration(start, "P400D")
        self.options = options or run_options()
        self.reset()

    def reset(self) -> None:
        self.run = CustomerRun(self.compiled, copy.deepcopy(self._profile), self.start, self.options)
        self._finished = False

    # -- what the panel shows --------------------------------------------------------------
    @property
    def now(self) -> datetime:
        return self.run.now

    @property
    def steps(self) -> list[Step]:
        return self.run.steps

    @property
    def next_due(self) -> datetime | None:
        due = self.run.next_due()
        return due if due is not None and due <= self.until else None

    @property
    def finished(self) -> bool:
        return self._finished

    def positions(self) -> list[PathPosition]:
        return [PathPosition(t.enrollment.id, t.node, t.state, t.due)
                for t in sorted(self.run.tokens.values(), key=lambda t: t.id) if t.alive]

    def edges_taken(self) -> list[tuple[str, str]]:
        """(from, to) node pairs walked so far, in order, for the canvas to highlight."""
        taken: list[tuple[str, str]] = []
        last_at: dict[int, str] = {}
        for step in self.steps:
            if step.node is None:
                continue
            prev = last_at.get(step.enrollment)
            if prev is not None and prev != step.node:
                taken.append((prev, step.node))
            last_at[step.enrollment] = step.node
        return taken

    # -- moving the virtual clock ----------------------------------------------------------
    def step(self) -> list[Step]:
        """Does work until at least one step is recorded (or nothing is left)."""
        while not self._finished:
            if self.next_due is None:
                return self._end()
            produced = self.run.process_next(self.until)
            if produced:
                return produced
        return []

    def run_to_next_message(self) -> list[Step]:
        out: list[Step] = []
        while not self._finished:
            produced = self.step()
            out += produced
            if not produced or any(s.type == "message" and s.event in ("sent", "skipped", "failed") for s in produced):
                break
        return out

    def run_to(self, moment: datetime) -> list[Step]:
        moment = min(moment, self.until)
        produced = self.run.run_until(moment)
        if moment >= self.until:
            produced += self._end()
        return produced

    def run_to_end(self) -> list[Step]:
        return self.run_to(self.until)

    def inject(self, event_type: str, properties: dict[str, Any] | None = None,
               at: datetime | None = None) -> Event:
        """"What if the customer ordered now": applied before anything else at that moment."""
        event = Event(event_type, at or self.now, dict(properties or {}))
        self.run.inject_event(event)
        return event

    def _end(self) -> list[Step]:
        if self._finished:
            return []
        self._finished = True
        return self.run.finish(self.until)
