"""Many-row inserts: many rows per statement, without SQLAlchemy's per-row dictionaries.

Two costs are avoided:
- One statement per row. SQLite's full-text index (FTS5, kept by a trigger on
  comments; migration 0004) writes its pending terms out as a new segment at every
  statement, so one-row statements made one tiny segment per comment, all to be
  merged: the trigger cost four times the insert itself. Rows go in as
  `INSERT … VALUES (…), (…), …` of up to ROWS rows, so the same trigger keeps the
  index in step, in the same statement, for a fraction of the cost.
- A parameter dict per row: building and processing them cost more than SQLite's own
  work (1.6 s against 0.75 s per 100,000 rows).

The statements come from SQLAlchemy's compiler for the connection's dialect, and every
value still goes through its column type's bind processor, so the result is the same
on SQLite and PostgreSQL. Values shared by every row (`constants`) are processed once.

On PostgreSQL the rows go in by `COPY … FROM STDIN` instead (the same triggers and
constraints run): psycopg parses a long statement's placeholders again at every call,
as it caches only short ones, and that alone took 11 s of a 100,000-comment import's 25.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar, cast

from sqlalchemy import BindParameter, Connection, Dialect, Table, bindparam, insert
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:  # only a team database needs the driver
    from psycopg import Connection as PsycopgConnection

ROWS = 512  # rows per statement at most; statements hold a power of two of rows
ANONYMOUS_PLACEHOLDERS = ("qmark", "format")  # "?" or "%s": the same text for every parameter
Row = tuple[object, ...]  # a row's values, in the order of the insert's columns
Processor = Callable[[object], object]  # a column type's bind processor: a value as the driver takes it
T = TypeVar("T")


class Arrange(Protocol):
    """Picks the rows' values, flat, into a statement's parameter order."""

    def __call__(self, values: list[T], /) -> tuple[T, ...]: ...


class Statement(NamedTuple):
    sql: str
    arrange: Arrange
    names: list[str] | None  # the parameters' names, for dialects with named parameters


class FastInsert:
    def __init__(self, connection: Connection, table: Table, columns: Sequence[str],
                 constants: Mapping[str, object] | None = None):
        constants = constants or {}
        self.connection, self.table, self.dialect = connection, table, connection.dialect
        self.given = (*columns, *constants)
        limit = getattr(self.dialect, "insertmanyvalues_max_parameters", 999)
        self.most = _power_of_two_at_most(max(1, min(ROWS, limit // len(self.given))))
        self.fixed = tuple(_processed(table, name, value, self.dialect) for name, value in constants.items())
        self.processors = [(i, p) for i, name in enumerate(columns) if (p := _processor(table, name, self.dialect))]
        self.statements: dict[int, Statement] = {1: self._compiled(1)}  # a column left out fails here, not mid-import
        self.copy = _copy_statement(table, self.given, self.dialect) if self.dialect.name == "postgresql" else None

    def __call__(self, rows: Sequence[Row]) -> None:
        """Insert rows given as tuples of the values of `columns`, in that order."""
        if self.copy is not None:
            self._copied(self.copy, rows)
            return
        start = 0
        while start < len(rows):
            size = min(self.most, _power_of_two_at_most(len(rows) - start))
            statement = self._statement(size)
            flat = statement.arrange(self._values(rows[start : start + size]))
            self.connection.exec_driver_sql(statement.sql, flat if statement.names is None else dict(zip(statement.names, flat)))
            start += size

    def _copied(self, statement: str, rows: Sequence[Row]) -> None:
        flat, width = self._values(rows), len(self.given)
        driver = cast("PsycopgConnection[Any]", self.connection.connection.driver_connection)
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for start in range(0, len(flat), width):
                    copy.write_row(flat[start : start + width])
        except self.dialect.loaded_dbapi.Error as error:  # as SQLAlchemy's own statements raise it
            raise DBAPIError.instance(statement, None, error, self.dialect.loaded_dbapi.Error) from error

    def _values(self, rows: Sequence[Row]) -> list[object]:
        """The rows' values, each row followed by the constants (`given` order), one flat
        list; processed by their types a column at a time, which spares a loop per row."""
        flat: list[object] = []
        for row in rows:
            flat += row
            flat += self.fixed
        width = len(self.given)
        for index, processor in self.processors:
            flat[index::width] = map(processor, flat[index::width])
        return flat

    def _statement(self, size: int) -> Statement:
        if size not in self.statements:
            repeat = self.dialect.paramstyle in ANONYMOUS_PLACEHOLDERS
            self.statements[size] = self._repeated(size) if repeat else self._compiled(size)
        return self.statements[size]

    def _compiled(self, size: int) -> Statement:
        """Compiled whole by SQLAlchemy: right for every dialect, but slow for many rows
        (most of a second for 512 rows of 18 columns)."""
        width = len(self.given)
        rows: list[dict[str, BindParameter[Any]]] = [
            {name: bindparam(f"r{row}_{col}") for col, name in enumerate(self.given)} for row in range(size)]
        compiled = insert(self.table).values(rows).compile(dialect=self.dialect)
        names = list((compiled.positiontup or ()) if self.dialect.positional else compiled.binds)
        slots = {f"r{row}_{col}": row * width + col for row in range(size) for col in range(width)}
        if sorted(names) != sorted(slots):  # a column with a Python-side default was left out
            raise ValueError(f"every column with a default must be given; compiled {names[:width]}")
        return Statement(str(compiled), _getter([slots[name] for name in names]),
                         None if self.dialect.positional else names)

    def _repeated(self, size: int) -> Statement:
        """The one-row statement with its VALUES group written `size` times: where every
        placeholder is the same "?" (or "%s"), each group means the same as the first."""
        one, width = self.statements[1], len(self.given)
        head, group = one.sql.rsplit(" VALUES ", 1)
        order = one.arrange(list(range(width)))  # the one-row statement's order of the values
        return Statement(f"{head} VALUES {', '.join([group] * size)}",
                         _getter([row * width + index for row in range(size) for index in order]), None)


def _copy_statement(table: Table, columns: Sequence[str], dialect: Dialect) -> str:
    quote = dialect.identifier_preparer.quote
    return f"COPY {quote(table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"


def _getter(indexes: list[int]) -> Arrange:
    if len(indexes) == 1:
        return lambda values: (values[indexes[0]],)
    return itemgetter(*indexes)


def _power_of_two_at_most(n: int) -> int:
    return 1 << (n.bit_length() - 1)


def _processor(table: Table, name: str, dialect: Dialect) -> Processor | None:
    """The column's bind processor as SQLAlchemy's own statements apply it: the dialect's
    type's. (The generic type's can differ: on SQLite it left datetimes to the driver,
    which wrote them in another text format than every other statement.)"""
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


def _processed(table: Table, name: str, value: object, dialect: Dialect) -> object:
    processor = _processor(table, name, dialect)
    return processor(value) if processor else value
