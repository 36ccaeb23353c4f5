"""Sentence splitting: the quick path for lines without bullets or dashes."""

from __future__ import annotations

import re

import pytest

from statecheck.extract import sentences
from statecheck.extract.sentences import _abbreviations, _ordinal_dates, _split_line

LINES = (
    "One sentence only",
    "Gaza is under siege. The U.N. says 2,000 trucks wait. Mr. Smith agrees! Does he? Yes.",
    "“We will not stop.” The march ended at 5 p.m. Then it rained...  Again.",
    "J. R. R. Tolkien wrote it. (Really.) [Sic.] Am 7. Oktober begann es. 7. Oktober.",
    "Stops at the end!!! And more?! …And so on… Fin.",
    "a. b. c. 1. 2. Ends here.",
    "",
    "." * 50 + " A",
)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_a_line_without_hard_breaks_splits_as_the_general_path_splits_it(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    abbreviations, ordinal_dates = _abbreviations(language), _ordinal_dates(language)
    quick = [_split_line(line, abbreviations, ordinal_dates) for line in LINES]
    # Any line may have a hard break: every line takes the general path (sort and merge of cuts).
    monkeypatch.setattr(sentences, "_MAY_HARD_BREAK", re.compile(""))
    general = [_split_line(line, abbreviations, ordinal_dates) for line in LINES]
    assert quick == general
