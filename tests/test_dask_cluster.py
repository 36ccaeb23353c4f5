"""``statecheck ingest --scheduler``: checking on a Dask cluster (a LocalCluster of two worker processes).

What must hold: the store and the Parquet dataset are the same, row for row (the dataset byte
for byte), as one local worker makes them; a failing input is recorded and the rest go on;
a worker killed mid-run loses no input and duplicates none.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench_corpus import corpus_module

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from statecheck.cluster import cluster_outcomes
from statecheck.errors import StatecheckError
from statecheck.options import Options
from statecheck.parallel import check_many
from statecheck.store import ingest_results, open_store
from statecheck.store.dataset import TABLES, ingest_dataset


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """30 generated statements; one empty file and one missing path among them."""
    folder = tmp_path_factory.mktemp("cluster-inputs")
    info = corpus_module().write_corpus(folder, 30, seed=2)
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    files = [str(p) for p in info.files]
    return files[:10] + [str(empty)] + files[10:20] + [str(folder / "missing.txt")] + files[20:]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as cluster, Client(cluster, set_as_default=False) as dask_client:
        yield dask_client


def test_outcomes_on_the_cluster_are_those_of_one_local_worker(inputs: list[str], client: Any) -> None:
    expected = list(check_many(inputs, Options(), workers=1))
    got = list(cluster_outcomes(inputs, Options(), client, batch_documents=3))
    assert got == expected
    assert [o.error_type for o in got if o.failed] == ["InputError", "InputError"]


def test_a_worker_killed_mid_run_loses_no_document(inputs: list[str], client: Any) -> None:
    expected = list(check_many(inputs, Options(), workers=1))
    got = []
    killed = None
    for outcome in cluster_outcomes(inputs, Options(), client, batch_documents=2):
        got.append(outcome)
        if len(got) == 3 and killed is None:
            # Kill (SIGKILL: no goodbye) the worker with the most tasks in hand; its nanny
            # starts a new one and the scheduler gives its tasks to the workers alive.
            processing = client.processing()
            victim = max(processing, key=lambda address: len(processing[address]))
            assert processing[victim], "the run finished before a worker could be killed"
            killed = client.run(os.getpid)[victim]
            os.kill(killed, signal.SIGKILL)
    assert killed is not None
    assert [o.location for o in got] == inputs  # each exactly once, in input order
    assert got == expected


def _rows(db: Path) -> list[tuple[Any, ...]]:
    """Every row of every table but the times (ids too: documents are stored in input order)."""
    rows = []
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in sorted(t for t in tables if t != "alembic_version" and not t.startswith("sqlite_")):
            if "_fts" in table:
                continue  # full-text index shadow tables: derived from the documents table
            cursor = connection.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows += [(table, *(v for n, v in zip(names, row) if not n.endswith("_at"))) for row in cursor]
    return sorted(rows, key=repr)


def test_ingest_on_the_cluster_stores_what_one_local_worker_stores(
    inputs: list[str], client: Any, tmp_path: Path
) -> None:
    with open_store(tmp_path / "local.db") as store:
        local = list(ingest_results(store, inputs, Options(), workers=1))
    with open_store(tmp_path / "cluster.db") as store:
        remote = list(ingest_results(store, inputs, Options(), scheduler=client))
    assert remote == local
    assert [r.status for r in remote].count(None) == 2
    assert _rows(tmp_path / "local.db") == _rows(tmp_path / "cluster.db")
    with open_store(tmp_path / "cluster.db") as store:  # again: nothing extracted, nothing new
        again = list(ingest_results(store, inputs, Options(), scheduler=client))
    assert [r.status for r in again].count("unchanged") == len(inputs) - 2


def test_the_parquet_dataset_is_byte_identical_and_reads_back(inputs: list[str], client: Any, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    local = list(ingest_dataset(inputs, tmp_path / "local", Options(), workers=1, documents_per_part=12))
    remote = list(ingest_dataset(inputs, tmp_path / "cluster", Options(), scheduler=client, documents_per_part=12))
    assert remote == local
    for table in TABLES:
        names = sorted(p.name for p in (tmp_path / "local" / table).iterdir())
        assert names == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
        for name in names:
            assert (tmp_path / "cluster" / table / name).read_bytes() == (tmp_path / "local" / table / name).read_bytes()
    documents = pq.read_table(tmp_path / "cluster" / "documents").to_pylist()
    claims = pq.read_table(tmp_path / "cluster" / "claims").to_pylist()
    failures = pq.read_table(tmp_path / "cluster" / "failures").to_pylist()
    assert len(documents) == 30 and len(failures) == 2
    assert sum(d["claims"] for d in documents) == len(claims) > 30
    assert {c["location"] for c in claims} <= {d["location"] for d in documents}
    assert {f["error"] for f in failures} == {"InputError"}
    with pytest.raises(StatecheckError, match="already holds a dataset"):
        list(ingest_dataset(inputs, tmp_path / "cluster", Options(), workers=1))


def test_an_unreachable_scheduler_is_one_clear_error(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import statecheck.cluster

    monkeypatch.setattr(statecheck.cluster, "CONNECT_TIMEOUT_S", 1)
    with pytest.raises(StatecheckError, match="cannot reach the Dask scheduler"):
        list(cluster_outcomes(inputs[:2], Options(), "tcp://127.0.0.1:9"))


def test_the_command_line_runs_on_the_cluster(inputs: list[str], client: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from statecheck.cli import app

    address = client.scheduler.address
    folder = str(Path(inputs[0]).parents[1])  # the 30 statements and the empty file
    runner = CliRunner()
    to_db = runner.invoke(app, ["ingest", folder, "--db", str(tmp_path / "c.db"), "--scheduler", address])
    assert to_db.exit_code == 1, to_db.stderr
    assert to_db.stderr.splitlines()[-1] == "30 stored, 0 new versions, 0 unchanged, 1 failed"
    to_parquet = runner.invoke(app, ["ingest", folder, "--out", str(tmp_path / "ds"), "--scheduler", address])
    assert to_parquet.stderr.splitlines()[-1] == f"30 written to {tmp_path / 'ds'}, 1 failed"
    assert (tmp_path / "ds" / "claims" / "part-00000.parquet").is_file()
