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

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from statecheck.extract import lexicon
from statecheck.extract.cards import clearly_other_language
from statecheck.extract.claims.filters import is_asked_amount, is_claim_number, is_contact_line
from statecheck.extract.claims.place import (
    PlaceIndex,
    came_from,
    combine_places,
    destination_abroad,
    dominant_place,
    place_list_at,
    read_place,
)
from statecheck.extract.claims.source import continues_report, read_source
from statecheck.extract.claims.state import Context, Reading, counted
from statecheck.extract.claims.what import (
    BULLET,
    LINE_ITEM,
    RELEASED_HELD,
    is_labelled,
    is_whole_of_part,
    read_listed_part,
    read_part_of_last,
    read_under_heading,
    read_unit,
    read_what,
)
from statecheck.extract.claims.when import (
    borrow_forward,
    event_day,
    own_date,
    read_scope,
    release_scope,
    resolve_as_of,
    simple_past,
    without_beginnings,
)
from statecheck.extract.claims.words import (
    CASUALTIES,
    DIGIT,
    WAR_START_ISO,
    Words,
    may_hold_number_in_any_language,
    words_for,
)
from statecheck.extract.dates import DateMention, find_dates
from statecheck.extract.deadline import Deadline
from statecheck.extract.numbers import find_numbers
from statecheck.extract.sentences import Sentence, split_sentences
from statecheck.model import Claim, Document
from statecheck.options import Options

_SPACES = re.compile(r"\s+")


def extract_claims(document: Document, options: Options) -> Document:
    """Reads the normalised text and the card (date, language); adds every numerical claim."""
    language = document.card.language if document.card.language in lexicon.LANGUAGES else "en"
    words = words_for(language or "en")
    text = document.text.normalised
    place_index = PlaceIndex(text, words)
    context = Context(document_date=document.card.date, default_place=dominant_place(place_index))
    claims: list[Claim] = []
    paragraphs = text.split("\n")
    deadline = Deadline("claims", options, location=document.source.location, length=len(text))
    paragraph_words = _ParagraphWords("", language or "en")  # replaced at the first sentence
    # Sentences of the paragraph before the first that may hold a number: what they tell the
    # context is read with the paragraph's words, so only once a number needs those words.
    unnoted: list[Sentence] = []
    # the headline's counts: those of the title's paragraph (a kicker or a party's name may stand above it)
    title = (document.card.title or "").strip()
    title_paragraph = next(
        (index for index, paragraph in enumerate(paragraphs[:_TITLE_PARAGRAPHS]) if title and paragraph.strip().endswith(title)), None
    )
    headline_start = headline_end = 0
    heading = names_place = False
    contact = False
    section_bullet = ""  # the bullet of the lines of the list being read
    asks_below = False  # the last line that was not an item asked for what the items list
    for sentence in split_sentences(text, language or "en"):
        deadline.check(sentence.start)
        if sentence.paragraph != context.paragraph:
            context.start_paragraph(sentence.paragraph)
            paragraph_words = _ParagraphWords(paragraphs[sentence.paragraph], language or "en")
            unnoted = []
            heading = _heads_a_list(paragraphs, sentence.paragraph)
            reporting_period = _reporting_period(paragraphs[sentence.paragraph], language or "en", context.document_date)
            stamp: str | None
            if reporting_period is not None:
                # "Reporting period: 1–25 September 2025 | Published 26 September": the figures hold at the span's end
                context.report_span, stamp = reporting_period, reporting_period[1]
            else:
                stamp = _date_stamp(paragraphs[sentence.paragraph], language or "en", context.document_date)
            if stamp is not None and context.report_span is not None and reporting_period is None and stamp > context.report_span[1]:
                # "Bordeaux, 27 February 2025" under the period covered: the release's day, not its figures';
                # it is still the day "on Monday" is counted back from
                context.release_date, stamp = stamp, None
            if stamp is not None:
                context.document_date = stamp  # a live blog's update, or a report's "valid as of": it dates what follows
                # and the place it names is its entry's ("25 Aug, 18:40 – West Bank"); one naming none ends the last's
                context.section_place = None
            names_place = heading or stamp is not None
            line = paragraphs[sentence.paragraph]
            contact = is_contact_line(line, words_for(language or "en"))
            if line.strip() and not LINE_ITEM.match(line):
                # a line that asks for something opens a list of what it asks ("asks the Government to:",
                # "fordern die Bundesregierung auf,"), which begins on the next line: what the line itself says is not asked
                asks_below = line.rstrip().endswith((":", ",")) and bool(
                    paragraph_words().regex(r"\b(?:{request_heads})\b").search(line)
                )
                context.section_asks = False
            elif line.strip():
                context.section_asks = asks_below
            if heading:
                context.section_place = None
                context.section_event = _heading_event(line, paragraph_words())
                context.section_date = _heading_date(line, context.document_date, language or "en")
                items = BULLET.match(next((p for p in paragraphs[sentence.paragraph + 1 :] if p.strip()), ""))
                section_bullet = items.group().strip() if items else ""
            elif line.strip() and _bullet_of(line) != section_bullet:
                context.section_event = context.section_date = None  # the list has ended
        if names_place and context.section_place is None:
            # the heading's place, in whichever of its sentences names one ("2. West Bank" splits after "2.")
            words = paragraph_words()
            places = place_index.places_in(sentence, words)
            context.section_place = combine_places(place_list_at(places, 0, sentence.text, words), words) if places else None
        if contact:
            continue  # "Rua da Palma, 245 | Tel. 21 555 01 90 | press@...": an address block
        if not may_hold_number_in_any_language(sentence.text):
            unnoted.append(sentence)
            context.unread_sources.append((sentence.text, paragraph_words))
            continue
        words = paragraph_words()
        for earlier in unnoted:
            # the same as noting each in its turn: no sentence has read the context since
            _note_context(earlier.text, words, context, partial(place_index.places_in, earlier, words))
            _note_event_day(_dates_in(earlier.text, words, context), context, counted=False)
        unnoted.clear()
        if words.may_hold_number(sentence.text):
            before = len(claims)
            claims.extend(_claims_in_sentence(document, sentence, words, context, place_index.places_in(sentence, words)))
            if sentence.paragraph == title_paragraph:
                headline_start = before if headline_start == headline_end else headline_start
                headline_end = len(claims)
        else:
            # a number word of another language only ("central", "dos"): read as a sentence without a number
            _note_context(sentence.text, words, context, partial(place_index.places_in, sentence, words))
            _note_event_day(_dates_in(sentence.text, words, context), context, counted=False)
            context.unread_sources.append((sentence.text, paragraph_words))
    claims = _headline_as_in_body(claims, headline_start, headline_end)
    return replace(document, claims=tuple(claims))


_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b(?:GMT|UTC|CET|CEST|EST|[ap]\.?m\.?)\b", re.IGNORECASE)
_STAMP_WORDS = 2
_STAMP_CHARS = 60
_DATING_LINE_CHARS = 160
_PERIOD_LINE_CHARS = 300  # a sentence that says which span a report's figures cover
_PERIOD_LABEL_GAP = 40  # characters from a period's label to its first day ("Reporting period (weeks 10-12): 1")
_PERIOD_JOIN_GAP = 12  # characters between its two days ("1 March to 30", "du 1er au 30")


def _date_stamp(line: str, language: str, document_date: str | None = None) -> str | None:
    """The day of a line that is only a date, maybe with a time and a word ("9 June 2024, 12:40",
    "Updated 14 March 2024 09:00 GMT"): the stamp of a live blog's update, or the line that dates
    a report's figures ("Figures valid as of 10 March 2024")."""
    if len(line) > _PERIOD_LINE_CHARS or not DIGIT.search(line):
        return None  # most lines: a stamp is short and has its day in digits
    if words_for(language).regex(r"\b(?:{period_labels})").search(line) is not None:
        return None  # a report's period, read whole by _reporting_period
    if len(line) > _DATING_LINE_CHARS:
        return None
    dates = [d for d in find_dates(line, document_date, language) if d.kind == "explicit" and len(d.value) == 10]
    label = words_for(language).regex(r"(?:^|\s)(?:{stamp_labels})\s*:?\s*$")
    labelled = [d for d in dates if label.search(line, max(0, d.start - 40), d.start)]
    undated = line
    for date in sorted(dates, key=lambda d: d.start, reverse=True):
        undated = undated[: date.start] + undated[date.end :]
    # a list's heading dates its list; a time of the day is no count ("valid as of 5 December 2023, 22:00")
    if labelled and not DIGIT.search(_CLOCK.sub(" ", undated)) and not line.rstrip().endswith(":"):
        # "All figures valid as of 20 August 2024, unless stated. Published on 21 August.": no count of its own
        return labelled[0].value
    if len(line) > _STAMP_CHARS or len(dates) != 1:
        return None
    found = label.search(line, 0, dates[0].start)
    before = line[: found.start()] if found else line[: dates[0].start]
    rest = _CLOCK.sub(" ", before + " " + line[dates[0].end :])
    return dates[0].value if len(re.findall(r"[^\W\d_]+", rest)) <= _STAMP_WORDS else None


def _reporting_period(line: str, language: str, document_date: str | None) -> tuple[str, str] | None:
    """The span a report says its figures cover ("Reporting period: 1–25 September 2025")."""
    if len(line) > _PERIOD_LINE_CHARS or not DIGIT.search(line):
        return None
    period = words_for(language).regex(r"\b(?:{period_labels})").search(line)
    if period is None:
        return None
    span = [d for d in find_dates(line, document_date, language) if d.start >= period.end() and len(d.value) == 10]
    if len(span) < 2:
        return None
    first, last = span[:2]
    # the span is written just after its label, its two days joined by a word or a dash, in order:
    # "During the reporting period, 40 were killed. On 10 May, 3,000 had been since 8 October 2023" names none
    joined = first.start - period.end() <= _PERIOD_LABEL_GAP and last.start - first.end <= _PERIOD_JOIN_GAP
    return (first.value, last.value) if joined and first.value < last.value else None


_HEADING_WORDS = 16


def _heads_a_list(paragraphs: list[str], index: int) -> bool:
    """A short line with no closing stop, over a bulleted line and no bullet itself: a list's
    heading ("2. West Bank (OCHA, 17 April)" over "- Killed: 455")."""
    line = paragraphs[index].strip()
    if not line or len(line.split(maxsplit=_HEADING_WORDS)) > _HEADING_WORDS:
        return False  # most paragraphs: too long for a heading, no need to look at the next
    following = next((p for p in paragraphs[index + 1 :] if p.strip()), "")
    if BULLET.match(following) is None:
        return False
    # "• Estimated population by governorate, as of 1 December:" leads a list of its own
    return line.endswith(":") or (not line.endswith((".", "!", "?")) and BULLET.match(line) is None)


def _bullet_of(line: str) -> str:
    bullet = BULLET.match(line)
    return bullet.group().strip() if bullet else ""


def _heading_event(line: str, words: Words) -> str | None:
    """The event a list's heading names ("Estimated population by governorate": population)."""
    found = words.event_lists.any_of.search(line)
    if found is None:
        return "population" if words.regex(r"\b(?:{resident_nouns})\b").search(line) else None
    named = words.event_lists.named(found.group())
    return max(named, key=lambda item: item[1])[0] if named else None


def _heading_date(line: str, document_date: str | None, language: str) -> str | None:
    """The date a list's heading gives its figures ("..., as of 1 December:")."""
    dates = [d for d in find_dates(line, document_date, language) if not d.since and d.kind in ("explicit", "weekday")]
    return dates[-1].value if dates else None


_TITLE_PARAGRAPHS = 6  # the title stands among the first lines of a text


def _headline_as_in_body(claims: list[Claim], start: int, end: int) -> list[Claim]:
    """A headline sums up its story in the present tense ("Strikes kill 33 in Lebanon"): a count
    it shares with the body (the same value of the same thing) holds when the body says it holds.
    ``claims[start:end]`` are the headline's."""
    told = list(claims)
    for index in range(start, end):
        claim = claims[index]
        same = next((later for later in claims[end:] if _same_count(later, claim)), None)
        if same is not None:
            told[index] = replace(claim, scope=same.scope, period=same.period, as_of=same.as_of)
    return told


def _same_count(a: Claim, b: Claim) -> bool:
    return (a.value, a.value_max, a.metric, a.unit) == (b.value, b.value_max, b.metric, b.unit)


class _ParagraphWords:
    """The words a paragraph is read with (:func:`_paragraph_words`), found when first asked
    for. Telling a paragraph's language costs a count of its words; a paragraph without a
    number is read only if a later sentence asks for the source it cites, and most never are."""

    __slots__ = ("_language", "_paragraph", "_words")

    def __init__(self, paragraph: str, language: str) -> None:
        self._paragraph = paragraph
        self._language = language
        self._words: Words | None = None

    def __call__(self) -> Words:
        if self._words is None:
            self._words = _paragraph_words(self._paragraph, self._language)
        return self._words


_SWITCH_WORDS = 8  # a paragraph this long or longer may be read in a language other than the document's


def _paragraph_words(paragraph: str, language: str) -> Words:
    """A paragraph in another language than the document's (a quoted statement, a bilingual
    page) is read with that language's words; a short one keeps the document's."""
    if len(paragraph.split(maxsplit=_SWITCH_WORDS - 1)) >= _SWITCH_WORDS:  # count no further than that
        other = clearly_other_language(paragraph, language)
        if other in lexicon.LANGUAGES:
            return words_for(other)
    return words_for(language)


def _own_places_end(sentence: str, readings: list[Reading], index: int, words: Words) -> int | None:
    """Where the places a count may take end: at the next count when that one counts something
    else under a group of its own ("105 hostages were freed in exchange for 240 prisoners from
    the West Bank") or in a clause of its own ("1,200 were killed and 251 were taken into Gaza"),
    not when it shares this one's words ("killed 50 and injured 200 in Rafah") or counts the
    same kind of thing ("46,000 students in UNRWA's 96 schools in the West Bank")."""
    if index + 1 >= len(readings):
        return None
    reading, following = readings[index], readings[index + 1]
    if following.link in ("including", "parenthesis", "coordinated"):
        return None
    if (
        following.group in (None, "people") and not _in_a_clause_of_its_own(sentence, reading, following, words)
        and (following.event in (None, reading.event) or following.verb_before or {reading.event, following.event} <= set(CASUALTIES))
    ):
        # "112 died and 760 were wounded in Gaza City" share the place; "the 1,200 slaughtered on
        # 7 October and the 251 dragged into Gaza" do not (another verb, of another kind)
        return None
    if following.metric == reading.metric or "other" in (reading.metric, following.metric):
        return None
    return following.mention.start



def _in_a_clause_of_its_own(sentence: str, reading: Reading, following: Reading, words: Words) -> bool:
    """The count after ``reading`` has a verb of its own ("... and 251 were taken into Gaza"), and
    is not the wounded of the same event ("112 murieron y 760 resultaron heridos en ...")."""
    if following.link != "and" or (reading.metric.startswith(CASUALTIES) and following.metric.startswith(CASUALTIES)):
        return False
    return _verb_of_its_own(sentence, following, words)


def _verb_of_its_own(sentence: str, reading: Reading, words: Words) -> bool:
    """A verb right after the number is its own: "a third of the Strip, and some 250,000 people were
    living in it" is told in its own tense, not in that of the count before it."""
    return words.regex(r"(?:\s+[\w'’-]+){{0,2}}?\s+(?:{auxiliaries})\b").match(sentence, reading.mention.end) is not None


def _dates_in(sentence: str, words: Words, context: Context) -> list[DateMention]:
    """The sentence's dates (:func:`find_dates`), with the day after the day the story told of
    where the sentence names it ("The next day two men were shot")."""
    dates = find_dates(sentence, context.release_date or context.document_date, words.language)
    told = context.last_event_date
    if told is not None and len(told) != len("YYYY-MM-DD"):
        told = None
    dates = [
        told_day for d in dates
        if (told_day := _as_day_told(d, sentence, [told, *reversed(context.days_named)], words) if d.kind == "weekday" else d)
    ]
    if told is None:
        return dates
    if not words.g("next_day"):
        return dates
    found = words.regex(r"\b(?:{next_day})\b").search(sentence)
    if found is None or any(d.start < found.end() and found.start() < d.end for d in dates):
        return dates
    day = (dt.date.fromisoformat(told) + dt.timedelta(days=1)).isoformat()
    return sorted([*dates, DateMention(found.start(), found.end(), day, "explicit")], key=lambda d: d.start)


def _as_day_told(date: DateMention, sentence: str, told: list[str | None], words: Words) -> DateMention | None:
    """A weekday that names a day the story told of ("On 7 October 2023 gunmen crossed the fence.
    That Saturday, 1,200 were killed"): of the days ``told`` (the paragraph's day first, then the
    days named before, the latest first), the first that is that weekday, rather than the last
    such weekday before the report; none when no day told is that weekday ("that Saturday" is
    not this week's)."""
    before = words.regex(r"\b(?:{weekday_told_before})\s+$").search(sentence, max(0, date.start - 20), date.start)
    after = words.regex(r"(?:{weekday_told_after})").match(sentence, date.end)
    if before is None and after is None:
        return date
    weekday = dt.date.fromisoformat(date.value).weekday() if len(date.value) == len("YYYY-MM-DD") else None
    day = next((d for d in told if d and len(d) == len("YYYY-MM-DD") and dt.date.fromisoformat(d).weekday() == weekday), None)
    return replace(date, value=day) if day else None


_DAYS_KEPT = 8


def _note_event_day(dates: list[DateMention], context: Context, *, counted: bool) -> None:
    """The day of the event a sentence tells, for the sentences after it. One without a number
    (``counted`` False) matters only when it names its day: "On Friday troops stormed the
    hospital. About 350 people were inside when the raid began."."""
    days = [d.value for d in dates if d.kind == "explicit" and len(d.value) == len("YYYY-MM-DD")]
    if days:
        context.days_named = [*context.days_named, *days][-_DAYS_KEPT:]
    told = event_day(dates, context.document_date)
    if told is None:
        return
    event_date, named = told
    if counted or named:
        context.last_event_date = event_date
        context.last_event_paragraph = context.paragraph if named else -1


def _note_context(sentence: str, words: Words, context: Context, places_in: Callable[[], list[tuple[int, int, str]]]) -> None:
    """What a sentence tells the sentences after it: its place, and a place that frames the
    paragraph. ``places_in`` gives the sentence's places (:meth:`PlaceIndex.places_in`); only a
    framing sentence, or one whose place is asked for, reads them."""

    def place() -> str | None:
        places = places_in()
        # where the sentence's story is, not where something came from ("a drone launched from
        # Lebanon hit a base near Binyamina"), unless no other place is named
        # nor where people went beyond the fronts ("... have fled into Syria")
        places = [p for p in places if not destination_abroad(sentence, p, words)]
        there = [p for p in places if not came_from(sentence, p, words)] or places
        return combine_places(place_list_at(there, 0, sentence, words), words) if there else None

    context.read_previous_place = place
    if not context.incident_told and words.incident_named.search(sentence):
        context.incident_told = True
    frame = words.frame.match(sentence)
    if frame:
        places = places_in()
        if places and places[0][0] == frame.end():
            context.frame_place = context.previous_place()
    elif context.frame_place is not None:
        # the frame holds until a sentence names another place: "In Gaza City, ... . Nine in ten
        # Gazans have fled. More than 800 mosques ...": the mosques are Gaza's
        here = context.previous_place()
        if here is not None and here != context.frame_place:
            context.frame_place = None


def _claims_in_sentence(
    document: Document, sentence: Sentence, words: Words, context: Context, sentence_place: list[tuple[int, int, str]]
) -> list[Claim]:
    s = sentence.text
    dates = _dates_in(s, words, context)
    mentions = [
        m for m in find_numbers(s, words.language)
        if is_claim_number(m, s, dates, words) and not is_asked_amount(m, s, words, in_request_list=context.section_asks)
    ]
    all_dates, dates = dates, without_beginnings(s, dates, mentions, words)
    readings: list[Reading] = []
    for index, mention in enumerate(mentions):
        previous = readings[-1] if readings else None
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        readings.append(read_what(s, mention, previous, following, words))
    readings = borrow_forward(s, readings, words)
    if context.section_event is not None:
        readings = [read_under_heading(s, reading, context.section_event, words) for reading in readings]
    if readings:
        first = readings[0] = read_listed_part(s, readings[0], context.listed, words)
        if first.list_head is None or first.list_head is not context.listed:
            context.listed = first if is_labelled(s, first.bound_start) else None
            readings[0] = read_part_of_last(s, first, context.last_reading, words)
        context.last_reading = readings[-1]
    claims: list[Claim] = []
    # the same for every number of the sentence: read once (it scans the whole sentence)
    own_source = read_source(s, words) if readings else None
    source_at = s.find(own_source) if own_source else -1
    source_span = (source_at, source_at + len(own_source)) if own_source and source_at >= 0 else None
    sentence_source = (
        own_source or (context.last_source() if continues_report(s, words) else None)
    ) if readings else None
    # no place for any count of the sentence: searched only where there is a count to place
    worldwide = bool(readings) and words.worldwide.search(s) is not None
    positions = {id(reading): index for index, reading in enumerate(readings)}  # by identity: Readings nest
    for index, reading in enumerate(readings):
        mention = reading.mention
        scope, period = read_scope(s, reading, words, dates, context, context.last_count)
        # a count joined to the one before, with no day of its own, shares its span ("Au cours des
        # dernières 24 heures, 81 personnes ont été tuées et 132 blessées") or, the dead and wounded
        # of one event, its incident ("three people died and at least ten were injured")
        joined = scope == "total" and bool(claims) and reading.link in ("coordinated", "and") and not own_date(reading, dates)
        shares_span = joined and claims[-1].scope == "period"
        if shares_span:
            scope, period = "period", claims[-1].period
        elif joined and claims[-1].scope == "incident" and reading.event in CASUALTIES and readings[index - 1].event in CASUALTIES:
            scope = "incident"
        head = reading.list_head
        whole = claims[positions[id(head)]] if head is not None and id(head) in positions else None
        if whole is not None and (
            (scope == "total" and not own_date(reading, dates)) or (whole.scope == "static" and whole.metric == reading.metric)
        ):
            # a part is counted as its whole is: "10 killed in the strike, six of them children" (one
            # incident); "98 hostages remain, including 94 of the 251 abducted" (held now, whatever day it names)
            scope, period = whole.scope, whole.period
        if scope == "total" and reading.metric == "other" and index > 0 and is_whole_of_part(s, readings[index - 1], reading, words):
            scope = "static"  # "12 of the 36 hospitals": the whole a part is counted from is a stock
        if scope == "total" and context.report_span is not None and words.regex(r"\b(?:{report_period_references})\b").search(s):
            scope, period = "period", context.report_span  # "During the reporting period, 60 people were killed"
        if scope == "total" and reading.metric in RELEASED_HELD:
            scope, period = release_scope(s, reading, words, dates, context)
        context.last_count = counted(reading)
        as_of = resolve_as_of(s, reading, dates, words, context, scope, all_dates=all_dates)
        if (
            (scope == "total" or (scope == "period" and period is None)) and reading.event in CASUALTIES
            and context.last_toll is not None and context.last_toll.scope == "incident"
            and not own_date(reading, dates) and _others_of_the_incident(s, reading, words)
        ):
            # "Three men were shot dead on Wednesday when troops opened fire. The ministry said seven
            # other people were wounded": other people of the same attack, not more of a count
            scope, period, as_of = "incident", None, context.last_toll.as_of
        if (
            claims and (shares_span or reading.link in ("coordinated", "including", "parenthesis"))
            and not own_date(reading, dates) and not _verb_of_its_own(s, reading, words)
        ):
            as_of = claims[-1].as_of  # "murdering 6,000 children and 4,000 women": one verb, one date
        if worldwide:
            place = None
        else:
            head_place = claims[-1].place if claims and reading.link in ("including", "parenthesis") else None
            place = read_place(
                s, reading, words, sentence_place, context, as_of,
                head_place=head_place, stop=_own_places_end(s, readings, index, words), source_span=source_span,
                dates=all_dates,
            )
        if (
            place == "israel" and reading.metric in ("killed", "hostages") and as_of != WAR_START_ISO
            and any(d.value == WAR_START_ISO for d in dates) and simple_past(s, words)
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
                quote=_SPACES.sub(" ", s[reading.quote_start : reading.quote_end]).strip(),
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
        if reading.event in CASUALTIES:
            context.last_toll = claims[-1]
    _note_event_day(dates, context, counted=True)
    _note_context(s, words, context, lambda: sentence_place)
    if readings:
        context.note_source(own_source)
    else:
        context.unread_sources.append((s, lambda: words))
    return claims



def _others_of_the_incident(sentence: str, reading: Reading, words: Words) -> bool:
    """"seven other people", "otras 28", "sept autres": people other than those counted before."""
    mention = reading.mention
    return (
        words.regex(r"^\s+(?:{other_victims_after})\b").match(sentence[mention.end : mention.end + 20]) is not None
        or words.regex(r"\b(?:{other_victims_before})\s+$").search(sentence, max(0, reading.bound_start - 20), reading.bound_start) is not None
    )


def _note(reading: Reading) -> str | None:
    if reading.metric != "other":
        return None
    parts = [p.replace("_", " ") for p in (reading.event, reading.group) if p]  # "in need children"
    return " ".join(parts) if parts else None
