"""Hostile input in a real browser (Debian's Chromium via Playwright) against `statecheck serve`.

With a hostile statement stored, every main page and the static report are opened while a
dialog handler, a console listener and a page-error listener watch: no alert may open, no
console error may be logged (a Content-Security-Policy violation would be one: the policy
would have stopped a script that escaping let through), and the live DOM may hold no script,
frame, image, event handler or javascript: link. The check form is used with a hostile text,
and a form on another origin tries to make the server store something.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from browsing import CHROMIUM, free_port, serving
from hostile_samples import HOSTILE, PAYLOADS, QUOTE, hostile_document, store_hostile

from conftest import save_samples
from statecheck.report import render_report
from statecheck.store import open_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

#: Run in the page (DevTools evaluation is not subject to the page's CSP): what should not be there.
FIND_ACTIVE_CONTENT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('script, iframe, frame, object, embed, img, base, meta[http-equiv]')) {
    if (el.tagName === 'META' && el.getAttribute('http-equiv') === 'Content-Security-Policy') continue;
    found.push(el.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && value.startsWith('javascript:'))
        found.push(el.tagName + ' ' + name + '=' + attr.value);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("hostile-browser") / "corpus.db"
    with open_store(db) as store:
        save_samples(store)
        return db, store_hostile(store)


@pytest.fixture(scope="module")
def server(corpus_db: tuple[Path, int]) -> Iterator[str]:
    """`statecheck serve` on a free port of 127.0.0.1 (its defaults: loopback names only)."""
    with serving(corpus_db[0]) as base:
        yield base


class Watched:
    """A page with everything that must not happen recorded: dialogs, console errors, page errors,
    server errors."""

    def __init__(self, browser: Any, base_url: str | None) -> None:
        self.context = browser.new_context(**({"base_url": base_url} if base_url else {}))
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.server_errors: list[str] = []
        self.base_url = base_url or ""

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.on("console", lambda message: self.console_errors.append(f"{message.text} @ {self.page.url}")
                     if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("response", lambda response: self.server_errors.append(f"{response.status} {response.url}")
                     if response.status >= 500 else None)

    def assert_quiet(self, where: str) -> None:
        self.page.wait_for_timeout(50)  # a late event (a meta refresh, an onload) would land by now
        active = self.page.evaluate(FIND_ACTIVE_CONTENT)
        assert active == [], f"{where}: active content {active}"
        assert self.dialogs == [], f"{where}: dialogs {self.dialogs}"
        assert self.console_errors == [], f"{where}: console errors {self.console_errors}"
        assert self.page_errors == [], f"{where}: page errors {self.page_errors}"
        assert self.server_errors == [], f"{where}: server errors {self.server_errors}"


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[Watched]:
    opened = Watched(browser, server)
    opened.base_url = server
    yield opened
    opened.context.close()


def every_page(base_url: str, db: Path, document_id: int) -> list[str]:
    """Every GET route of the app that a browser shows (not a download), with its parameters filled."""
    from starlette.routing import Route

    from statecheck.web import create_app

    with open_store(db) as store:
        routes = [route.path for route in create_app(store).routes
                  if isinstance(route, Route) and "GET" in (route.methods or ())]
    pages = []
    for route in routes:
        path = route.replace("{document_id:int}", str(document_id))
        path = re.sub(r"\{[a-z_]+(:str)?\}", quote(PAYLOADS[3], safe=""), path)
        response = httpx.get(base_url + path)
        if response.status_code == 200 and "content-disposition" not in response.headers:
            pages.append(path)
    return pages


def test_every_main_page_with_a_hostile_statement(watched: Watched, corpus_db: tuple[Path, int]) -> None:
    db, document_id = corpus_db
    payload = quote(PAYLOADS[1])
    pages = {
        "/": "Title " + HOSTILE,
        f"/?q=script&language={payload}": None,
        f"/documents/{document_id}": QUOTE,
        f"/documents/{document_id}?claim=0#claim-0": "sentence " + HOSTILE,
        "/claims": QUOTE,
        f"/claims?q={payload}&metric={payload}": None,
        "/record": None,
        "/failures": "/inbox/<script>alert('failure')</script>.pdf",
        "/check": None,
        "/api/docs": None,
        f"/api/documents/{document_id}": "Title " + PAYLOADS[0],  # JSON, shown as text by the browser
    }
    found = every_page(watched.base_url, db, document_id)  # pages added after this test, too
    assert {"/", "/claims", "/record", "/check", "/failures", "/api/docs"} <= set(found)
    for path in found:
        pages.setdefault(path, None)
    for path, shown in pages.items():
        response = watched.page.goto(path)
        assert response is not None and response.status == 200, path
        if shown is not None:
            assert shown in watched.page.inner_text("body"), path
        watched.assert_quiet(path)
    # The record's markers carry the hostile title as their tooltip; hover one.
    watched.page.goto("/record")
    watched.page.locator("svg.chart .claim-point").first.hover()
    # A 404 whose address holds a payload.
    response = watched.page.goto(f"/documents/{payload}")
    assert response is not None and response.status == 404
    # The browser logs the page's own 404 as a failed load; nothing else may be logged.
    watched.console_errors = [error for error in watched.console_errors
                              if not error.startswith("Failed to load resource: the server responded with a "
                                                      "status of 404 (Not Found) @ " + response.url)]
    watched.assert_quiet("404 page")


def test_checking_and_storing_a_hostile_text(watched: Watched) -> None:
    page = watched.page
    page.goto("/check")
    page.fill("textarea[name=text]", f"Gaza, 2 November 2023. {HOSTILE} 9,999 people were killed.")
    page.click("#check-form button[type=submit]")
    page.wait_for_load_state()
    assert "Checked, not stored" in page.inner_text("main")
    assert PAYLOADS[0] in page.inner_text(".doc-text")
    watched.assert_quiet("check result")
    page.check("input[name=store]")
    page.click("#check-form button[type=submit]")
    page.wait_for_url("**/documents/*?stored=*")
    assert "Stored in the corpus" in page.inner_text("main")
    assert PAYLOADS[0] in page.inner_text(".doc-text")
    watched.assert_quiet("stored document")


class AttackerPage(http.server.BaseHTTPRequestHandler):
    """Another origin on this machine, with a form aimed at the local statecheck."""

    target = ""

    def do_GET(self) -> None:
        body = (
            "<!doctype html><title>win a prize</title>"
            f'<form id="attack" method="post" action="{self.target}/check" enctype="multipart/form-data">'
            '<input name="text" value="Planted: 1,000,000 people were killed.">'
            '<input name="store" value="1"><input name="csrf_token" value="' + "0" * 64 + '">'
            '<button id="go" type="submit">claim</button></form>'
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_form_on_another_origin_cannot_store(browser: Any, server: str) -> None:
    before = httpx.get(f"{server}/api/documents").json()["total"]
    AttackerPage.target = server
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), AttackerPage)
    thread = threading.Thread(target=attacker.serve_forever, daemon=True)
    thread.start()
    opened = Watched(browser, None)
    try:
        page = opened.page
        page.goto(f"{server}/check")  # the victim has used the check page: the browser holds its cookie
        page.goto(f"http://127.0.0.1:{attacker.server_address[1]}/")
        with page.expect_navigation():
            page.click("#go")
        assert "This form" in page.inner_text("main")
        # The same form from a page with no origin at all (Origin: null).
        page.goto("about:blank")
        page.set_content(
            f'<form method="post" action="{server}/check" enctype="multipart/form-data">'
            '<input name="text" value="Planted: 2 killed."><input name="store" value="1">'
            '<button id="go" type="submit">go</button></form>'
        )
        with page.expect_navigation():
            page.click("#go")
        assert "This form" in page.inner_text("main")
    finally:
        opened.context.close()
        attacker.shutdown()
        attacker.server_close()
    assert httpx.get(f"{server}/api/documents").json()["total"] == before


def test_the_static_report_with_a_hostile_statement(browser: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(render_report([hostile_document()], title="Report " + PAYLOADS[1]), encoding="utf-8")
    opened = Watched(browser, None)
    try:
        opened.page.goto(report.as_uri())
        text = opened.page.inner_text("body")
        assert "Report " + PAYLOADS[1] in text and QUOTE in text
        opened.page.locator("svg.chart .claim-point").first.hover()
        opened.assert_quiet("report")
    finally:
        opened.context.close()
