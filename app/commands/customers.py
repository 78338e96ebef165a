"""`journey-builder customer export ID FILE` and `customer erase ID --yes`: a customer's data
handed over or deleted, as data-protection law asks a shop to do on request."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli import CliError
from app.commands._common import add_db_argument, open_db
from storage.errors import NotFound
from storage.privacy import erase_customer, export_customer


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("customer", help="export or erase one customer's data (data-protection requests)")
    actions = p.add_subparsers(dest="customer_action", metavar="ACTION", required=True)
    e = actions.add_parser("export", help="write everything about a customer to a JSON file")
    e.add_argument("id", metavar="ID", help="the customer's id")
    e.add_argument("file", metavar="FILE", help="where to write the JSON file ('-' for standard output)")
    add_db_argument(e)
    e.set_defaults(handler=export)
    r = actions.add_parser("erase", help="delete a customer with their orders, events, journeys and messages")
    r.add_argument("id", metavar="ID", help="the customer's id")
    r.add_argument("--yes", action="store_true", help="really delete (nothing is deleted without it)")
    add_db_argument(r)
    r.set_defaults(handler=erase)



def export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        try:
            data = export_customer(db, args.id)
        except NotFound as exc:
            raise CliError(str(exc)) from None
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.file == "-":
        print(text, end="")
        return 0
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{args.file}: cannot write the file ({exc.strerror or exc})") from None
    print(f"exported customer {args.id}: {len(data['orders'])} orders, {len(data['events'])} events, "
          f"{len(data['enrollments'])} journeys, {len(data['messages'])} messages")
    return 0


def erase(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError(f"customer {args.id} was not erased: add --yes to delete them and all their data for good")
    with open_db(args) as db:
        try:
            counts = erase_customer(db, args.id)
        except NotFound as exc:
            raise CliError(str(exc)) from None
    print(f"erased customer {args.id} with " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0
