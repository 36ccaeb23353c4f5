"""lexicon.word_alternation: a trie that behaves as the plain alternation of its words, longest first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from statecheck.extract import lexicon

WORDS = st.lists(st.text("abAB .-", min_size=1, max_size=4), max_size=6)  # lexicon words are never empty


def longest_first(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or r"(?!x)x"


@settings(max_examples=500, deadline=None)
@given(words=WORDS, text=st.text("abAB .-x", max_size=12), ignore_case=st.booleans(), follow=st.sampled_from(["", "b", r"\s"]))
def test_word_alternation_matches_as_the_alternation_longest_first(
    words: list[str], text: str, ignore_case: bool, follow: str
) -> None:
    # ``follow`` makes the engine backtrack into the alternation: the order of tries must agree too
    flags = re.IGNORECASE if ignore_case else 0
    trie = re.compile(f"(?:{lexicon.word_alternation(words, ignore_case=ignore_case)}){follow}", flags)
    plain = re.compile(f"(?:{longest_first(words)}){follow}", flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
