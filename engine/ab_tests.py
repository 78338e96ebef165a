"""A/B tests inside a message node: variants, the split, and picking the winner.

A message node may carry an optional `ab_test` (docs/journey-format.md#ab-tests):

```json
"ab_test": {"variants": [{"name": "a"}, {"name": "b", "subject": "Still thinking about it?"}],
            "metric": "orders", "pick_at": 0.95, "min_recipients": 100}
```

Each variant may replace any of the node's texts (the subject alone, or all of it); what it does
not replace is the node's own. A customer's variant is a keyed hash of journey, node and
customer under the shop's secret (weighted by the optional `weight`s), so the same customer
always gets the same variant and a simulation agrees with the sending session. The winner is
chosen on orders (or clicks, where the shop records `email_clicked`-style events) credited to
each variant by the attribution rules (engine/attribution.py): by the shop owner, or on its
own once one variant's probability to be best reaches `pick_at`. Picking turns the node into
the winner's content without `ab_test`, as a new version of the journey.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engine.attribution import pick_weighted
from engine.uplift import probability_best

FIELD = "ab_test"
METRICS = ("orders", "clicks")
NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
TEMPLATE_FIELDS = ("subject", "body", "text", "title", "url")  # what a variant may replace
DEFAULT_MIN_RECIPIENTS = 100
MAX_VARIANTS = 10


def check_ab_test(value: Any, where: str, bad: Callable[[str], None],
                  template_fields: Sequence[str] = TEMPLATE_FIELDS) -> None:
    """Reports what is wrong with an `ab_test` value through `bad` (never raises)."""
    if not isinstance(value, Mapping):
        bad(f"{where}: must be an object like {{\"variants\": [{{\"name\": \"a\"}}, {{\"name\": \"b\", ...}}]}}")
        return
    unknown = sorted(set(value) - {"variants", "metric", "pick_at", "min_recipients"})
    if unknown:
        bad(f"{where}: unknown key(s) {', '.join(unknown)} (variants, metric, pick_at, min_recipients)")
    variants = value.get("variants")
    if not isinstance(variants, list) or not 2 <= len(variants) <= MAX_VARIANTS:
        bad(f"{where}.variants: must be a list of 2 to {MAX_VARIANTS} variants")
        variants = variants if isinstance(variants, list) else []
    seen: set[str] = set()
    for i, variant in enumerate(variants):
        here = f"{where}.variants[{i}]"
        if not isinstance(variant, Mapping):
            bad(f"{here}: must be an object")
            continue
        name = variant.get("name")
        if not isinstance(name, str) or not NAME_RE.fullmatch(name):
            bad(f"{here}.name: must be a name ([A-Za-z0-9_.-], 1 to 64 characters)")
        elif name in seen:
            bad(f"{here}.name: '{name}' is used by two variants")
        else:
            seen.add(name)
        weight = variant.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1_000_000:
            bad(f"{here}.weight: must be a positive number up to 1,000,000")
        for key, text in variant.items():
            if key in ("name", "weight"):
                continue
            if key not in template_fields:
                bad(f"{here}.{key}: a variant may replace only {', '.join(template_fields)}")
            elif not isinstance(text, str) or not text.strip():
                bad(f"{here}.{key}: must be text, not empty")
            else:
                from engine.templates import check_template

                message = check_template(text)
                if message:
                    bad(f"{here}.{key}: {message}")
    if value.get("metric", "orders") not in METRICS:
        bad(f"{where}.metric: {json.dumps(value.get('metric'))} is not one of {', '.join(METRICS)}")
    if "pick_at" in value:
        pick = value["pick_at"]
        if isinstance(pick, bool) or not isinstance(pick, int | float) or not 0.5 < pick < 1:
            bad(f"{where}.pick_at: must be a probability above 0.5 and below 1 (like 0.95)")
    if "min_recipients" in value:
        least = value["min_recipients"]
        if isinstance(least, bool) or not isinstance(least, int) or not 1 <= least <= 1_000_000:
            bad(f"{where}.min_recipients: must be a whole number from 1 to 1,000,000")


@dataclass(frozen=True)
class AbTest:
    node: str
    names: tuple[str, ...]
    weights: tuple[float, ...]
    metric: str = "orders"
    pick_at: float | None = None
    min_recipients: int = DEFAULT_MIN_RECIPIENTS


def ab_test_of(node_id: str, config: Mapping[str, Any]) -> AbTest | None:
    """The node's test; None without one, and for one validation would refuse (a journey being
    drawn is compiled for the simulator before it is valid)."""
    value = config.get(FIELD)
    if not isinstance(value, Mapping):
        return None
    problems: list[str] = []
    check_ab_test(value, FIELD, problems.append)
    if problems:
        return None
    variants = [v for v in value.get("variants") or [] if isinstance(v, Mapping)]
    if len(variants) < 2:
        return None
    pick = value.get("pick_at")
    return AbTest(node_id, tuple(str(v["name"]) for v in variants),
                  tuple(float(v.get("weight", 1)) for v in variants), str(value.get("metric", "orders")),
                  float(pick) if isinstance(pick, int | float) and not isinstance(pick, bool) else None,
                  int(value.get("min_recipients", DEFAULT_MIN_RECIPIENTS)))


def choose_variant(test: AbTest, secret: str, journey: str, customer: str) -> str:
    """The customer's variant: the same for the same journey, node and customer, always."""
    return pick_weighted(secret, test.names, test.weights, "variant", journey, test.node, customer)


def variant_config(config: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The node's config as variant `name` sends it: its texts replaced, `ab_test` left out."""
    out = {k: copy.deepcopy(v) for k, v in config.items() if k != FIELD}
    for variant in (config.get(FIELD) or {}).get("variants") or []:
        if isinstance(variant, Mapping) and variant.get("name") == name:
            out.update({k: v for k, v in variant.items() if k not in ("name", "weight")})
            return out
    raise KeyError(f"no variant named {name!r}")


@dataclass(frozen=True)
class VariantResult:
    name: str
    recipients: int
    conversions: int  # customers who converted (ordered, or clicked for a test on clicks)
    revenue: float = 0.0
    probability_best: float = 0.0

    @property
    def rate(self) -> float:
        return self.conversions / self.recipients if self.recipients else 0.0


@dataclass(frozen=True)
class Decision:
    """What the figures say about one test: each variant's result and, when the test may pick
    on its own and one variant is sure enough, the winner."""

    test: AbTest
    variants: tuple[VariantResult, ...]
    winner: str | None = None

    @property
    def leader(self) -> VariantResult | None:
        return max(self.variants, key=lambda v: v.probability_best) if self.variants else None

    @property
    def enough_recipients(self) -> bool:
        return all(v.recipients >= self.test.min_recipients for v in self.variants)

    def to_json(self) -> dict[str, Any]:
        return {"node": self.test.node, "metric": self.test.metric, "pick_at": self.test.pick_at,
                "min_recipients": self.test.min_recipients, "winner": self.winner,
                "variants": [{"name": v.name, "recipients": v.recipients, "conversions": v.conversions,
                              "conversion_rate": round(v.rate, 6), "revenue": round(v.revenue, 2),
                              "probability_best": round(v.probability_best, 4)} for v in self.variants]}


def decide(test: AbTest, counts: Mapping[str, tuple[int, int, float]]) -> Decision:
    """The test's standing from (recipients, converted customers, revenue) per variant; the
    winner is set only when `pick_at` is and every variant reached `min_recipients`."""
    figures = {name: counts.get(name, (0, 0, 0.0)) for name in test.names}
    best = probability_best({name: (conv, n) for name, (n, conv, _) in figures.items()})
    results = tuple(VariantResult(name, n, conv, revenue, best.get(name, 0.0))
                    for name, (n, conv, revenue) in figures.items())
    decision = Decision(test, results)
    leader = decision.leader
    if (test.pick_at is not None and leader is not None and decision.enough_recipients
            and leader.probability_best >= test.pick_at):
        return Decision(test, results, leader.name)
    return decision


def apply_winner(journey: Any, node_id: str, name: str) -> Any:
    """A copy of the journey whose node sends variant `name` to everyone (no `ab_test` left).
    KeyError when the node has no such variant."""
    node = journey.node(node_id)
    if ab_test_of(node_id, node.config) is None:
        raise KeyError(f"node '{node_id}' has no A/B test")
    config = variant_config(node.config, name)
    out = journey.copy()
    out.node(node_id).config = config
    return out


__all__ = ["DEFAULT_MIN_RECIPIENTS", "FIELD", "METRICS", "AbTest", "Decision", "VariantResult", "ab_test_of",
           "apply_winner", "check_ab_test", "choose_variant", "decide", "variant_config"]
