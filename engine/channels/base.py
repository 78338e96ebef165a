"""The contract between a sending session and a channel.

A session renders a step into an `OutgoingMessage`, hands it to a `Channel` and gets back a
`SendResult` that says what to do next: `sent` (record it), `temporary` (try again later: the
server or the network had a bad moment, a rate limit was hit), `permanent` (do not try this
message again: the address is refused, the provider rejects it) or `uncertain` (the message
was handed over but the answer was lost: it may have arrived, so sending it again blindly
could deliver it twice).

A channel calls the message's `on_handover` just before the point of no return (for SMTP,
before the end of DATA): a session killed before that moment knows the message never
arrived and may send it again; after it, it may have. Channels never raise for a
failed delivery, because a session sending thousands of messages must not stop at one bad
address; they raise only for programming errors (a message for the wrong channel is reported
as `permanent`, not raised, for the same reason).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

Status = Literal["sent", "temporary", "permanent", "uncertain"]


@dataclass
class OutgoingMessage:
    """One rendered message for one recipient.

    `message_key` is the session's stable id of this message (journey, step, customer, …): a
    channel derives what must stay the same across retries from it (the email Message-ID, the
    webhook's idempotency key), so a retry after an unclear failure can be recognised as the
    same message by the receiving side instead of arriving twice as two messages.
    Email uses `subject`/`text`/`html`; SMS uses `text`; push uses `title`/`body`/`url`.
    """

    message_key: str
    channel: str
    to: str
    subject: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    body: str | None = None
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    sender: str | None = None
    unsubscribe_url: str | None = None
    on_handover: Callable[[], None] | None = field(default=None, repr=False, compare=False)

    def handover(self) -> None:
        """The point of no return is next; the session records it before the channel goes on."""
        if self.on_handover is not None:
            self.on_handover()


@dataclass
class SendResult:
    """What became of one send.

    `detail` is a sentence for the shop owner ("the SMTP server refused the login"), never a
    traceback and never a password. `retry_after` (seconds) is a hint for `temporary` results
    whose end is known, such as a provider's daily limit; None means "use your own backoff".
    """

    status: Status
    detail: str = ""
    provider_id: str | None = None
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.status == "sent"


@runtime_checkable
class Channel(Protocol):
    """Anything that can deliver an `OutgoingMessage`; `close` releases connections."""

    def send(self, msg: OutgoingMessage) -> SendResult: ...

    def close(self) -> None: ...


def wrong_channel(msg: OutgoingMessage, expected: str | tuple[str, ...]) -> SendResult | None:
    """A permanent result when `msg` is not for this channel (a wiring mistake, reported, not raised)."""
    allowed = (expected,) if isinstance(expected, str) else expected
    if msg.channel in allowed:
        return None
    return SendResult("permanent", f"this channel sends {' and '.join(allowed)}, not {msg.channel!r}")


_NOT_IN_AN_ADDRESS = frozenset('\r\n\t <>,;:"()[]\\')


def plain_address(text: str | None) -> bool:
    """Whether `text` is exactly one bare address, `local@domain`: no display name, no list, no
    line break. Python's own parser reads `"x\r\nBcc: evil@example.org" <c9@example.org>` as
    evil@example.org, so a channel never hands anything else to it or to a header."""
    if not text or len(text) > 320 or any(c in _NOT_IN_AN_ADDRESS for c in text):
        return False
    local, at, domain = text.rpartition("@")
    return bool(at and local and domain and "@" not in local)


def short(text: object, limit: int = 200) -> str:
    """One line of at most `limit` characters: server replies go into the shop owner's log view."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
