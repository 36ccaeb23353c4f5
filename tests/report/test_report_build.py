"""`statecheck report`: one self-contained HTML file, from files or from a corpus, that opens offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from store_samples import gaza_document, sample_documents
from typer.testing import CliRunner

from statecheck.cli import app
from statecheck.report import render_report
from statecheck.report.charts import Chart, ClaimMark, SeriesPoint, nice_ticks, parse_day, render_svg
from statecheck.report.highlight import runs
from statecheck.store import open_store, save_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
OWN_TEXTS = {
    "ministry.txt": "Gaza, 29 October 2023. The Ministry of Health said 8,005 Palestinians have been killed, "
                    "including 3,324 children.",
    "ngo.txt": "Geneva, 5 January 2024. More than 22,000 people have been killed in Gaza and 1.9 million displaced.",
}

runner = CliRunner()


def inputs_folder(tmp_path: Path) -> Path:
    """examples/ when the lead's example statements are there, else small texts of our own."""
    if EXAMPLES.is_dir() and any(p.suffix in {".txt", ".md", ".html"} for p in EXAMPLES.iterdir()):
        return EXAMPLES
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in OWN_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_report_is_self_contained_and_escaped() -> None:
    html = render_report(sample_documents(), title="Weekly <check>")
    assert "<title>Weekly &lt;check&gt;</title>" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html and "<script" not in html
    # Nothing is loaded from anywhere: no src= or external stylesheet, only in-page anchors.
    assert not re.search(r"""\ssrc=|<link\b|url\(|@import""", html)
    assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', html))
    assert html.count("<svg") >= 3 + 3  # a chart per series, plus the claims' own charts
    assert html.count('<mark class="claim') == 6


def test_summary_table_counts_verdicts() -> None:
    html = render_report(sample_documents())
    summary = html[html.index('id="summary"'):html.index('id="record"')]
    assert "Gaza &lt;b&gt;Ministry&lt;/b&gt; update" in summary
    assert "<th class=\"num\">6</th>" in summary  # all claims in the footer


def test_highlight_runs_cover_the_text_and_handle_overlaps() -> None:
    document = gaza_document()
    pieces = runs(document.text.original, document.claims)
    assert "".join(piece.text for piece in pieces) == document.text.original
    assert [piece.text for piece in pieces if piece.claims] == [c.quote for c in document.claims]
    overlapping = runs("abcdef", [document.claims[0].__class__(doc="d", quote="abcd", value=1, metric="killed",
                                                              start=0, end=4),
                                  document.claims[0].__class__(doc="d", quote="cdef", value=2, metric="killed",
                                                              start=2, end=6)])
    assert [(p.text, p.claims) for p in overlapping] == [("ab", (0,)), ("cd", (0, 1)), ("ef", (1,))]
    # Offsets outside the text are ignored rather than breaking the page.
    broken = document.claims[0].__class__(doc="d", quote="x", value=1, metric="killed", start=50, end=10)
    assert [p.text for p in runs("short", [broken])] == ["short"]


def test_charts_escape_their_text_and_handle_edge_cases() -> None:
    svg = render_svg(Chart(title="<evil>", series=(), claims=(
        ClaimMark(parse_day("2024-03") or parse_day("2024"), 5, "consistent", "a <b> & c"),)))  # type: ignore[arg-type]
    assert "&lt;evil&gt;" in svg and "a &lt;b&gt; &amp; c" in svg and "<evil>" not in svg
    assert "No data" in render_svg(Chart(title="empty", series=()))
    single = render_svg(Chart(title="one", series=(SeriesPoint(parse_day("2024-01-01"), 3),)))  # type: ignore[arg-type]
    assert "<path" in single
    assert nice_ticks(0, 8005)[-1] >= 8005 and nice_ticks(0, 0.5)[0] == 0
    assert parse_day("2024-13") is None and parse_day(None) is None


def test_report_from_files_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(inputs_folder(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html or "No claim has been checked" in html
    assert "Summary" in html


def test_report_from_a_corpus(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        for document in sample_documents():
            save_document(store, document)
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out), "--title", "Corpus"])
    assert result.exit_code == 0, result.output
    assert "3 documents, 6 claims" in result.stderr
    assert "tfp/gaza/killed" in out.read_text(encoding="utf-8")


def test_report_needs_files_or_a_corpus(tmp_path: Path) -> None:
    assert runner.invoke(app, ["report", "-o", str(tmp_path / "r.html")]).exit_code == 2
    result = runner.invoke(app, ["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "missing.txt" in result.stderr
    assert (tmp_path / "r.html").exists()  # the report is written anyway, listing the failure


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_report_opens_offline_in_chromium_with_its_charts(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(inputs_folder(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    # Plus the hand-built documents, so there is a chart whatever the verifier says today.
    rich = tmp_path / "rich.html"
    rich.write_text(render_report(sample_documents()), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(offline=True)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        for path in (out, rich):
            page.goto(path.as_uri())
            assert page.locator("h1").count() >= 1
            assert "Summary" in page.inner_text("body")
        assert page.locator("svg.chart").count() >= 6
        assert page.locator("svg.chart").first.is_visible()
        page.click("mark.claim a >> nth=0")  # an anchor into the claim's details opens them
        assert page.locator("#doc-1-claim-0").is_visible()
        page.screenshot(path=str(Path(__file__).resolve().parents[2] / "test-output" / "report.png"), full_page=False)
        browser.close()
    assert [url for url in requests if not url.startswith("file://")] == []
