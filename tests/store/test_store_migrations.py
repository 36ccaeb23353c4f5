"""Migrations: a new corpus is at the newest revision, the schema module matches the migrations,
and a corpus from a newer statecheck is refused rather than misread."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from statecheck.errors import StoreError
from statecheck.store import Store, head_revision, migrate, open_store
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
