"""Word (.docx) files: paragraphs and table rows in document order, with python-docx.

A table row becomes one line ``| cell | cell |``, the Markdown form that
:func:`~statecheck.ingest.normalise.normalise` never joins to the next line. Headers,
footers, footnotes and comments are not read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from statecheck.errors import InputError, LimitError
from statecheck.ingest.messages import one_line
from statecheck.options import Limits

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUFFIXES = (".docx",)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PART = "word/document.xml"
# What python-docx raises on a ZIP that is not a sound Word package.
# zlib.error: a damaged deflate stream (found by the damaged-files property test);
# NotImplementedError: a compression method zipfile lacks; RuntimeError: an encrypted member.
_DAMAGE = (
    zipfile.BadZipFile, OpcError, KeyError, ValueError, LxmlError, EOFError, zlib.error, NotImplementedError,
    RuntimeError,
)


def looks_like_docx(raw: bytes) -> bool:
    """A ZIP archive holding ``word/document.xml``."""
    if not raw.startswith(_ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _MAIN_PART in archive.namelist()
    except _DAMAGE:
        return False


def read_docx(raw: bytes, *, location: str, limits: Limits) -> tuple[str, dict[str, Any]]:
    """The text of the body (paragraphs and tables) and the core properties (``title``, ``author``, ``created``)."""
    if not raw:
        raise InputError("empty file", location=location)
    if raw.startswith(_OLE_MAGIC):
        raise InputError("a Word 97-2003 .doc file, not .docx; save it as .docx first", location=location)
    if not raw.startswith(_ZIP_MAGIC):
        raise InputError("not a DOCX file (not a ZIP archive)", location=location)
    _check_archive(raw, location, limits)
    try:
        document = docx.Document(io.BytesIO(raw))
        lines = [line for block in document.iter_inner_content() for line in _block_lines(block)]
        meta = _metadata(document)
    except _DAMAGE as error:
        raise InputError(f"corrupt DOCX file ({one_line(error)})", location=location) from error
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise InputError("the DOCX document has no text", location=location)
    return text, meta


def _check_archive(raw: bytes, location: str, limits: Limits) -> None:
    """Refuse a ZIP bomb before anything unpacks it, and a ZIP that is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except _DAMAGE as error:  # NotImplementedError: "zip file version 17.7" (fuzzing)
        raise InputError(f"corrupt DOCX file ({one_line(error)})", location=location) from error
    if _MAIN_PART not in {member.filename for member in members}:
        raise InputError(f"not a DOCX file (a ZIP archive without {_MAIN_PART})", location=location)
    unpacked = sum(member.file_size for member in members)
    largest = max(members, key=lambda member: member.file_size)
    if largest.file_size > limits.max_bytes:
        # a big file packed well enough to pass the ratio: still too much to hold in memory
        raise LimitError(
            f"DOCX part {largest.filename} unpacks to {largest.file_size:,} bytes, "
            f"more than the limit of {limits.max_bytes:,} (Limits.max_bytes)",
            location=location,
        )
    if unpacked > limits.max_decompression_ratio * len(raw):
        raise LimitError(
            f"DOCX file unpacks to {unpacked // len(raw)} times its size, "
            f"more than the limit of {limits.max_decompression_ratio:g}",
            location=location,
        )


def _block_lines(block: Paragraph | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    return _table_lines(block, seen=set())


def _table_lines(table: Table, seen: set[Any]) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            # a merged cell is returned once per grid column and row it spans: keep its first
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            cells.append(_cell_text(cell, seen))
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell_text(cell: _Cell, seen: set[Any]) -> str:
    parts: list[str] = []
    for block in cell.iter_inner_content():
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(_table_lines(block, seen))
    # a cell is one field of its row's line: its own line breaks and pipes would split the row
    return " ".join(" ".join(parts).split()).replace("|", "/")


def _metadata(document: Any) -> dict[str, Any]:
    properties = document.core_properties
    meta: dict[str, Any] = {}
    for name, value in (("title", properties.title), ("author", properties.author)):
        if isinstance(value, str) and value.strip():
            meta[name] = " ".join(value.split())
    if properties.created is not None:
        meta["created"] = properties.created.date().isoformat()
    return meta
