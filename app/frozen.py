"""Entry point of the standalone build (packaging/journey-builder.spec runs this file as `__main__`).

A frozen app has no `python` to start worker processes with: `multiprocessing` starts the
bundle's own executable again, with `--multiprocessing-fork` (a `run` session's worker, see
`app.session.workers`) or `-c "from multiprocessing.resource_tracker import main…"` (the
tracker every spawned pool needs). `freeze_support()` recognises those command lines and runs
the child's code instead of the app, so it must come before anything reads `sys.argv`.
PyInstaller makes `freeze_support()` do this on every platform, not only on Windows; under a
normal interpreter it does nothing, which is why the developer command needs no such file.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
