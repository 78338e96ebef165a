"""The journey lifecycle and the sending session on the command line (docs/cli.md).

    journey-builder publish NAME [--in-flight finish_old|move]
    journey-builder pause NAME | resume NAME | archive NAME
    journey-builder catch-up NAME send_now|skip_late|next_window [--limit DURATION]
    journey-builder event TYPE --customer ID [--at TIME] [--prop KEY=VALUE ...]
    journey-builder retry-parked [NAME]
    journey-builder run [--smtp HOST:PORT]

Every failure the user can fix (no such journey or customer, a bad time, nothing to publish)
is one line on standard error with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app.cli import CliError
from app.commands._common import add_db_argument, open_db
from engine.profile import MAX_ID, MAX_TYPE, ORDER_EVENT, ProfileError
from engine.timeutil import TimeFormatError, format_moment, now_utc, parse_moment
from engine.values import MAX_TEXT, ValueProblem, amount, check_json_value, parse_json, single_line
from storage.errors import StorageError

IN_FLIGHT = ("finish_old", "move")
POLICIES = ("send_now", "skip_late", "next_window")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="make a journey's latest draft the live version")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--in-flight", choices=IN_FLIGHT, default="finish_old",
                   help="customers already in the journey: finish on the old version (default) "
                        "or move to the same node in the new one")
    add_db_argument(p)
    p.set_defaults(handler=publish)

    for name, helptext, handler in (("pause", "hold a live journey: nothing is sent, time passes", pause),
                                    ("resume", "let a paused journey send again (catch-up policy applies)", resume),
                                    ("archive", "stop a journey; customers in it leave", archive)):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("name", metavar="NAME")
        add_db_argument(p)
        p.set_defaults(handler=handler)

    p = sub.add_parser("catch-up", help="what happens to messages that fell due while nothing ran")
    p.add_argument("name", metavar="NAME")
    p.add_argument("policy", choices=POLICIES)
    p.add_argument("--limit", metavar="DURATION", help="how late is too late (ISO 8601, default PT1H)")
    add_db_argument(p)
    p.set_defaults(handler=catch_up)

    p = sub.add_parser("event", help="record something a customer did (a running session picks it up)")
    p.add_argument("type", metavar="TYPE")
    p.add_argument("--customer", required=True, metavar="ID")
    p.add_argument("--at", metavar="TIME", help="ISO 8601 with offset or Z (default: now)")
    p.add_argument("--prop", action="append", default=[], metavar="KEY=VALUE",
                   help="a property; VALUE is read as JSON when it is JSON, else as text")
    add_db_argument(p)
    p.set_defaults(handler=event)

    p = sub.add_parser("retry-parked", help="wake the customer runs that failed and were set aside")
    p.add_argument("name", metavar="NAME", nargs="?", help="only this journey's (default: every journey's)")
    add_db_argument(p)
    p.set_defaults(handler=retry_parked)

    p = sub.add_parser("run", help="headless sending session until SIGINT/SIGTERM")
    p.add_argument("--smtp", metavar="HOST:PORT", help="send email through this server (no login, no TLS)")
    p.add_argument("--catcher", metavar="DIR", help="folder of the built-in local catcher")
    p.add_argument("--poll", type=float, default=1.0, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--http-port", type=int, default=None, metavar="N",
                   help="port of the session's endpoint for unsubscribe links and events, on 127.0.0.1 "
                        "(default: the shop's setting, 8765; 0: any free port)")
    p.add_argument("--public-url", "--unsubscribe-base", dest="public_url", metavar="URL",
                   help="the address customers' unsubscribe links use (a tunnel or reverse proxy to the "
                        "endpoint); default: the shop's setting, else the endpoint on this machine")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes that share a big backlog of due customers on an SQLite file "
                        "(default: 1 on a machine with two cores or more, else 0); on PostgreSQL, start "
                        "more `run` processes instead, on any machines (docs/scaling.md)")
    p.add_argument("--share-from", type=int, default=None, metavar="N", help=argparse.SUPPRESS)  # tests
    p.add_argument("--retry-backoff", type=float, default=None, metavar="SECONDS", help=argparse.SUPPRESS)  # tests
    p.add_argument("--batch", type=int, default=None, metavar="N", help=argparse.SUPPRESS)  # tests, benchmarks
    p.add_argument("--queue-only", action="store_true", help=argparse.SUPPRESS)  # benchmarks: advance, never send
    add_db_argument(p)
    p.set_defaults(handler=run)



def _lifecycle(args: argparse.Namespace, action: Any) -> Any:
    with open_db(args) as db:
        try:
            return action(db)
        except (StorageError, ValueError) as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.location}: {str(getattr(exc, 'orig', None) or exc).splitlines()[0]}") from None


def publish(args: argparse.Namespace) -> int:
    from app.session import lifecycle

    saved = _lifecycle(args, lambda db: lifecycle.publish(db, args.name, args.in_flight))
    print(f"{args.name}: version {saved.number} is live")
    return 0


def pause(args: argparse.Namespace) -> int:
    from app.session import lifecycle

    _lifecycle(args, lambda db: lifecycle.pause(db, args.name))
    print(f"{args.name}: paused")
    return 0


def resume(args: argparse.Namespace) -> int:
    from app.session import lifecycle

    _lifecycle(args, lambda db: lifecycle.resume(db, args.name))
    print(f"{args.name}: live")
    return 0


def archive(args: argparse.Namespace) -> int:
    from app.session import lifecycle

    ended = _lifecycle(args, lambda db: lifecycle.archive(db, args.name))
    print(f"{args.name}: archived ({ended} customer(s) in flight left the journey)")
    return 0


def catch_up(args: argparse.Namespace) -> int:
    from app.session import lifecycle

    _lifecycle(args, lambda db: lifecycle.set_catch_up(db, args.name, args.policy, args.limit))
    print(f"{args.name}: catch-up {args.policy}" + (f" (limit {args.limit})" if args.limit else ""))
    return 0


def retry_parked(args: argparse.Namespace) -> int:
    from storage import journeys_repo, session_repo

    def wake(db: Any) -> tuple[int, int]:
        with db.transaction() as session:
            journey_id = None
            if args.name:
                journey_id = journeys_repo.get_record(session, args.name).id
            total, _ = session_repo.parked_runs(session, limit=0)
            return total, session_repo.retry_parked(session, journey_id)

    total, woken = _lifecycle(args, wake)
    where = f" of {args.name}" if args.name else ""
    print(f"{woken} parked run(s){where} will be tried again at the sending session's next wake-up"
          + (f" ({total - woken} other(s) stay parked)" if total > woken else ""))
    return 0


# -- event ---------------------------------------------------------------------------------
def parse_props(items: list[str]) -> dict[str, Any]:
    """`--prop KEY=VALUE` pairs; VALUE is JSON when it reads as JSON, else text. Checked as
    every door checks properties (engine.values): no NaN or Infinity, 64-bit whole numbers,
    nesting of at most 32, sane sizes; a refusal names the option."""
    props: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--prop {item!r}: expected KEY=VALUE")
        where = f"--prop {key.strip()}"
        try:
            value = parse_json(text, where, max_text=MAX_TEXT)
        except ValueProblem as exc:
            if not isinstance(exc.__cause__, json.JSONDecodeError):
                raise CliError(str(exc)) from None
            value = text
        try:
            check_json_value(value, where)
        except ValueProblem as exc:
            raise CliError(str(exc)) from None
        props[key.strip()] = value
    return props


def order_total(props: dict[str, Any]) -> float:
    """The `total` property of an order event, checked (engine.values.amount); 0 when absent."""
    total = props.get("total")
    if total is None:
        return 0
    try:
        return amount(total, "--prop total")
    except ValueProblem as exc:
        raise CliError(str(exc)) from None


def event(args: argparse.Namespace) -> int:
    from storage.history_repo import record_event

    props = parse_props(args.prop)
    try:
        # Now to the microsecond: an event and a message due in the same second are then
        # ordered by when each really happened, live as in a simulation of these events.
        at = parse_moment(args.at) if args.at else datetime.now(UTC)
    except TimeFormatError as exc:
        raise CliError(f"--at: {exc}") from None
    if not args.type.strip():
        raise CliError("TYPE: an event needs a type")
    try:
        single_line(args.type, "TYPE", max_length=MAX_TYPE)
        single_line(args.customer, "--customer", max_length=MAX_ID)
    except ValueProblem as exc:
        raise CliError(str(exc)) from None
    if args.type.strip() == ORDER_EVENT:
        order_total(props)  # refused before the database is opened
    with open_db(args) as db:
        try:
            with db.transaction() as session:
                row = record_event(session, args.customer, args.type, at, props)
                echo = {"id": row.id, "type": row.type, "customer": row.customer_id, "at": _exact(row.at),
                        "properties": row.properties}
        except (StorageError, ProfileError) as exc:
            raise CliError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise CliError(f"{db.location}: cannot store the event "
                           f"({str(getattr(exc, 'orig', None) or exc).splitlines()[0]})") from None
    print(json.dumps(echo, ensure_ascii=False))
    return 0


def _exact(moment: datetime) -> str:
    """The stored moment, fractions of a second included (what a simulation of it must use)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- run -----------------------------------------------------------------------------------
def _smtp_address(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CliError(f"--smtp {text!r}: expected HOST:PORT, like 127.0.0.1:2525")
    return host.strip("[]"), int(port)


def run(args: argparse.Namespace) -> int:
    from app.session.outbox import build_channels
    from app.session.scheduler import run_blocking
    from app.session.session import PollReport, SendingSession, SessionConfig, SessionRefused, default_workers
    from storage import session_repo, shop_repo
    from storage.session_repo import SessionBusy
    from storage.shop_repo import DEFAULT_HTTP_PORT

    smtp = _smtp_address(args.smtp) if args.smtp else None
    if args.poll <= 0:
        raise CliError("--poll: must be more than 0 seconds")
    if args.workers is not None and not 0 <= args.workers <= 16:
        raise CliError("--workers: must be a whole number from 0 to 16")
    logging.basicConfig(level=logging.WARNING, format="journey-builder: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    db = open_db(args)
    try:
        if db.is_postgres and args.workers:
            raise CliError("--workers shares a backlog on one SQLite file; on PostgreSQL start more "
                           "`journey-builder run` processes instead, on this machine or others (docs/scaling.md)")
        with db.read() as session:
            shop = shop_repo.settings_dict(session)
        try:
            channels = build_channels(shop, smtp=smtp, catcher_folder=Path(args.catcher) if args.catcher else None)
        except OSError as exc:
            raise CliError(f"cannot start the email channel: {exc}") from None
        workers = 0 if db.is_postgres else default_workers() if args.workers is None else args.workers
        if args.http_port is not None and not 0 <= args.http_port <= 65535:
            raise CliError("--http-port: a port number from 1 to 65535 (0: any free port)")
        port = args.http_port if args.http_port is not None else (shop.get("delivery") or {}).get(
            "http_port", DEFAULT_HTTP_PORT)
        config = SessionConfig(poll_interval=args.poll, workers=workers, http_port=port, public_url=args.public_url,
                               join=db.is_postgres)
        if args.share_from is not None:
            config.share_from = max(1, args.share_from)
        if args.retry_backoff is not None:
            config.retry_backoff = max(0.1, args.retry_backoff)
        if args.batch is not None:
            config.batch = max(1, args.batch)
        config.deliver = not args.queue_only
        session_ = SendingSession(db, channels, config=config)
        out = sys.stdout

        def ready(uncertain: int) -> None:
            print(f"sending session on {db.location}: {channels.description}; stop with Ctrl+C", file=out, flush=True)
            if not session_.leader:
                with db.read() as session:
                    holder = session_repo.lease_holder(session)
                print(f"working beside the session of {holder}: advancing due customers, and taking the "
                      "session over if it stops", file=out, flush=True)
            if session_.http is not None:
                host, bound = session_.http.server_address[:2]
                print(f"unsubscribe links and events: http://{host}:{bound} (links read {session_.public_url})",
                      file=out, flush=True)
            r = session_.recovery
            if r.total:
                print(f"{r.total} message(s) were being sent when the last session stopped: {r.requeued} sent "
                      f"again (they never reached the server), {r.confirmed} found delivered, {r.resend_later} to be "
                      f"sent again later and {r.held} held for review as uncertain (they may have arrived)",
                      file=out, flush=True)

        def report(r: PollReport) -> None:
            for journey_id, customer, reason in r.parked:
                print(f"{format_moment(now_utc())} journey {journey_id}, customer {customer}: parked, not retried "
                      f"until new data or `journey-builder retry-parked` ({reason})", file=out, flush=True)
            for pick in r.ab_picks:
                print(f"{format_moment(now_utc())} {pick.journey}: the A/B test at {pick.node} picked variant "
                      f"{pick.variant} ({100 * pick.probability:.1f} % probability to be best); version "
                      f"{pick.version} is live", file=out, flush=True)
            d = r.delivery
            if args.quiet or not (r.events or r.steps or d.sent or d.failed or d.retried or d.skipped):
                return
            print(f"{format_moment(now_utc())} events {r.events}, steps {r.steps}, queued {r.queued}, "
                  f"sent {d.sent}, retrying {d.retried}, failed {d.failed + r.failed}, skipped {d.skipped}"
                  + (f", uncertain {d.uncertain}" if d.uncertain else ""), file=out, flush=True)

        try:
            run_blocking(session_, on_report=report, on_ready=ready)
        except (SessionBusy, SessionRefused) as exc:
            raise CliError(str(exc)) from None
        print("sending session stopped", file=out, flush=True)
    finally:
        db.close()
    return 0
