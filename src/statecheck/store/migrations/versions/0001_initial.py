"""The first corpus schema: documents (with versions), issuers, claims, demands, failures,
and full-text search over document text.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

A migration is a frozen snapshot: it spells its tables out instead of importing
``statecheck.store.schema``, so later edits to the schema cannot change what it does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_latest", sa.Boolean, nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("year", sa.Integer),
        sa.Column("language", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("summary", sa.Text),
        sa.Column("text_original", sa.Text, nullable=False),
        sa.Column("text_normalised", sa.Text, nullable=False),
        sa.Column("offsets_json", sa.Text, nullable=False),
        sa.Column("card_json", sa.Text, nullable=False),
        sa.Column("meta_json", sa.Text, nullable=False),
        sa.UniqueConstraint("location", "version", name="uq_documents_location_version"),
    )
    op.create_index("ix_documents_sha256", "documents", ["location", "sha256"])
    op.create_index("ix_documents_latest_date", "documents", ["is_latest", "date"])

    op.create_table(
        "issuers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("entity", sa.Text),
    )
    op.create_index("ix_issuers_document", "issuers", ["document_id"])
    op.create_index("ix_issuers_name", "issuers", ["name"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float),
        sa.Column("bound", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("metric", sa.Text, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("as_of", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("period_start", sa.Text),
        sa.Column("period_end", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("notes_json", sa.Text, nullable=False),
        sa.Column("verdict", sa.Text),
        sa.Column("verdict_reason", sa.Text),
        sa.Column("evidence_json", sa.Text, nullable=False),
        sa.Column("verified_at", sa.Text),
    )
    op.create_index("ix_claims_document", "claims", ["document_id"])
    op.create_index("ix_claims_verdict", "claims", ["verdict"])
    op.create_index("ix_claims_metric", "claims", ["metric"])

    op.create_table(
        "demands",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("categories_json", sa.Text, nullable=False),
        sa.Column("addressee", sa.Text),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_demands_document", "demands", ["document_id"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location", sa.Text, nullable=False, unique=True),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # An external-content FTS5 index kept in step by triggers (the sqlite-utils recipe):
        # the text is stored once, in documents.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text_original, content='documents', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text_original) "
            "VALUES (new.id, new.title, new.text_original); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text_original) "
            "VALUES ('delete', old.id, old.title, old.text_original); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text_original ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text_original) "
            "VALUES ('delete', old.id, old.title, old.text_original); "
            "INSERT INTO documents_fts(rowid, title, text_original) "
            "VALUES (new.id, new.title, new.text_original); END"
        )
    elif dialect == "postgresql":
        # The 'simple' configuration: the corpus mixes languages, so no stemming.
        op.execute(
            "CREATE INDEX ix_documents_fts ON documents USING gin "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text_original))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("failures", "demands", "claims", "issuers", "documents"):
        op.drop_table(table)
