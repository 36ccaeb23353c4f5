"""``statecheck report``: one self-contained HTML file (inline CSS and SVG, no network).

From files (each read and checked now) or from a corpus (the newest version of every
stored document). A file that cannot be read is listed in the report and returned to the
caller, and the report is written anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from statecheck import __version__
from statecheck.errors import StatecheckError
from statecheck.model import Document
from statecheck.options import Options
from statecheck.report.record import ClaimLink, reference_catalog, series_views
from statecheck.report.render import VERDICT_NAMES, environment, verdict_of
from statecheck.report.views import anchor, report_views

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()


@dataclass(frozen=True)
class ReportItem:
    """One document in the report, with its claims' verdict counts and its anchor scheme."""

    number: int
    document: Document
    counts: dict[str, int] = field(hash=False)

    def href(self, index: int) -> str:
        return f"#doc-{self.number}-claim-{index}"


@dataclass(frozen=True)
class ReportResult:
    path: Path
    documents: int
    claims: int
    failures: tuple[str, ...]
    """One line per input that could not be read (``location: reason``)."""


def render_report(
    documents: Sequence[Document],
    *,
    title: str = "statecheck report",
    failures: Sequence[str] = (),
    options: Options = DEFAULT_OPTIONS,
) -> str:
    """The report as one HTML string (charts drawn from ``options.reference_dir``'s series)."""
    items = []
    totals: dict[str, int] = {}
    for number, document in enumerate(documents, start=1):
        counts: dict[str, int] = {}
        for claim in document.claims:
            name = verdict_of(claim)
            counts[name] = counts.get(name, 0) + 1
            totals[name] = totals.get(name, 0) + 1
        items.append(ReportItem(number, document, counts))
    links = [
        ClaimLink(claim, item.href(index), item.document.card.title or item.document.doc_id)
        for item in items
        for index, claim in enumerate(item.document.claims)
    ]
    catalog = reference_catalog(options.reference_dir)
    template = environment().get_template("report.html")
    return template.render(
        title=title,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=items,
        total_claims=sum(totals.values()),
        totals=totals,
        verdict_names=VERDICT_NAMES,
        series=series_views(links, catalog),
        views=report_views([item.document for item in items]),
        org_anchor=anchor,
        failures=list(failures),
        catalog=catalog,
    )


def write_report(
    out: Path,
    *,
    paths: Iterable[str | Path] = (),
    db: str | None = None,
    options: Options = DEFAULT_OPTIONS,
    title: str = "statecheck report",
    on_failure: Callable[[str], None] | None = None,
    workers: int | None = 1,
) -> ReportResult:
    """Check ``paths`` (or load the corpus ``db``) and write the report to ``out``.

    ``workers``: processes that check ``paths`` (None: one per core); the report is the same.
    """
    documents: list[Document] = []
    failures: list[str] = []
    if db is not None:
        from statecheck.store import document_ids, load_document, open_store

        with open_store(db) as store:
            for document_id in document_ids(store):
                stored = load_document(store, document_id)
                if stored is not None:
                    documents.append(stored.document)
    else:
        from statecheck.parallel import check_many
        from statecheck.store import expand_inputs

        # On `workers` processes, in input order; a bug in one input is listed, not fatal.
        for outcome in check_many(expand_inputs(paths), options, workers=workers):
            if outcome.document is not None:
                documents.append(outcome.document)
                continue
            line = outcome.describe_error()
            failures.append(line)
            if on_failure is not None:
                on_failure(line)
    # Newest first, as the web pages list them; undated documents last.
    documents.sort(key=lambda d: d.card.date or "", reverse=True)
    html = render_report(documents, title=title, failures=failures, options=options)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as error:
        raise StatecheckError(f"cannot be written: {error.strerror or error}", location=str(out)) from error
    return ReportResult(out, len(documents), sum(len(d.claims) for d in documents), tuple(failures))
