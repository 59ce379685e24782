"""Who may write an SQLite database now: SQLite's write lock, taken fairly, and the two
small lock files beside the database that make it fair to moderators during an import.

- `begin_writing` takes SQLite's write lock (BEGIN IMMEDIATE). SQLite's own busy handler
  is no queue: a writer that sleeps between tries (1, 2, 5 … 100 ms) can miss every
  gap between an import's short transactions and fail after its timeout. So a writer
  that finds the database busy holds the *waiting lock* while it tries again every
  millisecond, and an import gives way whenever that lock is held (`Waiting.queued`):
  it commits, waits until the lock is free (the writer has the database then), and
  goes on. A moderator's write waits for one statement of the import, not for the import.
- The *import lock* is held by the import that is running, for as long as it runs: a
  second import is refused, and at start-up an unfinished import whose lock is free was
  ended by a crash (storage/staging.py rolls it back or completes it).

Each is an exclusive lock on an open file (flock on POSIX, msvcrt.locking on Windows),
`<database>-waiting.lock` and `<database>-import.lock`, created 0600 and left in place
(removing a lock file while another process opens it would let two hold "the" lock).
A lock ends with the process that holds it, killed or not; two opens of one file in one
process exclude each other too (the window's writer and its import thread).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from moderator.errors import DatabaseBusy
from moderator.filemodes import PRIVATE_FILE

BUSY_TIMEOUT_MS = 10_000  # how long any other statement waits for a lock (engine.py sets it)
RETRY_SECONDS = 0.001  # between two tries for the write lock while waiting


class FileLock:
    """An exclusive lock on a file, held by one open of it at a time."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self, wait: bool = False) -> bool:
        """Take the lock (or, without `wait`, say False at once when it is held elsewhere)."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        while not _lock(fd):
            if not wait:
                os.close(fd)
                return False
            time.sleep(RETRY_SECONDS)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _unlock(fd)
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def held_elsewhere(self) -> bool:
        """Is the lock held by another open of the file (another process, or thread)?"""
        if self.acquire():
            self.release()
            return False
        return True


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(database: str, name: str) -> Path:
    return Path(f"{database}-{name}.lock")


class Waiting:
    """The waiting lock of one database: held by writers waiting for SQLite's write lock."""

    def __init__(self, database: str):
        self._path = lock_path(database, "waiting")
        self._probe = FileLock(self._path)  # the import's own open, to look whether it is held

    @contextmanager
    def waiting(self) -> Iterator[FileLock]:
        """Held (when no other waiter holds it already: then that one's turn serves both)."""
        lock = FileLock(self._path)
        lock.acquire()
        try:
            yield lock
        finally:
            lock.release()

    def queued(self) -> bool:
        """Is a writer waiting? (For an import, between two statements: one system call.)"""
        return self._probe.held_elsewhere()

    def let_through(self) -> None:
        """Wait until no writer waits any more: each takes the write lock, then lets this one go."""
        self._probe.acquire(wait=True)
        self._probe.release()


def begin_writing(driver: sqlite3.Connection, waiting: Waiting | None, patience: float) -> None:
    """BEGIN IMMEDIATE on `driver`: at once if the database is free, else holding the
    waiting lock and trying every millisecond, for up to `patience` seconds, after which
    DatabaseBusy (nothing has been done: the caller may try again)."""
    driver.execute("PRAGMA busy_timeout = 0")
    try:
        if _begin(driver):
            return
        deadline = time.monotonic() + patience
        queue: AbstractContextManager[FileLock | None] = waiting.waiting() if waiting else nullcontext()
        with queue as turn:
            while not _begin(driver):
                if time.monotonic() >= deadline:
                    raise DatabaseBusy()
                if turn is not None and not turn.held:
                    turn.acquire()  # the waiter that held it is through: now this one waits
                time.sleep(RETRY_SECONDS)
    finally:
        driver.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _begin(driver: sqlite3.Connection) -> bool:
    try:
        driver.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if str(error) != "database is locked":
            raise
        return False
    return True
