"""Text and Markdown files: encodings, empty files, binary data."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statecheck.errors import InputError
from statecheck.ingest import read
from statecheck.ingest.text import decode, read_text

SPANISH = "La oficina informó que más de 1.200 niños siguen desplazados, según el balance del miércoles."
FRENCH = "L’agence a compté « plus de 300 écoles » endommagées – d’après l’évaluation d’août."
GERMAN = "Die Behörde schätzt, dass über 500 Gebäude zerstört wurden; größere Schäden im Süden."
ENGLISH = "The office said “more than 40 trucks” crossed on Tuesday – a short note."
ARABIC = "قالت الوزارة إن أكثر من ألف شخص نزحوا"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ENGLISH, "utf-8"),
        (ENGLISH, "utf-8-sig"),
        (SPANISH, "utf-16"),
        (SPANISH, "utf-16-be"),  # no byte-order mark
        (SPANISH, "utf-16-le"),  # no byte-order mark
        (FRENCH, "utf-32"),
        (SPANISH, "latin-1"),
        (GERMAN, "latin-1"),
        (FRENCH, "cp1252"),
        (ENGLISH, "cp1252"),
        (ARABIC, "utf-8"),
        (ARABIC, "utf-16"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(encoding))
    source, result = read(path)
    assert result.original == text
    assert result.normalised == text
    assert source.media_type == "text/plain"
    assert source.doc_id == "note"


def test_utf16_byte_order_marks_are_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + "Forty trucks.".encode("utf-16-be"))
    assert read(path)[1].original == "Forty trucks."


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    raw = "Überblick: 12 Lkw".encode("cp850")
    assert decode(raw, location="x", declared_charset="cp850") == "Überblick: 12 Lkw"


def test_a_wrong_declared_charset_is_ignored() -> None:
    assert decode("niños".encode(), location="x", declared_charset="no-such-charset") == "niños"


def test_markdown(tmp_path: Path) -> None:
    path = tmp_path / "update.md"
    path.write_text("# Update\n\nThe office counted **1,200** families.\n", encoding="utf-8")
    source, text = read(path)
    assert source.media_type == "text/markdown"
    assert text.normalised == "# Update\nThe office counted 1,200 families."


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
    ids=["zero bytes", "whitespace", "utf-8 bom only", "utf-16 whitespace"],
)
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: empty file"


def _binary_samples() -> dict[str, bytes]:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(4000))
    return {
        "random bytes": noise,
        "png header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:200],
        "no NUL but control characters": bytes(b for b in noise if b),
        "text with NUL bytes": b"Forty trucks\x00\x00\x01 crossed\x00" * 20,
        "gzip": b"\x1f\x8b\x08\x00" + noise[:500],
    }


@pytest.mark.parametrize(("content"), list(_binary_samples().values()), ids=list(_binary_samples()))
def test_binary_renamed_txt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: not a text file (binary data)"


def test_broken_text_after_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Forty".encode("utf-16-le") + b"\x00\xd8")  # half a surrogate pair
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: invalid UTF-16-LE text after its byte-order mark"


def test_a_few_control_characters_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(("The office counted 40 trucks on Monday. " * 10).encode() + b"\x01\x1a")
    assert read(path)[1].normalised.startswith("The office counted 40 trucks")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda text: text.encode("utf-16")))
def test_any_bytes_give_text_or_one_input_error(raw: bytes) -> None:
    try:
        text = read_text(raw, location="x.txt")
    except InputError as error:
        message = str(error)
        assert message.startswith("x.txt: ")
        assert "\n" not in message
    else:
        assert text.strip()
