"""A corpus of hostile inputs, written at test time into a folder (nothing large is committed).

``generate(folder)`` writes every file and returns one :class:`Case` per input, saying what a
sound reader must do with it: give a result, or fail with one line naming it (and, for some,
which error). Run it by hand to look at the files::

    python tests/hostile/generate.py /tmp/hostile

The biggest file (200 MB of text) is sparse: it costs no disk and no time to write, and the
size limit must refuse it before reading a byte. Everything else is built in a few seconds.
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

Outcome = Literal["result", "error", "either"]

SEED = 20231007
#: Sizes of the big inputs (bytes); the tests pass limits well below the first two.
HUGE_TEXT = 200 * 1024 * 1024
LONG_LINE = 10 * 1024 * 1024
BOMB_UNPACKED = 64 * 1024 * 1024
#: Pages of the PDF page bomb: more than the default ``Limits.max_pages`` (2000).
BOMB_PAGES = 5000
NESTED_DIVS = 100_000

STATEMENT = "In Gaza, 1,200 people were killed and 3,400 injured, the ministry said on 7 November 2023."


@dataclass(frozen=True)
class Case:
    """One hostile input and what must become of it."""

    name: str
    """The file's name relative to the corpus folder (as ``str``; may hold a newline or surrogates)."""
    expect: Outcome
    error: str | None = None
    """The class name of the error when ``expect == "error"`` and only one is right."""
    why: str = ""


# --------------------------------------------------------------------------- builders


def _pdf(pages: list[list[str]], *, password: str | None = None) -> bytes:
    """A PDF with one list of text lines per page (an empty list: a page without text)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        if not lines:
            continue
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        ops += ["(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines]
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_content(content: bytes) -> bytes:
    """One page whose content stream is ``content``, as written (malformed on purpose)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_page_bomb(pages: int) -> bytes:
    """Thousands of pages that all point at one content stream (a few KB per thousand pages)."""
    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 11 Tf 72 720 Td (5 killed) Tj ET")
    content = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Contents")] = content
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_stream_bomb(unpacked: int) -> bytes:
    """One page whose content stream inflates from a few hundred KB to ``unpacked`` bytes."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    compressor = zlib.compressobj(9)
    chunk = b"BT /F1 11 Tf 72 720 Td (1,000 people were killed.) Tj ET\n" * 1024
    parts = [compressor.compress(chunk) for _ in range(unpacked // len(chunk))]
    parts.append(compressor.flush())
    stream = StreamObject()
    stream._data = b"".join(parts)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_deep_nesting(depth: int) -> bytes:
    """A syntactically valid PDF whose page dictionary holds an array nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk " + nested + b" >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_page_loop() -> bytes:
    """A page tree whose /Kids contains itself (an endless walk for a naive reader)."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    pages = writer._root_object["/Pages"].get_object()
    kids = pages["/Kids"]
    assert isinstance(kids, ArrayObject)
    kids.append(writer._root_object.raw_get("/Pages"))
    pages[NameObject("/Count")] = NumberObject(2)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _paragraphs(*texts: str) -> bytes:
    body = b"".join(b"<w:p><w:r><w:t>" + t.encode("utf-8") + b"</w:t></w:r></w:p>" for t in texts)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + _W + b"><w:body>" + body + b"</w:body></w:document>"


def _docx_zip_bomb(unpacked: int) -> bytes:
    """A DOCX whose document.xml inflates to ``unpacked`` bytes of one huge paragraph."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(_paragraphs()[: -len(b"</w:body></w:document>")] + b"<w:p><w:r><w:t>")
            chunk = b"0" * (1024 * 1024)
            for _ in range(unpacked // len(chunk)):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def _docx_lying_sizes() -> bytes:
    """A DOCX whose central directory says document.xml is tiny; it inflates to megabytes."""
    honest = _docx(_paragraphs(STATEMENT, "0" * 8_000_000))
    archive = zipfile.ZipFile(io.BytesIO(honest))
    info = archive.getinfo("word/document.xml")
    real = info.file_size
    packed = bytearray(honest)
    # patch the uncompressed size in the local header and in the central directory entry
    fake = (1000).to_bytes(4, "little")
    real_bytes = real.to_bytes(4, "little")
    start = 0
    while True:
        index = packed.find(real_bytes, start)
        if index < 0:
            break
        packed[index : index + 4] = fake
        start = index + 4
    return bytes(packed)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>' + doctype.encode() + b"<w:document " + _W
        + b"><w:body><w:p><w:r><w:t>&lol9; 5 people were killed</w:t></w:r></w:p></w:body></w:document>"
    )


def _sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes of text that takes no disk: one line at the start, a hole after."""
    with path.open("wb") as handle:
        handle.write(STATEMENT.encode() + b"\n")
        handle.truncate(size)


# --------------------------------------------------------------------------- the corpus


def generate(folder: Path, *, big: bool = True) -> list[Case]:
    """Write the hostile corpus into ``folder`` (created if needed); ``big=False`` leaves out
    the files that take more than a moment to build (the DOCX zip bomb, the PDF stream bomb)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    cases: list[Case] = []

    def put(name: str, data: bytes, expect: Outcome, error: str | None = None, why: str = "") -> None:
        (folder / name).write_bytes(data)
        cases.append(Case(name, expect, error, why))

    # --- empty, binary, encodings
    put("empty.txt", b"", "error", "InputError", "an empty file")
    put("whitespace.txt", " \t\r\n\n \u00a0\u200b\u3000\n".encode(), "error", "InputError")
    put("binary.txt", rng.randbytes(64 * 1024), "error", "InputError", "random bytes named .txt")
    put("nul-bytes.md", b"\x00" * 4096, "error", "InputError")
    put("pdf-named.txt", _pdf([[STATEMENT]]), "either", why="a PDF named .txt: its bytes are mostly ASCII")
    put("elf.txt", b"\x7fELF\x02\x01\x01" + rng.randbytes(4000), "error", "InputError")
    put("utf16-bom.txt", STATEMENT.encode("utf-16"), "result")
    put("utf16le-no-bom.txt", STATEMENT.encode("utf-16-le"), "result")
    put("utf16be-no-bom.txt", STATEMENT.encode("utf-16-be"), "result")
    put("utf32.txt", STATEMENT.encode("utf-32"), "result")
    put("latin1.txt", "En Gaza, 1.200 niños murieron, según el ministerio de Salud, el 7 de noviembre de 2023.".encode("latin-1"), "result")
    put("cp1252.txt", "“In Gaza, 1,200 people were killed” – the ministry said on 7 November 2023 (€5 million).".encode("cp1252"), "result")
    put(
        "mixed-encodings.txt",
        STATEMENT.encode("utf-8") + "\nNiños: 1.200 – “killed”\n".encode("cp1252") + "\n200 wounded".encode("utf-16-le"),
        "either",
    )
    put("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8" * 10, "either", why="a UTF-16 BOM before a lone surrogate")
    put("control-chars.txt", bytes(range(32)) * 200, "error", "InputError")

    # --- size and shape
    _sparse(folder / "huge-200mb.txt", HUGE_TEXT)
    cases.append(Case("huge-200mb.txt", "error", "LimitError", "a sparse 200 MB file, over Limits.max_bytes"))
    line = ("1,000 people were killed and " * (LONG_LINE // 29 + 1)).encode()[:LONG_LINE]
    put("long-line-10mb.txt", line, "error", "LimitError", "one 10 MB line: over Limits.max_chars")
    # Backtracking bait: each took minutes to hours before the fixes in docs/hostile.md.
    put("long-digits.txt", ("9" * 300_000).encode(), "either")
    put("digit-commas.txt", ("1," * 100_000 + "1 people were killed.").encode(), "either")
    put("capitalised-words.txt", ("Abc " * 50_000 + "said 5 people were killed.").encode(), "either")
    put("number-words.txt", ("one thousand and " * 10_000 + "people were killed.").encode(), "either")
    put("emails.txt", ("a@" * 50_000).encode(), "either", why="cubic in the card's e-mail pattern")
    # 50,000 sentences: the claim extractor stops at the time limit. (At 20,000 it finishes, and
    # verification then compares every claim with every other: docs/hostile.md, open items.)
    put("many-sentences.md", ("5 killed. " * 50_000).encode(), "either")

    # --- numbers that overflow, invisible characters inside numbers
    overflow = (
        "Officials said 10^400 people were killed. Another source said " + "9" * 400 + " were injured. "
        "A third said 1e999 were displaced, and 1.8e308 were missing. "
        "Some said a million million million million million million million million million million "
        "million million million million million million million million million million million million "
        "million million million million million people were killed.\n"
        + "More than " + "1," * 150 + "000 people were killed.\n"
    )
    put("overflow-numbers.txt", overflow.encode(), "result")
    invisible = (
        "In Gaza, 1\u200b200 people were killed. In Gaza, \u202e0021\u202c people were injured. "
        "In Gaza, 1,\u200f200 people were killed. \u2067١٢٬٣٤٥\u2069 people were displaced. "
        "In Gaza, 12\u00a0345 people were killed. In Gaza, 1\u2009200 children were killed. "
        "In Gaza, ４５ people were killed. In Gaza, 1\ufeff2 were killed; \U0001d7e3\U0001d7e2 were injured.\n"
    )
    put("rtl-zero-width.txt", invisible.encode(), "result")
    put("random-unicode.md", "".join(chr(rng.choice([rng.randrange(32, 0x2FFF), rng.randrange(0x1F300, 0x1FAFF)])) for _ in range(20_000)).encode("utf-8", "surrogatepass"), "either")

    # --- HTML
    nested = "<html><body>" + "<div>" * NESTED_DIVS + f"<p>{STATEMENT}</p>" + "</div>" * NESTED_DIVS + "</body></html>"
    put("nested-divs.html", nested.encode(), "either", why="100,000 nested divs")
    put(
        "script-only.html",
        (
            "<html><head><title>Report</title></head><body><script>var text = '" + STATEMENT * 20 + "';"
            "document.write(text);</script><noscript></noscript></body></html>"
        ).encode(),
        "either",
        why="the main text is inside <script>",
    )
    put("bad-charset.html", b'<html><head><meta charset="x-no-such-charset"></head><body><p>' + STATEMENT.encode() * 5 + b"</p></body></html>", "result")
    put("unclosed.html", b"<html><body><p>" + b"<b><i><a href='" * 2000 + STATEMENT.encode(), "either")
    put("entity-flood.html", b"<html><body><p>" + b"&amp;" * 50_000 + STATEMENT.encode() + b"</p></body></html>", "either")
    put("binary.html", rng.randbytes(32 * 1024), "error", "InputError")
    # lxml makes no tree of it and trafilatura logs two ERROR lines (to its own logger, not stderr)
    put("unparseable.html", b" \x82<\xfd\xe6\xf1\xc2k0", "error", "InputError")

    # --- PDF
    put("no-text-layer.pdf", _pdf([[], [], []]), "error", "InputError")
    put("encrypted.pdf", _pdf([[STATEMENT]], password="secret"), "error", "InputError")
    full = _pdf([[STATEMENT] * 30] * 5)
    put("truncated.pdf", full[: len(full) // 2], "either", why="half a PDF (pypdf may recover pages)")
    put("header-only.pdf", b"%PDF-1.7\n", "error", "InputError")
    put("page-bomb.pdf", _pdf_page_bomb(BOMB_PAGES), "error", "LimitError", f"{BOMB_PAGES} pages")
    put("deep-nesting.pdf", _pdf_deep_nesting(100_000), "either")
    put("page-loop.pdf", _pdf_page_loop(), "either", why="a page tree that contains itself")
    put("inline-image.pdf", _pdf_content(b"BT (5 killed) Tj ET 1 BI /W 1 /H 1 ID x EI"), "error", "InputError",
        why="an operand before an inline image: pypdf asserts (found by atheris)")
    if big:
        put("stream-bomb.pdf", _pdf_stream_bomb(BOMB_UNPACKED), "error", "LimitError", "a 64 MB content stream")

    # --- DOCX
    put("not-a-zip.docx", b"PK\x03\x04" + rng.randbytes(2000), "error", "InputError")
    put("truncated.docx", _docx(_paragraphs(STATEMENT * 50))[:600], "error", "InputError")
    put("lying-sizes.docx", _docx_lying_sizes(), "error", "InputError", why="central directory understates a part")
    put("billion-laughs.docx", _docx(_billion_laughs()), "either", why="XML entity expansion")
    put("deep-xml.docx", _docx(b"<w:document " + _W + b"><w:body>" + b"<w:p>" * 5000 + b"</w:p>" * 5000 + b"</w:body></w:document>"), "either")
    if big:
        put("zip-bomb.docx", _docx_zip_bomb(BOMB_UNPACKED), "error", "LimitError", "64 MB of zeros in a few KB")

    # --- file names
    put("line\nbreak.txt", STATEMENT.encode(), "result", why="a newline in the file name")
    put("tab\tand\x1bescape.md", STATEMENT.encode(), "result")
    raw_name = os.fsdecode(b"caf\xe9-\xff\xfe.txt")  # not UTF-8: surrogate escapes in Python
    put(raw_name, STATEMENT.encode(), "result", why="a file name that is not UTF-8")
    put("-starts-with-dash.txt", STATEMENT.encode(), "result")
    put("ünïcödé ﷺ 𝔘.txt", STATEMENT.encode(), "result")
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in generate(target):
        print(f"{case.expect:6} {case.error or '':11} {case.name!r}")
