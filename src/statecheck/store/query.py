"""Reading the corpus for people: search, facets and filtered claim lists.

Every function takes a frozen query object (what the user asked) and returns frozen rows,
so the web pages, the JSON API, the report and ``export`` share one implementation.
Only the newest version of each document is searched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal_column, select, text
from sqlalchemy.engine import Connection

from statecheck.model import Claim
from statecheck.store import codec
from statecheck.store.database import Store, database_errors
from statecheck.store.evidence import series_by_id
from statecheck.store.schema import claims, documents, failures, issuers

#: The facet value for claims that have not been checked yet.
UNCHECKED = "unchecked"

Sort = Literal["date_desc", "date_asc"]


@dataclass(frozen=True)
class DocumentQuery:
    """A search of the documents: full text plus facet filters (all optional)."""

    q: str | None = None
    issuer: str | None = None
    year: int | None = None
    language: str | None = None
    verdict: str | None = None
    """Documents with at least one claim of this verdict (or ``unchecked``)."""
    sort: Sort = "date_desc"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class ClaimQuery:
    """A filter of the claims; the document filters apply to the claim's document."""

    q: str | None = None
    """Words in the quote (a case-insensitive substring)."""
    metric: str | None = None
    verdict: str | None = None
    place: str | None = None
    issuer: str | None = None
    year: int | None = None
    language: str | None = None
    document_id: int | None = None
    limit: int | None = 200
    offset: int = 0


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    location: str
    doc_id: str
    version: int
    title: str | None
    date: str | None
    language: str | None
    issuers: tuple[str, ...]
    summary: str
    verdicts: dict[str, int] = field(hash=False)
    """Claims per verdict (``unchecked`` for those without one)."""

    @property
    def claims(self) -> int:
        return sum(self.verdicts.values())


@dataclass(frozen=True)
class Facet:
    name: str
    values: tuple[tuple[str, int], ...]
    """``(value, documents)`` pairs, most documents first."""


@dataclass(frozen=True)
class DocumentPage:
    documents: tuple[DocumentSummary, ...]
    total: int
    facets: tuple[Facet, ...]


@dataclass(frozen=True)
class ClaimRow:
    """A claim with what a table of claims shows about its document."""

    id: int
    document_id: int
    position: int
    """The claim's index among its document's claims (``Document.claims[position]``)."""
    location: str
    title: str | None
    date: str | None
    language: str | None
    issuers: tuple[str, ...]
    claim: Claim

    def to_record(self, *, with_evidence: bool = True) -> dict[str, Any]:
        """The claim's spec §2 record followed by its document's columns (for CSV, JSON, Parquet)."""
        return {
            **self.claim.to_record(with_evidence=with_evidence),
            "claim_id": self.id,
            "document_id": self.document_id,
            "location": self.location,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "issuers": list(self.issuers),
        }


@dataclass(frozen=True)
class ClaimPage:
    claims: tuple[ClaimRow, ...]
    total: int
    facets: tuple[Facet, ...]


@dataclass(frozen=True)
class Failure:
    location: str
    error: str
    reason: str
    failed_at: str
    attempts: int


# --- full-text search ------------------------------------------------------------------------


def fts_match_expression(words: str) -> str:
    """A user's words as an FTS5 query: each word quoted (so ``-``, ``"`` or ``AND`` are just text), all required."""
    terms = [word.replace('"', '""') for word in words.split()]
    return " ".join(f'"{term}"' for term in terms if term)


def _text_search(store: Store, words: str) -> ColumnElement[bool]:
    if store.dialect == "sqlite":
        match = fts_match_expression(words)
        if not match:
            return literal_column("1") == 1
        return documents.c.id.in_(
            text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :match").bindparams(match=match)
        )
    # PostgreSQL: the same expression as the GIN index in migration 0001, so the index is used.
    vector = func.to_tsvector(
        literal_column("'simple'"), func.coalesce(documents.c.title, "") + " " + documents.c.text_original
    )
    return vector.op("@@")(func.websearch_to_tsquery(literal_column("'simple'"), words))


# --- filters -----------------------------------------------------------------------------------


def _verdict_condition(verdict: str) -> ColumnElement[bool]:
    return claims.c.verdict.is_(None) if verdict == UNCHECKED else claims.c.verdict == verdict


def _document_conditions(
    store: Store, *, q: str | None, issuer: str | None, year: int | None, language: str | None,
    verdict: str | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [documents.c.is_latest.is_(True)]
    if q and q.strip():
        conditions.append(_text_search(store, q.strip()))
    if issuer:
        conditions.append(
            exists().where(and_(issuers.c.document_id == documents.c.id, issuers.c.name == issuer))
        )
    if year is not None:
        conditions.append(documents.c.year == year)
    if language:
        conditions.append(documents.c.language == language)
    if verdict:
        conditions.append(
            exists().where(and_(claims.c.document_id == documents.c.id, _verdict_condition(verdict)))
        )
    return conditions


def _facets(connection: Connection, matching: Select[Any]) -> tuple[Facet, ...]:
    """Counts of matching documents per issuer, year, language and verdict."""
    ids = matching.subquery()
    facets = []
    for name, column, joined in (
        ("issuer", issuers.c.name, issuers),
        ("year", documents.c.year, documents),
        ("language", documents.c.language, documents),
        ("verdict", func.coalesce(claims.c.verdict, UNCHECKED), claims),
    ):
        key = joined.c.document_id if joined is not documents else documents.c.id
        count = func.count(func.distinct(key))
        rows = connection.execute(
            select(column.label("value"), count.label("n"))
            .select_from(joined)
            .where(key.in_(select(ids.c.id)), column.is_not(None))
            .group_by(column)
            .order_by(count.desc(), column)
            .limit(30)
        ).all()
        facets.append(Facet(name, tuple((str(row.value), int(row.n)) for row in rows)))
    return tuple(facets)


def _issuers_of(connection: Connection, document_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    if document_ids:
        for row in connection.execute(
            select(issuers.c.document_id, issuers.c.name)
            .where(issuers.c.document_id.in_(document_ids))
            .order_by(issuers.c.document_id, issuers.c.position)
        ):
            found.setdefault(row.document_id, []).append(row.name)
    return {key: tuple(names) for key, names in found.items()}


def _date_order(sort: Sort) -> list[Any]:
    date = documents.c.date
    if sort == "date_asc":
        return [date.asc().nulls_last(), documents.c.id.asc()]
    return [date.desc().nulls_last(), documents.c.id.desc()]


# --- documents ---------------------------------------------------------------------------------


def search_documents(store: Store, query: DocumentQuery = DocumentQuery()) -> DocumentPage:
    """The newest version of each matching document, sorted by date, with facet counts."""
    conditions = _document_conditions(
        store, q=query.q, issuer=query.issuer, year=query.year, language=query.language, verdict=query.verdict
    )
    matching = select(documents.c.id).where(*conditions)
    with database_errors(store), store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(matching.subquery())).scalar_one()
        rows = connection.execute(
            select(
                documents.c.id, documents.c.location, documents.c.doc_id, documents.c.version,
                documents.c.title, documents.c.date, documents.c.language, documents.c.summary,
            )
            .where(*conditions)
            .order_by(*_date_order(query.sort))
            .limit(query.limit)
            .offset(query.offset)
        ).all()
        ids = [row.id for row in rows]
        names = _issuers_of(connection, ids)
        verdicts: dict[int, dict[str, int]] = {}
        if ids:
            verdict = func.coalesce(claims.c.verdict, UNCHECKED)
            for count_row in connection.execute(
                select(claims.c.document_id, verdict.label("verdict"), func.count().label("n"))
                .where(claims.c.document_id.in_(ids))
                .group_by(claims.c.document_id, verdict)
            ):
                verdicts.setdefault(count_row.document_id, {})[count_row.verdict] = int(count_row.n)
        facets = _facets(connection, matching)
    summaries = tuple(
        DocumentSummary(
            id=row.id, location=row.location, doc_id=row.doc_id, version=row.version, title=row.title,
            date=row.date, language=row.language, issuers=names.get(row.id, ()), summary=row.summary or "",
            verdicts=verdicts.get(row.id, {}),
        )
        for row in rows
    )
    return DocumentPage(summaries, total, facets)


# --- claims ------------------------------------------------------------------------------------


def search_claims(store: Store, query: ClaimQuery = ClaimQuery()) -> ClaimPage:
    """Claims of the newest documents matching the filter, by document date then position."""
    conditions = _document_conditions(
        store, q=None, issuer=query.issuer, year=query.year, language=query.language, verdict=None
    )
    if query.q and query.q.strip():
        conditions.append(func.lower(claims.c.quote).contains(query.q.strip().lower(), autoescape=True))
    if query.metric:
        conditions.append(claims.c.metric == query.metric)
    if query.verdict:
        conditions.append(_verdict_condition(query.verdict))
    if query.place:
        conditions.append(claims.c.place == query.place)
    if query.document_id is not None:
        conditions.append(claims.c.document_id == query.document_id)
    joined = claims.join(documents, claims.c.document_id == documents.c.id)
    base = select(claims.c.id).select_from(joined).where(*conditions)
    ordered = (
        select(claims, documents.c.location, documents.c.title, documents.c.date.label("document_date"),
               documents.c.language)
        .select_from(joined)
        .where(*conditions)
        .order_by(documents.c.date.desc().nulls_last(), documents.c.id.desc(), claims.c.position)
        .offset(query.offset)
    )
    if query.limit is not None:
        ordered = ordered.limit(query.limit)
    with database_errors(store), store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        rows = list(connection.execute(ordered).mappings())
        names = _issuers_of(connection, sorted({row["document_id"] for row in rows}))
        series = series_by_id(connection) if any(row["verdict"] for row in rows) else {}
        facets = _claim_facets(connection, base)
    found = tuple(
        ClaimRow(
            id=row["id"], document_id=row["document_id"], position=row["position"], location=row["location"], title=row["title"],
            date=row["document_date"], language=row["language"], issuers=names.get(row["document_id"], ()),
            claim=codec.claim_from_row(row, series),
        )
        for row in rows
    )
    return ClaimPage(found, total, facets)


def _claim_facets(connection: Connection, matching: Select[Any]) -> tuple[Facet, ...]:
    """Counts of matching claims per verdict, metric and place."""
    ids = matching.subquery()
    facets = []
    for name, column in (
        ("verdict", func.coalesce(claims.c.verdict, UNCHECKED)),
        ("metric", claims.c.metric),
        ("place", claims.c.place),
    ):
        count = func.count()
        rows = connection.execute(
            select(column.label("value"), count.label("n"))
            .where(claims.c.id.in_(select(ids.c.id)), column.is_not(None))
            .group_by(column)
            .order_by(count.desc(), column)
            .limit(40)
        ).all()
        facets.append(Facet(name, tuple((str(row.value), int(row.n)) for row in rows)))
    return tuple(facets)


def checked_claims(store: Store) -> tuple[ClaimRow, ...]:
    """Every claim of the newest documents that has evidence: what the record page plots."""
    page = search_claims(store, ClaimQuery(limit=None))
    return tuple(row for row in page.claims if row.claim.verdict and row.claim.verdict.evidence)


def list_failures(store: Store) -> tuple[Failure, ...]:
    with database_errors(store), store.engine.connect() as connection:
        rows = connection.execute(select(failures).order_by(failures.c.failed_at.desc(), failures.c.id)).all()
    return tuple(Failure(r.location, r.error, r.reason, r.failed_at, r.attempts) for r in rows)


def evidence_json(row: ClaimRow) -> str:
    """The claim's evidence as one JSON string (for flat formats: CSV, Parquet)."""
    evidence = row.claim.to_record().get("evidence", [])
    return json.dumps(evidence, ensure_ascii=False)
