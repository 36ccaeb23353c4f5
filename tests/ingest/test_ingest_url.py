"""URLs, fetched from a real HTTP server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from statecheck.errors import FetchError, InputError, LimitError
from statecheck.ingest import read
from statecheck.ingest.url import slug
from statecheck.options import Limits, Options

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Water trucking resumes</title>
<meta property="article:published_time" content="2024-03-05"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Water trucking resumes</h1>
<p>Water trucking resumed in the central camps on Monday, reaching 18 distribution points and about
21,000 people, the utility said in its daily note to partners.</p></article></body></html>"""
NOTE = "Übersicht: 35 Lkw überquerten am Dienstag den Übergang.".encode("cp1252")
SLOW_SECONDS = 1.5


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True


def routes(make_pdf: Callable[..., bytes], make_docx: Callable[..., bytes]) -> dict[str, Route]:
    pdf = make_pdf([["Situation note", "The cluster counted 52 functioning kitchens."]])
    docx = make_docx(["Situation note", "The cluster counted 52 functioning kitchens."])
    return {
        "/news/2024/03/05/water.html": Route(body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"}),
        "/note.txt": Route(body=NOTE, headers={"Content-Type": "text/plain; charset=windows-1252"}),
        "/report.pdf": Route(body=pdf, headers={"Content-Type": "application/pdf"}),
        "/download?id=7": Route(body=pdf, headers={"Content-Type": "application/octet-stream"}),
        "/mislabelled": Route(body=pdf, headers={"Content-Type": "text/html"}),
        "/brief.docx": Route(
            body=docx,
            headers={
                "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            },
        ),
        "/gzipped": Route(
            body=gzip.compress(PAGE), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
        ),
        "/photo.png": Route(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, headers={"Content-Type": "image/png"}),
        "/empty-page": Route(body=b"<html><body></body></html>", headers={"Content-Type": "text/html"}),
        "/missing": Route(status=404, body=b"<h1>Not Found</h1>", headers={"Content-Type": "text/html"}),
        "/broken": Route(status=500, body=b"oops", headers={"Content-Type": "text/plain"}),
        "/slow": Route(body=PAGE, headers={"Content-Type": "text/html"}, delay=SLOW_SECONDS),
        "/moved": Route(status=301, headers={"Location": "/news/2024/03/05/water.html"}),
        "/hop": Route(status=302, headers={"Location": "/moved"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/to-ftp": Route(status=302, headers={"Location": "ftp://127.0.0.1/file.txt"}),
        "/big": Route(body=b"x" * 200_000, headers={"Content-Type": "text/plain"}),
        "/big-unannounced": Route(
            body=b"x" * 200_000, headers={"Content-Type": "text/plain"}, send_length=False
        ),
    }


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path, Route(status=404))
        if route.delay:
            time.sleep(route.delay)
        try:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(make_pdf: Callable[..., bytes], make_docx: Callable[..., bytes]) -> Iterator[str]:
    Handler.routes = routes(make_pdf, make_docx)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


# Private addresses will be refused by default: these tests fetch from 127.0.0.1 on purpose.
OPTIONS = Options(allow_private_urls=True, limits=Limits(url_timeout=0.5))


def test_html_page(server: str) -> None:
    url = f"{server}/news/2024/03/05/water.html"
    source, text = read(url, OPTIONS)
    assert source.location == url
    assert source.media_type == "text/html"
    port = server.rsplit(":", 1)[1]
    assert source.doc_id == f"127-0-0-1-{port}-news-2024-03-05-water-html"
    assert source.meta["url"] == url
    assert source.meta["url_date"] == "2024-03-05"
    assert source.meta["title"] == "Water trucking resumes"
    assert "reaching 18 distribution points and about 21,000 people" in text.normalised
    assert "Home" not in text.normalised


def test_plain_text_in_the_declared_charset(server: str) -> None:
    source, text = read(f"{server}/note.txt", OPTIONS)
    assert source.media_type == "text/plain"
    assert text.normalised == "Übersicht: 35 Lkw überquerten am Dienstag den Übergang."


@pytest.mark.parametrize("path", ["/report.pdf", "/download?id=7", "/mislabelled"])
def test_pdf(server: str, path: str) -> None:
    source, text = read(f"{server}{path}", OPTIONS)
    assert source.media_type == "application/pdf"
    assert text.normalised == "Situation note\nThe cluster counted 52 functioning kitchens."


def test_docx(server: str) -> None:
    source, text = read(f"{server}/brief.docx", OPTIONS)
    assert source.doc_id == slug(f"{server}/brief.docx")
    assert text.normalised == "Situation note\nThe cluster counted 52 functioning kitchens."


def test_gzip_body(server: str) -> None:
    assert "21,000 people" in read(f"{server}/gzipped", OPTIONS)[1].normalised


def test_redirects_are_followed(server: str) -> None:
    source, _text = read(f"{server}/hop", OPTIONS)
    assert source.location == f"{server}/hop"
    assert source.meta["url"] == f"{server}/news/2024/03/05/water.html"
    assert source.meta["url_date"] == "2024-03-05"


def expect(error_type: type[InputError | LimitError], location: str, options: Options = OPTIONS) -> str:
    with pytest.raises(error_type) as caught:
        read(location, options)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_404(server: str) -> None:
    assert expect(FetchError, f"{server}/missing") == f"{server}/missing: HTTP 404 Not Found"


def test_500(server: str) -> None:
    assert expect(FetchError, f"{server}/broken") == f"{server}/broken: HTTP 500 Internal Server Error"


def test_timeout(server: str) -> None:
    started = time.monotonic()
    assert expect(FetchError, f"{server}/slow") == f"{server}/slow: timed out after 0.5 s"
    assert time.monotonic() - started < SLOW_SECONDS


def test_too_many_redirects(server: str) -> None:
    options = Options(allow_private_urls=True, limits=Limits(url_timeout=2, max_redirects=1))
    assert expect(FetchError, f"{server}/loop", options) == f"{server}/loop: more than 1 redirects"
    assert expect(FetchError, f"{server}/hop", options) == f"{server}/hop: more than 1 redirects"


def test_redirect_to_another_scheme(server: str) -> None:
    assert expect(FetchError, f"{server}/to-ftp") == (
        f"{server}/to-ftp: unsupported URL scheme 'ftp' (only http and https): redirected to ftp://127.0.0.1/file.txt"
    )


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"], ids=["Content-Length", "streamed"])
def test_size_limit(server: str, path: str) -> None:
    options = Options(allow_private_urls=True, limits=Limits(url_timeout=2, max_bytes=100_000))
    assert expect(LimitError, f"{server}{path}", options) == (
        f"{server}{path}: download is larger than the limit of 100,000 bytes"
    )


def test_unsupported_content_type(server: str) -> None:
    assert expect(FetchError, f"{server}/photo.png") == (
        f"{server}/photo.png: unsupported content type 'image/png' (expected HTML, plain text, PDF or DOCX)"
    )


def test_page_without_main_text(server: str) -> None:
    assert (
        expect(InputError, f"{server}/empty-page")
        == f"{server}/empty-page: no main text found in the HTML page"
    )


def test_connection_refused(server: str) -> None:
    # a port nobody listens on: bind one, note it, close it
    probe = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = probe.server_address[1]
    probe.server_close()
    message = expect(FetchError, f"http://127.0.0.1:{port}/x")
    assert message.startswith(f"http://127.0.0.1:{port}/x: cannot connect (")


def test_url_without_a_host() -> None:
    assert expect(InputError, "https://") == "https://: invalid URL (no host)"


def test_unsupported_scheme() -> None:
    assert expect(FetchError, "ftp://example.org/report.txt") == (
        "ftp://example.org/report.txt: unsupported URL scheme 'ftp' (only http and https)"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.org/news/item-42", "www-example-org-news-item-42"),
        ("http://Example.org/Press/2023/11/Statement.html#top", "example-org-press-2023-11-statement-html"),
        ("https://example.org/view?id=7&lang=en", "example-org-view-id-7-lang-en"),
        ("https://example.org/", "example-org"),
        ("https://example.org/" + "a" * 300, "example-org-" + "a" * 108),
    ],
)
def test_slug(url: str, expected: str) -> None:
    assert slug(url) == expected
