"""Normalise a document's text while keeping a map back to every source character.

Steps, in order:

* line endings become ``\\n``; zero-width and soft-hyphen characters are dropped;
* markdown emphasis markers (``**``, ``__``) are dropped;
* a word broken by a hyphen at the end of a line is joined (``Pales-\\ntinians``); a hyphen
  before a capital, a digit or a common compound tail is kept (``Anti-\\nSemitism``,
  ``COVID-\\n19``, ``Hamas-\\nrun``);
* a hard-wrapped line is joined to the next with a space; lines that stand alone
  (headings, signature blocks, list items) keep their ``\\n``; blank lines become one ``\\n``;
* runs of spaces and tabs collapse to one space, and lines are stripped.

Every character of the result maps to the source character it came from (``Text.offsets``);
the spaces and line breaks put in where lines are joined map to the line's end.
"""

from __future__ import annotations

import re

from statecheck.model import OffsetMap, Text

# Invisible characters: zero-width spaces and joiners, byte-order marks, soft hyphens,
# and the bidirectional marks and isolates that web pages put around Arabic and Hebrew names.
_DROP = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u180e"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2061\u2062\u2063\u2064"
)
_LINE_BREAKS = "\n\u2028\u2029"
_EMPHASIS = re.compile(r"\*\*|__")
# A line this long that does not end a sentence was most likely wrapped by the writer's editor.
_WRAP_WIDTH = 50
_SENTENCE_END = tuple(".!?:;\"'”’»)]|")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·▪●]|\d+[.)]|[a-z][.)])\s")
# A line shorter than this that ends in a comma or a dash is a salutation or a signature
# line ("Sincerely,"), not a wrapped sentence, unless the next line starts in lower case.
_SHORT_LINE = 30
_BROKEN_WORD = re.compile(r"[^\W\d_]{2,}-$")
_HYPHENATED = re.compile(r"\w-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# Second halves of hyphenated compounds common in our texts ("Hamas-run", "US-led",
# "Israeli-backed", "long-term"): after a line-end hyphen they keep it.
# fmt: off
_COMPOUND_TAILS = frozenset({
    "led", "run", "backed", "based", "owned", "made", "controlled", "related", "affiliated", "born",
    "held", "occupied", "funded", "sponsored", "linked", "aligned", "allied", "imposed", "induced",
    "wide", "free", "like", "style", "old", "term", "scale", "level", "long", "year", "month", "week",
    "day", "hour",
})
# fmt: on


_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Runs of visible characters; white space (tabs, no-break and thin spaces, form feeds) separates them.
_TOKEN = re.compile(r"\S+")
_NEEDS_CLEANING = re.compile("[" + "".join(sorted(_DROP)) + r"]|\*\*|__")
# White space other than single spaces between words: such a line is read word by word.
_IRREGULAR_SPACE = re.compile(r"[^\S ]| {2,}")

# A piece of the output that is contiguous in the source: its text and where it starts there.
Segment = tuple[str, int]


def normalise(original: str) -> Text:
    """Return the normalised :class:`Text` of ``original``.

    Works a line and a word at a time (the offsets of a word are one run), so long texts are
    read at regex speed rather than a Python loop per character.
    """
    segments: list[Segment] = []
    lines = _lines(original)
    width = _wrap_width([len(line) for _, line, stripped in lines if stripped])
    previous_text: str | None = None
    previous_end = 0  # source index just after the previous kept line
    blank_since_previous = False
    for line_start, line, stripped in lines:
        if not stripped:
            blank_since_previous = True
            continue
        if _is_irregular(stripped):
            line_segments = _word_segments(original, line_start, line_start + len(line))
            if not line_segments:
                blank_since_previous = True
                continue
            line_text = "".join(text for text, _ in line_segments)
        else:
            line_segments = [(stripped, line_start + len(line) - len(line.lstrip()))]
            line_text = stripped
        if previous_text is None:
            pass
        elif blank_since_previous:
            joins = _continues_sentence(previous_text, line_text)
            segments.append((" " if joins else "\n", previous_end))
        elif _ends_with_broken_word(previous_text, line_text):
            _drop_last_character(segments)  # "Pales-" + "tinians": the hyphen goes
        elif _ends_with_kept_hyphen(previous_text, line_text):
            pass  # "COVID-" + "19": joined, hyphen kept
        else:
            segments.append((" " if _is_wrapped(previous_text, line_text, width) else "\n", previous_end))
        segments.extend(line_segments)
        last_text, last_start = line_segments[-1]
        previous_end = last_start + len(last_text)
        previous_text = line_text
        blank_since_previous = False
    return _assemble(original, segments)


def _lines(original: str) -> list[tuple[int, str, str]]:
    """Each line's start in ``original``, its text and its text stripped of white space."""
    if "\r" in original or "\u2028" in original or "\u2029" in original:
        texts: list[str] = []
        starts = [0]
        for match in _LINE_BREAK.finditer(original):
            texts.append(original[starts[-1] : match.start()])
            starts.append(match.end())
        texts.append(original[starts[-1] :])
    else:  # only "\n" breaks lines, and str.split finds them in C
        texts = original.split("\n")
        starts = [0] * len(texts)
        for index in range(1, len(texts)):
            starts[index] = starts[index - 1] + len(texts[index - 1]) + 1
    return [(start, text, text.strip()) for start, text in zip(starts, texts)]


def _wrap_width(lengths: list[int]) -> int | None:
    """The width a hard-wrapped text was wrapped at, None when its lines are not wrapped, 0 when
    there are too few lines to tell; ``lengths`` are those of the lines that are not blank.

    Wrapped text has most of its lines within a few characters of one width; a page of
    unwrapped paragraphs has lines of every length, and there a line ending without
    punctuation before a capital is a heading, not a wrap.
    """
    lengths = sorted(lengths)
    if len(lengths) < 4:
        return 0  # too few lines to tell: judge each line by its own length
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    near = sum(1 for n in lengths if 0.75 * width <= n <= 1.1 * width)
    return width if width >= _WRAP_WIDTH and near >= 0.4 * len(lengths) else None


def _is_irregular(stripped_line: str) -> bool:
    """Whether a stripped line must be read word by word: its words are not one plain space
    apart, or it holds characters to drop."""
    if (
        stripped_line.isprintable()
        and "  " not in stripped_line
        and "**" not in stripped_line
        and "__" not in stripped_line
    ):
        # Every white space but the plain space, and every character in _DROP, is a separator
        # or a control or format character, which isprintable() refuses: a C-speed test that
        # clears most lines, where the regex searches below try an alternation at every position.
        return False
    return bool(_IRREGULAR_SPACE.search(stripped_line) or _NEEDS_CLEANING.search(stripped_line))


def _word_segments(original: str, start: int, end: int) -> list[Segment]:
    """The words of one line, each a segment (cleaned of what is dropped), one space between them."""
    segments: list[Segment] = []
    for match in _TOKEN.finditer(original, start, end):
        word = match.group()
        pieces = _clean_word(word, match.start()) if _NEEDS_CLEANING.search(word) else [(word, match.start())]
        if not pieces:
            continue
        if segments:
            last_text, last_start = segments[-1]
            segments.append((" ", last_start + len(last_text)))
        segments.extend(pieces)
    return segments


def _clean_word(word: str, start: int) -> list[Segment]:
    """A word without its invisible characters and emphasis markers, as contiguous pieces."""
    pieces: list[Segment] = []
    index = 0
    piece_start = 0
    while index < len(word):
        if word.startswith(("**", "__"), index):
            skip = 2
        elif word[index] in _DROP:
            skip = 1
        else:
            index += 1
            continue
        if index > piece_start:
            pieces.append((word[piece_start:index], start + piece_start))
        index += skip
        piece_start = index
    if piece_start < len(word):
        pieces.append((word[piece_start:], start + piece_start))
    return pieces


def _drop_last_character(segments: list[Segment]) -> None:
    text, start = segments[-1]
    if len(text) > 1:
        segments[-1] = (text[:-1], start)
    else:
        segments.pop()


def _assemble(original: str, segments: list[Segment]) -> Text:
    runs: list[tuple[int, int]] = []
    position = 0
    for text, start in segments:
        runs.append((position, start - position))
        position += len(text)
    runs.append((position, len(original) - position))
    normalised = "".join([text for text, _ in segments])
    return Text(original=original, normalised=normalised, offsets=OffsetMap(runs, position + 1))


def _ends_with_broken_word(previous: str, line: str) -> bool:
    """``Pales-`` / ``tinians``: a word split at a line end, its second part in lower case."""
    # endswith first: a search for a pattern anchored at the end still starts at every position
    if not previous.endswith("-") or not line[0].islower() or not _BROKEN_WORD.search(previous):
        return False
    tail = _FIRST_WORD.match(line)
    return tail is None or tail.group() not in _COMPOUND_TAILS


def _ends_with_kept_hyphen(previous: str, line: str) -> bool:
    """``Anti-`` / ``Semitism``, ``COVID-`` / ``19``, ``Hamas-`` / ``run``: the hyphen belongs to the word."""
    return previous.endswith("-") and line[0].isalnum() and bool(_HYPHENATED.search(previous))


def _is_wrapped(previous: str, line: str, width: int | None = None) -> bool:
    """Whether ``line`` continues the sentence of ``previous`` (no blank line between them)."""
    if _LIST_ITEM.match(line):
        return False
    if previous.endswith(_SENTENCE_END):
        return False
    first = line[0]
    if first.islower() or first.isdigit() or first in "(%,":
        return True
    if previous.endswith((",", "-", "–", "—")):
        return len(previous) >= _SHORT_LINE
    if width is None:
        return False  # unwrapped paragraphs: a line ending without punctuation is a heading
    return len(previous) >= max(_WRAP_WIDTH, 0.7 * (width or 0)) and not previous.isupper()


def _continues_sentence(previous: str, line: str) -> bool:
    """A blank line inside a sentence (a page break, a pasted paragraph): the next line starts in lower case."""
    return not previous.endswith(_SENTENCE_END) and line[0].islower() and len(previous) >= _WRAP_WIDTH
