"""App glue for the journey report panel: the open journey's real figures and picking a winner.

The panel (widgets/report_panel.py) never sees the database; this module reads the report of
storage/report_repo.py for the journey the window has open (by its id, so a journey renamed in
the editor is still found) and ends A/B tests through storage.journeys_repo.pick_variant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from engine.journey_report import JourneyReport
from storage import Database, journeys_repo
from storage.errors import NotFound
from storage.models import JourneyRecord
from storage.report_repo import journey_report
from widgets.report_panel import JourneyReportPanel


class ReportPages(QObject):
    def __init__(self, db: Database, panel: JourneyReportPanel, journey_id: Callable[[], int | None],
                 parent: QObject | None = None, *, save: Callable[[], object] = lambda: None) -> None:
        super().__init__(parent)
        self.db, self.panel, self.journey_id = db, panel, journey_id
        self.save = save  # stores the window's edits first, so the winner also reaches them

    def _name(self, session) -> str:
        journey_id = self.journey_id()
        record = session.get(JourneyRecord, journey_id) if journey_id is not None else None
        if record is None:
            raise NotFound(self.tr("the journey is not saved in the shop yet"))
        return record.name

    def load(self, since: datetime | None) -> JourneyReport:
        with self.db.read() as session:
            return journey_report(session, self._name(session), since=since)

    def pick(self, node: str, variant: str) -> str:
        self.save()
        with self.db.transaction() as session:
            name = self._name(session)
            saved = journeys_repo.pick_variant(session, name, node, variant, why="picked by the shop owner")
        if saved.status == "live":
            return self.tr("Variant {variant} of {node} goes to everyone: version {n} is live.").format(
                variant=variant, node=node, n=saved.number)
        return self.tr("Variant {variant} of {node} is in the draft (version {n}).").format(
            variant=variant, node=node, n=saved.number)

    def follow(self, open_: bool) -> None:
        """The window opened (or closed) a journey: the panel loads its figures, or none."""
        self.panel.set_loader(self.load if open_ else None)
        self.panel.set_picker(self.pick if open_ else None)
