"""SMS length and segment counting (GSM 03.38), with no Qt so it can be tested on its own.

A shop owner pays per segment, not per message, so the inspector shows what a text will cost
while it is typed: one emoji switches the whole message to UCS-2 and shrinks a segment from 160
to 70 characters, and `€` takes two GSM-7 septets. Multi-part messages lose room to the
concatenation header (153 septets / 67 code units per part); a part never splits an escape
sequence or a surrogate pair, so parts are packed greedily character by character.
"""

from __future__ import annotations

# GSM 03.38 basic character set (without ESC, 0x1B, which only introduces the extension table).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each is sent as ESC + a character, so it costs two septets.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7 = "GSM-7"
UCS2 = "UCS-2"
_LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}


def _units(char: str, encoding: str) -> int:
    if encoding == GSM7:
        return 2 if char in GSM7_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1  # UTF-16: astral characters (emoji) take a surrogate pair


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def sms_segments(text: str) -> tuple[int, str, int]:
    """(length, encoding, segments) of a text message.

    Length is in septets for GSM-7 (extension characters count 2) and in UTF-16 code units for
    UCS-2 (an emoji counts 2). An empty text is 0 segments.
    """
    encoding = GSM7 if is_gsm7(text) else UCS2
    units = [_units(c, encoding) for c in text]
    length = sum(units)
    single, part = _LIMITS[encoding]
    if length == 0:
        return 0, encoding, 0
    if length <= single:
        return length, encoding, 1
    segments, used = 1, 0
    for size in units:
        if used + size > part:
            segments += 1
            used = 0
        used += size
    return length, encoding, segments
