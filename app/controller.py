"""The window's bridge to the shop database: every read and write the GUI makes goes through here.

Widgets never see SQL or `storage` (the layering rule); they get plain data from this class and
send requests back as signals that the main window turns into calls here. Each method is one
short transaction, so a headless sending session using the same file is never blocked for long.
Errors come out as `ShopError` with a sentence a user can act on, never a SQLAlchemy traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from engine.fileformat import FileProblem, journey_from_dict, read_json_file, save_journey
from engine.journey_tests import read_tests
from engine.model import Journey
from engine.problems import JourneyError
from resources.journeys import gallery
from storage import (
    DatabaseProblem,
    StorageError,
    journey_tests_repo,
    journeys_repo,
    open_database,
    profiles_repo,
    segments_repo,
    shop_repo,
)
from storage.customers_repo import count_customers
from storage.demo_seed import seed_demo_shop
from storage.journeys_repo import JourneySummary, SavedVersion
from storage.models import CustomerRow, OrderRow
from widgets.translate import QT_TRANSLATE_NOOP

__all__ = ["DEMO_CUSTOMERS", "DatabaseProblem", "ShopController", "ShopError", "template_journey",
           "user_description"]

# How many customers the first start writes; tests lower it so a run takes a second, not seven.
DEMO_CUSTOMERS = 3000


# The first sentence of a template's description: "Scenario N (…), from … seeds/….txt (…)."
# It stays English in every language's gallery; what follows may start with a Cyrillic capital.
_SOURCE_SENTENCE = re.compile(r"^Scenario \d+.*?\.\s+(?=[A-Z0-9А-ЯЁ])", re.DOTALL)


def user_description(description: str) -> str:
    """A template's description without its provenance (scenario number, seed article files),
    which matters to the people who wrote it and not to a shop owner reading it."""
    text = _SOURCE_SENTENCE.sub("", description, count=1)
    if "seeds/" in text:  # not the expected shape: show it whole rather than cut it wrongly
        text = description
    return text.replace("->", "→").strip()


def template_journey(entry: Any) -> Journey:
    """A gallery entry as the shop gets it: the journey with its user-facing description."""
    journey = entry.journey()
    journey.description = user_description(journey.description)
    return journey


class ShopError(Exception):
    """A request the database refused or could not do; the message is shown to the user as is."""


@dataclass(frozen=True)
class FirstStartReport:
    customers: int
    templates: int


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0]


class ShopController(QObject):
    """Owns the open database for the window's lifetime.

    `journeysChanged` fires after anything that changes the journey list (a save that renames,
    an import, a delete), so the library refreshes from one place instead of after each call.
    """

    journeysChanged = Signal()

    def __init__(self, db_path: str | os.PathLike[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # DatabaseProblem propagates on purpose: the caller shows it and exits, nothing written.
        self.db = open_database(db_path)
        self._segments: list[str] | None = None
        self._sample: dict[str, Any] | None | bool = False  # False: not looked up yet

    @property
    def path(self) -> Path | None:
        """The shop's SQLite file; None for a database on a PostgreSQL server."""
        return self.db.path

    @property
    def location(self) -> str:
        """Where the shop database is, for the user: the file, or the server's URL (no password)."""
        return self.db.location

    @property
    def short_name(self) -> str:
        """The file's name, or the database's name on its server."""
        return self.db.path.name if self.db.path is not None else self.db.location.rsplit("/", 1)[-1]

    def close(self) -> None:
        self.db.close()

    # First start ---------------------------------------------------------------------------

    def is_first_start(self) -> bool:
        """An empty shop (no journeys, no customers): only then may demo data go in."""
        with self._reading(QT_TRANSLATE_NOOP("ShopController", "look at the shop")) as session:
            return not journeys_repo.list_journeys(session) and count_customers(session) == 0

    def first_start(self, customers: int | None = None, *, now: datetime | None = None,
                    language: str = "en") -> FirstStartReport:
        """Seeds the demo shop and adds the ten gallery templates as drafts, so a new user sees a
        real shop at once, with the templates in `language` (the UI's). Safe to call from a
        worker thread: it touches no Qt object."""
        try:
            written = seed_demo_shop(self.db, n=customers or DEMO_CUSTOMERS, now=now).customers
            with self.db.transaction() as session:
                existing = {s.name for s in journeys_repo.list_journeys(session)}
                count = 0
                for entry in gallery(language):
                    if entry.name not in existing:
                        saved = journeys_repo.save_draft(session, template_journey(entry))
                        # The walk-through customers ship with the template: the simulator's
                        # tests panel has them, and `journey-builder test NAME` replays them.
                        journey_tests_repo.save_tests(session, saved.journey_id, read_tests(entry.data()))
                        count += 1
        except (SQLAlchemyError, StorageError) as exc:
            raise ShopError(self.tr("Could not set up the demo shop in {path}: {reason}")
                            .format(path=self.location, reason=_reason(exc))) from exc
        self._segments = None
        self._sample = False
        return FirstStartReport(written, count)

    # Reading -------------------------------------------------------------------------------

    def list_journeys(self) -> list[JourneySummary]:
        with self._reading(QT_TRANSLATE_NOOP("ShopController", "list the journeys")) as session:
            return journeys_repo.list_journeys(session)

    def names(self) -> set[str]:
        return {s.name for s in self.list_journeys()}

    def summary(self, name: str) -> JourneySummary | None:
        return next((s for s in self.list_journeys() if s.name == name), None)

    def open(self, name: str) -> Journey:
        """The journey as the editor shows it: its draft when it has one, else its live version."""
        with self._reading(QT_TRANSLATE_NOOP("ShopController", "open the journey")) as session:
            return journeys_repo.load_journey(session, name)

    def journey_id(self, name: str) -> int:
        summary = self.summary(name)
        if summary is None:
            raise ShopError(self.tr("There is no journey named “{name}”.").format(name=name))
        return summary.id

    def shop_segments(self) -> list[str]:
        """Names the validator accepts besides the journey's own; cached, segments rarely change."""
        if self._segments is None:
            with self._reading(QT_TRANSLATE_NOOP("ShopController", "read the segments")) as session:
                self._segments = [row.name for row in segments_repo.list_segments(session)]
        return list(self._segments)

    def shop_name(self) -> str:
        with self._reading(QT_TRANSLATE_NOOP("ShopController", "read the shop settings")) as session:
            return str(shop_repo.settings_dict(session).get("name") or "")

    def shop_settings(self) -> dict[str, Any]:
        """The shop as messages see it (name, address, website, email design; no secrets)."""
        from engine.shop_options import template_values

        with self._reading(QT_TRANSLATE_NOOP("ShopController", "read the shop settings")) as session:
            return template_values(shop_repo.settings_dict(session))

    def sample_customer(self) -> dict[str, Any] | None:
        """A real customer with some history, so the inspector previews a message as it would go
        out: consent to email, and the most orders among the first customers (stable per shop)."""
        if self._sample is not False:
            return self._sample  # type: ignore[return-value]
        with self._reading(QT_TRANSLATE_NOOP("ShopController", "read a sample customer")) as session:
            orders = func.count(OrderRow.id)
            row = session.execute(
                select(CustomerRow.id, orders).join(OrderRow, OrderRow.customer_id == CustomerRow.id)
                .where(CustomerRow.consent_email.is_(True), CustomerRow.first_name.is_not(None))
                .group_by(CustomerRow.id).order_by(orders.desc(), CustomerRow.id).limit(1)).first()
            if row is None:
                row = session.execute(select(CustomerRow.id).order_by(CustomerRow.id).limit(1)).first()
            self._sample = profiles_repo.customer_profile(session, row[0]) if row is not None else None
        return self._sample

    # Writing -------------------------------------------------------------------------------

    def save(self, journey: Journey, journey_id: int | None = None) -> SavedVersion:
        """Stores the editor's journey as the draft; a live journey gets a new draft version, so
        customers already inside keep the graph they entered. With `journey_id` a name changed
        in the editor renames the stored journey."""
        saved = self._writing(QT_TRANSLATE_NOOP("ShopController", "save the journey"), lambda s: journeys_repo.save_draft(s, journey, journey_id=journey_id))
        self.journeysChanged.emit()
        return saved

    def create(self, journey: Journey) -> str:
        """A new journey (from the gallery or blank) under a free name; returns that name."""
        journey.name = self.unique_name(journey.name)
        self._writing(QT_TRANSLATE_NOOP("ShopController", "create the journey"), lambda s: journeys_repo.save_draft(s, journey))
        self.journeysChanged.emit()
        return journey.name

    def rename(self, name: str, new_name: str) -> None:
        new_name = new_name.strip()
        self._writing(QT_TRANSLATE_NOOP("ShopController", "rename the journey"), lambda s: journeys_repo.rename_journey(s, name, new_name))
        self.journeysChanged.emit()

    def duplicate(self, name: str, new_name: str | None = None) -> str:
        """A draft copy of the journey's latest version under a free name ("… (copy)")."""
        journey = self.open(name)
        journey.name = self.unique_name(new_name or self.tr("{name} (copy)").format(name=name))
        self._writing(QT_TRANSLATE_NOOP("ShopController", "duplicate the journey"), lambda s: journeys_repo.save_draft(s, journey))
        self.journeysChanged.emit()
        return journey.name

    def delete(self, name: str) -> None:
        self._writing(QT_TRANSLATE_NOOP("ShopController", "delete the journey"), lambda s: journeys_repo.delete_journey(s, name))
        self.journeysChanged.emit()

    def publish(self, name: str) -> SavedVersion:
        saved = self._writing(QT_TRANSLATE_NOOP("ShopController", "publish the journey"), lambda s: journeys_repo.publish(s, name))
        self.journeysChanged.emit()
        return saved

    def unique_name(self, wanted: str) -> str:
        """`wanted` if free, else `wanted (2)`, `(3)`, …: never overwrite a journey by accident."""
        wanted = wanted.strip() or self.tr("Untitled journey")
        taken = self.names()
        if wanted not in taken:
            return wanted
        base = re.sub(r" \(\d+\)$", "", wanted)
        n = 2
        while f"{base} ({n})" in taken:
            n += 1
        return f"{base} ({n})"

    # Files ---------------------------------------------------------------------------------

    def read_json(self, path: str | os.PathLike[str]) -> Journey:
        """A journey file, checked whole; the error names the file and the first problem."""
        try:
            return journey_from_dict(read_json_file(path, "journey file"), str(path))
        except FileProblem as exc:
            raise ShopError(str(exc)) from exc
        except JourneyError as exc:
            raise ShopError(self.tr("{path} is not a journey this app can use: {problem}")
                            .format(path=path, problem=str(exc).removeprefix(f"{path}: "))) from exc

    def import_json(self, path: str | os.PathLike[str], *, replace: bool = False) -> str:
        """Stores the file as a draft and returns the journey's name. A name already in use gets a
        free one ("… (2)") unless `replace`, which saves the file as that journey's new draft."""
        journey = self.read_json(path)
        if not replace:
            journey.name = self.unique_name(journey.name)
        self._writing(QT_TRANSLATE_NOOP("ShopController", "import the journey"), lambda s: journeys_repo.save_draft(s, journey))
        self.journeysChanged.emit()
        return journey.name

    def export_json(self, name: str, path: str | os.PathLike[str], journey: Journey | None = None) -> None:
        """Writes the stored journey (or the editor's copy, when given) as a `journey-builder/1` file."""
        journey = journey if journey is not None else self.open(name)
        try:
            save_journey(journey, Path(path))
        except OSError as exc:
            raise ShopError(self.tr("Could not write {path}: {reason}")
                            .format(path=path, reason=exc.strerror or exc)) from exc

    # Transactions --------------------------------------------------------------------------

    def _reading(self, what: str):
        return _Guard(self, what, self.db.read())

    def _writing(self, what: str, work: Callable[[Any], Any]) -> Any:
        try:
            with self.db.transaction() as session:
                return work(session)
        except StorageError as exc:
            raise ShopError(_sentence(str(exc))) from exc
        except SQLAlchemyError as exc:
            raise ShopError(self.tr("Could not {what} in {path}: {reason}")
                            .format(what=self.tr(what), path=self.location, reason=_reason(exc))) from exc


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


class _Guard:
    """A read session whose database errors come out as ShopError naming what was being done."""

    def __init__(self, owner: ShopController, what: str, inner: Any) -> None:
        self.owner, self.what, self.inner = owner, what, inner

    def __enter__(self) -> Any:
        try:
            return self.inner.__enter__()
        except SQLAlchemyError as exc:
            raise self._error(exc) from exc

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> Literal[False]:
        self.inner.__exit__(exc_type, exc, tb)
        if isinstance(exc, StorageError):
            raise ShopError(_sentence(str(exc))) from exc
        if isinstance(exc, SQLAlchemyError):
            raise self._error(exc) from exc
        return False

    def _error(self, exc: BaseException) -> ShopError:
        return ShopError(QCoreApplication.translate("ShopController", "Could not {what} in {path}: {reason}")
                         .format(what=QCoreApplication.translate("ShopController", self.what), path=self.owner.location, reason=_reason(exc)))
