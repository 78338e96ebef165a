"""Message templates: Jinja2 in a sandbox, rendered per customer in their language and time zone.

Templates are written by shop staff and rendered with customer data, so three things matter more
than anywhere else: a template must never reach Python internals (hence the immutable sandbox and
errors instead of silently-empty unsafe attributes), a missing field must not stop a message from
going out (a customer without a first name still gets "Hi !" rather than no email at all, and
`default(...)` lets the author do better), and money and dates must look the way the customer reads
them (Babel, in the customer's locale and time zone).

Public API: `check_template`, `render`, `build_variables`, `template_names`, `TemplateRenderError`.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, TypeGuard

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from jinja2 import ChainableUndefined, Template, TemplateSyntaxError, UndefinedError, meta, pass_context
from jinja2 import nodes as jinja_nodes
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from engine import template_limits as limits
from engine.template_fast import Plan, make_plan, render_plan
from engine.timeutil import TimeFormatError, parse_date, parse_moment, whole_days, whole_years, zone

__all__ = ["TemplateRenderError", "Orders", "check_template", "render", "build_variables", "shop_variables",
           "template_names"]

DEFAULT_LOCALE = "en"
DEFAULT_CURRENCY = "EUR"
_TEMPLATE_NAME = "<template>"


class TemplateRenderError(ValueError):
    """A template that cannot be rendered; the message is meant for the shop owner, not a developer."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        self.lineno = lineno
        super().__init__(message)


class _Missing(ChainableUndefined):
    """Missing data renders as nothing, so one absent field never blocks a whole message.

    Comparisons are false rather than errors, matching the journey rules ("a missing value makes
    every op false"): `{% if customer.age >= 18 %}` simply skips the block for an unknown age.
    Arithmetic still fails, because "Total:  €" is worse than a clear error in the validator.
    """

    __slots__ = ()

    def _false(self, other: Any) -> bool:
        return False

    __lt__ = __le__ = __gt__ = __ge__ = _false  # type: ignore[assignment]


class Orders(list):
    """The customer's orders, newest first, with the aggregates a message usually wants.

    A list (so `{% for o in orders %}` works) that also answers `orders.count`, `orders.total`,
    `orders.last`…, the same names the journey rules use for these fields.
    """

    def __init__(self, orders: Any = (), now: datetime | None = None) -> None:
        super().__init__(orders)
        self.now = now

    # Deliberately shadows list.count: templates read `orders.count` as a number, like the rules do.
    @property
    def count(self) -> int:  # type: ignore[override]
        return len(self)

    @property
    def total(self) -> float:
        return round(sum(_number_or_zero(o.get("total")) for o in self), 2)

    @property
    def avg_value(self) -> float | None:
        return round(self.total / len(self), 2) if self else None

    @property
    def last(self) -> dict | None:
        return self[0] if self else None

    @property
    def first(self) -> dict | None:
        return self[-1] if self else None

    @property
    def last_at(self) -> datetime | None:
        return self[0].get("placed_at") if self else None

    @property
    def last_value(self) -> Any:
        return self[0].get("total") if self else None

    @property
    def days_since_last(self) -> int | None:
        last_at = self.last_at
        if not isinstance(last_at, datetime) or self.now is None:
            return None
        return whole_days(last_at, self.now)


def _number_or_zero(value: Any) -> float:
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int | float | Decimal):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


class _Forbidden(SecurityError):
    """A sandbox refusal whose message is already written for the template's author."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, made strict about escapes and costs, and friendly about dict keys.

    Immutable so a template cannot change the variables it shares with the next render
    (`{{ orders.pop() }}`). An unsafe attribute raises instead of rendering empty, so an escape
    attempt shows up as an error in the validator rather than as a quietly blank message. A
    dict key wins over a dict method of the same name, because event properties like `items` or
    `values` are exactly what a cart reminder wants to loop over; a dict's methods are never
    reached by attribute. Loops, calls, operators, literals and buffers go through
    `engine.template_limits`, so a runaway template fails its message instead of the session.
    """

    code_generator_class = limits.GuardedCodeGenerator
    intercepted_binops = frozenset(limits.BINOPS)
    jb_iter = staticmethod(limits.guarded_iter)
    jb_buffer = limits.Buffer
    jb_sized = staticmethod(limits.sized)
    jb_concat = staticmethod(limits.concat)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if _is_mapping(obj) and not isinstance(obj, Undefined):
            try:
                if attribute in obj:
                    return obj[attribute]
            except TypeError:
                pass
            if not attribute.startswith("_"):
                # Our dicts are data: `entry.items` on an event without an `items` property is
                # missing (empty), not the dict method. Iterate a dict with `|dictsort`.
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise _Forbidden(f"the template uses '{attribute}', which is not allowed")

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        return limits.BINOPS[operator_name](left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        limits.check_call(__obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, list | tuple | dict | str):
            limits.size_of(result)
        return result


# ---------------------------------------------------------------------------------------------
# Locale, time zone and value coercion for the filters


def _is_empty(value: Any) -> bool:
    return value is None or isinstance(value, Undefined) or (isinstance(value, str) and not value.strip())


def _context_locale(context: Context) -> str:
    value = context.get("_locale")
    return value if isinstance(value, str) and value else DEFAULT_LOCALE


def _context_tz(context: Context) -> Any:
    value = context.get("_tz")
    try:
        return zone(value if isinstance(value, str) else None)
    except TimeFormatError:
        return zone(None)


def _to_decimal(value: Any, filter_name: str) -> Decimal:
    if isinstance(value, bool):
        raise TemplateRenderError(f"{filter_name}: {value!r} is not a number")
    if isinstance(value, Decimal):
        return value
    try:
        result = Decimal(str(value).strip()) if isinstance(value, str | int | float) else None
    except InvalidOperation:
        result = None
    if result is None or not result.is_finite():
        raise TemplateRenderError(f"{filter_name}: {str(value)[:40]!r} is not a number")
    return result


def _to_moment_or_date(value: Any, filter_name: str) -> datetime | date:
    """Datetimes, dates and ISO strings alike; a date-only string stays a calendar date."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return parse_moment(text)
        except (TimeFormatError, ValueError):
            pass
    raise TemplateRenderError(f"{filter_name}: {str(value)[:40]!r} is not a date or time")


def _babel_call(filter_name: str, func: Any, *args: Any, **kwargs: Any) -> str:
    """Babel errors for a bad pattern or currency are the author's to fix, so name the filter."""
    try:
        return func(*args, **kwargs)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TemplateRenderError(f"{filter_name}: {exc}") from None


@pass_context
def _money(context: Context, value: Any, currency: str | None = None) -> str:
    if _is_empty(value):
        return ""
    if not currency or isinstance(currency, Undefined):
        shop = context.get("shop")
        shop_currency = shop.get("currency") if isinstance(shop, Mapping) else None
        currency = shop_currency if isinstance(shop_currency, str) and shop_currency else DEFAULT_CURRENCY
    amount = _to_decimal(value, "money")
    return _babel_call("money", babel_numbers.format_currency, amount, str(currency).upper(),
                       locale=_context_locale(context))


@pass_context
def _number(context: Context, value: Any, decimals: int | None = None) -> str:
    if _is_empty(value):
        return ""
    amount = _to_decimal(value, "number")
    if decimals is None:
        return _babel_call("number", babel_numbers.format_decimal, amount, locale=_context_locale(context))
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 10:
        raise TemplateRenderError("number: decimals must be a whole number from 0 to 10")
    return _babel_call("number", babel_numbers.format_decimal, amount, locale=_context_locale(context),
                       decimal_quantization=True,
                       format=f"#,##0{'.' + '0' * decimals if decimals else ''}")


@pass_context
def _percent(context: Context, value: Any) -> str:
    """Takes percentage points (5 → "5 %"), because that is how a discount's percent is stored."""
    if _is_empty(value):
        return ""
    amount = _to_decimal(value, "percent") / 100
    return _babel_call("percent", babel_numbers.format_percent, amount, locale=_context_locale(context),
                       decimal_quantization=False)


@pass_context
def _date(context: Context, value: Any, format: str = "medium") -> str:
    if _is_empty(value):
        return ""
    moment = _to_moment_or_date(value, "date")
    day = moment.astimezone(_context_tz(context)).date() if isinstance(moment, datetime) else moment
    return _babel_call("date", babel_dates.format_date, day, format=str(format),
                       locale=_context_locale(context))


@pass_context
def _datetime(context: Context, value: Any, format: str = "medium") -> str:
    if _is_empty(value):
        return ""
    moment = _to_moment_or_date(value, "datetime")
    tz = _context_tz(context)
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(0), tzinfo=tz)
    return _babel_call("datetime", babel_dates.format_datetime, moment, format=str(format), tzinfo=tz,
                       locale=_context_locale(context))


@pass_context
def _time(context: Context, value: Any, format: str = "short") -> str:
    if _is_empty(value):
        return ""
    moment = _to_moment_or_date(value, "time")
    if not isinstance(moment, datetime):
        raise TemplateRenderError(f"time: {str(value)[:40]!r} has no time of day")
    return _babel_call("time", babel_dates.format_time, moment, format=str(format),
                       tzinfo=_context_tz(context), locale=_context_locale(context))


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    """Like Jinja's `default`, but an empty or null field counts as missing too.

    Imported customer data often has `"first_name": ""` or `null`; "Hi there" is what the author
    meant by `default("there")` in that case as well.
    """
    if _is_empty(value) or (boolean and not value):
        return default_value
    return value


def _localized_moment(context: Context, moment: datetime) -> str:
    """A medium date with a short time, in the customer's zone: how a bare `{{ some.time }}` reads."""
    locale = _context_locale(context)
    tz = _context_tz(context)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    pattern = babel_dates.get_datetime_format("medium", locale=locale)
    return (str(pattern).replace("'", "")
            .replace("{0}", babel_dates.format_time(aware, "short", tzinfo=tz, locale=locale))
            .replace("{1}", babel_dates.format_date(aware.astimezone(tz).date(), "medium", locale=locale)))


_LINK_START = ("http://", "https://", "mailto:", "tel:")


def _safe_link(value: Any, fallback: Any = "") -> str:
    """An address an email may link to (absolute http(s), mailto, tel), else the fallback.

    A designed email's links come from customer data (the cart's link, a product's page); a
    relative path, a `javascript:` address or nothing at all must not become a link.
    """
    for candidate in (value, fallback):
        if isinstance(candidate, str):
            text = candidate.strip()
            if text.lower().startswith(_LINK_START) and not any(c.isspace() for c in text):
                return text
    return ""


def _item_value(item: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = item.get(key)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def _cart_items(value: Any, limit: int = 20) -> list[dict[str, Any]]:
    """The products of a cart or order in one shape, whatever the shop's import called them.

    Reads each item's first present key of `engine.email_blocks.ITEM_KEYS` (name or title,
    price, quantity or qty, image_url or image, url or link), tolerates any missing one, and
    skips what is not an item at all, so a product list never fails a message.
    """
    from engine.email_blocks import ITEM_KEYS

    if isinstance(value, Undefined) or not isinstance(value, list | tuple):
        return []
    items: list[dict[str, Any]] = []
    for raw in value:
        if len(items) >= max(0, min(int(limit), 100)):
            break
        if not _is_mapping(raw):
            continue
        item = {name: _item_value(raw, keys) for name, keys in ITEM_KEYS.items()}
        if item["name"] is None and item["price"] is None:
            continue
        quantity = item["quantity"]
        try:
            quantity = int(quantity) if quantity is not None and not isinstance(quantity, bool) else 1
        except (TypeError, ValueError):
            quantity = 1
        item["quantity"] = max(quantity, 1)
        item["name"] = "" if item["name"] is None else str(item["name"])
        try:
            price = _to_decimal(item["price"], "price") if item["price"] is not None else None
        except TemplateRenderError:
            price = None
        item["price"] = price
        item["total"] = price * item["quantity"] if price is not None else None
        item["image_url"] = _safe_link(item["image_url"]) if isinstance(item["image_url"], str) else ""
        if item["image_url"].startswith(("mailto:", "tel:")):
            item["image_url"] = ""
        item["url"] = _safe_link(item["url"]) if isinstance(item["url"], str) else ""
        item["currency"] = item["currency"] if isinstance(item["currency"], str) and len(item["currency"]) == 3 else None
        items.append(item)
    return items


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """What a bare `{{ … }}` prints: data only, never a Python object's repr."""
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, datetime):
        return _localized_moment(context, value)
    if isinstance(value, date):
        return babel_dates.format_date(value, "medium", locale=_context_locale(context))
    if isinstance(value, str | int | float | Decimal | Markup):
        return value
    if isinstance(value, list | tuple | dict):
        limits.size_of(value)  # printing a list that shares itself would cost its expanded size
        return value
    raise TemplateRenderError("this value cannot be shown in a message "
                              "(add a filter such as '| join(\", \")' or use one of its fields)")


def _make_env(html: bool) -> _Sandbox:
    env = _Sandbox(autoescape=html, undefined=_Missing, finalize=_finalize,
                   keep_trailing_newline=True)
    env.filters.update({
        "money": _money,
        "number": _number,
        "percent": _percent,
        "date": _date,
        "datetime": _datetime,
        "time": _time,
        "default": _default,
        "d": _default,
        "safe_link": _safe_link,
        "cart_items": _cart_items,
    })
    limits.guard_filters(env.filters)
    env.globals["lipsum"] = limits.lipsum
    return env


_TEXT_ENV = _make_env(html=False)
_HTML_ENV = _make_env(html=True)


@lru_cache(maxsize=1024)
def _compiled(text: str, html: bool) -> Template:
    env = _HTML_ENV if html else _TEXT_ENV
    template = env.from_string(text)
    # Jinja keeps a template's globals as a ChainMap over the environment's, and copies it into
    # every render's context: iterating a ChainMap cost more than the rest of a short template's
    # render. The globals never change after start-up, so one flat dict serves.
    template.globals = dict(template.globals)
    return template


@lru_cache(maxsize=1024)
def _parsed(text: str) -> jinja_nodes.Template | None:
    """The template's parse tree (None when it does not compile), read by the two below."""
    try:
        return _TEXT_ENV.parse(text)
    except (TemplateSyntaxError, RecursionError):
        return None


@lru_cache(maxsize=1024)
def _fast_plan(text: str) -> Plan | None:
    """A plan for `engine.template_fast` when the text only substitutes fields (the same plan
    serves plain text and HTML: only the escaping differs)."""
    tree = _parsed(text)
    return None if tree is None else make_plan(tree, _TEXT_ENV.globals)


@lru_cache(maxsize=1024)
def template_names(text: str) -> frozenset[str] | None:
    """The top-level variables a template reads (None when it does not compile).

    A message that never mentions `orders` need not have the customer's order history
    turned into template values at every send.
    """
    tree = _parsed(text)
    return None if tree is None else frozenset(meta.find_undeclared_variables(tree))


def _syntax_message(exc: TemplateSyntaxError) -> str:
    message = (exc.message or "invalid syntax").strip()
    return f"template syntax error on line {exc.lineno}: {message}"


def check_template(text: str) -> str | None:
    """None when the template compiles; otherwise one short line for the journey validator."""
    if not isinstance(text, str):
        return f"a template must be text, not {type(text).__name__}"
    if len(text) > limits.MAX_TEMPLATE:
        return f"the template is {len(text):,} characters long (at most {limits.MAX_TEMPLATE:,})"
    try:
        _compiled(text, False)
    except TemplateSyntaxError as exc:
        return _syntax_message(exc)
    except RecursionError:
        return "template syntax error: the template is nested too deeply"
    return None


def _template_line(exc: BaseException) -> int | None:
    """Jinja rewrites tracebacks to point at template lines; the last such frame is the culprit."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == _TEMPLATE_NAME and frame.lineno:
            line = frame.lineno
    return line


def _with_line(message: str, line: int | None) -> str:
    return f"{message} (line {line})" if line else message


def render(text: str, variables: Mapping[str, Any], *, html: bool = False) -> str:
    """Render a template for one customer; every failure is a `TemplateRenderError`.

    `html=True` escapes variables for an email body; subjects, SMS and push text are plain text
    and must not show `&amp;` to the customer.
    """
    if not isinstance(text, str):
        raise TemplateRenderError(f"a template must be text, not {type(text).__name__}")
    if len(text) > limits.MAX_TEMPLATE:
        raise TemplateRenderError(f"the template is {len(text):,} characters long (at most {limits.MAX_TEMPLATE:,})")
    plan = _fast_plan(text)
    if plan is not None:
        fast = render_plan(plan, variables, html)
        if fast is not None:
            return fast
    try:
        template = _compiled(text, html)
    except TemplateSyntaxError as exc:
        raise TemplateRenderError(_syntax_message(exc), exc.lineno) from None
    except RecursionError:
        raise TemplateRenderError("template syntax error: the template is nested too deeply") from None
    try:
        limits.BREAKER.check(text)
        return limits.collect(_chunks(template, variables))
    except TemplateRenderError as exc:
        line = exc.lineno or _template_line(exc)
        raise TemplateRenderError(_with_line(str(exc), line), line) from None
    except SecurityError as exc:
        line = _template_line(exc)
        if isinstance(exc, limits.TooSlow):
            limits.BREAKER.strike(text)
        # Jinja's own refusals quote the object's repr; ours are written for the author.
        message = (str(exc) if isinstance(exc, _Forbidden | limits.LimitError)
                   else "the template uses something that is not allowed")
        raise TemplateRenderError(_with_line(message, line), line) from None
    except UndefinedError as exc:
        line = _template_line(exc)
        raise TemplateRenderError(_with_line(f"a missing value was used in a calculation: {exc.message}",
                                             line), line) from None
    except TemplateSyntaxError as exc:  # e.g. an {% include %}/{% import %} of a broken string
        raise TemplateRenderError(_syntax_message(exc), exc.lineno) from None
    except RecursionError:
        raise TemplateRenderError("the template calls itself too deeply") from None
    except Exception as exc:  # any author mistake becomes one clean message
        line = _template_line(exc)
        raise TemplateRenderError(_with_line(f"cannot render the template: {_plain_error(exc)}", line),
                                  line) from None


def _chunks(template: Template, variables: Mapping[str, Any]) -> Iterator[str]:
    """`Template.generate` without its extra generator layer: the chunks as the template yields
    them, and an error raised with Jinja's traceback pointing at the template's line."""
    try:
        # Jinja types `vars` as a dict but only reads it; copying it for every message would cost.
        yield from template.root_render_func(template.new_context(variables))  # type: ignore[arg-type]
    except Exception:
        template.environment.handle_exception()


def _plain_error(exc: Exception) -> str:
    """The gist of an error, without object reprs that would show Python internals."""
    if isinstance(exc, ZeroDivisionError):
        return "division by zero"
    if isinstance(exc, TypeError | ValueError | KeyError | IndexError | OverflowError | AttributeError):
        text = str(exc)
        if "<" in text and " at 0x" in text:
            return type(exc).__name__.replace("Error", " error").lower().strip()
        return text[:200]
    return "an unexpected error"


# ---------------------------------------------------------------------------------------------
# Variables


def _valid_locale(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return _parse_locale(value.strip())


@lru_cache(maxsize=256)
def _parse_locale(text: str) -> str | None:
    """Babel's parse is slow and a shop has a handful of locales: a sending session renders
    thousands of messages a second with the same few."""
    try:
        return str(Locale.parse(text.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _valid_tz(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _tz_name(value)


@lru_cache(maxsize=512)
def _tz_name(text: str) -> str | None:
    """A shop's customers live in a handful of zones: checked once each, not once a message."""
    name = text.strip()
    if not name:
        return None
    try:
        zone(name)
    except TimeFormatError:
        return None
    return name


def _moment_or_none(value: Any) -> datetime | None:
    try:
        return parse_moment(value)
    except TimeFormatError:
        return None


def _clean(mapping: Any) -> dict:
    """Null fields are dropped, so `{{ customer.first_name | default("there") }}` sees them as missing."""
    if not _is_mapping(mapping):
        return {}
    return {k: (_clean(v) if _is_mapping(v) else v) for k, v in mapping.items() if v is not None}


_PLAIN = frozenset({str, int, float, bool, list, tuple, datetime, date})


def _is_mapping(value: Any) -> TypeGuard[Mapping[str, Any]]:
    """isinstance(value, Mapping), with the common types answered without the ABC machinery
    (which costs more than the rest of `_clean` when a session renders thousands of messages)."""
    kind = type(value)
    if kind is dict:
        return True
    if kind in _PLAIN:
        return False
    return isinstance(value, Mapping)


def _consent(raw: Any) -> dict[str, bool]:
    """No recorded consent means no consent: a channel is opt-in."""
    given = raw if _is_mapping(raw) else {}
    return {channel: given.get(channel) is True for channel in ("email", "sms", "push")}


def _orders(raw: Any, now: datetime) -> Orders:
    placed: list[tuple[datetime, int, dict]] = []
    for index, order in enumerate(raw if isinstance(raw, list) else []):
        if not _is_mapping(order):
            continue
        at = _moment_or_none(order.get("placed_at"))
        if at is None or at > now:
            continue
        record = _clean(order)
        record["placed_at"] = at
        placed.append((at, index, record))
    # Newest first; among orders at the same instant, the one listed later counts as newer.
    placed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return Orders((record for _, _, record in placed), now)


def _entry(raw: Mapping[str, Any] | None) -> dict:
    """The entry accepts an event record ({type, at, properties}) or an already flat mapping."""
    if not _is_mapping(raw):
        return {}
    flat = {k: v for k, v in raw.items() if k != "properties" and v is not None}
    properties = raw.get("properties")
    if _is_mapping(properties):
        flat.update(_clean(properties))
    at = _moment_or_none(raw.get("at"))
    if at is not None:
        flat["at"] = at
    return flat


def shop_variables(shop: Mapping[str, Any] | None) -> dict[str, Any]:
    """The shop as templates see it; the same for every message, so a session builds it once."""
    shop_vars = _clean(shop)
    shop_vars.setdefault("currency", DEFAULT_CURRENCY)
    return shop_vars


def build_variables(profile: Mapping[str, Any], *, entry: Mapping[str, Any] | None, now: datetime,
                    discount: Mapping[str, Any] | None, shop: Mapping[str, Any] | None,
                    unsubscribe_url: str = "", shop_vars: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a message template can use, as seen at `now`.

    Built from the same profile shape as the simulator reads (spec §7), so what the canvas
    previews is what a sending session sends. Orders after `now` do not exist yet for the
    message. `_locale` and `_tz` are for the filters; they fall back customer → shop → default so
    a customer without settings still gets the shop's language and clock. `shop_vars` is
    `shop_variables(shop)` made beforehand (templates cannot change it, so it can be shared).
    """
    now = parse_moment(now)
    if shop_vars is None:
        shop_vars = shop_variables(shop)
    is_mapping = _is_mapping(profile)
    customer = _clean(profile.get("customer") if is_mapping else None)

    locale = (_valid_locale(customer.get("locale"))
              or _valid_locale(shop_vars.get("locale")) or _valid_locale(shop_vars.get("default_locale"))
              or DEFAULT_LOCALE)
    tz_name = _valid_tz(customer.get("timezone")) or _valid_tz(shop_vars.get("timezone")) or "UTC"

    consent = _consent(customer.get("consent"))
    customer["consent"] = consent
    if "birthdate" in customer:
        try:
            born = parse_date(customer["birthdate"])
            customer["age"] = whole_years(born, now.astimezone(zone(tz_name)).date())
        except (TimeFormatError, ValueError):
            pass
    signup = _moment_or_none(customer.get("signup_at")) if "signup_at" in customer else None
    if signup is not None:
        customer["days_since_signup"] = whole_days(signup, now)

    return {
        "customer": customer,
        "consent": consent,
        "entry": _entry(entry),
        "orders": _orders(profile.get("orders") if is_mapping else None, now),
        "discount": dict(discount) if _is_mapping(discount) else {},
        "shop": shop_vars,
        "unsubscribe_url": unsubscribe_url or "",
        "now": now,
        "_locale": locale,
        "_tz": tz_name,
    }
