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
    """A regex alternation of ``phrases`` (longest first); spaces in a phrase match any run of spaces."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered]
    if not parts:
        return r"(?!x)x"
    return prefix + "(?:" + "|".join(parts) + ")" + suffix


@lru_cache(maxsize=256)
def compiled(language: str, kind: str, *path: str) -> re.Pattern[str]:
    """The compiled phrase pattern of the list at ``path`` in ``lexicon/<language>/<kind>.toml``."""
    node: Any = load(language, kind)
    for key in path:
        node = node.get(key, []) if isinstance(node, dict) else []
    return re.compile(phrase_pattern(list(node)), re.IGNORECASE)
