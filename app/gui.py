"""Starting the desktop app from the command line (`journey-builder` with no subcommand).

Qt is imported here and not in `app.cli`, so the headless subcommands start fast and run on
machines without a display. The order matters: the database is opened (and refused with a
message box, never a traceback, when it is not usable) before any window exists, and a brand-new
shop is filled with the demo shop and the template gallery before the window lists it.
"""

from __future__ import annotations

import argparse
import functools
import signal
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.controller import DatabaseProblem, ShopController, ShopError
from app.i18n import current_language, install_translator
from app.main_window import APPLICATION, ORGANIZATION, THEME_KEY, MainWindow, app_version, open_settings
from app.theme import THEMES, apply_theme, system_theme

SCREENSHOT_SIZE = (1400, 900)
BUSY_TEXT_WIDTH = 380  # px: the busy box's text wraps here, well inside a 1280×720 screen
EXIT_DATABASE = 2
T = TypeVar("T")


def _application() -> QApplication:
    """Reuse an existing QApplication (pytest-qt makes one) since Qt allows only one per process."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    elif existing is not None:
        raise RuntimeError("a non-GUI QCoreApplication already exists; the window cannot be shown")
    else:
        # QtWebEngine (the email previews) shares OpenGL contexts with the widgets: set first.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(app_version())
    app.setDesktopFileName("journey-builder")
    return app


def _initial_theme(requested: str | None) -> str:
    """`--theme` wins for this run only; otherwise the last menu choice, otherwise the desktop's."""
    if requested in THEMES:
        return requested
    saved = open_settings().value(THEME_KEY)
    return saved if saved in THEMES else system_theme()


def _tr(text: str) -> str:
    return QCoreApplication.translate("gui", text)


def _say(parent: QWidget | None, title: str, message: str, *, quiet: bool) -> None:
    """A message box for people, the same line on stderr for scripts (and for `--screenshot`,
    which must never wait on a dialog nobody sees)."""
    print(f"journey-builder: {message}", file=sys.stderr)
    if not quiet:
        QMessageBox.critical(parent, title, message)


def open_controller(db: str | None, *, quiet: bool = False) -> ShopController | None:
    """The shop database, or None after telling the user why it cannot be used. The file is
    left exactly as it was: `open_database` checks everything before SQLite may write."""
    try:
        return ShopController(db)
    except DatabaseProblem as exc:
        _say(None, QCoreApplication.translate("gui", "Cannot open the shop database"),
             QCoreApplication.translate("gui", "{problem}\n\nJourney Builder has not changed the file. Start it with --db PATH to use "
                 "another database.").format(problem=exc), quiet=quiet)
        return None


def run_busy(parent: QWidget | None, text: str, work: Callable[[], T], *, delay_ms: int = 400) -> T:
    """Runs `work` on a worker thread while the event loop keeps the window painting; a busy
    dialog appears only if it takes longer than `delay_ms`, so quick runs do not flash one."""
    result: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread below
            failure.append(exc)

    dialog = BusyDialog(text, parent)
    thread = threading.Thread(target=target, name="journey-builder-busy", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
    timer.start()
    QTimer.singleShot(delay_ms, dialog, lambda: dialog.show() if thread.is_alive() else None)
    loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
    return result[0]


class BusyDialog(QDialog):
    """The "please wait" box (first start sets up the demo shop in it): its text and an endless
    progress bar in a layout. QProgressDialog places them by hand at a size worked out once,
    when it is made; on a desktop whose font is larger than that, or in a longer language, its
    text was clipped. Here the text wraps at a width that fits any screen, and the box grows to
    the wrapped text's height whenever the font changes."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy_dialog")
        self.setWindowTitle(QCoreApplication.translate("gui", "Journey Builder"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.label = QLabel(text)
        self.label.setObjectName("busy_text")
        self.label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.label)
        layout.addWidget(bar)
        self._fit_text()

    def _fit_text(self) -> None:
        """A fixed layout asks a wrapped label for its one-line height; tell it the real one."""
        width = min(BUSY_TEXT_WIDTH, self.label.fontMetrics().horizontalAdvance(self.label.text()) + 2)
        self.label.setFixedWidth(width)
        self.label.setMinimumHeight(self.label.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._fit_text()


def first_start(controller: ShopController, parent: QWidget | None = None, *, quiet: bool = False) -> bool:
    """Fills an empty shop with the demo customers and the template gallery; False on failure."""
    try:
        if not controller.is_first_start():
            return True
        run_busy(parent, QCoreApplication.translate("gui", "Setting up the demo shop: customers, orders and ten ready journeys…"),
                 functools.partial(controller.first_start, language=current_language()))
    except ShopError as exc:
        _say(parent, QCoreApplication.translate("gui", "Could not set up the demo shop"), str(exc), quiet=quiet)
        return False
    return True


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; with `--screenshot` render it once to a PNG and return without a loop."""
    app = _application()
    interrupt = CtrlC(app)
    try:
        return _run_app(app, args, interrupt)
    finally:
        interrupt.remove()


def _run_app(app: QApplication, args: argparse.Namespace, interrupt: CtrlC) -> int:
    install_translator(app, getattr(args, "language", None))  # before any text is made
    apply_theme(app, _initial_theme(getattr(args, "theme", None)))
    screenshot = getattr(args, "screenshot", None)
    quiet = bool(screenshot)

    controller = open_controller(getattr(args, "db", None), quiet=quiet)
    if controller is None:
        return EXIT_DATABASE
    try:
        was_first = controller.is_first_start()
        first_start(controller, quiet=quiet)
        if interrupt.requested:  # Ctrl+C while the demo shop was being set up: no window at all
            return 0
        wanted = getattr(args, "open_journey", None)
        if screenshot:
            return _screenshot(app, controller, Path(screenshot), wanted, getattr(args, "select", None))

        host = WindowHost(app, controller)
        interrupt.window = lambda: host.window
        window = host.build()
        window.present()
        _open_initial(window, wanted, was_first)
        if was_first and not wanted:
            window.help.show_start_page()  # the journey is open behind it, ready to simulate
        return int(app.exec())
    finally:
        controller.close()


class CtrlC:
    """Ctrl+C in the terminal that started the app closes the window the way its close button
    does (the open journey is saved, a running session stops), and the app exits with status 0.

    Python runs a signal handler only between its own bytecodes, and while Qt's event loop waits
    in C++ none run, so the default handler's KeyboardInterrupt would come late and as a
    traceback. Instead the signal only wakes the loop: Python writes the signal's number to a
    socket (`signal.set_wakeup_fd`) and a QSocketNotifier on the other end closes the window
    from inside the loop, between two events, where closing is safe. No timer polls.
    """

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.requested = False
        self.window: Callable[[], QWidget | None] = lambda: None
        self._installed = threading.current_thread() is threading.main_thread()
        if not self._installed:  # signals reach only the main thread; a test's worker thread has none
            return
        self._receiver, self._sender = socket.socketpair()
        self._receiver.setblocking(False)
        self._sender.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._sender.fileno(), warn_on_full_buffer=False)
        self._previous_handler = signal.signal(signal.SIGINT, _wake_only)
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        signals = b""
        try:
            while chunk := self._receiver.recv(512):
                signals += chunk
        except BlockingIOError:
            pass
        if signal.SIGINT not in signals:
            return
        self.requested = True
        window = self.window()
        if window is not None and window.close():
            self.app.quit()

    def remove(self) -> None:
        """Puts back what was there before, so a later window in the same process starts clean."""
        if not self._installed:
            return
        self._installed = False
        self._notifier.setEnabled(False)
        signal.signal(signal.SIGINT, self._previous_handler if self._previous_handler is not None
                      else signal.default_int_handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._receiver.close()
        self._sender.close()


def _wake_only(signum: int, frame: object) -> None:
    """Nothing to do here: the wake-up socket carries the signal to `CtrlC._woken`."""


class WindowHost:
    """Owns the main window so it can be replaced. Qt widgets keep the texts they were built
    with, so a language change saves the open journey, rebuilds the window under the new
    translator and reopens the journey: no work is lost, and no widget is left half-translated."""

    def __init__(self, app: QApplication, controller: ShopController | None, *,
                 persist_layout: bool = True) -> None:
        self.app = app
        self.controller = controller
        self.persist_layout = persist_layout
        self.window: MainWindow | None = None

    def build(self) -> MainWindow:
        window = MainWindow(self.controller, persist_layout=self.persist_layout)
        window.language_host = self.request_language
        self.window = window
        return window

    def request_language(self, language: str) -> None:
        """Called from the menu: the switch waits for the menu to close, as it deletes the menu."""
        QTimer.singleShot(0, lambda: self.switch_language(language))

    def switch_language(self, language: str) -> bool:
        """False (and the window unchanged) if the open journey could not be saved first. The
        new window gets the old one's layout, canvas view, selection and tool results."""
        old = self.window
        if old is None or not old.save_now():
            return False
        name = old.document.name if old.document is not None else None
        carry = old.carry_over()
        old.save_layout()
        install_translator(self.app, language)
        new = self.build()
        if name is not None:
            new.open_journey(name)
        new.take_over(carry)
        if old.isMaximized():
            new.showMaximized()
        elif old.isVisible():
            new.show()
        if name is not None:
            new.take_over_view(carry)
        old.language_host = None
        old.close()
        old.deleteLater()
        return True


def _open_initial(window: MainWindow, wanted: str | None, was_first: bool) -> bool:
    """`--open NAME`, else the journey worked on last, else (first start) the first template."""
    names = window.library.names()
    if wanted:
        if wanted in names:
            return window.open_journey(wanted)
        print(QCoreApplication.translate("gui", "journey-builder: no journey named “{name}”").format(name=wanted), file=sys.stderr)
        return False
    recent = [n for n in window.recent_journeys() if n in names]
    if recent:
        return window.open_journey(recent[0])
    if was_first and names:
        return window.open_journey(names[0])
    return False


def _select_for_screenshot(app: QApplication, window: MainWindow, node_id: str) -> None:
    window.show_problem(node_id)  # selects and centres the node, shows its form
    form = window.inspector.node_form
    view = form.preview.email_view.view if form is not None and form.preview is not None else None
    if view is None or form is None or form.preview is None:
        return
    before = view.load_count
    form.preview.refresh()
    form.preview.email_view.flush()
    # The live preview is at the foot of a message's form: scroll the inspector down to it, so
    # the picture shows the email rather than the fields above it.
    area = form.preview.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: view.load_count > before and loop.quit())
    poll.start(50)
    QTimer.singleShot(60000, loop.quit)  # a preview that never loads does not hang the screenshot
    loop.exec()
    poll.stop()
    settle = QEventLoop()
    QTimer.singleShot(1500, settle.quit)  # loaded, then drawn by the web engine's process
    settle.exec()


def _screenshot(app: QApplication, controller: ShopController, path: Path, wanted: str | None,
                selected: str | None = None) -> int:
    """Fixed size and no remembered layout, so the picture is the same on every machine.

    With `selected`, that step's form is in the inspector; an email's preview is waited for
    (QtWebEngine draws it in another process), so the picture shows the email itself."""
    window = MainWindow(controller, persist_layout=False)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if wanted:
        if wanted not in window.library.names():
            print(QCoreApplication.translate("gui", "journey-builder: no journey named “{name}”").format(name=wanted), file=sys.stderr)
            window.close()
            return 2
        window.open_journey(wanted)
    for _ in range(3):  # layout and polish can take more than one pass to settle
        app.processEvents()
    if window.view is not None and window.document is not None:
        window.view.fit()
        app.processEvents()
    if selected and window.view is not None:
        _select_for_screenshot(app, window, selected)
    image = window.grab()
    window.close()
    window.deleteLater()
    app.processEvents()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # reported below, in the same words as any other write failure
    if image.isNull() or not image.save(str(path), "PNG"):
        print(QCoreApplication.translate("gui", "journey-builder: could not write the screenshot to {path}").format(path=path),
              file=sys.stderr)
        return 1
    return 0
