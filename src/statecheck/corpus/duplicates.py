"""Copies, republications and translations between documents.

In a corpus the links are found at ingest (:mod:`statecheck.store.links`: each new document is
fingerprinted and compared, through the LSH band index, with the documents that share a band
key — never with all of them). This module lists them, and brings a corpus up to date:
:func:`index_corpus` fingerprints and links the documents stored before the fingerprints
existed (a corpus made by migration 0001) and gives them their mentions; with ``rebuild`` it
does every document again (after the fingerprint constants or the mention lexicon change).

:func:`links_between` does the same for documents in memory (the report of files): the same
band keys, kept in a dict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update

from statecheck.extract import fingerprint as fp
from statecheck.extract.issuers import entity_key
from statecheck.extract.mentions import extract_mentions
from statecheck.model import Document
from statecheck.options import Options
from statecheck.store import codec
from statecheck.store.database import Store, database_errors
from statecheck.store.documents import load_document, utc_now
from statecheck.store.links import index_document
from statecheck.store.schema import (
    document_bands,
    document_fingerprints,
    documents,
    issuers,
    mentions,
)
from statecheck.store.schema import document_links as links_table

KINDS: tuple[str, ...] = ("duplicate", "republication", "translation")


@dataclass(frozen=True)
class LinkedDocument:
    id: int
    title: str | None
    location: str
    date: str | None
    language: str | None

    @property
    def label(self) -> str:
        return self.title or self.location


@dataclass(frozen=True)
class DocumentLink:
    """``b`` copies, republishes or translates ``a`` (the earlier, or the one stored first)."""

    kind: str
    share: float
    jaccard: float
    a: LinkedDocument
    b: LinkedDocument

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "share": self.share, "jaccard": self.jaccard,
            "doc_a": self.a.id, "location_a": self.a.location, "title_a": self.a.title, "date_a": self.a.date,
            "language_a": self.a.language,
            "doc_b": self.b.id, "location_b": self.b.location, "title_b": self.b.title, "date_b": self.b.date,
            "language_b": self.b.language,
        }


@dataclass(frozen=True)
class IndexReport:
    documents: int
    """Documents fingerprinted now."""
    links: int
    """Links found for them."""


def document_links(
    store: Store, *, kind: str | None = None, document_id: int | None = None
) -> tuple[DocumentLink, ...]:
    """Stored links between newest versions, the largest share first; ``document_id``: only
    the links of that document."""
    a, b = documents.alias("doc_a_row"), documents.alias("doc_b_row")
    query = (
        select(links_table.c.kind, links_table.c.share, links_table.c.jaccard,
               a.c.id.label("a_id"), a.c.title.label("a_title"), a.c.location.label("a_location"),
               a.c.date.label("a_date"), a.c.language.label("a_language"),
               b.c.id.label("b_id"), b.c.title.label("b_title"), b.c.location.label("b_location"),
               b.c.date.label("b_date"), b.c.language.label("b_language"))
        .select_from(links_table).join(a, a.c.id == links_table.c.doc_a)
        .join(b, b.c.id == links_table.c.doc_b)
        .where(a.c.is_latest.is_(True), b.c.is_latest.is_(True))
        .order_by(links_table.c.share.desc(), a.c.id, b.c.id)
    )
    if kind:
        query = query.where(links_table.c.kind == kind)
    if document_id is not None:
        query = query.where((links_table.c.doc_a == document_id) | (links_table.c.doc_b == document_id))
    with database_errors(store), store.engine.connect() as connection:
        rows = connection.execute(query).all()
    return tuple(
        DocumentLink(
            kind=row.kind, share=row.share, jaccard=row.jaccard,
            a=LinkedDocument(row.a_id, row.a_title, row.a_location, row.a_date, row.a_language),
            b=LinkedDocument(row.b_id, row.b_title, row.b_location, row.b_date, row.b_language),
        )
        for row in rows
    )


def index_corpus(
    store: Store, *, rebuild: bool = False, on_document: Callable[[int], None] | None = None
) -> IndexReport:
    """Fingerprint, link and give mentions to the newest documents that have no fingerprint yet
    (all of them with ``rebuild``), one transaction per document, oldest first (so each is
    compared with those before it, as at ingest). Issuers stored without an entity key get one.
    """
    with database_errors(store), store.engine.begin() as connection:
        if rebuild:
            for table in (links_table, document_bands, document_fingerprints):
                connection.execute(delete(table))
        ids = list(
            connection.execute(
                select(documents.c.id)
                .where(documents.c.is_latest.is_(True),
                       ~documents.c.id.in_(select(document_fingerprints.c.document_id)))
                .order_by(documents.c.id)
            ).scalars()
        )
        _fill_issuer_entities(connection)
    found = 0
    options = Options(verify=False)
    for document_id in ids:
        stored = load_document(store, document_id)
        if stored is None:  # removed meanwhile
            continue
        document = stored.document
        with database_errors(store), store.engine.begin() as connection:
            if rebuild or not document.mentions:
                document = extract_mentions(document, options)
                connection.execute(delete(mentions).where(mentions.c.document_id == document_id))
                rows = [{**row, "document_id": document_id} for row in codec.mention_rows(document)]
                if rows:
                    connection.execute(insert(mentions), rows)
            found += len(index_document(connection, document_id, document, made_at=utc_now()))
        if on_document is not None:
            on_document(document_id)
    return IndexReport(len(ids), found)


def _fill_issuer_entities(connection: Any) -> None:
    rows = connection.execute(select(issuers.c.id, issuers.c.name).where(issuers.c.entity.is_(None))).all()
    for row in rows:
        if not row.name.startswith("("):  # "(unnamed party)" names nobody
            connection.execute(update(issuers).where(issuers.c.id == row.id).values(entity=entity_key(row.name)))


def find_duplicates(
    store: Store, *, kind: str | None = None, rebuild: bool = False
) -> tuple[IndexReport, tuple[DocumentLink, ...]]:
    """``statecheck duplicates``: bring the index up to date (:func:`index_corpus`), then list the links."""
    report = index_corpus(store, rebuild=rebuild)
    return report, document_links(store, kind=kind)


# --------------------------------------------------------------------------- in memory


@dataclass(frozen=True)
class MemoryLink:
    """A link between two documents of a list: ``b`` (an index) copies or translates ``a``."""

    a: int
    b: int
    kind: str
    share: float
    jaccard: float


def links_between(docs: Sequence[Document]) -> tuple[MemoryLink, ...]:
    """The links among documents in memory: LSH buckets in a dict, then the same measure as in
    a corpus. ``a`` is the earlier document by date (else the first in the list)."""
    prints = [fp.fingerprint(d.text.normalised) for d in docs]
    buckets: dict[int, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for index, print_ in enumerate(prints):
        for key in set(fp.band_keys(print_)):
            for other in buckets[key]:
                pairs.add((other, index))
            buckets[key].append(index)
    links = []
    for first, second in sorted(pairs):
        similarity = fp.compare(prints[first], prints[second], language_a=docs[first].card.language,
                                language_b=docs[second].card.language)
        if similarity is None:
            continue
        date_a, date_b = docs[first].card.date, docs[second].card.date
        swap = bool(date_a and date_b and date_b < date_a and not date_a.startswith(date_b))
        a, b = (second, first) if swap else (first, second)
        links.append(MemoryLink(a, b, similarity.kind, similarity.share, similarity.jaccard))
    return tuple(sorted(links, key=lambda link: (-link.share, link.a, link.b)))
