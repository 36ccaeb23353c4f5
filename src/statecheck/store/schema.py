"""The corpus tables, as SQLAlchemy Core objects.

This module describes the schema the code reads and writes; the migrations under
``migrations/versions`` create it. A test checks that the two agree, so a new column
needs both: the column here and a new migration file (never an edit to an old one).

Choices a newcomer might wonder about:

* JSON is stored as text (``*_json`` columns) so the SQLite file reads the same in
  Datasette, ``sqlite3`` or pandas, and the PostgreSQL tables hold the same strings.
* Offsets are ``start_offset``/``end_offset`` because ``end`` is an SQL keyword.
* A document keeps every version: ``(location, version)`` is unique and ``is_latest``
  marks the one the pages show.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, doc="The path or URL as given to ingest."),
    Column("version", Integer, nullable=False, doc="1 for the first copy of a location, then 2, 3 ..."),
    Column("is_latest", Boolean, nullable=False, default=True),
    Column("doc_id", Text, nullable=False),
    Column("sha256", Text, nullable=False, doc="Hash of the raw bytes read."),
    Column("media_type", Text, nullable=False),
    Column("ingested_at", Text, nullable=False, doc="UTC, ISO 8601."),
    Column("title", Text),
    Column("date", Text, doc="The card's date: YYYY-MM-DD, YYYY-MM or YYYY."),
    Column("year", Integer, doc="The card's year, for the year facet."),
    Column("language", Text),
    Column("place", Text),
    Column("summary", Text, doc="Document.summary() when stored or re-verified."),
    Column("text_original", Text, nullable=False),
    Column("text_normalised", Text, nullable=False),
    Column("offsets_json", Text, nullable=False, doc="Text.offsets, packed as runs (see store.codec)."),
    Column("card_json", Text, nullable=False),
    Column("meta_json", Text, nullable=False),
    UniqueConstraint("location", "version", name="uq_documents_location_version"),
)
Index("ix_documents_sha256", documents.c.location, documents.c.sha256)
Index("ix_documents_latest_date", documents.c.is_latest, documents.c.date)

issuers = Table(
    "issuers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("entity", Text),
)
Index("ix_issuers_document", issuers.c.document_id)
Index("ix_issuers_name", issuers.c.name)
Index("ix_issuers_entity", issuers.c.entity)  # 0002: organisation pages and the network group by entity

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False, doc="Order of the claim in the document."),
    Column("doc", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("bound", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("metric", Text, nullable=False),
    Column("place", Text),
    Column("as_of", Text),
    Column("source", Text),
    Column("scope", Text, nullable=False),
    Column("period_start", Text),
    Column("period_end", Text),
    Column("note", Text),
    Column("start_offset", Integer, nullable=False, doc="Offset of the quote in text_original."),
    Column("end_offset", Integer, nullable=False),
    Column("notes_json", Text, nullable=False),
    Column("verdict", Text, doc="Null until checked."),
    Column("verdict_reason", Text),
    Column("evidence_json", Text, nullable=False,
           doc="A JSON list of Evidence records, each naming its series' facts by evidence_series.id (0003)."),
    Column("verified_at", Text),
)
Index("ix_claims_document", claims.c.document_id)
Index("ix_claims_verdict", claims.c.verdict)
Index("ix_claims_metric", claims.c.metric)

demands = Table(
    "demands",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("doc", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("categories_json", Text, nullable=False),
    Column("addressee", Text),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("note", Text),
)
Index("ix_demands_document", demands.c.document_id)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, unique=True,
           doc="One row per input that failed last time it was read; removed when it succeeds."),
    Column("error", Text, nullable=False, doc="The error's class name, e.g. InputError."),
    Column("reason", Text, nullable=False),
    Column("failed_at", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
)

# --- 0002: mentions, fingerprints and links between documents -----------------------------

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False, doc="Order in Document.mentions (most named first)."),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False, doc="person, state or organisation."),
    Column("count", Integer, nullable=False),
    Column("stance", Text, nullable=False, doc="condemns, supports or mentions."),
    Column("entity", Text, doc="entity_key of the name: the same key as issuers.entity."),
)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_entity", mentions.c.entity)

document_fingerprints = Table(
    "document_fingerprints",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    Column("shingles", Integer, nullable=False, doc="Number of distinct five-word shingles."),
    Column("signature", LargeBinary, nullable=False,
           doc="MinHash of the shingles (extract.fingerprint: 128 uint32, little-endian); empty if no words."),
    Column("numbers", Integer, nullable=False, doc="Numbers in the text (the translation signal)."),
    Column("number_signature", LargeBinary, doc="MinHash of the number triples; null with too few numbers."),
    Column("made_at", Text, nullable=False),
    Column("shingle_hashes", LargeBinary,
           doc="The shingle hashes (extract.fingerprint.pack_shingles), to measure the document as a "
               "candidate without its text (0003); null when fingerprinted before."),
)

# The LSH index: one row per band key of a document's fingerprints. A new document is compared
# with the documents that share a key (one indexed lookup), never with the whole corpus.
document_bands = Table(
    "document_bands",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    # 0003: on SQLite the table is its primary key's b-tree, not a rowid table beside it (half the
    # bytes, and one b-tree written per row instead of two).
    sqlite_with_rowid=False,
)
Index("ix_document_bands_document", document_bands.c.document_id)

document_links = Table(
    "document_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_a", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           doc="The original: the earlier by date, else the one stored first."),
    Column("doc_b", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           doc="The copy, republication or translation."),
    Column("kind", Text, nullable=False, doc="duplicate, republication or translation."),
    Column("share", Float, nullable=False,
           doc="Share of the shorter text found in the other (of its numbers, for a translation)."),
    Column("jaccard", Float, nullable=False),
    Column("found_at", Text, nullable=False),
    UniqueConstraint("doc_a", "doc_b", name="uq_document_links_pair"),
)
Index("ix_document_links_b", document_links.c.doc_b)

# --- 0003: the facts of each reference series that evidence cites, stored once ----------------

evidence_series = Table(
    "evidence_series",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series", Text, nullable=False, doc="Evidence.series, e.g. tfp/gaza/killed."),
    Column("source", Text, nullable=False),
    Column("snapshot", Text),
    Column("caveats", Text),
)
Index("ix_evidence_series_series", evidence_series.c.series)
