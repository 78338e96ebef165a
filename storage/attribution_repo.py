"""The attribution rules of engine/attribution.py, run as SQL over the outbox and the orders.

A year of a shop is a million messages and hundreds of thousands of orders, too many to walk in
Python; the database does the walking:

- an order's last message is a correlated subquery on `ix_outbox_received` (customer, sent_at,
  delivered messages only), one short index range per order: the window's lower bound is in
  the seek (`shifted`, a small construct compiled for SQLite and for PostgreSQL, so the queries
  stay SQLAlchemy Core and portable), and only orders with a message in their window touch the
  outbox table itself;
- recipients are counted on `ix_outbox_delivered` (journey, version, node, variant, customer),
  read in order without the table;
- a holdout's entrants come from `ix_enrollments_outcome` and their orders from the orders'
  (customer, placed_at) index, tested against the window with `seconds_between`.

The functions return the engine's `NodeFigures` and `CustomerOutcome`, which the report
(engine/journey_report.py) assembles the same way for simulated and for real figures.
"""

from __future__ import annotations

import math
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
    CLICK_EVENTS,
    DEFAULT_WINDOW,
    HOLDOUT_EXIT,
    UNSUBSCRIBED,
    CustomerOutcome,
    Holdout,
    NodeFigures,
    holdout_of,
)
from engine.journey_report import Group
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
# Spelled out in the statement, not bound: SQLite uses a partial index only for a WHERE term
# it can see at prepare time.
DELIVERED: ColumnElement[str] = literal_column("'sent'")
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


# julianday arithmetic is good to about ten microseconds: an order exactly one window after
# the entry must count, so the test allows a millisecond.
TOLERANCE = 0.001


class seconds_between(FunctionElement[float]):  # noqa: N801 - reads as the SQL function it renders
    """`later − earlier` in seconds, for two stored moments: the exact window test (to about a
    millisecond in SQLite), on rows an index range has already narrowed down."""

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


class unindexed(FunctionElement[Any]):  # noqa: N801 - reads as the SQL it renders
    """A column the planner must not look up by index: SQLite's unary `+`, which steers its
    join order (a holdout's entrants drive the join, each seeking its customer's orders);
    other databases plan by their statistics and get the column as it is."""

    inherit_cache = True
    name = "unindexed"


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return f"+{compiler.process(column, **kw)}"


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return str(compiler.process(column, **kw))


class shifted(FunctionElement[datetime]):  # noqa: N801 - reads as the SQL function it renders
    """A stored moment moved by a whole number of seconds, comparable with stored moments: the
    lower bound of an index range (exact tests are `seconds_between`'s).

    SQLite keeps moments as text ('2026-03-02 10:00:00.000000'); datetime() gives whole
    seconds ('2026-03-01 10:00:00'), which sorts at or before the exact moment, so a range
    from it never misses a row (and costs a third of formatting with fractions). PostgreSQL
    adds an interval."""

    inherit_cache = False  # the seconds are part of the statement's text
    name = "shifted"

    def __init__(self, moment: Any, seconds: int) -> None:
        super().__init__(moment)
        self.seconds = int(seconds)


@compiles(shifted, "sqlite")
def _shifted_sqlite(element: shifted, compiler: Any, **kw: Any) -> str:
    (moment,) = list(element.clauses)
    return f"datetime({compiler.process(moment, **kw)}, '{element.seconds:+d} seconds')"


@compiles(shifted, "postgresql")
def _shifted_postgresql(element: shifted, compiler: Any, **kw: Any) -> str:
    (moment,) = list(element.clauses)
    return f"({compiler.process(moment, **kw)} + INTERVAL '{element.seconds:d} seconds')"


@compiles(shifted)
def _shifted_default(element: shifted, compiler: Any, **kw: Any) -> str:
    raise NotImplementedError(f"shifted is not written for {compiler.dialect.name}")


def attribution_window(session: Session) -> str:
    """The shop's window (an ISO duration), `P1D` unless the shop chose another."""
    return get_settings(session).attribution_window or DEFAULT_WINDOW


@dataclass(frozen=True)
class Period:
    """Messages sent in [since, until); orders may come up to a window after `until`."""

    since: datetime = EARLIEST
    until: datetime = LATEST


ALL_TIME = Period()


def _last_message(customer: ColumnElement[Any], before: ColumnElement[Any], window: timedelta | None,
                  channel: ColumnElement[Any] | str | None = None) -> ColumnElement[Any]:
    """The id of the last message the customer received strictly before `before`, if at most
    `window` old (any age for None)."""
    query = select(OUTBOX.c.id).where(OUTBOX.c.customer_id == customer, OUTBOX.c.status == DELIVERED,
                                      OUTBOX.c.sent_at < before)
    if window is not None:  # the index range; the exact test follows on the few rows it finds
        query = query.where(OUTBOX.c.sent_at >= shifted(before, -math.ceil(window.total_seconds())))
    if channel is not None:
        query = query.where(OUTBOX.c.channel == channel)
    return query.order_by(OUTBOX.c.sent_at.desc(), OUTBOX.c.id.desc()).limit(1).scalar_subquery()


def _keys(m: Any) -> list[Any]:
    return [m.c.version_id, m.c.node_id, m.c.variant]


Key = tuple[int | None, str, str | None]


def _credited(session: Session, source: Select[Any], journey_id: int, period: Period, window: timedelta,
              node: str | None, channel: str | None = None) -> list[Any]:
    """(version, node, variant, credited, customers, total) for the purchases `source` selects
    as (customer_id, at, total), each credited to its last message within the window."""
    src = source.subquery("purchases")
    last = _last_message(src.c.customer_id, src.c.at, window, channel)
    credited = select(src.c.customer_id, src.c.at, src.c.total, last.label("mid")).subquery("credited")
    m = OUTBOX.alias("m")
    query = (select(*_keys(m), func.count(), func.count(distinct(credited.c.customer_id)),
                    func.coalesce(func.sum(credited.c.total), 0.0))
             .join_from(credited, m, m.c.id == credited.c.mid)
             .where(m.c.journey_id == journey_id, m.c.sent_at >= period.since, m.c.sent_at < period.until,
                    seconds_between(credited.c.at, m.c.sent_at) <= window.total_seconds() + TOLERANCE)
             .group_by(*_keys(m)))
    if node is not None:
        query = query.where(m.c.node_id == node)
    return list(session.execute(query))


def _roomy(session: Session) -> None:
    """A report reads a good part of a big outbox: SQLite's default 2 MB page cache would read
    its index pages again and again (the setting holds for this connection only)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA cache_size = -131072")  # 128 MB


def node_figures(session: Session, journey_id: int, window: timedelta, period: Period = ALL_TIME, *,
                 node: str | None = None, clicks: bool = False) -> list[NodeFigures]:
    """What each message node of the journey earned in the period, per version and variant:
    the engine's figures, by the rules of engine/attribution.py. `clicks` also credits
    `email_clicked`-style events."""
    _roomy(session)
    rows: dict[Key, NodeFigures] = {}

    def row(key: Key) -> NodeFigures:
        found = rows.get(key)
        if found is None:
            found = rows[key] = NodeFigures(key[1], key[0], key[2])
        return found

    m = OUTBOX
    sent = (select(*_keys(m), func.count(), func.count(distinct(m.c.customer_id)))
            .where(m.c.journey_id == journey_id, m.c.status == DELIVERED, m.c.sent_at >= period.since,
                   m.c.sent_at < period.until)
            .group_by(*_keys(m)))
    if node is not None:
        sent = sent.where(m.c.node_id == node)
    for r in session.execute(sent):
        figures = row((r[0], r[1], r[2]))
        figures.messages, figures.recipients = int(r[3]), int(r[4])

    # `customer_id >= ''` holds for every order; it makes SQLite walk the orders in customer
    # order (their (customer, placed_at) index), so each order's look into the outbox index
    # lands next to the previous one's instead of anywhere: a third of the time on a big shop.
    orders = (select(ORDERS.c.customer_id, ORDERS.c.placed_at.label("at"), ORDERS.c.total.label("total"))
              .where(ORDERS.c.customer_id >= "", ORDERS.c.placed_at > period.since,
                     ORDERS.c.placed_at <= period.until + window))
    for r in _credited(session, orders, journey_id, period, window, node):
        figures = row((r[0], r[1], r[2]))
        figures.conversions, figures.converted, figures.revenue = r[3], r[4], float(r[5])

    s = SUPPRESSIONS
    unsub = (select(s.c.customer_id, _last_message(s.c.customer_id, s.c.created_at, None, s.c.channel).label("mid"))
             .where(s.c.reason == UNSUBSCRIBED, s.c.customer_id.is_not(None), s.c.created_at > period.since)
             .subquery("unsubscribes"))
    mu = OUTBOX.alias("mu")
    unsub_q = (select(*_keys(mu), func.count())
               .join_from(unsub, mu, mu.c.id == unsub.c.mid)
               .where(mu.c.journey_id == journey_id, mu.c.sent_at >= period.since, mu.c.sent_at < period.until)
               .group_by(*_keys(mu)))
    if node is not None:
        unsub_q = unsub_q.where(mu.c.node_id == node)
    for r in session.execute(unsub_q):
        row((r[0], r[1], r[2])).unsubscribes = r[3]

    if clicks:
        for channel, event_type in CLICK_EVENTS.items():
            events = (select(EVENTS.c.customer_id, EVENTS.c.at.label("at"), literal_column("0.0").label("total"))
                      .where(EVENTS.c.customer_id >= "", EVENTS.c.type == event_type,
                             EVENTS.c.at > period.since,
                             EVENTS.c.at <= period.until + window))
            for r in _credited(session, events, journey_id, period, window, node, channel):
                figures = row((r[0], r[1], r[2]))
                figures.clicks += r[3]
                figures.clicked += r[4]  # per channel: a node sends on one channel only
    return sorted(rows.values(), key=lambda f: (f.node, f.version or 0, f.variant or ""))


def variant_counts(rows: Sequence[NodeFigures], node: str, metric: str = "orders"
                   ) -> dict[str, tuple[int, int, float]]:
    """variant → (recipients, customers who converted, revenue) of one node, summed over its
    versions (a customer reached by two versions counts in each): what an A/B test decides on.
    `metric` "clicks" counts customers whose click was credited."""
    out: dict[str, tuple[int, int, float]] = {}
    for f in rows:
        if f.node != node or f.variant is None:
            continue
        n, conv, revenue = out.get(f.variant, (0, 0, 0.0))
        out[f.variant] = (n + f.recipients, conv + (f.clicked if metric == "clicks" else f.converted),
                          revenue + f.revenue)
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


def _entrants(journey_id: int, versions: Sequence[int], period: Period) -> ColumnElement[bool]:
    e = ENROLLMENTS
    return and_(e.c.journey_id == journey_id, e.c.version_id.in_(list(versions)),
                e.c.entered_at >= period.since, e.c.entered_at < period.until)


def _bought(journey_id: int, versions: Sequence[int], window: timedelta, period: Period) -> Any:
    """(customer, order, total) of every order placed after one of the customer's entries and
    at most `window` after it, each order once."""
    e = ENROLLMENTS
    return (select(e.c.customer_id, ORDERS.c.id, ORDERS.c.total)
            .join_from(e, ORDERS, and_(ORDERS.c.customer_id == unindexed(e.c.customer_id),
                                       ORDERS.c.placed_at > e.c.entered_at,
                                       seconds_between(ORDERS.c.placed_at, e.c.entered_at)
                                       <= window.total_seconds() + TOLERANCE))
            .where(_entrants(journey_id, versions, period)).distinct().subquery("bought"))


def holdout_outcomes(session: Session, journey_id: int, versions: Sequence[int], window: timedelta,
                     period: Period = ALL_TIME) -> tuple[list[CustomerOutcome], int]:
    """Every customer who entered those versions in the period: their group and the orders they
    placed after an entry and at most `window` after it (each order once), by the rule of
    engine.attribution.holdout_outcome; and how many were left out for being in both groups.
    One row per customer: for a look at single customers; the report sums in SQL
    (`holdout_groups`)."""
    if not versions:
        return [], 0
    e = ENROLLMENTS
    held = case((e.c.end_reason == HOLDOUT_EXIT, 1), else_=0)
    groups = {cid: (low, high) for cid, low, high in session.execute(
        select(e.c.customer_id, func.min(held), func.max(held)).where(_entrants(journey_id, versions, period))
        .group_by(e.c.customer_id))}
    bought = _bought(journey_id, versions, window, period)
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


def holdout_groups(session: Session, journey_id: int, versions: Sequence[int], window: timedelta,
                   period: Period = ALL_TIME) -> tuple[Group, Group, int]:
    """`holdout_outcomes` summed per group in the database: (held out, the rest, customers in
    both), each group's size, customers who ordered, revenue and the sum of squared revenue per
    customer (what Welch's interval needs), without a row per customer crossing to Python."""
    empty = Group.from_sums(0, 0, 0.0, 0.0)
    if not versions:
        return empty, empty, 0
    _roomy(session)
    e = ENROLLMENTS
    held = case((e.c.end_reason == HOLDOUT_EXIT, 1), else_=0)
    per_customer = (select(e.c.customer_id, func.min(held).label("low"), func.max(held).label("high"))
                    .where(_entrants(journey_id, versions, period)).group_by(e.c.customer_id).subquery("entrants"))
    bought = _bought(journey_id, versions, window, period)
    totals = (select(bought.c.customer_id, func.sum(bought.c.total).label("revenue"))
              .group_by(bought.c.customer_id).subquery("totals"))
    revenue = func.coalesce(totals.c.revenue, 0.0)
    rows = session.execute(
        select(per_customer.c.low, per_customer.c.high, func.count(), func.count(totals.c.customer_id),
               func.coalesce(func.sum(revenue), 0.0), func.coalesce(func.sum(revenue * revenue), 0.0))
        .select_from(per_customer.outerjoin(totals, totals.c.customer_id == per_customer.c.customer_id))
        .group_by(per_customer.c.low, per_customer.c.high))
    out = {0: empty, 1: empty}
    mixed = 0
    for low, high, customers, converted, total, squares in rows:
        if low != high:
            mixed += int(customers)
        else:
            out[int(high)] = Group.from_sums(int(customers), int(converted), float(total), float(squares))
    return out[1], out[0], mixed


def set_attribution_window(session: Session, window: str) -> None:
    """Stores the shop's window (checked by the caller: engine.attribution.elapsed_window)."""
    settings = session.get(ShopSettings, 1) or get_settings(session)
    settings.attribution_window = window
    session.flush()


__all__ = ["ALL_TIME", "Period", "attribution_window", "holdout_groups", "holdout_outcomes", "journey_holdout", "node_figures",
           "seconds_between", "set_attribution_window", "shifted", "variant_counts"]
