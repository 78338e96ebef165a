"""Delivering the outbox: queued → sending → sent / failed, exactly once as far as mail allows.

A message row exists once (its key is (journey, customer, enrollment, node, visit), written in
the same transaction as the run state that produced it). Delivery then is:

1. claim: `queued` → `sending`, committed *before* the channel is called;
2. send through the channel;
3. record: `sent` (with the provider's id), back to `queued` with a later `next_attempt_at`
   for a temporary failure (4xx, network; exponential backoff), or `failed` for a permanent
   one (5xx), which also marks the address bounced so nothing more is sent to it.

Between 1 and 3 the channel marks the point of no return (`handover_at`, committed just
before the end of DATA). A message a killed session left `sending` without that mark never
reached the server and is simply queued again. With it, or when the server's answer to the
end of DATA was lost, the message may have arrived: the session asks the destination where
it can (the local catcher and sink remember every message's key; a webhook dedupes by its
Idempotency-Key, so sending again is safe), and otherwise applies the shop's policy:
`hold` (the default: `uncertain`, for a person to review in the monitor, since a duplicate
email is worse than a question) or `resend` after N minutes (same Message-ID, which many
mailbox providers use to drop the copy). Consent and bounces are checked again right before
sending, so an unsubscribe that arrives while a message waits still counts.

Sending rates outlive the session: before its first delivery a `Deliverer` counts what the
outbox says was sent in the last minute and day against each channel's rate limiter, so a
restart (a new `run`, the app reopened, a crash) does not hand out the provider's quota again.
"""

from __future__ import annotations

import html
import logging
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from engine.channels.base import Channel, OutgoingMessage, SendResult
from engine.channels.ratelimit import RateLimiter
from engine.channels.smtp import DAILY_LIMIT_REACHED
from engine.timeutil import parse_duration, subtract_duration
from storage import session_repo, shop_repo
from storage.database import Database
from storage.sent_counts import sent_moments
from storage.suppressions_repo import blocked

log = logging.getLogger(__name__)

BACKOFF_FIRST = 30.0  # seconds before the first retry; doubled each time
BACKOFF_MAX = 3600.0
MAX_ATTEMPTS = 10


@dataclass
class ChannelSet:
    """The ways out, by channel name, and whatever must be stopped with them (the catcher).

    `confirm[name](key)` says whether the destination holds the message with that key (True,
    False, or None: cannot tell); `resend_safe` names channels whose receiver drops a repeat.
    """

    channels: dict[str, Channel] = field(default_factory=dict)
    description: str = ""
    closers: list[Callable[[], None]] = field(default_factory=list)
    confirm: dict[str, Callable[[str], bool | None]] = field(default_factory=dict)
    resend_safe: set[str] = field(default_factory=set)
    # Email goes through the shop's mail account to real customers (not the local catcher, not
    # a test relay given with --smtp): their unsubscribe links must work from the internet.
    reaches_customers: bool = False

    def get(self, name: str) -> Channel | None:
        return self.channels.get(name)

    def rate_limiters(self) -> list[tuple[RateLimiter, list[str]]]:
        """Each channel's rate limiter with the channel names it serves: one channel object may
        serve several names (as the local sink serves sms and push), and then they share a quota."""
        found: dict[int, tuple[RateLimiter, list[str]]] = {}
        for name, channel in self.channels.items():
            limiter = _limiter(channel)
            if limiter is not None:
                found.setdefault(id(limiter), (limiter, []))[1].append(name)
        return list(found.values())

    def close(self) -> None:
        for channel in self.channels.values():
            try:
                channel.close()
            except Exception:  # noqa: BLE001 - closing must not hide the reason we stop
                log.exception("closing a channel failed")
        for closer in self.closers:
            closer()


def email_settings(shop: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The configured SMTP account, if the shop has one (`shop["smtp"]`: host, port, security,
    username, sender, `password_secret` naming a keyring entry (or, in tests, `password`),
    rates), written by the window's "Email sending…" dialog; None when there is none, and the
    session falls back to the local catcher."""
    smtp = shop.get("smtp") if isinstance(shop, Mapping) else None
    return smtp if isinstance(smtp, Mapping) and smtp.get("host") else None


def build_channels(shop: Mapping[str, Any], *, smtp: tuple[str, int] | None = None,
                   catcher_folder: Path | None = None) -> ChannelSet:
    """Email through `--smtp HOST:PORT` (no login, no TLS), else the configured account, else
    the built-in local catcher; SMS and push to the local sink unless webhooks are configured."""
    from app.session.signing import dkim_signer
    from engine.channels.catcher import LocalCatcher, LocalSink
    from engine.channels.smtp import SmtpChannel, SmtpConfig

    sender = str(shop.get("sender_email") or "") or "journey-builder@localhost"
    sender_name = str(shop.get("sender_name") or "")
    folder = catcher_folder or Path(tempfile.gettempdir()) / "journey-builder-catcher"
    result = ChannelSet()
    configured = email_settings(shop)
    if smtp is not None:
        host, port = smtp
        config = SmtpConfig(host=host, port=port, security="none", sender=sender, sender_name=sender_name)
        result.description = f"email via {host}:{port} (no login, no TLS)"
    elif configured is not None:
        password = configured.get("password")
        if password is None and configured.get("password_secret"):
            from app.secrets import get_secret

            password = get_secret(str(configured["password_secret"]))
        sender = str(configured.get("sender") or "") or sender
        config = SmtpConfig(host=str(configured["host"]), port=int(configured.get("port", 587)),
                            security=configured.get("security", "starttls"),
                            username=configured.get("username"), password=password, sender=sender,
                            sender_name=sender_name, rate_per_minute=configured.get("rate_per_minute"),
                            rate_per_day=configured.get("rate_per_day"), dkim=dkim_signer(configured, sender))
        result.description = f"email via {config.where}"
        result.reaches_customers = True
    else:
        catcher = LocalCatcher(folder)
        host, port = catcher.start()
        result.closers.append(catcher.stop)
        result.confirm["email"] = catcher.has_message
        config = SmtpConfig(host=host, port=port, security="none", sender=sender, sender_name=sender_name)
        result.description = f"email to the local catcher in {folder} ({host}:{port})"
    result.channels["email"] = SmtpChannel(config)
    sink = LocalSink(folder)
    for name in ("sms", "push"):
        hook = shop.get(f"{name}_webhook") if isinstance(shop, Mapping) else None
        if isinstance(hook, Mapping) and hook.get("url"):
            from engine.channels.webhook import WebhookChannel

            result.channels[name] = WebhookChannel(str(hook["url"]), hook.get("token"))
            result.resend_safe.add(name)  # it sends an Idempotency-Key
        else:
            result.channels[name] = sink
            result.confirm[name] = sink.has_message
    return result


def _limiter(channel: Channel | None) -> RateLimiter | None:
    """The channel's sending rates, for the channels that have any (email)."""
    limiter = getattr(channel, "limiter", None)
    return limiter if isinstance(limiter, RateLimiter) else None


def _day_wait(channel: Channel | None) -> float:
    """Seconds until the channel's daily quota allows a message (0.0: now, or no quota)."""
    limiter = _limiter(channel)
    return limiter.day_wait() if limiter is not None else 0.0


def outgoing(record: session_repo.OutgoingRecord) -> OutgoingMessage:
    """The channel's message for an outbox row (the payload was rendered when it was queued)."""
    p = record.payload
    msg = OutgoingMessage(message_key=record.key, channel=record.channel, to=str(p.get("to") or ""),
                          headers={"X-Journey-Message": record.key},
                          unsubscribe_url=p.get("unsubscribe_url"))
    if record.channel == "email":
        body = str(p.get("body") or "")
        msg.subject = p.get("subject") or ""
        fmt = p.get("format")
        if fmt == "blocks":  # designed: the HTML and the plain-text part made from the same blocks
            msg.html = body
            msg.text = str(p.get("text") or "") or None
        elif fmt == "html":
            msg.html = body
        elif fmt == "text":
            msg.text = body  # exactly as rendered: nothing in a text body is read as markup
        elif "<" in body and ">" in body:  # queued by a version that did not record the format
            msg.html = body
        else:
            msg.text = html.unescape(body)
    elif record.channel == "sms":
        msg.text = p.get("text") or ""
    else:
        msg.title, msg.body, msg.url = p.get("title") or "", p.get("body") or "", p.get("url")
    return msg


def _why_not(record: session_repo.OutgoingRecord, customer: str | None, suppression: str | None) -> str | None:
    """Why a due message may not go out now, checked right before it would: the customer's
    consent and bounces (`deliverable`) and the suppression list. A transactional message
    needs no marketing consent and ignores unsubscribes, but never goes to a hard bounce."""
    transactional = record.payload.get("purpose") == "transactional"
    if suppression == "hard_bounce" or customer in ("bounced", "no_customer"):
        return "bounced" if suppression == "hard_bounce" or customer == "bounced" else customer
    if transactional:
        return None
    if customer is not None:
        return customer
    if suppression is not None:
        return "unsubscribed" if suppression == "unsubscribed" else "suppressed"
    return None


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    uncertain: int = 0  # held for review


@dataclass
class Recovery:
    """What a session start did with the messages a killed session left `sending`."""

    requeued: int = 0  # never handed over, or not at the destination: sent again
    confirmed: int = 0  # found at the destination: recorded as sent
    held: int = 0  # may have arrived: held for review (policy `hold`)
    resend_later: int = 0  # may have arrived: sent again after the policy's wait

    @property
    def total(self) -> int:
        return self.requeued + self.confirmed + self.held + self.resend_later


@dataclass(frozen=True)
class UncertainPolicy:
    action: str = "hold"  # hold | resend
    resend_after: timedelta = timedelta(minutes=30)

    @classmethod
    def of(cls, delivery: Mapping[str, Any] | None) -> UncertainPolicy:
        if not isinstance(delivery, Mapping):
            return cls()
        minutes = delivery.get("resend_after_minutes", 30)
        return cls("resend" if delivery.get("uncertain") == "resend" else "hold",
                   timedelta(minutes=minutes if isinstance(minutes, int) and minutes > 0 else 30))


class Deliverer:
    """Sends what is due in the outbox, one message at a time, each claimed before it goes."""

    def __init__(self, db: Database, channels: ChannelSet, clock: Callable[[], datetime] | None = None,
                 backoff: float = BACKOFF_FIRST) -> None:
        """`clock` gives the moment each message went out (its `sent_at`, which the rate
        limits count after a restart); without one, a message is stamped with the moment its
        delivery round started. `backoff`: seconds before the first retry, doubled each time."""
        self.db = db
        self.channels = channels
        self.clock = clock
        self.backoff = backoff
        self._rates_seeded = False
        self.policy = UncertainPolicy()
        self.owner: str | None = None  # the worker whose claims this deliverer's messages carry

    def _policy(self) -> UncertainPolicy:
        with self.db.read() as session:
            self.policy = UncertainPolicy.of(shop_repo.settings_dict(session).get("delivery"))
        return self.policy

    def recover(self, now: datetime, live: Iterable[str] = ()) -> Recovery:
        """At a session start (and, on PostgreSQL, when a lease is taken over): settles every
        message a killed session left `sending`; those claimed by a `live` worker are its own."""
        recovery = Recovery()
        with self.db.read() as session:
            left = session_repo.interrupted(session, live=live)
        if not left:
            return recovery
        policy = self._policy()
        for record, handover_at in left:
            with self.db.transaction() as session:
                if handover_at is None:
                    session_repo.mark_done(session, record.id, "queued", retry_at=now,
                                           error="the session stopped before handing it over; sent again")
                    recovery.requeued += 1
                    continue
                outcome = self._settle(session, record, now, policy,
                                       "the session stopped after handing it over, before the answer was recorded")
                setattr(recovery, outcome, getattr(recovery, outcome) + 1)
        return recovery

    def _handover(self, message_id: int, now: datetime) -> None:
        """Committed before the channel's point of no return: from here on it may arrive."""
        with self.db.transaction() as session:
            session_repo.mark_handover(session, message_id, self.clock() if self.clock is not None else now)

    def _settle(self, session: Any, record: session_repo.OutgoingRecord, now: datetime, policy: UncertainPolicy,
                detail: str) -> str:
        """A message that may or may not have arrived: ask the destination, else the policy.
        Returns which `Recovery` count it adds to."""
        found: bool | None = None
        confirm = self.channels.confirm.get(record.channel)
        if confirm is not None:
            try:
                found = confirm(record.key)
            except Exception:  # noqa: BLE001 - a destination that cannot say is one that cannot tell
                log.debug("could not ask the %s destination about %s", record.channel, record.key, exc_info=True)
        if found is True:
            session_repo.mark_done(session, record.id, "sent", now=now, error=f"{detail}; found at the destination")
            return "confirmed"
        if found is False or record.channel in self.channels.resend_safe:
            why = "not at the destination" if found is False else "the receiver drops a repeat"
            session_repo.mark_done(session, record.id, "queued", retry_at=now, error=f"{detail}; {why}: sent again")
            return "requeued"
        if policy.action == "resend":
            minutes = int(policy.resend_after.total_seconds() // 60)
            session_repo.mark_done(session, record.id, "queued", retry_at=now + policy.resend_after,
                                   error=f"{detail}; may have arrived: sent again after {minutes} minutes "
                                         "(the shop's policy; same Message-ID)")
            return "resend_later"
        session_repo.mark_done(session, record.id, "uncertain", error=f"{detail}; may have arrived: held for review")
        return "held"

    def seed_rates(self, now: datetime) -> int:
        """Counts the sends of earlier sessions against the channels' rate limits, once;
        returns how many were counted.

        A limiter starts empty in every process while the provider keeps counting: without
        this a shop that sent its 500 a day, then restarted, sent 500 more and had its account
        blocked. `now` is the session's clock, the one `sent_at` was written with, so the ages
        hold under a fake clock as under the real one.
        """
        if self._rates_seeded:
            return 0
        counted = 0
        for limiter, names in self.channels.rate_limiters():
            lookback = limiter.lookback
            if lookback is None:
                continue
            period, limit = lookback
            with self.db.read() as session:
                moments = sent_moments(session, names, now - timedelta(seconds=period), limit=limit)
            limiter.seed([(now - moment).total_seconds() for moment in moments])
            counted += len(moments)
            if moments:
                log.info("%s: %d message(s) sent by an earlier session count against the rate limits",
                         "/".join(names), len(moments))
        self._rates_seeded = True
        return counted

    def deliver(self, now: datetime, journeys: Mapping[int, tuple[str, str | None]],
                should_stop: Callable[[], bool], *, limit: int = 500) -> DeliveryReport:
        """Delivers messages due by `now` of the given (active) journeys: id → (catch-up
        policy, limit). Stops early when `should_stop()` says so (a clean shutdown)."""
        report = DeliveryReport()
        if not journeys:
            return report
        self.seed_rates(now)
        self._policy()
        with self.db.read() as session:
            due = session_repo.due_messages(session, now, journeys.keys(), limit=limit)
            allowed = session_repo.deliverable(session, [m.customer_id for m in due])
            listed = blocked(session, [(m.customer_id, m.channel, str(m.payload.get("to") or "")) for m in due])
        for record in due:
            if should_stop():
                break
            reason = _why_not(record, allowed.get(record.customer_id, {}).get(record.channel, "no_customer"),
                              listed.get((record.customer_id, record.channel)))
            self._one(record, now, journeys.get(record.journey_id or 0, ("send_now", None)), reason, report)
        return report

    def _one(self, record: session_repo.OutgoingRecord, now: datetime, catch_up: tuple[str, str | None],
             skip_reason: str | None, report: DeliveryReport) -> None:
        policy, limit = catch_up
        if skip_reason is not None:
            pass
        elif policy == "skip_late" and record.due_at < subtract_duration(now, parse_duration(limit or "PT1H"), "UTC"):
            skip_reason = "late"
        if skip_reason is not None:
            with self.db.transaction() as session:
                session_repo.mark_done(session, record.id, "skipped", reason=skip_reason)
            report.skipped += 1
            return
        channel = self.channels.get(record.channel)
        held = _day_wait(channel)
        if held > 0:
            # Held back by the provider's daily quota: not an attempt, so a queue waiting for
            # tomorrow's quota is not given up after MAX_ATTEMPTS polls.
            with self.db.transaction() as session:
                session_repo.mark_done(session, record.id, "queued", error=DAILY_LIMIT_REACHED,
                                       retry_at=now + timedelta(seconds=held))
            report.retried += 1
            return
        with self.db.transaction() as session:
            if not session_repo.mark_sending(session, record.id, self.owner):
                return
        if channel is None:
            result = SendResult("temporary", f"no {record.channel} channel is configured")
        else:
            message = outgoing(record)
            message.on_handover = lambda: self._handover(record.id, now)
            try:
                result = channel.send(message)
            except Exception as exc:  # noqa: BLE001 - a channel bug must not stop the session
                log.warning("channel %s failed: %s", record.channel, exc)
                log.debug("channel %s raised", record.channel, exc_info=True)
                result = SendResult("temporary", f"the {record.channel} channel failed: {exc}")
        attempts = record.attempts + 1
        with self.db.transaction() as session:
            if result.status == "uncertain":
                outcome = self._settle(session, record, now, self.policy, result.detail)
                if outcome == "held":
                    report.uncertain += 1
                elif outcome == "confirmed":
                    report.sent += 1
                else:
                    report.retried += 1
            elif result.status == "sent":
                sent_at = self.clock() if self.clock is not None else now  # a paced round lasts minutes
                session_repo.mark_done(session, record.id, "sent", now=sent_at, provider_id=result.provider_id)
                report.sent += 1
            elif result.status == "temporary" and attempts < MAX_ATTEMPTS:
                wait = result.retry_after or min(BACKOFF_MAX, self.backoff * 2 ** (attempts - 1))
                session_repo.mark_done(session, record.id, "queued", error=result.detail,
                                       retry_at=now + timedelta(seconds=wait))
                report.retried += 1
            else:
                permanent = result.status == "permanent"
                session_repo.mark_done(session, record.id, "failed", error=result.detail,
                                       reason="bounced" if permanent else "gave_up")
                if permanent:
                    session_repo.mark_bounced(session, record.customer_id, record.channel)
                report.failed += 1
