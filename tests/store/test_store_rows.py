"""insert_rows stores what ``connection.execute(insert(table), rows)`` stores."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from statecheck.store import Store
from statecheck.store.rows import insert_rows
from statecheck.store.schema import document_links, documents


def _document_row(location: str) -> dict[str, object]:
    """A documents row naming every column but is_latest (left to its default)."""
    return {"location": location, "doc_id": location, "sha256": location * 64, "media_type": "text/plain",
            "text_original": "t", "text_normalised": "t", "offsets_json": "[]", "card_json": "{}",
            "meta_json": "{}", "version": 1, "ingested_at": "2026-01-01T00:00:00Z"}


def _document(connection: Connection, location: str) -> int:
    return int(connection.execute(insert(documents).values(**_document_row(location)).returning(documents.c.id)).scalar_one())


def test_rows_with_converted_values_read_back_as_given(store: Store) -> None:
    with store.engine.begin() as connection:
        first, second = _document(connection, "a"), _document(connection, "b")
        insert_rows(connection, document_links, [
            {"doc_a": first, "doc_b": second, "kind": "copy", "share": 0.9876, "jaccard": 0.5, "found_at": "now"},
            {"doc_a": second, "doc_b": first, "kind": "translation", "share": 1.0, "jaccard": 0.25, "found_at": "now"},
        ])
        stored = connection.execute(
            select(document_links.c.doc_a, document_links.c.kind, document_links.c.share, document_links.c.jaccard)
            .order_by(document_links.c.doc_a)
        ).all()
    assert [tuple(row) for row in stored] == [(first, "copy", 0.9876, 0.5), (second, "translation", 1.0, 0.25)]


def test_a_column_left_to_its_default_gets_it(store: Store) -> None:
    # documents.is_latest has a Python-side default, which only SQLAlchemy's own insert fills in.
    with store.engine.begin() as connection:
        insert_rows(connection, documents, [_document_row("c")])
        latest = connection.execute(select(documents.c.is_latest).where(documents.c.location == "c")).scalar_one()
    assert latest is True


def test_no_rows_is_no_statement(store: Store) -> None:
    with store.engine.begin() as connection:
        insert_rows(connection, document_links, [])
        assert connection.execute(select(document_links)).all() == []
