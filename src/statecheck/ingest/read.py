"""Dispatch an input (a path or a URL) to the reader for its format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from statecheck.errors import InputError
from statecheck.ingest.normalise import normalise
from statecheck.model import Source, Text
from statecheck.options import Options


def from_text(text: str, *, doc_id: str = "text", meta: dict[str, object] | None = None) -> tuple[Source, Text]:
    """A document given as a string."""
    source = Source(
        location=f"<{doc_id}>",
        doc_id=doc_id,
        media_type="text/plain",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        meta=dict(meta or {}),
    )
    return source, normalise(text)


def read(location: str | Path, options: Options = Options()) -> tuple[Source, Text]:
    """Read a file or URL into its :class:`Source` and normalised :class:`Text`."""
    path = Path(location)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(error.strerror or "cannot be read", location=str(location)) from error
    text = raw.decode("utf-8", errors="replace")
    source = Source(
        location=str(location),
        doc_id=path.stem,
        media_type="text/plain",
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    return source, normalise(text)
