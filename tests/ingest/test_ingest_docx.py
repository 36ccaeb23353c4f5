"""Word files: paragraphs and tables in order, core properties, damaged files, ZIP bombs."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from statecheck.errors import InputError, LimitError
from statecheck.ingest import read
from statecheck.options import Limits, Options


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_paragraphs_tables_and_properties(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    content = make_docx(
        ["Shelter update", "The office counted 1,200 families in the school shelters.", ""],
        tables=[[["Item", "Trucks"], ["Flour", "9"], ["Medical | cold chain", "3"]]],
        title="Shelter update",
        author="Jane Roe",
        created=datetime.datetime(2024, 2, 14, 9, 30, tzinfo=datetime.UTC),
    )
    source, text = read(write(tmp_path, "shelters.docx", content))
    assert source.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert source.doc_id == "shelters"
    assert source.meta == {"title": "Shelter update", "author": "Jane Roe", "created": "2024-02-14"}
    assert text.normalised == (
        "Shelter update\n"
        "The office counted 1,200 families in the school shelters.\n"
        "| Item | Trucks |\n"
        "| Flour | 9 |\n"
        "| Medical / cold chain | 3 |"
    )


def test_body_order_is_kept_and_merged_cells_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Northern district"
    table.cell(1, 0).text = "Killed"
    table.cell(1, 1).text = "40"
    table.cell(1, 2).text = "estimate"
    document.add_paragraph("After the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read(write(tmp_path, "order.docx", buffer.getvalue()))[1].normalised
    assert text == "Before the table.\n| Northern district |\n| Killed | 40 | estimate |\nAfter the table."


def test_empty_document(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    path = write(tmp_path, "blank.docx", make_docx(["", "  "]))
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: the DOCX document has no text"


def test_truncated(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    whole = make_docx(["The office counted 40 trucks."])
    path = write(tmp_path, "cut.docx", whole[: len(whole) // 2])
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: corrupt DOCX file (")
    assert "\n" not in message


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path = write(tmp_path, "sheet.docx", buffer.getvalue())
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: not a DOCX file (a ZIP archive without word/document.xml)"


def test_broken_xml_inside(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Forty trucks."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, b"<w:document><w:body>" if item.filename == "word/document.xml" else data)
    path = write(tmp_path, "broken.docx", buffer.getvalue())
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: corrupt DOCX file (")


def test_old_word_format(tmp_path: Path) -> None:
    path = write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: a Word 97-2003 .doc file, not .docx; save it as .docx first"


def test_not_a_zip(tmp_path: Path) -> None:
    path = write(tmp_path, "note.docx", b"The office counted 40 trucks.")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: not a DOCX file (not a ZIP archive)"


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Forty trucks."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, source.read(item))
        archive.writestr("word/media/padding.bin", b"\x00" * 5_000_000)
    path = write(tmp_path, "bomb.docx", buffer.getvalue())
    with pytest.raises(LimitError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: DOCX file unpacks to ")
    assert str(caught.value).endswith("times its size, more than the limit of 100")
    # the same file is fine under a looser limit
    assert read(path, Options(limits=Limits(max_decompression_ratio=10_000)))[1].normalised == "Forty trucks."
