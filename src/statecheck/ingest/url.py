"""http(s) URLs: download with limits, and say which reader the body needs.

Redirects are followed here, one hop at a time, so that every address we are about to
connect to passes through :func:`check_destination` first: the one place for a check of
where a URL leads. Unless ``Options.allow_private_urls`` is set, it resolves the host name and
refuses private, loopback, link-local, shared (100.64/10), multicast and reserved addresses,
IPv6 included and IPv4 addresses wrapped in IPv6 (``::ffff:127.0.0.1``, 6to4, NAT64); the
request then goes to the very address that was checked (the ``Host`` header and TLS name stay
the URL's), so a name that resolves to a public address for the check and to a private one a
moment later (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from importlib import metadata

import httpx

from statecheck.errors import FetchError, InputError, LimitError
from statecheck.ingest.messages import one_line
from statecheck.options import Options

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SLUG_LENGTH = 120


@dataclass(frozen=True)
class Download:
    """What a server sent for a URL."""

    url: str
    """The final URL, after redirects."""
    content: bytes
    media_type: str
    """The Content-Type without its parameters, in lower case; empty when the server sent none."""
    charset: str | None = None
    """The charset the server declared, if any."""


def is_url(location: str) -> bool:
    """Whether a location names a URL (any scheme) rather than a file path."""
    return bool(_SCHEME.match(location))


def slug(url: str) -> str:
    """A document id for a URL: ``https://www.example.org/news/item-42`` -> ``www-example-org-news-item-42``."""
    rest = _SCHEME.sub("", url).split("#", 1)[0]
    words = re.sub(r"[^a-z0-9]+", "-", rest.lower()).strip("-") or "url"
    return words[:_SLUG_LENGTH].rstrip("-")


def check_destination(url: httpx.URL, options: Options) -> tuple[str, ...]:
    """Refuse a URL we must not connect to; called for the first URL and for every redirect.

    Only http and https are allowed. Unless ``options.allow_private_urls`` is set, the host is
    resolved and every address it resolves to must be public: the addresses are returned, and
    the request is sent to one of them. With private URLs allowed nothing is resolved here and
    the result is empty (the HTTP client resolves the name itself).
    """
    if url.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme '{url.scheme}' (only http and https)", location=str(url))
    if options.allow_private_urls:
        return ()
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        # the name as the HTTP client would look it up (IDNA 2008 ASCII form), not Python's IDNA 2003
        found = socket.getaddrinfo(url.raw_host.decode("ascii"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as error:
        raise FetchError(f"cannot resolve host {host!r} ({one_line(error)})", location=str(url)) from error
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = str(sockaddr[0])
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
        if not is_public_address(parsed):
            shown = host if host == address else f"{host} ({address})"
            raise FetchError(
                f"refused: {shown} is a private, loopback or link-local address "
                "(use --allow-private-urls to allow it)",
                location=str(url),
            )
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}", location=str(url))
    return tuple(addresses)


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet: not private, loopback, link-local, shared
    (100.64/10), unspecified, multicast or reserved; an IPv4 address inside an IPv6 one (mapped,
    compatible, 6to4, NAT64) is judged as that IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and (address in _IPV4_COMPATIBLE or any(address in net for net in _NAT64)):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
        if address.is_site_local:
            return False
    return bool(
        address.is_global
        and not (address.is_multicast or address.is_unspecified or address.is_reserved or address.is_loopback)
    )


def fetch(location: str, options: Options) -> Download:
    """Download a URL within ``options.limits``; every failure is one :class:`FetchError` line.

    Over ``max_bytes`` or ``max_seconds`` raises :class:`LimitError`.
    """
    limits = options.limits
    try:
        url = httpx.URL(location)
    except httpx.InvalidURL as error:
        raise InputError(f"invalid URL ({one_line(error)})", location=location) from error
    if not url.host:
        raise InputError("invalid URL (no host)", location=location)
    started = time.monotonic()
    headers = {"User-Agent": _user_agent(), "Accept": "text/html, text/plain, application/pdf, */*;q=0.5"}
    try:
        with httpx.Client(timeout=limits.url_timeout, follow_redirects=False, headers=headers) as client:
            for hop in range(limits.max_redirects + 1):
                addresses = _check(url, options, location, redirected=hop > 0)
                response = _send(client, url, addresses)
                try:
                    if not response.is_redirect:
                        return _download(response, options, location, started, url)
                    target = response.headers.get("location")
                    if not target:
                        raise FetchError(
                            f"HTTP {response.status_code} redirect without a Location", location=location
                        )
                    url = url.join(target)  # against the URL asked for, not the address it went to
                finally:
                    response.close()
    except httpx.TimeoutException as error:
        raise FetchError(f"timed out after {limits.url_timeout:g} s", location=location) from error
    except httpx.ConnectError as error:
        raise FetchError(f"cannot connect ({one_line(error)})", location=location) from error
    except httpx.HTTPError as error:
        raise FetchError(f"download failed ({one_line(error)})", location=location) from error
    except httpx.InvalidURL as error:  # a Location header that is not a URL
        raise FetchError(f"invalid redirect ({one_line(error)})", location=location) from error
    raise FetchError(f"more than {limits.max_redirects} redirects", location=location)


def _send(client: httpx.Client, url: httpx.URL, addresses: tuple[str, ...]) -> httpx.Response:
    """GET ``url``, connecting to the first of ``addresses`` that answers (any, when there are none).

    The request keeps the URL's ``Host`` header and TLS server name (certificates are checked
    against the host name), but the connection goes to the address that passed the check.
    """
    request = client.build_request("GET", url)
    if not addresses:
        return client.send(request, stream=True)
    for index, address in enumerate(addresses):
        request.url = url.copy_with(host=address)
        request.extensions = {**request.extensions, "sni_hostname": url.raw_host.decode("ascii")}
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError:
            if index == len(addresses) - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _check(url: httpx.URL, options: Options, location: str, *, redirected: bool) -> tuple[str, ...]:
    try:
        return check_destination(url, options)
    except FetchError as error:
        # name the URL the user gave; the hop that failed is in the message
        detail = f"{error.message}: redirected to {url}" if redirected else error.message
        raise FetchError(detail, location=location) from error


def _download(
    response: httpx.Response, options: Options, location: str, started: float, url: httpx.URL
) -> Download:
    limits = options.limits
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), location=location)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise LimitError(_too_large(limits.max_bytes), location=location)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        # counted after decompression, so a gzip bomb stops here too
        if size > limits.max_bytes:
            raise LimitError(_too_large(limits.max_bytes), location=location)
        if time.monotonic() - started > limits.max_seconds:
            raise LimitError(f"download took longer than {limits.max_seconds:g} s", location=location)
        chunks.append(chunk)
    content_type = response.headers.get("content-type", "")
    return Download(
        url=str(url),
        content=b"".join(chunks),
        media_type=content_type.split(";", 1)[0].strip().lower(),
        charset=response.charset_encoding,
    )


def _too_large(max_bytes: int) -> str:
    return f"download is larger than the limit of {max_bytes:,} bytes"


def _user_agent() -> str:
    try:
        return f"statecheck/{metadata.version('statecheck')}"
    except metadata.PackageNotFoundError:
        return "statecheck"
