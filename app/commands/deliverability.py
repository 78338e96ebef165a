"""Deliverability on the command line (docs/deliverability.md).

    journey-builder bounces [--db PATH]
    journey-builder check-domain [DOMAIN] [--selector NAME] [--nameserver ADDRESS[:PORT]] [--db PATH]

`bounces` reads the shop's bounce mailbox once, as a running session does every few minutes,
and prints what it did. `check-domain` looks up the sender domain's SPF, DKIM and DMARC
records and says in plain words what is missing: exit status 0 when all are there (warnings
allowed), 1 when one is missing or broken, 2 when DNS could not be asked (offline).
"""

from __future__ import annotations

import argparse

from app.cli import CliError
from app.commands._common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bounces", help="read the bounce mailbox once: suppress hard bounces, count soft ones")
    add_db_argument(p)
    p.set_defaults(handler=bounces)

    p = sub.add_parser("check-domain", help="look up the sender domain's SPF, DKIM and DMARC records")
    p.add_argument("domain", metavar="DOMAIN", nargs="?",
                   help="the domain to check (default: the sender address's domain in the shop's settings)")
    p.add_argument("--selector", metavar="NAME",
                   help="DKIM selector to look up (default: the one in the email settings, if any)")
    p.add_argument("--nameserver", metavar="ADDRESS[:PORT]",
                   help="ask this DNS server (an IP address) instead of the system's resolver")
    add_db_argument(p)
    p.set_defaults(handler=check_domain)


def bounces(args: argparse.Namespace) -> int:
    from app.session.bounces import BounceMailboxError, check_mailbox, configured, mailbox_settings
    from storage import shop_repo

    with open_db(args) as db:
        with db.read() as session:
            values = configured(shop_repo.settings_dict(session))
        if values is None:
            raise CliError("no bounce mailbox is set up: add one under Email sending… ▸ Bounce mailbox in the app")
        settings = mailbox_settings(values)
        try:
            outcome = check_mailbox(db, settings)
        except BounceMailboxError as exc:
            raise CliError(str(exc)) from None
    print(f"{settings.name}: {outcome.describe()}")
    return 0


def check_domain(args: argparse.Namespace) -> int:
    from engine.dnscheck import check_domain as look_up
    from engine.dnscheck import make_resolver, sender_domain_of

    resolver = make_resolver(*_nameserver(args.nameserver)) if args.nameserver else None
    domain, selector = args.domain, args.selector
    if domain is None or selector is None:
        from storage import shop_repo

        with open_db(args) as db, db.read() as session:
            shop = shop_repo.settings_dict(session)
        smtp = shop.get("smtp") or {}
        if domain is None:
            domain = sender_domain_of(str(smtp.get("sender") or shop.get("sender_email") or ""))
            if not domain:
                raise CliError("no sender address in the shop's settings; name the domain: "
                               "journey-builder check-domain shop.example")
        dkim = smtp.get("dkim") if isinstance(smtp.get("dkim"), dict) else {}
        if selector is None and str(dkim.get("domain") or domain).lower() == domain.lower():
            selector = dkim.get("selector") or None
    try:
        report = look_up(domain, selector=selector, resolver=resolver)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(report.text())
    return report.exit_status


def _nameserver(text: str) -> tuple[str, int]:
    """`192.0.2.53`, `192.0.2.53:5353` or `[2001:db8::53]:5353` → (address, port)."""
    import ipaddress

    host, port = text, "53"
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":") or "53"
    elif text.count(":") == 1:
        host, port = text.split(":")
    try:
        ipaddress.ip_address(host)
        number = int(port)
    except ValueError:
        raise CliError(f"--nameserver {text!r}: expected an IP address with an optional port, "
                       "like 192.0.2.53:53") from None
    if not 0 < number < 65536:
        raise CliError(f"--nameserver {text!r}: the port must be from 1 to 65535")
    return host, number
