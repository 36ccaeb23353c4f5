"""Web fixtures: a small corpus built from the model (tests/store/store_samples.py), and for the
browser tests Debian's Chromium and a watched page (helpers in browsing.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The sample corpus is shared with the store tests.
sys.path.insert(0, str(Path(__file__).parent.parent / "store"))

from browsing import CHROMIUM, CHROMIUM_ARGS
from store_samples import sample_documents

from statecheck.store import Store, open_store, save_document


def save_samples(store: Store) -> None:
    """The sample corpus: three documents with claims, verdicts and a demand."""
    for document in sample_documents():
        save_document(store, document)


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "corpus.db") as store:
        save_samples(store)
        yield store


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless (Playwright), for one test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page on the module's ``server`` whose every response is watched for server errors."""
    context = browser.new_context(base_url=server, accept_downloads=True)
    context.set_default_timeout(10_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("response", lambda response: errors.append(f"{response.status} {response.url}")
              if response.status >= 500 else None)
    yield opened
    context.close()
    assert errors == [], f"server errors: {errors}"
