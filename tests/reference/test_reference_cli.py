"""``statecheck reference list|update|add`` through typer's CliRunner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from local_server import QuietHandler, serving
from statecheck.cli import app
from statecheck.reference import BUNDLED_DIR, ENDPOINTS

runner = CliRunner()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STATECHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STATECHECK_REFERENCE_URL", raising=False)
    return tmp_path / "data" / "reference"


@pytest.fixture()
def upstream() -> Iterator[tuple[str, dict[str, tuple[int, bytes]]]]:
    """A local server answering the four API paths; tests change the replies."""
    replies: dict[str, tuple[int, bytes]] = {
        "/api/" + endpoint: (200, (BUNDLED_DIR / "techforpalestine" / name).read_bytes())
        for name, endpoint in ENDPOINTS.items()
    }

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            status, body = replies.get(self.path, (404, b"not found"))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    with serving(Handler) as base:
        yield f"{base}/api", replies


def test_list_table() -> None:
    result = runner.invoke(app, ["reference", "list"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "tfp/gaza/killed " in line)
    assert "Gaza Ministry of Health" in line and "2023-10-07" in line and "2026-08-22" in line and "1051" in line


def test_list_jsonl() -> None:
    result = runner.invoke(app, ["reference", "list", "--format", "jsonl"])
    assert result.exit_code == 0
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["tfp/lebanon/killed"]["place"] == "lebanon"
    assert records["facts/all/killed_soldiers"]["place"] is None
    assert records["tfp/west_bank/killed"]["reports"] == 256
    assert set(records["tfp/gaza/killed"]) >= {"metric", "place", "source", "first", "last", "reports", "snapshot"}


def test_add_and_list(tmp_path: Path, home: Path) -> None:
    csv = tmp_path / "ngo.csv"
    csv.write_text("date,value\n2024-01-01,100\n2024-02-01,150\n", encoding="utf-8")
    result = runner.invoke(app, ["reference", "add", str(csv), "--metric", "killed_press", "--place", "gaza",
                                 "--source", "Press NGO"])
    assert result.exit_code == 0, result.output
    assert "user/gaza/killed_press/ngo" in result.stdout
    listed = runner.invoke(app, ["reference", "list", "--format", "jsonl"]).stdout
    assert '"user/gaza/killed_press/ngo"' in listed


def test_add_malformed(tmp_path: Path, home: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("date,value\n2024-01-01,100\n2024-01-01,120\n", encoding="utf-8")
    result = runner.invoke(app, ["reference", "add", str(csv), "--metric", "killed", "--place", "gaza",
                                 "--source", "X"])
    assert result.exit_code == 1
    assert "line 3: duplicate date 2024-01-01" in result.stderr
    assert not (home / "user").exists()


def test_add_needs_metric_place_and_source(tmp_path: Path) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text("2024-01-01,1\n", encoding="utf-8")
    assert runner.invoke(app, ["reference", "add", str(csv), "--metric", "killed"]).exit_code == 2


def test_update(upstream: tuple[str, dict[str, tuple[int, bytes]]], home: Path) -> None:
    base, replies = upstream
    result = runner.invoke(app, ["reference", "update", "--url", base])
    assert result.exit_code == 0, result.output
    assert "casualties_daily.json: unchanged, last report 2026-08-22" in result.stdout
    replies["/api/v3/lebanon_casualties_daily.json"] = (500, b"error")
    failed = runner.invoke(app, ["reference", "update"], env={"STATECHECK_REFERENCE_URL": base})
    assert failed.exit_code == 1
    assert "lebanon_casualties_daily.json: HTTP status 500" in failed.stderr


def test_help_of_every_reference_command() -> None:
    for command in ("list", "update", "add"):
        result = runner.invoke(app, ["reference", command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
