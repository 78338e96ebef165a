"""Plain substitutions without Jinja's machinery: `Hi {{ customer.first_name | default("there") }}`.

Most message texts are literal text with a few `{{ a.b }}` fields. A sending session renders
a subject and a body per customer, thousands a second, and for such texts setting up Jinja's
render context costs more than the substitution itself. A text whose parse tree holds only
literal text and dotted names (optionally through `default`/`d` with a constant) gets a plan
here; `render_plan` walks the variables the way the sandbox would (dict keys only) and gives
up — returning None, so the caller renders with Jinja — whenever a value is anything but
plain data: a list, an object with properties, a date to format. A property test holds the
two paths to the same output.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import nodes
from markupsafe import escape

_DEFAULT_FILTERS = frozenset({"default", "d"})
_MISSING = object()
_TEXT_TYPES = (int, float, bool)

Plan = tuple[tuple[str | None, tuple[str, ...], Any], ...]


def _path(node: nodes.Node) -> tuple[str, ...] | None:
    """`a.b.c` as ("a", "b", "c"); None for anything else (calls, indexes, private names)."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name) or node.ctx != "load":
        return None
    parts.append(node.name)
    parts.reverse()
    if any(part.startswith("_") for part in parts):
        return None
    return tuple(parts)


def _expression(node: nodes.Node) -> tuple[tuple[str, ...], Any] | None:
    default: Any = _MISSING
    if isinstance(node, nodes.Filter):
        if (node.name not in _DEFAULT_FILTERS or node.node is None or len(node.args) != 1 or node.kwargs
                or node.dyn_args is not None or node.dyn_kwargs is not None):
            return None
        arg = node.args[0]
        if not isinstance(arg, nodes.Const) or type(arg.value) not in (str, int, float):
            return None
        default = arg.value
        node = node.node
    path = _path(node)
    return None if path is None else (path, default)


def make_plan(tree: nodes.Template, globals_: Mapping[str, Any]) -> Plan | None:
    """The plan of a parsed template, or None when it does more than substitute fields."""
    plan: list[tuple[str | None, tuple[str, ...], Any]] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            return None
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                plan.append((node.data, (), _MISSING))
                continue
            found = _expression(node)
            if found is None or found[0][0] in globals_:
                return None
            plan.append((None, *found))
    return tuple(plan)


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or (type(value) is str and not value.strip())


def render_plan(plan: Plan, variables: Mapping[str, Any], html: bool) -> str | None:
    """The text, or None when a value needs Jinja (then nothing is lost but a little time)."""
    out: list[str] = []
    for literal, path, default in plan:
        if literal is not None:
            out.append(literal)
            continue
        value = variables.get(path[0], _MISSING)
        for attr in path[1:]:
            if value is _MISSING:
                break
            if type(value) is not dict:
                return None
            value = value.get(attr, _MISSING)
        if default is not _MISSING and _empty(value):
            value = default
        if value is _MISSING or value is None:
            continue
        kind = type(value)
        if kind is str:
            text = value
        elif kind in _TEXT_TYPES:
            text = str(value)
        else:
            return None
        out.append(str(escape(text)) if html else text)
    return "".join(out)
