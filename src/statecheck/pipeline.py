"""The stages in order, nothing more: ingest, then each extraction step, then verification."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from statecheck import ingest
from statecheck.extract.cards import extract_card
from statecheck.extract.claims import extract_claims
from statecheck.extract.demands import extract_demands
from statecheck.extract.mentions import extract_mentions
from statecheck.memo import forget_document
from statecheck.model import Card, Document, Source, Text
from statecheck.options import Options
from statecheck.verify import verify_document

Step = Callable[[Document, Options], Document]
#: Options are frozen: one default instance serves every call.
DEFAULT_OPTIONS = Options()

#: Each step reads the document and returns it with what it adds; their docstrings say which.
STEPS: tuple[Step, ...] = (extract_card, extract_claims, extract_demands, extract_mentions, verify_document)


def run_steps(source: Source, text: Text, options: Options = DEFAULT_OPTIONS) -> Document:
    """Run every extraction step and the verifier on text already read."""
    document = Document(source=source, text=text, card=Card(doc=source.doc_id))
    try:
        for step in STEPS:
            document = step(document, options)
    finally:
        forget_document()
    return document


def check_path(location: str | Path, options: Options = DEFAULT_OPTIONS) -> Document:
    """Read a file or URL, extract its card, claims, demands and mentions, and check the claims."""
    source, text = ingest.read(location, options)
    return run_steps(source, text, options)


def check_text(text: str, options: Options = DEFAULT_OPTIONS, *, doc_id: str = "text") -> Document:
    """Check a document given as a string."""
    source, normalised = ingest.from_text(text, doc_id=doc_id, limits=options.limits)
    return run_steps(source, normalised, options)
