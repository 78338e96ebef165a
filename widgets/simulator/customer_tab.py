"""Who walks the journey, and from when: a shop customer or a hand-made test customer, the
start moment (in that customer's time zone) and how long the simulation may run.

Everything here is input; `inputsChanged` tells the simulator to start over with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.journey_tests import JourneyTest, profile_to_data
from engine.profile import Profile, ProfileError, parse_profile
from engine.timeutil import TimeFormatError, add_duration, local_wall_to_utc, now_utc, zone
from widgets.flow_layout import FlowLayout
from widgets.scrolling import VerticalScrollArea
from widgets.simulator.customer_form import CustomerForm

TEST_CUSTOMER = ""  # the source id of the hand-made customer
DEFAULT_DAYS = 30
MAX_DAYS = 800


@dataclass(frozen=True)
class CustomerInputs:
    """Who is simulated and from when, as the tab shows it."""

    source: str
    form: dict[str, Any]
    start: datetime
    length_days: int
    until_override: datetime | None


class CustomerTab(QWidget):
    """`shopCustomerChosen(id)` when a shop customer is picked (the panel fetches the profile)."""

    inputsChanged = Signal()
    shopCustomerChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop_profile: Profile | None = None
        self._default_tz = "UTC"
        self._until_override: datetime | None = None
        self._start = now_utc().replace(minute=0, second=0)
        self.source = QComboBox()
        self.source.setObjectName("customer_source")
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # sized by a few characters, not its longest entry: a long name or translation must not widen the dock
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(14)
        self.source.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.source.setToolTip(self.tr("A customer from the shop's database, or a test customer you describe below"))
        self.source.addItem(self.tr("Test customer (described below)"), TEST_CUSTOMER)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.copy_button = QPushButton(self.tr("Edit a copy"))
        self.copy_button.setToolTip(self.tr("Copy this shop customer into the test customer form to change them"))
        self.copy_button.clicked.connect(self.copy_to_form)
        self.shop_summary = QLabel()
        self.shop_summary.setObjectName("shop_customer_summary")
        self.shop_summary.setWordWrap(True)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setObjectName("start_edit")
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setToolTip(self.tr("When the simulation starts, in the customer's time zone. Events "
                                           "before it are history; a trigger before it does not enroll."))
        self.start_edit.dateTimeChanged.connect(self._start_edited)
        self.tz_label = QLabel()
        self.tz_label.setObjectName("start_tz")
        now_button = QPushButton(self.tr("Now"))
        now_button.clicked.connect(lambda: self.set_start(now_utc()))
        self.latest_button = QPushButton(self.tr("At their latest event"))
        self.latest_button.setToolTip(self.tr("Start when the customer's most recent event happened, so the "
                                              "journey reacts to it (an abandoned cart, an order)"))
        self.latest_button.clicked.connect(self.start_at_latest_event)
        self.length_spin = QSpinBox()
        self.length_spin.setObjectName("length_days")
        self.length_spin.setRange(1, MAX_DAYS)
        self.length_spin.setValue(DEFAULT_DAYS)
        self.length_spin.setSuffix(self.tr(" days"))
        self.length_spin.setToolTip(self.tr("How far the virtual clock may run"))
        self.length_spin.valueChanged.connect(self._length_edited)
        self.form = CustomerForm()
        self.form.changed.connect(self._form_changed)

        who = FlowLayout()
        who.addWidget(self.source, 1)
        who.addWidget(self.copy_button)
        start = FlowLayout()
        start.addWidget(self.start_edit)
        start.addWidget(self.tz_label)
        start.addWidget(now_button)
        start.addWidget(self.latest_button)
        start.addStretch(1)
        head = QFormLayout()
        head.addRow(self.tr("Customer"), who)
        head.addRow("", self.shop_summary)
        head.addRow(self.tr("Start"), start)
        head.addRow(self.tr("Simulate for"), self.length_spin)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(head)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        scroll = VerticalScrollArea(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._show_source()
        self._show_start()

    # -- inputs from the app ---------------------------------------------------------------
    def set_customers(self, customers: list[tuple[str, str]]) -> None:
        """(id, display name) of the shop's customers; keeps the current choice when it is still there."""
        current = self.source_id()
        self.source.blockSignals(True)
        while self.source.count() > 1:
            self.source.removeItem(1)
        for customer_id, name in customers:
            label = f"{name} ({customer_id})" if name and name != customer_id else customer_id
            self.source.addItem(label, customer_id)
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        if index < 0 and current != TEST_CUSTOMER:
            self._source_changed()

    def set_shop_profile(self, profile: Profile | None) -> None:
        self._shop_profile = profile
        self._show_source()
        if not self.is_test_customer():
            self.inputsChanged.emit()

    def set_default_tz(self, name: str | None) -> None:
        self._default_tz = name or "UTC"
        self._show_start()

    def choose_customer(self, customer_id: str) -> bool:
        index = self.source.findData(customer_id)
        if index >= 0:
            self.source.setCurrentIndex(index)
        return index >= 0

    # -- reading ---------------------------------------------------------------------------
    def source_id(self) -> str:
        data = self.source.currentData()
        return data if isinstance(data, str) else TEST_CUSTOMER

    def is_test_customer(self) -> bool:
        return self.source_id() == TEST_CUSTOMER

    def start(self) -> datetime:
        return self._start

    def until(self) -> datetime:
        if self._until_override is not None:
            return self._until_override
        return add_duration(self._start, f"P{self.length_spin.value()}D", self.tz_name())

    def tz_name(self) -> str:
        """The customer's own zone, else the shop's (spec §1)."""
        name: Any = None
        if self.is_test_customer():
            name = self.form.timezone_name()
        elif self._shop_profile is not None:
            name = self._shop_profile.timezone
        try:
            zone(name or self._default_tz)
        except TimeFormatError:
            return self._default_tz
        return name or self._default_tz

    def profile(self) -> Profile:
        """The customer to simulate; ProfileError says what to fix (or that one is still loading)."""
        if self.is_test_customer():
            return parse_profile(self.form.profile_data(self._start))
        if self._shop_profile is None or self._shop_profile.id != self.source_id():
            raise ProfileError(self.tr("loading the customer…"))
        return self._shop_profile

    def inputs(self) -> CustomerInputs:
        return CustomerInputs(self.source_id(), self.form.raw_state(), self._start, self.length_spin.value(),
                              self._until_override)

    def set_inputs(self, inputs: CustomerInputs) -> None:
        """Puts back what `inputs()` gave (a window rebuilt in another language); one
        `inputsChanged` at the end, or `shopCustomerChosen` for a shop customer."""
        self.source.blockSignals(True)
        index = self.source.findData(inputs.source)
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        self.form.set_raw_state(inputs.form)
        self.form.flush()
        self._start = inputs.start
        self.length_spin.blockSignals(True)
        self.length_spin.setValue(inputs.length_days)
        self.length_spin.blockSignals(False)
        self._until_override = inputs.until_override
        self._source_changed()

    # -- editing ---------------------------------------------------------------------------
    def set_start(self, moment: datetime) -> None:
        self._start = moment.astimezone(UTC).replace(second=0, microsecond=0)
        self._until_override = None
        self._show_start()
        self.inputsChanged.emit()

    def start_at_latest_event(self) -> None:
        try:
            profile = self.profile()
        except ProfileError:
            return
        moments = [e.at for e in profile.events] + [o.placed_at for o in profile.orders]
        past = [m for m in moments if m <= now_utc()] or moments
        if past:
            self.set_start(max(past))

    def copy_to_form(self) -> None:
        if self._shop_profile is None:
            return
        data = profile_to_data(self._shop_profile)
        self.source.setCurrentIndex(0)
        self.form.set_profile_data(data, self._start)

    def load_test(self, test: JourneyTest) -> None:
        """A journey test's customer, start and end, to step through it."""
        self.source.blockSignals(True)
        self.source.setCurrentIndex(0)
        self.source.blockSignals(False)
        self._start = test.start
        self.form.set_profile_data(test.profile, test.start)
        self.form.flush()
        end = test.end()
        self.length_spin.blockSignals(True)
        self.length_spin.setValue(min(MAX_DAYS, max(1, math.ceil((end - test.start) / timedelta(days=1)))))
        self.length_spin.blockSignals(False)
        self._until_override = end
        self._show_source()
        self._show_start()
        self.inputsChanged.emit()

    def _source_changed(self, *_: Any) -> None:
        self._show_source()
        self._show_start()
        if self.is_test_customer():
            self.inputsChanged.emit()
        else:
            self.shopCustomerChosen.emit(self.source_id())

    def _form_changed(self) -> None:
        self._show_start()
        if self.is_test_customer():
            self.inputsChanged.emit()

    def _length_edited(self, _days: int) -> None:
        self._until_override = None
        self.inputsChanged.emit()

    def _start_edited(self, value: QDateTime) -> None:
        tz = zone(self.tz_name())
        local = value.toPython()
        moment = local_wall_to_utc(local.date(), local.time().replace(second=0, microsecond=0), tz)
        if moment != self._start:
            self._start = moment
            self._until_override = None
            self.inputsChanged.emit()

    # -- showing ---------------------------------------------------------------------------
    def _show_source(self) -> None:
        test = self.is_test_customer()
        self.form.setEnabled(test)
        self.form.setVisible(test)
        self.copy_button.setEnabled(not test and self._shop_profile is not None)
        self.shop_summary.setVisible(not test)
        profile = self._shop_profile
        if test:
            return
        if profile is None or profile.id != self.source_id():
            self.shop_summary.setText(self.tr("Loading the customer…"))
            return
        c = profile.customer
        name = " ".join(str(c[k]) for k in ("first_name", "last_name") if c.get(k)) or profile.id
        consent = ", ".join(ch for ch in ("email", "sms", "push") if profile.consent(ch)) or self.tr("none")
        last = max((e.at for e in profile.events), default=None)
        self.shop_summary.setText(self.tr(
            "{name} · {email} · {tz}\n{orders} order(s), {events} event(s){last} · agreed to: {consent}").format(
            name=name, email=c.get("email") or self.tr("no email"), tz=profile.timezone or self._default_tz,
            orders=len(profile.orders), events=len(profile.events), consent=consent,
            last=self.tr(", latest {when}").format(when=last.strftime("%Y-%m-%d %H:%M UTC")) if last else ""))

    def _show_start(self) -> None:
        tz_name = self.tz_name()
        local = self._start.astimezone(zone(tz_name)).replace(tzinfo=None)
        self.start_edit.blockSignals(True)
        self.start_edit.setDateTime(QDateTime(local.date(), local.time()))
        self.start_edit.blockSignals(False)
        self.tz_label.setText(tz_name)
        self.tz_label.setToolTip(self.tr("{utc} UTC").format(utc=self._start.strftime("%Y-%m-%d %H:%M")))
