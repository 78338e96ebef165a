"""The `journey-builder` command: no arguments opens the window, a subcommand works headless.

Each subcommand lives in its own module under `app.commands` with a `register(subparsers)`
function; they are discovered here, so adding one touches no shared file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

import app.commands as commands_pkg


class CliError(Exception):
    """Bad input on the command line: printed as one line on standard error, exit status 2."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def build_parser(only: tuple[str, ...] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journey-builder",
        description="Customer journeys for small online shops. With no command, opens the app.",
    )
    parser.add_argument("--db", metavar="PATH",
                        help="the shop database (default: the user data folder; also JOURNEY_BUILDER_DB)")
    parser.add_argument("--screenshot", metavar="PNG", help="open the app, save the main window to PNG, exit")
    parser.add_argument("--open", metavar="NAME", dest="open_journey", help="journey to open at start")
    parser.add_argument("--select", metavar="NODE",
                        help="with --screenshot: the step to select, its form (and message preview) in the inspector")
    parser.add_argument("--theme", choices=("light", "dark"), help="colour theme")
    parser.add_argument("--language", choices=("en", "de", "ru", "es"),
                        help="language of the window for this run (default: View ▸ Language, else the desktop's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        if only is not None and info.name not in only:
            continue
        module = importlib.import_module(f"{commands_pkg.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


# Commands that scripts call in loops (the acceptance checks run hundreds) start without loading
# the database layer: their modules are named after them and register nothing else.
HEADLESS_FAST = ("simulate", "validate")


def _parser_for(argv: list[str]) -> argparse.ArgumentParser:
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in HEADLESS_FAST and "-h" not in argv and "--help" not in argv:
        return build_parser(only=(first,))
    return build_parser()


def main(argv: list[str] | None = None) -> int:
    """Runs one command; a reader that stops reading (`| head -1`) ends it quietly with status 0.

    Standard output is flushed here, not at interpreter exit, so a closed pipe surfaces as a
    BrokenPipeError this function can catch; stdout is then pointed at /dev/null (as Python's
    signal documentation advises), because the interpreter flushes it once more on the way out
    and would print "Exception ignored … BrokenPipeError" and exit with 120.
    """
    try:
        try:
            return _run(sys.argv[1:] if argv is None else argv)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return 0


def _discard_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _run(argv: list[str]) -> int:
    parser = _parser_for(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from app.gui import run_gui

        return run_gui(args)
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"journey-builder: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except Exception as exc:  # noqa: BLE001 - the user gets one line, never a traceback
        if os.environ.get("JOURNEY_BUILDER_DEBUG"):
            raise
        print(f"journey-builder: cannot do that: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    # `python -m app.cli` runs this file as __main__: the commands raise app.cli's CliError, so
    # run app.cli's own main, whose except clause knows that class.
    from app.cli import main as _main

    sys.exit(_main())
