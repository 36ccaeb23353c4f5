"""The real pages in Debian's Chromium (Playwright), against `statecheck serve` on 127.0.0.1.

Skipped only when /usr/bin/chromium is missing. Each test fails if any response was a server
error; screenshots of the main pages go to test-output/screenshots/.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import CHROMIUM, screenshot, serving

from conftest import save_samples
from statecheck.store import open_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`statecheck serve` (uvicorn) on a free port of 127.0.0.1, over the sample corpus."""
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    with open_store(db) as store:
        save_samples(store)
    with serving(db) as base:
        yield base


def no_error_shown(page: object) -> None:
    text = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Internal Server Error" not in text and "Traceback" not in text


def test_search_and_facet(page: object) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    screenshot(page, "documents")
    page.fill("input[name=q]", "ceasefire")  # type: ignore[attr-defined]
    page.click("form[role=search] button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**/?q=ceasefire*")  # type: ignore[attr-defined]
    assert page.inner_text("#result-count").startswith("1 document")  # type: ignore[attr-defined]
    assert page.locator("a.document-link").all_inner_texts() == ["Gaza <b>Ministry</b> update"]  # type: ignore[attr-defined]
    page.goto("/")  # type: ignore[attr-defined]
    page.click("a.facet[href='/?language=es']")  # type: ignore[attr-defined]
    page.wait_for_url("**language=es*")  # type: ignore[attr-defined]
    assert page.locator("a.document-link").all_inner_texts() == ["Comunicado"]  # type: ignore[attr-defined]
    no_error_shown(page)


def test_open_a_document_and_select_a_claim(page: object) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    page.click("a.document-link:has-text('Gaza')")  # type: ignore[attr-defined]
    page.wait_for_url("**/documents/1")  # type: ignore[attr-defined]
    # The statement's <script> is shown as text, and did not run.
    assert "<script>alert('x')</script>" in page.inner_text(".doc-text")  # type: ignore[attr-defined]
    evidence = page.locator("#claim-0")  # type: ignore[attr-defined]
    assert not evidence.is_visible()
    page.click("mark.claim a:has-text('8,005 Palestinians were killed')")  # type: ignore[attr-defined]
    page.wait_for_url("**claim=0#claim-0")  # type: ignore[attr-defined]
    assert evidence.is_visible()
    assert "tfp/gaza/killed" in evidence.inner_text()
    assert evidence.locator("svg.chart").count() == 1
    screenshot(page, "document")
    no_error_shown(page)


def test_check_form_with_a_file(page: object, tmp_path: Path) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text("Gaza, 1 December 2023. More than 15,000 Palestinians have been killed.", encoding="utf-8")
    page.goto("/check")  # type: ignore[attr-defined]
    screenshot(page, "check")
    page.set_input_files("input[name=file]", str(statement))  # type: ignore[attr-defined]
    page.click("#check-form button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert "Checked, not stored" in page.inner_text("main")  # type: ignore[attr-defined]
    assert "15,000" in page.inner_text(".doc-text")  # type: ignore[attr-defined]
    screenshot(page, "check-result")
    page.set_input_files("input[name=file]", str(statement))  # type: ignore[attr-defined]
    page.check("input[name=store]")  # type: ignore[attr-defined]
    page.click("#check-form button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**/documents/*?stored=*")  # type: ignore[attr-defined]
    assert "Stored in the corpus" in page.inner_text("main")  # type: ignore[attr-defined]
    no_error_shown(page)


def test_filter_claims_and_download_csv(page: object) -> None:
    page.goto("/claims")  # type: ignore[attr-defined]
    screenshot(page, "claims")
    page.select_option("select[name=metric]", "killed")  # type: ignore[attr-defined]
    page.click("#claim-filter button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**metric=killed*")  # type: ignore[attr-defined]
    with page.expect_download() as download_info:  # type: ignore[attr-defined]
        page.click("a.download:has-text('CSV')")  # type: ignore[attr-defined]
    path = download_info.value.path()
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {row["metric"] for row in rows} == {"killed"}
    no_error_shown(page)


def test_record_and_api_docs(page: object) -> None:
    page.goto("/record")  # type: ignore[attr-defined]
    assert page.locator("svg.chart").count() >= 3  # type: ignore[attr-defined]
    assert page.locator("svg.chart .claim-point").count() >= 4  # type: ignore[attr-defined]
    screenshot(page, "record")
    page.goto("/api/docs")  # type: ignore[attr-defined]
    assert "GET /api/claims" in page.inner_text("main")  # type: ignore[attr-defined]
    screenshot(page, "api-docs")
    no_error_shown(page)

