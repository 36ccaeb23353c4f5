"""``ingest --out DIR``: the Parquet dataset holds every table a store would, joined on ``location``."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from statecheck.options import Options
from statecheck.store.dataset import TABLES, ingest_dataset

STATEMENT = """Joint statement of the Harbour Workers' Union and the Valley Teachers' Federation
Lisbon, 4 March 2024

More than 30,000 Palestinians have been killed in Gaza since October, according to the Ministry
of Health. We condemn the government of Freedonia for its complicity.

We call on the government to stop every arms shipment through our port.
We demand an immediate ceasefire!
"""


def test_every_table_of_a_document_is_written(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "joint.txt").write_text(STATEMENT, encoding="utf-8")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    results = list(ingest_dataset([str(inputs)], tmp_path / "out", Options(verify=False), workers=1))
    assert sorted(r.status or "failed" for r in results) == ["failed", "stored"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(TABLES)
    read = {table: pq.read_table(tmp_path / "out" / table).to_pylist() for table in TABLES}
    location = str(inputs / "joint.txt")
    assert [d["location"] for d in read["documents"]] == [location]
    for table in ("claims", "issuers", "demands", "mentions"):
        assert read[table], table
        assert {row["location"] for row in read[table]} == {location}, table
    assert {row["categories_json"] for row in read["demands"]} >= {'["arms_embargo"]', '["ceasefire"]'}
    assert any("Harbour Workers" in row["name"] for row in read["issuers"])
    assert [f["location"] for f in read["failures"]] == [str(inputs / "broken.pdf")]
