"""Limits on what one template may cost: time, output and the size of what it builds.

A template is written by a shop owner and rendered for every customer inside the sending
session's loop, so one runaway template (two nested `range(100000)` loops, `'x'|center(10**9)`,
a list that doubles itself in a loop) must fail that message, not stall or exhaust the
process that sends everybody's mail. The sandbox's own guards (no private attributes,
`range` ≤ 100,000 items) stop escapes, not costs; these add:

- a time budget per render, checked at every loop iteration, call, operator and guarded
  filter (`tick`); a template that overruns it several times is switched off for the
  rest of the process (`Breaker`) so a batch of thousands of customers is not held up by
  it one budget at a time;
- a cap on the output, enforced while it is produced (`charge`): at the top level as the
  render yields it, and in the buffers of `{% set %}` blocks and macros;
- a cap on the *expanded* size of every list, tuple, dict and string the template builds
  (`sized`): `[x, x]` counts x twice, so a structure that shares itself (which costs nothing
  to build and everything to print or compare) is refused as it grows;
- refusals before the C-level calls that would allocate at once: a width of a billion in
  `center`/`ljust`/format specs, a join or replace whose result would be too long, integer
  products and powers with too many digits, `sum` of lists.

Every refusal is a `LimitError` with a message for the template's author.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from jinja2 import pass_environment, pass_eval_context
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.nodes import Concat, Dict, EvalContext, List, Node, Tuple
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import SecurityError
from jinja2.utils import generate_lorem_ipsum

RENDER_BUDGET = 0.5  # seconds per render; a real message takes well under a millisecond
MAX_OUTPUT = 1_000_000  # characters a render may produce (Gmail clips an email at 102 kB)
MAX_WORK = 20_000_000  # characters produced on the way, buffers of blocks and macros included
MAX_SIZE = 1_000_000  # expanded size of one value the template builds (characters or items)
MAX_WIDTH = 100_000  # a width, count or padding passed to a string method or filter
MAX_INT_BITS = 100_000  # about 30,000 digits: more than any message prints
MAX_DEPTH = 100
MAX_TEMPLATE = 200_000  # characters of template source
STRIKES = 3  # budget overruns after which a template is switched off for the process
_CHECK_EVERY = 256  # ticks between looks at the clock


class LimitError(SecurityError):
    """A template exceeded a limit; the message is for the template's author."""


class TooSlow(LimitError):
    """The render ran past its time budget."""


class _Budget(threading.local):
    """The render in progress on this thread: its deadline, work done and sized values."""

    deadline = 0.0  # 0: no render in progress (compiling, constant folding): sizes only
    countdown = _CHECK_EVERY
    work = 0
    sizes: dict[int, tuple[Any, int]] | None = None


_BUDGET = _Budget()


def tick() -> None:
    budget = _BUDGET
    budget.countdown -= 1
    if budget.countdown <= 0:
        budget.countdown = _CHECK_EVERY
        if budget.deadline and time.monotonic() > budget.deadline:
            raise TooSlow(f"the template ran longer than {RENDER_BUDGET:g} s (a loop that never ends, "
                          "or one over too much)")


def charge(characters: int) -> None:
    """Counts text produced by the render against MAX_WORK."""
    budget = _BUDGET
    budget.work += characters
    if budget.work > MAX_WORK:
        raise LimitError(f"the template produces more than {MAX_WORK:,} characters")


def collect(chunks: Iterable[str]) -> str:
    """The rendered text under the budget, stopped as soon as it passes MAX_OUTPUT.

    Runs on the rendering thread; the budget's sized values are forgotten afterwards.
    """
    budget = _BUDGET
    budget.deadline = time.monotonic() + RENDER_BUDGET
    budget.countdown = _CHECK_EVERY
    budget.work = 0
    budget.sizes = {}
    out: list[str] = []
    total = 0
    try:
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise LimitError(f"the message would be longer than {MAX_OUTPUT:,} characters")
            out.append(chunk)
    finally:
        budget.deadline = 0.0
        budget.sizes = None
    return "".join(out)


class Breaker:
    """Templates that ran out of time STRIKES times are refused at once from then on.

    Keyed by the template's text: a changed template (a new journey version) starts afresh.
    """

    def __init__(self) -> None:
        self._strikes: dict[str, int] = {}
        self._lock = threading.Lock()

    def check(self, text: str) -> None:
        if self._strikes.get(text, 0) >= STRIKES:
            raise TooSlow(f"the template is switched off: it ran longer than {RENDER_BUDGET:g} s "
                          f"for {STRIKES} customers; change it to send it again")

    def strike(self, text: str) -> None:
        with self._lock:
            if len(self._strikes) > 1000:
                self._strikes.clear()
            self._strikes[text] = self._strikes.get(text, 0) + 1

    def reset(self) -> None:
        with self._lock:
            self._strikes.clear()


BREAKER = Breaker()


# -- sizes -------------------------------------------------------------------------------------
_CONTAINERS = (list, tuple, dict, set, frozenset)
_SCALARS = frozenset({int, float, bool, type(None), Decimal})


def size_of(value: Any, depth: int = 0) -> int:
    """The expanded size of a value: characters of text, items of containers, shared parts
    counted every time they appear (that is what printing or comparing them costs)."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    sizes = _BUDGET.sizes
    key = id(value)
    if sizes is not None:
        known = sizes.get(key)
        if known is not None and known[0] is value:
            return known[1]
    if depth > MAX_DEPTH:
        raise LimitError(f"the template nests lists or dicts more than {MAX_DEPTH} deep")
    total = 1
    items: Iterable[Any] = _flat_items(value) if isinstance(value, dict) else value
    for count, item in enumerate(items, 1):
        kind = type(item)
        if kind is str:
            total += len(item)
        elif kind in _SCALARS:
            total += 1
        else:
            total += size_of(item, depth + 1)
        if total > MAX_SIZE:
            raise LimitError(f"the template builds a value larger than {MAX_SIZE:,} characters or items")
        if not count & 1023:
            tick()
    if sizes is not None:
        sizes[key] = (value, total)
    return total


def _flat_items(mapping: dict) -> Iterator[Any]:
    for key, item in mapping.items():
        yield key
        yield item


def sized(value: Any) -> Any:
    """A list, tuple or dict the template writes (`[a, b]`), refused when it is too large."""
    size_of(value)
    return value


def _int_bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


# -- operators ---------------------------------------------------------------------------------
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:[^{}]*?(\d+)")


def check_percent_format(template: str, args: Any) -> None:
    """`'%1000000000s' % x` and `'%*d' % (10**9, 1)` would allocate the padding at once."""
    stars = 0
    for width, precision in _PERCENT_SPEC.findall(template):
        for number in (width, precision):
            if number == "*":
                stars += 1
            elif number and (len(number) > 6 or int(number) > MAX_WIDTH):
                raise LimitError(f"a format width or precision is larger than {MAX_WIDTH:,}")
    if stars:
        for value in args if isinstance(args, tuple) else (args,):
            if _int_bits(value) and abs(value) > MAX_WIDTH:
                raise LimitError(f"a format width or precision is larger than {MAX_WIDTH:,}")


def check_brace_format(template: str, args: Iterable[Any], kwargs: Mapping[str, Any]) -> None:
    for number in _BRACE_SPEC.findall(template):
        if len(number) > 6 or int(number) > MAX_WIDTH:
            raise LimitError(f"a format width or precision is larger than {MAX_WIDTH:,}")
    for value in (*args, *kwargs.values()):
        if _int_bits(value) and abs(value) > MAX_WIDTH:
            raise LimitError(f"a format width or precision is larger than {MAX_WIDTH:,}")


def multiply(left: Any, right: Any) -> Any:
    tick()
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int) and not isinstance(times, bool):
            if times > 0 and size_of(seq) * times > MAX_SIZE:
                raise LimitError("the template repeats text or a list too many times")
            return left * right
    if _int_bits(left) + _int_bits(right) > MAX_INT_BITS:
        raise LimitError("the template computes a number with too many digits")
    return left * right


def add(left: Any, right: Any) -> Any:
    tick()
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        if size_of(left) + size_of(right) > MAX_SIZE:
            raise LimitError(f"the template builds a value larger than {MAX_SIZE:,} characters or items")
    return left + right


def power(left: Any, right: Any) -> Any:
    tick()
    if isinstance(right, int | float) and not isinstance(right, bool) and abs(right) > 1000:
        raise LimitError("the template uses an exponent that is too large")
    if _int_bits(left) and isinstance(right, int) and right > 0 and _int_bits(left) * right > MAX_INT_BITS:
        raise LimitError("the template computes a number with too many digits")
    return left ** right


def modulo(left: Any, right: Any) -> Any:
    tick()
    if isinstance(left, str):
        check_percent_format(left, right)
    return left % right


BINOPS: dict[str, Callable[[Any, Any], Any]] = {"*": multiply, "+": add, "**": power, "%": modulo}


def concat(autoescape: bool, parts: tuple[Any, ...]) -> str:
    """`a ~ b`: every part is turned into text, so each is sized first."""
    tick()
    total = 0
    for part in parts:
        total += size_of(part)
        if total > MAX_SIZE:
            raise LimitError(f"the template builds text longer than {MAX_SIZE:,} characters")
    return markup_join(parts) if autoescape else str_join(parts)


def guarded_iter(iterable: Any) -> Iterator[Any]:
    """What a `{% for %}` loop walks: the same items, with the budget checked at each."""
    for item in iterable:
        tick()
        yield item


class Buffer(list):
    """The output buffer of a `{% set %}` block, macro or call block: counted as it grows."""

    def append(self, item: Any) -> None:
        charge(len(item) if isinstance(item, str) else 1)
        tick()
        super().append(item)

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)


# -- calls -------------------------------------------------------------------------------------
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


def check_call(func: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuses method calls on text whose result would be too large, before they allocate."""
    tick()
    owner = getattr(func, "__self__", None)
    wrapped = getattr(func, "__wrapped__", None)
    if wrapped is not None and isinstance(getattr(wrapped, "__self__", None), str):
        check_brace_format(wrapped.__self__, args, kwargs)  # the sandbox's str.format wrapper
        return
    if not isinstance(owner, str):
        return
    name = getattr(func, "__name__", "")
    if name in _WIDTH_METHODS:
        width = args[0] if args else kwargs.get("width", 0)
        if _int_bits(width) and width > MAX_WIDTH:
            raise LimitError(f"{name}: a width larger than {MAX_WIDTH:,}")
    elif name == "expandtabs":
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        if _int_bits(tabsize) and owner.count("\t") * tabsize > MAX_SIZE:
            raise LimitError(f"expandtabs: the text would be longer than {MAX_SIZE:,} characters")
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else None)
    elif name == "join" and args:
        _check_join(owner, args[0])


def _check_replace(text: Any, old: Any, new: Any, count: Any) -> None:
    text, old, new = str(text), str(old), str(new)
    hits = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and 0 <= count < hits:
        hits = count
    if len(text) + hits * len(new) > MAX_SIZE:
        raise LimitError(f"replace: the text would be longer than {MAX_SIZE:,} characters")


def _check_join(separator: Any, items: Any) -> None:
    if not isinstance(items, list | tuple):
        return  # a generator is consumed by the join itself; its items are sized as made
    total = max(len(items) - 1, 0) * len(str(separator))
    for item in items:
        total += size_of(item)
        if total > MAX_SIZE:
            raise LimitError(f"join: the text would be longer than {MAX_SIZE:,} characters")


# -- filters and globals -----------------------------------------------------------------------
def guard_filters(filters: dict[str, Callable[..., Any]]) -> None:
    """Wraps the filters whose result can be far larger than their input."""
    center, indent, wordwrap, replace = filters["center"], filters["indent"], filters["wordwrap"], filters["replace"]
    join, fmt, batch, slice_, total = (filters["join"], filters["format"], filters["batch"], filters["slice"],
                                       filters["sum"])

    def safe_center(value: Any, width: int = 80) -> str:
        if _int_bits(width) and width > MAX_WIDTH:
            raise LimitError(f"center: a width larger than {MAX_WIDTH:,}")
        return center(value, width)

    def safe_indent(value: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
        pad = len(width) if isinstance(width, str) else width
        if isinstance(pad, int) and (str(value).count("\n") + 1) * pad > MAX_SIZE:
            raise LimitError(f"indent: the text would be longer than {MAX_SIZE:,} characters")
        return indent(value, width, first, blank)

    @pass_environment
    def safe_wordwrap(environment: Any, value: Any, width: int = 79, break_long_words: bool = True,
                      wrapstring: str | None = None, break_on_hyphens: bool = True) -> str:
        text = str(value)
        lines = len(text) // max(width, 1) + 1 if isinstance(width, int) else len(text)
        if lines * len(wrapstring or "\n") > MAX_SIZE:
            raise LimitError(f"wordwrap: the text would be longer than {MAX_SIZE:,} characters")
        return wordwrap(environment, value, width, break_long_words, wrapstring, break_on_hyphens)

    @pass_eval_context
    def safe_replace(eval_ctx: EvalContext, value: Any, old: Any, new: Any, count: int | None = None) -> str:
        _check_replace(value, old, new, count)
        return replace(eval_ctx, value, old, new, count)

    @pass_eval_context
    def safe_join(eval_ctx: EvalContext, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(guarded_iter(value))
        if attribute is None:
            _check_join(d, items)
        return join(eval_ctx, items, d, attribute)

    def safe_format(value: Any, *args: Any, **kwargs: Any) -> str:
        check_percent_format(str(value), kwargs or args)
        return fmt(value, *args, **kwargs)

    def safe_batch(value: Any, linecount: int, fill_with: Any = None) -> Any:
        if fill_with is not None and _int_bits(linecount) and linecount > MAX_WIDTH:
            raise LimitError(f"batch: more than {MAX_WIDTH:,} items per batch")
        return batch(value, linecount, fill_with)

    def safe_slice(value: Any, slices: int, fill_with: Any = None) -> Any:
        if _int_bits(slices) and slices > MAX_WIDTH:
            raise LimitError(f"slice: more than {MAX_WIDTH:,} slices")
        return slice_(value, slices, fill_with)

    @pass_environment
    def safe_sum(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
        if isinstance(start, bool) or not isinstance(start, int | float | Decimal):
            raise LimitError("sum: only numbers can be added up")
        return total(environment, guarded_iter(iterable), attribute, start)

    filters.update({"center": safe_center, "indent": safe_indent, "wordwrap": safe_wordwrap,
                    "replace": safe_replace, "join": safe_join, "format": safe_format, "batch": safe_batch,
                    "slice": safe_slice, "sum": safe_sum})


def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - Jinja's names
    """Jinja's placeholder text, with a ceiling (`lipsum(n=200000)` made an 89 MB subject)."""
    for value in (n, min, max):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            raise LimitError("lipsum: n, min and max must be whole numbers from 0 to 100")
    return generate_lorem_ipsum(n, html, min, max)


# -- code generation ---------------------------------------------------------------------------
class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with loops, buffers, literals and `~` going through the guards.

    The environment (`engine.templates._Sandbox`) provides `jb_iter`, `jb_buffer`,
    `jb_sized` and `jb_concat`; they are looked up on `environment`, which every compiled
    template has in scope.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iters: set[int] = set()

    def visit(self, node: Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) in self._loop_iters:
            self._loop_iters.discard(id(node))
            self.write("environment.jb_iter(")
            super().visit(node, *args, **kwargs)
            self.write(")")
            return None
        return super().visit(node, *args, **kwargs)

    def visit_For(self, node: Any, frame: Frame) -> None:
        self._loop_iters.add(id(node.iter))
        super().visit_For(node, frame)

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.jb_buffer()")

    def _sized(self, visit: Callable[[Any, Frame], None], node: Any, frame: Frame) -> None:
        if getattr(node, "ctx", "load") != "load":
            visit(node, frame)
            return
        self.write("environment.jb_sized(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: List, frame: Frame) -> None:
        self._sized(super().visit_List, node, frame)

    def visit_Tuple(self, node: Tuple, frame: Frame) -> None:
        self._sized(super().visit_Tuple, node, frame)

    def visit_Dict(self, node: Dict, frame: Frame) -> None:
        self._sized(super().visit_Dict, node, frame)

    @optimizeconst
    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        mode = "context.eval_ctx.autoescape" if frame.eval_ctx.volatile else repr(bool(frame.eval_ctx.autoescape))
        self.write(f"environment.jb_concat({mode}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")
