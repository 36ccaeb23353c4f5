"""Links between stored documents: copies, republications and translations, found at ingest.

When documents are saved, :func:`index_documents` (in the same transaction) stores their
fingerprints (:mod:`statecheck.extract.fingerprint`) and LSH band keys, and compares each with
the documents that share a band key, never with the whole corpus:

1. one indexed lookup of their band keys (``document_bands``, primary key ``(key, document_id)``),
   counted in memory: the documents sharing most keys are the candidates. A bucket holds at most
   :data:`BUCKET_MAX` documents, the first to arrive (boilerplate that thousands of documents
   share would otherwise make every lookup as long as the corpus);
2. the candidates' stored signatures and sizes estimate how much of the shorter text is in the
   other (all candidates at once), so only the :data:`MAX_MEASURED` likeliest are measured;
3. those few are measured exactly on their stored shingle hashes (a translation also needs the
   numbers and names of the text, read from it), and a row goes to ``document_links`` for each
   that one copies, republishes or translates the other.

The work per new document is bounded by those constants, whatever the corpus's size.
"""

from __future__ import annotations

import heapq
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from sqlalchemy import BindParameter, Connection, bindparam, delete, select

from statecheck.extract import fingerprint as fp
from statecheck.model import Document
from statecheck.store.rows import insert_rows
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
CACHED_CANDIDATES = 4096
"""Stored candidates an ingest keeps in memory (:class:`CandidateCache`): a few MB."""


# Built once: an ingest runs these for every document, and building a statement costs more than
# running it on SQLite.
_KEYS: BindParameter[list[int]] = bindparam("keys", expanding=True)
_DROP_OLDER_BANDS = delete(document_bands).where(
    document_bands.c.document_id.in_(
        select(documents.c.id).where(documents.c.location == bindparam("location"), documents.c.id != bindparam("me"))
    )
)
_BUCKET_ROWS = select(document_bands.c.key, document_bands.c.document_id).where(document_bands.c.key.in_(_KEYS))
_CANDIDATE_ROWS = (  # the columns of _Candidate, in its order
    select(documents.c.id, documents.c.location, documents.c.language, documents.c.date,
           document_fingerprints.c.shingles, document_fingerprints.c.signature,
           document_fingerprints.c.number_signature)
    .join(document_fingerprints, document_fingerprints.c.document_id == documents.c.id)
    .where(documents.c.id.in_(bindparam("ids", expanding=True)), documents.c.is_latest.is_(True))
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


@dataclass(frozen=True)
class IndexEntry:
    """A document just stored, to index and link: its id, itself, its fingerprint when it was made
    elsewhere, and whether older versions of its location may be in the index."""

    document_id: int
    document: Document
    print_: fp.Fingerprint | None = None
    replaces: bool = True


class _Candidate(NamedTuple):
    """What is known of a candidate before its text is measured: the columns of :data:`_CANDIDATE_ROWS`
    (a tuple: hundreds are made per document)."""

    id: int
    location: str
    language: str | None
    date: str | None
    shingles: int
    signature: bytes
    number_signature: bytes | None


class CandidateCache:
    """What an ingest has read of stored candidates (:class:`_Candidate`), by document id, for
    the batches after: the same few thousand documents fill the buckets of most band keys, and
    reading their signatures again for every batch was the largest part of linking.

    Safe to keep for one ingest: a stored document's fingerprint never changes, and a document
    that stops being the newest of its location leaves the band index with it, so it is never
    a candidate again. The owner clears it when a write is rolled back (an id may be reused)."""

    def __init__(self, size: int = CACHED_CANDIDATES) -> None:
        self.size = size
        self._rows: OrderedDict[int, _Candidate] = OrderedDict()

    def get(self, document_id: int) -> _Candidate | None:
        row = self._rows.get(document_id)
        if row is not None:
            self._rows.move_to_end(document_id)
        return row

    def put(self, row: _Candidate) -> None:
        self._rows[row.id] = row
        self._rows.move_to_end(row.id)
        if len(self._rows) > self.size:
            self._rows.popitem(last=False)

    def clear(self) -> None:
        self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)


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
    if not new:
        for table in (document_bands, document_fingerprints):
            connection.execute(delete(table).where(table.c.document_id == document_id))
        connection.execute(
            delete(document_links).where((document_links.c.doc_a == document_id) | (document_links.c.doc_b == document_id))
        )
    return index_documents(connection, [IndexEntry(document_id, document, print_, replaces)], made_at=made_at)


def index_documents(
    connection: Connection, entries: Sequence[IndexEntry], *, made_at: str, cache: CandidateCache | None = None
) -> list[LinkRow]:
    """:func:`index_document` for documents just inserted (none indexed yet), from distinct
    locations, with one lookup of each kind for them all.

    The links are those that indexing them one after the other finds: each is compared with
    the stored documents and with the entries before it, in the order given. ``cache``: what
    earlier calls of the same ingest read of stored candidates.
    """
    if not entries:
        return []
    prints = [entry.print_ or fp.fingerprint(entry.document.text.normalised) for entry in entries]
    _store_fingerprints(connection, entries, prints, made_at)
    ranked = _rank_and_index(connection, entries, prints)
    known = _known_candidates(connection, entries, prints, ranked, cache)
    likeliest = [
        _likeliest(print_, entry.document.card.language, [
            (known[document_id], by_word) for document_id, by_word in candidates.items()
            # the newest versions of other locations (known holds no other)
            if document_id in known and known[document_id].location != entry.document.source.location
        ])
        for entry, print_, candidates in zip(entries, prints, ranked)
    ]
    own = {entry.document_id: print_ for entry, print_ in zip(entries, prints)}
    measured = _Measured(connection, entries, likeliest, own, known)
    links = [
        link
        for entry, print_, ids in zip(entries, prints, likeliest)
        for link in _measure(entry, print_, [(known[other], measured[other]) for other in ids])
    ]
    if links:
        insert_rows(
            connection, document_links,
            [{"doc_a": link.doc_a, "doc_b": link.doc_b, "kind": link.kind, "share": round(link.share, 4),
              "jaccard": round(link.jaccard, 4), "found_at": made_at} for link in links],
        )
    return links


def _store_fingerprints(
    connection: Connection, entries: Sequence[IndexEntry], prints: Sequence[fp.Fingerprint], made_at: str
) -> None:
    """Store the entries' fingerprints; older versions of their locations leave the index."""
    insert_rows(
        connection, document_fingerprints,
        [{"document_id": entry.document_id, "shingles": len(print_.shingles), "signature": print_.signature,
          "numbers": len(print_.numbers), "number_signature": print_.number_signature,
          "shingle_hashes": fp.pack_shingles(print_.shingles), "made_at": made_at}
         for entry, print_ in zip(entries, prints)],
    )
    replacing = [{"location": entry.document.source.location, "me": entry.document_id}
                 for entry in entries if entry.replaces]
    if replacing:
        connection.execute(_DROP_OLDER_BANDS, replacing)


def _rank_and_index(
    connection: Connection, entries: Sequence[IndexEntry], prints: Sequence[fp.Fingerprint]
) -> list[dict[int, bool]]:
    """Each entry's candidates (:func:`_ranked`) among the stored documents and the entries before
    it; then each entry joins the buckets of its band keys that have room."""
    keys = [_band_keys(print_) for print_ in prints]
    buckets = _buckets(connection, sorted({key for _, all_keys in keys for key in all_keys}))
    ranked = []
    added: list[dict[str, int]] = []
    for entry, (word_keys, all_keys) in zip(entries, keys):
        ranked.append(_ranked(buckets, all_keys, word_keys))
        for key in all_keys:
            bucket = buckets.setdefault(key, [])
            if len(bucket) < BUCKET_MAX:
                bucket.append(entry.document_id)
                added.append({"key": key, "document_id": entry.document_id})
    if added:
        insert_rows(connection, document_bands, added)
    return ranked


def _known_candidates(
    connection: Connection, entries: Sequence[IndexEntry], prints: Sequence[fp.Fingerprint],
    ranked: Sequence[dict[int, bool]], cache: CandidateCache | None = None,
) -> dict[int, _Candidate]:
    """What is known of every candidate: the entries from their fingerprints, the stored documents
    (newest versions only) from the cache or the store, in one lookup."""
    known = {
        entry.document_id: _Candidate(
            entry.document_id, entry.document.source.location, entry.document.card.language,
            entry.document.card.date, len(print_.shingles), print_.signature, print_.number_signature,
        )
        for entry, print_ in zip(entries, prints)
    }
    stored_ids = sorted({document_id for candidates in ranked for document_id in candidates} - known.keys())
    if cache is not None:
        cached = [(document_id, cache.get(document_id)) for document_id in stored_ids]
        known.update((document_id, row) for document_id, row in cached if row is not None)
        stored_ids = [document_id for document_id, row in cached if row is None]
    for chunk in _chunks(stored_ids):
        for row in connection.execute(_CANDIDATE_ROWS, {"ids": chunk}).all():
            known[row.id] = candidate = _Candidate(*row)
            if cache is not None:
                cache.put(candidate)
    return known


def candidate_ids(connection: Connection, document: Document, print_: fp.Fingerprint) -> list[int]:
    """The documents a new document with this fingerprint would be compared with (for tests and
    benchmarks: :func:`index_documents` makes the same lookup)."""
    word_keys, all_keys = _band_keys(print_)
    ranked = _ranked(_buckets(connection, all_keys), all_keys, word_keys)
    if not ranked:
        return []
    found = connection.execute(_CANDIDATE_ROWS, {"ids": list(ranked)}).all()
    return [row.id for row in found if row.location != document.source.location]


def _band_keys(print_: fp.Fingerprint) -> tuple[frozenset[int], list[int]]:
    """The word band keys of a fingerprint, and all its band keys (words and numbers) in order."""
    word_keys = fp.word_band_keys(print_)
    return frozenset(word_keys), sorted(set(word_keys) | set(fp.number_band_keys(print_)))


def _buckets(connection: Connection, keys: Sequence[int]) -> dict[int, list[int]]:
    """The documents indexed under each of these band keys."""
    # .all() throughout this module: rows fetched together cost a fraction of rows fetched one
    # at a time by iterating the result (a batch's lookups return thousands).
    buckets: dict[int, list[int]] = {}
    for chunk in _chunks(keys):
        for key, document_id in connection.execute(_BUCKET_ROWS, {"keys": chunk}).all():
            buckets.setdefault(key, []).append(document_id)
    return buckets


def _ranked(buckets: dict[int, list[int]], keys: Sequence[int], word_keys: frozenset[int]) -> dict[int, bool]:
    """The :data:`MAX_CANDIDATES` documents sharing the most band keys (then the oldest first),
    each with whether it shares a word band (else only number bands)."""
    shared: Counter[int] = Counter()
    by_word: set[int] = set()
    for key in keys:
        bucket = buckets.get(key)
        if bucket:
            shared.update(bucket)
            if key in word_keys:
                by_word.update(bucket)
    best = heapq.nsmallest(MAX_CANDIDATES, shared.items(), key=lambda item: (-item[1], item[0]))
    return {document_id: document_id in by_word for document_id, _ in best}


def _chunks(values: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    """Pieces of a long list of bound values: a batch's lookup, fetched whole, would hold up to
    BUCKET_MAX rows per band key at once (and SQLite takes at most 32,766 values a statement)."""
    for start in range(0, len(values), size):
        yield list(values[start:start + size])


def _likeliest(print_: fp.Fingerprint, language: str | None, candidates: Sequence[tuple[_Candidate, bool]]) -> list[int]:
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


class _Measured:
    """The fingerprints of the documents a batch measures: its entries' own, and the stored ones'
    (their shingles a view of the stored bytes, so a batch's few hundred candidates hold no more)."""

    def __init__(
        self, connection: Connection, entries: Sequence[IndexEntry], likeliest: Sequence[list[int]],
        own: dict[int, fp.Fingerprint], known: dict[int, _Candidate],
    ) -> None:
        self.prints = dict(own)
        wanted = sorted({other for ids in likeliest for other in ids} - own.keys())
        # Numbers and names matter only to a translation, which needs another language; they, and
        # the shingles of a fingerprint stored before 0003, come from the stored text.
        with_numbers = {
            other for entry, ids in zip(entries, likeliest) for other in ids
            if _translatable(entry.document.card.language, known[other].language)
        }
        from_text: list[int] = []
        for chunk in _chunks(wanted):
            for row in connection.execute(_MEASURED_ROWS, {"ids": chunk}).all():
                if row.shingle_hashes is None or row.id in with_numbers:
                    from_text.append(row.id)
                else:
                    self.prints[row.id] = fp.Fingerprint(
                        fp.unpack_shingles(row.shingle_hashes), b"", (), frozenset(), None
                    )
        for chunk in _chunks(from_text):
            for document_id, text in connection.execute(_TEXTS, {"ids": chunk}).all():
                self.prints[document_id] = _stored_fingerprint(text, document_id in with_numbers)

    def __getitem__(self, document_id: int) -> fp.Fingerprint:
        return self.prints[document_id]


def _measure(
    entry: IndexEntry, print_: fp.Fingerprint, others: Sequence[tuple[_Candidate, fp.Fingerprint]]
) -> list[LinkRow]:
    language, date = entry.document.card.language, entry.document.card.date
    links = []
    for other, other_print in others:
        similarity = fp.compare(print_, other_print, language_a=language, language_b=other.language)
        if similarity is None:
            continue
        doc_a, doc_b = (entry.document_id, other.id) if _earlier(date, other.date) else (other.id, entry.document_id)
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
