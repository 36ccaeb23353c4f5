"""HTML pages: main text, metadata, charsets, pages with no main text."""

from __future__ import annotations

from pathlib import Path

import pytest

from statecheck.errors import InputError
from statecheck.ingest import read
from statecheck.ingest.html import read_html

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Relief convoy reaches northern district | Example Aid Network</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Example Aid Network">
<meta property="article:published_time" content="2024-02-14T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/donate">Donate</a></nav>
<article><h1>Relief convoy reaches northern district</h1>
<p>A convoy of 12 trucks carrying flour and medical supplies reached the northern district on
Tuesday, the network said in a statement issued from its regional office.</p>
<p>Staff counted “about 3,400 families” waiting at the distribution point; the network’s café
workers warned that stocks would last fewer than five days without further crossings.</p>
<table><tr><th>Item</th><th>Trucks</th></tr><tr><td>Flour</td><td>9</td></tr>
<tr><td>Medical</td><td>3</td></tr></table>
</article>
<footer>Copyright 2024 Example Aid Network. All rights reserved. Privacy policy.</footer>
</body></html>
"""


def article(charset: str = "utf-8") -> bytes:
    return ARTICLE.format(charset=charset).encode(charset)


def test_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "convoy.html"
    path.write_bytes(article())
    source, text = read(path)
    assert source.media_type == "text/html"
    assert source.doc_id == "convoy"
    assert source.meta["title"] == "Relief convoy reaches northern district"
    assert source.meta["date"] == "2024-02-14"
    assert source.meta["author"] == "Jane Roe"
    assert source.meta["sitename"] == "Example Aid Network"
    assert (
        "A convoy of 12 trucks carrying flour and medical supplies reached the northern district on Tuesday"
        in text.normalised
    )
    assert "“about 3,400 families”" in text.normalised
    assert "Donate" not in text.normalised
    assert "All rights reserved" not in text.normalised
    # the original is the extracted text, not the markup
    assert "<p>" not in text.original
    assert text.original[text.offsets[text.normalised.index("3,400")] :].startswith("3,400")


def test_table_rows_stay_on_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "convoy.htm"
    path.write_bytes(article())
    lines = read(path)[1].normalised.split("\n")
    assert "| Flour | 9 |" in lines
    assert "| Medical | 3 |" in lines


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "convoy.html"
    path.write_bytes(article("windows-1252"))
    text = read(path)[1].normalised
    assert "“about 3,400 families”" in text
    assert "network’s café" in text


def test_declared_charset_wins_over_the_page() -> None:
    raw = ARTICLE.format(charset="utf-8").encode("cp1252")
    text, _meta = read_html(raw, location="page", declared_charset="cp1252")
    assert "network’s café" in text


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        "<title>Shelter note</title></head><body><article><p>The shelter hosted 640 families this week, "
        "the office said, and expected more to arrive before the weekend as roads reopened.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "shelter.xhtml"
    path.write_text(page, encoding="utf-8")
    assert "640 families" in read(path)[1].normalised


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>var figures = [1, 2, 3];</script><style>p {color: red}</style></body></html>",
        "<!DOCTYPE html><html><body>   </body></html>",
    ],
    ids=["title only", "scripts only", "blank body"],
)
def test_no_main_text(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: no main text found in the HTML page"


def test_empty_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: empty file"
