"""Numerical claims (spec §1–§4)."""

from __future__ import annotations

from dataclasses import replace

from statecheck.model import Document
from statecheck.options import Options


def extract_claims(document: Document, options: Options) -> Document:
    """Reads the normalised text and the card's date; adds every numerical claim."""
    return replace(document, claims=())
