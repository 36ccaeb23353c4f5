"""The time limit of one extraction step (``Limits.max_seconds``), checked between sentences."""

from __future__ import annotations

import time

from statecheck.errors import LimitError
from statecheck.options import Options


class Deadline:
    """``check`` raises :class:`LimitError` once ``options.limits.max_seconds`` have passed since
    the step began. Steps call it between sentences, which are short (``MAX_SENTENCE_CHARS``), so
    a step stops within one sentence of its limit."""

    def __init__(self, step: str, options: Options, *, location: str | None, length: int) -> None:
        self.step = step
        self.seconds = options.limits.max_seconds
        self.location = location
        self.length = length
        self.ends = time.monotonic() + self.seconds

    def check(self, position: int) -> None:
        """``position``: the character the step has reached (for the message)."""
        if time.monotonic() > self.ends:
            raise LimitError(
                f"extracting {self.step} took longer than {self.seconds:g} s "
                f"(Limits.max_seconds; stopped at character {position:,} of {self.length:,})",
                location=self.location,
            )
