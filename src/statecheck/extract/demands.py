"""Demands: calls to action by the document's issuer (shared/spec/demands.md)."""

from __future__ import annotations

from statecheck.model import Document
from statecheck.options import Options


def extract_demands(document: Document, options: Options) -> Document:
    """Reads the text; adds the document's own demands."""
    return document
