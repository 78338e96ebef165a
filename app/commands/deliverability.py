"""Deliverability on the command line (docs/deliverability.md).

    journey-builder bounces [--db PATH]

`bounces` reads the shop's bounce mailbox once, as a running session does every few minutes,
and prints what it did. `check-domain` looks up the sender domain's SPF, DKIM and DMARC
records and says in plain words what is missing.
"""

from __future__ import annotations

import argparse

from app.cli import CliError
from app.commands._common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bounces", help="read the bounce mailbox once: suppress hard bounces, count soft ones")
    add_db_argument(p)
    p.set_defaults(handler=bounces)


def bounces(args: argparse.Namespace) -> int:
    from app.session.bounces import BounceMailboxError, check_mailbox, configured, mailbox_settings
    from storage import shop_repo

    db = open_db(args)
    try:
        with db.read() as session:
            values = configured(shop_repo.settings_dict(session))
        if values is None:
            raise CliError("no bounce mailbox is set up: add one under Email sending… ▸ Bounce mailbox in the app")
        settings = mailbox_settings(values)
        try:
            outcome = check_mailbox(db, settings)
        except BounceMailboxError as exc:
            raise CliError(str(exc)) from None
    finally:
        db.close()
    print(f"{settings.name}: {outcome.describe()}")
    return 0
