"""The organisation, organisations, network and links pages: in-process, then in a real
Chromium against `statecheck serve` (screenshots in test-output/screenshots/)."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import needs_chromium, screenshot, serving
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from corpus_samples import ALIASES, corpus_documents, make

from statecheck.extract.issuers import ALIASES_ENV
from statecheck.store import open_store, save_document
from statecheck.web.app import create_app

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def build_corpus(db: Path, aliases: Path) -> None:
    """The corpus of tests/corpus, with one issuer whose name is markup."""
    aliases.write_text(ALIASES, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ALIASES_ENV, str(aliases))
        with open_store(db) as store:
            for document in corpus_documents():
                save_document(store, document)
            save_document(store, make("markup", "A statement signed with markup in a name, to be shown as text "
                                      "and never run, whatever it says about the Red Sun Collective.",
                                      issuers=(("<script>alert(1)</script> Front", "issuer"),
                                               ("Red Sun Collective", "signatory"))))


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("organisations")
    build_corpus(folder / "corpus.db", folder / "aliases.toml")
    return folder / "corpus.db"


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_db)) as opened:
        yield opened


@pytest.mark.parametrize("path", ["/organisations", "/organisations/communist-party-of-peru", "/network",
                                  "/network?min_weight=2", "/links", "/links?kind=translation", "/documents/1"])
def test_pages_render_with_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert "script-src 'none'" in response.headers["content-security-policy"]


def test_one_organisation_under_two_spellings(client: TestClient) -> None:
    html = client.get("/organisations/communist-party-of-peru").text
    assert "Communist Party of Perú" in html and "Communist Party of Peru" in html
    assert '<dd id="organisation-documents">2</dd>' in html
    assert 'href="/organisations/red-sun-collective"' in html  # its co-signer
    assert "We demand an immediate ceasefire" in html  # its demands by category
    assert "15,000" in html and "v-consistent" in html  # its figures beside the record
    listing = client.get("/organisations?q=peru").text
    assert listing.count('class="organisation-link"') == 1


def test_an_unknown_organisation_is_404(client: TestClient) -> None:
    assert client.get("/organisations/no-such-party").status_code == 404


def test_markup_in_a_name_is_text(client: TestClient) -> None:
    for path in ("/organisations", "/network", "/organisations/red-sun-collective"):
        html = client.get(path).text
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Front" in html


def test_network_downloads(client: TestClient) -> None:
    graphml = client.get("/network.graphml")
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(graphml.content)
    assert len(root.findall(f"{GRAPHML}graph/{GRAPHML}edge")) == 3
    data = client.get("/network.json?min_weight=2").json()
    assert [(e["source"], e["target"], e["weight"]) for e in data["edges"]] == [
        ("communist-party-of-peru", "red-sun-collective", 2)]


def test_the_document_page_links_issuers_and_copies(client: TestClient) -> None:
    html = client.get("/documents/1").text
    assert 'class="issuer-link" href="/organisations/communist-party-of-peru"' in html
    assert "Republication of this document" in html and 'href="/documents/2"' in html
    assert "condemns" in html  # its mentions, with their stance


# --------------------------------------------------------------------------- in Chromium

@pytest.fixture(scope="module")
def server(corpus_db: Path) -> Iterator[str]:
    with serving(corpus_db, probe="/organisations") as base:
        yield base


@pytest.mark.browser
@needs_chromium
def test_browse_from_the_index_to_an_organisation_and_its_cosigner(page: object) -> None:
    page.goto("/organisations")  # type: ignore[attr-defined]
    screenshot(page, "organisations")
    page.click("a.organisation-link[href='/organisations/communist-party-of-peru']")  # type: ignore[attr-defined]
    page.wait_for_url("**/organisations/communist-party-of-peru")  # type: ignore[attr-defined]
    assert "Communist Party of Perú" in page.inner_text("#organisation-names")  # type: ignore[attr-defined]
    assert page.locator("#organisation-timeline tbody tr").count() == 2  # type: ignore[attr-defined]
    assert page.locator("#organisation-claims .badge.v-consistent").count() == 1  # type: ignore[attr-defined]
    screenshot(page, "organisation")
    page.click("a.cosigner")  # type: ignore[attr-defined]
    page.wait_for_url("**/organisations/red-sun-collective")  # type: ignore[attr-defined]
    assert "Red Sun Collective" in page.inner_text("h1")  # type: ignore[attr-defined]
    assert "alert(1)" in page.inner_text("#cosigner-list")  # shown as text  # type: ignore[attr-defined]


@pytest.mark.browser
@needs_chromium
def test_the_network_page_draws_links_and_downloads(page: object) -> None:
    page.goto("/network")  # type: ignore[attr-defined]
    drawing = page.locator("svg.network")  # type: ignore[attr-defined]
    assert drawing.is_visible()
    assert page.locator("svg.network g.node").count() == 4  # type: ignore[attr-defined]
    assert page.locator("svg.network line.edge").count() == 3  # type: ignore[attr-defined]
    screenshot(page, "network")
    with page.expect_download() as download_info:  # type: ignore[attr-defined]
        page.click("a.download:has-text('GraphML')")  # type: ignore[attr-defined]
    root = ET.parse(download_info.value.path()).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    with page.expect_download() as download_info:  # type: ignore[attr-defined]
        page.click("a.download:has-text('JSON')")  # type: ignore[attr-defined]
    assert json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))["nodes"]
    page.click("svg.network a[href='/organisations/genoa-dockers-union']")  # type: ignore[attr-defined]
    page.wait_for_url("**/organisations/genoa-dockers-union")  # type: ignore[attr-defined]
    assert "Genoa Dockers' Union" in page.inner_text("h1")  # type: ignore[attr-defined]


@pytest.mark.browser
@needs_chromium
def test_from_a_document_to_its_republication(page: object) -> None:
    page.goto("/documents/1")  # type: ignore[attr-defined]
    page.click(".doc-links a")  # type: ignore[attr-defined]
    page.wait_for_url("**/documents/2")  # type: ignore[attr-defined]
    assert "republication of" in page.inner_text(".doc-links")  # type: ignore[attr-defined]
    page.goto("/links")  # type: ignore[attr-defined]
    assert page.locator("#document-links tbody tr").count() == 3  # type: ignore[attr-defined]
    screenshot(page, "links")
