"""URLs from social media: no request to a private, loopback or link-local address unless the user
allows it, checked on the resolved address, after every redirect, and pinned (the connection goes
to the address that was checked, so DNS rebinding gains nothing); redirect, size and type limits.

The "public" web here is a server on 127.0.0.1 that the tests declare public by replacing
:func:`statecheck.ingest.url.is_public_address` for 127.0.0.1 only, and host names (``news.test``)
that a fake resolver answers; nothing leaves the machine.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from typer.testing import CliRunner

from statecheck.cli import app
from statecheck.errors import FetchError, LimitError
from statecheck.ingest import read
from statecheck.ingest import url as url_module
from statecheck.ingest.url import check_destination, is_public_address
from statecheck.options import Limits, Options

PAGE = (
    b"<html><head><title>Gaza</title></head><body><article><p>In Gaza, 1,200 people were killed and "
    b"3,400 injured, the ministry said on 7 November 2023, in its daily report to partners.</p></article></body></html>"
)
DEFAULT = Options(limits=Limits(url_timeout=2))


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True), ("2606:4700::1111", True), ("::ffff:8.8.8.8", True), ("192.0.0.9", True),
        ("127.0.0.1", False), ("127.255.0.1", False), ("0.0.0.0", False), ("10.1.2.3", False),
        ("172.16.0.1", False), ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
        ("100.127.255.254", False), ("224.0.0.1", False), ("255.255.255.255", False), ("240.0.0.1", False),
        ("::1", False), ("::", False), ("fc00::1", False), ("fd12:3456::1", False), ("fe80::1", False),
        ("fe80::1%eth0", False), ("fec0::1", False), ("ff02::1", False), ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False), ("::127.0.0.1", False), ("2002:7f00:1::", False), ("2002:a00:1::1", False),
        ("64:ff9b::7f00:1", False), ("64:ff9b::a9fe:a9fe", False), ("2001::1", False), ("2001:db8::1", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/", "http://0.0.0.0:8000/",
        "http://localhost/admin", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[fc00::1]/",
        "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "https://10.0.0.1/", "http://[fe80::1]/",
    ],
)
def test_private_destinations_are_refused_before_any_request(location: str) -> None:
    with pytest.raises(FetchError) as caught:
        read(location, DEFAULT)
    message = str(caught.value)
    assert message.startswith(f"{location}: refused: ") and "--allow-private-urls" in message
    assert "\n" not in message


def fake_resolver(table: dict[str, list[str]], calls: list[str] | None = None) -> Any:
    real = socket.getaddrinfo

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if calls is not None:
            calls.append(host)
        if host not in table:
            return real(host, port, *args, **kwargs)
        answers = table[host]
        address = answers.pop(0) if len(answers) > 1 else answers[0]  # a list of several: one per call
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    return resolve


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(url_module.socket, "getaddrinfo", fake_resolver({"intranet.example": ["10.0.0.7"]}))
    with pytest.raises(FetchError) as caught:
        read("https://intranet.example/wiki", DEFAULT)
    assert str(caught.value) == (
        "https://intranet.example/wiki: refused: intranet.example (10.0.0.7) is a private, loopback or "
        "link-local address (use --allow-private-urls to allow it)"
    )


def test_allowing_private_urls_skips_the_check() -> None:
    assert check_destination(httpx.URL("http://127.0.0.1/"), Options(allow_private_urls=True)) == ()
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        check_destination(httpx.URL("file:///etc/passwd"), Options(allow_private_urls=True))


def test_a_name_that_does_not_resolve() -> None:
    with pytest.raises(FetchError) as caught:
        read("http://no-such-host.invalid/", DEFAULT)
    assert str(caught.value).startswith("http://no-such-host.invalid/: cannot resolve host 'no-such-host.invalid'")


# --------------------------------------------------------------------------- a "public" server


class Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str | None]]] = []
    port: ClassVar[int] = 0

    def do_GET(self) -> None:
        Handler.seen.append((self.path, self.headers.get("Host")))
        routes: dict[str, tuple[int, dict[str, str], bytes]] = {
            "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
            "/to-intranet": (302, {"Location": "http://intranet.test/secret"}, b""),
            "/to-loopback": (302, {"Location": f"http://[::1]:{self.port}/article"}, b""),
            "/to-metadata": (301, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/to-relative": (302, {"Location": "/article"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/binary": (200, {"Content-Type": "application/octet-stream"}, b"\x00\x01" * 100),
            "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        }
        if self.path == "/endless":  # no Content-Length: the size limit must stop the stream
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(2000):
                    self.wfile.write(b"x" * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, headers, body = routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Handler.port
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch, port: int) -> list[str]:
    """127.0.0.1 counts as public; news.test is it, intranet.test is 10.0.0.1, rebind.test is
    127.0.0.1 on the first lookup and 10.0.0.1 after. Returns the names looked up."""
    real = url_module.is_public_address
    monkeypatch.setattr(
        url_module, "is_public_address", lambda address: str(address) == "127.0.0.1" or real(address)
    )
    calls: list[str] = []
    table = {"news.test": ["127.0.0.1"], "intranet.test": ["10.0.0.1"], "rebind.test": ["127.0.0.1", "10.0.0.1"]}
    monkeypatch.setattr(url_module.socket, "getaddrinfo", fake_resolver(table, calls))
    Handler.seen.clear()
    return calls


def test_the_request_goes_to_the_checked_address_with_the_host_name(web: list[str], port: int) -> None:
    source, text = read(f"http://news.test:{port}/article", DEFAULT)
    assert "1,200 people were killed" in text.normalised
    assert source.meta["url"] == f"http://news.test:{port}/article"
    # news.test exists only in the fake resolver: the connection went to the address it gave
    assert Handler.seen == [("/article", f"news.test:{port}")]


@pytest.mark.parametrize(
    ("path", "target"),
    [("/to-intranet", "http://intranet.test/secret"), ("/to-loopback", "http://[::1]:{port}/article"),
     ("/to-metadata", "http://169.254.169.254/latest/meta-data/")],
)
def test_a_redirect_to_a_private_address_is_refused(web: list[str], port: int, path: str, target: str) -> None:
    location = f"http://news.test:{port}{path}"
    with pytest.raises(FetchError) as caught:
        read(location, DEFAULT)
    message = str(caught.value)
    assert message.startswith(f"{location}: refused: ")
    assert message.endswith(f"redirected to {target.format(port=port)}")
    assert [seen for seen, _ in Handler.seen] == [path]  # nothing was requested after the redirect


def test_a_relative_redirect_keeps_the_host_name(web: list[str], port: int) -> None:
    source, _ = read(f"http://news.test:{port}/to-relative", DEFAULT)
    assert source.meta["url"] == f"http://news.test:{port}/article"
    assert Handler.seen == [("/to-relative", f"news.test:{port}"), ("/article", f"news.test:{port}")]


def test_dns_rebinding_gains_nothing(web: list[str], port: int) -> None:
    """The name is looked up once per hop, checked, and connected to as checked: a second answer
    (a private address) is never asked for."""
    source, _ = read(f"http://rebind.test:{port}/article", DEFAULT)
    assert source.meta["url"] == f"http://rebind.test:{port}/article"
    assert web.count("rebind.test") == 1


def test_redirect_limit(web: list[str], port: int) -> None:
    options = Options(limits=Limits(url_timeout=2, max_redirects=3))
    with pytest.raises(FetchError, match="more than 3 redirects"):
        read(f"http://news.test:{port}/loop", options)
    assert len(Handler.seen) == 4


def test_size_limit_while_streaming(web: list[str], port: int) -> None:
    with pytest.raises(LimitError, match="download is larger than the limit of 100,000 bytes"):
        read(f"http://news.test:{port}/endless", Options(limits=Limits(url_timeout=2, max_bytes=100_000)))


@pytest.mark.parametrize(("path", "shown"), [("/binary", "application/octet-stream"), ("/image", "image/png")])
def test_content_type_is_checked(web: list[str], port: int, path: str, shown: str) -> None:
    with pytest.raises(FetchError) as caught:
        read(f"http://news.test:{port}{path}", DEFAULT)
    assert f"unsupported content type '{shown}'" in str(caught.value)


def test_cli_refuses_then_allows_private_urls(port: int) -> None:
    runner = CliRunner()
    location = f"http://127.0.0.1:{port}/article"
    refused = runner.invoke(app, ["check", location, "-f", "jsonl", "--workers", "1"])
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"statecheck: {location}: refused: 127.0.0.1 is a private, loopback or link-local address "
        "(use --allow-private-urls to allow it)\n"
    )
    allowed = runner.invoke(app, ["check", location, "-f", "jsonl", "--workers", "1", "--allow-private-urls"])
    assert allowed.exit_code == 0, allowed.stderr
    assert "1,200" in allowed.stdout


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A test CA and a certificate for news.test signed by it (openssl's command line)."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=statecheck test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=news.test")
    (folder / "ext.cnf").write_text("subjectAltName=DNS:news.test\n", encoding="ascii")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf")
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make certificates")
def test_https_pinned_to_the_address_still_checks_the_certificate_name(
    web: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection goes to 127.0.0.1, but TLS is spoken to news.test: its certificate is
    accepted, and the same certificate is refused for another name pointing at the same address."""
    ca, certificate, key = _certificates(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # httpx trusts this CA (trust_env)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    port = httpd.server_address[1]
    try:
        source, _ = read(f"https://news.test:{port}/article", DEFAULT)
        assert source.meta["url"] == f"https://news.test:{port}/article"
        monkeypatch.setattr(url_module.socket, "getaddrinfo", fake_resolver({"other.test": ["127.0.0.1"]}))
        with pytest.raises(FetchError, match="certificate verify failed"):
            read(f"https://other.test:{port}/article", DEFAULT)
    finally:
        httpd.shutdown()
        httpd.server_close()
