"""Mentions: the people, states and organisations a document names, how often, and its stance.

No language model is available (design/libraries.md), so names are found by rules, one
sentence of the normalised text at a time (only those where a search of the whole text finds a
hint of a name, :func:`_sentences_to_read`), with the words of ``lexicon/<lang>/mentions.toml``:

1. **the gazetteer**: every state (with its adjectives and demonyms: "Israeli" names Israel),
   well-known organisations ("UNRWA", "Hamas", "ICJ") and people ("Netanyahu"), matched with
   the capitals the lexicon writes or in all capitals, never in lower case ("turkey", "who");
2. **capitalised names**: a run of capitalised words joined by small words ("of", "the",
   "for") is a *person* after a title ("Prime Minister …", "comrade …"), an *organisation*
   when it holds an organisation word ("Party", "Committee", "Front", "Union" …), and an
   acronym is an organisation when the text defines it or uses it twice. A gazetteer
   organisation or person inside a run wins over the run; a run that is an organisation
   wins over a state inside it ("Communist Party of Peru" does not name Peru);
3. **surnames**: a person named in full is then also counted where the surname stands alone;
4. **stance**: a cue of the document's own voice before the name, in the same clause and
   close to it ("condemns the complicity of X", "solidarity with X", "long live X"), or just
   after it ("hold X accountable"), unless what lies between says the name is a victim or a
   place ("the killing of Palestinians"), the clause is someone else's ("Egypt condemns …",
   "…, he said") or the cue is inside quotation marks. A news report (``Card.genre ==
   "news"``) reports the stances of others, so it only *mentions*;
5. one :class:`~statecheck.model.Mention` per entity (:func:`~statecheck.extract.issuers.entity_key`,
   so "Perú" and "Peru", an acronym and the name it stands for, count as one), most named first;
   its stance is the one the document takes most often (a tie: ``mentions``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless
from statecheck.extract.deadline import Deadline
from statecheck.extract.issuers import acronym_definitions, alias_index, entity_key, looks_like_acronym
from statecheck.extract.sentences import Sentence, split_sentences
from statecheck.model import Document, Mention, MentionKind, Stance
from statecheck.options import Options

# A capitalised word: "Party", "Perú", "ISL-Peru", "U.N.", "al-Qassam", "Workers'"; a possessive
# "'s" stays on the word and is dropped when the word is read.
_NAME_PREFIXES = ("al", "el", "bin", "ibn", "abu", "ben")
_CAP = rf"(?:(?:[A-Z]\.){{2,}}|(?:(?:{'|'.join(_NAME_PREFIXES)})-)?[A-ZÀ-ÖØ-Þ](?:[\w\-]|['’](?=\w))*['’]?)"
# The characters a capitalised word can start with. Checked first, it lets the regex engine give
# up at once at the many positions where no name starts (the same matches, about a third faster).
_CAP_START = rf"(?=[A-ZÀ-ÖØ-Þ]|(?:{'|'.join(_NAME_PREFIXES)})-)"
# The start of a capitalised word (as in _CAP) read backwards, for _sentences_to_read: a capital,
# then the name prefix before it if any. It begins with the capital, for the regex engine to skip
# to the next one fast.
_CAP_FIRST_REVERSED = rf"[A-ZÀ-ÖØ-Þ](?:-(?:{'|'.join(prefix[::-1] for prefix in _NAME_PREFIXES)}))?"
# Where a word that looks like an acronym (issuers.looks_like_acronym) can stand: two capitals
# with only letters between them, or two capitals each followed by a period.
_ACRONYM_HINT = re.compile(r"[A-Z][A-Za-z]*[A-Z]|[A-Z]\.[A-Z]\.")
_WORD = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|\(|\)")
_OPEN_QUOTES = "“«„\""
_CLOSE_QUOTES = "”»“\""
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class Entry:
    """A gazetteer name: what it counts as."""

    name: str
    """The name shown ("Israel" for "Israeli"); its entity key is made when it is found, so that
    the user's alias file (read by ``entity_key``) is honoured even after the lexicon is cached."""
    kind: MentionKind


@dataclass(frozen=True)
class MentionWords:
    """One language's names and cues, compiled once."""

    gazetteer: Caseless
    gazetteer_hint: re.Pattern[str]
    """Any name of the gazetteer with the capitals it may be found with: a sentence without one
    needs no gazetteer search (which, ignoring case, costs far more)."""
    forms: Mapping[str, tuple[tuple[str, Entry | None], ...]]
    """Folded form → ``(form as written, entry)``; a None entry is a phrase that names nothing."""
    runs: re.Pattern[str]
    titles: re.Pattern[str]
    title_before: re.Pattern[str]
    title_words: int
    """The most words a title has."""
    heads: frozenset[str]
    connectors: frozenset[str]
    leading: frozenset[str]
    not_acronyms: frozenset[str]
    word_acronyms: frozenset[str]
    condemns: Caseless
    condemns_after: re.Pattern[str]
    supports: Caseless
    blockers: re.Pattern[str]
    reporting: re.Pattern[str]
    self_words: re.Pattern[str]
    """The issuer speaking ("we"): a name before a cue with one between is not the cue's subject."""
    max_gap: int
    cue_hint: Caseless
    """Any stance cue, before or after a name: a sentence without one only mentions its names."""
    head_hint: re.Pattern[str]
    """Any organisation word as written: a run of capitalised words without one names no
    organisation (see :func:`_sentences_to_read`)."""
    title_hint_reversed: re.Pattern[str]
    """A title (in any case) followed by a capitalised word, in reversed text: a run names no
    person without one (see :func:`_sentences_to_read`)."""


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(lexicon.phrase_pattern(list(words)), re.IGNORECASE)


def _caseless_phrases(words: Iterable[str]) -> Caseless:
    """:func:`_phrases` for the patterns read through whole sentences, most of them ASCII."""
    return Caseless(lexicon.phrase_pattern(list(words)))


def _any_written(names: Iterable[str]) -> re.Pattern[str]:
    """Any of ``names`` as written (case kept, spaces matching any white space, no word
    boundaries). The names are grouped by their first character, the regex engine then skips
    to the few places where one of those stands instead of trying every position."""
    by_first: dict[str, set[str]] = {}
    for name in filter(None, names):
        by_first.setdefault(name[0], set()).add(name[1:])
    branches = [
        re.escape(first) + "(?:" + "|".join(r"\s+".join(map(re.escape, rest.split(" "))) for rest in sorted(rests)) + ")"
        for first, rests in sorted(by_first.items())
    ]
    return re.compile("|".join(branches) or r"(?!x)x")


def _from_first_capital(name: str) -> str:
    """The end of ``name`` from its first capital on ("al-Sisi" → "Sisi", "von der Leyen" →
    "Leyen"), where it has one: a sentence that holds the name holds that end too. A hint that
    opened with a small letter would stop the search at nearly every "a", "e" or "t" of the text,
    where it now skips to the capitals (twice as fast)."""
    first = next((index for index, char in enumerate(name) if char.isupper()), 0)
    return name[first:]


def _merged(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """A language's mentions table over the English one: names add up (a Spanish text names "Israel"
    and "Estados Unidos", "ONU" and "UN"; the English entry's name is kept as the entity's, so both
    languages count as one), while the stance cues are the language's own where it has them (an
    English short word is a different word elsewhere: "on" is a French pronoun)."""
    states: dict[str, list[str]] = {k: list(v) for k, v in base.get("states", {}).items()}
    for state, names in own.get("states", {}).items():
        states.setdefault(state, []).extend(n for n in names if n not in states[state])
    names_table: dict[str, Any] = {}
    for key in set(base.get("names", {})) | set(own.get("names", {})):
        merged = list(base.get("names", {}).get(key, []))
        merged += [n for n in own.get("names", {}).get(key, []) if n not in merged]
        names_table[key] = merged
    # Words that join a name in English but not in this language (German articles: "Forderungen der
    # Gewerkschaft" is no name, every German noun being capitalised).
    dropped = set(own.get("names", {}).get("not_connectors", []))
    names_table["connectors"] = [c for c in names_table.get("connectors", []) if c not in dropped]
    ignore = list(base.get("ignore", {}).get("phrases", [])) + list(own.get("ignore", {}).get("phrases", []))
    return {
        "states": states,
        "organisation": list(base.get("organisation", [])) + list(own.get("organisation", [])),
        "person": list(base.get("person", [])) + list(own.get("person", [])),
        "ignore": {"phrases": ignore},
        "names": names_table,
        "stance": {**base.get("stance", {}), **own.get("stance", {})},
    }


@lru_cache(maxsize=8)
def mention_words(language: str = "en") -> MentionWords:
    """The compiled lexicon of ``language``: English, with the names and stance cues of
    ``lexicon/<language>/mentions.toml`` where the language has one (:func:`_merged`)."""
    table: dict[str, Any] = lexicon.load("en", "mentions")
    if language != "en" and language in lexicon.LANGUAGES:
        own = lexicon.load(language, "mentions")
        if own:
            table = _merged(table, own)
    forms: dict[str, list[tuple[str, Entry | None]]] = {}

    def add(form: str, entry: Entry | None) -> None:
        forms.setdefault(" ".join(form.split()).casefold(), []).append((" ".join(form.split()), entry))

    for state, names in table.get("states", {}).items():
        entry = Entry(state, "state")
        for form in [state, *names]:
            add(form, entry)
    for section, kind in (("organisation", "organisation"), ("person", "person")):
        for row in table.get(section, []):
            names = row["names"]
            entry = Entry(names[0], kind)  # type: ignore[arg-type]
            for form in names:
                add(form, entry)
    for phrase in table.get("ignore", {}).get("phrases", []):
        add(phrase, None)
    names_table = table.get("names", {})
    stance = table.get("stance", {})
    connectors = [c for c in names_table.get("connectors", []) if c.strip()]
    connector_re = "|".join(re.escape(c) for c in sorted(connectors, key=len, reverse=True)) or r"(?!x)x"
    titles = names_table.get("titles", [])
    # Titles reversed as phrase_pattern would read them, lower case and single spaces.
    reversed_titles = [" ".join(title.lower().split())[::-1] for title in titles]
    # Found only as written or in all capitals (_gazetteer); the ignored phrases name nothing.
    named_forms = [written for variants in forms.values() for written, entry in variants if entry is not None]
    return MentionWords(
        gazetteer=_caseless_phrases(_all_written(forms)),
        gazetteer_hint=_any_written(
            [*map(_from_first_capital, named_forms), *(written.upper() for written in named_forms)]
        ),
        forms={key: tuple(value) for key, value in forms.items()},
        runs=re.compile(rf"{_CAP_START}{_CAP}(?:(?:\s+(?:{connector_re}))*\s+{_CAP})*"),
        titles=_phrases(titles),
        title_before=re.compile(lexicon.phrase_pattern(titles, prefix=r"(?<![\w-])", suffix=r"\s+$"), re.IGNORECASE),
        title_words=max((len(title.split()) for title in titles), default=0),
        heads=frozenset(names_table.get("organisation_heads", [])),
        connectors=frozenset(c.casefold() for c in connectors),
        leading=frozenset(names_table.get("leading_words", [])),
        not_acronyms=frozenset(names_table.get("not_acronyms", [])),
        word_acronyms=frozenset(names_table.get("word_acronyms", [])),
        condemns=_caseless_phrases(stance.get("condemns", [])),
        condemns_after=_phrases(stance.get("condemns_after", [])),
        supports=_caseless_phrases(stance.get("supports", [])),
        blockers=_phrases(stance.get("blockers", [])),
        reporting=_phrases(stance.get("reporting", [])),
        self_words=_phrases(stance.get("self_words", ["we"])),
        max_gap=int(stance.get("max_gap", 7)),
        cue_hint=_caseless_phrases([*stance.get("condemns", []), *stance.get("supports", []), *stance.get("condemns_after", [])]),
        head_hint=_any_written(names_table.get("organisation_heads", [])),
        title_hint_reversed=re.compile(
            rf"{_CAP_FIRST_REVERSED}\s+(?i:{lexicon.phrase_pattern(reversed_titles, prefix='', suffix='')})"
        ),
    )


def _all_written(forms: Mapping[str, Sequence[tuple[str, Entry | None]]]) -> list[str]:
    return [written for variants in forms.values() for written, _ in variants]


# --------------------------------------------------------------------------- finding names


@dataclass(frozen=True)
class Found:
    """One name at one place in a sentence."""

    start: int
    end: int
    """Offsets in the sentence."""
    surface: str
    """The name as written (a title and a possessive removed)."""
    kind: MentionKind
    entity: str
    shown: str | None = None
    """The gazetteer's name for it, which wins over the surface form."""


_NOT_ASCII_UPPER = bytes(code for code in range(128) if not chr(code).isupper())
_NOT_ASCII_LOWER = bytes(code for code in range(128) if not chr(code).islower())


def _shouting(sentence: str) -> bool:
    """A sentence in capitals ("STOP THE GENOCIDE!"): every word looks like an acronym there."""
    # Counting letters one by one is slow; the ASCII ones are counted at C speed, and a sentence
    # with more than four small ASCII letters for every capital it could have (its ASCII capitals
    # and all its other characters) is no shouting: that is nearly every sentence. The margin of
    # 5 keeps such a sentence a whole letter short of the test below, whatever the float rounding.
    ascii_bytes = sentence.encode("ascii", "ignore")
    lower_at_least = len(ascii_bytes.translate(None, _NOT_ASCII_LOWER))
    upper_at_most = len(ascii_bytes.translate(None, _NOT_ASCII_UPPER)) + len(sentence) - len(ascii_bytes)
    if upper_at_most + 5 <= 4 * lower_at_least:
        return False
    upper, lower = sum(map(str.isupper, sentence)), sum(map(str.islower, sentence))
    return upper + lower >= 6 and upper >= 0.8 * (upper + lower)


def _gazetteer(sentence: str, words: MentionWords, shouting: Callable[[], bool]) -> list[tuple[int, int, Entry, str]]:
    """``(start, end, entry, surface)`` of every gazetteer name written with its own capitals
    (the ignored phrases, which name nothing, are passed over). The caller searches only the
    sentences with a ``gazetteer_hint`` (:func:`_sentences_to_read`); ``shouting`` is asked only
    where a word acronym is found."""
    found: list[tuple[int, int, Entry, str]] = []
    for match in words.gazetteer.finditer(sentence):
        surface = " ".join(sentence[match.start() : match.end()].split())  # the match may hold the text lower-cased
        for written, entry in words.forms.get(surface.casefold(), ()):
            if surface == written or (surface == written.upper() and surface != surface.lower()):
                if surface in words.word_acronyms and shouting():
                    break  # "WHO IS TO BLAME" in a headline
                if entry is not None:
                    found.append((match.start(), match.end(), entry, surface))
                break
    return found


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text, start, end)]


def _strip_possessive(word: str) -> str:
    # endswith first: most words have no possessive, and a regex call costs more.
    return _POSSESSIVE.sub("", word) if len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS) else word


class _EntityKeys:
    """:func:`entity_key` for one document, each name looked up once: names come back sentence
    after sentence. The alias files are read once for the document, not at every look-up."""

    def __init__(self, acronyms: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> None:
        self.acronyms = acronyms
        """The acronyms the document defines."""
        self._aliases = aliases
        """The :func:`alias_index`, when the caller has it already."""
        self._plain: dict[str, str] = {}
        self._expanded: dict[str, str] = {}

    def of(self, name: str) -> str:
        key = self._plain.get(name)
        if key is None:
            key = self._plain[name] = entity_key(name, aliases=self._alias_index())
        return key

    def expanded(self, name: str) -> str:
        """The key of ``name``, read with the document's acronyms."""
        key = self._expanded.get(name)
        if key is None:
            key = self._expanded[name] = entity_key(name, self.acronyms, aliases=self._alias_index())
        return key

    def _alias_index(self) -> Mapping[str, str]:
        if self._aliases is None:
            self._aliases = alias_index()  # when the first name is looked up, as entity_key would
        return self._aliases


class _SentenceReader:
    """Finds the names of one sentence."""

    def __init__(self, sentence: str, words: MentionWords, keys: _EntityKeys) -> None:
        self.sentence = sentence
        self.words = words
        self.keys = keys
        self.acronyms = keys.acronyms
        self._shouting: bool | None = None

    def shouting(self) -> bool:
        """Whether the sentence is in capitals; worked out only where it matters (a word acronym
        in the gazetteer, a run to read)."""
        if self._shouting is None:
            self._shouting = _shouting(self.sentence)
        return self._shouting

    def read(self, gazetteer: bool, name_hints: Sequence[tuple[int, int]]) -> tuple[list[Found], list[Found]]:
        """The names found, and the acronyms not yet known to be organisations (kept for the
        document-wide count: an acronym used twice is taken for one). ``gazetteer`` False: the
        sentence holds no gazetteer name; ``name_hints``: where a capitalised run can name
        something (:func:`_sentences_to_read`), a run that overlaps none is passed over."""
        named: list[Found] = []
        states: list[Found] = []
        for start, end, entry, surface in _gazetteer(self.sentence, self.words, self.shouting) if gazetteer else ():
            item = Found(start, end, surface, entry.kind, self.keys.of(entry.name), entry.name)
            (states if entry.kind == "state" else named).append(item)
        maybe: list[Found] = []
        if name_hints and not self.shouting():
            for run in self.words.runs.finditer(self.sentence):
                if not any(start < run.end() and run.start() < end for start, end in name_hints):
                    continue
                # Gazetteer organisations and people cut the run; states and ignored phrases do not.
                cuts = sorted(
                    (f.start, f.end) for f in named if f.start < run.end() and f.end > run.start()
                ) if named else []
                position = run.start()
                owner: int | None = None  # where the name before the piece starts
                for cut_start, cut_end in [*cuts, (run.end(), run.end())]:
                    if cut_start > position:
                        self._piece(position, cut_start, named, maybe, owner)
                    if cut_end > position:
                        owner, position = cut_start, cut_end
        # A state inside an organisation's name ("Communist Party of Peru") is part of that name.
        kept_states = [s for s in states if not any(f.start <= s.start and s.end <= f.end for f in named)]
        return named + kept_states, maybe

    # -- one piece of a capitalised run, between gazetteer names

    def _piece(self, start: int, end: int, named: list[Found], maybe: list[Found], owner: int | None = None) -> None:
        """``owner``: where the gazetteer name just before the piece starts, if any."""
        tokens = self._trim(_tokens(self.sentence, start, end))
        if tokens and self._word(tokens[0]) in _POSSESSIVE_ENDINGS and owner is not None:
            # "Hamas's Political Bureau": the body is named with its owner ("Political Bureau"
            # alone would be one entity for every party's); the owner is counted on its own too.
            tokens = tokens[1:]
        else:
            owner = None
        if not tokens:
            return
        if self._person(tokens, named):
            return
        self._organisation(tokens, named, maybe, owner)

    def _word(self, token: tuple[int, int]) -> str:
        return self.sentence[token[0] : token[1]]

    def _trim(self, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Drop sentence-opening words ("The", "Today", "Statement") and small words at the edges."""
        while tokens and (
            self._word(tokens[0]) in self.words.leading or self._word(tokens[0]).casefold() in self.words.connectors
        ):
            tokens = tokens[1:]
        while tokens and self._word(tokens[-1]).casefold() in self.words.connectors:
            tokens = tokens[:-1]
        return tokens

    def _person(self, tokens: list[tuple[int, int]], named: list[Found]) -> bool:
        """A title and then a name ("Prime Minister Benjamin Netanyahu", "comrade Jose Sison"):
        adds the person, and reads what stood before the title on its own. False when no title
        is followed by a name."""
        start, end = tokens[0][0], tokens[-1][1]
        candidates: list[tuple[int, int]] = []  # (title start, name start)
        if len(tokens) > 1:  # a title that is the whole piece has no name after it
            starts, ends = {t[0] for t in tokens}, {t[1] for t in tokens}
            candidates = [m.span() for m in self.words.titles.finditer(self.sentence, start, end)
                          if m.start() in starts and m.end() in ends]
        if self._title_before(start):
            candidates.append((start, start))
        for title_start, title_end in reversed(candidates):
            rest = [t for t in tokens if t[0] >= title_end]
            name: list[tuple[int, int]] = []
            for token in rest:
                word = _strip_possessive(self._word(token))
                if (word.casefold() in self.words.connectors or word in self.words.heads
                        or self.words.titles.fullmatch(word) or len(name) == 4):
                    break
                name.append(token)
            if not name or not rest or name[0] != rest[0]:
                continue
            surface = _strip_possessive(self.sentence[name[0][0] : name[-1][1]])
            if surface.casefold() in self.words.forms:
                continue  # a state or an organisation after a title ("President of Israel" aside)
            named.append(Found(name[0][0], name[-1][1], surface, "person", self.keys.of(surface)))
            head = [t for t in tokens if t[1] <= title_start]
            if head:
                self._organisation(self._trim(head), named, [])
            return True
        return False

    def _title_before(self, start: int) -> bool:
        """Whether a title stands just before ``start``, followed by white space."""
        if start == 0 or not self.sentence[start - 1].isspace():
            return False
        # The title is among the last few words before the run: search those alone, not the
        # whole sentence again for every run.
        words_before = self.sentence[:start].rsplit(None, self.words.title_words)
        search_from = len(words_before[0]) if len(words_before) > self.words.title_words else 0
        return self.words.title_before.search(self.sentence, search_from, start) is not None

    def _organisation(
        self, tokens: list[tuple[int, int]], named: list[Found], maybe: list[Found], owner: int | None = None
    ) -> None:
        """``owner``: where the name that owns this one starts (:meth:`_piece`)."""
        if not tokens:
            return
        words = [_strip_possessive(self._word(t)) for t in tokens]
        if len(tokens) >= 2 and any(word in self.words.heads for word in words):
            for index, word in enumerate(words):
                if word in {"and", "&"}:
                    left, right = self._trim(tokens[:index]), self._trim(tokens[index + 1 :])
                    if self._is_org(left) and self._is_org(right):
                        # Two organisations joined by "and" ("the Communist Party and the Workers' Union").
                        self._organisation(left, named, maybe)
                        self._organisation(right, named, maybe)
                        return
                    if self._is_org(left) and not any(self._head_like(t) for t in right):
                        # The name ends before "and": "the Communist Party of Peru and Peru's government".
                        self._organisation(left, named, maybe)
                        return
            start = tokens[0][0] if owner is None else owner
            surface = _strip_possessive(self.sentence[start : tokens[-1][1]])
            named.append(Found(start, tokens[-1][1], surface, "organisation", self.keys.expanded(surface)))
            return
        if len(tokens) == 1:
            word = words[0]
            if not looks_like_acronym(word) or word in self.words.not_acronyms or word.casefold() in self.words.forms:
                return
            letters = sum(ch.isalpha() for ch in word)
            if letters >= 2:
                item = Found(tokens[0][0], tokens[0][1], word, "organisation", self.keys.expanded(word))
                if word in self.acronyms:
                    named.append(item)
                elif letters >= 3:
                    maybe.append(item)

    def _is_org(self, tokens: list[tuple[int, int]]) -> bool:
        return len(tokens) >= 2 and any(_strip_possessive(self._word(t)) in self.words.heads for t in tokens)

    def _head_like(self, token: tuple[int, int]) -> bool:
        """An organisation word, or its plural ("Parties and Organisations" continue a name)."""
        word = _strip_possessive(self._word(token))
        heads = self.words.heads
        return word in heads or word.removesuffix("s") in heads or (word.endswith("ies") and word[:-3] + "y" in heads)


# --------------------------------------------------------------------------- stance


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    stance: Stance


def _inside_quotes(sentence: str, position: int) -> bool:
    if not any(mark in sentence for mark in "“«„\""):
        return False
    opened = 0
    for ch in sentence[:position]:
        if ch in "“«„":
            opened += 1
        elif ch in "”»" and opened:
            opened -= 1
        elif ch == '"':
            opened = 0 if opened else 1
    return opened > 0


def _clause(sentence: str, position: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _gap_words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def _stances(sentence: str, found: Sequence[Found], words: MentionWords, own: frozenset[str]) -> list[Stance]:
    """The document's stance towards each name of ``found`` (in the same order)."""
    if not found:
        return []
    if not words.cue_hint.search(sentence):
        return ["mentions"] * len(found)
    spans = sorted(found, key=lambda f: f.start)

    def outside(start: int, end: int) -> bool:
        return not any(f.start < end and start < f.end for f in spans)

    kinds: tuple[tuple[Caseless, Stance], ...] = ((words.condemns, "condemns"), (words.supports, "supports"))
    cues = [
        _Cue(m.start(), m.end(), stance)
        for pattern, stance in kinds
        for m in pattern.finditer(sentence)
        if outside(m.start(), m.end()) and not _inside_quotes(sentence, m.start())
    ]
    result: list[Stance] = []
    for item in found:
        clause_start, clause_end = _clause(sentence, item.start)
        clause = sentence[clause_start:clause_end]
        stance: Stance = "mentions"
        if not words.reporting.search(clause):
            stance = _before(sentence, item, cues, spans, words, own, clause_start) or _after(
                sentence, item, spans, words, clause_end
            ) or "mentions"
        result.append(stance)
    return result


def _masked(sentence: str, start: int, end: int, spans: Sequence[Found]) -> str:
    """The text between two offsets with every name in it replaced by a placeholder word."""
    text = sentence[start:end]
    for f in sorted((f for f in spans if start <= f.start and f.end <= end), key=lambda f: -f.start):
        text = text[: f.start - start] + " NAME " + text[f.end - start :]
    return text


def _before(
    sentence: str, item: Found, cues: Sequence[_Cue], spans: Sequence[Found], words: MentionWords,
    own: frozenset[str], clause_start: int,
) -> Stance | None:
    candidates = [c for c in cues if clause_start <= c.start and c.end <= item.start]
    if not candidates:
        return None
    cue = max(candidates, key=lambda c: c.end)
    # Someone else named just before the cue is its subject: "Egypt condemns …", "the United States
    # strongly supports …" are their stances, not the document's.
    for f in spans:
        if clause_start <= f.start and f.end <= cue.start and f.entity not in own:
            between = sentence[f.end : cue.start]
            if "," not in between and _gap_words(between) <= 3 and not words.self_words.search(between):
                return None
    gap = _masked(sentence, cue.end, item.start, spans)
    if _gap_words(gap.replace("NAME", "")) > words.max_gap or words.blockers.search(gap):
        return None
    return cue.stance


def _after(sentence: str, item: Found, spans: Sequence[Found], words: MentionWords, clause_end: int) -> Stance | None:
    match = words.condemns_after.search(sentence, item.end, clause_end)
    if match is None:
        return None
    gap = sentence[item.end : match.start()]
    if _gap_words(gap) > 3 or words.blockers.search(gap) or not all(f.end <= item.end or f.start >= match.end() for f in spans):
        return None
    return "condemns"


# --------------------------------------------------------------------------- the document


@dataclass
class _Tally:
    kind: MentionKind
    shown: str | None
    first: int
    surfaces: dict[str, int]
    stances: dict[str, int]

    def name(self) -> str:
        if self.shown:
            return self.shown
        if self.kind == "person":  # the full name over the surname alone
            return max(self.surfaces, key=len)
        # The long form over its acronym, then the spelling used most, then the first seen.
        ranked = sorted(self.surfaces.items(), key=lambda kv: (looks_like_acronym(kv[0]), -kv[1]))
        return ranked[0][0]

    def stance(self) -> Stance:
        condemns, supports = self.stances.get("condemns", 0), self.stances.get("supports", 0)
        if condemns > supports:
            return "condemns"
        if supports > condemns:
            return "supports"
        return "mentions"


def find_mentions(
    text: str, *, language: str = "en", issuers: Iterable[str] = (), genre: str | None = None,
    deadline: Deadline | None = None, aliases: Mapping[str, str] | None = None,
) -> tuple[Mention, ...]:
    """The people, states and organisations ``text`` names, most named first.

    ``issuers``: the entity keys of the document's own issuers (a cue after their name is the
    document's own stance, "The Party condemns …"). ``genre`` ``news``: no stance is read.
    ``deadline``: checked before each sentence that is read. ``aliases``: the :func:`alias_index`
    when the caller has it already.
    """
    words = mention_words(language)
    keys = _EntityKeys(acronym_definitions(text), aliases)
    own = frozenset(issuers)
    sentences = split_sentences(text, language if language in lexicon.LANGUAGES else "en")
    with_gazetteer, name_hints = _sentences_to_read(text, sentences, words)
    per_sentence: list[tuple[str, list[Found]]] = [(sentence.text, []) for sentence in sentences]
    maybe_count: dict[str, int] = {}
    maybes: list[tuple[int, Found]] = []
    for index in sorted(with_gazetteer | name_hints.keys()):
        sentence = sentences[index]
        if deadline is not None:
            deadline.check(sentence.start)
        reader = _SentenceReader(sentence.text, words, keys)
        found, maybe = reader.read(index in with_gazetteer, name_hints.get(index, ()))
        per_sentence[index] = (sentence.text, found)
        for item in maybe:
            maybe_count[item.surface] = maybe_count.get(item.surface, 0) + 1
            maybes.append((index, item))
    # An acronym nobody defines counts once it is used twice ("CIPOML … the CIPOML").
    for index, item in maybes:
        if maybe_count[item.surface] >= 2:
            found = per_sentence[index][1]
            # A state inside the acronym ("ISL-Peru") is part of its name.
            found[:] = [f for f in found if not (f.kind == "state" and item.start <= f.start and f.end <= item.end)]
            found.append(item)
    _add_surnames(per_sentence)
    tallies: dict[str, _Tally] = {}
    position = 0
    for text_of, found in per_sentence:
        if not found:
            continue
        found = _drop_repeated_acronyms(text_of, found)
        stances: list[Stance] = _stances(text_of, found, words, own) if genre != "news" else ["mentions"] * len(found)
        for item, stance in sorted(zip(found, stances), key=lambda pair: pair[0].start):
            position += 1
            tally = tallies.setdefault(item.entity, _Tally(item.kind, item.shown, position, {}, {}))
            tally.surfaces[item.surface] = tally.surfaces.get(item.surface, 0) + 1
            tally.stances[stance] = tally.stances.get(stance, 0) + 1
    mentions = [
        Mention(name=t.name(), kind=t.kind, count=sum(t.surfaces.values()), stance=t.stance(), entity=entity)
        for entity, t in tallies.items()
    ]
    order = {entity: t.first for entity, t in tallies.items()}
    return tuple(sorted(mentions, key=lambda m: (-m.count, order[m.entity or ""])))


def _sentences_to_read(
    text: str, sentences: Sequence[Sentence], words: MentionWords,
) -> tuple[set[int], dict[int, list[tuple[int, int]]]]:
    """The sentences (their indices) that may hold a gazetteer name, and for those where a run of
    capitalised words may name something, where that can be (offsets in the sentence). Most
    sentences hold neither, and most runs name nothing ("The", "Gaza Strip", "Human Rights Day");
    reading each of them cost most of the time.

    A run (or a piece of it between gazetteer names, :meth:`_SentenceReader.read`) names something
    only when it holds an organisation word and two words or more, when a title and then a
    capitalised word stands in it or just before it, or when its only word looks like an acronym.
    The hints below match at a superset of those places (and of gazetteer names) and have no
    look-arounds: a match in a sentence is then a match in the whole text too, and the text is
    searched once, not sentence by sentence. Where the search of the whole text passes over such a
    match, a match before it covered its start, so every run that can name something overlaps a
    hint, and every sentence with a gazetteer name is read.

    Titles are matched in any case, which the regex engine cannot skip through quickly (it would
    try the titles at nearly every position); a title before a name is rare and is followed by a
    capital, which the engine does skip to: the reversed text is searched for a capital and then a
    reversed title."""
    ends = [sentence.end for sentence in sentences]
    gazetteer: set[int] = set()
    position = 0
    # One gazetteer name is enough to read a sentence: the search goes on after its end.
    while (match := words.gazetteer_hint.search(text, position)) is not None:
        position = match.end()
        for index in _overlapping(sentences, ends, match.start(), match.end()):
            gazetteer.add(index)
            position = max(position, sentences[index].end)
    length = len(text)
    hints = [
        *(match.span() for match in words.head_hint.finditer(text)),
        *(match.span() for match in _ACRONYM_HINT.finditer(text)),
        *((length - match.end(), length - match.start()) for match in words.title_hint_reversed.finditer(text[::-1])),
    ]
    name_hints: dict[int, list[tuple[int, int]]] = {}
    for start, end in hints:
        for index in _overlapping(sentences, ends, start, end):
            offset = sentences[index].start
            name_hints.setdefault(index, []).append((start - offset, end - offset))
    return gazetteer, name_hints


def _overlapping(sentences: Sequence[Sentence], ends: Sequence[int], start: int, end: int) -> Iterator[int]:
    """The indices of the sentences that overlap ``text[start:end]`` (``ends``: the sentences' ends)."""
    index = bisect_right(ends, start)  # the first sentence that ends after the span starts
    while index < len(sentences) and sentences[index].start < end:
        yield index
        index += 1


def _add_surnames(per_sentence: list[tuple[str, list[Found]]]) -> None:
    """Count a person named in full ("President Nicolás Maduro") where the surname stands alone."""
    surnames: dict[str, Found] = {}
    for _, found in per_sentence:
        for item in found:
            parts = item.surface.split()
            if item.kind == "person" and item.shown is None and len(parts) >= 2 and len(parts[-1]) >= 3:
                surnames.setdefault(parts[-1], item)
    if not surnames:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in surnames) + r")(?![\w-])")
    for sentence, found in per_sentence:
        for match in pattern.finditer(sentence):
            if any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            person = surnames[match.group(1)]
            found.append(Found(match.start(), match.end(), match.group(1), "person", person.entity, None))


def _drop_repeated_acronyms(sentence: str, found: list[Found]) -> list[Found]:
    """"Union of Olive Growers (UOG)" names the union once, not twice."""
    kept = []
    ordered = sorted(found, key=lambda f: f.start)
    for index, item in enumerate(ordered):
        previous = ordered[index - 1] if index else None
        if (previous is not None and previous.entity == item.entity
                and sentence[previous.end : item.start].strip() == "("):
            continue
        kept.append(item)
    return kept


def extract_mentions(document: Document, options: Options) -> Document:
    """Reads the normalised text and the card (language, genre, issuers); adds ``mentions``."""
    card = document.card
    own = {role.entity for role in card.roles if role.entity}
    # The alias index once for the document, not for each name (each time a look at the user's
    # alias file); only where a name is looked up, as entity_key would.
    aliases = alias_index() if card.issuers else None
    own.update(entity_key(name, aliases=aliases) for name in card.issuers)
    text = document.text.normalised
    deadline = Deadline("mentions", options, location=document.source.location, length=len(text))
    mentions = find_mentions(
        text, language=card.language or "en", issuers=own, genre=card.genre, deadline=deadline, aliases=aliases
    )
    return replace(document, mentions=mentions)
