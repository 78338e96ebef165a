"""A shop's settings turned into the engine's run options — in one place only.

The simulator dock, `simulate --db`, population and backtest runs, the customer calendar,
`journey-builder test` and the sending session must all walk a customer the same way: the
same discount secret (so a code previewed is the code mailed), the same time zone for
customers without one, the same engagement/lifecycle thresholds, the same shop values in
templates and the same unsubscribe links. Each of them used to build `RunOptions` by hand
and each forgot something; now every one of them comes through `run_options` (the database
side, `storage.run_options.shop_run_options`, reads the shop and calls it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from engine.context import Levels
from engine.discounts import DEFAULT_SECRET
from engine.runner import RunOptions
from engine.timeutil import Duration, TimeFormatError, parse_duration

# Settings that are the shop's machinery, not values a message may show.
NOT_FOR_TEMPLATES = frozenset({"engagement", "lifecycle", "smtp", "delivery", "connectors", "discount_secret",
                               "attribution_window"})


def template_values(shop: Mapping[str, Any] | None) -> dict[str, Any]:
    """The shop's settings as templates see them (`{{ shop.name }}`, `{{ shop.address }}`)."""
    return {k: v for k, v in (shop or {}).items() if k not in NOT_FOR_TEMPLATES}


def _days(value: Any, default: int) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    try:
        d = parse_duration(value)
    except TimeFormatError:
        return default
    return max(0, round(d.approx_seconds() / 86400))


def levels_from_settings(engagement: Mapping[str, Any] | None, lifecycle: Mapping[str, Any] | None) -> Levels:
    """The §6 thresholds from the shop's settings (durations like "P90D" as days)."""
    e, lc, d = dict(engagement or {}), dict(lifecycle or {}), Levels()
    try:
        return Levels(
            engagement_days=_days(e.get("window", e.get("engagement_days")), d.engagement_days),
            engagement_min_sent=int(e.get("min_sent", e.get("engagement_min_sent", d.engagement_min_sent))),
            super_active_ratio=float(e.get("super_active_ratio", d.super_active_ratio)),
            lapsing_days=_days(lc.get("lapsing_after", lc.get("lapsing_days")), d.lapsing_days),
            loyal_orders=int(lc.get("loyal_orders", d.loyal_orders)),
            loyal_days=_days(lc.get("loyal_window", lc.get("loyal_days")), d.loyal_days),
        )
    except (TypeError, ValueError):  # a hand-edited setting that is not a number: the defaults
        return d


def shop_caps(shop: Mapping[str, Any] | None) -> dict[str, tuple[tuple[int, Duration], ...]]:
    """The shop's caps across journeys per channel, from `delivery.caps` in its settings:
    {"email": [{"max": 1, "per": "P1D"}, {"max": 3, "per": "P7D"}]} (stored checked)."""
    caps = ((shop or {}).get("delivery") or {}).get("caps") or {}
    out: dict[str, tuple[tuple[int, Duration], ...]] = {}
    for channel, rules in caps.items():
        try:
            parsed = tuple((int(r["max"]), parse_duration(r["per"])) for r in rules)
        except (TypeError, ValueError, KeyError):
            continue
        if parsed:
            out[channel] = parsed
    return out


def run_options(shop: Mapping[str, Any] | None = None, *, secret: str | None = None, seed: int = 0,
                render: bool = True, discount_codes: bool = True, explain: bool = True,
                unsubscribe_url: Callable[[str, str], str] | None = None) -> RunOptions:
    """The engine's options for walking customers of `shop` (its settings, as
    `storage.shop_repo.settings_dict` gives them; None for no shop: UTC, default levels, the
    preview secret). The other arguments are how this run is used, not what the shop says."""
    settings = dict(shop or {})
    return RunOptions(
        seed=seed, secret=secret or DEFAULT_SECRET, render=render, discount_codes=discount_codes,
        shop=template_values(settings) or None, default_tz=settings.get("timezone") or None,
        levels=levels_from_settings(settings.get("engagement"), settings.get("lifecycle")),
        unsubscribe_url=unsubscribe_url, explain=explain, shop_caps=shop_caps(settings))


__all__ = ["NOT_FOR_TEMPLATES", "levels_from_settings", "run_options", "shop_caps", "template_values"]
