"""Many-row inserts without SQLAlchemy's per-row dictionary handling.

At a million comments, building and processing one parameter dict per row costs
more than SQLite's own work (measured: 1.6 s against 0.75 s per 100,000 rows).
The statement is still compiled by SQLAlchemy for the connection's dialect, and
every value still goes through its column type's bind processor, so the result
is the same on SQLite and PostgreSQL. Values shared by every row (`constants`)
are processed once.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Sequence

from sqlalchemy import Connection, Table, insert


class FastInsert:
    def __init__(self, connection: Connection, table: Table, columns: Sequence[str], constants: dict | None = None):
        dialect, constants = connection.dialect, constants or {}
        given = [*columns, *constants]
        compiled = insert(table).compile(dialect=dialect, column_keys=given)
        names = list(compiled.positiontup if dialect.positional else compiled.binds)
        if sorted(names) != sorted(given):  # a column with a Python-side default was left out
            raise ValueError(f"every column with a default must be given; compiled {names}")
        self.connection, self.sql, self.names, self.positional = connection, str(compiled), names, dialect.positional
        self.fixed = tuple(_processed(table, name, value, dialect) for name, value in constants.items())
        self.arrange = itemgetter(*(given.index(name) for name in names))  # caller's order → statement's
        self.processors = [(i, p) for i, name in enumerate(columns) if (p := table.c[name].type.bind_processor(dialect))]

    def __call__(self, rows: list[tuple]) -> None:
        """Insert rows given as tuples of the values of `columns`, in that order."""
        if not rows:
            return
        params = [self._values(row) for row in rows]
        if not self.positional:
            params = [dict(zip(self.names, values)) for values in params]
        self.connection.exec_driver_sql(self.sql, params)

    def _values(self, row: tuple) -> tuple:
        """The row's values processed by their types, with the constants, in the statement's order."""
        values = [*row, *self.fixed]
        for index, processor in self.processors:
            values[index] = processor(values[index])
        return self.arrange(values)


def _processed(table: Table, name: str, value, dialect):
    processor = table.c[name].type.bind_processor(dialect)
    return processor(value) if processor else value
