"""DKIM signing (RFC 6376) for shops that send through their own mail server.

A mailbox provider (Gmail, Microsoft 365, Brevo, SES) signs what it relays with its own key;
a shop's own server (Postfix on a VPS, a hosting package) often does not, and then receivers
see unsigned bulk mail, which Gmail and Yahoo reject from bulk senders since 2024. With a key
in the email settings, `DkimSigner` signs every message just before it goes out, over the exact
bytes the server receives.

- relaxed/relaxed canonicalisation: relays that re-fold headers or re-wrap trailing white
  space would break a "simple" signature;
- the headers RFC 6376 recommends, plus List-Unsubscribe-Post, since RFC 8058 §4 requires both
  List-Unsubscribe headers to be covered by a valid DKIM signature for one-click unsubscribe;
  From is signed twice so that no second From can be added without breaking the signature.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import dkim

EXTRA_SIGNED = (b"list-unsubscribe-post",)


class DkimKeyError(ValueError):
    """The private key cannot sign (not a PEM RSA or Ed25519 key, or too short)."""


@dataclass(frozen=True)
class DkimSigner:
    domain: str  # d=: the domain whose DNS holds the public key; should be the sender's domain
    selector: str  # s=: the key's name under <selector>._domainkey.<domain>
    private_key: bytes = field(repr=False)  # PEM

    def __post_init__(self) -> None:
        if not self.domain or not self.selector:
            raise DkimKeyError("DKIM signing needs a domain and a selector")
        try:  # refuse a bad key when the settings are read, not at the first message
            self(b"From: check@" + self.domain.encode() + b"\r\nSubject: key check\r\n\r\nkey check\r\n")
        except DkimKeyError:
            raise
        except Exception as exc:  # noqa: BLE001 - dkimpy raises several unrelated types for a bad key
            raise DkimKeyError(f"the DKIM private key cannot sign: {exc}") from None

    def __call__(self, payload: bytes) -> bytes:
        """`payload` (a whole message, CRLF line ends) with a DKIM-Signature header in front."""
        signer = dkim.DKIM(payload, linesep=b"\r\n")
        signer.should_sign |= set(EXTRA_SIGNED)
        try:
            header = signer.sign(self.selector.encode("ascii"), self.domain.encode("idna"), self.private_key,
                                 canonicalize=(b"relaxed", b"relaxed"))
        except dkim.KeyFormatError as exc:
            raise DkimKeyError(f"the DKIM private key cannot sign: {exc}") from None
        return header + payload


__all__ = ["DkimKeyError", "DkimSigner", "EXTRA_SIGNED"]
