"""Problems found in a journey, each naming the node or edge it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

JOURNEY_ID = "journey"


@dataclass(frozen=True, order=True)
class Problem:
    """`where` is a node id, an edge id (`source.port->target`) or `journey`."""

    where: str
    message: str
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        prefix = "" if self.is_error else "warning: "
        return f"{self.where}: {prefix}{self.message}"


class JourneyError(Exception):
    """A journey that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = [p for p in problems if p.is_error] or problems
        self.source = source
        first = self.problems[0] if self.problems else Problem(JOURNEY_ID, "invalid journey")
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{first}{more}")
