"""Journey tests: named test customers and the path each one should take through a journey.

A shop owner who changes a delay or a condition wants to know at once whether Anna-who-ordered
still stops at "recent order" and the newcomer still gets the discount email. A test pins that
down: a profile (spec §7), a start and an end moment, and the expected steps (node and event,
optionally port, reason and moment). `run_test` replays the journey under the virtual clock,
exactly like `simulate`, and explains the first place where the run left the expected path.

Tests travel with the journey: in the shop database (storage.journey_tests_repo) and in the
journey file under an optional top-level `"tests"` key, which `read_journey` ignores, so a file
with tests is still a plain `journey-builder/1` file for every other reader.

Pure: no Qt, no storage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from engine.compiled import CompiledJourney
from engine.model import Journey
from engine.problems import JourneyError
from engine.profile import Profile, ProfileError, parse_profile
from engine.runner import RunOptions, parse_until, simulate_customer
from engine.shop_options import run_options
from engine.steps import Step
from engine.timeutil import TimeFormatError, format_moment, parse_moment

TESTS_KEY = "tests"
_STEP_KEYS = ("node", "event", "port", "reason", "at")


class JourneyTestError(ValueError):
    """A test definition that cannot be used; the message names the test and the field."""


@dataclass(frozen=True)
class ExpectedStep:
    """One step of the expected path. `None` for port, reason or at means "any"."""

    node: str | None
    event: str
    port: str | None = None
    reason: str | None = None
    at: datetime | None = None

    @classmethod
    def from_step(cls, step: Step, *, with_time: bool = True) -> ExpectedStep:
        return cls(step.node, step.event, step.port, step.reason, step.at if with_time else None)

    def matches(self, step: Step) -> bool:
        return (self.node == step.node and self.event == step.event
                and (self.port is None or self.port == step.port)
                and (self.reason is None or self.reason == step.reason)
                and (self.at is None or self.at == step.at))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"node": self.node, "event": self.event}
        if self.port is not None:
            out["port"] = self.port
        if self.reason is not None:
            out["reason"] = self.reason
        if self.at is not None:
            out["at"] = format_moment(self.at)
        return out

    def describe(self, *, with_time: bool = True) -> str:
        """`regular → yes`, `mail-2 sent`, `exited (goal)`: short enough for one line."""
        where = self.node or "journey"
        if self.port is not None:
            text = f"{where} → {self.port}"
        elif self.event == "exited":
            text = "exited" + (f" ({self.reason})" if self.reason else "")
        else:
            text = f"{where} {self.event}" + (f" ({self.reason})" if self.reason else "")
        return text + (f" at {format_moment(self.at)}" if self.at is not None and with_time else "")


@dataclass
class JourneyTest:
    """A test customer (profile in the §7 shape), when the run starts and stops, and the path."""

    name: str
    profile: dict[str, Any]
    start: datetime
    until: datetime | None = None  # None: P400D after the start, as `simulate`
    expected: list[ExpectedStep] = field(default_factory=list)
    seed: int = 0

    def end(self) -> datetime:
        return self.until if self.until is not None else parse_until(None, self.start)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "start": format_moment(self.start)}
        if self.until is not None:
            out["until"] = format_moment(self.until)
        if self.seed:
            out["seed"] = self.seed
        out["customer"] = json.loads(json.dumps(self.profile))
        out["expected"] = [s.to_json() for s in self.expected]
        return out

    @classmethod
    def from_json(cls, data: Any, where: str = "test") -> JourneyTest:
        """Reads one test; every fault is a JourneyTestError naming `where` and the field."""
        if not isinstance(data, Mapping):
            raise JourneyTestError(f"{where}: must be an object")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise JourneyTestError(f"{where}.name: missing or not a non-empty string")
        named = f" (test '{name}')"
        try:
            start = parse_moment(data.get("start"))
        except TimeFormatError as exc:
            raise JourneyTestError(f"{where}.start{named}: {exc}") from None
        until = None
        if data.get("until") is not None:
            if not isinstance(data["until"], str):
                raise JourneyTestError(f"{where}.until{named}: must be a time or a duration")
            try:
                until = parse_until(data["until"], start)
            except TimeFormatError as exc:
                raise JourneyTestError(f"{where}.until{named}: {exc}") from None
            if until < start:
                raise JourneyTestError(f"{where}.until{named}: before the start")
        seed = data.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise JourneyTestError(f"{where}.seed{named}: must be a whole number")
        profile = data.get("customer")
        try:
            parse_profile(profile)
        except ProfileError as exc:
            raise JourneyTestError(f"{where}.customer{named}: {exc}") from None
        raw_steps = data.get("expected")
        if not isinstance(raw_steps, list):
            raise JourneyTestError(f"{where}.expected{named}: missing or not a list")
        expected = [_expected_from_json(item, f"{where}.expected[{i}]", named) for i, item in enumerate(raw_steps)]
        return cls(name.strip(), json.loads(json.dumps(profile)), start, until, expected, seed)


def _expected_from_json(item: Any, where: str, named: str = "") -> ExpectedStep:
    if not isinstance(item, Mapping):
        raise JourneyTestError(f"{where}{named}: must be an object")
    node, event = item.get("node"), item.get("event")
    if node is not None and not isinstance(node, str):
        raise JourneyTestError(f"{where}.node{named}: must be a node id or null")
    if not isinstance(event, str) or not event:
        raise JourneyTestError(f"{where}.event{named}: missing or not a string")
    for key in ("port", "reason"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise JourneyTestError(f"{where}.{key}{named}: must be a string")
    at = None
    if item.get("at") is not None:
        try:
            at = parse_moment(item["at"])
        except TimeFormatError as exc:
            raise JourneyTestError(f"{where}.at{named}: {exc}") from None
    return ExpectedStep(node, event, item.get("port"), item.get("reason"), at)


@dataclass
class TestResult:
    """`differences` explains, first thing first, where the run left the expected path."""

    __test__ = False  # not a pytest test class, despite the name

    name: str
    passed: bool
    differences: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def first_difference(self) -> str:
        return self.differences[0] if self.differences else ""


# Keep pytest from collecting the dataclass of the same family either.
JourneyTest.__test__ = False  # type: ignore[attr-defined]


def _describe_actual(step: Step) -> str:
    text = ExpectedStep.from_step(step, with_time=False).describe()
    if step.explanation and step.event == "evaluated":
        text += f" ({'; '.join(step.explanation)})"
    return f"{text} at {format_moment(step.at)}"


def compare(expected: Sequence[ExpectedStep], actual: Sequence[Step]) -> list[str]:
    """Differences between the expected path and the steps taken, the first one explained.

    Positional on purpose: a journey is a sequence, and "step 4 went to `no` instead of `yes`"
    is what the owner needs; everything after the first divergence follows from it.
    """
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want.matches(got):
            continue
        out = [f"step {index + 1}: expected {want.describe()}, got {_describe_actual(got)}"]
        rest = max(len(expected), len(actual)) - index - 1
        if rest:
            out.append(f"{rest} later step(s) not compared")
        return out
    if len(actual) > len(expected):
        extra = actual[len(expected)]
        return [f"step {len(expected) + 1}: the run went on with {_describe_actual(extra)} "
                f"({len(actual) - len(expected)} more step(s) than expected)"]
    if len(expected) > len(actual):
        missing = expected[len(actual)]
        return [f"step {len(actual) + 1}: expected {missing.describe()}, but the run ended after "
                f"{len(actual)} step(s)"]
    return []


def simulate_test(journey: Journey | CompiledJourney, test: JourneyTest,
                  options: RunOptions | None = None) -> list[Step]:
    """The steps the journey takes with the test's customer: the same run as `simulate`."""
    compiled = journey if isinstance(journey, CompiledJourney) else CompiledJourney(journey)
    profile = parse_profile(test.profile)
    opts = replace(options or run_options(), seed=test.seed)
    return simulate_customer(compiled, profile, test.start, test.end(), opts)


def run_test(journey: Journey | CompiledJourney, test: JourneyTest,
             options: RunOptions | None = None) -> TestResult:
    """Runs one test; a journey or profile that cannot run is a failure that says why."""
    try:
        steps = simulate_test(journey, test, options)
    except ProfileError as exc:
        return TestResult(test.name, False, [f"the test customer is not valid: {exc}"])
    except (JourneyError, ValueError) as exc:
        return TestResult(test.name, False, [f"the journey cannot run: {exc}"])
    differences = compare(test.expected, steps)
    return TestResult(test.name, not differences, differences, steps)


def run_tests(journey: Journey, tests: Iterable[JourneyTest],
              options: RunOptions | None = None) -> list[TestResult]:
    """All tests against one compilation of the journey (compiling is the costly part)."""
    tests = list(tests)
    try:
        compiled: Journey | CompiledJourney = CompiledJourney(journey)
    except (JourneyError, ValueError) as exc:
        return [TestResult(t.name, False, [f"the journey cannot run: {exc}"]) for t in tests]
    return [run_test(compiled, t, options) for t in tests]


def record_test(name: str, journey: Journey | CompiledJourney, profile: Profile | Mapping[str, Any],
                start: datetime, until: datetime | None = None, *, options: RunOptions | None = None,
                with_times: bool = True) -> JourneyTest:
    """"Save current run as a test": the expectation is what the journey does now.

    It is recorded by replaying the same inputs rather than copying the panel's steps, so a
    test passes the moment it is saved (a what-if injected at an instant where the engine had
    already acted is, in a replay, applied before it acts, as spec §5 says of events).
    """
    data = profile_to_data(profile) if isinstance(profile, Profile) else json.loads(json.dumps(profile))
    test = JourneyTest(name, data, start, until, [], options.seed if options is not None else 0)
    steps = simulate_test(journey, test, options)
    test.expected = [ExpectedStep.from_step(s, with_time=with_times) for s in steps]
    return test


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """A Profile back in the §7 file shape (JSON-ready), so a test stores what it ran with."""
    return {
        "customer": _plain(profile.customer),
        "orders": [_plain({**o.properties, "id": o.id, "placed_at": o.placed_at, "total": o.total,
                           **({"currency": o.currency} if o.currency else {})}) for o in profile.orders],
        "events": [{"type": e.type, "at": format_moment(e.at), "properties": _plain(e.properties)}
                   for e in profile.events],
    }


def read_tests(data: Any, source: str = "") -> list[JourneyTest]:
    """The tests under a journey file's `"tests"` key (none when it is absent)."""
    prefix = f"{source}: " if source else ""
    if not isinstance(data, Mapping) or data.get(TESTS_KEY) is None:
        return []
    raw = data[TESTS_KEY]
    if not isinstance(raw, list):
        raise JourneyTestError(f"{prefix}tests: must be a list")
    tests: list[JourneyTest] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        try:
            test = JourneyTest.from_json(item, f"tests[{index}]")
        except JourneyTestError as exc:
            raise JourneyTestError(f"{prefix}{exc}") from None
        if test.name in seen:
            raise JourneyTestError(f"{prefix}tests[{index}].name: '{test.name}' is used by more than one test")
        seen.add(test.name)
        tests.append(test)
    return tests


def with_tests(journey_data: Mapping[str, Any], tests: Iterable[JourneyTest]) -> dict[str, Any]:
    """A journey file's dict with the tests added under `"tests"` (left out when there are none)."""
    out = dict(journey_data)
    items = [t.to_json() for t in tests]
    if items:
        out[TESTS_KEY] = items
    else:
        out.pop(TESTS_KEY, None)
    return out
