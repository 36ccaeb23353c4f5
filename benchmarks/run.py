"""How fast statecheck checks and stores a corpus, and how that grows with its size.

    python benchmarks/run.py                 # 1,000 and 10,000 documents (a few minutes)
    python benchmarks/run.py --full          # also 100,000 (about half an hour on one core)
    python benchmarks/run.py --sizes 500,2000 --quantulum-docs 20 --profile
    python benchmarks/run.py --repeat 3      # each row the fastest of three turns (shared machines)

For each size, in a fresh process each (so that peak memory is that run's alone):

* ``check``: read, extract and verify every document through the library
  (:func:`statecheck.parallel.check_one`, what ``statecheck check`` runs per input), keeping
  nothing, as the command streams;
* ``ingest``: the same, stored in a new SQLite corpus (:func:`statecheck.store.ingest_results`);
* ``check -w N`` and ``ingest -w N``: the same on N worker processes
  (:func:`statecheck.parallel.check_many`; for ingest, this process alone writes), for the
  largest size only.

Throughput is given per wall-clock second and per CPU second of the measuring process
("per core"): the machine may be shared, and CPU time is what another load disturbs least.
Peak memory is the process's maximum resident set. Then the first ``--quantulum-docs``
documents go through quantulum3 (``pip install 'statecheck[bench]'``), a general quantity
extractor, as a reference point, with ``check`` timed on the same texts in the same process.

When the development sets are beside the project (``../shared/corpus``, or ``--real-texts``),
``check`` also runs over those real statements, and their speed and claims per KB are printed
beside the synthetic corpus's: claim-dense text is the slow part, so this tells how far the
corpus's figures carry over to real archives.

The last line is always ``check: X MB/s per core; quantulum3: Y MB/s; ratio: Z``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_module

DEFAULT_SIZES = (1000, 10_000)
FULL_SIZES = (1000, 10_000, 100_000)
TARGET_MB_PER_CORE = 2.0
TARGET_RATIO = 50.0
TARGET_MEMORY_GROWTH = 0.10
TARGET_INGEST_SHARE = 0.80


# --------------------------------------------------------------------------- measurements (child side)


def _paths(root: Path, count: int) -> Iterator[str]:
    """The first ``count`` documents of the corpus, as ``statecheck check ROOT`` walks them: one
    at a time (a list of 100,000 paths would add 30 MB to the peak memory measured)."""
    from statecheck.ingest.inputs import expand_inputs

    return itertools.islice(expand_inputs([root]), count)


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _timed(run: Callable[[], tuple[int, int]]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    claims, failed = run()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "claims": claims, "failed": failed}


def _count(outcomes: Iterable[Any]) -> tuple[int, int]:
    """Claims found, and inputs that failed (a failure is fast: a run with any is not a measure)."""
    claims = failed = 0
    for outcome in outcomes:
        if outcome.document is not None:
            claims += len(outcome.document.claims)
        elif outcome.failed:
            failed += 1
    return claims, failed


def measure(task: str, root: Path, count: int, workers: int) -> dict[str, Any]:
    """Run one measurement in this (fresh) process; returns its figures."""
    from statecheck.options import Options
    from statecheck.parallel import SETTLE_AFTER, check_many, check_one, settle

    size = sum(os.path.getsize(path) for path in _paths(root, count))
    options = Options()
    # A few documents first, untimed: lexicons (one per language), patterns and reference
    # series load on first use, once per process; a long run pays that once. Then the process
    # settles as `statecheck check` and `ingest` settle theirs after as many documents
    # (statecheck.parallel.settled: what is alive now leaves the garbage collector's view).
    for path in _paths(root, SETTLE_AFTER):
        check_one(path, options)
    settle()
    objects = len(gc.get_objects())
    figures: dict[str, Any]
    if task == "check":
        figures = _timed(lambda: _count(check_one(path, options) for path in _paths(root, count)))
    elif task == "check-parallel":
        figures = _timed(lambda: _count(check_many(_paths(root, count), options, workers=workers)))
    elif task in ("ingest", "ingest-parallel"):
        from statecheck import store

        with tempfile.TemporaryDirectory() as folder, store.open_store(Path(folder) / "corpus.db") as corpus:
            def run_ingest() -> tuple[int, int]:
                claims = failed = 0
                for result in store.ingest_results(corpus, _paths(root, count), options, workers=workers):
                    claims += result.claims
                    failed += result.status is None
                return claims, failed
            figures = _timed(run_ingest)
    else:
        raise SystemExit(f"unknown task {task}")
    gc.collect()
    # Objects still alive after the run, beyond those alive before it: what streaming keeps (the
    # peak resident memory also moves with the largest document's transient work).
    kept = len(gc.get_objects()) - objects
    return {"task": task, "docs": count, "bytes": size, "workers": workers, "peak_mb": _peak_mb(), "kept": kept,
            **figures}


def measure_quantulum(root: Path, count: int) -> dict[str, Any]:
    """quantulum3 and ``check`` on the same first ``count`` documents, CPU time, in this process."""
    from statecheck.options import Options
    from statecheck.parallel import check_one

    files = list(_paths(root, count))
    texts = [Path(path).read_text("utf-8") for path in files]
    size = sum(len(text.encode("utf-8")) for text in texts)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed": not needed here
            from quantulum3 import parser
    except Exception as error:  # noqa: BLE001 - any failure to import means: no reference point
        return {"error": f"{type(error).__name__}: {error}"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse(texts[0])  # its first call loads its data
        cpu = time.process_time()
        quantities = sum(len(parser.parse(text)) for text in texts)
        quantulum_cpu = time.process_time() - cpu
    options = Options()
    # Untimed first pass, as quantulum3's first call above: each language's lexicons and patterns
    # are built on first use, once per process, and these documents are in four languages.
    for path in files:
        check_one(str(path), options)
    cpu = time.process_time()
    claims = sum(len(o.document.claims) if (o := check_one(str(path), options)).document else 0 for path in files)
    check_cpu = time.process_time() - cpu
    return {"docs": count, "bytes": size, "quantulum_cpu": quantulum_cpu, "quantities": quantities,
            "check_cpu": check_cpu, "claims": claims}


def measure_real_texts(folder: Path, passes: int = 10) -> dict[str, Any]:
    """``check`` on real statements (the development sets beside the project, when present), to
    compare the synthetic corpus with: CPU time over ``passes`` passes, after an untimed one."""
    from statecheck.options import Options
    from statecheck.parallel import check_one

    files = sorted(folder.glob("*/*.txt"))
    options = Options()
    claims = _count(check_one(str(path), options) for path in files)[0]
    cpu = time.process_time()
    for _ in range(passes):
        for path in files:
            check_one(str(path), options)
    return {"docs": len(files), "bytes": sum(path.stat().st_size for path in files) * passes,
            "cpu": time.process_time() - cpu, "claims": claims, "passes": passes}


def profile(root: Path, count: int, top: int) -> str:
    """pyinstrument's view of ``check`` over ``count`` documents (top ``top`` functions by own time)."""
    from pyinstrument import Profiler

    from statecheck.options import Options
    from statecheck.parallel import check_one

    files = list(_paths(root, count))
    options = Options()
    # Untimed first pass: the profile is of a long run, where building each language's patterns
    # on first use (Python's regex compiler) is paid once and does not show.
    for path in files:
        check_one(path, options)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for path in files:
        check_one(str(path), options)
    profiler.stop()
    session = profiler.last_session
    assert session is not None
    own: dict[str, float] = {}

    def walk(frame: Any) -> None:
        # A frame's own time: its time less its real children's ("[self]" leaves are its own).
        seconds = frame.time - sum(child.time for child in frame.children if not child.is_synthetic)
        key = f"{frame.function}  {_short(frame.file_path)}:{frame.line_no}"
        own[key] = own.get(key, 0.0) + seconds
        for child in frame.children:
            if not child.is_synthetic:
                walk(child)

    root_frame = session.root_frame()
    if root_frame is not None:
        walk(root_frame)
    total = session.duration or 1.0
    lines = [f"top {top} functions by own time, check of {count} documents ({total:.2f} s sampled):"]
    for key, seconds in sorted(own.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {100 * seconds / total:5.1f}%  {seconds:7.3f} s  {key}")
    tree = profiler.output_text(unicode=False, color=False, show_all=False)
    return "\n".join(lines) + "\n\ncall tree:\n" + tree


def _short(path: str | None) -> str:
    if not path:
        return "?"
    for marker in ("/statecheck/", "/site-packages/", "/lib/python"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# --------------------------------------------------------------------------- the driver (parent side)


def _child(*args: str) -> dict[str, Any]:
    """Run ``run.py --child ...`` in a fresh interpreter and return the JSON it prints."""
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"benchmark child {' '.join(args)} failed:\n{completed.stderr}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def _repeated(times: int, runs: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    """Each run ``times`` times, in turns (check, ingest, check, ingest …), keeping the fastest of
    each, with the highest peak memory of its turns. On a shared machine whose speed drifts by a
    quarter within minutes, runs in turns see the same drift, and the fastest is the one another
    load disturbed least (as ``timeit`` reports its best)."""
    best: list[dict[str, Any]] = []
    for turn in range(times):
        for position, run in enumerate(runs):
            result = _child(*run)
            if turn == 0:
                best.append(result)
                continue
            peak = max(result["peak_mb"], best[position]["peak_mb"])
            if result["wall"] < best[position]["wall"]:
                best[position] = result
            best[position]["peak_mb"] = peak
    for result in best:
        result["turns"] = times
    return best


def _prepare(root: Path, count: int, seed: int) -> None:
    marker = root / "corpus.json"
    if marker.is_file():
        known = json.loads(marker.read_text())
        # A corpus written by an older generator is rewritten: its texts (and timings) differ.
        if known.get("seed") == seed and known.get("count", 0) >= count and known.get("version") == corpus_module.VERSION:
            return
    started = time.perf_counter()
    info = corpus_module.write_corpus(root, count, seed)
    marker.write_text(json.dumps({"seed": seed, "count": count, "version": corpus_module.VERSION}))
    print(f"corpus: {len(info.files):,} documents, {info.bytes / 1e6:.1f} MB written to {root} "
          f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _mb(figures: dict[str, Any], clock: str) -> float:
    return float(figures["bytes"]) / 1e6 / max(float(figures[clock]), 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--full", action="store_true", help="sizes 1,000, 10,000 and 100,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "statecheck-bench",
                        help="where the generated corpus is kept between runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the parallel row (default: cores); 1 leaves it out")
    parser.add_argument("--quantulum-docs", type=int, default=60, help="documents given to quantulum3 (slow)")
    parser.add_argument("--no-ingest", action="store_true", help="leave out the SQLite ingest rows")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run check and ingest this many times each, in turns, and keep the fastest "
                             "(steadier figures on a shared machine)")
    parser.add_argument("--real-texts", type=Path, default=HERE.parent.parent / "shared" / "corpus",
                        help="folder of folders of real .txt statements to compare with (skipped if absent)")
    parser.add_argument("--profile", type=int, nargs="?", const=300, default=0, metavar="DOCS",
                        help="also profile check over DOCS documents (default 300) and print the top entries")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind, root, count, *rest = args.child
        if kind == "quantulum":
            result = measure_quantulum(Path(root), int(count))
        elif kind == "real":
            result = measure_real_texts(Path(root))
        elif kind == "profile":
            print(profile(Path(root), int(count), int(rest[0])))
            return 0
        else:
            result = measure(kind, Path(root), int(count), int(rest[0]) if rest else 1)
        print(json.dumps(result))
        return 0

    sizes = sorted({int(s) for s in args.sizes.split(",")}) if args.sizes else list(FULL_SIZES if args.full else DEFAULT_SIZES)
    root = args.corpus
    root.mkdir(parents=True, exist_ok=True)
    _prepare(root, max(sizes), args.seed)
    rows: list[dict[str, Any]] = []
    for size in sizes:
        tasks = ["check"] if args.no_ingest else ["check", "ingest"]
        rows.extend(_repeated(args.repeat, [(task, str(root), str(size)) for task in tasks]))
    if args.workers > 1:
        tasks = ["check-parallel"] if args.no_ingest else ["check-parallel", "ingest-parallel"]
        rows.extend(_repeated(args.repeat, [(task, str(root), str(max(sizes)), str(args.workers)) for task in tasks]))
    reference = _child("quantulum", str(root), str(min(args.quantulum_docs, max(sizes)))) if args.quantulum_docs else None
    real = _child("real", str(args.real_texts), "0") if args.real_texts.is_dir() else None

    print(f"statecheck benchmark: seed {args.seed}, {os.cpu_count()} cores, corpus in {root}")
    header = (f"{'task':<16}{'docs':>9}{'MB':>8}{'wall s':>9}{'docs/s':>9}{'MB/s':>8}{'MB/s/core':>11}"
              f"{'claims':>10}{'failed':>8}{'peak MB':>9}{'kept objs':>11}")
    print(header)
    print("-" * len(header))
    for row in rows:
        name = row["task"] if row["workers"] == 1 else f"{row['task'].split('-')[0]} -w {row['workers']}"
        per_core = _mb(row, "cpu") if row["workers"] == 1 else _mb(row, "wall") / row["workers"]
        print(f"{name:<16}{row['docs']:>9,}{row['bytes'] / 1e6:>8.1f}{row['wall']:>9.1f}"
              f"{row['docs'] / row['wall']:>9.0f}{_mb(row, 'wall'):>8.2f}{per_core:>11.2f}"
              f"{row['claims']:>10,}{row['failed']:>8,}{row['peak_mb']:>9.0f}{row['kept']:>+11,}")
    print("(MB/s/core: bytes per CPU second of the measuring process; for -w N, wall MB/s / N. "
          "kept objs: objects alive after the run beyond those before it"
          + (f"; each row the fastest of {args.repeat} turns)" if args.repeat > 1 else ")"))
    broken = [row for row in rows if row["failed"]]
    for row in broken:
        # A failed input costs next to nothing: such a row overstates the speed.
        print(f"WARNING: {row['failed']:,} of {row['docs']:,} inputs failed in {row['task']} "
              f"(-w {row['workers']}); its figures are not a measure. Is the extractor broken?")

    checks = [r for r in rows if r["task"] == "check"]
    ingests = [r for r in rows if r["task"] == "ingest"]
    check_speed = _mb(checks[-1], "cpu")
    verdicts = []
    verdicts.append(f"check >= {TARGET_MB_PER_CORE} MB/s per core: {check_speed:.2f} "
                    f"[{'met' if check_speed >= TARGET_MB_PER_CORE else 'NOT met'}]")
    for series in (checks, ingests):
        if len(series) > 1:
            first, last = series[0], series[-1]
            growth = last["peak_mb"] / first["peak_mb"] - 1
            speed = _mb(last, "cpu") / _mb(first, "cpu") - 1
            verdicts.append(
                f"{first['task']} {first['docs']:,} -> {last['docs']:,} docs: peak memory {growth:+.1%}, "
                f"objects kept {first['kept']:+,} -> {last['kept']:+,}, throughput {speed:+.1%} "
                f"[{'flat' if abs(growth) <= TARGET_MEMORY_GROWTH else 'NOT flat'}]"
            )
    if ingests:
        for check, ingest in zip(checks, ingests):
            share = _mb(ingest, "wall") / _mb(check, "wall")
            cpu_share = _mb(ingest, "cpu") / _mb(check, "cpu")
            verdicts.append(f"ingest of {ingest['docs']:,} into SQLite at {share:.0%} of check's speed (wall clock; "
                            f"CPU time: {cpu_share:.0%}) [{'met' if share >= TARGET_INGEST_SHARE else 'NOT met'}]")
    ratio_line: str
    if reference is None:
        ratio_line = f"check: {check_speed:.2f} MB/s per core; quantulum3: skipped; ratio: n/a"
    elif "error" in reference:
        print(f"quantulum3 unavailable ({reference['error']}); pip install 'statecheck[bench]'")
        ratio_line = f"check: {check_speed:.2f} MB/s per core; quantulum3: unavailable; ratio: n/a"
    else:
        q_speed = reference["bytes"] / 1e6 / reference["quantulum_cpu"]
        same_texts = reference["bytes"] / 1e6 / reference["check_cpu"]
        ratio = same_texts / q_speed
        print(f"reference, first {reference['docs']} documents ({reference['bytes'] / 1e6:.2f} MB), CPU time: "
              f"quantulum3 {q_speed:.3f} MB/s ({reference['quantities']:,} quantities), check {same_texts:.2f} MB/s "
              f"({reference['claims']:,} claims)")
        verdicts.append(f"check >= {TARGET_RATIO:.0f}x quantulum3: {ratio:.0f}x "
                        f"[{'met' if ratio >= TARGET_RATIO else 'NOT met'}]")
        ratio_line = f"check: {check_speed:.2f} MB/s per core; quantulum3: {q_speed:.3f} MB/s; ratio: {ratio:.0f}"
    if real is not None:
        synthetic = checks[-1]
        print(f"real statements ({real['docs']} in {args.real_texts}), CPU time: check {_mb(real, 'cpu'):.2f} MB/s, "
              f"{real['claims'] / (real['bytes'] / real['passes'] / 1e3):.1f} claims per KB; the synthetic corpus: "
              f"{_mb(synthetic, 'cpu'):.2f} MB/s, {synthetic['claims'] / (synthetic['bytes'] / 1e3):.1f} claims per KB")
    print("targets:")
    for verdict in verdicts:
        print(f"  {verdict}")
    if args.profile:
        print()
        print(_profile_text(root, min(args.profile, max(sizes))))
    print(ratio_line)
    return 0


def _profile_text(root: Path, count: int) -> str:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", "profile", str(root), str(count), "25"],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        return f"profile failed (pip install pyinstrument?):\n{completed.stderr[-2000:]}"
    return completed.stdout.rstrip()


if __name__ == "__main__":
    sys.exit(main())
