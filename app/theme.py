"""Light and dark colour themes for the whole application.

Themes are plain QPalettes on the Fusion style: Fusion draws every control from the palette, so
one palette gives the same look on Linux, Windows and macOS, and widgets that pick colours by
palette role (never hard-coded colours) follow a theme switch without being told.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ThemeName = Literal["light", "dark"]
THEMES: tuple[ThemeName, ...] = ("light", "dark")

# The chosen theme is kept on the application object so any window can show which one is active.
_THEME_PROPERTY = "journeyBuilderTheme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _palette(colours: dict[QPalette.ColorRole, str], disabled: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Spelled out rather than taken from the platform so a dark desktop cannot leak into 'light'."""
    return _palette(
        {
            Role.Window: "#efefef", Role.WindowText: "#1f1f1f",
            Role.Base: "#ffffff", Role.AlternateBase: "#f5f5f5",
            Role.ToolTipBase: "#ffffdc", Role.ToolTipText: "#1f1f1f",
            Role.PlaceholderText: "#7a7a7a",
            Role.Text: "#1f1f1f", Role.Button: "#efefef", Role.ButtonText: "#1f1f1f",
            Role.BrightText: "#ffffff",
            Role.Light: "#ffffff", Role.Midlight: "#e3e3e3", Role.Mid: "#b8b8b8",
            Role.Dark: "#9f9f9f", Role.Shadow: "#767676",
            Role.Highlight: "#3072c4", Role.HighlightedText: "#ffffff",
            Role.Link: "#1a5fb4", Role.LinkVisited: "#613583",
        },
        {
            Role.WindowText: "#9a9a9a", Role.Text: "#9a9a9a", Role.ButtonText: "#9a9a9a",
            Role.Highlight: "#c4c4c4", Role.HighlightedText: "#ffffff",
        },
    )


def dark_palette() -> QPalette:
    """Contrast chosen so disabled text stays readable but clearly distinct from enabled text."""
    return _palette(
        {
            Role.Window: "#2d2d30", Role.WindowText: "#e6e6e6",
            Role.Base: "#1e1e1e", Role.AlternateBase: "#2a2a2d",
            Role.ToolTipBase: "#3c3c3f", Role.ToolTipText: "#e6e6e6",
            Role.PlaceholderText: "#8c8c8c",
            Role.Text: "#e6e6e6", Role.Button: "#353538", Role.ButtonText: "#e6e6e6",
            Role.BrightText: "#ff6b6b",
            Role.Light: "#4a4a4e", Role.Midlight: "#3e3e42", Role.Mid: "#2a2a2d",
            Role.Dark: "#1a1a1c", Role.Shadow: "#000000",
            Role.Highlight: "#2f6fc0", Role.HighlightedText: "#ffffff",
            Role.Link: "#6cb4ff", Role.LinkVisited: "#c49bff",
        },
        {
            Role.WindowText: "#7a7a7a", Role.Text: "#7a7a7a", Role.ButtonText: "#7a7a7a",
            Role.Highlight: "#505054", Role.HighlightedText: "#bdbdbd",
        },
    )


def system_theme() -> ThemeName:
    """The first-run default: follow the desktop when it says it is dark, otherwise light."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, name: str) -> None:
    """Switch the whole application at once, so every open window and dialog changes together."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; expected one of {', '.join(THEMES)}")
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(light_palette() if name == "light" else dark_palette())
    app.setProperty(_THEME_PROPERTY, name)


def current_theme(app: QApplication) -> ThemeName | None:
    """None until `apply_theme` has run, so callers can tell 'never chosen' from 'light'."""
    value = app.property(_THEME_PROPERTY)
    return value if value in THEMES else None
