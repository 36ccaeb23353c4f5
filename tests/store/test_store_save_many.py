"""Saving several documents at once stores exactly what saving them one by one stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from store_samples import changed, gaza_document, spanish_document, west_bank_document

from statecheck.model import Document
from statecheck.store import Store, ingest_results, open_store, save_document, table_counts
from statecheck.store.documents import save_documents
from statecheck.store.schema import metadata


def at(document: Document, location: str) -> Document:
    """The same bytes found at another location (a republication)."""
    return replace(document, source=replace(document.source, location=location))


def rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids included, without the times of writing."""
    found = {}
    with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            columns = [column for column in table.columns if not column.name.endswith("_at")]
            query = select(*columns).order_by(*table.primary_key.columns)
            found[table.name] = [tuple(row) for row in connection.execute(query)]
    return found


def test_together_or_one_by_one_the_corpus_is_the_same(db_url: str, tmp_path: Path) -> None:
    gaza = gaza_document()
    stored_before = [gaza, west_bank_document()]
    group = [
        at(gaza, "/mirror/gaza.txt"),  # copies a stored document: linked to it
        spanish_document(),
        at(spanish_document(), "/mirror/es.txt"),  # copies one written earlier in the same group
        changed(gaza, " Updated."),  # a new version of a stored location, mid-group
        at(gaza, "/mirror/again.txt"),  # after it, the old version is no longer the newest
        west_bank_document(),  # unchanged
        changed(spanish_document(), " Actualizado."),  # a location the group wrote already
        changed(spanish_document(), " Actualizado."),  # ... and the same bytes again: unchanged
    ]
    one_by_one_url = str(tmp_path / "one-by-one.db") if db_url.endswith(".db") else db_url
    together_url = str(tmp_path / "together.db") if db_url.endswith(".db") else None
    if together_url is None:
        pytest.skip("two corpora on one PostgreSQL schema: the SQLite run covers the rule")
    with open_store(one_by_one_url) as one_by_one, open_store(together_url) as together:
        for document in stored_before:
            save_document(one_by_one, document)
            save_document(together, document)
        expected = [save_document(one_by_one, document) for document in group]
        results = save_documents(together, group)
        assert results == expected
        assert [result.status for result in results] == [
            "stored", "stored", "stored", "new_version", "stored", "unchanged", "new_version", "unchanged"
        ]
        corpus = rows(together)
        assert corpus == rows(one_by_one)
        assert len(corpus["document_links"]) >= 3  # the copies were linked, within the group too


def test_a_group_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import statecheck.store.documents as documents_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(documents_module, "index_documents", broken)
    with pytest.raises(RuntimeError):
        save_documents(store, [gaza_document(), west_bank_document()])
    monkeypatch.undo()
    assert all(not table for table in rows(store).values())


def test_an_input_given_twice_in_one_batch_is_stored_once(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("Gaza, 3 March 2024. The ministry said 30,500 people have been killed.", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Ramallah, 4 March 2024. Some 7,000 people were detained.", encoding="utf-8")
    results = list(ingest_results(store, [path, other, path], commit_every=10))
    assert [result.status for result in results] == ["stored", "stored", "unchanged"]
    assert table_counts(store)["documents"] == 2


def test_the_stored_hashes_of_the_next_inputs_are_read_in_one_query(store: Store, tmp_path: Path) -> None:
    paths = []
    for n in range(6):
        path = tmp_path / f"statement{n}.txt"
        path.write_text(f"Gaza, 3 March 2024. The ministry said {30_500 + n} people have been killed.", encoding="utf-8")
        paths.append(path)
    list(ingest_results(store, paths[:3], commit_every=10))
    paths[1].write_text("Gaza, 4 March 2024. The ministry said 30,600 people have been killed.", encoding="utf-8")
    lookups: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "documents.sha256" in statement:
            lookups.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        results = list(ingest_results(store, paths, commit_every=10))
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert [r.status for r in results] == ["unchanged", "new_version", "unchanged", "stored", "stored", "stored"]
    # one lookup for the six inputs before they are read, one when the changed and new ones are written
    assert len(lookups) == 2


def test_a_batch_s_cache_of_candidates_stores_the_same_links(tmp_path: Path) -> None:
    from statecheck.store.links import CandidateCache

    gaza, spanish = gaza_document(), spanish_document()
    groups = [
        [gaza, spanish, west_bank_document()],
        [at(gaza, "/mirror/gaza.txt"), at(spanish, "/mirror/es.txt")],  # candidates read in the first group
        [changed(gaza, " Updated."), at(gaza, "/mirror/again.txt")],  # the old version leaves the index
        [at(changed(gaza, " Updated."), "/mirror/updated.txt"), at(spanish, "/mirror/es2.txt")],
    ]
    cache = CandidateCache()
    with open_store(str(tmp_path / "plain.db")) as plain, open_store(str(tmp_path / "cached.db")) as cached:
        for group in groups:
            assert save_documents(cached, group, candidates=cache) == save_documents(plain, group)
        assert len(cache) > 0  # the later groups read stored candidates, and kept them
        assert rows(cached) == rows(plain)
        assert len(rows(cached)["document_links"]) >= 4


def test_the_cache_of_candidates_keeps_the_latest_used() -> None:
    from statecheck.store.links import CandidateCache, _Candidate

    cache = CandidateCache(size=2)
    for document_id in (1, 2):
        cache.put(_Candidate(document_id, f"/d{document_id}", "en", None, 10, b"", None))
    assert cache.get(1) is not None  # used: now the latest
    cache.put(_Candidate(3, "/d3", "en", None, 10, b"", None))
    assert (cache.get(1) is not None, cache.get(2), cache.get(3) is not None) == (True, None, True)
    cache.clear()
    assert len(cache) == 0
