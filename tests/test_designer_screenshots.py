"""Screenshots of the email designer and its previews for the docs, made through the real
widgets (the inspector opens the designer, QtWebEngine draws the email).

Set JB_UPDATE_SCREENSHOTS=1 to write them to docs/screenshots/email-*.png; otherwise they go
to a temporary folder, so a plain test run never changes the working tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app.theme import apply_theme
from engine.fileformat import load_journey
from widgets.email_preview import EmailPreview
from widgets.inspector import Inspector

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    if os.environ.get("JB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


@pytest.fixture
def light(qapp: QApplication):
    palette, style = qapp.palette(), qapp.style().name()
    apply_theme(qapp, "light")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _coloured(image: QImage) -> int:
    """How many sampled pixels are neither white nor the page grey: the email has been drawn."""
    found = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) - min(colour.red(), colour.green(), colour.blue()) > 30:
                found += 1
    return found


def wait_drawn(qtbot, preview: EmailPreview, fresh: bool = True) -> None:
    assert preview.view is not None
    before = preview.view.view.grab().toImage()
    with qtbot.waitSignal(preview.view.loaded, timeout=30000):
        preview.flush()
    last: list[QImage] = []

    def settled() -> bool:
        # The new page drawn (not the one before it, colours on it) and done drawing (two
        # looks in a row show the same).
        image = preview.view.view.grab().toImage()
        same = bool(last) and last[-1] == image
        last.append(image)
        return same and (image != before or not fresh) and _coloured(image) > 20

    qtbot.waitUntil(settled, timeout=30000)


def save(widget: QWidget, path: Path) -> QImage:
    widget.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() == widget.width()
    return image


def test_designer_and_preview_screenshots(qtbot, light, out_dir: Path) -> None:
    journey = load_journey(ROOT / "resources/journeys/03-abandoned-cart-simple.json")
    stack = QUndoStack()
    inspector = Inspector(stack)
    qtbot.addWidget(inspector)
    inspector.resize(460, 1000)
    inspector.show()
    inspector.set_journey(journey)
    inspector.show_node("mail-2")
    form = inspector.node_form
    form.editors["variants"][1].combo.setCurrentIndex(form.editors["variants"][1].combo.findData("de"))
    assert form.language == "de"
    window = form.editors["blocks"][1].open_designer()
    designer = window.designer
    window.resize(1400, 900)
    # A text block, so the picture shows its variable as a chip.
    designer.list.setCurrentRow(next(i for i, b in enumerate(designer.blocks) if b["type"] == "text"))
    wait_drawn(qtbot, designer.preview)
    image = save(window, out_dir / "email-designer.png")
    assert image.height() == 900

    preview = designer.preview
    preview.set_mode(phone=True, dark=True)
    wait_drawn(qtbot, preview)
    save(preview, out_dir / "email-preview-phone-dark.png")

    inspector.resize(460, 1400)
    form.preview.email_view.set_mode(phone=False, dark=False)
    form.preview.refresh()
    wait_drawn(qtbot, form.preview.email_view, fresh=False)
    save(inspector, out_dir / "email-inspector-preview.png")
