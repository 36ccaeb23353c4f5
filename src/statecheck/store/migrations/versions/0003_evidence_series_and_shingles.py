"""Evidence stored compactly (each reference series' facts once, in ``evidence_series``), and
the shingle hashes of each fingerprint stored with it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09

Until 0002 every Evidence record in ``claims.evidence_json`` carried its series' id, source,
snapshot and caveats (a paragraph): most of the corpus's bytes. From 0003 those four facts
are a row of ``evidence_series`` and a record names it by ``series_id``; its points are
``[date, value]`` pairs and empty fields are left out. The upgrade rewrites the records already
stored (in chunks of claims); the downgrade writes them out whole again. SQLite gives the freed
pages back to the file system only on ``VACUUM``.

``document_fingerprints.shingle_hashes`` lets a stored document be measured as a link candidate
without fingerprinting its text again; fingerprints made before 0003 have none (their text is
read instead) until ``statecheck duplicates --rebuild``.

On SQLite, ``document_bands`` becomes a WITHOUT ROWID table (its rows live in the primary key's
b-tree instead of a second one): SQLite cannot alter that, so the table is copied.

A migration is a frozen snapshot: it spells its tables and the record's two shapes out instead
of importing ``statecheck.store``.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHUNK = 5000
"""Claims read and rewritten at a time (memory stays flat on a corpus of millions)."""
SERIES_FACTS = ("series", "source", "snapshot", "caveats")
OWN_FIELDS = ("verdict", "rule", "sentence", "r_lo", "r_hi", "tolerance")
"""The fields of a 0002 record that stay in the claim's record (with ``points``)."""

claims = sa.table("claims", sa.column("id", sa.Integer), sa.column("evidence_json", sa.Text))
evidence_series = sa.table(
    "evidence_series", sa.column("id", sa.Integer), *(sa.column(name, sa.Text) for name in SERIES_FACTS)
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rewrite(connection: sa.Connection, convert: Any) -> None:
    """Apply ``convert`` (one record to its new shape) to every claim with evidence."""
    last = 0
    while True:
        rows = connection.execute(
            sa.select(claims.c.id, claims.c.evidence_json)
            .where(claims.c.id > last, claims.c.evidence_json != "[]")
            .order_by(claims.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(claims).where(claims.c.id == sa.bindparam("claim_id")).values(evidence_json=sa.bindparam("compact")),
            [{"claim_id": row.id, "compact": _dumps([convert(record) for record in json.loads(row.evidence_json)])}
             for row in rows],
        )
        last = rows[-1].id


def _copy_bands(*, with_rowid: bool) -> None:
    """Make ``document_bands`` on SQLite a rowid table or not, keeping its rows (others: nothing to do)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE document_bands RENAME TO document_bands_old")
    op.drop_index("ix_document_bands_document", table_name="document_bands_old")
    op.create_table(
        "document_bands",
        sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        sqlite_with_rowid=with_rowid,
    )
    op.execute("INSERT INTO document_bands (key, document_id) SELECT key, document_id FROM document_bands_old")
    op.drop_table("document_bands_old")
    op.create_index("ix_document_bands_document", "document_bands", ["document_id"])


def upgrade() -> None:
    op.create_table(
        "evidence_series",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("series", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("snapshot", sa.Text),
        sa.Column("caveats", sa.Text),
    )
    op.create_index("ix_evidence_series_series", "evidence_series", ["series"])
    op.add_column("document_fingerprints", sa.Column("shingle_hashes", sa.LargeBinary))
    _copy_bands(with_rowid=False)
    connection = op.get_bind()
    ids: dict[tuple[Any, ...], int] = {}

    def compact(record: dict[str, Any]) -> dict[str, Any]:
        facts = tuple(record.get(name) for name in SERIES_FACTS)
        if facts not in ids:
            ids[facts] = connection.execute(
                sa.insert(evidence_series).values(dict(zip(SERIES_FACTS, facts))).returning(evidence_series.c.id)
            ).scalar_one()
        kept: dict[str, Any] = {"series_id": ids[facts]}
        kept.update((name, record[name]) for name in OWN_FIELDS if record.get(name) is not None)
        if record.get("points"):
            kept["points"] = [[point["date"], point["value"]] for point in record["points"]]
        return kept

    _rewrite(connection, compact)


def downgrade() -> None:
    connection = op.get_bind()
    facts = {row.id: row._asdict() for row in connection.execute(sa.select(evidence_series))}

    def whole(record: dict[str, Any]) -> dict[str, Any]:
        series = facts[record["series_id"]]
        own = {name: record.get(name) for name in OWN_FIELDS}
        points = [{"date": date, "value": value} for date, value in record.get("points", ())]
        # The field order of 0002's records (model.Evidence's).
        return {
            "series": series["series"], "source": series["source"], "verdict": own["verdict"],
            "rule": own["rule"], "sentence": own["sentence"], "points": points, "r_lo": own["r_lo"],
            "r_hi": own["r_hi"], "tolerance": own["tolerance"], "snapshot": series["snapshot"],
            "caveats": series["caveats"],
        }

    _rewrite(connection, whole)
    _copy_bands(with_rowid=True)
    with op.batch_alter_table("document_fingerprints") as table:
        table.drop_column("shingle_hashes")
    op.drop_index("ix_evidence_series_series", table_name="evidence_series")
    op.drop_table("evidence_series")
