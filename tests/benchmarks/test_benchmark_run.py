"""``benchmarks/run.py`` end to end on a tiny corpus: the table, the verdicts and the last line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_prints_its_table_and_ends_with_the_ratio_line(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "12", "--workers", "1",
         "--quantulum-docs", "0", "--repeat", "2", "--corpus", str(tmp_path / "corpus"),
         "--real-texts", str(tmp_path / "none")],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.strip().splitlines()
    rows = {line.split()[0]: line.split() for line in lines if re.match(r"(check|ingest)\s+12\b", line)}
    assert set(rows) == {"check", "ingest"}
    assert rows["check"][7] == rows["ingest"][7] != "0"  # both stored or printed the same claims
    assert "each row the fastest of 2 turns" in completed.stdout
    assert re.search(r"ingest of 12 into SQLite at \d+% of check's speed \(wall clock; CPU time: \d+%\)",
                     completed.stdout)
    assert re.fullmatch(r"check: \d+\.\d\d MB/s per core; quantulum3: skipped; ratio: n/a", lines[-1])
