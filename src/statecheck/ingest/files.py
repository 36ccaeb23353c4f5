"""Reading a local file held to a limit on its size."""

from __future__ import annotations

import os

# After the size the file had when opened, a file still growing is read this much at a time.
_CHUNK = 1024 * 1024


def read_at_most(path: str | os.PathLike[str], count: int) -> bytes:
    """The file's first ``count`` bytes (all of it when it is shorter); raises OSError.

    Plain os calls: a Python file object's set-up (a raw file, a buffer) costs more than
    reading a document of a few kilobytes, and its ``read(count)`` would allocate all of
    ``count`` first, megabytes for a limit. The first read asks for the size the file has
    now and one byte more, which shows whether it grew since; a file that did is read on,
    still held to ``count``.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        wanted = min(os.fstat(descriptor).st_size + 1, count)
        chunks: list[bytes] = []
        remaining = count
        while remaining > 0:
            chunk = os.read(descriptor, min(wanted, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            wanted = _CHUNK
        return b"".join(chunks)
    finally:
        os.close(descriptor)
