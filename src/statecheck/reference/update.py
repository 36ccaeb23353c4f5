"""``reference update``: fetch the current Tech for Palestine files and replace the local copies.

All or nothing: every file is downloaded (with a timeout and a size limit), parsed with the
same code that loads it, and compared with the copy in use before any is replaced. A download
that fails, is cut short, is not valid, or is older than the copy in use leaves every copy as
it was.

The new copies are written, flushed to disk, into a new snapshot folder next to the one in use
(``techforpalestine/snapshot-…/``); then ``techforpalestine/CURRENT``, which names the snapshot
in use, is replaced by a rename, the one atomic step that switches every file at once. Killed
at any moment before that rename, the previous snapshot is in use, whole; after it, the new
one. The snapshot before the previous one, and whatever a killed update left, are removed by the
next update (the previous one stays, for a reader that opened it just before the switch).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import httpx

from statecheck.errors import ReferenceDataError, UsageError
from statecheck.options import Limits
from statecheck.reference.catalog import (
    BUNDLED_DIR,
    CURRENT,
    SNAPSHOT_PREFIX,
    TFP_DIR,
    reference_home,
    sync_folder,
    tfp_folder,
    tfp_path,
    write_atomically,
)
from statecheck.reference.series import parse_day
from statecheck.reference.tfp import (
    GAZA_CASUALTIES,
    INFRASTRUCTURE,
    LEBANON,
    WEST_BANK,
    last_report_date,
    load_rows,
    series_from_rows,
    sha256_hex,
)

DEFAULT_BASE_URL = "https://data.techforpalestine.org/api"
ENV_BASE_URL = "STATECHECK_REFERENCE_URL"

#: The versioned API endpoint of each file, under the base URL (the snapshot README's list).
ENDPOINTS: dict[str, str] = {
    GAZA_CASUALTIES: "v2/casualties_daily.json",
    WEST_BANK: "v2/west_bank_daily.json",
    INFRASTRUCTURE: "v3/infrastructure-damaged.json",
    LEBANON: "v3/lebanon_casualties_daily.json",
}
MANIFEST = "manifest.json"
#: Held (``flock``) while a snapshot is written and switched to.
LOCK = ".lock"


@dataclass(frozen=True)
class UpdateResult:
    """What happened to one file."""

    file: str
    url: str
    status: Literal["updated", "unchanged"]
    last_date: date
    """The last report date of the new copy."""
    previous_last_date: date
    """The last report date of the copy it replaced (or kept)."""
    sha256: str


def base_url(explicit: str | None = None) -> str:
    """The API base URL: the argument, else ``$STATECHECK_REFERENCE_URL``, else the upstream API."""
    url = explicit or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise UsageError(f"reference URL must be an http(s) URL, not {url!r}")
    return url.rstrip("/")


def update(
    *,
    url: str | None = None,
    reference_dir: Path | None = None,
    limits: Limits | None = None,
    transport: httpx.BaseTransport | None = None,
) -> tuple[UpdateResult, ...]:
    """Fetch every Tech for Palestine file; replace the local copies only if all are valid and none older.

    Raises :class:`ReferenceDataError` naming the URL and the problem (HTTP status, timeout,
    truncated body, size limit, malformed data, older data); nothing is replaced then.
    """
    limits = limits or Limits()
    root = base_url(url)
    home = reference_home(reference_dir)
    fetched: list[tuple[UpdateResult, bytes]] = []
    with httpx.Client(
        timeout=limits.url_timeout, follow_redirects=True, max_redirects=limits.max_redirects,
        transport=transport, headers={"User-Agent": "statecheck (reference update)"},
    ) as client:
        for name, endpoint in ENDPOINTS.items():
            file_url = f"{root}/{endpoint}"
            data = _download(client, file_url, limits.max_bytes)
            try:
                rows = load_rows(name, data)
                series_from_rows(name, rows, "")  # the same checks as loading: fail here, not at check time
                new_last = parse_day(rows[-1]["report_date"])
            except ReferenceDataError as error:
                raise ReferenceDataError(f"not valid: {error.message}", location=file_url) from None
            current = _current(name, home)
            old_last = last_report_date(name, current)
            if new_last < old_last:
                raise ReferenceDataError(
                    f"older than the copy in use (last report {new_last}, ours {old_last}); kept ours",
                    location=file_url,
                )
            status: Literal["updated", "unchanged"] = "unchanged" if data == current else "updated"
            fetched.append((UpdateResult(name, file_url, status, new_last, old_last, sha256_hex(data)), data))
    target = home / TFP_DIR
    try:
        target.mkdir(parents=True, exist_ok=True)
        with _locked(target):
            _install(target, fetched)
    except OSError as error:
        raise ReferenceDataError(f"cannot write the new copies ({error})", location=str(target)) from None
    return tuple(result for result, _ in fetched)


def _install(target: Path, fetched: list[tuple[UpdateResult, bytes]]) -> None:
    """Write a new snapshot folder, switch ``CURRENT`` to it, then remove what is no longer needed."""
    try:
        previous: str | None = tfp_folder(target.parent).name if (target / CURRENT).exists() else None
    except ReferenceDataError:
        previous = None  # a broken pointer: replaced below
    snapshot = Path(tempfile.mkdtemp(prefix=f"{SNAPSHOT_PREFIX}{datetime.now(UTC):%Y%m%dT%H%M%S}-", dir=target))
    try:
        os.chmod(snapshot, 0o755)  # mkdtemp makes a private folder
        for result, data in fetched:
            if data != _bundled(result.file):  # a file the same as the bundled one is read from there
                _write_flushed(snapshot / result.file, data)
        _write_flushed(snapshot / MANIFEST, _manifest(fetched))
        sync_folder(snapshot)
        sync_folder(target)
        # The switch: one rename. Before it the previous snapshot is in use, after it this one.
        write_atomically(target / CURRENT, snapshot.name.encode("ascii") + b"\n")
    except BaseException:
        shutil.rmtree(snapshot, ignore_errors=True)
        raise
    _remove_stale(target, keep={snapshot.name, previous})


def _write_flushed(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _remove_stale(target: Path, keep: set[str | None]) -> None:
    """Remove older snapshots, folders and temporary files of killed updates, and copies an older
    statecheck wrote loose in the folder; never the snapshot in use or the one before it."""
    for entry in target.iterdir():
        if entry.name in keep or entry.name in {CURRENT, LOCK}:
            continue
        if entry.name.startswith(SNAPSHOT_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name in ENDPOINTS or entry.name == MANIFEST or (
            entry.name.startswith(".") and entry.name.endswith(".part")
        ):
            with contextlib.suppress(OSError):
                entry.unlink()



@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder while writing (two updates at once take turns), where
    the platform has ``flock``; the lock goes with the process, so a killed update leaves none."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with (target / LOCK).open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _bundled(name: str) -> bytes:
    return (BUNDLED_DIR / TFP_DIR / name).read_bytes()


def _current(name: str, home: Path) -> bytes:
    """The copy in use; the bundled one when the updated copy cannot be read as valid data."""
    try:
        path = tfp_path(name, home)
        data = path.read_bytes()
        last_report_date(name, data)
        return data
    except (OSError, ReferenceDataError):
        return _bundled(name)


def _download(client: httpx.Client, url: str, max_bytes: int) -> bytes:
    try:
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                raise ReferenceDataError(f"HTTP status {response.status_code}", location=url)
            declared = response.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                raise ReferenceDataError(f"larger than the limit of {max_bytes} bytes", location=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ReferenceDataError(f"larger than the limit of {max_bytes} bytes", location=url)
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise ReferenceDataError("timed out", location=url) from None
    except httpx.HTTPError as error:
        # Includes a body cut short (the server closed before Content-Length bytes were sent).
        raise ReferenceDataError(f"download failed ({error})", location=url) from None
    return b"".join(chunks)


def _manifest(fetched: list[tuple[UpdateResult, bytes]]) -> bytes:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    files = {
        result.file: {"url": result.url, "sha256": result.sha256, "last_report_date": result.last_date.isoformat()}
        for result, _ in fetched
    }
    return json.dumps({"fetched_at": now, "files": files}, indent=2).encode("utf-8") + b"\n"
