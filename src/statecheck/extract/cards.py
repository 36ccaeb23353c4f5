"""The document card: title, date, issuers, place and language (spec §6).

A cascade in the manner of trafilatura's ``metadata.py``: each ``date_from_*``,
``title_from_*``, ``issuers_from_*`` and ``place_from_*`` function reads one kind of evidence
and returns a value or None; the card takes the first. What the text itself states (a
dateline, a heading, a signature block) comes before the metadata (sidecar, HTML tags, the
URL), which comes before what the text only implies (time elapsed since the war began) and
the date stamp some scrapers print at the top (" date 2024-03-06 "), which is when the page
was copied, not when it was written.

Every word the steps look for is in ``lexicon/<language>/cards.toml``; the structural cues
of all five languages are read together (a Spanish page may carry an English byline), the
stopwords of each tell the language apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from typing import Any, NamedTuple

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless
from statecheck.extract.dates import WAR_START, add_months, format_date
from statecheck.extract.issuers import (
    acronym_definitions,
    alias_index,
    entity_key,
    is_acronym_of,
    looks_like_acronym,
    split_acronym,
)
from statecheck.extract.numbers import parse_words
from statecheck.memo import per_document
from statecheck.model import Card, Document, Issuer
from statecheck.options import Options

LANGUAGES = lexicon.LANGUAGES

#: Values of a sidecar's ``publisher_type`` that mark a news report: its issuer reports what
#: others say, so the first sentence's subject is news, not the issuer.
NEWS_PUBLISHER_TYPES = frozenset(
    {"news_agency", "newspaper", "broadcaster", "israeli_media", "media", "magazine", "news", "news_site", "wire"}
)

# A scraper's date stamp at the very top: " date 2024-03-06 Title…" (format of the crawl, not a language).
_STAMP = re.compile(r"^\s*date\s+(?P<date>(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)\b[ \t]*")
_EMPHASIS = re.compile(r"\*\*|__")
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪●]\s*|\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_SENTENCE_END = tuple(".!?")
_SENTENCE_OR_LIST_END = (*_SENTENCE_END, ":")
_CLAUSE_END = (*_SENTENCE_END, ":", ";")
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’&.\-]*"
# Compiled once: the card asks these of every line or paragraph of a document's head.
_LABEL_COLON = re.compile(r"\w:\s")
_LAST_WORD = re.compile(r"[\w’'-]+$")
_SENTENCE_STOP = re.compile(r"[.!?](?:[\"'”’»)\]]*)(?:\s+[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9]|\s*$)")
_FULL_STOP = re.compile(r"\.(?:[\"'”’»)\]]*)(?:\s+[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9]|\s*$)")
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
#: The card reads at most this many characters of a line or a paragraph. Titles, datelines,
#: bylines and signatures are short; a longer run (a table flattened into one line, a hostile
#: input) would make every cue a scan of all of it, once per cue.
MAX_CARD_CHARS = 5000
_DOT_WORD = re.compile(r"\.\w")
_YEAR = re.compile(r"(?:19|20)\d\d")
"""What every date :attr:`CardWords.date` finds holds (its ``year``)."""


def _has_email_or_url(text: str) -> bool:
    r"""Whether ``text`` holds an e-mail address or a web address.

    What the regex ``\S+@\S+\.\w+|https?://|www\.`` finds, in linear time: that regex takes
    cubic time on a long run like ``a@a@a@…`` (minutes for 10,000 characters). In a run of
    non-space characters only the first ``@`` after its first character needs trying: a later
    one has less of the run after it.
    """
    if "http://" in text or "https://" in text or "www." in text:
        return True
    for token in text.split():
        at = token.find("@", 1)
        if at > 0 and _DOT_WORD.search(token, at + 2):
            return True
    return False


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, eq=False)
class CardWords:
    """The card's cues of every language, compiled once (hashed by identity: a key of the caches
    of :func:`org_name` and :func:`date_line`)."""

    months: Mapping[str, int]
    date: re.Pattern[str]
    weekday: re.Pattern[str]
    date_prefix: re.Pattern[str]
    date_label: re.Pattern[str]
    """ "Updated:", "Publié le": a label before a date, not a place."""
    """A word before a date at the end of a place ("…, le" in "Paris, le 5 décembre 2023")."""
    elapsed: tuple[
        tuple[re.Pattern[str], Callable[[str], float | None], Mapping[str, int], Mapping[str, int], tuple[str, ...], re.Pattern[str] | None],
        ...,
    ]
    """Per pattern: the pattern, what reads its number, its units and halves, and a quicker pattern that every
    match of it holds (from the space before its unit on, :func:`_held_from`; None where the
    pattern has none)."""
    day_of: tuple[tuple[re.Pattern[str], Mapping[str, float], re.Pattern[str] | None], ...]
    """Per pattern: the pattern, its numbers, and a quicker pattern that every match of it holds."""
    elapsed_by_language: Mapping[str, tuple[Any, Any]]
    """``elapsed`` and ``day_of`` of one language: a text whose language is known is read with its own."""
    wrap_words: frozenset[str]
    labels: frozenset[str]
    photo_credits: re.Pattern[str]
    mottos: frozenset[str]
    statement_heads: re.Pattern[str]
    bylines: re.Pattern[str]
    credits_author: Caseless
    credits_other: Caseless
    issued_by: Caseless
    republished: re.Pattern[str]
    bodies: re.Pattern[str]
    body_of: re.Pattern[str]
    """A body of an organisation and "of" opening a name ("Central Committee of …")."""
    org_words: re.Pattern[str]
    org_suffixes: re.Pattern[str]
    release_verbs: re.Pattern[str]
    name_run: re.Pattern[str]
    """A run of capitalised words, connectors allowed between them ("Office for the Coordination")."""
    article: re.Pattern[str]
    """An article opening a name ("The …")."""
    name_joiners: re.Pattern[str]
    topic: re.Pattern[str]
    """Where a statement heading turns from its issuer to its topic (" on ", " ante ", " sur ")."""
    person_sign: re.Pattern[str]
    """A person's signature: "Name Surname, General Secretary"."""
    signature_label: re.Pattern[str]
    endorsement: re.Pattern[str]
    endorser_labels: Mapping[str, str]
    stopwords: Mapping[str, Mapping[str, float]]
    """language → word → weight (a word shared by several languages counts for less)."""

    def find_date(self, text: str) -> re.Match[str] | None:
        """The first date phrase in ``text`` (``date.search``). Every form of date has a year and
        most lines have none: looking for one first spares trying the month names at every place."""
        return self.date.search(text) if _YEAR.search(text) else None


def _table(language: str) -> dict[str, Any]:
    return lexicon.load(language, "cards")


def _union(section: str, key: str) -> list[str]:
    words: list[str] = []
    for language in LANGUAGES:
        value = _table(language).get(section, {}).get(key, [])
        words.extend(value if isinstance(value, list) else list(value))
    return words


def _mapping(section: str, key: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for language in LANGUAGES:
        merged.update({str(k).lower(): v for k, v in _table(language).get(section, {}).get(key, {}).items()})
    return merged


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered) or r"(?!x)x"


def _trie(words: Iterable[str]) -> str:
    """What :func:`_alternation` matches (case ignored), laid out as a trie (:func:`lexicon.phrase_pattern`)."""
    return lexicon.phrase_pattern(list(words), prefix="", suffix="")


def _phrases(words: Iterable[str], *, start: bool = False, end: bool = False) -> re.Pattern[str]:
    body = _trie(words)
    head = r"^\s*" if start else r"(?<![\w])"
    tail = r"\s*$" if end else r"(?![\w])"
    return re.compile(f"{head}(?:{body}){tail}", re.IGNORECASE)


def _elapsed_patterns(language: str) -> tuple[Any, ...]:
    table = _table(language).get("elapsed", {})
    if not table:
        return ()
    numbers = {str(k).lower(): float(v) for k, v in table.get("numbers", {}).items()}
    unit_days = {str(k).lower(): int(v) for k, v in table.get("unit_days", {}).items()}
    unit_months = {str(k).lower(): int(v) for k, v in table.get("unit_months", {}).items()}
    half = tuple(h.lower() for h in table.get("half", []))
    # These patterns are tried at every word of a text; the word lists as tries ("seven(?:t(?:een|y))?")
    # rather than flat alternations match the same and are tried about a third faster.
    bound = _trie(table.get("bounds", []))
    # a number in several words too ("one hundred and twelve days into the onslaught")
    word = _trie(numbers)
    joiner = rf"(?:(?:{_trie(table['number_joiners'])})\s+)?" if table.get("number_joiners") else ""
    number = rf"(?:(?:{bound})\s+)?(?P<n>\d{{1,3}}|{word}(?:(?:\s+|-){joiner}{word})*)(?P<half>\s+(?:{_trie(half)}))?"
    unit = rf"(?P<unit>{_trie(list(unit_days) + list(unit_months))})"
    # A few words (or an elided article, "l'") and then the event: "the criminal offensive".
    event = rf"(?:[\w’'-]+\s+|\w+['’]){{0,4}}?(?:{_trie(table.get('events', []))})(?![\w])"

    def fill(pattern: str) -> str:
        return pattern.replace("{n}", number).replace("{unit}", unit).replace("{event}", event)

    compiled = []
    for pattern in table.get("patterns", []):
        regex = re.compile(rf"(?<![\w]){fill(pattern)}", re.IGNORECASE)
        compiled.append((regex, partial(_number, numbers=numbers, language=language), unit_days, unit_months, half,
                         _held_from(pattern, " {unit}", fill)))

    def fill_day(pattern: str) -> str:
        return pattern.replace("{n}", r"(?P<n>\d{1,4})").replace("{event}", event)

    day_of = []
    for pattern in table.get("day_patterns", []):
        regex = re.compile(rf"(?<![\w]){fill_day(pattern)}", re.IGNORECASE)
        day_of.append((regex, numbers, _held_from(pattern, "{n}", fill_day)))
    return tuple(compiled), tuple(day_of)


def _held_from(pattern: str, placeholder: str, fill: Callable[[str], str]) -> re.Pattern[str] | None:
    """What every match of an elapsed-time ``pattern`` holds from its ``placeholder`` on (" years of
    … war" from " {unit}", "7 of the war" from "{n}"), or None where the pattern has none outside
    a group. ``fill`` puts the regexes of {n}, {unit} and {event} in a pattern.

    Such a pattern opens with a number and its bounds (many words, tried at every word of a text);
    a search from a space and a unit, or from a digit, passes over a text quickly, and most texts
    have no place where the rest of the pattern follows: the pattern itself is not tried there."""
    if placeholder not in pattern:
        return None
    head, tail = pattern.split(placeholder, 1)
    try:
        re.compile(fill(head))
    except re.error:  # the placeholder inside a group: what follows it is not in every match
        return None
    return re.compile(fill(placeholder + tail), re.IGNORECASE)


@lru_cache(maxsize=1)
def card_words() -> CardWords:
    """The merged, compiled cues (cached: the lexicon files are read once)."""
    months = {k: int(v) for k, v in _mapping("dates", "months").items()}
    month = rf"(?:{_trie(months)})\.?"
    ordinal = _trie(_union("dates", "ordinal_suffixes"))
    connectors = _trie(_union("dates", "connectors"))
    day = rf"[0-3]?\d(?:{ordinal}|\.)?"
    year = r"(?:19|20)\d\d"
    conn = rf"(?:(?:{connectors})\s+)*"
    date = re.compile(
        rf"(?<![\w-])(?:(?P<iso>{year}-[01]\d-[0-3]\d)"
        rf"|(?P<d1>{day})(?:\s+|\s*[-/]\s*){conn}(?P<m1>{month})(?:\s*,)?\s+{conn}(?P<y1>{year})"
        rf"|(?P<m2>{month})\s+(?P<d2>{day}),?\s+(?P<y2>{year})"
        rf"|(?P<m3>{month}),?\s+{conn}(?P<y3>{year}))(?![\w])",
        re.IGNORECASE,
    )
    elapsed: list[Any] = []
    day_of: list[Any] = []
    elapsed_by_language: dict[str, tuple[Any, Any]] = {}
    for language in LANGUAGES:
        patterns = _elapsed_patterns(language)
        if patterns:
            elapsed.extend(patterns[0])
            day_of.extend(patterns[1])
            elapsed_by_language[language] = (patterns[0], patterns[1])
    stopwords: dict[str, dict[str, float]] = {}
    owners: dict[str, int] = {}
    for language in LANGUAGES:
        words = {w.lower() for w in _table(language).get("language", {}).get("stopwords", [])}
        stopwords[language] = {w: 1.0 for w in words}
        for w in words:
            owners[w] = owners.get(w, 0) + 1
    for language, words_of in stopwords.items():
        for w in words_of:
            words_of[w] = 1.0 / owners[w]
    endorser_labels = _mapping("issuers", "unnamed_endorsers")
    endorsement = re.compile(
        rf"(?<![\w])(?P<who>{_trie(endorser_labels)})\s+(?:also\s+|hereby\s+|fully\s+)?"
        rf"(?:{_trie(_union('issuers', 'endorse_verbs'))})\s+(?:[\w’'-]+\s+){{0,4}}?"
        rf"(?:{_trie(_union('issuers', 'endorsed_documents'))})(?![\w])",
        re.IGNORECASE,
    )
    return CardWords(
        months=months,
        date=date,
        weekday=_phrases(_union("dates", "weekdays")),
        date_label=re.compile(rf"^\s*(?:{_alternation(_union('dates', 'date_labels'))})\s*:?\s*", re.IGNORECASE),
        date_prefix=re.compile(rf"(?<![\w])(?:{_alternation(_union('dates', 'date_prefixes'))})\s*$", re.IGNORECASE),
        elapsed=tuple(elapsed),
        day_of=tuple(day_of),
        elapsed_by_language=elapsed_by_language,
        wrap_words=frozenset(w.lower() for w in _union("layout", "wrap_words")),
        labels=frozenset(w.lower() for w in _union("layout", "labels")),
        photo_credits=re.compile(rf"^\s*(?:{_alternation(_union('layout', 'photo_credits'))})", re.IGNORECASE),
        mottos=frozenset(_squash(m) for m in _union("layout", "mottos")),
        statement_heads=re.compile(
            rf"^\s*(?:{_alternation(_union('issuers', 'statement_heads'))})\s+(?P<name>.+)$", re.IGNORECASE
        ),
        bylines=re.compile(rf"^\s*(?i:{_alternation(_union('issuers', 'bylines'))})\s+(?P<rest>[A-ZÀ-ÖØ-Þ].*)$"),
        # Searched through whole paragraphs for where they stand: read lower-cased (:class:`Caseless`).
        credits_author=Caseless(_phrases(_union("issuers", "credits_author")).pattern),
        credits_other=Caseless(_phrases(_union("issuers", "credits_other")).pattern),
        issued_by=Caseless(_phrases(_union("issuers", "issued_by")).pattern),
        republished=_phrases(_union("issuers", "republished")),
        bodies=re.compile(
            rf"^\s*(?:(?:[IVXLC]+|\d+(?:st|nd|rd|th|º|ª|e|er|\.)?)\s+)?(?:{_alternation(_union('issuers', 'bodies'))})\s*$",
            re.IGNORECASE,
        ),
        body_of=re.compile(
            rf"^(?:{_alternation(_union('issuers', 'bodies'))})\s+(?:{_alternation(_union('issuers', 'of_words'))})\s+",
            re.IGNORECASE,
        ),
        org_words=_phrases(_union("issuers", "org_words")),
        org_suffixes=re.compile(rf"(?<![\w])(?:{_alternation(_union('issuers', 'org_suffixes'))})\s*$", re.IGNORECASE),
        release_verbs=re.compile(rf"^\s*(?:{_alternation(_union('issuers', 'release_verbs'))})(?![\w])", re.IGNORECASE),
        name_run=re.compile(
            rf"{_CAPITALISED}(?:\s+(?:(?:{_alternation(_union('issuers', 'name_connectors'))})\s+)*{_CAPITALISED})*"
        ),
        article=re.compile(rf"^(?:{_alternation(_union('issuers', 'articles'))})(?:\s+|(?<=['’]))", re.IGNORECASE),
        name_joiners=re.compile(rf"\s+(?:{_alternation(_union('issuers', 'name_joiners'))})\s+", re.IGNORECASE),
        topic=re.compile(rf"\s(?:{_alternation(_union('issuers', 'topic_words'))})\s", re.IGNORECASE),
        person_sign=re.compile(
            rf"^(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}),?\s+(?:[-–—]\s+)?(?:{_alternation(_union('issuers', 'person_roles'))})(?![\w]).*$",
            re.IGNORECASE,
        ),
        signature_label=re.compile(rf"^\s*(?:{_alternation(_union('issuers', 'signature_labels'))})\s*:?\s*$", re.IGNORECASE),
        endorsement=endorsement,
        endorser_labels={k.lower(): str(v) for k, v in endorser_labels.items()},
        stopwords=stopwords,
    )


_NOT_WORD_CHARS = re.compile(r"[^\w]+")


def _squash(text: str) -> str:
    return _NOT_WORD_CHARS.sub(" ", text.casefold()).strip()


# --------------------------------------------------------------------------- the layout


class Line(NamedTuple):
    """One line of the source text, without emphasis markers (a named tuple: made for every line
    of every document, about twice as fast as a frozen dataclass)."""

    text: str
    start: int
    """Offset of the line's first character in the original text."""
    bold: bool
    span: int
    """Which emphasis span (``**…**``) the line belongs to; -1 outside one."""
    blank_before: bool


@dataclass(frozen=True)
class Unit:
    """A heading or a paragraph: lines the writer's editor wrapped, joined with spaces."""

    lines: tuple[Line, ...]
    bold: bool
    text: str = field(compare=False, repr=False)
    """The lines joined with spaces: made with the unit, as the steps of the cascade read it of
    nearly every unit (a cached property cost more to look up the first time than to join)."""

    @classmethod
    def of(cls, lines: tuple[Line, ...]) -> Unit:
        """The unit of ``lines``, bold when all of them are."""
        parts: list[str] = []
        size = 0
        for line in lines:  # a paragraph of ten thousand wrapped lines: only its beginning
            parts.append(line.text)
            size += len(line.text) + 1
            if size > MAX_CARD_CHARS:
                break
        return cls(lines=lines, bold=all(line.bold for line in lines), text=" ".join(parts)[:MAX_CARD_CHARS])

    @cached_property
    def is_body(self) -> bool:
        """See :func:`is_body` (asked of the same units by most steps)."""
        return _is_running_text(self.text)


@dataclass(frozen=True)
class Layout:
    """The document seen as a page: its lines, paragraphs, head and signature block."""

    lines: tuple[Line, ...]
    units: tuple[Unit, ...]
    head: tuple[Unit, ...]
    """Units before the second body paragraph: where titles, headings and bylines stand."""
    body: tuple[Unit, ...]
    """The first body paragraphs (up to four), where datelines and first sentences are."""
    tail: tuple[Line, ...]
    """The signature block: the trailing lines that name issuers, a place or a date."""
    stamp: str | None
    text: str
    """The original text with the scraper's stamp removed."""

    @cached_property
    def acronyms(self) -> Mapping[str, str]:
        """The acronyms the text defines (read when first asked: see :func:`_acronyms_for`)."""
        return acronym_definitions(self.text)


def _lines(original: str) -> tuple[tuple[Line, ...], str | None]:
    stamp_match = _STAMP.match(original)
    stamp = stamp_match.group("date") if stamp_match else None
    skip = stamp_match.end() if stamp_match else 0
    lines: list[Line] = []
    position = 0
    in_bold = False
    span = -1
    blank = False
    for raw in original.split("\n"):
        start = position
        position += len(raw) + 1
        if start < skip:
            cut = min(skip - start, len(raw))
            raw, start = raw[cut:], start + cut
        # Most lines have no "*" or "_": the emphasis regexes are not run on them.
        markers = list(_EMPHASIS.finditer(raw)) if "*" in raw or "_" in raw else []
        starts_bold = in_bold or (bool(markers) and raw.strip().startswith(("**", "__")))
        if starts_bold and not in_bold:
            span += 1
        for _ in markers:
            in_bold = not in_bold
        # Whitespace (no-break spaces too) collapsed to single spaces: str.split knows the same
        # whitespace as the regex \s, and is several times faster on every line of the text.
        text = _single_spaced(_EMPHASIS.sub("", raw) if markers else raw)[:MAX_CARD_CHARS]
        if not text:
            blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        lines.append(Line(text=text, start=start + lead, bold=starts_bold, span=span if starts_bold else -1, blank_before=blank))
        blank = False
    return tuple(lines), stamp


def _single_spaced(raw: str) -> str:
    """``raw`` with its words one plain space apart and no space around them."""
    # Most lines are so already: isprintable() refuses every white space but the plain space
    # (tabs, no-break and thin spaces are separators or controls), so one C-speed test and two
    # looks for spaces spare splitting the line into words and joining them again.
    if raw.isprintable() and "  " not in raw and not raw.startswith(" ") and not raw.endswith(" "):
        return raw
    return " ".join(raw.split())


def _is_wrapped(previous: Line, line: Line, words: CardWords) -> bool:
    """Whether ``line`` continues ``previous`` (a hard wrap, not a new heading or paragraph)."""
    if previous.bold and line.bold:
        return previous.span == line.span
    if previous.bold != line.bold:
        return False
    if _LIST_MARKER.match(line.text):
        return False
    prev, first = previous.text, line.text[0]
    if line.blank_before:
        # A blank line inside a sentence (a page break): the next line starts in lower case.
        return not prev.endswith(_SENTENCE_OR_LIST_END) and first.islower() and len(prev) >= 40
    if prev.endswith(_CLAUSE_END) and not (_all_caps(prev) and _all_caps(line.text)):
        return False
    if first.islower() or first.isdigit() or first in "(%,":
        return True
    if _all_caps(prev) and _all_caps(line.text):
        return True  # an upper-case heading set over several lines
    last = _LAST_WORD.findall(prev[-64:])  # the last word (longer ones are no wrap words)
    return prev.endswith((",", "-", "–", "—")) or bool(last and last[0].lower() in words.wrap_words)


def _all_caps(text: str) -> bool:
    if not text.isupper():  # a fast no, in C, for nearly every line (an all-caps line is upper)
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _units(lines: Sequence[Line], words: CardWords) -> tuple[Unit, ...]:
    units: list[list[Line]] = []
    for line in lines:
        if units and _is_wrapped(units[-1][-1], line, words):
            units[-1].append(line)
        else:
            units.append([line])
    return tuple(Unit.of(tuple(group)) for group in units)


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_STOP.findall(text))


def is_body(unit: Unit) -> bool:
    """A paragraph of running text (not a heading, label, slogan or list of names).

    Running text is long, or ends its sentences with full stops; a heading set in capitals
    or made of exclamations ("LONG LIVE …! DOWN WITH …!") is not, however long."""
    return unit.is_body


def _is_running_text(text: str) -> bool:
    if _all_caps(text):
        return False
    n_words = _word_count(text, 40)
    if n_words >= 40:
        return True
    if n_words < 12:
        return False
    return (bool(_FULL_STOP.search(text)) and _sentence_count(text) >= 2) or text.endswith((".", ".”", '."', ".’"))


def _word_count(text: str, cap: int) -> int:
    """``len(text.split())``, counted no further than ``cap + 1``: as good for a comparison with
    ``cap`` or less, without splitting a long paragraph into all its words for it."""
    return len(text.split(maxsplit=cap))


def layout(original: str, words: CardWords | None = None) -> Layout:
    """Lines, paragraphs, head and signature block of a document's original text."""
    words = words or card_words()
    lines, stamp = _lines(original)
    units = _units(lines, words)
    head: list[Unit] = []
    body: list[Unit] = []
    n_body = 0
    for unit in units:
        if is_body(unit):
            n_body += 1
            if len(body) < 4:
                body.append(unit)
        if n_body < 2 and len(head) < 14:
            head.append(unit)
        if n_body >= 2 and len(body) >= 4:
            break
    text = original[lines[0].start :] if lines and stamp else original
    return Layout(
        lines=lines,
        units=units,
        head=tuple(head),
        body=tuple(body),
        tail=_tail(lines, words),
        stamp=stamp,
        text=text,
    )


def _tail(lines: Sequence[Line], words: CardWords) -> tuple[Line, ...]:
    """Trailing lines that are names of organisations, bodies, places or dates, read from the end."""
    tail: list[Line] = []
    for line in reversed(lines):
        text = _LIST_MARKER.sub("", line.text).strip()
        if _word_count(text, 14) > 14 or not text:
            break
        if org_name(text, words) or words.bodies.match(text) or date_line(text, words) is not None:
            tail.append(line)
            continue
        if words.person_sign.match(text):
            tail.append(line)
            continue
        if words.signature_label.match(text):
            break  # "Signed:" opens the block
        break
    tail.reverse()
    # A single date line alone is a closing date, not a signature; keep it (date_from_signature).
    return tuple(tail)


# --------------------------------------------------------------------------- small readers


def parse_date(match: re.Match[str], words: CardWords) -> str | None:
    """The ``YYYY-MM-DD`` or ``YYYY-MM`` of a date phrase found by ``words.date``."""
    groups = match.groupdict()
    if groups.get("iso"):
        try:
            return dt.date.fromisoformat(groups["iso"]).isoformat()
        except ValueError:
            return None
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), (None, "m3", "y3")):
        if groups.get(m):
            month = words.months.get(groups[m].lower().rstrip("."))
            if month is None:
                return None
            year = int(groups[y])
            if d is None:
                return f"{year:04d}-{month:02d}"
            day = int(re.match(r"\d+", groups[d]).group())  # type: ignore[union-attr]
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


# Cached for the document: the steps of the cascade ask it of the same lines and paragraphs again
# and again.
@per_document()
def date_line(text: str, words: CardWords) -> tuple[str, str | None] | None:
    """``(date, place)`` when a line holds only a date, perhaps with a weekday and a place
    ("Hamburg – Germany, November 2024", "Tuesday 13 February 2024:", "December 2023")."""
    match = words.find_date(text)
    if not match:
        return None
    value = parse_date(match, words)
    if value is None:
        return None
    before, after = text[: match.start()], text[match.end() :]
    if re.sub(r"[\s.:;,–—\-)\]]", "", after):
        return None
    before = words.weekday.sub("", before)
    before = words.date_prefix.sub("", before)
    before = words.date_label.sub("", before)
    before = re.sub(r"^[\s,(\[]+|[\s,:;–—\-(\[]+$", "", before)
    if not before:
        return value, None
    parts = [p.strip() for p in re.split(r"\s*[,–—]\s*|\s+-\s+", before) if p.strip()]
    places = 1 <= len(parts) <= 3 and all(re.fullmatch(rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}", p) for p in parts)
    if places and not words.org_words.search(before):
        return value, ", ".join(_place_case(p) for p in parts)
    return None


def _place_case(place: str) -> str:
    """``DUBAI`` → ``Dubai``; names already in mixed case are kept."""
    return place.title() if place.isupper() and len(place) > 3 else place


# Cached for the document: the steps of the cascade ask it of the same lines and paragraphs again
# and again.
@per_document()
def org_name(text: str, words: CardWords) -> str | None:
    """The organisation a short line names ("Communist Party of Mexico", "ISL-Peru"), or None."""
    text = _LIST_MARKER.sub("", text).strip()
    if not text or not text[0].isupper() or text.endswith(("!", "?", ":", ";")):
        return None
    if _LABEL_COLON.search(text):
        return None  # "Source: Ministry of Health", "Contact: Press Office": a label and its value
    n_words = _word_count(text, 14)
    if n_words > 14 or (text.endswith(".") and n_words > 3):
        return None
    if words.bodies.match(text) or date_line(text, words) is not None or _has_email_or_url(text):
        return None
    squashed = _squash(text)
    if squashed in words.mottos or squashed in words.labels or words.photo_credits.match(text):
        return None
    name = _without_body(words.article.sub("", text).rstrip("."), words)
    _long, short = split_acronym(name)
    if short or words.org_words.search(name) or words.org_suffixes.search(name):
        return name
    if n_words == 1 and looks_like_acronym(name):
        return name
    return None


def _name_run(text: str, words: CardWords) -> str:
    """The run of capitalised words at the start of ``text`` ("OCHA Occupied Palestinian Territory")."""
    match = words.name_run.match(text)
    return match.group().rstrip(".,;:") if match else ""


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class CardContext:
    """What every step of the cascade may read."""

    document: Document
    options: Options
    words: CardWords
    page: Layout
    news: bool
    """The document is a news report (sidecar ``publisher_type``, a wire dateline, reporter credits)."""
    language: str | None = None
    """The language the text was detected in (None: not told apart)."""
    normalised: str = ""
    """The normalised text as far as the card reads it (:func:`card_view`)."""

    @property
    def meta(self) -> Mapping[str, Any]:
        return self.document.source.meta


def _opening(unit: Unit) -> str:
    return unit.text[:160]


def date_from_dateline(ctx: CardContext) -> str | None:
    """A date opening a paragraph and followed by a colon or dash: "Tuesday 13 February 2024: The …",
    "Caracas, 12 March 2024 – …", "GAZA, 1 November 2023 (WAFA) – …"."""
    for unit in ctx.page.body[:3] + ctx.page.head[:6]:
        opening = _opening(unit)
        match = ctx.words.find_date(opening)
        if not match or match.start() > 50:
            continue
        rest = opening[match.end() :]
        if not re.match(r"\s*(?:\([^)]{1,30}\)\s*)?[:–—-]\s", rest):
            continue
        before = ctx.words.weekday.sub("", opening[: match.start()])
        if re.fullmatch(rf"[\s,]*(?:{_PLACE_WORD}(?:[\s,–-]+{_PLACE_WORD}){{0,3}}[\s,]*)?", before):
            return parse_date(match, ctx.words)
    return None


def date_from_heading(ctx: CardContext) -> str | None:
    """A line of the head that is only a date ("November 7, 2023", "December 2023")."""
    for unit in ctx.page.head:
        if is_body(unit):
            continue
        for line in unit.lines:
            found = date_line(line.text, ctx.words)
            if found:
                return found[0]
    return None


def date_from_signature(ctx: CardContext) -> str | None:
    """A date in the closing block ("December 2023" above the signatures, "Hamburg – Germany, November 2024")."""
    for line in reversed(ctx.page.tail):
        found = date_line(line.text, ctx.words)
        if found:
            return found[0]
    return None


def _normal_date(value: Any) -> str | None:
    """A metadata date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (ISO date-times are cut to the day)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*((?:19|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?", value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            return dt.date(int(year), int(month), 1).isoformat()[:7]
    except ValueError:
        return None
    return year


def date_from_meta(ctx: CardContext) -> str | None:
    """The metadata's ``date``, else a date in the document's URL (``url_date``, or read from ``url``)."""
    found = _normal_date(ctx.meta.get("date"))
    if found:
        return found
    found = _normal_date(ctx.meta.get("url_date"))
    if found:
        return found
    url = ctx.meta.get("url")
    if isinstance(url, str):
        from statecheck.ingest.metadata import url_date

        return url_date(url)
    return None


def _number(text: str, *, numbers: Mapping[str, float], language: str) -> float | None:
    text = " ".join(text.lower().split())
    if text.isdigit():
        return float(text)
    if text in numbers:
        return numbers[text]
    return parse_words(text, language)


def date_from_elapsed_time(ctx: CardContext) -> str | None:
    """Time elapsed since the war began, said of the present: "More than 11 months have passed since
    the beginning of the offensive" → 2024-09; "23 days after the Israeli siege" → 2023-10-30."""
    text = ctx.normalised
    if ctx.page.stamp:
        text = _STAMP.sub("", text)
    best: tuple[int, str] | None = None
    elapsed, day_of = ctx.words.elapsed_by_language.get(ctx.language or "", (ctx.words.elapsed, ctx.words.day_of))
    for pattern, read_number, unit_days, unit_months, _half, quick in elapsed:
        if quick is not None and not quick.search(text):
            continue  # no unit word followed by the rest of the pattern: the pattern cannot match
        match = pattern.search(text)
        if not match or (best and best[0] <= match.start()):
            continue
        n = read_number(match.group("n"))
        if n is None:
            continue
        if match.group("half"):
            n += 0.5
        unit = match.group("unit").lower()
        if unit in unit_days:
            value = (WAR_START + dt.timedelta(days=round(n * unit_days[unit]))).isoformat()
        elif unit in unit_months:
            months = n * unit_months[unit]
            value = format_date(add_months(WAR_START, months), "year" if unit_months[unit] >= 12 else "month")
        else:
            continue
        best = (match.start(), value)
    for pattern, _numbers, quick in day_of:
        if quick is not None and not quick.search(text):
            continue  # the pattern cannot match
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), (WAR_START + dt.timedelta(days=int(match.group("n")) - 1)).isoformat())
    return best[1] if best else None


def date_from_stamp(ctx: CardContext) -> str | None:
    """The scraper's own stamp (" date 2024-03-06 "): when the page was copied, the last resort."""
    return ctx.page.stamp


DATE_STEPS: tuple[Callable[[CardContext], str | None], ...] = (
    date_from_dateline,
    date_from_heading,
    date_from_signature,
    date_from_meta,
    date_from_elapsed_time,
    date_from_stamp,
)


# --------------------------------------------------------------------------- titles


def _is_label(text: str, words: CardWords) -> bool:
    squashed = _squash(text)
    return (
        squashed in words.labels
        or squashed in words.mottos
        or bool(words.photo_credits.match(text))
        or _has_email_or_url(text)
    )


def _not_a_title(unit: Unit, ctx: CardContext) -> bool:
    text = unit.text
    words = ctx.words
    if _is_label(text, words) or is_body(unit) or _LIST_MARKER.match(text):
        return True
    if words.statement_heads.match(text) or words.bylines.match(text) or text.startswith("|"):
        return True
    if date_line(text, words) is not None or words.bodies.match(text):
        return True
    if all(org_name(line.text, words) or words.bodies.match(line.text) or date_line(line.text, words) for line in unit.lines):
        return True
    first = text.lstrip("\"'“‘«¡¿(")[:1]
    return not (first.isupper() or first.isdigit()) or _word_count(text, 30) > 30


def title_from_emphasis(ctx: CardContext) -> str | None:
    """The first bold block of the head that is not a list of issuers or a date (the author set it apart)."""
    for unit in ctx.page.head:
        if unit.bold and not _not_a_title(unit, ctx):
            return unit.text
    return None


def title_from_table_row(ctx: CardContext) -> str | None:
    """A scraped table or breadcrumb row at the top ("| | | Reports | Situation Report #20 …"): its last cell."""
    for unit in ctx.page.head[:3]:
        if unit.text.startswith("|"):
            cells = [c.strip() for c in unit.lines[0].text.split("|") if c.strip()]
            if cells:
                return cells[-1]
    return None


def title_from_heading(ctx: CardContext) -> str | None:
    """The first heading-like paragraph of the head: one sentence, short, not a label, byline,
    date or list of names. An introductory note may stand before it, but then the title must
    stand between paragraphs (not close the text) and not be a question (a sub-heading)."""
    head = ctx.page.head
    seen_body = False
    for index, unit in enumerate(head):
        if is_body(unit):
            seen_body = True
            continue
        if _not_a_title(unit, ctx):
            continue
        if seen_body:
            following = ctx.page.units[ctx.page.units.index(unit) + 1 :]
            if unit.text.rstrip().endswith("?") or not (following and is_body(following[0])):
                continue
        return unit.text
    return None


def title_from_statement_heading(ctx: CardContext) -> str | None:
    """ "Joint statement of dockworkers' unions on the war": a statement heading is the title when no
    other heading is."""
    for unit in ctx.page.head:
        if ctx.words.statement_heads.match(unit.text) and _word_count(unit.text, 24) <= 24:
            return unit.text
    return None


def title_from_meta(ctx: CardContext) -> str | None:
    """The metadata's ``title``."""
    title = ctx.meta.get("title")
    return re.sub(r"\s+", " ", title).strip() or None if isinstance(title, str) else None


TITLE_STEPS: tuple[Callable[[CardContext], str | None], ...] = (
    title_from_emphasis,
    title_from_table_row,
    title_from_heading,
    title_from_statement_heading,
    title_from_meta,
)


# --------------------------------------------------------------------------- issuers


@dataclass(frozen=True)
class Found:
    """An issuer found by one step, with the role the step gives it."""

    name: str
    role: str = "issuer"
    signature: bool = False


_WIRE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}})(?:,\s*[^()\n]{{1,30}}?)?\s*"
    r"\((?P<agency>[A-Z][\w&.'’ -]{1,40}?)\)\s*[-–—:]\s+"
)


def _wire_dateline(ctx: CardContext) -> re.Match[str] | None:
    for unit in ctx.page.body[:3] + ctx.page.head[:6]:
        match = _WIRE.match(unit.text)
        if match and not ctx.words.date.fullmatch(match.group("place")):
            return match
    return None


def issuers_from_heading(ctx: CardContext) -> list[Found]:
    """A block of the head that names the issuing body ("Central Committee / Communist Party of Perú /
    December 2023"); body names like "Central Committee" are skipped."""
    found: list[Found] = []
    for unit in ctx.page.head:
        if is_body(unit) or _LIST_MARKER.match(unit.text) or _names_someone(unit.text, ctx.words):
            continue
        names = []
        for line in unit.lines:
            name = org_name(line.text, ctx.words)
            if name and not (len(name.split()) == 1 and looks_like_acronym(name)):
                names.append(name)
            elif not (ctx.words.bodies.match(line.text) or date_line(line.text, ctx.words)):
                names = []
                break
        found.extend(Found(name) for name in names)
    return found


def _names_someone(text: str, words: CardWords) -> bool:
    """A line another step reads: "Statement of …", "By …", a photo credit."""
    return bool(words.statement_heads.match(text) or words.bylines.match(text) or words.photo_credits.match(text))


def issuers_from_statement_heading(ctx: CardContext) -> list[Found]:
    """ "Statement of the X", "Declaración del X ante …" at the top: the name up to its topic."""
    for unit in ctx.page.head:
        match = ctx.words.statement_heads.match(unit.text)
        if match and _word_count(unit.text, 24) <= 24:
            name = ctx.words.article.sub("", match.group("name").strip())
            topic = ctx.words.topic.search(name)
            name = _without_body(name[: topic.start()] if topic else name, ctx.words).strip(" .:,")
            named = name[:1].isupper() and len(name.split()) <= 14 and not ctx.words.bodies.match(name)
            return [Found(name)] if named else []
    return []


def _without_body(name: str, words: CardWords) -> str:
    """ "Central Committee of the X Party" → "X Party": the party issues what its bodies sign."""
    return words.body_of.sub("", name)


def issuers_from_byline(ctx: CardContext) -> list[Found]:
    """ "By Name. Socialist worker. Org": the author, then the organisation named last."""
    for unit in ctx.page.head:
        match = ctx.words.bylines.match(unit.text)
        if not match or _word_count(unit.text, 25) > 25:
            continue
        parts = [p.strip() for p in re.split(r"[.|;]\s+|\s+[–—|]\s+|,\s+", match.group("rest").rstrip(". ")) if p.strip()]
        if not parts:
            continue
        people = [p.strip() for p in ctx.words.name_joiners.split(parts[0])]
        if not all(re.fullmatch(rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}", p) for p in people):
            continue
        found = [Found(p, "author") for p in people]
        if len(parts) > 1:
            last = parts[-1]
            if org_name(last, ctx.words) or looks_like_acronym(last.split()[0]):
                found.append(Found(org_name(last, ctx.words) or last))
        return found
    return []


def issuers_from_dateline(ctx: CardContext) -> list[Found]:
    """A wire dateline, "DUBAI (Reuters) -" or "Jerusalem (ICRC) –": the agency, by the long
    name the text gives it where it gives one."""
    match = _wire_dateline(ctx)
    if not match:
        return []
    agency = match.group("agency").strip()
    return [Found(ctx.page.acronyms.get(agency, agency))]


def _strip_dateline(text: str, ctx: CardContext) -> str:
    wire = _WIRE.match(text)
    if wire:
        return text[wire.end() :]
    match = ctx.words.find_date(text[:60])
    if match:
        rest = re.match(r"\s*[:–—-]\s+", text[match.end() :])
        if rest:
            return text[match.end() + rest.end() :]
    return text


def issuers_from_release(ctx: CardContext) -> list[Found]:
    """The organisation a release opens with: "Médecins Sans Frontières (MSF) is horrified …",
    "The South African Communist Party (SACP) condemns …" (not in news reports, whose first
    sentence is about someone else)."""
    if ctx.news or not ctx.page.body:
        return []
    text = _strip_dateline(ctx.page.body[0].text, ctx)
    text = ctx.words.article.sub("", text)
    name = _name_run(text, ctx.words)
    if not name:
        return []
    rest = text[len(name) :]
    acronym = re.match(r"\s*\(([^()]{1,15})\)", rest)
    if acronym and is_acronym_of(acronym.group(1), name):
        rest = rest[acronym.end() :]
        name = f"{name} ({acronym.group(1)})"
    elif not (ctx.words.org_words.search(name) or ctx.words.org_suffixes.search(name)):
        return []
    if not ctx.words.release_verbs.match(rest):
        return []
    return [Found(name)]


def issuers_from_resolution_header(ctx: CardContext) -> list[Found]:
    """An organisation's name alone on a line above a list of its resolutions ("X / – Condemns … / – Calls on …")."""
    units = ctx.page.units
    for index, unit in enumerate(units[:-1]):
        if len(unit.lines) != 1 or not _LIST_MARKER.match(units[index + 1].text):
            continue
        name = org_name(unit.text, ctx.words)
        if name and not (len(name.split()) == 1 and looks_like_acronym(name)):
            return [Found(name)]
    return []


def issuers_from_issued_by(ctx: CardContext) -> list[Found]:
    """ "The Update is issued by OCHA Occupied Palestinian Territory …" near the top."""
    for unit in ctx.page.head + ctx.page.body[:2]:
        for match in ctx.words.issued_by.finditer(unit.text):
            name = _name_run(unit.text[match.end() :].lstrip(), ctx.words)
            if name and (org_name(name, ctx.words) or looks_like_acronym(name.split()[0])):
                return [Found(name)]
    return []


def issuers_from_signature(ctx: CardContext) -> list[Found]:
    """The names that close the document, one per line, in their order."""
    found = []
    for line in ctx.page.tail:
        name = org_name(line.text, ctx.words)
        person = ctx.words.person_sign.match(line.text)
        if name:
            found.append(Found(name, "signatory", signature=True))
        elif person:
            found.append(Found(person.group("name"), "signatory", signature=True))
    return found


def issuers_from_credits(ctx: CardContext) -> list[Found]:
    """ "(Reporting by Name; Editing by …)": the reporters are authors, editors are not."""
    for unit in reversed(ctx.page.units[-4:]):
        match = ctx.words.credits_author.search(unit.text)
        if not match:
            continue
        rest = unit.text[match.end() :]
        stop = ctx.words.credits_other.search(rest)
        rest = re.split(r"[.;)\n]", rest[: stop.start()] if stop else rest)[0]
        names = [n.strip(" ,") for part in rest.split(",") for n in ctx.words.name_joiners.split(part) if n.strip(" ,")]
        return [Found(n, "author") for n in names if re.fullmatch(rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}", n)]
    return []


def clean_publisher(publisher: str, url: str | None, words: CardWords | None = None) -> str:
    """A metadata ``publisher`` reduced to its issuer: "UNRWA (republished by adwwa.com)" → "UNRWA",
    "X (MSF), via Common Dreams" → "X (MSF)", "franceinfo (France Télévisions)" → "franceinfo";
    "China Radio International (CRI), German service" at ``german.cri.cn`` → "CRI" (the name the
    site itself goes by)."""
    words = words or card_words()
    text = re.sub(r"\s+", " ", publisher).strip()
    # "(republished by …)", "(via …)": the site that copied the text.
    text = re.sub(rf"\s*\(\s*(?:{words.republished.pattern})[^)]*\)", "", text, flags=re.IGNORECASE)
    cut = re.search(rf",?\s+(?:{words.republished.pattern})\s+\S.*$", text, flags=re.IGNORECASE)
    if cut:
        text = text[: cut.start()]
    # ", German service" after a parenthesis: which edition, not who.
    text = re.sub(r"(\))\s*,\s*[^()]*$", r"\1", text)
    acronym: str | None = None

    def keep_acronym(match: re.Match[str]) -> str:
        nonlocal acronym
        if is_acronym_of(match.group(1), text[: match.start()]):
            acronym = match.group(1)
            return match.group(0)
        return ""

    text = re.sub(r"\s*\(([^()]*)\)", keep_acronym, text).strip(" ,")
    if acronym and isinstance(url, str):
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.lower()).split("/")[0]
        if acronym.lower().replace(".", "") in host.split("."):
            return acronym
    return text


def issuers_from_meta(ctx: CardContext) -> list[Found]:
    """The metadata's ``publisher`` (or ``author``), cleaned of who republished it."""
    publisher = ctx.meta.get("publisher") or ctx.meta.get("author")
    if isinstance(publisher, str) and publisher.strip():
        url = ctx.meta.get("url")
        return [Found(clean_publisher(publisher, url if isinstance(url, str) else None, ctx.words))]
    return []


#: Steps that read the text, in the order their issuers are listed.
ISSUER_STEPS: tuple[Callable[[CardContext], list[Found]], ...] = (
    issuers_from_heading,
    issuers_from_statement_heading,
    issuers_from_byline,
    issuers_from_dateline,
    issuers_from_release,
    issuers_from_resolution_header,
    issuers_from_issued_by,
    issuers_from_signature,
    issuers_from_credits,
)
#: Used only when the text names no issuer.
FALLBACK_ISSUER_STEPS: tuple[Callable[[CardContext], list[Found]], ...] = (issuers_from_meta,)


def _acronyms_for(found: Sequence[Found], page: Layout) -> Mapping[str, str]:
    """The acronyms :func:`entity_key` may use for the names ``found``: it looks a name (or the
    acronym in its parenthesis) up among them, and the text defines an acronym only in a
    parenthesis. When none of the names stands in one, finding the definitions (a good part of
    the card's time) would tell nothing."""
    for item in found:
        short = split_acronym(item.name)[1]
        if f"({item.name.strip()})" in page.text or (short and f"({short})" in page.text):
            return page.acronyms
    return {}


def _merge_issuers(found: Sequence[Found], acronyms: Mapping[str, str]) -> list[Issuer]:
    """One entry per entity. A signature block of several names is the authoritative list: its
    order and spelling win, names found elsewhere that it lacks go first. Otherwise the first
    position and the fullest spelling win."""
    signed = [f for f in found if f.signature]
    # The state of the user's alias file read once, not for each name (and not at all without one).
    aliases = alias_index() if found else {}
    if len(signed) >= 2:
        keys = {entity_key(f.name, acronyms, aliases=aliases) for f in signed}
        found = [f for f in found if not f.signature and entity_key(f.name, acronyms, aliases=aliases) not in keys] + signed
    merged: dict[str, Issuer] = {}
    for item in found:
        key = entity_key(item.name, acronyms, aliases=aliases)
        known = merged.get(key)
        if known is None:
            merged[key] = Issuer(name=item.name, role=item.role, entity=key)
        elif (item.signature and len(signed) >= 2) or len(item.name) > len(known.name):
            merged[key] = replace(known, name=item.name)
    return list(merged.values())


def unnamed_endorsers(ctx: CardContext) -> list[Issuer]:
    """ "Our Party endorses the joint declaration": an endorser the text does not name."""
    found = []
    for unit in ctx.page.head + ctx.page.body[:2]:
        for match in ctx.words.endorsement.finditer(unit.text):
            label = ctx.words.endorser_labels.get(re.sub(r"\s+", " ", match.group("who").lower()), "endorser")
            endorser = Issuer(name=f"(unnamed {label})", role="endorser", entity=None)
            if endorser not in found:
                found.append(endorser)
    return found


# --------------------------------------------------------------------------- places


def place_from_dateline(ctx: CardContext) -> str | None:
    """ "DUBAI (Reuters) -" → Dubai; "Caracas, 12 March 2024 –" → Caracas."""
    match = _wire_dateline(ctx)
    if match:
        return _place_case(match.group("place"))
    for unit in ctx.page.body[:3]:
        date = ctx.words.find_date(unit.text[:80])
        if date and re.match(r"\s*[:–—-]\s", unit.text[date.end() :]):
            found = date_line(unit.text[: date.end()], ctx.words)
            if found and found[1]:
                return found[1]
    return None


def place_from_signature(ctx: CardContext) -> str | None:
    """The place beside the closing date: "Hamburg – Germany, November 2024" → "Hamburg, Germany"."""
    for line in reversed(ctx.page.tail):
        found = date_line(line.text, ctx.words)
        if found and found[1]:
            return found[1]
    return None


def place_from_heading(ctx: CardContext) -> str | None:
    """A place-and-date line in the head, or a headline that opens with a place the text names
    again ("Peru: All support to …")."""
    for unit in ctx.page.head:
        if is_body(unit):
            continue
        for line in unit.lines:
            found = date_line(line.text, ctx.words)
            if found and found[1]:
                return found[1]
    title = title_from_emphasis(ctx) or title_from_heading(ctx)
    if title:
        match = re.match(rf"^({_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})\s*:\s+\S", title)
        if match:
            place = match.group(1)
            rest = ctx.page.text.replace(title, "", 1)
            if (
                not _is_label(place, ctx.words)
                and not ctx.words.org_words.search(place)
                and not looks_like_acronym(place)
                and re.search(rf"(?<![\w]){re.escape(place)}(?![\w])", rest)
            ):
                return place
    return None


PLACE_STEPS: tuple[Callable[[CardContext], str | None], ...] = (
    place_from_dateline,
    place_from_signature,
    place_from_heading,
)


# --------------------------------------------------------------------------- language


_ENOUGH_TO_TELL = 2.0
_CLEARLY_AHEAD = 2.0


def detect_language(text: str, words: CardWords | None = None) -> str | None:
    """The language (en, es, fr, pt, de) whose frequent words the text uses most, or None when
    too few are found to tell. Words shared by several languages count for less."""
    return _leader(language_scores(text, words))


def clearly_other_language(text: str, language: str) -> str | None:
    """The language of ``text`` when it is not ``language`` and clearly ahead of it (twice its
    score), else None. Close languages share their short words ("a", "la", "e"), so a short
    French sentence may score a little higher as Portuguese: that is no reason to switch."""
    scores = language_scores(text)
    best = _leader(scores)
    if best is None or best == language or scores[best] < _CLEARLY_AHEAD * scores.get(language, 0.0):
        return None
    return best


def _leader(scores: dict[str, float]) -> str | None:
    # The first language with the highest score, as a stable sort by descending score would rank it.
    best = max(scores, key=scores.__getitem__, default=None)
    return None if best is None or scores[best] < _ENOUGH_TO_TELL else best


def language_scores(text: str, words: CardWords | None = None) -> dict[str, float]:
    """How much of each language's frequent words the text uses (:func:`detect_language`)."""
    words = words or card_words()
    scores = dict.fromkeys(words.stopwords, 0.0)
    weights_of = _weights_by_word(words)
    # Most tokens are no language's stopword: drop them in C before counting, then weigh the
    # counts in the order the stopwords first appear (so that the float sums come out the same).
    counts = Counter(filter(weights_of.__contains__, _utf8_words(text[:20000].lower())))
    for token, count in counts.items():
        for language, weight in weights_of[token]:
            scores[language] += weight * count
    return scores


_WORD = re.compile(r"[^\W\d_]+")
# Every ASCII byte but a letter turns into a space; the bytes of other characters (all 0x80 and
# above in UTF-8) are kept as they are.
_UTF8_ASCII_NOT_LETTERS = bytes(code if code >= 0x80 or chr(code).isalpha() else 0x20 for code in range(256))
_DECIMAL = re.compile(r"\d")


def _utf8_non_word() -> re.Pattern[bytes]:
    """The characters of Latin-1 and of the general punctuation (U+0080 to U+00FF, U+2000 to
    U+203F: no-break space, «, », ·, dashes, quotes, bullets, …) that :data:`_WORD` takes for no
    part of a word, in UTF-8; one class of last bytes per leading bytes, so that the engine
    skips in C to the next such leading byte."""
    last_bytes: dict[bytes, list[int]] = {}
    for code in (*range(0x80, 0x100), *range(0x2000, 0x2040)):
        if not _WORD.fullmatch(chr(code)):
            encoded = chr(code).encode()
            last_bytes.setdefault(encoded[:-1], []).append(encoded[-1])
    return re.compile(
        b"|".join(re.escape(lead) + b"[" + b"".join(re.escape(bytes([b])) for b in ends) + b"]" for lead, ends in last_bytes.items())
    )


_UTF8_NON_WORD = _utf8_non_word()


def _utf8_words(lowered: str) -> Iterable[bytes]:
    """The words (runs of letters) of lower-cased text, as :data:`_WORD` finds them, in UTF-8.

    The claims ask this of every paragraph. Bytes are split at C speed, with no loop per word:
    with every ASCII character but the letters, and the punctuation of Latin-1 and of U+2000 to
    U+203F, turned into spaces, words stand apart by spaces alone, unless some other character
    is left (an apostrophe of another block, a digit of another script): then the regex reads
    the text.
    """
    data = lowered.encode("utf-8", "surrogatepass").translate(_UTF8_ASCII_NOT_LETTERS)
    if lowered.isascii():
        return data.split()
    data = _UTF8_NON_WORD.sub(b" ", data)
    left = data.replace(b" ", b"").decode("utf-8", "surrogatepass")
    # Letters only, or word characters that are no decimal digit ("km²", "½"): all of each word.
    if left.isalpha() or (left.isalnum() and not _DECIMAL.search(left)):
        return data.split()
    return [word.encode() for word in _WORD.findall(lowered)]


_WEIGHTS: dict[int, dict[bytes, tuple[tuple[str, float], ...]]] = {}


def _weights_by_word(words: CardWords) -> dict[bytes, tuple[tuple[str, float], ...]]:
    """Stopword (in UTF-8) → the languages it belongs to, with its weight in each (built once per lexicon)."""
    key = id(words.stopwords)
    if key not in _WEIGHTS:
        index: dict[bytes, list[tuple[str, float]]] = {}
        for language, weights in words.stopwords.items():
            for word, weight in weights.items():
                if weight:
                    index.setdefault(word.encode(), []).append((language, weight))
        _WEIGHTS.clear()  # one lexicon is in use at a time; never let this grow
        _WEIGHTS[key] = {word: tuple(pairs) for word, pairs in index.items()}
    return _WEIGHTS[key]


# --------------------------------------------------------------------------- the card


def _first(steps: Iterable[Callable[[CardContext], str | None]], ctx: CardContext) -> str | None:
    for step in steps:
        value = step(ctx)
        if value:
            return value
    return None


def _is_news(document: Document, page: Layout, words: CardWords) -> bool:
    kind = document.source.meta.get("publisher_type")
    if isinstance(kind, str) and kind.lower() in NEWS_PUBLISHER_TYPES:
        return True
    context = CardContext(document=document, options=Options(), words=words, page=page, news=True)
    return _wire_dateline(context) is not None or bool(issuers_from_credits(context))


CARD_HEAD = 20_000
"""Characters at the start of a text that the card reads (title, dateline, issuers, the opening)."""
CARD_TAIL = 10_000
"""Characters at the end of a text that the card reads (signatures, endorsements, the date line)."""


def card_view(text: str) -> str:
    """What of ``text`` the card reads: all of it, or its head and tail when it is long. A card's
    evidence is at the ends of a document; reading a long one whole took seconds (every line
    of a long list can look like a signature block) and told nothing more."""
    if len(text) <= CARD_HEAD + CARD_TAIL:
        return text
    head, tail = text[:CARD_HEAD], text[-CARD_TAIL:]
    # Whole lines only: a line cut in two would read as a heading or a name.
    head = head[: head.rfind("\n") + 1] or head
    tail = tail[tail.find("\n") + 1 :]
    return f"{head}\n{tail}"


def build_card(document: Document, options: Options) -> Card:
    """The card of ``document`` (see the module docstring for the order of the evidence)."""
    words = card_words()
    page = layout(card_view(document.text.original), words)
    normalised = card_view(document.text.normalised)
    detected = options.language or detect_language(normalised, words)
    ctx = CardContext(
        document=document, options=options, words=words, page=page, news=_is_news(document, page, words),
        language=detected, normalised=normalised,
    )
    language = detected
    if language is None:
        meta_language = document.source.meta.get("language")
        language = meta_language[:2].lower() if isinstance(meta_language, str) and meta_language else "en"
    found = [item for step in ISSUER_STEPS for item in step(ctx)]
    if not found:
        found = [item for step in FALLBACK_ISSUER_STEPS for item in step(ctx)]
    named = _merge_issuers(found, _acronyms_for(found, page))
    roles = tuple(named) + tuple(unnamed_endorsers(ctx))
    return Card(
        doc=document.doc_id,
        title=_first(TITLE_STEPS, ctx),
        date=options.date or _first(DATE_STEPS, ctx),
        issuers=tuple(issuer.name for issuer in named),
        place=_first(PLACE_STEPS, ctx),
        language=language,
        roles=roles,
        genre="news" if ctx.news else "statement",
    )


def extract_card(document: Document, options: Options) -> Document:
    """Reads the original text (its lines, emphasis and signature block), the normalised text and
    the source's metadata; adds the :class:`Card` (title, date, issuers with roles, place, language)."""
    return replace(document, card=build_card(document, options))
