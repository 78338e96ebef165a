"""The segments every shop starts with (scenarios: "segments the shop needs out of the box").

Demographic, behavioural, engagement and lifecycle segments as plain rules of spec §3, so a
new shop database gets them ready to use and to tune. The names of the engagement and
lifecycle segments, and of the behavioural ones the demo shop also has, are the demo shop's,
so seeding the demo shop and seeding the built-ins never make two segments of one meaning.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from engine.geo import city_coordinates

GROUPS = ("demographic", "behavioural", "engagement", "lifecycle")
DEFAULT_POINT = {"city": "Berlin", "lat": 52.52, "lon": 13.405}
NEAR_KM = 30

_SEGMENTS: list[tuple[str, str, str, dict[str, Any]]] = [
    # demographic
    ("age_18_29", "demographic", "Aged 18 to 29",
     {"field": "customer.age", "op": "between", "value": [18, 29]}),
    ("age_30_44", "demographic", "Aged 30 to 44",
     {"field": "customer.age", "op": "between", "value": [30, 44]}),
    ("age_45_59", "demographic", "Aged 45 to 59",
     {"field": "customer.age", "op": "between", "value": [45, 59]}),
    ("seniors", "demographic", "50 and over", {"field": "customer.age", "op": ">=", "value": 50}),
    ("women", "demographic", "Gender is female", {"field": "customer.gender", "op": "=", "value": "female"}),
    ("men", "demographic", "Gender is male", {"field": "customer.gender", "op": "=", "value": "male"}),
    ("near_the_shop", "demographic", "Within 30 km of the shop's city",
     {"field": "customer.location", "op": "within_km", "value": {"lat": 52.52, "lon": 13.405, "km": NEAR_KM}}),
    # behavioural
    ("buyers", "behavioural", "Ordered at least once", {"field": "orders.count", "op": ">=", "value": 1}),
    ("repeat_buyers", "behavioural", "Ordered twice or more", {"field": "orders.count", "op": ">=", "value": 2}),
    ("regulars", "behavioural", "Ordered in the last 6 months",
     {"field": "orders.count", "window": "P180D", "op": ">=", "value": 1}),
    ("big_baskets", "behavioural", "Average order value of 150 or more",
     {"field": "orders.avg_value", "op": ">=", "value": 150}),
    ("frequent_visitors", "behavioural", "Visited the shop 4 or more times in the last 30 days",
     {"field": "events.count", "event": "site_visit", "window": "P30D", "op": ">=", "value": 4}),
    ("browsers", "behavioural", "Viewed 5 or more products in the last 30 days",
     {"field": "events.count", "event": "product_viewed", "window": "P30D", "op": ">=", "value": 5}),
    ("cart_abandoners", "behavioural", "Abandoned a cart in the last 30 days",
     {"field": "events.count", "event": "cart_abandoned", "window": "P30D", "op": ">=", "value": 1}),
    ("checkout_dropouts", "behavioural", "Started checkout in the last 30 days but did not order since",
     {"all": [{"field": "events.count", "event": "checkout_started", "window": "P30D", "op": ">=", "value": 1},
              {"field": "orders.count", "window": "P30D", "op": "=", "value": 0}]}),
    # engagement (spec §6)
    ("super_active", "engagement", "Opened at least 80 % of the emails of the last 90 days",
     {"field": "engagement.level", "op": "=", "value": "super_active"}),
    ("moderate_openers", "engagement", "Open some emails, not most",
     {"field": "engagement.level", "op": "=", "value": "moderate"}),
    ("dormant", "engagement", "Opened none of at least 3 emails in the last 90 days",
     {"field": "engagement.level", "op": "=", "value": "dormant"}),
    # lifecycle (spec §6)
    ("prospects", "lifecycle", "Registered, never ordered",
     {"field": "lifecycle.stage", "op": "=", "value": "prospect"}),
    ("new_customers", "lifecycle", "Ordered recently, fewer than 3 orders in a year",
     {"field": "lifecycle.stage", "op": "=", "value": "new"}),
    ("loyal", "lifecycle", "3 or more orders in the last 365 days",
     {"field": "lifecycle.stage", "op": "=", "value": "loyal"}),
    ("lapsing", "lifecycle", "Last order more than 180 days ago",
     {"field": "lifecycle.stage", "op": "=", "value": "lapsing"}),
]


def shop_point(address: str | None) -> dict[str, Any]:
    """The coordinates of the city in a shop's address ("Große Elbstraße 145, 22767 Hamburg")."""
    for part in reversed(re.split(r"[,\n]", address or "")):
        words = re.sub(r"\d+", " ", part).split()
        for start in range(len(words)):
            name = " ".join(words[start:])
            point = city_coordinates(name) if name else None
            if point is not None:
                return {"city": name, "lat": point[0], "lon": point[1]}
    return dict(DEFAULT_POINT)


def builtin_segments(shop_address: str | None = None) -> dict[str, dict[str, Any]]:
    """name → {"rule", "description", "group"}; "near the shop" is around the shop's own city."""
    point = shop_point(shop_address)
    out: dict[str, dict[str, Any]] = {}
    for name, group, description, rule in _SEGMENTS:
        rule = copy.deepcopy(rule)
        if name == "near_the_shop":
            rule["value"] = {"lat": point["lat"], "lon": point["lon"], "km": NEAR_KM}
            description = f"Within {NEAR_KM} km of {point['city']}"
        out[name] = {"rule": rule, "description": description, "group": group}
    return out


def group_of(name: str) -> str | None:
    return next((g for n, g, _, _ in _SEGMENTS if n == name), None)
