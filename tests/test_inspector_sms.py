"""SMS length and segments (GSM 03.38): pure, no Qt."""

from __future__ import annotations

import pytest

from widgets.inspector.sms import sms_segments


def test_empty_text_is_no_segment() -> None:
    assert sms_segments("") == (0, "GSM-7", 0)


@pytest.mark.parametrize(("length", "segments"), [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3),
                                                  (460, 4)])
def test_gsm7_single_and_concatenated_limits(length: int, segments: int) -> None:
    assert sms_segments("a" * length) == (length, "GSM-7", segments)


def test_gsm7_basic_table_keeps_accented_letters_in_gsm7() -> None:
    assert sms_segments("Grüße aus Köln, Ångström & Ñoño @ 5 £ ¿¡ §")[1] == "GSM-7"


def test_extension_characters_count_two() -> None:
    assert sms_segments("€") == (2, "GSM-7", 1)
    assert sms_segments("{[~]}|^\\") == (16, "GSM-7", 1)
    assert sms_segments("a" * 158 + "€") == (160, "GSM-7", 1)
    assert sms_segments("a" * 159 + "€") == (161, "GSM-7", 2)


def test_escape_sequence_is_never_split_across_parts() -> None:
    # 152 septets then '€' (2): the euro does not fit in the first 153-septet part.
    length, encoding, segments = sms_segments("a" * 152 + "€" + "a" * 152)
    assert (length, encoding) == (306, "GSM-7")
    assert segments == 3


def test_one_emoji_switches_to_ucs2() -> None:
    assert sms_segments("Hi 👋") == (5, "UCS-2", 1)
    assert sms_segments("👋") == (2, "UCS-2", 1)


@pytest.mark.parametrize(("length", "segments"), [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_ucs2_limits(length: int, segments: int) -> None:
    assert sms_segments("ж" * length) == (length, "UCS-2", segments)


def test_ucs2_surrogate_pair_is_never_split() -> None:
    # 66 units then an emoji (2 units) cannot share the first 67-unit part.
    assert sms_segments("ж" * 66 + "😀" + "ж" * 10) == (78, "UCS-2", 2)
    assert sms_segments("ж" * 66 + "😀" + "ж" * 66) == (134, "UCS-2", 3)


def test_non_gsm_latin_letter_forces_ucs2() -> None:
    assert sms_segments("ł")[1] == "UCS-2"
    assert sms_segments("ç")[1] == "UCS-2"  # only the capital Ç is in the basic table
