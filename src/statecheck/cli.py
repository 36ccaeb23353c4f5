"""The command line: each command parses its options and calls one library function.

Errors derived from :class:`~statecheck.errors.StatecheckError` become one line on stderr,
here and nowhere else.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from statecheck import pipeline
from statecheck.errors import StatecheckError
from statecheck.model import Document
from statecheck.options import Options

app = typer.Typer(
    help="Turn political statements into checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.callback()
def _root() -> None:
    """statecheck: extract numerical claims from statements and check them against the record."""

READABLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Paths and URLs as given; directories are walked for readable files, in sorted order."""
    for item in inputs:
        path = Path(item)
        if "://" not in item and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                    yield str(child)
        else:
            yield item


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


@app.command()
def check(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.", metavar="PATH_OR_URL...")],
    format: Annotated[
        Optional[str], typer.Option("--format", "-f", help="table, jsonl, json or csv (default: table on a terminal, else jsonl).")
    ] = None,
    docs_out: Annotated[Optional[Path], typer.Option(help="Write the document cards here, one JSON per line.")] = None,
    date: Annotated[Optional[str], typer.Option(help="The documents' date, when the text does not give it.")] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Only extract; do not check against the record.")] = False,
    reference_dir: Annotated[Optional[Path], typer.Option(help="Read reference series from this folder.")] = None,
) -> None:
    """Extract the numerical claims of each document and check them against the record."""
    fmt = format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in {"table", "jsonl", "json", "csv"}:
        err.print(f"statecheck: unknown format {fmt!r} (use table, jsonl, json or csv)")
        raise typer.Exit(2)
    options = Options(date=date, verify=not no_verify, reference_dir=reference_dir)
    failures = 0
    out = Console() if fmt == "table" else None
    cards = []
    collected = []
    for location in expand_inputs(inputs):
        try:
            document = pipeline.check_path(location, options)
        except StatecheckError as error:
            failures += 1
            err.print(f"statecheck: {error}", markup=False, highlight=False)
            continue
        cards.append(document.card.to_record())
        if fmt == "jsonl":
            for claim in document.claims:
                sys.stdout.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
        elif fmt == "table" and out is not None:
            _print_table(document, out)
        else:
            collected.append(document)
    if fmt == "json":
        json.dump(
            [{"card": d.card.to_record(), "claims": [c.to_record() for c in d.claims]} for d in collected],
            sys.stdout, ensure_ascii=False, indent=2,
        )
        sys.stdout.write("\n")
    elif fmt == "csv":
        import csv

        fields = ["doc", "quote", "value", "value_max", "bound", "unit", "metric", "place", "as_of", "source",
                  "scope", "period", "note", "start", "end", "verdict"]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for document in collected:
            for claim in document.claims:
                record = claim.to_record(with_evidence=False)
                if record["period"]:
                    record["period"] = "/".join(record["period"])
                writer.writerow(record)
    if docs_out is not None:
        with docs_out.open("w", encoding="utf-8") as handle:
            for card in cards:
                handle.write(json.dumps(card, ensure_ascii=False) + "\n")
    if failures:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``statecheck`` command."""
    app()


if __name__ == "__main__":
    main()
