"""A/B tests that pick their own winner: the sending session looks at their figures now and then.

A message node's `ab_test` with `pick_at` (engine/ab_tests.py) ends itself once one variant's
probability to be best reaches that value and every variant reached its `min_recipients`. The
figures are the real ones (storage/attribution_repo.py, the rules of docs/attribution.md), so
a test is looked at no more often than `CHECK_INTERVAL`: orders take days to come in, and the
query reads the whole history of the node. A pick is a new live version of the journey
(storage.journeys_repo.pick_variant), which the session's next refresh loads like a publish.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.ab_tests import decide
from engine.attribution import AttributionError, elapsed_window
from storage import attribution_repo, journeys_repo
from storage.database import Database
from storage.errors import StorageError
from storage.models import JourneyRecord

if TYPE_CHECKING:
    from app.session.batches import VersionInfo
    from engine.ab_tests import AbTest

log = logging.getLogger(__name__)

CHECK_INTERVAL = 900.0  # seconds between two looks at the running tests


@dataclass(frozen=True)
class Pick:
    journey: str
    node: str
    variant: str
    probability: float
    version: int


class AbPicker:
    """Checks the live versions' self-picking A/B tests at most every `interval` seconds."""

    def __init__(self, db: Database, *, interval: float = CHECK_INTERVAL,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.interval = interval
        self.monotonic = monotonic
        self._last: float | None = None

    def poll(self, versions: Mapping[int, VersionInfo]) -> list[Pick]:
        """`versions`: the session's VersionInfo by version id. Returns the picks made."""
        now = self.monotonic()
        if self._last is not None and now - self._last < self.interval:
            return []
        self._last = now
        picks: list[Pick] = []
        for info in versions.values():
            if not info.live:
                continue
            for plan in info.compiled.plans.values():
                test = plan.ab_test
                if test is None or test.pick_at is None:
                    continue
                try:
                    pick = self._check(info.journey_id, test)
                except (StorageError, AttributionError) as exc:
                    log.warning("A/B test at %s of journey %s: %s", test.node, info.journey_id, exc)
                    continue
                if pick is not None:
                    picks.append(pick)
                    break  # the journey has a new version now; its other tests wait for the next look
        return picks

    def _check(self, journey_id: int, test: AbTest) -> Pick | None:
        with self.db.read() as session:
            window = elapsed_window(attribution_repo.attribution_window(session))
            rows = attribution_repo.node_figures(session, journey_id, window, node=test.node,
                                                 clicks=test.metric == "clicks")
            counts = attribution_repo.variant_counts(rows, test.node, test.metric)
        decision = decide(test, counts)
        if decision.winner is None or decision.leader is None:
            return None
        probability = decision.leader.probability_best
        with self.db.transaction() as session:
            record = session.get(JourneyRecord, journey_id)
            if record is None:
                return None
            why = f"probability to be best {100 * probability:.1f} % on {test.metric}, picked on its own"
            saved = journeys_repo.pick_variant(session, record.name, test.node, decision.winner, why=why)
            name = record.name
        log.info("journey %s: A/B test at %s picked variant %s (%s)", name, test.node, decision.winner, why)
        return Pick(name, test.node, decision.winner, probability, saved.number)
