"""http(s) URLs: download with limits, and say which reader the body needs.

Redirects are followed here, one hop at a time, so that every address we are about to
connect to passes through :func:`check_destination` first: the one place for a check of
where a URL leads (private-address blocking goes there).
"""

from __future__ import annotations

import re
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


def check_destination(url: httpx.URL, options: Options) -> None:
    """Refuse a URL we must not connect to; called for the first URL and for every redirect.

    Today only http and https are allowed. ``options.allow_private_urls`` is read here once
    private, loopback and link-local addresses are refused.
    """
    if url.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme '{url.scheme}' (only http and https)", location=str(url))


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
                _check(url, options, location, redirected=hop > 0)
                response = client.send(client.build_request("GET", url), stream=True)
                try:
                    if not response.is_redirect:
                        return _download(response, options, location, started)
                    if response.next_request is None:
                        raise FetchError(
                            f"HTTP {response.status_code} redirect without a Location", location=location
                        )
                    url = response.next_request.url
                finally:
                    response.close()
    except httpx.TimeoutException as error:
        raise FetchError(f"timed out after {limits.url_timeout:g} s", location=location) from error
    except httpx.ConnectError as error:
        raise FetchError(f"cannot connect ({one_line(error)})", location=location) from error
    except httpx.HTTPError as error:
        raise FetchError(f"download failed ({one_line(error)})", location=location) from error
    raise FetchError(f"more than {limits.max_redirects} redirects", location=location)


def _check(url: httpx.URL, options: Options, location: str, *, redirected: bool) -> None:
    try:
        check_destination(url, options)
    except FetchError as error:
        # name the URL the user gave; the hop that failed is in the message
        detail = f"{error.message}: redirected to {url}" if redirected else error.message
        raise FetchError(detail, location=location) from error


def _download(response: httpx.Response, options: Options, location: str, started: float) -> Download:
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
        url=str(response.url),
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
