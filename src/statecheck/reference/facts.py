"""Series from ``facts.csv``: standing facts and sparse point reports, each with a validity interval.

Rows are grouped into one series per (metric, place, source). A fact counts as reported on
every day of [valid_from, valid_to] (spec §5). These are not running totals reported daily,
so a ``period`` claim is never checked against them (FACTS.md).
"""

from __future__ import annotations

import csv
import io
import re

from statecheck.errors import ReferenceDataError
from statecheck.reference.series import Entry, ReferenceSeries, parse_day
from statecheck.reference.tfp import sha256_hex

FACTS_FILE = "facts.csv"
COLUMNS = ("metric", "place", "value", "valid_from", "valid_to", "source", "note")

FACTS_CAVEATS = (
    "Sparse reports, not a daily series: a claim far from any report date is unverifiable and a "
    "period claim cannot be checked. See FACTS.md and docs/reference.md."
)

#: What each metric's caveat adds (FACTS.md, "Caveats a verdict must carry").
METRIC_CAVEATS = {
    "killed_soldiers": "The army publishes a soldier's death once the name is cleared, so early counts lag.",
    "injured_soldiers": "The Defence Ministry's count of wounded is several times the army's.",
    "hostages": (
        "Hostage counts alternate between those taken on 7 October and a government total that adds "
        "four people held since 2014-15, so neighbouring reports can differ by four."
    ),
}


def unit_for(metric: str) -> str:
    """The unit a count of ``metric`` is in: km² for areas, items for objects, else people."""
    if metric == "area":
        return "km2"
    if metric.startswith(("destroyed_", "damaged_")) or metric in {
        "hospitals_out_of_service", "attacks_on_health", "aid_trucks",
    }:
        return "items"
    return "people"


def slug(text: str) -> str:
    """A lower-case ``a-z0-9-`` form for series ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "series"


def parse_facts(data: bytes, name: str = FACTS_FILE) -> tuple[ReferenceSeries, ...]:
    """One series per (metric, place, source) of ``facts.csv``, in the file's order."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceDataError("not UTF-8 text", location=name) from None
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ReferenceDataError(f"expected the columns {','.join(COLUMNS)}", location=name)
    groups: dict[tuple[str, str | None, str], list[Entry]] = {}
    for row in reader:
        line = reader.line_num
        metric = (row["metric"] or "").strip()
        place = (row["place"] or "").strip() or None
        source = (row["source"] or "").strip()
        if not metric or not source:
            raise ReferenceDataError(f"line {line}: metric and source are required", location=name)
        try:
            value = float(row["value"])
            start = parse_day((row["valid_from"] or "").strip())
            end = parse_day((row["valid_to"] or "").strip())
        except ValueError as error:
            raise ReferenceDataError(f"line {line}: {error}", location=name) from None
        if end < start:
            raise ReferenceDataError(f"line {line}: valid_to {end} is before valid_from {start}", location=name)
        groups.setdefault((metric, place, source), []).append(Entry(start, end, value))
    snapshot = f"{name}@sha256:{sha256_hex(data)}"
    sources_per_key: dict[tuple[str, str | None], int] = {}
    for metric, place, _ in groups:
        sources_per_key[(metric, place)] = sources_per_key.get((metric, place), 0) + 1
    series = []
    for (metric, place, source), entries in groups.items():
        series_id = f"facts/{place or 'all'}/{metric}"
        if sources_per_key[(metric, place)] > 1:
            series_id += f"/{slug(source)}"  # keep ids unique when two sources give the same metric
        caveats = " ".join(filter(None, (METRIC_CAVEATS.get(metric), FACTS_CAVEATS)))
        series.append(
            ReferenceSeries(
                id=series_id, metric=metric, place=place, unit=unit_for(metric), source=source,
                entries=tuple(sorted(entries)), snapshot=snapshot, caveats=caveats,
                origin=f"{name}: {metric},{place or ''}", counted_from=None, increments=False,
            )
        )
    return tuple(series)

