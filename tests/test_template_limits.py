"""A runaway template fails its own message, quickly, and never takes the process with it."""

from __future__ import annotations

import resource

import pytest

from engine import template_limits as limits
from engine.templates import TemplateRenderError, check_template, render

VARIABLES = {"customer": {"first_name": "Ann", "tags": ["a", "b"]}, "orders": [{"total": 5}]}

# Each of these allocated gigabytes, looped for hours or never returned before the limits.
RUNAWAY = {
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "nested loops printing": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "center filter": "{{ 'x'|center(10**9) }}",
    "center constant": "{{ 'x'|center(1000000000) }}",
    "lipsum": "{{ lipsum(n=200000) }}",
    "ljust method": "{{ 'x'.ljust(10**9) }}",
    "percent width": "{{ '%1000000000s' % 'x' }}",
    "percent star": "{{ '%*d' % (1000000000, 1) }}",
    "format spec": "{{ '{:>1000000000}'.format(1) }}",
    "format filter": "{{ '%1000000000s'|format('x') }}",
    "join separator": "{{ range(100000)|join('x' * 100000) }}",
    "replace growth": "{{ ('x' * 100000)|replace('x', 'x' * 100000) }}",
    "indent growth": "{{ ('x\n' * 100000)|indent(100000) }}",
    "expandtabs": "{{ ('\t' * 100000).expandtabs(100000)|length }}",
    "shared list doubling": "{% set ns = namespace(x=[1]) %}{% for i in range(80) %}"
                            "{% set ns.x = [ns.x, ns.x] %}{% endfor %}{{ ns.x }}",
    "concat doubling": "{% set ns = namespace(x='x') %}{% for i in range(80) %}{% set ns.x = ns.x ~ ns.x %}"
                       "{% endfor %}{{ ns.x|length }}",
    "plus doubling": "{% set ns = namespace(x=[1]) %}{% for i in range(80) %}{% set ns.x = ns.x + ns.x %}"
                     "{% endfor %}{{ ns.x|length }}",
    "squaring": "{% set ns = namespace(x=2) %}{% for i in range(80) %}{% set ns.x = ns.x * ns.x %}"
                "{% endfor %}{{ ns.x > 1 }}",
    "power tower": "{{ ((10**1000)**1000)**1000 }}",
    "exponential macro": "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "set block": "{% set x %}{% for i in range(100000) %}{{ 'y' * 100000 }}{% endfor %}{% endset %}{{ x|length }}",
    "macro buffer": "{% macro m() %}{% for i in range(100000) %}{{ 'y' * 100000 }}{% endfor %}{% endmacro %}"
                    "{{ m()|length }}",
    "list of lists": "{{ [[0] * 100000] * 100000 }}",
    "sum of lists": "{{ ([[1, 2, 3]] * 100000)|sum(start=[]) }}",
    "batch fill": "{{ [1]|batch(1000000000, 0)|list|length }}",
    "slices": "{{ [1]|slice(1000000000)|list|length }}",
    "output": "{% for i in range(100000) %}{{ 'z' * 100 }}{% endfor %}",
    "dict of lists": "{% set a = [0] * 100000 %}{{ dict(a=a, b=a, c=a, d=a, e=a, f=a, g=a, h=a, i=a, j=a, k=a) }}",
}


@pytest.fixture(autouse=True)
def _fresh_breaker():
    limits.BREAKER.reset()
    yield
    limits.BREAKER.reset()


@pytest.mark.parametrize("name", sorted(RUNAWAY))
def test_a_runaway_template_fails_its_render_with_a_reason(name):
    text = RUNAWAY[name]
    assert check_template(text) is None  # compiling folds nothing that could explode
    with pytest.raises(TemplateRenderError) as caught:
        render(text, VARIABLES)
    message = str(caught.value)
    assert "cannot render" not in message or "not iterable" not in message
    assert len(message) < 200


def test_all_of_them_together_stay_within_a_few_hundred_megabytes():
    for text in RUNAWAY.values():
        with pytest.raises(TemplateRenderError):
            render(text, VARIABLES)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 1500


def test_ordinary_templates_render_as_before():
    text = ("{% for t in customer.tags %}[{{ t|upper }}]{% endfor %} {{ [1, 2] ~ 'x' }} "
            "{{ '%5s|%-3d' % ('ab', 7) }} {{ 'a,b'.split(',')|join('+') }} {{ 'x'|center(5) }}"
            "{% set total %}{% for o in orders %}{{ o.total }}{% endfor %}{% endset %} {{ total }}"
            "{{ orders|sum(attribute='total') }} {{ (2 ** 10) * 3 }} {{ 'ab' * 2 }}")
    assert render(text, VARIABLES) == "[A][B] [1, 2]x    ab|7   a+b   x   55 3072 abab"


def test_a_template_that_overruns_its_budget_three_times_is_switched_off(monkeypatch):
    monkeypatch.setattr(limits, "RENDER_BUDGET", 0.01)
    slow = RUNAWAY["nested loops"]
    for _ in range(limits.STRIKES):
        with pytest.raises(TemplateRenderError, match="ran longer than"):
            render(slow, VARIABLES)
    with pytest.raises(TemplateRenderError, match="switched off"):
        render(slow, VARIABLES)
    # A changed template (a new journey version) starts afresh; other templates are untouched.
    with pytest.raises(TemplateRenderError, match="ran longer than"):
        render(slow + " ", VARIABLES)
    assert render("Hi {{ customer.first_name }}", VARIABLES) == "Hi Ann"


def test_an_overlong_template_is_refused_by_the_validator_and_at_render():
    text = "x" * (limits.MAX_TEMPLATE + 1)
    assert "characters long" in (check_template(text) or "")
    with pytest.raises(TemplateRenderError, match="characters long"):
        render(text, VARIABLES)
