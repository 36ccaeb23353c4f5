""":class:`~statecheck.extract.caseless.Caseless` reads text beyond ASCII lower-cased where that finds
what a case-insensitive search finds: the facts of Unicode (as this Python knows it) it rests on."""

from __future__ import annotations

import _sre
import re
import sys

from statecheck.extract.caseless import Caseless, _lowered


def _characters() -> list[str]:
    return [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000]


def test_lower_casing_a_character_keeps_what_the_regex_engine_sees_of_it() -> None:
    """Where str.lower gives one character, it is the lower case the engine compares, a cased one
    (the engine compares a caseless pattern character as it is), and a word character, space or
    digit as the character is."""
    for char in _characters():
        lower = char.lower()
        if len(lower) != 1 or lower == char:
            continue
        assert ord(lower) == _sre.unicode_tolower(ord(char)), hex(ord(char))
        assert _sre.unicode_iscased(ord(lower)), hex(ord(char))
        for category in (r"\w", r"\s", r"\d"):
            same = bool(re.match(category, char)) == bool(re.match(category, lower))
            assert same, (hex(ord(char)), category)


def test_text_beyond_ascii_is_read_lower_cased_only_where_that_is_safe() -> None:
    assert _lowered("Café — ² «Ñu»") == "café — ² «ñu»"
    assert _lowered("İstanbul") is None  # lower-cased, İ is two characters
    assert _lowered("ΟΔΟΣ") is None  # a final sigma, and σ and ς match each other
    assert _lowered("ſtraße") is None  # ſ matches s


def test_caseless_finds_in_text_beyond_ascii_what_a_case_insensitive_search_finds() -> None:
    sources = [
        r"(?<!\w)caf[eé]s?(?!\w)", r"d[eoa]s?\s+\w+", r"[^,;.]{2,5}ñ", r"(?<![\w’'])(?:état|etat)\b", "[à-öø-ÿ]+",
    ]
    texts = ["CAFÉ, Cafés et cafe", "DES Amis, DOS niños — ÑANDÚ", "L’ÉTAT; état; ETAT²", "ÀÉÎÕÜ àéîõü ÞÝ"]
    for source in sources:
        for text in texts:
            expected = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
            assert [m.span() for m in Caseless(source).finditer(text)] == expected, (source, text)


def test_a_named_group_is_no_capital_letter_to_match() -> None:
    # the P of "(?P<N>" once kept such patterns from being read lower-cased
    pattern = Caseless(r"(?P<N>\d+)\s+(?P<unit>days?)")
    assert pattern.reading("5 DAYS")[1] == "5 days"
    assert [(m.span(), m.group("N")) for m in pattern.finditer("5 DAYS, 6 Day")] == [((0, 6), "5"), ((8, 13), "6")]
    assert Caseless(r"(?P<n>x)(?P=n)").reading("XX")[1] == "XX"  # a back-reference is read as written
