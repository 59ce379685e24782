"""The full-text index during an import: new comments indexed a batch at a time.

SQLite's FTS5 index of comments (migration 0004; moderator/search.py) is kept in step
by triggers, so every path that writes comments keeps it right without knowing of it.
For an import the insert trigger is the largest cost: SQLite runs it once per row, and
that took longer than the insert itself (bench/import.py; even a trigger whose WHEN
clause is false costs that much). So inside the import's own transaction, and only
there, the insert trigger is set aside, and each batch of new comments is indexed by
one INSERT … SELECT as soon as it is written:

- the trigger is dropped at the start and created again from its own stored SQL before
  the import returns, whether it succeeded or failed;
- SQLite's DDL is transactional: no other connection ever sees the trigger gone, and a
  rollback (a bad file, a cancel, a crash) restores it with everything else;
- from the drop on, the import holds the database's only write lock, so every comment
  with an id above the highest at the start is one of its own.

The update and delete triggers stay: an import that changes a comment's body or
author updates the index through them. Other databases have no full-text index
(search.py falls back to ILIKE there) and nothing here applies to them.
"""

from __future__ import annotations

from contextlib import contextmanager, suppress
from typing import Iterator

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import SQLAlchemyError

from moderator.storage.models import Comment

INSERT_TRIGGER = "comments_fts_insert"
# What the insert trigger does for one row, for a range of rows.
INDEX_RANGE = ("INSERT INTO comments_fts(rowid, body, author) "
               "SELECT id, body, author FROM comments WHERE id > ? AND id <= ?")
comments = Comment.__table__


class BatchIndex:
    """Indexes the comments written since it last did (none where there is no index)."""

    def __init__(self, connection: Connection, active: bool):
        self.connection, self.active = connection, active
        self.done = self._top() if active else 0

    def catch_up(self) -> None:
        if not self.active:
            return
        top = self._top()
        if top > self.done:
            self.connection.exec_driver_sql(INDEX_RANGE, (self.done, top))
            self.done = top

    def _top(self) -> int:
        return self.connection.scalar(select(func.max(comments.c.id))) or 0


@contextmanager
def indexed_in_batches(connection: Connection) -> Iterator[BatchIndex]:
    """For the import's transaction: the insert trigger set aside, a BatchIndex instead."""
    trigger = _insert_trigger(connection)
    if trigger is None:
        yield BatchIndex(connection, active=False)
        return
    _begin(connection)
    connection.exec_driver_sql(f"DROP TRIGGER {INSERT_TRIGGER}")
    index = BatchIndex(connection, active=True)
    try:
        yield index
    except BaseException:
        # Never hide the error that ended the import; and should a caller commit what
        # it has anyway, the index and the trigger are still right.
        with suppress(SQLAlchemyError):
            index.catch_up()
        with suppress(SQLAlchemyError):
            connection.exec_driver_sql(trigger)
        raise
    index.catch_up()
    connection.exec_driver_sql(trigger)


def _insert_trigger(connection: Connection) -> str | None:
    """The insert trigger's SQL as the migration made it; None without one."""
    if connection.dialect.name != "sqlite":
        return None
    return connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)).scalar()


def _begin(connection: Connection) -> None:
    """Make sure a transaction is open: Python's sqlite3 opens one before an INSERT,
    UPDATE or DELETE only, and would run the DROP TRIGGER on its own, committed at once."""
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")
