"""The bundled snapshot: unmodified files, and which values count as reports (spec §5)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest

from statecheck.reference import BUNDLED_DIR, Catalog, load_catalog
from statecheck.reference.series import ReferenceSeries

SHARED = Path(os.environ.get("STATECHECK_SHARED", "/work/shared"))


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(tmp_path_factory.mktemp("empty"))


def values(series: ReferenceSeries) -> dict[str, float]:
    return {e.label: e.value for e in series.entries}


def test_files_match_the_manifest() -> None:
    manifest = json.loads((BUNDLED_DIR / "manifest.json").read_text(encoding="utf-8"))
    for name, expected in manifest["files"].items():
        data = (BUNDLED_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == expected["sha256"], name
        assert len(data) == expected["bytes"], name
        # The data README lists the same hashes for people.
        assert expected["sha256"] in (BUNDLED_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not (SHARED / "reference").is_dir(), reason="shared reference not available")
def test_files_are_the_shared_copies() -> None:
    manifest = json.loads((BUNDLED_DIR / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest["files"]:
        assert (BUNDLED_DIR / name).read_bytes() == (SHARED / "reference" / name).read_bytes(), name


def test_every_required_series_is_there(catalog: Catalog) -> None:
    ids = {s.id for s in catalog.series}
    required = {f"tfp/gaza/{m}" for m in (
        "killed", "killed_children", "killed_women", "injured", "killed_medical", "killed_press",
        "killed_civil_defence", "killed_starvation", "killed_aid_seekers", "destroyed_housing",
        "destroyed_schools", "damaged_schools", "destroyed_mosques")}
    required |= {"tfp/west_bank/killed", "tfp/west_bank/killed_children", "tfp/west_bank/injured",
                 "tfp/lebanon/killed", "tfp/lebanon/injured", "facts/gaza/area", "facts/gaza/population",
                 "facts/israel/killed", "facts/israel/hostages", "facts/all/killed_soldiers",
                 "facts/gaza/killed_soldiers", "facts/gaza/hostages", "facts/all/injured_soldiers"}
    assert required <= ids
    for series in catalog.series:
        assert series.entries and series.snapshot and series.source and series.caveats
        assert series.unit in {"people", "items", "km2"}
    assert catalog.get("facts/gaza/area").unit == "km2"
    assert catalog.get("tfp/gaza/destroyed_housing").unit == "items"


def test_gaza_totals_use_the_gap_filled_daily_total(catalog: Catalog) -> None:
    killed = values(catalog.get("tfp/gaza/killed"))
    assert len(killed) == 1051  # one per day, no gaps
    assert killed["2023-10-28"] == 7703  # a `missing` day, gap-filled: counts (spec §5)
    assert killed["2023-12-20"] > 0  # killed_cum absent that day, ext_killed_cum present
    assert killed["2024-08-27"] == 40476  # ext_ corrects the repeated 40,435


def test_breakdowns_only_on_reported_days(catalog: Catalog) -> None:
    children = values(catalog.get("tfp/gaza/killed_children"))
    assert children["2023-10-29"] == 3324
    assert "2023-10-11" not in children  # only ext_killed_children_cum that day: carried forward
    assert "2023-11-29" not in children  # a `missing` day: filled in, not reported
    assert "2025-10-08" not in children  # the last breakdown was on 2025-10-07
    assert max(children) == "2025-10-07"


def test_west_bank_flash_skips_fill_rows(catalog: Catalog) -> None:
    flash = catalog.get("tfp/west_bank/killed")
    assert len(flash.entries) == 256
    assert "2024-08-02" not in values(flash)  # flash_source: fill
    verified = values(catalog.get("tfp/west_bank/killed_verified"))
    assert verified["2024-08-02"] == 582
    assert catalog.get("tfp/west_bank/killed_verified").last == date(2024, 11, 13)


def test_infrastructure_only_reported_values(catalog: Catalog) -> None:
    housing = catalog.get("tfp/gaza/destroyed_housing")
    assert "2024-01-15" not in values(housing)  # ext_ only
    assert values(housing)["2025-10-05"] == 416000
    assert len(housing.entries) == 111


def test_lebanon_both_counts(catalog: Catalog) -> None:
    assert values(catalog.get("tfp/lebanon/killed"))["2024-12-04"] == 4047
    phase2 = catalog.get("tfp/lebanon/killed_phase2")
    assert phase2.first == date(2026, 3, 5)
    assert values(phase2)["2026-08-16"] == 4346
    assert values(catalog.get("tfp/lebanon/killed"))["2026-08-16"] == 8393


def test_facts_are_intervals_without_increments(catalog: Catalog) -> None:
    area = catalog.get("facts/gaza/area")
    assert (area.first, area.last, area.entries[0].value) == (date(1967, 1, 1), date(2100, 12, 31), 365)
    assert not area.increments
    soldiers = catalog.get("facts/gaza/killed_soldiers")
    assert [e.value for e in soldiers.entries if e.start == date(2023, 12, 5)] == [82, 83]
    assert catalog.find("killed_soldiers", None) == (catalog.get("facts/all/killed_soldiers"),)


def test_loading_is_cached(catalog: Catalog, tmp_path: Path) -> None:
    again = load_catalog(tmp_path)
    assert again.get("tfp/gaza/killed") is catalog.get("tfp/gaza/killed")
