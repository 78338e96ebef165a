"""The documentation stays true to the code: links resolve, every node kind and command is
described, and the example outputs are what the command really prints.

A clone must stand alone, so no page may point outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

import app.cli
from engine.registry import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|!\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
# The example commands that only read files, so their output is the same on every machine.
CHECKED_COMMANDS = ("validate", "simulate", "test")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _outside_code(text: str) -> str:
    """Links inside code blocks are examples, not links."""
    return FENCE.sub("", text)


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = heading.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", _outside_code(_text(page)), re.M)
    return {_slug(h) for h in headings}


def _links(page: Path) -> list[str]:
    return [a or b for a, b in LINK.findall(_outside_code(_text(page)))]


@pytest.mark.parametrize("page", [*PAGES, ROOT / "README.md"], ids=lambda p: p.name)
def test_every_relative_link_resolves_inside_the_repository(page: Path) -> None:
    broken = []
    for target in _links(page):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        resolved = (page.parent / path_part).resolve() if path_part else page
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            broken.append(f"{target}: no such file in the repository")
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            broken.append(f"{target}: no heading '{anchor}' in {resolved.name}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_the_readme_needs_nothing_outside_the_clone() -> None:
    readme = _text(ROOT / "README.md")
    assert "../shared" not in readme
    for page in ("journey-format", "engine", "cli", "sending-session", "input-limits", "performance"):
        assert f"(docs/{page}.md)" in readme, f"README does not list docs/{page}.md"


def test_no_page_points_outside_the_repository() -> None:
    for page in PAGES:
        assert "../shared" not in _text(page), page.name


# -- node kinds ------------------------------------------------------------------------------
def _node_kind_rows() -> dict[tuple[str, str], str]:
    """(type, kind) -> the table row, from the node kinds table of the format page."""
    text = _text(DOCS / "journey-format.md")
    section = text.split("### Node kinds", 1)[1].split("\n#", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"^\|\s*`(\w+)`\s*\|\s*`(\w+)`\s*\|", line)
        if m:
            rows[(m.group(1), m.group(2))] = line
    return rows


def test_the_format_page_lists_exactly_the_registered_node_kinds() -> None:
    registered = {(k.type, k.kind) for k in REGISTRY}
    documented = set(_node_kind_rows())
    assert documented - registered == set(), "documented but not registered"
    assert registered - documented == set(), "registered but not documented"


@pytest.mark.parametrize("kind", list(REGISTRY), ids=lambda k: f"{k.type}-{k.kind}")
def test_each_node_kind_row_names_its_config_fields_and_ports(kind) -> None:
    row = _node_kind_rows()[(kind.type, kind.kind)]
    cells = [c.strip() for c in row.strip("|").split("|")]
    config, ports = cells[2], cells[3]
    for field in kind.fields:
        assert f"`{field.name}`" in config, f"{kind.type}/{kind.kind}: config field {field.name} not described"
        assert ("optional" in config) or field.required
    for port in kind.static_ports:
        assert f"`{port}`" in ports, f"{kind.type}/{kind.kind}: port {port} not listed"


# -- commands --------------------------------------------------------------------------------
def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every command as it is typed (`customer export` for nested ones), with its parser."""
    found = {}
    for name, parser in _subparsers(app.cli.build_parser()).items():
        nested = _subparsers(parser)
        found.update({f"{name} {sub}": p for sub, p in nested.items()} if nested else {name: parser})
    return found


def test_the_command_page_has_a_section_for_every_command() -> None:
    headings = " ".join(re.findall(r"^##+ (.+)$", _outside_code(_text(DOCS / "cli.md")), re.M))
    missing = [name for name in _commands() if f"`{name}`" not in headings]
    assert not missing, f"no section in docs/cli.md for: {', '.join(missing)}"


def test_the_command_page_names_every_option() -> None:
    text = _text(DOCS / "cli.md")
    missing = []
    for name, parser in _commands().items():
        for action in parser._actions:
            if action.help == argparse.SUPPRESS:
                continue
            missing += [f"{name} {o}" for o in action.option_strings if o.startswith("--") and o != "--help"
                        and o not in text]
    assert not missing, f"options not in docs/cli.md: {', '.join(missing)}"


# -- examples --------------------------------------------------------------------------------
@dataclass
class Example:
    page: str
    command: str
    output: str
    status: int | None


def _examples() -> list[Example]:
    """`$ journey-builder …` lines of console blocks, with the lines printed after them and the
    status a following `$ echo $?` shows."""
    found: list[Example] = []
    for page in PAGES:
        for info, body in FENCE.findall(_text(page)):
            if info != "console":
                continue
            current: Example | None = None
            lines = body.splitlines()
            i = 0
            while i < len(lines):
                line = lines[i]
                if line == "$ echo $?":
                    assert current is not None, f"{page.name}: 'echo $?' without a command before it"
                    current.status = int(lines[i + 1])
                    i += 2
                    continue
                if line.startswith("$ "):
                    current = Example(page.name, line[2:], "", None)
                    found.append(current)
                elif current is not None:
                    current.output += line + "\n"
                i += 1
    return found


EXAMPLES = _examples()


def test_there_are_checked_examples() -> None:
    assert {e.command.split()[1] for e in EXAMPLES} == set(CHECKED_COMMANDS)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.page}: {e.command[:70]}")
def test_an_example_prints_what_the_page_shows(example: Example, capsys, monkeypatch) -> None:
    command, _, pipe = example.command.partition(" | ")
    args = shlex.split(command)
    assert args[0] == "journey-builder" and args[1] in CHECKED_COMMANDS, (
        "console blocks hold only commands this test can run again; show others in a plain block")
    monkeypatch.chdir(ROOT)
    status = app.cli.main(args[1:])
    out, err = capsys.readouterr()
    if pipe:
        assert pipe == "python3 -m json.tool"
        assert json.loads(out) == json.loads(example.output)
    else:
        assert out + err == example.output
    assert status == (0 if example.status is None else example.status)
