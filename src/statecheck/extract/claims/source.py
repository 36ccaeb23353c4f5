"""Who a figure is attributed to: "according to the Ministry of Health", "UNRWA said"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from statecheck.extract.claims.words import Words, alternation, words_for

_TRAILING_PUNCTUATION = re.compile(r"[\s,.;:]+$")


@lru_cache(maxsize=8)
def _name_pattern(language: str) -> str:
    """A source's name: capitalised words joined by particles ("Ministry of Health in Gaza"), or a
    lower-case phrase ending in a naming noun ("a UN health agency")."""
    words = words_for(language)
    particle = words.name_particles or "of"
    head = words.name_heads or r"(?!x)x"
    nouns = _name_nouns(language)
    # the naming noun itself ends the name: "the Israeli military", "a UN health agency"
    word = rf"(?:[A-ZÀ-ÖØ-Þ][\w'’.()-]*|(?:{particle})|(?:{nouns})|(?:{head})\b|[a-zß-öø-ÿ]+(?=\s+(?:{head})\b))"
    # an elided article ("l'Unrwa") attaches to the name without a space
    return rf"((?:(?:{words.g('articles')}|a|an)(?:\s+|(?<=['’]))|\b)?{word}(?:\s+{word}){{0,9}})"


@lru_cache(maxsize=8)
def _name_nouns(language: str) -> str:
    """Nouns that begin a source's name in lower case in some languages ("le ministère de la Santé")."""
    return alternation(words_for(language).table.get("sources", {}).get("name_nouns", [])) or r"(?!x)x"


class _SourcePatterns(NamedTuple):
    name_after: re.Pattern[str]
    """A name right after a cue: "according to X"."""
    name_before: re.Pattern[str]
    """A name ending the text before a speech verb: "X said"."""
    institution: re.Pattern[str]
    """A name beginning with an institution noun."""
    particle: re.Pattern[str]
    """A word that joins a name's parts ("of") and so cannot end it."""


@lru_cache(maxsize=8)
def _patterns(language: str) -> _SourcePatterns:
    name_pattern = _name_pattern(language)
    return _SourcePatterns(
        name_after=re.compile(r"\s+" + name_pattern),
        name_before=re.compile(name_pattern + r"$"),
        institution=re.compile(rf"(?:{_name_nouns(language)})\b", re.IGNORECASE),
        particle=re.compile(rf"(?:{words_for(language).name_particles or 'of'})$", re.IGNORECASE),
    )


def read_source(sentence: str, words: Words) -> str | None:
    """The source a figure is attributed to: "according to X", "X said", "citing X"."""
    patterns = _patterns(words.language)
    for match in words.source_before.finditer(sentence):
        if words.speech_after.pattern.fullmatch(sentence[match.start() : match.end()]):
            continue  # "said X" is read below, as "X said"
        name = patterns.name_after.match(sentence, match.end())
        if name:
            candidate = _trim_source(name.group(1), words)
            if candidate:
                return candidate
    for match in words.speech_after.finditer(sentence):
        name = patterns.name_before.search(sentence[: match.start()].rstrip())
        if name:
            candidate = _trim_source(name.group(1), words)
            # a name, or an institution noun that other languages write in lower case ("le ministère de la Santé")
            if candidate and (candidate[0].isupper() or patterns.institution.match(candidate)):
                return candidate
    return None


def _trim_source(text: str, words: Words) -> str | None:
    text = _TRAILING_PUNCTUATION.sub("", text)
    # an article alone is no name ("An estimated 50,000 ...": "estimated" is not said by "An")
    text = words.regex(r"^(?:{articles}|a|an)(?:\s+|(?<=['’])|$)").sub("", text)
    tokens = text.split()
    particle = _patterns(words.language).particle
    while tokens and particle.match(tokens[-1]):
        tokens.pop()
    if not tokens or len(" ".join(tokens)) < 2:
        return None
    if all(t.islower() for t in tokens) and not _named_by_noun(tokens, words):
        return None
    if tokens[0].lower() in words.pronouns:
        return None
    return " ".join(tokens)


def _named_by_noun(tokens: list[str], words: Words) -> bool:
    """A name in lower case is still one when an institution noun begins it ("las autoridades
    sanitarias") or a naming noun ends it ("local health authorities")."""
    if _patterns(words.language).institution.match(tokens[0]):
        return True
    heads = words.name_heads
    return bool(heads) and len(tokens) >= 2 and re.fullmatch(rf"(?:{heads})", tokens[-1], re.IGNORECASE) is not None


def continues_report(sentence: str, words: Words) -> bool:
    return bool(words.regex(r"\b(?:{report_continuation})\b").search(sentence))
