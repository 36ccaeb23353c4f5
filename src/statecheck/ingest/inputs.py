"""What a list of inputs names: paths and URLs as given, folders walked for the files we read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: The file types picked up when a folder is walked (a file named explicitly is always tried).
READABLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Paths and URLs as given; folders are walked for readable files in sorted order."""
    for item in inputs:
        text = str(item)
        if "://" not in text and os.path.isdir(text):
            yield from _readable_files(Path(text))
        else:
            yield text


def _readable_files(folder: Path) -> Iterator[str]:
    """The readable files under ``folder``, sorted by their path's parts, one folder at a time.

    Sorting the whole tree first would hold every path of an archive at once (a million files:
    hundreds of MB); this holds one folder's names per level. Sorting each folder's names and
    going down into a sub-folder in its place gives the order of the sorted parts. Linked
    folders are not followed (a link may loop); linked files are read.
    """
    with os.scandir(folder) as listing:
        entries = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing)
    for name, is_folder in entries:
        path = folder / name
        if is_folder:
            yield from _readable_files(path)
        elif path.suffix.lower() in READABLE_SUFFIXES and path.is_file():
            yield str(path)
