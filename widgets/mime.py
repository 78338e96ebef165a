"""Drag-and-drop and clipboard formats shared by the palette, the canvas and the main window.

Both payloads are JSON so a drag or a copied fragment survives between two views, two journeys or
two running copies of the application, and a test can build one by hand.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

NODE_KIND_MIME = "application/x-journey-builder-kind"
FRAGMENT_MIME = "application/x-journey-builder-fragment"


def kind_mime(node_type: str, kind: str) -> QMimeData:
    """The payload the palette drags: which registry kind to create where it is dropped."""
    mime = QMimeData()
    mime.setData(NODE_KIND_MIME, json.dumps({"type": node_type, "kind": kind}).encode("utf-8"))
    return mime


def read_kind(mime: QMimeData | None) -> tuple[str, str] | None:
    """(type, kind) from a palette drag, or None for anything else (a file, text, garbage)."""
    if mime is None or not mime.hasFormat(NODE_KIND_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(NODE_KIND_MIME).data()).decode("utf-8"))
        return str(data["type"]), str(data["kind"])
    except (ValueError, KeyError, TypeError):
        return None


def fragment_mime(fragment: dict[str, Any]) -> QMimeData:
    """Copied nodes and edges in the file format, plus plain text so pasting into an editor shows JSON."""
    text = json.dumps(fragment, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(FRAGMENT_MIME, text.encode("utf-8"))
    mime.setText(text)
    return mime


def read_fragment(mime: QMimeData | None) -> dict[str, Any] | None:
    if mime is None or not mime.hasFormat(FRAGMENT_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(FRAGMENT_MIME).data()).decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        return None
    data.setdefault("edges", [])
    return data
