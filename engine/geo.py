"""Distances for `within_km`, and coordinates of the cities our first shops sell to.

Most shop exports carry a city but no coordinates; knowing the larger cities of our four
markets lets "within 50 km of Munich" work on an ordinary customer list.
"""

from __future__ import annotations

import math
import unicodedata

EARTH_RADIUS_KM = 6371.0088

_CITIES: dict[str, tuple[float, float]] = {
    # Germany, Austria, Switzerland
    "berlin": (52.5200, 13.4050), "hamburg": (53.5511, 9.9937), "münchen": (48.1351, 11.5820),
    "munich": (48.1351, 11.5820), "köln": (50.9375, 6.9603), "cologne": (50.9375, 6.9603),
    "frankfurt am main": (50.1109, 8.6821), "frankfurt": (50.1109, 8.6821),
    "stuttgart": (48.7758, 9.1829), "düsseldorf": (51.2277, 6.7735), "leipzig": (51.3397, 12.3731),
    "dortmund": (51.5136, 7.4653), "essen": (51.4556, 7.0116), "bremen": (53.0793, 8.8017),
    "dresden": (51.0504, 13.7373), "hannover": (52.3759, 9.7320), "nürnberg": (49.4521, 11.0767),
    "bonn": (50.7374, 7.0982), "potsdam": (52.3906, 13.0645), "wien": (48.2082, 16.3738),
    "vienna": (48.2082, 16.3738), "zürich": (47.3769, 8.5417), "zurich": (47.3769, 8.5417),
    # Spain and Latin America
    "madrid": (40.4168, -3.7038), "barcelona": (41.3874, 2.1686), "valencia": (39.4699, -0.3763),
    "sevilla": (37.3891, -5.9845), "seville": (37.3891, -5.9845), "zaragoza": (41.6488, -0.8891),
    "málaga": (36.7213, -4.4214), "bilbao": (43.2630, -2.9350), "alicante": (38.3452, -0.4810),
    "granada": (37.1773, -3.5986), "palma": (39.5696, 2.6502), "méxico": (19.4326, -99.1332),
    "ciudad de méxico": (19.4326, -99.1332), "buenos aires": (-34.6037, -58.3816),
    "bogotá": (4.7110, -74.0721), "lima": (-12.0464, -77.0428), "santiago": (-33.4489, -70.6693),
    # Russia and neighbours
    "москва": (55.7558, 37.6173), "moscow": (55.7558, 37.6173), "санкт-петербург": (59.9311, 30.3609),
    "saint petersburg": (59.9311, 30.3609), "новосибирск": (55.0084, 82.9357),
    "екатеринбург": (56.8389, 60.6057), "казань": (55.7961, 49.1064), "нижний новгород": (56.2965, 43.9361),
    "самара": (53.1959, 50.1002), "ростов-на-дону": (47.2357, 39.7015), "краснодар": (45.0355, 38.9753),
    "воронеж": (51.6720, 39.1843), "пермь": (58.0105, 56.2502), "минск": (53.9006, 27.5590),
    "алматы": (43.2220, 76.8512),
    # English-speaking and other large markets
    "london": (51.5072, -0.1276), "manchester": (53.4808, -2.2426), "dublin": (53.3498, -6.2603),
    "new york": (40.7128, -74.0060), "los angeles": (34.0522, -118.2437), "chicago": (41.8781, -87.6298),
    "toronto": (43.6532, -79.3832), "sydney": (-33.8688, 151.2093), "paris": (48.8566, 2.3522),
    "amsterdam": (52.3676, 4.9041), "rome": (41.9028, 12.4964), "roma": (41.9028, 12.4964),
    "milano": (45.4642, 9.1900), "lisboa": (38.7223, -9.1393), "warszawa": (52.2297, 21.0122),
    "praha": (50.0755, 14.4378),
}


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def city_coordinates(city: str, country: str | None = None) -> tuple[float, float] | None:
    return _CITIES.get(_key(city))


def known_cities() -> list[str]:
    return sorted(_CITIES)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine): plenty for 'within 30 km of a city'."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
