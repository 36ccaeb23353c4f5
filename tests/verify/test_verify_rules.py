"""Spec §5 rule by rule, on small series written here: windows, tolerances, bounds, facts, periods."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from statecheck.model import Claim
from statecheck.reference.catalog import Catalog
from statecheck.reference.series import Entry, ReferenceSeries
from statecheck.verify import combine, verify_claim
from statecheck.verify.rules import apply_bound, check, parse_as_of, significant_digits, tolerance

D = date(2024, 3, 15)


def day(text: str) -> date:
    return date.fromisoformat(text)


def reports(*pairs: tuple[str, float], **kwargs: object) -> ReferenceSeries:
    """A series of reports on the given days."""
    entries = tuple(sorted(Entry(day(d), day(d), float(v)) for d, v in pairs))
    fields: dict[str, object] = {
        "id": "test/gaza/killed", "metric": "killed", "place": "gaza", "unit": "people",
        "source": "Test Ministry (via Test)", "entries": entries, "snapshot": "test.json@sha256:0",
        "caveats": "test caveats",
    }
    fields.update(kwargs)
    return ReferenceSeries(**fields)  # type: ignore[arg-type]


def facts(*rows: tuple[str, str, float], metric: str = "population", unit: str = "people") -> ReferenceSeries:
    entries = tuple(sorted(Entry(day(a), day(b), float(v)) for a, b, v in rows))
    return ReferenceSeries(
        id=f"facts/gaza/{metric}", metric=metric, place="gaza", unit=unit, source="UN OCHA", entries=entries,
        snapshot="facts.csv@sha256:0", caveats="", increments=False,
    )


def claim(value: float, bound: str = "exact", *, as_of: str | None = "2024-03-15", scope: str = "total",
          metric: str = "killed", place: str | None = "gaza", unit: str = "people",
          period: tuple[str, str] | None = None, value_max: float | None = None) -> Claim:
    return Claim(doc="t", quote=f"{value}", value=value, metric=metric, unit=unit, bound=bound,  # type: ignore[arg-type]
                 value_max=value_max, place=place, as_of=as_of, scope=scope, period=period)  # type: ignore[arg-type]


def around(value: float) -> ReferenceSeries:
    """One report of ``value`` on D, inside a series that runs from long before to long after D."""
    return reports(("2024-01-01", 1), (D.isoformat(), value), ("2024-12-31", 10_000_000))


# -- tolerance ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "digits"),
    [(8005, 4), (3324, 4), (20000, 1), (1500000, 2), (2300000, 2), (365, 3), (12300, 3), (1200, 2), (76, 2),
     (2.5, 2), (33.33, 4), (1, 1)],
)
def test_significant_digits(value: float, digits: int) -> None:
    assert significant_digits(value) == digits


@pytest.mark.parametrize(
    ("value", "bound", "expected"),
    [(8005, "exact", Fraction(1, 100)), (20000, "exact", Fraction(5, 100)), (1500000, "exact", Fraction(5, 100)),
     (365, "exact", Fraction(1, 100)), (8005, "about", Fraction(10, 100)), (20000, "about", Fraction(10, 100))],
)
def test_tolerance(value: float, bound: str, expected: Fraction) -> None:
    assert tolerance(value, None, bound)[0] == expected


# -- the bound table at its edges --------------------------------------------------------------

EDGES = [
    # exact, round (5%): band [950, 1050]
    (1000, "exact", 950, "consistent"), (1000, "exact", 949, "above_record"),
    (1000, "exact", 1050, "consistent"), (1000, "exact", 1051, "below_record"),
    # exact, 4 significant digits (1%): band [7924.95, 8085.05]
    (8005, "exact", 7925, "consistent"), (8005, "exact", 7924, "above_record"),
    (8005, "exact", 8085, "consistent"), (8005, "exact", 8086, "below_record"),
    # about: at least 10%, band [900, 1100] and [7204.5, 8805.5]
    (1000, "about", 900, "consistent"), (1000, "about", 899, "above_record"),
    (1000, "about", 1100, "consistent"), (1000, "about", 1101, "below_record"),
    (8005, "about", 7205, "consistent"), (8005, "about", 7204, "above_record"),
    # over / at least: r_hi >= 0.99 value; never below the record
    (1000, "over", 990, "consistent"), (1000, "over", 989, "above_record"), (1000, "over", 99999, "consistent"),
    (1000, "at_least", 990, "consistent"), (1000, "at_least", 989, "above_record"),
    # nearly: r_lo <= 1.01 value and r_hi >= 0.9 value
    (1000, "nearly", 900, "consistent"), (1000, "nearly", 899, "above_record"),
    (1000, "nearly", 1010, "consistent"), (1000, "nearly", 1011, "below_record"),
    # under / up to: r_lo <= 1.01 value; never above the record
    (1000, "under", 1010, "consistent"), (1000, "under", 1011, "below_record"), (1000, "under", 1, "consistent"),
    (1000, "up_to", 1010, "consistent"), (1000, "up_to", 1011, "below_record"),
]


@pytest.mark.parametrize(("value", "bound", "record", "expected"), EDGES)
def test_bound_edges(value: float, bound: str, record: float, expected: str) -> None:
    evidence = check(claim(value, bound), around(record))
    assert evidence.verdict == expected, evidence.sentence
    assert evidence.r_lo == evidence.r_hi == record


def test_ranges_overlap_rather_than_contain() -> None:
    # Reports of 900 and 1,100 in the window; the claim's band [950, 1050] lies between them.
    series = reports(("2024-01-01", 1), ("2024-03-13", 900), ("2024-03-15", 1100), ("2024-12-31", 9e6))
    evidence = check(claim(1000), series)
    assert (evidence.verdict, evidence.r_lo, evidence.r_hi) == ("consistent", 900, 1100)


def test_value_range_exact() -> None:
    assert apply_bound(claim(100, value_max=200), Fraction(190), Fraction(190)).verdict == "consistent"
    assert apply_bound(claim(100, value_max=200), Fraction(211), Fraction(211)).verdict == "below_record"
    assert apply_bound(claim(100, value_max=200), Fraction(94), Fraction(94)).verdict == "above_record"


# -- the window of a day -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("offset", "inside"), [(-4, False), (-3, True), (0, True), (1, True), (2, False)],
)
def test_day_window_is_three_days_back_one_forward(offset: int, inside: bool) -> None:
    when = (D + timedelta(days=offset)).isoformat()
    series = reports(("2024-01-01", 1), (when, 1000), ("2024-12-31", 9e6))
    evidence = check(claim(1000), series)
    if inside:
        assert evidence.verdict == "consistent"
        assert [p.date for p in evidence.points] == [when]
    else:
        assert evidence.verdict == "unverifiable"
        assert "no report" in evidence.sentence


def test_window_gives_r_lo_and_r_hi() -> None:
    series = reports(("2024-03-11", 500), ("2024-03-12", 960), ("2024-03-14", 1000), ("2024-03-16", 1040),
                     ("2024-03-17", 2000))
    evidence = check(claim(1000), series)
    assert (evidence.r_lo, evidence.r_hi) == (960, 1040)
    assert [p.date for p in evidence.points] == ["2024-03-12", "2024-03-14", "2024-03-16"]


def test_month_precision_uses_every_report_of_the_month() -> None:
    series = reports(("2024-02-29", 100), ("2024-03-01", 900), ("2024-03-31", 1200), ("2024-04-01", 5000))
    evidence = check(claim(1000, as_of="2024-03"), series)
    assert (evidence.r_lo, evidence.r_hi, evidence.verdict) == (900, 1200, "consistent")
    assert check(claim(5000, as_of="2024-03"), series).verdict == "above_record"
    assert check(claim(100, as_of="2024-03"), series).verdict == "below_record"


def test_year_precision() -> None:
    series = reports(("2023-12-31", 10), ("2024-01-05", 100), ("2024-12-30", 1000), ("2025-01-01", 99999))
    evidence = check(claim(1000, "over", as_of="2024"), series)
    assert (evidence.r_lo, evidence.r_hi, evidence.verdict) == (100, 1000, "consistent")


def test_month_partly_inside_the_series_is_checked() -> None:
    series = reports(("2024-03-20", 1000), ("2024-04-20", 2000))
    assert check(claim(1000, as_of="2024-03"), series).verdict == "consistent"


# -- dates outside the series, missing dates, other units and scopes ---------------------------

@pytest.mark.parametrize("as_of", ["2023-12-31", "2025-01-01", "2023-11", "2026"])
def test_date_outside_the_series(as_of: str) -> None:
    series = reports(("2024-01-01", 1000), ("2024-12-31", 2000))
    evidence = check(claim(1000, as_of=as_of), series)
    assert evidence.verdict == "unverifiable"
    assert "outside the series' dates" in evidence.sentence


def test_day_just_after_the_last_report_is_outside() -> None:
    # Strictly spec §5: the claim's day is outside [first, last] even though the window reaches back.
    series = reports(("2024-01-01", 1000), ("2024-03-14", 2000))
    assert check(claim(2000), series).verdict == "unverifiable"


@pytest.mark.parametrize("as_of", [None, "", "15 March 2024", "2024-13", "2024-02-30"])
def test_no_or_bad_as_of(as_of: str | None) -> None:
    assert check(claim(1000, as_of=as_of), around(1000)).verdict == "unverifiable"


@pytest.mark.parametrize("scope", ["incident", "rate"])
def test_incident_and_rate_are_unverifiable(scope: str) -> None:
    assert check(claim(1000, scope=scope), around(1000)).verdict == "unverifiable"


def test_static_scope_is_checked_like_total() -> None:
    assert check(claim(1000, scope="static"), around(1000)).verdict == "consistent"


def test_unit_must_match() -> None:
    evidence = check(claim(42, unit="percent"), around(42))
    assert evidence.verdict == "unverifiable"
    assert "percent" in evidence.sentence


def test_metric_or_place_without_series() -> None:
    catalog = Catalog((around(1000),))
    for c in (claim(1000, metric="displaced"), claim(1000, place="rafah"), claim(1000, place=None)):
        verdict = verify_claim(c, catalog)
        assert verdict.verdict == "unverifiable"
        assert verdict.evidence == ()
        assert "no reference series" in verdict.reason


def test_parse_as_of() -> None:
    assert parse_as_of("2024-02").hi == date(2024, 2, 29)
    assert parse_as_of("2023").lo == date(2023, 1, 1)
    assert parse_as_of("2023-10-07").precision == "day"


# -- facts with a validity interval ------------------------------------------------------------

def test_fact_counts_on_every_day_of_its_interval() -> None:
    population = facts(("2023-01-01", "2024-12-31", 2_200_000))
    for as_of in ("2023-01-01", "2024-06-15", "2024-12-31", "2023-12", "2024"):
        evidence = check(claim(2_300_000, metric="population", scope="static", as_of=as_of), population)
        assert evidence.verdict == "consistent", as_of
        assert evidence.points[0].date == "2023-01-01/2024-12-31"
    assert check(claim(2_300_000, metric="population", as_of="2025-01-01"), population).verdict == "unverifiable"


def test_one_day_fact() -> None:
    killed = facts(("2023-10-07", "2023-10-07", 1200), metric="killed")
    assert check(claim(1200, as_of="2023-10-07"), killed).verdict == "consistent"
    assert check(claim(1400, "about", as_of="2023-10-07"), killed).verdict == "above_record"
    assert check(claim(1200, as_of="2023-11-02"), killed).verdict == "unverifiable"


def test_fact_ending_inside_the_window() -> None:
    old = facts(("2023-01-01", "2023-06-30", 100), ("2023-07-03", "2023-12-31", 200))
    evidence = check(claim(150, "about", metric="population", as_of="2023-07-02"), old)
    assert (evidence.r_lo, evidence.r_hi) == (100, 200)


def test_no_period_claim_against_facts() -> None:
    hostages = facts(("2024-01-01", "2024-01-01", 136), ("2024-02-01", "2024-02-01", 130), metric="hostages")
    c = claim(6, metric="hostages", scope="period", period=("2024-01-01", "2024-02-01"))
    assert check(c, hostages).verdict == "unverifiable"


# -- period claims -----------------------------------------------------------------------------

DAILY = reports(
    ("2024-08-01", 1000), ("2024-08-02", 1010), ("2024-08-03", 1030), ("2024-08-04", 1060),
    ("2024-08-06", 1100), ("2024-08-07", 1150), counted_from=date(2024, 8, 1),
)


def test_period_past_24_hours() -> None:
    # "in the past 24 hours" on 2024-08-07 is [08-06, 08-07]: r_lo = r(07) − r(06), r_hi = r(07) − r(05).
    evidence = check(claim(50, scope="period", period=("2024-08-06", "2024-08-07")), DAILY)
    assert (evidence.r_lo, evidence.r_hi) == (50, 90)
    assert evidence.verdict == "consistent"
    # r(08-05) is the last value reported on or before it: the 08-04 report.
    assert [p.date for p in evidence.points] == ["2024-08-04", "2024-08-06", "2024-08-07"]
    assert [p.value for p in evidence.points] == [1060, 1100, 1150]


def test_period_bounds() -> None:
    span = ("2024-08-06", "2024-08-07")
    assert check(claim(95, scope="period", period=span), DAILY).verdict == "above_record"
    assert check(claim(40, scope="period", period=span), DAILY).verdict == "below_record"
    assert check(claim(60, "over", scope="period", period=span), DAILY).verdict == "consistent"


def test_period_from_the_first_day_counts_from_zero() -> None:
    evidence = check(claim(1030, scope="period", period=("2024-08-01", "2024-08-03")), DAILY)
    assert (evidence.r_lo, evidence.r_hi, evidence.verdict) == (30, 1030, "consistent")


def test_period_without_span_or_outside() -> None:
    assert check(claim(50, scope="period"), DAILY).verdict == "unverifiable"
    assert check(claim(50, scope="period", period=("2024-08-07", "2024-08-09")), DAILY).verdict == "unverifiable"
    no_zero = reports(("2024-08-01", 1000), ("2024-08-02", 1010))
    assert check(claim(10, scope="period", period=("2024-08-01", "2024-08-02")), no_zero).verdict == "unverifiable"
    assert check(claim(10, scope="period", period=("2024-08-02", "2024-08-01")), DAILY).verdict == "unverifiable"


def test_period_as_a_month() -> None:
    series = reports(("2024-09-30", 100), ("2024-10-15", 150), ("2024-10-31", 400), ("2024-11-02", 500),
                     counted_from=date(2024, 1, 1))
    evidence = check(claim(300, scope="period", period=("2024-10", "2024-10")), series)
    assert (evidence.r_lo, evidence.r_hi, evidence.verdict) == (300, 300, "consistent")


# -- several series for one metric and place ---------------------------------------------------

def test_combine_prefers_consistent_then_the_first_decided() -> None:
    first = around(1000)
    second = reports(("2024-01-01", 1), (D.isoformat(), 1200), ("2024-12-31", 9e6), id="test/gaza/killed_b")
    both = verify_claim(claim(1200), Catalog((first, second)))
    assert both.verdict == "consistent"
    assert [e.series for e in both.evidence] == ["test/gaza/killed", "test/gaza/killed_b"]
    assert [e.verdict for e in both.evidence] == ["above_record", "consistent"]
    assert verify_claim(claim(2000), Catalog((first, second))).verdict == "above_record"
    # First decided wins when the two disagree in direction.
    assert verify_claim(claim(1100), Catalog((first, second))).verdict == "above_record"
    assert verify_claim(claim(1100), Catalog((second, first))).verdict == "below_record"


def test_combine_skips_series_that_cannot_check() -> None:
    short = reports(("2024-01-01", 5), ("2024-02-01", 10), id="test/gaza/killed_short")
    verdict = verify_claim(claim(1100), Catalog((short, around(1000))))
    assert verdict.verdict == "above_record"
    assert [e.verdict for e in verdict.evidence] == ["unverifiable", "above_record"]
    assert combine(()).verdict == "unverifiable"


# -- the evidence ------------------------------------------------------------------------------

def test_evidence_fields() -> None:
    evidence = check(claim(1000), around(1000))
    assert evidence.series == "test/gaza/killed"
    assert evidence.source == "Test Ministry (via Test)"
    assert evidence.snapshot == "test.json@sha256:0"
    assert evidence.caveats == "test caveats"
    assert evidence.tolerance == 0.05
    assert evidence.sentence == "Test Ministry reported 1,000 killed on 2024-03-15; the claim says 1,000 (exact): consistent"
    assert "window [2024-03-12, 2024-03-16]" in evidence.rule
