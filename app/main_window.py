"""The main window: the journeys library, palette, canvas, inspector and problems list together.

The window owns one `QUndoStack` (cleared when another journey opens, so undo never reaches
into a journey that is not on screen) and at most one open `JourneyDocument`, which autosaves
and validates. Everything that reads or writes the shop database goes through the
`ShopController` given to it; without one (unit tests of the shell) the journey actions stay
disabled. File-level actions (new, import, export, rename…) live in `app.journey_actions`, the
traffic between problems list, canvas, inspector and palette in `app.editor_wiring`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QChildEvent,
    QCoreApplication,
    QEvent,
    QPointF,
    QRect,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from app.autosave import JourneyDocument
from app.controller import ShopController, ShopError
from app.editor_wiring import EditorWiringMixin
from app.i18n import add_language_menu, save_language
from app.journey_actions import JourneyActionsMixin
from app.theme import THEMES, apply_theme, current_theme
from widgets.canvas import JourneyView
from widgets.inspector import Inspector
from widgets.library import JourneyLibrary
from widgets.palette import Palette
from widgets.problems import ProblemsList

ORGANIZATION = "Journey Builder"
APPLICATION = "Journey Builder"
DISTRIBUTION = "journey-builder"

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
THEME_KEY = "appearance/theme"
RECENT_KEY = "journeys/recent"

SPLITTERS_GROUP = "main_window/splitters"
DEFAULT_SIZE = (1200, 800)
# Below this (a 1280×720 or 1366×768 laptop) the window fills the screen on its first start.
MAXIMIZE_BELOW = (1500, 900)
FIRST_SIZE = (1600, 1000)
SETTLE_MS = 1500

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class DockSizes:
    left: int
    right: int
    bottom: int
    library: int
    palette: int


@dataclass(frozen=True)
class WindowLayout:
    geometry: QByteArray
    state: QByteArray
    splitters: dict[str, QByteArray] = field(default_factory=dict)


@dataclass(frozen=True)
class WindowCarry:
    """See `MainWindow.carry_over`."""

    layout: WindowLayout
    view: tuple[float, QPointF] | None
    selection: tuple[str, ...]
    tools: Any
    frame: QRect | None = None


def initial_window_size(available_width: int, available_height: int) -> tuple[tuple[int, int], bool]:
    """The first start's window size for a screen's free area, and whether to maximize instead."""
    if available_width < MAXIMIZE_BELOW[0] or available_height < MAXIMIZE_BELOW[1]:
        return (available_width, available_height), True
    return (min(FIRST_SIZE[0], round(available_width * 0.9)), min(FIRST_SIZE[1], round(available_height * 0.9))), False


def dock_sizes(width: int, height: int) -> DockSizes:
    """Side docks by the window's width, the bottom one by its height, within bounds that keep
    their forms readable (measured at 1280×720 in Russian, the longest language)."""
    def clamp(value: float, low: int, high: int) -> int:
        return max(low, min(high, round(value)))

    middle = height - 80  # menu bar, status bar and the dock tabs
    library = clamp(middle * 0.55, 220, 520)
    return DockSizes(left=clamp(width * 0.17, 210, 290), right=clamp(width * 0.3, 360, 500),
                     bottom=clamp(height * 0.36, 250, 360), library=library, palette=max(140, middle - library))
# Acting on the canvas selection: only while the canvas (or a child) has focus, so Delete in
# the library or Ctrl+A in the problems list never deletes or selects nodes.
CANVAS_ACTIONS = ("cut", "copy", "paste", "duplicate", "delete", "select_all")
JOURNEY_ACTIONS = ("save", "export_json", "zoom_in", "zoom_out", "fit", "auto_layout", *CANVAS_ACTIONS)


def open_settings() -> QSettings:
    """INI on every platform (not the Windows registry) so settings are one file users can back up,
    and so tests can redirect them with `QSettings.setPath` alone."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def app_version() -> str:
    """Read from the installed metadata so the About box can never disagree with pyproject.toml."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return QCoreApplication.translate("MainWindow", "unknown (not installed)")


def _shortcuts(standard: QKeySequence.StandardKey, fallback: str = "") -> list[QKeySequence]:
    """Platform conventions first; the fallback covers keys some platforms leave unbound (Quit on Windows)."""
    keys = QKeySequence.keyBindings(standard)
    return keys or ([QKeySequence(fallback)] if fallback else [])


class MainWindow(JourneyActionsMixin, EditorWiringMixin, QMainWindow):
    """One window per process; journeys open inside it rather than in windows of their own.

    `persist_layout=False` neither restores nor saves geometry, for runs (screenshots, tests) that
    must look the same every time and must not overwrite the user's own layout.
    """

    def __init__(self, controller: ShopController | None = None, parent: QWidget | None = None, *,
                 persist_layout: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.controller = controller
        self.document: JourneyDocument | None = None
        self._open_name = ""
        self._persist_layout = persist_layout
        self._fit_docks_on_resize = False
        self._fits = 0
        self.undo_stack = QUndoStack(self)
        self.named_actions: dict[str, QAction] = {}
        self.language_host: Callable[[str], None] | None = None

        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_docks()
        self._build_status()
        self.resize(*DEFAULT_SIZE)
        self.tools = None
        if controller is not None:
            self._connect_controller()
            self._feed_inspector()
            self._show_shop()
            from app.tools_wiring import install

            self.tools = install(self)
        from app.help_wiring import install as install_help

        self.help = install_help(self)
        from app.undo_wiring import install as install_undo_names

        self.undo_names = install_undo_names(self)
        self.fit_docks()
        # After the tool docks exist, so the saved state places them too.
        self.layout_restored = persist_layout and self._restore_layout()
        self._update_actions()
        self._update_title()

    # Actions and menus ---------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcuts: list[QKeySequence] | None = None,
                *, enabled: bool = False, status_tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            action.setShortcuts(shortcuts)
        if status_tip:
            action.setStatusTip(status_tip)
        action.setEnabled(enabled)
        self.named_actions[name] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        # File
        a("new", self.tr("&New…"), _shortcuts(StandardKey.New), status_tip=self.tr("Start a journey from a template"))
        a("open", self.tr("&Open…"), _shortcuts(StandardKey.Open), status_tip=self.tr("Find a journey in the library"))
        a("save", self.tr("&Save"), _shortcuts(StandardKey.Save),
          status_tip=self.tr("Save the draft now (it is also saved automatically)"))
        a("import_json", self.tr("&Import JSON…"), [QKeySequence("Ctrl+Shift+I")])
        a("export_json", self.tr("&Export JSON…"), [QKeySequence("Ctrl+Shift+E")])
        quit_action = a("quit", self.tr("&Quit"), _shortcuts(StandardKey.Quit, "Ctrl+Q"), enabled=True,
                        status_tip=self.tr("Close Journey Builder"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        # Edit: undo and redo come from the stack so their text and enabled state follow it.
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("action_undo")
        undo.setShortcuts(_shortcuts(StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("action_redo")
        redo.setShortcuts(_shortcuts(StandardKey.Redo))
        self.named_actions["undo"] = undo
        self.named_actions["redo"] = redo
        a("cut", self.tr("Cu&t"), _shortcuts(StandardKey.Cut))
        a("copy", self.tr("&Copy"), _shortcuts(StandardKey.Copy))
        a("paste", self.tr("&Paste"), _shortcuts(StandardKey.Paste))
        a("duplicate", self.tr("D&uplicate"), [QKeySequence("Ctrl+D")])
        a("delete", self.tr("&Delete"), _shortcuts(StandardKey.Delete))
        a("select_all", self.tr("Select &All"), _shortcuts(StandardKey.SelectAll))
        for name in CANVAS_ACTIONS:
            self.named_actions[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # View
        a("zoom_in", self.tr("Zoom &In"), _shortcuts(StandardKey.ZoomIn))
        a("zoom_out", self.tr("Zoom &Out"), _shortcuts(StandardKey.ZoomOut))
        a("fit", self.tr("&Fit to Window"), [QKeySequence("Ctrl+0")])
        a("auto_layout", self.tr("&Auto-layout"), [QKeySequence("Ctrl+Shift+L")])
        self._theme_group = QActionGroup(self)
        self._theme_group.setExclusive(True)
        theme_texts = {"light": self.tr("&Light"), "dark": self.tr("&Dark")}
        for name in THEMES:
            action = a(f"theme_{name}", theme_texts[name], enabled=True)
            action.setCheckable(True)
            action.setData(name)
            self._theme_group.addAction(action)
        self._sync_theme_actions()
        self._theme_group.triggered.connect(self._on_theme_chosen)

        # Help
        about = a("about", self.tr("&About Journey Builder"), enabled=True)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)

        self._connect_journey_actions()

    def _build_menus(self) -> None:
        act = self.named_actions
        bar = self.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addActions([act["new"], act["open"], act["save"]])
        file_menu.addSeparator()
        file_menu.addActions([act["import_json"], act["export_json"]])
        file_menu.addSeparator()
        self.recent_menu = QMenu(self.tr("Open &Recent"), file_menu)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.setEnabled(False)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(act["quit"])

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menu_edit")
        edit_menu.addActions([act["undo"], act["redo"]])
        edit_menu.addSeparator()
        edit_menu.addActions([act["cut"], act["copy"], act["paste"], act["duplicate"], act["delete"]])
        edit_menu.addSeparator()
        edit_menu.addAction(act["select_all"])

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menu_view")
        view_menu.addActions([act["zoom_in"], act["zoom_out"], act["fit"]])
        view_menu.addSeparator()
        view_menu.addAction(act["auto_layout"])
        view_menu.addSeparator()
        self.panels_menu = view_menu.addMenu(self.tr("&Panels"))
        self.panels_menu.setObjectName("menu_panels")
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_menu.setObjectName("menu_theme")
        theme_menu.addActions(self._theme_group.actions())
        self.language_menu = add_language_menu(view_menu, self, self.set_language)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(act["about"])

    # Central area and docks ----------------------------------------------------------------

    def _build_central(self) -> None:
        self.empty_state = QLabel(self.tr("No journey open — pick one in the library, or create one with "
                                          "File ▸ New"), self)
        self.empty_state.setObjectName("empty_state")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.empty_state.setMargin(24)
        # A palette role, not a colour, so the hint stays subdued in both themes.
        self.empty_state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.empty_state.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.empty_state.setFont(font)

        self.central = QStackedWidget(self)
        self.central.setObjectName("central")
        self.central.addWidget(self.empty_state)
        self.view = JourneyView(self.undo_stack, self.central)
        self.view.setObjectName("journey_view")
        self.central.addWidget(self.view)
        self.view.addActions([self.named_actions[name] for name in CANVAS_ACTIONS])
        self.view.selectionChangedIds.connect(self._on_selection_changed)
        self.setCentralWidget(self.central)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by object name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def _build_docks(self) -> None:
        Area = Qt.DockWidgetArea
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)

        self.library = JourneyLibrary(self)
        self.library_dock = self._dock("dock_library", self.tr("Journeys"), self.library, Area.LeftDockWidgetArea)

        self.palette = Palette(self)
        self.palette_dock = self._dock("dock_palette", self.tr("Steps"), self.palette, Area.LeftDockWidgetArea)
        self.splitDockWidget(self.library_dock, self.palette_dock, Qt.Orientation.Vertical)
        self.palette.kindActivated.connect(self.add_node_of_kind)

        self.inspector = Inspector(self.undo_stack, self)
        self.inspector_dock = self._dock("dock_inspector", self.tr("Inspector"), self.inspector,
                                         Area.RightDockWidgetArea)

        self.problems = ProblemsList(self)
        self.problems_dock = self._dock("dock_problems", self.tr("Problems"), self.problems,
                                        Area.BottomDockWidgetArea)
        self.problems.problemActivated.connect(self.show_problem)


    def _build_status(self) -> None:
        self.shop_label = QLabel(self)
        self.shop_label.setObjectName("shop_label")
        self.shop_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.shop_label)
        self.save_state_label = QLabel(self)
        self.save_state_label.setObjectName("save_state")
        self.problem_state_label = QLabel(self)
        self.problem_state_label.setObjectName("problem_state")
        for label in (self.problem_state_label, self.save_state_label):
            label.setFrameShape(QFrame.Shape.NoFrame)
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self.statusBar().showMessage(self.tr("Ready"))

    # Opening and closing journeys ----------------------------------------------------------

    @property
    def journey(self):  # noqa: ANN201 - Journey | None, kept loose for the mixin
        return self.document.journey if self.document is not None else None

    def open_journey(self, name: str, *, reload: bool = False) -> bool:
        """Shows the stored journey; the one open before is saved first. False if it could not open."""
        if self.controller is None:
            return False
        if self.document is not None and self.document.name == name and not reload:
            return True
        if not self._close_document():
            return False
        try:
            journey = self.controller.open(name)
            journey_id = self.controller.journey_id(name)
        except ShopError as exc:
            self._error(self.tr("Could not open the journey"), str(exc))
            self.refresh_library()
            return False
        self.undo_stack.clear()
        document = JourneyDocument(self.controller, journey, journey_id, self)
        document.dirtyChanged.connect(self._update_title)
        document.problemsChanged.connect(self._show_problems)
        document.saved.connect(self._on_saved)
        document.saveFailed.connect(self._on_save_failed)
        document.changed.connect(self._on_document_changed)
        self.document = document
        self._open_name = name
        self.view.set_journey(journey)
        self.central.setCurrentWidget(self.view)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.inspector.set_journey(journey)
        self.inspector.show_node(None)
        if self.tools is not None:
            self.tools.journey_opened(journey, journey_id)
        self.library.set_current(name)
        self.remember_recent(name)
        document.validate_now()
        self._update_actions()
        self._update_title()
        self.save_state_label.setText(self.tr("All changes saved"))
        self.statusBar().showMessage(self.tr("Opened “{name}”").format(name=name), 3000)
        return True

    def close_journey(self) -> bool:
        if not self._close_document():
            return False
        self.library.set_current(None)
        self._update_actions()
        self._update_title()
        return True

    def _close_document(self, *, save: bool = True) -> bool:
        """Saves and detaches the open journey; asks before losing edits the database refused."""
        document = self.document
        if document is None:
            return True
        if save and not document.save():
            answer = QMessageBox.warning(
                self, self.tr("Unsaved changes"),
                self.tr("The changes to “{name}” could not be saved. Close it anyway and lose them?")
                .format(name=document.name),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        document.close(save=False)
        self.document = None
        if self.tools is not None:
            self.tools.journey_closed()
        self.undo_stack.clear()
        self.view.set_journey(None)
        self.inspector.set_journey(None)
        self.central.setCurrentWidget(self.empty_state)
        self.problems.set_problems(None)
        self.problem_state_label.clear()
        self.save_state_label.clear()
        return True

    def save_now(self) -> bool:
        if self.document is None:
            return True
        ok = self.document.save()
        if ok:
            self.statusBar().showMessage(self.tr("Saved “{name}”").format(name=self.document.name), 3000)
        else:
            QMessageBox.warning(self, self.tr("Could not save the journey"),
                                self.tr("{message}\n\nYour changes are kept in the window and saved as soon as "
                                        "the problem is solved.").format(message=self.document.last_failure))
        return ok

    # State of actions and title ------------------------------------------------------------

    def _update_actions(self) -> None:
        has_db = self.controller is not None
        has_journey = self.document is not None
        for name in ("new", "open", "import_json"):
            self.named_actions[name].setEnabled(has_db)
        self.named_actions["save"].setEnabled(has_journey)
        self.named_actions["export_json"].setEnabled(has_journey)
        for name in ("zoom_in", "zoom_out", "fit", "auto_layout", *CANVAS_ACTIONS):
            self.named_actions[name].setEnabled(has_journey)
        self.library.setEnabled(has_db)
        self.rebuild_recent_menu()

    def _update_title(self, *_: object) -> None:
        app_name = self.tr("Journey Builder")
        if self.document is None:
            self.setWindowTitle(app_name)
            return
        mark = " •" if self.document.dirty else ""
        self.setWindowTitle(f"{self.document.name}{mark} — {app_name}")

    # Theme ---------------------------------------------------------------------------------

    def _sync_theme_actions(self) -> None:
        app = QApplication.instance()
        active = current_theme(app) if isinstance(app, QApplication) else None
        for action in self._theme_group.actions():
            action.setChecked(action.data() == active)

    def _on_theme_chosen(self, action: QAction) -> None:
        self.set_theme(str(action.data()))

    def set_theme(self, name: str) -> None:
        """A theme picked from the menu is remembered; one given with `--theme` is not (see gui)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        apply_theme(app, name)
        open_settings().setValue(THEME_KEY, name)
        self._sync_theme_actions()
        self.statusBar().showMessage(self.tr("Theme changed"), 3000)

    # Language ------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Remembered at once; `language_host` (set by app.gui, which owns the window) then saves
        the journey and rebuilds the window in the new language. Without a host (tests, embedding)
        the choice applies at the next start."""
        save_language(language)
        if self.language_host is not None:
            self.language_host(language)
        else:
            self.statusBar().showMessage(self.tr("The language changes at the next start"), 5000)

    # About and errors ----------------------------------------------------------------------

    def about_text(self) -> str:
        """Separate from the dialog so the wording (and the version in it) can be checked headless."""
        return self.tr(
            "<h3>Journey Builder {version}</h3>"
            "<p>Customer journeys for small online shops: draw, simulate and send, "
            "on your own machine.</p>"
        ).format(version=app_version())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Journey Builder"), self.about_text())

    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, title, message)

    # Remembered layout ---------------------------------------------------------------------

    def childEvent(self, event: QChildEvent) -> None:  # noqa: N802 - Qt's name
        """The tab bars QMainWindow puts under tabbed docks show whole titles and scroll: six
        bottom panels in Spanish or German do not fit 1280 pixels, and "Pro…" says nothing."""
        super().childEvent(event)
        child = event.child()
        if event.type() == QEvent.Type.ChildPolished and isinstance(child, QTabBar):
            child.setElideMode(Qt.TextElideMode.ElideNone)
            child.setUsesScrollButtons(True)

    def fit_docks(self) -> None:
        """Dock sizes in proportion to the window (the first start, or no saved layout): the
        canvas keeps the most room, the side panels are wide enough for their forms, and the
        bottom panel is tall enough to show the population run's Run button beside its results."""
        sizes = dock_sizes(self.width(), self.height())
        Horizontal, Vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        right = max(sizes.right, self.inspector_dock.minimumSizeHint().width())
        self.resizeDocks([self.library_dock, self.inspector_dock], [sizes.left, right], Horizontal)
        self.resizeDocks([self.library_dock, self.palette_dock], [sizes.library, sizes.palette], Vertical)
        self.resizeDocks([self.problems_dock], [sizes.bottom], Vertical)
        if self.isVisible():
            self._fits += 1
            fit = self._fits
            QTimer.singleShot(0, lambda: self._correct_bottom(fit, sizes.bottom, sizes.bottom, 3))

    def _correct_bottom(self, fit: int, wanted: int, asked: int, tries: int) -> None:
        """A tabbed dock group counts its tab bar in the size asked for: once the layout has
        followed, ask again by the difference (for the latest fit only)."""
        got = self.problems_dock.height()
        if fit != self._fits or got <= 0 or abs(got - wanted) <= 2 or tries <= 0:
            return
        asked += wanted - got
        self.resizeDocks([self.problems_dock], [asked], Qt.Orientation.Vertical)
        QTimer.singleShot(0, lambda: self._correct_bottom(fit, wanted, asked, tries - 1))

    def present(self) -> None:
        """Shows the window the first time: where it was left, or (no saved layout) filling a
        small screen and centred on a large one, with the docks sized for that."""
        if self.layout_restored:
            self.show()
            return
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)
        size, maximize = initial_window_size(available.width(), available.height())
        self.resize(*size)
        if not maximize:
            self.move(available.x() + (available.width() - size[0]) // 2,
                      available.y() + (available.height() - size[1]) // 2)
        self.fit_docks()
        # The window manager sizes a maximized window some time after show(), and the menu and
        # status bars take their share only once shown: the docks follow the window's size
        # until it settles (a person cannot drag the window's edge that quickly).
        self._fit_docks_on_resize = True
        QTimer.singleShot(SETTLE_MS, self._settled)
        if maximize:
            self.showMaximized()
        else:
            self.show()
        QTimer.singleShot(0, self._fit_while_settling)

    def _fit_while_settling(self) -> None:
        if self._fit_docks_on_resize:
            self.fit_docks()

    def _settled(self) -> None:
        self._fit_docks_on_resize = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._fit_docks_on_resize:
            QTimer.singleShot(0, self._fit_while_settling)  # once the dock layout has followed

    def layout_state(self) -> WindowLayout:
        """Geometry, docks and the inner splitters, as `save_layout` stores them (also what a
        language switch hands to the new window)."""
        splitters = {s.objectName(): s.saveState() for s in self.findChildren(QSplitter) if s.objectName()}
        return WindowLayout(self.saveGeometry(), self.saveState(), splitters)

    def apply_layout_state(self, layout: WindowLayout) -> bool:
        restored = False
        if layout.geometry:
            restored = self.restoreGeometry(layout.geometry)
        if layout.state:
            restored = self.restoreState(layout.state) and restored
        for splitter in self.findChildren(QSplitter):
            state = layout.splitters.get(splitter.objectName())
            if state:
                splitter.restoreState(state)
        return restored

    def carry_over(self) -> WindowCarry:
        """Everything on screen that a window rebuilt in another language must show again:
        the layout, where the canvas looks and what is selected, and the tool panels' results."""
        view = self.view.view_state() if self.document is not None else None
        tools = self.tools.carry_over() if self.tools is not None else None
        return WindowCarry(self.layout_state(), view, tuple(self.view.selected_node_ids()), tools,
                           None if self.isMaximized() else QRect(self.geometry()))

    def take_over(self, carry: WindowCarry) -> None:
        """Call after the same journey was opened in this window, before showing it."""
        self.layout_restored = self.apply_layout_state(carry.layout) or self.layout_restored
        if carry.frame is not None:
            # exactly where the old window was: restoreGeometry may shrink a window it thinks
            # does not fit the screen, and the docks' sizes were measured in the old one's size
            self.setGeometry(carry.frame)
        if self.tools is not None and carry.tools is not None:
            self.tools.take_over(carry.tools)

    def take_over_view(self, carry: WindowCarry) -> None:
        """The canvas part of `take_over`, once the window is shown and the view has its size."""
        if carry.view is not None and self.document is not None:
            self.view.set_view_state(*carry.view)
            for node_id in carry.selection:
                item = self.view.scene().node_items.get(node_id)
                if item is not None:
                    item.setSelected(True)

    def _restore_layout(self) -> bool:
        """True when a saved geometry and dock state were put back."""
        settings = open_settings()
        geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
        splitters: dict[str, QByteArray] = {}
        settings.beginGroup(SPLITTERS_GROUP)
        for key in settings.childKeys():
            value = settings.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                splitters[key] = QByteArray(value)
        settings.endGroup()
        return self.apply_layout_state(WindowLayout(
            QByteArray(geometry) if isinstance(geometry, QByteArray | bytes) else QByteArray(),
            QByteArray(state) if isinstance(state, QByteArray | bytes) else QByteArray(), splitters))

    def save_layout(self) -> None:
        """Called on close; public so a session that ends without closing the window can still save."""
        if not self._persist_layout:
            return
        layout = self.layout_state()
        settings = open_settings()
        settings.setValue(GEOMETRY_KEY, layout.geometry)
        settings.setValue(STATE_KEY, layout.state)
        settings.beginGroup(SPLITTERS_GROUP)
        for name, state in layout.splitters.items():
            settings.setValue(name, state)
        settings.endGroup()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_document():
            event.ignore()
            return
        if self.tools is not None:
            self.tools.shutdown()
        self.save_layout()
        super().closeEvent(event)
