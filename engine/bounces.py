"""Reading what comes back: delivery status notifications (bounces) and complaint reports.

A mail server that cannot deliver a message sends a report to the sender's mailbox. Most are
RFC 3464 DSNs (`multipart/report; report-type=delivery-status`) with one block per recipient:
`Action` (failed, delayed, delivered…) and an RFC 3463 `Status` (class 5: permanent, class 4:
persistent transient). Older servers write free text; `flufl.bounce` (Mailman's detectors)
finds the addresses in those, but calls every `Action: failed` permanent, so the status is
read here first and flufl is only asked when there is no DSN part at all.

Why not every permanent failure is "hard": a hard bounce suppresses the address for good, so
it must mean the address is gone. A full mailbox (X.2.2) can be emptied; a message too big
(X.2.3, X.3.4) is about the message; a policy refusal (X.7.x: a spam filter, a DMARC or SPF
failure, a blocked sending IP) is about the sender, and would otherwise suppress every customer
of a shop whose domain is misconfigured. Those count as soft, like class 4, and the storage
layer turns repeated soft bounces into a hard one (`storage.bounces_repo`). A delay warning
(`Action: delayed`) is news, not a failure: the server is still trying.

Complaints are ARF feedback reports (RFC 5965, `report-type=feedback-report`) that mailbox
providers send when a recipient presses "this is spam"; only the complaint types count
(`abuse`, `fraud`, `virus`, `other`), not DMARC failure reports (`auth-failure`).

Pure Python: bytes in, a `Report` out; nothing here talks to a server or a database.
"""

from __future__ import annotations

import email
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message
from email.utils import getaddresses, parseaddr
from typing import Literal

Kind = Literal["hard", "soft", "delayed", "complaint"]

COMPLAINT_TYPES = frozenset({"abuse", "fraud", "virus", "other"})
_STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
_SPACE = re.compile(r"\s+")
_CONTINUATION = re.compile(r"\s\d{3}[- ][245]\.\d{1,3}\.\d{1,3}\s")
_BODY_KEY = re.compile(r"^X-Journey-Message:[ \t]*(\S+)", re.I | re.M)
_BODY_MESSAGE_ID = re.compile(r"^Message-ID:[ \t]*<([^>\s]+)>", re.I | re.M)
# Permanent codes that say nothing about whether the address exists (see the module docstring).
_SOFT_DETAILS = frozenset({(2, 2), (2, 3), (3, 4)})
_SOFT_SUBJECTS = frozenset({7})


@dataclass(frozen=True)
class Failure:
    """One recipient the report is about."""

    address: str
    kind: Kind
    status: str | None = None  # "5.1.1"
    diagnostic: str | None = None  # the receiving server's words, one line

    @property
    def summary(self) -> str:
        """What a person reads in the suppression list's source column."""
        parts = [p for p in (self.status, self.diagnostic) if p]
        if self.status and self.diagnostic and self.status in self.diagnostic:
            parts = [self.diagnostic]
        return " ".join(parts) or self.kind


@dataclass(frozen=True)
class Report:
    """What one message in the bounce mailbox says; `kind` "none" for mail that is no report."""

    message_id: str  # the report's own Message-ID: what makes processing it twice impossible
    kind: Literal["bounce", "complaint", "none"]
    failures: tuple[Failure, ...] = ()
    # About the message that bounced, when the report returns its headers: our own key for it
    # (X-Journey-Message) and its Message-ID, which the outbox stored when it was sent.
    message_key: str | None = None
    original_message_id: str | None = None
    reporter: str | None = field(default=None, compare=False)  # the complaining provider


def classify_status(status: str | None, action_failed: bool = True) -> Kind:
    """Hard or soft for a failed recipient with this RFC 3463 status (None: no status given)."""
    if status is None:
        return "hard" if action_failed else "soft"
    match = _STATUS.search(status)
    if match is None:
        return "hard"
    klass, subject, detail = (int(g) for g in match.groups())
    if klass != 5 or subject in _SOFT_SUBJECTS or (subject, detail) in _SOFT_DETAILS:
        return "soft"
    return "hard"


def _one_line(value: object, limit: int = 200) -> str | None:
    text = _SPACE.sub(" ", str(value or "")).strip()
    return text[:limit] or None


def _recipient(value: str | None) -> str | None:
    """`rfc822; Anna@example.org` → `Anna@example.org` (other address types are not email)."""
    if not value:
        return None
    kind, _, address = str(value).partition(";")
    if not address:
        kind, address = "rfc822", kind
    if kind.strip().lower() != "rfc822":
        return None
    address = parseaddr(address.strip())[1] or address.strip().strip("<>")
    return address if "@" in address else None


def _diagnostic(value: str | None) -> str | None:
    """`smtp; 550 5.1.1 <a@b>: User unknown` → `550 5.1.1 <a@b>: User unknown`, with the reply
    codes that begin each continuation line of a multi-line reply (`550-5.1.1 `) left out."""
    text = _one_line(value, 1000)
    if text is None:
        return None
    kind, sep, rest = text.partition(";")
    if sep and " " not in kind.strip():
        text = rest.strip()
    head, tail = text[:10], _CONTINUATION.sub(" ", text[10:])
    return _one_line(head + tail)


def _dsn_failures(msg: Message) -> list[Failure] | None:
    """The recipients of every message/delivery-status part; None when there is no such part."""
    found: list[Failure] | None = None
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status" or not part.is_multipart():
            continue
        found = found if found is not None else []
        blocks = part.get_payload()
        for block in blocks[1:] if isinstance(blocks, list) else []:  # the first block is per-message
            if not isinstance(block, Message):
                continue
            action = str(block.get("action", "")).strip().lower().split()[0:1]
            action_word = action[0] if action else ""
            address = _recipient(block.get("original-recipient")) or _recipient(block.get("final-recipient"))
            if address is None:
                continue
            diagnostic = _diagnostic(block.get("diagnostic-code"))
            status_match = _STATUS.search(str(block.get("status", ""))) or _STATUS.search(diagnostic or "")
            status = status_match.group(0) if status_match else None
            if action_word.startswith(("fail", "error")):  # opensmtpd writes "error"
                found.append(Failure(address, classify_status(status), status, diagnostic))
            elif action_word.startswith("delayed"):
                found.append(Failure(address, "delayed", status, diagnostic))
    return found


def _text(msg: Message) -> str:
    return "\n".join(_decoded(p).decode("utf-8", "replace") for p in msg.walk() if p.get_content_maintype() == "text")


def _decoded(part: Message) -> bytes:
    """A leaf part's body as bytes (get_payload(decode=True) gives bytes for a leaf)."""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _heuristic_failures(msg: Message) -> list[Failure]:
    """Free-text bounces (qmail, old Exchange, Exim without DSN), through flufl.bounce."""
    from flufl.bounce import all_failures

    temporary, permanent = all_failures(msg)
    if not temporary and not permanent:
        return []
    text = _text(msg)
    failures = []
    for raw in sorted(permanent):
        address = raw.decode("ascii")
        line = next((ln for ln in text.splitlines() if _STATUS.search(ln)), None)
        status_match = _STATUS.search(line) if line else None
        status = status_match.group(0) if status_match else None
        failures.append(Failure(address, classify_status(status), status, _one_line(line)))
    failures += [Failure(raw.decode("ascii"), "delayed") for raw in sorted(temporary - permanent)]
    return failures


def _original_headers(msg: Message) -> Message | None:
    """The returned message (message/rfc822) or its headers (text/rfc822-headers), if any."""
    for part in msg.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and part.is_multipart():
            inner = part.get_payload(0)
            if isinstance(inner, Message):
                return inner
        if content_type == "text/rfc822-headers":
            return email.message_from_bytes(_decoded(part))
    return None


def _feedback(msg: Message) -> Message | None:
    for part in msg.walk():
        if part.get_content_type() == "message/feedback-report":
            if part.is_multipart():
                inner = part.get_payload(0)
                return inner if isinstance(inner, Message) else None
            return email.message_from_bytes(_decoded(part))
    return None


def report_id(msg: Message, raw: bytes) -> str:
    """The report's Message-ID; a digest of its bytes for the rare report without one."""
    message_id = _one_line(msg.get("message-id"), 300)
    return message_id.strip("<>") if message_id else "sha256:" + hashlib.sha256(raw).hexdigest()


def read_report(raw: bytes) -> Report:
    """What the message `raw` (as fetched from the mailbox) reports, if anything."""
    msg = email.message_from_bytes(raw)
    ident = report_id(msg, raw)
    original = _original_headers(msg)
    key = _one_line(original.get("x-journey-message")) if original is not None else None
    original_id = _one_line(original.get("message-id"), 300) if original is not None else None
    original_id = original_id.strip("<>") if original_id else None

    feedback = _feedback(msg)
    if feedback is not None or msg.get_param("report-type", header="content-type") == "feedback-report":
        kind = str((feedback or Message()).get("feedback-type", "")).strip().lower()
        if kind not in COMPLAINT_TYPES:
            return Report(ident, "none")
        recipients = [a for _, a in getaddresses((feedback or Message()).get_all("original-rcpt-to", []))]
        if not recipients and original is not None:
            recipients = [a for _, a in getaddresses(original.get_all("to", []))]
        reporter = _one_line((feedback or Message()).get("user-agent")) or _one_line(parseaddr(msg.get("from", ""))[1])
        failures = tuple(Failure(a, "complaint", None, f"{kind} report") for a in dict.fromkeys(recipients) if "@" in a)
        if not failures and key is None and original_id is None:
            return Report(ident, "none")
        return Report(ident, "complaint", failures, key, original_id, reporter)

    found = _dsn_failures(msg)
    if found is None:
        found = _heuristic_failures(msg)
        if found and original is None:  # the returned message is quoted in the text
            text = _text(msg)
            found_key, found_id = _BODY_KEY.search(text), _BODY_MESSAGE_ID.search(text)
            key = found_key.group(1) if found_key else None
            original_id = found_id.group(1) if found_id else None
    if not found:
        return Report(ident, "none")
    return Report(ident, "bounce", tuple(found), key, original_id)


__all__ = ["COMPLAINT_TYPES", "Failure", "Report", "classify_status", "read_report", "report_id"]
