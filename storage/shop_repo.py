"""The shop's settings row: read (created with defaults on first access) and update."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from engine.timeutil import TimeFormatError, parse_duration, zone
from storage.models import ShopSettings
from storage.models.shop import new_api_token

# What a caller may change; the discount secret and the row id are the database's own.
EDITABLE = ("name", "address", "currency", "timezone", "locale", "sender_name", "sender_email",
            "engagement", "lifecycle", "smtp", "delivery", "website", "email_design", "fallback_language",
            "languages", "attribution_window", "connectors")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
DESIGN_COLOURS = ("primary", "background", "content", "text")
SOCIAL_NETWORKS = ("facebook", "instagram", "x", "tiktok", "youtube", "pinterest", "linkedin")
CONNECTORS = ("woocommerce", "shopify")
# Keys that would put a connector's secret in the database; it goes to the keyring (`secret_name`).
_CONNECTOR_SECRETS = ("consumer_secret", "secret", "token", "access_token", "password", "api_key")
UNCERTAIN_POLICIES = ("hold", "resend")
DEFAULT_HTTP_PORT = 8765  # the session's endpoint (unsubscribe links, events) on 127.0.0.1


def get_settings(session: Session) -> ShopSettings:
    """The settings row; the first call on a new database creates it, with a fresh secret."""
    settings = session.get(ShopSettings, 1)
    if settings is None:
        settings = ShopSettings(id=1)
        session.add(settings)
        session.flush()
    return settings


def update_settings(session: Session, **changes: Any) -> ShopSettings:
    """Changes the given fields; unknown names and bad values are refused before any is set."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ValueError(f"unknown shop setting(s): {', '.join(unknown)}")
    if "timezone" in changes:
        if not isinstance(changes["timezone"], str) or not changes["timezone"]:
            raise ValueError("timezone: expected an IANA name like 'Europe/Berlin'")
        try:
            zone(changes["timezone"])
        except TimeFormatError as exc:
            raise ValueError(f"timezone: {exc}") from None
    if "currency" in changes:
        currency = changes["currency"]
        if not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha():
            raise ValueError(f"currency: expected a 3-letter code like 'EUR', got {currency!r}")
        changes["currency"] = currency.upper()
    for key in ("engagement", "lifecycle"):
        if key in changes and not isinstance(changes[key], Mapping):
            raise ValueError(f"{key}: must be an object")
    if "smtp" in changes:
        smtp = changes["smtp"]
        if smtp is not None and not isinstance(smtp, Mapping):
            raise ValueError("smtp: must be an object or null")
        if smtp is not None and "password" in smtp:
            raise ValueError("smtp: the password is kept in the keyring (password_secret), not in the database")
    if "delivery" in changes:
        changes["delivery"] = _delivery(changes["delivery"])
    if "attribution_window" in changes:
        from engine.attribution import AttributionError, elapsed_window

        try:
            elapsed_window(changes["attribution_window"], "attribution_window")
        except AttributionError as exc:
            raise ValueError(str(exc)) from None
    if "website" in changes:
        changes["website"] = _absolute_url(changes["website"], "website")
    if "email_design" in changes:
        changes["email_design"] = _email_design(changes["email_design"])
    if "fallback_language" in changes:
        language = changes["fallback_language"]
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            raise ValueError(f"fallback_language: expected a language code like 'en' or 'pt_BR', got {language!r}")
    if "languages" in changes:
        languages = changes["languages"]
        if languages is not None and (not isinstance(languages, list)
                                      or not all(isinstance(x, str) and _LANGUAGE.match(x) for x in languages)):
            raise ValueError("languages: expected a list of language codes like [\"fr\", \"pt_BR\"]")
        changes["languages"] = list(dict.fromkeys(languages)) if languages else None
    if "connectors" in changes:
        changes["connectors"] = _connectors(changes["connectors"])
    settings = get_settings(session)
    for key, value in changes.items():
        setattr(settings, key, dict(value) if isinstance(value, Mapping) else value)
    session.flush()
    return settings


def _absolute_url(value: Any, where: str) -> str:
    if value in (None, ""):
        return ""
    parts = urlsplit(str(value).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in str(value).strip():
        raise ValueError(f"{where}: expected an address like https://shop.example, got {value!r}")
    return str(value).strip()


def _email_design(value: Any) -> dict[str, Any] | None:
    """Colours as #rrggbb, the logo and social profiles as absolute addresses: a designed email
    goes to mail apps that load nothing relative."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("email_design: must be an object like {\"primary\": \"#2f6f4f\"}")
    unknown = sorted(set(value) - {*DESIGN_COLOURS, "logo_url", "logo_width", "social"})
    if unknown:
        raise ValueError(f"email_design: unknown setting(s) {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for key in DESIGN_COLOURS:
        colour = value.get(key)
        if colour in (None, ""):
            continue
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise ValueError(f"email_design.{key}: expected a colour like #2f6f4f, got {colour!r}")
        out[key] = colour.lower()
    logo = _absolute_url(value.get("logo_url"), "email_design.logo_url")
    if logo:
        out["logo_url"] = logo
    width = value.get("logo_width")
    if width is not None:
        if isinstance(width, bool) or not isinstance(width, int) or not 40 <= width <= 400:
            raise ValueError("email_design.logo_width: a whole number of pixels from 40 to 400")
        out["logo_width"] = width
    social = value.get("social") or {}
    if not isinstance(social, Mapping) or any(k not in SOCIAL_NETWORKS for k in social):
        raise ValueError(f"email_design.social: an object by network ({', '.join(SOCIAL_NETWORKS)})")
    links = {k: _absolute_url(v, f"email_design.social.{k}") for k, v in social.items() if v}
    if links:
        out["social"] = links
    return out


def _delivery(value: Any) -> dict[str, Any] | None:
    """{"uncertain": "hold" | "resend", "resend_after_minutes": 1…10080}: what the session does
    with a message that may or may not have arrived (see app.session.outbox)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("delivery: must be an object like {\"uncertain\": \"hold\"}")
    unknown = sorted(set(value) - {"uncertain", "resend_after_minutes", "public_url", "http_port", "caps"})
    if unknown:
        raise ValueError(f"delivery: unknown setting(s) {', '.join(unknown)}")
    policy = value.get("uncertain", "hold")
    if policy not in UNCERTAIN_POLICIES:
        raise ValueError(f"delivery.uncertain: expected 'hold' or 'resend', got {policy!r}")
    minutes = value.get("resend_after_minutes", 30)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 10080:
        raise ValueError("delivery.resend_after_minutes: a whole number of minutes from 1 to 10080 (a week)")
    out: dict[str, Any] = {"uncertain": policy, "resend_after_minutes": minutes}
    public = value.get("public_url")
    if public:
        parts = urlsplit(str(public))
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"delivery.public_url: expected an address like https://shop.example/jb, got {public!r}")
        out["public_url"] = str(public).rstrip("/")
    port = value.get("http_port", DEFAULT_HTTP_PORT)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValueError("delivery.http_port: a port number from 1 to 65535 (0: any free port)")
    out["http_port"] = port
    caps = value.get("caps") or {}
    if not isinstance(caps, Mapping) or any(c not in ("email", "sms", "push") for c in caps):
        raise ValueError("delivery.caps: an object by channel, like {\"email\": [{\"max\": 1, \"per\": \"P1D\"}]}")
    checked: dict[str, list[dict[str, Any]]] = {}
    for channel, rules in caps.items():
        if not isinstance(rules, list):
            raise ValueError(f"delivery.caps.{channel}: a list of {{\"max\": N, \"per\": DURATION}}")
        for rule in rules:
            limit = rule.get("max") if isinstance(rule, Mapping) else None
            if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
                raise ValueError(f"delivery.caps.{channel}: max must be a whole number from 1 to 1000")
            try:
                per = parse_duration(rule.get("per"))
            except TimeFormatError as exc:
                raise ValueError(f"delivery.caps.{channel}: per: {exc}") from None
            if per.negative or per.approx_seconds() <= 0:
                raise ValueError(f"delivery.caps.{channel}: per must be longer than nothing")
            checked.setdefault(channel, []).append({"max": limit, "per": str(rule["per"])})
    if checked:
        out["caps"] = checked
    return out


def _connectors(value: Any) -> dict[str, Any] | None:
    """{"woocommerce": {"url": "https://shop.example", "consumer_key": "ck_…", "secret_name": …,
    "enabled": true, "interval_seconds": 300}, "shopify": {"shop": "x.myshopify.com", …}}: the
    live-shop connectors (app/connectors). Their secrets live in the keyring, never here."""
    if value is None:
        return None
    if not isinstance(value, Mapping) or any(k not in CONNECTORS for k in value):
        raise ValueError(f"connectors: an object with {' and/or '.join(CONNECTORS)}")
    out: dict[str, Any] = {}
    for name, config in value.items():
        if not isinstance(config, Mapping):
            raise ValueError(f"connectors.{name}: must be an object")
        leaked = [k for k in config if k in _CONNECTOR_SECRETS]
        if leaked:
            raise ValueError(f"connectors.{name}: the {leaked[0]} is kept in the keyring (secret_name), "
                             "not in the database")
        address = config.get("url") if name == "woocommerce" else config.get("shop")
        if not isinstance(address, str) or not address.strip():
            raise ValueError(f"connectors.{name}: needs the shop's " + ("address (url)" if name == "woocommerce"
                                                                       else "domain (shop)"))
        if name == "woocommerce":
            parts = urlsplit(address)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"connectors.woocommerce.url: expected an address like https://shop.example, "
                                 f"got {address!r}")
            if not isinstance(config.get("consumer_key"), str) or not config["consumer_key"]:
                raise ValueError("connectors.woocommerce: needs the REST API consumer key (consumer_key)")
        interval = config.get("interval_seconds", 300)
        if isinstance(interval, bool) or not isinstance(interval, int) or not 30 <= interval <= 86400:
            raise ValueError(f"connectors.{name}.interval_seconds: a whole number of seconds from 30 to 86400")
        out[name] = {**dict(config), "interval_seconds": interval, "enabled": bool(config.get("enabled", True))}
    return out or None


def public_url(settings: dict[str, Any], bound_port: int | None = None) -> str:
    """Where customers' unsubscribe links point: the shop's public address (a tunnel or reverse
    proxy in front of the session's endpoint), else the endpoint itself on this machine, which
    only this machine can reach (fine for the local catcher and a test server)."""
    delivery = settings.get("delivery") or {}
    if delivery.get("public_url"):
        return str(delivery["public_url"])
    port = bound_port or delivery.get("http_port") or DEFAULT_HTTP_PORT
    return f"http://127.0.0.1:{port}"


def api_token(session: Session) -> str:
    """The token POST /events needs; made on first use for a shop from before tokens."""
    settings = get_settings(session)
    if not settings.api_token:
        settings.api_token = new_api_token()
        session.flush()
    return settings.api_token


def settings_dict(session: Session) -> dict[str, Any]:
    """The settings as plain data (for the engine's context and for display); no secret."""
    s = get_settings(session)
    values = {key: (dict(getattr(s, key)) if key in ("engagement", "lifecycle") else getattr(s, key))
              for key in EDITABLE}
    values["smtp"] = dict(s.smtp) if s.smtp else None
    values["delivery"] = dict(s.delivery) if s.delivery else None
    values["email_design"] = dict(s.email_design) if s.email_design else None
    values["languages"] = list(s.languages) if s.languages else []
    values["website"] = s.website or ""
    values["fallback_language"] = s.fallback_language or "en"
    values["connectors"] = dict(s.connectors) if s.connectors else None
    return values
