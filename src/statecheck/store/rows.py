"""Many rows into one table, through the database driver's own ``executemany``.

``connection.execute(insert(table), rows)`` builds the parameters of every row in Python
(defaults, type processing, key checks): at ingest, with about a hundred index and claim rows
per document, that took a fifth of the writer's time. :func:`insert_rows` compiles the
statement once per table and set of columns, converts each value with its column type's own
bind processor (what SQLAlchemy would apply) and hands plain tuples to the driver.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, Dialect, Table, insert


class _Plan(NamedTuple):
    sql: str
    keys: tuple[str, ...]
    """The row keys, in the order the statement takes its parameters."""
    processors: tuple[Callable[[Any], Any] | None, ...]
    positional: bool


@lru_cache(maxsize=64)
def _plan(table: Table, columns: tuple[str, ...], dialect: Dialect) -> _Plan | None:
    """How to insert rows with exactly these keys; None when the statement would need more
    (a column default that SQLAlchemy computes): such rows take the ordinary way."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    keys = tuple(compiled.positiontup or ()) if compiled.positional else tuple(compiled.binds)
    if set(keys) != set(columns):
        return None
    processors = tuple(table.c[key].type.bind_processor(dialect) for key in keys)
    return _Plan(str(compiled), keys, processors, compiled.positional)


def _converted(values: tuple[Any, ...], converting: list[tuple[int, Callable[[Any], Any]]]) -> tuple[Any, ...]:
    converted = list(values)
    for index, process in converting:
        converted[index] = process(converted[index])
    return tuple(converted)


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``connection.execute(insert(table), rows)`` for rows that all have the same keys, naming
    every column they fill (none left to a Python-side default), faster."""
    if not rows:
        return
    plan = _plan(table, tuple(rows[0]), connection.dialect)
    if plan is None:
        connection.execute(insert(table), list(rows))
        return
    take = itemgetter(*plan.keys)
    values = [take(row) for row in rows] if len(plan.keys) > 1 else [(take(row),) for row in rows]
    converting = [(index, process) for index, process in enumerate(plan.processors) if process is not None]
    if converting:
        values = [_converted(row, converting) for row in values]
    if plan.positional:
        connection.exec_driver_sql(plan.sql, values)
    else:
        connection.exec_driver_sql(plan.sql, [dict(zip(plan.keys, row)) for row in values])
