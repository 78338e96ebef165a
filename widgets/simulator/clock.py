"""The virtual clock: where simulated time stands, a slider to drag it forward, "jump to day N".

Time only moves forward: the engine cannot un-send an email, so going back means Reset. The
slider therefore refuses to move left of the current moment and asks for a run to the moment it
is dragged to (`seekRequested`), live while dragging, so the canvas follows the finger.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget

from engine.timeutil import add_duration
from widgets.flow_layout import FlowLayout
from widgets.simulator.texts import local_time, utc_time

STEP = timedelta(hours=1)


class SimClock(QWidget):
    """Shows `now`; `seekRequested(datetime)` when the user drags or jumps forward."""

    seekRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start: datetime | None = None
        self._until: datetime | None = None
        self._now: datetime | None = None
        self._tz: tzinfo | None = None
        self._floor = 0
        self.label = QLabel()
        self.label.setObjectName("clock_label")
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("clock_slider")
        self.slider.setMinimumWidth(140)  # on a line of its own when the day box and Jump do not fit
        self.slider.setToolTip(self.tr("Drag to the right to let time pass; the customer walks the journey "
                                       "up to that moment. Going back needs Reset."))
        self.slider.setTracking(True)
        self.slider.valueChanged.connect(self._slid)
        self.day_spin = QSpinBox()
        self.day_spin.setObjectName("jump_day")
        self.day_spin.setPrefix(self.tr("day "))
        self.day_spin.setToolTip(self.tr("Days after the start (day 0 is the start)"))
        self.jump_button = QPushButton(self.tr("Jump"))
        self.jump_button.setObjectName("jump_button")
        self.jump_button.setToolTip(self.tr("Run the simulation to that day, at the start's time of day"))
        self.jump_button.clicked.connect(self.jump_to_day)
        self.range_label = QLabel()
        self.range_label.setEnabled(False)
        self.range_label.setWordWrap(True)
        row = FlowLayout()  # in a narrow dock the day box and Jump go under the slider
        row.addWidget(self.slider, 1)
        row.addWidget(self.day_spin)
        row.addWidget(self.jump_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.range_label)
        self.setEnabled(False)

    # -- state from the panel --------------------------------------------------------------
    def set_range(self, start: datetime, until: datetime, tz: tzinfo) -> None:
        self._start, self._until, self._tz = start, until, tz
        hours = max(1, int((until - start) / STEP))
        self.slider.blockSignals(True)
        self.slider.setRange(0, hours)
        self.slider.setPageStep(24)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._floor = 0
        days = max(0, (until - start).days)
        self.day_spin.setRange(0, days)
        self.range_label.setText(self.tr("From {start} to {until} ({tz})").format(
            start=local_time(start, tz, year=True), until=local_time(until, tz, year=True), tz=str(tz)))
        self.setEnabled(True)
        self.set_now(start)

    def set_now(self, now: datetime) -> None:
        if self._start is None or self._tz is None:
            return
        self._now = now
        value = int((now - self._start) / STEP)
        self._floor = max(0, min(value, self.slider.maximum()))
        if self.slider.value() < self._floor or not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(self._floor)
            self.slider.blockSignals(False)
        day = self.day_of(now)
        self.label.setText(self.tr("Day {day} · {when}").format(day=day, when=local_time(now, self._tz, year=True)))
        self.label.setToolTip(self.tr("{utc} (UTC) · customer's time zone: {tz}").format(
            utc=utc_time(now), tz=str(self._tz)))
        self.day_spin.setMinimum(max(0, day))

    def day_of(self, moment: datetime) -> int:
        """Calendar days since the start's day in the customer's zone: the start is day 0."""
        assert self._start is not None and self._tz is not None
        return (moment.astimezone(self._tz).date() - self._start.astimezone(self._tz).date()).days

    def now(self) -> datetime | None:
        return self._now

    def moment_at(self, value: int) -> datetime | None:
        if self._start is None or self._until is None:
            return None
        return min(self._start + value * STEP, self._until)

    # -- user input ------------------------------------------------------------------------
    def _slid(self, value: int) -> None:
        if value < self._floor:  # never backwards: that needs Reset
            self.slider.blockSignals(True)
            self.slider.setValue(self._floor)
            self.slider.blockSignals(False)
            return
        moment = self.moment_at(value)
        if moment is not None and (self._now is None or moment > self._now):
            self.seekRequested.emit(moment)

    def jump_to_day(self) -> None:
        if self._start is None or self._until is None:
            return
        # Calendar days in the customer's zone: day 3 of a simulation across a DST change
        # is still at the start's local time of day.
        moment = min(add_duration(self._start, f"P{self.day_spin.value()}D", self._tz), self._until)
        if self._now is None or moment > self._now:
            self.seekRequested.emit(moment)
