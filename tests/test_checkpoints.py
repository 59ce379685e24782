"""An import's checkpoints run on a thread of their own (storage/checkpoints.py): the log is
copied into the database as the writer goes on, and stays bounded however much it writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from moderator.storage.checkpoints import Checkpoints

PAGE = 4096


def _writer(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB)")
    return connection


def _write(connection: sqlite3.Connection, checkpoints: Checkpoints | None, transactions: int) -> int:
    """Transactions of 25 pages each; → the log's largest size on disk, in pages."""
    wal, largest = Path(f"{connection.execute('PRAGMA database_list').fetchone()[2]}-wal"), 0
    for n in range(transactions):
        if checkpoints is not None:
            checkpoints.before_begin()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT INTO blobs (data) VALUES (?)", [(bytes([n % 256]) * 3000,) for _ in range(30)])
        connection.execute("COMMIT")
        if checkpoints is not None:
            checkpoints.committed()
        largest = max(largest, wal.stat().st_size // PAGE)
    return largest


def _uncopied(path: Path) -> int:
    with sqlite3.connect(path) as other:
        other.execute("SELECT count(*) FROM blobs").fetchone()  # (a read: the log is open)
        _busy, frames, copied = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return frames - copied


def test_the_log_stays_bounded_and_is_copied_beside_the_writer(tmp_path):
    unbounded = _writer(tmp_path / "alone.sqlite")
    unbounded.execute("PRAGMA wal_autocheckpoint = 0")
    grown = _write(unbounded, None, 60)  # no checkpoint at all: the log holds every page written
    unbounded.close()

    path = tmp_path / "beside.sqlite"
    writer = _writer(path)
    with Checkpoints.beside(writer, str(path)) as checkpoints:
        assert checkpoints is not None
        checkpoints.most_frames = 100
        largest = _write(writer, checkpoints, 60)
    assert writer.execute("PRAGMA wal_autocheckpoint").fetchone() == (1000,)  # SQLite's own again
    assert grown > 1500
    assert largest < 400, f"the log reached {largest} pages"
    assert _uncopied(path) == 0  # the last commit's pages were copied before it stopped
    assert writer.execute("SELECT count(*) FROM blobs").fetchone() == (1800,)
    writer.close()


def test_without_a_second_connection_the_writers_own_checkpoints_go_on(tmp_path):
    path = tmp_path / "gone.sqlite"
    writer = _writer(path)
    with Checkpoints.beside(writer, str(tmp_path / "missing-folder" / "x.sqlite")) as checkpoints:
        assert checkpoints is None
        assert writer.execute("PRAGMA wal_autocheckpoint").fetchone() == (1000,)
        largest = _write(writer, None, 60)
    assert largest < 1500  # SQLite's own checkpoints kept it
    assert writer.execute("SELECT count(*) FROM blobs").fetchone() == (1800,)
    writer.close()
