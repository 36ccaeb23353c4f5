"""Bytes to normalised text: one module per format, and :func:`read` to dispatch among them."""

from statecheck.ingest.normalise import normalise
from statecheck.ingest.read import from_bytes, from_text, read

__all__ = ["from_bytes", "from_text", "normalise", "read"]
