"""The inspector side panel (see `inspector.py`); `Inspector` is the one name the window needs."""

from widgets.inspector.inspector import Inspector

__all__ = ["Inspector"]
