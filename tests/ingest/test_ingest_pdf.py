"""PDF files: text layer, metadata, encryption, damage, page limit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from statecheck.errors import InputError, LimitError
from statecheck.ingest import read
from statecheck.ingest.pdf import _pdf_date
from statecheck.options import Limits, Options

PAGE_ONE = [
    "Shelter update",
    "The relief office said on Monday that more than 1,200 Pales-",
    "tinians had reached the school shelters in the southern district, and that",
]
PAGE_TWO = ["water supplies were enough for 3 days.", "Café staff helped."]


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_text_layer_and_metadata(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    metadata = {"/Title": "Shelter update", "/Author": "Jane Roe", "/CreationDate": "D:20240214093000+01'00'"}
    path = write(tmp_path, "shelters.pdf", make_pdf([PAGE_ONE, PAGE_TWO], metadata=metadata))
    source, text = read(path)
    assert source.media_type == "application/pdf"
    assert source.doc_id == "shelters"
    assert source.meta == {
        "title": "Shelter update",
        "author": "Jane Roe",
        "created": "2024-02-14",
        "pages": 2,
    }
    assert text.normalised == (
        "Shelter update\n"
        "The relief office said on Monday that more than 1,200 Palestinians had reached the school shelters"
        " in the southern district, and that water supplies were enough for 3 days.\n"
        "Café staff helped."
    )


def test_empty_user_password_is_opened(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    for algorithm in ("RC4-128", "AES-128"):
        path = write(
            tmp_path, "locked.pdf", make_pdf([["Forty trucks crossed."]], password="", algorithm=algorithm)
        )
        assert read(path)[1].normalised == "Forty trucks crossed."


def test_password_protected(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = write(tmp_path, "secret.pdf", make_pdf([["Forty trucks crossed."]], password="s3cret"))
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: PDF is encrypted with a password"


def test_no_text_layer(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = write(tmp_path, "scan.pdf", make_pdf([[], []]))
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: PDF has no text layer (scanned image?); run OCR first"


def test_truncated(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    whole = make_pdf([PAGE_ONE, PAGE_TWO])
    path = write(tmp_path, "cut.pdf", whole[: len(whole) // 2])
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: corrupt PDF (")
    assert "\n" not in message


def test_garbage_after_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: corrupt PDF (")
    assert "\n" not in message


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "report.pdf", b"<!DOCTYPE html><html><body>Not found</body></html>")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: not a PDF file (no %PDF- header)"


def test_empty_pdf_file(tmp_path: Path) -> None:
    path = write(tmp_path, "report.pdf", b"")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: empty file"


def test_page_limit(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = write(tmp_path, "long.pdf", make_pdf([["one."], ["two."], ["three."]]))
    assert read(path, Options(limits=Limits(max_pages=3)))[1].normalised == "one.\ntwo.\nthree."
    with pytest.raises(LimitError) as caught:
        read(path, Options(limits=Limits(max_pages=2)))
    assert str(caught.value) == f"{path}: PDF has 3 pages, more than the limit of 2"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20240214093000+01'00'", "2024-02-14"),
        ("D:20231107", "2023-11-07"),
        ("D:202311", "2023-11"),
        ("D:2023", "2023"),
        ("20231107120000Z", "2023-11-07"),
        ("D:20231399", "2023"),
        ("yesterday", None),
    ],
)
def test_pdf_dates(value: str, expected: str | None) -> None:
    assert _pdf_date(value) == expected
