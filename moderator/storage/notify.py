"""Telling the other apps on a shared database that something changed, in one place for
both backends.

- PostgreSQL: a write that others must see (a decision, a claim changing hands) sends
  NOTIFY in its own transaction (`announce`), so it goes out when, and only if, it commits;
  each app listens on a connection of its own, on a thread of its own (`Listener`).
- SQLite: two apps on one file have no channel, but SQLite counts the commits other
  connections make (`PRAGMA data_version`); checking it costs microseconds (`DataVersion`).

Either way the app is only told "look": it then reads what changed itself
(reading/team.py), so nothing is lost when pokes coalesce.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

CHANNEL = "moderator_changes"


def announce(session: Session) -> None:
    """Tell the other apps to look, once this transaction commits (PostgreSQL; on SQLite
    they notice the commit by themselves)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(CHANNEL) is transaction:
        return  # once per transaction is enough: the others read everything it did
    session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})
    session.info[CHANNEL] = session.get_transaction()


class DataVersion:
    """Has another connection committed to this SQLite file since the last look? One
    connection of its own, kept open: SQLite's counter is per connection."""

    def __init__(self, path: str):
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._seen = self._read()

    def _read(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        now = self._read()
        changed, self._seen = now != self._seen, now
        return changed

    def close(self) -> None:
        self._connection.close()


class Listener:
    """LISTENs on a PostgreSQL connection of its own, on a daemon thread, and calls `poke`
    (from that thread) for every burst of notifications. `stop` ends it within a moment."""

    WAKE_SECONDS = 0.2  # how often the thread checks whether it should stop

    def __init__(self, engine: Engine, poke: Callable[[], None]):
        self._url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._poke, self._stop = poke, threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="db-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._listening.wait(10)  # LISTEN is in force before the window acts on what it read

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        import psycopg  # only a team database needs the driver

        while not self._stop.is_set():
            try:
                self._listen(psycopg.connect(self._url, autocommit=True))
            except psycopg.OperationalError:  # the server went away: listen again once it is back
                self._listening.set()
                self._stop.wait(1)

    def _listen(self, connection: Any) -> None:
        with connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._listening.set()
            self._poke()  # whatever happened while we were not listening
            while not self._stop.is_set():
                if list(connection.notifies(timeout=self.WAKE_SECONDS, stop_after=1)):
                    self._poke()
