"""The words of ``lexicon/<language>/claims.toml``, compiled once per language into :class:`Words`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from statecheck.extract import lexicon

WAR_START_ISO = "2023-10-07"

# How far around a number its counted thing and qualifiers are looked for, in characters.
_RIGHT_REACH = 90
_LEFT_REACH = 100
_BOUND_REACH = 200  # characters before a number searched for its bound word ("more than")
_HEAD_WORDS = 8  # a group noun counts as the number's head only this many words after it
_BOUND_NAMES = ("over", "at_least", "about", "nearly", "under", "up_to")  # tried in this order
_BOUND_SUFFIX = r"\s*[\"“”'‘’]?\s*$"  # a bound word ends right before its number


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    language: str
    bounds: tuple[tuple[str, re.Pattern[str]], ...]
    any_bound: re.Pattern[str]
    """Any phrase of ``bounds``: one search tells whether a number has a bound word at all."""
    after_over: re.Pattern[str]
    period_markers: re.Pattern[str]
    time_units: re.Pattern[str]
    labels: re.Pattern[str]
    age_before: re.Pattern[str]
    age_after: re.Pattern[str]
    after_words: re.Pattern[str]
    forecast: re.Pattern[str]
    forecast_after: re.Pattern[str]
    events: dict[str, re.Pattern[str]]
    groups: dict[str, re.Pattern[str]]
    any_event: re.Pattern[str]
    """Any phrase of ``events``: one search tells whether (and where first) any of them is named."""
    any_group: re.Pattern[str]
    metrics: dict[str, str]
    units: dict[str, re.Pattern[str]]
    places: dict[str, re.Pattern[str]]
    any_place: re.Pattern[str]
    region: dict[str, str]
    """The region a smaller place is part of (``khan_younis`` → ``gaza``)."""
    place_names: dict[str, str]
    """Every place phrase (lower case, single spaces) and the place it names."""
    maybe_number: re.Pattern[str]
    """Digits or a number word: a sentence without one holds no claim."""
    combine: tuple[tuple[frozenset[str], str], ...]
    route_words: re.Pattern[str]
    route_after: re.Pattern[str]
    default_places: dict[str, str]
    """A metric's place when the clause names none (``hostages_released`` → ``gaza``)."""
    incident_noun: re.Pattern[str]
    nationality: dict[str, str]
    worldwide: re.Pattern[str]
    actors: frozenset[str]
    actor_adjectives: frozenset[str]
    locative_before: re.Pattern[str]
    reference_before: re.Pattern[str]
    frame: re.Pattern[str]
    scope: dict[str, re.Pattern[str]]
    including: re.Pattern[str]
    narrative: re.Pattern[str]
    source_before: re.Pattern[str]
    speech_after: re.Pattern[str]
    event_references: re.Pattern[str]
    event_reference_noun: re.Pattern[str]
    grammar: dict[str, str] = field(default_factory=dict)
    """Closed-class words by role, each as a regex alternation (``lexicon [grammar]``)."""
    name_particles: str = ""
    name_heads: str = ""
    pronouns: frozenset[str] = frozenset()
    table: dict[str, Any] = field(repr=False, default_factory=dict)
    _regexes: dict[tuple[str, int], re.Pattern[str]] = field(repr=False, compare=False, default_factory=dict)

    def g(self, role: str) -> str:
        """The alternation of a grammar role, for use inside a larger regex."""
        return self.grammar.get(role) or r"(?!x)x"

    def regex(self, template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        """``template`` compiled with each ``{role}`` replaced by :meth:`g` of that grammar role
        (``{{`` and ``}}`` stand for regex braces, as in an f-string).

        Compiled once per language and kept here: the same few dozen patterns are used for every
        number of every document, and building and looking them up in ``re``'s cache each time
        cost as much as the matching."""
        key = (template, flags)
        pattern = self._regexes.get(key)
        if pattern is None:
            pattern = self._regexes[key] = re.compile(template.format_map(_GrammarRoles(self)), flags)
        return pattern


class _GrammarRoles:
    """The grammar roles of one language as a mapping, for :meth:`str.format_map`."""

    def __init__(self, words: Words) -> None:
        self.words = words

    def __getitem__(self, role: str) -> str:
        return self.words.g(role)


def phrase_starts(any_of: re.Pattern[str], text: str) -> list[int]:
    """Every position in ``text`` where ``any_of`` (the union of some phrase patterns) matches.

    A phrase pattern matches only where the union of its list with others does, so trying each
    pattern at these few positions finds what searching the whole text with each would find, in
    one scan of the text instead of one per pattern."""
    starts = []
    match = any_of.search(text)
    while match is not None:
        starts.append(match.start())
        match = any_of.search(text, match.start() + 1)
    return starts


def first_match(pattern: re.Pattern[str], text: str, starts: list[int]) -> re.Match[str] | None:
    """``pattern.search(text)``, given the :func:`phrase_starts` of a union that includes it."""
    for start in starts:
        match = pattern.match(text, start)
        if match:
            return match
    return None


def last_match(pattern: re.Pattern[str], text: str, starts: list[int]) -> re.Match[str] | None:
    """The last match of ``pattern.finditer(text)``, given the :func:`phrase_starts` of a union
    that includes it (phrase patterns never match empty text, so each match ends past its start)."""
    last = None
    position = 0
    for start in starts:
        if start < position:
            continue  # inside the previous match: finditer goes on after it
        match = pattern.match(text, start)
        if match:
            last, position = match, match.end()
    return last


def _place_names(place_lists: dict[str, list[str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for name, phrases in place_lists.items():
        for phrase in phrases:
            names.setdefault(" ".join(phrase.lower().split()), name)
    return names


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _pattern(phrases: list[str], **kwargs: str) -> re.Pattern[str]:
    return re.compile(lexicon.phrase_pattern(phrases, **kwargs), re.IGNORECASE)


@lru_cache(maxsize=8)
def words_for(language: str) -> Words:
    table = lexicon.load(language, "claims")
    english = lexicon.load("en", "claims")

    def section(name: str) -> dict[str, Any]:
        # key by key: a language's file names its own words; a key it lacks (often a
        # language-neutral one, such as a place's region) comes from English
        merged = dict(english.get(name, {}))
        merged.update(table.get(name, {}))
        return merged

    bounds = section("bounds")
    numbers_table = section("numbers")
    not_claims = section("not_claims")
    places = section("places")
    scope = section("scope")
    structure = section("structure")
    tense = section("tense")
    sources = section("sources")
    dates = section("dates")
    place_lists = {
        k: v for k, v in places.items()
        if isinstance(v, list) and all(isinstance(x, str) for x in v)
        and k not in ("route_words", "route_after", "worldwide", "actors", "actor_adjectives", "locatives", "references", "frame")
    }
    # "-year-old" and "-day" begin with a hyphen: they attach directly to the number.
    time_units = not_claims.get("time_units", [])
    return Words(
        language=language,
        bounds=tuple(
            (name, _pattern(bounds.get(name, []), prefix=r"(?<![\w])", suffix=_BOUND_SUFFIX))
            for name in _BOUND_NAMES
        ),
        any_bound=_pattern(
            [phrase for name in _BOUND_NAMES for phrase in bounds.get(name, [])],
            prefix=r"(?<![\w])", suffix=_BOUND_SUFFIX,
        ),
        after_over=_pattern(bounds.get("after_over", []), prefix=r"^\s*"),
        period_markers=_pattern(bounds.get("period_markers", []), suffix=r"\s*$"),
        time_units=re.compile(
            r"^(?:\s*|-)(?:" + "|".join(re.escape(u.lstrip("-")) for u in sorted(time_units, key=len, reverse=True)) + r")(?![\w])",
            re.IGNORECASE,
        ),
        labels=_pattern(not_claims.get("labels", []), suffix=r"\s*$"),
        # "aged 24, 28 and 31": every number of the list is an age
        age_before=_pattern(not_claims.get("age_before", []), suffix=r"\s*(?:\d+\s*(?:,|and|or|to|-)\s*)*$"),
        forecast_after=_pattern(not_claims.get("forecasts_after", []), prefix=r"^\s*(?:[\w'’-]+\s+){0,4}?"),
        age_after=re.compile(
            r"^(?:\s*|-)(?:" + "|".join(re.escape(u.lstrip("-")) for u in not_claims.get("age_after", [])) + r")",
            re.IGNORECASE,
        ),
        forecast=_pattern(not_claims.get("forecasts", []), suffix=r"\s+(?:[\w'-]+\s+){0,2}(?:[\"“]\s*)?$"),
        after_words=re.compile(
            r"^(?:" + "|".join(re.escape(u) for u in not_claims.get("after_words", [])) + r")(?![\w])", re.IGNORECASE
        ),
        events={k: _pattern(v) for k, v in section("events").items()},
        groups={k: _pattern(v) for k, v in section("groups").items()},
        any_event=_pattern([phrase for phrases in section("events").values() for phrase in phrases]),
        any_group=_pattern([phrase for phrases in section("groups").values() for phrase in phrases]),
        metrics=dict(section("metrics")),
        units={k: _pattern(v, prefix=r"(?<![\w])" if k not in ("usd", "eur", "gbp") else "") for k, v in section("units").items()},
        places={k: _pattern(v) for k, v in place_lists.items()},
        any_place=_pattern([phrase for phrases in place_lists.values() for phrase in phrases]),
        place_names=_place_names(place_lists),
        region=dict(places.get("region", {})),
        default_places=dict(places.get("metric_default", {})),
        maybe_number=re.compile(
            r"\d|" + lexicon.phrase_pattern(
                list(numbers_table.get("words", [])) + list(numbers_table.get("fractions", {})) + list(numbers_table.get("dozen", [])),
                prefix=r"(?<![\w])", suffix="",
            ),
            re.IGNORECASE,
        ),
        combine=tuple((frozenset(c["parts"]), c["place"]) for c in places.get("combine", [])),
        route_words=_pattern(places.get("route_words", []), suffix=r"\s+(?:the\s+)?$"),
        route_after=_pattern(places.get("route_after", []), prefix=r"^\s+"),
        incident_noun=re.compile(
            r"\b(?:in|during|by)\s+(?:the|a|an|one|this|that)\s+(?:[\w'’-]+\s+){0,3}?"
            + lexicon.phrase_pattern(scope.get("incident_nouns", []), prefix=""),
            re.IGNORECASE,
        ),
        nationality={k.lower(): v for k, v in places.get("nationality", {}).items()},
        worldwide=_pattern(places.get("worldwide", [])),
        actors=frozenset(a.lower() for a in places.get("actors", [])),
        actor_adjectives=frozenset(a.lower() for a in places.get("actor_adjectives", [])),
        locative_before=_pattern(places.get("locatives", []), suffix=r"\s+(?:the\s+)?$"),
        reference_before=_pattern(places.get("references", []), suffix=r"\s+(?:the\s+)?$"),
        frame=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in places.get("frame", [])) + r")\s+(?:the\s+)?", re.IGNORECASE),
        scope={k: _pattern(v) for k, v in scope.items()},
        including=_pattern(structure.get("including", [])),
        narrative=_pattern(tense.get("narrative", [])),
        source_before=_pattern(sources.get("before", [])),
        speech_after=_pattern(sources.get("speech_after", [])),
        event_references=_pattern(dates.get("event_references", [])),
        event_reference_noun=re.compile(
            r"\bthe\s+(?:[\w-]+\s+){0,2}?" + lexicon.phrase_pattern(dates.get("event_reference_nouns", []), prefix=""),
            re.IGNORECASE,
        ),
        grammar={role: _alternation(values) for role, values in section("grammar").items()},
        name_particles=_alternation(sources.get("name_particles", [])),
        name_heads=_alternation(sources.get("name_heads", [])),
        pronouns=frozenset(p.lower() for p in sources.get("pronouns", [])),
        table=table,
    )
