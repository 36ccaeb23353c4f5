"""``statecheck ingest``, ``reverify`` and ``export`` as a user runs them (CLI runner and real processes)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_samples import sample_documents
from typer.testing import CliRunner

from ctrl_c import like_a_terminal
from statecheck.cli import app
from statecheck.store import load_document, open_store, save_document, table_counts

runner = CliRunner()

STATEMENT = "Gaza, {day} November 2023. The ministry said {n:,} Palestinians have been killed and {m:,} injured."


def statements(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, name in enumerate(names):
        path = folder / name
        path.write_text(STATEMENT.format(day=1 + number % 28, n=10_000 + number, m=25_000 + number), encoding="utf-8")
        paths.append(path)
    return paths


def test_ingest_prints_one_line_per_failure_and_exits_1(db_url: str, tmp_path: Path) -> None:
    statements(tmp_path / "in", ["a.txt", "b.txt"])
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), str(tmp_path / "gone.txt"), "--db", db_url])
    assert result.exit_code == 1
    failure_lines = [line for line in result.stderr.splitlines() if line.startswith("statecheck: ")]
    assert len(failure_lines) == 2
    assert any("gone.txt" in line for line in failure_lines) and any("broken.pdf" in line for line in failure_lines)
    with open_store(db_url) as store:
        assert table_counts(store)["documents"] == 2
        assert table_counts(store)["failures"] == 2
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url])
    assert "0 stored" in again.stderr and "2 unchanged" in again.stderr


def test_ingest_of_a_changed_file_stores_a_new_version(db_url: str, tmp_path: Path) -> None:
    (path,) = statements(tmp_path, ["a.txt"])
    assert runner.invoke(app, ["ingest", str(path), "--db", db_url]).exit_code == 0
    path.write_text(path.read_text() + " Updated: 12,000 killed.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 0 and "1 new versions" in result.stderr
    with open_store(db_url) as store:
        assert table_counts(store)["documents"] == 2
        latest = load_document(store, 2)
        assert latest is not None and latest.version == 2 and "Updated" in latest.document.text.original


def test_sigint_mid_batch_then_rerun_stores_every_document_exactly_once(db_url: str, tmp_path: Path) -> None:
    """Ctrl-C while ingest waits on an input; the rerun stores the rest, nothing twice, nothing half."""
    first = statements(tmp_path / "first", [f"a{n:03}.txt" for n in range(12)])
    second = statements(tmp_path / "second", [f"b{n:03}.txt" for n in range(12)])
    # A named pipe blocks the reader until someone writes to it: the batch is stopped there,
    # deterministically mid-batch, after the first folder is stored.
    gate = tmp_path / "gate.txt"
    os.mkfifo(gate)
    command = [sys.executable, "-m", "statecheck.cli", "ingest", str(tmp_path / "first"), str(gate),
               str(tmp_path / "second"), "--db", db_url, "--no-verify"]
    process = subprocess.Popen(like_a_terminal(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            with open_store(db_url) as store:
                stored = table_counts(store)["documents"]
            if stored == len(first):
                break
            time.sleep(0.1)
        assert stored == len(first), f"ingest did not reach the gate: {process.poll()}"
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr
    gate.unlink()
    rerun = subprocess.run(command[:5] + command[6:], check=False, capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr.decode()
    with open_store(db_url) as store:
        counts = table_counts(store)
        assert counts["documents"] == len(first) + len(second)
        from sqlalchemy import func, select

        from statecheck.store.schema import documents

        with store.engine.connect() as connection:
            locations = connection.execute(
                select(documents.c.location, func.count()).group_by(documents.c.location)
            ).all()
    assert sorted(location for location, _ in locations) == sorted(str(p) for p in first + second)
    assert {count for _, count in locations} == {1}


def test_export_formats(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        for doc in sample_documents():
            save_document(store, doc)
    claims = [claim for doc in sample_documents() for claim in doc.claims]

    out = tmp_path / "claims.jsonl"
    cards = tmp_path / "docs.jsonl"
    result = runner.invoke(app, ["export", "--db", db_url, "--format", "jsonl", "-o", str(out), "--docs-out", str(cards)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [json.loads(json.dumps(c.to_record())) for c in claims]
    assert sorted(lines, key=json.dumps) == sorted(expected, key=json.dumps)
    assert {json.loads(line)["doc"] for line in cards.read_text().splitlines()} == {"gaza-moh", "wb-ngo", "es-comunicado"}

    out = tmp_path / "claims.csv"
    assert runner.invoke(app, ["export", "--db", db_url, "-f", "csv", "-o", str(out)]).exit_code == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(claims)
    gaza = next(row for row in rows if row["quote"] == "8,005 Palestinians were killed")
    assert gaza["verdict"] == "consistent" and gaza["issuers"] == "Palestinian Ministry of Health"
    assert json.loads(gaza["evidence"])[0]["series"] == "tfp/gaza/killed"

    out = tmp_path / "claims.parquet"
    assert runner.invoke(app, ["export", "--db", db_url, "-f", "parquet", "-o", str(out)]).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == len(claims)
    assert sorted(table.column("value").to_pylist()) == sorted(c.value for c in claims)

    out = tmp_path / "reviews.json"
    assert runner.invoke(app, ["export", "--db", db_url, "-f", "claimreview", "-o", str(out)]).exit_code == 1
    result = runner.invoke(app, ["export", "--db", db_url, "-f", "claimreview", "-o", str(out), "--org", "Newsroom"])
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text())
    checked = [c for c in claims if c.verdict and c.verdict.verdict != "unverifiable"]
    assert len(reviews) == len(checked)
    assert all(r["@type"] == "ClaimReview" and r["author"]["name"] == "Newsroom" for r in reviews)

    assert runner.invoke(app, ["export", "--db", db_url, "-f", "xml", "-o", str(out)]).exit_code == 1


def test_reverify_from_the_command_line(db_url: str, tmp_path: Path) -> None:
    statements(tmp_path / "in", ["a.txt"])
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url, "--no-verify"]).exit_code == 0
    result = runner.invoke(app, ["reverify", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "documents checked" in result.stdout


@pytest.mark.parametrize("target", ["folder", "not-a-db", "missing-parent", "mysql://x/y"])
def test_a_corpus_that_cannot_be_opened_is_one_line_on_stderr(tmp_path: Path, target: str) -> None:
    db = {
        "folder": str(tmp_path),
        "not-a-db": str(tmp_path / "junk.db"),
        "missing-parent": str(tmp_path / "nope" / "c.db"),
        "mysql://x/y": "mysql://x/y",
    }[target]
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite" * 100)
    result = runner.invoke(app, ["export", "--db", db, "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith("statecheck: ") and len(result.stderr.strip().splitlines()) == 1


def test_commit_every_defaults_to_the_stores_batch_size() -> None:
    import inspect

    from statecheck import cli
    from statecheck.store.batch import BATCH_DOCUMENTS

    assert inspect.signature(cli.ingest).parameters["commit_every"].default == BATCH_DOCUMENTS
