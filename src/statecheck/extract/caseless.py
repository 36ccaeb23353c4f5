"""Case-insensitive patterns read faster in ASCII text (:class:`Caseless`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_FOLDS_WITH_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The characters that match an ASCII letter case-insensitively without being ASCII: İ ı ſ K."""
# a character by its number, a back-reference, inline flags (a named group is fine)
_NOT_CASE_SAFE = re.compile(r"\\[0-9NuUx]|\(\?(?!P<)[a-zA-Z-]")


@lru_cache(maxsize=8)
def _ascii_lowered(text: str) -> str | None:
    """``text`` in lower case, character for character, when it is ASCII; else None."""
    return text.lower() if text.isascii() else None


class Caseless:
    """A case-insensitive pattern whose letters are all lower case, read faster in ASCII text.

    Matching case-insensitively, the regex engine folds the case of each character of the text
    that it compares. ASCII text lower-cased once and matched case-sensitively gives the same
    matches at the same places, about twice as fast: no ASCII letter matches another character
    case-insensitively but İ ı ſ K, which the pattern must not name. A match read so holds the
    lower-cased text: take its spans, not its characters."""

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source, re.IGNORECASE)
        letters = re.sub(r"\\.", "", source)  # escapes such as \S or \W are no letters
        lower_case = letters == letters.lower() and not _FOLDS_WITH_ASCII.intersection(source)
        self._case_sensitive = re.compile(source) if lower_case and not _NOT_CASE_SAFE.search(source) else None

    def reading(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to match, and the text to match it in (``text`` itself, or lower-cased)."""
        if self._case_sensitive is not None:
            lowered = _ascii_lowered(text)
            if lowered is not None:
                return self._case_sensitive, lowered
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern, target = self.reading(text)
        return pattern.search(target, pos, len(target) if endpos is None else endpos)

    def match(self, text: str) -> re.Match[str] | None:
        pattern, target = self.reading(text)
        return pattern.match(target)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, target = self.reading(text)
        return pattern.finditer(target)
