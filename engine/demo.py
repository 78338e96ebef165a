"""The demo shop "Nordlicht Outfitters": customers, orders and events, reproducible by seed.

`generate_profiles(n, seed, now)` yields `engine.profile.Profile` objects (what the simulator
and the runner read); `generate_profile_dicts(n, seed, now)` yields the same customers as
JSON-able profile dicts of spec §7 (ISO strings), for files and the shop database. Both follow
the recipe in `resources/demo/recipe.json`: markets and their cities, ages, personas, what the
catalogue costs in each currency, consent and event rates.

Every customer is built from its own `random.Random` seeded by (seed, index), so the first k
customers of a run are the same whatever `n` is, and the same seed gives the same shop on every
machine with the same Faker. Faker itself is slow (tens of microseconds a name), so it is only
used once per locale and process to fill pools of first names, last names and streets; a
customer then draws from the pools. Measured on the 2-core project machine (Python 3.11, the
Faker pools included): 100,000 customers with 270,000 orders and 4.1 million events in 12 s as
Profiles, 14 s as dicts, 23 s written to a JSON-lines file of 790 MB (`python -m engine.demo
--count 100000 [--dicts | --out FILE]` prints the figure).

Personas are chosen so that the §6 levels at `now` are exactly the persona: a `loyal` customer
has 3 or more orders in the last 365 days and the last within 75 days, a `lapsing` one's last
order is more than 182 days old, and so on. Engagement is set the same way: each customer with
email consent gets a target level and a newsletter history (weekly, last ~14 weeks) whose opens
over the §6 window realise it. Some of what customers do lies in the `future_days` after `now`
(carts abandoned, some recovered by an order within hours, orders, visits, signups of new
prospects), so a simulation starting at `now` has something to react to.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from engine.context import Levels
from engine.profile import Event, Order, Profile
from engine.timeutil import (
    WEEKDAYS,
    local_wall_to_utc,
    parse_moment,
    parse_time_of_day,
    subtract_duration,
    zone,
)

DAY = 86400
HOUR = 3600
PERSONAS = ("prospect", "new", "loyal", "lapsing")
ENGAGEMENT_LEVELS = ("super_active", "moderate", "dormant")
_POOL_SIZE = 1500
_POOL_SEED = 20_240_601


class DemoRecipeError(ValueError):
    """A recipe that cannot be used (a missing key, an empty weight table)."""


# -- the recipe ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _default_recipe_text() -> str:
    return resources.files("resources.demo").joinpath("recipe.json").read_text(encoding="utf-8")


def load_recipe(path: str | Path | None = None) -> dict[str, Any]:
    """The recipe: the shipped one, or a JSON file of the same shape."""
    text = Path(path).read_text(encoding="utf-8") if path else _default_recipe_text()
    return json.loads(text)


def shop_settings(recipe: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Name, address, currency, time zone, locale and sender of the demo shop."""
    return dict((recipe or load_recipe())["shop"])


def builtin_segments(recipe: Mapping[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """name → {"rule": …, "description": …}: the segments the demo shop starts with."""
    return {name: {"rule": spec["rule"], "description": spec.get("description", "")}
            for name, spec in (recipe or load_recipe()).get("segments", {}).items()}


class _Table:
    """A weighted choice, drawn with one random number and one bisection."""

    __slots__ = ("items", "cum", "total", "last")

    def __init__(self, weights: Mapping[Any, Any] | list[tuple[Any, Any]], what: str) -> None:
        pairs = list(weights.items()) if isinstance(weights, Mapping) else list(weights)
        pairs = [(k, float(w)) for k, w in pairs if float(w) > 0]
        if not pairs:
            raise DemoRecipeError(f"{what}: no choice has a positive weight")
        self.items = [k for k, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total
        self.last = len(self.items) - 1

    def pick(self, rng: random.Random) -> Any:
        i = bisect_right(self.cum, rng.random() * self.total)
        return self.items[i if i < self.last else self.last]


# -- name pools (Faker, once per locale and process) ---------------------------------------
@dataclass(frozen=True)
class _Pools:
    first: dict[str, list[str]]
    last: dict[str, list[str]]
    streets: list[str]


@cache
def _pools(faker_locale: str) -> _Pools:
    from faker import Faker

    fake = Faker(faker_locale)
    fake.seed_instance(_POOL_SEED)
    n = _POOL_SIZE
    first = {"female": [fake.first_name_female() for _ in range(n)],
             "male": [fake.first_name_male() for _ in range(n)]}
    last = {"female": [fake.last_name_female() for _ in range(n)],
            "male": [fake.last_name_male() for _ in range(n)]}
    streets = [" ".join(fake.street_address().replace("\n", ", ").split()) for _ in range(n)]
    return _Pools(first, last, streets)


_TRANSLIT = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "o", "å": "a", "ñ": "n",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


@lru_cache(maxsize=65536)
def _ascii(name: str) -> str:
    """A name as the ASCII an email address would use: Jürgen → juergen, Ольга → olga."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLIT))
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


_EMAIL_PATTERNS = _Table({"{f}.{l}": 0.34, "{f}{l}": 0.14, "{i}.{l}": 0.12, "{f}_{l}": 0.07,
                          "{f}.{l}{yy}": 0.1, "{l}.{f}": 0.07, "{f}{nn}": 0.09, "{l}{i}{nn}": 0.07},
                         "email patterns")


def _digits(rng: random.Random, pattern: str) -> str:
    return "".join(str(int(rng.random() * 10)) if ch == "#" else ch for ch in pattern)


# -- the compiled recipe -----------------------------------------------------------------------
@dataclass
class _Product:
    sku: str
    name: str
    category: str
    prices: dict[str, float]


@dataclass
class _Zone:
    name: str
    offset: int  # seconds east of UTC at `now`: good enough to place "an evening" in local time
    today: date
    cutoff: int  # start of the engagement window (§6) for this zone, as the engine computes it
    campaigns: list[tuple[int, str, int]]  # (send moment, campaign id, subject index)


@dataclass
class _City:
    name: str
    region: str
    lat: float
    lon: float
    zone: _Zone
    postal: list[Any]
    phones: _Table | None = None  # the city's own formats (an area code), else the market's


@dataclass
class _Market:
    country: str
    locale: str
    faker_locale: str
    currency: str
    cities: _Table
    email_domains: _Table
    phones: _Table
    payments: _Table
    postal_width: int
    second_surname: float


class _Plan:
    """The recipe with every table built and every per-zone moment computed, for one `now`."""

    def __init__(self, recipe: Mapping[str, Any], now: datetime, future_days: int | None) -> None:
        try:
            self._build(recipe, now, future_days)
        except (KeyError, TypeError, IndexError) as exc:
            raise DemoRecipeError(f"demo recipe: missing or malformed entry {exc}") from None

    def _build(self, r: Mapping[str, Any], now: datetime, future_days: int | None) -> None:
        self.now = now
        self.now_ts = int(now.timestamp())
        self.future = int(r.get("future_days", 30) if future_days is None else future_days) * DAY
        self.levels = Levels()
        nl = r["newsletter"]
        self.newsletter = nl
        self._zones: dict[str, _Zone] = {}
        self.markets = _Table({code: m["weight"] for code, m in r["markets"].items()}, "markets")
        self.market: dict[str, _Market] = {}
        for code, m in r["markets"].items():
            cities = []
            for c in m["cities"]:
                phones = _Table(c["phone_formats"], f"{c['name']}.phone_formats") if c.get("phone_formats") else None
                cities.append((_City(c["name"], c.get("region", ""), float(c["lat"]), float(c["lon"]),
                                     self.zone(c["timezone"]), list(c["postal"]), phones), c.get("weight", 1)))
            width = max((len(str(p)) for c, _ in cities for p in c.postal if isinstance(p, int)), default=0)
            self.market[code] = _Market(
                code, m["locale"], m["faker_locale"], m["currency"], _Table(cities, f"{code}.cities"),
                _Table(m["email_domains"], f"{code}.email_domains"), _Table(m["phone_formats"], f"{code}.phones"),
                _Table(m["payment_methods"], f"{code}.payment_methods"), width,
                float(m.get("second_surname_share", 0)))
        self.genders = _Table(r["genders"], "genders")
        self.birthdate_known = float(r["birthdate_known"])
        self.age_bands = _Table([((b["from"], b["to"]), b["weight"]) for b in r["age_bands"]], "age_bands")
        self.areas = [(a["to"], _Table(a["weights"], "area_by_age")) for a in r["area_by_age"]]
        self.area_km = {k: (float(v[0]), float(v[1])) for k, v in r["area_distance_km"].items()}
        self.sources = _Table(r["acquisition_sources"], "acquisition_sources")
        self.devices = _Table(r["devices"], "devices")
        self.phone_known = float(r["phone_known"])
        consent = r["consent"]
        self.p_email = float(consent["email"])
        self.p_sms_with_phone = min(1.0, float(consent["sms"]) / max(self.phone_known, 1e-9))
        self.p_push = float(consent["push"])
        self.personas = _Table({p: r["personas"][p]["share"] for p in PERSONAS}, "personas")
        self.persona = {p: dict(r["personas"][p]) for p in PERSONAS}
        self.engagement = {p: _Table(self.persona[p]["engagement"], f"personas.{p}.engagement")
                           for p in PERSONAS}
        self.hours = _Table(list(enumerate(r["activity_hours"])), "activity_hours")
        s = r["sessions"]
        self.session_days = int(s["history_days"])
        self.views = _Table({int(k): v for k, v in s["views"].items()}, "sessions.views")
        self.interest_share = float(s["interest_share"])
        c = r["carts"]
        self.carts = c
        self.checkout_steps = _Table(c["checkout_steps"], "carts.checkout_steps")
        o = r["orders"]
        self.orders = o
        self.items = _Table({int(k): v for k, v in o["items"].items()}, "orders.items")
        self.currencies = {code: dict(spec) for code, spec in r["currencies"].items()}
        products: list[tuple[_Product, float]] = []
        for p in r["catalogue"]:
            prices = {code: _local_price(float(p["price"]), spec) for code, spec in self.currencies.items()}
            products.append((_Product(p["sku"], p["name"], p["category"], prices), p.get("popularity", 1)))
        self.products = _Table(products, "catalogue")
        by_cat: dict[str, list[tuple[_Product, float]]] = {}
        for prod, w in products:
            by_cat.setdefault(prod.category, []).append((prod, w))
        self.by_category = {cat: _Table(items, f"catalogue.{cat}") for cat, items in by_cat.items()}
        self.categories = _Table({cat: sum(w for _, w in items) for cat, items in by_cat.items()}, "categories")
        self.tags = dict(r.get("tags", {}))
        self.website = str(r["shop"].get("website", "")).rstrip("/")
        self.subjects = {loc: list(subj) for loc, subj in nl["subjects"].items()}

    def zone(self, name: str) -> _Zone:
        z = self._zones.get(name)
        if z is None:
            tz = zone(name)
            local_now = self.now.astimezone(tz)
            offset = int((local_now.utcoffset() or timedelta(0)).total_seconds())
            cutoff = int(subtract_duration(self.now, f"P{self.levels.engagement_days}D", tz).timestamp())
            nl = self.newsletter
            at = parse_time_of_day(nl["local_time"])
            weekday = WEEKDAYS.index(nl["weekday"])
            campaigns = []
            day = local_now.date()
            for back in range(int(nl["history_days"]) + 1):
                d = day - timedelta(days=back)
                if d.weekday() != weekday:
                    continue
                ts = int(local_wall_to_utc(d, at, tz).timestamp())
                if ts < self.now_ts:
                    campaigns.append((ts, f"nl-{d.isoformat()}", d.toordinal() // 7))
            campaigns.reverse()
            z = self._zones[name] = _Zone(name, offset, local_now.date(), cutoff, campaigns)
        return z


def _local_price(eur: float, spec: Mapping[str, Any]) -> float:
    """A catalogue price in another currency, rounded the way shops price (49.99, 4 990)."""
    decimals = int(spec.get("decimals", 2))
    value = eur * float(spec["rate"])
    step = float(spec.get("step", 0))
    if step > 0:
        value = math.ceil(value / step) * step - step + float(spec.get("ending", 0))
    return round(value, decimals) if decimals else float(round(value))


# -- small helpers, all drawing from the customer's own generator -------------------------
def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    limit = math.exp(-lam)
    k = 0
    p = rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _between(rng: random.Random, lo: int, hi: int) -> int:
    return lo + int(rng.random() * (hi - lo)) if hi > lo else lo


# -- one customer --------------------------------------------------------------------------
@dataclass
class _Raw:
    customer: dict[str, Any]  # §7 fields; birthdate a date, signup_at an int timestamp
    orders: list[tuple[int, str, float, str, dict[str, Any]]]  # (ts, id, total, currency, extras)
    events: list[tuple[int, str, dict[str, Any]]]  # (ts, type, properties), in time order


class _Builder:
    """Builds the customers of one run; `seen` keeps email addresses unique across it."""

    def __init__(self, plan: _Plan, seed: int) -> None:
        self.plan = plan
        self.seed = int(seed)
        self.seen: set[str] = set()

    def local(self, rng: random.Random, lo: int, hi: int, offset: int) -> int:
        """A moment in [lo, hi) at an hour people are active, in local time."""
        t = _between(rng, lo, hi)
        day0 = t - (t + offset) % DAY
        t2 = day0 + self.plan.hours.pick(rng) * HOUR + int(rng.random() * HOUR)
        return t2 if lo <= t2 < hi else t

    def build(self, index: int) -> _Raw:
        plan = self.plan
        rng = random.Random(self.seed * 4_294_967_296 + index)
        now = plan.now_ts
        market: _Market = plan.market[plan.markets.pick(rng)]
        city: _City = market.cities.pick(rng)
        zone_ = city.zone
        off = zone_.offset
        pools = _pools(market.faker_locale)

        gender = plan.genders.pick(rng)
        name_gender = gender if gender in ("female", "male") else ("female" if rng.random() < 0.5 else "male")
        first = rng.choice(pools.first[name_gender])
        last_names = pools.last[name_gender]
        last = rng.choice(last_names)
        surname_for_email = last
        if market.second_surname and rng.random() < market.second_surname:
            last = f"{last} {rng.choice(last_names)}"

        age: int | None = None
        birthdate: date | None = None
        lo_age, hi_age = plan.age_bands.pick(rng)
        age = lo_age + int(rng.random() * (hi_age - lo_age + 1))
        if rng.random() < plan.birthdate_known:
            today = zone_.today
            try:
                anniversary = today.replace(year=today.year - age)
            except ValueError:  # 29 February
                anniversary = date(today.year - age, 2, 28)
            birthdate = anniversary - timedelta(days=int(rng.random() * 365))
        area_table = next(t for upto, t in plan.areas if age <= upto)
        area = area_table.pick(rng)
        km_lo, km_hi = plan.area_km[area]
        dist = km_lo + rng.random() * (km_hi - km_lo)
        bearing = rng.random() * 2 * math.pi
        lat = round(city.lat + dist * math.cos(bearing) / 111.32, 4)
        lon = round(city.lon + dist * math.sin(bearing) / (111.32 * math.cos(math.radians(city.lat))), 4)

        persona = plan.personas.pick(rng)
        pp = plan.persona[persona]

        # -- signup -------------------------------------------------------------------------
        # new prospects keep arriving at the rate of the recipe's 30 days, however long the future
        future_signup = (persona == "prospect" and plan.future > 0 and rng.random() < min(
            0.5, float(pp.get("future_signup_share", 0)) * plan.future / (30 * DAY)))
        if future_signup:
            signup = self.local(rng, now + 60, now + plan.future, off)
        else:
            d_lo, d_hi = pp["signup_days"]
            days = d_lo + (d_hi - d_lo) * rng.random() ** float(pp.get("signup_recent_bias", 1))
            signup = now - int(days * DAY) - int(rng.random() * DAY)
            signup = self.local(rng, signup - DAY // 2, signup + DAY // 2, off)
            signup = min(signup, now - 60)
            if persona == "new":
                signup = min(signup, now - 2 * DAY)
            elif persona == "loyal":
                signup = min(signup, now - 100 * DAY)
            elif persona == "lapsing":
                signup = min(signup, now - 200 * DAY)

        # -- contact data and consent -------------------------------------------------------
        f_ascii = _ascii(first) or "kunde"
        l_ascii = _ascii(surname_for_email) or "shop"
        yy = f"{(birthdate.year if birthdate else 1950 + int(rng.random() * 55)) % 100:02d}"
        local_part = _EMAIL_PATTERNS.pick(rng).format(
            f=f_ascii, l=l_ascii, i=f_ascii[0], yy=yy, nn=str(int(rng.random() * 98) + 2))
        domain = market.email_domains.pick(rng)
        email = f"{local_part}@{domain}"
        if email in self.seen:
            # Taken by an earlier customer of this run: the number comes from a generator of its
            # own, so the rest of this customer is the same whether or not the run made that
            # earlier customer (a population chunk made in another process starts mid-way).
            spare = random.Random(self.seed * 4_294_967_296 + index + (1 << 62))
            while email in self.seen:
                email = f"{local_part}{int(spare.random() * 9000) + 10}@{domain}"
        self.seen.add(email)
        phone = (_digits(rng, (city.phones or market.phones).pick(rng)) if rng.random() < plan.phone_known
                 else None)
        consent = {"email": rng.random() < plan.p_email,
                   "sms": phone is not None and rng.random() < plan.p_sms_with_phone,
                   "push": rng.random() < plan.p_push}
        if isinstance(city.postal[0], int):
            p_lo, p_hi = city.postal[0], city.postal[-1]
            postal = str(p_lo + int(rng.random() * (p_hi - p_lo + 1))).zfill(market.postal_width)
        else:
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            postal = (f"{rng.choice(city.postal)} {int(rng.random() * 9) + 1}"
                      f"{rng.choice(letters)}{rng.choice(letters)}")
        interest = plan.categories.pick(rng)
        device = plan.devices.pick(rng)
        source = plan.sources.pick(rng)
        coupon_user = rng.random() < float(pp["coupon_user"])
        club = rng.random() < float(pp["club"])

        events: list[tuple[int, str, dict[str, Any]]] = [(signup, "signup", {"source": source})]
        currency = market.currency
        cur = plan.currencies[currency]
        cid = f"c-{index + 1:06d}"

        # -- order moments, by persona ------------------------------------------------------
        # (moment, basket or None, cart id or None); baskets of recovered carts are the cart's
        specs: list[list[Any]] = []
        if persona == "loyal":
            lo = max(signup + HOUR, now - 363 * DAY)
            last_at = self.local(rng, max(lo, now - int(pp["last_order_within_days"]) * DAY), now - HOUR, off)
            specs.append([last_at, None, None])
            for _ in range(2 + _poisson(rng, float(pp["extra_orders_per_year"]))):
                specs.append([self.local(rng, lo, last_at, off), None, None])
            old_end = now - 367 * DAY
            if signup < old_end:
                years = (old_end - signup) / (365 * DAY)
                for _ in range(_poisson(rng, float(pp["older_orders_per_year"]) * years)):
                    specs.append([self.local(rng, signup + HOUR, old_end, off), None, None])
        elif persona == "new":
            last_at = self.local(rng, max(signup + 600, now - 178 * DAY), now - HOUR, off)
            specs.append([last_at, None, None])
            if rng.random() < float(pp["second_order"]):
                specs.append([self.local(rng, max(signup + 60, now - 363 * DAY), last_at, off), None, None])
            old_end = now - 367 * DAY
            if signup < old_end and rng.random() < float(pp["older_orders"]):
                for _ in range(1 + int(rng.random() * 2)):
                    specs.append([self.local(rng, signup + HOUR, old_end, off), None, None])
        elif persona == "lapsing":
            a, b = pp["last_order_days"]
            last_at = self.local(rng, max(signup + DAY, now - int(b) * DAY), now - int(a) * DAY, off)
            specs.append([last_at, None, None])
            for _ in range(_poisson(rng, float(pp["earlier_orders_mean"]))):
                specs.append([self.local(rng, signup + HOUR, last_at, off), None, None])

        future_end = now + plan.future
        active_from = max(signup, now)  # the first moment of the future at which they exist
        if plan.future > 0:
            if future_signup:  # a first order soon after signing up, or none
                if rng.random() < float(pp.get("future_order_after_future_signup", float(pp["future_order"]))):
                    first_by = min(future_end, active_from + 14 * DAY)
                    specs.append([self.local(rng, active_from + 600, max(first_by, active_from + 601), off),
                                  None, None])
            else:  # `future_order` is the chance of at least one order in 30 days: a Poisson rate
                p30 = min(float(pp["future_order"]), 0.99)
                lam = -math.log(1 - p30) * plan.future / (30 * DAY)
                for _ in range(_poisson(rng, lam)):
                    specs.append([self.local(rng, active_from + 600, future_end, off), None, None])

        carts = plan.carts
        cart_seq = 0

        def basket() -> tuple[list[dict[str, Any]], float]:
            items: list[dict[str, Any]] = []
            seen_skus: set[str] = set()
            for _ in range(plan.items.pick(rng)):
                table = plan.by_category[interest] if rng.random() < plan.interest_share else plan.products
                prod: _Product = table.pick(rng)
                if prod.sku in seen_skus:
                    continue
                seen_skus.add(prod.sku)
                qty = 2 if rng.random() < float(plan.orders["second_unit"]) else 1
                items.append({"sku": prod.sku, "name": prod.name, "category": prod.category,
                              "price": prod.prices[currency], "qty": qty})
            subtotal = round(sum(it["price"] * it["qty"] for it in items), int(cur["decimals"]))
            return items, subtotal

        add_lo, add_hi = (int(m) * 60 for m in carts["added_before_minutes"])

        def added(at: int, items: list[dict[str, Any]]) -> None:
            """The `added_to_cart` events of a cart that was abandoned or ordered at `at`."""
            t = max(signup + 1, at - _between(rng, add_lo, add_hi))
            for it in items:
                events.append((t, "added_to_cart", {"sku": it["sku"], "name": it["name"], "price": it["price"],
                                                    "qty": it["qty"], "currency": currency}))
                t = min(at, t + _between(rng, 20, 180))

        def cart_event(at: int, items: list[dict[str, Any]], value: float) -> str:
            nonlocal cart_seq
            added(at, items)
            cart_seq += 1
            cart_id = f"cart-{index + 1:06d}-{cart_seq}"
            events.append((at, "cart_abandoned", {
                "cart_id": cart_id, "cart_value": value, "currency": currency,
                "items": [dict(it) for it in items], "checkout_step": plan.checkout_steps.pick(rng)}))
            return cart_id

        rec_lo, rec_hi = (int(m) * 60 for m in carts["recover_after_minutes"])
        # carts abandoned in the future: some recovered by an order within hours
        if plan.future > 0:
            for _ in range(_poisson(rng, float(pp["carts_per_30d"]) * plan.future / (30 * DAY))):
                at = self.local(rng, active_from + 60, future_end, off)
                items, value = basket()
                cart_id = cart_event(at, items, value)
                if rng.random() < float(carts["recovered_share"]):
                    specs.append([at + _between(rng, rec_lo, rec_hi), (items, value), cart_id])
        # carts abandoned in the past, never recovered
        cart_from = max(signup + 60, now - int(carts["history_days"]) * DAY)
        if cart_from < now:
            lam = float(pp["carts_per_30d"]) * (now - cart_from) / (30 * DAY)
            for _ in range(_poisson(rng, lam)):
                items, value = basket()
                cart_event(self.local(rng, cart_from, now, off), items, value)

        # -- orders -------------------------------------------------------------------------
        specs = sorted((s for s in specs if s[0] <= future_end), key=lambda s: s[0])
        prev = None
        for s in specs:  # one order per second at most
            if prev is not None and s[0] <= prev:
                s[0] = prev + 1
            prev = s[0]
        orders: list[tuple[int, str, float, str, dict[str, Any]]] = []
        o = plan.orders
        decimals = int(cur["decimals"])
        past_total = 0.0
        session_from = now - plan.session_days * DAY
        cart_past_from = now - int(carts["history_days"]) * DAY
        for k, (at, given, cart_id) in enumerate(specs, 1):
            if given is None:
                items, subtotal = basket()
                # a past order that had first been left in the cart
                if (cart_past_from < at < now and persona in ("loyal", "new")
                        and rng.random() < float(carts["past_order_from_cart"])):
                    cart_at = at - _between(rng, rec_lo, rec_hi)
                    if cart_at > signup:
                        cart_id = cart_event(cart_at, items, subtotal)
                if cart_id is None:
                    added(at, items)
            else:
                items, subtotal = given
            extras: dict[str, Any] = {"items": items, "item_count": sum(it["qty"] for it in items)}
            discount = 0.0
            if coupon_user and rng.random() < float(o["coupon_share_for_coupon_users"]):
                discount = round(subtotal * float(o["coupon_discount_percent"]) / 100, decimals)
                extras["coupon"] = rng.choice(o["coupon_codes"])
                extras["discount"] = discount
            shipping = 0.0 if subtotal - discount >= float(cur["free_shipping_from"]) else float(cur["shipping"])
            total = round(subtotal - discount + shipping, decimals)
            if not decimals:
                total = float(total)
            extras["shipping"] = shipping
            method = market.payments.pick(rng)
            extras["payment_method"] = method
            if cart_id:
                extras["cart_id"] = cart_id
            order_id = f"NL{index + 1:06d}-{k:02d}"
            d_lo, d_hi = o["delivery_days"]
            delivery_days = int(d_lo) + int(rng.random() * (int(d_hi) - int(d_lo) + 1))
            delivered_at = at + delivery_days * DAY + _between(rng, -3 * HOUR, 3 * HOUR)
            extras["delivery_date"] = _iso_date(delivered_at + off)
            if rng.random() < float(o["tracking_share"]):
                tracking = f"NLO{int(rng.random() * 9e9) + 10**9}"
                extras["tracking_number"] = tracking
                events.append((at + DAY // 2 + _between(rng, 0, DAY // 2), "order_shipped",
                               {"order_id": order_id, "tracking_number": tracking}))
                events.append((delivered_at, "order_delivered", {"order_id": order_id}))
            if method == "invoice":
                due = at + int(o["invoice_due_days"]) * DAY
                invoice = f"RE-{order_id[2:]}"
                events.append((at + 120, "payment_due", {
                    "order_id": order_id, "invoice_number": invoice, "amount": total, "currency": currency,
                    "due_date": _iso_date(due + off), "payment_url": f"{plan.website}/pay/{invoice}"}))
                if rng.random() < float(o["invoice_paid_share"]):
                    p_lo, p_hi = o["invoice_paid_after_days"]
                    events.append((at + _between(rng, int(p_lo) * DAY, int(p_hi) * DAY), "payment_received",
                                   {"order_id": order_id, "invoice_number": invoice, "amount": total,
                                    "currency": currency}))
            orders.append((at, order_id, total, currency, extras))
            if at < now:
                past_total += total
            # the visit that led to it: the products looked at shortly before
            if at > session_from:
                start = max(signup + 1, at - _between(rng, 10 * 60, 2 * DAY))
                self.session(rng, events, start, [it for it in items], currency, device)

        # -- visits ---------------------------------------------------------------------------
        rate = float(pp["sessions_per_30d"])
        visit_from = max(signup + 1, session_from)
        if visit_from < now:
            for _ in range(_poisson(rng, rate * (now - visit_from) / (30 * DAY))):
                self.session(rng, events, self.local(rng, visit_from, now, off), None, currency, device,
                             interest)
        if plan.future > 0:
            for _ in range(_poisson(rng, rate * plan.future / (30 * DAY))):
                self.session(rng, events, self.local(rng, active_from + 1, future_end, off), None, currency,
                             device, interest)

        # -- newsletter history and its opens --------------------------------------------------
        target = plan.engagement[persona].pick(rng)
        if consent["email"]:
            events.append((signup + _between(rng, 1, 180), "newsletter_subscribed", {"source": "signup"}))
            self.newsletter(rng, events, zone_, signup, target, market.locale)
            if plan.future > 0:
                lam = float(plan.newsletter["unsubscribe_per_30d"]) * plan.future / (30 * DAY)
                for _ in range(min(1, _poisson(rng, lam))):
                    events.append((self.local(rng, active_from + 3600, future_end, off),
                                   "newsletter_unsubscribed", {}))

        # nothing after the horizon, not even the delivery of the order placed the day before
        events = [e for e in events if e[0] <= future_end]
        events.sort(key=lambda e: e[0])

        tags = []
        tag_names = plan.tags
        if consent["email"] and tag_names.get("newsletter"):
            tags.append(tag_names["newsletter"])
        if club and tag_names.get("club"):
            tags.append(tag_names["club"])
        if persona == "loyal" and past_total >= float(cur["vip_spend"]) and tag_names.get("vip"):
            tags.append(tag_names["vip"])
        if consent["push"] and tag_names.get("app"):
            tags.append(tag_names["app"])

        customer: dict[str, Any] = {"id": cid, "email": email}
        if phone:
            customer["phone"] = phone
        customer["first_name"] = first
        customer["last_name"] = last
        if gender:
            customer["gender"] = gender
        if birthdate is not None:
            customer["birthdate"] = birthdate
        customer.update({
            "city": city.name, "region": city.region, "country": market.country, "postal_code": postal,
            "lat": lat, "lon": lon, "timezone": zone_.name, "locale": market.locale, "signup_at": signup,
            "consent": consent, "tags": tags,
            "properties": {"area": area, "acquisition_source": source, "coupon_user": coupon_user,
                           "favorite_category": interest, "device": device,
                           "street": rng.choice(pools.streets)},
        })
        return _Raw(customer, orders, events)

    def session(self, rng: random.Random, events: list, start: int, items: list[dict[str, Any]] | None,
                currency: str, device: str, interest: str | None = None) -> None:
        """A visit: `site_visit`, then a few `product_viewed` a minute or two apart."""
        plan = self.plan
        if items is None:
            items = []
            for _ in range(plan.views.pick(rng)):
                table = (plan.by_category[interest] if interest and rng.random() < plan.interest_share
                         else plan.products)
                prod: _Product = table.pick(rng)
                items.append({"sku": prod.sku, "name": prod.name, "category": prod.category,
                              "price": prod.prices[currency]})
        t = start
        index = len(events)
        events.append(None)  # filled in once the length is known
        for it in items:
            t += _between(rng, 20, 240)
            events.append((t, "product_viewed", {"sku": it["sku"], "name": it["name"],
                                                 "category": it["category"], "price": it["price"],
                                                 "currency": currency}))
        duration = t - start + _between(rng, 15, 300)
        events[index] = (start, "site_visit", {"duration_s": duration, "pages": len(items) + 1 + int(rng.random() * 3),
                                               "device": device})

    def newsletter(self, rng: random.Random, events: list, zone_: _Zone, signup: int, target: str,
                   locale: str) -> None:
        plan = self.plan
        nl = plan.newsletter
        now = plan.now_ts
        cutoff = zone_.cutoff
        batch = int(nl["batch_minutes"]) * 60
        subjects = plan.subjects.get(locale) or plan.subjects.get("en") or [""]
        old: list[tuple[int, str]] = []
        recent: list[tuple[int, str]] = []
        for ts, campaign, subject_index in zone_.campaigns:
            sent = ts + int(rng.random() * batch)
            if sent <= signup + HOUR or sent >= now:
                continue
            if sent < cutoff - 2 * HOUR:
                old.append((sent, campaign))
            elif sent > cutoff + 2 * HOUR:
                recent.append((sent, campaign))
            else:
                continue  # too close to the window's edge to say on which side it counts
            events.append((sent, "email_sent", {"campaign": campaign,
                                                "subject": subjects[subject_index % len(subjects)]}))
        median = float(nl["open_delay_median_minutes"]) * 60
        click_share = float(nl["click_share"])

        def opened(sent: int, campaign: str, limit: int) -> None:
            delay = int(median * math.exp(rng.gauss(0, 1.1)))
            at = sent + delay
            if at >= limit:
                at = sent + int((limit - 1 - sent) * rng.random())
            events.append((at, "email_opened", {"campaign": campaign}))
            if rng.random() < click_share:
                click = at + _between(rng, 5, 1200)
                if click < limit:
                    events.append((click, "email_clicked", {"campaign": campaign}))

        old_rate = float(nl["old_open_rate"].get(target, 0))
        for sent, campaign in old:
            if rng.random() < old_rate:
                opened(sent, campaign, cutoff - 2 * HOUR)
        s = len(recent)
        if not s:
            return
        if target == "dormant":
            return
        ratio = plan.levels.super_active_ratio
        needed = next(m for m in range(s + 1) if m / s >= ratio)  # the fewest opens that are "super"
        if target == "super_active":
            m = needed + int(rng.random() * (s - needed + 1))
        else:
            m = 1 + int(rng.random() * max(1, needed - 1)) if needed > 1 else 1
            m = min(m, s)
        for j in sorted(rng.sample(range(s), m)):
            opened(recent[j][0], recent[j][1], now)


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _iso_date(ts: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def _utc_now(now: datetime) -> datetime:
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now: an aware datetime is needed (with a time zone), e.g. datetime.now(UTC)")
    return now.astimezone(UTC).replace(microsecond=0)


def _raw_customers(n: int, seed: int, now: datetime, recipe: Mapping[str, Any] | None,
                   future_days: int | None, first: int = 0) -> Iterator[_Raw]:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n: a count of customers (0 or more), not {n!r}")
    if isinstance(first, bool) or not isinstance(first, int) or first < 0:
        raise ValueError(f"first: an index of a customer (0 or more), not {first!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed: an integer, not {seed!r}")
    plan = _Plan(recipe if recipe is not None else load_recipe(), _utc_now(now), future_days)
    builder = _Builder(plan, seed)
    for index in range(first, n):
        yield builder.build(index)


def generate_profiles(n: int, seed: int, now: datetime, *, recipe: Mapping[str, Any] | None = None,
                      future_days: int | None = None, first: int = 0,
                      event_types: Collection[str] | None = None) -> Iterator[Profile]:
    """Demo customers `first` to `n - 1` as Profiles, as `engine.profile.parse_profile` would
    read them.

    `signup_at` is an aware UTC datetime, `birthdate` a date; orders and events are in time
    order. `future_days` (default: the recipe's 30) is how far past `now` their activity goes:
    nothing lies later than now + future_days (0 keeps everything at or before `now`).
    Each customer depends only on (seed, index), so a range can be made in another process.
    `event_types`, when given, keeps only those events: a population run of one journey needs
    few of a customer's ~80, and making the others is a third of the generation's time.
    """
    for raw in _raw_customers(n, seed, now, recipe, future_days, first):
        customer = dict(raw.customer)
        customer["signup_at"] = datetime.fromtimestamp(customer["signup_at"], UTC)
        orders = [Order(oid, datetime.fromtimestamp(ts, UTC), total, cur, extras)
                  for ts, oid, total, cur, extras in raw.orders]
        if event_types is None:
            events = [Event(etype, datetime.fromtimestamp(ts, UTC), props) for ts, etype, props in raw.events]
        else:
            events = [Event(etype, datetime.fromtimestamp(ts, UTC), props) for ts, etype, props in raw.events
                      if etype in event_types]
        yield Profile(customer, orders, events)


def generate_profile_dicts(n: int, seed: int, now: datetime, *, recipe: Mapping[str, Any] | None = None,
                           future_days: int | None = None) -> Iterator[dict[str, Any]]:
    """The same customers as `generate_profiles`, as JSON-able §7 profile dicts (ISO strings)."""
    for raw in _raw_customers(n, seed, now, recipe, future_days):
        customer = dict(raw.customer)
        customer["signup_at"] = _iso(customer["signup_at"])
        if "birthdate" in customer:
            customer["birthdate"] = customer["birthdate"].isoformat()
        yield {
            "customer": customer,
            "orders": [{"id": oid, "placed_at": _iso(ts), "total": total, "currency": cur, **extras}
                       for ts, oid, total, cur, extras in raw.orders],
            "events": [{"type": etype, "at": _iso(ts), "properties": props} for ts, etype, props in raw.events],
        }


def main(argv: list[str] | None = None) -> int:
    """`python -m engine.demo --count 100000`: generates and reports the speed (or writes JSON lines)."""
    parser = argparse.ArgumentParser(prog="python -m engine.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--now", help="ISO 8601 time (default: now)")
    parser.add_argument("--dicts", action="store_true", help="generate profile dicts instead of Profiles")
    parser.add_argument("--out", help="write the profile dicts as JSON lines to this file")
    args = parser.parse_args(argv)
    now = parse_moment(args.now) if args.now else datetime.now(UTC)
    started = time.perf_counter()
    _pools.cache_clear()
    customers = orders = events = 0
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for d in generate_profile_dicts(args.count, args.seed, now):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
                customers += 1
                orders += len(d["orders"])
                events += len(d["events"])
    elif args.dicts:
        for d in generate_profile_dicts(args.count, args.seed, now):
            customers += 1
            orders += len(d["orders"])
            events += len(d["events"])
    else:
        for p in generate_profiles(args.count, args.seed, now):
            customers += 1
            orders += len(p.orders)
            events += len(p.events)
    elapsed = time.perf_counter() - started
    print(f"{customers} customers, {orders} orders, {events} events in {elapsed:.1f} s "
          f"({customers / max(elapsed, 1e-9):,.0f} customers/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
