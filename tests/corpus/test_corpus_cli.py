"""The commands over the corpus's views: network, duplicates, organisations, timeline,
export --what, and the lines `check` prints under each document's table."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from statecheck.cli import app
from statecheck.store import Store

runner = CliRunner()


def test_network_writes_graphml_or_json_by_suffix(corpus: Store, tmp_path: Path) -> None:
    db = corpus.location
    result = runner.invoke(app, ["network", "--db", db, "-o", str(tmp_path / "net.graphml")])
    assert result.exit_code == 0, result.output
    assert ET.parse(tmp_path / "net.graphml").getroot().tag.endswith("graphml")
    result = runner.invoke(app, ["network", "--db", db, "-o", str(tmp_path / "net.json")])
    assert result.exit_code == 0, result.output
    assert len(json.loads((tmp_path / "net.json").read_text(encoding="utf-8"))["edges"]) == 2


def test_duplicates_lists_links(corpus: Store) -> None:
    result = runner.invoke(app, ["duplicates", "--db", corpus.location, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["kind"], r["location_b"]) for r in records} >= {
        ("republication", "/statements/republished.txt"), ("translation", "/statements/traducida.txt")}
    table = runner.invoke(app, ["duplicates", "--db", corpus.location, "--kind", "translation"])
    assert table.exit_code == 0 and "translation" in table.stdout and "republication" not in table.stdout
    rebuilt = runner.invoke(app, ["duplicates", "--db", corpus.location, "--rebuild", "-f", "jsonl"])
    assert rebuilt.exit_code == 0
    assert "5 documents fingerprinted" in rebuilt.stderr
    assert sorted(rebuilt.stdout.splitlines()) == sorted(result.stdout.splitlines())
    assert runner.invoke(app, ["duplicates", "--db", corpus.location, "--kind", "cousin"]).exit_code == 2


def test_organisations_and_timeline(corpus: Store) -> None:
    result = runner.invoke(app, ["organisations", "--db", corpus.location, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert (first["entity"], first["documents"]) == ("red-sun-collective", 3)
    # By any spelling of the name
    result = runner.invoke(app, ["timeline", "Communist Party of Perú", "--db", corpus.location, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["date"] for e in entries] == ["2023-11-30", "2023-12-01"]
    table = runner.invoke(app, ["timeline", "communist-party-of-peru", "--db", corpus.location])
    assert "killed 15,000 (consistent)" in table.stdout
    missing = runner.invoke(app, ["timeline", "Nobody", "--db", corpus.location])
    assert missing.exit_code == 1 and "no stored document" in missing.stderr


def test_export_what(corpus: Store, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    result = runner.invoke(app, ["export", "--db", corpus.location, "--what", "matrix", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("entity,name,documents,ceasefire,")
    result = runner.invoke(app, ["export", "--db", corpus.location, "--what", "mentions", "-f", "jsonl",
                                 "-o", str(tmp_path / "m.jsonl")])
    assert result.exit_code == 0
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()
    assert any(json.loads(line)["stance"] == "condemns" for line in lines)
    claims = runner.invoke(app, ["export", "--db", corpus.location, "-o", str(tmp_path / "c.jsonl")])
    assert claims.exit_code == 0 and "1 records" in claims.stderr  # claims stay the default
    bad = runner.invoke(app, ["export", "--db", corpus.location, "--what", "network", "-f", "csv",
                              "-o", str(tmp_path / "x")])
    assert bad.exit_code == 1 and "graphml, json" in bad.stderr


def test_check_prints_issuers_demands_and_names_under_the_table(tmp_path: Path) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text(
        "Statement of the Red Sun Collective\n\n"
        "The Red Sun Collective condemns the complicity of the United States. "
        "We demand an immediate ceasefire in Gaza!\n\nRed Sun Collective\nLima, 3 November 2023\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(statement), "--format", "table", "--no-verify"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.stdout.split())
    assert "Issued by: Red Sun Collective" in output
    assert "1 demand: ceasefire ×1" in output
    assert "United States ×1 (condemns)" in output
