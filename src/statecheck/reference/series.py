"""A reference series: one metric in one place from one source (spec §5).

A series is a tuple of :class:`Entry`. A report on one day is an entry whose ``start`` and
``end`` are that day; a fact with a validity interval (the area of Gaza, the people killed
in Israel on 7 October 2023) is an entry over its interval and counts as reported on every
day of it. One shape for both keeps the verifier free of special cases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property

from statecheck.model import ReferencePoint

#: The units a reference series may count in (a claim in another unit is never checked).
UNITS: tuple[str, ...] = ("people", "items", "km2")


@dataclass(frozen=True, order=True)
class Entry:
    """One value of a series: reported on ``start`` (== ``end``), or valid over [start, end]."""

    start: date
    end: date
    value: float

    @property
    def label(self) -> str:
        """``2023-10-29`` for a report; ``2023-01-01/2024-12-31`` (ISO 8601 interval) for a fact."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    # Cached on the entry, which lives as long as its series: a report is read for every claim
    # whose window holds it, and working these out again each time was much of verification.

    @cached_property
    def exact(self) -> int | Fraction:
        """The value as the decimal it was published as (see :func:`exact`)."""
        return exact(self.value)

    @cached_property
    def point(self) -> ReferencePoint:
        """The entry as evidence."""
        return ReferencePoint(self.label, self.value)


@dataclass(frozen=True)
class ReferenceSeries:
    """One metric in one place from one source, as published: cumulative counts or facts."""

    id: str
    """``tfp/gaza/killed``, ``facts/israel/killed``, ``user/gaza/killed/my-file`` ..."""
    metric: str
    """A metric of spec §3."""
    place: str | None
    """``gaza``, ``west_bank``, ``lebanon``, ``israel`` ...; None for the whole war."""
    unit: str
    """``people``, ``items`` or ``km2``."""
    source: str
    """Who published the record, e.g. ``Gaza Ministry of Health (via Tech for Palestine)``."""
    entries: tuple[Entry, ...] = field(repr=False)
    """Sorted by start, then end. Never empty."""
    snapshot: str
    """Which copy of the data: ``file name@sha256:...``."""
    caveats: str
    """The record's limits in one or two sentences, with where they are documented."""
    origin: str = ""
    """Which file and field the values come from, e.g. ``casualties_daily.json: ext_killed_cum``."""
    counted_from: date | None = None
    """The day a running total starts from zero: before it the count is 0 (used for
    ``period`` claims that start on the first day of the war). None when the series is
    not a running total from a known start."""
    increments: bool = True
    """Whether differences between two values are meaningful counts for a ``period`` claim.
    False for sparse point reports and standing facts (FACTS.md: "a period claim cannot be
    checked against them") and for counts that restart."""

    def __post_init__(self) -> None:
        if not self.entries:
            raise ValueError(f"reference series {self.id} has no values")

    @property
    def first(self) -> date:
        """The first day with a value."""
        return self.entries[0].start

    @cached_property
    def last(self) -> date:
        """The last day with a value."""
        # Cached: asked several times for every claim checked, and a series has ~1,000 entries.
        return max(entry.end for entry in self.entries)

    @cached_property
    def _starts(self) -> tuple[date, ...] | None:
        """Entry starts, for bisection, when every entry is a one-day report (None when some
        is a fact over an interval: those are few and scanned)."""
        if all(entry.start == entry.end for entry in self.entries):
            return tuple(entry.start for entry in self.entries)
        return None

    @property
    def publisher(self) -> str:
        """The source without the ``(via ...)`` relay, for sentences: ``Gaza Ministry of Health``."""
        head, _, _ = self.source.partition(" (via ")
        return head

    def reported_between(self, lo: date, hi: date) -> tuple[Entry, ...]:
        """Every entry reported on some day of [lo, hi] (a fact counts on each day of its interval)."""
        starts = self._starts
        if starts is not None:  # one-day reports sorted by day: the entries of [lo, hi] are a slice
            return self.entries[bisect_left(starts, lo) : bisect_right(starts, hi)]
        return tuple(entry for entry in self.entries if entry.start <= hi and entry.end >= lo)

    def covers(self, lo: date, hi: date) -> bool:
        """Whether [lo, hi] meets the series' dates [first, last]."""
        return lo <= self.last and hi >= self.first

    def value_at(self, day: date) -> Entry | None:
        """r(day): the last value reported on or before ``day`` (spec §5), or None if there is none.

        Before ``counted_from`` the running total is 0 (an entry with value 0 is returned).
        A fact counts as reported on every day of its interval, so its last report day on or
        before ``day`` is ``min(end, day)``; of several entries the one reported latest wins,
        and among reports of the same day the one listed last.
        """
        if self.counted_from is not None and day < self.counted_from:
            return Entry(day, day, 0.0)
        starts = self._starts
        if starts is not None:  # one-day reports: the last one on or before ``day``
            index = bisect_right(starts, day)
            return self.entries[index - 1] if index else None
        best: Entry | None = None
        best_day: date | None = None
        for entry in self.entries:
            if entry.start > day:
                break  # entries are sorted by start
            seen = min(entry.end, day)
            if best_day is None or seen >= best_day:
                best, best_day = entry, seen
        return best


# Below 2**53 every whole float is an integer written out in full by repr(): its Fraction is that int.
_EXACT_WHOLE = 2**53


def exact(x: float) -> int | Fraction:
    """A float as the decimal it was written as (``0.1`` → 1/10, not the nearest binary fraction).

    A whole number stays an int (equal to its Fraction, and they mix exactly in arithmetic):
    Python compares and subtracts ints at C speed, where a Fraction runs Python code for each.
    """
    x = float(x)
    if x.is_integer() and -_EXACT_WHOLE < x < _EXACT_WHOLE:
        return int(x)
    return Fraction(repr(x))


def day_before(day: date) -> date:
    return day - timedelta(days=1)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date:
    """A strict ``YYYY-MM-DD`` (``date.fromisoformat`` also takes ``20231007`` and week dates).

    Raises ValueError with a message a user can act on.
    """
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"not a date in YYYY-MM-DD form: {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a calendar date: {text!r}") from None
