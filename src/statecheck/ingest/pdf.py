"""PDF files: the text layer, page by page, with pypdf.

Pages are joined with a blank line; :func:`~statecheck.ingest.normalise.normalise` rejoins a
sentence that runs over a page break and the hyphenated words pypdf leaves at line ends.
A PDF made of scanned images has no text layer: we say so rather than return nothing.
"""

from __future__ import annotations

import io
import re
import time
import zlib
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from statecheck.errors import InputError, LimitError
from statecheck.ingest.messages import one_line
from statecheck.options import Limits

MEDIA_TYPE = "application/pdf"
SUFFIXES = (".pdf",)
PAGE_BREAK = "\n\n"

# pypdf reports damage inside a file with its own errors and, for some damage, with plain
# Python ones raised while it walks the broken structure; all of them mean "corrupt file".
_DAMAGE = (
    PyPdfError,
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
        for page in reader.pages:
            if time.monotonic() - started > limits.max_seconds:
                raise LimitError(
                    f"reading the PDF took longer than {limits.max_seconds:g} s", location=location
                )
            pages.append((page.extract_text() or "").strip("\n"))
        meta = _metadata(reader)
    except DependencyError as error:
        raise InputError(f"PDF cannot be read: {error}", location=location) from error
    except _DAMAGE as error:
        raise InputError(f"corrupt PDF ({one_line(error)})", location=location) from error
    text = PAGE_BREAK.join(page for page in pages if page.strip())
    if not text.strip():
        raise InputError("PDF has no text layer (scanned image?); run OCR first", location=location)
    meta["pages"] = count
    return text, meta


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
