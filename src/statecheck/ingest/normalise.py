"""Normalise a document's text while keeping a map back to every source character.

Steps, in order, each a small pass over the characters:

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

from statecheck.model import Text

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


def normalise(original: str) -> Text:
    """Return the normalised :class:`Text` of ``original``."""
    chars, offsets = _clean_characters(original)
    lines = _split_lines(chars, offsets)
    out_chars: list[str] = []
    out_offsets: list[int] = []
    previous: tuple[list[str], list[int]] | None = None
    blank_since_previous = False
    for line_chars, line_offsets in lines:
        line_chars, line_offsets = _collapse_spaces(line_chars, line_offsets)
        if not line_chars:
            blank_since_previous = True
            continue
        if previous is not None:
            prev_text = "".join(previous[0])
            this_text = "".join(line_chars)
            if not blank_since_previous and _ends_with_broken_word(prev_text, this_text):
                # drop the hyphen and join without a space
                out_chars.pop()
                out_offsets.pop()
            elif not blank_since_previous and _ends_with_kept_hyphen(prev_text, this_text):
                pass  # join without a space, keeping the hyphen
            elif (not blank_since_previous and _is_wrapped(prev_text, this_text)) or (
                blank_since_previous and _continues_sentence(prev_text, this_text)
            ):
                out_chars.append(" ")
                out_offsets.append(previous[1][-1] + 1)
            else:
                out_chars.append("\n")
                out_offsets.append(previous[1][-1] + 1)
        out_chars.extend(line_chars)
        out_offsets.extend(line_offsets)
        previous = (line_chars, line_offsets)
        blank_since_previous = False
    out_offsets.append(len(original))
    return Text(original=original, normalised="".join(out_chars), offsets=tuple(out_offsets))


def _clean_characters(original: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    emphasis = {m.start() for m in _EMPHASIS.finditer(original)}
    skip_until = -1
    for index, char in enumerate(original):
        if index < skip_until:
            continue
        if index in emphasis:
            skip_until = index + 2
            continue
        if char in _DROP:
            continue
        if char == "\r":
            if index + 1 < len(original) and original[index + 1] == "\n":
                continue
            char = "\n"
        elif char != " " and char.isspace() and char not in _LINE_BREAKS:
            # tabs, form feeds (PDF page breaks), no-break and thin spaces, and the rest
            char = " "
        chars.append(char)
        offsets.append(index)
    return chars, offsets


def _split_lines(chars: list[str], offsets: list[int]) -> list[tuple[list[str], list[int]]]:
    lines: list[tuple[list[str], list[int]]] = []
    current_chars: list[str] = []
    current_offsets: list[int] = []
    for char, offset in zip(chars, offsets):
        if char in _LINE_BREAKS:
            lines.append((current_chars, current_offsets))
            current_chars, current_offsets = [], []
        else:
            current_chars.append(char)
            current_offsets.append(offset)
    lines.append((current_chars, current_offsets))
    return lines


def _collapse_spaces(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    out_chars: list[str] = []
    out_offsets: list[int] = []
    for char, offset in zip(chars, offsets):
        if char == " " and (not out_chars or out_chars[-1] == " "):
            continue
        out_chars.append(char)
        out_offsets.append(offset)
    while out_chars and out_chars[-1] == " ":
        out_chars.pop()
        out_offsets.pop()
    return out_chars, out_offsets


def _ends_with_broken_word(previous: str, line: str) -> bool:
    """``Pales-`` / ``tinians``: a word split at a line end, its second part in lower case."""
    if not line[0].islower() or not _BROKEN_WORD.search(previous):
        return False
    tail = _FIRST_WORD.match(line)
    return tail is None or tail.group() not in _COMPOUND_TAILS


def _ends_with_kept_hyphen(previous: str, line: str) -> bool:
    """``Anti-`` / ``Semitism``, ``COVID-`` / ``19``, ``Hamas-`` / ``run``: the hyphen belongs to the word."""
    return line[0].isalnum() and bool(_HYPHENATED.search(previous))


def _is_wrapped(previous: str, line: str) -> bool:
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
    return len(previous) >= _WRAP_WIDTH and not previous.isupper()


def _continues_sentence(previous: str, line: str) -> bool:
    """A blank line inside a sentence (a page break, a pasted paragraph): the next line starts in lower case."""
    return not previous.endswith(_SENTENCE_END) and line[0].islower() and len(previous) >= _WRAP_WIDTH
