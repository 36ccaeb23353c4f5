"""normalise(): joining wrapped lines, de-hyphenation, emphasis, spaces, and the offset map."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statecheck.ingest import normalise
from statecheck.ingest.normalise import _DROP
from statecheck.model import Text

LONG = "The relief office said on Monday that its teams had counted"  # over 50 characters

# fmt: off
CASES = [
    # (name, original, normalised)
    ("wrapped line joined", f"{LONG}\nmore families at the shelter.", f"{LONG} more families at the shelter."),
    ("wrapped before a capital", f"{LONG}\nRafah families at the shelter.", f"{LONG} Rafah families at the shelter."),
    ("wrapped before a number", "The office reported that\n1,200 families had arrived.", "The office reported that 1,200 families had arrived."),
    ("sentence end keeps the break", "Convoys stopped.\nThe office said so.", "Convoys stopped.\nThe office said so."),
    ("short heading kept", "Key figures\nThe office counted 40 trucks.", "Key figures\nThe office counted 40 trucks."),
    ("upper-case title kept", "PRESS RELEASE FROM THE EXAMPLE AID NETWORK TODAY\nThe office said.", "PRESS RELEASE FROM THE EXAMPLE AID NETWORK TODAY\nThe office said."),
    ("list items kept", "Figures:\n- 1,200 displaced\n- 300 injured", "Figures:\n- 1,200 displaced\n- 300 injured"),
    ("numbered list kept", "Findings\n1. Forty trucks\n2) Nine shelters", "Findings\n1. Forty trucks\n2) Nine shelters"),
    ("signature block kept", "Sincerely,\nJane Roe\nDirector, Example Aid Network", "Sincerely,\nJane Roe\nDirector, Example Aid Network"),
    ("long line ending in a comma joined", "Across the southern governorates, the office said,\nFamilies kept arriving.", "Across the southern governorates, the office said, Families kept arriving."),
    ("hyphen break joined", "more than 1,200 Pales-\ntinians were counted", "more than 1,200 Palestinians were counted"),
    ("hyphen break with accents", "les réfu-\ngiés du camp", "les réfugiés du camp"),
    ("hyphen kept before a capital", "an Anti-\nSemitism report", "an Anti-Semitism report"),
    ("hyphen kept before a digit", "during the COVID-\n19 years", "during the COVID-19 years"),
    ("hyphen kept in a compound", "a Hamas-\nrun ministry and a US-\nled coalition", "a Hamas-run ministry and a US-led coalition"),
    ("spaced dash joined with a space", f"{LONG} -\nmore arrived.", f"{LONG} - more arrived."),
    ("bold removed", "**8,005** people were counted", "8,005 people were counted"),
    ("underscore bold removed", "__Update:__ 40 trucks", "Update: 40 trucks"),
    ("bold over two lines", "**Central Office\nSouthern District**", "Central Office\nSouthern District"),
    ("CRLF", "It ended.\r\nThen it began.\r\n", "It ended.\nThen it began."),
    ("lone CR", "It ended.\rThen it began.", "It ended.\nThen it began."),
    ("wrapped CRLF", f"{LONG}\r\nmore families.", f"{LONG} more families."),
    ("zero-width space dropped", "1\u200b200 trucks", "1200 trucks"),
    ("soft hyphen dropped", "Pales\u00adtinians", "Palestinians"),
    ("byte-order mark dropped", "\ufeffGaza update", "Gaza update"),
    ("bidi isolates dropped", "the \u2068Al-Shifa\u2069 hospital", "the Al-Shifa hospital"),
    ("no-break and thin spaces", "8\u202f005 and 1\u00a0200", "8 005 and 1 200"),
    ("runs of spaces collapse", "  forty   trucks\t\tcrossed  ", "forty trucks crossed"),
    ("blank lines become one break", "First part.\n\n\n\nSecond part.", "First part.\nSecond part."),
    ("page break inside a sentence", f"{LONG}\n\n\x0cmore families at the shelter.", f"{LONG} more families at the shelter."),
    ("blank line before a capital kept", f"{LONG}\n\nMore families.", f"{LONG}\nMore families."),
    ("line separator", "One.\u2028Two.", "One.\nTwo."),
    ("empty", "", ""),
    ("only spaces", " \n\t\r\n \u200b", ""),
]
# fmt: on


@pytest.mark.parametrize(
    ("original", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_normalise(original: str, expected: str) -> None:
    text = normalise(original)
    assert text.normalised == expected
    assert_offsets(text)


def assert_offsets(text: Text) -> None:
    assert text.original is not None
    assert len(text.offsets) == len(text.normalised) + 1
    assert text.offsets[-1] == len(text.original)
    assert all(a < b for a, b in zip(text.offsets, text.offsets[1:]))
    for index, char in enumerate(text.normalised):
        if not char.isspace():
            assert text.original[text.offsets[index]] == char, (index, char)


def test_span_maps_back_to_the_source() -> None:
    original = "The office counted **1,200** Pales-\ntinians at the school."
    text = normalise(original)
    start = text.normalised.index("1,200 Palestinians")
    begin, end = text.to_original(start, start + len("1,200 Palestinians"))
    assert original[begin:end] == "1,200** Pales-\ntinians"
    assert text.from_original(original.index("1,200")) == start


def test_empty_span_maps_to_a_point() -> None:
    text = normalise("one two")
    assert text.to_original(3, 3) == (3, 3)


# fmt: off
_PIECES = st.sampled_from(
    ["a", "Gaza", "tinians", "1,200", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "-", "-\n", "*", "**", "_", "__",
     ".", ",", ":", "|", "\u200b", "\u00ad", "\u00a0", "\ufeff", "\u2028", "\x0c", "é", "Ü", "ß", "- ", "1. "]
)
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_normalise_never_raises_and_keeps_the_map(original: str) -> None:
    assert_offsets(normalise(original))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_normalise_any_text(original: str) -> None:
    text = normalise(original)
    assert_offsets(text)
    assert "  " not in text.normalised
    assert text.normalised == text.normalised.strip()


def test_isprintable_refuses_what_makes_a_line_irregular() -> None:
    """normalise clears a line with str.isprintable() before its regex searches: that holds only
    while every white space but the plain space, and every dropped character, is unprintable."""
    everything = map(chr, range(sys.maxunicode + 1))
    assert [char for char in everything if char.isspace() and char != " " and char.isprintable()] == []
    assert [char for char in _DROP if char.isprintable()] == []
