"""read_at_most(): a file's first bytes, held to a limit, whatever size it had when opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from statecheck.ingest.files import read_at_most


@pytest.mark.parametrize(("size", "count", "expected"), [(0, 10, 0), (5, 10, 5), (10, 10, 10), (11, 10, 10)])
def test_reads_up_to_the_count(tmp_path: Path, size: int, count: int, expected: int) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(size)))
    assert read_at_most(path, count) == bytes(range(size))[:expected]


def test_a_file_grown_since_it_was_opened_is_read_on_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    data = os.urandom(3 * 1024 * 1024 + 5)
    path.write_bytes(data)
    real_fstat = os.fstat

    class Smaller:  # the size the file had when it was opened
        def __init__(self, descriptor: int) -> None:
            self.st_size = real_fstat(descriptor).st_size // 3

    monkeypatch.setattr(os, "fstat", Smaller)
    assert read_at_most(path, len(data) - 7) == data[:-7]
    assert read_at_most(path, len(data) + 7) == data
