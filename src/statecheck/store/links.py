"""Links between stored documents: copies, republications and translations, found at ingest.

When a document is saved, :func:`index_document` (in the same transaction) stores its
fingerprint (:mod:`statecheck.extract.fingerprint`) and its LSH band keys, and compares it with
the documents that share a band key, never with the whole corpus:

1. one indexed lookup of its band keys (``document_bands``, primary key ``(key, document_id)``);
   a bucket holds at most :data:`BUCKET_MAX` documents, the first to arrive (boilerplate that
   thousands of documents share would otherwise make every lookup as long as the corpus);
2. the candidates' stored signatures and sizes estimate how much of the shorter text is in the
   other (all candidates at once), so only the :data:`MAX_MEASURED` likeliest are measured;
3. those few are measured exactly on their stored shingle hashes (a translation also needs the
   numbers and names of the text, read from it), and a row goes to ``document_links`` for each
   that one copies, republishes or translates the other.

The work per new document is bounded by those constants, whatever the corpus's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import BindParameter, Connection, bindparam, case, delete, func, insert, select

from statecheck.extract import fingerprint as fp
from statecheck.model import Document
from statecheck.store.schema import document_bands, document_fingerprints, document_links, documents

BUCKET_MAX = 50
"""Documents kept under one band key; later ones still look the key up, but are not added."""
MAX_CANDIDATES = 200
"""Candidates considered per new document (those sharing the most band keys)."""
MAX_MEASURED = 10
"""Candidates measured exactly per new document (the likeliest by their signatures)."""
NUMBERS_LIKENESS_MIN = 0.25
"""A candidate in another language is read when this share of its number triples' MinHash
values agree with the new document's."""
ESTIMATE_MARGIN = 0.15
"""A candidate is read when its estimated share is within this of :data:`fp.SHARE_MIN` (the
estimate from 128 MinHash values is good to about ±0.05, worse for short texts)."""


# Built once: an ingest runs these for every document, and building a statement costs more than
# running it on SQLite.
_KEYS: BindParameter[list[int]] = bindparam("keys", expanding=True)
_DROP_OLDER_BANDS = delete(document_bands).where(
    document_bands.c.document_id.in_(
        select(documents.c.id).where(documents.c.location == bindparam("location"), documents.c.id != bindparam("me"))
    )
)
_BUCKET_SIZES = (
    select(document_bands.c.key, func.count()).where(document_bands.c.key.in_(_KEYS)).group_by(document_bands.c.key)
)
_SHARED = func.count().label("shared")
_RANKED = (
    select(
        document_bands.c.document_id,
        _SHARED,
        func.max(case((document_bands.c.key.in_(bindparam("word_keys", expanding=True)), 1), else_=0)).label("by_word"),
    )
    .where(document_bands.c.key.in_(_KEYS))
    .group_by(document_bands.c.document_id)
    .order_by(_SHARED.desc(), document_bands.c.document_id)
    .limit(MAX_CANDIDATES)
)
_CANDIDATE_ROWS = (
    select(documents.c.id, documents.c.language, documents.c.date, document_fingerprints.c.shingles,
           document_fingerprints.c.signature, document_fingerprints.c.numbers,
           document_fingerprints.c.number_signature)
    .join(document_fingerprints, document_fingerprints.c.document_id == documents.c.id)
    .where(documents.c.id.in_(bindparam("ids", expanding=True)), documents.c.is_latest.is_(True),
           documents.c.location != bindparam("location"))
)
_MEASURED_ROWS = (
    select(documents.c.id, documents.c.language, documents.c.date, document_fingerprints.c.shingle_hashes)
    .join(document_fingerprints, document_fingerprints.c.document_id == documents.c.id)
    .where(documents.c.id.in_(bindparam("ids", expanding=True)))
)
_TEXTS = select(documents.c.id, documents.c.text_normalised).where(documents.c.id.in_(bindparam("ids", expanding=True)))


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
    print_: fp.Fingerprint | None = None, new: bool = False, replaces: bool = True,
) -> list[LinkRow]:
    """Fingerprint a stored document, index it, and link it to the documents it relates to.

    Only the newest version of other locations is compared; older versions of the document's
    own location leave the index (their links stay, and the pages show only newest versions).
    ``new``: the document was inserted in this transaction, so it has no index rows to replace;
    ``replaces``: older versions of its location may be in the index (False: it is the first).
    """
    print_ = print_ or fp.fingerprint(document.text.normalised)
    if not new:
        for table in (document_bands, document_fingerprints):
            connection.execute(delete(table).where(table.c.document_id == document_id))
        connection.execute(
            delete(document_links).where((document_links.c.doc_a == document_id) | (document_links.c.doc_b == document_id))
        )
    connection.execute(
        insert(document_fingerprints),
        {"document_id": document_id, "shingles": len(print_.shingles), "signature": print_.signature,
         "numbers": len(print_.numbers), "number_signature": print_.number_signature,
         "shingle_hashes": fp.pack_shingles(print_.shingles), "made_at": made_at},
    )
    if replaces:
        connection.execute(_DROP_OLDER_BANDS, {"location": document.source.location, "me": document_id})
    word_keys, number_keys = fp.word_band_keys(print_), fp.number_band_keys(print_)
    keys = sorted(set(word_keys) | set(number_keys))
    if not keys:
        return []
    filled: dict[int, int] = dict(connection.execute(_BUCKET_SIZES, {"keys": keys}).all())
    candidates = _candidates(connection, document, keys, word_keys)
    room = [key for key in keys if filled.get(key, 0) < BUCKET_MAX]
    if room:
        connection.execute(insert(document_bands), [{"key": key, "document_id": document_id} for key in room])
    links = _measure(connection, document_id, document, print_, candidates)
    if links:
        connection.execute(
            insert(document_links),
            [{"doc_a": link.doc_a, "doc_b": link.doc_b, "kind": link.kind, "share": round(link.share, 4),
              "jaccard": round(link.jaccard, 4), "found_at": made_at} for link in links],
        )
    return links


def candidate_ids(connection: Connection, document: Document, print_: fp.Fingerprint) -> list[int]:
    """The documents a new document with this fingerprint would be compared with (for tests and
    benchmarks: :func:`index_document` makes the same lookup)."""
    word_keys, number_keys = fp.word_band_keys(print_), fp.number_band_keys(print_)
    keys = sorted(set(word_keys) | set(number_keys))
    return [row.id for row, _ in _candidates(connection, document, keys, word_keys)]


def _candidates(
    connection: Connection, document: Document, keys: Sequence[int], word_keys: Sequence[int]
) -> list[tuple[Any, bool]]:
    """The newest documents of other locations among those sharing a band key, the most keys
    shared first, with their fingerprints' sizes and signatures and their languages, and whether
    they share a word band (else only number bands)."""
    if not keys:
        return []
    ranked = {
        row.document_id: bool(row.by_word)
        for row in connection.execute(_RANKED, {"keys": list(keys), "word_keys": list(word_keys) or [0]})
    }
    if not ranked:
        return []
    found = connection.execute(_CANDIDATE_ROWS, {"ids": list(ranked), "location": document.source.location}).all()
    return [(row, ranked[row.id]) for row in found]


def _likeliest(print_: fp.Fingerprint, language: str | None, candidates: Sequence[tuple[Any, bool]]) -> list[int]:
    """The ids of the :data:`MAX_MEASURED` candidates likeliest to be linked, from what is stored
    of them (no text read), likeliest first: those sharing a word band by their estimated share
    of words; else, in another language, by the estimated likeness of their number triples.
    Candidates unlikely either way are left out."""
    if not candidates:
        return []
    rows = [row for row, _ in candidates]
    by_word = np.array([by_word for _, by_word in candidates], dtype=bool)
    words = fp.containment_estimates(
        print_.signature, len(print_.shingles), [row.signature for row in rows], [row.shingles for row in rows]
    )
    scores = np.where(by_word & (words >= fp.SHARE_MIN - ESTIMATE_MARGIN), words, 0.0)
    if print_.number_signature is not None:
        other_language = np.array([_translatable(language, row.language) for row in rows], dtype=bool)
        # Translations keep most number triples; the estimate of 32 values is rough, hence the margin.
        numbers = fp.jaccard_estimates(print_.number_signature, [row.number_signature for row in rows])
        numbers = np.where(other_language & (numbers >= NUMBERS_LIKENESS_MIN), numbers, 0.0)
        scores = np.where(scores > 0, scores, numbers)
    ranked = sorted(((score, row.id) for score, row in zip(scores.tolist(), rows) if score > 0), reverse=True)
    return [document_id for _, document_id in ranked[:MAX_MEASURED]]


def _measure(
    connection: Connection, document_id: int, document: Document, print_: fp.Fingerprint,
    candidates: Sequence[tuple[Any, bool]],
) -> list[LinkRow]:
    language = document.card.language
    likeliest = _likeliest(print_, language, candidates)
    if not likeliest:
        return []
    rows = connection.execute(_MEASURED_ROWS, {"ids": likeliest}).all()
    # Numbers and names matter only to a translation, which needs another language; they, and
    # the shingles of a fingerprint stored before 0003, come from the text.
    from_text = [row.id for row in rows if row.shingle_hashes is None or _translatable(language, row.language)]
    texts = dict(connection.execute(_TEXTS, {"ids": from_text}).all()) if from_text else {}
    links = []
    for row in rows:
        if row.id in texts:
            other = _stored_fingerprint(texts[row.id], _translatable(language, row.language))
        else:
            other = fp.Fingerprint(fp.unpack_shingles(row.shingle_hashes), b"", (), frozenset(), None)
        similarity = fp.compare(print_, other, language_a=language, language_b=row.language)
        if similarity is None:
            continue
        new_first = _earlier(document.card.date, row.date)
        doc_a, doc_b = (document_id, row.id) if new_first else (row.id, document_id)
        links.append(LinkRow(doc_a, doc_b, similarity.kind, similarity.share, similarity.jaccard))
    return sorted(links, key=lambda link: (-link.share, link.doc_a, link.doc_b))


def _translatable(language: str | None, other: str | None) -> bool:
    return bool(language and other and language != other)


@lru_cache(maxsize=128)
def _stored_fingerprint(text: str, numbers: bool) -> fp.Fingerprint:
    # Translation candidates recur (a bucket keeps its first documents): a stored text, which
    # never changes, is fingerprinted again only when it has left this cache.
    return fp.fingerprint(text, signed=False, numbers=numbers)


def _earlier(date: str | None, other: str | None) -> bool:
    """Whether ``date`` is plainly before ``other`` ("2024-03" is not before "2024-03-05")."""
    if not date or not other or date.startswith(other) or other.startswith(date):
        return False
    return date < other
