"""The shop database's side of `engine.shop_options`: its settings and secret, read once, as
the engine's run options. Every part of the product that walks customers through a journey
with a shop behind it (the sending session, the simulator, population runs, the calendar,
`simulate --db`, `journey-builder test`) takes its options from here."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy.orm import Session

from engine.runner import RunOptions
from engine.shop_options import run_options
from storage.shop_repo import get_settings, public_url, settings_dict


def shop_run_options(session: Session, *, unsubscribe_base: str | None = None, **how: Any) -> RunOptions:
    """The shop's run options. Messages carry the signed unsubscribe link the session sends,
    under the shop's public address (`shop_repo.public_url`), or `unsubscribe_base` when the
    session's endpoint is elsewhere (a port chosen at start); `how` is what
    `engine.shop_options.run_options` takes besides the shop (seed, render, …)."""
    secret = get_settings(session).discount_secret
    settings = settings_dict(session)
    unsubscribe_base = unsubscribe_base or public_url(settings)
    if "unsubscribe_url" not in how:
        from engine.channels.unsubscribe import unsubscribe_url

        # A partial, not a closure: population runs hand the options to worker processes.
        how["unsubscribe_url"] = functools.partial(unsubscribe_url, unsubscribe_base, secret)
    return run_options(settings, secret=secret, **how)


__all__ = ["shop_run_options"]
