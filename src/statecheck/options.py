"""One frozen :class:`Options` object, passed down through every stage; no global settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    """Limits that keep one bad input from hanging or exhausting a batch."""

    max_bytes: int = 50 * 1024 * 1024
    """Largest input read, in bytes (files and downloads); also the most a DOCX part may unpack to."""
    max_chars: int = 5_000_000
    """Most characters of text one document may hold once read (about 2,000 pages): bounds the
    memory and time of normalising and extracting, whatever the format."""
    max_pages: int = 2000
    """Most PDF pages read."""
    max_seconds: float = 60.0
    """Time allowed for each stage of one input: reading it (checked while downloading and between
    PDF pages), extracting its claims, and extracting its demands (checked between sentences).
    Reading a file and building its card are bounded by ``max_bytes`` and ``max_chars`` instead."""
    url_timeout: float = 20.0
    """Seconds to wait for a URL (connect and each read)."""
    max_redirects: int = 5
    max_decompression_ratio: float = 100.0
    """Largest ratio of unpacked to packed size accepted in a DOCX (zip) file."""


@dataclass(frozen=True)
class Options:
    """How to check a document."""

    date: str | None = None
    """The document's date when the caller knows it (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``);
    it wins over what the text or its metadata say."""
    language: str | None = None
    """Force a language (``en``, ``es``, ``fr``, ``pt``, ``de``) instead of detecting it."""
    verify: bool = True
    """Check each claim against the reference series."""
    reference_dir: Path | None = None
    """Read reference series from this folder instead of the user's data folder."""
    demands: bool = True
    """Extract demands."""
    allow_private_urls: bool = False
    """Allow URLs that resolve to private, loopback or link-local addresses."""
    limits: Limits = Limits()
