"""Query strings and uploads in, frozen query objects and checked bytes out.

Pages and the JSON API read their filters through these functions, so ``/claims`` and
``/api/claims`` accept exactly the same parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

from statecheck.errors import InputError, LimitError, UsageError
from statecheck.store import ClaimQuery, DocumentQuery

#: Upload types the check form accepts: suffix → what the first bytes must look like.
UPLOAD_TYPES: dict[str, str] = {
    ".txt": "text", ".md": "text", ".html": "text", ".htm": "text",
    ".pdf": "pdf", ".docx": "zip",
}
MAX_PAGE_SIZE = 500


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name, "").strip()
    return value or None


def _int(params: Mapping[str, str], name: str, default: int | None = None, *, low: int = 0,
         high: int | None = None) -> int | None:
    value = _text(params, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, not {value!r}") from None
    if number < low or (high is not None and number > high):
        raise UsageError(f"{name} must be between {low} and {high}")
    return number


def document_query(params: Mapping[str, str]) -> DocumentQuery:
    sort = params.get("sort") or "date_desc"
    if sort not in ("date_desc", "date_asc"):
        raise UsageError("sort must be date_desc or date_asc")
    return DocumentQuery(
        q=_text(params, "q"),
        issuer=_text(params, "issuer"),
        year=_int(params, "year", low=1, high=9999),
        language=_text(params, "language"),
        verdict=_text(params, "verdict"),
        sort=sort,  # type: ignore[arg-type]
        limit=_int(params, "limit", 50, low=1, high=MAX_PAGE_SIZE) or 50,
        offset=_int(params, "offset", 0) or 0,
    )


def claim_query(params: Mapping[str, str], *, unlimited: bool = False) -> ClaimQuery:
    """The claim filter; ``unlimited`` for downloads, which give every matching claim."""
    return ClaimQuery(
        q=_text(params, "q"),
        metric=_text(params, "metric"),
        verdict=_text(params, "verdict"),
        place=_text(params, "place"),
        issuer=_text(params, "issuer"),
        year=_int(params, "year", low=1, high=9999),
        language=_text(params, "language"),
        document_id=_int(params, "document"),
        limit=None if unlimited else (_int(params, "limit", 100, low=1, high=MAX_PAGE_SIZE) or 100),
        offset=0 if unlimited else (_int(params, "offset", 0) or 0),
    )


@dataclass(frozen=True)
class Upload:
    name: str
    """A safe file name: the base name of what the browser sent, nothing else."""
    suffix: str
    data: bytes


def check_upload(filename: str, data: bytes, max_bytes: int) -> Upload:
    """Accept an uploaded file only if it is small enough and is what its name says."""
    # Browsers may send a full path ("C:\\fakepath\\x.txt"); keep the last part only.
    name = PurePath(filename.replace("\\", "/")).name or "upload.txt"
    suffix = PurePath(name).suffix.lower()
    if len(data) > max_bytes:
        raise LimitError(f"is larger than the upload limit of {max_bytes:,} bytes", location=name)
    if not data:
        raise InputError("is empty", location=name)
    kind = UPLOAD_TYPES.get(suffix)
    if kind is None:
        accepted = ", ".join(sorted(UPLOAD_TYPES))
        raise InputError(f"is not an accepted type (accepted: {accepted})", location=name)
    if kind == "pdf" and not data.startswith(b"%PDF-"):
        raise InputError("is named .pdf but is not a PDF", location=name)
    if kind == "zip" and not data.startswith(b"PK\x03\x04"):
        raise InputError("is named .docx but is not a Word document", location=name)
    # Text in any encoding is the reader's business; NUL bytes mean it is not text at all.
    if kind == "text" and b"\x00" in data[:65536]:
        raise InputError("looks binary, not text", location=name)
    return Upload(name=name, suffix=suffix, data=data)
