"""Batched commits of ``ingest``: each input all or nothing, reported only once committed."""

from __future__ import annotations

from pathlib import Path

from statecheck.options import Options
from statecheck.store import Store, ingest_results, table_counts
from statecheck.store.batch import may_block

TEXT = "Gaza, {day} March 2024. The ministry said {n:,} people have been killed since October."
NO_VERIFY = Options(verify=False)


def inputs(folder: Path, count: int, *, broken: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"s{number:02}.txt"
        if number == broken:
            path = folder / f"s{number:02}.pdf"
            path.write_bytes(b"%PDF-1.7 this is not a PDF")
        else:
            path.write_text(TEXT.format(day=1 + number, n=31_000 + number), encoding="utf-8")
        paths.append(path)
    return paths


def committed_documents(store: Store) -> int:
    """What another connection (the web server, a second process) sees."""
    return table_counts(store)["documents"]


def test_a_result_is_handed_out_only_once_it_is_committed(store: Store, tmp_path: Path) -> None:
    paths = inputs(tmp_path / "in", 7)
    seen = []
    for result in ingest_results(store, paths, NO_VERIFY, commit_every=3):
        seen.append(result.location)
        # everything reported so far is visible to another connection
        assert committed_documents(store) >= len(seen)
    assert seen == [str(p) for p in paths]  # input order
    assert committed_documents(store) == 7


def test_a_failing_input_inside_a_batch_costs_the_others_nothing(store: Store, tmp_path: Path) -> None:
    paths = inputs(tmp_path / "in", 7, broken=4)
    results = list(ingest_results(store, paths, NO_VERIFY, commit_every=5))
    assert [r.status for r in results] == ["stored"] * 4 + [None] + ["stored"] * 2
    assert "PDF" in (results[4].error or "")
    counts = table_counts(store)
    assert counts["documents"] == 6 and counts["failures"] == 1


def test_a_batch_cut_short_is_stored_by_the_next_run_exactly_once(store: Store, tmp_path: Path) -> None:
    paths = inputs(tmp_path / "in", 8)
    run = ingest_results(store, paths, NO_VERIFY, commit_every=3)
    first = [next(run) for _ in range(3)]  # the first batch, committed
    run.close()  # the consumer stops (as Ctrl-C does): the batch being filled is rolled back
    assert [r.status for r in first] == ["stored"] * 3
    assert committed_documents(store) == 3
    again = list(ingest_results(store, paths, NO_VERIFY, commit_every=3))
    assert [r.status for r in again] == ["unchanged"] * 3 + ["stored"] * 5
    assert committed_documents(store) == 8


def test_inputs_that_may_keep_us_waiting(tmp_path: Path) -> None:
    regular = tmp_path / "a.txt"
    regular.write_text("x", encoding="utf-8")
    assert not may_block(str(regular))
    assert may_block("https://example.org/statement")
    assert may_block(str(tmp_path))  # not a regular file
    assert not may_block(str(tmp_path / "missing.txt"))  # fails at once
