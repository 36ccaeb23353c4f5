"""The claim extractor's shortcuts find what the plain searches they replace find.

:class:`~statecheck.extract.caseless.Caseless` (ASCII text lower-cased, matched case-sensitively),
:class:`~statecheck.extract.claims.words.PhraseLists` (one scan with the union of the lists) and
:func:`~statecheck.extract.claims.what.clause_before` (the clause breaks of a sentence found once).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless
from statecheck.extract.claims.what import _clause_left, clause_before
from statecheck.extract.claims.words import PhraseLists

# The letters that fold into ASCII ones (İ ı ſ K) and some that do not (É é ß), beside ASCII
TEXT = st.text("aAiIkKsS ,.-'éÉß\u0130\u0131\u017f\u212a\n", max_size=16)
PHRASES = st.lists(st.text("aiksé -'", min_size=1, max_size=4).filter(str.strip), min_size=1, max_size=5)


@settings(max_examples=400, deadline=None)
@given(phrases=PHRASES, text=TEXT, suffix=st.sampled_from([r"(?!\w)", ""]))
def test_caseless_finds_the_case_insensitive_matches(phrases: list[str], text: str, suffix: str) -> None:
    source = lexicon.phrase_pattern(phrases, suffix=suffix)
    caseless = Caseless(source)
    plain = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in caseless.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert getattr(caseless.search(text), "span", lambda: None)() == getattr(plain.search(text), "span", lambda: None)()


def test_caseless_reads_a_pattern_with_upper_case_or_folding_letters_as_it_is() -> None:
    # [A-Z] is any letter when case is ignored, and "ı" matches "I": no lower-cased reading for these
    for source in (r"[A-Z]\w+", "\u0131n", r"(?-i:x)y"):
        assert [m.span() for m in Caseless(source).finditer("ab In xY")] == [
            m.span() for m in re.finditer(source, "ab In xY", re.IGNORECASE)
        ]


NAMED = st.dictionaries(st.sampled_from(["one", "two", "three"]), PHRASES, min_size=1)


def _lists(named: dict[str, list[str]]) -> PhraseLists:
    return PhraseLists(
        patterns={name: re.compile(lexicon.phrase_pattern(phrases), re.IGNORECASE) for name, phrases in named.items()},
        any_of=Caseless(lexicon.phrase_pattern([p for phrases in named.values() for p in phrases])),
    )


@settings(max_examples=400, deadline=None)
@given(named=NAMED, text=TEXT)
def test_phrase_lists_find_each_lists_first_and_last_match(named: dict[str, list[str]], text: str) -> None:
    lists = _lists(named)
    first = {name: m.span() for name, pattern in lists.patterns.items() if (m := pattern.search(text))}
    last = {name: ms[-1].span() for name, pattern in lists.patterns.items() if (ms := list(pattern.finditer(text)))}
    assert lists.first_spans(text) == first
    assert lists.last_spans(text) == last
    at_start = [(name, m.end()) for name, pattern in lists.patterns.items() if (m := pattern.match(text))]
    assert list(lists.at_start(text)) == at_start


CLAUSE_TEXT = st.lists(
    st.sampled_from(["a", "b", " ", ";", ":", "|", "•", "(", ")", "—", "–", ".", ",", ", and ", " — ", ". ", "wh", ", whereas "]),
    max_size=14,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(sentence=CLAUSE_TEXT, data=st.data())
def test_clause_before_is_the_clause_of_the_cut_text(sentence: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(sentence)))
    start = data.draw(st.integers(0, end))
    assert clause_before(sentence, end, start) == _clause_left(sentence[start:end])
