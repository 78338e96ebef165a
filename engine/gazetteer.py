"""Places by name, offline: about 34,000 cities of at least 15,000 people from GeoNames
(`resources/gazetteer/cities.tsv.gz`, CC BY 4.0, see its ATTRIBUTION), each under its own
name and the other names it is written with in Latin or Cyrillic script ("München", "Munich",
"Мюнхен").

Radius rules ("within 30 km of Kiel") are picked by place rather than typed as coordinates,
and a customer list that has a city but no coordinates is placed by its city. Postcodes are
not in the file: the app places a postcode by the shop's own customers who have it
(`storage.customers_repo.postcode_places`). The file is read once per process, on first use.
"""

from __future__ import annotations

import gzip
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-2
    lat: float
    lon: float
    population: int = 0
    kind: str = "city"  # or "postcode"

    @property
    def label(self) -> str:
        """How a rule names it: "Kiel, DE"."""
        return f"{self.name}, {self.country}" if self.country else self.name


def key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


@lru_cache(maxsize=1)
def _sorted_names() -> list[str]:
    """Every written name in order, so the names starting with what is typed are one slice."""
    return sorted(_index()[1])


@lru_cache(maxsize=1)
def _index() -> tuple[tuple[Place, ...], dict[str, tuple[int, ...]]]:
    """The places, biggest first, and every written name -> the places it names."""
    text = resources.files("resources.gazetteer").joinpath("cities.tsv.gz").read_bytes()
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    for line in gzip.decompress(text).decode("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 5:
            continue
        index = len(places)
        places.append(Place(parts[0], parts[1], float(parts[2]), float(parts[3]), int(parts[4])))
        for name in dict.fromkeys(key(n) for n in (parts[0], *parts[5:])):
            names.setdefault(name, []).append(index)
    return tuple(places), {k: tuple(v) for k, v in names.items()}


def find_places(text: str, country: str | None = None, limit: int = 10) -> list[Place]:
    """Cities whose name is `text`, then those whose name starts with it; the biggest first."""
    wanted = key(text)
    if len(wanted) < 2:
        return []
    places, names = _index()
    country = (country or "").upper() or None
    exact = list(names.get(wanted, ()))
    ordered = _sorted_names()
    starting_names = []
    for name in ordered[bisect_left(ordered, wanted):]:
        if not name.startswith(wanted):
            break
        starting_names.append(name)
    starting = sorted({i for name in starting_names if name != wanted for i in names[name]} - set(exact))
    out: list[Place] = []
    for i in [*exact, *starting]:
        place = places[i]
        if (country is None or place.country == country) and place not in out:
            out.append(place)
        if len(out) >= limit:
            break
    return out


def city_location(city: str, country: str | None = None) -> tuple[float, float] | None:
    """The coordinates of the biggest city of that name (in that country, when given)."""
    places, names = _index()
    country = (country or "").upper() or None
    for i in names.get(key(city), ()):
        if country is None or places[i].country == country:
            return places[i].lat, places[i].lon
    return None
