"""The command line: each command parses its options and calls one library function.

Errors derived from :class:`~statecheck.errors.StatecheckError` become one line on stderr
(``statecheck: <input>: <problem>``) and exit status 1 in one place, :class:`_Commands`; a batch
(``check``, ``ingest``, ``report``) names each input that failed and goes on.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from statecheck import csvsafe, parallel
from statecheck.errors import StatecheckError
from statecheck.ingest.inputs import expand_inputs
from statecheck.model import Document
from statecheck.options import Limits, Options


class _Commands(TyperGroup):
    """The root command group: the one place a :class:`StatecheckError` from any command (or
    subcommand) becomes one line on stderr and exit status 1."""

    def invoke(self, ctx: Any) -> Any:  # a Click context: Click's own, or the copy newer Typers vendor
        try:
            return super().invoke(ctx)
        except StatecheckError as error:
            _say(f"statecheck: {error}")
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Commands,
    help="Turn political statements into checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Characters that would break a line of output or act on the terminal: C0 and C1 controls (a
# newline or an escape sequence in a file name), line separators, undecodable bytes.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _one_line(text: str) -> str:
    """``text`` as one printable line: the characters above written as escapes (``\\n``, ``\\x1b``;
    a byte of a file name that is not UTF-8 as ``\\xNN``, as in a stored location)."""
    from statecheck.ingest.read import valid_text

    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), valid_text(text))


def _say(line: str) -> None:
    """One line on stderr, never wrapped (Rich would fold a long path onto several lines)."""
    typer.echo(_one_line(line), err=True)


def _usage(problem: str) -> typer.Exit:
    """Options that do not fit together, said in one line; exit status 2, as for a bad option."""
    _say(f"statecheck: {problem}")
    return typer.Exit(2)


def _table_or_jsonl(format: str) -> None:
    if format not in {"table", "jsonl"}:
        raise _usage(f"unknown format {format!r} (use table or jsonl)")


def _write_jsonl(records: Iterable[object], handle: IO[str] | None = None) -> None:
    """One JSON object per line, to ``handle`` (default: stdout, looked up when called)."""
    out = sys.stdout if handle is None else handle
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _jsonl_file(path: Path, records: Iterable[object]) -> None:
    try:
        with path.open("w", encoding="utf-8") as handle:
            _write_jsonl(records, handle)
    except OSError as error:
        raise StatecheckError(f"cannot be written: {error.strerror or error}", location=str(path)) from error


def _print_wide(table: Table) -> None:
    """A table on stdout: as wide as the terminal, or whole lines (200 columns) down a pipe."""
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _limits(max_bytes: int, max_pages: int, timeout: float) -> Limits:
    return Limits(max_bytes=max_bytes, max_pages=max_pages, max_seconds=timeout)


MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Largest input read, in bytes (a file, a download, a part of a DOCX).")
]
MaxPagesOption = Annotated[int, typer.Option("--max-pages", min=1, help="Most pages read from one PDF.")]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0.001, help="Seconds allowed for each stage of one input (reading it, extracting "
                 "its claims, its demands); an input over it is reported and skipped."),
]
AllowPrivateUrlsOption = Annotated[
    bool,
    typer.Option("--allow-private-urls", help="Fetch URLs that lead to private, loopback or link-local addresses "
                 "(refused by default)."),
]


@app.callback()
def _root() -> None:
    """statecheck: extract numerical claims from statements and check them against the record."""


VERDICT_STYLE = {
    "consistent": "green",
    "above_record": "red",
    "below_record": "yellow",
    "unverifiable": "dim",
}


def _print_table(document: Document, console: Console) -> None:
    table = Table(title=f"{document.doc_id} — {document.card.title or ''}".rstrip(" —"), show_lines=False)
    for column in ("quote", "value", "bound", "metric", "place", "as_of", "source", "verdict"):
        table.add_column(column, overflow="fold")
    for claim in document.claims:
        verdict = claim.verdict.verdict if claim.verdict else ""
        style = VERDICT_STYLE.get(verdict, "")
        value = f"{claim.value:g}" + (f"–{claim.value_max:g}" if claim.value_max is not None else "")
        table.add_row(
            claim.quote, value, claim.bound, claim.metric, claim.place or "", claim.as_of or "",
            claim.source or "", f"[{style}]{verdict}[/]" if style else verdict,
        )
    console.print(table)
    console.print(document.summary())
    for line in _card_lines(document):
        console.print(line, markup=False, highlight=False)


def _card_lines(document: Document, names: int = 8) -> list[str]:
    """Who issued the document, what it demands and whom it names: one line each, under its table."""
    from collections import Counter

    lines = []
    people = document.card.roles or ()
    issued = [f"{p.name} ({p.role})" for p in people] or list(document.card.issuers)
    if issued:
        lines.append("Issued by: " + "; ".join(issued))
    if document.demands:
        categories = Counter(c for demand in document.demands for c in demand.categories)
        count = len(document.demands)
        lines.append(f"{count} demand{'s' if count != 1 else ''}: "
                     + ", ".join(f"{name} ×{n}" for name, n in categories.most_common()))
    if document.mentions:
        shown = [f"{m.name} ×{m.count}" + (f" ({m.stance})" if m.stance != "mentions" else "")
                 for m in document.mentions[:names]]
        more = len(document.mentions) - names
        lines.append("Names: " + ", ".join(shown) + (f", and {more} more" if more > 0 else ""))
    return lines


WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Processes that read and check documents (default: one per core); "
                 "the output is the same, in the same order, for any number."),
]


CSV_FIELDS = ["doc", "quote", "value", "value_max", "bound", "unit", "metric", "place", "as_of", "source",
              "scope", "period", "note", "start", "end", "verdict"]


def _write_csv_rows(document: Document, writer: csv.DictWriter[str]) -> None:
    for claim in document.claims:
        record = claim.to_record(with_evidence=False)
        if record["period"]:
            record["period"] = "/".join(record["period"])
        writer.writerow(record)


@app.command()
def check(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.", metavar="PATH_OR_URL...")],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="table, jsonl, json, csv or claimreview (schema.org JSON-LD) "
                     "(default: table on a terminal, else jsonl)."),
    ] = None,
    docs_out: Annotated[Path | None, typer.Option(help="Write the document cards here, one JSON per line.")] = None,
    demands_out: Annotated[
        Path | None, typer.Option(help="Write the documents' demands here, one JSON per line (doc, quote, categories, addressee).")
    ] = None,
    date: Annotated[str | None, typer.Option(help="The documents' date, when the text does not give it.")] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Only extract; do not check against the record.")] = False,
    reference_dir: Annotated[Path | None, typer.Option(help="Read reference series from this folder.")] = None,
    org: Annotated[
        str | None, typer.Option("--org", envvar="STATECHECK_ORG", help="Your organisation: the author of ClaimReview output.")
    ] = None,
    workers: WorkersOption = None,
    max_bytes: MaxBytesOption = Limits.max_bytes,
    max_pages: MaxPagesOption = Limits.max_pages,
    timeout: TimeoutOption = Limits.max_seconds,
    allow_private_urls: AllowPrivateUrlsOption = False,
) -> None:
    """Extract the numerical claims of each document and check them against the record."""
    fmt = format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in {"table", "jsonl", "json", "csv", "claimreview"}:
        raise _usage(f"unknown format {fmt!r} (use table, jsonl, json, csv or claimreview)")
    if fmt == "claimreview" and not org:
        raise _usage("--format claimreview needs --org (or STATECHECK_ORG): the review's author")
    options = Options(date=date, verify=not no_verify, reference_dir=reference_dir,
                      allow_private_urls=allow_private_urls, limits=_limits(max_bytes, max_pages, timeout))
    failures = 0
    out = Console() if fmt == "table" else None
    cards = []
    demands: list[dict[str, object]] = []
    collected = []
    writers: list[csv.DictWriter[str]] = []

    def csv_writer() -> csv.DictWriter[str]:
        """The CSV writer, made (and its header written) on first use: rows stream as they come."""
        if not writers:
            writers.append(csvsafe.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore"))
            writers[0].writeheader()
        return writers[0]

    # Each input is checked apart (statecheck.parallel.check_one is the batch boundary: a bug in
    # one input must not stop the rest), on `workers` processes, and comes back in input order.
    for outcome in parallel.settled(parallel.check_many(expand_inputs(inputs), options, workers=workers)):
        if outcome.document is None:
            failures += 1
            # one line whatever the error holds (a newline in a file name, a multi-line bug report)
            _say(f"statecheck: {outcome.describe_error()}")
            continue
        document = outcome.document
        # Kept only when asked for: over a million documents, jsonl and csv keep nothing.
        if docs_out is not None:
            cards.append(document.card.to_record())
        if demands_out is not None:
            demands.extend(demand.to_record() for demand in document.demands)
        if fmt != "table":  # the table prints its own summary under it
            _say(f"{document.doc_id}: {document.summary()}")
        if fmt == "jsonl":
            _write_jsonl(claim.to_record() for claim in document.claims)
        elif fmt == "table" and out is not None:
            _print_table(document, out)
        elif fmt == "csv":
            _write_csv_rows(document, csv_writer())
        else:
            collected.append(document)
    if fmt == "json":
        json.dump(
            [{"card": d.card.to_record(), "claims": [c.to_record() for c in d.claims]} for d in collected],
            sys.stdout, ensure_ascii=False, indent=2,
        )
        sys.stdout.write("\n")
    elif fmt == "claimreview":
        from statecheck.verify.claimreview import claim_reviews

        reviews = [review for d in collected for review in claim_reviews(d, org=org or "")]
        json.dump(reviews, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        csv_writer()  # the header, also when no input gave a document
    if docs_out is not None:
        _jsonl_file(docs_out, cards)
    if demands_out is not None:
        _jsonl_file(demands_out, demands)
    if failures:
        raise typer.Exit(1)


reference_app = typer.Typer(
    help="The reference series claims are checked against: list, update, add.", no_args_is_help=True
)
app.add_typer(reference_app, name="reference")

ReferenceDirOption = Annotated[
    Path | None,
    typer.Option(help="Reference folder to use instead of the user data folder ($STATECHECK_DATA_DIR/reference)."),
]


@reference_app.command("list")
def reference_list(
    reference_dir: ReferenceDirOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """List every reference series: metric, place, source, first and last date, number of reports."""
    from statecheck import reference

    _table_or_jsonl(format)
    series = reference.list_series(reference_dir)
    if format == "jsonl":
        _write_jsonl(
            {"id": s.id, "metric": s.metric, "place": s.place, "unit": s.unit, "source": s.source,
             "first": s.first.isoformat(), "last": s.last.isoformat(), "reports": len(s.entries),
             "snapshot": s.snapshot}
            for s in series
        )
        return
    table = Table(title="Reference series")
    for column in ("series", "metric", "place", "unit", "source", "first", "last", "reports"):
        table.add_column(column, overflow="fold")
    for s in series:
        table.add_row(s.id, s.metric, s.place or "(all)", s.unit, s.source, s.first.isoformat(),
                      s.last.isoformat(), str(len(s.entries)))
    _print_wide(table)


@reference_app.command("update")
def reference_update(
    url: Annotated[
        str | None,
        typer.Option("--url", envvar="STATECHECK_REFERENCE_URL",
                     help="API base URL (default https://data.techforpalestine.org/api)."),
    ] = None,
    reference_dir: ReferenceDirOption = None,
) -> None:
    """Fetch the current Tech for Palestine data; replace the local copies only if all are valid and none older."""
    from statecheck import reference

    results = reference.update(url=url, reference_dir=reference_dir)
    for result in results:
        typer.echo(f"{result.file}: {result.status}, last report {result.last_date} "
                   f"(was {result.previous_last_date})")


@reference_app.command("add")
def reference_add(
    file: Annotated[Path, typer.Argument(help="CSV of date,value or valid_from,valid_to,value rows.")],
    metric: Annotated[str, typer.Option(help="A metric of the spec, e.g. killed, injured, killed_children.")],
    place: Annotated[str, typer.Option(help="gaza, west_bank, lebanon, israel ...; 'all' for the whole war.")],
    source: Annotated[str, typer.Option(help="Who published the figures, e.g. 'UN OCHA'.")],
    unit: Annotated[str | None, typer.Option(help="people, items or km2 (default: from the metric).")] = None,
    name: Annotated[str | None, typer.Option(help="Short name in the series id (default: the file name).")] = None,
    reference_dir: ReferenceDirOption = None,
) -> None:
    """Add your own series (or replace one of the same metric, place and name)."""
    from statecheck import reference

    series = reference.add(file, metric=metric, place=place, source=source, unit=unit, name=name,
                           reference_dir=reference_dir)
    typer.echo(f"added {series.id}: {len(series.entries)} values, {series.first} to {series.last}")


# --- the corpus: ingest, reverify, export, serve, report (statecheck.store, .web, .report) -----

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file (created if missing) or postgresql://user@host/dbname URL.")
]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.", metavar="PATH_OR_URL...")],
    db: DbOption = "corpus.db",
    date: Annotated[str | None, typer.Option(help="The documents' date, when the text does not give it.")] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Only extract; do not check against the record.")] = False,
    reference_dir: Annotated[Path | None, typer.Option(help="Read reference series from this folder.")] = None,
    workers: WorkersOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Check on the Dask cluster at this address (tcp://HOST:PORT) instead of this machine; "
                     "results are still written here (see docs/scale.md)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write a partitioned Parquet dataset (documents, claims, issuers, demands, "
                     "mentions, failures) to this empty folder instead of the database."),
    ] = None,
    max_bytes: MaxBytesOption = Limits.max_bytes,
    max_pages: MaxPagesOption = Limits.max_pages,
    timeout: TimeoutOption = Limits.max_seconds,
    allow_private_urls: AllowPrivateUrlsOption = False,
    commit_every: Annotated[
        int,
        typer.Option("--commit-every", min=1, help="Documents committed together (also at least every second); "
                     "1 commits each on its own, more is faster."),
    ] = 50,  # store.batch.BATCH_DOCUMENTS (not imported here: the store's imports are slow)
) -> None:
    """Read, check and store documents in a corpus; unchanged ones are skipped, changed ones get a new version."""
    from collections import Counter

    from statecheck import store
    from statecheck.store.dataset import ingest_dataset

    options = Options(date=date, verify=not no_verify, reference_dir=reference_dir,
                      allow_private_urls=allow_private_urls, limits=_limits(max_bytes, max_pages, timeout))
    # Results stream past and only their counts stay, so memory is flat for any number of inputs.
    counts: Counter[str | None] = Counter()

    def tell(result: store.IngestResult) -> None:
        counts[result.status] += 1
        if result.error is not None:
            _say(f"statecheck: {result.location}: {result.error}")

    try:
        if out is not None:
            for result in parallel.settled(ingest_dataset(inputs, out, options, workers=workers, scheduler=scheduler)):
                tell(result)
        else:
            with store.open_store(db) as corpus:
                results = store.ingest_results(
                    corpus, inputs, options, workers=workers, scheduler=scheduler, commit_every=commit_every
                )
                for result in parallel.settled(results):
                    tell(result)
    except KeyboardInterrupt:
        # Each document is its own savepoint (or part file): what was committed is complete.
        _say("statecheck: interrupted; documents stored so far are complete, run again to go on")
        raise typer.Exit(130) from None
    if out is not None:
        _say(f"{counts['stored']} written to {out}, {counts[None]} failed")
    else:
        _say(
            f"{counts['stored']} stored, {counts['new_version']} new versions, "
            f"{counts['unchanged']} unchanged, {counts[None]} failed"
        )
    if counts[None]:
        raise typer.Exit(1)


@app.command()
def reverify(
    db: DbOption = "corpus.db",
    reference_dir: Annotated[Path | None, typer.Option(help="Read reference series from this folder.")] = None,
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Also older versions of documents.")] = False,
) -> None:
    """Check every stored claim against the record again (after `reference update`, say)."""
    from statecheck import store

    with store.open_store(db) as corpus:
        result = store.reverify(corpus, Options(reference_dir=reference_dir), all_versions=all_versions)
    typer.echo(f"{result.claims} claims in {result.documents} documents checked; {result.changed} verdicts changed")


@app.command()
def export(
    db: DbOption = "corpus.db",
    what: Annotated[
        str, typer.Option("--what", help="claims, issuers, demands, mentions, links, matrix or network.")
    ] = "claims",
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="claims: jsonl, csv, parquet or claimreview; issuers, demands, mentions, "
                     "links: jsonl, csv or parquet; matrix: csv, jsonl or parquet; network: graphml or json "
                     "(default: the first)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The file to write (default: WHAT.FORMAT).")
    ] = None,
    docs_out: Annotated[Path | None, typer.Option(help="Also write the document cards here, one JSON per line.")] = None,
    org: Annotated[
        str | None, typer.Option("--org", envvar="STATECHECK_ORG", help="Your organisation: the author of ClaimReview output.")
    ] = None,
) -> None:
    """Write the stored claims (newest version of each document), or another view of the corpus, to a file."""
    from statecheck import corpus as views
    from statecheck import store

    default_format = "jsonl" if what == "claims" else views.VIEWS.get(what, ("jsonl",))[0]
    output = output or Path(f"{what}.{format or default_format}")
    with store.open_store(db) as corpus:
        if what == "claims":
            count = store.export(corpus, format or default_format, output, docs_out=docs_out, org=org)
        else:
            count = views.export_view(corpus, what, format, output)
    _say(f"{count} records written to {output}")


@app.command()
def network(
    db: DbOption = "corpus.db",
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write: .graphml or .json.")] = Path(
        "network.graphml"
    ),
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="graphml or json (default: from the file's suffix).")
    ] = None,
) -> None:
    """Write the co-signature network: organisations, and the documents they issued together."""
    from statecheck import corpus as views
    from statecheck import store

    chosen = format or ("json" if output.suffix.lower() == ".json" else "graphml")
    with store.open_store(db) as corpus:
        count = views.export_view(corpus, "network", chosen, output)
    _say(f"{count} nodes and edges written to {output}")


@app.command()
def duplicates(
    db: DbOption = "corpus.db",
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only duplicate, republication or translation.")
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Fingerprint and compare every document again, not only new ones.")
    ] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """List documents that copy, republish or translate another (fingerprinting any not yet done)."""
    from statecheck import corpus as views
    from statecheck import store

    if format not in {"table", "jsonl"} or (kind is not None and kind not in views.duplicates.KINDS):
        raise _usage("--format is table or jsonl; --kind is duplicate, republication or translation")
    with store.open_store(db) as corpus:
        indexed, links = views.find_duplicates(corpus, kind=kind, rebuild=rebuild)
    if indexed.documents:
        _say(f"{indexed.documents} documents fingerprinted, {indexed.links} links found")
    if format == "jsonl":
        _write_jsonl(link.to_record() for link in links)
        return
    table = Table(title="Documents that copy, republish or translate another")
    for column in ("kind", "share", "original", "copy"):
        table.add_column(column, overflow="fold")
    for link in links:
        table.add_row(link.kind, f"{link.share:.0%}", f"{link.a.label} ({link.a.date or 'undated'})",
                      f"{link.b.label} ({link.b.date or 'undated'})")
    _print_wide(table)


@app.command()
def organisations(
    db: DbOption = "corpus.db",
    q: Annotated[str | None, typer.Option("-q", help="Only organisations with a name containing this.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """List the organisations that issued stored documents: every spelling of one counts as one."""
    from dataclasses import asdict

    from statecheck import corpus as views
    from statecheck import store

    _table_or_jsonl(format)
    with store.open_store(db) as corpus:
        page = views.list_organisations(corpus, q=q, limit=None)
    if format == "jsonl":
        _write_jsonl(asdict(item) for item in page.organisations)
        return
    table = Table(title=f"{page.total} organisations")
    for column in ("entity", "name", "documents", "roles", "first", "last"):
        table.add_column(column, overflow="fold")
    for item in page.organisations:
        table.add_row(item.entity, item.name, str(item.documents), ", ".join(item.roles), item.first_date or "",
                      item.last_date or "")
    _print_wide(table)


@app.command()
def timeline(
    organisation: Annotated[str, typer.Argument(help="An organisation's name or its entity key (see `organisations`).")],
    db: DbOption = "corpus.db",
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """An issuer's statements over time: their dates, figures (with verdicts) and demands."""
    from statecheck import corpus as views
    from statecheck import store
    from statecheck.extract.issuers import entity_key
    from statecheck.report.render import number

    _table_or_jsonl(format)
    with store.open_store(db) as corpus:
        found = views.issuer_timeline(corpus, entity_key(organisation))
    if found.name is None:
        raise StatecheckError(f"no stored document was issued by {organisation!r} (see statecheck organisations)")
    if format == "jsonl":
        _write_jsonl(entry.to_record() for entry in found.entries)
        return
    table = Table(title=f"{found.name}: {found.total} documents")
    for column in ("date", "document", "role", "figures", "demands"):
        table.add_column(column, overflow="fold")
    for entry in found.entries:
        figures = "; ".join(
            f"{c.metric} {number(c.value)} ({c.verdict.verdict if c.verdict else 'unchecked'})" for c in entry.claims
        )
        table.add_row(entry.date or "undated", entry.label, entry.role, figures, ", ".join(entry.categories))
    _print_wide(table)


@app.command()
def serve(
    db: DbOption = "corpus.db",
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    reference_dir: Annotated[Path | None, typer.Option(help="Read reference series from this folder.")] = None,
    max_upload_mb: Annotated[float, typer.Option(help="Largest file or text the check form accepts, in MB.")] = 5.0,
    max_checks: Annotated[
        int, typer.Option("--max-checks", min=1, help="Checks run at once; one more is told to retry (503).")
    ] = 2,
    max_bytes: MaxBytesOption = Limits.max_bytes,
    max_pages: MaxPagesOption = Limits.max_pages,
    timeout: TimeoutOption = Limits.max_seconds,
) -> None:
    """Browse, search and check the corpus in a web browser (pages and a JSON API under /api/)."""
    from statecheck import web

    _say(f"statecheck: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    options = Options(reference_dir=reference_dir, limits=_limits(max_bytes, max_pages, timeout))
    web.serve(db, host=host, port=port, options=options, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
              max_checks=max_checks)


@app.command()
def report(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to check (or use --db).", metavar="[PATH...]")
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="Report on a stored corpus instead of files.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[str, typer.Option(help="The report's title.")] = "statecheck report",
    date: Annotated[str | None, typer.Option(help="The documents' date, when the text does not give it.")] = None,
    reference_dir: Annotated[Path | None, typer.Option(help="Read reference series from this folder.")] = None,
    workers: WorkersOption = None,
) -> None:
    """Write one self-contained HTML report (summary, highlighted texts, charts) that opens offline."""
    from statecheck.report import write_report

    if bool(inputs) == bool(db):
        raise _usage("give either files or --db, not both and not neither")
    options = Options(date=date, reference_dir=reference_dir)
    result = write_report(output, paths=inputs or (), db=db, options=options, title=title,
                          on_failure=lambda line: _say(f"statecheck: {line}"), workers=workers)
    _say(f"{result.documents} documents, {result.claims} claims: {output}")
    if result.failures:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``statecheck`` command."""
    app()


if __name__ == "__main__":
    main()
