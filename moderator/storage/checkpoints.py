"""WAL checkpoints run beside an import's publishing, on a thread of their own.

Each publishing transaction appends its pages to the database's write-ahead log, and a
checkpoint copies them into the database file. Left to SQLite, the import's own commit
runs that checkpoint (wal_autocheckpoint): about 3 s of a million-comment import's 37,
each time with the second core idle. Here the import's connection runs none; after each
commit this thread runs a passive one (it never waits for, nor holds up, a reader or a
writer) on a connection of its own, while the import writes its next transaction.

The log starts again from its beginning only when a write begins with every frame copied.
The import begins its next transaction at once, so it would grow all along the import (4.5
GB for a million comments); once it holds more than MOST_FRAMES, the import waits before its
next transaction until a checkpoint has copied everything (at most CATCH_UP seconds: a
reader's old snapshot may hold it up), so the log stays near MOST_FRAMES pages.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from moderator.niceness import is_lowered, lower_this_thread

log = logging.getLogger(__name__)

MOST_FRAMES = 16_384  # pages in the log before the import waits for it to be copied (64 MB of 4 KB pages)
CATCH_UP = 2.0  # seconds the import waits for that at most


class Checkpoints:
    def __init__(self, database: str, most_frames: int = MOST_FRAMES):
        self.most_frames = most_frames
        self._connection = sqlite3.connect(database, isolation_level=None, check_same_thread=False)  # (its thread's)
        self._state = threading.Condition()
        self._asked = 0  # commits so far
        self._copied = 0  # of those, how many a complete checkpoint had seen when it began
        self._seen = 0  # how many the latest checkpoint had seen when it began
        self._frames = 0  # frames in the log at the latest checkpoint
        self._stopping = False
        self._thread = threading.Thread(target=self._run, args=(is_lowered(),), name="checkpoints", daemon=True)
        self._thread.start()

    @classmethod
    @contextmanager
    def beside(cls, driver: sqlite3.Connection, database: str) -> Iterator[Checkpoints | None]:
        """Checkpoints for the writing `driver` connection's commits, instead of its own;
        None (SQLite's own go on) when the database cannot be opened a second time."""
        try:
            checkpoints = cls(database)
        except sqlite3.Error as error:
            log.warning("no checkpoints beside the import (%s): its own commits run them", error)
            yield None
            return
        driver.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield checkpoints
        finally:
            checkpoints.close()
            driver.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default, as every connection has

    def committed(self) -> None:
        """The writer committed: its frames are to be copied."""
        with self._state:
            self._asked += 1
            self._state.notify_all()

    def before_begin(self) -> None:
        """The writer is about to begin a transaction: if the log has grown past its bound,
        first wait (a little at most) until it is all copied, so that this write starts it
        again from its beginning."""
        with self._state:
            if self._frames > self.most_frames and self._state.wait_for(
                    lambda: self._copied >= self._asked or self._stopping, timeout=CATCH_UP):
                self._frames = 0  # all copied: this write starts the log again

    def close(self) -> None:
        """Once the last commit's frames are copied (or CATCH_UP has passed), stop."""
        with self._state:
            self._state.wait_for(lambda: self._seen >= self._asked or not self._thread.is_alive(), timeout=CATCH_UP)
            self._stopping = True
            self._state.notify_all()
        self._thread.join()

    def _run(self, lowered: bool) -> None:
        if lowered:
            lower_this_thread()  # as low as the writer it serves
        connection = self._connection
        try:
            while True:
                with self._state:
                    self._state.wait_for(lambda: self._asked > self._seen or self._stopping)
                    if self._stopping:
                        return
                    asked = self._asked
                frames, copied = self._checkpoint(connection)
                with self._state:
                    self._seen, self._frames = asked, frames
                    if copied == frames:
                        self._copied = asked
                    self._state.notify_all()
        finally:
            connection.close()

    @staticmethod
    def _checkpoint(connection: sqlite3.Connection) -> tuple[int, int]:
        """A passive checkpoint: → (frames in the log, frames copied). Another connection's
        checkpoint under way makes it busy: (0, 0) then, as if nothing was there."""
        try:
            _busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as error:  # (never stops the import: SQLite's own checkpoints go on)
            log.warning("a checkpoint beside the import failed: %s", error)
            return 0, 0
        return max(frames, 0), max(copied, 0)
