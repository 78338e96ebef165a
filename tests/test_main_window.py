"""The main window's shell: menus and shortcuts, undo wiring, remembered layout, themes, screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPalette, QUndoCommand
from PySide6.QtWidgets import QApplication, QMenu

import app.cli
from app.main_window import GEOMETRY_KEY, THEME_KEY, MainWindow, app_version, open_settings
from app.theme import apply_theme, current_theme

MENUS = {
    "File": ["new", "open", "save", "import_json", "export_json", "quit"],
    "Edit": ["undo", "redo", "cut", "copy", "paste", "duplicate", "delete", "select_all"],
    "View": ["zoom_in", "zoom_out", "fit", "auto_layout", "theme_light", "theme_dark"],
    "Help": ["about"],
}
WITH_SHORTCUTS = ["new", "open", "save", "import_json", "export_json", "quit", "undo", "redo", "cut",
                  "copy", "paste", "duplicate", "delete", "select_all", "zoom_in", "zoom_out", "fit",
                  "auto_layout"]
NOT_YET_WORKING = ["new", "open", "save", "import_json", "export_json", "cut", "copy", "paste",
                   "duplicate", "delete", "select_all", "zoom_in", "zoom_out", "fit", "auto_layout"]


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def restore_app_look(qapp):
    """Themes change the whole application; put it back so later tests see what they expect."""
    palette, style, theme = QPalette(qapp.palette()), qapp.style().name(), qapp.property("journeyBuilderTheme")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("journeyBuilderTheme", theme)


def _menu_actions(menu: QMenu) -> list:
    """All actions reachable from a menu, submenus included, since theme choices sit in one."""
    found = []
    for action in menu.actions():  # `found` keeps each action alive while its submenu is read
        found.append(action)
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
    return found


def test_title_menus_and_actions(window: MainWindow) -> None:
    assert window.windowTitle() == "Journey Builder"
    # Keep the menu-bar actions referenced: in PySide6 6.8 a QMenu wrapper from `action.menu()`
    # is invalidated once the action's wrapper is collected (the C++ menu itself lives on).
    bar_actions = window.menuBar().actions()
    menus = {a.text().replace("&", ""): a.menu() for a in bar_actions}
    assert list(menus) == list(MENUS)
    for title, names in MENUS.items():
        reachable = _menu_actions(menus[title])
        for name in names:
            assert window.named_actions[name] in reachable, f"{name} missing from the {title} menu"
    file_titles = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert "Open Recent" in file_titles


def test_shortcuts_are_set_and_unique(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for name in WITH_SHORTCUTS:
        shortcuts = window.named_actions[name].shortcuts()
        assert shortcuts and not shortcuts[0].isEmpty(), f"{name} has no shortcut"
        for key in shortcuts:
            text = key.toString()
            assert text not in seen, f"{text} is bound to both {seen.get(text)} and {name}"
            seen[text] = name


def test_unfinished_actions_are_disabled_and_working_ones_enabled(window: MainWindow) -> None:
    for name in NOT_YET_WORKING:
        assert not window.named_actions[name].isEnabled(), f"{name} is enabled but does nothing yet"
    for name in ("quit", "about", "theme_light", "theme_dark"):
        assert window.named_actions[name].isEnabled()
    assert not window.recent_menu.isEnabled()


def test_empty_state_is_shown(window: MainWindow) -> None:
    assert window.central.currentWidget() is window.empty_state
    assert "No journey open" in window.empty_state.text()
    assert window.statusBar() is not None


class _Append(QUndoCommand):
    def __init__(self, target: list[int], value: int) -> None:
        super().__init__(f"append {value}")
        self.target, self.value = target, value

    def redo(self) -> None:
        self.target.append(self.value)

    def undo(self) -> None:
        self.target.pop()


def test_undo_and_redo_actions_drive_the_undo_stack(window: MainWindow) -> None:
    undo, redo = window.named_actions["undo"], window.named_actions["redo"]
    assert not undo.isEnabled() and not redo.isEnabled()
    items: list[int] = []
    window.undo_stack.push(_Append(items, 7))
    assert items == [7]
    assert undo.isEnabled() and "append 7" in undo.text()
    undo.trigger()
    assert items == []
    assert redo.isEnabled()
    redo.trigger()
    assert items == [7]


def test_geometry_is_restored_by_the_next_window(qtbot) -> None:
    # Smaller than the offscreen screen (800x800): restoreGeometry clamps to the available area.
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)
    qtbot.waitUntil(lambda: first.size() == QSize(780, 560))
    first.close()
    assert open_settings().value(GEOMETRY_KEY)

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.size() == QSize(780, 560)


def test_screenshot_runs_do_not_touch_the_saved_layout(qtbot) -> None:
    win = MainWindow(persist_layout=False)
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert open_settings().value(GEOMETRY_KEY) is None


def test_theme_switch_changes_the_palette_and_is_remembered(window: MainWindow, qapp: QApplication,
                                                            restore_app_look) -> None:
    apply_theme(qapp, "light")
    light = qapp.palette().color(QPalette.ColorRole.Window)
    window.named_actions["theme_dark"].trigger()
    dark = qapp.palette().color(QPalette.ColorRole.Window)
    assert dark != light
    assert dark.lightness() < 100 < light.lightness()
    assert current_theme(qapp) == "dark"
    assert window.named_actions["theme_dark"].isChecked()
    assert not window.named_actions["theme_light"].isChecked()
    assert open_settings().value(THEME_KEY) == "dark"
    with pytest.raises(ValueError):
        apply_theme(qapp, "purple")


def test_about_names_the_installed_version(window: MainWindow) -> None:
    assert app_version() in window.about_text()


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    window.show()
    window.named_actions["quit"].trigger()
    assert not window.isVisible()


def test_screenshot_option_writes_a_png(tmp_path: Path, restore_app_look, monkeypatch) -> None:
    monkeypatch.setattr("app.controller.DEMO_CUSTOMERS", 40)  # the first start seeds the tmp database
    target = tmp_path / "shots" / "s.png"
    assert app.cli.main(["--screenshot", str(target), "--theme", "dark"]) == 0
    assert target.stat().st_size > 2000
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1400, 900)
    assert open_settings().value(THEME_KEY) is None, "--theme is for one run and must not be saved"
