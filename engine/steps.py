"""One thing the engine did to one customer, and its JSON form of spec §8."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.timeutil import format_moment


@dataclass(slots=True)
class Step:
    at: datetime
    node: str | None
    type: str  # trigger, delay, condition, message, exit
    event: str  # entered, waiting, evaluated, sent, skipped, failed, deferred, exited
    port: str | None = None
    until: datetime | None = None
    reason: str | None = None
    channel: str | None = None
    content: dict[str, str] | None = None
    discount_code: str | None = None
    enrollment: int = 0
    visit: int = 0  # for message steps: the how-manieth pass of this enrollment at the node
    explanation: list[str] = field(default_factory=list)
    unsubscribe_url: str | None = None  # a marketing message's link, for the session's List-Unsubscribe
    variant: str | None = None  # the A/B test variant a message node sent (engine/ab_tests.py)
    language: str | None = None  # a message with language variants: the one sent ("base": the node's own)

    def to_json(self) -> dict[str, Any]:
        """The exact shape `simulate --format json` prints; the UI-only explanation stays out."""
        out: dict[str, Any] = {"at": format_moment(self.at), "node": self.node, "type": self.type,
                               "event": self.event}
        if self.port is not None:
            out["port"] = self.port
        if self.until is not None:
            out["until"] = format_moment(self.until)
        if self.channel is not None:
            out["channel"] = self.channel
        if self.reason is not None:
            out["reason"] = self.reason
        if self.language is not None:
            out["language"] = self.language
        if self.event == "failed":
            out["error"] = "; ".join(self.explanation)
        if self.event == "sent":
            out.update(self.content or {})
            out["discount_code"] = self.discount_code
            if self.variant is not None:  # only a node with an A/B test has one
                out["variant"] = self.variant
        if self.event == "updated":
            out["change"] = dict(self.content or {})
        return out

    def describe(self) -> str:
        """One readable line for the text table and the simulator's timeline."""
        if self.event == "entered":
            return "entered the journey"
        if self.event == "waiting":
            return f"waits until {format_moment(self.until)}" if self.until else "waits"
        if self.event == "evaluated":
            why = f" ({'; '.join(self.explanation)})" if self.explanation else ""
            return f"→ {self.port}{why}"
        if self.event == "sent":
            content = self.content or {}
            headline = content.get("subject") or content.get("title") or content.get("text") or ""
            code = f" [code {self.discount_code}]" if self.discount_code else ""
            variant = f" [variant {self.variant}]" if self.variant is not None else ""
            return f"{self.channel} sent: {headline}{code}{variant}"
        if self.event == "skipped":
            return f"{self.channel} skipped ({self.reason})"
        if self.event == "failed":
            return f"{self.channel} failed ({self.reason}: {'; '.join(self.explanation)})"
        if self.event == "deferred" and self.until is not None:
            return f"{self.channel} deferred (quiet hours) until {format_moment(self.until)}"
        if self.event == "exited" and self.reason == "holdout":
            return "kept out of the journey (holdout group)"
        if self.event == "exited":
            return f"left the journey ({self.reason})"
        if self.event == "ended":
            return "reached an End step"
        if self.event == "updated":
            return "customer updated: " + ", ".join(f"{k} {v}" for k, v in (self.content or {}).items())
        return self.event
