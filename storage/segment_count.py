"""How many customers are in a segment, and who: a rule of spec §3 counted in SQL.

The segments editor counts as the user edits, over 100,000 customers, in well under a second;
loading every customer into the engine would take a minute. So a rule is translated into one
WHERE clause over `customers`: profile fields and consent are columns, order and event fields
are correlated subqueries on the (customer_id, time) indexes, the §6 levels are CASE
expressions over those, and calendar windows are cut per time zone exactly as the engine cuts
them (`subtract_duration` in the customer's zone). What SQL cannot say the engine's way
(custom properties with their JSON types, locations, list equality) is evaluated by the
engine's own `apply_op` inside SQLite, as a function over just the columns it needs.
The result is the engine's verdict for every customer (tests compare it with a brute-force
`engine.rules` evaluation over generated rules), at SQL speed.

On PostgreSQL (a shop past one machine, docs/scaling.md) the rule is evaluated by the engine
itself over the customers loaded in batches (`_engine_members`): the same verdicts, at the
engine's speed rather than SQL's; the SQL translation leans on SQLite's functions and on
Python functions registered inside SQLite.

Spec details this keeps: a missing value fails every op but `not_exists`, `!=` and `not_in`;
types are kept apart (`=` between a number and a numeric string is false); an `order_placed`
event with no order at that moment counts as an order, as `engine.profile` reads it; a
segment evaluated outside a journey has no entry, so `since: entry` counts nothing.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.context import Levels, customer_location
from engine.fields import MISSING, field_spec
from engine.rules import TRUE_WHEN_MISSING, apply_op, check_rule
from engine.segments import builtin_segments
from engine.shop_options import levels_from_settings
from engine.timeutil import TimeFormatError, parse_date, parse_moment, subtract_duration, zone
from storage.database import Database, sqlite_connection
from storage.import_writers import stored_moment
from storage.models import CustomerRow, SegmentRow
from storage.segments_repo import save_segment, segment_rules
from storage.shop_repo import get_settings

__all__ = ["SegmentCountError", "count_segment", "ensure_builtin_segments", "levels_from_settings",
           "sample_members"]


class SegmentCountError(ValueError):
    """A rule that cannot be counted (it has problems; the message lists them)."""


# -- the shop's levels and built-in segments ------------------------------------------------
def ensure_builtin_segments(session: Session) -> list[str]:
    """Adds the built-in segments a shop does not have yet (by name); returns the names added.

    Segments the shop has already (built-in or its own, maybe tuned) are never overwritten.
    """
    have = set(session.scalars(select(SegmentRow.name)))
    address = get_settings(session).address
    added = []
    for name, spec in builtin_segments(address).items():
        if name not in have:
            save_segment(session, name, spec["rule"], spec["description"], builtin=True)
            added.append(name)
    return added


# -- counting --------------------------------------------------------------------------------
def count_segment(db: Database, rule: Any, now: datetime, *, segments: Mapping[str, Any] | None = None) -> int:
    """How many customers the rule holds for at `now`. `segments` (name → rule) defaults to the shop's."""
    if db.is_postgres:
        return len(_engine_members(db, rule, now, segments))
    with _query(db, rule, now, segments) as (cursor, where, params):
        return int(cursor.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0])


def sample_members(db: Database, rule: Any, now: datetime, *, limit: int = 20,
                   segments: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Up to `limit` members (id, name, email, city), by id: what the editor shows beside the count."""
    if db.is_postgres:
        return _engine_members(db, rule, now, segments, limit=limit, rows=True)  # type: ignore[return-value]
    with _query(db, rule, now, segments) as (cursor, where, params):
        rows = cursor.execute(
            f"SELECT c.id, c.first_name, c.last_name, c.email, c.city FROM customers c WHERE {where} "
            f"ORDER BY c.id LIMIT {int(limit)}", params).fetchall()
    return [{"id": r[0], "name": " ".join(p for p in (r[1], r[2]) if p), "email": r[3] or "", "city": r[4] or ""}
            for r in rows]


def member_ids(db: Database, rule: Any, now: datetime, *, segments: Mapping[str, Any] | None = None) -> list[str]:
    if db.is_postgres:
        return _engine_members(db, rule, now, segments)  # type: ignore[return-value]
    with _query(db, rule, now, segments) as (cursor, where, params):
        return [r[0] for r in cursor.execute(f"SELECT c.id FROM customers c WHERE {where} ORDER BY c.id", params)]


def _engine_members(db: Database, rule: Any, now: datetime, segments: Mapping[str, Any] | None, *,
                    limit: int | None = None, rows: bool = False) -> list[str] | list[dict[str, Any]]:
    """The members by id, each customer judged by the engine (`engine.rules`) as a journey would:
    ids, or with `rows` the editor's sample rows, `limit` at most."""
    from engine.context import CustomerContext
    from engine.rules import compile_rule, compile_segments
    from storage.session_customers import load_profiles

    with db.read() as session:
        if segments is None:
            segments = segment_rules(session)
        problems = check_rule(rule, set(segments))
        if problems:
            raise SegmentCountError("; ".join(problems))
        settings = get_settings(session)
        levels = levels_from_settings(settings.engagement, settings.lifecycle)
        compiled = compile_segments(segments)
        test = compile_rule(rule)
        found: list[Any] = []
        after = ""
        while limit is None or len(found) < limit:
            ids = list(session.scalars(select(CustomerRow.id).where(CustomerRow.id > after)
                                       .order_by(CustomerRow.id).limit(2000)))
            if not ids:
                break
            after = ids[-1]
            profiles = load_profiles(session, ids)
            for cid in ids:
                profile = profiles.get(cid)
                if profile is None or not test(CustomerContext(profile, now=now, tz_name=settings.timezone,
                                                               segments=compiled, levels=levels)):
                    continue
                if rows:
                    c = profile.customer
                    found.append({"id": cid, "name": " ".join(p for p in (c.get("first_name"), c.get("last_name"))
                                                              if p),
                                  "email": c.get("email") or "", "city": c.get("city") or ""})
                else:
                    found.append(cid)
                if limit is not None and len(found) >= limit:
                    break
    return found


class _query:  # noqa: N801 - used as a context manager, reads as a verb
    """A connection with the rule's functions registered, its WHERE clause and parameters."""

    def __init__(self, db: Database, rule: Any, now: datetime, segments: Mapping[str, Any] | None) -> None:
        self.db, self.rule, self.now, self.segments = db, rule, now, segments

    def __enter__(self) -> tuple[sqlite3.Cursor, str, dict[str, Any]]:
        self.conn = self.db.engine.connect()
        try:
            raw = sqlite_connection(self.conn)
            cursor = raw.cursor()
            segments = self.segments
            if segments is None:
                with self.db.read() as session:
                    segments = segment_rules(session)
            problems = check_rule(self.rule, set(segments))
            if problems:
                raise SegmentCountError("; ".join(problems))
            shop = cursor.execute("SELECT timezone, engagement, lifecycle FROM shop_settings WHERE id = 1").fetchone()
            shop_tz = (shop[0] if shop else None) or "UTC"
            levels = levels_from_settings(*(json.loads(x) if x else None for x in shop[1:])) if shop else Levels()
            zones = [r[0] for r in cursor.execute(
                "SELECT DISTINCT coalesce(nullif(timezone, ''), ?) FROM customers", (shop_tz,))]
            sql = _Sql(self.now, shop_tz, levels, segments, zones, cursor, self.db)
            where = sql.rule(self.rule)
            raw.create_function("jb_test", -1, sql.call_test, deterministic=True)
            return cursor, where, sql.params
        except BaseException:
            self.conn.close()
            raise

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


# -- the translation -------------------------------------------------------------------------
ORDER_EVENT = "order_placed"
_ORDERS_CACHE: dict[str, tuple[int, bool]] = {}  # db path -> (max event id looked at, has order events)


def _micros(expr: str) -> str:
    """A stored moment as whole microseconds since 1970 (exact, unlike julianday)."""
    return f"(CAST(strftime('%s', {expr}) AS INTEGER) * 1000000 + CAST(coalesce(substr({expr}, 21, 6), '0') AS INTEGER))"


def _floor_days(micros: str) -> str:
    return (f"(CASE WHEN {micros} >= 0 THEN {micros} / 86400000000 "
            f"ELSE -((-({micros}) + 86399999999) / 86400000000) END)")


@dataclass
class _Sql:
    now: datetime
    shop_tz: str
    levels: Levels
    segments: Mapping[str, Any]
    zones: list[str]
    cursor: sqlite3.Cursor
    db: Database
    params: dict[str, Any] = field(default_factory=dict)
    tests: list[Callable[..., bool]] = field(default_factory=list)
    _names: itertools.count = field(default_factory=itertools.count)
    _stack: list[str] = field(default_factory=list)
    _order_events: bool | None = None

    # parameters and per-zone values
    def bind(self, value: Any) -> str:
        name = f"p{next(self._names)}"
        self.params[name] = value
        return f":{name}"

    @property
    def tz_expr(self) -> str:
        return f"coalesce(nullif(c.timezone, ''), {self.bind(self.shop_tz)})"

    def per_zone(self, compute: Callable[[str], Any]) -> str:
        """CASE over the customers' zones of a value the engine works out in the customer's zone."""
        values = {}
        for name in self.zones:
            try:
                values[name] = compute(name)
            except TimeFormatError:
                continue
        default = compute(self.shop_tz)
        if all(v == default for v in values.values()):
            return self.bind(default)
        cases = " ".join(f"WHEN {self.bind(z)} THEN {self.bind(v)}" for z, v in values.items())
        return f"(CASE {self.tz_expr} {cases} ELSE {self.bind(default)} END)"

    def cutoff(self, window: str) -> str:
        return self.per_zone(lambda z: stored_moment(subtract_duration(self.now, window, zone(z))))

    @property
    def now_text(self) -> str:
        return self.bind(stored_moment(self.now))

    def call_test(self, index: int, *args: Any) -> int:
        return 1 if self.tests[index](*args) else 0

    def test(self, function: Callable[..., bool], *columns: str) -> str:
        self.tests.append(function)
        return f"jb_test({len(self.tests) - 1}{''.join(', ' + c for c in columns)})"

    # rules
    def rule(self, rule: Mapping[str, Any]) -> str:
        if "all" in rule:
            parts = [self.rule(r) for r in rule["all"]]
            return "(" + " AND ".join(parts) + ")" if parts else "1"
        if "any" in rule:
            parts = [self.rule(r) for r in rule["any"]]
            return "(" + " OR ".join(parts) + ")" if parts else "0"
        if "not" in rule:
            return f"(NOT {self.rule(rule['not'])})"
        if "segment" in rule:
            name = rule["segment"]
            if name not in self.segments:
                return "0"  # CustomerContext.in_segment: an unknown segment holds for no one
            if name in self._stack:
                raise SegmentCountError(f"segment '{name}' refers to itself")
            self._stack.append(name)
            try:
                return self.rule(self.segments[name])
            finally:
                self._stack.pop()
        return f"coalesce({self.leaf(rule)}, 0)"

    def leaf(self, leaf: Mapping[str, Any]) -> str:
        spec = field_spec(leaf["field"])
        assert spec is not None  # check_rule passed
        op, expected = leaf["op"], leaf.get("value")
        name = spec.name
        window, since = leaf.get("window"), leaf.get("since")
        if name.startswith("entry."):
            return "1" if op in TRUE_WHEN_MISSING else "0"  # no journey, no entry
        if name.startswith("customer.properties."):
            return self._property(name[len("customer.properties."):], op, expected)
        if name == "customer.location":
            udf = self.test(_location_test(op, expected), "c.lat", "c.lon", "c.city", "c.country", "c.properties")
            if op != "within_km" or not isinstance(expected, Mapping):
                return udf
            # Stored coordinates are what the engine uses first: a customer more than `km` north
            # or south of the point cannot be within `km` of it, so most rows skip the function.
            try:
                lat0, reach = float(expected["lat"]), float(expected["km"]) / 111.0 + 0.01
            except (KeyError, TypeError, ValueError):
                return udf
            return (f"(CASE WHEN c.lat IS NOT NULL AND c.lon IS NOT NULL AND "
                    f"(c.lat < {self.bind(lat0 - reach)} OR c.lat > {self.bind(lat0 + reach)}) THEN 0 ELSE {udf} END)")
        if name == "customer.tags":
            if op == "contains" and isinstance(expected, str):
                return ("EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.type = 'text' "
                        f"AND t.value = {self.bind(expected)})")
            return self.test(lambda tags: apply_op(op, _tags(tags), expected), "c.tags")
        value, vtype = self.value(name, leaf, window, since)
        return self.compare(value, vtype, op, expected)

    def value(self, name: str, leaf: Mapping[str, Any], window: Any, since: Any) -> tuple[str, str]:
        column = name.split(".", 1)[1]
        if name.startswith("consent."):
            return f"c.consent_{column}", "bool"
        if name == "customer.birthdate":
            return "c.birthdate", "date"
        if name == "customer.signup_at":
            return "c.signup_at", "datetime"
        if name == "customer.age":
            today = self.per_zone(lambda z: self.now.astimezone(zone(z)).date().isoformat())
            return (f"(CASE WHEN c.birthdate IS NULL THEN NULL ELSE CAST(substr({today}, 1, 4) AS INTEGER) "
                    f"- CAST(substr(c.birthdate, 1, 4) AS INTEGER) - (substr({today}, 6, 5) < substr(c.birthdate, 6, 5)) END)",
                    "number")
        if name == "customer.days_since_signup":
            elapsed = f"({_micros(self.now_text)} - {_micros('c.signup_at')})"
            return f"(CASE WHEN c.signup_at IS NULL THEN NULL ELSE {_floor_days(elapsed)} END)", "number"
        if name.startswith("customer."):
            return f"nullif(c.{column}, '')", "string"
        if name == "engagement.level":
            return self.engagement(), "string"
        if name == "lifecycle.stage":
            return self.lifecycle(), "string"
        if name == "events.count":
            event = leaf.get("event")
            if not isinstance(event, str):
                return "NULL", "number"
            return self.event_count(event, window, since), "number"
        return self.orders(column, window, since)

    # orders: the orders table and, where there are any, order_placed events without an order
    def has_order_events(self) -> bool:
        if self._order_events is None:
            try:  # the inode tells a database recreated at the same path from the one we saw
                key = f"{self.db.path}:{os.stat(self.db.path or '').st_ino}"
            except OSError:
                key = str(self.db.path)
            self._order_events = _has_order_events(self.cursor, key)
        return self._order_events

    def order_rows(self, window: Any, with_id: bool = False) -> str:
        now = self.now_text
        cut = f" AND o.placed_at > {self.cutoff(window)}" if window else ""
        oid = ", o.id AS oid" if with_id else ""
        sql = (f"SELECT o.placed_at AS at, o.total AS total{oid} FROM orders o "
               f"WHERE o.customer_id = c.id AND o.status = 'placed' AND o.placed_at <= {now}{cut}")
        if self.has_order_events():
            ecut = f" AND e.at > {self.cutoff(window)}" if window else ""
            eid = ", '' AS oid" if with_id else ""
            sql += (f" UNION ALL SELECT e.at, coalesce(CAST(json_extract(e.properties, '$.total') AS REAL), 0.0)"
                    f"{eid} FROM events e WHERE e.customer_id = c.id AND e.type = '{ORDER_EVENT}' "
                    f"AND e.at <= {now}{ecut} AND NOT EXISTS (SELECT 1 FROM orders o2 WHERE "
                    "o2.customer_id = e.customer_id AND o2.placed_at = e.at) AND e.id = (SELECT min(e2.id) "
                    f"FROM events e2 WHERE e2.customer_id = e.customer_id AND e2.type = '{ORDER_EVENT}' "
                    "AND e2.at = e.at)")
        return sql

    def orders(self, what: str, window: Any, since: Any) -> tuple[str, str]:
        if since == "entry":  # no entry outside a journey: an empty range
            return {"count": ("0", "number"), "total": ("0.0", "number")}.get(
                what, ("NULL", "datetime" if what == "last_at" else "number"))
        rows = self.order_rows(window, with_id=what in ("last_at", "last_value", "days_since_last"))
        if what == "count":
            return f"(SELECT count(*) FROM ({rows}))", "number"
        if what == "total":
            return f"(SELECT round(coalesce(sum(total), 0.0), 10) FROM ({rows}))", "number"
        if what == "avg_value":
            return f"(SELECT round(sum(total) / count(*), 10) FROM ({rows}))", "number"
        latest = f"FROM ({rows}) ORDER BY at DESC, oid DESC LIMIT 1"
        if what == "last_at":
            return f"(SELECT at {latest})", "datetime"
        if what == "last_value":
            return f"(SELECT total {latest})", "number"
        last = f"(SELECT at {latest})"
        elapsed = f"({_micros(self.now_text)} - {_micros(last)})"
        return f"(CASE WHEN {last} IS NULL THEN NULL ELSE {_floor_days(elapsed)} END)", "number"

    def event_count(self, event: str, window: Any, since: Any) -> str:
        if since == "entry":
            return "0"
        if event == ORDER_EVENT:  # every order is an order_placed event (spec §7)
            return self.orders("count", window, None)[0]
        cut = f" AND e.at > {self.cutoff(window)}" if window else ""
        return (f"(SELECT count(*) FROM events e WHERE e.customer_id = c.id AND e.type = {self.bind(event)} "
                f"AND e.at <= {self.now_text}{cut})")

    def engagement(self) -> str:
        """One pass over the customer's email events of the window (not one per count)."""
        lv = self.levels
        cut = self.cutoff(f"P{lv.engagement_days}D")
        return (f"(SELECT CASE WHEN s < {int(lv.engagement_min_sent)} THEN 'unknown' WHEN o = 0 THEN 'dormant' "
                f"WHEN o * 1.0 / s >= {self.bind(float(lv.super_active_ratio))} THEN 'super_active' "
                "ELSE 'moderate' END FROM (SELECT count(*) FILTER (WHERE e.type = 'email_sent') AS s, "
                "count(*) FILTER (WHERE e.type = 'email_opened') AS o FROM events e WHERE e.customer_id = c.id "
                f"AND e.type IN ('email_sent', 'email_opened') AND e.at <= {self.now_text} AND e.at > {cut}))")

    def lifecycle(self) -> str:
        """One pass over the customer's orders: the latest, and how many in the loyalty window."""
        lv = self.levels
        rows = self.order_rows(None)
        cut = self.cutoff(f"P{lv.loyal_days}D")
        limit = int(lv.lapsing_days) * 86400 * 1000000
        return (f"(SELECT CASE WHEN l IS NULL THEN 'prospect' WHEN {_micros(self.now_text)} - {_micros('l')} > {limit} "
                f"THEN 'lapsing' WHEN n >= {int(lv.loyal_orders)} THEN 'loyal' ELSE 'new' END "
                f"FROM (SELECT max(at) AS l, count(*) FILTER (WHERE at > {cut}) AS n FROM ({rows})))")

    # ops over a typed value
    def compare(self, value: str, vtype: str, op: str, expected: Any) -> str:
        if op == "exists":
            return f"({value} IS NOT NULL)"
        if op == "not_exists":
            return f"({value} IS NULL)"
        if op in ("in", "not_in"):
            items = [p for p in (self.operand(vtype, x) for x in expected) if p is not None] \
                if isinstance(expected, list) else []
            if op == "in":
                return f"({value} IN ({', '.join(items)}))" if items else "0"
            return f"({value} IS NULL OR {value} NOT IN ({', '.join(items)}))" if items else "1"
        if op == "contains":
            if vtype == "string" and isinstance(expected, str):
                return f"(instr({value}, {self.bind(expected)}) > 0)"
            return "0"
        if op == "between":
            if vtype == "bool" or not (isinstance(expected, list) and len(expected) == 2):
                return "0"
            lo, hi = self.operand(vtype, expected[0]), self.operand(vtype, expected[1])
            return f"({value} >= {lo} AND {value} <= {hi})" if lo is not None and hi is not None else "0"
        if op == "within_km":
            return "0"
        operand = self.operand(vtype, expected)
        if op == "=":
            return f"({value} = {operand})" if operand is not None else "0"
        if op == "!=":
            return f"({value} IS NULL OR {value} != {operand})" if operand is not None else "1"
        if vtype == "bool" or operand is None:
            return "0"
        return f"({value} {op} {operand})"

    def operand(self, vtype: str, value: Any) -> str | None:
        """The rule's value as the stored form of the field's type; None where the engine's
        comparison between the two types is always false."""
        is_num = isinstance(value, int | float) and not isinstance(value, bool)
        if vtype == "number":
            return self.bind(value) if is_num and math.isfinite(value) else None
        if vtype == "string":
            return self.bind(value) if isinstance(value, str) else None
        if vtype == "bool":
            return self.bind(int(value)) if isinstance(value, bool) else None
        if not isinstance(value, str):
            return None
        try:
            if vtype == "date":
                return self.bind(parse_date(value).isoformat())
            return self.bind(stored_moment(parse_moment(value)))
        except TimeFormatError:
            return None

    def _property(self, name: str, op: str, expected: Any) -> str:
        def test(value: Any) -> bool:
            return apply_op(op, MISSING if value is None or value == "" else value, expected)

        if '"' in name or "\\" in name:  # not expressible as a JSON path: read the whole object
            return self.test(lambda props: test((json.loads(props or "{}") or {}).get(name)), "c.properties")
        path = self.bind(f'$."{name}"')  # `->` gives the value as JSON text: its type survives
        return self.test(lambda value: test(None if value is None else json.loads(value)),
                         f"(c.properties -> {path})")


def _tags(text: str | None) -> Any:
    tags = json.loads(text) if text else None
    return MISSING if tags is None or tags == "" else tags


def _location_test(op: str, expected: Any) -> Callable[..., bool]:
    cities: dict[tuple[Any, Any], Any] = {}

    def test(lat: Any, lon: Any, city: Any, country: Any, properties: str | None) -> bool:
        customer: dict[str, Any] = {}
        if lat is not None:
            customer["lat"] = lat
        if lon is not None:
            customer["lon"] = lon
        if lat is None or lon is None:
            # Coordinates may sit in the properties; a JSON text without '"lat' has none.
            if properties and '"lat' in properties:
                customer["properties"] = json.loads(properties)
            if city is not None and "properties" not in customer:
                key = (city, country)  # only the city can place this customer: remember it
                if key not in cities:
                    cities[key] = customer_location({"city": city, "country": country})
                point = cities[key]
                return apply_op(op, point if point is not None else MISSING, expected)
        if city is not None:
            customer["city"] = city
        if country is not None:
            customer["country"] = country
        point = customer_location(customer)
        return apply_op(op, point if point is not None else MISSING, expected)

    return test


def _has_order_events(cursor: sqlite3.Cursor, key: str) -> bool:
    """Whether any order_placed event exists; remembered per database up to the newest event id,
    so the full scan happens once and later calls only look at the events added since."""
    newest = cursor.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    cached = _ORDERS_CACHE.get(key)
    if cached is not None and cached[0] <= newest:
        seen, found = cached
        if not found and newest > seen:
            found = cursor.execute("SELECT EXISTS (SELECT 1 FROM events WHERE id > ? AND type = ?)",
                                   (seen, ORDER_EVENT)).fetchone()[0] == 1
    else:
        found = cursor.execute("SELECT EXISTS (SELECT 1 FROM events WHERE type = ?)", (ORDER_EVENT,)).fetchone()[0] == 1
    _ORDERS_CACHE[key] = (newest, found)
    return found

