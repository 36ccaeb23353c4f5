"""What the store keeps across documents: one entity per organisation whatever its spelling,
mentions, and links (republications, translations) found at ingest through the LSH index;
and a corpus made by migration 0001 upgraded and filled in."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from corpus_samples import PREFACE, STATEMENT, UNRELATED, corpus_documents, make
from sqlalchemy import insert, select

from statecheck.corpus import document_links, index_corpus, organisation_profile
from statecheck.extract import fingerprint as fp
from statecheck.model import Text
from statecheck.store import Store, codec, head_revision, load_document, open_store, save_document
from statecheck.store.database import current_revision, downgrade
from statecheck.store.links import candidate_ids
from statecheck.store.schema import document_fingerprints, documents, issuers


def entities(store: Store) -> dict[str, str]:
    with store.engine.connect() as connection:
        return dict(connection.execute(select(issuers.c.name, issuers.c.entity)).all())


def test_two_spellings_and_an_abbreviation_are_one_entity(corpus: Store) -> None:
    found = entities(corpus)
    assert found["Communist Party of Perú"] == found["Communist Party of Peru"] == "communist-party-of-peru"
    # "Name (ACR)", the acronym alone (the user's alias file) and the name alone
    assert found["Red Sun Collective (RSC)"] == found["RSC"] == found["Red Sun Collective"] == "red-sun-collective"
    profile = organisation_profile(corpus, "communist-party-of-peru")
    assert profile is not None
    assert set(profile.names) == {"Communist Party of Perú", "Communist Party of Peru"}
    assert profile.timeline.total == 2
    assert [(c.name, c.documents) for c in profile.cosigners] == [("Red Sun Collective (RSC)", 2)]


def test_mentions_are_stored_and_read_back(corpus: Store) -> None:
    stored = load_document(corpus, 1)
    assert stored is not None
    stances = {m.name: m.stance for m in stored.document.mentions}
    assert stances["United States"] == "condemns"
    assert stances["Palestine"] == "supports"
    assert stored.document.mentions == corpus_documents()[0].mentions


def test_a_republication_and_a_translation_are_linked_and_an_unrelated_text_is_not(corpus: Store) -> None:
    links = {(link.a.location, link.b.location): link for link in document_links(corpus)}
    republication = links[("/statements/statement.txt", "/statements/republished.txt")]
    assert republication.kind == "republication"
    assert republication.share == 1.0  # all of the statement is in its republication
    assert 0.6 < republication.jaccard < 0.95  # the preface is new
    translation = links[("/statements/statement.txt", "/statements/traducida.txt")]
    assert translation.kind == "translation" and translation.share >= 0.9
    assert not any("genoa" in a or "genoa" in b or "icrc" in a or "icrc" in b for a, b in links)


def test_the_original_is_the_earlier_even_when_stored_second(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        save_document(store, make("copy", PREFACE + STATEMENT, date="2023-12-04"))
        save_document(store, make("original", STATEMENT, date="2023-11-30"))
        [link] = document_links(store)
    assert (link.a.location, link.b.location) == ("/statements/original.txt", "/statements/copy.txt")


def test_a_cut_republication_has_a_sensible_share(tmp_path: Path) -> None:
    excerpt = STATEMENT[: len(STATEMENT) * 2 // 3]
    with open_store(tmp_path / "c.db") as store:
        save_document(store, make("original", STATEMENT, date="2023-11-30"))
        save_document(store, make("excerpt", "Reposted from our comrades:\n" + excerpt, date="2023-12-02"))
        [link] = document_links(store)
    assert link.kind == "republication"
    assert 0.9 <= link.share < 1.0  # nearly all of the excerpt (the shorter text) is the statement's
    assert 0.55 <= link.jaccard <= 0.7  # a third of the statement is not in the excerpt


def test_bulletins_from_one_template_are_not_copies(tmp_path: Path) -> None:
    """Two daily bulletins written the same way with new figures share about half their shingles."""
    template = ("Daily bulletin of {date}. The Ministry of Health said that {killed} people have been killed "
                "and {injured} injured since the war began, including {children} children. {trucks} aid trucks "
                "entered through the crossing today, and {hospitals} hospitals remain partly working in the "
                "territory, according to the health cluster, which asks for fuel to keep generators running.")
    with open_store(tmp_path / "c.db") as store:
        save_document(store, make("monday", template.format(date="4 March", killed="30,534", injured="71,920",
                                                            children="13,000", trucks="112", hospitals="12")))
        save_document(store, make("tuesday", template.format(date="5 March", killed="30,631", injured="72,043",
                                                             children="13,230", trucks="97", hospitals="11")))
        assert document_links(store) == ()


def test_candidates_come_from_the_index_not_from_every_document(tmp_path: Path) -> None:
    """Thirty unrelated statements stored: a republication meets only its original."""
    words = UNRELATED.split()
    with open_store(tmp_path / "c.db") as store:
        for n in range(30):
            shuffled = " ".join(words[n % 7 :] + words[: n % 7]) + f" Statement number {n}."
            save_document(store, make(f"other{n}", shuffled.replace("Genoa", f"Port{n}")))
        save_document(store, make("original", STATEMENT))
        document = make("copy", PREFACE + STATEMENT)
        print_ = fp.fingerprint(document.text.normalised)
        with store.engine.connect() as connection:
            original = connection.execute(select(documents.c.id).where(documents.c.doc_id == "original")).scalar()
            found = candidate_ids(connection, document, print_)
    assert found == [original]


def test_a_new_version_is_linked_again_and_its_old_version_leaves_the_index(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        save_document(store, make("original", STATEMENT, date="2023-11-30"))
        save_document(store, make("copy", PREFACE + STATEMENT, date="2023-12-04"))
        changed = make("original", STATEMENT + "\nSigned in Lima.", date="2023-11-30")
        save_document(store, replace(changed, source=replace(changed.source, sha256="new")))
        links = document_links(store)
        with store.engine.connect() as connection:
            indexed = {row.document_id for row in connection.execute(select(document_fingerprints.c.document_id))}
    assert [(link.a.id, link.b.id) for link in links] == [(3, 2)]  # the newest version and the copy
    assert indexed == {1, 2, 3}


def test_a_corpus_made_by_0001_upgrades_and_is_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        downgrade(store, "0001")  # the schema as statecheck 0001 made it
        # Two documents as 0001 wrote them: documents and issuers (without entity keys), nothing else.
        with store.engine.begin() as connection:
            for number, text in enumerate((STATEMENT, PREFACE + STATEMENT), start=1):
                document = make(f"old{number}", text)
                row = codec.document_row(document)
                row.update(version=1, is_latest=True, ingested_at="2024-01-01T00:00:00+00:00")
                document_id = connection.execute(insert(documents).values(**row)).inserted_primary_key[0]
                connection.execute(insert(issuers).values(
                    document_id=document_id, position=0, name="Communist Party of Perú", role="signatory"))
        assert current_revision(store) == "0001"
    with open_store(path) as store:  # opening migrates 0001 → head
        assert current_revision(store) == head_revision()
        assert document_links(store) == ()
        report = index_corpus(store)
        assert (report.documents, report.links) == (2, 1)
        assert index_corpus(store).documents == 0  # nothing left to do
        [link] = document_links(store)
        assert link.kind == "republication"
        assert set(entities(store).values()) == {"communist-party-of-peru"}
        stored = load_document(store, 1)
        assert stored is not None and "United States" in {m.name for m in stored.document.mentions}
        assert organisation_profile(store, "communist-party-of-peru") is not None


def test_text_too_short_to_compare_is_fingerprinted_but_not_indexed(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        short = make("short", "Free Palestine!")
        saved = save_document(store, short)
        again = make("again", "Free Palestine!")
        save_document(store, replace(again, text=Text.plain("Free Palestine!"),
                                     source=replace(again.source, sha256=hashlib.sha256(b"x").hexdigest())))
        assert document_links(store) == ()
        with store.engine.connect() as connection:
            assert connection.execute(select(document_fingerprints.c.shingles)
                                      .where(document_fingerprints.c.document_id == saved.document_id)).scalar() == 1
