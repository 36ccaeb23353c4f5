"""Demands: calls to action by the document's issuer (shared/spec/demands.md).

Each sentence of the normalised text is cut into clauses at ";" and ":" and each clause is
read by its form, in this order:

1. what is never a demand: a question, a salute or slogan without an action verb ("Long
   live …", "Free Palestine!"), a cue inside quotation marks, a clause that reports someone
   else's words ("…, the minister said"), a cue after a condition ("There can be no peace
   until …"), a modal that obliges nobody ("must have been");
2. the cue, the earliest of: a call by the issuer ("we call on X to …", "MSF calls for …",
   "demand that …" — a call whose subject is not the issuer is reported, not its own), an
   obligation ("X must …", "should …"), a necessity ("it is necessary to …"), or an
   imperative ("Stop the genocide!", "Proletarians of the world, let's unite!");
3. its categories, from per-category cue words (``lexicon/<lang>/demands.toml``), ordered by
   where they stand in what is asked;
4. its addressee: who is called on, the subject of an obligation, a vocative; a pronoun is
   read back to the noun it stands for; null for an imperative with nobody named.

A news report (``Card.genre == "news"``) is about others: only a call in the first person
("we call …", "we must …") outside quotation marks counts as its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from typing import Any

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless, names_capitals
from statecheck.extract.deadline import Deadline
from statecheck.extract.issuers import acronym_definitions, fold, split_acronym
from statecheck.extract.sentences import split_sentences
from statecheck.model import Demand, Document
from statecheck.options import Options

CATEGORIES: tuple[str, ...] = (
    "ceasefire", "withdrawal", "humanitarian_access", "sever_relations", "arms_embargo", "accountability",
    "boycott", "mobilisation", "support_resistance", "self_determination", "release_captives",
    "protect_civilians",
)
"""The categories of the spec, besides ``other``."""

_LIST_MARKER = r"(?:[-–—•*·▪●]\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+)"
_CLAUSE_LEAD = re.compile(rf"\s*{_LIST_MARKER}?")
"""The spaces and list marker that open a clause (matched where the clause starts)."""
_OPEN_QUOTES = {"“": "”", "«": "»", "„": "“", "‘": "’"}
_CLAUSE_CUT = re.compile(r"[;:](?=\s)")
_TOKEN = re.compile(r"[\w’'-]+")
_LINE_BREAK = re.compile(r"\n\s*")
_SPACES = re.compile(r"\s+")
# A capitalised word after a space that follows a lower-case letter, a comma or a semicolon. The
# pattern opens with the space (and looks back at it), so that the engine skips from space to space.
_PROPER = re.compile(r" (?<=[a-z,;] )([A-ZÀ-ÖØ-Þ][\w’'-]+)")


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class DemandWords:
    """One language's demand cues, compiled once."""

    imperative: re.Pattern[str]
    not_imperative: re.Pattern[str]
    exhortation: re.Pattern[str]
    calls: Caseless
    own_calls: re.Pattern[str]
    """Calls whose form carries the issuer's first person ("exigimos", "nous appelons")."""
    modals: Caseless
    necessity: Caseless
    self_subject: re.Pattern[str]
    self_named: re.Pattern[str]
    """A subject that names the issuer by the kind of body it is ("Our confederation", "The Bishops'
    Conference", "The Special Rapporteur"): its calls are its own."""
    leading_coordinator: re.Pattern[str]
    """"and" opening a subject: "We pray, and we ask …"."""
    shared_subject: re.Pattern[str]
    call_adverbs: re.Pattern[str]
    slogans: re.Pattern[str]
    slogan_verbs: re.Pattern[str]
    declarations: re.Pattern[str]
    conditions: re.Pattern[str]
    reporting: re.Pattern[str]
    concessive: re.Pattern[str]
    """Words before a speech verb that make it no report: "Whatever the politicians say, …"."""
    discourse: re.Pattern[str]
    pronouns: frozenset[str]
    actors: re.Pattern[str]
    agent_nouns: re.Pattern[str]
    intro: re.Pattern[str]
    relatives: re.Pattern[str]
    relative_before: re.Pattern[str]
    """A relative pronoun just before a word: "… who ordered"."""
    asides: re.Pattern[str]
    determiners: re.Pattern[str]
    modal_joiners: re.Pattern[str]
    coordinated: re.Pattern[str]
    """A clause so far that ends with "and": the next verb shares its subject."""
    called: re.Pattern[str]
    """The words after a call that takes an object: "on all countries, … to …" → the addressee."""
    antecedent: re.Pattern[str]
    passive: re.Pattern[str]
    agent: re.Pattern[str]
    agent_head: re.Pattern[str]
    copula_relative: re.Pattern[str]
    necessity_start: re.Pattern[str]
    categories: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    """Per category: all its cues in one pattern (to find the first quickly), and each cue alone
    (to measure the longest at that place; compiled by :func:`_cue` when first needed)."""
    category_starts: tuple[Caseless, ...]
    """Where a cue of any category starts (zero-width matches): a category's first cue is looked
    for at these places only."""
    prefilter: Caseless
    """Every call, modal and necessity, to find them in one pass over the text: a clause without one
    that does not open with an imperative is no demand, and is skipped without reading its form."""
    imperative_words: frozenset[str]
    """The first words of the imperatives and exhortations, case-folded."""
    later_openers: Caseless
    """Where a clause that does not open its sentence (after ";" or ":"), or the words after a
    vocative (after ","), may open with an imperative: more places than there are (see
    :func:`_later_openers`), found in one pass over the text, so that a sentence with none of
    them, no cue and no imperative at its start is skipped without cutting it into clauses."""


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) or r"(?!x)x"


def _regexes(patterns: Iterable[str]) -> str:
    ordered = sorted({p.strip() for p in patterns if p.strip()}, key=len, reverse=True)
    return "|".join(f"(?:{p})" for p in ordered) or r"(?!x)x"


def _words(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'])(?:{_alternation(phrases)})(?![\w’'])", re.IGNORECASE)


def _opening(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternation(phrases)})(?![\w’'])", re.IGNORECASE)


@lru_cache(maxsize=8)
def demand_words(language: str) -> DemandWords | None:
    """The compiled cues of ``language``, or None when it has no ``demands.toml``."""
    table: dict[str, Any] = lexicon.load(language, "demands")
    if not table:
        return None
    detect: dict[str, Any] = table.get("detect", {})
    who: dict[str, Any] = table.get("addressee", {})
    grammar: dict[str, Any] = table.get("grammar", {})
    not_after = _alternation(detect.get("not_after_imperative", []))
    # A verb of one word is a noun before "of", "for", …; a verb with its particle is not ("Walk out of …").
    imperatives = [p for p in detect.get("imperatives", []) if p.strip()]
    single = _alternation(p for p in imperatives if len(p.split()) == 1)
    multi = _alternation(p for p in imperatives if len(p.split()) > 1)
    endings = "|".join(re.escape(e) for e in who.get("actor_endings", [])) or r"(?!x)x"
    relatives = _alternation(who.get("relatives", []))
    infinitive = _alternation(grammar.get("infinitive", []))
    agent = _alternation(grammar.get("agent", []))
    purpose = _alternation(grammar.get("purpose", []))
    imperative_words = frozenset(
        _first_casefolded(p) for key in ("imperatives", "exhortations") for p in detect.get(key, []) if p.strip()
    )
    return DemandWords(
        imperative=re.compile(
            rf"^(?:(?:{multi})(?![\w’'-])|(?:{single})(?![\w’'-])(?!\s+(?:{not_after})\b))(?=\s+\S|\s*[!.]?$)",
            re.IGNORECASE,
        ),
        not_imperative=_opening(detect.get("not_imperatives", [])),
        exhortation=_opening(detect.get("exhortations", [])),
        # Calls, modals and necessities are searched through each clause that may be a demand (only
        # their spans are read): lower-cased, case-sensitively (:class:`Caseless`).
        calls=Caseless(rf"(?<![\w])(?:{_regexes(detect.get('calls', []))})(?![\w])"),
        own_calls=re.compile(rf"(?:{_regexes(detect.get('own_calls', []))})(?![\w])", re.IGNORECASE),
        modals=Caseless(rf"(?<![\w])(?:{_regexes(detect.get('modals', []))})(?![\w])"),
        necessity=Caseless(rf"(?<![\w])(?:{_regexes(detect.get('necessity', []))})(?![\w])"),
        self_subject=re.compile(rf"^(?:{_alternation(detect.get('self_subjects', []))})$", re.IGNORECASE),
        self_named=re.compile(
            rf"^(?:(?:{_alternation(detect.get('self_possessives', []))})\s+(?:[\w’'.-]+\s+){{0,3}}?[\w’'.-]+"
            rf"|(?:{_alternation(detect.get('self_determiners', []))})\s+(?:[\w’'.-]+\s+){{0,3}}?(?:{_alternation(detect.get('self_nouns', []))}))$",
            re.IGNORECASE,
        ),
        leading_coordinator=re.compile(rf"^(?:{_alternation(grammar.get('coordinators', []))})\s+", re.IGNORECASE),
        shared_subject=_words(detect.get("shared_subjects", [])),
        call_adverbs=re.compile(rf"(?:\s+(?:{_alternation(detect.get('call_adverbs', []))}))+$", re.IGNORECASE),
        slogans=_opening(detect.get("slogans", [])),
        slogan_verbs=re.compile(
            rf"^(?:{_alternation(detect.get('slogan_verbs', []))})\s+[A-ZÀ-ÖØ-Þ][\w'’-]*\s*[!.]?\s*$", re.IGNORECASE
        ),
        declarations=_opening(detect.get("declarations", [])),
        conditions=_words(detect.get("conditions", [])),
        reporting=_words(detect.get("reporting", [])),
        concessive=_words(detect.get("concessives", [])),
        discourse=re.compile(rf"^(?:{_regexes(detect.get('discourse', []))})(?![\w])", re.IGNORECASE),
        pronouns=frozenset(p.lower() for p in who.get("pronouns", [])),
        actors=re.compile(rf"(?<![\w])(?:{_alternation(who.get('actors', []))}|\w+(?:{endings}))(?![\w])", re.IGNORECASE),
        agent_nouns=_words(who.get("agent_nouns", [])),
        intro=_opening(who.get("intro_words", [])),
        relatives=re.compile(rf",?\s+(?:{relatives})\s", re.IGNORECASE),
        relative_before=re.compile(rf"(?<![\w])(?:{relatives})\s+(?:\w+\s+)?$", re.IGNORECASE),
        asides=re.compile(rf",\s+(?:{_alternation(who.get('asides', []))})\s[^,]*(?:,|$)", re.IGNORECASE),
        determiners=_opening(who.get("determiners", [])),
        modal_joiners=re.compile(rf"(?:\s+(?:{_alternation(who.get('modal_joiners', []))}))+$", re.IGNORECASE),
        coordinated=re.compile(rf"\s(?:{_alternation(grammar.get('coordinators', []))})\s*$", re.IGNORECASE),
        called=re.compile(
            rf"(?:{_regexes(grammar.get('calls_with_object', []))})\s+(?P<who>.+?)\s+(?:{infinitive})\s+\w", re.IGNORECASE
        ),
        antecedent=re.compile(
            rf"(?<![\w])(?:{_alternation(grammar.get('antecedent_subjects', []))})\s+\w+\s+(?P<np>[^,;]+?)(?=,?\s+(?:{relatives})\b|,)",
            re.IGNORECASE,
        ),
        passive=re.compile(rf"^\s*(?:{grammar.get('passive', '(?!x)x')})(?P<rest>.*)$", re.IGNORECASE | re.DOTALL),
        agent=re.compile(rf"(?<![\w])(?:{agent})\s+(?P<agent>[^,;]+?)(?:\s+(?:{purpose})\s+\w|[,;.!]|$)", re.IGNORECASE),
        agent_head=re.compile(
            rf"^(?:\w+\s+){{0,2}}?(?P<noun>\w+)\s+(?:{_alternation(grammar.get('of', []))})\s+(?P<who>.+)$", re.IGNORECASE
        ),
        copula_relative=re.compile(
            rf"^(?P<np>.+?)\s+(?:{_alternation(grammar.get('copulas', []))})\s+.*\b(?:{relatives})\s*$", re.IGNORECASE
        ),
        necessity_start=re.compile(
            rf"(?:,\s+|\s(?:{_alternation(grammar.get('coordinators', []))})\s+)(?=(?:{_alternation(grammar.get('necessity_subjects', []))})\b)",
            re.IGNORECASE,
        ),
        categories=tuple(_category_patterns(name, table.get("categories", {}).get(name, [])) for name in CATEGORIES),
        category_starts=_category_starts(
            [p for name in CATEGORIES for p in table.get("categories", {}).get(name, [])]
        ),
        prefilter=_prefilter(detect),
        imperative_words=imperative_words,
        later_openers=_later_openers(imperative_words),
    )


def _first_casefolded(phrase: str) -> str:
    first = _FIRST_WORD.match(phrase.strip())
    return (first.group() if first else phrase.split()[0]).casefold()


def _category_patterns(name: str, patterns: list[str]) -> tuple[str, re.Pattern[str], tuple[str, ...]]:
    return name, _fast_search(patterns), tuple(patterns)


@cache
def _cue(pattern: str) -> re.Pattern[str]:
    """One category cue, compiled the first time a demand holds its category: compiling every cue
    of a language up front took longer than reading most documents (bounded by the lexicon)."""
    return re.compile(pattern, re.IGNORECASE)


def _prefilter(detect: dict[str, Any]) -> Caseless:
    """The calls, modals and necessities in one pattern, run once over the whole text: a clause
    holds one of them, or opens with an imperative (:func:`_may_open_imperative`), or is no demand."""
    patterns = [p for key in ("calls", "modals", "necessity") for p in detect.get(key, [])]
    # (?<!\w)(?=\w): the engine gives up at once where no word starts (every cue starts with a letter);
    # the cues are grouped by their first letter, so that at a word only its letter's group is tried
    # (matched case-sensitively in lower-cased text, where the engine passes over the other letters'
    # groups without entering them: about twice as fast).
    return Caseless(rf"(?<![\w])(?=\w)(?:{_by_first_letter(patterns)})(?![\w])")


def _by_first_letter(patterns: Iterable[str]) -> str:
    """The alternation of ``patterns`` (regexes) with those that open with a plain letter grouped
    under it: "a(?:sks?|ppeals? to)|u(?:rges?)|…" matches what "asks?|appeals? to|urges?|…" matches."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for pattern in {p.strip() for p in patterns if p.strip()}:
        first = pattern[0]
        if first.isalpha() and pattern[1:2] not in {"?", "*", "+", "{"} and not _top_level_bar(pattern):
            groups.setdefault(first.casefold(), []).append(pattern[1:])
        else:
            others.append(pattern)
    branches = [f"{letter}(?:{_regexes(rests) if all(rests) else _regexes(r for r in rests if r) + '|'})"
                for letter, rests in sorted(groups.items())]
    ordered = sorted(others, key=len, reverse=True)
    guarded = [_guarded(p) for p in ordered]
    openings = [_opening_letters(p) for p in ordered]
    if len(guarded) > 1 and all(opening is not None for opening in openings):
        # One look at all the letters they open with, in front of their own looks: at most words
        # the engine then tries one guard, not one per pattern (in the same order: same matches).
        letters = "".join(sorted({letter for opening in openings if opening for letter in opening}))
        guarded = [f"(?=[{letters}])(?:{'|'.join(guarded)})"]
    return "|".join([*branches, *guarded]) or r"(?!x)x"


def _guarded(pattern: str) -> str:
    """``pattern`` as a group, behind a look at the letter it must open with where that is known
    ("(?=[ih])(?:(?:it )?is|has) …"): the engine then passes over most words without entering it
    (these patterns, tried at every word, took half the time of the prefilter)."""
    letters = _opening_letters(pattern)
    return f"(?=[{''.join(sorted(letters))}])(?:{pattern})" if letters else f"(?:{pattern})"


def _opening_letters(pattern: str) -> set[str] | None:
    """The letters (lower case) a match of ``pattern`` can open with, read from a plain letter or
    a group of alternatives at its start ("(?:it )?is …" → i, "(?:has|have) to" → h); None where
    the start is anything else (a class, an escape, an empty alternative)."""
    bars = [index for index, char, depth in _structure(pattern) if char == "|" and depth == 0]
    if bars:  # each alternative opens a match
        letters: set[str] = set()
        for start, stop in zip([-1, *bars], [*bars, len(pattern)]):
            opening = _opening_letters(pattern[start + 1 : stop])
            if opening is None:
                return None
            letters |= opening
        return letters
    first = pattern[:1]
    if first.isalpha():
        lower = first.lower()
        return {lower} if len(lower) == 1 and pattern[1:2] not in {"?", "*", "{"} else None
    if not pattern.startswith("(?:"):
        return None
    end = next((index for index, char, depth in _structure(pattern) if char == ")" and depth == 0), None)
    inside = _opening_letters(pattern[3:end]) if end is not None else None
    if end is None or inside is None:
        return None
    quantifier = pattern[end + 1 : end + 2]
    if quantifier in {"?", "*"}:  # the group may match nothing: what follows it may open the match
        rest = _opening_letters(pattern[end + 2 :].removeprefix("?").removeprefix("+"))
        return None if rest is None else inside | rest
    return None if quantifier == "{" else inside


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """The parentheses and bars of ``pattern`` outside escapes and classes: where each stands, and
    how many groups are open around it (not counting the one a parenthesis opens or closes)."""
    depth = 0
    escaped = in_class = False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            yield index, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield index, char, depth
        elif char == "|":
            yield index, char, depth


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a "|" outside any group (it cannot then be cut after its first letter)."""
    return any(char == "|" and depth == 0 for _index, char, depth in _structure(pattern))


def _fast_search(patterns: Sequence[str]) -> re.Pattern[str]:
    """``patterns`` as one alternation; where each starts at a word boundary, the engine is told so
    (about a quarter faster)."""
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    if patterns and all(p.startswith("\\b") for p in patterns):
        body = rf"(?<!\w)(?=\w)(?:{body})"
    return re.compile(body, re.IGNORECASE)


def _category_starts(patterns: Sequence[str]) -> tuple[Caseless, ...]:
    """Patterns whose zero-width matches are every place where a cue of ``patterns`` (all
    categories') matches.

    One pass over a clause finds where any category's cue stands (at no place in most clauses, at
    one or two in the others), instead of one pass per category: a category's first cue is then
    tried at those places only (:func:`_first_cue`). The few cues that name capitals ("UNRWA", a
    case-sensitive "(?-i:[A-Z])") are searched apart: with them, :class:`Caseless` would read all
    the others case-insensitively, at half the speed."""
    lower_case = [p for p in patterns if not names_capitals(p)]
    capitals = [p for p in patterns if names_capitals(p)]
    return tuple(_any_of(group) for group in (lower_case, capitals) if group)


def _any_of(patterns: Sequence[str]) -> Caseless:
    rests = [p[2:] for p in patterns if p.startswith("\\b")]
    if len(rests) == len(patterns) and all(rest and rest == rest.strip() for rest in rests):
        # Every cue starts a word (see _fast_search): the boundary is tested once, and the cues are
        # grouped by their first letter so that at a word only its letter's group is tried.
        return Caseless(rf"(?<!\w)(?=\w)(?=(?:{_by_first_letter(rests)}))")
    return Caseless(rf"(?=(?:{'|'.join(f'(?:{p})' for p in patterns)}))")


def _first_cue(
    together: re.Pattern[str], clause: str, starts: Sequence[int], position: int
) -> re.Match[str] | None:
    """What ``together.search(clause, position)`` finds, trying only the ``starts`` (ascending)
    where a cue of some category starts: a category's cue cannot start anywhere else."""
    for start in starts[bisect_left(starts, position) :]:
        match = together.match(clause, start)
        if match is not None:
            return match
    return None


_FIRST_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_VOCATIVE = re.compile(r"([^,!?.]{3,90}),\s+")  # matched where a clause starts


def _may_open_imperative(text: str, start: int, end: int, words: DemandWords) -> bool:
    """Whether the clause ``text[start:end]``'s first word, or the first after a vocative, may open
    an imperative or an exhortation (a set look-up: the imperative patterns run only then)."""
    if _opens_with_imperative_word(text, start, end, words):
        return True
    vocative = _VOCATIVE.match(text, start, end)
    return vocative is not None and _opens_with_imperative_word(text, vocative.end(), end, words)


def _opens_with_imperative_word(text: str, start: int, end: int, words: DemandWords) -> bool:
    first = _FIRST_WORD.match(text, start, end)
    return first is not None and first.group().casefold() in words.imperative_words


def _later_openers(imperative_words: Iterable[str]) -> Caseless:
    """Every place where :func:`_may_open_imperative` finds an imperative word after a ";" or ":"
    that cuts a sentence (:func:`clauses`; then the spaces and list marker that open a clause) or
    after a vocative's comma, and more: a list marker after a comma, a word that only starts with
    an imperative word ("Ending …"), and a word with a letter beyond ASCII, whose case-folding the
    pattern may not follow ("ß" is "ss"). The pattern opens with the punctuation, so that the
    engine skips from one to the next."""
    words = _by_first_letter(re.escape(word) for word in imperative_words)
    return Caseless(rf"[,;:]\s+{_LIST_MARKER}?(?:{words}|[\w’'-]*[^a-z\W\d_])")


# --------------------------------------------------------------------------- clauses


@dataclass(frozen=True)
class Cue:
    """Where a demand's form shows in a clause."""

    kind: str
    """``call``, ``modal``, ``necessity``, ``imperative`` or ``exhortation``."""
    start: int
    end: int
    """Offsets in the clause."""


@dataclass(frozen=True)
class Reading:
    """What the reader knows of the document while it reads its clauses."""

    text: str
    """The normalised text."""
    quoted: tuple[tuple[int, int], ...]
    issuer_names: tuple[str, ...]
    """Folded names and acronyms of the issuer, to tell its own calls from reported ones."""
    title: str
    """The folded title: a statement "by the Secretary-General" makes "The Secretary-General calls …" its own."""
    news: bool

    @cached_property
    def proper_words(self) -> frozenset[str]:
        """Words the text writes capitalised inside a sentence: names, even at a sentence's start.
        Read from the whole text only when an addressee's first word needs it (in few documents)."""
        return _proper_words(self.text)


def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans inside quotation marks: paired curly quotes and guillemets, straight double quotes
    paired within a line."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _OPEN_QUOTES.items():
        if opening == "‘":
            continue  # ’ is also the apostrophe: single curly quotes cannot be paired safely
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            newline = text.find("\n", start)
            if end < 0 or (0 <= newline < end):
                position = start + 1
                continue
            spans.append((start, end + 1))
            position = end + 1
    line_start = 0
    for line in text.split("\n"):
        if '"' in line:  # most lines have none: no regex for them
            marks = [m.start() + line_start for m in re.finditer('"', line)]
            for a, b in zip(marks[0::2], marks[1::2]):
                spans.append((a, b + 1))
        line_start += len(line) + 1
    return tuple(sorted(spans))


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < position < b for a, b in spans)


def clauses(text: str, start: int, end: int, words: DemandWords) -> list[tuple[int, int]]:
    """A sentence's clauses: cut at ";" and at ":", list markers and spaces trimmed."""
    pieces: list[tuple[int, int]] = []
    cut = start
    # Most sentences have neither: one clause, without running the regex.
    if text.find(";", start, end) >= 0 or text.find(":", start, end) >= 0:
        for match in _CLAUSE_CUT.finditer(text, start, end):
            pieces.append((cut, match.end()))
            cut = match.end()
    pieces.append((cut, end))
    out = []
    # Trimmed in place, without copying each clause out of the text.
    for a, b in pieces:
        a = _clause_start(text, a, b)
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 3:
            out.append((a, b))
    return out


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the clause that ``text[start:end]`` holds starts: after its spaces and list marker."""
    lead = _CLAUSE_LEAD.match(text, start, end)
    return lead.end() if lead else start


def _subject_is_issuer(subject: str, reading: Reading, words: DemandWords, clause: str = "") -> bool:
    """Whether the words before a call name the issuer (or nobody: a list item under its name)."""
    subject = words.call_adverbs.sub("", subject.strip(" ,")).strip(" ,")
    if not subject:
        return True
    # The subject itself, its first words before an aside ("We, the undersigned, …"), or what
    # follows an opening phrase ("At the same time, …, we").
    last = subject.rsplit(", ", 1)[-1]
    for part in (subject, subject.split(",")[0], last, words.leading_coordinator.sub("", last), _strip_intro(subject, words)[0]):
        if words.self_subject.match(part.strip(" ,")):
            return True
    folded = fold(subject)
    # Any of the issuer's names as a whole word: a regex of them would be compiled for every
    # document, and only a few subjects are read.
    if any(_has_word(folded, name) for name in reading.issuer_names):
        return True
    # A short form of the issuer's name: "The Ombudsman" for the Island Ombudsman.
    if folded and len(folded.split()) <= 4 and any(_has_word(name, folded) for name in reading.issuer_names):
        return True
    # "The Secretary-General calls on …" under "Statement by the Secretary-General on …" (a title that
    # is not the sentence itself).
    sentence = fold(clause)[:40]
    if len(folded) < 4 or (sentence and sentence in reading.title):
        return False  # the sentence is the title itself
    return _has_word(reading.title, folded)


def _has_word(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` between non-word characters (no regex to compile)."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum() and text[start - 1] != "_") and (
            end == len(text) or not text[end].isalnum() and text[end] != "_"
        ):
            return True
        start = text.find(phrase, start + 1)
    return False


def _strip_intro(subject: str, words: DemandWords) -> tuple[str, int]:
    """Drop an opening that is not the subject ("At the same time, …"); returns the rest and
    how many characters were dropped."""
    if words.intro.match(subject) and ", " in subject:
        cut = subject.index(", ") + 2
        return subject[cut:], cut
    return subject, 0


def find_cue(clause: str, reading: Reading, offset: int, words: DemandWords) -> Cue | None:
    """The earliest cue of a demand in ``clause`` (its start at ``offset`` in the text), or None."""
    body = clause.rstrip()
    if body.endswith("?") or words.slogans.match(body) or words.slogan_verbs.match(body):
        return None
    found: list[Cue] = []
    vocative = _VOCATIVE.match(body)
    for start in (0, vocative.end() if vocative else None):
        if start is None:
            continue
        rest = body[start:]
        if words.not_imperative.match(rest):
            continue
        match = words.exhortation.match(rest)
        if match:
            found.append(Cue("exhortation", start, start + match.end()))
        match = words.imperative.match(rest)
        if match and not words.slogan_verbs.match(rest):
            found.append(Cue("imperative", start, start + match.end()))
    for kind, pattern in (("call", words.calls), ("modal", words.modals), ("necessity", words.necessity)):
        for match in pattern.finditer(body):
            found.append(Cue(kind, match.start(), match.end()))
    for cue in sorted(found, key=lambda c: c.start):
        if cue.start and cue.kind in {"imperative", "exhortation"} and not _vocative(body[: cue.start], reading, words, cue.kind):
            continue
        if _valid(cue, body, reading, offset, words):
            return cue
    return None


def _vocative(phrase: str, reading: Reading, words: DemandWords, kind: str) -> bool:
    """Whether the words before a comma call on someone ("Proletarians and peoples of the world, …"):
    a short noun phrase naming people, not a sentence's subject ("The Zionists want to …, take …")."""
    phrase = phrase.strip(" ,")
    if len(phrase.split()) > 9 or not words.actors.search(phrase):
        return False
    return kind == "exhortation" or not words.determiners.match(phrase)


def _reports(clause: str, reading: Reading, offset: int, words: DemandWords, cue: Cue | None = None) -> bool:
    """Whether the clause reports someone's words: a speech verb outside quotation marks, not inside
    a relative clause ("the officials who ordered the attack" reports nothing), nor the cue itself
    ("All unions are urged to …" is a call, not a report)."""
    for match in words.reporting.finditer(clause):
        if _inside(offset + match.start(), reading.quoted):
            continue
        if cue is not None and cue.start <= match.start() < cue.end:
            continue
        if words.relative_before.search(clause[: match.start()]):
            continue
        if words.concessive.search(clause[: match.start()]):
            continue  # "Whatever the politicians say, the killing must stop."
        return True
    return False


def _valid(cue: Cue, clause: str, reading: Reading, offset: int, words: DemandWords) -> bool:
    if _inside(offset + cue.start, reading.quoted):
        return False
    before = clause[: cue.start]
    if words.conditions.search(before):
        return False
    if _reports(clause, reading, offset, words, cue):
        return False
    if cue.kind == "modal":
        if words.discourse.match(clause[cue.start :]):
            return False
        if words.declarations.match(clause) and not words.calls.search(clause):
            return False
        if not before.strip():
            return False  # "Must …" opening a clause is a fragment, not an obligation
    first_person = _subject_is_issuer(before, reading, words, clause) or bool(words.own_calls.match(clause, cue.start)) or (
        # "Our confederation calls on …", "The Special Rapporteur urges …": a body naming itself
        bool(words.self_named.match(_strip_intro(words.call_adverbs.sub("", before.strip(" ,")).strip(" ,"), words)[0]))
    ) or (
        # "we congratulate X … and call on them": a call sharing the issuer's subject.
        bool(words.coordinated.search(before)) and bool(words.shared_subject.search(before))
    )
    if cue.kind == "call" and not first_person:
        return False
    if reading.news:
        # A news report's own demands are in its own voice only ("we …"): the agency's name in a
        # dateline ("VALLETTA (Reuters) - The union must …") does not make a sentence its own.
        own = bool(words.self_subject.match(before.strip().split(",")[-1].strip())) or bool(words.own_calls.match(clause, cue.start))
        return cue.kind in {"call", "modal", "necessity"} and own
    return True


# --------------------------------------------------------------------------- categories


def categorise(clause: str, cue: Cue, words: DemandWords) -> tuple[str, ...]:
    """Categories whose cue words the clause holds, ordered by where they stand in what is asked
    (from the cue on), a longer cue first where two start together; cues only in the subject
    come after."""
    starts = sorted({m.start() for pattern in words.category_starts for m in pattern.finditer(clause)})
    if not starts:
        return ("other",)
    found: list[tuple[int, re.Match[str], tuple[str, ...], str]] = []
    # In a passive obligation ("The right of return must be respected") the subject is what is asked.
    subject_counts = cue.kind == "modal" and bool(words.passive.match(clause[cue.end :]))
    for name, together, alone in words.categories:
        # The first cue of the category in what is asked (from the cue on; from the start where the
        # subject counts); then, for a modal only, the first in its subject.
        in_subject = 0
        if cue.kind == "modal" and not subject_counts:
            # One search from the start tells both: most categories have no cue anywhere, and a first
            # cue after the modal is the one a search from the modal finds. Only a cue in the
            # subject needs a second search, for one after the modal.
            match = _first_cue(together, clause, starts, 0)
            if match is not None and match.start() < cue.start:
                asked = _first_cue(together, clause, starts, cue.start)
                match, in_subject = (match, 1) if asked is None else (asked, 0)
        else:
            match = _first_cue(together, clause, starts, 0 if subject_counts else cue.start)
        if match is not None:
            found.append((in_subject, match, alone, name))
    # The length of a category's cue orders only categories whose cues start at the same place:
    # it is measured for those alone (each of its cues is tried there).
    places = Counter((in_subject, match.start()) for in_subject, match, _alone, _name in found)
    ranked: list[tuple[int, int, int, str]] = []
    for in_subject, match, alone, name in found:
        tied = places[in_subject, match.start()] > 1
        ranked.append((in_subject, match.start(), -_longest(clause, match, alone) if tied else 0, name))
    ranked.sort()
    return tuple(name for *_key, name in ranked) or ("other",)


def _longest(clause: str, match: re.Match[str], alone: tuple[str, ...]) -> int:
    """The length of the longest of a category's cues (``alone``) where ``match`` (of all of them)
    starts."""
    start = match.start()
    return max(
        (m.end() - start for m in (_cue(p).match(clause, start) for p in alone) if m),
        default=match.end() - start,
    )


# --------------------------------------------------------------------------- addressees


def _trim_addressee(text: str, words: DemandWords) -> str:
    text = words.asides.sub("", text)
    relative = words.relatives.search(text)
    if relative:
        text = text[: relative.start()]
    return text.strip(" ,;:")


def _is_actor(phrase: str, reading: Reading, words: DemandWords) -> bool:
    if words.actors.search(phrase):
        return True
    tokens = _TOKEN.findall(phrase)
    return any(t[:1].isupper() and (i > 0 or t in reading.proper_words) for i, t in enumerate(tokens))


def _antecedent(before: str, words: DemandWords) -> str | None:
    """The object of an earlier verb of the issuer in the sentence: "we congratulate the working
    class and peoples of the world who stand up … and call on them" → "the working class and peoples
    of the world"."""
    match = words.antecedent.search(before)
    return match.group("np").strip() if match else None


def addressee(clause: str, cue: Cue, reading: Reading, previous: str | None, words: DemandWords) -> str | None:
    """Who is asked to act, as the clause names them, or None."""
    before, after = clause[: cue.start], clause[cue.end :]
    if cue.kind in {"imperative", "exhortation"}:
        vocative = before.strip(" ,")
        return vocative or None
    if cue.kind == "necessity":
        return None
    if cue.kind == "call":
        named = words.called.match(clause, cue.start)
        if not named:
            return None
        who = _trim_addressee(named.group("who"), words)
        if who.lower() in words.pronouns:
            return _antecedent(before, words) or previous
        return who or None
    # An obligation: its subject, unless the issuer itself or a thing; a passive names its agent.
    subject, _cut = _strip_intro(before.strip(), words)
    subject = words.modal_joiners.sub("", subject.strip(" ,")).strip(" ,")
    copula = words.copula_relative.match(subject)
    if copula:
        subject = copula.group("np")
    subject = _trim_addressee(subject, words)
    passive = words.passive.match(after)
    if passive:
        agent = words.agent.search(passive.group("rest"))
        if not agent:
            return None
        phrase = agent.group("agent").strip()
        head = words.agent_head.match(phrase)
        if head and words.agent_nouns.search(head.group("noun")):
            phrase = head.group("who")
        return phrase if _is_actor(phrase, reading, words) else None
    if not subject or _subject_is_issuer(subject, reading, words, clause) or subject.lower() in words.pronouns:
        return None
    return subject if _is_actor(subject, reading, words) else None


# --------------------------------------------------------------------------- the step


def _quote_start(clause: str, cue: Cue, words: DemandWords) -> int:
    """Where the demand's quote starts inside its clause: at the subject of a necessity after an
    opening phrase or "and" ("Faced with this, it is necessary …", "… and the only thing left to do
    is …"); at the issuer's pronoun after an opening phrase ("At the same time, …, we call …"); at a
    call that shares an earlier verb's subject ("… and call on them")."""
    before = clause[: cue.start]
    if cue.kind == "necessity":
        starts = [m.end() for m in words.necessity_start.finditer(clause[: cue.end]) if m.end() <= cue.start]
        if starts:
            return starts[-1]
        return 0
    if cue.kind == "call":
        if words.coordinated.search(before):
            return cue.start
        comma = before.rfind(", ")
        if comma >= 0 and words.self_subject.match(words.call_adverbs.sub("", before[comma + 2 :].strip())):
            return comma + 2
    return 0


def _cut_at_slogan(document: Document, start: int, end: int, words: DemandWords) -> int:
    """A slogan the normaliser joined to the demand's last line ("… off Palestine Freedom for the
    Palestinian people!"): the demand ends at the original line break before it."""
    text = document.text
    o_start, o_end = text.to_original(start, end)
    for match in _LINE_BREAK.finditer(text.original[o_start:o_end]):
        following = text.original[o_start + match.end() : o_end].lstrip("*_ ")
        if words.slogans.match(following):
            return text.from_original(o_start + match.start())
    return end


def _quote(document: Document, start: int, end: int) -> tuple[str, int, int]:
    """The quote as the source writes it, whitespace collapsed, with its span in the original."""
    o_start, o_end = document.text.to_original(start, end)
    raw = document.text.original[o_start:o_end]
    stripped = raw.strip("*_ \n\t")
    o_start += raw.index(stripped[:1]) if stripped else 0
    o_end = o_start + len(stripped)
    return _SPACES.sub(" ", stripped), o_start, o_end


def _issuer_names(document: Document) -> tuple[str, ...]:
    names: set[str] = set()
    card = document.card
    for name in list(card.issuers) + [r.name for r in card.roles if not r.name.startswith("(")]:
        long_name, short = split_acronym(name)
        names.update(fold(n) for n in (name, long_name, short) if n)
    keys = {fold(n) for n in names}
    for short, long_name in acronym_definitions(document.text.normalised).items():
        if fold(long_name) in keys:
            names.add(fold(short))
    return tuple(n for n in names if n)


def _proper_words(text: str) -> frozenset[str]:
    return frozenset(_PROPER.findall(text))  # its one group: the word


def _any_between(positions: Sequence[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def extract_demands(document: Document, options: Options) -> Document:
    """Reads the normalised text (its sentences), the original (for quotes and their spans) and
    the card (language, issuers, genre); adds the document's own demands."""
    if not options.demands:
        return document
    language = document.card.language or "en"
    words = demand_words(language) if language in lexicon.LANGUAGES else None
    if words is None:
        return replace(document, demands=())
    text = document.text.normalised
    reading = Reading(
        text=text,
        quoted=quoted_spans(text),
        issuer_names=_issuer_names(document),
        title=fold(document.card.title or ""),
        news=document.card.genre == "news",
    )
    demands: list[Demand] = []
    previous: str | None = None
    # Where a cue may stand, found in one pass over the text: a sentence or clause without any is
    # skipped before its form is read.
    hits = [m.start() for m in words.prefilter.finditer(text)]
    later_openers = [m.start() for m in words.later_openers.finditer(text)]
    deadline = Deadline("demands", options, location=document.source.location, length=len(text))
    for sentence in split_sentences(text, language):
        deadline.check(sentence.start)
        # Most sentences hold no cue and open no clause with an imperative (its first clause is
        # where a sentence starts): none of their clauses is read.
        if not (
            _any_between(hits, sentence.start, sentence.end)
            or _any_between(later_openers, sentence.start, sentence.end)
            or _opens_with_imperative_word(text, _clause_start(text, sentence.start, sentence.end), sentence.end, words)
        ):
            continue
        for start, end in clauses(text, sentence.start, sentence.end, words):
            if not _any_between(hits, start, end) and not _may_open_imperative(text, start, end, words):
                continue
            clause = text[start:end]
            cue = find_cue(clause, reading, start, words)
            if cue is None:
                continue
            head = _quote_start(clause, cue, words)
            quote_end = _cut_at_slogan(document, start + head, end, words)
            quote, o_start, o_end = _quote(document, start + head, quote_end)
            asked = text[start:quote_end]
            categories = categorise(asked, cue, words)
            who = addressee(asked, cue, reading, previous, words)
            previous = who or previous
            demands.append(
                Demand(
                    doc=document.doc_id,
                    quote=quote,
                    categories=categories,
                    addressee=who,
                    start=o_start,
                    end=o_end,
                    note="no category cue found" if categories == ("other",) else None,
                )
            )
    return replace(document, demands=tuple(demands))
