"""Query strings and uploads in, frozen query objects and checked bytes out.

Pages and the JSON API read their filters through these functions, so ``/claims`` and
``/api/claims`` accept exactly the same parameters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date
from pathlib import PurePath

from statecheck.errors import InputError, LimitError, UsageError
from statecheck.extract.lexicon import LANGUAGES
from statecheck.store import ClaimQuery, DocumentQuery

#: Upload types the check form accepts: suffix → what the first bytes must look like.
UPLOAD_TYPES: dict[str, str] = {
    ".txt": "text", ".md": "text", ".html": "text", ".htm": "text",
    ".pdf": "pdf", ".docx": "zip",
}
MAX_PAGE_SIZE = 500
#: The largest id or offset the database can hold (a signed 64-bit integer).
MAX_INTEGER = 2**63 - 1
#: Longest filter value accepted (search words, issuer ...): longer is not a search, it is a load.
MAX_PARAM_LENGTH = 1000
#: Longest upload name kept (file systems allow 255 bytes; a page needs far fewer).
MAX_NAME_LENGTH = 120

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,25}")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name, "")
    if len(value) > MAX_PARAM_LENGTH:
        raise UsageError(f"{name} must be at most {MAX_PARAM_LENGTH:,} characters")
    if "\x00" in value:
        raise UsageError(f"{name} must not contain NUL characters")
    return value.strip() or None


def _int(params: Mapping[str, str], name: str, default: int | None = None, *, low: int = 0,
         high: int = MAX_INTEGER) -> int | None:
    if name not in params:
        return default
    # Present but empty is an error, not "no filter": "year=" names no year.
    value = _text(params, name) or ""
    # ASCII digits only: int() would also take "١٢", "1_000" or " 12 ".
    if not _WHOLE_NUMBER.fullmatch(value):
        raise UsageError(f"{name} must be a whole number, not {value!r}")
    number = int(value)
    if number < low or number > high:
        raise UsageError(f"{name} must be between {low} and {high}")
    return number


def whole_number(value: str | None, high: int = MAX_INTEGER) -> int | None:
    """``value`` as a whole number from 0 to ``high`` (ASCII digits only), else None."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 25:
        return None
    number = int(value)
    return number if number <= high else None


def check_date(value: str | None) -> str | None:
    """A document date given by a user: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real one."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    found = _DATE.fullmatch(value)
    try:
        if found is None:
            raise ValueError
        year, month, day = found.groups()
        Date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise UsageError(f"the date must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}") from None
    return value


def check_language(value: str | None) -> str | None:
    """A forced language: one the extractors have words for."""
    if value is None or not value.strip():
        return None
    if value.strip() not in LANGUAGES:
        raise UsageError(f"language must be one of {', '.join(LANGUAGES)}")
    return value.strip()


def check_text(text: str, max_bytes: int, *, location: str | None = None) -> str:
    """Pasted or posted text: valid Unicode (no lone surrogates) and within the size limit."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise InputError("the text is not valid Unicode (it holds a lone surrogate)", location=location) from None
    if size > max_bytes:
        raise LimitError(f"the text is larger than the limit of {max_bytes:,} bytes", location=location)
    return text


def document_query(params: Mapping[str, str]) -> DocumentQuery:
    sort = params.get("sort", "date_desc")
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


def upload_name(filename: str) -> str:
    """The base name of what the browser sent, without control characters, at most
    :data:`MAX_NAME_LENGTH` characters (the suffix kept). Never a path: it names the document."""
    # Browsers may send a full path ("C:\\fakepath\\x.txt"); keep the last part only.
    name = PurePath(filename.replace("\\", "/")).name
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip()
    if name in {"", ".", ".."}:
        return "upload.txt"
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePath(name).suffix[:16]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name


def check_upload(filename: str, data: bytes, max_bytes: int) -> Upload:
    """Accept an uploaded file only if it is small enough and is what its name says."""
    name = upload_name(filename)
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
