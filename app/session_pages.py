"""The sending session inside the window: the monitor's glue, email settings, journey lifecycle.

The session runs on APScheduler's Qt scheduler (`SessionWorker`): the scheduler's timer lives
in the window's event loop and its one job, the next wake-up, runs on a one-thread pool, since
a poll can take seconds on a big shop or wait on a slow mail server, which must not freeze the
window. Pause pauses the scheduler; stop asks the poll in progress to return after its current
batch or message (`SendingSession.request_stop()`) and then closes the session. The monitor is refreshed
every second on the GUI thread from storage (the outbox, newest first), and so are the
open journey's per-step "sent" counts on the canvas while the session runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from app.deliverability_settings import add_secret_flags, store_secrets
from app.secrets import get_secret, set_secret
from app.session import lifecycle
from app.session.outbox import build_channels, outgoing
from app.session.scheduler import PollScheduler
from app.session.session import SendingSession, SessionConfig, SessionRefused, default_workers
from engine.channels.mime import text_to_html
from engine.timeutil import TimeFormatError, zone
from storage import session_repo, shop_repo, workers_repo
from storage.customers_repo import display_names
from storage.database import Database
from storage.errors import StorageError
from storage.models import JourneyRecord, OutboxRow
from widgets.email_settings import EmailSettingsDialog
from widgets.session_monitor import SessionMonitor

if TYPE_CHECKING:
    from app.main_window import MainWindow

log = logging.getLogger(__name__)
PASSWORD_SECRET = "smtp_password"
ROW_LIMIT = 500
REFRESH_MS = 1000


def _local(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M:%S", tz: tzinfo | None = None) -> str:
    """A moment in the shop's zone (`tz`; the computer's when the shop has none)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).strftime(fmt)


def shop_zone(db: Database) -> tuple[tzinfo, str]:
    """(zone, its name): the shop's time zone from Shop settings, in which the log shows times
    and which it names, so a time never stands without saying which clock it is on."""
    with db.read() as s:
        name = str(shop_repo.settings_dict(s).get("timezone") or "UTC")
    try:
        return zone(name), name
    except TimeFormatError:
        return zone("UTC"), "UTC"


class _Waker(QObject):
    wake = Signal()


class GuiScheduler(QtScheduler):
    """APScheduler's Qt scheduler, safe to wake from its executor's thread.

    QtScheduler arms a QTimer when a job is added; the session's poller adds each next
    wake-up from the executor thread the poll ran on, where a QTimer never fires. A queued
    signal carries the wake-up to the thread the scheduler lives on (the window's).
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._waker = _Waker()
        self._waker.wake.connect(self._wake_here, Qt.ConnectionType.QueuedConnection)

    def wakeup(self) -> None:
        if QThread.currentThread() is self._waker.thread():
            super().wakeup()
        else:
            self._waker.wake.emit()

    def _wake_here(self) -> None:
        if self.running:
            super().wakeup()


class SessionWorker(QObject):
    """Runs a session on APScheduler's Qt scheduler: one poll job at a time, executed on a
    one-thread pool, so a poll of seconds (a big shop, a slow mail server) never freezes the
    window. Opening the session (the lease, recovering interrupted messages) and closing it run
    on that thread too. Pause pauses the scheduler: a poll in progress finishes, none starts."""

    ready = Signal(str, int)  # where email goes, how many messages were left uncertain
    failed = Signal(str)
    polled = Signal(object)  # the next wake-up (datetime | None)
    finished = Signal()

    def __init__(self, db: Database, config: SessionConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.config = config or SessionConfig(workers=default_workers())
        self.session: SendingSession | None = None
        self.scheduler = GuiScheduler(executors={"default": ThreadPoolExecutor(1)}, timezone=UTC,
                                      job_defaults={"misfire_grace_time": None, "coalesce": True})
        self._stop = threading.Event()
        self._closed = threading.Event()
        self.finished.connect(self._shut_scheduler)

    def start(self) -> None:
        self.scheduler.start()
        self.scheduler.add_job(self._open, "date", run_date=datetime.now(UTC), id="journey-builder-open")

    def _open(self) -> None:
        try:
            with self.db.read() as s:
                shop = shop_repo.settings_dict(s)
            channels = build_channels(shop)
            config = self.config
            if config.http_port is None:  # the window's session serves unsubscribe links like `run`
                config = replace(config, http_port=(shop.get("delivery") or {}).get("http_port",
                                                                                    shop_repo.DEFAULT_HTTP_PORT))
            session = SendingSession(self.db, channels, config=config)
            try:
                uncertain = session.start()
            except Exception:
                channels.close()
                raise
        except (StorageError, OSError, ValueError, SessionRefused) as exc:
            self.failed.emit(str(exc))
            self._closed.set()
            self.finished.emit()
            return
        self.session = session
        if self._stop.is_set():
            self._close()
            return
        self.ready.emit(channels.description, uncertain)
        PollScheduler(session, self.scheduler, on_report=lambda report: self.polled.emit(report.next_wake)).start()

    def _close(self) -> None:
        try:
            if self.session is not None:
                self.session.close()  # waits for nothing: polls run on this very thread
        finally:
            self._closed.set()
            self.finished.emit()

    def _shut_scheduler(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def pause(self) -> None:
        self.scheduler.pause()

    def resume(self) -> None:
        self.scheduler.resume()

    def request_stop(self) -> None:
        """Asks the poll in progress to end after its batch or message, then closes the session."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self.session is not None:
            self.session.request_stop()
        if self.scheduler.running:
            self.scheduler.resume()
            self.scheduler.add_job(self._close, "date", run_date=datetime.now(UTC), id="journey-builder-close")

    def close_now(self) -> None:
        """The window is closing: ends the poll in progress, waits for it and closes the session
        on this thread (the scheduler's timer cannot fire while the window's thread waits)."""
        self._stop.set()
        if self.session is not None:
            self.session.request_stop()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        if not self._closed.is_set():
            self._closed.set()
            if self.session is not None:
                self.session.close()


class SessionPages(QObject):
    """Feeds a SessionMonitor from the database and runs the session it starts."""

    def __init__(self, db: Database, monitor: SessionMonitor, *, journey_id: Callable[[], int | None] | None = None,
                 set_badges: Callable[[dict[str, str]], None] | None = None,
                 config: SessionConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.monitor = monitor
        self.journey_id = journey_id or (lambda: None)
        self.set_badges = set_badges
        self.config = config
        self.worker: SessionWorker | None = None
        self.state = "stopped"
        self.since: datetime | None = None
        self.next_wake: datetime | None = None
        self.channel = ""
        self.message = ""
        self._badged = False
        monitor.startRequested.connect(self.start)
        monitor.pauseRequested.connect(self.pause)
        monitor.resumeRequested.connect(self.resume)
        monitor.stopRequested.connect(self.stop)
        monitor.set_resolver(self.resolve)
        monitor.set_message_loader(self.sent_message)
        monitor.retryParkedRequested.connect(self.retry_parked)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    @property
    def running(self) -> bool:
        return self.state in ("starting", "running", "paused")

    # -- the session -------------------------------------------------------------------------
    def start(self) -> None:
        if self.worker is not None:
            return
        self.state, self.message, self.since, self.next_wake = "starting", "", datetime.now(UTC), None
        worker = SessionWorker(self.db, self.config, self)
        worker.ready.connect(self._ready)
        worker.failed.connect(self._failed)
        worker.polled.connect(self._polled)
        worker.finished.connect(self._finished)
        self.worker = worker
        worker.start()
        self.refresh()

    def _ready(self, description: str, uncertain: int) -> None:
        if self.state == "starting":
            self.state = "running"
        self.channel = description
        if uncertain:
            self.message = self.tr("{n} message(s) were being sent when the last session stopped; review them "
                                   "below").format(n=uncertain)
        self.refresh()

    def _failed(self, message: str) -> None:
        self.message = self.tr("The session could not start: {reason}").format(reason=message)

    def _polled(self, next_wake: object) -> None:
        self.next_wake = next_wake if isinstance(next_wake, datetime) else None

    def _finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.state, self.next_wake = "stopped", None
        self.refresh()

    def pause(self) -> None:
        if self.worker is not None and self.state == "running":
            self.worker.pause()
            self.state = "paused"
            self.refresh()

    def resume(self) -> None:
        if self.worker is not None and self.state == "paused":
            self.worker.resume()
            self.state = "running"
            self.refresh()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.request_stop()

    def shutdown(self) -> None:
        """Stops the session and waits for it (the window is closing)."""
        self.timer.stop()
        worker = self.worker
        if worker is not None:
            worker.close_now()
            self._finished()

    def resolve(self, message_id: int, verdict: str) -> None:
        try:
            with self.db.transaction() as s:
                session_repo.resolve_uncertain(s, message_id, verdict)
        except StorageError as exc:
            self.message = str(exc)
        self.refresh()

    def retry_parked(self) -> None:
        """Wakes every parked run at the session's next wake-up."""
        try:
            with self.db.transaction() as s:
                session_repo.retry_parked(s)
        except StorageError as exc:
            self.message = str(exc)
        self.refresh()

    # -- what the monitor shows ---------------------------------------------------------------
    def sent_message(self, message_id: int) -> dict[str, Any] | None:
        """The message as the channel was given it (built by the same `outgoing` as delivery)."""
        with self.db.read() as s:
            record = session_repo.outgoing_record(s, message_id)
        if record is None or not record.payload:
            return None
        msg = outgoing(record)
        if record.channel == "email":
            return {"channel": "email", "to": msg.to, "subject": msg.subject,
                    "html": msg.html if msg.html is not None else text_to_html(msg.text or "")}
        if record.channel == "sms":
            return {"channel": "sms", "to": msg.to, "text": msg.text}
        return {"channel": record.channel, "to": msg.to, "title": msg.title, "body": msg.body, "url": msg.url}

    def rows(self) -> list[dict[str, Any]]:
        """The log's rows: times in the shop's zone, customers by name (their id beside it)."""
        tz, zone_name = shop_zone(self.db)
        self.monitor.set_time_zone(zone_name)
        with self.db.read() as s:
            names = dict(s.execute(select(JourneyRecord.id, JourneyRecord.name)).all())
            found = session_repo.list_outbox(s, limit=ROW_LIMIT)
            people = display_names(s, [row.customer_id for row in found])
            out = []
            for row in found:
                status = row.status
                if status == "queued" and row.error:
                    status = "deferred"  # a temporary failure, tried again later
                reason = row.reason or ""
                if row.error:
                    reason = f"{reason}: {row.error}" if reason and reason not in ("bounced", "gave_up") else row.error
                if row.status == "queued" and row.next_attempt_at is not None and row.error:
                    reason += " " + self.tr("(next try {time})").format(time=_local(row.next_attempt_at, tz=tz))
                out.append({"id": row.id, "time": _local(row.sent_at or row.created_at, tz=tz),
                            "journey": names.get(row.journey_id or 0, ""), "node": row.node_id,
                            "customer": people.get(row.customer_id, row.customer_id),
                            "customer_id": row.customer_id, "channel": row.channel, "status": status,
                            "reason": reason})
        return out

    def sent_per_node(self, journey_id: int) -> dict[str, int]:
        with self.db.read() as s:
            return dict(s.execute(select(OutboxRow.node_id, func.count()).where(
                OutboxRow.journey_id == journey_id, OutboxRow.status == "sent").group_by(OutboxRow.node_id)).all())

    def refresh(self) -> None:
        if not (self.running or self.monitor.isVisible()):
            return
        try:
            with self.db.read() as s:
                counts = session_repo.outbox_counts(s)
                total, parked = session_repo.parked_runs(s, limit=100)
                workers = workers_repo.workers(s, datetime.now(UTC))
                people = display_names(s, [p.customer_id for p in parked])
            tz, _name = shop_zone(self.db)
            mine = self.worker.session.owner if self.worker is not None and self.worker.session is not None else None
            self.monitor.set_workers([{"role": w.role, "where": f"{w.host}:{w.pid}",
                                       "heartbeat": _local(w.heartbeat_at, tz=tz), "runs": w.runs, "sent": w.sent,
                                       "alive": w.alive, "mine": w.owner == mine} for w in workers])
            self.monitor.set_rows(self.rows())
            self.monitor.set_parked(total, [{"journey": p.journey, "customer": people.get(p.customer_id, p.customer_id),
                                             "customer_id": p.customer_id, "reason": p.reason} for p in parked])
        except Exception:  # noqa: BLE001 - a busy database: try again in a second
            log.exception("could not read the outbox")
            return
        self.monitor.set_status({"state": self.state, "since": _local(self.since, tz=tz),
                                 "next_wake": _local(self.next_wake, "%H:%M:%S", tz=tz), "counts": counts,
                                 "channel": self.channel, "message": self.message})
        self._badges()

    def _badges(self) -> None:
        if self.set_badges is None:
            return
        journey_id = self.journey_id()
        if self.running and journey_id is not None:
            counts = self.sent_per_node(journey_id)
            self.set_badges({node: self.tr("{n} sent").format(n=n) for node, n in counts.items()})
            self._badged = True
        elif self._badged:
            self.set_badges({})
            self._badged = False


# -- email settings -------------------------------------------------------------------------------
def load_email_settings(db: Database) -> dict[str, Any]:
    with db.read() as s:
        shop = shop_repo.settings_dict(s)
    smtp = dict(shop.get("smtp") or {})
    smtp.setdefault("sender", shop.get("sender_email") or "")
    smtp["has_password"] = bool(smtp.get("password_secret") and get_secret(str(smtp["password_secret"])))
    return add_secret_flags(smtp)


def save_email_settings(db: Database, values: dict[str, Any]) -> None:
    """The account into the settings row; the password (when one was typed) into the keyring."""
    values = store_secrets(values)
    password = values.pop("password", "") or ""
    values.pop("has_password", None)
    if not values.get("host"):
        smtp: dict[str, Any] | None = None
    else:
        if password:
            set_secret(PASSWORD_SECRET, password)
        smtp = {k: v for k, v in values.items() if v not in (None, "")}
        smtp["password_secret"] = PASSWORD_SECRET
    with db.transaction() as s:
        shop_repo.update_settings(s, smtp=smtp)


def check_email_settings(values: dict[str, Any]) -> tuple[bool, str]:
    """Connects and logs in with the dialog's values (nothing is sent)."""
    from engine.channels.smtp import SmtpChannel, SmtpConfig

    if not values.get("host"):
        return False, QApplication.translate("SessionPages", "Enter the SMTP server first.")
    password = values.get("password") or get_secret(PASSWORD_SECRET)
    try:
        config = SmtpConfig(host=str(values["host"]), port=int(values.get("port") or 587),
                            security=values.get("security") or "starttls", username=values.get("username"),
                            password=password, sender=str(values.get("sender") or ""), timeout=10)
    except ValueError as exc:
        return False, str(exc)
    channel = SmtpChannel(config)
    try:
        result = channel.verify()
    finally:
        channel.close()
    return result.status == "sent", result.detail or ""


def open_email_settings(db: Database, parent: QWidget) -> EmailSettingsDialog:
    dialog = EmailSettingsDialog(load_email_settings(db), check_email_settings, parent)

    def accepted() -> None:
        try:
            save_email_settings(db, dialog.values())
        except (ValueError, StorageError) as exc:
            QMessageBox.warning(parent, dialog.tr("Could not save the email settings"), str(exc))

    dialog.accepted.connect(accepted)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


# -- journey lifecycle ----------------------------------------------------------------------------
class JourneyLifecycle(QObject):
    """Publish / pause / resume / archive for the window's open journey."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _name(self) -> str | None:
        document = self.window.document
        if document is None:
            QMessageBox.information(self.window, self.tr("No journey open"), self.tr("Open a journey first."))
            return None
        return str(document.name)

    def _done(self, message: str) -> None:
        refresh = getattr(self.window, "refresh_library", None)
        if callable(refresh):
            refresh()
        self.window.statusBar().showMessage(message, 5000)

    def _do(self, action: Callable[[], object], done: str) -> bool:
        try:
            action()
        except (StorageError, ValueError) as exc:
            self.window._error(self.tr("Could not change the journey"), str(exc))
            return False
        self._done(done)
        return True

    def publish(self) -> bool:
        name = self._name()
        if name is None or not self.window.save_now():
            return False
        db = self.window.controller.db
        try:
            preview = lifecycle.preview_publish(db, name)
        except StorageError as exc:
            self.window._error(self.tr("Could not publish"), str(exc))
            return False
        in_flight = "finish_old"
        if preview.diff is not None and preview.in_flight:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Publish “{name}”").format(name=name),
                              self.tr("{n} customer(s) are inside the live version. What should happen to "
                                      "them?").format(n=preview.in_flight), parent=self.window)
            details = preview.diff.summary()
            if preview.at_removed_nodes:
                details += "\n" + self.tr("{n} of them stand at a step the new version removes.").format(
                    n=preview.at_removed_nodes)
            box.setInformativeText(details)
            finish = box.addButton(self.tr("Let them finish on the old version"), QMessageBox.ButtonRole.AcceptRole)
            move = box.addButton(self.tr("Move them to the new version"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is move:
                in_flight = "move"
            elif box.clickedButton() is not finish:
                return False
        return self._do(lambda: lifecycle.publish(db, name, in_flight),  # type: ignore[arg-type]
                        self.tr("Published “{name}”").format(name=name))

    def pause(self) -> bool:
        name = self._name()
        return name is not None and self._do(lambda: lifecycle.pause(self.window.controller.db, name),
                                             self.tr("Paused “{name}”").format(name=name))

    def resume(self) -> bool:
        name = self._name()
        return name is not None and self._do(lambda: lifecycle.resume(self.window.controller.db, name),
                                             self.tr("Resumed “{name}”").format(name=name))

    def archive(self) -> bool:
        name = self._name()
        if name is None:
            return False
        answer = QMessageBox.question(
            self.window, self.tr("Archive “{name}”").format(name=name),
            self.tr("Archiving stops the journey for good: customers inside leave it and waiting messages "
                    "are not sent. Archive it?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._do(lambda: lifecycle.archive(self.window.controller.db, name),
                        self.tr("Archived “{name}”").format(name=name))
