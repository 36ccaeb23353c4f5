"""statecheck: turn political statements into checkable data.

The public API is what ``__all__`` lists; every other module is internal.
"""

from dataclasses import replace as _replace
from pathlib import Path as _Path

from statecheck import pipeline
from statecheck.errors import (
    FetchError,
    InputError,
    LimitError,
    ReferenceDataError,
    StatecheckError,
    StoreError,
    UsageError,
)
from statecheck.model import Card, Claim, Demand, Document, Evidence, Issuer, Mention, Source, Text, Verdict
from statecheck.options import Limits, Options

__version__ = "0.1.0"

__all__ = [
    "Card",
    "Claim",
    "Demand",
    "Document",
    "Evidence",
    "FetchError",
    "InputError",
    "Issuer",
    "LimitError",
    "Limits",
    "Mention",
    "Options",
    "ReferenceDataError",
    "Source",
    "StatecheckError",
    "StoreError",
    "Text",
    "UsageError",
    "Verdict",
    "__version__",
    "check_path",
    "check_text",
]


def check_text(
    text: str,
    *,
    date: str | None = None,
    doc_id: str | None = None,
    options: Options | None = None,
) -> Document:
    """Extract and check every claim in ``text``; ``date`` is the document's date when known."""
    options = options or Options()
    if date is not None:
        options = _replace(options, date=date)
    return pipeline.check_text(text, options, doc_id=doc_id or "text")


def check_path(path_or_url: str | _Path, *, options: Options | None = None) -> Document:
    """Read a file (txt, md, html, pdf, docx) or an http(s) URL, then extract and check its claims."""
    return pipeline.check_path(path_or_url, options or Options())
