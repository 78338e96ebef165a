"""The step-by-step simulator and journey tests (issue "Step 4 of 7").

`SimulatorPanel` is what the main window embeds; the rest are its parts. Widgets only: the
app glue (`app.simulation_pages`) feeds shop customers and persists tests.
"""

from widgets.simulator.panel import SimulatorPanel
from widgets.simulator.tests_panel import JourneyTestsPanel

__all__ = ["JourneyTestsPanel", "SimulatorPanel"]
