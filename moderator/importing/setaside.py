"""What a large import sets aside in SQLite for the length of its own transaction.

Two things cost a large import more than writing its rows (bench/import.py):
- The full-text index's insert trigger (FTS5, migration 0004; moderator/reading/search.py).
  SQLite runs it once per row, which took longer than the insert itself; even a
  trigger whose WHEN clause is false costs that much. Instead, each batch of new
  comments is indexed by one INSERT … SELECT as soon as it is written (BatchIndex).
- The comments table's secondary indexes (the queue's sorts and filters) by article,
  by author and by time. Built once from all the rows, by sorting, they cost a fraction of
  keeping them up to date row by row, as an export's rows come in no order of theirs;
  so when the file is larger than the table (by its size in bytes, a comment taking
  about COMMENT_BYTES), they are dropped and built again at the end.

The full-text index's write buffer is raised for the import too (FTS_BUFFER): FTS5
writes out a segment of the index whenever its buffer of pending terms fills, and
merges them as they pile up; with 1 MB (its default) a million comments made so many
that indexing took 5.0–5.6 s, with 8 MB 3.6–3.9 s, and as few rows of the index.

Each is dropped at the start and created again from its own stored SQL before the
import returns, whether it succeeded or failed, so the schema is the migrations'
own. SQLite's DDL is transactional: no other connection ever sees anything missing,
and a rollback (a bad file, a cancel, a crash) restores it all with the rows. From
the first drop on the import holds the database's only write lock, so every comment
with an id above the highest at the start is one of its own. The update and delete
triggers stay: an import that changes a comment's body or author updates the index
through them. Other databases have no full-text index (reading/search.py falls back to
ILIKE there) and keep their indexes: nothing here applies to them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import cast

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import SQLAlchemyError

from moderator.storage import fulltext
from moderator.storage.models import Comment, core_table

INDEX_ROWS = 20_000  # new comments indexed at a time
# An index whose keys grow as an export is read costs an append a row to keep up to date:
# less than building it again. Only parent_id does: a reply's parent came before it.
# Times do not: an export lists comments by article, and each article's comments
# interleave in time with the others'. At a million comments, keeping (created_at) and
# (status, created_at) up to date cost 6 s of the inserts' 13 s; building them, 1.6 s.
IN_FILE_ORDER = (("parent_id",),)
SORT_KB = 8 << 10  # memory per sorted run while building indexes
COMMENT_BYTES = 1000  # a comment's share of an export file, rounded up: rebuilds err on the side of rarely
INSERT_TRIGGER = "comments_fts_insert"
FTS_BUFFER = 8 << 20  # bytes of pending terms FTS5 holds before writing a segment (its default: 1 MB)
FTS_DEFAULT_BUFFER = 1 << 20
comments = core_table(Comment)


class BatchIndex:
    """Indexes the comments written since it last did (nothing where there is no index),
    once they are `rows` or more: FTS5 merges its segments less often when each write
    is larger (at a million comments, indexing 20,000 at a time took a fifth less than
    2,000). Only this transaction ever sees the rows not yet indexed, and it never
    changes their body or author (the update trigger expects indexed rows)."""

    def __init__(self, connection: Connection, active: bool):
        self.connection, self.active = connection, active
        self.done = _top(connection) if active else 0

    def catch_up(self, rows: int = 1) -> None:
        if not self.active:
            return
        top = _top(self.connection)
        if top - self.done >= rows:
            for statement in fulltext.INDEX_RANGE:  # what the insert trigger does, for a range of rows
                self.connection.exec_driver_sql(statement, (self.done, top))
            self.done = top


@contextmanager
def set_aside(connection: Connection, file_bytes: int) -> Iterator[BatchIndex]:
    """For the import's transaction: the insert trigger set aside (a BatchIndex instead),
    and the secondary indexes too when the file outweighs the table."""
    if connection.dialect.name != "sqlite":
        yield BatchIndex(connection, active=False)
        return
    trigger = _schema(connection, "trigger", "name = ?", INSERT_TRIGGER)
    indexes = {name: index for name, index in _schema(
        connection, "index", "tbl_name = 'comments' AND sql NOT LIKE 'CREATE UNIQUE%'").items()
        if not _in_file_order(connection, name)}
    if indexes and _more_comments_than(connection, file_bytes // COMMENT_BYTES):
        indexes = {}  # kept up to date as the rows go in
    with _dropped(connection, trigger | indexes), _fts_buffer(connection, FTS_BUFFER if trigger else None):
        index = BatchIndex(connection, active=bool(trigger))
        try:
            yield index
        except BaseException:
            with suppress(SQLAlchemyError):  # should a caller commit what it has, the index is right
                index.catch_up()
            raise
        index.catch_up()


@contextmanager
def _dropped(connection: Connection, objects: dict[str, tuple[str, str]]) -> Iterator[None]:
    """Schema objects (name → (type, SQL)) dropped, then made again from their SQL."""
    if objects:
        _begin(connection)
    for name, (kind, _) in objects.items():
        connection.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    try:
        yield
    except BaseException:
        with suppress(SQLAlchemyError):  # never hide the error that ended the import
            _make(connection, objects)
        raise
    _make(connection, objects)


@contextmanager
def _fts_buffer(connection: Connection, size: int | None) -> Iterator[None]:
    """FTS5's "hashsize" setting of each full-text index for the block, set back after it. The
    setting lives in the index's own config table, inside the transaction: a rollback restores it too."""
    if size is None:
        yield
        return
    before = {index: connection.exec_driver_sql(f"SELECT v FROM {index}_config WHERE k = 'hashsize'").scalar()
              for index in fulltext.INDEXES}
    for index in fulltext.INDEXES:
        _set_fts_buffer(connection, index, size)
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # never hide the error that ended the import
            for index, value in before.items():
                _set_fts_buffer(connection, index, int(value or FTS_DEFAULT_BUFFER))


def _set_fts_buffer(connection: Connection, index: str, size: int) -> None:
    connection.exec_driver_sql(f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', ?)", (size,))


def _make(connection: Connection, objects: dict[str, tuple[str, str]]) -> None:
    with _sorting(connection):
        for _, sql in objects.values():
            connection.exec_driver_sql(sql)


@contextmanager
def _sorting(connection: Connection) -> Iterator[None]:
    """Settings for building indexes: SQLite sorts in runs of SORT_KB, each sorted by a
    helper thread while the table is read on (the parser's core is free by then). Six
    indexes on a million comments: 4.9 s against 5.5 s with the import's 32 MB and no thread."""
    before = [connection.exec_driver_sql(f"PRAGMA {name}").scalar_one() for name in ("threads", "cache_size")]
    connection.exec_driver_sql("PRAGMA threads = 1")
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SORT_KB}")
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # never hide the error that ended the import
            connection.exec_driver_sql(f"PRAGMA threads = {int(before[0])}")
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(before[1])}")


def _schema(connection: Connection, kind: str, where: str, *parameters: str) -> dict[str, tuple[str, str]]:
    """Name → (type, SQL) of the schema objects as the migrations made them (auto-indexes have no SQL)."""
    rows = connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = '{kind}' AND sql IS NOT NULL AND {where}", parameters)
    return {name: (kind, sql) for name, sql in rows}


def _in_file_order(connection: Connection, index: str) -> bool:
    columns = tuple(row[2] for row in connection.exec_driver_sql(f'PRAGMA index_info("{index}")'))
    return any(columns[: len(leading)] == leading for leading in IN_FILE_ORDER)


def _more_comments_than(connection: Connection, count: int) -> bool:
    """Counting no further than needed: a few rows' reading rather than the whole table."""
    some = select(comments.c.id).limit(count + 1).subquery()
    return connection.execute(select(func.count()).select_from(some)).scalar_one() > count


def _top(connection: Connection) -> int:
    return connection.scalar(select(func.max(comments.c.id))) or 0


def _begin(connection: Connection) -> None:
    """Make sure a transaction is open: Python's sqlite3 opens one before an INSERT,
    UPDATE or DELETE only, and would run a DROP on its own, committed at once."""
    driver = cast(sqlite3.Connection, connection.connection.driver_connection)  # only SQLite's sets anything aside
    if not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")
