"""Corpus fixtures: the statements of corpus_samples.py stored in a fresh SQLite corpus, with the
tests' own alias file (never the tester's)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from corpus_samples import ALIASES, corpus_documents

from statecheck.extract.issuers import ALIASES_ENV
from statecheck.store import Store, open_store, save_document


@pytest.fixture(autouse=True)
def aliases(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(ALIASES, encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(path))
    return path


@pytest.fixture
def corpus(tmp_path: Path, aliases: Path) -> Iterator[Store]:
    with open_store(tmp_path / "corpus.db") as store:
        for document in corpus_documents():
            save_document(store, document)
        yield store
