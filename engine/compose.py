"""A message's content as it is sent: its discount code and its texts, rendered for the customer.

Rendering happens at the step, not at delivery: the outbox keeps the rendered message, so a
retry sends the same text the step decided on. Templates see only what they read: the order
history is turned into template values only for a template that mentions `orders`, and the
shop's values are made once per set of run options.

A message whose template fails, or whose subject, body or text comes out blank, is not sent
with empty parts: the step becomes `failed` (reason `template_error`) and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from engine.ab_tests import choose_variant, variant_config
from engine.discounts import make_discount

if TYPE_CHECKING:
    from engine.compiled import NodePlan
    from engine.profile import Profile
    from engine.runner import CustomerRun, Enrollment, RunOptions
    from engine.steps import Step


def compose(run: CustomerRun, step: Step, plan: NodePlan, enrollment: Enrollment) -> None:
    """Mints the discount code and renders the texts of a message the run sends now."""
    cfg = plan.node.config
    channel = plan.channel
    if channel is None:  # the runner composes at message nodes only
        raise ValueError(f"node {plan.node.id!r} sends no message")
    if plan.ab_test is not None:
        step.variant = choose_variant(plan.ab_test, run.options.secret, run.journey.name, run.profile.id)
        cfg = variant_config(cfg, step.variant)
    discount = None
    if cfg.get("discount") and (run.options.render or run.options.discount_codes):
        discount = make_discount(cfg["discount"], secret=run.options.secret, journey=run.journey.name,
                                 node=plan.node.id, customer=run.profile.id, moment=run.now, tz=run.tz)
        step.discount_code = discount["code"]
    fields = plan.template_fields
    if not run.options.render:
        step.content = {}
        return
    from engine.templates import TemplateRenderError, build_variables, render, template_names

    unsubscribe = ""
    if run.options.unsubscribe_url is not None and cfg.get("purpose") != "transactional":
        # Made once: the template shows it, and the session puts it in List-Unsubscribe.
        unsubscribe = step.unsubscribe_url = run.options.unsubscribe_url(run.profile.id, channel)
    read = [template_names(t) for t in (cfg.get(name) for name in fields) if isinstance(t, str)]
    needs_orders = any(names is None or "orders" in names for names in read)
    variables = build_variables(
        _template_profile(run.profile, needs_orders),
        entry={"at": enrollment.entered_at, **enrollment.entry_props},
        now=run.now, discount=discount, shop=None, shop_vars=_shop_variables(run.options),
        unsubscribe_url=unsubscribe,
    )
    content: dict[str, str] = {}
    problems: list[str] = []
    for name in fields:
        text = cfg.get(name)
        if text is None:
            continue
        try:
            # An email body is HTML only when its node says so: a text body is rendered as text,
            # so what the author wrote (`<service@shop.example>`) reaches the text part as it is.
            content[name] = render(text, variables, html=(name == "body" and body_format(cfg, channel) == "html"))
        except TemplateRenderError as exc:
            problems.append(f"{name}: {exc}")
            continue
        limit = FIELD_LIMITS.get(name)
        if limit is not None and len(content[name]) > limit:
            problems.append(f"{name}: {len(content[name]):,} characters long (at most {limit:,})")
        elif name in REQUIRED[channel] and not content[name].strip():
            problems.append(f"{name}: the text is empty for this customer")
    if problems:
        step.event, step.reason, step.content, step.discount_code = "failed", "template_error", {}, None
        step.explanation.extend(problems)
        return
    step.content = content


def body_format(config: dict[str, Any], channel: str | None) -> str:
    """What an email's body is: "text" (the default) or "html", as its node declares."""
    return "html" if channel == "email" and config.get("format") == "html" else "text"


# What each channel cannot go without, and how long a one-line part may be (a subject is a
# header line: RFC 5322 allows 998 characters).
REQUIRED = {"email": ("subject", "body"), "sms": ("text",), "push": ("title",)}
FIELD_LIMITS = {"subject": 998, "title": 998, "url": 2048}


_SHOP_VARS: WeakKeyDictionary[RunOptions, dict[str, Any]] = WeakKeyDictionary()


def _shop_variables(options: RunOptions) -> dict[str, Any]:
    """The shop's template values, made once per set of options rather than once per message."""
    found = _SHOP_VARS.get(options)
    if found is None:
        from engine.templates import shop_variables

        found = _SHOP_VARS[options] = shop_variables(options.shop)
    return found


def _template_profile(profile: Profile, orders: bool) -> dict[str, Any]:
    """The profile as templates see it; the order history only for a template that reads it."""
    return {"customer": profile.customer, "orders": [o.as_dict() for o in profile.orders] if orders else []}
