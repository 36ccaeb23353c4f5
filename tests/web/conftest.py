"""Web fixtures: a small corpus built from the model (tests/store/store_samples.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The sample corpus is shared with the store tests.
sys.path.insert(0, str(Path(__file__).parent.parent / "store"))

from store_samples import sample_documents

from statecheck.store import Store, open_store, save_document


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "corpus.db") as store:
        for document in sample_documents():
            save_document(store, document)
        yield store
