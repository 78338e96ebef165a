"""The journey report from the shop's own data: the figures of storage/attribution_repo.py put
together with the journey's nodes, its holdout and its A/B tests (engine/journey_report.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from engine.ab_tests import ab_test_of, decide
from engine.attribution import elapsed_window
from engine.journey_report import JourneyReport, compare_groups, compare_holdout, message_labels
from storage import attribution_repo, journeys_repo
from storage.attribution_repo import Period
from storage.errors import NotFound
from storage.shop_repo import get_settings


def journey_report(session: Session, name: str, *, since: datetime | None = None, until: datetime | None = None,
                   window: str | None = None) -> JourneyReport:
    """What the journey `name` earned from messages sent in [since, until) (all of its history
    by default), by the shop's attribution window unless `window` is given. NotFound for an
    unknown journey; AttributionError for a window the rules cannot use."""
    record = journeys_repo.get_record(session, name)
    window_text = window or attribution_repo.attribution_window(session)
    span = elapsed_window(window_text, "window")
    period = Period(since or attribution_repo.EARLIEST, until or attribution_repo.LATEST)
    try:
        live = journeys_repo.load_journey(session, name, "live")
    except NotFound:
        live = journeys_repo.load_journey(session, name, "latest")
    rows = attribution_repo.node_figures(session, record.id, span, period)
    holdout, versions = attribution_repo.journey_holdout(session, record.id)
    if holdout is not None:
        held, rest, mixed = attribution_repo.holdout_groups(session, record.id, versions, holdout.window, period)
        comparison = compare_groups(holdout, held, rest, mixed)
    else:
        comparison = compare_holdout(None, [])
    tests = []
    for node in live.nodes():
        test = ab_test_of(node.id, node.config) if node.type == "message" else None
        if test is not None:
            if test.metric == "clicks" and not any(f.clicks for f in rows):
                rows = attribution_repo.node_figures(session, record.id, span, period, clicks=True)
            tests.append(decide(test, attribution_repo.variant_counts(rows, node.id, test.metric)))
    return JourneyReport(name, "real", window_text, rows, message_labels(live), since, until,
                         comparison, tests, get_settings(session).currency or "")


__all__ = ["journey_report"]
