"""What a designed email costs per customer, beside today's text email.

    .venv/bin/python bench/block_render.py [--customers 2000] [--rounds 5]

Side by side, alternating, on the same customers (each with their own name, locale and cart
of 1 to 4 products) and the same variables (built once per customer, as compose does):

1. text: the gallery's abandoned-cart reminder as it was before the designer (a text body with
   a product loop, `{% if %}`s and the unsubscribe line): subject + body, `engine.templates.render`.
2. blocks: the same reminder as the gallery ships it now (blocks: header, text, product list,
   code block, button, footer), subject + `engine.email_render.render_blocks` → HTML and the
   plain-text part. The MJML→HTML skeleton is compiled once per node and brand (cached), so
   this is what the sending session pays per customer on the durable path.
3. compose: the whole `engine.compose.compose` of that node for a customer (variant choice,
   template variables, discount code, both parts), through a simulated run.

Also reported: the skeleton's cold compile (blocks → MJML → mrml → template) and its size.
Per round: median and p95 per customer; printed: min and median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine_info import cpu_model  # noqa: E402

from engine.email_render import brand_from_shop, compile_blocks, render_blocks  # noqa: E402
from engine.templates import build_variables, render  # noqa: E402
from engine.variants import choose  # noqa: E402

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
SHOP = {"name": "Nordlicht Outfitters", "address": "Große Elbstraße 145, 22767 Hamburg", "currency": "EUR",
        "website": "https://nordlicht.example", "timezone": "Europe/Berlin",
        "email_design": {"primary": "#1f5f5b", "logo_url": "https://nordlicht.example/logo.png",
                         "social": {"instagram": "https://instagram.com/nordlicht"}}}
# 03-abandoned-cart-simple.json mail-1 as it was before the designer (English).
TEXT_SUBJECT = "Did you forget something?"
TEXT_BODY = (
    'Hi {{ customer.first_name | default("there") }},\n\nYou left these in your cart:\n\n'
    "{% for product in entry.products %}- {{ product.name }}{% if product.price %} ({{ product.price | money }})"
    "{% endif %}\n{% else %}- the products you picked\n{% endfor %}{% if entry.cart_value %}Cart total: "
    "{{ entry.cart_value | money }}\n{% endif %}\nWe've saved your cart, so you can pick up right where you left "
    "off{% if entry.cart_url %}: {{ entry.cart_url }}{% else %}.{% endif %}\n\nQuestions about sizes, delivery or "
    "payment? Just reply, we're happy to help.\n\nSee you soon,\nThe {{ shop.name | default(\"shop\") }} team\n\n--\n"
    "{% if shop.name %}{{ shop.name }}{% if shop.address %}, {{ shop.address }}{% endif %}\n{% endif %}You get this "
    "email because you have an account with us. Unsubscribe: {{ unsubscribe_url }}")
NAMES = ("Anna", "Ben", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas")
LOCALES = ("en", "de", "ru", "es")
PRODUCTS = (("Merino beanie", 29.9), ("Wool hiking socks", 14.9), ("Down vest", 119.0), ("Trail gloves", 34.5))


def customers(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        items = [{"id": f"p-{k}", "name": name, "price": price, "quantity": 1 + (i + k) % 3,
                  "image_url": f"https://nordlicht.example/img/{k}.jpg", "url": f"https://nordlicht.example/p/{k}"}
                 for k, (name, price) in enumerate(PRODUCTS[: 1 + i % 4])]
        cart = {"items": items, "products": items, "cart_value": round(sum(x["price"] * x["quantity"] for x in items), 2),
                "cart_url": f"https://nordlicht.example/cart/c{i}"}
        out.append({"customer": {"id": f"c{i}", "first_name": NAMES[i % len(NAMES)], "locale": LOCALES[i % 4],
                                 "email": f"c{i}@example.org", "timezone": "Europe/Berlin",
                                 "consent": {"email": True}},
                    "events": [{"type": "cart_abandoned", "at": (NOW - timedelta(hours=1)).isoformat(),
                                "properties": cart}]})
    return out


def variables(profile: dict[str, Any]) -> dict[str, Any]:
    event = profile["events"][0]
    return build_variables(profile, entry={"at": event["at"], "properties": event["properties"]}, now=NOW,
                           discount=None, shop=SHOP, unsubscribe_url=f"https://nordlicht.example/u/{profile['customer']['id']}")


def per_customer(work: Any, items: list[Any]) -> list[float]:
    times = []
    for item in items:
        start = time.perf_counter()
        work(item)
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    node = next(n for n in json.loads((ROOT / "resources/journeys/03-abandoned-cart-simple.json").read_text())["nodes"]
                if n["id"] == "mail-1")
    brand = brand_from_shop(SHOP)
    profiles = customers(args.customers)
    prepared = []
    for profile in profiles:
        language, config = choose(node["config"], profile["customer"]["locale"], "en")
        prepared.append((variables(profile), config, language or "en"))

    start = time.perf_counter()
    skeleton = compile_blocks(node["config"]["blocks"], brand, "en")
    cold = time.perf_counter() - start

    def text(item: Any) -> None:
        values, _config, _language = item
        render(TEXT_SUBJECT, values)
        render(TEXT_BODY, values)

    def blocks(item: Any) -> None:
        values, config, language = item
        render(config["subject"], values)
        render_blocks(config["blocks"], values, brand, language)

    compose_items = _compose_setup(node, profiles)

    def composed(item: Any) -> None:
        run, step, plan, enrollment = item
        from engine.compose import compose

        compose(run, step, plan, enrollment)

    for work, items in ((text, prepared), (blocks, prepared), (composed, compose_items)):  # warm caches
        per_customer(work, items[:50])
    rounds: dict[str, list[tuple[float, float]]] = {"text": [], "blocks": [], "compose (blocks)": []}
    for _ in range(args.rounds):
        for name, work, items in (("text", text, prepared), ("blocks", blocks, prepared),
                                  ("compose (blocks)", composed, compose_items)):
            times = per_customer(work, items)
            rounds[name].append((statistics.median(times), p95(times)))

    print(f"block_render.py — {args.customers} customers × {args.rounds} rounds, {cpu_model()}, "
          f"Python {sys.version.split()[0]}")
    print(f"skeleton: compiled cold in {cold * 1000:.2f} ms; {len(skeleton.html):,} characters of HTML template, "
          f"{len(skeleton.mjml):,} of MJML")
    print(f"{'path':<18} {'median (min of rounds)':>24} {'median (median of rounds)':>27} {'p95 (median)':>14}")
    figures: dict[str, Any] = {}
    for name, values in rounds.items():
        medians = [m for m, _ in values]
        p95s = [p for _, p in values]
        figures[name] = {"median_min_ms": min(medians) * 1000, "median_median_ms": statistics.median(medians) * 1000,
                         "p95_median_ms": statistics.median(p95s) * 1000}
        print(f"{name:<18} {min(medians) * 1000:>21.3f} ms {statistics.median(medians) * 1000:>24.3f} ms "
              f"{statistics.median(p95s) * 1000:>11.3f} ms")
    ratio = figures["blocks"]["median_median_ms"] / figures["text"]["median_median_ms"]
    target = figures["compose (blocks)"]["median_median_ms"] <= 2.0
    print(f"blocks / text: {ratio:.1f}×; target ≤ 2 ms per customer (compose, median): "
          f"{'met' if target else 'NOT met'}")
    if args.json:
        args.json.write_text(json.dumps({"cold_ms": cold * 1000, **figures}, indent=2))


def _compose_setup(node: dict[str, Any], profiles: list[dict[str, Any]]) -> list[Any]:
    """A customer run at the email node for each profile, as the runner holds them at a send."""
    from engine.compiled import CompiledJourney
    from engine.fileformat import journey_from_dict
    from engine.profile import parse_profile
    from engine.runner import CustomerRun, Enrollment
    from engine.shop_options import run_options
    from engine.steps import Step

    journey = journey_from_dict({"format": "journey-builder/1", "name": "bench", "nodes": [
        {"id": "start", "type": "trigger", "config": {"kind": "event", "event": "cart_abandoned"}}, node],
        "edges": [{"source": "start", "target": node["id"], "port": "out"}]}, "bench")
    compiled = CompiledJourney(journey)
    options = run_options(SHOP, unsubscribe_url=lambda customer, channel: f"https://nordlicht.example/u/{customer}")
    plan = compiled.plans[node["id"]]
    out = []
    for raw in profiles:
        profile = parse_profile(raw)
        run = CustomerRun(compiled, profile, NOW, options, queue_events=False, schedule_triggers=False)
        event = raw["events"][0]
        enrollment = Enrollment(id=1, entered_at=NOW - timedelta(hours=1), entry_props=dict(event["properties"]))
        out.append((run, Step(NOW, node["id"], "message", "sent", channel="email"), plan, enrollment))
    return out


if __name__ == "__main__":
    main()
