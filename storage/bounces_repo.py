"""What a bounce or complaint report does to the shop: the suppression list, the customer's
bounced flag, and the soft-bounce count.

- A hard bounce (`engine.bounces` says which are) puts the address on the suppression list as
  `hard_bounce` and marks every customer with that address bounced, so nothing more is sent
  to it, transactional mail included.
- A soft bounce is counted. `SOFT_LIMIT` soft bounces of one address within `SOFT_WINDOW`
  make it hard: a mailbox full for a month is abandoned, and a provider that keeps refusing
  harms the shop's reputation with every further try.
- A delay warning is kept for the record and counts for nothing.
- A complaint puts the address on the list as `complaint`, which also withdraws the
  customer's email consent (`suppressions_repo.suppress`).

Each report is applied once: its (Message-ID, address) pairs are unique in `bounces`.
The customer is found by the address, else by the returned message's Message-ID in the
outbox (a forwarded address, or a complaint whose provider hides the recipient).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engine.bounces import Failure, Report
from storage import session_repo
from storage.models import BounceMailboxRow, BounceRow, CustomerRow, OutboxRow, SuppressionRow
from storage.suppressions_repo import suppress

SOFT_LIMIT = 5
SOFT_WINDOW = timedelta(days=30)


@dataclass
class Outcome:
    """Counts of what the reports did, for the command's output and the session's log line."""

    reports: int = 0  # reports applied now
    hard: int = 0  # addresses suppressed after a hard bounce
    soft: int = 0  # soft bounces counted
    soft_to_hard: int = 0  # addresses suppressed after SOFT_LIMIT soft bounces
    delayed: int = 0
    complaints: int = 0
    repeated: int = 0  # reports applied before (nothing done)
    ignored: int = 0  # mail that is no report, left as it was

    def add(self, other: Outcome) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def describe(self) -> str:
        return (f"{self.reports} report(s): {self.hard} hard bounce(s) suppressed, {self.soft} soft bounce(s) "
                f"counted ({self.soft_to_hard} reached {SOFT_LIMIT} in {SOFT_WINDOW.days} days and were "
                f"suppressed), {self.delayed} delay warning(s), {self.complaints} complaint(s); "
                f"{self.repeated} already done, {self.ignored} other message(s) left alone")


def applied(session: Session, report_id: str) -> bool:
    """Whether a report with this Message-ID was applied already."""
    return session.scalar(select(BounceRow.id).where(BounceRow.report_id == report_id).limit(1)) is not None


def _customers(session: Session, address: str, original_message_id: str | None) -> tuple[list[str], str]:
    """The customers a failure is about, and the address to suppress (theirs, when found by the
    returned message because the report's address is not one of ours)."""
    ids = list(session.scalars(select(CustomerRow.id).where(func.lower(CustomerRow.email) == address)
                               .order_by(CustomerRow.id)))
    if ids or not original_message_id:
        return ids, address
    customer = session.scalar(select(OutboxRow.customer_id).where(
        OutboxRow.message_id.in_([f"<{original_message_id}>", original_message_id])).limit(1))
    if customer is None:
        return [], address
    email = session.scalar(select(CustomerRow.email).where(CustomerRow.id == customer))
    return [customer], (email or address).strip().lower()


def _suppressed(session: Session, address: str, reason: str) -> bool:
    return session.scalar(select(SuppressionRow.id).where(
        SuppressionRow.channel == "email", SuppressionRow.address == address,
        SuppressionRow.reason == reason).limit(1)) is not None


def soft_count(session: Session, address: str, now: datetime) -> int:
    """Soft bounces of `address` within the window that ends at `now`."""
    return session.scalar(select(func.count()).select_from(BounceRow).where(
        BounceRow.address == address.strip().lower(), BounceRow.kind == "soft",
        BounceRow.received_at > now - SOFT_WINDOW)) or 0


def _suppress_all(session: Session, customers: list[str], address: str, reason: str, source: str,
                  now: datetime) -> None:
    targets: list[str | None] = list(customers) or [None]  # no customer: the address alone
    for customer in targets:
        suppress(session, channel="email", reason=reason, customer_id=customer, address=address, source=source,
                 now=now)
    if reason == "hard_bounce":
        for customer in customers:
            session_repo.mark_bounced(session, customer, "email")


def _apply(session: Session, report: Report, failure: Failure, now: datetime, outcome: Outcome) -> None:
    address = failure.address.strip().lower()
    customers, address = _customers(session, address, report.original_message_id)
    exists = session.scalar(select(BounceRow.id).where(BounceRow.report_id == report.message_id[:300],
                                                       BounceRow.address == address))
    if exists is not None:
        return
    session.add(BounceRow(report_id=report.message_id[:300], address=address,
                          customer_id=customers[0] if customers else None, kind=failure.kind,
                          status=failure.status, detail=(failure.diagnostic or "")[:200] or None, received_at=now))
    session.flush()
    if failure.kind == "hard":
        outcome.hard += 1
        if not _suppressed(session, address, "hard_bounce"):
            _suppress_all(session, customers, address, "hard_bounce", f"bounce: {failure.summary}", now)
    elif failure.kind == "soft":
        outcome.soft += 1
        count = soft_count(session, address, now)
        if count >= SOFT_LIMIT and not _suppressed(session, address, "hard_bounce"):
            outcome.soft_to_hard += 1
            _suppress_all(session, customers, address, "hard_bounce",
                          f"bounce: {count} soft bounces in {SOFT_WINDOW.days} days, last {failure.summary}", now)
    elif failure.kind == "delayed":
        outcome.delayed += 1
    else:
        outcome.complaints += 1
        if not _suppressed(session, address, "complaint"):
            who = f" via {report.reporter}" if report.reporter else ""
            _suppress_all(session, customers, address, "complaint", f"complaint: {failure.summary}{who}", now)


def apply_report(session: Session, report: Report, now: datetime) -> Outcome:
    """Applies one report (idempotent: a report applied before changes nothing)."""
    outcome = Outcome()
    if report.kind == "none":
        outcome.ignored += 1
        return outcome
    if applied(session, report.message_id[:300]):
        outcome.repeated += 1
        return outcome
    for failure in report.failures:
        _apply(session, report, failure, now, outcome)
    outcome.reports += 1
    return outcome


def cursor(session: Session, mailbox: str) -> tuple[int, int] | None:
    """(UIDVALIDITY, last UID looked at) of `mailbox`, or None before its first check."""
    row = session.get(BounceMailboxRow, mailbox)
    return None if row is None else (row.uid_validity, row.last_uid)


def set_cursor(session: Session, mailbox: str, uid_validity: int, last_uid: int, now: datetime) -> None:
    row = session.get(BounceMailboxRow, mailbox)
    if row is None:
        session.add(BounceMailboxRow(mailbox=mailbox, uid_validity=uid_validity, last_uid=last_uid, checked_at=now))
    else:
        row.uid_validity, row.last_uid, row.checked_at = uid_validity, last_uid, now
    session.flush()


def recent(session: Session, *, limit: int = 200) -> list[BounceRow]:
    """The newest bounce rows first (for display and tests)."""
    return list(session.scalars(select(BounceRow).order_by(BounceRow.received_at.desc(), BounceRow.id.desc())
                                .limit(limit)))


__all__ = ["SOFT_LIMIT", "SOFT_WINDOW", "Outcome", "applied", "apply_report", "cursor", "recent", "set_cursor",
           "soft_count"]
