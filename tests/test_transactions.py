"""How sessions meet on one SQLite file: a read session sees one snapshot from its first
statement to its end (a queue page is several statements: read at two moments, a write
committed between them once made the whole pending queue look empty), and a write session
holds the write lock from its start (what it reads before writing cannot change under it)."""

import sqlite3

import pytest
from sqlalchemy import func, select, update

from moderator.errors import DatabaseBusy
from moderator.reading import queue
from moderator.reading.queue import QueueQuery
from moderator.storage.database import open_database
from moderator.storage.engine import make_session_factory
from moderator.storage.models import Comment
from moderator.vocabulary import Status

pytestmark = pytest.mark.both_databases


def pending(session) -> int:
    return session.scalar(select(func.count()).select_from(Comment).where(Comment.status == Status.PENDING))


def test_a_read_session_sees_one_snapshot_while_a_writer_commits(demo_db):
    with demo_db.sessions() as reader:
        before = pending(reader)
        first_page = queue.page_ids(reader, QueueQuery(), limit=5)[0]
        with demo_db.write_sessions() as writer:
            writer.execute(update(Comment).where(Comment.status == Status.PENDING).values(status=Status.APPROVED))
            writer.commit()
        assert pending(reader) == before > 0  # still the moment of its first statement
        assert queue.page_ids(reader, QueueQuery(), limit=5)[0] == first_page
    with demo_db.sessions() as later:
        assert pending(later) == 0


@pytest.mark.sqlite_only  # SQLite's own lock
def test_a_write_session_takes_the_write_lock_when_it_begins(demo_db, paths):
    other = sqlite3.connect(paths.database, timeout=0, isolation_level=None)
    try:
        with demo_db.write_sessions() as writer:
            pending(writer)  # a read only: the lock is taken all the same
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the session ended
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_read_sessions_do_not_take_the_write_lock(demo_db, paths):
    other = sqlite3.connect(paths.database, timeout=0, isolation_level=None)
    try:
        with demo_db.sessions() as reader:
            pending(reader)
            other.execute("BEGIN IMMEDIATE")  # a writer elsewhere is not kept waiting by a reader
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_on_postgresql_write_sessions_take_turns_and_reads_never_wait(pg_url, paths):
    """The write lock on PostgreSQL: a second write session waits for the first, up to its
    patience, then says the database is busy, having done nothing; readers never wait."""
    database = open_database(pg_url, paths.backups)
    impatient = make_session_factory(database.engine, write=True, patience=0.2)
    try:
        with database.write_sessions() as first:
            pending(first)
            with pytest.raises(DatabaseBusy), impatient() as second:
                pending(second)
            with database.sessions() as reader:
                assert pending(reader) == 0
        with impatient() as second:
            assert pending(second) == 0  # free again once the first ended
    finally:
        database.dispose()


def test_on_postgresql_decision_sessions_go_side_by_side_and_hold_off_a_write_session(pg_url, paths):
    """Decisions on one comment take the write lock shared: two at once, while a write that
    needs the database to itself (an import, a bulk action) waits for both, and they for it."""
    database = open_database(pg_url, paths.backups)
    impatient = make_session_factory(database.engine, write=True, patience=0.2)
    impatient_decision = make_session_factory(database.engine, write=True, patience=0.2, shared=True)
    try:
        with database.decision_sessions() as first:
            pending(first)
            with impatient_decision() as second:
                assert pending(second) == 0  # no wait: shared
                with pytest.raises(DatabaseBusy), impatient() as exclusive:
                    pending(exclusive)
        with database.write_sessions() as exclusive:
            pending(exclusive)
            with pytest.raises(DatabaseBusy), impatient_decision() as decision:
                pending(decision)
    finally:
        database.dispose()
