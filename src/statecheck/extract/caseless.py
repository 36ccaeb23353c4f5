"""Case-insensitive patterns read faster in ASCII text (:class:`Caseless`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_FOLDS_WITH_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The characters that match an ASCII letter case-insensitively without being ASCII: İ ı ſ K."""
_NO_LETTERS = re.compile(r"\\.|\(\?P<\w+>")
# a character by its number, a back-reference, inline flags (a named group is fine)
_NOT_CASE_SAFE = re.compile(r"\\[0-9NuUx]|\(\?(?!P<)[a-zA-Z-]")


def _folded_together() -> re.Pattern[str]:
    """The letters besides ASCII that the regex engine matches case-insensitively with others
    beyond lower-casing them (ı and i, ſ and s, Greek and Cyrillic variants such as ς and σ)."""
    try:
        from re._casefix import _EXTRA_CASES  # the engine's own table (CPython 3.11 and later)
    except ImportError:  # unknown: no text beyond ASCII is lowered
        return re.compile(r"[^\x00-\x7f]")
    letters = {chr(code) for lower, others in _EXTRA_CASES.items() for code in (lower, *others)}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(letters) if not c.isascii()) + "]")


_FOLDED_TOGETHER = _folded_together()


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """``text`` in lower case, character for character, where that is safe (:class:`Caseless`);
    else None."""
    lowered = text.lower()
    if text.isascii():
        return lowered
    if len(lowered) != len(text) or _FOLDED_TOGETHER.search(lowered):
        return None  # "İ" lower-cased is two characters; "ς" and "σ" match each other
    return lowered


def names_capitals(pattern: str) -> bool:
    """Whether the regex ``pattern`` names a capital letter (escapes such as \\S or \\W, and the
    names of groups, "(?P<N>", are no letters to match): :class:`Caseless` then reads it as it is."""
    letters = _NO_LETTERS.sub("", pattern)
    return letters != letters.lower()


class Caseless:
    """A case-insensitive pattern whose letters are all lower case, read faster in lower-cased text.

    Matching case-insensitively, the regex engine folds the case of each character of the text
    that it compares. ASCII text lower-cased once and matched case-sensitively gives the same
    matches at the same places, about twice as fast: no ASCII letter matches another character
    case-insensitively but İ ı ſ K, which the pattern must not name. So does other text where
    lower-casing keeps every character one character (the engine compares that same lower case;
    a character's lower case is a letter, digit or space as it is) and that holds none of the few
    letters the engine also folds together with others (ς and σ, ſ and s, …). A match read so
    holds the lower-cased text: take its spans, not its characters."""

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source, re.IGNORECASE)
        lower_case = not names_capitals(source) and not _FOLDS_WITH_ASCII.intersection(source)
        self._case_sensitive = re.compile(source) if lower_case and not _NOT_CASE_SAFE.search(source) else None

    def reading(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to match, and the text to match it in (``text`` itself, or lower-cased)."""
        if self._case_sensitive is not None:
            lowered = _lowered(text)
            if lowered is not None:
                return self._case_sensitive, lowered
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern, target = self.reading(text)
        return pattern.search(target, pos, len(target) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern, target = self.reading(text)
        return pattern.match(target, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, target = self.reading(text)
        return pattern.finditer(target)

    def last(self, text: str) -> re.Match[str] | None:
        """The last match in ``text`` (matches do not overlap), or None."""
        found = None
        for found in self.finditer(text):
            pass
        return found
