"""The one place that opens databases: engine and session set-up for every backend."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any, cast

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from moderator.errors import DatabaseBusy
from moderator.filemodes import private_file
from moderator.storage.locks import BUSY_TIMEOUT_MS, Waiting, begin_writing
from moderator.storage.pgpassword import with_stored_password

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    # FULL: a decision that returned is on disk even if the machine loses power.
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)

# PostgreSQL's planner settings for each connection of the app (its other settings are the
# server's): a team database's working set is in memory or on SSD, where a page read at random
# costs about what one read in order does (the default, 4, made the planner scan a million
# scores rather than look up 12,000 by key: 0.47 s against 0.15 s for the busiest article);
# no JIT, whose compiling costs more than the short queries of a window save.
POSTGRESQL_SETTINGS = ("SET random_page_cost = 1.1", "SET jit = off")

# A session made for writing (Database.write_sessions) begins with the write lock taken:
# what it reads before it writes (a comment's status, its version) cannot change under it,
# and a concurrent writer waits (storage/locks.py) instead of failing halfway.
WRITE = "moderator_write"
# How many seconds a write session waits for the write lock before DatabaseBusy (nothing
# done yet, so it may be tried again: the window's writer does, saying it waits).
PATIENCE = "moderator_patience"


# A session for the decisions on one comment (and claims), which the rows' own locks keep
# safe (SELECT … FOR UPDATE, then UPDATE … WHERE version = seen: a stale one is refused):
# on PostgreSQL it takes the write lock shared, so a team's decisions go side by side, and
# still wait for (and hold off) a write that needs the database to itself (a bulk action,
# a rule's change). SQLite has one write lock: there it is any write session.
SHARED = "shared"
# A session for an import (Database.import_sessions): on PostgreSQL, where an import writes in
# one transaction, it takes the write lock shared too, so that decisions go on beside it, and
# the import lock (IMPORT_LOCK_KEY) alone, so that imports take turns; the article counts
# follow at its end (storage/articlecounts.COUNTS_LATER). SQLite: any write session's.
IMPORTING = "importing"

# PostgreSQL: the advisory lock every write session takes, as SQLite's write lock (any
# number that no other program on the team's database uses for its own advisory locks).
WRITE_LOCK_KEY = 0x6D6F6400  # "mod", 0
IMPORT_LOCK_KEY = WRITE_LOCK_KEY + 1
TRY_ALONE_EVERY = 0.02  # seconds between a write's tries for the write lock alone (_take_alone)


def make_engine(url: str | URL) -> Engine:
    # hide_parameters: a failed statement's message (logged, or shown) never carries the
    # values it bound: a reply's text, a commenter's e-mail or IP address. A team
    # database's password comes from the credential store (pgpassword.py), else ~/.pgpass.
    engine = create_engine(with_stored_password(url), hide_parameters=True)
    set_up = _SET_UP.get(engine.dialect.name)
    if set_up is not None:
        set_up(engine)
    return engine


def _set_up_sqlite(engine: Engine) -> None:
    _create_private(engine.url.database)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    database = database_path(engine)
    waiting = Waiting(database) if database is not None else None
    event.listen(engine, "begin", lambda connection: _begin_sqlite(connection, waiting))


def _set_up_postgresql(engine: Engine) -> None:
    event.listen(engine, "connect", _set_postgresql_settings)
    event.listen(engine, "begin", _begin_postgresql)


def _set_postgresql_settings(dbapi_connection: Any, _record: object) -> None:
    with dbapi_connection.cursor() as cursor:
        for setting in POSTGRESQL_SETTINGS:
            cursor.execute(setting)
    dbapi_connection.commit()  # psycopg opened a transaction for them: settings outlive it


def database_path(engine: Engine) -> str | None:
    """The SQLite database file the engine opens (None: in memory, a URI, another backend)."""
    database = engine.url.database
    return database if engine.dialect.name == "sqlite" and database is not None and _is_file(database) else None


def _is_file(database: str | None) -> bool:
    return bool(database) and database != ":memory:" and not str(database).startswith("file:")


def _create_private(database: str | None) -> None:
    """A new database file is created 0600 before SQLite opens it; its -wal and -shm
    files then take the same mode (moderator.filemodes)."""
    if database is None or not _is_file(database):
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


def _begin_sqlite(connection: Connection, waiting: Waiting | None) -> None:
    options = connection.get_execution_options()
    if not options.get(WRITE, False):
        connection.exec_driver_sql("BEGIN")
        return
    begin_writing(driver_of(connection), waiting, options.get(PATIENCE, BUSY_TIMEOUT_MS / 1000))


def _begin_postgresql(connection: Connection) -> None:
    """As on SQLite: a read session sees one snapshot (REPEATABLE READ: PostgreSQL's default
    READ COMMITTED sees each statement's moment); a write session first takes the write lock,
    a transaction-level advisory lock, waited for up to its patience, else DatabaseBusy."""
    options = connection.get_execution_options()
    if not options.get(WRITE, False):
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return
    patience = options.get(PATIENCE, BUSY_TIMEOUT_MS / 1000)
    if options[WRITE] in (SHARED, IMPORTING):
        _take_shared(connection, patience, importing=options[WRITE] == IMPORTING)
    else:
        _take_alone(connection, patience)
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")


def _take_shared(connection: Connection, patience: float, importing: bool) -> None:
    """The write lock shared (and for an import, the import lock alone), waited for."""
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {max(int(patience * 1000), 1)}")
    locks = [f"pg_advisory_xact_lock_shared({WRITE_LOCK_KEY})"]
    if importing:
        locks.append(f"pg_advisory_xact_lock({IMPORT_LOCK_KEY})")
    try:
        connection.exec_driver_sql(f"SELECT {', '.join(locks)}")
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) == "55P03":  # lock_not_available: nothing done yet
            raise DatabaseBusy() from error
        raise


def _take_alone(connection: Connection, patience: float) -> None:
    """The write lock alone, asked for again every TRY_ALONE_EVERY seconds rather than waited
    for: PostgreSQL grants a lock in the order asked, so a write waiting in its queue (a bulk
    action while an import runs) would hold up every decision asked for after it."""
    deadline = time.monotonic() + patience
    taken = f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK_KEY})"
    while not connection.exec_driver_sql(taken).scalar():
        if time.monotonic() >= deadline:
            raise DatabaseBusy()
        time.sleep(TRY_ALONE_EVERY)


_SET_UP = {"sqlite": _set_up_sqlite, "postgresql": _set_up_postgresql}  # each database's set-up, in one place


def driver_of(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under an SQLite engine's connection (for what SQLAlchemy has no
    words for: ATTACH, a pragma between transactions)."""
    return cast(sqlite3.Connection, connection.connection.driver_connection)


def make_session_factory(engine: Engine, write: bool = False, patience: float | None = None,
                         shared: bool = False, importing: bool = False) -> sessionmaker[Session]:
    """Sessions for reading (a snapshot each), or for writing (`write`: the write lock first,
    waited for up to `patience` seconds, by default as long as any statement waits; `shared`:
    taken shared on PostgreSQL, for decisions on one comment, see SHARED; `importing`: for an
    import, see IMPORTING)."""
    options: dict[str, Any] = {WRITE: IMPORTING if importing else SHARED if shared else True} if write else {}
    if patience is not None:
        options[PATIENCE] = patience
    # expire_on_commit=False: rows read in a task stay readable after it commits.
    return sessionmaker(engine.execution_options(**options) if options else engine, expire_on_commit=False)
