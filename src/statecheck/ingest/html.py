"""HTML pages: the main text and its metadata, with trafilatura.

The :class:`~statecheck.model.Text` built from a page has as ``original`` the *extracted main
text*, not the markup: trafilatura rebuilds the text from the parsed tree (dropping navigation,
footers, comments, scripts), so there is no offset map back into the HTML. Claim offsets
therefore point into that extracted text.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from statecheck.errors import InputError
from statecheck.ingest.text import decode

MEDIA_TYPE = "text/html"
SUFFIXES = (".html", ".htm", ".xhtml")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# How far into a page a <meta charset> may sit (the HTML standard says 1024 bytes; pages overrun it).
_CHARSET_WINDOW = 4096
_META_FIELDS = ("title", "date", "author", "sitename", "description", "language")


def read_html(
    raw: bytes, *, location: str, url: str | None = None, declared_charset: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The main text of a page and its metadata (``title``, ``date``, ``author``, ``sitename``, ...).

    ``url`` helps trafilatura with the site name and date; ``declared_charset`` is the charset
    a server sent with the page, which wins over a ``<meta charset>`` in the page.
    """
    charset = declared_charset or _meta_charset(raw)
    page = decode(raw, location=location, declared_charset=charset)
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise InputError("no main text found in the HTML page", location=location)
    meta: dict[str, Any] = {}
    for name in _META_FIELDS:
        value = getattr(document, name, None)
        if isinstance(value, str) and value.strip():
            meta[name] = value.strip()
    return text, meta


def _meta_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:_CHARSET_WINDOW])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(raw: bytes) -> bool:
    """Whether bytes with no helpful file name are an HTML page."""
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
