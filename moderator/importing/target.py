"""Where an import writes, and in which transactions.

Into an SQLite database file, an import is staged (storage/staging.StagedImport): it
reads the database in short transactions, writes its new comments and its changes to
the staging file, takes the write lock only for new sites and articles, and publishes
at the end in short steps. Into any other database (in memory, PostgreSQL, whose rows
lock one by one) it writes straight into the caller's one transaction (`Direct`). The
writers (writer.py, articles.py) see the same `Target` either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from sqlalchemy import Connection


class Target(Protocol):
    connection: Connection

    def reading(self) -> AbstractContextManager[Connection]:
        """A transaction that reads the database (and writes the staging file, if any)."""
        ...

    def writing(self) -> AbstractContextManager[Connection]:
        """A transaction that writes the database: keep it short."""
        ...

    def record(self, **values: Any) -> None:
        """What the import's row keeps (its site)."""
        ...


class Direct:
    """The caller's transaction, for everything: it commits or rolls back the whole file."""

    def __init__(self, connection: Connection):
        self.connection = connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        yield self.connection

    writing = reading

    def record(self, **values: Any) -> None:
        pass  # no row: the caller's transaction is all or nothing by itself
