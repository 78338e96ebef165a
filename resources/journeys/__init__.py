"""The template gallery: ready `journey-builder/1` journeys for the scenarios of a small shop.

Each JSON file here is one scenario of `spec/scenarios.md`, named `NN-short-name.json` after its
scenario number. Its `description` cites the seed articles it was written from
(`seeds/NNN_….txt`). The files are read with `importlib.resources`, so the gallery works from a
source checkout and from an installed wheel alike.

The English files sit here; `de/`, `ru/` and `es/` hold the same ten journeys written for shop
owners and customers of those languages: the same ids, structure, durations and configs, with
names, labels and messages in the language (money and dates go through the `money`/`date`
filters, so Babel formats them in each customer's locale). A language without a folder, or a
file missing from one, falls back to English.

Public API: `gallery(language)`, `GalleryEntry`, `load_template()`, `LANGUAGES`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["LANGUAGES", "GalleryEntry", "gallery", "load_template"]

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "de", "ru", "es")

_FILE_RE = re.compile(r"^(\d{2})-[a-z0-9-]+\.json$")
_ARTICLE_RE = re.compile(r"seeds/[0-9]{3}_[0-9a-f]+\.txt")


@dataclass(frozen=True)
class GalleryEntry:
    file_name: str  # "04-abandoned-cart-advanced.json"
    name: str  # the journey's name
    scenario: int  # its number in spec/scenarios.md
    articles: tuple[str, ...]  # the seed articles it comes from, e.g. ("seeds/004_….txt",)
    description: str
    language: str = DEFAULT_LANGUAGE  # the folder it was read from ("en" is this one)

    def data(self) -> dict[str, Any]:
        """A fresh copy of the file's JSON (safe to change, e.g. before importing it)."""
        return json.loads(_folder(self.language).joinpath(self.file_name).read_text(encoding="utf-8"))

    def journey(self):
        """The file as a validated `engine.model.Journey` (raises JourneyError if it is not valid)."""
        from engine.fileformat import journey_from_dict

        folder = "" if self.language == DEFAULT_LANGUAGE else f"{self.language}/"
        return journey_from_dict(self.data(), f"resources/journeys/{folder}{self.file_name}")


def _package():
    return resources.files(__name__)


def _folder(language: str):
    return _package() if language == DEFAULT_LANGUAGE else _package().joinpath(language)


def _scan(language: str) -> dict[str, GalleryEntry]:
    folder = _folder(language)
    if not folder.is_dir():
        return {}
    entries = {}
    for item in folder.iterdir():
        match = _FILE_RE.match(item.name)
        if not match or not item.is_file():
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        description = data.get("description", "")
        articles = tuple(dict.fromkeys(_ARTICLE_RE.findall(description)))
        entries[item.name] = GalleryEntry(item.name, data["name"], int(match.group(1)), articles, description,
                                          language)
    return entries


@lru_cache(maxsize=len(LANGUAGES) + 1)
def _entries(language: str = DEFAULT_LANGUAGE) -> tuple[GalleryEntry, ...]:
    """The English set, each file replaced by the language's own where it has one."""
    entries = _scan(DEFAULT_LANGUAGE)
    if language != DEFAULT_LANGUAGE:
        entries.update({name: entry for name, entry in _scan(language).items() if name in entries})
    return tuple(sorted(entries.values(), key=lambda e: (e.scenario, e.file_name)))


def gallery(language: str = DEFAULT_LANGUAGE) -> list[GalleryEntry]:
    """Every template in scenario order, in `language` ("en", "de", "ru", "es"; others get English)."""
    return list(_entries(language if language in LANGUAGES else DEFAULT_LANGUAGE))


def load_template(file_name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The JSON of one template by file name (`KeyError` if there is no such template)."""
    for entry in gallery(language):
        if entry.file_name == file_name:
            return entry.data()
    raise KeyError(file_name)
