"""Dispatch an input (a path, a URL or bytes) to the reader for its format.

Files go by their suffix, falling back to what their first bytes show (``%PDF-``, a ZIP
holding a Word document, ``<html``) when the suffix is missing or unknown. Downloads go by
those bytes first (servers mislabel PDFs), then by their Content-Type. Every reader returns
the document's text and the metadata it found; here they become a :class:`Source` (with the
sidecar's metadata and the sha256 of the raw bytes) and a normalised :class:`Text`.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, Literal
from urllib.parse import urlsplit

from statecheck.errors import FetchError, InputError, LimitError
from statecheck.ingest import docx, html, pdf, text, url
from statecheck.ingest.files import read_at_most
from statecheck.ingest.metadata import load_sidecar, merge, with_url_date
from statecheck.ingest.normalise import normalise
from statecheck.model import Source, Text
from statecheck.options import Limits, Options

Kind = Literal["text", "html", "pdf", "docx"]

_SUFFIX_KINDS: dict[str, Kind] = {
    **{suffix: "text" for suffix in text.MEDIA_TYPES},
    **{suffix: "html" for suffix in html.SUFFIXES},
    **{suffix: "pdf" for suffix in pdf.SUFFIXES},
    **{suffix: "docx" for suffix in docx.SUFFIXES},
}
_MEDIA_KINDS: dict[str, Kind] = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/x-markdown": "text",
    html.MEDIA_TYPE: "html",
    "application/xhtml+xml": "html",
    pdf.MEDIA_TYPE: "pdf",
    "application/x-pdf": "pdf",
    docx.MEDIA_TYPE: "docx",
}
_MEDIA_TYPES: dict[Kind, str] = {
    "text": "text/plain",
    "html": html.MEDIA_TYPE,
    "pdf": pdf.MEDIA_TYPE,
    "docx": docx.MEDIA_TYPE,
}
SUPPORTED = ".txt, .md, .html, .pdf and .docx"
_DEFAULTS = Options()


def from_text(
    text: str, *, doc_id: str = "text", meta: dict[str, object] | None = None, limits: Limits | None = None
) -> tuple[Source, Text]:
    """A document given as a string; one holding a lone surrogate (not text) raises :class:`InputError`.

    With ``limits``, a text longer than ``limits.max_chars`` raises :class:`LimitError`, as a file would.
    """
    if limits is not None and len(text) > limits.max_chars:
        raise LimitError(
            f"{len(text):,} characters of text, more than the limit of {limits.max_chars:,} (Limits.max_chars)",
            location=f"<{doc_id}>",
        )
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"not valid Unicode text (a lone surrogate at character {error.start})", location=f"<{doc_id}>"
        ) from None
    source = Source(
        location=f"<{doc_id}>",
        doc_id=doc_id,
        media_type="text/plain",
        sha256=hashlib.sha256(encoded).hexdigest(),
        meta=with_url_date(meta or {}),
    )
    return source, normalise(text)


def read(location: str | Path, options: Options = _DEFAULTS) -> tuple[Source, Text]:
    """Read a file or an http(s) URL into its :class:`Source` and normalised :class:`Text`.

    A ``NAME.meta.json`` beside a file ``NAME.ext`` adds to ``Source.meta``. Raises
    :class:`InputError` (:class:`FetchError` for a URL) when the input cannot be read as a
    document, and :class:`LimitError` when it is over one of ``options.limits``.
    """
    name = valid_text(str(location))
    if isinstance(location, str) and url.is_url(location):
        return _read_url(name, options)
    path = Path(location)
    raw = _read_file(path, name, options.limits)
    return _from_file_bytes(raw, path, name, options, sidecar=load_sidecar(path))


def read_raw(location: str | Path, options: Options = _DEFAULTS) -> tuple[bytes, dict[str, Any]]:
    """A local file's bytes and its sidecar's metadata, refused as :func:`read` refuses them.

    For a cluster's client, which reads files and ships them to workers that cannot see
    them: ``from_bytes(raw, name=str(location), options=options, meta=sidecar)`` then gives
    what ``read(location, options)`` gives.
    """
    path = Path(location)
    return _read_file(path, str(location), options.limits), load_sidecar(path)


def from_bytes(
    raw: bytes, *, name: str, options: Options = _DEFAULTS, meta: Mapping[str, Any] | None = None
) -> tuple[Source, Text]:
    """A document given as bytes with its file name (an upload), read as :func:`read` reads a file.

    ``meta`` plays the part of the sidecar.
    """
    name = valid_text(name)
    if len(raw) > options.limits.max_bytes:
        raise LimitError(_too_large(len(raw), options.limits.max_bytes), location=name)
    path = PurePosixPath(name.replace("\\", "/"))
    return _from_file_bytes(raw, path, name, options, sidecar=meta or {})


def _from_file_bytes(
    raw: bytes, path: PurePath, name: str, options: Options, *, sidecar: Mapping[str, Any]
) -> tuple[Source, Text]:
    if not raw:
        raise InputError("empty file", location=name)
    kind = _kind_of_file(path, raw, name)
    document_text, found = _parse(kind, raw, location=name, options=options)
    media_type = (
        text.MEDIA_TYPES.get(path.suffix.lower(), "text/plain") if kind == "text" else _MEDIA_TYPES[kind]
    )
    return _build(name, valid_text(path.stem), media_type, raw, merge(found, sidecar), document_text)


def _read_url(location: str, options: Options) -> tuple[Source, Text]:
    download = url.fetch(location, options)
    kind = _kind_of_download(download)
    if kind is None:
        shown = download.media_type or "none"
        raise FetchError(
            f"unsupported content type '{shown}' (expected HTML, plain text, PDF or DOCX)", location=location
        )
    document_text, found = _parse(
        kind,
        download.content,
        location=location,
        options=options,
        page_url=download.url,
        charset=download.charset,
    )
    media_type = (
        "text/markdown" if kind == "text" and "markdown" in download.media_type else _MEDIA_TYPES[kind]
    )
    found = {**found, "url": download.url}
    return _build(location, url.slug(location), media_type, download.content, found, document_text)


def _build(
    location: str, doc_id: str, media_type: str, raw: bytes, found: Mapping[str, Any], document_text: str
) -> tuple[Source, Text]:
    source = Source(
        location=location,
        doc_id=doc_id,
        media_type=media_type,
        sha256=hashlib.sha256(raw).hexdigest(),
        meta=with_url_date(found),
    )
    text = normalise(document_text)
    if not text.normalised.strip():
        raise InputError("no text (only spaces or invisible characters)", location=location)
    return source, text


def _parse(
    kind: Kind,
    raw: bytes,
    *,
    location: str,
    options: Options,
    page_url: str | None = None,
    charset: str | None = None,
) -> tuple[str, dict[str, Any]]:
    if kind == "text":
        found: tuple[str, dict[str, Any]] = (
            text.read_text(raw, location=location, declared_charset=charset), {}
        )
    elif kind == "html":
        found = html.read_html(raw, location=location, url=page_url, declared_charset=charset)
    elif kind == "pdf":
        found = pdf.read_pdf(raw, location=location, limits=options.limits)
    else:
        found = docx.read_docx(raw, location=location, limits=options.limits)
    max_chars = options.limits.max_chars
    if len(found[0]) > max_chars:
        raise LimitError(
            f"{len(found[0]):,} characters of text, more than the limit of {max_chars:,} (Limits.max_chars)",
            location=location,
        )
    return found


def valid_text(name: str) -> str:
    """A file name or URL as valid Unicode, for messages and the stored location.

    Python gives a file name whose bytes are not UTF-8 as "surrogate escapes", which cannot be
    written to a UTF-8 stream or a database: they become ``\\xNN`` here (``café`` in Latin-1 ->
    ``caf\\xe9``), the same way every time, so a rerun finds the same location.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _read_file(path: Path, name: str, limits: Limits) -> bytes:
    """The file's bytes, refusing one over ``limits.max_bytes`` before reading it."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise InputError("is a folder, not a file", location=name)
        if status.st_size > limits.max_bytes:
            raise LimitError(_too_large(status.st_size, limits.max_bytes), location=name)
        # a file that grows while we read it is still held to the limit
        raw = read_at_most(path, limits.max_bytes + 1)
    except FileNotFoundError as error:
        raise InputError("file not found", location=name) from error
    except PermissionError as error:
        raise InputError("permission denied", location=name) from error
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", location=name) from error
    except ValueError as error:  # a NUL byte in the path
        raise InputError(f"invalid path ({error})", location=name) from error
    if len(raw) > limits.max_bytes:
        raise LimitError(_too_large(len(raw), limits.max_bytes), location=name)
    return raw


def _kind_of_file(path: PurePath, raw: bytes, name: str) -> Kind:
    suffix = path.suffix.lower()
    kind = _SUFFIX_KINDS.get(suffix) or _sniff(raw)
    if kind is not None:
        return kind
    if not suffix:
        return "text"  # the text reader refuses binary data with a clear message
    raise InputError(f"unsupported file type '{path.suffix}' (statecheck reads {SUPPORTED})", location=name)


def _kind_of_download(download: url.Download) -> Kind | None:
    sniffed = _sniff(download.content)
    if sniffed in ("pdf", "docx"):
        return sniffed
    return (
        _MEDIA_KINDS.get(download.media_type)
        or sniffed
        or _SUFFIX_KINDS.get(PurePosixPath(urlsplit(download.url).path).suffix.lower())
    )


def _sniff(raw: bytes) -> Kind | None:
    if pdf.looks_like_pdf(raw):
        return "pdf"
    if docx.looks_like_docx(raw):
        return "docx"
    if html.looks_like_html(raw):
        return "html"
    return None


def _too_large(size: int, max_bytes: int) -> str:
    return f"{size:,} bytes, more than the limit of {max_bytes:,} (Limits.max_bytes)"
