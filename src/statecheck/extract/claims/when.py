"""When a count holds (spec §4): its scope (total, period, incident, rate) and its ``as_of`` date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from typing import NamedTuple

from statecheck.extract.claims.state import Context, Reading, counted
from statecheck.extract.claims.what import (
    RELEASED_HELD,
    clause_before,
    clause_right,
    clause_start,
    currency_of,
    event_fits,
    held_after,
    is_labelled,
    metric_of,
    of_a_small_place,
    release_awaited,
)
from statecheck.extract.claims.words import CASUALTIES, DIGIT, WAR_START_ISO, Words, last_match
from statecheck.extract.dates import DateMention, parse_date, recent_span
from statecheck.extract.numbers import NumberMention


def read_scope(
    sentence: str,
    reading: Reading,
    words: Words,
    dates: list[DateMention],
    context: Context,
    previous: str | None = None,
) -> tuple[str, tuple[str, str] | None]:
    """``total`` unless the words of the number's own clause say a span (``period``), one event
    (``incident``), a rate, or a standing quantity (``static``). ``previous`` is what the count
    before it in the paragraph counts (:func:`counted`)."""
    mention = reading.mention
    left = clause_before(sentence, reading.bound_start, max(0, reading.bound_start - 60))
    if is_labelled(sentence, reading.bound_start):
        left = sentence[max(0, reading.bound_start - 60) : reading.bound_start]  # "Daily average in March: 161 trucks"
    right = _up_to_the_next_count(clause_right(sentence[mention.end : mention.end + 80]), words)
    clause = left + " " + right
    if reading.metric in ("population", "area") or reading.event in ("alive", "in_need") or _held_now(sentence, reading, words, dates) or (
        # those living in a camp or a village, or a country's nationals living abroad: a community that stands
        reading.event == "population" and (reading.group == "nationals" or of_a_small_place(sentence, mention, words))
    ) or (
        # "70 per cent of buildings are damaged or destroyed": the state of a stock, not a count of events
        reading.event == "destroyed_or_damaged" and (mention.percent or mention.share)
    ) or (
        # "115 hostages are still held, and 41 of them are dead": the held, by whether they live, stand now
        reading.metric == "other" and reading.event in CASUALTIES and previous == "hostages"
        and (reading.link == "including" or words.regex(r"\s*(?:[\w'’-]+\s+){{0,2}}?(?:{of_them})\b").match(sentence, mention.end) is not None)
    ) or (
        # "more than 3,000 aid trucks are waiting in Egypt": what stands waiting now
        reading.metric == "aid_trucks" and words.regex(r"\b(?:{waiting})\b").search(right[:80]) is not None
        and not words.scope["rate"].search(right[:40])
    ) or (
        reading.metric in ("hostages", "detained") and release_awaited(sentence, reading.bound_start, words)
    ):
        return "static", None  # what stands: how many live there, are held, are alive, need care
    if words.scope["rate"].search(left[-25:] + " " + right[:40]):
        return "rate", None
    marked = words.period_markers.search(left) or (
        words.period_markers_after.match(sentence, mention.end) and not words.after_over.match(right)
    )
    if (reading.event is None or reading.metric == "other") and currency_of(sentence, mention, words) is not None and (
        marked or words.period_markers.search(left.rstrip(_CURRENCY_SIGNS))
        or words.regex(r"\b(?:{new_funding})\b[^,;.\d]{{0,30}}$").search(left.rstrip(_CURRENCY_SIGNS))
        or words.regex(r"^(?:\s+[\w'’-]+){{0,3}}?\s+(?:{new_funding_after})\b").match(right)
    ):
        # "an additional £10 million for UNRWA", "une nouvelle enveloppe de 12 millions d'euros",
        # "30 millones de euros adicionales": one grant, not a sum that stands
        return "incident", None
    if reading.event is not None and marked and previous in (None, counted(reading)):
        # "another 7,000 were killed" adds to the same count over time; "killed 500 and wounded
        # another 900" only adds a different count beside the first, and takes no span from it
        return "period", _period_span(sentence, reading, dates, context, words)
    singled_out = _date_singled_out(sentence, dates, words)
    if singled_out is not None:
        return "period", _span_of(singled_out.value)  # "in July alone, 12,000 children were admitted"
    cue = words.scope["period"].search(clause)
    since = _a_later_start(sentence, reading, right, dates, context, words)
    # "..., bringing the toll to 39,000": the running total, whatever span or day the sentence names
    running_total = _running_total(sentence, reading, words)
    recent = recent_span(sentence, context.report_day, words.language) if not (running_total or context.report_span) else None
    if recent is not None and _governs(sentence, reading, recent.start, recent.end):
        return "period", (recent.first, recent.last)  # "in the past seven days, 1,305 trucks entered"
    one_event = reading.event in CASUALTIES and not running_total and _an_event_did_it(sentence, reading, words)
    if cue and not running_total and not one_event and not any(d.since and cue.end() <= d.start < reading.bound_start for d in dates):
        # but one strike's toll, whenever it struck: "a drone strike on a house killed three overnight"
        span = _period_span(sentence, reading, dates, context, words)
        if span is None or span[0] != WAR_START_ISO:
            return "period", span
    if since is not None and not running_total:
        # "since 6 May, one million people have fled": counted from a later start than the war's
        if since.value is None:
            return "period", None  # "since the truce took effect": a later start, its day not named
        # the span's end in the same clause: "from 6 May to 20 May", not "since 10 October, two of them on 19 October"
        clause_end = _CLAUSE_BREAK.search(sentence, since.start)
        end = [
            d.value for d in dates
            if not d.since and since.start < d.start < (clause_end.start() if clause_end else len(sentence)) and len(d.value) == 10
        ]
        stop = end[-1] if end else context.report_day
        return "period", ((since.value, stop) if stop and len(since.value) == 10 else None)
    named = [d.value for d in dates if not d.since and d.end <= reading.bound_start and len(d.value) == 10]
    report = context.report_day
    if (
        named and report and WAR_START_ISO < named[-1] <= report and not running_total and reading.event
        and words.regex(_SINCE_THEN).search(clause)
    ):
        # "Strikes escalated on Monday ... have killed more than 720 people since then": from the day
        # named before the number to the report; since the war's first day it is the war's total
        # (which day a "since that day" in a later sentence means is not read)
        return "period", (named[-1], report)
    opening_attack = any(d.value == WAR_START_ISO for d in dates)  # the war's first count and its span, a total
    # after a comma and a new subject the clause is another's: "After a strike hit the hospital, the toll rose to"
    subject = words.regex(r",\s+(?:{phrase_determiners})\s").search(left)
    own_left = left[subject.end() :] if subject else left
    own_clause = own_left + " " + right
    incident = words.scope["incident"].search(own_clause)
    if incident and incident.end() <= len(own_left) and _on_a_territory(own_left, incident.end(), words):
        incident = None  # "strikes on Lebanon killed 33 on Sunday": a day of a campaign, not one event
    if reading.event in ("killed", "injured", None) and not opening_attack and (incident or words.incident_noun.search(own_clause)):
        return "incident", None
    if one_event and not opening_attack:
        return "incident", None  # "Another strike the same day, on the village of ..., killed 11 people"
    if reading.event in CASUALTIES and not opening_attack and not running_total and _struck_when(sentence, reading, words):
        return "incident", None  # "ten people were killed when a missile hit a water point"
    up_to = words.regex(r"\b(?:{up_to_date})\s+$")
    day = [
        d for d in dates
        if len(d.value) == 10 and not d.since and d.kind != "elapsed" and d.value != WAR_START_ISO and not _present_moment(sentence, d, words)
        and not up_to.search(sentence, max(0, d.start - 12), d.start)  # "killed as of 6 February": up to that day, no span of it
    ]
    # the event's own day over the report's ("killed on Wednesday, it said on Thursday"); the report's when it is the only one
    day = [d for d in day if not d.reporting] or day
    if any(len(d.value) == 7 and d.kind == "explicit" and not d.since for d in dates):
        day = [d for d in day if d.kind != "relative"]  # "Now, in two weeks of September, ...": the month, not today
    if opening_attack:
        day = []  # "between 7 October 2023 and 8 August 2024", "since the 7th": the whole war, a total
    if reading.event == "entered" and day:
        return "period", (day[-1].value, day[-1].value)  # "On 1 November, 51 trucks entered"
    # from the day to the number, past the commas of a list of places: "wurden am Montag im Süden,
    # in der Bekaa-Ebene und im Raum Baalbek 492 Menschen getötet"
    # the bound's words are the verb's ("the number killed ... has passed 40,000"): their tense counts
    with_bound = left + sentence[reading.bound_start : mention.start] + " " + right
    told_from_day = (
        sentence[clause_start(sentence, day[-1].start) : mention.end] + " " + right
        if day and day[-1].end <= reading.bound_start else with_bound
    )
    # a report's day told before the count dates the report, not a day's toll ("On Friday the ministry
    # reported 9,257 people killed", "the ministry said on Monday that 40 were killed")
    reported_then = bool(day) and day[-1].reporting and day[-1].end <= reading.bound_start
    if reading.event in CASUALTIES and day and not running_total and not reported_then and (
        simple_past(with_bound, words) or simple_past(told_from_day, words)
        or (not day[-1].reporting and _narrative_perfect(clause, words))
    ):
        return "period", (day[-1].value, day[-1].value)  # "strikes killed 33 people on Sunday"
    happened = reading.event in _HAPPENINGS or (reading.event is None and _done(left, right, words))
    done_then = happened and reading.metric not in _STANDING and not running_total and _told_in_past(clause, words)
    if day and done_then and not day[-1].reporting:
        return "period", (day[-1].value, day[-1].value)  # "60,000 reservists were called up on Wednesday"
    if (
        reading.event in CASUALTIES and context.incident_told and not running_total and mention.value < _INCIDENT_TOLL_MAX
        and (
            _told_in_past(clause, words) or _narrative_perfect(clause, words)
            or words.regex(r"^\W*(?:{consequence_openers})\b").search(sentence)
        )
        and not words.regex(_SINCE_THEN).search(sentence)
    ):
        # "An air strike hit the house before dawn. At least 90 people were killed there", "As a result,
        # 50 people have died", or the perfect French news tells a day in ("au moins 4 personnes sont
        # mortes"): that strike's toll (not "... since then more than 41,800 were killed": the war's,
        # from that day)
        return "incident", None
    # or a past calendar year ("in 2024", "last year"; the report's own is still running), but not a year
    # counted back ("thirty years since the bombing", an event's day), nor for people freed at a handover
    # (release_scope: the year only dates it)
    this_year = (context.document_date or "")[:4] if reading.metric not in RELEASED_HELD else ""

    def names_a_span(d: DateMention) -> bool:
        if len(d.value) == 7:
            return d.kind == "explicit"
        return len(d.value) == 4 and d.kind in ("explicit", "relative") and not d.counted_back and d.value < this_year

    month = [
        d for d in dates
        if names_a_span(d) and not d.since and not d.reporting
        and not up_to.search(sentence, max(0, d.start - 12), d.start)  # "dead by May": up to May, no span in it
    ]
    if month and not day and not running_total and (
        reading.event == "entered" or done_then
        or (reading.event in CASUALTIES and (simple_past(clause, words) or _narrative_perfect(clause, words)))
        # what was counted in a month, told in the past: "2,866 children entered treatment in November"
        or (
            reading.metric == "other" and not mention.percent
            and _told_in_past(clause, words)
        )
        # a year that is over holds what was counted in it, in any tense: "1,400 attacks were recorded
        # in 2024", "in 2024 the army has demolished 200 structures" (not what stood: "had 36 hospitals")
        or (
            all(len(d.value) == 4 for d in month) and not mention.percent
            and (reading.event is not None or _done(left, right, words))
        )
    ):
        nearest = min(month, key=lambda d: d.start - mention.end if d.start >= mention.end else 2 * (mention.start - d.end))
        return "period", _span_of(nearest.value)  # "strikes killed 210 people in March", "2,874 trucks entered in 2024"
    if reading.metric == "other" and reading.event is None:
        # things done accumulate ("treated 27,000 patients"); things that are, stand ("350 beds"); sums
        # given or spent add up ("€40 million since the war began"), a price or an appeal's needs stand
        if currency_of(sentence, mention, words) is not None and not words.regex(r"\b(?:{standing_amounts})\b").search(clause):
            return "total", None
        return ("total" if _done(left, right, words) else "static"), None
    return "total", None


_SINCE_PHRASE = r"(?<![\w])(?:{since_words})\s+(?:[^\s,;]+\s+){{0,7}}[^\s,;]+"  # "since" and the words it governs
_CLAUSE_BREAK = re.compile(r"[,;:]")
_SINCE_THEN = r"\b(?:{since_then})\b"  # "since then", "seither": from a day told before to the report
_LATER_START = r"(?:{since_events})"  # a truce, a resumption: what a count may run from, later than the war's start
_INCIDENT_TOLL_MAX = 1000  # one strike, one raid: a toll of thousands is a war's, or the first day's
_OWN_CLAUSE_END = re.compile(r"[,;:]|\d")  # a clause break, or the next count's figure
_BEFORE_WAR_REACH = 90  # characters after a number in which "before the war" still says when it held
_CURRENCY_SIGNS = " $€£₪¥"


class _Since(NamedTuple):
    start: int
    value: str | None
    """The day or month the span starts, None when only the event is named ("since the truce began")."""


def _a_later_start(
    sentence: str, reading: Reading, right: str, dates: list[DateMention], context: Context, words: Words
) -> _Since | None:
    """The start of the span a count runs from, when it is later than the war's: a truce, a
    resumption, a later day ("since 21 October", "since Friday"). None for the war's own start,
    or that of the operation or place counted ("since the ground offensive began on 27 October",
    "since it opened in January"), which make the count a running total.

    The "since" read is the one in the number's own clause, after it or before it, else one
    that opens the sentence ("Since the truce began, ... 30 hostages ...")."""
    mention = reading.mention
    pattern = words.regex(_SINCE_PHRASE)
    own_end = _CLAUSE_BREAK.search(sentence, mention.end, mention.end + len(right))
    phrase = pattern.search(sentence, mention.end, own_end.start() if own_end else mention.end + len(right))
    if phrase is None and own_end is not None and reading.quote_end > own_end.start():
        # past an aside to the count's verb: "40 Palestinians, among them eight children, have been killed since 1 January"
        verb_end = _CLAUSE_BREAK.search(sentence, reading.quote_end)
        phrase = pattern.search(sentence, reading.quote_end, verb_end.start() if verb_end else len(sentence))
    if phrase is None:
        own_start = reading.bound_start - len(clause_before(sentence, reading.bound_start, max(0, reading.bound_start - 60)))
        before = list(pattern.finditer(sentence, own_start, mention.start))
        opening = pattern.match(sentence, len(sentence) - len(sentence.lstrip(" \"“'‘«")))
        phrase = before[-1] if before else (opening if opening is not None and opening.end() <= mention.start else None)
    if phrase is None:
        # a span's start named before the number by other words ("from", "between", "after")
        earlier = [d for d in dates if d.since and d.kind == "explicit" and d.value > WAR_START_ISO and d.start < mention.start]
        return _Since(earlier[-1].start, earlier[-1].value) if earlier and not _the_war_began(earlier[-1].value) else None
    # a truce or a resumption starts a later span, even of an offensive ("since Israel resumed its offensive")
    later_event = words.regex(_LATER_START).search(phrase.group()) is not None
    if not later_event and _from_a_beginning(phrase.group(), words):
        return None
    # the date the phrase names (a date's own words may run past the phrase: "since 19 January 2025")
    named = [d for d in dates if d.since and phrase.start() <= d.start <= phrase.end() and d.value > WAR_START_ISO]
    named = [d for d in named if d.kind in ("explicit", "weekday") or (d.kind == "relative" and d.value != context.document_date)]
    if named:
        return None if _the_war_began(named[-1].value) else _Since(named[-1].start, named[-1].value)
    return _Since(phrase.start(), None) if later_event else None


def _from_a_beginning(since_phrase: str, words: Words) -> bool:
    """A "since" phrase that counts from the start of the war or of the operation counted ("since
    the war began", "seit Beginn der Offensive"): a running total, up to the report."""
    return words.regex(r"(?:{since_beginnings})").search(since_phrase) is not None


def _governs(sentence: str, reading: Reading, at: int, end: int) -> bool:
    """Whether words from ``at`` to ``end`` govern the count: before it, with no other count between
    ("In the past week, 300 trucks entered"); after it, before any comma ("..., most of them in the
    past two months" is an aside's)."""
    if at < reading.mention.start:
        return DIGIT.search(sentence, end, reading.bound_start) is None
    return _CLAUSE_BREAK.search(sentence, reading.mention.end, at) is None


_STRUCK_REACH = 160  # characters after a count to the clause that tells what struck


def _struck_when(sentence: str, reading: Reading, words: Words) -> bool:
    """The toll is followed by a clause that tells what struck ("were killed when their convoy was
    hit by an air strike", "als eine Rakete ... einschlug"): one event's toll."""
    return reading.mention.value < _INCIDENT_TOLL_MAX and words.regex(
        r"\s(?:{struck_openers})(?:\s+|(?<=['’]))(?:[\w'’-]+\s+){{0,8}}?(?:{incident_causes})\b"
    ).search(sentence, reading.mention.end, reading.mention.end + _STRUCK_REACH) is not None


def _present_moment(sentence: str, date: DateMention, words: Words) -> bool:
    """A date that is the report's present moment ("now", "so far"), not a day whose events are told
    ("today", "this morning"): "the ministry now counts 43,000 killed" is the running total."""
    return date.kind == "relative" and words.regex(r"(?:{present_moment})").fullmatch(sentence, date.start, date.end) is not None


def _the_war_began(value: str) -> bool:
    """Whether a date is the war's start: 7 October 2023, the day after (the Lebanese front), or that month."""
    return value[:7] == WAR_START_ISO[:7] and (len(value) == 7 or value <= "2023-10-08")


def release_scope(
    sentence: str, reading: Reading, words: Words, dates: list[DateMention], context: Context
) -> tuple[str, tuple[str, str] | None]:
    """The scope of people freed whose words name no span: freed at a handover (``incident``), or
    counted over a deal: "so far", "since the truce began", "during the first phase" (``period``).
    They are never a war's total."""
    # what leads up to the number frames it ("Since the truce began, ..."); after it, only its own clause
    own_end = sentence.find(",", reading.mention.end)
    own_end = len(sentence) if own_end < 0 else own_end
    if words.scope["cumulative"].search(sentence[:own_end]) is None:
        return "incident", None
    since = [d for d in dates if d.since and len(d.value) == 10 and d.start < own_end]
    base = context.document_date
    if since and base and len(base) == 10:
        return "period", (since[-1].value, base)
    return "period", _period_span(sentence, reading, dates, context, words)


def _held_now(sentence: str, reading: Reading, words: Words, dates: Sequence[DateMention] = ()) -> bool:
    """Hostages or detainees held now: "120 hostages still held", "Israel is holding 3,443 detainees"."""
    mention = reading.mention
    return (reading.metric in ("hostages", "detained") or reading.event in ("hostages", "detained")) and bool(
        # the clause's words, or the quote's where it runs past an aside to its verb ("199 hostages,
        # among them children, women and old people, are held in Gaza")
        held_after(
            sentence, mention.end, max(mention.end + len(clause_right(sentence[mention.end : mention.end + 70])), reading.quote_end),
            words, dates,
        )
        or words.regex(r"\b(?:{holding})\b[^,;.]{{0,30}}$").search(sentence, max(0, reading.bound_start - 60), reading.bound_start)
        # right before the count: "the remaining 79 hostages", "noch 90 Geiseln", "noch immer 136 in Gaza"
        or words.regex(r"\b(?:{held})(?:\s+\w+)?\s+$").search(sentence, max(0, reading.bound_start - 25), reading.bound_start)
        or (is_labelled(sentence, reading.bound_start) and words.regex(r"\b(?:{held})\b").search(sentence, 0, reading.bound_start))
    )


_HAPPENINGS = frozenset({
    "killed", "injured", "displaced", "detained", "released", "entered", "destroyed", "damaged", "attacks",
    "targeted", "losses", "recovered", "combined", "starvation_death", "aid_seeking", "destroyed_or_damaged",
})
"""Events that happen on a day (not states such as hunger or malnutrition, measured on one)."""
_STANDING = frozenset({"population", "area", "hostages", "detained"})
"""Metrics of what stands rather than what happens on a day: a day names when they were counted."""

_OWN_DATE_REACH = 60
_SUBJECT_REACH = 150  # characters back from a count to the event that is its verb's subject


def _an_event_did_it(sentence: str, reading: Reading, words: Words) -> bool:
    """One event is the subject of the count's verb: "an Israeli strike on a tent ... killed six";
    not when a new subject follows it ("After a strike hit the hospital, the death toll rose")."""
    event = words.single_incident.search(sentence, max(0, reading.bound_start - _SUBJECT_REACH), reading.bound_start)
    if event is None:
        return False
    return words.regex(r",\s+(?:{phrase_determiners})\s").search(sentence, event.end(), reading.bound_start) is None

_SHORT_WORD_AT_MOST = re.compile(r"\s*(?:\w{1,4}\s+)?")


def _on_a_territory(clause: str, at: int, words: Words) -> bool:
    """Whether the words at ``at`` (after an article at most) name a whole territory: a place that
    is part of no larger one (the lexicon's ``region``), where strikes across it are no single event."""
    article = _SHORT_WORD_AT_MOST.match(clause, at)
    place = words.any_place.match(clause, article.end() if article else at)
    name = words.place_names.get(" ".join(place.group().lower().split())) if place else None
    return name is not None and name not in words.region


def _dates_an_event(sentence: str, date: DateMention, words: Words) -> bool:
    """An event word stands just before the date, with at most a short word between: "abducted on"."""
    before = sentence[max(0, date.start - 30) : date.start]
    last = words.event_lists.any_of.last(before)
    return last is not None and _SHORT_WORD_AT_MOST.fullmatch(before, last.end()) is not None


def _after_a_comma(sentence: str, reading: Reading, date: DateMention) -> bool:
    """A date after a comma or a semicolon that follows the count: it belongs to an aside or the next clause."""
    if date.start < reading.mention.end:
        return False
    between = sentence[reading.quote_end : date.start]
    return "," in between or ";" in between


def _stated_as_of(sentence: str, date: DateMention, words: Words) -> bool:
    """The date is given as the one the figures hold at: "(Ministry of Health, as of 15 May)"."""
    return words.regex(r"\b(?:{as_of_markers})\s*$").search(sentence, max(0, date.start - 25), date.start) is not None


def _running_total(sentence: str, reading: Reading, words: Words) -> bool:
    """The number's own clause names it a running total: "..., bringing the toll to 39,000"."""
    total = words.scope.get("total")
    # "bringing the death toll from more than a year of fighting to 3,516": the phrase may stand well before
    left = clause_before(sentence, reading.bound_start, max(0, reading.bound_start - 120))
    if reading.link == "including":
        # a part's words start at its "including": "killed since the start of the war, including 70 in the past day"
        part = last_match(words.including, left)
        left = left[part.end() :] if part else left
    found = total.search(left) if total is not None else None
    # but "since the start of the truce" is a later start, not the war's running total
    return found is not None and words.regex(r"\s*(?:[\w'’-]+\s+){{0,2}}?" + _LATER_START).match(left, found.end()) is None


def _date_singled_out(sentence: str, dates: list[DateMention], words: Words) -> DateMention | None:
    """A day or month the sentence counts on its own: "in July alone", "allein im Juli"."""
    for date in dates:
        if date.since or date.kind == "elapsed":
            continue
        if words.span_only_after.match(sentence, date.end) or words.span_only_before.search(sentence, max(0, date.start - 30), date.start):
            return date
    return None


def _span_of(value: str) -> tuple[str, str]:
    """The first and last day of a day, a month or a year written ``YYYY[-MM[-DD]]``."""
    if len(value) == 10:
        return (value, value)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return (f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}")
    return (f"{value}-01-01", f"{value}-12-31")


def simple_past(clause: str, words: Words) -> bool:
    """"were killed", "strikes killed": the simple past, not "have been killed"."""
    if words.regex(r"\b(?:{perfect_markers})\b").search(clause):
        return False
    return bool(words.regex(r"\b(?:{simple_past_markers})\b").search(clause))


def _own_clause(sentence: str, reading: Reading) -> str:
    """The clause that holds the number, from the break before it to the break after it."""
    after = _CLAUSE_BREAK.search(sentence, reading.mention.end)
    return sentence[clause_start(sentence, reading.bound_start) : after.start() if after else len(sentence)]


def _told_in_past(clause: str, words: Words) -> bool:
    """The simple past, of any verb: "were butchered", "was shelled" (not "have been killed")."""
    if simple_past(clause, words) or words.regex(r"\b(?:{pluperfect_markers})\b").search(clause):
        return True  # the pluperfect tells a story's past: "an air strike hit ... 61 people had been killed"
    if words.regex(r"\b(?:{perfect_markers})\b").search(clause):
        return False
    # a preterite by its ending ("se llevaron", "morreram", "töteten"), in languages where no other
    # verb form ends so; a capital inside a sentence starts a German noun ("die Kosten"), not a verb
    return words.regex(
        r"\b(?:{past_auxiliaries})\b|(?:^|\b(?-i:(?=[^\W\d_A-ZÀ-ÖØ-Þ])))\w{{2,}}(?:{past_endings})\b"
    ).search(clause) is not None


def _narrative_perfect(clause: str, words: Words) -> bool:
    """A perfect that news in some languages tells a day's events in ("ont été tuées mercredi"): a
    day's count when the day is the event's own, not only the day it was reported."""
    return bool(words.regex(r"\b(?:{narrative_perfect})\b").search(clause))


def _done(left: str, right: str, words: Words) -> bool:
    """A verb of something done governs the number: "repaired 27 wells", "27 wells were repaired"."""
    verb = r"(?:\w+(?:{past_suffixes}|ing)|{irregular_past})"
    before = words.regex(r"\b" + verb + r"\s+(?:(?:{determiners})\s+)*$").search(left)
    word = r"(?!(?:{conjunctions})\b)[\w'’-]+"
    # the counted things may be a list: "25,000 rockets, missiles and drones have been fired"
    things = (
        r"\s*(?:(?:" + word + r"\s+){{0,4}}?|" + word + r"(?:,\s+" + word + r")*\s+(?:{conjunctions})\s+" + word + r"\s+)"
    )
    after = words.regex(things + r"(?:{auxiliaries})\s+(?:been\s+)?" + verb + r"\b").match(right)
    return bool(before or after)


def _period_span(
    sentence: str, reading: Reading, dates: list[DateMention], context: Context, words: Words
) -> tuple[str, str] | None:
    import datetime as dt

    lowered = sentence.lower()
    base = parse_date(context.document_date)
    # "..., bringing the toll since 7 October to 600": not this count's date
    explicit = [d for d in dates if len(d.value) == 10 and not _after_a_comma(sentence, reading, d)]
    if words.regex(r"(?:{last_24_hours})").search(lowered) and base and base[1] == "day":
        day = base[0]
        return ((day - dt.timedelta(days=1)).isoformat(), day.isoformat())
    if len(explicit) >= 2:
        values = sorted(d.value for d in explicit)
        return (values[0], values[-1])
    days = [d for d in explicit if not d.since and not d.reporting and d.value != WAR_START_ISO]
    if len(days) == 1:
        return (days[0].value, days[0].value)  # "on Tuesday, 85 more people were killed"
    return None


def borrow_forward(sentence: str, readings: list[Reading], words: Words) -> list[Reading]:
    """"More than 800 mosques and 120 schools have been destroyed": a count with no verb of its
    own, coordinated with the next one, shares the next one's verb."""
    result = list(readings)
    for index in range(len(result) - 2, -1, -1):
        reading, following = result[index], result[index + 1]
        # bodies take no other count's verb: "70 bodies and 300 wounded" counts the dead and the wounded
        if reading.event is not None or following.event is None or following.link != "coordinated" or reading.group == "bodies":
            continue
        # the words after the number say what it counts: "15,000 rockets ..., and 60,000 displaced"
        if not event_fits(following.event, reading.group, sentence[reading.mention.end : following.mention.start], words):
            continue
        metric = metric_of(following.event, reading.group, reading.mention, "", words)
        if metric != reading.metric:
            result[index] = replace(reading, event=following.event, metric=metric)
    return result


def own_date(reading: Reading, dates: list[DateMention]) -> bool:
    """Whether a date stands in the number's own words (after it, before the next comma)."""
    return any(reading.mention.end <= d.start <= reading.quote_end + 40 and not d.since for d in dates)


def _at_least_this_late(sentence: str, date: DateMention, context: Context, words: Words) -> bool:
    """Whether an elapsed time is a lower bound ("more than 400 days of war") that the report's
    own date, later still, fits better."""
    number = DIGIT.search(sentence, date.start, date.end)
    over = dict(words.bounds)["over"]
    return (
        number is not None and over.search(sentence, date.start, number.start()) is not None
        and context.document_date is not None and context.document_date > date.value
    )


_WORDS_OF_AN_EVENT = 3


def without_beginnings(sentence: str, dates: list[DateMention], mentions: list[NumberMention], words: Words) -> list[DateMention]:
    """The dates but those of when the counted thing began ("Since the foundation began operating
    on 27 May, 600 have been killed"; "the offensive, launched on 21 January, has displaced"):
    the count runs from then to the report, so they date neither the count nor its span."""
    if not dates or not mentions:
        return dates
    opening = words.since_opening.match(sentence)
    # "Since 6 May, …" is a span from a day; "Since the operation began on 6 May, …" names the
    # event the count runs from (spec §2: a total since the event began)
    clause_opened = (
        opening is not None and len(sentence[opening.end() : dates[0].start].split()) >= _WORDS_OF_AN_EVENT
        # but a truce or a resumption is a later start: "Since Israel resumed its offensive on 18 March, …"
        and not words.regex(_LATER_START).search(sentence, opening.end(), dates[0].start)
    )
    return [
        d for d in dates
        if not ((clause_opened and d.end <= mentions[0].start) or (not d.since and words.began_on.search(sentence, 0, d.start)))
    ]


def _refers_back(sentence: str, dates: list[DateMention], words: Words) -> bool:
    """Whether the sentence names an event told before ("the same day", "the attack"). An event
    it dates itself ("the raid of 3 January", "the October 7 attack") is its own, not that one."""
    references = chain(words.event_references.finditer(sentence), words.event_reference_noun.finditer(sentence))
    return any(
        not any(d.start <= reference.end() + 5 and reference.start() <= d.end for d in dates) for reference in references
    )


def _counted_since_it(sentence: str, words: Words) -> bool:
    """The event told before is where the count starts ("have fallen since that day"): it runs to the report."""
    return any(
        words.regex(r"\b(?:{since_words})\s+$").search(sentence, max(0, reference.start() - 12), reference.start())
        for reference in words.event_references.finditer(sentence)
    )


def event_day(dates: list[DateMention], today: str | None) -> tuple[str, bool] | None:
    """The day of the event a sentence tells, and whether the sentence names that day as one
    told of: not one counted back from an elapsed time ("in 400 days of war"), nor the report's
    own ("today", "now"), which moves the story to the present; "yesterday" names its day."""
    events = [d for d in dates if not d.since and not d.reporting and d.kind in _EVENT_DAY_KINDS]
    if not events:
        return None
    day = events[-1].value
    return day, any(
        d.value == day and d.kind != "elapsed" and not d.counted_back and not (d.kind == "relative" and d.value == today)
        for d in events
    )


_EVENT_DAY_KINDS = frozenset({"explicit", "elapsed", "weekday", "relative"})


_NEXT_COUNT = re.compile(r",\s+(?=(?:[^\s,\d]+\s+){0,2}[^\s,]*\d)")  # ", 390 more", ", with 390 deaths"
_RELATIVE_CLAUSE_REACH = 200  # characters from an event's date to a count told in its clause


def _up_to_the_next_count(right: str, words: Words) -> str:
    """The words after a number up to the next count's own: "40,000 killed, including 70 in the
    past 24 hours" gives the 40,000 no span of the 70's."""
    # not at "and": "71 killed and 102 wounded in the past 24 hours" share their span
    cut = _NEXT_COUNT.search(right)
    including = words.including.search(right)
    if including is not None and not right[: including.start()].strip():
        including = words.including.search(right, including.end())  # "103 of them killed ...": the number's own part
    ends = [m.start() for m in (cut, including) if m is not None]
    return right[: min(ends)] if ends else right


def _told_at_dated_event(sentence: str, reading: Reading, dates: list[DateMention], words: Words) -> str | None:
    """The date of an event whose relative clause tells the count in the past: "Since the attack
    of 7 October 2023, in which 1,200 people were massacred, 168 hostages have come home": the
    1,200 were killed that day (the 168 are counted since)."""
    opener = words.regex(r"\s*,?\s*(?:{event_relatives})\b[^;]*$")
    for date in dates:
        near = 0 <= reading.bound_start - date.end <= _RELATIVE_CLAUSE_REACH
        if near and opener.fullmatch(sentence, date.end, reading.bound_start):
            # up to the next count's clause: "..., 168 hostages have come home" is not this one's
            own_words = _NEXT_COUNT.split(clause_right(sentence[reading.mention.start : reading.mention.end + 80]), maxsplit=1)[0]
            return date.value if _told_in_past(own_words, words) else None
    return None


def resolve_as_of(
    sentence: str,
    reading: Reading,
    dates: list[DateMention],
    words: Words,
    context: Context,
    scope: str,
    *,
    all_dates: list[DateMention] | None = None,
) -> str | None:
    """Spec §4: an explicit date governing the sentence, else an elapsed-time expression, else the
    document's date for a figure of the moment, else None. ``all_dates``: the sentence's dates
    with those a count runs from (:func:`without_beginnings`), which may date an event told in
    a clause of their own."""
    mention = reading.mention
    if words.regex(r"\b(?:{past_state})\b").search(sentence[mention.end : mention.end + 40]):
        return None  # a state before the war ("the 280,000 people who lived there")
    before_war = words.regex(r"\b(?:{before_the_war})\b").search(sentence, mention.end, mention.end + _BEFORE_WAR_REACH)
    if before_war is not None and not DIGIT.search(sentence, mention.end, before_war.start()) and not words.regex(
        r"\b(?:{relative}|{multiples})\b"
    ).search(sentence, mention.end, before_war.start()):
        # "some 500 trucks a day, including fuel, before the war": a figure of before the war; not
        # "ten times the price before the war" or "four who had been abducted before the war"
        return None
    told_at = _told_at_dated_event(sentence, reading, all_dates or dates, words)
    if told_at is not None:
        return told_at
    usable = [d for d in dates if not d.since]
    own_end = _OWN_CLAUSE_END.search(sentence, mention.end)
    counted_since = words.regex(_SINCE_THEN).search(sentence, mention.end, own_end.start() if own_end else len(sentence))
    if counted_since is not None and scope in ("total", "period") and any(d.end <= counted_since.start() for d in usable):
        # "The campaign, which escalated on Monday, has killed more than 720 people since then": the
        # day named is where the count starts; it runs to the report
        return context.section_date or context.document_date
    if scope == "static":
        # "130 hostages abducted on 7 October remain in Gaza": that date is the abduction's; the count
        # stands now. So does one in a clause of its own: "killed in the October 7 attack, and that 128 remain"
        # and in a sentence of people held, the war's first day names the attack, never when those
        # still held were counted: "the crimes of 7 October, and 87 hostages remain in Gaza"
        own_start = clause_start(sentence, reading.bound_start)
        held = words.regex(r"\b(?:{held})\b").search(sentence) is not None
        usable = [
            d for d in usable
            if not _dates_an_event(sentence, d, words) and not d.end <= own_start and not (held and d.value == WAR_START_ISO)
        ]
    if scope == "period":
        # not a day in an aside after the number ("killed since 10 October, two of them on 19 October")
        days = [d for d in usable if len(d.value) == 10 and not _after_a_comma(sentence, reading, d)]
        # a named day over "now" or "today"; a named month over them too ("in two weeks of September")
        spans = [d for d in days if d.kind != "relative"] or ([] if any(len(d.value) == 7 for d in usable) else days)
        events = [d for d in spans if not d.reporting]
        if spans:
            return (events or spans)[-1].value  # "killed 33 on Sunday, the ministry said on Monday": Sunday
    # a date after a comma that follows the number belongs to an aside ("..., the vast majority on 7 October")
    relative = words.regex(r"\b(?:{relative})\b")
    # the report's own date after a comma dates its figures ("..., the minister told a news conference
    # on Thursday"): the last one, by the speech verb ("a 07 deste mês, informou hoje": today)
    told_on = max((d for d in usable if d.reporting), key=lambda d: d.start, default=None)
    # but the clause that tells what struck dates the toll it caused ("killed when missiles hit a school on Wednesday")
    struck = scope == "incident" and _struck_when(sentence, reading, words)
    usable = [
        d for d in usable
        if not (
            (_after_a_comma(sentence, reading, d) and d is not told_on and not _stated_as_of(sentence, d, words))
            or (d.start >= mention.end and relative.search(sentence[mention.end : d.start]) and not struck)
        )
    ]
    if usable:
        reporting = [d for d in usable if d.reporting]
        if reporting and scope == "total" and _running_total(sentence, reading, words):
            return reporting[-1].value  # "..., the ministry said on Monday, bringing the toll to 3,516"
        events = [d for d in usable if not d.reporting]
        pool = events or usable

        def distance(d: DateMention) -> int:
            return d.start - mention.end if d.start >= mention.end else mention.start - d.end

        # a date in the number's own words after it, before any comma, is its own: "as of November
        # and 1,000 terrorists inside Israel on October 7"
        own = [
            d for d in pool
            if scope != "static" and 0 <= d.start - mention.end < _OWN_DATE_REACH and "," not in sentence[mention.end : d.start]
        ]
        chosen = own[0] if own else min(pool, key=distance)
        if (
            chosen.value == WAR_START_ISO and scope == "total" and chosen.end <= clause_start(sentence, reading.bound_start)
            and words.regex(r"\b(?:{perfect})\b").search(sentence, clause_start(sentence, reading.bound_start), reading.quote_end + 40)
        ):
            # "Since Hamas attacked on 7 October 2023, ... nearly 800 soldiers have fallen": the war's
            # first day, in a clause before, is where the count starts; it runs to the report
            return context.section_date or context.document_date
        if chosen.kind == "elapsed" and _at_least_this_late(sentence, chosen, context, words):
            return context.document_date  # "in more than 400 days of war": up to the report, at least
        if chosen.kind == "relative" and reporting and len(reporting[0].value) >= len(chosen.value):
            return reporting[0].value  # "the ministry said on Saturday that ... have now been killed"
        return chosen.value
    since_then = words.regex(_SINCE_THEN).search(sentence) is not None  # "seither": from that day to the report
    if (
        context.last_event_date and scope != "static" and not since_then
        and _refers_back(sentence, all_dates or dates, words) and not _counted_since_it(sentence, words)
    ):
        return context.last_event_date  # but those held now, "of the 252 taken that day", are counted now
    told_here = context.day_told_here()
    # a standing quantity is told in its own clause ("The zone measures 117 km², close to a third of
    # the Strip, and 250,000 people were living in it": the past is the people's, not the area's),
    # unless that clause refers back ("the 252 taken that day")
    clause = _own_clause(sentence, reading) if scope == "static" else sentence
    told = sentence if _refers_back(clause, [], words) else clause
    # "since the war began": counted from its first day to the report, whatever day the paragraph tells
    since = words.regex(_SINCE_PHRASE).search(sentence)
    since_the_start = since is not None and _from_a_beginning(since.group(), words)
    if told_here and not dates and not since_then and not since_the_start and (
        _told_in_past(told, words) or (scope not in ("total", "static") and _narrative_perfect(told, words))
    ):
        # "On 7 October, gunmen crossed the fence. Some 1,200 people were killed ...", and the perfect
        # that French news tells a day in ("Les troupes ont quitté le camp samedi. 14 personnes y ont été tuées")
        return told_here
    if words.narrative.search(sentence[max(0, reading.quote_start - 30) : mention.start]):
        return None
    return context.section_date or context.document_date
