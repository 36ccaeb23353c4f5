"""Reference series: the published record claims are checked against (spec §5).

Public functions, one per CLI command (``statecheck reference list|update|add``):

- :func:`list_series` every series available (bundled snapshot, updated copies, user series);
- :func:`update` fetch the current Tech for Palestine files, replacing local copies only if valid;
- :func:`add` add a user's own series from a CSV;

and :func:`load_catalog`, which the verifier uses to find the series of a metric and place.
"""

from __future__ import annotations

from statecheck.reference.catalog import (
    BUNDLED_DIR,
    ENV_DATA_DIR,
    Catalog,
    add,
    data_dir,
    list_series,
    load_catalog,
    reference_home,
)
from statecheck.reference.series import Entry, ReferenceSeries
from statecheck.reference.update import DEFAULT_BASE_URL, ENDPOINTS, ENV_BASE_URL, UpdateResult, update

__all__ = [
    "BUNDLED_DIR",
    "DEFAULT_BASE_URL",
    "ENDPOINTS",
    "ENV_BASE_URL",
    "ENV_DATA_DIR",
    "Catalog",
    "Entry",
    "ReferenceSeries",
    "UpdateResult",
    "add",
    "data_dir",
    "list_series",
    "load_catalog",
    "reference_home",
    "update",
]
