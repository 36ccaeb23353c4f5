"""Migrations: a new corpus is at the newest revision, the schema module matches the migrations,
and a corpus from a newer statecheck is refused rather than misread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from store_samples import gaza_document, sample_documents

import statecheck.store.documents as documents_module
from statecheck.corpus import document_links
from statecheck.errors import StoreError
from statecheck.store import Store, codec, head_revision, load_document, migrate, open_store, save_document
from statecheck.store.database import current_revision, downgrade
from statecheck.store.schema import metadata


def test_a_new_corpus_is_at_the_newest_revision(store: Store) -> None:
    assert current_revision(store) == head_revision()


def test_the_schema_module_matches_the_migrations(store: Store) -> None:
    """A column added to schema.py without a migration (or the reverse) fails here."""

    def ours(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
        # FTS5's shadow tables and alembic's own table are not part of schema.py.
        return not (kind == "table" and name is not None and (name.startswith("documents_fts") or name == "alembic_version"))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours, "compare_type": True})
        differences = compare_metadata(context, metadata)
    # The PostgreSQL full-text index is an expression index, which schema.py does not describe.
    differences = [d for d in differences if not (d[0] == "remove_index" and d[1].name == "ix_documents_fts")]
    assert differences == []


def test_opening_twice_runs_no_migration_again(db_url: str) -> None:
    with open_store(db_url) as store:
        first = current_revision(store)
    with open_store(db_url) as store:
        assert current_revision(store) == first


def test_a_corpus_from_a_newer_statecheck_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with open_store(path) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer statecheck"):
        open_store(path)


def test_downgrade_and_upgrade_round_trip(tmp_path: Path) -> None:
    """The first migration can be undone and redone (what a later migration's tests will rely on)."""
    with open_store(tmp_path / "c.db") as store:
        downgrade(store, "base")
        assert current_revision(store) is None
        migrate(store)
        assert current_revision(store) == head_revision()


def test_0003_reads_what_0002_stored_and_0002_gets_it_back_whole(tmp_path: Path) -> None:
    """0003 keeps each series' facts once (evidence_series), the shingle hashes with each fingerprint
    and, on SQLite, document_bands without rowids. A corpus of 0002 upgrades to the same documents
    and band rows; the downgrade writes every Evidence record out whole, as 0002 wrote it."""
    path = tmp_path / "c.db"
    originals = sample_documents()
    with open_store(path) as store:
        ids = [save_document(store, original).document_id for original in originals]
        downgrade(store, "0002")
        with store.engine.connect() as connection:
            whole = list(connection.execute(text("SELECT evidence_json FROM claims ORDER BY id")).scalars())
            bands = connection.execute(text("SELECT key, document_id FROM document_bands ORDER BY 1, 2")).all()
        assert "evidence_series" not in inspect(store.engine).get_table_names()
    # Exactly what 0002 stored: whole records (what flat exports still write).
    assert whole == [codec.claim_row(claim, n)["evidence_json"] for d in originals for n, claim in enumerate(d.claims)]
    assert any('"caveats"' in record for record in whole)

    with open_store(path) as store:  # opening migrates 0002 → head
        assert current_revision(store) == head_revision()
        for document_id, original in zip(ids, originals, strict=True):
            loaded = load_document(store, document_id)
            assert loaded is not None and loaded.document == original
            assert [c.to_record() for c in loaded.document.claims] == [c.to_record() for c in original.claims]
        with store.engine.connect() as connection:
            compact = list(connection.execute(text("SELECT evidence_json FROM claims ORDER BY id")).scalars())
            assert bands == connection.execute(text("SELECT key, document_id FROM document_bands ORDER BY 1, 2")).all()
            series = connection.execute(text("SELECT count(*) FROM evidence_series")).scalar_one()
        assert not any('"source"' in record or '"snapshot"' in record for record in compact)
        facts = {(e.series, e.source, e.snapshot, e.caveats) for d in originals for c in d.claims if c.verdict
                 for e in c.verdict.evidence}
        assert series == len(facts)
        # A document stored before 0003 (its fingerprint has no shingle hashes) is still found
        # and measured as a candidate: from its text.
        gaza = originals[0]
        copy = replace(gaza, source=replace(gaza.source, location="/elsewhere/copy.txt"))
        copy_id = save_document(store, copy).document_id
        assert document_links(store) != ()
        [link] = document_links(store)
        assert {link.a.id, link.b.id} == {ids[0], copy_id} and link.kind == "duplicate"


def test_evidence_series_rows_are_shared_and_none_outlives_a_failed_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two documents citing the same series share their rows; a save that fails after adding rows
    takes them back with it, so a later document cannot cite a row that is not there."""
    gaza = gaza_document()
    cited = {(e.series, e.source, e.snapshot, e.caveats) for c in gaza.claims if c.verdict for e in c.verdict.evidence}

    def series_rows() -> int:
        with store.engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM evidence_series")).scalar_one())

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(documents_module, "index_documents", broken)
    with pytest.raises(RuntimeError):
        save_document(store, gaza)
    assert series_rows() == 0
    monkeypatch.undo()
    save_document(store, gaza)
    copy = replace(gaza, source=replace(gaza.source, location="/elsewhere/copy.txt"))
    copy_id = save_document(store, copy).document_id
    assert series_rows() == len(cited)
    loaded = load_document(store, copy_id)
    assert loaded is not None and loaded.document.claims == copy.claims
