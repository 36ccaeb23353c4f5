"""Writing one document (in one transaction) and reading it back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from statecheck.extract.fingerprint import Fingerprint
from statecheck.ingest.read import valid_text
from statecheck.model import Document
from statecheck.store import codec
from statecheck.store.database import Store, database_errors
from statecheck.store.evidence import series_by_id, series_ids
from statecheck.store.links import CandidateCache, IndexEntry, index_documents
from statecheck.store.rows import insert_rows
from statecheck.store.schema import claims, demands, document_links, documents, failures, issuers, mentions

SaveStatus = Literal["stored", "new_version", "unchanged"]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SaveResult:
    """What :func:`save_document` did with one document."""

    status: SaveStatus
    """``stored`` (a new location), ``new_version`` (its bytes changed) or ``unchanged``."""
    document_id: int
    version: int


@dataclass(frozen=True)
class Version:
    id: int
    version: int
    ingested_at: str
    sha256: str


@dataclass(frozen=True)
class StoredDocument:
    """A document as the corpus holds it: the model object plus where it sits in the corpus."""

    id: int
    version: int
    is_latest: bool
    ingested_at: str
    document: Document
    claim_ids: tuple[int, ...]
    """The ``claims.id`` of each of ``document.claims``, in the same order."""
    versions: tuple[Version, ...]
    """Every stored version of the same location, oldest first."""


# Built once: they run for every document stored.
_VERSIONS = select(documents.c.id, documents.c.location, documents.c.version, documents.c.sha256).where(
    documents.c.location.in_(bindparam("locations", expanding=True))
)
_NOT_LATEST = (
    update(documents).where(documents.c.location.in_(bindparam("at", expanding=True))).values(is_latest=False)
)
_INSERT_DOCUMENTS = insert(documents).returning(documents.c.id, sort_by_parameter_order=True)
_FORGET_FAILURES = delete(failures).where(failures.c.location.in_(bindparam("at", expanding=True)))


@contextmanager
def writing(store: Store, connection: Connection | None) -> Iterator[Connection]:
    """A transaction to write in: its own (committed on leaving), or, inside a :class:`Batch`'s
    connection, a savepoint (one input's rows are all or nothing; the batch commits them)."""
    with database_errors(store):
        if connection is None:
            with store.engine.begin() as own:
                yield own
        else:
            with connection.begin_nested():
                yield connection


def latest_version(connection: Connection, location: str) -> tuple[int, int, str] | None:
    """``(id, version, sha256)`` of the newest stored copy of a location, if any."""
    return latest_versions(connection, [location]).get(location)


def is_unchanged(store: Store, location: str, sha256: str, *, connection: Connection | None = None) -> bool:
    """Whether the newest stored copy of ``location`` has these bytes (so there is nothing to do).
    ``connection``: a batch's, which sees what the batch has written and not yet committed."""
    if connection is not None:
        with database_errors(store):
            latest = latest_version(connection, location)
    else:
        with database_errors(store), store.engine.connect() as own:
            latest = latest_version(own, location)
    return latest is not None and latest[2] == sha256


def stored_sha256(store: Store, location: str) -> str | None:
    """The hash of the newest stored copy of ``location``; None when it was never stored.

    Parallel and cluster ingest ask this before sending an input to a worker, so that the
    worker can skip an unchanged input without a connection to the corpus.
    """
    location = valid_text(location)  # as the stored Source.location has it
    with database_errors(store), store.engine.connect() as connection:
        latest = latest_version(connection, location)
    return latest[2] if latest else None


def save_document(
    store: Store, document: Document, *, fingerprint: Fingerprint | None = None, connection: Connection | None = None
) -> SaveResult:
    """Store a checked document with its card, claims, verdicts and demands, all or nothing.

    Unchanged bytes at a known location do nothing; changed bytes become a new version
    and the older versions stay (no longer ``is_latest``). A stored document also clears
    any failure recorded earlier for its location. ``fingerprint``: the text's fingerprint
    when it was made elsewhere (parallel ingest makes it in the workers, off the one writer).
    ``connection``: a :class:`Batch`'s, to write in a savepoint of its transaction.
    """
    return save_documents(store, [document], fingerprints=[fingerprint], connection=connection)[0]


def save_documents(
    store: Store, documents: Sequence[Document], *, fingerprints: Sequence[Fingerprint | None] | None = None,
    connection: Connection | None = None, candidates: CandidateCache | None = None,
) -> list[SaveResult]:
    """:func:`save_document` for several documents at once, all or nothing, in their order.

    The documents are written table by table, a few statements for them all rather than about
    fifteen for each (the cost of a statement, not of its rows, was most of an ingest's writing).
    What is stored is what saving them one by one stores, links and ids included, however the
    documents are grouped: a group is cut where that could differ (below). ``candidates``: a
    :class:`Batch`'s cache of the stored documents that linking compares with.
    """
    prints = list(fingerprints) if fingerprints is not None else [None] * len(documents)
    results: list[SaveResult] = []
    with writing(store, connection) as writer:
        while len(results) < len(documents):
            results.extend(_save_run(writer, documents[len(results):], prints[len(results):], candidates))
    return results


def _save_run(
    writer: Connection, documents: Sequence[Document], prints: Sequence[Fingerprint | None],
    candidates: CandidateCache | None = None,
) -> list[SaveResult]:
    """Save the longest run of ``documents`` that can be written together; its results.

    A run stops before a location it already has (the second copy must see the first), and
    before a document that replaces an older version, unless it comes first: the documents
    before it must still see that older version as the newest, as they would one by one.
    """
    run: list[Document] = []
    seen: set[str] = set()
    for document in documents:
        if document.source.location in seen:
            break
        run.append(document)
        seen.add(document.source.location)
    latest = latest_versions(writer, [document.source.location for document in run])
    results: list[SaveResult | None] = []
    new: list[tuple[int, Document, Fingerprint | None, tuple[int, int, str] | None]] = []
    for position, (document, print_) in enumerate(zip(run, prints)):
        stored = latest.get(document.source.location)
        if stored is not None and stored[2] == document.source.sha256:
            results.append(SaveResult("unchanged", stored[0], stored[1]))
            continue
        if stored is not None and position > 0:
            break
        results.append(None)
        new.append((position, document, print_, stored))
    if new:
        _write_new(writer, new, results, candidates)
    return [result for result in results if result is not None]


def _write_new(
    writer: Connection, new: Sequence[tuple[int, Document, Fingerprint | None, tuple[int, int, str] | None]],
    results: list[SaveResult | None], candidates: CandidateCache | None = None,
) -> None:
    """Write documents not stored before (or with new bytes), and fill in their results."""
    replaced = [document.source.location for _, document, _, stored in new if stored is not None]
    if replaced:
        writer.execute(_NOT_LATEST, {"at": replaced})
    now = utc_now()
    rows = [
        {**codec.document_row(document), "version": stored[1] + 1 if stored else 1, "is_latest": True,
         "ingested_at": now}
        for _, document, _, stored in new
    ]
    ids = list(writer.execute(_INSERT_DOCUMENTS, rows).scalars())
    _insert_children(writer, [(document_id, document) for document_id, (_, document, _, _) in zip(ids, new)])
    # Fingerprint them and link them to the stored documents they copy or translate (store.links).
    index_documents(
        writer,
        [IndexEntry(document_id, document, print_, replaces=stored is not None)
         for document_id, (_, document, print_, stored) in zip(ids, new)],
        made_at=now, cache=candidates,
    )
    writer.execute(_FORGET_FAILURES, {"at": [document.source.location for _, document, _, _ in new]})
    for document_id, row, (position, _, _, stored) in zip(ids, rows, new):
        results[position] = SaveResult("new_version" if stored else "stored", document_id, row["version"])


def latest_versions(connection: Connection, locations: Sequence[str]) -> dict[str, tuple[int, int, str]]:
    """``(id, version, sha256)`` of the newest stored copy of each location stored before."""
    newest: dict[str, tuple[int, int, str]] = {}
    for row in connection.execute(_VERSIONS, {"locations": list(locations)}):
        if row.location not in newest or row.version > newest[row.location][1]:
            newest[row.location] = (row.id, row.version, row.sha256)
    return newest


def _insert_children(connection: Connection, written: Sequence[tuple[int, Document]]) -> None:
    issuer_rows = [
        {**row, "document_id": document_id}
        for document_id, document in written for row in codec.issuer_rows(document.card)
    ]
    if issuer_rows:
        insert_rows(connection, issuers, issuer_rows)
    ids = series_ids(connection, (claim for _, document in written for claim in document.claims))
    verified_at = utc_now()
    claim_rows = []
    for document_id, document in written:
        for position, claim in enumerate(document.claims):
            row = {**codec.claim_row(claim, position, ids), "document_id": document_id}
            row["verified_at"] = verified_at if row["verdict"] else None
            claim_rows.append(row)
    if claim_rows:
        insert_rows(connection, claims, claim_rows)
    demand_rows = [
        {**codec.demand_row(demand, position), "document_id": document_id}
        for document_id, document in written for position, demand in enumerate(document.demands)
    ]
    if demand_rows:
        insert_rows(connection, demands, demand_rows)
    mention_rows = [
        {**row, "document_id": document_id} for document_id, document in written for row in codec.mention_rows(document)
    ]
    if mention_rows:
        insert_rows(connection, mentions, mention_rows)


def record_failure(
    store: Store, location: str, error: BaseException, *, connection: Connection | None = None
) -> None:
    """Remember that ``location`` could not be read or checked, and why (one row per location)."""
    # a file name that is not UTF-8 (surrogate escapes) cannot be stored: \xNN, as in Source.location
    location = valid_text(location)
    reason = valid_text(str(getattr(error, "message", None) or error) or type(error).__name__)
    with writing(store, connection) as writer:
        attempts = writer.execute(
            select(failures.c.attempts).where(failures.c.location == location)
        ).scalar()
        values = {"error": type(error).__name__, "reason": reason, "failed_at": utc_now()}
        if attempts is None:
            writer.execute(insert(failures).values(location=location, attempts=1, **values))
        else:
            writer.execute(
                update(failures).where(failures.c.location == location).values(attempts=attempts + 1, **values)
            )


def clear_failure(store: Store, location: str, *, connection: Connection | None = None) -> None:
    """Forget an earlier failure of ``location`` (it has now been read)."""
    location = valid_text(location)
    with writing(store, connection) as writer:
        writer.execute(_FORGET_FAILURES, {"at": [location]})


def load_document(store: Store, document_id: int) -> StoredDocument | None:
    """One stored document with its claims (in order) and versions; None if there is no such id."""
    with database_errors(store), store.engine.connect() as connection:
        row = connection.execute(select(documents).where(documents.c.id == document_id)).mappings().first()
        if row is None:
            return None
        claim_rows = list(
            connection.execute(
                select(claims).where(claims.c.document_id == document_id).order_by(claims.c.position)
            ).mappings()
        )
        demand_rows = list(
            connection.execute(
                select(demands).where(demands.c.document_id == document_id).order_by(demands.c.position)
            ).mappings()
        )
        mention_rows = list(
            connection.execute(
                select(mentions).where(mentions.c.document_id == document_id).order_by(mentions.c.position)
            ).mappings()
        )
        series = series_by_id(connection) if any(claim["verdict"] for claim in claim_rows) else {}
        versions = connection.execute(
            select(documents.c.id, documents.c.version, documents.c.ingested_at, documents.c.sha256)
            .where(documents.c.location == row["location"])
            .order_by(documents.c.version)
        ).all()
    return StoredDocument(
        id=row["id"],
        version=row["version"],
        is_latest=bool(row["is_latest"]),
        ingested_at=row["ingested_at"],
        document=codec.document_from_rows(row, claim_rows, demand_rows, mention_rows, series=series),
        claim_ids=tuple(claim["id"] for claim in claim_rows),
        versions=tuple(Version(v.id, v.version, v.ingested_at, v.sha256) for v in versions),
    )


def document_ids(store: Store, *, all_versions: bool = False) -> list[int]:
    """Ids of the newest version of every location (or of every version), oldest first."""
    query = select(documents.c.id).order_by(documents.c.id)
    if not all_versions:
        query = query.where(documents.c.is_latest.is_(True))
    with database_errors(store), store.engine.connect() as connection:
        return list(connection.execute(query).scalars())


def table_counts(store: Store) -> dict[str, int]:
    """Rows per table: what tests and ``statecheck ingest`` report."""
    with database_errors(store), store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (documents, issuers, claims, demands, mentions, document_links, failures)
        }
