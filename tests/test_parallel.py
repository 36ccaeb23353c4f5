"""``--workers N`` for ``check``, ``ingest`` and ``report``: the same output as one worker, in input order."""

from __future__ import annotations

import json
import operator
import pickle
import re
import sqlite3
import sys
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench_corpus import corpus_module
from ctrl_c import like_a_terminal
from statecheck import parallel, pipeline
from statecheck.cli import app
from statecheck.errors import InputError, UsageError
from statecheck.options import Options
from statecheck.parallel import Outcome, check_many, check_one, check_raw, map_ordered
from statecheck.store import ingest_one, open_store, store_outcome

runner = CliRunner()

@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 generated statements, and three inputs that fail: empty, binary, not a document."""
    folder = tmp_path_factory.mktemp("inputs")
    corpus_module().write_corpus(folder, 24, seed=1)
    (folder / "d0000" / "0000003_empty.txt").write_bytes(b"")
    (folder / "d0000" / "0000011_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "d0000" / "0000017_broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return folder


def files_of(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.rglob("*")) if p.suffix in {".txt", ".pdf"}]


# --------------------------------------------------------------------------- the machinery


def test_map_ordered_keeps_input_order_on_several_processes() -> None:
    items = list(range(200))
    assert list(map_ordered(operator.neg, items, workers=2)) == [-i for i in items]
    assert list(map_ordered(partial(operator.mul, 3), iter(items), workers=3)) == [3 * i for i in items]


def test_map_ordered_with_one_worker_or_one_item_starts_no_process() -> None:
    calls: list[int] = []

    def local(value: int) -> int:  # a closure cannot be pickled: it must run here
        calls.append(value)
        return value + 1

    assert list(map_ordered(local, [1, 2, 3], workers=1)) == [2, 3, 4]
    assert list(map_ordered(local, [7], workers=4)) == [8]
    assert calls == [1, 2, 3, 7]


def test_a_consumer_may_stop_early() -> None:
    results = map_ordered(operator.neg, range(10_000), workers=2)
    assert [next(results) for _ in range(5)] == [0, -1, -2, -3, -4]
    results.close()  # cancels what has not started; must not hang


def test_workers_default_to_the_cores_and_must_be_positive() -> None:
    assert parallel.resolve_workers(None) == parallel.default_workers() >= 1
    assert parallel.resolve_workers(3) == 3
    with pytest.raises(UsageError):
        parallel.resolve_workers(-1)


def test_a_checked_document_survives_pickling(inputs: Path) -> None:
    document = pipeline.check_path(files_of(inputs)[0])
    assert document.claims
    assert pickle.loads(pickle.dumps(document)) == document
    outcome = check_one(files_of(inputs)[0])
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_check_one_turns_every_failure_into_an_outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = check_one(str(tmp_path / "gone.txt"))
    assert missing.failed and not missing.internal and missing.error_type == "InputError"
    assert missing.error_line == str(InputError("file not found", location=str(tmp_path / "gone.txt")))
    assert missing.describe_error() == missing.error_line
    path = tmp_path / "a.txt"
    path.write_text("More than 30,000 people have been killed in Gaza.", encoding="utf-8")

    def bug(*_args: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "run_steps", bug)
    internal = check_one(str(path))
    assert internal.internal and internal.error_type == "KeyError"
    assert internal.describe_error() == f"{path}: internal error, please report it (KeyError: 'oops')"


def test_an_unchanged_input_is_not_extracted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("More than 30,000 people have been killed in Gaza.", encoding="utf-8")
    first = check_one(str(path))
    assert first.document is not None and first.sha256
    again = check_one(str(path), known_sha256=first.sha256)
    assert again.unchanged and again.document is None
    assert check_raw(str(path), path.read_bytes(), {}, known_sha256=first.sha256).unchanged


def test_check_raw_gives_what_check_one_gives(inputs: Path) -> None:
    from statecheck.ingest.read import read_raw

    for location in files_of(inputs)[:6]:
        try:
            raw, sidecar = read_raw(location)
        except InputError:
            continue
        assert check_raw(location, raw, sidecar) == check_one(location)


def test_check_many_matches_one_by_one_in_order(inputs: Path) -> None:
    files = files_of(inputs)
    expected = [check_one(f) for f in files]
    assert list(check_many(files, workers=2)) == expected
    assert [o.failed for o in expected].count(True) == 3


# --------------------------------------------------------------------------- the three commands


def test_check_with_two_workers_prints_what_one_worker_prints(inputs: Path) -> None:
    for fmt in ("jsonl", "csv"):
        one = runner.invoke(app, ["check", str(inputs), "--workers", "1", "-f", fmt])
        two = runner.invoke(app, ["check", str(inputs), "--workers", "2", "-f", fmt])
        assert one.exit_code == two.exit_code == 1  # three inputs fail
        assert two.stdout == one.stdout and two.stderr == one.stderr
    lines = [json.loads(line) for line in one.stdout.splitlines()] if fmt == "jsonl" else []
    assert not lines or lines[0]["doc"] == "0000000_wire_brief"
    assert len(re.findall(r"^statecheck: ", one.stderr, re.MULTILINE)) == 3


def test_workers_must_be_a_positive_number(inputs: Path) -> None:
    result = runner.invoke(app, ["check", str(inputs), "--workers", "0"])
    assert result.exit_code == 2


def _dump(db: Path) -> list[str]:
    """Every row of every table, times left out, sorted: what must not depend on workers.

    Ids stay in: documents are stored in input order whatever the number of workers, so the
    ids (and the links between documents that use them) must be the same too.
    """
    lines = []
    with sqlite3.connect(db) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in sorted(t for t in tables if t != "alembic_version" and not t.startswith(("sqlite_", "documents_fts"))):
            cursor = connection.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            for row in cursor:
                values = {n: v for n, v in zip(names, row) if not n.endswith("_at")}
                lines.append(table + json.dumps(values, sort_keys=True, default=lambda v: v.hex()))
    return sorted(lines)


def test_ingest_with_two_workers_stores_what_one_worker_stores(inputs: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = runner.invoke(app, ["ingest", str(inputs), "--db", str(one), "--workers", "1"])
    second = runner.invoke(app, ["ingest", str(inputs), "--db", str(two), "--workers", "2"])
    assert first.exit_code == second.exit_code == 1
    assert first.stderr == second.stderr
    assert "24 stored, 0 new versions, 0 unchanged, 3 failed" in second.stderr
    assert _dump(one) == _dump(two)
    with sqlite3.connect(two) as connection:  # stored in input order, as one worker stores them
        assert [r[0] for r in connection.execute("SELECT location FROM documents ORDER BY id")] == [
            f for f in files_of(inputs) if "_empty" not in f and "_binary" not in f and "_broken" not in f
        ]
    again = runner.invoke(app, ["ingest", str(inputs), "--db", str(two), "--workers", "2"])
    assert "0 stored, 0 new versions, 24 unchanged, 3 failed" in again.stderr
    assert _dump(one) != _dump(two)  # the failures were tried again
    runner.invoke(app, ["ingest", str(inputs), "--db", str(one), "--workers", "1"])
    assert _dump(one) == _dump(two)


def test_an_internal_error_is_recorded_as_ingest_one_records_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("More than 30,000 people have been killed in Gaza.", encoding="utf-8")

    def bug(*_args: object) -> None:
        raise ValueError("unexpected")

    monkeypatch.setattr(pipeline, "run_steps", bug)
    with open_store(tmp_path / "one.db") as store:
        direct = ingest_one(store, str(path), Options())
    with open_store(tmp_path / "two.db") as store:
        stored = store_outcome(store, check_one(str(path)))
    assert stored == direct and direct.error == "internal error (ValueError): unexpected"
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "two.db")


def test_report_with_two_workers_is_the_same_report(inputs: Path, tmp_path: Path) -> None:
    pages = []
    for workers in ("1", "2"):
        out = tmp_path / f"report{workers}.html"
        result = runner.invoke(app, ["report", str(inputs), "-o", str(out), "--workers", workers])
        assert result.exit_code == 1 and len(re.findall(r"^statecheck: ", result.stderr, re.MULTILINE)) == 3
        # the generation time is the one thing allowed to differ
        pages.append(re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "TIME", out.read_text(encoding="utf-8")))
    assert pages[0] == pages[1]


def test_outcome_failure_fields_are_plain_strings() -> None:
    outcome = Outcome.from_error("x.txt", InputError("empty file", location="x.txt"))
    assert (outcome.error_type, outcome.error_message, outcome.error_line) == ("InputError", "empty file", "x.txt: empty file")
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_ctrl_c_stops_workers_stuck_on_an_input(tmp_path: Path) -> None:
    """A worker blocked on a named pipe is ended with the command: nothing is left running."""
    import os
    import signal
    import subprocess
    import time

    for name in ("a.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text("More than 30,000 people have been killed in Gaza.", encoding="utf-8")
    gate = tmp_path / "b.txt"
    os.mkfifo(gate)
    command = [sys.executable, "-m", "statecheck.cli", "check", "-f", "jsonl", "--workers", "2",
               *(str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt", "d.txt"))]
    process = subprocess.Popen(like_a_terminal(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stderr is not None
        first = process.stderr.readline()  # "a: 1 claim ...": the pool is running, b.txt blocks it
        assert first.startswith(b"a: "), first
        time.sleep(0.3)
        process.send_signal(signal.SIGINT)
        # communicate() returns only when every holder of the pipes (the workers, the fork
        # server) has gone.
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0


def test_settled_freezes_the_warm_process_once_and_passes_every_item_on() -> None:
    import gc

    assert gc.get_freeze_count() == 0  # tests/conftest.py unfreezes after every test
    try:
        seen = []
        for item in parallel.settled(range(10), after=4):
            seen.append((item, gc.get_freeze_count() > 0))
        # the first three pass before the process settles; from the fourth on, it has
        assert [item for item, _ in seen] == list(range(10))
        assert [frozen for _, frozen in seen] == [False] * 3 + [True] * 7
    finally:
        gc.unfreeze()  # the rest of the test session runs as before


def test_a_check_longer_than_the_warm_up_gives_every_document_s_claims(tmp_path: Path) -> None:
    import subprocess

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(parallel.SETTLE_AFTER + 5):
        (folder / f"d{n:02d}.txt").write_text(
            f"Statement\n\nLondon, 3 March 2024\n\nThe ministry said {100 + n} people were killed in the strikes on Monday.\n",
            encoding="utf-8",
        )
    done = subprocess.run(
        [sys.executable, "-m", "statecheck", "check", "--format", "jsonl", "--workers", "1", str(folder)],
        capture_output=True, text=True, check=True,
    )
    values = sorted(json.loads(line)["value"] for line in done.stdout.splitlines())
    assert values == [100 + n for n in range(parallel.SETTLE_AFTER + 5)]
