"""CSV that a spreadsheet opens as text: no cell of a statement runs as a formula.

Statements are hostile input. A title, issuer, quote or file name such as ``=HYPERLINK(…)``
or ``@SUM(…)`` written into a CSV cell as it is would be read by Excel, LibreOffice or Google
Sheets as a formula ("CSV injection"). :func:`inert_cell` puts a ``'`` before a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (OWASP's list); a number
(``-5``, ``+3.2``, ``1e-3``) and every non-text value are left as they are, so numeric columns
stay numeric. :class:`DictWriter` is :class:`csv.DictWriter` with every row made inert: every
CSV statecheck writes goes through it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any

#: A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def inert_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def inert_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: inert_cell(value) for key, value in row.items()}


class DictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """:class:`csv.DictWriter` whose rows go through :func:`inert_cell` (the header is ours)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow(inert_row(rowdict))

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


__all__ = ["FORMULA_START", "DictWriter", "inert_cell", "inert_row"]
