"""Icons for node kinds, drawn from the small SVGs in resources/icons.

The SVGs are single-colour line drawings; they are tinted at render time so one file serves the
light and the dark theme and every node-type colour. Rendered pixmaps are cached by
(name, size, colour) because the canvas asks for the same few dozens thousands of times.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_INK = "#000000"


@lru_cache(maxsize=64)
def _svg_text(name: str) -> str | None:
    path = ICON_DIR / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def has_icon(name: str) -> bool:
    return bool(name) and _svg_text(name) is not None


@lru_cache(maxsize=512)
def _image(name: str, size: int, colour: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    text = _svg_text(name)
    if text is None:
        return image
    renderer = QSvgRenderer(QByteArray(text.replace(_INK, colour).encode("utf-8")))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def image(name: str, size: int, colour: QColor | str) -> QImage:
    """A tinted icon at an exact pixel size (the canvas paints these; QImage is thread-agnostic)."""
    return _image(name, int(size), QColor(colour).name())


def pixmap(name: str, size: int, colour: QColor | str) -> QPixmap:
    return QPixmap.fromImage(image(name, size, colour))


def icon(name: str, colour: QColor | str = "#444444") -> QIcon:
    """A QIcon with 16–48 px renderings, for lists and buttons."""
    result = QIcon()
    for size in (16, 24, 32, 48):
        result.addPixmap(pixmap(name, size, colour))
    return result
