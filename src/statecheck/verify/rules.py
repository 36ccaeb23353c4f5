"""Spec §5, one claim against one series: the record's range, the tolerance, the bound table.

Arithmetic is exact (``Fraction``, and ``int`` for whole numbers) so that a claim sitting
exactly on a tolerance edge gets the verdict the table gives, not the one float rounding
happens to give.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from statecheck.memo import per_document
from statecheck.model import Claim, Evidence, ReferencePoint, VerdictName
from statecheck.reference.series import Entry, ReferenceSeries, exact, parse_day

Precision = Literal["day", "month", "year"]

#: The window around a day: reports from three days before to one day after (spec §5).
DAYS_BEFORE = 3
DAYS_AFTER = 1

ONE_PERCENT = Fraction(1, 100)
FIVE_PERCENT = Fraction(5, 100)
TEN_PERCENT = Fraction(10, 100)

VERDICT_WORDS: dict[str, str] = {
    "consistent": "consistent",
    "above_record": "above the record",
    "below_record": "below the record",
    "unverifiable": "unverifiable",
}

#: How a metric reads after a number in a sentence ("8,005 killed", "3,324 children killed").
METRIC_WORDS: dict[str, str] = {
    "killed": "killed",
    "killed_children": "children killed",
    "killed_women": "women killed",
    "killed_medical": "medical personnel killed",
    "killed_press": "journalists killed",
    "killed_civil_defence": "civil defence workers killed",
    "killed_aid": "aid workers killed",
    "killed_soldiers": "soldiers killed",
    "killed_starvation": "deaths from starvation",
    "killed_aid_seekers": "aid seekers killed",
    "injured": "injured",
    "injured_children": "children injured",
    "injured_soldiers": "soldiers wounded",
    "hostages": "hostages",
    "population": "residents",
    "area": "km² of area",
    "destroyed_housing": "housing units destroyed",
    "destroyed_schools": "schools destroyed",
    "damaged_schools": "schools damaged",
    "destroyed_mosques": "mosques destroyed",
}


@dataclass(frozen=True)
class Span:
    """A claim's date as days: one day, or every day of a month or a year."""

    lo: date
    hi: date
    precision: Precision
    text: str


_AS_OF = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@per_document()
def parse_as_of(text: str) -> Span:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the days it covers; ValueError when malformed."""
    # Cached: a document's claims mostly share a few dates, each read once per series checked.
    match = _AS_OF.fullmatch(text.strip())
    if not match:
        raise ValueError(f"as_of {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    if day is not None:
        single = parse_day(text.strip())
        return Span(single, single, "day", text)
    if month is not None:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"as_of {text!r} has no month {month}")
        last = calendar.monthrange(int(year), int(month))[1]
        return Span(date(int(year), int(month), 1), date(int(year), int(month), last), "month", text)
    return Span(date(int(year), 1, 1), date(int(year), 12, 31), "year", text)


def significant_digits(value: float) -> int:
    """8005 → 4, 20000 → 1, 1500000 → 2, 2.5 → 2 (trailing zeros of a whole number do not count)."""
    digits = Decimal(repr(float(value))).normalize().as_tuple().digits
    return len(digits)


def tolerance(value: float, value_max: float | None = None, bound: str = "exact") -> tuple[Fraction, str]:
    """The claim's own rounding (spec §5) and why: 1% for ≥ 3 significant digits, else 5%; ≥ 10% with about.

    For a range the coarser end decides.
    """
    margin, why = _margin_of(value, value_max, bound)
    return margin.t, why


def _margin_of(value: float, value_max: float | None, bound: str) -> tuple[_Margin, str]:
    digits = min(significant_digits(v) for v in (value, value_max) if v is not None)
    if digits >= 3:
        margin, why = _MARGIN_ONE, "three or more significant digits"
    else:
        margin, why = _MARGIN_FIVE, "a round number"
    if bound == "about" and margin.t < TEN_PERCENT:
        margin, why = _MARGIN_TEN, "bound about"
    return margin, why


@dataclass(frozen=True)
class _Margin:
    """A tolerance with the factors and the words the bound table uses, worked out once
    (Fraction arithmetic runs Python code, and every claim checked would redo it)."""

    t: Fraction
    below: Fraction
    """1 − t"""
    above: Fraction
    """1 + t"""
    percent: str
    """t in words: ``1%``"""

    @classmethod
    def of(cls, t: Fraction) -> _Margin:
        return cls(t, 1 - t, 1 + t, _pct(t))


#: An exact number: a whole one as an int, others as a Fraction (see :func:`exact`).
Exact = Fraction | int


@per_document()
def q(x: float) -> Exact:
    """A claimed figure as the decimal it was written as (``0.1`` → 1/10), see :func:`exact`.

    A record's values are :attr:`Entry.exact`.
    """
    # Cached: a document's claims repeat their figures, and parsing a Fraction from text is
    # slow. Fractions are immutable, so sharing them is safe.
    return exact(x)


@dataclass(frozen=True)
class Outcome:
    """The bound table's answer for one claim and one record range."""

    verdict: VerdictName
    rule: str
    tolerance: Fraction


@dataclass(frozen=True)
class Accepted:
    """The record values a claim is consistent with (spec §5): ``[lo, hi]``, None for unbounded."""

    lo: Fraction | None
    hi: Fraction | None
    rule: str
    tolerance: Fraction
    # The same bounds for whole values (a whole v < lo exactly when v < ceil(lo)): most record
    # values are whole, and comparing ints is C code where comparing with a Fraction is Python.
    least_whole: int | None = field(init=False, repr=False, compare=False)
    most_whole: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "least_whole", None if self.lo is None else math.ceil(self.lo))
        object.__setattr__(self, "most_whole", None if self.hi is None else math.floor(self.hi))

    def admits(self, value: Exact) -> bool:
        return not (self.is_under(value) or self.is_over(value))

    def is_under(self, value: Exact) -> bool:
        """Whether ``value`` is below ``lo``."""
        lo, least = self.lo, self.least_whole
        if lo is None or least is None:
            return False  # no lower bound
        return value < least if type(value) is int else value < lo

    def is_over(self, value: Exact) -> bool:
        """Whether ``value`` is above ``hi``."""
        hi, most = self.hi, self.most_whole
        if hi is None or most is None:
            return False  # no upper bound
        return value > most if type(value) is int else value > hi


@per_document()
def accepted_values(value: float, value_max: float | None, bound: str) -> Accepted:
    """The bound table of spec §5 as the range of record values a claim accepts."""
    v = q(value)
    top = q(value_max) if value_max is not None else v
    # The Fraction first: Fraction * int takes Fraction's fast path, int * Fraction its slow one.
    if bound in ("exact", "about"):
        margin, why = _margin_of(value, value_max, bound)
        lo, hi = margin.below * v, margin.above * top
        return Accepted(lo, hi, f"{bound}, t = {margin.percent} ({why}): consistent when [r_lo, r_hi] meets [{_num(lo)}, {_num(hi)}]", margin.t)
    if bound in ("over", "at_least"):
        threshold = _MARGIN_ONE.below * v
        return Accepted(threshold, None, f"{_words(bound)}: consistent when r_hi ≥ {_num(v)} × 0.99 = {_num(threshold)}", ONE_PERCENT)
    if bound == "nearly":
        ceiling, floor = _MARGIN_ONE.above * top, _MARGIN_TEN.below * v
        return Accepted(floor, ceiling, f"nearly: consistent when r_lo ≤ {_num(ceiling)} and r_hi ≥ {_num(floor)}", TEN_PERCENT)
    if bound in ("under", "up_to"):
        ceiling = _MARGIN_ONE.above * top
        return Accepted(None, ceiling, f"{_words(bound)}: consistent when r_lo ≤ {_num(top)} × 1.01 = {_num(ceiling)}", ONE_PERCENT)
    raise ValueError(f"unknown bound {bound!r}")


def apply_bound(claim: Claim, r_lo: Exact, r_hi: Exact) -> Outcome:
    """The table of spec §5; ``above_record`` when the claim asks for more than the record shows."""
    accepted = accepted_values(claim.value, claim.value_max, claim.bound)
    # The record's range [r_lo, r_hi] and the accepted range must meet.
    if accepted.is_under(r_hi):
        return Outcome("above_record", accepted.rule, accepted.tolerance)
    if accepted.is_over(r_lo):
        return Outcome("below_record", accepted.rule, accepted.tolerance)
    return Outcome("consistent", accepted.rule, accepted.tolerance)


# -- one claim against one series --------------------------------------------------------------


def check(claim: Claim, series: ReferenceSeries) -> Evidence:
    """The evidence of one series about one claim, with its own verdict (spec §5)."""
    if claim.unit != series.unit:
        return _unverifiable(series, f"the claim is in {claim.unit}, {series.id} counts {series.unit}")
    if claim.scope in ("incident", "rate"):
        return _unverifiable(series, f"a claim of scope {claim.scope} is not a running total")
    if claim.scope == "period":
        return _check_period(claim, series)
    if not claim.as_of:
        return _unverifiable(series, "the claim has no date (as_of)")
    try:
        span = parse_as_of(claim.as_of)
    except ValueError as error:
        return _unverifiable(series, str(error))
    if span.precision == "day":
        inside = series.first <= span.lo <= series.last
        window = (span.lo - timedelta(days=DAYS_BEFORE), span.lo + timedelta(days=DAYS_AFTER))
    else:
        inside = series.covers(span.lo, span.hi)
        window = (span.lo, span.hi)
    if not inside:
        return _unverifiable(
            series, f"the claim's date {span.text} is outside the series' dates ({series.first} to {series.last})"
        )
    entries = series.reported_between(*window)
    if not entries:
        return _unverifiable(
            series, f"{series.publisher} has no report of {_metric(series)} between {window[0]} and {window[1]}"
        )
    values = [e.exact for e in entries]
    r_lo, r_hi = min(values), max(values)
    outcome = apply_bound(claim, r_lo, r_hi)
    where = (
        f"window [{window[0]}, {window[1]}] (as_of − {DAYS_BEFORE} days, + {DAYS_AFTER} day)"
        if span.precision == "day"
        else f"every report in {span.text}"
    )
    sentence = (
        f"{series.publisher} {_cite(claim, series, entries, outcome.verdict, window)}; "
        f"the claim says {_claim_words(claim)}: {VERDICT_WORDS[outcome.verdict]}"
    )
    return _evidence(series, outcome, f"{claim.scope}, {where}; {outcome.rule}", sentence, entries, r_lo, r_hi)


def _check_period(claim: Claim, series: ReferenceSeries) -> Evidence:
    """Scope ``period``: the series' increase over [start, end], r(end) − r(start) .. r(end) − r(start − 1)."""
    if not claim.period:
        return _unverifiable(series, "a period claim without its span (period) cannot be checked")
    if not series.increments:
        return _unverifiable(series, f"{series.id} holds point reports or facts, not a running total to subtract")
    try:
        start, end = parse_as_of(claim.period[0]).lo, parse_as_of(claim.period[1]).hi
    except ValueError as error:
        return _unverifiable(series, f"period: {error}")
    if end < start:
        return _unverifiable(series, f"the period ends ({end}) before it starts ({start})")
    before = start - timedelta(days=1)
    if not series.first <= end <= series.last:
        return _unverifiable(
            series, f"the period's end {end} is outside the series' dates ({series.first} to {series.last})"
        )
    at_end, at_start, at_before = series.value_at(end), series.value_at(start), series.value_at(before)
    if at_end is None or at_start is None or at_before is None:
        return _unverifiable(series, f"{series.publisher} has no report on or before {before}")
    low = at_end.exact - at_start.exact
    high = at_end.exact - at_before.exact
    r_lo, r_hi = min(low, high), max(low, high)  # a revised-down count could swap them
    outcome = apply_bound(claim, r_lo, r_hi)
    used = (at_before, at_start, at_end)
    rise = f"{_num(r_lo)}" if r_lo == r_hi else f"between {_num(r_lo)} and {_num(r_hi)}"
    trail = ", ".join(f"{_num(e.exact)} by {min(e.end, d)}" for e, d in zip(used, (before, start, end)))
    sentence = (
        f"{series.publisher}'s count of {_metric(series)} rose by {rise} from {start} to {end} ({trail}); "
        f"the claim says {_claim_words(claim)}: {VERDICT_WORDS[outcome.verdict]}"
    )
    rule = f"period [{start}, {end}]: r_lo = r({end}) − r({start}), r_hi = r({end}) − r({before}); {outcome.rule}"
    points = tuple(ReferencePoint(min(e.end, d).isoformat(), e.value) for e, d in zip(used, (before, start, end)))
    return Evidence(
        series=series.id, source=series.source, verdict=outcome.verdict, rule=rule, sentence=sentence,
        points=points, r_lo=float(r_lo), r_hi=float(r_hi), tolerance=float(outcome.tolerance),
        snapshot=series.snapshot, caveats=series.caveats,
    )


def _evidence(
    series: ReferenceSeries, outcome: Outcome, rule: str, sentence: str, entries: tuple[Entry, ...],
    r_lo: Exact, r_hi: Exact,
) -> Evidence:
    return Evidence(
        series=series.id, source=series.source, verdict=outcome.verdict, rule=rule, sentence=sentence,
        points=tuple([e.point for e in entries]), r_lo=float(r_lo), r_hi=float(r_hi),
        tolerance=float(outcome.tolerance), snapshot=series.snapshot, caveats=series.caveats,
    )


def _unverifiable(series: ReferenceSeries, reason: str) -> Evidence:
    return Evidence(
        series=series.id, source=series.source, verdict="unverifiable", rule="spec §5: which claims can be checked",
        sentence=reason, snapshot=series.snapshot, caveats=series.caveats,
    )


# -- words -------------------------------------------------------------------------------------


def _cite(claim: Claim, series: ReferenceSeries, entries: tuple[Entry, ...], verdict: str,
          window: tuple[date, date]) -> str:
    """The report(s) a reader should look at: the matching one, or the one nearest the claim."""
    words = _metric(series)
    if len(entries) == 1:
        return f"reported {_num(entries[0].exact)} {words} {_when(entries[0])}"
    if verdict == "consistent":
        accepted = accepted_values(claim.value, claim.value_max, claim.bound)
        fitting = [e for e in entries if accepted.admits(e.exact)]
        if fitting:
            claimed = q(claim.value)
            best = min(fitting, key=lambda e: (abs(e.exact - claimed), -e.start.toordinal()))
            return f"reported {_num(best.exact)} {words} {_when(best)}"
        low, high = min(entries, key=lambda e: e.value), max(entries, key=lambda e: e.value)
        return (
            f"reported from {_num(low.exact)} {_when(low)} to {_num(high.exact)} {_when(high)} {words}"
        )
    if verdict == "above_record":
        top = max(entries, key=lambda e: (e.value, e.start))
        return f"reported at most {_num(top.exact)} {words} between {window[0]} and {window[1]} ({_when(top)})"
    low = min(entries, key=lambda e: (e.value, e.start))
    return f"reported at least {_num(low.exact)} {words} between {window[0]} and {window[1]} ({_when(low)})"


def _when(entry: Entry) -> str:
    if entry.start == entry.end:
        return f"on {entry.start}"
    return f"valid {entry.start} to {entry.end}"


def _metric(series: ReferenceSeries) -> str:
    return METRIC_WORDS.get(series.metric, series.metric.replace("_", " "))


def _claim_words(claim: Claim) -> str:
    value = _num(q(claim.value))
    if claim.value_max is not None:
        value += f"–{_num(q(claim.value_max))}"
    return f"{value} ({_words(claim.bound)})"


def _words(bound: str) -> str:
    return bound.replace("_", " ")


def _num(x: Exact) -> str:
    """8005 → ``8,005``; 7924.95 → ``7,924.95`` (at most two decimals)."""
    if x.denominator == 1:
        return f"{x.numerator:,}"
    text = f"{float(x):,.2f}".rstrip("0").rstrip(".")
    return text


def _pct(t: Fraction) -> str:
    return f"{_num(t * 100)}%"


# After _pct, which they use.
_MARGIN_ONE, _MARGIN_FIVE, _MARGIN_TEN = (_Margin.of(t) for t in (ONE_PERCENT, FIVE_PERCENT, TEN_PERCENT))
