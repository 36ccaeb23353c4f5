"""Coverage-guided fuzzing of the ingest readers with atheris (libFuzzer for Python).

Each input is a file: its first byte picks a suffix (.txt, .md, .html, .pdf, .docx or none),
the rest is the file's bytes. It goes through ``ingest.from_bytes`` and, when it reads, through
the extraction steps. A reader may refuse an input only with a :class:`StatecheckError` whose
message is one line; anything else that escapes (an ``IndexError`` deep in a PDF parser, a
``RecursionError``, a message over two lines) is a crash, and libFuzzer saves the input as
``crash-<sha1>`` (in a temporary folder it names, unless ``-artifact_prefix=`` says where).
Inputs that take longer than ``-timeout`` seconds (20) are saved as ``timeout-…``.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_ingest.py -max_total_time=60            # seeds are made in a temporary folder
    python fuzz/fuzz_ingest.py -max_total_time=600 fuzz-corpus/   # keep what it learns
    python fuzz/fuzz_ingest.py crash-1234abcd                  # replay one input

Each crash found becomes a row of ``tests/hostile/test_regressions.py`` (see docs/hostile.md).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import zipfile

try:
    import atheris
except ImportError:  # pragma: no cover - the extra is optional
    sys.exit("atheris is not installed: pip install 'statecheck[fuzz]' (or pip install atheris)")

with atheris.instrument_imports(include=["statecheck", "pypdf", "docx", "charset_normalizer", "trafilatura"]):
    from statecheck import ingest, pipeline
    from statecheck.errors import StatecheckError
    from statecheck.options import Limits, Options

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx", "")
#: Small limits keep each run short; the limits themselves are part of what is tested.
_LIMITS = {"max_bytes": 2_000_000, "max_chars": 200_000, "max_pages": 50, "max_seconds": 5.0}
OPTIONS = Options(
    verify=False,
    # only the limits this version has: the harness also runs against older code (docs/hostile.md)
    limits=Limits(**{k: v for k, v in _LIMITS.items() if k in Limits.__dataclass_fields__}),
)
#: Texts longer than this are read but not extracted (extraction has its own property tests).
EXTRACT_CHARS = 20_000


def check_one(data: bytes) -> None:
    """One fuzz input: a reader must give text or a one-line StatecheckError, nothing else."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    raw = data[1:]
    name = f"fuzz{suffix}"
    try:
        source, text = ingest.from_bytes(raw, name=name, options=OPTIONS)
    except StatecheckError as error:
        message = str(error)
        if "\n" in message or "\r" in message:
            raise AssertionError(f"error message on more than one line: {message!r}") from error
        if not message.startswith(name):
            raise AssertionError(f"error message does not name the input: {message!r}") from error
        return
    if text.offsets[-1] != len(text.original) or len(text.offsets) != len(text.normalised) + 1:
        raise AssertionError("the offset map does not fit the text")
    if len(text.normalised) <= EXTRACT_CHARS:
        try:
            pipeline.run_steps(source, text, OPTIONS)
        except StatecheckError:
            pass


def TestOneInput(data: bytes) -> None:  # the name atheris calls
    check_one(data)


def seeds(folder: str) -> None:
    """A few well-formed files of each kind, so the fuzzer starts from valid structure."""
    statement = "In Gaza, 1,200 people were killed and 3,400 injured, the ministry said on 7 November 2023."
    files: dict[str, bytes] = {
        "text": b"\x00" + statement.encode(),
        "markdown": b"\x01# Title\n\n**Gaza**, 7 Nov 2023 -- " + statement.encode() + b"\n- 5,000 displaced\n",
        "latin1": b"\x00" + "Según el ministerio, 1.200 niños murieron.".encode("cp1252"),
        "utf16": b"\x00" + statement.encode("utf-16"),
        "html": b"\x02<html><head><title>Gaza</title><meta charset='utf-8'></head><body><article><h1>Gaza</h1><p>"
        + statement.encode() * 3 + b"</p><table><tr><td>killed</td><td>1,200</td></tr></table></article></body></html>",
    }
    files["pdf"] = b"\x03" + _pdf(statement)
    files["docx"] = b"\x04" + _docx(statement)
    files["docx-deflated"] = b"\x04" + _docx(statement, zipfile.ZIP_DEFLATED)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)


def _pdf(line: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

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
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 11 Tf 72 720 Td ({line}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    writer.add_metadata({"/Title": "Statement", "/CreationDate": "D:20231107093000+02'00'"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _docx(line: str, method: int = zipfile.ZIP_STORED) -> bytes:
    """The smallest DOCX python-docx opens (three parts; stored uncompressed by default, so that the
    fuzzer mutates XML rather than deflate streams), with a paragraph and a table."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>killed</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>1,200</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    )
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", method) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return packed.getvalue()


def main() -> None:
    argv = list(sys.argv)
    has_corpus = any(not arg.startswith("-") for arg in argv[1:])
    if not has_corpus:
        folder = tempfile.mkdtemp(prefix="statecheck-fuzz-")
        seeds(folder)
        argv.append(folder)
    if not any(arg.startswith("-artifact_prefix=") for arg in argv):
        # crash-… and timeout-… files go here, not into the working folder (the repository)
        argv.append(f"-artifact_prefix={tempfile.mkdtemp(prefix='statecheck-fuzz-artifacts-')}/")
    if not any(arg.startswith("-timeout=") for arg in argv):
        argv.append("-timeout=20")  # an input that takes longer is a hang, saved as timeout-…
    if not any(arg.startswith("-max_len=") for arg in argv):
        argv.append("-max_len=65536")
    if not any(arg.startswith("-rss_limit_mb=") for arg in argv):
        argv.append("-rss_limit_mb=1024")  # the memory budget of the hostile-corpus test
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
