"""A message's content as it is sent: its discount code and its texts, rendered for the customer.

Rendering happens at the step, not at delivery: the outbox keeps the rendered message, so a
retry sends the same text the step decided on. Templates see only what they read: the order
history is turned into template values only for a template that mentions `orders`, and the
shop's values are made once per set of run options.

A message whose template fails, or whose subject, body or text comes out blank, is not sent
with empty parts: the step becomes `failed` (reason `template_error`) and says why.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    """Mints the discount code and renders the texts of a message the run sends now.

    A node with language variants sends the one the customer's locale picks (the shop's
    fallback language otherwise, else the node's own content); the step names it.
    """
    cfg: Mapping[str, Any] = plan.node.config
    channel = plan.channel
    if channel is None:  # the runner composes at message nodes only
        raise ValueError(f"node {plan.node.id!r} sends no message")
    if "variants" in cfg:  # the customer's language first; an A/B test's variant then changes that
        from engine.variants import choose

        shop = run.options.shop if isinstance(run.options.shop, Mapping) else {}
        language, cfg = choose(cfg, run.profile.customer.get("locale"), shop.get("fallback_language"))
        step.language = language or "base"
    if plan.ab_test is not None:
        step.variant = choose_variant(plan.ab_test, run.options.secret, run.journey.name, run.profile.id)
        cfg = variant_config(cfg, step.variant)
    discount = None
    if cfg.get("discount") and (run.options.render or run.options.discount_codes):
        discount = make_discount(cfg["discount"], secret=run.options.secret, journey=run.journey.name,
                                 node=plan.node.id, customer=run.profile.id, moment=run.now, tz=run.tz)
        step.discount_code = discount["code"]
    fields = plan.template_fields
    designed = channel == "email" and cfg.get("format") == "blocks"
    if designed:
        fields = tuple(name for name in fields if name != "body")
    if not run.options.render:
        step.content = {}
        return
    from engine.templates import TemplateRenderError, build_variables, render, template_names

    unsubscribe = ""
    if run.options.unsubscribe_url is not None and cfg.get("purpose") != "transactional":
        # Made once: the template shows it, and the session puts it in List-Unsubscribe.
        unsubscribe = step.unsubscribe_url = run.options.unsubscribe_url(run.profile.id, channel)
    read = [template_names(t) for t in (cfg.get(name) for name in fields) if isinstance(t, str)]
    needs_orders = designed or any(names is None or "orders" in names for names in read)
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
    if designed and not problems:
        _render_designed(run, cfg, variables, content, problems)
    if problems:
        step.event, step.reason, step.content, step.discount_code = "failed", "template_error", {}, None
        step.explanation.extend(problems)
        return
    step.content = content


def _render_designed(run: CustomerRun, cfg: Mapping[str, Any], variables: dict[str, Any], content: dict[str, str],
                     problems: list[str]) -> None:
    """A designed email's HTML (`body`) and plain-text part (`text`), from its blocks."""
    from engine.email_render import render_blocks
    from engine.templates import TemplateRenderError

    blocks = cfg.get("blocks")
    if not isinstance(blocks, list):
        problems.append("blocks: missing")
        return
    try:
        content["body"], content["text"] = render_blocks(blocks, variables, _brand(run.options),
                                                         str(variables.get("_locale") or "en"))
    except TemplateRenderError as exc:
        problems.append(f"blocks: {exc}")
    except ValueError as exc:  # blocks the validator would have refused (a hand-edited file)
        problems.append(f"blocks: {exc}")


def body_format(config: Mapping[str, Any], channel: str | None) -> str:
    """What an email's body is: "text" (the default), "html" or "blocks" (designed: HTML with
    its own plain-text part), as its node declares."""
    if channel != "email":
        return "text"
    fmt = config.get("format")
    return fmt if fmt in ("html", "blocks") else "text"


def sent_format(config: Mapping[str, Any], step: Step) -> str:
    """The body format of the email a step sent: its language variant's when it sent one."""
    variants = config.get("variants")
    if step.language and isinstance(variants, Mapping) and isinstance(variants.get(step.language), Mapping):
        config = {**config, **variants[step.language]}
    return body_format(config, "email")


# What each channel cannot go without, and how long a one-line part may be (a subject is a
# header line: RFC 5322 allows 998 characters).
REQUIRED = {"email": ("subject", "body"), "sms": ("text",), "push": ("title",)}
FIELD_LIMITS = {"subject": 998, "title": 998, "url": 2048}


_SHOP_VARS: WeakKeyDictionary[RunOptions, dict[str, Any]] = WeakKeyDictionary()
_BRANDS: WeakKeyDictionary[RunOptions, Any] = WeakKeyDictionary()


def _brand(options: RunOptions) -> Any:
    """The shop's email design, read once per set of options."""
    found = _BRANDS.get(options)
    if found is None:
        from engine.email_render import brand_from_shop

        found = _BRANDS[options] = brand_from_shop(options.shop)
    return found


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
