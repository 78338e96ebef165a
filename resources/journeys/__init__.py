"""The template gallery: ready `journey-builder/1` journeys for the scenarios of a small shop.

Each JSON file here is one scenario of `spec/scenarios.md`, named `NN-short-name.json` after its
scenario number. Its `description` cites the seed articles it was written from
(`seeds/NNN_….txt`). The files are read with `importlib.resources`, so the gallery works from a
source checkout and from an installed wheel alike.

Public API: `gallery()`, `GalleryEntry`, `load_template()`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["GalleryEntry", "gallery", "load_template"]

_FILE_RE = re.compile(r"^(\d{2})-[a-z0-9-]+\.json$")
_ARTICLE_RE = re.compile(r"seeds/[0-9]{3}_[0-9a-f]+\.txt")


@dataclass(frozen=True)
class GalleryEntry:
    file_name: str  # "04-abandoned-cart-advanced.json"
    name: str  # the journey's name
    scenario: int  # its number in spec/scenarios.md
    articles: tuple[str, ...]  # the seed articles it comes from, e.g. ("seeds/004_….txt",)
    description: str

    def data(self) -> dict[str, Any]:
        """A fresh copy of the file's JSON (safe to change, e.g. before importing it)."""
        return json.loads(_read_text(self.file_name))

    def journey(self):
        """The file as a validated `engine.model.Journey` (raises JourneyError if it is not valid)."""
        from engine.fileformat import journey_from_dict

        return journey_from_dict(self.data(), f"resources/journeys/{self.file_name}")


def _package():
    return resources.files(__name__)


def _read_text(file_name: str) -> str:
    return _package().joinpath(file_name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _entries() -> tuple[GalleryEntry, ...]:
    entries = []
    for item in _package().iterdir():
        match = _FILE_RE.match(item.name)
        if not match or not item.is_file():
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        description = data.get("description", "")
        articles = tuple(dict.fromkeys(_ARTICLE_RE.findall(description)))
        entries.append(GalleryEntry(item.name, data["name"], int(match.group(1)), articles, description))
    entries.sort(key=lambda e: (e.scenario, e.file_name))
    return tuple(entries)


def gallery() -> list[GalleryEntry]:
    """Every template, in scenario order."""
    return list(_entries())


def load_template(file_name: str) -> dict[str, Any]:
    """The JSON of one template by file name (`KeyError` if there is no such template)."""
    for entry in _entries():
        if entry.file_name == file_name:
            return entry.data()
    raise KeyError(file_name)
