"""A line of wrapped text that takes no room while it is empty.

Status and hint lines ("Simulating 300 of 3,000 customers…", a calendar's collisions) are
empty most of the time; an empty `QLabel` still takes a line of height, which on a 720-pixel
screen is a line the results under it do not get.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class LineLabel(QLabel):
    """Word-wrapped; hidden while its text is empty, shown as soon as it has one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
