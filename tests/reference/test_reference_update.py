"""``reference.update`` against a real HTTP server on 127.0.0.1, started here.

After every failure (malformed JSON, a body cut short, HTTP 500, older data ...) the copy
in use is still there, byte for byte, and still loads.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from local_server import QuietHandler, serving
from statecheck.errors import ReferenceDataError, UsageError
from statecheck.options import Limits
from statecheck.reference import BUNDLED_DIR, ENDPOINTS, load_catalog, update
from statecheck.reference.catalog import tfp_folder, tfp_path

CASUALTIES = "/api/" + ENDPOINTS["casualties_daily.json"]
WEST_BANK = "/api/" + ENDPOINTS["west_bank_daily.json"]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    declared_length: int | None = None
    """A Content-Length larger than the body sent: the connection closes early."""
    delay: float = 0.0


@dataclass
class Upstream:
    base: str
    replies: dict[str, Reply] = field(default_factory=dict)


def bundled(name: str) -> bytes:
    return (BUNDLED_DIR / "techforpalestine" / name).read_bytes()


def newer_casualties(last: str = "2026-08-23", extra: int = 5) -> bytes:
    """The bundled Gaza file plus one more day (a new upstream release)."""
    rows = json.loads(bundled("casualties_daily.json"))
    row = dict(rows[-1])
    row.update(report_date=last, ext_killed_cum=row["ext_killed_cum"] + extra, killed_cum=row["killed_cum"] + extra)
    rows.append(row)
    return json.dumps(rows).encode("utf-8")


def older_west_bank() -> bytes:
    rows = json.loads(bundled("west_bank_daily.json"))
    return json.dumps([r for r in rows if r["report_date"] <= "2026-01-01"]).encode("utf-8")


@pytest.fixture()
def upstream() -> Iterator[Upstream]:
    state = Upstream(base="")

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            reply = state.replies.get(self.path)
            if reply is None:
                self.send_error(404)
                return
            time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                length = reply.declared_length if reply.declared_length is not None else len(reply.body)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size limit, timeout): expected
            self.close_connection = True

    for name, endpoint in ENDPOINTS.items():
        state.replies["/api/" + endpoint] = Reply(body=bundled(name))
    with serving(Handler) as base:
        state.base = f"{base}/api"
        yield state


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STATECHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STATECHECK_REFERENCE_URL", raising=False)
    return tmp_path / "data" / "reference"


def in_use(home: Path, name: str) -> Path:
    """The copy of ``name`` that checks read: in the snapshot ``CURRENT`` names, else bundled."""
    return tfp_path(name, home)


def snapshots(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "techforpalestine").iterdir() if p.name.startswith("snapshot-"))


def last_killed_date(reference_dir: Path | None = None) -> date:
    return load_catalog(reference_dir).get("tfp/gaza/killed").last


def test_update_replaces_newer_files_only(upstream: Upstream, home: Path) -> None:
    fresh = newer_casualties()
    upstream.replies[CASUALTIES] = Reply(body=fresh)
    results = {r.file: r for r in update(url=upstream.base)}
    assert results["casualties_daily.json"].status == "updated"
    assert results["casualties_daily.json"].last_date == date(2026, 8, 23)
    assert results["casualties_daily.json"].previous_last_date == date(2026, 8, 22)
    assert {r.status for name, r in results.items() if name != "casualties_daily.json"} == {"unchanged"}
    assert in_use(home, "casualties_daily.json").read_bytes() == fresh
    assert in_use(home, "west_bank_daily.json").is_relative_to(BUNDLED_DIR)  # unchanged: bundled still used
    assert last_killed_date() == date(2026, 8, 23)
    snapshot = tfp_folder(home)
    assert snapshot.parent == home / "techforpalestine" and snapshot.name.startswith("snapshot-")
    assert (home / "techforpalestine" / "CURRENT").read_text(encoding="ascii") == snapshot.name + "\n"
    manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"]["casualties_daily.json"]["url"].endswith("/v2/casualties_daily.json")
    # Again: nothing new, and a new snapshot with the same files; the one before stays, for a
    # reader that opened it just before the switch; older ones go.
    assert {r.status for r in update(url=upstream.base)} == {"unchanged"}
    assert in_use(home, "casualties_daily.json").read_bytes() == fresh
    second = tfp_folder(home)
    assert snapshots(home) == sorted([snapshot.name, second.name])
    update(url=upstream.base)
    assert snapshots(home) == sorted([second.name, tfp_folder(home).name])


def test_base_url_from_the_environment(upstream: Upstream, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties())
    monkeypatch.setenv("STATECHECK_REFERENCE_URL", upstream.base + "/")
    update()
    assert last_killed_date() == date(2026, 8, 23)


def test_reference_dir_gets_the_copies(upstream: Upstream, home: Path, tmp_path: Path) -> None:
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties())
    folder = tmp_path / "ref"
    update(url=upstream.base, reference_dir=folder)
    assert in_use(folder, "casualties_daily.json").is_relative_to(folder / "techforpalestine")
    assert not home.exists()
    assert last_killed_date(folder) == date(2026, 8, 23)
    assert last_killed_date() == date(2026, 8, 22)


FAILURES = {
    "malformed JSON": (Reply(body=b'[{"report_date": "2026-08-23", '), "not valid JSON"),
    "not an array": (Reply(body=b'{"error": "rate limited"}'), "JSON array"),
    "bad row": (Reply(body=b'[{"report_date": "23/08/2026"}]'), "bad report_date"),
    "negative value": (Reply(body=b'[{"report_date": "2026-08-23", "flash_source": "un", "killed_cum": -1}]'), "non-negative"),
    "truncated body": (None, "download failed"),
    "HTTP 500": (Reply(status=500, body=b"oops"), "HTTP status 500"),
    "HTTP 404": (Reply(status=404, body=b"gone"), "HTTP status 404"),
    "older data": (None, "older than the copy in use"),
}


@pytest.mark.parametrize("mode", list(FAILURES))
def test_failed_update_keeps_the_old_copy(upstream: Upstream, home: Path, mode: str) -> None:
    # An earlier successful update: the copy in use is ours, not the bundled one.
    old = newer_casualties("2026-08-23")
    upstream.replies[CASUALTIES] = Reply(body=old)
    update(url=upstream.base)
    assert in_use(home, "casualties_daily.json").read_bytes() == old
    before = snapshots(home)

    # Upstream now has a valid newer Gaza file, but the West Bank file fails.
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties("2026-08-24", extra=9))
    reply, message = FAILURES[mode]
    if mode == "truncated body":
        body = bundled("west_bank_daily.json")
        reply = Reply(body=body[: len(body) // 2], declared_length=len(body))
    elif mode == "older data":
        reply = Reply(body=older_west_bank())
    assert reply is not None
    upstream.replies[WEST_BANK] = reply
    with pytest.raises(ReferenceDataError) as caught:
        update(url=upstream.base)
    assert message in str(caught.value)
    assert "west_bank_daily.json" in str(caught.value)  # names the URL that failed

    # All or nothing: even the valid Gaza file was not installed.
    assert in_use(home, "casualties_daily.json").read_bytes() == old
    assert snapshots(home) == before
    assert last_killed_date() == date(2026, 8, 23)
    assert load_catalog().get("tfp/west_bank/killed").snapshot.endswith(
        "0901ed1a00c0a825f910c4cea731483813d79964f74fe8837f0b30f7487237cb")  # still the bundled one
    assert not [p.name for p in (home / "techforpalestine").rglob(".*") if p.name != ".lock"]


def test_size_limit(upstream: Upstream, home: Path) -> None:
    with pytest.raises(ReferenceDataError, match="larger than the limit"):
        update(url=upstream.base, limits=Limits(max_bytes=1000))
    assert not home.exists()


def test_timeout(upstream: Upstream, home: Path) -> None:
    upstream.replies[CASUALTIES] = Reply(body=bundled("casualties_daily.json"), delay=1.0)
    with pytest.raises(ReferenceDataError, match="timed out"):
        update(url=upstream.base, limits=Limits(url_timeout=0.2))


def test_nothing_listening(home: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ReferenceDataError, match="download failed"):
        update(url=f"http://127.0.0.1:{port}/api")
    assert not home.exists()


def test_interrupted_rename_keeps_the_old_copy(
    upstream: Upstream, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = newer_casualties("2026-08-23")
    upstream.replies[CASUALTIES] = Reply(body=old)
    update(url=upstream.base)
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties("2026-08-24"))

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("statecheck.reference.catalog.os.replace", fail)
        with pytest.raises(ReferenceDataError, match="cannot write"):
            update(url=upstream.base)
    assert in_use(home, "casualties_daily.json").read_bytes() == old
    assert not [p.name for p in (home / "techforpalestine").rglob(".*") if p.name != ".lock"]
    assert len(snapshots(home)) == 1  # the new snapshot, never switched to, is gone
    assert last_killed_date(home) == date(2026, 8, 23)


@pytest.mark.parametrize("url", ["ftp://example.org/api", "data.techforpalestine.org/api", "file:///etc"])
def test_bad_base_url(url: str, home: Path) -> None:
    with pytest.raises(UsageError):
        update(url=url)


def test_copies_of_an_older_statecheck_are_read_then_replaced(upstream: Upstream, home: Path) -> None:
    """Before snapshots, copies lay loose in techforpalestine/: they are read until an update switches."""
    loose = home / "techforpalestine"
    loose.mkdir(parents=True)
    (loose / "casualties_daily.json").write_bytes(newer_casualties("2026-08-23"))
    (loose / "manifest.json").write_text("{}", encoding="utf-8")
    assert last_killed_date() == date(2026, 8, 23)
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties("2026-08-24"))
    update(url=upstream.base)
    assert last_killed_date() == date(2026, 8, 24)
    assert sorted(p.name for p in loose.iterdir()) == [".lock", "CURRENT", *snapshots(home)]


@pytest.mark.parametrize("pointer", [b"snapshot-gone\n", b"../../../etc\n", b"\xff\xfe", b""])
def test_a_pointer_to_no_snapshot_is_an_error_that_update_repairs(upstream: Upstream, home: Path, pointer: bytes) -> None:
    (home / "techforpalestine").mkdir(parents=True)
    (home / "techforpalestine" / "CURRENT").write_bytes(pointer)
    with pytest.raises(ReferenceDataError) as caught:
        load_catalog()
    assert caught.value.location == str(home / "techforpalestine" / "CURRENT")
    upstream.replies[CASUALTIES] = Reply(body=newer_casualties())
    update(url=upstream.base)
    assert last_killed_date() == date(2026, 8, 23)
