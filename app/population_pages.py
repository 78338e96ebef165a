"""App glue for the population panel and the customer calendar: where customers and journeys come from.

The widgets never touch the database (the layering rule); this module does, for them:

- `PopulationRunner(db)` is the panel's runner. It is called on the panel's worker thread and
  hands the customers, chunk by chunk, to worker processes that load the shop's customers (or
  make the demo ones) and run them, so the window's thread only waits for their reports. A
  backtest starts `days` before now and ends now, over the customers' real history. Both kinds
  keep who would get what, so "Who got what" and the per-customer export work after a forward
  run too.
- `CustomerCalendarPage(db, calendar)` answers the calendar's customer requests: it loads the
  customer and every live or draft journey and asks `engine.calendar` what each would send.

Both take the open `storage.Database` (the window's `ShopController.db`), or None for a window
without a shop database, which then runs demo customers only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject

from engine.attribution import DEFAULT_WINDOW
from engine.backtest import BacktestReport
from engine.calendar import upcoming_messages
from engine.compiled import CompiledJourney
from engine.population import PopulationReport
from engine.population_pool import CustomerSource, DemoCustomers, run_pooled
from engine.profile import Event, parse_profile
from engine.runner import RunOptions
from engine.shop_options import run_options
from engine.timeutil import now_utc
from storage import Database, StorageError, journeys_repo, profiles_repo, segments_repo, shop_repo
from storage.customers_repo import list_customers
from storage.population_source import shop_customers
from storage.run_options import shop_run_options
from widgets.customer_calendar import CustomerCalendar
from widgets.population_panel import CancelFn, PopulationParams, ProgressFn

__all__ = ["CustomerCalendarPage", "PopulationRunner", "calendar_journeys", "demo_source",
           "shop_context"]


def shop_context(db: Database, **how: Any) -> tuple[RunOptions, dict[str, Any], dict[str, Any]]:
    """(run options, shop segments as rules, shop settings): what the engine needs of the shop,
    the options built where the sending session's are (`storage.run_options`)."""
    with db.read() as session:
        options = shop_run_options(session, **how)
        segments = segments_repo.segment_rules(session)
        shop = shop_repo.settings_dict(session)
    return options, segments, shop


def demo_source(seed: int, now: datetime, future_days: int) -> tuple[DemoCustomers, dict, dict]:
    """The demo customers (made in the worker processes, chunk by chunk), the demo shop and its
    segments."""
    from engine import demo

    segments = {name: spec["rule"] for name, spec in demo.builtin_segments().items()}
    return DemoCustomers(seed, now, future_days), demo.shop_settings(), segments


class PopulationRunner:
    """`PopulationPanel.set_runner(PopulationRunner(db))`: runs on the panel's worker thread.

    It opens its own short read sessions (SQLAlchemy sessions are per thread) and touches no Qt
    object; the customers run in worker processes (`engine.population_pool`), so the window's
    thread only waits. `now` is injectable so tests and screenshots are reproducible;
    `workers` too (None: every core).
    """

    def __init__(self, db: Database | None, *, now: Callable[[], datetime] = now_utc,
                 workers: int | None = None) -> None:
        self.db = db
        self.now = now
        self.workers = workers

    def __call__(self, params: PopulationParams, progress: ProgressFn, cancel: CancelFn) -> PopulationReport:
        now = self.now()
        backtest = params.mode == "backtest"
        start, until = (now - timedelta(days=params.days), now) if backtest else (now, now + timedelta(days=params.days))
        source: CustomerSource
        if params.source == "shop":
            if self.db is None:
                raise RuntimeError("there is no shop database open; choose the generated customers")
            try:
                options, segments, shop = shop_context(self.db, seed=params.seed)
                source = shop_customers(self.db, params.n)
            except StorageError as exc:
                raise RuntimeError(f"could not read the shop's customers: {exc}") from exc
            total = len(source.ids)
            if total == 0:
                raise RuntimeError("the shop has no customers yet; import some or choose the generated ones")
        else:
            # Forward: the demo customers keep shopping during the run; backtest: history up to now.
            source, shop, segments = demo_source(params.seed, now, 0 if backtest else params.days)
            options = run_options(shop, seed=params.seed)
            total = params.n
        CompiledJourney(params.journey, shop_segments=segments)  # a journey that cannot run says so here
        return run_pooled(params.journey, source, total, start, until, options=options, shop_segments=segments,
                          progress=progress, cancel=cancel, mode=params.mode, deliveries=True,
                          workers=self.workers, window=str(shop.get("attribution_window") or DEFAULT_WINDOW),
                          currency=str(shop.get("currency") or ""))


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


__all__ += ["BacktestReport"]
