"""The record beside the claims: one chart per reference series, with every claim about it.

The line is the whole series from the reference layer (:func:`statecheck.reference.load_catalog`)
when it has the series; otherwise, e.g. for a user's series that has since been removed, the
values stored in the claims' evidence (``Evidence.points``, the values the verdicts were
decided on), which show the record only around the dates the claims speak of.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from statecheck.errors import ReferenceDataError
from statecheck.model import Claim, Evidence
from statecheck.reference import Catalog, ReferenceSeries, load_catalog
from statecheck.report.charts import Chart, ClaimMark, SeriesPoint, format_number, parse_day

#: How far either side of a claim's date its own chart shows the record.
AROUND = timedelta(days=45)

#: Scopes whose value sits on a cumulative series (a "period" figure is an increase, not a level).
PLOTTED_SCOPES = frozenset({"total", "static"})


@dataclass(frozen=True)
class ClaimLink:
    """A claim and the page (or anchor) that shows it in its document."""

    claim: Claim
    href: str | None = None
    document: str = ""
    """A short name of the claim's document, for tooltips."""


@dataclass(frozen=True)
class SeriesView:
    series: str
    source: str
    chart: Chart
    claims: int
    """Claims whose evidence names this series."""
    not_plotted: int
    """Of those, claims with no date or a scope that is not a level (period, rate, incident)."""


def claim_label(claim: Claim, document: str = "") -> str:
    bound = "" if claim.bound == "exact" else claim.bound.replace("_", " ") + " "
    head = f"{bound}{format_number(claim.value)} {claim.metric}, as of {claim.as_of or '?'}: “{claim.quote}”"
    return f"{document}: {head}" if document else head


def reference_catalog(reference_dir: Path | None = None) -> Catalog | None:
    """The reference series, or None when they cannot be read (the charts then use the evidence)."""
    try:
        return load_catalog(reference_dir)
    except ReferenceDataError:
        return None


def _find(catalog: Catalog | None, series_id: str) -> ReferenceSeries | None:
    if catalog is None:
        return None
    try:
        return catalog.get(series_id)
    except ReferenceDataError:
        return None


def _series_points(series: ReferenceSeries) -> tuple[SeriesPoint, ...]:
    """Every value of a series; a fact valid over an interval is drawn at both its ends."""
    points = []
    for entry in series.entries:
        points.append(SeriesPoint(entry.start, entry.value))
        if entry.end != entry.start:
            points.append(SeriesPoint(entry.end, entry.value))
    return tuple(sorted(points, key=lambda p: p.day))


def _points(evidence: Iterable[Evidence]) -> tuple[SeriesPoint, ...]:
    by_day: dict[object, SeriesPoint] = {}
    for item in evidence:
        for point in item.points:
            day = parse_day(point.date)
            if day is not None:
                by_day[day] = SeriesPoint(day, point.value)
    return tuple(sorted(by_day.values(), key=lambda p: p.day))


def _mark(link: ClaimLink) -> ClaimMark | None:
    claim = link.claim
    day = parse_day(claim.as_of)
    if day is None or claim.scope not in PLOTTED_SCOPES:
        return None
    verdict = claim.verdict.verdict if claim.verdict else "unchecked"
    return ClaimMark(day, claim.value, verdict, claim_label(claim, link.document), link.href)


def series_views(links: Iterable[ClaimLink], catalog: Catalog | None = None) -> list[SeriesView]:
    """One view per series named in any claim's evidence, most claims first."""
    grouped: dict[str, list[tuple[ClaimLink, Evidence]]] = {}
    for link in links:
        if link.claim.verdict is None:
            continue
        for evidence in link.claim.verdict.evidence:
            grouped.setdefault(evidence.series, []).append((link, evidence))
    views = []
    for series, items in grouped.items():
        marks = [mark for mark in (_mark(link) for link, _ in items) if mark is not None]
        source = items[0][1].source
        unit = items[0][0].claim.unit
        reference = _find(catalog, series)
        chart = Chart(
            title=f"{series} — {source}",
            series=_series_points(reference) if reference else _points(evidence for _, evidence in items),
            claims=tuple(marks),
            unit=unit,
        )
        views.append(SeriesView(series, source, chart, len(items), len(items) - len(marks)))
    return sorted(views, key=lambda view: (-view.claims, view.series))


def claim_charts(claim: Claim, catalog: Catalog | None = None) -> list[Chart]:
    """The record around one claim's date: a small chart per evidence series that has values."""
    if claim.verdict is None:
        return []
    charts = []
    link = ClaimLink(claim)
    mark = _mark(link)
    day = parse_day(claim.as_of)
    for evidence in claim.verdict.evidence:
        reference = _find(catalog, evidence.series)
        points = _points([evidence])
        if reference is not None and day is not None:
            around = tuple(p for p in _series_points(reference) if abs(p.day - day) <= AROUND)
            points = around or points
        if points:
            charts.append(
                Chart(title=f"{evidence.series} — {evidence.source}", series=points,
                      claims=(mark,) if mark else (), unit=claim.unit)
            )
    return charts
