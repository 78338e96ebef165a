"""`journey-builder simulate`: one customer or a whole population through a journey (docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli import CliError
from app.commands._common import add_db_argument
from engine.compiled import CompiledJourney
from engine.fileformat import FileProblem, load_journey, read_json_file
from engine.problems import JourneyError
from engine.profile import ProfileError, check_profile, parse_profile
from engine.runner import RunOptions, parse_until, simulate_customer
from engine.shop_options import run_options
from engine.timeutil import TimeFormatError, format_moment, now_utc, parse_moment


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="walk a customer (or a generated population) through a journey")
    p.add_argument("journey", metavar="JOURNEY.json")
    p.add_argument("--customer", metavar="PROFILE.json", help="the customer profile (format: docs/journey-format.md, Profile files)")
    p.add_argument("--start", metavar="TIME", help="when the simulation starts (default: now)")
    p.add_argument("--until", metavar="TIME|DURATION", help="when it stops (default: P400D after the start)")
    p.add_argument("--seed", type=int, default=0, help="seed of random splits (and of a generated population)")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--population", type=int, metavar="N", help="simulate N generated demo customers instead")
    p.add_argument("--days", type=int, metavar="D", default=365, help="length of a population run in days")
    p.add_argument("--workers", type=int, metavar="N",
                   help="processes a population run uses (default: one per CPU core)")
    add_db_argument(p)
    p.set_defaults(handler=run)


def load_journey_or_fail(path: str):
    try:
        return load_journey(path)
    except FileProblem as exc:
        raise CliError(str(exc)) from None
    except JourneyError as exc:
        raise CliError(f"{path}: invalid journey: {exc.problems[0]}"
                       + (f" (and {len(exc.problems) - 1} more; run 'journey-builder validate')"
                          if len(exc.problems) > 1 else "")) from None


def _shop(args: argparse.Namespace) -> tuple[RunOptions, dict[str, Any] | None]:
    """With `--db`, the shop's run options and segments, as its sending session uses them
    (discount secret, time zone, levels, shop values); without, the spec's defaults (UTC, the
    preview secret): acceptance checks and scripts must not depend on a machine's database."""
    db_path = getattr(args, "db", None)
    if not db_path:
        return run_options(seed=args.seed), None
    from app.commands._common import open_db
    from storage.run_options import shop_run_options
    from storage.segments_repo import segment_rules

    with open_db(args) as db, db.read() as session:
        return shop_run_options(session, seed=args.seed), segment_rules(session)


def run(args: argparse.Namespace) -> int:
    journey = load_journey_or_fail(args.journey)
    if args.population is not None:
        from app.commands.population import run_population

        return run_population(journey, args)
    if not args.customer:
        raise CliError("simulate needs --customer PROFILE.json (or --population N)")
    try:
        profile = parse_profile(check_profile(read_json_file(args.customer, "customer profile")))
    except FileProblem as exc:
        raise CliError(str(exc)) from None
    except ProfileError as exc:
        raise CliError(f"{args.customer}: invalid profile: {exc}") from None
    try:
        start = parse_moment(args.start) if args.start else now_utc()
        until = parse_until(args.until, start)
    except TimeFormatError as exc:
        raise CliError(f"--start/--until: {exc}") from None
    if until < start:
        raise CliError("--until is before --start")
    options, segments = _shop(args)
    try:
        compiled = CompiledJourney(journey, shop_segments=segments)
    except Exception as exc:  # noqa: BLE001 - a shop segment the engine cannot compile
        raise CliError(f"{args.journey}: cannot prepare the journey: {exc}") from None
    steps = simulate_customer(compiled, profile, start, until, options)
    if args.format == "json":
        out = {"journey": journey.name, "customer": profile.id, "steps": [s.to_json() for s in steps]}
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{journey.name} — customer {profile.id} — {format_moment(start)} to {format_moment(until)}")
        width = max((len(s.node or "") for s in steps), default=4)
        for s in steps:
            print(f"{format_moment(s.at)}  {(s.node or '—'):<{width}}  {s.type:<9}  {s.describe()}")
        if not steps:
            print("(the customer did not enter the journey)")
    return 0
