"""Links between stored documents: copies, republications and translations, found at ingest.

When a document is saved, :func:`index_document` (in the same transaction) stores its
fingerprint (:mod:`statecheck.extract.fingerprint`) and the LSH band keys of it, looks up the
documents that share a band key (one indexed query, whatever the corpus's size), measures
those few candidates exactly, and stores a row in ``document_links`` for each that one copies,
republishes or translates the other. Stored documents are never fingerprinted again: the
stored signature and band keys are what a new document meets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, case, delete, func, insert, select

from statecheck.extract import fingerprint as fp
from statecheck.model import Document
from statecheck.store.schema import document_bands, document_fingerprints, document_links, documents

#: The most candidates measured for one new document (the most band keys shared first): a text
#: that collides with more is boilerplate, and its best matches are among these.
MAX_CANDIDATES = 100

#: Candidates that share only word bands and whose signatures agree less than this are chance
#: collisions; their texts are not read.
MIN_ESTIMATE = 0.15


@dataclass(frozen=True)
class LinkRow:
    """A link as stored: ``doc_a`` is the original, ``doc_b`` the copy or translation."""

    doc_a: int
    doc_b: int
    kind: fp.LinkKind
    share: float
    jaccard: float


def index_document(
    connection: Connection, document_id: int, document: Document, *, made_at: str,
    print_: fp.Fingerprint | None = None,
) -> list[LinkRow]:
    """Fingerprint a stored document, index it, and link it to the documents it relates to.

    Only the newest version of other locations is compared; older versions of the document's
    own location leave the index (their links stay, and the pages show only newest versions).
    """
    print_ = print_ or fp.fingerprint(document.text.normalised)
    connection.execute(delete(document_bands).where(document_bands.c.document_id == document_id))
    connection.execute(delete(document_fingerprints).where(document_fingerprints.c.document_id == document_id))
    connection.execute(
        insert(document_fingerprints).values(
            document_id=document_id, shingles=len(print_.shingles), signature=print_.signature,
            numbers=len(print_.numbers), number_signature=print_.number_signature, made_at=made_at,
        )
    )
    older = select(documents.c.id).where(
        documents.c.location == document.source.location, documents.c.id != document_id
    )
    connection.execute(delete(document_bands).where(document_bands.c.document_id.in_(older)))
    word_keys, number_keys = fp.word_band_keys(print_), fp.number_band_keys(print_)
    keys = set(word_keys) | set(number_keys)
    if keys:
        connection.execute(insert(document_bands), [{"key": key, "document_id": document_id} for key in keys])
    candidates = _candidates(connection, document_id, document, word_keys, number_keys)
    links = _measure(connection, document_id, document, print_, candidates)
    connection.execute(
        delete(document_links).where((document_links.c.doc_a == document_id) | (document_links.c.doc_b == document_id))
    )
    if links:
        connection.execute(
            insert(document_links),
            [{"doc_a": link.doc_a, "doc_b": link.doc_b, "kind": link.kind, "share": round(link.share, 4),
              "jaccard": round(link.jaccard, 4), "found_at": made_at} for link in links],
        )
    return links


def _candidates(
    connection: Connection, document_id: int, document: Document, word_keys: Sequence[int],
    number_keys: Sequence[int],
) -> dict[int, bool]:
    """Newest documents of other locations sharing a band key, the most shared first:
    id → whether they share a word band (else only number bands)."""
    if not word_keys and not number_keys:
        return {}
    shared = func.count().label("shared")
    by_word = func.sum(case((document_bands.c.key.in_(list(word_keys) or [0]), 1), else_=0)).label("by_word")
    rows = connection.execute(
        select(document_bands.c.document_id, shared, by_word)
        .join(documents, documents.c.id == document_bands.c.document_id)
        .where(
            document_bands.c.key.in_([*word_keys, *number_keys]),
            document_bands.c.document_id != document_id,
            documents.c.is_latest.is_(True),
            documents.c.location != document.source.location,
        )
        .group_by(document_bands.c.document_id)
        .order_by(shared.desc(), document_bands.c.document_id)
        .limit(MAX_CANDIDATES)
    ).all()
    return {row.document_id: bool(row.by_word) for row in rows}


def _measure(
    connection: Connection, document_id: int, document: Document, print_: fp.Fingerprint,
    candidates: dict[int, bool],
) -> list[LinkRow]:
    if not candidates:
        return []
    signatures = dict(
        connection.execute(
            select(document_fingerprints.c.document_id, document_fingerprints.c.signature)
            .where(document_fingerprints.c.document_id.in_(list(candidates)))
        ).all()
    )
    worth_reading = [
        other for other, by_word in candidates.items()
        if not by_word or fp.jaccard_estimate(print_.signature, signatures.get(other, b"")) >= MIN_ESTIMATE
    ]
    if not worth_reading:
        return []
    rows = connection.execute(
        select(documents.c.id, documents.c.text_normalised, documents.c.language, documents.c.date)
        .where(documents.c.id.in_(worth_reading))
    ).all()
    links = []
    for row in rows:
        similarity = fp.compare(
            print_, fp.fingerprint(row.text_normalised),
            language_a=document.card.language, language_b=row.language,
        )
        if similarity is None:
            continue
        new_first = _earlier(document.card.date, row.date)
        doc_a, doc_b = (document_id, row.id) if new_first else (row.id, document_id)
        links.append(LinkRow(doc_a, doc_b, similarity.kind, similarity.share, similarity.jaccard))
    return sorted(links, key=lambda link: (-link.share, link.doc_a, link.doc_b))


def _earlier(date: str | None, other: str | None) -> bool:
    """Whether ``date`` is plainly before ``other`` ("2024-03" is not before "2024-03-05")."""
    if not date or not other or date.startswith(other) or other.startswith(date):
        return False
    return date < other
