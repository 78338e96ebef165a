"""The journey canvas: a QGraphicsView/QGraphicsScene pair that mirrors an engine Journey.

`JourneyView` is the only class the rest of the application needs; the scene, items,
interactions, layout and clipboard are split out so no module grows past a few hundred lines.
"""

from widgets.canvas.scene import JourneyScene
from widgets.canvas.view import JourneyView

__all__ = ["JourneyScene", "JourneyView"]
