"""What the main window does with whole journeys: new from the gallery, import, export, rename,
duplicate, delete and the recent list.

Kept apart from `app.main_window` so the window's construction and its file handling can each be
read (and stay under ~600 lines) on their own. This is a mixin of `MainWindow` and relies on its
attributes (`controller`, `document`, `library`, `named_actions`, `recent_menu`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.controller import ShopError, template_journey
from app.i18n import current_language
from resources.journeys import gallery
from widgets.gallery_dialog import GalleryDialog, GalleryItem
from widgets.library import LibraryEntry
from widgets.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.main_window import MainWindow

RECENT_LIMIT = 8
JSON_FILTER = QT_TRANSLATE_NOOP("JourneyActionsMixin", "Journey files (*.json);;All files (*)")
class JourneyActionsMixin:
    """File-level journey actions of the main window."""

    def _connect_journey_actions(self: MainWindow) -> None:
        act = self.named_actions
        act["new"].triggered.connect(self.new_from_gallery)
        act["open"].triggered.connect(self.focus_library)
        act["save"].triggered.connect(self.save_now)
        act["import_json"].triggered.connect(self.import_json)
        act["export_json"].triggered.connect(self.export_json)
        routed = {"zoom_in": "zoom_in", "zoom_out": "zoom_out", "fit": "fit", "auto_layout": "auto_layout",
                  "cut": "cut", "copy": "copy", "paste": "paste", "duplicate": "duplicate",
                  "delete": "delete_selected", "select_all": "select_all"}
        for action_name, method in routed.items():
            act[action_name].triggered.connect(lambda _checked=False, m=method: self._route_to_view(m))

    def _route_to_view(self: MainWindow, method: str) -> None:
        if self.document is not None:
            getattr(self.view, method)()

    def _connect_controller(self: MainWindow) -> None:
        assert self.controller is not None
        self.controller.journeysChanged.connect(self.refresh_library)
        self.library.openRequested.connect(self.open_journey)
        self.library.newRequested.connect(self.new_from_gallery)
        self.library.duplicateRequested.connect(self.duplicate_journey)
        self.library.renameRequested.connect(self.rename_journey)
        self.library.deleteRequested.connect(self.delete_journey)
        self.refresh_library()

    # Library -------------------------------------------------------------------------------

    def refresh_library(self: MainWindow) -> None:
        if self.controller is None:
            return
        try:
            summaries = self.controller.list_journeys()
        except ShopError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            return
        self.library.set_entries([LibraryEntry(s.name, s.status, s.updated_at, s.has_unpublished_changes)
                                  for s in summaries])
        self.rebuild_recent_menu()

    def focus_library(self: MainWindow) -> None:
        """File ▸ Open: journeys live in the library, so opening one starts with finding it there."""
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.focus_search()

    # New, import, export -------------------------------------------------------------------

    def gallery_items(self: MainWindow) -> list[GalleryItem]:
        items = []
        for entry in gallery(current_language()):
            journey = template_journey(entry)
            items.append(GalleryItem(entry.name, journey.description, journey))
        return items

    def new_from_gallery(self: MainWindow) -> bool:
        if self.controller is None:
            return False
        dialog = GalleryDialog(self.gallery_items(), self, unique_name=self.controller.unique_name)
        self._gallery_dialog = dialog  # reachable from tests while it runs
        try:
            if dialog.exec() != GalleryDialog.DialogCode.Accepted:
                return False
            journey = dialog.new_journey()
        finally:
            self._gallery_dialog = None
            dialog.deleteLater()
        return self.create_journey(journey)

    def create_journey(self: MainWindow, journey) -> bool:  # noqa: ANN001 - engine.model.Journey
        try:
            name = self.controller.create(journey)
        except ShopError as exc:
            self._error(self.tr("Could not create the journey"), str(exc))
            return False
        return self.open_journey(name)

    def import_json(self: MainWindow, path: str | None = None) -> bool:
        """Reads a journey file into the shop as a draft; a name in use asks Replace or Keep both."""
        if self.controller is None:
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import journey"), "", self.tr(JSON_FILTER))
            if not path:
                return False
        try:
            journey = self.controller.read_json(path)
        except ShopError as exc:
            self._error(self.tr("Could not import the journey"), str(exc))
            return False
        replace = False
        if journey.name in self.controller.names():
            choice = self.ask_import_collision(journey.name)
            if choice is None:
                return False
            replace = choice == "replace"
        reopen = replace and self.document is not None and self.document.name == journey.name
        if reopen and not self._close_document():
            return False
        try:
            name = self.controller.import_json(path, replace=replace)
        except ShopError as exc:
            self._error(self.tr("Could not import the journey"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Imported “{name}” from {file}").format(name=name, file=path), 5000)
        return self.open_journey(name, reload=True)

    def ask_import_collision(self: MainWindow, name: str) -> str | None:
        """"replace", "both" or None (cancel): what to do when an imported name is in use."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import journey"),
                          self.tr("A journey named “{name}” already exists.").format(name=name),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Replace its draft with the file, or keep both?"))
        replace_button = box.addButton(self.tr("Replace draft"), QMessageBox.ButtonRole.DestructiveRole)
        both_button = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(both_button)
        box.exec()
        clicked = box.clickedButton()
        return "replace" if clicked is replace_button else "both" if clicked is both_button else None

    def export_json(self: MainWindow, path: str | None = None) -> bool:
        """Writes the open journey, as it is on screen, to a `journey-builder/1` file."""
        if self.controller is None or self.document is None:
            return False
        name = self.document.name
        if not path:
            suggested = re.sub(r"[^\w\- ()]+", "", name).strip() or "journey"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export journey"), f"{suggested}.json",
                                                  self.tr(JSON_FILTER))
            if not path:
                return False
            if not Path(path).suffix:
                path += ".json"
        self.document.save()
        try:
            self.controller.export_json(name, path, self.document.journey)
        except ShopError as exc:
            self._error(self.tr("Could not export the journey"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Exported “{name}” to {file}").format(name=name, file=path), 5000)
        return True

    # Rename, duplicate, delete -------------------------------------------------------------

    def rename_journey(self: MainWindow, name: str, new_name: str) -> bool:
        if self.controller is None:
            return False
        is_open = self.document is not None and self.document.name == name
        if is_open and not self.document.save():
            return False
        try:
            self.controller.rename(name, new_name)
        except ShopError as exc:
            self._error(self.tr("Could not rename the journey"), str(exc))
            return False
        new_name = new_name.strip()
        if is_open:
            self.document.journey.rename(new_name)  # the inspector and title follow the model
            self.document.mark_saved()
            self.library.set_current(new_name)
        self._rename_recent(name, new_name)
        self._update_title()
        self.statusBar().showMessage(self.tr("Renamed “{old}” to “{new}”").format(old=name, new=new_name), 5000)
        return True

    def duplicate_journey(self: MainWindow, name: str) -> bool:
        if self.controller is None:
            return False
        if self.document is not None and self.document.name == name:
            self.document.save()
        try:
            copy_name = self.controller.duplicate(name)
        except ShopError as exc:
            self._error(self.tr("Could not duplicate the journey"), str(exc))
            return False
        return self.open_journey(copy_name)

    def delete_journey(self: MainWindow, name: str) -> bool:
        """Asks first: a deleted journey cannot be brought back (its sent-message history stays)."""
        if self.controller is None:
            return False
        summary = self.controller.summary(name)
        if summary is not None and summary.status == "live":
            self._error(self.tr("Cannot delete a live journey"),
                        self.tr("“{name}” is live: customers are going through it. Stop it before deleting it.")
                        .format(name=name))
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete journey"),
            self.tr("Delete “{name}”? This cannot be undone.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.document is not None and self.document.name == name:
            self._close_document(save=False)
            self.library.set_current(None)
            self._update_actions()
            self._update_title()
        try:
            self.controller.delete(name)
        except ShopError as exc:
            self._error(self.tr("Could not delete the journey"), str(exc))
            return False
        self._forget_recent(name)
        self.statusBar().showMessage(self.tr("Deleted “{name}”").format(name=name), 5000)
        return True

    # Recent journeys -----------------------------------------------------------------------

    def recent_journeys(self: MainWindow) -> list[str]:
        from app.main_window import RECENT_KEY, open_settings

        value = open_settings().value(RECENT_KEY) or []
        names = [value] if isinstance(value, str) else [str(v) for v in value]
        return names[:RECENT_LIMIT]

    def _store_recent(self: MainWindow, names: list[str]) -> None:
        from app.main_window import RECENT_KEY, open_settings

        settings = open_settings()
        settings.setValue(RECENT_KEY, list(dict.fromkeys(names))[:RECENT_LIMIT])
        settings.sync()
        self.rebuild_recent_menu()

    def remember_recent(self: MainWindow, name: str) -> None:
        self._store_recent([name, *[n for n in self.recent_journeys() if n != name]])

    def _rename_recent(self: MainWindow, old: str, new: str) -> None:
        self._store_recent([new if n == old else n for n in self.recent_journeys()])

    def _forget_recent(self: MainWindow, name: str) -> None:
        self._store_recent([n for n in self.recent_journeys() if n != name])

    def rebuild_recent_menu(self: MainWindow) -> None:
        """Only journeys that still exist, so the menu never offers something that cannot open."""
        menu = self.recent_menu
        menu.clear()
        existing = set(self.library.names())
        names = [n for n in self.recent_journeys() if n in existing] if self.controller is not None else []
        for index, name in enumerate(names, start=1):
            action = menu.addAction(f"&{index} {name}" if index < 10 else name)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_journey(n))
        menu.setEnabled(bool(names))
