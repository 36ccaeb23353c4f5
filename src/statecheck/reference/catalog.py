"""Where reference data lives, and the catalog of every series loaded from it.

A *reference folder* holds what the user changed; the bundled snapshot fills in the rest::

    <folder>/techforpalestine/CURRENT                     names the snapshot in use (``reference update``)
    <folder>/techforpalestine/snapshot-…/casualties_daily.json ...   one fetched snapshot
    <folder>/facts.csv                                    optional: replaces the bundled facts
    <folder>/user/<place>.<metric>.<name>.csv + .json     series added by ``reference add``

The folder is ``Options.reference_dir`` when given, else ``$STATECHECK_DATA_DIR/reference``,
else ``reference`` in the platform's user data folder (platformdirs). A file that is not in
the folder is read from the bundled snapshot (``statecheck/reference/data``).
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from statecheck.errors import ReferenceDataError, UsageError
from statecheck.model import METRICS
from statecheck.reference.facts import FACTS_FILE, parse_facts, slug, unit_for
from statecheck.reference.series import UNITS, ReferenceSeries
from statecheck.reference.tfp import FILES, parse_file, sha256_hex
from statecheck.reference.usercsv import parse_user_csv

ENV_DATA_DIR = "STATECHECK_DATA_DIR"
TFP_DIR = "techforpalestine"
#: In :data:`TFP_DIR`: the name of the snapshot folder in use (see :func:`tfp_folder`).
CURRENT = "CURRENT"
SNAPSHOT_PREFIX = "snapshot-"
_SNAPSHOT_NAME = re.compile(r"snapshot-[A-Za-z0-9_-]{1,100}")
USER_DIR = "user"
BUNDLED_DIR = Path(__file__).resolve().parent / "data"
_BUNDLED_TFP_DIR = BUNDLED_DIR / TFP_DIR

USER_CAVEATS = "A series added by the user with `statecheck reference add`; its limits are the user's to state."


def data_dir() -> Path:
    """statecheck's data folder: ``$STATECHECK_DATA_DIR``, else the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return _platform_data_dir()


@functools.lru_cache(maxsize=1)
def _platform_data_dir() -> Path:
    # Asked for every document checked; the platform's answer does not change while we run.
    return Path(platformdirs.user_data_dir("statecheck", appauthor=False))


def reference_home(reference_dir: Path | None = None) -> Path:
    """The reference folder in use (see the module docstring)."""
    if reference_dir is not None:
        return Path(reference_dir).expanduser()
    return _child(data_dir(), "reference")


@dataclass(frozen=True)
class Catalog:
    """Every series available, bundled first, then the user's own."""

    series: tuple[ReferenceSeries, ...]
    by_metric_and_place: dict[tuple[str, str | None], tuple[ReferenceSeries, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index: dict[tuple[str, str | None], list[ReferenceSeries]] = {}
        for s in self.series:
            index.setdefault((s.metric, s.place), []).append(s)
        object.__setattr__(self, "by_metric_and_place", {key: tuple(found) for key, found in index.items()})

    def find(self, metric: str, place: str | None) -> tuple[ReferenceSeries, ...]:
        """The series of ``metric`` in ``place`` (None: the whole war), in catalog order."""
        return self.by_metric_and_place.get((metric, place), ())

    def get(self, series_id: str) -> ReferenceSeries:
        for series in self.series:
            if series.id == series_id:
                return series
        raise ReferenceDataError(f"no reference series {series_id!r}")


def load_catalog(reference_dir: Path | None = None) -> Catalog:
    """Load every series: updated copies and user series from the reference folder, the rest bundled.

    Files are parsed once and cached until they change on disk, so calling this once per
    document costs a few ``stat`` calls.
    """
    home = reference_home(reference_dir)
    # Without the folder (nothing updated or added yet, the usual case) every file is the
    # bundled one: one stat says so, instead of one failed look-up per file.
    in_home = home.is_dir()
    if reference_dir is not None and not in_home:
        raise ReferenceDataError("reference folder does not exist or is not a folder", location=str(home))
    series: list[ReferenceSeries] = []
    folder = tfp_folder(home) if in_home else None  # read once: every file from the same snapshot
    updated = folder is not None and folder.is_dir()
    for name in FILES:
        path = tfp_path(name, home, folder) if updated else _child(_BUNDLED_TFP_DIR, name)
        series.extend(_cached(path, _parse_tfp))
    facts = _child(home, FACTS_FILE)
    series.extend(
        _cached(facts if in_home and facts.is_file() else _child(BUNDLED_DIR, FACTS_FILE), _parse_facts)
    )
    user = _child(home, USER_DIR)
    if in_home and user.is_dir():
        for meta in sorted(user.glob("*.json")):
            series.extend(_cached(meta, _parse_user))
    return _catalog(tuple(series), str(home))


_CATALOGS: dict[tuple[int, ...], Catalog] = {}


def _catalog(series: tuple[ReferenceSeries, ...], home: str) -> Catalog:
    # The parsed series are the same objects while their files are unchanged (_cached): the
    # catalog built from them, with its index, is kept too, for the next document.
    key = tuple(id(s) for s in series)
    catalog = _CATALOGS.get(key)
    if catalog is None or catalog.series != series:
        ids = [s.id for s in series]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ReferenceDataError(f"two series share the id {duplicates[0]}", location=home)
        catalog = Catalog(series)
        if len(_CATALOGS) >= 4:
            _CATALOGS.clear()
        _CATALOGS[key] = catalog
    return catalog


def list_series(reference_dir: Path | None = None) -> tuple[ReferenceSeries, ...]:
    """Every reference series available (``statecheck reference list``)."""
    return load_catalog(reference_dir).series


def tfp_folder(home: Path) -> Path:
    """The folder of the Tech for Palestine copies in use: the snapshot that ``CURRENT`` names.

    ``reference update`` writes each snapshot into a new folder and then replaces ``CURRENT``
    (one atomic rename), so the four files in use always come from one update. Without
    ``CURRENT`` (no update yet, or copies written by an older statecheck, loose in the folder)
    it is the folder itself. A ``CURRENT`` that names no snapshot is an error, not a silent
    return to the bundled data.
    """
    folder = _child(home, TFP_DIR)
    pointer = _child(folder, CURRENT)
    try:
        name = pointer.read_bytes().decode("ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return folder
    except (OSError, UnicodeDecodeError) as error:
        raise ReferenceDataError(f"cannot read the snapshot in use ({error})", location=str(pointer)) from None
    if not _SNAPSHOT_NAME.fullmatch(name) or not (folder / name).is_dir():
        raise ReferenceDataError(
            f"names no snapshot ({name[:80]!r}); run `statecheck reference update` again", location=str(pointer)
        )
    return folder / name


def tfp_path(name: str, home: Path, folder: Path | None = None) -> Path:
    """The copy of a Tech for Palestine file in use: the updated one if any, else the bundled one.

    ``folder`` is :func:`tfp_folder` when the caller has read it already (one snapshot for all files).
    """
    updated = _child(folder or tfp_folder(home), name)
    return updated if updated.is_file() else _child(_BUNDLED_TFP_DIR, name)


@functools.lru_cache(maxsize=64)
def _child(folder: Path, name: str) -> Path:
    """``folder / name``, remembered: the catalog is loaded for every document, and joining
    paths in pathlib costs more than the ``stat`` calls that check the files."""
    return folder / name


# -- loading with a cache keyed on the file's identity on disk ---------------------------------

Parser = Callable[[Path], tuple[ReferenceSeries, ...]]


def _cached(path: Path, parser: Parser) -> tuple[ReferenceSeries, ...]:
    try:
        stat = path.stat()
    except OSError as error:
        raise ReferenceDataError(f"cannot read ({error.strerror})", location=str(path)) from None
    # A replaced file (os.replace in update/add) has a new inode or mtime: the key changes.
    return _parse_once(str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino, parser)


@functools.lru_cache(maxsize=64)
def _parse_once(path: str, mtime_ns: int, size: int, inode: int, parser: Parser) -> tuple[ReferenceSeries, ...]:
    return parser(Path(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ReferenceDataError(f"cannot read ({error.strerror})", location=str(path)) from None


def _parse_tfp(path: Path) -> tuple[ReferenceSeries, ...]:
    try:
        return parse_file(path.name, _read(path))
    except ReferenceDataError as error:
        raise ReferenceDataError(error.message, location=str(path)) from None


def _parse_facts(path: Path) -> tuple[ReferenceSeries, ...]:
    try:
        return parse_facts(_read(path))
    except ReferenceDataError as error:
        raise ReferenceDataError(error.message, location=str(path)) from None


def _parse_user(meta_path: Path) -> tuple[ReferenceSeries, ...]:
    try:
        meta = json.loads(_read(meta_path))
        csv_name = str(meta["csv"])
        fields = {key: meta[key] for key in ("id", "metric", "place", "unit", "source")}
    except (ValueError, KeyError, TypeError) as error:
        raise ReferenceDataError(f"not a user series description ({error})", location=str(meta_path)) from None
    csv_path = meta_path.with_name(csv_name)
    data = _read(csv_path)
    entries = parse_user_csv(data, str(csv_path))
    return (
        ReferenceSeries(
            id=str(fields["id"]), metric=str(fields["metric"]),
            place=None if fields["place"] is None else str(fields["place"]),
            unit=str(fields["unit"]), source=str(fields["source"]), entries=entries,
            snapshot=f"{USER_DIR}/{csv_name}@sha256:{sha256_hex(data)}",
            caveats=str(meta.get("caveats") or USER_CAVEATS), origin=f"{USER_DIR}/{csv_name}",
            counted_from=None,
            # A user's series of reports is a running total; facts (intervals) are not.
            increments=all(entry.start == entry.end for entry in entries),
        ),
    )


# -- adding a user series ----------------------------------------------------------------------

_PLACE = re.compile(r"[a-z][a-z0-9_]*")


def add(
    csv_path: str | Path,
    *,
    metric: str,
    place: str | None,
    source: str,
    unit: str | None = None,
    name: str | None = None,
    reference_dir: Path | None = None,
) -> ReferenceSeries:
    """Add (or replace) a user series from a CSV of ``date,value`` or ``valid_from,valid_to,value``.

    ``place`` None (or ``all``) means the whole war. The CSV is checked in full first; a
    malformed one raises :class:`ReferenceDataError` naming the line and changes nothing.
    The file is copied unchanged (its sha256 is the series' snapshot id) next to a small
    JSON description; adding the same metric, place and name again replaces the series.
    """
    if metric not in METRICS or metric == "other":
        raise UsageError(f"unknown metric {metric!r} (use one of spec §3, e.g. killed, injured)")
    if place is not None and place.strip().lower() in {"", "all", "none"}:
        place = None
    if place is not None and not _PLACE.fullmatch(place):
        raise UsageError(f"place {place!r} must be a lower-case name such as gaza or west_bank")
    unit = unit or unit_for(metric)
    if unit not in UNITS:
        raise UsageError(f"unit {unit!r} must be one of {', '.join(UNITS)}")
    if not source.strip():
        raise UsageError("a series needs its source (--source)")
    path = Path(csv_path)
    data = _read(path)
    entries = parse_user_csv(data, str(path))
    key = slug(name or path.stem)
    series_id = f"user/{place or 'all'}/{metric}/{key}"
    base = f"{place or 'all'}.{metric}.{key}"
    folder = reference_home(reference_dir) / USER_DIR
    meta = {
        "id": series_id, "metric": metric, "place": place, "unit": unit, "source": source.strip(),
        "csv": f"{base}.csv", "sha256": sha256_hex(data), "original": str(path),
        "added": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # The CSV first, then its description: a series is visible only once both are in place.
        write_atomically(folder / f"{base}.csv", data)
        write_atomically(folder / f"{base}.json", json.dumps(meta, indent=2).encode("utf-8") + b"\n")
    except OSError as error:
        raise ReferenceDataError(f"cannot write the series ({error})", location=str(folder)) from None
    return ReferenceSeries(
        id=series_id, metric=metric, place=place, unit=unit, source=source.strip(), entries=entries,
        snapshot=f"{USER_DIR}/{base}.csv@sha256:{meta['sha256']}", caveats=USER_CAVEATS,
        origin=f"{USER_DIR}/{base}.csv", increments=all(e.start == e.end for e in entries),
    )


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename it over ``target``.

    A reader sees the old file or the new one, never half of one; a crash leaves at most a
    stray ``.part`` file, which no loader reads.
    """
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)  # a temporary file is private (0600); data files are not
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a new or renamed file in it) to disk; a no-op where folders
    cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(descriptor)
