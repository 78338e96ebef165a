"""The attribution rules of engine/attribution.py, run as SQL over the outbox and the orders.

A year of a shop is a million messages and hundreds of thousands of orders, too many to walk in
Python; the database does the walking:

- an order's last message is a correlated subquery on `ix_outbox_received` (customer, sent_at,
  delivered messages only), one index seek per order;
- the window test is `seconds_between`, a small construct compiled for SQLite (julianday) and
  for PostgreSQL (EXTRACT(EPOCH …)), so the queries stay SQLAlchemy Core and portable;
- recipients, conversions and revenue are grouped by (version, node, variant) in SQL.

The functions return the engine's `NodeFigures` and `CustomerOutcome`, which the report
(engine/journey_report.py) assembles the same way for simulated and for real figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    Table,
    and_,
    case,
    distinct,
    func,
    literal_column,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from engine.attribution import (
    DEFAULT_WINDOW,
    HOLDOUT_EXIT,
    UNSUBSCRIBED,
    CustomerOutcome,
    Holdout,
    NodeFigures,
    holdout_of,
)
from storage.models import (
    EnrollmentRow,
    EventRow,
    JourneyVersion,
    OrderRow,
    OutboxRow,
    ShopSettings,
    SuppressionRow,
)
from storage.shop_repo import get_settings

OUTBOX = cast(Table, OutboxRow.__table__)
ORDERS = cast(Table, OrderRow.__table__)
EVENTS = cast(Table, EventRow.__table__)
ENROLLMENTS = cast(Table, EnrollmentRow.__table__)
SUPPRESSIONS = cast(Table, SuppressionRow.__table__)
CHANNELS = ("email", "sms", "push")
# Spelled out in the statement, not bound: SQLite uses a partial index only for a WHERE term
# it can see at prepare time.
DELIVERED: ColumnElement[str] = literal_column("'sent'")
# A stored moment has microseconds, julianday arithmetic about ten: an order exactly one window
# after its message must count, so the test allows a millisecond.
TOLERANCE = 0.001
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


class seconds_between(FunctionElement[float]):  # noqa: N801 - reads as the SQL function it renders
    """`later − earlier` in seconds, for two stored moments."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return (f"((julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)}))"
            " * 86400.0)")


@compiles(seconds_between, "postgresql")
def _seconds_postgresql(element: seconds_between, compiler: Any, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"EXTRACT(EPOCH FROM ({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)}))"


@compiles(seconds_between)
def _seconds_default(element: seconds_between, compiler: Any, **kw: Any) -> str:
    raise NotImplementedError(f"seconds_between is not written for {compiler.dialect.name}")


def attribution_window(session: Session) -> str:
    """The shop's window (an ISO duration), `P1D` unless the shop chose another."""
    return get_settings(session).attribution_window or DEFAULT_WINDOW


@dataclass(frozen=True)
class Period:
    """Messages sent in [since, until); orders may come up to a window after `until`."""

    since: datetime = EARLIEST
    until: datetime = LATEST


ALL_TIME = Period()


def _last_message(customer: ColumnElement[Any], before: ColumnElement[Any],
                  channel: ColumnElement[Any] | str | None = None) -> ColumnElement[Any]:
    """The id of the last message the customer received strictly before `before`."""
    query = select(OUTBOX.c.id).where(OUTBOX.c.customer_id == customer, OUTBOX.c.status == DELIVERED,
                                      OUTBOX.c.sent_at < before)
    if channel is not None:
        query = query.where(OUTBOX.c.channel == channel)
    return query.order_by(OUTBOX.c.sent_at.desc(), OUTBOX.c.id.desc()).limit(1).scalar_subquery()


def _keys(m: Any, by_version: bool) -> list[Any]:
    return ([m.c.version_id] if by_version else []) + [m.c.node_id, m.c.variant]


def _key(row: Sequence[Any], by_version: bool) -> tuple[int | None, str, str | None]:
    return (row[0], row[1], row[2]) if by_version else (None, row[0], row[1])


def _credited(session: Session, source: Select[Any], journey_id: int, period: Period, window: timedelta,
              by_version: bool, node: str | None, channel: str | None = None) -> list[Any]:
    """(keys…, credited, customers, total) per node for the purchases `source` selects as
    (customer_id, at, total), each credited to its last message within the window."""
    src = source.subquery("purchases")
    credited = select(src.c.customer_id, src.c.at, src.c.total,
                      _last_message(src.c.customer_id, src.c.at, channel).label("mid")).subquery("credited")
    m = OUTBOX.alias("m")
    query = (select(*_keys(m, by_version), func.count(), func.count(distinct(credited.c.customer_id)),
                    func.coalesce(func.sum(credited.c.total), 0.0))
             .join_from(credited, m, m.c.id == credited.c.mid)
             .where(m.c.journey_id == journey_id, m.c.sent_at >= period.since, m.c.sent_at < period.until,
                    seconds_between(credited.c.at, m.c.sent_at) <= window.total_seconds() + TOLERANCE)
             .group_by(*_keys(m, by_version)))
    if node is not None:
        query = query.where(m.c.node_id == node)
    return list(session.execute(query))


def node_figures(session: Session, journey_id: int, window: timedelta, period: Period = ALL_TIME, *,
                 by_version: bool = True, node: str | None = None, clicks: bool = False) -> list[NodeFigures]:
    """What each message node of the journey earned in the period, per version (unless
    `by_version` is False) and variant: the engine's figures, by the rules of
    engine/attribution.py. `clicks` also credits `email_clicked`-style events."""
    rows: dict[tuple[int | None, str, str | None], NodeFigures] = {}

    def row(key: tuple[int | None, str, str | None]) -> NodeFigures:
        found = rows.get(key)
        if found is None:
            found = rows[key] = NodeFigures(key[1], key[0], key[2])
        return found

    m = OUTBOX
    sent = (select(*_keys(m, by_version), func.count(), func.count(distinct(m.c.customer_id)))
            .where(m.c.journey_id == journey_id, m.c.status == DELIVERED, m.c.sent_at >= period.since,
                   m.c.sent_at < period.until)
            .group_by(*_keys(m, by_version)))
    if node is not None:
        sent = sent.where(m.c.node_id == node)
    for r in session.execute(sent):
        figures = row(_key(r, by_version))
        figures.messages, figures.recipients = r[-2], r[-1]

    orders = (select(ORDERS.c.customer_id, ORDERS.c.placed_at.label("at"), ORDERS.c.total.label("total"))
              .where(ORDERS.c.placed_at > period.since, ORDERS.c.placed_at <= period.until + window))
    for r in _credited(session, orders, journey_id, period, window, by_version, node):
        figures = row(_key(r, by_version))
        figures.conversions, figures.converted, figures.revenue = r[-3], r[-2], float(r[-1])

    s = SUPPRESSIONS
    unsub = (select(s.c.customer_id, s.c.channel, s.c.created_at.label("at"),
                    _last_message(s.c.customer_id, s.c.created_at, s.c.channel).label("mid"))
             .where(s.c.reason == UNSUBSCRIBED, s.c.customer_id.is_not(None), s.c.created_at > period.since)
             .subquery("unsubscribes"))
    mu = OUTBOX.alias("mu")
    unsub_q = (select(*_keys(mu, by_version), func.count())
               .join_from(unsub, mu, mu.c.id == unsub.c.mid)
               .where(mu.c.journey_id == journey_id, mu.c.sent_at >= period.since, mu.c.sent_at < period.until)
               .group_by(*_keys(mu, by_version)))
    if node is not None:
        unsub_q = unsub_q.where(mu.c.node_id == node)
    for r in session.execute(unsub_q):
        row(_key(r, by_version)).unsubscribes = r[-1]

    if clicks:
        for channel in CHANNELS:
            events = (select(EVENTS.c.customer_id, EVENTS.c.at.label("at"), literal_column("0.0").label("total"))
                      .where(EVENTS.c.type == f"{channel}_clicked", EVENTS.c.at > period.since,
                             EVENTS.c.at <= period.until + window))
            for r in _credited(session, events, journey_id, period, window, by_version, node, channel):
                figures = row(_key(r, by_version))
                figures.clicks += r[-3]
                figures.clicked += r[-2]  # per channel: a node sends on one channel only
    return sorted(rows.values(), key=lambda f: (f.node, f.version or 0, f.variant or ""))


def variant_counts(session: Session, journey_id: int, node: str, window: timedelta, metric: str = "orders",
                   period: Period = ALL_TIME) -> dict[str, tuple[int, int, float]]:
    """variant → (recipients, customers who converted, revenue) over every version of the node:
    what an A/B test decides on. `metric` "clicks" counts customers whose click was credited."""
    out: dict[str, tuple[int, int, float]] = {}
    for f in node_figures(session, journey_id, window, period, by_version=False, node=node,
                          clicks=metric == "clicks"):
        if f.variant is None:
            continue
        converted = f.clicked if metric == "clicks" else f.converted
        out[f.variant] = (f.recipients, converted, f.revenue)
    return out


# -- holdout -------------------------------------------------------------------------------------
def journey_holdout(session: Session, journey_id: int) -> tuple[Holdout | None, list[int]]:
    """The newest holdout setting among the journey's versions and the versions that had one
    (only their entrants are compared: before the holdout, nobody was kept out)."""
    found: Holdout | None = None
    versions: list[int] = []
    rows = session.execute(select(JourneyVersion.id, JourneyVersion.settings)
                           .where(JourneyVersion.journey_id == journey_id).order_by(JourneyVersion.number))
    for vid, settings in rows:
        holdout = holdout_of(settings or {})
        if holdout is not None:
            found = holdout
            versions.append(vid)
    return found, versions


def holdout_outcomes(session: Session, journey_id: int, versions: Sequence[int], window: timedelta,
                     period: Period = ALL_TIME) -> tuple[list[CustomerOutcome], int]:
    """Every customer who entered those versions in the period: their group and the orders they
    placed after an entry and at most `window` after it (each order once), by the rule of
    engine.attribution.holdout_outcome; and how many were left out for being in both groups."""
    if not versions:
        return [], 0
    e = ENROLLMENTS
    held = case((e.c.end_reason == HOLDOUT_EXIT, 1), else_=0)
    entered = and_(e.c.journey_id == journey_id, e.c.version_id.in_(list(versions)),
                   e.c.entered_at >= period.since, e.c.entered_at < period.until)
    groups = {cid: (low, high) for cid, low, high in session.execute(
        select(e.c.customer_id, func.min(held), func.max(held)).where(entered).group_by(e.c.customer_id))}
    bought = (select(e.c.customer_id, ORDERS.c.id, ORDERS.c.total)
              .join_from(e, ORDERS, and_(ORDERS.c.customer_id == e.c.customer_id,
                                         ORDERS.c.placed_at > e.c.entered_at,
                                         seconds_between(ORDERS.c.placed_at, e.c.entered_at)
                                         <= window.total_seconds() + TOLERANCE))
              .where(entered).distinct().subquery("bought"))
    totals = {cid: (n, float(total)) for cid, n, total in session.execute(
        select(bought.c.customer_id, func.count(), func.coalesce(func.sum(bought.c.total), 0.0))
        .group_by(bought.c.customer_id))}
    outcomes: list[CustomerOutcome] = []
    mixed = 0
    for cid, (low, high) in groups.items():
        if low != high:
            mixed += 1
            continue
        n, revenue = totals.get(cid, (0, 0.0))
        outcomes.append(CustomerOutcome(bool(high), n, revenue))
    return outcomes, mixed


def set_attribution_window(session: Session, window: str) -> None:
    """Stores the shop's window (checked by the caller: engine.attribution.elapsed_window)."""
    settings = session.get(ShopSettings, 1) or get_settings(session)
    settings.attribution_window = window
    session.flush()


__all__ = ["Period", "attribution_window", "holdout_outcomes", "journey_holdout", "node_figures",
           "seconds_between", "set_attribution_window", "variant_counts"]
