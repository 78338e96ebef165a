"""What a rule sees of one customer at one moment.

Orders and events are kept as sorted time lists (with running totals), so "how many orders in
the last 180 days" is two bisections, not a scan: population runs evaluate rules millions of
times. Everything in the future of `now` stays invisible to rules until the clock gets there.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate
from typing import Any, TypeGuard
from zoneinfo import ZoneInfo

from engine.profile import ORDER_EVENT, Event, Order, Profile, order_of_event
from engine.timeutil import subtract_duration, zone


@dataclass(frozen=True)
class Levels:
    """Thresholds of the derived levels (spec §6); the shop may change them in its settings."""

    engagement_days: int = 90
    engagement_min_sent: int = 3
    super_active_ratio: float = 0.8
    lapsing_days: int = 180
    loyal_orders: int = 3
    loyal_days: int = 365

    @classmethod
    def from_settings(cls, values: Mapping[str, Any] | None) -> Levels:
        if not values:
            return cls()
        known = {k: values[k] for k in cls.__dataclass_fields__ if k in values}
        return cls(**known)


_DEFAULT_LEVELS = Levels()  # frozen, so one serves every customer without settings of its own


class CustomerContext:
    def __init__(self, profile: Profile, *, now: datetime, tz_name: str | None = None,
                 segments: Mapping[str, Callable[[CustomerContext], bool]] | None = None,
                 levels: Levels | None = None) -> None:
        self.profile = profile
        self.customer = profile.customer
        self.tz: ZoneInfo = zone(profile.timezone or tz_name)
        self.now = now
        self.entry_at: datetime | None = None
        self.entry_props: Mapping[str, Any] = {}
        self.segments = segments or {}
        self.levels = levels or _DEFAULT_LEVELS
        self.orders: list[Order] = []
        self.order_times: list[datetime] = []
        self._order_cum: list[float] = [0.0]
        self._event_times: dict[str, list[datetime]] | None = None  # built when a rule first asks
        orders = profile.orders
        if all(orders[i].placed_at <= orders[i + 1].placed_at for i in range(len(orders) - 1)):
            # Already in time order (as profiles come): the same lists, built in one go.
            self.orders = list(orders)
            self.order_times = [o.placed_at for o in orders]
            self._order_cum = list(accumulate((o.total for o in orders), initial=0.0))
        else:
            for order in orders:
                self._append_order(order)
        self._timeline: list[Event] | None = None

    @property
    def timeline(self) -> list[Event]:
        """Every event, orders included, in time order (the runner schedules the future ones).

        Built on first use: a sending session restores thousands of runs a second, and most
        of them never count an event.
        """
        if self._timeline is None:
            self._timeline = self.profile.all_events()
        return self._timeline

    @property
    def event_times(self) -> dict[str, list[datetime]]:
        """Event type -> its moments in time order. Many journeys never count events, so the
        index is built on first use rather than for every customer of a population run."""
        event_times = self._event_times
        if event_times is None:
            event_times = self._event_times = {}
            for event in self.timeline:
                times = event_times.get(event.type)
                if times is None:
                    event_times[event.type] = [event.at]
                else:
                    times.append(event.at)
        return event_times

    # -- changes while the clock runs ------------------------------------------------------
    def _append_order(self, order: Order) -> None:
        if self.order_times and order.placed_at < self.order_times[-1]:
            orders = sorted([*self.orders, order], key=lambda o: o.placed_at)
            self.orders, self.order_times, self._order_cum = [], [], [0.0]
            for o in orders:
                self._append_order(o)
            return
        self.orders.append(order)
        self.order_times.append(order.placed_at)
        self._order_cum.append(self._order_cum[-1] + order.total)

    def add_event(self, event: Event) -> None:
        """An event that arrives during a run (a what-if, a webhook) becomes visible data."""
        if event.type == ORDER_EVENT and event.at not in self.order_times:
            self._append_order(order_of_event(self.profile.id, event.at, event.properties))
        insort(self.event_times.setdefault(event.type, []), event.at)

    # -- ranges ----------------------------------------------------------------------------
    def _bounds(self, times: list[datetime], window: str | None, since: str | None) -> tuple[int, int]:
        hi = bisect_right(times, self.now)
        if hi == 0:  # nothing before now: every window and `since` gives an empty range
            return 0, 0
        lo = 0
        if window:
            lo = bisect_right(times, subtract_duration(self.now, window, self.tz))
        if since == "entry":
            if self.entry_at is None:
                return 0, 0
            lo = max(lo, bisect_left(times, self.entry_at))
        return lo, max(lo, hi)

    def order_range(self, window: str | None = None, since: str | None = None) -> tuple[int, int]:
        return self._bounds(self.order_times, window, since)

    def order_sum(self, lo: int, hi: int) -> float:
        return self._order_cum[hi] - self._order_cum[lo]

    def event_count(self, event_type: str, window: str | None = None, since: str | None = None) -> int:
        times = self.event_times.get(event_type)
        if not times:
            return 0
        lo, hi = self._bounds(times, window, since)
        return hi - lo

    def last_order(self) -> Order | None:
        hi = bisect_right(self.order_times, self.now)
        return self.orders[hi - 1] if hi else None

    # -- derived levels (spec §6) ----------------------------------------------------------
    def engagement_level(self) -> str:
        window = f"P{self.levels.engagement_days}D"
        sent = self.event_count("email_sent", window)
        if sent < self.levels.engagement_min_sent:
            return "unknown"
        opened = self.event_count("email_opened", window)
        if opened == 0:
            return "dormant"
        if opened / sent >= self.levels.super_active_ratio:
            return "super_active"
        return "moderate"

    def lifecycle_stage(self) -> str:
        last = self.last_order()
        if last is None:
            return "prospect"
        if (self.now - last.placed_at).total_seconds() > self.levels.lapsing_days * 86400:
            return "lapsing"
        lo, hi = self.order_range(f"P{self.levels.loyal_days}D")
        if hi - lo >= self.levels.loyal_orders:
            return "loyal"
        return "new"

    def in_segment(self, name: str) -> bool:
        rule = self.segments.get(name)
        return bool(rule and rule(self))

    def location(self) -> tuple[float, float] | None:
        return customer_location(self.customer)


def customer_location(c: Mapping[str, Any]) -> tuple[float, float] | None:
    """A customer's coordinates: given ones first, else their city's, if we know it.

    A function of the customer record alone, so the segment counter can place rows it reads
    straight from the database without building a context for each.
    """
    for lat_key, lon_key in (("lat", "lon"), ("latitude", "longitude")):
        for source in (c, c.get("location") or {}, c.get("properties") or {}):
            if isinstance(source, Mapping):
                lat, lon = source.get(lat_key), source.get(lon_key)
                if _is_number(lat) and _is_number(lon):
                    return float(lat), float(lon)
    city = c.get("city")
    if isinstance(city, str) and city.strip():
        from engine.gazetteer import city_location
        from engine.geo import city_coordinates

        country = c.get("country")
        return city_coordinates(city, country) or city_location(city, country if isinstance(country, str) else None)
    return None


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
