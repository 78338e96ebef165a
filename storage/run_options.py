"""The shop database's side of `engine.shop_options`: its settings and secret, read once, as
the engine's run options. Every part of the product that walks customers through a journey
with a shop behind it (the sending session, the simulator, population runs, the calendar,
`simulate --db`, `journey-builder test`) takes its options from here."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from engine.runner import RunOptions
from engine.shop_options import run_options
from storage.shop_repo import get_settings, settings_dict


def shop_run_options(session: Session, *, unsubscribe_base: str | None = None, **how: Any) -> RunOptions:
    """The shop's run options. `unsubscribe_base` (the public address of the unsubscribe
    endpoint) makes every message carry the signed link the session sends; `how` is what
    `engine.shop_options.run_options` takes besides the shop (seed, render, …)."""
    secret = get_settings(session).discount_secret
    if unsubscribe_base and "unsubscribe_url" not in how:
        from engine.channels.unsubscribe import unsubscribe_url

        def link(customer_id: str, channel: str) -> str:
            return unsubscribe_url(unsubscribe_base, secret, customer_id, channel)

        how["unsubscribe_url"] = link
    return run_options(settings_dict(session), secret=secret, **how)


__all__ = ["shop_run_options"]
