"""Documents made on the fly for the ingest tests: PDFs (written with pypdf) and DOCX files."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import docx
import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

MakePdf = Callable[..., bytes]
MakeDocx = Callable[..., bytes]


def _pdf_string(line: str) -> str:
    """A PDF literal string in WinAnsi encoding, with the characters PDF needs escaped."""
    out = []
    for byte in line.encode("cp1252"):
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    metadata: dict[str, str] | None = None,
    password: str | None = None,
    algorithm: str | None = None,
) -> bytes:
    """A PDF whose pages hold ``pages`` (one list of text lines per page; an empty list is a page with no text)."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        if not lines:
            continue
        operators = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        operators += [f"{_pdf_string(line)} Tj T*" for line in lines]
        operators.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(operators).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    if metadata:
        writer.add_metadata(metadata)
    if password is not None:
        writer.encrypt(password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx(
    paragraphs: Sequence[str] = (),
    *,
    tables: Sequence[Sequence[Sequence[str]]] = (),
    title: str | None = None,
    author: str | None = None,
    created: Any = None,
) -> bytes:
    """A DOCX with ``paragraphs``, then ``tables`` (rows of cells), and the given core properties."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows):
            for cell, value in zip(row.cells, values):
                cell.text = value
    properties = document.core_properties
    properties.title = title or ""
    properties.author = author or ""
    if created is not None:
        properties.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(name="make_pdf", scope="session")
def make_pdf_fixture() -> MakePdf:
    return make_pdf


@pytest.fixture(name="make_docx", scope="session")
def make_docx_fixture() -> MakeDocx:
    return make_docx
