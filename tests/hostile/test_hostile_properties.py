"""Property tests (Hypothesis): number parsing, normalisation offsets, and the claim extractor.

* Any number we print with a language's separators we read back (``8,005``, ``40.000``,
  ``100 412``, ``1,5``), as a whole mention spanning exactly what was printed.
* Normalisation keeps a map from every character back to the original.
* Every claim's ``start``/``end`` point at its quote in the original text: the slice holds the
  quote's digits, in order; normalised on its own and with its line breaks read as spaces it
  *is* the quote (except for the known quote-ends-inside-a-word case, tested apart).
* The extractor never raises on any string, random Unicode included; a string that is not
  valid Unicode (a lone surrogate) is refused with a one-line :class:`InputError`.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statecheck import pipeline
from statecheck.errors import InputError
from statecheck.extract import lexicon
from statecheck.extract.numbers import find_numbers, parse_digits, patterns
from statecheck.ingest import from_text, normalise
from statecheck.ingest.normalise import _DROP
from statecheck.options import Options

OPTIONS = Options(verify=False, demands=False)
LANGUAGES = lexicon.LANGUAGES
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def grouped(n: int, group: str) -> str:
    """``n`` with ``group`` between every three digits: 100412 -> "100 412"."""
    digits = str(n)
    parts = []
    while digits:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    return group.join(parts)


# --------------------------------------------------------------------------- numbers


@FAST
@given(n=st.integers(0, 10**15), language=st.sampled_from(LANGUAGES), data=st.data())
def test_grouped_integers_read_back(n: int, language: str, data: st.DataObject) -> None:
    p = patterns(language)
    group = data.draw(st.sampled_from(p.groups))
    printed = grouped(n, group)
    assert parse_digits(printed, language) == n
    mentions = find_numbers(printed, language)
    assert [(m.start, m.end, m.value) for m in mentions] == [(0, len(printed), n)], (printed, mentions)


@FAST
@given(
    whole=st.integers(0, 10**9),
    fraction=st.text("0123456789", min_size=1, max_size=4),
    language=st.sampled_from(LANGUAGES),
    data=st.data(),
)
def test_decimals_read_back(whole: int, fraction: str, language: str, data: st.DataObject) -> None:
    p = patterns(language)
    group = data.draw(st.sampled_from(p.groups))
    whole_part = grouped(whole, group)
    printed = f"{whole_part}{p.decimal}{fraction}"
    if p.ambiguous_group == p.decimal and len(fraction) == 3 and p.decimal not in whole_part:
        # "1,500" in Spanish is read as 1500 (Latin American usage), tested below
        return
    expected = float(f"{whole}.{fraction}")
    assert parse_digits(printed, language) == pytest.approx(expected)
    mentions = find_numbers(printed, language)
    assert len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(printed)), (printed, mentions)
    assert mentions[0].value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("language", "printed", "value"),
    [
        ("en", "8,005", 8005), ("es", "40.000", 40000), ("fr", "100 412", 100412), ("de", "1,5", 1.5),
        ("pt", "2.345,75", 2345.75), ("es", "1,500", 1500), ("es", "1,5", 1.5), ("en", "1.5", 1.5),
    ],
)
def test_printed_numbers(language: str, printed: str, value: float) -> None:
    assert [m.value for m in find_numbers(printed, language)] == [pytest.approx(value)]


@pytest.mark.parametrize(
    "text",
    ["9" * 400 + " people were killed", "1e999 people", "10^400 people", "1" + ",000" * 120 + " killed",
     "one " + "million " * 30 + "people"],
)
def test_numbers_beyond_a_float_are_not_claims(text: str) -> None:
    """Hundreds of digits overflow a float to infinity: such a "number" is dropped, not reported as inf."""
    for mention in find_numbers(text, "en"):
        assert mention.value == mention.value and abs(mention.value) < float("inf")
    document = pipeline.check_text(text, Options())
    assert all(abs(claim.value) < float("inf") for claim in document.claims)


# --------------------------------------------------------------------------- normalisation


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_normalised_text_maps_back(original: str) -> None:
    text = normalise(original)
    assert len(text.offsets) == len(text.normalised) + 1
    assert text.offsets[-1] == len(original)
    assert list(text.offsets) == sorted(text.offsets)
    for index, char in enumerate(text.normalised):
        source = original[text.offsets[index]] if text.offsets[index] < len(original) else ""
        if char in " \n":
            continue  # a space or line break may stand for any run of white space, or a line join
        assert char == source, (index, char, source)
        assert source not in _DROP


# Documents made of the pieces claims are made of, glued with hostile white space and invisible
# characters: newlines, blank lines, tabs, no-break spaces, zero-width spaces, bidi overrides,
# Markdown emphasis, words broken over a line end.
PIECES = [
    "In Gaza,", "more than", "1,200", "8,005", "people", "were", "killed", "and", "3,400", "injured",
    "children", "the ministry said", "on 7 November 2023.", "Pales-\ntinians", "**", "__", "\u200b",
    "\n", "\n\n", "  ", "\t", "\r\n", "\u00a0", "\u202e", "\u2028", "nearly", "40%", "of", "homes",
    "destroyed.", "two million", "displaced", "(", ")", "—", "UNRWA", "at least 67", "journalists",
    "Is-\nrael", "COVID-\n19", "1,\n200", "- ", "• ", "| 5 |", "per cent", "half of", "out of 10",
]
documents = st.lists(st.sampled_from(PIECES), min_size=1, max_size=50).map(" ".join)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_claim_offsets_hold_the_number(original: str) -> None:
    """The weakest promise, always kept: the slice is inside the text and holds the quote's digits."""
    document = pipeline.check_text(original, OPTIONS)
    for claim in document.claims:
        assert 0 <= claim.start < claim.end <= len(original)
        piece = original[claim.start : claim.end]
        assert _digits(piece) == _digits(claim.quote), (piece, claim.quote)


def _whole_words(quote: str, normalised: str) -> bool:
    flat = " ".join(normalised.split())
    return re.search(r"(?<!\w)" + re.escape(quote) + r"(?!\w)", flat) is not None


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_claim_offsets_hold_the_quote(original: str) -> None:
    """The strongest promise that holds: the slice, normalised on its own, is the quote once line
    breaks are read as spaces (a slice loses the line lengths that decide whether a line was
    wrapped, so a join may come out as a line break)."""
    document = pipeline.check_text(original, OPTIONS)
    for claim in document.claims:
        assert _whole_words(claim.quote, document.text.normalised), claim.quote
        piece = original[claim.start : claim.end]
        assert " ".join(normalise(piece).normalised.split()) == claim.quote, (piece, claim.quote)


def test_quote_ends_inside_a_word() -> None:
    document = pipeline.check_text("200 of 8,005 Hamas-run fighters were killed", OPTIONS)
    assert all(_whole_words(claim.quote, document.text.normalised) for claim in document.claims)


# --------------------------------------------------------------------------- the extractor never raises


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_extractor_never_raises_on_unicode(text: str) -> None:
    document = pipeline.check_text(text, Options())
    for claim in document.claims:
        assert 0 <= claim.start <= claim.end <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES + ["5", "%", ",", ".", "1.", "one", "hundred", "thousand", "a", "Abc"]),
                max_size=200).map("".join))
def test_extractor_never_raises_on_number_soup(text: str) -> None:
    pipeline.check_text(text, Options())


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(categories=["Cs", "Ll", "Nd", "Zs"]), min_size=1, max_size=50))
def test_lone_surrogates_are_refused_in_one_line(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(InputError) as caught:
            from_text(text)
        assert "\n" not in str(caught.value) and "surrogate" in str(caught.value)
    else:
        pipeline.check_text(text, OPTIONS)
