"""An email as a mail app shows it: the real HTML in a real browser engine (QtWebEngine), at a
desktop or a phone's width, in the light or the dark scheme.

A designed email is tables, media queries and a `prefers-color-scheme` style sheet: QTextBrowser
understands none of them, so the inspector and the simulator show the rendered HTML in
Chromium through QtWebEngine. The page is laid out at the width the reader's screen has (600
px and more for a desktop client, 375 px for a phone) and scaled to fit the panel, so the
phone layout really is MJML's phone layout. "Dark" shows what a mail app that honours the
dark scheme shows: the email's own dark style sheet, applied as such a client applies it.

Nothing a previewed email contains can reach the network or run: JavaScript is off, and
remote pictures (the logo, product photos) show as placeholders of their size.
"""

from __future__ import annotations

import atexit
import base64
import os
import re
import weakref
from typing import Any

from PySide6.QtCore import QSize, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DESKTOP_WIDTH = 640
PHONE_WIDTH = 375
_DARK_QUERY = re.compile(r"@media\s*\(prefers-color-scheme:\s*dark\)")

# Chromium's sandbox needs user namespaces, which containers and root sessions often lack; the
# preview shows local HTML with JavaScript off, so it runs without it when it must.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


# What a remote picture shows as in the preview: a neutral frame with a landscape pictogram.
_PLACEHOLDER = ("data:image/svg+xml;base64," + base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120" viewBox="0 0 160 120">'
    b'<rect width="160" height="120" rx="8" fill="#d9dee3"/>'
    b'<circle cx="112" cy="38" r="12" fill="#f4f6f8"/>'
    b'<path d="M20 100 L62 52 L92 84 L110 66 L140 100 Z" fill="#aab4be"/></svg>').decode())
_REMOTE_IMAGE = re.compile(r'(<img\b[^>]*?\bsrc=")https?://[^"]*(")', re.IGNORECASE)


def preview_markup(markup: str, *, dark: bool) -> str:
    """The HTML as the preview loads it: remote pictures as placeholders (the preview loads
    nothing from the network, so opening a journey tells no tracker anything), and in dark mode
    the email's dark style sheet applied."""
    markup = _REMOTE_IMAGE.sub(lambda m: m.group(1) + _PLACEHOLDER + m.group(2), markup)
    if not dark:
        return markup
    markup = _DARK_QUERY.sub("@media all", markup)
    if "@media all" not in markup:  # an email without a dark sheet: a client darkens the page itself
        markup = markup.replace("</head>", "<style>html{filter:invert(1) hue-rotate(180deg);}"
                                           "img{filter:invert(1) hue-rotate(180deg);}</style></head>", 1)
    return markup


# Every web view made, so that they can go before the application does (below).
_VIEWS: weakref.WeakSet[Any] = weakref.WeakSet()


def _release_views() -> None:
    """QtWebEngine's default profile is released with the application; a page still alive then
    ("Release of profile requested but WebEnginePage still not deleted") crashes the process as
    it exits, after everything else went well. Views whose window is gone but not yet deleted
    (a closed designer window, a test's widgets) would be such pages, so at exit, while the
    application still exists, they are deleted first."""
    import shiboken6

    if QApplication.instance() is None:
        return
    for view in list(_VIEWS):
        if shiboken6.isValid(view):
            shiboken6.delete(view)


atexit.register(_release_views)


def web_engine_available() -> bool:
    try:
        from PySide6 import QtWebEngineWidgets  # noqa: F401
    except ImportError:
        return False
    return True


class EmailView(QWidget):
    """The page itself, scaled so its layout width (desktop or phone) fits the widget."""

    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWebEngineCore import QWebEngineSettings
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.view = QWebEngineView(self)
        _VIEWS.add(self.view)
        self.view.setObjectName("email_web_view")
        settings = self.view.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.view.loadFinished.connect(self._finished)
        self.layout_width = DESKTOP_WIDTH
        self.markup = ""
        self.load_count = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.view)
        layout.addStretch(1)
        # The page's width follows this widget (_fit), never the other way round: without a
        # minimum of its own, the page's last fixed width (375 px for a phone) would become the
        # least the panel holding it may be, and widen the dock at 1280×720.
        self.setMinimumWidth(120)

    def set_html(self, markup: str, layout_width: int) -> None:
        self.layout_width = layout_width
        self.markup = markup
        self._fit()
        self.view.setHtml(markup, QUrl("about:blank"))

    def _finished(self, ok: bool) -> None:
        self.load_count += 1
        self.loaded.emit(ok)

    def _fit(self) -> None:
        """A page narrower than the widget keeps its width (a phone in the middle); a wider one
        is scaled down, so the layout is always the one a screen of that width gets."""
        width = max(self.width(), 1)
        if width >= self.layout_width:
            self.view.setFixedWidth(self.layout_width)
            self.view.setZoomFactor(1.0)
        else:
            self.view.setFixedWidth(width)
            self.view.setZoomFactor(max(0.25, width / self.layout_width))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()


class EmailPreview(QWidget):
    """Toolbar (desktop/phone, light/dark) over the page; `show_html` sets what it shows."""

    def __init__(self, parent: QWidget | None = None, *, minimum_height: int = 360) -> None:
        super().__init__(parent)
        self.setObjectName("email_preview")
        self.markup = ""
        self.phone = False
        self.dark = False
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        sizes, schemes = QButtonGroup(self), QButtonGroup(self)
        for key, text, group in (("desktop", self.tr("Desktop"), sizes), ("phone", self.tr("Phone"), sizes),
                                 ("light", self.tr("Light"), schemes), ("dark", self.tr("Dark"), schemes)):
            button = QToolButton()
            button.setObjectName(f"preview_{key}")
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(True)
            group.addButton(button)
            self.buttons[key] = button
            bar.addWidget(button)
            if key == "phone":
                bar.addSpacing(10)
        bar.addStretch(1)
        self.buttons["desktop"].setChecked(True)
        self.buttons["light"].setChecked(True)
        self.buttons["phone"].toggled.connect(lambda on: self.set_mode(phone=on))
        self.buttons["dark"].toggled.connect(lambda on: self.set_mode(dark=on))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        self.view: EmailView | None = None
        if web_engine_available():
            self.view = EmailView()
            self.view.setMinimumHeight(minimum_height)
            self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            layout.addWidget(self.view, 1)
        else:
            missing = QLabel(self.tr("The email preview needs QtWebEngine (PySide6-Addons), which is not installed."))
            missing.setWordWrap(True)
            layout.addWidget(missing)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self._load)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(380, 480)

    def set_mode(self, *, phone: bool | None = None, dark: bool | None = None) -> None:
        if phone is not None:
            self.phone = phone
            self.buttons["phone" if phone else "desktop"].setChecked(True)
        if dark is not None:
            self.dark = dark
            self.buttons["dark" if dark else "light"].setChecked(True)
        self._timer.start()

    def show_html(self, markup: str) -> None:
        if markup != self.markup:
            self.markup = markup
            self._timer.start()

    def _load(self) -> None:
        if self.view is not None:
            self.view.set_html(preview_markup(self.markup, dark=self.dark), PHONE_WIDTH if self.phone else DESKTOP_WIDTH)

    def flush(self) -> None:
        """Loads what is pending now (tests and screenshots)."""
        if self._timer.isActive():
            self._timer.stop()
            self._load()

