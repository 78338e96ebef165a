"""QT_TRANSLATE_NOOP with the type it has at run time.

PySide6's stubs declare that it returns `object`; it returns its message unchanged, and every
caller uses the result as text. `pyside6-lupdate` finds the strings by the call's name in the
source, so callers still write `QT_TRANSLATE_NOOP(...)` and only import it from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["QT_TRANSLATE_NOOP"]

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str: ...  # noqa: N802 - Qt's name
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP
