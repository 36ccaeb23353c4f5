"""Metadata from beside the document: a ``NAME.meta.json`` sidecar, and a date in the document's URL."""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from statecheck.ingest.files import read_at_most
from statecheck.ingest.messages import one_line

logger = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
# A sidecar holds a few fields; anything bigger is not one.
_MAX_SIDECAR_BYTES = 1024 * 1024
# 2023/11, 2023/10/13, 2025-01-02 (one separator throughout), not inside a longer number.
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-])(\d{1,2})(?:\2(\d{1,2}))?(?!\d)")


def sidecar_path(path: Path) -> Path:
    """``report.pdf`` -> ``report.meta.json`` in the same folder."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def load_sidecar(path: Path) -> dict[str, Any]:
    """The JSON object in the document's sidecar, or ``{}`` when there is none.

    A sidecar that cannot be read or is not a JSON object is logged and ignored: losing
    the metadata is better than losing the document.
    """
    sidecar = sidecar_path(path)
    try:
        if not sidecar.is_file():
            return {}
        raw = read_at_most(sidecar, _MAX_SIDECAR_BYTES + 1)
        if len(raw) > _MAX_SIDECAR_BYTES:
            raise ValueError(f"larger than {_MAX_SIDECAR_BYTES} bytes")
        value = json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError) as error:
        # JSONDecodeError and UnicodeDecodeError are ValueErrors
        logger.warning("%s: ignored unreadable metadata sidecar (%s)", sidecar, one_line(error))
        return {}
    if not isinstance(value, dict):
        logger.warning("%s: ignored metadata sidecar that is not a JSON object", sidecar)
        return {}
    return value


def merge(found: Mapping[str, Any], sidecar: Mapping[str, Any]) -> dict[str, Any]:
    """The document's own metadata overlaid with its sidecar's.

    The sidecar wins (a person wrote it), except that its ``null`` does not erase a value
    the document itself gave.
    """
    meta = dict(found)
    for key, value in sidecar.items():
        if value is not None or key not in meta:
            meta[key] = value
    return meta


def with_url_date(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``meta`` plus ``url_date`` when its ``url`` carries a date and ``url_date`` is not set yet."""
    result = dict(meta)
    url = result.get("url")
    if isinstance(url, str) and "url_date" not in result:
        date = url_date(url)
        if date:
            result["url_date"] = date
    return result


def url_date(url: str) -> str | None:
    """The date in a URL's path: ``.../2023/11/...`` -> ``2023-11``, ``.../2023/10/13/...`` -> ``2023-10-13``."""
    path = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "", url)
    for match in _URL_DATE.finditer(path):
        year, _separator, month, day = match.groups()
        try:
            date = datetime.date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
        return date.isoformat() if day else date.isoformat()[:7]
    return None
