"""Report fixtures: the sample documents shared with the store tests."""

from __future__ import annotations

import sys
from pathlib import Path

# The sample corpus lives with the store tests.
sys.path.insert(0, str(Path(__file__).parent.parent / "store"))
