"""Load the per-language word lists that the extractors use (``lexicon/<lang>/<kind>.toml``).

A contributor adds a synonym or a language by editing a TOML file; no code changes.
Phrases are matched case-insensitively on word boundaries; :func:`phrase_pattern` turns a
list of phrases into one compiled alternation, longest first.
"""

from __future__ import annotations

import re
import tomllib
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
    return prefix + _trie_regex(sorted(cleaned)) + suffix


_END = ""


def _trie_regex(phrases: list[str]) -> str:
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    terminal = _END in node
    branches = [(_char(char) + _emit(child)) for char, child in sorted(node.items()) if char != _END]
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
