"""Live-shop connectors: the shop's customers, orders and abandoned carts, polled while a session
runs, instead of exported and imported by hand.

A desktop behind a home or office router cannot receive a platform's webhooks, so the session
asks instead: every few minutes (`interval_seconds`, default 300) it reads what changed since
the stored cursor (storage/connectors_repo.py) and maps it through the very importers a file
goes through (storage.importers.import_records), writing orders with `history_repo.record_order`
and carts with `history_repo.record_event` — so a purchase or an abandoned cart reaches the
session's inbox as an `order_placed` or `cart_abandoned` event, like one sent to the HTTP
endpoint. Each page is one transaction, stored with the cursor after it: a poll cut short
loses nothing and reads nothing twice. docs/importing.md says which API versions are followed.

Settings live in the shop settings under `connectors` (shop_repo); the consumer secret or
access token lives in the keyring like the SMTP password (app/secrets.py), named by
`secret_name`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.connectors.http import ConnectorError
from app.connectors.shopify import Shopify
from app.connectors.woocommerce import WooCommerce
from storage import connectors_repo, shop_repo
from storage.database import Database
from storage.importers import import_records
from storage.live_writers import LIVE_WRITERS

log = logging.getLogger(__name__)

SECRET_NAMES = {"woocommerce": "woocommerce_consumer_secret", "shopify": "shopify_access_token"}
KINDS = {"woocommerce": WooCommerce, "shopify": Shopify}


class Connector(Protocol):
    name: str
    platform: str
    resources: tuple[str, ...]

    def test(self) -> str: ...

    def pages(self, resource: str, cursor: str | None) -> Any: ...


@dataclass
class PollOutcome:
    """What one poll brought, per resource: ("customers", 12 created, 3 updated), problems."""

    connector: str
    counts: dict[str, list[int]] = field(default_factory=dict)  # resource -> [new, updated, not purchases]
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [f"{new:,} new and {updated:,} changed {resource}" for resource, (new, updated, _) in self.counts.items()
                 if new or updated]
        text = f"{self.connector}: " + ("; ".join(parts) if parts else "nothing new")
        if self.errors:
            text += "; " + "; ".join(self.errors)
        return text


def configured(settings: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The shop's connectors that are set up and enabled."""
    connectors = settings.get("connectors") or {}
    return {name: dict(config) for name, config in connectors.items()
            if name in KINDS and isinstance(config, Mapping) and config.get("enabled", True)}


def make(name: str, config: Mapping[str, Any], *, secret: str | None = None,
         sleep: Callable[[float], None] = time.sleep) -> Connector:
    """The connector `name` with its secret from the keyring (or `secret`, for a test)."""
    if name not in KINDS:
        raise ConnectorError(f"unknown connector {name!r} (expected {' or '.join(KINDS)})")
    if secret is None:
        from app.secrets import get_secret

        secret = get_secret(str(config.get("secret_name") or SECRET_NAMES[name])) or ""
    connector: Connector = KINDS[name](config, secret, sleep=sleep)
    return connector


def poll_once(db: Database, connector: Connector) -> PollOutcome:
    """Reads what changed since the cursors and stores it, page by page."""
    outcome = PollOutcome(connector.name)
    for resource in connector.resources:
        with db.read() as session:
            cursor = connectors_repo.cursor(session, connector.name, resource)
        counts = outcome.counts.setdefault(resource, [0, 0, 0])
        try:
            for kind, records, after in connector.pages(resource, cursor):
                result = import_records(db, kind, records, name=f"{connector.platform} {resource}",
                                        platform=connector.platform, writers=LIVE_WRITERS) if records else None
                if result is not None and not result.ok:
                    first = result.errors[0] if result.errors else "cancelled"
                    raise ConnectorError(f"{connector.platform} {resource}: {result.error_count} record(s) could not "
                                         f"be read ({first}); the cursor stays before them")
                with db.transaction() as session:
                    connectors_repo.set_cursor(session, connector.name, resource, after)
                if result is not None:
                    counts[0] += result.created
                    counts[1] += result.updated
                    counts[2] += result.not_purchases
        except ConnectorError as exc:
            outcome.errors.append(str(exc))
            with db.transaction() as session:
                connectors_repo.set_cursor(session, connector.name, resource, None, error=str(exc))
            break  # orders need their customers: the next poll starts over from the cursors
    return outcome


SETTINGS_EVERY = 15.0  # seconds between reads of the connectors' settings by a running session


class ShopWatcher:
    """Polls the shop's connectors beside a sending session, never in its way: `poll()` is called
    on every wake-up and costs a clock reading; when a connector is due, it is read in a thread
    of its own (like the bounce mailbox), and what it stores reaches the session's inbox."""

    def __init__(self, db: Database, *, interval: float | None = None, sleep: Callable[[float], None] = time.sleep,
                 secrets: Mapping[str, str] | None = None) -> None:
        import threading

        self.db = db
        self.interval = interval  # None: each connector's own interval_seconds
        self.sleep = sleep
        self.secrets = dict(secrets or {})
        self._next: dict[str, float] = {}
        self._thread: threading.Thread | None = None
        self._threading = threading
        self.polls = 0
        self.last: dict[str, PollOutcome] = {}
        self.last_error: str | None = None
        self._wanted: dict[str, dict[str, Any]] = {}
        self._read_at: float | None = None  # when the settings were last read (monotonic)

    def poll(self) -> bool:
        """Starts the polls that are due in the background; True when it did."""
        if self._thread is not None and self._thread.is_alive():
            return False
        now = time.monotonic()
        if self._read_at is None or now - self._read_at >= SETTINGS_EVERY:
            # A busy session wakes many times a second: the settings are read now and then, not
            # on every wake-up (a connector set up meanwhile is noticed within SETTINGS_EVERY).
            try:
                with self.db.read() as session:
                    self._wanted = configured(shop_repo.settings_dict(session))
            except Exception as exc:  # noqa: BLE001 - never the reason a session stops
                log.warning("shop connectors: could not read the settings (%s); trying again later", exc)
                return False
            self._read_at = now
        wanted = self._wanted
        due = {name: config for name, config in wanted.items() if now >= self._next.get(name, 0.0)}
        if not due:
            return False
        for name, config in due.items():
            self._next[name] = now + (self.interval if self.interval is not None
                                      else float(config.get("interval_seconds", 300)))
        self._thread = self._threading.Thread(target=self._run, args=(due,), name="journey-builder-shop",
                                              daemon=True)
        self._thread.start()
        return True

    def _run(self, due: Mapping[str, Mapping[str, Any]]) -> None:
        try:
            for name, config in due.items():
                try:
                    connector = make(name, config, secret=self.secrets.get(name), sleep=self.sleep)
                    outcome = poll_once(self.db, connector)
                except ConnectorError as exc:
                    outcome = PollOutcome(name, errors=[str(exc)])
                except Exception as exc:  # noqa: BLE001 - a bug here must not take the session down
                    outcome = PollOutcome(name, errors=[f"{exc.__class__.__name__}: {exc}"])
                    log.debug("shop connector %s failed", name, exc_info=True)
                self.last[name] = outcome
                self.last_error = "; ".join(outcome.errors) or None
                if outcome.errors:
                    log.warning("%s; trying again at the next poll", outcome.describe())
                elif any(new or changed for new, changed, _ in outcome.counts.values()):
                    log.info("%s", outcome.describe())
        finally:
            self.polls += 1

    def wait(self, timeout: float | None = None) -> bool:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def close(self, timeout: float = 5.0) -> None:
        self._next = {name: float("inf") for name in KINDS}
        self.wait(timeout)


__all__ = ["KINDS", "SECRET_NAMES", "Connector", "ConnectorError", "PollOutcome", "ShopWatcher", "configured",
           "make", "poll_once"]
