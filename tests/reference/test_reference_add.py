"""``reference.add``: a user's own series from CSV; malformed files name the line and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from statecheck.errors import ReferenceDataError, UsageError
from statecheck.reference import add, list_series, load_catalog


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``$STATECHECK_DATA_DIR`` in a temporary folder; returns the reference folder under it."""
    monkeypatch.setenv("STATECHECK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "reference"


def write(tmp_path: Path, text: str | bytes, name: str = "series.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def user_files(home: Path) -> list[str]:
    folder = home / "user"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_add_reports(home: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "date,value\n2023-10-07,10\n\n# a comment\n2023-10-09,25.5\n")
    series = add(path, metric="killed", place="gaza", source="My NGO")
    assert series.id == "user/gaza/killed/series"
    assert [(e.label, e.value) for e in series.entries] == [("2023-10-07", 10), ("2023-10-09", 25.5)]
    assert series.increments and series.unit == "people"
    listed = {s.id: s for s in list_series()}
    assert listed["user/gaza/killed/series"].source == "My NGO"
    assert listed["user/gaza/killed/series"].snapshot.startswith("user/gaza.killed.series.csv@sha256:")
    # The file is kept as it was given.
    assert (home / "user" / "gaza.killed.series.csv").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_add_facts_without_header_and_whole_war(home: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "2023-01-01,2023-12-31,365\n2024-01-01,2024-12-31,360\n", name="area.csv")
    series = add(path, metric="area", place="all", source="Survey", name="Survey 2024")
    assert series.id == "user/all/area/survey-2024"
    assert series.place is None and series.unit == "km2" and not series.increments
    assert [e.label for e in series.entries] == ["2023-01-01/2023-12-31", "2024-01-01/2024-12-31"]


def test_add_again_replaces(home: Path, tmp_path: Path) -> None:
    add(write(tmp_path, "date,value\n2023-10-07,10\n"), metric="killed", place="gaza", source="A")
    add(write(tmp_path, "date,value\n2023-10-07,20\n"), metric="killed", place="gaza", source="B")
    (series,) = [s for s in list_series() if s.id.startswith("user/")]
    assert (series.source, series.entries[0].value) == ("B", 20)


MALFORMED = [
    ("date,value\n2023-10-07,10\n2023/10/08,12\n", "line 3", "bad date"),
    ("date,value\n2023-10-07,10\n2023-02-30,12\n", "line 3", "not a calendar date"),
    ("date,value\n2023-10-07,ten\n", "line 2", "not a number"),
    ("date,value\n2023-10-07,10\n2023-10-07,11\n", "line 3", "duplicate date 2023-10-07 (already on line 2)"),
    ("date,value\n2023-10-07,10,3\n", "line 2", "expected 2 columns"),
    ("date,value\n2023-10-07,-5\n", "line 2", "non-negative"),
    ("date,value\n2023-10-07,nan\n", "line 2", "non-negative"),
    ("valid_from,valid_to,value\n2023-10-07,2023-10-01,5\n", "line 2", "before valid_from"),
    ("valid_from,valid_to,value\n2023-01-01,2023-06-30,5\n2023-06-01,2023-12-31,6\n", "line 3", "overlaps"),
    ("killed,gaza,10,extra\n", "line 1", "expected date,value"),
    ("date,value\n", "", "no rows"),
    ("", "", "no rows"),
    (b"date,value\n2023-10-07,\xff\n", "", "not UTF-8"),
]


@pytest.mark.parametrize(("text", "line", "problem"), MALFORMED)
def test_malformed_csv_names_the_line_and_changes_nothing(
    home: Path, tmp_path: Path, text: str | bytes, line: str, problem: str
) -> None:
    good = add(write(tmp_path, "date,value\n2023-10-07,10\n", name="kept.csv"), metric="killed", place="gaza",
               source="A")
    before = {p.name: p.read_bytes() for p in (home / "user").iterdir()}
    with pytest.raises(ReferenceDataError) as caught:
        add(write(tmp_path, text), metric="killed", place="gaza", source="B")
    message = str(caught.value)
    assert problem in message
    assert line in message and "series.csv" in message
    assert {p.name: p.read_bytes() for p in (home / "user").iterdir()} == before
    assert [s.id for s in list_series() if s.id.startswith("user/")] == [good.id]


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"metric": "deaths", "place": "gaza", "source": "A"}, "unknown metric"),
        ({"metric": "killed", "place": "Gaza City", "source": "A"}, "place"),
        ({"metric": "killed", "place": "gaza", "source": " "}, "source"),
        ({"metric": "killed", "place": "gaza", "source": "A", "unit": "percent"}, "unit"),
    ],
)
def test_bad_options(home: Path, tmp_path: Path, kwargs: dict[str, str], problem: str) -> None:
    with pytest.raises(UsageError, match=problem):
        add(write(tmp_path, "date,value\n2023-10-07,10\n"), **kwargs)  # type: ignore[arg-type]
    assert user_files(home) == []


def test_missing_file(home: Path, tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="cannot read"):
        add(tmp_path / "nope.csv", metric="killed", place="gaza", source="A")


def test_reference_dir_overrides_the_data_dir(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    add(write(tmp_path, "date,value\n2023-10-07,10\n"), metric="killed", place="gaza", source="A",
        reference_dir=other)
    assert user_files(home) == []
    assert "user/gaza/killed/series" in {s.id for s in load_catalog(other).series}
    assert "user/gaza/killed/series" not in {s.id for s in load_catalog().series}


def test_missing_reference_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="does not exist"):
        load_catalog(tmp_path / "absent")
