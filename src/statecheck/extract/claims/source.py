"""Who a figure is attributed to: "according to the Ministry of Health", "UNRWA said"."""

from __future__ import annotations

import re
from functools import lru_cache

from statecheck.extract.claims.words import Words, _alternation, words_for


@lru_cache(maxsize=8)
def _name_pattern(language: str) -> str:
    """A source's name: capitalised words joined by particles ("Ministry of Health in Gaza"), or a
    lower-case phrase ending in a naming noun ("a UN health agency")."""
    words = words_for(language)
    particle = words.name_particles or "of"
    head = words.name_heads or r"(?!x)x"
    nouns = _name_nouns(language)
    word = rf"(?:[A-ZÀ-ÖØ-Þ][\w'’.()-]*|(?:{particle})|(?:{nouns})|[a-zß-öø-ÿ]+(?=\s+(?:{head})\b))"
    # an elided article ("l'Unrwa") attaches to the name without a space
    return rf"((?:(?:{words.g('articles')}|a|an)(?:\s+|(?<=['’]))|\b)?{word}(?:\s+{word}){{0,9}})"


@lru_cache(maxsize=8)
def _name_nouns(language: str) -> str:
    """Nouns that begin a source's name in lower case in some languages ("le ministère de la Santé")."""
    return _alternation(words_for(language).table.get("sources", {}).get("name_nouns", [])) or r"(?!x)x"


def read_source(sentence: str, words: Words) -> str | None:
    """The source a figure is attributed to: "according to X", "X said", "citing X"."""
    name_pattern = _name_pattern(words.language)
    for match in words.source_before.finditer(sentence):
        if words.speech_after.fullmatch(match.group()):
            continue  # "said X" is read below, as "X said"
        name = re.match(r"\s+" + name_pattern, sentence[match.end() :])
        if name:
            candidate = _trim_source(name.group(1), words)
            if candidate:
                return candidate
    for match in words.speech_after.finditer(sentence):
        name = re.search(name_pattern + r"$", sentence[: match.start()].rstrip())
        if name:
            candidate = _trim_source(name.group(1), words)
            # a name, or an institution noun that other languages write in lower case ("le ministère de la Santé")
            if candidate and (candidate[0].isupper() or re.match(rf"(?:{_name_nouns(words.language)})\b", candidate, re.IGNORECASE)):
                return candidate
    return None


def _trim_source(text: str, words: Words) -> str | None:
    text = re.sub(r"[\s,.;:]+$", "", text)
    # an article alone is no name ("An estimated 50,000 ...": "estimated" is not said by "An")
    text = re.sub(rf"^(?:{words.g('articles')}|a|an)(?:\s+|(?<=['’])|$)", "", text, flags=re.IGNORECASE)
    tokens = text.split()
    particles = re.compile(rf"(?:{words.name_particles or 'of'})$", re.IGNORECASE)
    while tokens and particles.match(tokens[-1]):
        tokens.pop()
    if not tokens or all(t.islower() for t in tokens) or len(" ".join(tokens)) < 2:
        return None
    if tokens[0].lower() in words.pronouns:
        return None
    return " ".join(tokens)


def _continues_report(sentence: str, words: Words) -> bool:
    return bool(re.search(rf"\b(?:{words.g('report_continuation')})\b", sentence, re.IGNORECASE))
