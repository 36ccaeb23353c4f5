"""The gold claims of both development sets, verified against the bundled snapshot.

Gold verdicts were computed by an independent implementation of spec §5 over the same
snapshot; every verdict must agree. A row we believe the gold gets wrong goes into
EXPECTED_DISAGREEMENTS with the reason (none so far).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from statecheck.model import Claim
from statecheck.reference.catalog import Catalog, load_catalog
from statecheck.verify import verify_claim

SHARED = Path(os.environ.get("STATECHECK_SHARED", "/work/shared"))
SETS = ("seeds", "news")

#: (set, doc, quote) -> why we keep our §5-faithful verdict instead of the gold one.
EXPECTED_DISAGREEMENTS: dict[tuple[str, str, str], str] = {}


def gold_rows() -> list[Any]:
    rows: list[Any] = []
    for name in SETS:
        path = SHARED / "corpus" / name / "gold" / "claims.jsonl"
        if not path.is_file():
            continue
        for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                rows.append(pytest.param(name, record, id=f"{name}-{index}-{record['doc'][:12]}"))
    return rows


pytestmark = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason="shared corpus not available (set STATECHECK_SHARED)"
)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    # An empty reference folder: only the bundled snapshot, whatever the user has updated or added.
    return load_catalog(tmp_path_factory.mktemp("empty-reference"))


def to_claim(record: dict[str, Any]) -> Claim:
    return Claim(
        doc=record["doc"], quote=record["quote"], value=record["value"], metric=record["metric"],
        unit=record["unit"], bound=record["bound"], value_max=record["value_max"], place=record["place"],
        as_of=record["as_of"], source=record["source"], scope=record["scope"],
        period=tuple(record["period"]) if record["period"] else None,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("name", "record"), gold_rows())
def test_gold_verdict(name: str, record: dict[str, Any], bundled: Catalog) -> None:
    verdict = verify_claim(to_claim(record), bundled)
    key = (name, record["doc"], record["quote"])
    if key in EXPECTED_DISAGREEMENTS:
        assert verdict.verdict != record["verdict"], f"now agrees with gold: {key}"
        return
    assert verdict.verdict == record["verdict"], verdict.reason
    if verdict.verdict != "unverifiable":
        decided = [e for e in verdict.evidence if e.verdict == verdict.verdict]
        assert decided and decided[0].points and decided[0].snapshot


def test_agreement_per_set(bundled: Catalog) -> None:
    """The agreement figure reported to the lead: 100% on each set."""
    for name in SETS:
        path = SHARED / "corpus" / name / "gold" / "claims.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        agree = sum(verify_claim(to_claim(r), bundled).verdict == r["verdict"] for r in records)
        assert agree == len(records) - sum(1 for k in EXPECTED_DISAGREEMENTS if k[0] == name), name
