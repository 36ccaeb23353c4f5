"""Numerical claims (spec §1–§4): which numbers are claims, and what each one counts.

For every sentence, in order:

1. :func:`~statecheck.extract.dates.find_dates` finds the dates (they are not claims, and they
   resolve ``as_of``); :func:`~statecheck.extract.numbers.find_numbers` finds the numbers;
2. :func:`is_claim_number` drops durations, years, labels ("Resolution 2334"), ages and small
   number words that count nothing of the war;
3. for each remaining number, small named steps read the words around it: :func:`read_bound`,
   :func:`read_what` (event and group, hence ``metric``), :func:`read_unit`, :func:`read_place`,
   :func:`read_scope`, :func:`resolve_as_of` and :func:`read_source`.

Every word these steps look for lives in ``lexicon/<language>/claims.toml``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from statecheck.errors import LimitError
from statecheck.extract import lexicon
from statecheck.extract.cards import detect_language
from statecheck.extract.dates import DateMention, find_dates, parse_date
from statecheck.extract.numbers import NumberMention, find_numbers
from statecheck.extract.sentences import Sentence, split_sentences
from statecheck.model import Claim, Document
from statecheck.options import Options

WAR_START_ISO = "2023-10-07"

# How far around a number its counted thing and qualifiers are looked for, in characters.
_RIGHT_REACH = 90
_LEFT_REACH = 100
_BOUND_REACH = 200  # characters before a number searched for its bound word ("more than")
_HEAD_WORDS = 8  # a group noun counts as the number's head only this many words after it


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    language: str
    bounds: tuple[tuple[str, re.Pattern[str]], ...]
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

    def g(self, role: str) -> str:
        """The alternation of a grammar role, for use inside a larger regex."""
        return self.grammar.get(role) or r"(?!x)x"


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
            (name, _pattern(bounds.get(name, []), prefix=r"(?<![\w])", suffix=r"\s*[\"“”'‘’]?\s*$"))
            for name in ("over", "at_least", "about", "nearly", "under", "up_to")
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


@dataclass
class _Context:
    """What earlier sentences of the document tell later ones."""

    document_date: str | None
    default_place: str | None
    paragraph: int = -1
    last_event_date: str | None = None
    frame_place: str | None = None
    previous_place: str | None = None
    """The place of the sentence just before, in the same paragraph."""
    """A place that frames the paragraph: "In the West Bank, ..." at the start of a sentence."""
    last_source: str | None = None


@dataclass(frozen=True)
class _Reading:
    """What the words around one number say, before it becomes a :class:`Claim`."""

    mention: NumberMention
    event: str | None
    group: str | None
    metric: str
    quote_start: int
    quote_end: int
    bound: str
    bound_start: int
    list_head: _Reading | None = None
    link: str | None = None
    """How the number hangs on the one before it: ``including``, ``coordinated``, ``parenthesis``, ``and``."""
    """The count a part belongs to: "8,005 dead" for "including 3,324 children and 2,062 women"."""


def extract_claims(document: Document, options: Options) -> Document:
    """Reads the normalised text and the card (date, language); adds every numerical claim."""
    language = document.card.language if document.card.language in lexicon.LANGUAGES else "en"
    words = words_for(language or "en")
    text = document.text.normalised
    context = _Context(document_date=document.card.date, default_place=_dominant_place(text, words))
    claims: list[Claim] = []
    paragraphs = text.split("\n")
    # the time limit, checked between sentences (each is at most MAX_SENTENCE_CHARS long)
    deadline = time.monotonic() + options.limits.max_seconds
    for sentence in split_sentences(text, language or "en"):
        if time.monotonic() > deadline:
            raise LimitError(
                f"extracting claims took longer than {options.limits.max_seconds:g} s "
                f"(Limits.max_seconds; stopped at character {sentence.start:,} of {len(text):,})",
                location=document.source.location,
            )
        if sentence.paragraph != context.paragraph:
            context.paragraph = sentence.paragraph
            context.frame_place = None
            context.previous_place = None
            words = _paragraph_words(paragraphs[sentence.paragraph], language or "en")
        if words.maybe_number.search(sentence.text):
            claims.extend(_claims_in_sentence(document, sentence, words, context))
        else:
            _note_context(sentence.text, words, context)
    return replace(document, claims=tuple(claims))


_SWITCH_WORDS = 8  # a paragraph this long or longer may be read in a language other than the document's


def _paragraph_words(paragraph: str, language: str) -> Words:
    """A paragraph in another language than the document's (a quoted statement, a bilingual
    page) is read with that language's words; a short one keeps the document's."""
    if len(paragraph.split()) >= _SWITCH_WORDS:
        detected = detect_language(paragraph)
        if detected in lexicon.LANGUAGES and detected != language:
            return words_for(detected)
    return words_for(language)


def _note_context(sentence: str, words: Words, context: _Context) -> None:
    """What a sentence without numbers tells the sentences after it: its place, a framing place."""
    places = _places_in(sentence, words)
    context.previous_place = _combine(_place_list_at(places, 0, sentence, words), words) if places else None
    frame = words.frame.match(sentence)
    if frame and places and places[0][0] == frame.end():
        context.frame_place = context.previous_place
    source = read_source(sentence, words) if words.speech_after.search(sentence) or words.source_before.search(sentence) else None
    if source:
        context.last_source = source


def _claims_in_sentence(document: Document, sentence: Sentence, words: Words, context: _Context) -> list[Claim]:
    s = sentence.text
    dates = find_dates(s, context.document_date, words.language)
    mentions = [m for m in find_numbers(s, words.language) if is_claim_number(m, s, dates, words)]
    readings: list[_Reading] = []
    for index, mention in enumerate(mentions):
        previous = readings[-1] if readings else None
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        readings.append(read_what(s, mention, previous, following, words))
    readings = _borrow_forward(s, readings, words)
    claims: list[Claim] = []
    sentence_place = _places_in(s, words)
    event_date = _event_date(dates)
    # the same for every number of the sentence: read once (it scans the whole sentence)
    sentence_source = (
        read_source(s, words) or (context.last_source if _continues_report(s, words) else None)
    ) if readings else None
    for reading in readings:
        mention = reading.mention
        scope, period = read_scope(s, reading, words, dates, context)
        as_of = resolve_as_of(s, reading, dates, words, context, scope)
        if claims and reading.link in ("coordinated", "including", "parenthesis") and not _own_date(reading, dates):
            as_of = claims[-1].as_of  # "murdering 6,000 children and 4,000 women": one verb, one date
        place = read_place(s, reading, words, sentence_place, context, as_of)
        if (
            place == "israel" and reading.metric in ("killed", "hostages") and as_of != WAR_START_ISO
            and any(d.value == WAR_START_ISO for d in dates) and _simple_past(s, words)
        ):
            as_of = WAR_START_ISO  # "the attack on Saturday [7 October], which killed 1,300 people in Israel"
        source = sentence_source
        unit = read_unit(s, reading, words)
        bound = reading.bound
        if scope == "period" and words.period_markers.search(s[: reading.bound_start]):
            bound = "exact"
        start, end = document.text.to_original(sentence.start + reading.quote_start, sentence.start + reading.quote_end)
        claims.append(
            Claim(
                doc=document.doc_id,
                quote=re.sub(r"\s+", " ", s[reading.quote_start : reading.quote_end]).strip(),
                value=mention.value,
                value_max=mention.value_max,
                bound=bound,  # type: ignore[arg-type]
                unit=unit,
                metric=reading.metric,
                place=place,
                as_of=as_of,
                source=source,
                scope=scope,  # type: ignore[arg-type]
                period=period,
                note=_note(reading),
                start=start,
                end=end,
            )
        )
    if event_date:
        context.last_event_date = event_date
    _note_context(s, words, context)
    return claims


# --- 2. which numbers are claims ------------------------------------------------------------


def is_claim_number(mention: NumberMention, sentence: str, dates: list[DateMention], words: Words) -> bool:
    """False for numbers that are part of a date, a duration, a year, a label, an age or a rank."""
    if any(d.start <= mention.start < d.end or d.start < mention.end <= d.end for d in dates):
        return False
    left = sentence[: mention.start]
    right = sentence[mention.end :]
    if mention.share:
        return True
    if words.time_units.match(right) and not mention.percent:
        return False
    if words.after_words.match(right):
        return False
    if words.forecast.search(_clause_left(left)[-50:]) or words.forecast_after.match(right):
        return False  # "could reach two million", "90 prisoners to be freed": a forecast, not a claim
    if words.labels.search(left[-30:]) or left.rstrip().endswith(("#", "№")):
        return False
    if words.age_before.search(left[-40:]) or words.age_after.match(right):
        return False
    if _is_year(mention, right, words):
        return False
    if re.match(r"^\s*(?:[:/]\d|-\d|\.\d)", right) or re.search(r"\d[-/.]$", left):
        return False  # times, phone numbers, version strings
    if mention.in_words and mention.weak and not mention.percent:
        if re.search(rf"\b(?:{words.g('articles')})\s+$", left, re.IGNORECASE):
            return False  # "the three women": a reference to people already named, not a count
        if re.match(rf"\s+(?:{words.g('part_of')})\s+(?:[A-Z][\w-]*['’]s\s+)?(?:\w+\s+)?\d", right, re.IGNORECASE):
            return True  # "six of UNRWA's 24 health centres"
        if re.search(rf"\b(?:{words.g('ratio')})\s+(?:\w+\s+)?\d", right[:60], re.IGNORECASE):
            return False  # "one bed for every 1,500 people": the ratio is the second number
        return _counts_war_thing(right, words, reach=3)
    return True


def _is_year(mention: NumberMention, right: str, words: Words) -> bool:
    if mention.in_words or mention.percent or not mention.digits.isdigit() or len(mention.digits) != 4:
        return False
    if not 1900 <= mention.value <= 2100:
        return False
    return not _counts_war_thing(right, words)


def _counts_war_thing(right: str, words: Words, reach: int = _HEAD_WORDS) -> bool:
    """Whether one of the next few words names a group, a unit or an event."""
    head = " ".join(right.split()[:reach])
    head = re.split(r"[,;:!?()]", head)[0]
    if not head.strip():
        return False
    for pattern in (*words.groups.values(), *words.events.values(), *words.units.values()):
        if pattern.search(head):
            return True
    return False


# --- 3. what a number counts --------------------------------------------------------------


def read_what(
    sentence: str,
    mention: NumberMention,
    previous: _Reading | None,
    following: NumberMention | None,
    words: Words,
) -> _Reading:
    """The event (killed, injured, …) and the group (children, staff, …) a number counts."""
    right_end = min(len(sentence), mention.end + _RIGHT_REACH)
    right_start = mention.end
    if following is not None and not mention.share:
        if _is_part_of(sentence[mention.end : following.start], words):
            # "18 of the 36 hospitals were out of service": 18 counts what follows the total
            right_start = following.end
            right_end = min(len(sentence), following.end + _RIGHT_REACH)
        else:
            right_end = min(right_end, following.start)
    raw_right = sentence[right_start:right_end]
    right = _clause_right(raw_right)
    left_start = max(0, mention.start - _LEFT_REACH, previous.mention.end if previous else 0)
    raw_left = sentence[left_start : mention.start]
    left = _clause_left(raw_left)
    left_offset = mention.start - len(left)

    bound, bound_start = read_bound(sentence, mention, words)
    link = _link(sentence, previous, bound_start, words, mention.end)
    if previous is not None and bound == "exact" and link == "coordinated":
        bound = previous.bound  # "more than 6,150 children and 4,000 women": the bound carries over

    group, group_end = _group_after(right, words)
    if group is None:
        group = _group_before_parenthesis(raw_left, words)
    if group is None and previous is None and _has_no_head(right, words):
        group = _group_before(left, words)  # "the number of UNRWA staff killed ... stands at 194"
    event_window = _own_clause(right, group_end, words)
    opener = re.search(rf"\s(?:{words.g('clause_openers')})\s", event_window, re.IGNORECASE)
    if opener:
        event_window = event_window[: opener.start()]  # "... a day in April but has fallen since"
    if group is None:
        new_clause = re.search(rf"\s(?:{words.g('conjunctions')})\s+(?:the|a|an|its|their)\s", event_window, re.IGNORECASE)
        if new_clause:
            event_window = event_window[: new_clause.start()]  # "to 61,599 and the number of wounded to ..."
    if group is None and not mention.share and not mention.percent:
        relative = re.search(rf"\b(?:{words.g('relative')})\b", event_window, re.IGNORECASE)
        if relative:
            event_window = event_window[: relative.start()]  # "8,000 requests ... of relatives who are missing"
    opener = re.search(r"(,|\s[–—]|\()\s*[^,–—(]{0,25}$", raw_right) if following is not None and not mention.share else None
    if opener:
        # "1.9 million people, about 85% of the population, have been displaced",
        # "2.1 million people – 96 per cent of the population – face hunger": read past the aside
        closer = {",": ",", "(": r"\)"}.get(opener.group(1).strip(), "[–—]")
        wider = sentence[mention.end : mention.end + 200]
        wider = wider[: re.search(r"[;|•]|\.\s|$", wider).start()]  # type: ignore[union-attr]
        base = group_end or 0
        # after a comma aside the main clause goes on with its verb ("..., have been displaced")
        verb_next = rf"(?=(?:{words.g('auxiliaries')})\b)" if closer == "," else ""
        aside = re.search(rf"{re.escape(opener.group(1).strip())}[^;.]{{0,80}}?{closer}\s+{verb_next}", wider[base:], re.IGNORECASE)
        if aside and aside.start() <= opener.start() - base + 1:
            event_window = wider[: base + aside.start()] + " " + wider[base + aside.end() :]
            event_window = _own_clause(event_window, group_end, words)
    if words.including.search(right[-15:]) and not mention.share:
        # "287 aid workers, including 205 UNRWA staff, have been killed": read past the parts
        event_window = _past_parts(_clause_right(sentence[mention.end : mention.end + 200]), group_end or 0, words) or event_window
    # a proportion ("85% of the population have fled") takes the last verb of its clause, not its "of" noun
    right_event, right_span = _nearest(event_window, words.events, from_start=not (mention.share or mention.percent))
    left_event, left_span = _nearest(left, words.events, from_start=False)
    governing = left_span is not None and _only_determiners(sentence[left_offset + left_span[1] : bound_start], words)

    event, event_span, event_side = None, None, ""
    if governing:
        event, event_span, event_side = left_event, left_span, "left"  # "killing at least 67 ..."
    elif link == "including" and previous is not None:
        if right_event is not None and right_span is not None and right_span[0] <= (group_end or 0) + 12:
            event, event_span, event_side = right_event, right_span, "right"
        else:
            event, event_side = previous.event, "inherited"
    elif right_event is not None:
        event, event_span, event_side = right_event, right_span, "right"
    elif link in ("coordinated", "parenthesis") and previous is not None:
        event, event_side = previous.event, "inherited"
    elif left_event is not None and (group in (None, "people") or "," not in sentence[left_offset + (left_span or (0, 0))[1] : mention.start]):
        event, event_span, event_side = left_event, left_span, "left"

    if mention.share and words.events["population"].search(left[-15:]):
        event, event_span, event_side = "population", None, ""  # "home to almost half of ..."
    list_head = None
    if previous is not None and link in ("including", "parenthesis"):
        list_head = previous.list_head or previous
    elif previous is not None and link == "coordinated":
        list_head = previous.list_head
    if group is None and previous is not None and link in ("and", "coordinated") and not mention.percent:
        antecedent = previous.list_head or previous
        # a part of comparable size: "152 staff killed and 26 injured", not "116 medics and 10,000 missing"
        if antecedent.group not in (None, "people") and mention.value <= 10 * antecedent.mention.value:
            group = antecedent.group  # "152 staff killed and 26 injured": the same staff
    if group is None and previous is not None and re.search(rf"\b(?:{words.g('another')})\s+$", sentence[: mention.start], re.IGNORECASE):
        group = previous.group
    if group is None and previous is not None and link == "including":
        group = previous.group  # "726 soldiers have fallen, 346 of them in Gaza": the same soldiers
    if event == "killed" and (words.events["aid_seeking"].search(_clause_right(raw_right)) or words.events["aid_seeking"].search(left)):
        event = "aid_seeking"  # "killed while trying to reach food"
    if event is not None and not _event_fits(event, group, right, words):
        event = None
    population_noun = re.match(rf"\s*(?:\S+\s+)?(?:{words.g('population_nouns')})\b", right, re.IGNORECASE)
    if event is None and group == "people" and population_noun and not mention.percent and mention.value >= 1_000_000:
        event = "population"  # millions of people, with nothing happening to them, are a population
    metric = _metric(event, group, mention, right, words)
    if metric != "other" and (_is_breakdown(right, event, words) or _is_ratio(right, words)):
        metric = "other"
    if metric != "other" and words.worldwide.search(_own_clause(right, group_end, words)):
        metric = "other"  # "12,193 children killed in conflicts around the world": not a count of this war
    if previous is not None and _is_part_of(sentence[previous.mention.end : bound_start], words):
        if previous.mention.share or previous.mention.percent:
            # "half of Gaza's 2.3 million citizens": the whole a share is taken of
            metric = "population" if group == "people" and mention.value >= 100_000 else metric
        elif right_event is None or re.search(
            rf"\b(?:{words.g('auxiliaries')})\b", event_window[: (right_span or (0, 0))[0]], re.IGNORECASE
        ):
            metric, event = "other", None  # the total that a part was counted against
        # else "94 of the 251 abducted": the total has its own participle and keeps its metric

    quote_start = min(bound_start, mention.start)
    quote_end = mention.end
    if group_end is not None:
        quote_end = max(quote_end, mention.end + group_end)
    if event_span is not None and event_side == "right":
        quote_end = max(quote_end, mention.end + event_span[1])
    elif event_span is not None and event_side == "left":
        quote_start = min(quote_start, left_offset + event_span[0])
    return _Reading(mention, event, group, metric, quote_start, quote_end, bound, bound_start, list_head, link)


_PEOPLE_EVENTS = frozenset({"killed", "injured", "missing", "displaced", "detained", "hostages", "population",
                            "hunger", "starvation_death", "aid_seeking"})
_OBJECT_GROUPS = frozenset({"housing", "hospitals", "schools", "mosques", "ambulances", "trucks", "health"})


def _event_fits(event: str, group: str | None, right: str, words: Words) -> bool:
    """A people event ("displaced") cannot count objects ("149 installations", "144,000 jobs"), and the reverse."""
    if group is None and event in _PEOPLE_EVENTS and _head_is_unknown_noun(right, words):
        return False
    if group in _OBJECT_GROUPS:
        return event not in _PEOPLE_EVENTS - {"hostages"}
    head = " ".join(right.split()[:3])
    if group is None and words.units["items"].search(head):
        return event not in _PEOPLE_EVENTS
    if group is not None and event in ("destroyed", "damaged", "out_of_service", "entered"):
        return False
    return True


def _is_part_of(between: str, words: Words) -> bool:
    """Only "of the", "of Gaza's", "out of" between two numbers: the first is a part of the second."""
    return bool(re.fullmatch(rf"\s+(?:{words.g('part_of')})\s+(?:[A-Z][\w-]*['’]s\s+)?", between, re.IGNORECASE))


def _is_ratio(right: str, words: Words) -> bool:
    """"one civilian killed for every fighter": a ratio, not a count."""
    return bool(re.search(rf"\b(?:{words.g('ratio')})\b", right, re.IGNORECASE))


def _is_breakdown(right: str, event: str | None, words: Words) -> bool:
    """"30 of the captives are children", "10 to 20 are over the age of 60": a part described
    by age or by a second group is a breakdown, counted as ``other``."""
    partitive = re.match(rf"\s*(?:{words.g('partitive')})\b(.*)", right, re.IGNORECASE)
    if partitive:
        described = re.search(rf"\b(?:{words.g('copulas')})\s+(.*)", partitive.group(1), re.IGNORECASE)
        if described and any(pattern.match(described.group(1)) for pattern in words.groups.values()):
            return True  # "30 of the captives are children": described by a second group
    descriptor = rf"\b(?:{words.g('copulas')})\s+(?:{words.g('age_descriptor')})\b"
    return event is None and bool(re.search(descriptor, right, re.IGNORECASE))


def _link(sentence: str, previous: _Reading | None, bound_start: int, words: Words, mention_end: int) -> str | None:
    """How a number hangs on the one before it in the sentence."""
    if previous is None:
        return None
    between = sentence[previous.mention.end : bound_start]
    if re.search(r"[.!?;]\s", between):
        return None
    if between.rstrip().endswith("("):
        return "parenthesis"
    auxiliaries = rf"\b(?:{words.g('auxiliaries')})\b"
    cue = words.including.search(between[-40:])
    if cue and re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,2}", between[-40:][cue.end() :]) and not re.search(
        auxiliaries, between.split(",")[-1], re.IGNORECASE
    ):
        return "including"
    if re.search(r",\s*$", between) and re.match(r"\s*of\s+(?:them|whom|which)\b", sentence[mention_end:], re.IGNORECASE):
        return "including"  # "41,000 Palestinians, 16,000 of them children": a part of the count before
    if _coordinated(between, words):
        return "coordinated"
    if re.search(rf"\b(?:{words.g('conjunctions')})\s+(?:(?:{words.g('another')})\s+)?$", between, re.IGNORECASE):
        return "and"
    return None


def _past_parts(right: str, start: int, words: Words) -> str:
    """The words after an ", including …," aside, joined to the head: the verb that governs both."""
    match = re.search(r",\s+(?:" + words.including.pattern + r")[^,;.]{0,80},\s+", right[start:], re.IGNORECASE)
    if match is None:
        return ""
    return right[: start + match.start()] + " " + right[start + match.end() :]


def _only_determiners(gap: str, words: Words) -> bool:
    """Between a verb and its number there are at most articles: "killed 10,000", "the return of 18"."""
    return bool(re.fullmatch(rf"\s*(?:(?:{words.g('determiners')})\s+)*", gap, re.IGNORECASE))


def _own_clause(right: str, group_end: int | None, words: Words) -> str:
    """The words after a number up to the end of its own clause: a comma after the counted group
    ends it, except around a short aside (", mostly civilians,")."""
    if group_end is None:
        return right
    position = group_end
    while True:
        comma = right.find(", ", position)
        if comma < 0:
            return right
        aside = re.match(rf",\s+((?:{words.g('asides')})\b[^,]{{0,40}}),\s", right[comma:], re.IGNORECASE)
        if re.match(rf",\s+(?:{words.g('auxiliaries')})\b", right[comma:], re.IGNORECASE):
            # "..., about 85% of the population, have been displaced": the comma closed an aside
            return right[:comma] + right[comma + 1 :]
        if aside:
            position = comma + aside.end() - 1
            continue
        return right[:comma]


def _metric(event: str | None, group: str | None, mention: NumberMention, right: str, words: Words) -> str:
    metrics = words.metrics
    if group == "women_and_children":
        return "other"
    if mention.percent and group in ("children", "women") and event in ("killed", "injured", None):
        return "other"  # a share of the dead who are children is a breakdown, not a count
    if event == "area" or words.units["km2"].search(right[:12]) if "km2" in words.units else False:
        return "area"
    candidates = []
    if event and group:
        candidates.append(f"{event}.{group}")
    if event and (group is None or group == "people"):
        candidates.append(event)
    if group and event is None:
        candidates.append(group)
    for key in candidates:
        if key in metrics:
            return metrics[key]
    return "other"


def _nearest(text: str, patterns: dict[str, re.Pattern[str]], *, from_start: bool) -> tuple[str | None, tuple[int, int] | None]:
    """The pattern that matches first in ``text`` (or last, ``from_start=False``), and where."""
    best: tuple[str | None, tuple[int, int] | None] = (None, None)
    best_position = None
    for name, pattern in patterns.items():
        if from_start:
            match = pattern.search(text)
        else:
            match = None
            for match in pattern.finditer(text):  # noqa: B007 - the last one is wanted
                pass
        if match is None:
            continue
        position = match.start() if from_start else -match.end()
        longer = best[1] is not None and match.end() - match.start() > best[1][1] - best[1][0]
        if best_position is None or position < best_position or (position == best_position and longer):
            best = (name, (match.start(), match.end()))
            best_position = position
    return best


def _group_after(right: str, words: Words) -> tuple[str | None, int | None]:
    """The group a number counts when named within its first few words ("3,324 children")."""
    tokens = list(re.finditer(r"\S+", right))
    if not tokens:
        return None, None
    reach = tokens[min(_HEAD_WORDS, len(tokens)) - 1].end()
    head = right[:reach]
    cut = re.search(r"[;:!?()]|\.(?!\d)|,\s", head)
    if cut:
        head = head[: cut.start()]
    # the counted noun phrase ends at its verb or at a preposition that starts another phrase
    verb = re.search(rf"\s(?:{words.g('phrase_end')})\s", head + " ", re.IGNORECASE)
    if verb and verb.start() > 0:
        head = head[: verb.start()]
    found = sorted(
        ((match.start(), -match.end(), name) for name, pattern in words.groups.items() if (match := pattern.search(head))),
    )
    best: tuple[str | None, int | None, int] = (None, None, 10**6)
    if found:
        start, negative_end, name = found[0]
        best = (name, -negative_end, start)
        if name == "people":
            # "military and civilian hostages": a specific group right after a generic word is the head
            for later_start, later_negative_end, later in found[1:]:
                if later != "people" and 0 <= later_start + negative_end <= 15:
                    best = (later, -later_negative_end, later_start)
                    break
    if best[0] is None:
        for name, pattern in words.units.items():
            match = pattern.search(head)
            if match and match.start() < best[2]:
                best = (None, match.end(), match.start())
    if best[0] not in (None, "people") and best[1] is not None:
        joined = re.match(rf"\s+(?:{words.g('conjunctions')}|&)\s+(?!\d)([\w'’-]+)", right[best[1] :], re.IGNORECASE)
        rest = right[best[1] + joined.end(1) - len(joined.group(1)) :] if joined else ""
        other_group = [name for name, pattern in words.groups.items() if pattern.match(rest)]
        if joined and other_group and best[0] not in other_group:
            # "123 health workers and patients": one count of two groups is a combined count
            return "combined", best[1] + joined.end()
    return best[0], best[1]


def _has_no_head(right: str, words: Words) -> bool:
    """Nothing after the number names what it counts: it ends its clause ("... stands at 194.")."""
    return not re.match(r"\s*[\w$€£%]", right) or bool(re.match(r"\s*(?:a|per|each|every|in|on|since|as|by|from)\b", right, re.IGNORECASE))


def _group_before(left: str, words: Words) -> str | None:
    """The nearest group named before a number that has none after it."""
    best: tuple[int, str] | None = None
    for name, pattern in words.groups.items():
        for match in pattern.finditer(left):
            if best is None or match.end() > best[0]:
                best = (match.end(), name)
    return best[1] if best and best[1] != "people" else None


def _head_is_unknown_noun(right: str, words: Words) -> bool:
    """The number is followed by a noun we do not know ("144,000 jobs"): it does not count people."""
    tokens = re.findall(r"[A-Za-z][\w'’-]*", " ".join(right.split()[:3]))
    if not tokens or not re.match(r"\s*[a-z]", right):
        return False
    head = " ".join(right.split()[:2])
    for patterns in (words.groups, words.units):
        if any(pattern.search(head) for pattern in patterns.values()):
            return False
    if any(pattern.match(right.lstrip()) for pattern in words.events.values()):
        return False
    first = tokens[0].lower()
    grammar = {
        w for role in ("determiners", "auxiliaries", "conjunctions", "phrase_end", "copulas", "another", "adverbs")
        for w in words.g(role).split("|")
    }
    return first not in grammar and not first.endswith(("ed", "ing", "ly"))


def _group_before_parenthesis(left: str, words: Words) -> str | None:
    """``children (12,300)``: the group named just before a parenthesised number."""
    match = re.search(r"([\w\s-]{2,40})\(\s*$", left)
    if not match:
        return None
    for name, pattern in words.groups.items():
        if pattern.search(match.group(1)):
            return name
    return None


def _clause_right(text: str) -> str:
    match = re.search(r"[;:|•]|\s[—–]\s|\.\s|\(|\)", text)
    return text[: match.start()] if match else text


def _clause_left(text: str) -> str:
    matches = list(re.finditer(r"[;:|•()]|\s[—–]\s|\.\s|,\s+(?:and|but|while|whereas)\s", text))
    return text[matches[-1].end() :] if matches else text


def _coordinated(between: str, words: Words) -> bool:
    """Only a conjunction or a comma between two numbers: the second has no verb of its own."""
    if re.search(rf"\b(?:{words.g('auxiliaries')})\b", between, re.IGNORECASE):
        return False
    conjunction = words.g("conjunctions")
    preposition = rf"(?:{words.g('inside')}|of|to|for|from)"
    with_conjunction = rf"\s*(?:[\w'’-]+\s+){{0,6}}?(?:[\w'’-]+)?\s*,?\s*(?:{conjunction})\s+(?:{preposition}\s+)?"
    list_comma = r"\s*(?:[\w'’-]+\s+)?(?:[\w'’-]+)?\s*,\s*"  # "3,324 children, 2,062 women"
    return bool(re.fullmatch(with_conjunction, between, re.IGNORECASE) or re.fullmatch(list_comma, between))


def read_bound(sentence: str, mention: NumberMention, words: Words) -> tuple[str, int]:
    """The bound word right before the number ("more than", "nearly") or after it ("or more")."""
    # "the" and "some" may sit between: "nearly all the 2,000" is not a bound on 2,000
    # A bound ends at the number: search the characters just before it, not the whole sentence
    # once per number (endpos makes "$" the number's start; the lookbehind still sees before pos).
    window = max(0, mention.start - _BOUND_REACH)
    for name, pattern in words.bounds:
        match = pattern.search(sentence, window, mention.start)
        if match:
            return name, match.start()
    if words.after_over.match(sentence[mention.end :]):
        return "over", mention.start
    return "exact", mention.start


def read_unit(sentence: str, reading: _Reading, words: Words) -> str:
    mention = reading.mention
    if mention.percent:
        return "percent"
    if _is_ratio(sentence[mention.end : reading.quote_end + 60], words) and reading.metric == "other":
        return "ratio"
    left = sentence[max(0, mention.start - 4) : mention.start]
    right = sentence[mention.end : mention.end + 40]
    for currency in ("usd", "eur", "gbp"):
        pattern = words.units.get(currency)
        if pattern and (pattern.search(left) or pattern.match(right.lstrip())):
            return currency
    if reading.metric == "area":
        return "km2"
    head = " ".join(right.split()[:_HEAD_WORDS])
    head = re.split(r"[,;:.!?()]", head)[0]
    phrase_end = re.search(rf"\s(?:{words.g('phrase_end')})\s", " " + head + " ", re.IGNORECASE)
    if phrase_end and phrase_end.start() > 0:
        head = head[: phrase_end.start()]  # "8,000 requests from families": the unit is not "families"
    best: tuple[int, str] | None = None
    for unit, pattern in words.units.items():
        if unit in ("usd", "eur", "gbp"):
            continue
        match = pattern.search(head)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), unit)
    group_unit = {
        "hospitals": "items", "schools": "items", "mosques": "items", "ambulances": "items",
        "trucks": "items", "housing": "items", "health": "items",
    }
    if reading.metric in ("destroyed_housing", "damaged_housing", "destroyed_ambulances", "destroyed_hospitals",
                          "damaged_hospitals", "hospitals_out_of_service", "attacks_on_health", "destroyed_schools",
                          "damaged_schools", "destroyed_mosques", "aid_trucks"):
        return "items"
    if best is not None and reading.group in (None, "people") or best is not None and best[1] != "items":
        if best is not None:
            return best[1]
    if reading.group in group_unit:
        return group_unit[reading.group]
    return "people"


# --- place ----------------------------------------------------------------------------------


def _places_in(text: str, words: Words) -> list[tuple[int, int, str]]:
    """The places named in ``text``, left to right, longest name first where names overlap."""
    found: list[tuple[int, int, str]] = []
    for match in words.any_place.finditer(text):
        name = words.place_names.get(" ".join(match.group().lower().split()))
        if name is None:
            continue
        before = text[max(0, match.start() - 25) : match.start()]  # not a copy of all the text before
        if words.reference_before.search(before):
            continue  # "Rafah, south of Gaza": Gaza only locates Rafah
        if name == "rafah" and (words.route_words.search(before) or words.route_after.match(text[match.end() : match.end() + 200])):
            continue  # "through Rafah", "the Rafah crossing": a crossing, not where the count is
        if match.group().lower() in words.actors and not _actor_is_place(text, match, words):
            continue
        found.append((match.start(), match.end(), name))
    return found


def _actor_is_place(text: str, match: re.Match[str], words: Words) -> bool:
    """"Israel" is where a count is only after a locative ("in Israel"); "Israeli" only before a
    counted group ("Israeli civilians"), not before the attackers ("Israeli forces")."""
    if match.group().lower() not in words.actor_adjectives and words.locative_before.search(
        text[max(0, match.start() - 20) : match.start()]
    ):
        return True
    following = " ".join(text[match.end() : match.end() + 300].split()[:3])  # not all the text after
    for name in ("people", "hostages", "children", "women"):
        pattern = words.groups.get(name)
        if pattern and pattern.match(following):
            return True
    return bool(re.match(rf"(?:{words.g('counted_after_nationality')})\b", following, re.IGNORECASE))


def _combine(places: list[tuple[int, int, str]], words: Words) -> str | None:
    """One place for a list of places: "Gaza and the West Bank" is the occupied territory."""
    if not places:
        return None
    names = {p[2] for p in places if p[2] not in ("syria", "yemen", "iran")}
    for candidates in (names, {words.region.get(n, n) for n in names}):
        for parts, combined in words.combine:
            if parts <= candidates:
                return combined
    regions = {words.region.get(n, n) for n in names}
    if len(names) > 1 and len(regions) == 1:
        return regions.pop()  # "Khan Younis and Rafah": both in Gaza
    return places[0][2] if places[0][2] not in ("northern_israel",) else "israel"


def _place_list_at(
    places: list[tuple[int, int, str]], index: int, sentence: str, words: Words
) -> list[tuple[int, int, str]]:
    """The places coordinated with ``places[index]`` ("Gaza, the West Bank and East Jerusalem")."""
    conjunction = words.g("conjunctions")
    article = words.g("articles")
    inside = words.g("inside")
    after = rf",?\s*(?:(?:{conjunction})\s+)?(?:(?:{inside})\s+(?:\w+\s+){{0,2}}?(?:(?:{inside})\s+)?)?(?:(?:{article})\s+)?"
    before = rf"\s*(?:,\s*|\s+(?:{conjunction})\s+|,\s*(?:{conjunction})\s+)(?:(?:{article})\s+)?(?:(?:{inside})\s+)?"
    group = [places[index]]
    for j in range(index + 1, len(places)):
        if words.region.get(group[-1][2]) == places[j][2]:
            break  # "Rafah in the Gaza Strip": the larger place only locates the smaller one
        if re.fullmatch(after, sentence[group[-1][1] : places[j][0]], re.IGNORECASE):
            group.append(places[j])
        else:
            break
    for j in range(index - 1, -1, -1):
        if re.fullmatch(before, sentence[places[j][1] : group[0][0]], re.IGNORECASE):
            group.insert(0, places[j])
        else:
            break
    return group


def read_place(
    sentence: str,
    reading: _Reading,
    words: Words,
    places: list[tuple[int, int, str]],
    context: _Context,
    as_of: str | None = None,
) -> str | None:
    """Where the counted thing is: the nearest place in the number's clause, else the sentence's,
    else the paragraph's, else the document's main place."""
    mention = reading.mention
    if words.worldwide.search(sentence):
        return None
    if reading.metric == "hostages":
        # people taken hostage were taken from Israel; "held in Gaza" says where they are now
        held = re.search(rf"\b(?:{words.g('held')})\b", sentence[max(0, reading.bound_start - 20) : mention.end + 60], re.IGNORECASE)
        if held is None:
            return "israel"
        after = [p for p in places if p[0] > mention.end and p[2] != "israel"]
        return after[0][2] if after else context.default_place
    own = [p for p in places if _in_own_clause(sentence, reading, p)]
    if reading.metric in ("killed_soldiers", "injured_soldiers") and not places:
        return None  # an army's losses are counted on every front unless a place is named with them
    if not own and reading.metric in words.default_places:
        return words.default_places[reading.metric]  # hostages come home from Gaza; detainees go to Gaza and the West Bank
    if as_of == WAR_START_ISO and not own and reading.metric in ("killed", "injured", "hostages", "other"):
        return "israel"  # figures of the attack of 7 October 2023, in Israel
    if own:
        places = own
    if places:
        # nearest place, preferring one after the number (its own clause) within reach
        def distance(place: tuple[int, int, str]) -> int:
            if place[0] >= mention.end:
                return place[0] - mention.end
            return (mention.start - place[1]) + 15

        index = min(range(len(places)), key=lambda i: distance(places[i]))
        inside = rf"\s+(?:{words.g('inside')})\s+(?:(?:{words.g('articles')})\s+)?"
        if index > 0 and re.fullmatch(inside, sentence[places[index - 1][1] : places[index][0]], re.IGNORECASE):
            index -= 1  # "Rafah in the Gaza Strip": the smaller place is the one meant
        if distance(places[index]) < 160:
            combined = _combine(_place_list_at(places, index, sentence, words), words)
            if combined:
                return combined
    nationality = _nationality_place(sentence, reading, words)
    if nationality:
        return nationality
    return context.frame_place or context.previous_place or context.default_place


def _in_own_clause(sentence: str, reading: _Reading, place: tuple[int, int, str]) -> bool:
    """Whether a place is named in the number's own clause (between clause breaks around it)."""
    start = reading.bound_start - len(_clause_left(sentence[: reading.bound_start]))
    end = reading.mention.end + len(_clause_right(sentence[reading.mention.end :]))
    return start <= place[0] and place[1] <= end


def _nationality_place(sentence: str, reading: _Reading, words: Words) -> str | None:
    head = sentence[reading.mention.end : reading.mention.end + 40]
    for word in re.findall(r"[^\W\d_]+", head)[:4]:
        if word.lower() in words.nationality:
            if words.nationality[word.lower()] == "israel" and reading.group in ("soldiers",):
                return None
            return words.nationality[word.lower()]
    return None


def _dominant_place(text: str, words: Words) -> str | None:
    """The place a document is mostly about: the region named most often (Gaza on a tie)."""
    counts: dict[str, int] = {}
    for _, _, name in _places_in(text, words):
        region = words.region.get(name, name)
        if region in ("gaza", "west_bank", "lebanon"):
            counts[region] = counts.get(region, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: (counts[k], k == "gaza"))


# --- scope, as_of, source -----------------------------------------------------------------------


def read_scope(
    sentence: str,
    reading: _Reading,
    words: Words,
    dates: list[DateMention],
    context: _Context,
) -> tuple[str, tuple[str, str] | None]:
    """``total`` unless the words of the number's own clause say a span (``period``), one event
    (``incident``), a rate, or a standing quantity (``static``)."""
    mention = reading.mention
    left = _clause_left(sentence[max(0, reading.bound_start - 60) : reading.bound_start])
    right = _clause_right(sentence[mention.end : mention.end + 80])
    clause = left + " " + right
    if reading.metric in ("population", "area"):
        return "static", None
    if words.scope["rate"].search(left[-25:] + " " + right[:40]):
        return "rate", None
    if reading.event is not None and words.period_markers.search(left):
        return "period", _period_span(sentence, dates, context, words)  # "another 7,000 were killed"
    cue = words.scope["period"].search(clause)
    since = [d for d in dates if d.since and d.kind == "explicit" and d.value > WAR_START_ISO and d.start < mention.start]
    cumulative = words.scope["total"].search(left) if "total" in words.scope else None
    if cue and not cumulative and not any(d.since and cue.end() <= d.start < reading.bound_start for d in dates):
        span = _period_span(sentence, dates, context, words)
        if span is None or span[0] != WAR_START_ISO:
            return "period", span
    if since and since[-1].value[:7] != WAR_START_ISO[:7]:
        # "since 6 May, one million people have fled": counted from a later start than the war's
        end = [d.value for d in dates if not d.since and d.start > since[-1].start and len(d.value) == 10]
        base = context.document_date if context.document_date and len(context.document_date) == 10 else None
        stop = end[-1] if end else base
        return "period", ((since[-1].value, stop) if stop and len(since[-1].value) == 10 else None)
    if (words.scope["incident"].search(clause) or words.incident_noun.search(clause)) and reading.event in ("killed", "injured", None):
        return "incident", None
    day = [d for d in dates if len(d.value) == 10 and not d.since and d.kind != "elapsed" and d.value != WAR_START_ISO]
    if any(d.value == WAR_START_ISO for d in dates):
        day = []  # "between 7 October 2023 and 8 August 2024", "since the 7th": the whole war, a total
    if reading.event == "entered" and day:
        return "period", (day[-1].value, day[-1].value)  # "On 1 November, 51 trucks entered"
    if reading.event in ("killed", "injured") and day and _simple_past(clause, words):
        return "period", (day[-1].value, day[-1].value)  # "strikes killed 33 people on Sunday"
    if reading.metric == "other" and reading.event is None:
        # things done accumulate ("treated 27,000 patients"); things that are, stand ("350 beds")
        return ("total" if _done(left, right, words) else "static"), None
    if re.search(rf"\b(?:{words.g('held')})\b", sentence[mention.end : mention.end + 50], re.IGNORECASE) and reading.metric == "hostages":
        return "static", None
    return "total", None


def _simple_past(clause: str, words: Words) -> bool:
    """"were killed", "strikes killed": the simple past, not "have been killed"."""
    if re.search(rf"\b(?:{words.g('perfect_markers')})\b", clause, re.IGNORECASE):
        return False
    return bool(re.search(rf"\b(?:{words.g('simple_past_markers')})\b", clause, re.IGNORECASE))


def _done(left: str, right: str, words: Words) -> bool:
    """A verb of something done governs the number: "repaired 27 wells", "27 wells were repaired"."""
    verb = rf"(?:\w+(?:{words.g('past_suffixes')}|ing)|{words.g('irregular_past')})"
    before = re.search(rf"\b{verb}\s+(?:(?:{words.g('determiners')})\s+)*$", left, re.IGNORECASE)
    word = rf"(?!(?:{words.g('conjunctions')})\b)[\w'’-]+"
    after = re.match(rf"\s*(?:{word}\s+){{0,4}}?(?:{words.g('auxiliaries')})\s+(?:been\s+)?{verb}\b", right, re.IGNORECASE)
    return bool(before or after)


def _period_span(sentence: str, dates: list[DateMention], context: _Context, words: Words) -> tuple[str, str] | None:
    import datetime as dt

    lowered = sentence.lower()
    base = parse_date(context.document_date)
    explicit = [d for d in dates if len(d.value) == 10]
    if re.search(rf"(?:{words.g('last_24_hours')})", lowered, re.IGNORECASE) and base and base[1] == "day":
        day = base[0]
        return ((day - dt.timedelta(days=1)).isoformat(), day.isoformat())
    if len(explicit) >= 2:
        return (explicit[0].value, explicit[-1].value)
    return None


def _borrow_forward(sentence: str, readings: list[_Reading], words: Words) -> list[_Reading]:
    """"More than 800 mosques and 120 schools have been destroyed": a count with no verb of its
    own, coordinated with the next one, shares the next one's verb."""
    result = list(readings)
    for index in range(len(result) - 2, -1, -1):
        reading, following = result[index], result[index + 1]
        if reading.event is not None or following.event is None or following.link != "coordinated":
            continue
        if not _event_fits(following.event, reading.group, "", words):
            continue
        metric = _metric(following.event, reading.group, reading.mention, "", words)
        if metric != reading.metric:
            result[index] = replace(reading, event=following.event, metric=metric)
    return result


def _own_date(reading: _Reading, dates: list[DateMention]) -> bool:
    """Whether a date stands in the number's own words (after it, before the next comma)."""
    return any(reading.mention.end <= d.start <= reading.quote_end + 40 and not d.since for d in dates)


def _event_date(dates: list[DateMention]) -> str | None:
    events = [d for d in dates if not d.since and not d.reporting and d.kind in ("explicit", "elapsed")]
    return events[-1].value if events else None


def resolve_as_of(
    sentence: str,
    reading: _Reading,
    dates: list[DateMention],
    words: Words,
    context: _Context,
    scope: str,
) -> str | None:
    """Spec §4: an explicit date governing the sentence, else an elapsed-time expression, else the
    document's date for a figure of the moment, else None."""
    mention = reading.mention
    if re.search(rf"\b(?:{words.g('past_state')})\b", sentence[mention.end : mention.end + 40], re.IGNORECASE):
        return None  # a state before the war ("the 280,000 people who lived there")
    usable = [d for d in dates if not d.since]
    if scope == "period":
        spans = [d for d in usable if len(d.value) == 10]
        if spans:
            return spans[-1].value
    # a date after a comma that follows the number belongs to an aside ("..., the vast majority on 7 October")
    relative = re.compile(rf"\b(?:{words.g('relative')})\b", re.IGNORECASE)
    usable = [
        d for d in usable
        if not (d.start >= mention.end and ("," in sentence[reading.quote_end : d.start] or relative.search(sentence[mention.end : d.start])))
    ]
    if usable:
        events = [d for d in usable if not d.reporting]
        pool = events or usable

        def distance(d: DateMention) -> int:
            return d.start - mention.end if d.start >= mention.end else mention.start - d.end

        chosen = min(pool, key=distance)
        reporting = [d for d in usable if d.reporting]
        if chosen.kind == "relative" and reporting and len(reporting[0].value) >= len(chosen.value):
            return reporting[0].value  # "the ministry said on Saturday that ... have now been killed"
        return chosen.value
    if (words.event_references.search(sentence) or words.event_reference_noun.search(sentence)) and context.last_event_date:
        return context.last_event_date
    if words.narrative.search(sentence[max(0, reading.quote_start - 30) : mention.start]):
        return None
    return context.document_date


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
    text = re.sub(rf"^(?:{words.g('articles')})(?:\s+|(?<=['’]))", "", text, flags=re.IGNORECASE)
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


def _note(reading: _Reading) -> str | None:
    if reading.metric != "other":
        return None
    parts = [p for p in (reading.event, reading.group) if p]
    return " ".join(parts) if parts else None
