"""``statecheck check`` with verification: --format claimreview, --no-verify, --reference-dir, summaries.

The extraction stages are replaced by a fixed document so that these tests see only the
verifier and the output (the extractor has its own tests).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statecheck import pipeline
from statecheck.model import Card, Claim, Document, Source, Text
from statecheck.options import Options
from statecheck.verify import verify_document
from statecheck.verify.claimreview import claim_reviews

runner = CliRunner()


def fixed_document(location: str) -> Document:
    claims = (
        Claim(doc="d", quote="8,005 Palestinians were dead", value=8005, metric="killed", place="gaza",
              as_of="2023-10-30"),
        Claim(doc="d", quote="more than 100,000 injured", value=100000, bound="over", metric="injured",
              place="gaza", as_of="2024-09"),
        Claim(doc="d", quote="1,870 under the rubble", value=1870, metric="missing", place="gaza",
              as_of="2023-10-30"),
    )
    return Document(
        source=Source(location, "d", "text/plain", "0"), text=Text.plain(""),
        card=Card(doc="d", title="A statement", date="2023-10-30", issuers=("Some Organisation",)),
        claims=claims,
    )


@pytest.fixture(autouse=True)
def stub_pipeline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STATECHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STATECHECK_ORG", raising=False)

    def check_path(location: str | Path, options: Options | None = None) -> Document:
        return verify_document(fixed_document(str(location)), options or Options())

    monkeypatch.setattr(pipeline, "check_path", check_path)


@pytest.fixture()
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "d.txt"
    path.write_text("placeholder", encoding="utf-8")
    return path


def test_claimreview(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "--format", "claimreview", "--org", "Fact Desk"])
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert len(reviews) == 2  # the unverifiable claim has no rating
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == "8,005 Palestinians were dead"
    assert first["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert first["itemReviewed"]["@type"] == "Claim"
    assert first["itemReviewed"]["author"]["name"] == "Some Organisation"
    assert first["itemReviewed"]["appearance"]["headline"] == "A statement"
    assert first["reviewRating"]["alternateName"] == "Consistent with the record"
    assert "8,005 killed on 2023-10-29" in first["reviewRating"]["ratingExplanation"]
    assert reviews[1]["reviewRating"]["alternateName"] == "Above the record"
    assert first["datePublished"] == date.today().isoformat()
    assert "d: 3 claims: 1 consistent, 1 above the record, 1 unverifiable" in result.stderr


def test_claimreview_org_from_the_environment(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "-f", "claimreview"], env={"STATECHECK_ORG": "Env Org"})
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["author"]["name"] == "Env Org"


def test_claimreview_needs_an_org(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "--format", "claimreview"])
    assert result.exit_code == 2
    assert "--org" in result.stderr


def test_no_verify(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "--format", "jsonl", "--no-verify"])
    assert result.exit_code == 0
    assert all("verdict" not in json.loads(line) for line in result.stdout.splitlines())
    assert "3 claims: 3 not checked" in result.stderr


def test_jsonl_carries_evidence(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in records] == ["consistent", "above_record", "unverifiable"]
    assert records[0]["evidence"][0]["snapshot"].startswith("techforpalestine/casualties_daily.json@sha256:")


def test_reference_dir(statement: Path, tmp_path: Path) -> None:
    from statecheck.cli import app
    from statecheck.reference import add

    folder = tmp_path / "ref"
    csv = tmp_path / "mine.csv"
    csv.write_text("date,value\n2024-09-01,100000\n2024-09-30,101000\n", encoding="utf-8")
    add(csv, metric="injured", place="gaza", source="Mine", reference_dir=folder)
    result = runner.invoke(app, ["check", str(statement), "-f", "jsonl", "--reference-dir", str(folder)])
    assert result.exit_code == 0, result.output
    injured = json.loads(result.stdout.splitlines()[1])
    assert injured["verdict"] == "consistent"
    assert [e["series"] for e in injured["evidence"]] == ["tfp/gaza/injured", "user/gaza/injured/mine"]
    missing = runner.invoke(app, ["check", str(statement), "-f", "jsonl", "--reference-dir", str(tmp_path / "no")])
    assert missing.exit_code == 1
    assert "reference folder does not exist" in missing.stderr


def test_table_colours_and_summary(statement: Path) -> None:
    from statecheck.cli import app

    result = runner.invoke(app, ["check", str(statement), "--format", "table"])
    assert result.exit_code == 0
    assert "consistent" in result.stdout
    assert "3 claims: 1 consistent, 1 above the record, 1 unverifiable" in result.stdout


def test_claim_reviews_skip_unchecked() -> None:
    document = fixed_document("https://example.org/statement")
    assert claim_reviews(document, org="X") == []
    checked = verify_document(document, Options())
    reviews = claim_reviews(checked, org="X", date_published=date(2024, 1, 2))
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == "https://example.org/statement"
    assert reviews[0]["datePublished"] == "2024-01-02"
