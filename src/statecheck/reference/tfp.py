"""Series from the Tech for Palestine "Palestine Datasets" JSON files.

Which field feeds which series, and which rows count as reports, is a table
(:data:`SERIES`), not code: spec §5 and ``data/techforpalestine/README.md`` decide it.

- Gaza ``killed`` and ``injured`` use ``ext_killed_cum`` / ``ext_injured_cum``: the gap-filled
  daily totals that the dataset documents as such, which spec §5 counts as reports.
- Every other Gaza field uses the field as published, only on rows whose ``report_source``
  is not ``missing`` (a day without an official report: its values are filled in, not
  reported). The ``ext_`` breakdowns carry an older breakdown forward and are never used.
- West Bank: OCHA flash figures only on rows with ``flash_source == "un"`` (``fill`` rows are
  carried forward); OCHA's verified figures are a second series wherever present.
- Infrastructure: only the non-``ext_`` fields (reported days).
- Lebanon: ``killed_cum``/``injured_cum`` (one count since 8 October 2023, across both
  phases), plus the second count as published since 2 March 2026 as its own series.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from statecheck.errors import ReferenceDataError
from statecheck.reference.series import Entry, ReferenceSeries, parse_day

Row = Mapping[str, Any]

GAZA_CASUALTIES = "casualties_daily.json"
WEST_BANK = "west_bank_daily.json"
INFRASTRUCTURE = "infrastructure-damaged.json"
LEBANON = "lebanon_casualties_daily.json"

#: The files of the snapshot, in the order series are listed.
FILES: tuple[str, ...] = (GAZA_CASUALTIES, WEST_BANK, INFRASTRUCTURE, LEBANON)

CONTEXT_URL = "https://data.techforpalestine.org/updates/gaza-ministry-casualty-context/"

GAZA_MOH = "Gaza Ministry of Health (via Tech for Palestine)"
GAZA_MOH_GMO = "Gaza Ministry of Health and Government Media Office (via Tech for Palestine)"
GAZA_GMO = "Gaza Government Media Office (via Tech for Palestine)"
OCHA_FLASH = "UN OCHA flash updates (via Tech for Palestine)"
OCHA_VERIFIED = "UN OCHA verified casualty data (via Tech for Palestine)"
LEBANON_MOPH = "Lebanon Ministry of Public Health (via Tech for Palestine)"

GAZA_CAVEATS = (
    "Official count of identified deaths tied directly to the war: a lower bound (indirect deaths "
    "and the missing under the rubble are left out); reports lag by a day or more and later "
    "reports add deaths retroactively (e.g. +499 on 2025-01-11 after a judicial committee); "
    "days without a report are gap-filled by Tech for Palestine. See "
    f"{CONTEXT_URL} and docs/reference.md."
)
BREAKDOWN_CAVEATS = (
    "Breakdowns are published weekly to monthly, not daily: only the days they were published "
    "count, so a recent figure may have no report in its window; an undercount like the total "
    f"(only identified deaths). See {CONTEXT_URL} and docs/reference.md."
)
WEST_BANK_FLASH_CAVEATS = (
    "OCHA flash-update figures (reported to the UN, not yet verified); weekly since 2024-03-25, "
    "so a claim may fall between two updates. See docs/reference.md."
)
WEST_BANK_VERIFIED_CAVEATS = (
    "OCHA's verified casualty database: revised after the fact, lags behind the flash figures, "
    "and ends on 2024-11-13 in this snapshot. See docs/reference.md."
)
INFRASTRUCTURE_CAVEATS = (
    "Government Media Office running counts, published irregularly (114 days with a report); "
    "the split between destroyed and damaged mosques was reclassified in May 2024. See "
    "docs/reference.md."
)
LEBANON_CAVEATS = (
    "Lebanon's Ministry of Public Health, only on days with a report; the first count ended on "
    "2024-12-04 (4,047 killed, 16,638 injured) and a new count began on 2026-03-02, which "
    "Tech for Palestine adds to the first. See docs/reference.md."
)
LEBANON_PHASE2_CAVEATS = (
    "The Ministry's second count, as published: only deaths and injuries since 2026-03-02. "
    "See docs/reference.md."
)

WAR_START = date(2023, 10, 7)


def _not_missing(row: Row) -> bool:
    """A Gaza row whose day had an official report (``missing`` rows are filled in)."""
    return row.get("report_source") != "missing"


def _flash_reported(row: Row) -> bool:
    """A West Bank row whose values come from an OCHA flash update of that day."""
    return row.get("flash_source") == "un"


def _any_row(row: Row) -> bool:
    return True


def _phase2(row: Row) -> bool:
    return row.get("phase") == 2


@dataclass(frozen=True)
class SeriesSpec:
    """How one series is read from one file."""

    id: str
    file: str
    path: tuple[str, ...]
    """The keys leading to the value in a row, e.g. ``("verified", "killed_cum")``."""
    metric: str
    place: str
    unit: str
    source: str
    caveats: str
    reported: Callable[[Row], bool] = _any_row
    """Whether a row counts as a report (the value must also be present)."""
    counted_from: date | None = WAR_START
    increments: bool = True


def _gaza(metric: str, key: str, *, source: str = GAZA_MOH_GMO, caveats: str = BREAKDOWN_CAVEATS) -> SeriesSpec:
    return SeriesSpec(
        id=f"tfp/gaza/{metric}", file=GAZA_CASUALTIES, path=(key,), metric=metric, place="gaza",
        unit="people", source=source, caveats=caveats, reported=_not_missing,
    )


def _west_bank(metric: str, key: str, *, verified: bool) -> SeriesSpec:
    if verified:
        return SeriesSpec(
            id=f"tfp/west_bank/{metric}_verified", file=WEST_BANK, path=("verified", key), metric=metric,
            place="west_bank", unit="people", source=OCHA_VERIFIED, caveats=WEST_BANK_VERIFIED_CAVEATS,
        )
    return SeriesSpec(
        id=f"tfp/west_bank/{metric}", file=WEST_BANK, path=(key,), metric=metric, place="west_bank",
        unit="people", source=OCHA_FLASH, caveats=WEST_BANK_FLASH_CAVEATS, reported=_flash_reported,
    )


def _infrastructure(metric: str, group: str, key: str) -> SeriesSpec:
    return SeriesSpec(
        id=f"tfp/gaza/{metric}", file=INFRASTRUCTURE, path=(group, key), metric=metric, place="gaza",
        unit="items", source=GAZA_GMO, caveats=INFRASTRUCTURE_CAVEATS,
    )


SERIES: tuple[SeriesSpec, ...] = (
    # The documented gap-filled daily totals count as reports (spec §5).
    SeriesSpec(
        id="tfp/gaza/killed", file=GAZA_CASUALTIES, path=("ext_killed_cum",), metric="killed", place="gaza",
        unit="people", source=GAZA_MOH, caveats=GAZA_CAVEATS,
    ),
    SeriesSpec(
        id="tfp/gaza/injured", file=GAZA_CASUALTIES, path=("ext_injured_cum",), metric="injured", place="gaza",
        unit="people", source=GAZA_MOH, caveats=GAZA_CAVEATS,
    ),
    _gaza("killed_children", "killed_children_cum"),
    _gaza("killed_women", "killed_women_cum"),
    _gaza("killed_medical", "med_killed_cum"),
    _gaza("killed_press", "press_killed_cum"),
    _gaza("killed_civil_defence", "civdef_killed_cum"),
    _gaza("killed_starvation", "famine_cum", source=GAZA_MOH),
    _gaza("killed_aid_seekers", "aid_seeker_killed_cum", source=GAZA_MOH),
    _west_bank("killed", "killed_cum", verified=False),
    _west_bank("killed_children", "killed_children_cum", verified=False),
    _west_bank("injured", "injured_cum", verified=False),
    _west_bank("injured_children", "injured_children_cum", verified=False),
    _west_bank("killed", "killed_cum", verified=True),
    _west_bank("killed_children", "killed_children_cum", verified=True),
    _west_bank("injured", "injured_cum", verified=True),
    _west_bank("injured_children", "injured_children_cum", verified=True),
    _infrastructure("destroyed_housing", "residential", "destroyed"),
    _infrastructure("destroyed_schools", "educational_buildings", "destroyed"),
    _infrastructure("damaged_schools", "educational_buildings", "damaged"),
    _infrastructure("destroyed_mosques", "places_of_worship", "mosques_destroyed"),
    SeriesSpec(
        id="tfp/lebanon/killed", file=LEBANON, path=("killed_cum",), metric="killed", place="lebanon",
        unit="people", source=LEBANON_MOPH, caveats=LEBANON_CAVEATS, counted_from=date(2023, 10, 8),
    ),
    SeriesSpec(
        id="tfp/lebanon/injured", file=LEBANON, path=("injured_cum",), metric="injured", place="lebanon",
        unit="people", source=LEBANON_MOPH, caveats=LEBANON_CAVEATS, counted_from=date(2023, 10, 8),
    ),
    SeriesSpec(
        id="tfp/lebanon/killed_phase2", file=LEBANON, path=("killed_cum_reported",), metric="killed",
        place="lebanon", unit="people", source=LEBANON_MOPH, caveats=LEBANON_PHASE2_CAVEATS,
        reported=_phase2, counted_from=date(2026, 3, 2),
    ),
    SeriesSpec(
        id="tfp/lebanon/injured_phase2", file=LEBANON, path=("injured_cum_reported",), metric="injured",
        place="lebanon", unit="people", source=LEBANON_MOPH, caveats=LEBANON_PHASE2_CAVEATS,
        reported=_phase2, counted_from=date(2026, 3, 2),
    ),
)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def snapshot_id(name: str, data: bytes) -> str:
    """``techforpalestine/casualties_daily.json@sha256:d17c...``: enough to find the exact copy again."""
    return f"techforpalestine/{name}@sha256:{sha256_hex(data)}"


def load_rows(name: str, data: bytes) -> list[Row]:
    """The rows of one file, checked: a JSON array of objects with increasing ``report_date``."""
    try:
        rows = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReferenceDataError(f"not valid JSON ({error})", location=name) from None
    if not isinstance(rows, list) or not rows:
        raise ReferenceDataError("expected a non-empty JSON array of daily rows", location=name)
    previous: date | None = None
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ReferenceDataError(f"row {index + 1} is not an object", location=name)
        day = _parse_day(row.get("report_date"), name, index)
        if previous is not None and day <= previous:
            raise ReferenceDataError(
                f"row {index + 1}: report_date {day} is not after {previous}", location=name
            )
        previous = day
    return rows


def last_report_date(name: str, data: bytes) -> date:
    """The last ``report_date`` of a file (after checking it)."""
    rows = load_rows(name, data)
    return _parse_day(rows[-1]["report_date"], name, len(rows) - 1)


def parse_file(name: str, data: bytes) -> tuple[ReferenceSeries, ...]:
    """Every series :data:`SERIES` reads from the file ``name`` (its bytes given).

    Raises :class:`ReferenceDataError` when the file is not what the snapshot's README
    describes: not an array of rows, a bad date, a value that is not a non-negative number,
    or a series with no report at all.
    """
    if name not in FILES:
        raise ReferenceDataError("not a Tech for Palestine file statecheck reads", location=name)
    return series_from_rows(name, load_rows(name, data), snapshot_id(name, data))


def series_from_rows(name: str, rows: list[Row], snapshot: str) -> tuple[ReferenceSeries, ...]:
    """The series of :func:`parse_file`, from rows already checked by :func:`load_rows`."""
    series = []
    for spec in SERIES:
        if spec.file != name:
            continue
        entries = []
        for index, row in enumerate(rows):
            value = _lookup(row, spec.path)
            if value is None or not spec.reported(row):
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ReferenceDataError(
                    f"row {index + 1} ({row['report_date']}): {'.'.join(spec.path)} is not a "
                    f"non-negative number: {value!r}",
                    location=name,
                )
            day = parse_day(row["report_date"])
            entries.append(Entry(day, day, float(value)))
        if not entries:
            raise ReferenceDataError(f"no reported value of {'.'.join(spec.path)} at all", location=name)
        series.append(
            ReferenceSeries(
                id=spec.id, metric=spec.metric, place=spec.place, unit=spec.unit, source=spec.source,
                entries=tuple(entries), snapshot=snapshot, caveats=spec.caveats,
                origin=f"{name}: {'.'.join(spec.path)}", counted_from=spec.counted_from,
                increments=spec.increments,
            )
        )
    return tuple(series)


def _lookup(row: Row, path: tuple[str, ...]) -> Any:
    value: Any = row
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _parse_day(value: Any, name: str, index: int) -> date:
    if not isinstance(value, str):
        raise ReferenceDataError(f"row {index + 1} has no report_date", location=name)
    try:
        return parse_day(value)
    except ValueError as error:
        raise ReferenceDataError(f"row {index + 1}: bad report_date: {error}", location=name) from None
