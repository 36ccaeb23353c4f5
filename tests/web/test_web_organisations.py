"""The organisation, organisations, network and links pages: in-process, then in a real
Chromium against `statecheck serve` (screenshots in test-output/screenshots/)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

from corpus_samples import ALIASES, corpus_documents, make

from statecheck.extract.issuers import ALIASES_ENV
from statecheck.store import open_store, save_document
from statecheck.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
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

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(corpus_db: Path) -> Iterator[str]:
    port = free_port()
    log_path = corpus_db.with_suffix(".log")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "statecheck.cli", "serve", "--db", str(corpus_db), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(f"{base}/organisations", timeout=1)
                    break
                except httpx.TransportError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"statecheck serve did not start:\n{log_path.read_text()}") from None
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh page whose every response is watched for server errors."""
    context = browser.new_context(base_url=server, accept_downloads=True)  # type: ignore[attr-defined]
    context.set_default_timeout(10_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("response", lambda response: errors.append(f"{response.status} {response.url}")
              if response.status >= 500 else None)
    yield opened
    context.close()
    assert errors == [], f"server errors: {errors}"


def screenshot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


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
