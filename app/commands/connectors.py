"""`journey-builder connector set|test|poll|show|remove` — the live shop (docs/cli.md, docs/importing.md).

    journey-builder connector set woocommerce --url https://shop.example --key ck_… --secret-env WC_SECRET
    journey-builder connector set shopify --shop my-shop.myshopify.com --token-env SHOPIFY_TOKEN
    journey-builder connector test woocommerce     # asks the shop once: is the key right?
    journey-builder connector poll woocommerce     # reads what changed since the last poll, now
    journey-builder connector show                 # what is set up, and how far each was read
    journey-builder connector remove shopify

The secret (WooCommerce's consumer secret, Shopify's Admin API access token) goes to the
keyring, like the SMTP password; it is read from an environment variable or from standard
input, never from the command line, where other users of the machine could see it. A running
session polls the connectors set up here every `--interval` seconds (default 300).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from app.cli import CliError
from app.commands._common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("connector", help="connect the live shop (WooCommerce, Shopify): set, test, poll, show",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = actions.add_parser("set", help="set up a connector (its secret goes to the keyring)")
    s.add_argument("name", choices=("woocommerce", "shopify"))
    s.add_argument("--url", help="WooCommerce: the shop's address, like https://shop.example")
    s.add_argument("--key", help="WooCommerce: the REST API consumer key (ck_…)")
    s.add_argument("--shop", help="Shopify: the shop's myshopify domain, like my-shop.myshopify.com")
    s.add_argument("--secret-env", "--token-env", dest="secret_env", metavar="VAR",
                   help="the environment variable holding the consumer secret or access token")
    s.add_argument("--secret-stdin", "--token-stdin", dest="secret_stdin", action="store_true",
                   help="read the consumer secret or access token from standard input")
    s.add_argument("--interval", type=int, default=300, metavar="SECONDS",
                   help="how often a running session polls the shop (30 to 86400; default 300)")
    s.add_argument("--disable", action="store_true", help="keep the settings but do not poll")
    add_db_argument(s)
    for action, text in (("test", "ask the shop once whether the connector works"),
                         ("poll", "read what changed since the last poll, now"),
                         ("remove", "forget the connector, its cursors and its secret")):
        a = actions.add_parser(action, help=text)
        a.add_argument("name", choices=("woocommerce", "shopify"))
        add_db_argument(a)
    show = actions.add_parser("show", help="the connectors set up, and how far each was read")
    add_db_argument(show)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return {"set": _set, "test": _test, "poll": _poll, "show": _show, "remove": _remove}[args.action](args)


def _secret(args: argparse.Namespace) -> str | None:
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if not value:
            raise CliError(f"the environment variable {args.secret_env} is not set")
        return value.strip()
    if args.secret_stdin:
        return sys.stdin.readline().strip() or None
    return None


def _set(args: argparse.Namespace) -> int:
    from app.connectors import SECRET_NAMES
    from app.secrets import SecretStoreError, get_secret, set_secret
    from storage import shop_repo

    name = args.name
    if name == "woocommerce":
        if not args.url or not args.key:
            raise CliError("connector set woocommerce: needs --url and --key (the REST API consumer key)")
        config: dict[str, Any] = {"url": args.url, "consumer_key": args.key}
    else:
        if not args.shop:
            raise CliError("connector set shopify: needs --shop (like my-shop.myshopify.com)")
        config = {"shop": args.shop}
    config.update(secret_name=SECRET_NAMES[name], interval_seconds=args.interval, enabled=not args.disable)
    secret = _secret(args)
    if secret is None and not get_secret(SECRET_NAMES[name]):
        raise CliError(f"connector set {name}: give the {'consumer secret' if name == 'woocommerce' else 'token'} "
                       "with --secret-env VAR or --secret-stdin")
    db = open_db(args)
    with db:
        try:
            with db.transaction() as session:
                current = dict(shop_repo.settings_dict(session).get("connectors") or {})
                current[name] = config
                shop_repo.update_settings(session, connectors=current)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        if secret is not None:
            try:
                set_secret(SECRET_NAMES[name], secret)
            except SecretStoreError as exc:
                raise CliError(str(exc)) from None
    print(f"{name}: set ({'polled every ' + str(args.interval) + ' s while a session runs' if not args.disable else 'disabled'})")
    return 0


def _connector(args: argparse.Namespace, db: Any) -> Any:
    from app.connectors import ConnectorError, make
    from storage import shop_repo

    with db.read() as session:
        config = (shop_repo.settings_dict(session).get("connectors") or {}).get(args.name)
    if not config:
        raise CliError(f"no {args.name} connector is set up (journey-builder connector set {args.name} …)")
    try:
        return make(args.name, config)
    except ConnectorError as exc:
        raise CliError(str(exc)) from None


def _test(args: argparse.Namespace) -> int:
    from app.connectors import ConnectorError

    db = open_db(args)
    with db:
        connector = _connector(args, db)
        try:
            print(connector.test())
        except ConnectorError as exc:
            raise CliError(str(exc)) from None
    return 0


def _poll(args: argparse.Namespace) -> int:
    from app.connectors import poll_once

    db = open_db(args)
    with db:
        outcome = poll_once(db, _connector(args, db))
    if outcome.errors:
        raise CliError(outcome.describe())
    print(outcome.describe())
    return 0


def _show(args: argparse.Namespace) -> int:
    from storage import connectors_repo, shop_repo

    db = open_db(args)
    with db, db.read() as session:
        connectors = shop_repo.settings_dict(session).get("connectors") or {}
        if not connectors:
            print("no connectors set up")
            return 0
        for name, config in connectors.items():
            where = config.get("url") or config.get("shop")
            state = "enabled" if config.get("enabled", True) else "disabled"
            print(f"{name}: {where} ({state}, every {config.get('interval_seconds', 300)} s)")
            for row in connectors_repo.cursors(session, name):
                line = f"  {row.resource}: {row.cursor or 'not read yet'}"
                if row.polled_at is not None:
                    line += f" (polled {row.polled_at:%Y-%m-%d %H:%M} UTC)"
                if row.error:
                    line += f"; last error: {row.error}"
                print(line)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from app.connectors import SECRET_NAMES
    from app.secrets import delete_secret
    from storage import connectors_repo, shop_repo

    db = open_db(args)
    with db:
        with db.transaction() as session:
            current = dict(shop_repo.settings_dict(session).get("connectors") or {})
            current.pop(args.name, None)
            shop_repo.update_settings(session, connectors=current or None)
            connectors_repo.forget(session, args.name)
        delete_secret(SECRET_NAMES[args.name])
    print(f"{args.name}: removed")
    return 0
