"""Per-document caches: answers are shared within a document and forgotten after it."""

from __future__ import annotations

from statecheck import memo
from statecheck.pipeline import check_text


def test_an_answer_is_computed_once_per_document() -> None:
    calls: list[str] = []

    @memo.per_document()
    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    assert shout("ceasefire") == shout("ceasefire") == "CEASEFIRE"
    assert calls == ["ceasefire"]
    memo.forget_document()
    assert shout("ceasefire") == "CEASEFIRE"
    assert calls == ["ceasefire", "ceasefire"]


def test_checking_a_document_leaves_no_answers_behind() -> None:
    # The caches are filled while the document is read (names folded, ranges of values) and must
    # be empty after it, or a long run's memory grows with the number of documents read.
    text = (
        "The Palestinian Red Crescent Society (PRCS) said more than 40,000 people had been killed "
        "in Gaza as of 15 August 2024, according to the Ministry of Health."
    )
    document = check_text(text)
    assert document.claims
    assert all(cached.cache_info().currsize == 0 for cached in memo._PER_DOCUMENT)
