"""What a list of inputs names: paths and URLs as given, folders walked for the files we read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

#: The file types picked up when a folder is walked (a file named explicitly is always tried).
READABLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Paths and URLs as given; folders are walked for readable files in sorted order."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if "://" not in text and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                    yield str(child)
        else:
            yield text
