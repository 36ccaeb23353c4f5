"""Writing one document (in one transaction) and reading it back."""

from __future__ import annotations

from collections.abc import Iterator
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
from statecheck.store.links import index_document
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
_LATEST = (
    select(documents.c.id, documents.c.version, documents.c.sha256)
    .where(documents.c.location == bindparam("location"))
    .order_by(documents.c.version.desc())
    .limit(1)
)
_NOT_LATEST = update(documents).where(documents.c.location == bindparam("at")).values(is_latest=False)
_FORGET_FAILURE = delete(failures).where(failures.c.location == bindparam("at"))


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
    row = connection.execute(_LATEST, {"location": location}).first()
    return (row.id, row.version, row.sha256) if row else None


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
    location = document.source.location
    with writing(store, connection) as writer:
        latest = latest_version(writer, location)
        if latest is not None and latest[2] == document.source.sha256:
            return SaveResult("unchanged", latest[0], latest[1])
        version = latest[1] + 1 if latest else 1
        if latest:
            writer.execute(_NOT_LATEST, {"at": location})
        document_id = writer.execute(
            insert(documents), {**codec.document_row(document), "version": version, "is_latest": True, "ingested_at": utc_now()}
        ).inserted_primary_key[0]  # type: ignore[index]
        _insert_children(writer, document_id, document)
        # Fingerprint it and link it to the stored documents it copies or translates (store.links).
        index_document(
            writer, document_id, document, made_at=utc_now(), print_=fingerprint, new=True, replaces=latest is not None
        )
        writer.execute(_FORGET_FAILURE, {"at": location})
    return SaveResult("new_version" if latest else "stored", document_id, version)


def _insert_children(connection: Connection, document_id: int, document: Document) -> None:
    rows = [{**row, "document_id": document_id} for row in codec.issuer_rows(document.card)]
    if rows:
        connection.execute(insert(issuers), rows)
    if document.claims:
        ids = series_ids(connection, document.claims)
        rows = [{**codec.claim_row(claim, n, ids), "document_id": document_id} for n, claim in enumerate(document.claims)]
        verified_at = utc_now()
        for row in rows:
            row["verified_at"] = verified_at if row["verdict"] else None
        connection.execute(insert(claims), rows)
    rows = [{**codec.demand_row(demand, n), "document_id": document_id} for n, demand in enumerate(document.demands)]
    if rows:
        connection.execute(insert(demands), rows)
    rows = [{**row, "document_id": document_id} for row in codec.mention_rows(document)]
    if rows:
        connection.execute(insert(mentions), rows)


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
        writer.execute(_FORGET_FAILURE, {"at": location})


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
