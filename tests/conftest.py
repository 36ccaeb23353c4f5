"""Shared by every test folder: this folder is on ``sys.path`` (pytest puts a conftest's folder
there), so ``from local_server import serving`` works from any test module."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _unsettled() -> Iterator[None]:
    """A command run in this process (typer's CliRunner) settles it once warm
    (``statecheck.parallel.settled``: ``gc.freeze``); the next test starts from an unfrozen process."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
