"""A user's own series as CSV: ``date,value`` rows (reports) or ``valid_from,valid_to,value`` (facts).

The parser is strict on purpose: a series that silently drops a bad line would give verdicts
nobody can reproduce. Every problem names its line.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date

from statecheck.errors import ReferenceDataError
from statecheck.reference.series import Entry, parse_day

REPORT_HEADER = ("date", "value")
FACT_HEADER = ("valid_from", "valid_to", "value")


def parse_user_csv(data: bytes, name: str) -> tuple[Entry, ...]:
    """The entries of a user CSV, sorted; raises :class:`ReferenceDataError` naming the bad line.

    A header row (``date,value`` or ``valid_from,valid_to,value``) is optional; without one the
    first row's number of columns decides. Blank lines and lines starting with ``#`` are skipped.
    Refused: a bad date, a value that is not a finite non-negative number, a row with the wrong
    number of columns, a date given twice (or overlapping intervals), and a file with no rows.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceDataError("not UTF-8 text", location=name) from None
    reader = csv.reader(io.StringIO(text))
    shape: tuple[str, ...] | None = None
    entries: list[Entry] = []
    seen: dict[date, int] = {}
    intervals: list[tuple[date, date, int]] = []
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if shape is None:
                lowered = tuple(cell.lower() for cell in cells)
                if lowered in (REPORT_HEADER, FACT_HEADER):
                    shape = lowered
                    continue
                if len(cells) == 2:
                    shape = REPORT_HEADER
                elif len(cells) == 3:
                    shape = FACT_HEADER
                else:
                    raise _error(name, line, "expected date,value or valid_from,valid_to,value")
            if len(cells) != len(shape):
                raise _error(
                    name, line, f"expected {len(shape)} columns ({','.join(shape)}), found {len(cells)}"
                )
            value = _value(cells[-1], name, line)
            if shape == REPORT_HEADER:
                day = _day(cells[0], name, line)
                if day in seen:
                    raise _error(name, line, f"duplicate date {day} (already on line {seen[day]})")
                seen[day] = line
                entries.append(Entry(day, day, value))
            else:
                start, end = _day(cells[0], name, line), _day(cells[1], name, line)
                if end < start:
                    raise _error(name, line, f"valid_to {end} is before valid_from {start}")
                for other_start, other_end, other_line in intervals:
                    if start <= other_end and end >= other_start:
                        raise _error(
                            name, line,
                            f"interval {start}..{end} overlaps {other_start}..{other_end} on line {other_line}",
                        )
                intervals.append((start, end, line))
                entries.append(Entry(start, end, value))
    except csv.Error as error:
        raise _error(name, reader.line_num, f"not valid CSV ({error})") from None
    if not entries:
        raise ReferenceDataError("no rows of data", location=name)
    return tuple(sorted(entries))


def _error(name: str, line: int, problem: str) -> ReferenceDataError:
    return ReferenceDataError(f"line {line}: {problem}", location=name)


def _day(text: str, name: str, line: int) -> date:
    try:
        return parse_day(text)
    except ValueError as error:
        raise _error(name, line, f"bad date: {error}") from None


def _value(text: str, name: str, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _error(name, line, f"value {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise _error(name, line, f"value {text!r} is not a finite non-negative number")
    return value
