"""Refresh the translation sources and compile them: `python resources/translations/update.py`.

Runs `pyside6-lupdate` over `app/` and `widgets/` (new strings appear in each `.ts` as
unfinished, strings gone from the code are dropped) and then `pyside6-lrelease`, which writes
the `.qm` files the app loads. Both `.ts` and `.qm` are committed: the `.qm` so an installed
wheel needs no Qt tools, the `.ts` so translators edit them (Qt Linguist, or by hand).

The tools are looked up beside the running Python first (the project's venv), then on PATH.
`--check` exits 1 when a language still has unfinished or missing translations, for CI.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("de", "ru", "es")
SOURCES = ("app", "widgets")
STEM = "journey_builder"


def ts_path(language: str) -> Path:
    return HERE / f"{STEM}_{language}.ts"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update.py: {name} not found (install PySide6 in this Python's environment)")
    return found


def unfinished(language: str) -> list[str]:
    """Source texts of `language` whose translation is empty or marked unfinished."""
    root = ET.parse(ts_path(language)).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            missing.append(message.findtext("source") or "")
    return missing


def update(languages: tuple[str, ...] = LANGUAGES) -> None:
    lupdate, lrelease = _tool("pyside6-lupdate"), _tool("pyside6-lrelease")
    for language in languages:
        # Relative paths keep the <location> lines of the .ts the same on every machine.
        subprocess.run([lupdate, "-extensions", "py", "-no-obsolete", "-locations", "relative",
                        "-source-language", "en", "-target-language", language,
                        *SOURCES, "-ts", str(ts_path(language).relative_to(ROOT))],
                       cwd=ROOT, check=True)
        subprocess.run([lrelease, str(ts_path(language)), "-qm", str(ts_path(language).with_suffix(".qm"))],
                       check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished translations")
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    if not args.check:
        update(tuple(args.languages))
    status = 0
    for language in args.languages:
        missing = unfinished(language)
        print(f"{language}: {len(missing)} unfinished")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
