"""Numbers in digits: the digits pattern of :func:`~statecheck.extract.numbers.patterns` starts with
a digit, for speed, and finds what the pattern written with its lookbehinds first found; a decimal
with a scale word is the number written."""

from __future__ import annotations

import random
import re

import pytest

from statecheck.extract import lexicon
from statecheck.extract.numbers import find_numbers, patterns


def _lookbehinds_first(language: str) -> re.Pattern[str]:
    """The digits pattern as it was written before: its lookbehinds before the first digit."""
    table = lexicon.load(language, "claims").get("numbers", {})
    decimal = table.get("decimal", ".")
    groups = tuple(table.get("group", [","]))
    group_class = "".join(re.escape(g) for g in groups)
    abbreviation_alt = lexicon.word_alternation(list(table.get("scale_abbreviations", [])))
    grouped = rf"\d{{1,3}}(?:[{group_class}]\d{{3}})+" if groups else r"(?!x)x"
    return re.compile(
        rf"(?<![\w/:.,-])(?<![\w][.,])(?:{grouped}|\d+)(?:{re.escape(decimal)}\d+)?"
        rf"(?=(?:{abbreviation_alt})(?!\w)|(?!\w|[.,:/-]\d))"
    )


_TEXTS = [
    "8,005 killed, 40.000 displaced, 100 412 fled, 2.3 million, 1,5 Mio., 1.9M and 40k",
    "on 2023-10-07 at 18:00, v1.2.3, +972-8-123, a1,234 b.5 x,12 12,34 ٣٤٥ and ۱۲,۰۰۰",
    "", "7", "a7", "-7", ".7", ",7", "x.7", "1,2345", "12,345,678.9", "1.234.567,8 mil", "123,456 and 999.999.999,5",
]


def test_the_digits_pattern_finds_what_it_found_with_its_lookbehinds_first() -> None:
    rng = random.Random(7)
    alphabet = "0123456789٣۱,. -/:ab'Mk%\n"
    texts = _TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    # runs of digit groups, which random characters seldom make: "1,234", "56.789.012", "12 345"
    texts += [
        rng.choice(["", "a", " ", "-", "x."])
        + rng.choice(",. ").join(str(rng.randint(0, 9999)) for _ in range(rng.randint(1, 4)))
        + rng.choice(["", " ", "M", ".5", ",5", "%", "-1", "a"])
        for _ in range(3000)
    ]
    for language in lexicon.LANGUAGES:
        before, now = _lookbehinds_first(language), patterns(language).digits
        for text in texts:
            assert [m.span() for m in now.finditer(text)] == [m.span() for m in before.finditer(text)], (language, text)


@pytest.mark.parametrize(("text", "value"), [("US$4.07 billion", 4_070_000_000), ("17.9 billion", 17_900_000_000), ("0.7 million", 700_000)])
def test_a_scaled_decimal_is_the_number_written(text: str, value: int) -> None:
    # in binary floating point 4.07 * 1e9 is 4070000000.0000005
    assert [m.value for m in find_numbers(text, "en")] == [value]
