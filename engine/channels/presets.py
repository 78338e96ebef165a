"""Mail provider presets: server, port, encryption and the sending rates each provider allows.

A provider that sees more than it allows blocks the account for a day or for good, so the
rates are the published limits, never more, and lower where a provider publishes none: then
the per-minute figure is our own cautious choice and says so. Limits change; each preset names
the page it was taken from (checked 2025), and the shop owner can always lower or raise them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    host: str
    port: int
    security: str  # starttls | ssl | none, as the SMTP channel takes it
    rate_per_minute: int | None
    rate_per_day: int | None
    note: str  # what the shop owner must know to make it work
    source: str  # where the limits come from


PRESETS: tuple[Preset, ...] = (
    Preset("gmail", "Gmail (free account)", "smtp.gmail.com", 587, "starttls", 20, 500,
           "Needs 2-step verification and an app password. 500 messages a day is Google's limit for "
           "free accounts; 20 a minute is our cautious choice (Google publishes no per-minute figure).",
           "https://support.google.com/mail/answer/22839"),
    Preset("google-workspace", "Google Workspace", "smtp.gmail.com", 587, "starttls", 20, 2000,
           "2,000 messages a day per user (500 on a trial account); an app password or the admin's SMTP "
           "relay. 20 a minute is our cautious choice.",
           "https://support.google.com/a/answer/166852"),
    Preset("microsoft-365", "Microsoft 365 / Outlook", "smtp.office365.com", 587, "starttls", 30, 10000,
           "SMTP AUTH must be allowed for the mailbox. Exchange Online allows 30 messages a minute and "
           "10,000 recipients a day.",
           "https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/"
           "exchange-online-limits"),
    Preset("brevo", "Brevo SMTP relay", "smtp-relay.brevo.com", 587, "starttls", 60, 300,
           "Log in with the SMTP login and an SMTP key (not the API key). 300 a day is the free plan; "
           "paid plans have no daily cap, so raise it. 60 a minute is our cautious choice.",
           "https://www.brevo.com/pricing/ and https://developers.brevo.com/docs/smtp-integration"),
    Preset("amazon-ses", "Amazon SES (sandbox)", "email-smtp.eu-central-1.amazonaws.com", 587, "starttls", 60, 200,
           "Change the region in the server name to yours; log in with SMTP credentials from the SES "
           "console. A new account is in the sandbox: 1 message a second and 200 a day; out of it, enter "
           "the quota the console shows.",
           "https://docs.aws.amazon.com/ses/latest/dg/quotas.html"),
)


def preset(key: str) -> Preset:
    for found in PRESETS:
        if found.key == key:
            return found
    raise KeyError(f"no mail provider preset {key!r} (known: {', '.join(p.key for p in PRESETS)})")


__all__ = ["PRESETS", "Preset", "preset"]
