"""The open journey as a document: change tracking, debounced validation and autosave.

There is no Save-or-lose dialog in this app: a draft is written a couple of seconds after the
last edit, when the user switches journeys and when the window closes, so a crash or a kill
loses at most those seconds. Validation runs ~200 ms after the last edit rather than on every
signal, because one paste or undo of a macro emits dozens of model signals in a row.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.controller import ShopController, ShopError
from engine.model import SIGNAL_NAMES, Journey
from engine.observer import Subscription
from engine.problems import Problem
from engine.validation import validate

AUTOSAVE_MS = 2000
VALIDATE_MS = 200


class JourneyDocument(QObject):
    """Wraps one open `Journey` and its database id; the window holds one at a time.

    Signals:
      changed: the model changed (any of its signals);
      dirtyChanged(bool): unsaved edits appeared or were saved;
      problemsChanged(list): fresh validation results;
      saved(str): the draft was written (its name);
      saveFailed(str): a save was refused; the message is for the user, the edits are kept.
    """

    changed = Signal()
    dirtyChanged = Signal(bool)
    problemsChanged = Signal(list)
    saved = Signal(str)
    saveFailed = Signal(str)

    def __init__(self, controller: ShopController, journey: Journey, journey_id: int | None,
                 parent: QObject | None = None, *, autosave_ms: int | None = None,
                 validate_ms: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.journey = journey
        self.journey_id = journey_id
        self._dirty = False
        self._problems: list[Problem] = []
        self._last_failure = ""
        self._subscriptions: list[Subscription] = [
            journey.signals.subscribe(name, self._on_model_changed) for name in SIGNAL_NAMES]

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS if autosave_ms is None else autosave_ms)
        self._autosave.timeout.connect(self.save)
        self._validate = QTimer(self)
        self._validate.setSingleShot(True)
        self._validate.setInterval(VALIDATE_MS if validate_ms is None else validate_ms)
        self._validate.timeout.connect(self.validate_now)

    @property
    def name(self) -> str:
        return self.journey.name

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def last_failure(self) -> str:
        """Why the last save was refused ("" after a successful one)."""
        return self._last_failure

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _on_model_changed(self, *_args: object) -> None:
        self._set_dirty(True)
        self._autosave.start()
        self._validate.start()
        self.changed.emit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def mark_saved(self) -> None:
        """For a change the database already has (a rename done through the library)."""
        self._autosave.stop()
        self._set_dirty(False)

    def validate_now(self) -> list[Problem]:
        self._validate.stop()
        self._problems = validate(self.journey, self.controller.shop_segments())
        self.problemsChanged.emit(self.problems)
        return self.problems

    def save(self) -> bool:
        """Writes the draft if anything changed; False (and `saveFailed`) when the database refused."""
        self._autosave.stop()
        if not self._dirty:
            return True
        try:
            saved = self.controller.save(self.journey, self.journey_id)
        except ShopError as exc:
            self._last_failure = str(exc)
            self.saveFailed.emit(self._last_failure)
            return False
        self._last_failure = ""
        self.journey_id = saved.journey_id
        self._set_dirty(False)
        self.saved.emit(self.journey.name)
        return True

    def close(self, *, save: bool = True) -> bool:
        """Saves (unless told not to) and stops listening to the journey; True when nothing was lost."""
        ok = self.save() if save else True
        self._autosave.stop()
        self._validate.stop()
        for subscription in self._subscriptions:
            subscription.cancel()
        self._subscriptions.clear()
        return ok
