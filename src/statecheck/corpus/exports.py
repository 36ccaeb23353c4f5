"""``statecheck export --what ...``: the corpus's views besides claims, as files.

| what | formats | one record per |
| --- | --- | --- |
| ``issuers`` | jsonl, csv, parquet | issuer of a document (name, role, entity) |
| ``demands`` | jsonl, csv, parquet | demand (quote, categories, addressee) |
| ``mentions`` | jsonl, csv, parquet | person, state or organisation a document names |
| ``links`` | jsonl, csv, parquet | pair of documents where one copies, republishes or translates the other |
| ``matrix`` | csv, jsonl, parquet | organisation (documents per demand category) |
| ``network`` | graphml, json | the co-signature network (one file) |

Only the newest version of each document counts. Rows are streamed from the database for the
line formats (memory stays flat); Parquet is written from a list.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from statecheck import csvsafe
from statecheck.corpus.duplicates import document_links
from statecheck.corpus.matrix import demand_matrix
from statecheck.corpus.network import cosignature_network, to_graphml, to_json_text
from statecheck.errors import StatecheckError, UsageError
from statecheck.store.database import Store, database_errors
from statecheck.store.schema import demands, documents, issuers, mentions

VIEWS: dict[str, tuple[str, ...]] = {
    "issuers": ("jsonl", "csv", "parquet"),
    "demands": ("jsonl", "csv", "parquet"),
    "mentions": ("jsonl", "csv", "parquet"),
    "links": ("jsonl", "csv", "parquet"),
    "matrix": ("csv", "jsonl", "parquet"),
    "network": ("graphml", "json"),
}
"""Each view and the formats it is written in (the first is its default)."""

_DOCUMENT_COLUMNS = (documents.c.id.label("document_id"), documents.c.location, documents.c.title, documents.c.date)


def _rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    latest = documents.c.is_latest.is_(True)
    if what == "issuers":
        query = (select(*_DOCUMENT_COLUMNS, issuers.c.position, issuers.c.name, issuers.c.role, issuers.c.entity)
                 .join(issuers, issuers.c.document_id == documents.c.id).where(latest)
                 .order_by(documents.c.id, issuers.c.position))
    elif what == "demands":
        query = (select(*_DOCUMENT_COLUMNS, demands.c.position, demands.c.quote, demands.c.categories_json,
                        demands.c.addressee, demands.c.note)
                 .join(demands, demands.c.document_id == documents.c.id).where(latest)
                 .order_by(documents.c.id, demands.c.position))
    else:
        query = (select(*_DOCUMENT_COLUMNS, mentions.c.position, mentions.c.name, mentions.c.kind, mentions.c.count,
                        mentions.c.stance, mentions.c.entity)
                 .join(mentions, mentions.c.document_id == documents.c.id).where(latest)
                 .order_by(documents.c.id, mentions.c.position))
    with database_errors(store), store.engine.connect() as connection:
        for row in connection.execution_options(yield_per=1000).execute(query).mappings():
            record = dict(row)
            if "categories_json" in record:
                record["categories"] = json.loads(record.pop("categories_json"))
            yield record


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record for CSV and Parquet: lists joined with "; "."""
    return {key: "; ".join(value) if isinstance(value, list) else value for key, value in record.items()}


def _write_records(records: Iterator[dict[str, Any]] | Sequence[dict[str, Any]], format: str, out: Path) -> int:
    written = 0
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [_flat(record) for record in records]
        pq.write_table(pa.Table.from_pylist(rows), out)
        return len(rows)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer: csvsafe.DictWriter | None = None
        for record in records:
            if format == "jsonl":
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                if writer is None:
                    writer = csvsafe.DictWriter(handle, fieldnames=list(record))  # formulas as text
                    writer.writeheader()
                writer.writerow(_flat(record))
            written += 1
    return written


def export_view(store: Store, what: str, format: str | None, out: Path) -> int:
    """Write the view ``what`` of the corpus to ``out`` in ``format`` (None: the view's default);
    returns the number of records (nodes and edges for the network)."""
    if what not in VIEWS:
        raise UsageError(f"unknown view {what!r} (use claims, {', '.join(VIEWS)})")
    format = format or VIEWS[what][0]
    if format not in VIEWS[what]:
        raise UsageError(f"{what} can be written as {', '.join(VIEWS[what])}, not {format!r}")
    try:
        if what == "network":
            network = cosignature_network(store)
            out.write_text(to_graphml(network) if format == "graphml" else to_json_text(network), encoding="utf-8")
            return len(network.nodes) + len(network.edges)
        if what == "matrix":
            return _write_records(demand_matrix(store).records(), format, out)
        if what == "links":
            return _write_records([link.to_record() for link in document_links(store)], format, out)
        return _write_records(_rows(store, what), format, out)
    except OSError as error:
        raise StatecheckError(f"cannot be written: {error.strerror or error}", location=str(out)) from error
