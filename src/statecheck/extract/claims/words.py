"""The words of ``lexicon/<language>/claims.toml``, compiled once per language into :class:`Words`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless

WAR_START_ISO = "2023-10-07"

# How far around a number its counted thing and qualifiers are looked for, in characters.
RIGHT_REACH = 90
LEFT_REACH = 100
BOUND_REACH = 200  # characters before a number searched for its bound word ("more than")
HEAD_WORDS = 8  # a group noun counts as the number's head only this many words after it
DIGIT = re.compile(r"\d")
"""A digit: the cheap first test of whether text may hold a number, or where the next one stands."""
CASUALTIES = ("killed", "injured")
"""The events of a toll: the killed and the injured of one event share its words and its place."""
CURRENCIES = ("nzd", "aud", "cad", "brl", "usd", "eur", "gbp", "chf", "ils", "nok", "dkk", "sek")
"""Units written before the figure as well as after it, even attached to it ("$5"); a dollar with
its country's letters ("NZ$", "A$", "R$") before the plain one."""
_BOUND_NAMES = ("over", "at_least", "about", "nearly", "under", "up_to")  # tried in this order
# a bound word ends right before its number, or before the currency sign written before it
# ("more than $674 million")
_BOUND_SUFFIX = r"\s*[\"“”'‘’]?\s*(?:(?:US|U\.S\.)?\s*[$€£₪])?\s*$"
_NUMBER_WORD_PREFIX = r"(?<![\w])"


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    language: str
    bounds: tuple[tuple[str, re.Pattern[str]], ...]
    any_bound: Caseless
    """Any phrase of ``bounds``: one search tells whether a number has a bound word at all."""
    after_over: re.Pattern[str]
    period_markers: Caseless
    period_markers_after: re.Pattern[str]
    span_only_after: re.Pattern[str]
    span_only_before: re.Pattern[str]
    time_units: re.Pattern[str]
    labels: Caseless
    frequency_after: re.Pattern[str]
    """How often, after a number: "three times per week"."""
    street_after: re.Pattern[str]
    """A street's name right after a number: "12, rue des Lilas"."""
    street_named: re.Pattern[str]
    """A street's name ending where a number begins: "Rue de la Loi 155", "Hauptstraße 5"."""
    street: re.Pattern[str]
    """A word for a street, anywhere."""
    phone_label: re.Pattern[str]
    """A telephone label before a number: "tel. +41 22 ..."."""
    age_before: Caseless
    age_after: re.Pattern[str]
    after_words: re.Pattern[str]
    forecast: Caseless
    forecast_after: re.Pattern[str]
    event_lists: PhraseLists
    group_lists: PhraseLists
    metrics: dict[str, str]
    units: dict[str, re.Pattern[str]]
    any_unit: Caseless
    """Matches where a pattern of ``units`` does: one search tells whether a text names any unit."""
    places: dict[str, re.Pattern[str]]
    any_place: Caseless
    region: dict[str, str]
    """The region a smaller place is part of (``khan_younis`` → ``gaza``)."""
    place_names: dict[str, str]
    """Every place phrase (lower case, single spaces) and the place it names."""
    number_word: Caseless
    """The start of a number word (:meth:`may_hold_number`)."""
    number_phrases: tuple[str, ...]
    """The phrases of :attr:`number_word`."""
    combine: tuple[tuple[frozenset[str], str], ...]
    route_words: re.Pattern[str]
    route_after: re.Pattern[str]
    default_places: dict[str, str]
    """A metric's place when the clause names none (``hostages_released`` → ``gaza``)."""
    incident_noun: Caseless
    incident_ahead: Caseless
    """An incident noun within the next few words: "as [an Israeli] strike hits a water queue"."""
    incident_named: Caseless
    """An incident noun anywhere ("strike", "raid"): a sentence that tells of one event."""
    single_incident: Caseless
    """One event named as the subject of a count: "an Israeli strike on a tent ... killed six"."""
    nationality: dict[str, str]
    worldwide: Caseless
    actors: frozenset[str]
    actor_adjectives: frozenset[str]
    locative_before: re.Pattern[str]
    reference_before: re.Pattern[str]
    origin_before: re.Pattern[str]
    frame: re.Pattern[str]
    scope: dict[str, Caseless]
    including: re.Pattern[str]
    narrative: re.Pattern[str]
    source_before: Caseless
    speech_after: Caseless
    event_references: Caseless
    event_reference_noun: Caseless
    since_opening: re.Pattern[str]
    """A sentence opened by "since" and a clause: "Since the foundation began operating on 27 May, …"."""
    began_on: re.Pattern[str]
    """A participle that dates when something began: "the offensive, launched on 21 January"."""
    grammar: dict[str, str] = field(default_factory=dict)
    """Closed-class words by role, each as a regex alternation (``lexicon [grammar]``)."""
    name_particles: str = ""
    name_heads: str = ""
    pronouns: frozenset[str] = frozenset()
    table: dict[str, Any] = field(repr=False, default_factory=dict)
    _regexes: dict[str | tuple[str, int], re.Pattern[str]] = field(repr=False, compare=False, default_factory=dict)

    @property
    def events(self) -> dict[str, re.Pattern[str]]:
        return self.event_lists.patterns

    @property
    def groups(self) -> dict[str, re.Pattern[str]]:
        return self.group_lists.patterns

    def may_hold_number(self, text: str) -> bool:
        """Digits or a number word: a sentence without one holds no claim."""
        # a digit alone is found in a fast scan; most sentences with a number have one
        return DIGIT.search(text) is not None or self.number_word.search(text) is not None

    def g(self, role: str) -> str:
        """The alternation of a grammar role, for use inside a larger regex."""
        return self.grammar.get(role) or r"(?!x)x"

    def regex(self, template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        """``template`` compiled with each ``{role}`` replaced by :meth:`g` of that grammar role
        (``{{`` and ``}}`` stand for regex braces, as in an f-string).

        Compiled once per language and kept here: the same few dozen patterns are used for every
        number of every document, and building and looking them up in ``re``'s cache each time
        cost as much as the matching."""
        key = template if flags == re.IGNORECASE else (template, flags)  # no tuple to build for the usual flags
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


Named = tuple[tuple[str, int], ...]
"""The lists that match at one place, in the lists' order, each with the length of its match."""
_MAX_PHRASES = 4096  # phrases whose lists are kept; a text names few, but never let it grow unbounded


@dataclass(frozen=True)
class PhraseLists:
    """Named phrase lists (the events, the groups), each a pattern, and ``any_of``, the union of them all.

    Each list's pattern and the union begin and end alike (a phrase between non-word
    characters), and the union matches the longest phrase of all at each place. So which lists
    match at a place, and how long, depends only on the phrase the union matches there: one scan
    with the union finds every place, and each list is tried once per phrase, not at every place."""

    patterns: dict[str, re.Pattern[str]]
    any_of: Caseless
    _named: dict[str, Named] = field(repr=False, compare=False, default_factory=dict)

    def named(self, phrase: str) -> Named:
        """The lists matching at the start of a phrase that ``any_of`` matched (in any case)."""
        named = self._named.get(phrase)
        if named is None:
            if len(self._named) >= _MAX_PHRASES:
                self._named.clear()
            named = self._named[phrase] = tuple(
                (name, match.end()) for name, pattern in self.patterns.items() if (match := pattern.match(phrase))
            )
        return named

    def hits(self, text: str) -> list[tuple[int, Named]]:
        """Every place in ``text`` where a list matches (overlapping ones too), with the lists there."""
        hits = []
        pattern, target = self.any_of.reading(text)
        match = pattern.search(target)
        while match is not None:
            hits.append((match.start(), self.named(match.group())))
            match = pattern.search(target, match.start() + 1)
        return hits

    def at_start(self, text: str) -> Named:
        """The lists matching at the start of ``text``."""
        match = self.any_of.match(text)
        return self.named(match.group()) if match else ()

    def first_spans(self, text: str) -> dict[str, tuple[int, int]]:
        """Each list's first match in ``text`` (as its pattern's ``search`` finds it)."""
        spans: dict[str, tuple[int, int]] = {}
        for start, named in self.hits(text):
            for name, length in named:
                if name not in spans:
                    spans[name] = (start, start + length)
        return spans

    def last_spans(self, text: str) -> dict[str, tuple[int, int]]:
        """Each list's last match in ``text`` (the last its pattern's ``finditer`` finds, which
        goes on after the end of each match)."""
        spans: dict[str, tuple[int, int]] = {}
        for start, named in self.hits(text):
            for name, length in named:
                span = spans.get(name)
                if span is None or start >= span[1]:
                    spans[name] = (start, start + length)
        return spans


def _phrase_lists(lists: dict[str, list[str]]) -> PhraseLists:
    return PhraseLists(
        patterns={name: _pattern(phrases) for name, phrases in lists.items()},
        any_of=_caseless([phrase for phrases in lists.values() for phrase in phrases]),
    )


def _place_names(place_lists: dict[str, list[str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for name, phrases in place_lists.items():
        for phrase in phrases:
            names.setdefault(" ".join(phrase.lower().split()), name)
    return names


def last_match(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[pos:endpos]`` (matches do not overlap), or None."""
    found = None
    for found in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        pass
    return found


def alternation(phrases: list[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _pattern(phrases: list[str], **kwargs: str) -> re.Pattern[str]:
    return re.compile(lexicon.phrase_pattern(phrases, **kwargs), re.IGNORECASE)


def _caseless(phrases: list[str], **kwargs: str) -> Caseless:
    return Caseless(lexicon.phrase_pattern(phrases, **kwargs))


@lru_cache(maxsize=1)
def _any_number_word() -> Caseless:
    """The start of a number word of any language: one phrase trie of them all."""
    return _caseless(
        [phrase for language in lexicon.LANGUAGES for phrase in words_for(language).number_phrases],
        prefix=_NUMBER_WORD_PREFIX, suffix="",
    )


def may_hold_number_in_any_language(text: str) -> bool:
    """False when :meth:`Words.may_hold_number` is false for the words of every language, so
    that a caller need not yet know which language's words to read ``text`` with."""
    return DIGIT.search(text) is not None or _any_number_word().search(text) is not None


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
    units = section("units")
    place_lists = {
        k: v for k, v in places.items()
        if isinstance(v, list) and all(isinstance(x, str) for x in v)
        and k not in ("route_words", "route_after", "worldwide", "actors", "actor_adjectives", "locatives", "references", "origins", "frame")
    }
    number_phrases = tuple(
        list(numbers_table.get("words", [])) + list(numbers_table.get("fractions", {})) + list(numbers_table.get("dozen", []))
    )
    # "-year-old" and "-day" begin with a hyphen: they attach directly to the number.
    time_units = not_claims.get("time_units", [])
    return Words(
        language=language,
        bounds=tuple(
            (name, _pattern(bounds.get(name, []), prefix=r"(?<![\w])", suffix=_BOUND_SUFFIX))
            for name in _BOUND_NAMES
        ),
        any_bound=_caseless(
            [phrase for name in _BOUND_NAMES for phrase in bounds.get(name, [])],
            prefix=r"(?<![\w])", suffix=_BOUND_SUFFIX,
        ),
        after_over=_pattern(bounds.get("after_over", []), prefix=r"^(?:-|\s*)"),  # "1,000-plus"
        period_markers=_caseless(bounds.get("period_markers", []), suffix=r"\s*$"),
        period_markers_after=_pattern(
            bounds.get("period_markers_after", []),
            prefix=r"\s*(?:[\w'’-]+\s+){0,2}?",  # used with match() at the number's end
            suffix=r"(?!\w)(?!\s*(?:" + lexicon.phrase_pattern(bounds.get("comparatives", []), prefix="") + r"))",
        ),
        span_only_after=_pattern(bounds.get("span_only", []), prefix=r"\s*"),  # used with match() at the date's end
        span_only_before=_pattern(bounds.get("span_only_before", []), suffix=r"(?:\s*[\w]+)?\s*$"),
        time_units=re.compile(
            r"^(?:\s*|-)(?:" + "|".join(re.escape(u.lstrip("-")) for u in sorted(time_units, key=len, reverse=True)) + r")(?![\w])",
            re.IGNORECASE,
        ),
        # a label, then the digits it runs on with: "tel. +41 22 791 21 11", "IBAN DE12 1002 0500"
        # and the numbers listed after it: "resolutions 2712 and 2720"
        labels=_caseless(
            not_claims.get("labels", []),
            suffix=r"\s*:?\s*(?:[a-z]{2}\d\d\s+)?(?:[+(\d][+\d\s()/]*(?:\b(?:"
            + alternation(section("grammar").get("conjunctions", []))
            + r")\b\s*(?:[+(\d][+\d\s()/]*)?)*)?$",
        ),
        # "12, rue des Lilas", and with the name before the street's word: "360 University Avenue"
        street_after=re.compile(
            r"^\s*,?\s*(?:[A-Z][\w'’.-]*\s+){0,3}(?i:" + lexicon.phrase_pattern(not_claims.get("streets", []), prefix="") + ")"
        ),
        # a street may end a compound ("Hauptstraße"): no word boundary before its word; the words
        # of its name are capitalised or small particles ("Rue de la Loi"), never a verb; a comma
        # may part the name from its number ("Rua Augusta, 1508")
        street_named=re.compile(
            "(?i:" + lexicon.phrase_pattern(not_claims.get("streets", []), prefix="", suffix="") + r")"
            r"(?:\s+(?:[A-Z][\w'’.-]*|(?i:" + alternation(not_claims.get("street_particles", [])) + r")))*,?\s+$"
        ),
        street=_pattern(not_claims.get("streets", []), prefix=""),
        # a telephone label and the number it opens: "tel. +41", "Telefon: 030"
        phone_label=_pattern(not_claims.get("phone_labels", []), suffix=r"\.?\s*:?\s*[+(\d]"),
        # "aged 24, 28 and 31": every number of the list is an age
        age_before=_caseless(not_claims.get("age_before", []), suffix=r"\s*(?:\d+\s*(?:,|and|or|to|-)\s*)*$"),
        forecast_after=_pattern(not_claims.get("forecasts_after", []), prefix=r"^\s*(?:[\w'’-]+\s+){0,4}?"),
        frequency_after=_pattern(not_claims.get("frequencies", []), prefix=r"^\s*"),
        age_after=re.compile(
            r"^(?:\s*|-)(?:" + "|".join(re.escape(u.lstrip("-")) for u in not_claims.get("age_after", [])) + r")",
            re.IGNORECASE,
        ),
        forecast=_caseless(not_claims.get("forecasts", []), suffix=r"\s+(?:[\w'-]+\s+){0,2}(?:[\"“]\s*)?$"),
        after_words=re.compile(
            r"^(?:" + "|".join(re.escape(u) for u in not_claims.get("after_words", [])) + r")(?![\w])", re.IGNORECASE
        ),
        event_lists=_phrase_lists(section("events")),
        group_lists=_phrase_lists(section("groups")),
        metrics=dict(section("metrics")),
        units={k: _pattern(v, prefix="" if k in CURRENCIES else r"(?<![\w])") for k, v in units.items()},
        any_unit=Caseless(
            lexicon.phrase_pattern([phrase for k, v in units.items() if k not in CURRENCIES for phrase in v], prefix=r"(?<![\w])")
            + "|" + lexicon.phrase_pattern([phrase for k in CURRENCIES for phrase in units.get(k, [])], prefix=""),
        ),
        places={k: _pattern(v) for k, v in place_lists.items()},
        any_place=_caseless([phrase for phrases in place_lists.values() for phrase in phrases]),
        place_names=_place_names(place_lists),
        region=dict(places.get("region", {})),
        default_places=dict(places.get("metric_default", {})),
        number_word=_caseless(list(number_phrases), prefix=_NUMBER_WORD_PREFIX, suffix=""),
        number_phrases=number_phrases,
        combine=tuple((frozenset(c["parts"]), c["place"]) for c in places.get("combine", [])),
        route_words=_pattern(places.get("route_words", []), suffix=r"\s+(?:the\s+)?$"),
        route_after=_pattern(places.get("route_after", []), prefix=r"^\s+"),
        incident_noun=Caseless(
            # "in a strike", "en un ataque con dron", "bei einem Luftangriff": the event the count was of
            r"(?<!\w)(?:" + alternation(section("grammar").get("incident_openers", [])) + r")\s+(?:[\w'’-]+\s+){0,3}?"
            + lexicon.phrase_pattern(scope.get("incident_nouns", []), prefix=""),
        ),
        incident_ahead=Caseless(r"\s*(?:[\w'’-]+\s+){0,2}?" + lexicon.phrase_pattern(scope.get("incident_nouns", []), prefix="")),
        incident_named=Caseless(lexicon.phrase_pattern(scope.get("incident_nouns", []))),
        single_incident=Caseless(
            r"(?<!\w)(?:" + alternation(section("grammar").get("single_determiners", [])) + r")\s+(?:[\w'’-]+\s+){0,3}?"
            # one strike, or one weapon that struck ("a missile that struck the hospital wounded 80")
            + lexicon.phrase_pattern(scope.get("incident_nouns", []) + section("grammar").get("incident_causes", []), prefix="")
        ),
        nationality={k.lower(): v for k, v in places.get("nationality", {}).items()},
        worldwide=_caseless(places.get("worldwide", [])),
        actors=frozenset(a.lower() for a in places.get("actors", [])),
        actor_adjectives=frozenset(a.lower() for a in places.get("actor_adjectives", [])),
        locative_before=_pattern(places.get("locatives", []), suffix=r"\s+(?:the\s+)?$"),
        reference_before=_pattern(places.get("references", []), suffix=r"\s+(?:the\s+)?$"),
        # "from the Gaza Strip", "desde la Franja", "depuis l'enclave": an article may stand between
        origin_before=_pattern(
            places.get("origins", []), suffix=r"\s+(?:(?:" + alternation(section("grammar").get("articles", [])) + r")\s*)?$"
        ),
        frame=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in places.get("frame", [])) + r")\s+(?:the\s+)?", re.IGNORECASE),
        scope={k: _caseless(v) for k, v in scope.items()},
        including=_pattern(structure.get("including", [])),
        narrative=_pattern(tense.get("narrative", [])),
        source_before=_caseless(sources.get("before", [])),
        speech_after=_caseless(sources.get("speech_after", [])),
        event_references=_caseless(dates.get("event_references", [])),
        event_reference_noun=Caseless(
            r"\bthe\s+(?:[\w-]+\s+){0,2}?" + lexicon.phrase_pattern(dates.get("event_reference_nouns", []), prefix=""),
        ),
        since_opening=_pattern(dates.get("since_subordinators", []), prefix=r"^\W*"),
        began_on=_pattern(dates.get("began_on", []), suffix=r"\s+(?:(?:" + alternation(dates.get("since_fillers", [])) + r")\s+)*$"),
        grammar={role: alternation(values) for role, values in section("grammar").items()},
        name_particles=alternation(sources.get("name_particles", [])),
        name_heads=alternation(sources.get("name_heads", [])),
        pronouns=frozenset(p.lower() for p in sources.get("pronouns", [])),
        table=table,
    )
