"""Per-document limits: size, characters, pages, decompression, time. An input over one is a
:class:`LimitError` whose one line names the input and the limit, raised quickly, and the batch
goes on; the same limits are options of ``statecheck check`` and ``statecheck ingest``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from generate import _docx, _docx_zip_bomb, _paragraphs, _pdf, _pdf_stream_bomb
from pypdf.errors import LimitReachedError
from typer.testing import CliRunner

from statecheck import ingest, pipeline
from statecheck.cli import app
from statecheck.errors import InputError, LimitError, StatecheckError
from statecheck.ingest import pdf as pdf_reader
from statecheck.options import Limits, Options

runner = CliRunner()
STATEMENT = "In Gaza, 1,200 people were killed and 3,400 injured, the ministry said on 7 November 2023."


def refused(raw: bytes, name: str, limits: Limits) -> str:
    with pytest.raises(LimitError) as caught:
        ingest.from_bytes(raw, name=name, options=Options(limits=limits))
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return message


def test_bytes() -> None:
    message = refused(b"x" * 2000, "big.txt", Limits(max_bytes=1000))
    assert message == "big.txt: 2,000 bytes, more than the limit of 1,000 (Limits.max_bytes)"


def test_characters_after_reading() -> None:
    """A compact file can still hold too much text (a PDF, a DOCX, UTF-8 that decodes 1:1)."""
    message = refused(("5 killed. " * 100).encode(), "long.txt", Limits(max_chars=500))
    assert message == "long.txt: 1,000 characters of text, more than the limit of 500 (Limits.max_chars)"


def test_pages() -> None:
    message = refused(_pdf([[STATEMENT]] * 3), "three.pdf", Limits(max_pages=2))
    assert message == "three.pdf: PDF has 3 pages, more than the limit of 2"


def test_pdf_characters_are_counted_page_by_page() -> None:
    message = refused(_pdf([[STATEMENT] * 20] * 10), "wordy.pdf", Limits(max_chars=3000))
    assert "characters of text by page 2 (Limits.max_chars)" in message


def test_pdf_page_with_a_huge_content_stream() -> None:
    """pypdf cannot be stopped inside a page, and needs about a minute for 30 MB of drawing
    instructions: such a page is refused before pypdf reads it."""
    raw = _pdf_stream_bomb(16 * 1024 * 1024)
    started = time.monotonic()
    message = refused(raw, "bomb.pdf", Limits())
    assert "PDF page 1 has more bytes of drawing instructions than the limit" in message
    assert time.monotonic() - started < 5


def test_pypdf_decompression_limit_is_a_limit_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_big(*args: object) -> None:
        raise LimitReachedError("Limit reached while decompressing: 75000001 > 75000000")

    monkeypatch.setattr(pdf_reader, "_check_page_content", too_big)
    message = refused(_pdf([[STATEMENT]]), "deflated.pdf", Limits())
    assert message.startswith("deflated.pdf: PDF stream too large (Limit reached")


def test_docx_zip_bomb() -> None:
    message = refused(_docx_zip_bomb(8 * 1024 * 1024), "bomb.docx", Limits())
    assert "times its size, more than the limit of 100" in message


def test_docx_part_over_the_size_limit_even_at_a_modest_ratio() -> None:
    raw = _docx(_paragraphs(*(f"Paragraph {n}: {STATEMENT}" for n in range(3000))))
    message = refused(raw, "long.docx", Limits(max_bytes=len(raw) * 2))
    assert "DOCX part word/document.xml unpacks to" in message and "(Limits.max_bytes)" in message


def test_xml_entity_expansion_is_refused() -> None:
    from generate import _billion_laughs

    with pytest.raises(InputError) as caught:
        ingest.from_bytes(_docx(_billion_laughs()), name="laughs.docx")
    assert "corrupt DOCX file" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "stage"),
    [("5% " * 60_000, "claims"), ("The council calls on Israel to stop, " * 8_000, "demands")],
)
def test_time_limit_bounds_extraction(text: str, stage: str) -> None:
    """The claim and demand extractors stop at the time limit (checked between sentences, each at
    most MAX_SENTENCE_CHARS long) with a LimitError naming the input and how far they got."""
    from statecheck.extract.cards import extract_card
    from statecheck.extract.claims import extract_claims
    from statecheck.extract.demands import extract_demands
    from statecheck.model import Card, Document

    source, normalised = ingest.from_text(text, doc_id="slow")
    document = extract_card(Document(source=source, text=normalised, card=Card(doc="slow")), Options())
    step = extract_claims if stage == "claims" else extract_demands
    limit = 0.5
    started = time.monotonic()
    with pytest.raises(LimitError) as caught:
        step(document, Options(limits=Limits(max_seconds=limit)))
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert message.startswith(f"<slow>: extracting {stage} took longer than 0.5 s (Limits.max_seconds; stopped at")
    assert elapsed < limit + 2, elapsed  # one sentence past the limit at most, on a busy machine


def test_a_slow_document_is_stopped_by_the_pipeline() -> None:
    started = time.monotonic()
    with pytest.raises(LimitError, match="took longer than 0.5 s"):
        pipeline.check_text("5% " * 60_000, Options(verify=False, limits=Limits(max_seconds=0.5)), doc_id="slow")
    assert time.monotonic() - started < 15  # the card (no deadline, linear) and at most one stage


def test_every_stage_keeps_to_the_time_limit() -> None:
    """A document allowed by every size limit ends within about three times Limits.max_seconds
    (reading, claims, demands), whichever stage it spends its time in: a result or a LimitError.

    30,000 short lines (750 kB, a seventh of Limits.max_chars): the card reads every line (and the
    signature block at the end, which here is every line), about 3 s on a quiet machine, against a
    limit of 0.5 s. Measured in CPU time, so that a busy machine does not make it fail.
    """
    text = "\n".join("Ministry of Health, Gaza" for _ in range(30_000))
    started = time.process_time()
    try:
        pipeline.check_text(text, Options(verify=False, limits=Limits(max_seconds=0.5)), doc_id="lines")
    except LimitError:
        pass
    assert time.process_time() - started < 3 * 0.5 + 1.0


def test_a_batch_goes_on_after_a_document_over_a_limit(tmp_path: Path) -> None:
    (tmp_path / "a-big.txt").write_bytes(STATEMENT.encode() * 100)
    (tmp_path / "b-fine.txt").write_bytes(STATEMENT.encode())
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "jsonl", "--workers", "1", "--max-bytes", "1000"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"statecheck: {tmp_path / 'a-big.txt'}: 9,000 bytes, more than the limit of 1,000 (Limits.max_bytes)",
        "b-fine: 2 claims: 2 above the record",
    ]


def test_cli_limit_options(tmp_path: Path) -> None:
    three = tmp_path / "three.pdf"
    three.write_bytes(_pdf([[STATEMENT]] * 3))
    slow = tmp_path / "slow.txt"
    slow.write_text("5% " * 60_000, encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(three), str(slow), "-f", "jsonl", "--workers", "1", "--no-verify", "--max-pages", "2",
              "--timeout", "0.5"],
    )
    assert result.exit_code == 1
    first, second = result.stderr.splitlines()
    assert first == f"statecheck: {three}: PDF has 3 pages, more than the limit of 2"
    assert second.startswith(f"statecheck: {slow}: extracting claims took longer than 0.5 s (Limits.max_seconds")


def test_ingest_takes_the_same_limits(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(STATEMENT.encode() * 100)
    result = runner.invoke(app, ["ingest", str(tmp_path / "big.txt"), "--db", str(tmp_path / "c.db"),
                                 "--workers", "1", "--max-bytes", "1000"])
    assert result.exit_code == 1
    assert "more than the limit of 1,000 (Limits.max_bytes)" in result.stderr


@pytest.mark.parametrize(
    ("name", "shown"),
    [("line\nbreak.txt", "line\\nbreak.txt"), ("esc\x1b[31mred.txt", "esc\\x1b[31mred.txt")],
)
def test_file_names_with_control_characters_stay_on_one_line(tmp_path: Path, name: str, shown: str) -> None:
    (tmp_path / name).write_bytes(b"")
    result = runner.invoke(app, ["check", str(tmp_path / name), "-f", "jsonl", "--workers", "1"])
    assert result.stderr == f"statecheck: {tmp_path}/{shown}: empty file\n"


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 in a name (Python's surrogate escapes) are shown and stored as \\xNN:
    JSON output, the terminal and the database can hold that."""
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_bytes(STATEMENT.encode())
    source, _ = ingest.read(str(tmp_path / name))
    assert source.location == f"{tmp_path}/caf\\xe9.txt" and source.doc_id == "caf\\xe9"
    source.location.encode("utf-8")  # valid Unicode
    with pytest.raises(StatecheckError) as caught:
        ingest.read(str(tmp_path / os.fsdecode(b"gon\xe9.txt")))
    assert str(caught.value) == f"{tmp_path}/gon\\xe9.txt: file not found"
