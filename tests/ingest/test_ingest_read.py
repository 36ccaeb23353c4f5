"""read(): dispatch by suffix and content, file errors, size limit, sidecars, URL dates."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from statecheck.errors import InputError, LimitError
from statecheck.ingest import from_bytes, from_text, read
from statecheck.ingest.metadata import url_date
from statecheck.options import Limits, Options

NOTE = "The office counted 40 trucks on Monday.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Kitchen note</title>"
    '<meta property="article:published_time" content="2024-01-09"></head><body><article>'
    "<p>Community kitchens served 9,000 meals on Tuesday, the cluster said in its weekly note, "
    "and asked for more fuel to keep them running through the month.</p></article></body></html>"
)


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


DEFAULTS = Options()


def expect(error_type: type[Exception], location: str | Path, options: Options = DEFAULTS) -> str:
    with pytest.raises(error_type) as caught:
        read(location, options)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- dispatch ---------------------------------------------------------------------------------


def test_source_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", NOTE)
    source, text = read(str(path))
    assert source.location == str(path)
    assert source.doc_id == "note"
    assert source.media_type == "text/plain"
    assert source.sha256 == hashlib.sha256(NOTE.encode()).hexdigest()
    assert source.meta == {}
    assert text.normalised == NOTE.strip()


@pytest.mark.parametrize("name", ["NOTE.TXT", "Note.Md", "page.HTM"])
def test_suffixes_in_any_case(tmp_path: Path, name: str) -> None:
    content = PAGE if name.lower().endswith(".htm") else NOTE
    assert read(write(tmp_path, name, content))[1].normalised


@pytest.mark.parametrize(
    ("name", "kind", "media_type"),
    [
        ("report", "pdf", "application/pdf"),
        ("report.bin", "pdf", "application/pdf"),
        ("brief", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("page.php", "html", "text/html"),
        ("page", "html", "text/html"),
        ("README", "text", "text/plain"),
    ],
)
def test_content_is_sniffed_without_a_known_suffix(
    tmp_path: Path,
    make_pdf: Callable[..., bytes],
    make_docx: Callable[..., bytes],
    name: str,
    kind: str,
    media_type: str,
) -> None:
    content = {
        "pdf": make_pdf([["Forty trucks crossed."]]),
        "docx": make_docx(["Forty trucks crossed."]),
        "html": PAGE.encode(),
        "text": b"Forty trucks crossed.",
    }[kind]
    source, text = read(write(tmp_path, name, content))
    assert source.media_type == media_type
    assert "trucks" in text.normalised or "9,000 meals" in text.normalised


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "figures.xlsx", b"PK\x03\x04" + b"\x00" * 100)
    assert expect(InputError, path) == (
        f"{path}: unsupported file type '.xlsx' (statecheck reads .txt, .md, .html, .pdf and .docx)"
    )


def test_binary_without_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "blob", bytes(range(256)) * 4)
    assert expect(InputError, path) == f"{path}: not a text file (binary data)"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    assert expect(InputError, path) == f"{path}: file not found"


def test_folder(tmp_path: Path) -> None:
    assert expect(InputError, tmp_path) == f"{tmp_path}: is a folder, not a file"


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "x" * 2000)
    message = expect(LimitError, path, Options(limits=Limits(max_bytes=1000)))
    assert message == f"{path}: 2,000 bytes, more than the limit of 1,000 (Limits.max_bytes)"


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(20 * 1024**3)  # sparse: 20 GiB that would take minutes to read
    started = time.monotonic()
    message = expect(LimitError, path)
    assert message == f"{path}: 21,474,836,480 bytes, more than the limit of 52,428,800 (Limits.max_bytes)"
    assert time.monotonic() - started < 1


# --- sidecars ---------------------------------------------------------------------------------


def test_sidecar_is_loaded_with_all_its_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "h001.txt", NOTE)
    sidecar = {
        "url": "https://example.org/press/2023/11/statement",
        "language": "en",
        "publisher": "Example Aid Network",
        "date": None,
        "publisher_type": "ngo",
    }
    write(tmp_path, "h001.meta.json", json.dumps(sidecar))
    source, _text = read(path)
    assert source.meta == {**sidecar, "url_date": "2023-11"}


def test_sidecar_beside_other_formats(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    path = write(tmp_path, "brief.pdf", make_pdf([["Forty trucks."]], metadata={"/Title": "From the PDF"}))
    write(tmp_path, "brief.meta.json", '{"title": "From the sidecar", "date": "2024-05-02"}')
    meta = read(path)[0].meta
    assert meta["title"] == "From the sidecar"
    assert meta["date"] == "2024-05-02"


def test_sidecar_wins_but_its_nulls_do_not_erase(tmp_path: Path) -> None:
    path = write(tmp_path, "kitchens.html", PAGE)
    write(tmp_path, "kitchens.meta.json", '{"date": null, "title": "Kitchens", "publisher": null}')
    meta = read(path)[0].meta
    assert meta["date"] == "2024-01-09"  # from the page
    assert meta["title"] == "Kitchens"  # from the sidecar
    assert meta["publisher"] is None


@pytest.mark.parametrize(
    "content",
    [b'{"url": "https://example.org/", ', b"[1, 2, 3]", b'"just a string"', b"\xff\xfe\x00garbage", b""],
    ids=["truncated JSON", "a list", "a string", "not UTF-8", "empty"],
)
def test_malformed_sidecar_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    path = write(tmp_path, "note.txt", NOTE)
    write(tmp_path, "note.meta.json", content)
    with caplog.at_level(logging.WARNING, logger="statecheck.ingest.metadata"):
        source, text = read(path)
    assert source.meta == {}
    assert text.normalised == NOTE.strip()
    assert "note.meta.json: ignored" in caplog.text


def test_sidecar_that_is_a_folder_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", NOTE)
    (tmp_path / "note.meta.json").mkdir()
    assert read(path)[0].meta == {}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/press/2023/11/statement", "2023-11"),
        ("https://example.org/2023/10/13/story/", "2023-10-13"),
        ("https://example.org/news/ceasefire-2025-01-02", "2025-01-02"),
        ("https://example.org/2023/11", "2023-11"),
        ("https://example.org/news/2024/3/5/x", "2024-03-05"),
        ("https://example.org/2023/11/1234-story", "2023-11"),
        ("https://example.org/items/2023/12345", None),
        ("https://example.org/report-2023-2024", None),
        ("https://example.org/2023/13/story", None),
        ("https://example.org/2023/02/30/story", None),
        ("https://example.org/resolution/2720", None),
        ("https://2023-11.example.org/story", None),
        ("https://example.org/", None),
    ],
)
def test_url_date(url: str, expected: str | None) -> None:
    assert url_date(url) == expected


# --- strings and bytes ------------------------------------------------------------------------


def test_from_text() -> None:
    source, text = from_text(
        "Forty  trucks\ncrossed.", doc_id="memo", meta={"url": "https://example.org/2024/02/07/memo"}
    )
    assert source.doc_id == "memo"
    assert source.location == "<memo>"
    assert source.meta == {"url": "https://example.org/2024/02/07/memo", "url_date": "2024-02-07"}
    assert text.normalised == "Forty trucks crossed."


def test_from_bytes_reads_an_upload(make_pdf: Callable[..., bytes]) -> None:
    source, text = from_bytes(
        make_pdf([["Forty trucks."]]), name="uploads/brief.pdf", meta={"language": "en"}
    )
    assert source.doc_id == "brief"
    assert source.media_type == "application/pdf"
    assert source.meta == {"language": "en", "pages": 1}
    assert text.normalised == "Forty trucks."


def test_from_bytes_limits() -> None:
    with pytest.raises(LimitError) as caught:
        from_bytes(b"x" * 11, name="a.txt", options=Options(limits=Limits(max_bytes=10)))
    assert str(caught.value) == "a.txt: 11 bytes, more than the limit of 10 (Limits.max_bytes)"
