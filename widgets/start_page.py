"""The start page: what Journey Builder is and the three first steps, shown in the middle of the
window on the first start and again from Help ▸ Start page.

Plain signals out; the app decides what "open a template" or "start sending" means (the gallery,
the simulator dock, the sending session), so the page knows nothing of the shop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class StartPage(QScrollArea):
    templateRequested = Signal()  # noqa: N815 - Qt's naming
    simulateRequested = Signal()  # noqa: N815
    sendingRequested = Signal()  # noqa: N815
    guideRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)

        title = QLabel(self.tr("Welcome to Journey Builder"), body)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        what = QLabel(self.tr(
            "Journey Builder sends your customers the right message at the right moment: a welcome series, "
            "a reminder about a forgotten cart, a birthday coupon. You draw each journey as steps on a "
            "canvas, try it on customers before anyone gets mail, then let the sending session deliver it."), body)
        what.setWordWrap(True)
        layout.addWidget(what)

        steps = QGridLayout()
        steps.setHorizontalSpacing(16)
        steps.setVerticalSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        rows = (
            ("template", self.tr("1. Open a template"),
             self.tr("Start from one of the ready journeys and change the texts to your shop's."),
             self.tr("Open a template…"), self.templateRequested),
            ("simulate", self.tr("2. Simulate a customer"),
             self.tr("Pick a customer and see, day by day, which messages they would get and why. "
                     "Nothing is sent."),
             self.tr("Simulate a customer"), self.simulateRequested),
            ("sending", self.tr("3. Start sending to the local catcher"),
             self.tr("Run the sending session without a mail account: every email is kept as a file in a "
                     "folder on this computer, so you can read what customers would get."),
             self.tr("Start sending to the catcher"), self.sendingRequested),
        )
        for row, (key, heading, text, button_text, signal) in enumerate(rows):
            head = QLabel(f"<b>{heading}</b>", body)
            words = QLabel(text, body)
            words.setWordWrap(True)
            button = QPushButton(button_text, body)
            button.setObjectName(f"start_{key}")
            button.clicked.connect(signal.emit)
            self.buttons[key] = button
            column = QVBoxLayout()
            column.addWidget(head)
            column.addWidget(words)
            steps.addLayout(column, row, 0)
            steps.addWidget(button, row, 1, Qt.AlignmentFlag.AlignVCenter)
        steps.setColumnStretch(0, 1)
        layout.addLayout(steps)

        guide = QLabel(self.tr("The user guide explains every panel (Help ▸ User guide, F1). "
                               "This page stays at Help ▸ Start page."), body)
        guide.setWordWrap(True)
        layout.addWidget(guide)
        guide_button = QPushButton(self.tr("Open the user guide"), body)
        guide_button.setObjectName("start_guide")
        guide_button.clicked.connect(self.guideRequested.emit)
        self.buttons["guide"] = guide_button
        layout.addWidget(guide_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.note = QLabel(body)
        self.note.setObjectName("start_note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        body.setMaximumWidth(900)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def set_note(self, text: str) -> None:
        """A line under the steps: what the last step did, or why it did not."""
        self.note.setText(text)
