"""Message variants per customer language: which content a customer gets, and its checks.

A message node may carry `"variants": {"de": {...}, "ru": {...}}`, each holding the message's
content fields in that language (an email's subject, body, format and blocks; an SMS's text; a
push's title, body and link). The node's own fields are its base content. At the send, the
customer's `locale` picks the variant (`de_AT` takes `de_AT`, else `de`); a customer whose
language has none gets the shop's fallback language's variant, and failing that the base.
A node without variants is sent exactly as before: variants only ever add.

Public API: `choose`, `check_variants`, `VARIANT_FIELDS`, `language_key`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["VARIANT_FIELDS", "check_variants", "choose", "language_key"]

VARIANT_FIELDS: dict[str, tuple[str, ...]] = {
    "email": ("subject", "body", "format", "blocks"),
    "sms": ("text",),
    "push": ("title", "body", "url"),
}
_KEY = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?$")
MAX_VARIANTS = 40


def language_key(locale: Any) -> str | None:
    """`de-at`, `de_AT`, `DE` → `de_AT`/`de`: the form variant keys are written in."""
    if not isinstance(locale, str) or not locale.strip():
        return None
    parts = re.split(r"[-_]", locale.strip())
    language = parts[0].lower()
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    if len(parts) > 1 and re.fullmatch(r"[A-Za-z]{2}", parts[1]):
        return f"{language}_{parts[1].upper()}"
    return language


def _candidates(locale: Any) -> list[str]:
    key = language_key(locale)
    if key is None:
        return []
    return [key, key.split("_")[0]] if "_" in key else [key]


def choose(config: Mapping[str, Any], locale: Any, fallback: Any = None) -> tuple[str | None, Mapping[str, Any]]:
    """(the variant's language, the config to send) for a customer of `locale`.

    Without variants, or when neither the customer's language nor the fallback has one, the
    language is None and the config is the node's own, unchanged.
    """
    variants = config.get("variants")
    if not isinstance(variants, Mapping) or not variants:
        return None, config
    for key in (*_candidates(locale), *_candidates(fallback)):
        variant = variants.get(key)
        if isinstance(variant, Mapping):
            merged = dict(config)
            merged.update({k: v for k, v in variant.items() if v is not None})
            return key, merged
    return None, config


def check_variants(value: Any, channel: str, check_content: Callable[[Mapping[str, Any], str], None],
                   bad: Callable[[str], None]) -> None:
    """Keys are language codes, each variant an object of its channel's content fields;
    `check_content(merged_fields, where)` checks the content as the base content is checked."""
    if not isinstance(value, Mapping):
        bad('variants: must be an object like {"de": {"subject": "…"}}')
        return
    if len(value) > MAX_VARIANTS:
        bad(f"variants: {len(value)} languages (at most {MAX_VARIANTS})")
        return
    allowed = VARIANT_FIELDS.get(channel, ())
    for key, variant in value.items():
        where = f"variants.{key}"
        if not isinstance(key, str) or not _KEY.match(key):
            bad(f"{where}: not a language code (like de, es or pt_BR)")
            continue
        if not isinstance(variant, Mapping) or not variant:
            bad(f"{where}: must be an object with the message's fields in that language")
            continue
        unknown = [name for name in variant if name not in allowed]
        if unknown:
            bad(f"{where}: unknown field(s) {', '.join(map(str, unknown))} (a variant holds {', '.join(allowed)})")
            continue
        check_content(variant, where)
