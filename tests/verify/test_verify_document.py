"""verify_document: options, the bundled example of the spec, notes on parts exceeding their whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from statecheck.model import Card, Claim, Document, Source, Text
from statecheck.options import Options
from statecheck.reference import add
from statecheck.verify import verify_document
from statecheck.verify.consistency import check_parts


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("STATECHECK_DATA_DIR", str(folder))
    return folder


def claim(value: float, metric: str = "killed", bound: str = "exact", as_of: str | None = "2023-10-30",
          place: str | None = "gaza", **kwargs: object) -> Claim:
    return Claim(doc="d", quote=f"{value:g} {metric}", value=value, metric=metric, bound=bound,  # type: ignore[arg-type]
                 place=place, as_of=as_of, **kwargs)  # type: ignore[arg-type]


def document(*claims: Claim) -> Document:
    return Document(source=Source("d.txt", "d", "text/plain", "0"), text=Text.plain(""), card=Card(doc="d"),
                    claims=claims)


def test_spec_example_against_the_bundled_snapshot() -> None:
    doc = verify_document(document(claim(8005)), Options())
    verdict = doc.claims[0].verdict
    assert verdict is not None and verdict.verdict == "consistent"
    (evidence,) = verdict.evidence
    assert evidence.series == "tfp/gaza/killed"
    assert evidence.source == "Gaza Ministry of Health (via Tech for Palestine)"
    assert evidence.sentence == (
        "Gaza Ministry of Health reported 8,005 killed on 2023-10-29; the claim says 8,005 (exact): consistent"
    )
    assert evidence.snapshot == (
        "techforpalestine/casualties_daily.json@sha256:"
        "d17cab2c0f0b7e08c7cd77c8035847050a52ed2442e80f311530281d988b3759"
    )
    assert [p.date for p in evidence.points] == ["2023-10-27", "2023-10-28", "2023-10-29", "2023-10-30", "2023-10-31"]
    assert (evidence.r_lo, evidence.r_hi, evidence.tolerance) == (7326, 8525, 0.01)
    assert evidence.caveats and "lower bound" in evidence.caveats
    assert doc.summary() == "1 claim: 1 consistent"
    record = doc.claims[0].to_record()
    assert record["verdict"] == "consistent" and record["evidence"][0]["series"] == "tfp/gaza/killed"


def test_no_verify_leaves_claims_unchanged() -> None:
    original = document(claim(8005), claim(9000, "killed_children"))
    assert verify_document(original, Options(verify=False)) is original


def test_west_bank_reports_flash_and_verified() -> None:
    doc = verify_document(document(claim(140, place="west_bank", as_of="2023-11-10")), Options())
    verdict = doc.claims[0].verdict
    assert verdict is not None
    assert [e.series for e in verdict.evidence] == ["tfp/west_bank/killed", "tfp/west_bank/killed_verified"]


def test_reference_dir_option_reads_user_series(tmp_path: Path) -> None:
    folder = tmp_path / "ref"
    folder.mkdir()
    csv = tmp_path / "mine.csv"
    csv.write_text("date,value\n2023-10-01,100\n2023-10-29,9000\n2023-11-30,20000\n", encoding="utf-8")
    add(csv, metric="killed", place="gaza", source="My count", reference_dir=folder)
    doc = verify_document(document(claim(9000)), Options(reference_dir=folder))
    verdict = doc.claims[0].verdict
    assert verdict is not None and verdict.verdict == "consistent"
    assert [e.series for e in verdict.evidence] == ["tfp/gaza/killed", "user/gaza/killed/mine"]
    # Without the folder the user series is not there, and the record disagrees.
    plain = verify_document(document(claim(9000)), Options())
    assert plain.claims[0].verdict is not None and plain.claims[0].verdict.verdict == "above_record"


# -- parts and wholes --------------------------------------------------------------------------

def notes(claims: tuple[Claim, ...]) -> list[tuple[str, ...]]:
    return [c.notes for c in claims]


def test_part_exceeding_whole_gets_a_note() -> None:
    result = check_parts((claim(3000), claim(3324, "killed_children")))
    assert all(n and "part exceeds the whole" in n[0] for n in notes(result))


def test_sum_of_children_and_women_exceeding_whole() -> None:
    result = check_parts((claim(5000), claim(3324, "killed_children"), claim(2062, "killed_women")))
    assert all(n and "parts exceed the whole" in n[0] for n in notes(result))


def test_parts_within_the_whole_and_open_bounds_get_no_note() -> None:
    ok = (claim(8005), claim(3324, "killed_children"), claim(2062, "killed_women"))
    assert notes(check_parts(ok)) == [(), (), ()]
    open_whole = (claim(3000, bound="over"), claim(3324, "killed_children"))
    assert notes(check_parts(open_whole)) == [(), ()]


def test_different_dates_places_or_units_are_not_compared() -> None:
    assert notes(check_parts((claim(3000), claim(3324, "killed_children", as_of="2023-11-30")))) == [(), ()]
    assert notes(check_parts((claim(3000), claim(3324, "killed_children", place="lebanon")))) == [(), ()]
    assert notes(check_parts((claim(30), claim(40, "killed_children", unit="percent")))) == [(), ()]


def test_notes_are_added_by_verify_document_once() -> None:
    doc = document(claim(3000), claim(3324, "killed_children"))
    once = verify_document(doc, Options())
    twice = verify_document(once, Options())
    assert [len(c.notes) for c in twice.claims] == [1, 1]
