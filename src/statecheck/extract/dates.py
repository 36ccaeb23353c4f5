"""Dates in a sentence: explicit ones, weekdays, "today", and time elapsed since an event.

Finding a date phrase uses the language's month and weekday names (lexicon ``[dates]``);
turning a found phrase into a calendar date uses dateparser with the document's date as the
base (never ``search_dates`` over whole sentences: it invents dates from numbers).
A date keeps its precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (spec §4).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless

WAR_START = dt.date(2023, 10, 7)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    kind: str
    """``explicit``, ``weekday``, ``relative`` (today, last month) or ``elapsed`` (23 days after …)."""
    since: bool = False
    """Introduced by "since"/"from": the start of a span, not the date a figure describes."""
    reporting: bool = False
    """Attached to a speech verb ("said on Monday"): the date of the report."""
    counted_back: bool = False
    """Counted back from the report ("600 days since Hamas crossed the border"): the event's day,
    which sentences after may refer back to ("that morning"), but no day the paragraph tells of."""


@dataclass(frozen=True)
class _DatePatterns:
    explicit: re.Pattern[str]
    weekday: re.Pattern[str]
    weekday_last_week: re.Pattern[str]
    """What makes a weekday that of the week before: "Monday last week"."""
    month_only: re.Pattern[str]
    year_only: re.Pattern[str]
    last_month_name: re.Pattern[str]
    day_range: re.Pattern[str]
    elapsed: re.Pattern[str]
    elapsed_after: re.Pattern[str]
    time_since: re.Pattern[str]
    ago: tuple[re.Pattern[str], ...]
    """A time counted back from the report: "one year ago", "hace seis meses" (read only with a
    word for today, as an anniversary)."""
    today_before: re.Pattern[str]
    """A word for today just before such a time: "Heute vor einem Jahr", "Hoy hace un año"."""
    date_openers: re.Pattern[str]
    """What may stand before a date that opens a sentence: "On", "Am", "Le"."""
    span_opening: re.Pattern[str]
    months_later: re.Pattern[str]
    """Months after the war's start with no event named: "Six months on", "Onze mois plus tard"."""
    recent: re.Pattern[str]
    """The last days, weeks or months before the report: "in the past seven days", "au cours des
    deux dernières semaines"."""
    """Words that make a time since an event a span: "in the two weeks since the truce began"."""
    """A time since an event the sentence tells ("600 days since Hamas crossed the border"): the
    event is that long before the report."""
    ages: re.Pattern[str]
    """Words that make a time after them an age ("children under two years"), not time elapsed."""
    any_unit: Caseless
    """A time unit starting a word: without one, neither elapsed pattern can match."""
    any_calendar_word: Caseless
    """A month name, a weekday or a month modifier ("early", "mid-") starting a word: without
    one, neither an explicit date (unless ISO), a weekday nor a month alone can match."""
    day_of: re.Pattern[str]
    since: re.Pattern[str]
    speech: re.Pattern[str]
    attribution: re.Pattern[str]
    today: re.Pattern[str]
    yesterday: re.Pattern[str]
    this_month: re.Pattern[str]
    last_month: re.Pattern[str]
    this_year: re.Pattern[str]
    last_year: re.Pattern[str]
    year_gap: re.Pattern[str]
    """What may stand between a day and the year named after it ("7 October of last year")."""
    any_relative: Caseless
    """Any phrase of ``today`` … ``last_year``: without one, none of them can match."""
    any_rare_cue: Caseless
    """A phrase starting a word that ``day_of``, ``war_start_event``, ``this_month_day`` or
    ``any_relative`` needs. Few sentences have one: one search spares them four."""
    war_start_event: Caseless
    months: dict[str, int]
    weekdays: dict[str, int]
    unit_days: dict[str, int]
    unit_months: dict[str, int]
    this_month_day: re.Pattern[str]
    half_markers: tuple[str, ...]


def _alternation(words: list[str] | dict[str, Any]) -> str:
    """A regex alternation, longest first; one that never matches when there are no words."""
    return lexicon.word_alternation(words, ignore_case=True)


def _phrases(words: list[str]) -> str:
    """Like :func:`_alternation`, a space in a phrase matching any run of spaces."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered) or r"(?!x)x"


_RELATIVE_KEYS = ("today", "yesterday", "this_month", "last_month", "this_year", "last_year")
_ISO_START = re.compile(r"(?:19|20)\d\d-")


@lru_cache(maxsize=8)
def _patterns(language: str) -> _DatePatterns:
    table: dict[str, Any] = lexicon.load(language, "claims").get("dates", {})
    months = {k.lower(): int(v) for k, v in table.get("months", {}).items()}
    weekdays = {k.lower(): int(v) for k, v in table.get("weekdays", {}).items()}
    month_names = _alternation(months)

    def alt(key: str) -> str:
        return _phrases(table.get(key, []))

    ordinal = alt("ordinal_suffixes")

    def month(n: int) -> str:
        return rf"(?P<m{n}>{month_names})\.?"

    def day(n: int) -> str:
        return rf"(?P<d{n}>[0-3]?\d)(?:{ordinal})?"

    def year(n: int) -> str:
        return rf"(?P<y{n}>(?:19|20)\d\d)"

    # "13 March 2024", "13 de marzo de 2024", "7-Octobre", "7. Oktober 2023", "March 13, 2024", "March 2024"
    year_joiner = rf"(?:(?:{alt('year_joiners')})\s+)?"
    day_month = rf"{day(1)}(?:\s+(?:{alt('day_month_joiners')})\s+|\s*-\s*|\s+){month(1)}(?:,?\s+{year_joiner}{year(1)})?"
    month_day = rf"{month(2)}\s+{day(2)}(?:,?\s+{year(2)})?"
    month_year = rf"{month(3)},?\s+{year_joiner}{year(3)}"
    iso = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    explicit = re.compile(rf"(?<![\w-])(?:{iso}|{day_month}|{month_day}|{month_year})(?![\w])", re.IGNORECASE)
    # "Montagabend", "Sonntagnacht": a part of the day written onto the weekday
    weekday = re.compile(rf"(?<![\w])(?P<weekday>{_alternation(weekdays)})(?:{alt('weekday_parts')})?(?![\w])", re.IGNORECASE)
    weekday_last_week = re.compile(rf",?\s+(?:{alt('weekday_last_week')})(?![\w])", re.IGNORECASE)
    list_joiners = alt("list_joiners")
    month_only = re.compile(
        rf"(?<![\w])(?:{alt('month_prepositions')})(?:\s+|(?<=['’]))(?:(?:{alt('month_modifiers')})\s*)?(?:{month_names})"
        rf"(?:\s+(?:{list_joiners})\s+(?:{month_names}))*(?![\w])",
        re.IGNORECASE,
    )
    last_month_name = re.compile(rf"(?P<month>{month_names})$", re.IGNORECASE)
    # "in 2024", "im Jahr 2023": a year alone (not "2023-24", "2024.5", nor the year of a date read above)
    year_only = re.compile(
        rf"(?<![\w])(?:{alt('year_prepositions')})\s+(?P<y>(?:19|20)\d\d)(?![\w-]|[.,]\d)", re.IGNORECASE
    )
    day_range = re.compile(
        rf"(?<![\w])(?P<d>[0-3]?\d)(?:{ordinal})?\s*(?:{alt('day_range_joiners')})\s*(?:(?:{alt('day_range_articles')})\s+)?$",
        re.IGNORECASE,
    )
    this_month_day = re.compile(
        rf"(?<![\w])(?P<d>[0-3]?\d)(?:{ordinal})?\s+(?:{alt('this_month_day')})(?![\w])", re.IGNORECASE
    )
    unit_days = {k.lower(): int(v) for k, v in table.get("unit_days", {}).items()}
    unit_months = {k.lower(): int(v) for k, v in table.get("unit_months", {}).items()}
    units = _alternation(list(unit_days) + list(unit_months))
    # "two and a half months", "dos meses y medio" (the half after the unit is read below)
    half = rf"(?:\s+(?:{alt('half_markers')}))"
    # the lookbehind starts the number at the beginning of its run of characters: the same
    # matches, in linear time on "1,1,1,1,…" (else every comma restarts a scan to the run's end)
    # number words before the last ("one hundred and twelve days"), read whole by _elapsed
    numbers_table = lexicon.load(language, "claims").get("numbers", {})
    word_run = _alternation(list(numbers_table.get("words", [])) + list(numbers_table.get("joiners", [])))
    leading_words = rf"(?:(?:{word_run})\s+)*" if word_run else ""
    number = rf"(?P<n>(?<![\w.,-]){leading_words}[\w.,-]+{half}?)"
    approximate = rf"(?:(?:{alt('approximate')})\s+)?"
    after_words = alt("after_words")
    events = alt("anchor_events")
    determiners = rf"(?:(?:{alt('determiners')})\s+)?"

    def amount(unit_names: str) -> str:
        """A time written as a number and a unit: "23 days", "about two and a half months"."""
        return rf"(?<![\w]){approximate}{number}\s+(?P<unit>{unit_names})(?P<half>{half})?"

    elapsed = re.compile(
        rf"{amount(units)}\s+"
        rf"(?:(?:{alt('elapsed_verbs')})\s+)?(?:{after_words})\s+{determiners}(?:[\w'’-]+\s+){{0,4}}?(?:{events})(?![\w])",
        re.IGNORECASE,
    )
    elapsed_after = re.compile(rf"(?<![\w])(?:{after_words})\s+{amount(units)}(?![\w])", re.IGNORECASE)
    # "Eleven months later, 101 hostages are still held": months after the war's start, its default anchor
    month_units = _alternation([unit for unit, months in unit_months.items() if months == 1])  # not years: "Un año después, el 7 de octubre de 2024"
    months_later = re.compile(rf"{amount(month_units)}\s+(?:{alt('months_later')})(?![\w])", re.IGNORECASE)
    recent = re.compile(
        rf"(?<![\w])(?:{alt('recent_openers')})\s+(?:(?:{alt('recent_words')})\s+)?(?P<n>[\w.,-]+(?:\s+[\w.,-]+){{0,3}}?)\s+"
        rf"(?:(?:{alt('recent_words')})\s+)?(?P<unit>{units})(?![\w])"
        # or one unit, its number unsaid: "in the past year", "durante la última semana" (not "in
        # the last year of the war")
        rf"|(?<![\w])(?:{alt('recent_one')})\s+(?P<one>{units})(?![\w])(?!\s+(?:{alt('recent_one_stops')})\s)",
        re.IGNORECASE,
    )
    span_opening = re.compile(rf"(?<![\w])(?:{alt('span_openings')})\s+$", re.IGNORECASE)
    time_since = re.compile(rf"{amount(units)}\s*,?\s+(?:{alt('time_since')})\s+(?![\d])", re.IGNORECASE)
    # no comma in the number: "il y a un an, jour pour jour" is a year, not "un an," days
    ago_amount = rf"(?<![\w]){approximate}(?P<n>(?<![\w.,-]){leading_words}[\w.-]+)\s+(?P<unit>{units})(?P<half>{half})?"
    ago = tuple(
        re.compile(pattern, re.IGNORECASE)
        for key, pattern in (
            ("ago_after", rf"{ago_amount}\s+(?:{alt('ago_after')})(?![\w])"),
            ("ago_before", rf"(?<![\w])(?:{alt('ago_before')})\s+{ago_amount}(?![\w])"),
        )
        if table.get(key)
    )
    day_of = re.compile(
        rf"(?<![\w])(?:{alt('day_words')})\s+(?P<n>\d+)\s+(?:{alt('day_of')})\s+{determiners}(?:{events})", re.IGNORECASE
    )
    # "since 7 October", "since it launched its offensive on 7 October 2023", "depuis l'ouverture de
    # la récolte, début octobre" (the day in an aside, after a comma): the start of a span; not
    # "d'après" (according to)
    # no digit: a date ends the phrase; a range's "a" ("desde 1 a 7") only before its number ("desde que a trégua")
    word = rf"(?!(?:{alt('since_stops')})\s)(?!(?:{alt('since_range_stops')})\s+\d)(?![\w'’-]*\d)[\w'’-]+"
    since = re.compile(
        rf"(?<![\w'’])(?:{_alternation(table.get('since', []))})\s+(?:{word}\s+){{0,8}}?(?:{word},\s+(?=(?:{alt('since_fillers')})\s))?"
        rf"(?:(?:{alt('since_fillers')})\s+)*$",
        re.IGNORECASE,
    )
    speech = re.compile(rf"(?<![\w])(?:{_alternation(table.get('speech', []))})(?![\w])", re.IGNORECASE)
    attribution = re.compile(rf"(?:{_alternation(table.get('attribution', []))})(?![\w])", re.IGNORECASE)
    war_start_event = Caseless(lexicon.phrase_pattern(table.get("war_start_events", [])))
    # Word starts only: in every date pattern a unit, month or weekday comes after a space, a
    # hyphen or a preposition, and a month after a modifier ("mid-October", even "midOctober")
    # is found by the modifier. Looking behind first lets the engine leave a word after its
    # first letter, which makes these cues much cheaper than the patterns they stand in for.
    any_unit = Caseless(lexicon.phrase_pattern(list(unit_days) + list(unit_months), suffix=""))
    any_calendar_word = Caseless(lexicon.phrase_pattern(list(months) + list(weekdays) + table.get("month_modifiers", []), suffix=""))
    relative_words = [w for key in _RELATIVE_KEYS for w in table.get(key, [])]
    # Each of the four patterns begins a word with one of these phrases (the day word, the
    # event, the relative phrase) or has one after a space ("7 of this month"); with no suffix
    # the cue matches wherever they could.
    rare_cues = table.get("day_words", []) + table.get("war_start_events", []) + table.get("this_month_day", []) + relative_words

    def words(key: str) -> re.Pattern[str]:
        return re.compile(lexicon.phrase_pattern(table.get(key, [])), re.IGNORECASE)

    return _DatePatterns(
        explicit=explicit, weekday=weekday, weekday_last_week=weekday_last_week, month_only=month_only, last_month_name=last_month_name,
        year_only=year_only,
        day_range=day_range, elapsed=elapsed,
        elapsed_after=elapsed_after, time_since=time_since, ago=ago, span_opening=span_opening, recent=recent, months_later=months_later, ages=re.compile(lexicon.phrase_pattern(table.get("ages", []), suffix=r"\s*$"), re.IGNORECASE),
        any_unit=any_unit, any_calendar_word=any_calendar_word, day_of=day_of, since=since, speech=speech, attribution=attribution,
        today=words("today"), today_before=re.compile(lexicon.phrase_pattern(table.get("today", []), suffix=r"\s*,?\s*$"), re.IGNORECASE),
        date_openers=re.compile(rf"(?:{alt('date_openers')})", re.IGNORECASE), yesterday=words("yesterday"), this_month=words("this_month"),
        last_month=words("last_month"), this_year=words("this_year"), last_year=words("last_year"),
        year_gap=re.compile(r"\s*,?\s*" + (rf"(?:(?:{alt('relative_year_joiners')})\s+)?" if table.get("relative_year_joiners") else ""), re.IGNORECASE),
        any_relative=Caseless(lexicon.phrase_pattern(relative_words)),
        any_rare_cue=Caseless(lexicon.phrase_pattern(rare_cues, suffix="")),
        war_start_event=war_start_event, months=months, weekdays=weekdays,
        unit_days=unit_days, unit_months=unit_months, this_month_day=this_month_day,
        half_markers=tuple(h.lower() for h in table.get("half_markers", [])),
    )


def parse_date(value: str | None) -> tuple[dt.date, str] | None:
    """A partial ISO date as (first day, precision): ``"2023-12"`` → (2023-12-01, "month")."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value), "day"
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4:
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def format_date(day: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def add_months(day: dt.date, months: float) -> dt.date:
    whole = int(months)
    fraction = months - whole
    month_index = day.month - 1 + whole
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    result = dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return result + dt.timedelta(days=round(fraction * 30))


_YEAR_SHAPE = re.compile(r"(?:19|20)\d\d")
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*[-–—]\s")
"""The end of a dateline: "Geneva, 29 February 2024 (AFP) - ...": its date is the report's."""


def find_dates(sentence: str, document_date: str | None, language: str = "en") -> list[DateMention]:
    """Every date phrase in ``sentence``, resolved against the document's date where needed."""
    p = _patterns(language)
    base = parse_date(document_date)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str | None, kind: str, *, counted_back: bool = False) -> None:
        if value is None or any(not (end <= a or start >= b) for a, b in taken):
            return
        before = sentence[max(0, start - 90) : start]
        after = sentence[end : end + 12].lstrip(" ,")
        reporting = bool(p.speech.search(sentence[max(0, start - 25) : start])) or bool(
            p.speech.match(after) and not p.attribution.match(after)
        ) or (start < 60 and _DATELINE_END.match(sentence, end) is not None) or _opens_a_report(sentence, start, end, p)
        found.append(DateMention(start, end, value, kind, since=bool(p.since.search(before)), reporting=reporting,
                                 counted_back=counted_back))
        taken.append((start, end))

    for pattern in (p.elapsed, p.elapsed_after, p.months_later) if p.any_unit.search(sentence) else ():
        for match in pattern.finditer(sentence):
            if p.ages.search(sentence, max(0, match.start() - 20), match.start()):
                continue  # "menores de dos años": an age
            value = _elapsed(match.group("n"), match.group("unit"), p, language, bool(match.group("half")))
            if value is not None and base is not None and int(value[:4]) > base[0].year + 1:
                # years the war had not lasted by the report ("un adolescent de 17 ans"): an age, not
                # the war's time (a month or two past the report's date is the report's own misdating)
                continue
            add(match.start(), match.end(), value, "elapsed")
    if base is not None and base[1] != "year" and p.any_unit.search(sentence):
        for match in p.time_since.finditer(sentence):
            if p.span_opening.search(sentence, max(0, match.start() - 20), match.start()):
                continue  # "in the two weeks since the truce began": a span up to the report, not a day
            amount = _time_amount(match.group("n"), match.group("unit"), p, language, bool(match.group("half")))
            if amount is not None:
                add(match.start(), match.end(), _before(base[0], amount, base[1]), "explicit", counted_back=True)
        for pattern in p.ago if base[1] == "day" else ():
            for match in pattern.finditer(sentence):
                amount = _time_amount(match.group("n"), match.group("unit"), p, language, bool(match.group("half")))
                anniversary = _anniversary(sentence, match, amount, base[0], p) if amount is not None else None
                if anniversary is not None:
                    add(*anniversary, "explicit")
    rare_cue = p.any_rare_cue.search(sentence) is not None
    for match in p.day_of.finditer(sentence) if rare_cue else ():
        add(match.start(), match.end(), (WAR_START + dt.timedelta(days=int(match.group("n")) - 1)).isoformat(), "elapsed")
    for match in p.war_start_event.finditer(sentence) if rare_cue else ():
        written = p.explicit.search(sentence, match.start())
        if written is not None and written.start() < match.end() < written.end():
            continue  # "el 7 de octubre de 2023": the date runs on to its year, read whole below
        add(match.start(), match.end(), WAR_START.isoformat(), "explicit")
    calendar_word = p.any_calendar_word.search(sentence) is not None
    for match in p.explicit.finditer(sentence) if calendar_word or _ISO_START.search(sentence) else ():
        value = _explicit(match, p, base)
        add(match.start(), match.end(), value, "explicit")
        first = p.day_range.search(sentence[: match.start()])
        if value and len(value) == 10 and first and int(first.group("d")) < int(value[8:]):
            start = f"{value[:8]}{int(first.group('d')):02d}"
            found.append(DateMention(first.start(), first.end(), start, "explicit", since=True))
            taken.append((first.start(), first.end()))
    if base is not None:
        base_day, precision = base
        if precision in ("day", "month") and rare_cue:
            for match in p.this_month_day.finditer(sentence):
                day = int(match.group("d"))  # "a 07 deste mês": a day of the document's month
                if 1 <= day <= calendar.monthrange(base_day.year, base_day.month)[1]:
                    add(match.start(), match.end(), base_day.replace(day=day).isoformat(), "explicit")
        for match in p.month_only.finditer(sentence) if calendar_word else ():
            last = p.last_month_name.search(match.group())
            if last is None:
                continue
            month = p.months[last.group("month").lower()]
            year = base_day.year if month <= base_day.month else base_day.year - 1
            add(match.start() + match.group().find(" ") + 1, match.end(), f"{year:04d}-{month:02d}", "explicit")
        for match in p.year_only.finditer(sentence) if _YEAR_SHAPE.search(sentence) else ():
            year = int(match.group("y"))
            if year < base_day.year:
                # a past calendar year: what was counted in it ("killed 3,000 people in 2024"); the
                # report's own year is still running, and a later one is a plan
                add(match.start("y"), match.end(), f"{year:04d}", "explicit")
        if precision == "day":
            for match in p.weekday.finditer(sentence) if calendar_word else ():
                target = p.weekdays[match.group("weekday").lower()]
                back = (base_day.weekday() - target) % 7
                last_week = p.weekday_last_week.match(sentence, match.end())
                if last_week is not None:
                    back = base_day.weekday() + 7 - target  # that day of the week before the document's
                add(match.start(), last_week.end() if last_week else match.end(), (base_day - dt.timedelta(days=back)).isoformat(), "weekday")
        if found and rare_cue:
            _date_years_named_after(sentence, p, base_day, found, taken)
        if rare_cue and p.any_relative.search(sentence):  # one search first: most sentences name none of these
            _add_relative(sentence, p, base_day, precision, add)
    found.sort(key=lambda d: d.start)
    return found


_SUBJECT_WORDS = re.compile(r"\s*,?\s*(?:[^\W\d][\w'’.-]*\s+){1,8}?$")
"""Up to eight words with no figure and no comma: the subject between a date and its verb."""


def _opens_a_report(sentence: str, start: int, end: int, p: _DatePatterns) -> bool:
    """A date that opens its sentence, then a subject and a speech verb: "On Friday the Ministry
    of Health in Gaza reported 9,257 people killed": the report's date, not the event's."""
    if sentence[:start].strip() and not p.date_openers.fullmatch(sentence[:start].strip()):
        return False
    verb = p.speech.search(sentence, end, end + 120)
    return verb is not None and _SUBJECT_WORDS.match(sentence[end : verb.start()]) is not None


_WRITTEN_YEAR = re.compile(r"\d{4}")


def _date_years_named_after(
    sentence: str, p: _DatePatterns, base_day: dt.date, found: list[DateMention], taken: list[tuple[int, int]]
) -> None:
    """"7 October last year", "le 7 octobre de l'année dernière": a day or month written without its
    year, then the year named relative to the document's; one date, the relative year's."""
    for index, date in enumerate(found):
        if date.kind != "explicit" or _WRITTEN_YEAR.search(sentence, date.start, date.end):
            continue
        gap = p.year_gap.match(sentence, date.end)
        for pattern, year in ((p.last_year, base_day.year - 1), (p.this_year, base_day.year)):
            named = pattern.match(sentence, gap.end()) if gap else None
            if named is not None and sentence[named.end() : named.end() + 1] not in ("'", "’"):
                found[index] = replace(date, end=named.end(), value=f"{year:04d}{date.value[4:]}")
                taken.append((date.end, named.end()))
                break


def _add_relative(
    sentence: str, p: _DatePatterns, base_day: dt.date, precision: str, add: Callable[[int, int, str | None, str], None]
) -> None:
    """The dates that "yesterday", "today", "this month" … "last year" name, by the document's date."""
    if precision == "day":
        for match in p.yesterday.finditer(sentence):
            add(match.start(), match.end(), (base_day - dt.timedelta(days=1)).isoformat(), "relative")
    for match in p.today.finditer(sentence):
        add(match.start(), match.end(), format_date(base_day, precision), "relative")
    if precision in ("day", "month"):
        for match in p.this_month.finditer(sentence):
            add(match.start(), match.end(), format_date(base_day, "month"), "relative")
        for match in p.last_month.finditer(sentence):
            add(match.start(), match.end(), format_date(add_months(base_day.replace(day=1), -1), "month"), "relative")
    for match in p.this_year.finditer(sentence):
        add(match.start(), match.end(), f"{base_day.year:04d}", "relative")
    for match in p.last_year.finditer(sentence):
        add(match.start(), match.end(), f"{base_day.year - 1:04d}", "relative")


def _explicit(match: re.Match[str], p: _DatePatterns, base: tuple[dt.date, str] | None) -> str | None:
    groups = match.groupdict()
    if groups.get("iso"):
        return str(groups["iso"])
    if groups.get("m3"):
        return f"{int(groups['y3']):04d}-{p.months[groups['m3'].lower()]:02d}"
    n = 1 if groups.get("m1") else 2
    month = p.months.get((groups.get(f"m{n}") or "").lower())
    if month is None:
        return None
    day = int(groups[f"d{n}"])
    if not 1 <= day <= 31:
        return None
    if groups.get(f"y{n}"):
        year = int(groups[f"y{n}"])
    elif (month, day) == (WAR_START.month, WAR_START.day):
        # "on October 7" with no year names the attack, even in a text written a year or more later
        year = WAR_START.year
    elif base is not None:
        # A date without a year is the latest such date not after the document's date.
        year = base[0].year
        if (month, day) > (base[0].month, base[0].day if base[1] == "day" else 31):
            year -= 1
    else:
        year = WAR_START.year if (month, day) >= (10, 7) else WAR_START.year + 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _time_amount(number: str, unit: str, p: _DatePatterns, language: str, after_half: bool = False) -> tuple[float, str] | None:
    """A time written as a number and a unit, in days or in months: (600, "days"), (2.5, "months")."""
    from statecheck.extract.numbers import parse_digits, parse_words

    text = re.sub(r"\s+", " ", number.lower()).strip()
    half = 0.5 if after_half else 0.0
    for marker in p.half_markers:
        if text.endswith(" " + marker):
            text, half = text[: -len(marker) - 1], 0.5
    value = parse_digits(text, language) if re.fullmatch(r"[\d.,]+", text) else parse_words(text, language)
    if value is None:
        return None
    value += half
    unit = unit.lower()
    if unit in p.unit_days:
        return value * p.unit_days[unit], "days"
    if unit in p.unit_months:
        return value * p.unit_months[unit], "years" if p.unit_months[unit] == 12 else "months"
    return None


def _elapsed(number: str, unit: str, p: _DatePatterns, language: str, after_half: bool = False) -> str | None:
    amount = _time_amount(number, unit, p, language, after_half)
    if amount is None:
        return None
    value, kind = amount
    if kind == "days":
        return (WAR_START + dt.timedelta(days=round(value))).isoformat()
    return format_date(add_months(WAR_START, value), "month")  # years too: the war is counted in months


def _before(day: dt.date, amount: tuple[float, str], precision: str) -> str:
    """The date ``amount`` before ``day``: a day when both are days, else a month."""
    value, kind = amount
    if kind == "days" and precision == "day":
        return (day - dt.timedelta(days=round(value))).isoformat()
    if kind == "years":
        return str(day.year - round(value / 12))  # "thirty years since the bombing": a year
    months = round(value) if kind == "months" else round(value / 30.4)
    return format_date(add_months(day, -months), "month")


_TODAY_AFTER = re.compile(r",?\s+")


def _anniversary(
    sentence: str, match: re.Match[str], amount: tuple[float, str], base_day: dt.date, p: _DatePatterns
) -> tuple[int, int, str] | None:
    """ "One year ago today", "Heute vor einem Jahr": the report's day that long before, and
    where the phrase stands. Without "today" a time ago is no date of its own: it mostly restates
    one ("since 2 March, eleven weeks ago", "when the war began almost a year ago")."""
    start, end = match.start(), match.end()
    gap = _TODAY_AFTER.match(sentence, end)
    today_after = p.today.match(sentence, gap.end()) if gap else None
    today_before = p.today_before.search(sentence, max(0, start - 25), start)
    if today_after is not None:
        end = today_after.end()
    elif today_before is not None:
        start = today_before.start()
    else:
        return None
    value, kind = amount
    day = base_day - dt.timedelta(days=round(value)) if kind == "days" else add_months(base_day, -round(value))
    return start, end, day.isoformat()


class RecentSpan(NamedTuple):
    """ "In the past seven days": where the phrase stands in its sentence, and the span it names."""

    start: int
    end: int
    first: str
    """The day that long before the report's."""
    last: str
    """The report's day."""


def recent_span(sentence: str, document_date: str | None, language: str = "en") -> RecentSpan | None:
    """Where "in the past seven days" or the like stands in the sentence, and its span: from that
    long before the report's day to it."""
    base = parse_date(document_date)
    if base is None or base[1] != "day":
        return None
    p = _patterns(language)
    match = p.recent.search(sentence) if p.any_unit.search(sentence) else None
    if match is None:
        return None
    if match.group("one"):
        amount = _time_amount("1", match.group("one"), p, language)
    else:
        amount = _time_amount(match.group("n"), match.group("unit"), p, language)
    if amount is None:
        return None
    days = amount[0] if amount[1] == "days" else amount[0] * 30.4  # months (and years, in months) as days
    first = (base[0] - dt.timedelta(days=round(days))).isoformat()
    return RecentSpan(match.start(), match.end(), first, base[0].isoformat())


def elapsed_date(text: str, language: str = "en") -> str | None:
    """The date an elapsed-time phrase about the present implies ("More than 11 months have passed
    since the beginning of the offensive" → ``2024-09``), or None."""
    p = _patterns(language)
    match = p.elapsed.search(text)
    if match:
        return _elapsed(match.group("n"), match.group("unit"), p, language, bool(match.group("half")))
    return None
