"""The language of the user interface: which translation is loaded, and the View ▸ Language menu.

The app's own strings are in `resources/translations/journey_builder_<lang>.qm` (compiled from
the `.ts` files by `resources/translations/update.py`); Qt's own dialogs (file pickers, message
box buttons) come from Qt's `qtbase_<lang>.qm` when the Qt install ships it. English is the
source language, so it needs no file and is what any missing translation falls back to.

The choice is stored under `ui/language` in the app's settings; with nothing stored the desktop's
language is used when the app has it, else English. `--language` overrides it for one run only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "en"
# Each language in its own name: someone who cannot read the current one must still find theirs.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "ru": "Русский", "es": "Español"}
STEM = "journey_builder"

# Translators must outlive the call that installs them (Qt keeps only a pointer), and the ones of
# the previous language are removed before new ones go in.
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translations_dir() -> Path:
    return Path(str(resources.files("resources.translations")))


def _settings() -> QSettings:
    from app.main_window import open_settings

    return open_settings()


def saved_language() -> str | None:
    value = _settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = _settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def system_language() -> str:
    """The first of the desktop's preferred languages the app speaks; English otherwise."""
    locale = QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def resolve_language(requested: str | None = None) -> str:
    """`requested` (e.g. `--language`) if the app has it, else the saved choice, else the desktop's."""
    if requested in LANGUAGES:
        return requested
    return saved_language() or system_language()


def current_language() -> str:
    """The language installed last (English before any install), e.g. for the template gallery."""
    return _current


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Loads the translations of `language` (resolved as `resolve_language` says) into `app`,
    replacing any loaded before; returns the language code now in use. Widgets built after this
    call speak the new language; existing ones keep their texts (the window is rebuilt instead)."""
    global _current
    code = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != DEFAULT_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"{STEM}_{code}", str(translations_dir())):
            app.installTranslator(own)
            _installed.append(own)
        else:  # a broken install: say so once, and keep going in English rather than failing
            print(f"journey-builder: no translation file for {code!r}; using English", file=sys.stderr)
            code = DEFAULT_LANGUAGE
    if code != DEFAULT_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(app)
        if qt_dir and qt_own.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    _current = code
    return code


def add_language_menu(parent_menu: QMenu, owner: QWidget, on_chosen: Callable[[str], None]) -> QMenu:
    """View ▸ Language: one checkable entry per language, the current one checked. The menu and
    its action group are parented to `owner` and kept as attributes, so Python keeps them alive."""
    menu = parent_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    menu.setObjectName("menu_language")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"action_language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: on_chosen(str(action.data())))
    menu._group = group  # type: ignore[attr-defined]  # a Python reference, see the docstring
    return menu
