"""The document card: title, date, issuers, place and language (spec §6)."""

from __future__ import annotations

from dataclasses import replace

from statecheck.model import Card, Document
from statecheck.options import Options


def extract_card(document: Document, options: Options) -> Document:
    """Reads the text and the source's metadata; adds the :class:`Card`."""
    meta = document.source.meta
    date = options.date or (str(meta["date"]) if meta.get("date") else None)
    card = Card(
        doc=document.doc_id,
        title=meta.get("title"),
        date=date,
        language=options.language or meta.get("language") or "en",
    )
    return replace(document, card=card)
