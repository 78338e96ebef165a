"""The main window: menus, the app-wide undo stack, the empty state and the remembered layout.

Every menu entry a user expects is present from the start, so shortcuts and menu positions never
move as features land; entries whose feature has not landed yet are created disabled rather than
doing nothing when clicked. The shop database is wired in later by the `app` layer; this window
does not reach for storage itself.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from app.theme import THEMES, apply_theme, current_theme

ORGANIZATION = "Journey Builder"
APPLICATION = "Journey Builder"
DISTRIBUTION = "journey-builder"

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
THEME_KEY = "appearance/theme"

StandardKey = QKeySequence.StandardKey


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


class MainWindow(QMainWindow):
    """One window per process; journeys open inside it rather than in windows of their own.

    `persist_layout=False` neither restores nor saves geometry, for runs (screenshots, tests) that
    must look the same every time and must not overwrite the user's own layout.
    """

    def __init__(self, parent: QWidget | None = None, *, persist_layout: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Journey Builder"))
        self._persist_layout = persist_layout
        self.undo_stack = QUndoStack(self)
        self.named_actions: dict[str, QAction] = {}

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1200, 800)
        if persist_layout:
            self._restore_layout()

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
        a("new", self.tr("&New"), _shortcuts(StandardKey.New))
        a("open", self.tr("&Open…"), _shortcuts(StandardKey.Open))
        a("save", self.tr("&Save"), _shortcuts(StandardKey.Save))
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
        # Enabled once opening journeys lands and there is something to list.
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
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_menu.setObjectName("menu_theme")
        theme_menu.addActions(self._theme_group.actions())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(act["about"])

    def _build_central(self) -> None:
        self.empty_state = QLabel(self.tr("No journey open — create one with File ▸ New"), self)
        self.empty_state.setObjectName("empty_state")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.empty_state.setMargin(24)
        # A palette role, not a colour, so the hint stays subdued in both themes.
        self.empty_state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.empty_state.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.empty_state.setFont(font)
        self.setCentralWidget(self.empty_state)

    # Theme ---------------------------------------------------------------------------------

    def _sync_theme_actions(self) -> None:
        app = QApplication.instance()
        active = current_theme(app) if isinstance(app, QApplication) else None
        for action in self._theme_group.actions():
            action.setChecked(action.data() == active)

    def _on_theme_chosen(self, action: QAction) -> None:
        name = str(action.data())
        self.set_theme(name)

    def set_theme(self, name: str) -> None:
        """A theme picked from the menu is remembered; one given with `--theme` is not (see gui)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        apply_theme(app, name)
        open_settings().setValue(THEME_KEY, name)
        self._sync_theme_actions()
        self.statusBar().showMessage(self.tr("Theme changed"), 3000)

    # About ---------------------------------------------------------------------------------

    def about_text(self) -> str:
        """Separate from the dialog so the wording (and the version in it) can be checked headless."""
        return self.tr(
            "<h3>Journey Builder {version}</h3>"
            "<p>Customer journeys for small online shops: draw, simulate and send, "
            "on your own machine.</p>"
        ).format(version=app_version())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Journey Builder"), self.about_text())

    # Remembered layout ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = open_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))

    def save_layout(self) -> None:
        """Called on close; public so a session that ends without closing the window can still save."""
        if not self._persist_layout:
            return
        settings = open_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
