"""Split normalised text into sentences, keeping their offsets.

A line break always ends a sentence (normalisation has already joined wrapped lines); so do
table cell separators and bullets. Inside a line, ``.``, ``!`` or ``?`` followed by a space and
an upper-case letter, a digit or a quote ends one, unless the word before the period is an
abbreviation from the language's lexicon or a single initial.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from statecheck.extract import lexicon


class Sentence(NamedTuple):
    """One sentence and its ``[start, end)`` span in the text (a named tuple: one is made for every
    sentence of every document, about twice as fast as a frozen dataclass)."""

    start: int
    end: int
    text: str
    paragraph: int
    """Index of the line (paragraph) the sentence is in."""


# The lookbehind starts a candidate only at the first of a run of stops: the same matches as
# without it, in linear time on a line of a million periods. It comes after the first stop, not
# before it, so that the pattern begins with a character set and the regex engine skips in one
# tight loop to the next stop instead of trying the pattern at every position of the line.
_CANDIDATE = re.compile(r"([.!?…](?<![.!?…]{2})[.!?…]*[\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ¿¡•–—-])")
#: Longest sentence, in characters, handed to the claim extractor, whose work per sentence grows
#: faster than its length. Real sentences are far shorter (the longest in our corpora has 660
#: characters); a longer run without a sentence end (a table flattened into one line, a hostile
#: input) is cut after the last comma or space before the limit.
MAX_SENTENCE_CHARS = 1000
_HARD_BREAK = re.compile(r"\s*(?:\||•|▪|●)\s*|\s+[-–—]\s+(?=[A-Z])|\n")
# A hard break needs a bullet or a dash after a space; most lines have neither, and this test
# (beginning with a character set, so skipped through fast) spares them the scan above.
_MAY_HARD_BREAK = re.compile(r"[|•▪●\-–—](?<![^\s][-–—])")
_NOT_WORD_CHAR = re.compile(r"[^\w.'’]")
_DIGITS_BEFORE = re.compile(r"\d{1,2}$")


@lru_cache(maxsize=8)
def _abbreviations(language: str) -> frozenset[str]:
    words = lexicon.load(language, "claims").get("sentences", {}).get("abbreviations", [])
    if not words and language != "en":
        words = lexicon.load("en", "claims").get("sentences", {}).get("abbreviations", [])
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=8)
def _ordinal_dates(language: str) -> re.Pattern[str]:
    """A day written as an ordinal with a period before a month name: "am 7. Oktober"."""
    months = lexicon.load(language, "claims").get("dates", {}).get("months", {})
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\d.,])[0-3]?\d\.\s+(?:{names})(?!\w)", re.IGNORECASE)


def split_sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order, each with its ``[start, end)`` span."""
    # Claims, demands and mentions each read a document's sentences: split it once.
    return _split_cached(text, language)


@lru_cache(maxsize=4)
def _split_cached(text: str, language: str) -> tuple[Sentence, ...]:
    abbreviations = _abbreviations(language)
    ordinal_dates = _ordinal_dates(language)
    sentences: list[Sentence] = []
    position = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_start = position
        position += len(line) + 1
        if line.strip():
            for start, end in _split_line(line, abbreviations, ordinal_dates):
                piece = line[start:end]
                text = piece.strip()
                if text:
                    stripped_start = line_start + start + (len(piece) - len(piece.lstrip()))
                    sentences.append(
                        Sentence(start=stripped_start, end=stripped_start + len(text), text=text, paragraph=paragraph)
                    )
    return tuple(sentences)


def _split_line(line: str, abbreviations: frozenset[str], ordinal_dates: re.Pattern[str]) -> list[tuple[int, int]]:
    ends = _sentence_ends(line, abbreviations, ordinal_dates)
    if not _MAY_HARD_BREAK.search(line):
        # Sentence ends alone come in order and never overlap (each is a run of stops, then
        # white space): the sentences lie between them, as the sort and merge below would find.
        spans = []
        start = 0
        for stop_end, space_end in ends:
            spans.append((start, stop_end))
            start = space_end
        spans.append((start, len(line)))
        return _cap(spans, line)
    cuts = [0]
    for match in _HARD_BREAK.finditer(line):
        if match.group().strip() in {"-", "–", "—"} and not _is_dash_break(line, match.start()):
            continue
        cuts.append(match.start())
        cuts.append(match.end())
    for stop_end, space_end in ends:
        cuts.append(stop_end)
        cuts.append(space_end)
    cuts.append(len(line))
    cuts.sort()
    spans = []
    for i in range(0, len(cuts) - 1, 2):
        if cuts[i + 1] > cuts[i]:
            spans.append((cuts[i], cuts[i + 1]))
    # Overlapping cut pairs from the two passes can interleave; fall back to simple boundaries.
    return _cap(_merge(spans, len(line)), line)


def _sentence_ends(line: str, abbreviations: frozenset[str], ordinal_dates: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each sentence of ``line`` ends (after its stops) and the next one starts (after the white space)."""
    ends = []
    for match in _CANDIDATE.finditer(line):
        stops = match.group(1)
        if stops.startswith(".") and _is_abbreviation(line, match.start(), abbreviations):
            continue
        if stops == "." and _is_ordinal_date(line, match.start(), ordinal_dates):
            continue
        ends.append((match.end(1), match.end()))
    return ends


def _cap(spans: list[tuple[int, int]], line: str) -> list[tuple[int, int]]:
    """Cut every span longer than :data:`MAX_SENTENCE_CHARS` into pieces no longer than that."""
    capped: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            low, high = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
            cut = max(line.rfind(", ", low, high), line.rfind("; ", low, high)) + 1
            if cut <= 0:
                cut = line.rfind(" ", low, high)
            if cut <= start:
                cut = high
            capped.append((start, cut))
            start = cut
        capped.append((start, end))
    return capped


def _merge(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    last = 0
    for start, end in spans:
        start = max(start, last)
        if end > start:
            merged.append((start, end))
            last = end
    return merged or [(0, length)]


def _is_dash_break(line: str, index: int) -> bool:
    """A spaced dash starts a new sentence only after a heading-like run (no verb needed to tell)."""
    window = max(0, index - 16)  # the few characters before, not a copy of the whole line
    before = line[window:index].rstrip()
    if window and len(before) < 3:
        before = line[:index].rstrip()
    return before.endswith(("!", "?", ".")) or len(before) < 3


def _is_ordinal_date(line: str, period_index: int, ordinal_dates: re.Pattern[str]) -> bool:
    window = max(0, period_index - 3)
    digits = _DIGITS_BEFORE.search(line, window, period_index)
    return digits is not None and ordinal_dates.match(line, digits.start()) is not None


def _is_abbreviation(line: str, period_index: int, abbreviations: frozenset[str]) -> bool:
    # the word before the period; a window, not the whole line before it (no abbreviation is so long)
    # read backwards from the period, so that one scan finds where the word starts (a search
    # forwards for a word that ends at the period tries each word of the window to its end)
    backwards = line[max(0, period_index - 64) : period_index][::-1]
    outside = _NOT_WORD_CHAR.search(backwards)
    word = backwards[: outside.start() if outside else len(backwards)][::-1]
    if not word:
        return False
    word = word.lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in abbreviations
