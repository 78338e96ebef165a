"""App glue for the population panel and the customer calendar: where customers and journeys come from.

The widgets never touch the database (the layering rule); this module does, for them:

- `PopulationRunner(db)` is the panel's runner. It is called on the panel's worker thread, so
  everything slow happens there: reading the shop's customers page by page (or generating demo
  ones lazily, customer by customer, as the engine asks for them), compiling the journey with
  the shop's segments, and the run itself. A backtest starts `days` before now and ends now,
  over the customers' real history. Both kinds keep who would get what, so "Who got what" and
  the per-customer export work after a forward run too.
- `CustomerCalendarPage(db, calendar)` answers the calendar's customer requests: it loads the
  customer and every live or draft journey and asks `engine.calendar` what each would send.

Both take the open `storage.Database` (the window's `ShopController.db`), or None for a window
without a shop database, which then runs demo customers only.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject

from engine.backtest import BacktestReport, run_detailed
from engine.calendar import upcoming_messages
from engine.compiled import CompiledJourney
from engine.population import PopulationReport
from engine.profile import Event, Profile, parse_profile
from engine.runner import RunOptions
from engine.shop_options import run_options
from engine.timeutil import now_utc
from storage import Database, StorageError, journeys_repo, profiles_repo, segments_repo, shop_repo
from storage.customers_repo import count_customers, list_customers
from storage.run_options import shop_run_options
from widgets.customer_calendar import CustomerCalendar
from widgets.population_panel import CancelFn, PopulationParams, ProgressFn

PAGE = 500  # customers read per database transaction: short reads never block a sending session

__all__ = ["CustomerCalendarPage", "PopulationRunner", "calendar_journeys", "demo_profiles",
           "shop_context"]


def shop_context(db: Database, **how: Any) -> tuple[RunOptions, dict[str, Any], dict[str, Any]]:
    """(run options, shop segments as rules, shop settings): what the engine needs of the shop,
    the options built where the sending session's are (`storage.run_options`)."""
    with db.read() as session:
        options = shop_run_options(session, **how)
        segments = segments_repo.segment_rules(session)
        shop = shop_repo.settings_dict(session)
    return options, segments, shop


def demo_profiles(n: int, seed: int, now: datetime, future_days: int) -> tuple[Iterator[Profile], dict, dict]:
    """Generated customers (lazily: one at a time, as the engine asks), the demo shop and its segments."""
    from engine import demo

    kwargs: dict[str, Any] = {}
    if "future_days" in inspect.signature(demo.generate_profiles).parameters:
        kwargs["future_days"] = future_days
    profiles = demo.generate_profiles(n, seed, now, **kwargs)
    segments = {name: spec["rule"] for name, spec in demo.builtin_segments().items()}
    return profiles, demo.shop_settings(), segments


def shop_profiles(db: Database, limit: int) -> tuple[Iterator[Profile], int]:
    """The first `limit` customers of the shop by id, read a page per short transaction."""
    with db.read() as session:
        total = min(limit, count_customers(session))

    def pages() -> Iterator[Profile]:
        offset = 0
        while offset < total:
            with db.read() as session:
                rows = list_customers(session, limit=min(PAGE, total - offset), offset=offset)
                page = [profiles_repo.customer_profile(session, row.id) for row in rows]
            if not page:
                return
            offset += len(page)
            for data in page:
                yield parse_profile(data)

    return pages(), total


class PopulationRunner:
    """`PopulationPanel.set_runner(PopulationRunner(db))`: runs on the panel's worker thread.

    It opens its own short read sessions (SQLAlchemy sessions are per thread) and touches no Qt
    object. `now` is injectable so tests and screenshots are reproducible.
    """

    def __init__(self, db: Database | None, *, now: Callable[[], datetime] = now_utc) -> None:
        self.db = db
        self.now = now

    def __call__(self, params: PopulationParams, progress: ProgressFn, cancel: CancelFn) -> PopulationReport:
        now = self.now()
        backtest = params.mode == "backtest"
        start, until = (now - timedelta(days=params.days), now) if backtest else (now, now + timedelta(days=params.days))
        if params.source == "shop":
            if self.db is None:
                raise RuntimeError("there is no shop database open; choose the generated customers")
            try:
                options, segments, _shop = shop_context(self.db, seed=params.seed)
                profiles, total = shop_profiles(self.db, params.n)
            except StorageError as exc:
                raise RuntimeError(f"could not read the shop's customers: {exc}") from exc
            if total == 0:
                raise RuntimeError("the shop has no customers yet; import some or choose the generated ones")
        else:
            # Forward: the demo customers keep shopping during the run; backtest: history up to now.
            profiles, shop, segments = demo_profiles(params.n, params.seed, now, 0 if backtest else params.days)
            options = run_options(shop, seed=params.seed)
            total = params.n
        compiled = CompiledJourney(params.journey, shop_segments=segments)
        return run_detailed(compiled, profiles, start, until, options=options, total=total, progress=progress,
                            cancel=cancel, mode=params.mode, deliveries=True)


def calendar_journeys(db: Database) -> list[tuple[str, CompiledJourney]]:
    """Every journey that may message a customer: live versions, and drafts never published.

    A journey with both a live version and a newer draft counts once, as its live version, since
    that is what customers get until the draft is published. Paused and archived ones send nothing.
    """
    out: list[tuple[str, CompiledJourney]] = []
    with db.read() as session:
        segments = segments_repo.segment_rules(session)
        for summary in journeys_repo.list_journeys(session):
            if summary.status == "live":
                journey, name = journeys_repo.load_journey(session, summary.name, "live"), summary.name
            elif summary.status == "draft":
                journey = journeys_repo.load_journey(session, summary.name, "draft")
                name = f"{summary.name} (draft)"
            else:
                continue
            try:
                out.append((name, CompiledJourney(journey, shop_segments=segments)))
            except Exception:  # noqa: BLE001 - a draft that cannot run yet sends nothing
                continue
    return out


class CustomerCalendarPage(QObject):
    """Feeds a `CustomerCalendar`: customer lookup, journeys and the engine's upcoming messages.

    Synchronous on purpose: one customer through a dozen journeys takes a few milliseconds.
    """

    def __init__(self, db: Database, calendar: CustomerCalendar, *, days: int = 42, lookback_days: int = 30,
                 now: Callable[[], datetime] = now_utc, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.calendar = db, calendar
        self.days, self.lookback_days, self.now = days, lookback_days, now
        self.events: list[Event] = []  # scripted what-ifs the next show_customer adds
        calendar.customerRequested.connect(self.show_customer)
        calendar.refreshRequested.connect(self.refresh)
        self._current: str | None = None

    def find_customer(self, text: str) -> str | None:
        """An exact id, else the first customer whose id, e-mail or name contains the text."""
        text = text.strip()
        if not text:
            return None
        with self.db.read() as session:
            rows = list_customers(session, search=text, limit=50)
        exact = [r.id for r in rows if r.id == text or (r.email or "").lower() == text.lower()]
        return exact[0] if exact else (rows[0].id if rows else None)

    def show_customer(self, text: str) -> bool:
        """Shows the customer's coming weeks; False (and a message on the widget) when not found."""
        customer_id = self.find_customer(text)
        if customer_id is None:
            self.calendar.show_message(self.tr("No customer matches “{text}”.").format(text=text))
            return False
        now = self.now()
        options, _segments, shop = shop_context(self.db)
        with self.db.read() as session:
            profile = parse_profile(profiles_repo.customer_profile(session, customer_id))
        journeys = calendar_journeys(self.db)
        messages = upcoming_messages(journeys, profile, now, self.days, events=self.events, options=options,
                                     lookback_days=self.lookback_days)
        c = profile.customer
        name = " ".join(str(c.get(k) or "") for k in ("first_name", "last_name")).strip()
        title = " · ".join(x for x in (name, str(c.get("email") or ""), customer_id) if x)
        self.calendar.set_customer(title, profile.timezone or (shop or {}).get("timezone") or "UTC")
        self.calendar.set_messages(messages, now, self.days, journeys=[n for n, _ in journeys])
        self._current = customer_id
        return True

    def refresh(self) -> None:
        if self._current is not None:
            self.show_customer(self._current)


__all__ += ["BacktestReport", "shop_profiles"]
