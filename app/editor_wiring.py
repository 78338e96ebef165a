"""How the open journey's editors talk to each other: problems, selection, the palette, the shop.

A mixin of `MainWindow` (kept apart so each module stays readable): the problems list, the canvas
and the inspector never know about each other; these methods pass what one says to the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.controller import ShopError
from engine.gazetteer import Place, find_places
from engine.problems import JOURNEY_ID
from engine.profile import ProfileError, parse_profile
from engine.registry import REGISTRY
from storage.customers_repo import postcode_places
from storage.database import Database
from storage.errors import StorageError

if TYPE_CHECKING:
    from app.main_window import MainWindow


class EditorWiringMixin:
    """Feedback from the open document and traffic between the panels."""

    def _on_document_changed(self: MainWindow) -> None:
        self.save_state_label.setText(self.tr("Editing…"))

    def _on_saved(self: MainWindow, name: str) -> None:
        self.save_state_label.setText(self.tr("All changes saved"))
        self.save_state_label.setToolTip("")
        if name != self._open_name:  # renamed in the inspector: the database followed on save
            self._rename_recent(self._open_name, name)
            self._open_name = name
        self.library.set_current(name)
        self._update_title()
        if self.tools is not None:
            self.tools.journey_saved()

    def _on_save_failed(self: MainWindow, message: str) -> None:
        """Autosave failures are shown, not popped up: a half-typed name must not interrupt typing.
        An explicit Save, and closing, ask out loud (see `save_now` and `_close_document`)."""
        self.save_state_label.setText(self.tr("Not saved"))
        self.save_state_label.setToolTip(message)
        self.statusBar().showMessage(message, 10000)

    def _show_problems(self: MainWindow, problems: list) -> None:
        journey = self.journey
        labels = {n.id: n.label or n.id for n in journey.nodes()} if journey is not None else {}
        self.problems.set_problems(problems, labels)
        self.view.set_problems(problems)
        errors, warnings = self.problems.counts()
        if errors:
            text = self.tr("1 error") if errors == 1 else self.tr("{n} errors").format(n=errors)
        elif warnings:
            text = self.tr("Can run · 1 warning") if warnings == 1 else \
                self.tr("Can run · {n} warnings").format(n=warnings)
        else:
            text = self.tr("Can run")
        self.problem_state_label.setText(text)

    def show_problem(self: MainWindow, where: str) -> None:
        """Selects and centres what a problem is about: its node, an edge's source node, or the
        journey settings in the inspector."""
        journey = self.journey
        if journey is None:
            return
        node_id = where if journey.has_node(where) else None
        if node_id is None and where != JOURNEY_ID:
            edge = next((e for e in journey.edges() if e.id == where), None)
            if edge is not None:
                node_id = edge.source
            else:  # a node id with a field path after it ("n3.config.subject")
                node_id = next((n.id for n in journey.nodes() if where.startswith(f"{n.id}.")), None)
        if node_id is not None:
            self.view.select_node(node_id, center=True)
        self.inspector.show_node(node_id)
        self.inspector_dock.raise_()

    def _feed_inspector(self: MainWindow) -> None:
        """The shop's segments for pickers and a real customer for message previews."""
        if self.controller is None:
            return
        from app.test_send import ShopTestSender
        from widgets.inspector.rule_values import set_place_lookup

        self.inspector.set_test_sender(ShopTestSender(self.controller.db))
        set_place_lookup(shop_places(self.controller.db))
        try:
            self.inspector.set_segments(self.controller.shop_segments())
            self.inspector.set_shop(self.controller.shop_settings())
            profile = self.controller.sample_customer()
        except ShopError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            return
        if profile is not None:
            try:
                self.inspector.set_sample_customer(parse_profile(profile))
            except ProfileError:  # a hand-edited customer the engine refuses: keep the built-in one
                pass

    def _show_shop(self: MainWindow) -> None:
        """Which shop (and which file) this window works on, always in sight in the status bar."""
        try:
            name = self.controller.shop_name()
        except ShopError:
            name = ""
        self.shop_label.setText(name or self.controller.short_name)
        self.shop_label.setToolTip(self.tr("Shop database: {path}").format(path=self.controller.location))

    def _on_selection_changed(self: MainWindow, ids: list) -> None:
        self.inspector.show_node(ids[0] if len(ids) == 1 else None)

    def add_node_of_kind(self: MainWindow, node_type: str, kind: str) -> None:
        """A palette double-click: the step appears in the middle of what the canvas shows."""
        journey = self.journey
        if journey is None or REGISTRY.get(node_type, kind) is None:
            return
        self.view.add_node(node_type, kind)


def shop_places(db: Database) -> Callable[[str], list[Place]]:
    """Places for radius rules: the shop's postcodes (placed by its customers) and the cities."""

    def lookup(text: str) -> list[Place]:
        found: list[Place] = []
        if any(ch.isdigit() for ch in text):
            try:
                with db.read() as session:
                    found += postcode_places(session, text)
            except StorageError:
                pass
        return (found + find_places(text, limit=12))[:12]

    return lookup
