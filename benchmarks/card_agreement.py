#!/usr/bin/env python3
"""Print how the document cards of the development sets agree with their gold ``docs.jsonl``.

    python benchmarks/card_agreement.py [SHARED_DIR] [--show]

For each set (seeds, news): how many documents have the gold date, issuers (exact strings,
and the same entities after ``entity_key``), title, place and language. ``--show`` prints
every disagreement.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from statecheck import check_path
from statecheck.extract.issuers import entity_key
from statecheck.options import Options

FIELDS = ("date", "issuers", "issuers_entity", "title", "place", "language")


def agreement(set_dir: Path) -> tuple[dict[str, int], int, list[str]]:
    gold = {row["doc"]: row for row in map(json.loads, (set_dir / "gold" / "docs.jsonl").read_text().splitlines()) if row}
    counts = dict.fromkeys(FIELDS, 0)
    errors: list[str] = []
    options = Options(verify=False, demands=False)
    for doc, expected in sorted(gold.items()):
        card = check_path(set_dir / f"{doc}.txt", options=options).card
        got = card.to_record()
        got["issuers_entity"] = [entity_key(n) for n in got["issuers"]]
        want = dict(expected, issuers_entity=[entity_key(n) for n in expected["issuers"]])
        for name in FIELDS:
            if got[name] == want[name]:
                counts[name] += 1
            elif name != "issuers_entity":
                errors.append(f"{doc} {name}: got {got[name]!r}, gold {want[name]!r}")
    return counts, len(gold), errors


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared"
    for name in ("seeds", "news"):
        counts, total, errors = agreement(shared / "corpus" / name)
        print(f"{name}: " + ", ".join(f"{k} {v}/{total}" for k, v in counts.items()))
        if "--show" in sys.argv:
            for line in errors:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
