"""The sender domain's SPF, DKIM and DMARC records, looked up and explained in plain words.

Since 2024 Gmail and Yahoo reject or spam-folder bulk mail from domains without SPF or DKIM
and a DMARC record, so a shop mailing through its own domain needs all three. This module
asks DNS (dnspython) and says what it found and what is missing; it changes nothing.

- SPF: the one TXT record at the domain that starts `v=spf1`. Two of them are an error
  (RFC 7208 §4.5); `+all` lets anyone send as the shop; more than 10 DNS-querying terms at
  the top level already break the lookup limit (RFC 7208 §4.6.4).
- DMARC: the TXT record at `_dmarc.<domain>` that starts `v=DMARC1`, and its policy.
- DKIM: the TXT record at `<selector>._domainkey.<domain>` with a public key (`p=`); without a
  selector there is nothing to look up (DKIM keys are not listed anywhere).

When DNS cannot be asked at all (no network, no resolver, a time-out) the report says
"offline" for what it could not look up rather than "missing": a shop owner must never be told
to add a record that is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Literal

import dns.exception
import dns.name
import dns.resolver

Status = Literal["found", "warning", "missing", "invalid", "offline", "skipped"]
LIFETIME = 5.0  # seconds for one lookup, retries included: a machine offline should hear so quickly
_SPF_LOOKUP_TERMS = re.compile(r"^[+?~-]?(include|a|mx|ptr|exists)(?=$|[:/])|^redirect=", re.I)


class Offline(Exception):  # noqa: N818 - a state, not a bug
    """DNS could not be asked (no network, no resolver, no answer in time)."""


@dataclass(frozen=True)
class Finding:
    what: Literal["SPF", "DKIM", "DMARC"]
    status: Status
    words: str
    record: str | None = None

    def line(self) -> str:
        label = {"found": "found", "warning": "found, but", "missing": "missing", "invalid": "broken",
                 "offline": "offline", "skipped": "not checked"}[self.status]
        return f"{self.what}: {label} — {self.words}"


@dataclass
class DomainReport:
    domain: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def offline(self) -> bool:
        return any(f.status == "offline" for f in self.findings)

    @property
    def exit_status(self) -> int:
        """0: every record there (warnings allowed); 1: one missing or broken; 2: DNS not reachable."""
        if self.offline:
            return 2
        return 1 if any(f.status in ("missing", "invalid") for f in self.findings) else 0

    def text(self) -> str:
        lines = [f"Sender domain {self.domain}"]
        lines += [f.line() for f in self.findings]
        return "\n".join(lines)


def sender_domain_of(address: str) -> str | None:
    """`Shop <hello@shop.example>` → `shop.example`."""
    addr = parseaddr(address)[1] or address
    domain = addr.rpartition("@")[2].strip().rstrip(".").lower()
    return domain or None


def make_resolver(nameserver: str | None = None, port: int = 53) -> dns.resolver.Resolver:
    """The system's resolver, or one that asks only `nameserver` (an IP address) on `port`."""
    if nameserver is None:
        try:
            resolver = dns.resolver.Resolver()
        except dns.resolver.NoResolverConfiguration:
            resolver = dns.resolver.Resolver(configure=False)  # no nameservers: every lookup is offline
    else:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [nameserver]
        resolver.port = port
    resolver.lifetime = LIFETIME
    resolver.timeout = LIFETIME / 2
    return resolver


def txt_records(resolver: dns.resolver.Resolver, name: str) -> list[str]:
    """The TXT records at `name`, each one joined from its strings; [] when there is none.
    Raises Offline when DNS cannot say."""
    try:
        answer = resolver.resolve(name, "TXT", search=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []
    except (dns.resolver.NoNameservers, dns.resolver.LifetimeTimeout, dns.exception.Timeout,
            dns.resolver.NoResolverConfiguration, OSError) as exc:
        raise Offline(f"could not look up TXT {name} ({exc.__class__.__name__})") from None
    return [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer]


def _tags(record: str) -> dict[str, str]:
    tags = {}
    for part in record.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep:
            tags[key.strip().lower()] = value.strip()
    return tags


def check_spf(resolver: dns.resolver.Resolver, domain: str) -> Finding:
    records = [r for r in txt_records(resolver, domain) if r.lower().split(" ", 1)[0] == "v=spf1"]
    if not records:
        return Finding("SPF", "missing", f"receivers cannot tell which servers may send for {domain}; add a TXT "
                       f"record at {domain} like \"v=spf1 include:<your provider's SPF domain> ~all\"")
    if len(records) > 1:
        return Finding("SPF", "invalid", f"{len(records)} SPF records at {domain}; receivers treat that as an error "
                       "(RFC 7208 §4.5): merge them into one", " | ".join(records))
    record = records[0]
    terms = record.split()[1:]
    includes = [t.split(":", 1)[1] for t in terms if t.lower().lstrip("+").startswith("include:")]
    ending = next((t for t in terms if t.lower().lstrip("+?~-") == "all"), None)
    lookups = sum(1 for t in terms if _SPF_LOOKUP_TERMS.match(t))
    described = f"includes {', '.join(includes)}" if includes else "no include"
    if ending is not None and ending.lower() in ("all", "+all", "?all"):
        return Finding("SPF", "warning", f"{described}; it ends in {ending}, which lets any server on the "
                       "internet send as you: use ~all or -all", record)
    if lookups > 10:
        return Finding("SPF", "warning", f"{described}; {lookups} terms need DNS lookups, more than the 10 "
                       "receivers allow (RFC 7208 §4.6.4), so SPF fails everywhere", record)
    if ending is None and not any(t.lower().startswith("redirect=") for t in terms):
        return Finding("SPF", "warning", f"{described}; it has no \"all\" at the end, so it says nothing about "
                       "other servers: end it with ~all or -all", record)
    return Finding("SPF", "found", f"{described}, ends in {ending or 'a redirect'}", record)


def check_dmarc(resolver: dns.resolver.Resolver, domain: str) -> Finding:
    name = f"_dmarc.{domain}"
    records = [r for r in txt_records(resolver, name) if r.replace(" ", "").lower().startswith("v=dmarc1")]
    if not records:
        return Finding("DMARC", "missing", f"receivers may reject or spam-folder your mail (Gmail and Yahoo require "
                       f"DMARC from bulk senders); add a TXT record at {name} like "
                       f"\"v=DMARC1; p=none; rua=mailto:dmarc@{domain}\"")
    if len(records) > 1:
        return Finding("DMARC", "invalid", f"{len(records)} DMARC records at {name}; receivers ignore them all "
                       "(RFC 7489 §6.6.3): keep one", " | ".join(records))
    record = records[0]
    tags = _tags(record)
    policy = tags.get("p", "").lower()
    if policy not in ("none", "quarantine", "reject"):
        return Finding("DMARC", "invalid", f"the policy p= is {policy or 'missing'}; it must be none, quarantine "
                       "or reject", record)
    reports = f"reports go to {tags['rua']}" if tags.get("rua") else "no aggregate reports (rua=) requested"
    if policy == "none":
        return Finding("DMARC", "found", f"policy none (monitoring only: receivers decide themselves); {reports}",
                       record)
    return Finding("DMARC", "found", f"policy {policy}; {reports}", record)


def check_dkim(resolver: dns.resolver.Resolver, domain: str, selector: str | None) -> Finding:
    if not selector:
        return Finding("DKIM", "skipped", "no selector given: DKIM keys cannot be listed, only looked up by name. "
                       "Pass --selector NAME (your mail provider's help names it, e.g. google, selector1) or set "
                       "DKIM signing in the email settings")
    name = f"{selector}._domainkey.{domain}"
    records = txt_records(resolver, name)
    keys = [r for r in records if "p" in _tags(r)]
    if not keys:
        return Finding("DKIM", "missing", f"no DKIM key at {name}; mail signed with selector {selector!r} fails "
                       "DKIM. Publish the public key your provider (or Journey Builder's DKIM settings) gives you")
    tags = _tags(keys[0])
    if not tags.get("p"):
        return Finding("DKIM", "invalid", f"the key at {name} is empty (p=): it was revoked", keys[0])
    return Finding("DKIM", "found", f"selector {selector}, {tags.get('k', 'rsa')} key published at {name}", keys[0])


def check_domain(domain: str, *, selector: str | None = None,
                 resolver: dns.resolver.Resolver | None = None) -> DomainReport:
    """SPF, DKIM and DMARC of `domain`; a lookup that cannot be made is reported as offline."""
    domain = domain.strip().rstrip(".").lower()
    try:
        dns.name.from_text(domain)
    except dns.exception.DNSException as exc:
        raise ValueError(f"{domain!r} is not a domain name ({exc})") from None
    resolver = resolver or make_resolver()
    report = DomainReport(domain)
    offline = False
    checks: tuple[tuple[Literal["SPF", "DKIM", "DMARC"], Callable[[], Finding]], ...] = (
        ("SPF", lambda: check_spf(resolver, domain)),
        ("DKIM", lambda: check_dkim(resolver, domain, selector)),
        ("DMARC", lambda: check_dmarc(resolver, domain)))
    for what, check in checks:
        if offline and not (what == "DKIM" and not selector):
            # One time-out is enough to know: the next would only make the user wait as long again.
            report.findings.append(Finding(what, "offline", "not looked up: DNS did not answer above"))
            continue
        try:
            report.findings.append(check())
        except Offline as exc:
            offline = True
            report.findings.append(Finding(what, "offline", f"{exc}; is this machine online? Nothing was "
                                                            "found missing, nothing was checked"))
    return report


__all__ = ["DomainReport", "Finding", "Offline", "check_dkim", "check_dmarc", "check_domain", "check_spf",
           "make_resolver", "sender_domain_of", "txt_records"]
