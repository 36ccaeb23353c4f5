"""Cut a document's original text into runs, each covered by zero or more claims.

Templates render a run with no claims as plain (escaped) text and a run with claims as a
highlighted link to the first of them. Claims may overlap ("8,005 dead, including 3,324
children" can give two quotes sharing words), so runs are split at every claim boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from statecheck.model import Claim


@dataclass(frozen=True)
class Run:
    text: str
    claims: tuple[int, ...] = ()
    """Indexes into the document's claims, in document order."""

    @property
    def first(self) -> int | None:
        return self.claims[0] if self.claims else None


def runs(original: str, claims: Sequence[Claim]) -> list[Run]:
    """The text as consecutive runs; claims with offsets outside the text are left out."""
    size = len(original)
    spans = [
        (claim.start, claim.end, index)
        for index, claim in enumerate(claims)
        if 0 <= claim.start < claim.end <= size
    ]
    cuts = sorted({0, size, *(start for start, _, _ in spans), *(end for _, end, _ in spans)})
    result = []
    for left, right in pairwise(cuts):
        covering = tuple(index for start, end, index in spans if start <= left and right <= end)
        result.append(Run(original[left:right], covering))
    return result
