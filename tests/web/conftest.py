"""Web fixtures: a small corpus built from the model (tests/store/store_samples.py) and a client."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

# The sample corpus is shared with the store tests.
sys.path.insert(0, str(Path(__file__).parent.parent / "store"))

from statecheck.store import Store, open_store, save_document  # noqa: E402
from statecheck.web import create_app  # noqa: E402
from store_samples import sample_documents  # noqa: E402

#: A small upload limit, so the limit tests send kilobytes, not megabytes.
UPLOAD_LIMIT = 20_000


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "corpus.db") as store:
        for document in sample_documents():
            save_document(store, document)
        yield store


@pytest.fixture
def client(corpus: Store) -> Iterator[TestClient]:
    with TestClient(create_app(corpus, max_upload_bytes=UPLOAD_LIMIT)) as test_client:
        yield test_client
