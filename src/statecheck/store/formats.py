"""``statecheck export``: the stored claims (newest version of each document) as a file.

* ``jsonl``: one claim per line, exactly :meth:`Claim.to_record` (spec §2, with verdict and evidence);
  the document cards go to ``docs_out`` when given (``docs.jsonl`` of spec §6).
* ``csv`` and ``parquet``: one row per claim with its document's columns; evidence as a JSON string.
* ``claimreview``: a JSON array of schema.org ``ClaimReview`` objects, one per claim the record
  could check (made by :mod:`statecheck.verify.claimreview`, as ``statecheck check`` makes them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from statecheck import csvsafe
from statecheck.errors import StatecheckError, UsageError
from statecheck.store.codec import claim_columns
from statecheck.store.database import Store
from statecheck.store.documents import document_ids, load_document
from statecheck.store.query import ClaimQuery, ClaimRow, evidence_json, search_claims

ExportFormat = Literal["jsonl", "csv", "parquet", "claimreview"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "claimreview")

#: Columns of the flat formats, in order.
FLAT_COLUMNS: tuple[str, ...] = (
    "claim_id", "document_id", "doc", "location", "title", "date", "language", "issuers",
    "quote", "value", "value_max", "bound", "unit", "metric", "place", "as_of", "source", "scope",
    "period_start", "period_end", "note", "start", "end", "verdict", "verdict_reason", "evidence",
)

def export(
    store: Store, format: str, out: Path, *, docs_out: Path | None = None, org: str | None = None
) -> int:
    """Write the corpus's claims to ``out`` in ``format``; returns the number of records written.

    ``org`` (your organisation) is the author of ClaimReview output, and required for it.
    """
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r} (use {', '.join(FORMATS)})")
    if format == "claimreview" and not org:
        raise UsageError("the claimreview format needs your organisation (--org): the review's author")
    rows = search_claims(store, ClaimQuery(limit=None)).claims
    written = len(rows)
    try:
        if format == "jsonl":
            _write_jsonl(rows, out)
        elif format == "csv":
            _write_csv(rows, out)
        elif format == "parquet":
            _write_parquet(rows, out)
        else:
            written = _write_claimreview(store, out, org or "")
        if docs_out is not None:
            _write_cards(store, docs_out)
    except OSError as error:
        raise StatecheckError(f"cannot be written: {error.strerror or error}", location=str(out)) from error
    return written


def flat_record(row: ClaimRow) -> dict[str, Any]:
    """One claim as a flat row of :data:`FLAT_COLUMNS` (lists joined, evidence as JSON)."""
    claim = row.claim
    verdict = claim.verdict
    return {
        "claim_id": row.id,
        "document_id": row.document_id,
        "doc": claim.doc,
        "location": row.location,
        "title": row.title,
        "date": row.date,
        "language": row.language,
        "issuers": "; ".join(row.issuers),
        **claim_columns(claim),
        "start": claim.start,
        "end": claim.end,
        "verdict": verdict.verdict if verdict else None,
        "verdict_reason": verdict.reason if verdict else None,
        "evidence": evidence_json(row),
    }


def write_csv(rows: tuple[ClaimRow, ...] | list[ClaimRow], handle: Any) -> None:
    """CSV of :func:`flat_record` rows to an open text handle (also used by the web download);
    a cell a spreadsheet would run as a formula is written as text (:mod:`statecheck.csvsafe`)."""
    writer = csvsafe.DictWriter(handle, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    for row in rows:
        writer.writerow(flat_record(row))


def _write_jsonl(rows: tuple[ClaimRow, ...], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row.claim.to_record(), ensure_ascii=False) + "\n")


def _write_csv(rows: tuple[ClaimRow, ...], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        write_csv(rows, handle)


def _write_parquet(rows: tuple[ClaimRow, ...], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:  # pragma: no cover - pyarrow is a dependency
        raise UsageError("Parquet needs pyarrow: pip install pyarrow") from error
    schema = pa.schema(
        [
            (name, pa.float64() if name in {"value", "value_max"}
             else pa.int64() if name in {"claim_id", "document_id", "start", "end"} else pa.string())
            for name in FLAT_COLUMNS
        ]
    )
    records = [flat_record(row) for row in rows]
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, out)


def _write_claimreview(store: Store, out: Path, org: str) -> int:
    """The verifier's ClaimReview objects (statecheck.verify.claimreview) for every stored document."""
    from statecheck.verify.claimreview import claim_reviews

    reviews: list[dict[str, Any]] = []
    for document_id in document_ids(store):
        stored = load_document(store, document_id)
        if stored is not None:
            reviews.extend(claim_reviews(stored.document, org=org))
    with out.open("w", encoding="utf-8") as handle:
        json.dump(reviews, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return len(reviews)


def _write_cards(store: Store, out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for document_id in document_ids(store):
            stored = load_document(store, document_id)
            if stored is not None:
                handle.write(json.dumps(stored.document.card.to_record(), ensure_ascii=False) + "\n")
