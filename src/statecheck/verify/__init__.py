"""Claims against reference series: a :class:`~statecheck.model.Verdict` with its evidence."""

from __future__ import annotations

from statecheck.model import Document
from statecheck.options import Options


def verify_document(document: Document, options: Options) -> Document:
    """Reads the claims; adds a verdict to each (when ``options.verify``)."""
    return document
