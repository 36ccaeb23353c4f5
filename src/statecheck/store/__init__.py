"""The corpus: documents, claims, verdicts and failures in SQLite or PostgreSQL.

Open a corpus with :func:`open_store` and pass the :class:`Store` to the functions below;
each of ``statecheck ingest``, ``reverify`` and ``export`` is one call here.
Tables are described in ``schema.py`` and created by the alembic migrations in ``migrations/``.
"""

from statecheck.ingest.inputs import expand_inputs
from statecheck.store.batch import (
    IngestReport,
    IngestResult,
    ingest,
    ingest_one,
    ingest_results,
    store_outcome,
)
from statecheck.store.database import Store, head_revision, migrate, open_store
from statecheck.store.documents import (
    SaveResult,
    StoredDocument,
    document_ids,
    load_document,
    record_failure,
    save_document,
    stored_sha256,
    table_counts,
)
from statecheck.store.formats import FORMATS, export
from statecheck.store.query import (
    ClaimPage,
    ClaimQuery,
    ClaimRow,
    DocumentPage,
    DocumentQuery,
    DocumentSummary,
    Facet,
    Failure,
    checked_claims,
    list_failures,
    search_claims,
    search_documents,
)
from statecheck.store.recheck import ReverifyReport, reverify

__all__ = [
    "FORMATS",
    "ClaimPage",
    "ClaimQuery",
    "ClaimRow",
    "DocumentPage",
    "DocumentQuery",
    "DocumentSummary",
    "Facet",
    "Failure",
    "IngestReport",
    "IngestResult",
    "ReverifyReport",
    "SaveResult",
    "Store",
    "StoredDocument",
    "checked_claims",
    "document_ids",
    "expand_inputs",
    "export",
    "head_revision",
    "ingest",
    "ingest_one",
    "ingest_results",
    "list_failures",
    "load_document",
    "migrate",
    "open_store",
    "record_failure",
    "reverify",
    "save_document",
    "search_claims",
    "search_documents",
    "store_outcome",
    "stored_sha256",
    "table_counts",
]
