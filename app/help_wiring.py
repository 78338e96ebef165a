"""Finding one's way: the start page in the middle of the window, Help ▸ Start page and
Help ▸ User guide (F1, the offline guide in the UI's language).

The start page's three first steps are wired to what the window already has: the template
gallery, the simulator dock, and the sending session, which is started only while the shop has
no mail account, so "send to the local catcher" never reaches a real customer.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.i18n import current_language
from widgets.help_browser import HelpBrowser
from widgets.start_page import StartPage

if TYPE_CHECKING:
    from app.main_window import MainWindow


def guide_html(language: str) -> str:
    """The guide in `language`, else in English."""
    folder = resources.files("resources.guide")
    page = folder / f"guide_{language}.html"
    if not page.is_file():
        page = folder / "guide_en.html"
    return page.read_text(encoding="utf-8")


class HelpPages(QObject):
    """Owns the start page and the guide window of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide: HelpBrowser | None = None
        self.page = StartPage(window.central)
        window.central.addWidget(self.page)
        self.page.templateRequested.connect(self.open_template)
        self.page.simulateRequested.connect(self.simulate)
        self.page.sendingRequested.connect(self.start_sending)
        self.page.guideRequested.connect(self.show_guide)
        self.start_action = QAction(self.tr("&Start page"), window)
        self.start_action.setObjectName("action_start_page")
        self.start_action.triggered.connect(self.show_start_page)
        self.guide_action = QAction(self.tr("&User guide"), window)
        self.guide_action.setObjectName("action_user_guide")
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        window.named_actions["start_page"] = self.start_action
        window.named_actions["user_guide"] = self.guide_action
        window.addAction(self.guide_action)  # F1 works wherever the focus is
        menu = window.menuBar().findChild(QMenu, "menu_help")
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, [self.start_action, self.guide_action])
            if first is not None:
                menu.insertSeparator(first)

    def show_start_page(self) -> None:
        self.page.set_note("")
        self.window.central.setCurrentWidget(self.page)

    def showing(self) -> bool:
        return self.window.central.currentWidget() is self.page

    def leave(self) -> None:
        """Back to the canvas when a journey is open, else to the empty hint."""
        has_journey = self.window.journey is not None
        self.window.central.setCurrentWidget(self.window.view if has_journey else self.window.empty_state)

    def show_guide(self) -> HelpBrowser:
        if self.guide is None or not self.guide.isVisible():
            self.guide = HelpBrowser(guide_html(current_language()), self.window)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    # The three first steps -----------------------------------------------------------------
    def open_template(self) -> bool:
        opened = bool(self.window.new_from_gallery())
        if opened:
            self.leave()
        return opened

    def simulate(self) -> bool:
        """The simulator beside the open journey (the first in the library when none is open)."""
        window = self.window
        if window.journey is None:
            names = window.library.names()
            if not names or not window.open_journey(names[0]):
                self.page.set_note(self.tr("There is no journey to simulate yet: open a template first."))
                return False
        self.leave()
        if window.tools is not None:
            window.tools.show_simulator()
        return True

    def start_sending(self) -> bool:
        """Starts the session when mail would go to the local catcher; with a mail account set up
        it only shows the panel, since Start there would write to real customers."""
        from app.session_pages import load_email_settings

        tools = self.window.tools
        if tools is None:
            return False
        tools.show_session()
        if load_email_settings(self.window.controller.db).get("host"):
            self.page.set_note(self.tr("This shop has a mail account set up, so sending would reach real "
                                       "customers. Press Start in the Sending session panel when you mean it."))
            return False
        if not tools.session_pages.running:
            tools.session_pages.start()
        self.page.set_note(self.tr("The session is sending to the local catcher: see the Sending session panel."))
        return True


def install(window: MainWindow) -> HelpPages:
    return HelpPages(window)
