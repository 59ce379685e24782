"""The one place that opens databases: engine and session set-up for every backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from moderator.filemodes import private_file

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    # FULL: a decision that returned is on disk even if the machine loses power.
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=10000",
)


# A session made for writing (Database.write_sessions) begins with the write lock taken:
# what it reads before it writes (a comment's status, its version) cannot change under it,
# and a concurrent writer waits (busy_timeout) instead of failing halfway.
WRITE = "moderator_write"


def make_engine(url: str) -> Engine:
    # hide_parameters: a failed statement's message (logged, or shown) never carries the
    # values it bound: a reply's text, a commenter's e-mail or IP address.
    engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        _create_private(engine.url.database)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def _create_private(database: str | None) -> None:
    """A new database file is created 0600 before SQLite opens it; its -wal and -shm
    files then take the same mode (moderator.filemodes)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.exists() and path.parent.is_dir():
        private_file(path)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()
    # The driver would begin a transaction only before the first write, so the reads before it
    # (several statements of one queue page) each saw the database at another moment; here
    # every transaction begins at its first statement (_begin_sqlite): one consistent snapshot.
    dbapi_connection.isolation_level = None


def _begin_sqlite(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_session_factory(engine: Engine, write: bool = False) -> sessionmaker[Session]:
    """Sessions for reading (a snapshot each), or for writing (`write`: the write lock first)."""
    # expire_on_commit=False: rows read in a task stay readable after it commits.
    return sessionmaker(engine.execution_options(**{WRITE: True}) if write else engine, expire_on_commit=False)
