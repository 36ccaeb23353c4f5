"""PDF files: the text layer, page by page, with pypdf.

Pages are joined with a blank line; :func:`~statecheck.ingest.normalise.normalise` rejoins a
sentence that runs over a page break and the hyphenated words pypdf leaves at line ends.
A PDF made of scanned images has no text layer: we say so rather than return nothing.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zlib
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, StreamObject

from statecheck.errors import InputError, LimitError
from statecheck.ingest.messages import one_line
from statecheck.options import Limits

MEDIA_TYPE = "application/pdf"
SUFFIXES = (".pdf",)
PAGE_BREAK = "\n\n"
#: Most bytes of drawing instructions one page may unpack to (a text page has tens of KB, a
#: detailed map a few MB); pypdf would take minutes over a bigger one, in one uninterruptible call.
MAX_PAGE_CONTENT = 4 * 1024 * 1024

# pypdf logs every repair it makes ("EOF marker not found", "incorrect startxref") as a warning,
# which lands on stderr as stray lines without the file's name; we report what matters as one
# InputError naming the input. A level set by the caller before this import is kept.
if logging.getLogger("pypdf").level == logging.NOTSET:
    logging.getLogger("pypdf").setLevel(logging.ERROR)

# pypdf reports damage inside a file with its own errors and, for some damage, with plain
# Python ones raised while it walks the broken structure; all of them mean "corrupt file".
_DAMAGE = (
    PyPdfError,
    # pypdf asserts on some malformed content ("1 BI" in a content stream: an operand before an
    # inline image); found by fuzz/fuzz_ingest.py. The block below runs no assert of ours.
    AssertionError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    zlib.error,
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
# pypdf accepts junk before the header; so do we, within reason.
_HEADER_WINDOW = 1024


def looks_like_pdf(raw: bytes) -> bool:
    return b"%PDF-" in raw[:_HEADER_WINDOW]


def read_pdf(raw: bytes, *, location: str, limits: Limits) -> tuple[str, dict[str, Any]]:
    """The text of every page and the document information (``title``, ``author``, ``created``).

    Raises :class:`InputError` for a file that is not a PDF, is damaged, needs a password or has
    no text layer, and :class:`LimitError` for one with more than ``limits.max_pages`` pages or
    that takes longer than ``limits.max_seconds`` to read.
    """
    if not raw:
        raise InputError("empty file", location=location)
    if not looks_like_pdf(raw):
        raise InputError("not a PDF file (no %PDF- header)", location=location)
    started = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(raw))
        _decrypt(reader, location)
        count = len(reader.pages)
        if count > limits.max_pages:
            raise LimitError(
                f"PDF has {count} pages, more than the limit of {limits.max_pages}", location=location
            )
        pages: list[str] = []
        chars = 0
        for number, page in enumerate(reader.pages, start=1):
            if time.monotonic() - started > limits.max_seconds:
                raise LimitError(
                    f"reading the PDF took longer than {limits.max_seconds:g} s (Limits.max_seconds)",
                    location=location,
                )
            _check_page_content(page, number, location)
            pages.append((page.extract_text() or "").strip("\n"))
            chars += len(pages[-1])
            if chars > limits.max_chars:
                raise LimitError(
                    f"PDF has more than {limits.max_chars:,} characters of text by page {number} "
                    "(Limits.max_chars)",
                    location=location,
                )
        meta = _metadata(reader)
    except LimitReachedError as error:  # pypdf's own guard against decompression bombs
        raise LimitError(f"PDF stream too large ({one_line(error)})", location=location) from error
    except DependencyError as error:
        raise InputError(f"PDF cannot be read: {error}", location=location) from error
    except _DAMAGE as error:
        raise InputError(f"corrupt PDF ({one_line(error)})", location=location) from error
    text = PAGE_BREAK.join(page for page in pages if page.strip())
    if not text.strip():
        raise InputError("PDF has no text layer (scanned image?); run OCR first", location=location)
    meta["pages"] = count
    return text, meta


def _check_page_content(page: PageObject, number: int, location: str) -> None:
    """Refuse a page whose drawing instructions (its content streams and the forms it draws) unpack
    to more than :data:`MAX_PAGE_CONTENT` bytes: pypdf cannot be interrupted inside a page, and
    reads about 1 MB of instructions a second, slower on bigger pages."""
    size = 0
    streams: list[Any] = []
    contents = page.get("/Contents")
    if contents is not None:
        contents = contents.get_object()
        streams.extend(contents if isinstance(contents, ArrayObject) else [contents])
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for xobject in xobjects.get_object().values():
            xobject = xobject.get_object()
            if isinstance(xobject, StreamObject) and xobject.get("/Subtype") == "/Form":
                streams.append(xobject)
    for stream in streams:
        stream = stream.get_object()
        if isinstance(stream, StreamObject):
            size += len(stream.get_data())
        if size > MAX_PAGE_CONTENT:
            raise LimitError(
                f"PDF page {number} has more bytes of drawing instructions than the limit of "
                f"{MAX_PAGE_CONTENT:,} (pdf.MAX_PAGE_CONTENT)",
                location=location,
            )


def _decrypt(reader: PdfReader, location: str) -> None:
    """Open a PDF locked only against editing (an empty user password); refuse one that needs a password."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except FileNotDecryptedError:
        opened = PasswordType.NOT_DECRYPTED
    if opened == PasswordType.NOT_DECRYPTED:
        raise InputError("PDF is encrypted with a password", location=location)


def _metadata(reader: PdfReader) -> dict[str, Any]:
    info = reader.metadata
    meta: dict[str, Any] = {}
    if info is None:
        return meta
    for name, value in (("title", info.title), ("author", info.author)):
        if isinstance(value, str) and value.strip():
            meta[name] = " ".join(value.split())
    created = info.creation_date_raw
    if isinstance(created, str):
        date = _pdf_date(created)
        if date:
            meta["created"] = date
    return meta


def _pdf_date(value: str) -> str | None:
    """``D:20240214093000+01'00'`` -> ``2024-02-14`` (as precise as the value is)."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    if month and day and 1 <= int(day) <= 31:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}" if month else year
