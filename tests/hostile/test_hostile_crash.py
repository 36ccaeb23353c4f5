"""Crash safety: SIGKILL at any moment loses nothing that was stored and corrupts nothing.

* ``statecheck ingest`` (a real subprocess) is killed at random points, during start-up, the
  migrations, and between and inside the one-transaction-per-document writes. After every kill
  the SQLite file passes ``PRAGMA integrity_check`` and ``foreign_key_check``, opens with
  :func:`statecheck.store.open_store`, and holds each document either completely (all its claims)
  or not at all; a final run stores every document exactly once.
* ``reference update`` is killed before each of its file-system calls in turn (every point
  between two of them), and a real ``reference update`` process is killed at random moments:
  the files in use always load and always come from one snapshot, the previous one until the
  pointer to the new one is renamed into place, the new one after; the next update leaves
  nothing behind but the snapshot in use and the one before it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from local_server import QuietHandler, serving
from statecheck import pipeline
from statecheck.options import Options
from statecheck.reference import BUNDLED_DIR, ENDPOINTS, load_catalog, update
from statecheck.reference.catalog import tfp_folder, tfp_path
from statecheck.store import open_store

DOCUMENTS = 30
SEED = 7


def statecheck() -> list[str]:
    script = Path(sys.executable).with_name("statecheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "statecheck.cli"]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """Documents, each with its own numbers, and how many claims each must have in the store."""
    folder = tmp_path_factory.mktemp("inbox")
    expected: dict[str, int] = {}
    for n in range(DOCUMENTS):
        path = folder / f"statement-{n:02d}.txt"
        path.write_text(
            f"Statement {n}\n\nIn Gaza, {1000 + n:,} people were killed and {3000 + n:,} injured, "
            f"the ministry said on {1 + n % 28} November 2023. In the West Bank, {40 + n} people were "
            f"detained. More than {n + 2} schools were damaged.\n" * (1 + n % 3),
            encoding="utf-8",
        )
        expected[str(path)] = len(pipeline.check_path(path, Options(verify=False)).claims)
    return folder, expected


def stored(db: Path) -> dict[str, int]:
    """Check the file as SQLite sees it after a crash; return claims per stored location."""
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            return {}  # killed before the first migration committed: an empty database
        duplicates = connection.execute(
            "SELECT location, version, count(*) FROM documents GROUP BY location, version HAVING count(*) > 1"
        ).fetchall()
        assert duplicates == []
        return dict(
            connection.execute(
                "SELECT d.location, count(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
                "GROUP BY d.id"
            ).fetchall()
        )
    finally:
        connection.close()


def count_documents(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        # Small batches, so that kills fall inside and between several commits.
        [*statecheck(), "ingest", str(folder), "--db", str(db), "--workers", "1", "--no-verify", "--commit-every", "3"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_ingest_killed_at_random_points(inbox: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    folder, expected = inbox
    db = tmp_path / "corpus.db"
    rng = random.Random(SEED)
    kills = []
    # First a kill at a random moment of start-up or migration, then kills once a random number
    # of documents is stored, a few milliseconds later: inside or between their transactions.
    plans: list[tuple[str, float]] = [("time", rng.uniform(0.3, 1.5))]
    plans += [("documents", rng.uniform(0.1, 0.9)) for _ in range(2)]
    for kind, value in plans:
        process = ingest(folder, db)
        if kind == "time":
            time.sleep(value)
        else:
            target = count_documents(db) + max(1, int(value * (DOCUMENTS - count_documents(db))))
            deadline = time.monotonic() + 60
            while count_documents(db) < target and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        found = stored(db)
        kills.append((kind, round(value, 2), process.returncode, len(found)))
        for location, claims in found.items():
            assert claims == expected[location], (location, claims, kills)  # whole, or not there
        with open_store(db):
            pass  # opens (and migrates) after the crash
    assert all(code == -signal.SIGKILL for _, _, code, _ in kills), kills  # none had finished
    assert 0 < len({count for *_, count in kills} - {0}), kills  # some kills came after some documents
    finish = ingest(folder, db)
    _, errors = finish.communicate(timeout=120)
    assert finish.returncode == 0, errors.decode()
    final = stored(db)
    print("kills (plan, value, return code, documents stored):", kills)
    assert final == expected  # every document exactly once, each with all its claims


# --------------------------------------------------------------------------- reference update


def versions() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two releases upstream, both valid and not older than the bundled copies, different bytes
    (every 25th day of the bundled files and the last: small, so that each update is quick)."""
    old, new = {}, {}
    for name in ENDPOINTS:
        every = json.loads((BUNDLED_DIR / "techforpalestine" / name).read_bytes())
        rows = every[::25] + ([every[-1]] if (len(every) - 1) % 25 else [])
        old[name] = json.dumps(rows, indent=1).encode()
        new[name] = json.dumps(rows, separators=(",", ":")).encode()
    return old, new


@pytest.fixture
def upstream() -> Iterator[tuple[str, dict[str, dict[str, bytes]]]]:
    """A server with releases under ``/<release>/api/…``: ``served[release][file name]``."""
    served: dict[str, dict[str, bytes]] = {}

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            release = self.path.split("/")[1]
            name = next((n for n, endpoint in ENDPOINTS.items() if self.path.endswith("/" + endpoint)), None)
            body = served.get(release, {}).get(name or "")
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Handler) as base:
        yield base, served


def in_use(folder: Path) -> dict[str, bytes]:
    """The bytes of each file a check would read now (one snapshot, read as the loader reads it)."""
    snapshot = tfp_folder(folder)
    return {name: tfp_path(name, folder, snapshot).read_bytes() for name in ENDPOINTS}


#: The file-system calls an update makes; the child is killed just before the n-th of them.
HOOKED = ("mkdir", "open", "fsync", "chmod", "replace", "rename", "unlink", "rmdir")


def _update_and_die(base: str, folder: Path, at: int, log: Path) -> None:
    """In a forked child: run the update, SIGKILL itself just before the ``at``-th hooked call
    (``at`` 0: never; the calls made are then written to ``log``)."""
    calls: list[str] = []

    def hooked(name: str, real: object) -> object:
        def hook(*args: object, **kwargs: object) -> object:
            calls.append(" ".join([name, *(os.fsdecode(a) for a in args if isinstance(a, (str, bytes, os.PathLike)))]))
            if len(calls) == at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)  # type: ignore[operator]

        return hook

    for name in HOOKED:
        setattr(os, name, hooked(name, getattr(os, name)))
    update(url=base, reference_dir=folder)
    log.write_text("\n".join(calls), encoding="utf-8")
    os._exit(0)


def _fork_update(base: str, folder: Path, at: int, log: Path) -> int:
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            _update_and_die(base, folder, at, log)
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    return status


def test_reference_update_killed_before_each_file_system_call(
    upstream: tuple[str, dict[str, dict[str, bytes]]], tmp_path: Path
) -> None:
    base, served = upstream
    old, new = versions()
    served.update(old=old, new=new)
    template = tmp_path / "template"
    template.mkdir()
    update(url=f"{base}/old/api", reference_dir=template)
    update(url=f"{base}/old/api", reference_dir=template)  # two snapshots: the next update removes one
    assert in_use(template) == old

    # A dry run: the calls an update makes, and which one switches to the new snapshot.
    dry = tmp_path / "dry"
    shutil.copytree(template, dry)
    log = tmp_path / "calls.txt"
    assert os.WEXITSTATUS(_fork_update(f"{base}/new/api", dry, 0, log)) == 0
    calls = log.read_text(encoding="utf-8").splitlines()
    switch = next(n for n, call in enumerate(calls, 1) if call.startswith("replace ") and call.endswith("/CURRENT"))
    assert in_use(dry) == new
    assert len(calls) > 10, calls

    outcomes = []
    for at in range(1, len(calls) + 1):
        folder = tmp_path / f"killed-{at}"
        shutil.copytree(template, folder)
        status = _fork_update(f"{base}/new/api", folder, at, log)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (at, calls[at - 1])
        load_catalog(folder)  # the files in use load
        now = in_use(folder)
        expected = old if at <= switch else new  # killed before the n-th call: n - 1 calls made
        assert now == expected, (at, calls[at - 1])  # one snapshot, never a mix
        outcomes.append("old" if now == old else "new")
        # The next update finishes the job and leaves only the snapshot in use and the one before.
        update(url=f"{base}/new/api", reference_dir=folder)
        assert in_use(folder) == new
        left = sorted(p.name for p in (folder / "techforpalestine").iterdir())
        assert left[:2] == [".lock", "CURRENT"] and len(left) == 4, (at, left)
        assert not list((folder / "techforpalestine").rglob("*.part")), at
    assert outcomes.count("old") == switch and outcomes.count("new") == len(calls) - switch
    print(f"reference update killed before each of its {len(calls)} file-system calls: "
          f"{outcomes.count('old')} times the previous snapshot in use, {outcomes.count('new')} times the new one")


RUNNER = """
import os, sys, time
from statecheck.reference import update
real_fsync = os.fsync
def slow_fsync(fd):  # widens the window in which the kill lands inside the writes
    time.sleep(0.01)
    real_fsync(fd)
os.fsync = slow_fsync
base, folder = sys.argv[1], sys.argv[2]
print("ready", flush=True)
while True:
    for release in ("a", "b"):
        update(url=f"{base}/{release}/api", reference_dir=folder)
        print("done", release, flush=True)
"""


def test_reference_update_process_killed_at_random_moments(
    upstream: tuple[str, dict[str, dict[str, bytes]]], tmp_path: Path
) -> None:
    """A real process updating again and again, from two releases in turn, killed at random."""
    base, served = upstream
    a, b = versions()
    served.update(a=a, b=b)
    folder = tmp_path / "reference"
    folder.mkdir()
    rng = random.Random(SEED)
    seen = []
    for _ in range(10):
        process = subprocess.Popen([sys.executable, "-c", RUNNER, base, str(folder)], stdout=subprocess.PIPE)
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        # Let it finish 1 to 3 updates, then kill it at a random moment of the next one (however
        # loaded the machine, the moment falls within an update: most of one is writing).
        started = time.monotonic()
        for _ in range(rng.randint(1, 3)):
            assert process.stdout.readline().startswith(b"done ")
            cycle, started = time.monotonic() - started, time.monotonic()
        time.sleep(rng.uniform(0.0, cycle))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        load_catalog(folder)
        now = in_use(folder)
        bundled = {name: (BUNDLED_DIR / "techforpalestine" / name).read_bytes() for name in ENDPOINTS}
        assert now in (a, b, bundled)  # one release whole, never a mix
        copies = folder / "techforpalestine"
        in_flight = [p.name for p in copies.iterdir() if p.name.startswith("snapshot-")
                     and p.name != tfp_folder(folder).name]
        seen.append(("a" if now == a else "b" if now == b else "bundled", len(in_flight)))
    print("kills (release in use, snapshots besides it):", seen)
    assert {"a", "b"} <= {release for release, _ in seen}, seen
    # Some kills landed while a snapshot was being written (more than the one previous snapshot).
    assert any(count > 1 for _, count in seen), seen
