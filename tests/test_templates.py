"""Message templates: sandboxing, missing data, and money and dates in the customer's own terms."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.templates import Orders, TemplateRenderError, build_variables, check_template, render

NBSP = "\u00a0"
NOW = datetime(2026, 11, 3, 18, 0, tzinfo=UTC)


def profile(**customer) -> dict:
    base = {"id": "c-17", "email": "anna@example.org", "first_name": "Anna",
            "consent": {"email": True, "sms": True, "push": False}, "properties": {"area": "urban"}}
    base.update(customer)
    return {
        "customer": base,
        "orders": [
            {"id": "o-1", "placed_at": "2026-05-01T12:00:00Z", "total": 180.0, "currency": "EUR"},
            {"id": "o-2", "placed_at": "2026-09-10T08:00:00Z", "total": 20.5, "currency": "EUR"},
            {"id": "o-future", "placed_at": "2026-12-24T08:00:00Z", "total": 999.0, "currency": "EUR"},
        ],
        "events": [],
    }


def variables(locale: str | None = None, tz: str | None = None, *, shop: dict | None = None,
              discount: dict | None = None, entry: dict | None = None, now: datetime = NOW,
              **customer) -> dict:
    if locale:
        customer["locale"] = locale
    if tz:
        customer["timezone"] = tz
    return build_variables(profile(**customer), entry=entry, now=now, discount=discount, shop=shop,
                           unsubscribe_url="https://shop.example/u/abc")


# --- syntax --------------------------------------------------------------------------------------

def test_check_template_accepts_valid_template():
    assert check_template("Hi {{ customer.first_name | default('there') }}!") is None
    assert check_template("plain text") is None


def test_check_template_reports_line_number():
    message = check_template("Hello\n{{ customer.first_name }")
    assert message == "template syntax error on line 2: unexpected '}'"


def test_check_template_reports_unknown_filter_and_block():
    assert "line 3" in check_template("a\nb\n{{ x | no_such_filter }}")
    assert check_template("{% if x %}open").startswith("template syntax error on line 1")


def test_render_raises_syntax_error_as_template_render_error():
    with pytest.raises(TemplateRenderError, match="line 2"):
        render("ok\n{% for %}", {})


def test_check_template_rejects_non_text():
    assert check_template(None) is not None  # type: ignore[arg-type]


# --- missing data --------------------------------------------------------------------------------

def test_missing_variable_renders_empty():
    assert render("Hi {{ nobody }}!", {}) == "Hi !"
    assert render("Hi {{ customer.last_name }}!", variables()) == "Hi !"


def test_chained_missing_attributes_render_empty():
    v = variables()
    assert render("[{{ customer.properties.foo.bar }}]", v) == "[]"
    assert render("[{{ customer.properties.area.x.y }}]", v) == "[]"
    assert render("[{{ nothing.at['all'].here }}]", v) == "[]"
    assert render("[{{ orders.last.nope.deeper }}]", v) == "[]"


def test_default_filter_for_missing_null_and_empty():
    tpl = "Hi {{ customer.first_name | default('there') }}"
    assert render(tpl, variables()) == "Hi Anna"
    assert render(tpl, variables(first_name=None)) == "Hi there"
    assert render(tpl, variables(first_name="")) == "Hi there"
    assert render(tpl, build_variables({"customer": {"id": "x"}}, entry=None, now=NOW, discount=None,
                                       shop=None)) == "Hi there"
    assert render("{{ customer.properties.foo.bar | default('n/a') }}", variables()) == "n/a"


def test_comparison_with_missing_value_is_false_not_an_error():
    assert render("{% if customer.age >= 18 %}adult{% else %}?{% endif %}", variables()) == "?"


def test_arithmetic_with_missing_value_is_a_clear_error():
    with pytest.raises(TemplateRenderError, match="missing value"):
        render("{{ customer.nope + 1 }}", variables())


# --- sandbox -------------------------------------------------------------------------------------

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ customer.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ orders.__class__.__base__ }}",
    "{{ customer | attr('__class__') }}",
    "{{ '{0.__class__}'.format(customer) }}",
    "{{ lipsum.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ orders.append(1) }}",
    "{{ customer.update({'email': 'x'}) }}",
    "{{ 'x' * 100000000 }}",
    "{{ 2 ** 100000000 }}",
    "{{ range }}",
]


@pytest.mark.parametrize("text", ESCAPES)
@pytest.mark.parametrize("html", [False, True])
def test_sandbox_escape_fails_cleanly(text, html):
    v = variables()
    with pytest.raises(TemplateRenderError) as info:
        render(text, v, html=html)
    message = str(info.value)
    for internal in ("<class", "<function", "<built-in", " at 0x", "Traceback", "jinja2", "object at"):
        assert internal not in message
    assert info.value.__cause__ is None


def test_sandbox_escape_reports_line():
    with pytest.raises(TemplateRenderError) as info:
        render("Hello\n\n{{ customer.__class__ }}", variables())
    assert info.value.lineno == 3
    assert "'__class__'" in str(info.value)


def test_template_cannot_change_shared_variables():
    v = variables()
    with pytest.raises(TemplateRenderError):
        render("{{ orders.pop() }}", v)
    assert v["orders"].count == 2


def test_render_error_is_value_error_and_names_the_line():
    with pytest.raises(ValueError, match=r"division by zero \(line 2\)"):
        render("fine\n{{ 1 / 0 }}", {})


# --- variables -----------------------------------------------------------------------------------

def test_build_variables_contents():
    entry = {"type": "cart_abandoned", "at": "2026-11-02T18:00:00Z",
             "properties": {"cart_value": 74.5, "items": [{"name": "Hat"}, {"name": "Scarf"}]}}
    v = variables(birthdate="1991-04-02", signup_at="2025-01-10T09:00:00Z",
                  discount={"code": "CART-7KQ2M9XD", "percent": 5}, entry=entry,
                  shop={"name": "Wollladen", "currency": "EUR", "url": "https://shop.example"})
    assert v["customer"]["age"] == 35
    assert v["customer"]["consent"] == {"email": True, "sms": True, "push": False}
    assert v["customer"]["days_since_signup"] == 662
    assert v["entry"]["at"] == datetime(2026, 11, 2, 18, 0, tzinfo=UTC)
    assert v["entry"]["cart_value"] == 74.5
    assert isinstance(v["orders"], Orders)
    assert [o["id"] for o in v["orders"]] == ["o-2", "o-1"]  # newest first, the future one excluded
    assert v["orders"].count == 2
    assert v["orders"].total == 200.5
    assert v["orders"].last["id"] == "o-2"
    assert v["orders"].days_since_last == 54
    assert v["discount"]["code"] == "CART-7KQ2M9XD"
    assert v["unsubscribe_url"] == "https://shop.example/u/abc"
    assert v["_locale"] == "en" and v["_tz"] == "UTC"
    text = ("{{ shop.name }}: {% for i in entry.items %}{{ i.name }} {% endfor %}"
            "{{ orders.count }} {{ orders.total }} {{ orders.last.id }} {{ discount.code }}")
    assert render(text, v) == "Wollladen: Hat Scarf 2 200.5 o-2 CART-7KQ2M9XD"


def test_order_at_exactly_now_counts():
    v = variables(now=datetime(2026, 9, 10, 8, 0, tzinfo=UTC))
    assert v["orders"].last["id"] == "o-2"


def test_no_orders_and_no_discount():
    v = build_variables({"customer": {"id": "c"}}, entry=None, now=NOW, discount=None, shop=None)
    assert render("{{ orders.count }}|{{ orders.total | money }}|{{ orders.last.total }}|"
                  "{{ discount.code }}|{{ entry.at }}", v) == "0|€0.00|||"


def test_locale_and_time_zone_fall_back_to_shop_then_default():
    shop = {"locale": "de", "timezone": "Europe/Berlin", "currency": "CHF"}
    v = variables(shop=shop)
    assert (v["_locale"], v["_tz"]) == ("de", "Europe/Berlin")
    v = variables("es", "America/Mexico_City", shop=shop)
    assert (v["_locale"], v["_tz"]) == ("es", "America/Mexico_City")
    v = variables("xx-nope", "Mars/Olympus", shop=shop)
    assert (v["_locale"], v["_tz"]) == ("de", "Europe/Berlin")
    v = variables(None, None, shop=None)
    assert (v["_locale"], v["_tz"]) == ("en", "UTC")


def test_age_uses_local_birthday():
    # 23:30Z on the 1st is already the 2nd in Berlin: the birthday has come.
    moment = datetime(2026, 4, 1, 23, 30, tzinfo=UTC)
    assert variables(tz="Europe/Berlin", birthdate="1991-04-02", now=moment)["customer"]["age"] == 35
    assert variables(tz="UTC", birthdate="1991-04-02", now=moment)["customer"]["age"] == 34


# --- filters -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("locale", "expected"), [
    ("en", "€150.00"),
    ("de", f"150,00{NBSP}€"),
    ("ru", f"150,00{NBSP}€"),
    ("es", f"150,00{NBSP}€"),
])
def test_money_in_customer_locale(locale, expected):
    assert render("{{ 150 | money }}", variables(locale)) == expected


def test_money_currency_from_argument_and_shop():
    assert render("{{ 19.9 | money('USD') }}", variables("en")) == "$19.90"
    assert render("{{ 10 | money }}", variables("de", shop={"currency": "CHF"})) == f"10,00{NBSP}CHF"
    assert render("{{ 10 | money }}", {}) == "€10.00"


@pytest.mark.parametrize(("locale", "expected"), [
    ("en", "1,234,567.5"),
    ("de", "1.234.567,5"),
    ("ru", f"1{NBSP}234{NBSP}567,5"),
    ("es", "1.234.567,5"),
])
def test_number_in_customer_locale(locale, expected):
    assert render("{{ 1234567.5 | number }}", variables(locale)) == expected


def test_number_with_decimals_and_percent():
    assert render("{{ 3 | number(2) }}", variables("de")) == "3,00"
    assert render("{{ discount.percent | percent }}", variables("en", discount={"percent": 5})) == "5%"
    assert render("{{ 12.5 | percent }}", variables("de")) == f"12,5{NBSP}%"


@pytest.mark.parametrize(("locale", "fmt", "expected"), [
    ("ru", "d MMMM", "12 марта"),
    ("de", "d MMMM", "12 März"),
    ("es", "d MMMM", "12 marzo"),
    ("en", "d MMMM", "12 March"),
    ("en", "medium", "Mar 12, 2026"),
    ("de", "medium", "12.03.2026"),
    ("de", "long", "12. März 2026"),
])
def test_date_in_customer_locale(locale, fmt, expected):
    v = variables(locale)
    v["when"] = date(2026, 3, 12)
    assert render(f"{{{{ when | date('{fmt}') }}}}", v) == expected
    assert render(f"{{{{ '2026-03-12' | date('{fmt}') }}}}", v) == expected


def test_date_converts_to_customer_time_zone():
    moment = "2026-03-12T23:30:00Z"
    assert render("{{ m | date('yyyy-MM-dd') }}", variables("de", "Europe/Berlin") | {"m": moment}) == "2026-03-13"
    assert render("{{ m | date('yyyy-MM-dd') }}", variables("de") | {"m": moment}) == "2026-03-12"
    aware = datetime(2026, 3, 12, 23, 30, tzinfo=UTC)
    assert render("{{ m | date('d MMMM') }}", variables("ru", "Europe/Berlin") | {"m": aware}) == "13 марта"
    assert render("{{ m | datetime('HH:mm') }}", variables("de", "Europe/Berlin") | {"m": aware}) == "00:30"
    assert render("{{ m | time }}", variables("de", "America/New_York") | {"m": aware}) == "19:30"


def test_datetime_default_format_and_bare_moments():
    v = variables("de", "Europe/Berlin", discount={"expires_at": datetime(2026, 11, 17, 10, 0, tzinfo=UTC)})
    assert render("{{ discount.expires_at | datetime }}", v) == "17.11.2026, 11:00:00"
    # a bare moment is shown in the customer's zone and language, never as a Python repr
    assert render("{{ discount.expires_at }}", v) == "17.11.2026, 11:00"
    assert render("{{ discount.expires_at }}", v, html=True) == "17.11.2026, 11:00"


@pytest.mark.parametrize("flt", ["money", "number", "percent", "date", "datetime", "time"])
def test_filters_on_missing_or_empty_values_render_empty(flt):
    v = variables("de")
    assert render(f"[{{{{ customer.nothing | {flt} }}}}]", v) == "[]"
    assert render(f"[{{{{ none | {flt} }}}}]", v | {"none": None}) == "[]"
    assert render(f"[{{{{ '' | {flt} }}}}]", v) == "[]"


def test_filters_reject_nonsense_cleanly():
    with pytest.raises(TemplateRenderError, match="money"):
        render("{{ 'lots' | money }}", variables())
    with pytest.raises(TemplateRenderError, match="date"):
        render("{{ 'tomorrow' | date }}", variables())


# --- html ----------------------------------------------------------------------------------------

def test_html_autoescape_only_for_email_bodies():
    v = variables(first_name="<b>Tom & Jerry</b>")
    assert render("<p>Hi {{ customer.first_name }}</p>", v, html=True) == \
        "<p>Hi &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</p>"
    assert render("Hi {{ customer.first_name }}", v) == "Hi <b>Tom & Jerry</b>"
    assert render("{{ customer.first_name | safe }}", v, html=True) == "<b>Tom & Jerry</b>"


def test_cache_keeps_html_and_text_apart():
    v = {"x": "&"}
    assert render("{{ x }}", v) == "&"
    assert render("{{ x }}", v, html=True) == "&amp;"
    assert render("{{ x }}", v) == "&"


@given(st.text(max_size=40))
def test_plain_text_survives_unchanged(text):
    """Text without template syntax is sent as written (line breaks normalised to \\n)."""
    if any(marker in text for marker in ("{{", "{%", "{#", "}}", "%}", "#}")):
        return
    assert check_template(text) is None
    assert render(text, {}) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_dict_method_names_are_missing_data_not_methods():
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    v = build_variables({"customer": {"id": "c"}}, entry={"at": now}, now=now, discount=None, shop={})
    assert render("{% if entry.items %}has items{% else %}none{% endif %}", v) == "none"
    assert render("{% for i in entry.items %}{{ i.name }}{% endfor %}", v) == ""
    v = build_variables({"customer": {"id": "c"}}, entry={"at": now, "items": [{"name": "Cap"}]}, now=now,
                        discount=None, shop={})
    assert render("{% for i in entry.items %}{{ i.name }}{% endfor %}", v) == "Cap"
