"""Mentions, document fingerprints with their LSH band keys, links between documents, and an
index on issuers.entity.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

0001 already has ``issuers`` with ``name``, ``role`` and ``entity``; what the organisation pages
and the co-signature network need of it is an index on ``entity``. A corpus made by 0001
upgrades with empty new tables: ``statecheck duplicates --db DB`` (``corpus.index_corpus``)
fills in the mentions, fingerprints and links of the documents stored before.

A migration is a frozen snapshot: it spells its tables out instead of importing
``statecheck.store.schema``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_issuers_entity", "issuers", ["entity"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("stance", sa.Text, nullable=False),
        sa.Column("entity", sa.Text),
    )
    op.create_index("ix_mentions_document", "mentions", ["document_id"])
    op.create_index("ix_mentions_entity", "mentions", ["entity"])

    op.create_table(
        "document_fingerprints",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        sa.Column("shingles", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("numbers", sa.Integer, nullable=False),
        sa.Column("number_signature", sa.LargeBinary),
        sa.Column("made_at", sa.Text, nullable=False),
    )

    op.create_table(
        "document_bands",
        sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
    )
    op.create_index("ix_document_bands_document", "document_bands", ["document_id"])

    op.create_table(
        "document_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_a", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("doc_b", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("share", sa.Float, nullable=False),
        sa.Column("jaccard", sa.Float, nullable=False),
        sa.Column("found_at", sa.Text, nullable=False),
        sa.UniqueConstraint("doc_a", "doc_b", name="uq_document_links_pair"),
    )
    op.create_index("ix_document_links_b", "document_links", ["doc_b"])


def downgrade() -> None:
    for table in ("document_links", "document_bands", "document_fingerprints", "mentions"):
        op.drop_table(table)
    op.drop_index("ix_issuers_entity", table_name="issuers")
