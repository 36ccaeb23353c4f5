"""The store's library functions on SQLite and PostgreSQL: save, load, versions, failures, search."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

import pytest
from sqlalchemy import insert
from store_samples import changed, gaza_document, sample_documents, spanish_document, west_bank_document

import statecheck.store.batch as batch_module
import statecheck.store.documents as documents_module
import statecheck.store.recheck as recheck_module
from statecheck.model import Card, Issuer, Text, Verdict
from statecheck.store import (
    ClaimQuery,
    DocumentQuery,
    Store,
    document_ids,
    ingest,
    list_failures,
    load_document,
    reverify,
    save_document,
    search_claims,
    search_documents,
    table_counts,
)
from statecheck.store.codec import card_from_json, card_to_json, dumps, pack_offsets, unpack_offsets


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_comes_back_as_it_was_stored(store: Store) -> None:
    original = gaza_document()
    saved = save_document(store, original)
    loaded = load_document(store, saved.document_id)
    assert loaded is not None
    assert loaded.document == original
    # Fields that dataclass equality skips (meta) and nested evidence survive too.
    assert loaded.document.source.meta == original.source.meta
    assert loaded.document.claims[0].verdict == original.claims[0].verdict
    assert loaded.document.claims[0].to_record() == original.claims[0].to_record()
    assert loaded.document.demands == original.demands
    assert loaded.document.card == original.card


def test_saving_unchanged_bytes_does_nothing(store: Store) -> None:
    first = save_document(store, gaza_document())
    again = save_document(store, gaza_document())
    assert first.status == "stored" and again.status == "unchanged"
    assert again.document_id == first.document_id
    assert table_counts(store)["documents"] == 1
    assert table_counts(store)["claims"] == 3


def test_changed_bytes_become_a_new_version(store: Store) -> None:
    first = save_document(store, gaza_document())
    second = save_document(store, changed(gaza_document(), "\nUpdated."))
    assert second.status == "new_version" and second.version == 2
    assert document_ids(store) == [second.document_id]
    assert document_ids(store, all_versions=True) == [first.document_id, second.document_id]
    newest = load_document(store, second.document_id)
    oldest = load_document(store, first.document_id)
    assert newest is not None and oldest is not None
    assert newest.is_latest and not oldest.is_latest
    assert [v.version for v in newest.versions] == [1, 2]
    # Searches see only the newest version.
    assert search_documents(store).total == 1


def test_a_document_interrupted_while_being_written_is_not_stored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    save_document(store, west_bank_document())
    before = table_counts(store)

    def interrupted(connection: object, written: list[tuple[int, object]]) -> None:
        [(document_id, _)] = written
        connection.execute(insert(documents_module.issuers), [  # type: ignore[attr-defined]
            {"document_id": document_id, "position": 0, "name": "half-written", "role": "issuer", "entity": None}
        ])
        raise KeyboardInterrupt  # Ctrl-C between the document row and its claims

    monkeypatch.setattr(documents_module, "_insert_children", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_document(store, gaza_document())
    assert table_counts(store) == before
    monkeypatch.undo()
    assert save_document(store, gaza_document()).status == "stored"


def test_offsets_are_packed_and_unpacked_exactly() -> None:
    for offsets in [(0,), (0, 1, 2, 3), (0, 2, 3, 7, 8, 9, 12), tuple(range(5)) + tuple(range(9, 20))]:
        assert unpack_offsets(pack_offsets(offsets)) == offsets
    text = Text(original="a  b\n-c", normalised="a b c", offsets=(0, 1, 3, 6, 6, 7))
    assert unpack_offsets(pack_offsets(text.offsets)) == text.offsets


def test_a_card_is_stored_as_its_dataclass_record() -> None:
    # card_to_json builds the record by hand, for speed: it must stay what asdict makes.
    card = Card(doc="d1", title="Título", date="2024-03", issuers=("Partido", "Frente"), place="gaza",
                language="es", roles=(Issuer("Partido", "signatory", "partido"), Issuer("Frente")), genre="statement")
    assert card_to_json(card) == dumps(asdict(card))
    assert card_from_json(card_to_json(card)) == card


def test_ingest_a_folder_twice_leaves_the_same_rows(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", "Gaza, 29 October 2023. 8,005 Palestinians have been killed.")
    write(folder, "b.txt", "More than 20,000 people were injured in Gaza, the ministry said on 5 November 2023.")
    (folder / "empty.txt").write_bytes(b"")
    first = ingest(store, [folder])
    counts = table_counts(store)
    second = ingest(store, [folder])
    assert table_counts(store) == counts
    assert first.count("stored") == 2 and len(first.failed) == 1
    assert second.count("unchanged") == 2 and len(second.failed) == 1
    assert [f.attempts for f in list_failures(store)] == [2]


def test_a_failed_input_is_recorded_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "8,005 Palestinians have been killed in Gaza.")
    missing = tmp_path / "missing.txt"
    report = ingest(store, [missing, good])
    assert [r.status for r in report.results] == [None, "stored"]
    (failure,) = list_failures(store)
    assert failure.location == str(missing) and failure.error == "InputError" and failure.reason
    # Once the input can be read, its failure is cleared.
    write(tmp_path, "missing.txt", "Now it exists: 12 people were injured.")
    ingest(store, [missing])
    assert list_failures(store) == ()
    # A stored input that fails once and then reads again unchanged leaves no failure behind.
    good.rename(tmp_path / "away.txt")
    ingest(store, [good])
    assert len(list_failures(store)) == 1
    (tmp_path / "away.txt").rename(good)
    assert ingest(store, [good]).results[0].status == "unchanged"
    assert list_failures(store) == ()


def test_an_unexpected_error_in_one_input_is_recorded_not_raised(store: Store, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(batch_module.pipeline, "run_steps", broken)
    report = ingest(store, [write(tmp_path, "a.txt", "8,005 killed")])
    assert report.results[0].status is None and "extractor bug" in (report.results[0].error or "")
    assert list_failures(store)[0].error == "RuntimeError"


def test_full_text_search_and_facets(store: Store) -> None:
    for doc in sample_documents():
        save_document(store, doc)
    assert {d.doc_id for d in search_documents(store, DocumentQuery(q="ceasefire")).documents} == {"gaza-moh"}
    assert search_documents(store, DocumentQuery(q="Palestinians killed")).total == 2
    # Punctuation and operators in a query are just words, never a syntax error.
    for odd in ['"', "-", "AND OR NOT", "a*b(", "'; DROP TABLE documents; --", "ñ"]:
        search_documents(store, DocumentQuery(q=odd))
    page = search_documents(store)
    facets = {facet.name: dict(facet.values) for facet in page.facets}
    assert facets["language"] == {"en": 2, "es": 1}
    assert facets["year"] == {"2023": 1, "2024": 2}
    assert facets["issuer"]["B'Tselem"] == 1
    assert facets["verdict"]["consistent"] == 2 and facets["verdict"]["unchecked"] == 1
    assert search_documents(store, DocumentQuery(issuer="Al-Haq")).documents[0].doc_id == "wb-ngo"
    assert search_documents(store, DocumentQuery(year=2024, language="es")).total == 1
    assert search_documents(store, DocumentQuery(verdict="above_record")).total == 1
    dates = [d.date for d in search_documents(store, DocumentQuery(sort="date_asc")).documents]
    assert dates == ["2023-10-29", "2024-01-05", "2024-03"]


def test_claims_are_filtered_like_documents(store: Store) -> None:
    for doc in sample_documents():
        save_document(store, doc)
    assert search_claims(store).total == 6
    assert [r.claim.value for r in search_claims(store, ClaimQuery(metric="killed", place="gaza")).claims] == [22000, 8005]
    assert search_claims(store, ClaimQuery(verdict="unchecked")).total == 1
    assert search_claims(store, ClaimQuery(q="CHILDREN")).claims[0].claim.metric == "killed_children"
    assert search_claims(store, ClaimQuery(q="100%_")).total == 0  # LIKE wildcards are escaped
    assert search_claims(store, ClaimQuery(issuer="Sumar")).total == 1


def test_reverify_replaces_verdicts_from_the_verifier(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    save_document(store, gaza_document())
    save_document(store, spanish_document())

    def everything_unverifiable(document: object, options: object) -> object:
        claims = tuple(c.with_verdict(Verdict("unverifiable", "new record")) for c in document.claims)  # type: ignore[attr-defined]
        return replace(document, claims=claims)  # type: ignore[type-var]

    monkeypatch.setattr(recheck_module, "verify_document", everything_unverifiable)
    result = reverify(store)
    assert (result.documents, result.claims, result.changed) == (2, 4, 4)
    verdicts = {r.claim.verdict.verdict for r in search_claims(store).claims if r.claim.verdict}
    assert verdicts == {"unverifiable"}
    assert reverify(store).changed == 0
