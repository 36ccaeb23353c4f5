"""Load the per-language word lists that the extractors use (``lexicon/<lang>/<kind>.toml``).

A contributor adds a synonym or a language by editing a TOML file; no code changes.
Phrases are matched case-insensitively on word boundaries; :func:`phrase_pattern` turns a
list of phrases into one compiled alternation, longest first.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from statecheck.errors import UsageError

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "pt", "de")


@lru_cache(maxsize=64)
def load(language: str, kind: str) -> dict[str, Any]:
    """The parsed ``lexicon/<language>/<kind>.toml`` (an empty table when the file does not exist)."""
    if language not in LANGUAGES:
        raise UsageError(f"unsupported language {language!r} (supported: {', '.join(LANGUAGES)})")
    resource = resources.files("statecheck.extract").joinpath("lexicon", language, f"{kind}.toml")
    if not resource.is_file():
        return {}
    with resource.open("rb") as handle:
        return tomllib.load(handle)


def phrase_pattern(phrases: list[str] | tuple[str, ...], *, suffix: str = r"(?!\w)", prefix: str = r"(?<!\w)") -> str:
    """A regex matching any of ``phrases`` (the longest where several match); spaces in a phrase
    match any run of white space. Matching is meant to be case-insensitive.

    The phrases are laid out as a trie ("kill(?:ed|ing)?" rather than "killed|killing|kill"):
    Python's regex engine tries alternatives one by one at every position, and a trie lets it
    give up after the first character for most positions, which keeps long lists fast.
    """
    cleaned = {" ".join(p.lower().split()) for p in phrases if p.strip()}
    if not cleaned:
        return r"(?!x)x"
    return prefix + _trie_regex(sorted(cleaned), _char) + suffix


def word_alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex matching exactly any of ``words`` (a space matches one space), the longest where
    several match; one that never matches when there are none. ``ignore_case``: the regex is
    compiled case-insensitively, so words that differ only in case are one word.

    The same matches, tried in the same order, as the alternation of the words longest first,
    but laid out as a trie, like :func:`phrase_pattern`, for speed."""
    if ignore_case:
        # as the regex engine folds case: character by character
        words = ["".join(c.lower() if len(c.lower()) == 1 else c for c in word) for word in words]
    return _trie_regex(sorted(set(words)), re.escape) or r"(?!x)x"


_END = ""


def _trie_regex(phrases: list[str], escape: Callable[[str], str]) -> str:
    """``phrases`` as a trie; ``escape`` turns one character into its regex."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for character in phrase:
            node = node.setdefault(character, {})
        node[_END] = {}
    return _emit(trie, escape)


def _emit(node: dict[str, Any], escape: Callable[[str], str]) -> str:
    terminal = _END in node
    branches = [
        (escape(character) + _emit(child, escape)) for character, child in sorted(node.items()) if character != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        # optional, and greedy: the longer phrase is tried first, the shorter one on backtracking
        return "(?:" + body + ")?"
    return body


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


@lru_cache(maxsize=256)
def compiled(language: str, kind: str, *path: str) -> re.Pattern[str]:
    """The compiled phrase pattern of the list at ``path`` in ``lexicon/<language>/<kind>.toml``."""
    node: Any = load(language, kind)
    for key in path:
        node = node.get(key, []) if isinstance(node, dict) else []
    return re.compile(phrase_pattern(list(node)), re.IGNORECASE)
