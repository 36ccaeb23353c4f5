"""Which files a folder given as input stands for, and in which order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from statecheck.ingest.inputs import expand_inputs


def _tree(root: Path) -> None:
    for name in ("b.txt", "a.TXT", "a-b.md", "notes.csv", "z/x.html", "a/c.pdf", "a/deep/e.docx",
                 "a/deep/.hidden.txt", "a.txt", "A.txt", "10.txt", "9.txt", "empty/.keep"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")


def test_a_folder_gives_its_readable_files_in_the_order_of_their_sorted_paths(tmp_path: Path) -> None:
    _tree(tmp_path)
    expected = [str(p) for p in sorted(tmp_path.rglob("*"))
                if p.is_file() and p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}]
    found = list(expand_inputs([tmp_path]))
    assert found == expected
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "10.txt", "9.txt", "A.txt", "a/c.pdf", "a/deep/.hidden.txt", "a/deep/e.docx", "a-b.md", "a.TXT",
        "a.txt", "b.txt", "z/x.html",
    ]


def test_a_folder_and_its_path_spelled_differently_give_the_same_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Stored locations are these strings: "./docs" and "docs/" must name files as "docs" does,
    # or a second ingest would store every document again under a new location.
    _tree(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    plain = list(expand_inputs(["docs"]))
    assert plain[0].startswith("docs" + os.sep)
    assert list(expand_inputs(["./docs"])) == list(expand_inputs(["docs/"])) == plain


def test_linked_files_are_read_and_linked_folders_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "one.txt").write_text("one")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "two.txt").symlink_to(tmp_path / "real" / "one.txt")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    assert list(expand_inputs([tmp_path / "corpus"])) == [str(tmp_path / "corpus" / "two.txt")]


def test_urls_and_files_pass_through_as_given(tmp_path: Path) -> None:
    assert list(expand_inputs(["https://example.org/a", "missing.txt"])) == ["https://example.org/a", "missing.txt"]
