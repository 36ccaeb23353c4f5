"""``statecheck check``, invoked as a user would: the real command in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC_FIELDS = {"doc", "quote", "value", "value_max", "bound", "unit", "metric", "place", "as_of", "source", "scope", "period"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "statecheck.cli", *args],
        check=False, capture_output=True, text=True, cwd=cwd or ROOT, timeout=120,
    )


@pytest.fixture
def statements(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(
        "Statement of the Central Committee\n\nMarch 2024\n\n"
        "More than 31,000 Palestinians have been killed in Gaza, including 13,000 children, "
        "according to the Ministry of Health.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("In the West Bank, **420** Palestinians have been killed.\n", encoding="utf-8")
    return tmp_path


def test_jsonl_has_the_spec_fields_and_one_claim_per_line(statements: Path) -> None:
    result = run("check", "--format", "jsonl", str(statements))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["value"], r["metric"]) for r in rows] == [
        ("a", 31000, "killed"), ("a", 13000, "killed_children"), ("b", 420, "killed"),
    ]
    assert all(SPEC_FIELDS <= set(r) for r in rows)
    assert rows[0]["bound"] == "over" and rows[0]["as_of"] == "2024-03"
    assert rows[0]["verdict"] in {"consistent", "above_record", "below_record", "unverifiable"}
    assert rows[0]["evidence"], "a checked claim carries its evidence"


def test_offsets_point_into_the_original_file(statements: Path) -> None:
    result = run("check", "--format", "jsonl", str(statements / "b.md"))
    row = json.loads(result.stdout.splitlines()[0])
    original = (statements / "b.md").read_text(encoding="utf-8")
    assert original[row["start"] : row["end"]].startswith("420")


def test_csv_and_json_formats(statements: Path) -> None:
    csv_out = run("check", "--format", "csv", str(statements))
    assert csv_out.returncode == 0
    header = csv_out.stdout.splitlines()[0].split(",")
    assert {"quote", "value", "metric", "verdict"} <= set(header)
    assert len(csv_out.stdout.splitlines()) == 4
    json_out = run("check", "--format", "json", str(statements))
    documents = json.loads(json_out.stdout)
    assert [d["card"]["doc"] for d in documents] == ["a", "b"]


def test_docs_out_writes_cards(statements: Path, tmp_path: Path) -> None:
    cards = tmp_path / "cards.jsonl"
    result = run("check", "--format", "jsonl", "--docs-out", str(cards), str(statements / "a.txt"))
    assert result.returncode == 0
    card = json.loads(cards.read_text(encoding="utf-8").splitlines()[0])
    assert set(card) >= {"doc", "title", "date", "issuers", "place", "language"}
    assert card["date"] == "2024-03"


def test_no_verify_leaves_claims_unchecked(statements: Path) -> None:
    result = run("check", "--format", "jsonl", "--no-verify", str(statements / "a.txt"))
    assert all("verdict" not in json.loads(line) for line in result.stdout.splitlines())


def test_a_bad_input_is_named_and_the_rest_still_runs(statements: Path) -> None:
    (statements / "empty.txt").write_text("", encoding="utf-8")
    (statements / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = run("check", "--format", "jsonl", str(statements), str(statements / "missing.pdf"))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("statecheck:")]
    assert any("empty.txt" in line and "empty" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert any("missing.pdf" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"a", "b"}


def test_bad_usage_exits_2(statements: Path) -> None:
    assert run("check", "--format", "yaml", str(statements)).returncode == 2
    assert run("check").returncode == 2


def test_bad_usage_is_one_line_naming_the_problem(statements: Path) -> None:
    result = run("check", "--format", "yaml", str(statements))
    assert result.stderr.splitlines() == ["statecheck: unknown format 'yaml' (use table, jsonl, json, csv or claimreview)"]
    assert result.stdout == ""


def test_an_error_outside_the_batch_is_one_line_and_exit_1(statements: Path) -> None:
    cards = statements / "no such folder" / "cards.jsonl"
    result = run("check", "--format", "jsonl", "--docs-out", str(cards), str(statements / "a.txt"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == f"statecheck: {cards}: cannot be written: No such file or directory"
    assert result.stdout, "the claims were written before the cards failed"


def test_examples_folder_gives_claims() -> None:
    result = run("check", "--format", "jsonl", "examples/")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 20
    assert {r["verdict"] for r in rows} >= {"consistent", "unverifiable"}


def test_python_dash_m_statecheck_is_the_same_command(statements: Path) -> None:
    as_module = subprocess.run(
        [sys.executable, "-m", "statecheck", "check", "--format", "jsonl", str(statements)],
        check=False, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert as_module.returncode == 0, as_module.stderr
    assert as_module.stdout == run("check", "--format", "jsonl", str(statements)).stdout
