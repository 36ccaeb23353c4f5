"""``statecheck ingest ... --out DIR``: checked documents as a partitioned Parquet dataset.

For corpora too large for one database file, or for tools that read Parquet directly
(DuckDB, Spark, pandas, Polars)::

    DIR/documents/part-00000.parquet   one row per document, and one per claim, issuer,
    DIR/claims/part-00000.parquet      demand and mention (the columns of the store's tables
    DIR/issuers/part-00000.parquet     of the same names, joined on ``location``), and one
    DIR/demands/part-00000.parquet     row per input that failed
    DIR/mentions/part-00000.parquet
    DIR/failures/part-00000.parquet

    duckdb -c "SELECT metric, verdict, count(*) FROM 'DIR/claims/*.parquet' GROUP BY ALL"

Columns and their types come from :mod:`statecheck.store.schema` and rows from
:mod:`statecheck.store.codec`, so a row reads the same here as in the database. Columns that
only a database has (ids, versions, times) are left out: the same inputs give the same files,
byte for byte, whichever way they were checked (one process, several, a cluster). Links between
documents (copies, translations) need the whole corpus: ingest into a store for those.

A part holds :data:`DOCUMENTS_PER_PART` inputs in input order; each is written to a hidden
file and renamed, so a reader never sees half a part.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Float, Integer, Table

from statecheck.errors import StatecheckError, UsageError
from statecheck.ingest.inputs import expand_inputs
from statecheck.options import Options
from statecheck.parallel import DEFAULT_OPTIONS, Outcome, check_many
from statecheck.store import codec
from statecheck.store.batch import IngestResult
from statecheck.store.schema import claims, demands, documents, failures, issuers, mentions

#: Inputs per part file: large enough for efficient columnar files, small enough to keep the
#: writer's memory bounded (about 10,000 × 5 KB of text).
DOCUMENTS_PER_PART = 10_000

#: Database-only columns: identities, versions and times would make two runs differ.
_SKIP = frozenset({"id", "document_id", "version", "is_latest", "ingested_at", "verified_at", "failed_at",
                   "attempts"})
TABLES = ("documents", "claims", "issuers", "demands", "mentions", "failures")


def _arrow_schema(table: Table, extra: tuple[tuple[str, Any], ...] = ()) -> Any:
    import pyarrow as pa

    def arrow_type(column: Any) -> Any:
        if isinstance(column.type, Integer):
            return pa.int64()
        if isinstance(column.type, Float):
            return pa.float64()
        if isinstance(column.type, Boolean):
            return pa.bool_()
        return pa.string()

    columns = [(column.name, arrow_type(column)) for column in table.columns if column.name not in _SKIP]
    return pa.schema(list(extra) + columns)


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table of the dataset."""
    import pyarrow as pa

    return {
        "documents": _arrow_schema(documents, extra=(("claims", pa.int64()),)),
        "claims": _arrow_schema(claims, extra=(("location", pa.string()),)),
        "issuers": _arrow_schema(issuers, extra=(("location", pa.string()),)),
        "demands": _arrow_schema(demands, extra=(("location", pa.string()),)),
        "mentions": _arrow_schema(mentions, extra=(("location", pa.string()),)),
        "failures": _arrow_schema(failures),
    }


@dataclass
class _Part:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    inputs: int = 0


class DatasetWriter:
    """Append outcomes; a part is written every :data:`DOCUMENTS_PER_PART` inputs and on :meth:`close`."""

    def __init__(self, out: Path, *, documents_per_part: int = DOCUMENTS_PER_PART) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as error:  # pragma: no cover - pyarrow is a dependency
            raise UsageError("Parquet output needs pyarrow: pip install pyarrow") from error
        self.out = Path(out)
        self.documents_per_part = documents_per_part
        self.schemas = schemas()
        self.number = 0
        self.part = _Part()
        if self.out.exists() and not self.out.is_dir():
            raise UsageError("is not a folder", location=str(self.out))
        for name in TABLES:
            folder = self.out / name
            if folder.is_dir() and any(folder.glob("part-*.parquet")):
                raise UsageError("already holds a dataset; choose an empty folder", location=str(self.out))
        try:
            for name in TABLES:
                (self.out / name).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StatecheckError(f"cannot be created: {error.strerror or error}", location=str(self.out)) from error

    def add(self, outcome: Outcome) -> IngestResult:
        """Add one input's outcome; the result says what ``ingest`` reports for it."""
        rows = self.part.rows
        self.part.inputs += 1
        if outcome.document is None:
            rows["failures"].append(
                {"location": outcome.location, "error": outcome.error_type, "reason": outcome.error_message}
            )
            result = IngestResult(
                outcome.location, None,
                error=(f"internal error ({outcome.error_type}): {outcome.error_line}" if outcome.internal
                       else outcome.error_message),
            )
        else:
            document = outcome.document
            rows["documents"].append({**codec.document_row(document), "claims": len(document.claims)})
            location = document.source.location
            rows["claims"].extend(
                {**codec.claim_row(claim, position), "location": location}
                for position, claim in enumerate(document.claims)
            )
            rows["issuers"].extend({**row, "location": location} for row in codec.issuer_rows(document.card))
            rows["demands"].extend(
                {**codec.demand_row(demand, position), "location": location}
                for position, demand in enumerate(document.demands)
            )
            rows["mentions"].extend({**row, "location": location} for row in codec.mention_rows(document))
            result = IngestResult(outcome.location, "stored", claims=len(document.claims))
        if self.part.inputs >= self.documents_per_part:
            self.flush()
        return result

    def flush(self) -> None:
        """Write what has been added since the last part (nothing when nothing was added)."""
        if not self.part.inputs:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"part-{self.number:05d}.parquet"
        for table in TABLES:
            schema = self.schemas[table]
            arrow = pa.Table.from_pylist(
                [{key: row.get(key) for key in schema.names} for row in self.part.rows[table]], schema=schema
            )
            final = self.out / table / name
            hidden = final.with_name("." + name + ".tmp")
            try:
                pq.write_table(arrow, hidden)
                os.replace(hidden, final)
            except OSError as error:
                raise StatecheckError(f"cannot be written: {error.strerror or error}", location=str(final)) from error
        self.number += 1
        self.part = _Part()

    def close(self) -> None:
        self.flush()


def write_dataset(
    outcomes: Iterable[Outcome], out: Path, *, documents_per_part: int = DOCUMENTS_PER_PART
) -> Iterator[IngestResult]:
    """Write every outcome to the dataset at ``out``, yielding what became of each input, in order."""
    writer = DatasetWriter(out, documents_per_part=documents_per_part)
    try:
        for outcome in outcomes:
            yield writer.add(outcome)
    finally:
        # Also when stopped early (Ctrl-C): every input reported done is on disk.
        writer.close()


def ingest_dataset(
    inputs: Iterable[str | Path],
    out: Path,
    options: Options = DEFAULT_OPTIONS,
    *,
    workers: int | None = 1,
    scheduler: Any = None,
    documents_per_part: int = DOCUMENTS_PER_PART,
) -> Iterator[IngestResult]:
    """``statecheck ingest --out``: check ``inputs`` (here on ``workers`` processes, or on the Dask
    cluster at ``scheduler``) and write them to the Parquet dataset at ``out``."""
    outcomes = check_many(expand_inputs(inputs), options, workers=workers, scheduler=scheduler)
    return write_dataset(outcomes, out, documents_per_part=documents_per_part)
