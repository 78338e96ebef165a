"""App glue of the simulator: shop customers and profiles in, journey tests out to the database.

Widgets never see SQL (the layering rule), so this object answers the panel's questions from
the shop database and saves what it hands back. Tests are stored by journey id, so a rename in
the editor keeps them; they also travel in an exported journey file under `"tests"`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy.exc import SQLAlchemyError

from engine.fileformat import FileProblem, journey_to_dict, read_json_file
from engine.journey_tests import JourneyTest, JourneyTestError, read_tests, with_tests
from engine.model import Journey
from engine.profile import Profile, ProfileError, parse_profile
from storage import journey_tests_repo, profiles_repo, segments_repo, shop_repo
from storage.customers_repo import list_customers
from storage.database import Database
from storage.errors import StorageError
from storage.run_options import shop_run_options
from widgets.canvas import JourneyView
from widgets.simulator import SimulatorPanel
from widgets.simulator.panel import preview_unsubscribe_url

CUSTOMER_LIMIT = 2000


class SimulationPages(QObject):
    """Connects one `SimulatorPanel` to the shop database `db` (the controller's `.db`)."""

    def __init__(self, db: Database, panel: SimulatorPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.journey_id: int | None = None
        panel.set_profile_provider(self.customer_profile)
        panel.testsChanged.connect(self.save_tests)

    # -- what the window calls -------------------------------------------------------------
    def refresh_shop(self) -> None:
        """Shop settings, segments and the customer list (at start and after an import)."""
        try:
            with self.db.read() as session:
                settings = shop_repo.settings_dict(session)
                options = shop_run_options(session, unsubscribe_url=preview_unsubscribe_url)
                segments = segments_repo.segment_rules(session)
                rows = list_customers(session, limit=CUSTOMER_LIMIT)
                customers = [(row.id, self._display_name(row)) for row in rows]
        except (SQLAlchemyError, StorageError) as exc:
            self.panel.show_message(self.tr("Could not read the shop: {reason}").format(reason=_reason(exc)), True)
            return
        self.panel.set_shop(settings, segments, options)
        self.panel.set_customers(customers)

    def open_journey(self, journey: Journey | None, journey_id: int | None, view: JourneyView | None) -> None:
        """The window opened (or closed, with None) a journey: simulate it, load its tests."""
        self.journey_id = journey_id
        self.panel.set_view(view)
        self.panel.set_journey(journey)
        self.panel.set_tests(self.load_tests())

    def load_tests(self) -> list[JourneyTest]:
        if self.journey_id is None:
            return []
        try:
            with self.db.read() as session:
                return journey_tests_repo.list_tests(session, self.journey_id)
        except (SQLAlchemyError, StorageError) as exc:
            self.panel.show_message(self.tr("Could not read the journey tests: {reason}").format(
                reason=_reason(exc)), True)
            return []

    def save_tests(self, tests: list[JourneyTest]) -> bool:
        if self.journey_id is None:
            return False
        try:
            with self.db.transaction() as session:
                journey_tests_repo.save_tests(session, self.journey_id, tests)
        except (SQLAlchemyError, StorageError) as exc:
            self.panel.show_message(self.tr("Could not save the journey tests: {reason}").format(
                reason=_reason(exc)), True)
            return False
        return True

    def customer_profile(self, customer_id: str) -> Profile | None:
        """The panel's question "who is this customer?", answered from the database."""
        try:
            with self.db.read() as session:
                data = profiles_repo.customer_profile(session, customer_id)
            return parse_profile(data)
        except (SQLAlchemyError, StorageError, ProfileError) as exc:
            self.panel.show_message(self.tr("Could not load customer {id}: {reason}").format(
                id=customer_id, reason=_reason(exc)), True)
            return None

    # -- files -----------------------------------------------------------------------------
    def export_with_tests(self, journey: Journey, path: str | Path) -> None:
        """The journey file with its tests under `"tests"` (written whole, through a rename)."""
        data = with_tests(journey_to_dict(journey), self.load_tests())
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(target)

    def import_tests_from_file(self, path: str | Path) -> int:
        """After importing a journey file: keeps the tests it carries (added to the open journey's)."""
        try:
            tests = read_tests(read_json_file(path, "journey file"), str(path))
        except (FileProblem, JourneyTestError) as exc:
            self.panel.show_message(str(exc), True)
            return 0
        if not tests:
            return 0
        merged = {t.name: t for t in self.load_tests()}
        merged.update({t.name: t for t in tests})
        if self.save_tests(list(merged.values())):
            self.panel.set_tests(list(merged.values()))
            return len(tests)
        return 0

    @staticmethod
    def _display_name(row: Any) -> str:
        name = " ".join(p for p in (row.first_name, row.last_name) if p)
        return name or row.email or row.id


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
